#include "LivePanel.h"

#include "AlarmDialog.h"
#include "ChartWidget.h"
#include "LiveTableModel.h"
#include "common/Theme.h"
#include "model/LiveValuesModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pyrolink {

namespace {

const QString kColumnWidthsKey = QStringLiteral("live/tableColumnWidths");
const QString kSplitterKey = QStringLiteral("live/splitter");

// Same decimals as a recording of the register (DeviceSession::startRecording).
int chartDecimals(const RegisterDef &def)
{
    return def.type == ValueType::F32 ? 3 : def.decimals;
}

} // namespace

LivePanel::LivePanel(QWidget *parent)
    : SessionPanel(parent), m_model(new LiveTableModel(this)), m_table(new QTableView(this)),
      m_chart(new ChartWidget(this)), m_splitter(new QSplitter(Qt::Vertical, this)),
      m_summary(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("qualitySummary"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Tick a register to chart it; right-click for alarm limits."));

    // Actions of the table, with shortcuts while the panel has focus; the context menu offers them too.
    auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    QAction *reset = action(tr("Reset statistics"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                            [this] { resetStatistics(); });
    reset->setObjectName(QStringLiteral("resetStatistics"));
    QAction *alarms =
        action(tr("Alarm limits…"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { editAlarm(currentRow()); });
    alarms->setObjectName(QStringLiteral("alarmLimits"));
    QAction *chart = action(tr("Show in chart"), QKeySequence(Qt::CTRL | Qt::Key_T), [this] {
        const QModelIndex index = m_model->index(currentRow(), LiveValuesModel::Name);
        if (index.isValid() && (m_model->flags(index) & Qt::ItemIsUserCheckable))
            m_model->setData(
                index, index.data(Qt::CheckStateRole).toInt() == Qt::Checked ? Qt::Unchecked : Qt::Checked,
                Qt::CheckStateRole);
    });
    chart->setObjectName(QStringLiteral("showInChart"));
    // Space pauses the chart wherever the focus is in this tab.
    addAction(m_chart->pauseAction());

    auto button = [this](QAction *a) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_summary, 1);
    bar->addWidget(button(alarms));
    bar->addWidget(button(reset));
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_table, 1);

    m_splitter->addWidget(top);
    m_splitter->addWidget(m_chart);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    if (!m_splitter->restoreState(QSettings().value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({280, 420});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);

    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(kSplitterKey, m_splitter->saveState()); });
    // The user's column widths; the last column stretches with the window and is not one of them.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column, int, int) {
        if (m_applyingWidths || column >= m_model->columnCount() - 1)
            return;
        QVariantList widths;
        for (int c = 0; c + 1 < m_model->columnCount(); ++c)
            widths.append(m_table->columnWidth(c));
        QSettings().setValue(kColumnWidthsKey, widths);
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &LivePanel::showContextMenu);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == LiveValuesModel::Value)
            editAlarm(index.row());
    });
    connect(m_model, &LiveTableModel::chartedChanged, this,
            [this](const QStringList &ids) { chooseChannels(ids, true); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LivePanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LivePanel::updateSummary);
    updateSummary();
}

LivePanel::~LivePanel() = default;

QString LivePanel::chartedKey(const QString &profileId, const QString &model)
{
    return QStringLiteral("live/chartChannels/%1/%2")
        .arg(profileId, model.isEmpty() ? QStringLiteral("-") : model);
}

void LivePanel::sessionChanged()
{
    // Signals of the previous session stop here, whether or not it still exists.
    if (m_connected) {
        disconnect(m_connected, nullptr, this, nullptr);
        disconnect(m_connected, nullptr, m_chart, nullptr);
    }
    m_connected = m_session;
    DeviceSession *s = m_session;
    m_model->setLiveModel(s ? s->liveModel() : nullptr, s ? s->profile().id : QString());
    m_chart->setHistory(s ? s->history() : nullptr);

    // Column widths are lost with every model reset: put back the user's (or sensible ones).
    const QVariantList saved = QSettings().value(kColumnWidthsKey).toList();
    const int ch = fontMetrics().horizontalAdvance(u'0');
    const QList<int> defaults{26 * ch, 11 * ch, 6 * ch, 8 * ch, 13 * ch, 10 * ch, 10 * ch, 10 * ch};
    m_applyingWidths = true;
    for (int c = 0; c < m_model->columnCount() && c < defaults.size(); ++c) {
        const int w = c < saved.size() ? saved.at(c).toInt() : 0;
        m_table->setColumnWidth(c, w > 10 ? w : defaults.at(c));
    }
    m_applyingWidths = false;

    if (!s) {
        m_shownChannels.clear();
        m_chart->setChannels({});
        updateSummary();
        return;
    }
    // The fast registers (the process values) first, in profile order, then the rest; only the view's order
    // changes, model rows stay those of the poller.
    QHeaderView *rows = m_table->verticalHeader();
    int to = 0;
    const auto &regs = s->poller()->registers();
    for (int row = 0; row < regs.size(); ++row)
        if (regs.at(row)->poll == PollClass::Fast)
            rows->moveSection(rows->visualIndex(row), to++);

    const int interval = s->poller()->interval(PollClass::Fast);
    m_chart->setSampleIntervalMs(interval > 0 ? interval : 100);
    connect(s, &DeviceSession::historyAppended, this, &LivePanel::onHistoryAppended);
    connect(s, &DeviceSession::recordingChanged, this, &LivePanel::updateChartEditable);
    // The remembered choice (ids joined by commas, so that "none" survives too) applies once, when a session
    // is first shown; after that the session's channels are the truth (the recording tab edits them too), so
    // switching devices back and forth changes nothing.
    static const char *const kApplied = "pyrolinkLiveChoiceApplied";
    const QString key = chartedKey(s->profile().id, s->model());
    const QVariant remembered = QSettings().value(key);
    const bool first = !s->property(kApplied).toBool();
    s->setProperty(kApplied, true);
    if (first && remembered.isValid() && !s->isRecording())
        chooseChannels(remembered.toString().split(u',', Qt::SkipEmptyParts), false);
    else
        syncFromSession(false);
    updateChartEditable();
    updateSummary();
}

void LivePanel::setChartedRegisters(const QStringList &registerIds)
{
    chooseChannels(registerIds, true);
}

QStringList LivePanel::chartedRegisters() const
{
    return m_model->charted();
}

void LivePanel::chooseChannels(const QStringList &registerIds, bool remember)
{
    DeviceSession *s = m_session;
    if (!s)
        return;
    // A recording writes a fixed set of columns: the channels wait until it stops.
    if (!s->isRecording()) {
        QList<const RegisterDef *> chosen;
        for (const RegisterDef *def : s->poller()->registers())
            if (def->isNumeric() && registerIds.contains(def->id))
                chosen.append(def);
        if (chosen != s->historyChannels())
            s->setHistoryChannels(chosen);
    }
    syncFromSession(remember);
}

// The chart draws the session's history channels, which are also what a recording writes.
void LivePanel::syncFromSession(bool remember)
{
    DeviceSession *s = m_session;
    if (!s)
        return;
    const DevicePoller *poller = s->poller();
    m_shownChannels = s->historyChannels();
    QStringList ids;
    QList<ChartChannel> channels;
    int numeric = 0;
    for (const RegisterDef *def : poller->registers()) {
        if (!def->isNumeric())
            continue;
        ++numeric;
        if (!m_shownChannels.contains(def))
            continue;
        ids.append(def->id);
        ChartChannel channel;
        channel.key = DeviceSession::historyKey(def);
        channel.name = def->name;
        channel.unit = displayUnit(s->profile(), *def, poller->readings());
        channel.decimals = chartDecimals(*def);
        channel.colorIndex = numeric - 1; // a register keeps its colour whatever else is charted
        channels.append(channel);
    }
    m_model->setCharted(ids);
    m_chart->setChannels(channels);
    if (remember)
        QSettings().setValue(chartedKey(s->profile().id, s->model()), ids.join(u','));
}

void LivePanel::onHistoryAppended()
{
    // Someone else (the recording tab) may have changed the channels: follow, and remember that choice.
    if (m_session && m_session->historyChannels() != m_shownChannels)
        syncFromSession(true);
    m_chart->scheduleReplot();
}

void LivePanel::updateChartEditable()
{
    const bool recording = m_session && m_session->isRecording();
    m_model->setChartEditable(!recording);
    updateSummary();
}

void LivePanel::updateSummary()
{
    if (!m_session) {
        m_summary->setText(tr("No device."));
        return;
    }
    int good = 0, stale = 0, error = 0, alarms = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        switch (Quality(m_model->index(row, 0).data(LiveValuesModel::QualityRole).toInt())) {
        case Quality::Good:
            ++good;
            break;
        case Quality::Stale:
            ++stale;
            break;
        case Quality::Error:
            ++error;
            break;
        case Quality::Unknown:
            break;
        }
        if (m_model->alarmState(row) != LiveTableModel::AlarmState::None)
            ++alarms;
    }
    const auto part = [](const QString &color, const QString &text) {
        return QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2").arg(color, text);
    };
    QStringList parts{part(Theme::goodColor(), tr("%1 good").arg(good))};
    if (stale)
        parts.append(part(Theme::staleColor(), tr("%1 stale").arg(stale)));
    if (error)
        parts.append(part(Theme::errorColor(), tr("%1 error").arg(error)));
    if (alarms)
        parts.append(part(Theme::errorColor(), tr("%n alarm(s)", nullptr, alarms)));
    if (m_session->isRecording())
        parts.append(tr("recording: the charted registers are fixed until it stops"));
    m_summary->setText(parts.join(QStringLiteral(" &nbsp; ")));
}

int LivePanel::currentRow() const
{
    return m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
}

void LivePanel::resetStatistics()
{
    if (m_session)
        m_session->liveModel()->resetStatistics();
}

void LivePanel::editAlarm(int row)
{
    const RegisterDef *def = m_model->registerAt(row);
    if (!def || !def->isNumeric())
        return;
    const QString unit = m_model->index(row, LiveValuesModel::Unit).data().toString();
    const double current = m_model->index(row, 0).data(LiveValuesModel::NumericValueRole).toDouble();
    AlarmDialog dialog(*def, unit, m_model->alarm(def->id), current, this);
    if (dialog.exec() == QDialog::Accepted)
        m_model->setAlarm(def->id, dialog.limits());
}

void LivePanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = index.row();
    m_table->setCurrentIndex(index);
    QMenu menu(this);
    const QModelIndex name = m_model->index(row, LiveValuesModel::Name);
    if (m_model->isChartable(row)) {
        QAction *chart = menu.addAction(tr("Show in chart"));
        chart->setCheckable(true);
        chart->setChecked(name.data(Qt::CheckStateRole).toInt() == Qt::Checked);
        chart->setEnabled(m_model->isChartEditable());
        connect(chart, &QAction::toggled, this, [this, name](bool on) {
            m_model->setData(name, on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        });
        menu.addAction(tr("Alarm limits…"), this, [this, row] { editAlarm(row); });
        const QString id = m_model->registerAt(row)->id;
        if (m_model->alarm(id).isSet())
            menu.addAction(tr("Clear alarm limits"), this, [this, id] { m_model->setAlarm(id, {}); });
        menu.addSeparator();
    }
    menu.addAction(tr("Reset statistics"), this, &LivePanel::resetStatistics);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace pyrolink
