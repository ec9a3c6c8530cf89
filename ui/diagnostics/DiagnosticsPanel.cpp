#include "DiagnosticsPanel.h"

#include "common/Theme.h"
#include "model/TrafficLogModel.h"
#include "profile/Codec.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QClipboard>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcDiagnosticsUi, "pyrolink.ui.diagnostics", QtWarningMsg)

namespace pyrolink {

namespace {

constexpr int kStatsIntervalMs = 500; // counters at 2 Hz: readable, and cheap
constexpr int kReadIntervalMs = 2000; // identity and error registers are slow or once: no need to hurry
constexpr int kScrollDelayMs = 50;    // one scroll for a burst of frames, not one per frame

/// Colours failed frames in the theme's error colour and shows a long PDU in full in its tooltip. Core knows
/// no colours: the model only says which rows are errors (TrafficLogModel::ErrorRole).
class TrafficLogProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.data(TrafficLogModel::ErrorRole).toBool())
            return QBrush(QColor(Theme::errorColor()));
        if (role == Qt::TextAlignmentRole &&
            (index.column() == TrafficLogModel::Direction || index.column() == TrafficLogModel::Unit))
            return int(Qt::AlignCenter);
        if (role == Qt::ToolTipRole && index.column() == TrafficLogModel::Function)
            return index.data(Qt::DisplayRole); // an exception's name may be cut off in the column
        if (role == Qt::ToolTipRole && index.column() == TrafficLogModel::Bytes) {
            // 16 bytes a line: a long answer stays readable instead of one line across the screen.
            const QString hex = index.data(Qt::DisplayRole).toString();
            QStringList lines;
            for (qsizetype i = 0; i < hex.size(); i += 16 * 3)
                lines << hex.mid(i, 16 * 3 - 1);
            return QString(QIdentityProxyModel::data(index, role).toString() + u'\n' + lines.join(u'\n'));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("serial"))
        return DiagnosticsPanel::tr("Serial number");
    if (role == QLatin1String("firmware"))
        return DiagnosticsPanel::tr("Firmware");
    if (role == QLatin1String("model"))
        return DiagnosticsPanel::tr("Device model");
    return role.left(1).toUpper() + role.mid(1);
}

QString stateName(DevicePoller::State state)
{
    switch (state) {
    case DevicePoller::State::Stopped:
        return DiagnosticsPanel::tr("Stopped");
    case DevicePoller::State::Connecting:
        return DiagnosticsPanel::tr("Connecting");
    case DevicePoller::State::Connected:
        return DiagnosticsPanel::tr("Connected");
    case DevicePoller::State::Waiting:
        return DiagnosticsPanel::tr("Waiting to reconnect");
    }
    return {};
}

/// Sets text, colour and tooltip only when they change: the labels are refreshed twice a second, and a
/// style sheet costs a re-polish.
void setLabel(QLabel *label, const QString &text, const QString &color = {}, const QString &toolTip = {})
{
    if (label->text() != text)
        label->setText(text);
    const QString sheet = color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color);
    if (label->styleSheet() != sheet)
        label->setStyleSheet(sheet);
    if (label->toolTip() != toolTip)
        label->setToolTip(toolTip);
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse); // a serial number is made to be copied
    label->setWordWrap(true);
    label->setMinimumWidth(60);
    return label;
}

} // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : SessionPanel(parent), m_statsTimer(new QTimer(this)), m_readTimer(new QTimer(this)),
      m_scrollTimer(new QTimer(this))
{
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(createIdentityBox(), 4);
    boxes->addWidget(createErrorsBox(), 2);
    boxes->addWidget(createCommunicationBox(), 3);

    // The traffic log gets the room that is left. A plain box layout rather than a splitter: it gives the
    // wrapped titles and values above the height they need at the width they get.
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(boxes);
    layout->addWidget(createTrafficBox(), 1);

    m_statsTimer->setInterval(kStatsIntervalMs);
    connect(m_statsTimer, &QTimer::timeout, this, [this] {
        updateStats();
        updateValues();
    });
    m_readTimer->setInterval(kReadIntervalMs);
    connect(m_readTimer, &QTimer::timeout, this, &DiagnosticsPanel::refreshRegisters);
    m_scrollTimer->setSingleShot(true);
    m_scrollTimer->setInterval(kScrollDelayMs);
    connect(m_scrollTimer, &QTimer::timeout, m_traffic, &QTableView::scrollToBottom);

    rebuild();
}

DiagnosticsPanel::~DiagnosticsPanel()
{
    if (m_connected)
        m_connected->setTrafficLogging(false);
}

QStringList DiagnosticsPanel::diagnosticGroups()
{
    return {QStringLiteral("diagnostics")};
}

QWidget *DiagnosticsPanel::createIdentityBox()
{
    auto *box = new QGroupBox(tr("Identity"), this);
    box->setObjectName(QStringLiteral("identityBox"));
    auto *layout = new QVBoxLayout(box);
    m_identityValues = new QWidget(box);
    layout->addWidget(m_identityValues);
    layout->addStretch();
    return box;
}

QWidget *DiagnosticsPanel::createErrorsBox()
{
    m_errorsBox = new QGroupBox(tr("Device errors"), this);
    m_errorsBox->setObjectName(QStringLiteral("errorsBox"));
    auto *layout = new QVBoxLayout(m_errorsBox);
    m_errorValues = new QWidget(m_errorsBox);
    layout->addWidget(m_errorValues);
    m_actions = new QWidget(m_errorsBox);
    auto *actions = new QVBoxLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_actions);
    m_lockHint =
        new QLabel(tr("Writing to this device is locked; unlock it to use these commands."), m_errorsBox);
    m_lockHint->setObjectName(QStringLiteral("lockHint"));
    m_lockHint->setWordWrap(true);
    m_lockHint->setForegroundRole(QPalette::PlaceholderText); // a hint, muted in either theme
    layout->addWidget(m_lockHint);
    m_actionMessage = new QLabel(m_errorsBox);
    m_actionMessage->setObjectName(QStringLiteral("actionMessage"));
    m_actionMessage->setWordWrap(true);
    layout->addWidget(m_actionMessage);
    layout->addStretch();
    return m_errorsBox;
}

QWidget *DiagnosticsPanel::createCommunicationBox()
{
    auto *box = new QGroupBox(tr("Communication"), this);
    box->setObjectName(QStringLiteral("communicationBox"));
    auto *layout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<std::pair<const char *, QString>> rows{
        {"state", tr("State")},
        {"message", tr("Last message")},
        {"requests", tr("Requests")},
        {"responses", tr("Responses")},
        {"timeouts", tr("Timeouts")},
        {"exceptions", tr("Exceptions")},
        {"otherErrors", tr("Other errors")},
        {"reconnects", tr("Reconnects")},
        {"cycles", tr("Cycles")},
        {"lateCycles", tr("Late cycles")},
        {"lastCycle", tr("Last cycle")},
    };
    for (const auto &[key, title] : rows) {
        QLabel *value = valueLabel(box);
        value->setObjectName(QStringLiteral("stat_") + QLatin1String(key));
        form->addRow(title + u':', value);
        m_stats.insert(QLatin1String(key), value);
    }
    m_stats.value(QStringLiteral("lateCycles"))
        ->setToolTip(tr("Fast cycles that started more than half an interval late, or were skipped because "
                        "the device had not answered the previous one yet."));
    layout->addLayout(form);
    m_resetStats = new QPushButton(tr("Reset counters"), box);
    m_resetStats->setObjectName(QStringLiteral("resetCounters"));
    m_resetStats->setToolTip(tr("Start counting requests, answers and errors from zero."));
    connect(m_resetStats, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->poller()->resetStats();
        updateStats();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_resetStats);
    layout->addLayout(buttons);
    layout->addStretch();
    return box;
}

QWidget *DiagnosticsPanel::createTrafficBox()
{
    auto *box = new QGroupBox(tr("Traffic log"), this);
    box->setObjectName(QStringLiteral("trafficBox"));

    m_rowLimit = new QSpinBox(box);
    m_rowLimit->setObjectName(QStringLiteral("rowLimit"));
    m_rowLimit->setRange(10, 100000);
    m_rowLimit->setSingleStep(100);
    m_rowLimit->setValue(2000);
    m_rowLimit->setToolTip(tr("The log keeps at most this many frames; the oldest go first."));
    auto *limitLabel = new QLabel(tr("&Keep last"), box);
    limitLabel->setBuddy(m_rowLimit);
    auto *framesLabel = new QLabel(tr("frames"), box);
    m_pause = new QPushButton(tr("&Pause"), box);
    m_pause->setObjectName(QStringLiteral("pauseTraffic"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop logging new frames, so the ones shown can be read. Polling goes on."));
    m_clear = new QPushButton(tr("Cl&ear"), box);
    m_clear->setObjectName(QStringLiteral("clearTraffic"));
    m_copy = new QPushButton(tr("C&opy"), box);
    m_copy->setObjectName(QStringLiteral("copyTraffic"));
    m_copy->setToolTip(tr("Copy the selected frames as text, with their bytes in hex (Ctrl+C)."));
    m_copy->setEnabled(false);

    auto *tools = new QHBoxLayout;
    tools->addWidget(limitLabel);
    tools->addWidget(m_rowLimit);
    tools->addWidget(framesLabel);
    tools->addStretch();
    tools->addWidget(m_pause);
    tools->addWidget(m_clear);
    tools->addWidget(m_copy);

    m_traffic = new QTableView(box);
    m_traffic->setObjectName(QStringLiteral("trafficLog"));
    m_proxy = new TrafficLogProxy(this);
    m_traffic->setModel(m_proxy);
    m_traffic->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_traffic->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_traffic->setWordWrap(false);
    m_traffic->setAlternatingRowColors(true);
    m_traffic->verticalHeader()->hide();
    // Fixed row heights and column widths: measuring thousands of changing rows would cost every frame.
    const QFontMetrics fm(m_traffic->font());
    m_traffic->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_traffic->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    QHeaderView *header = m_traffic->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("Unit")) + 16);
    header->setDefaultSectionSize(fm.horizontalAdvance(u'0') * 12);
    // The header has its sections once a log is shown; until then there is nothing to size.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DiagnosticsPanel::sizeTrafficColumns);
    auto *copy = new QAction(tr("&Copy"), m_traffic);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_traffic->addAction(copy);
    m_traffic->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, &DiagnosticsPanel::copySelectedTraffic);
    connect(m_traffic->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copy->setEnabled(m_traffic->selectionModel()->hasSelection()); });

    connect(m_rowLimit, &QSpinBox::valueChanged, this, [this](int rows) {
        if (m_session)
            m_session->trafficLog()->setRowLimit(rows);
    });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Res&ume") : tr("&Pause"));
        updateTrafficLogging();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->trafficLog()->clear();
    });
    connect(m_copy, &QPushButton::clicked, this, &DiagnosticsPanel::copySelectedTraffic);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DiagnosticsPanel::scheduleScroll);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(tools);
    layout->addWidget(m_traffic, 1);
    return box;
}

void DiagnosticsPanel::sizeTrafficColumns()
{
    const QFontMetrics fm(m_traffic->font());
    const int pad = 20;
    m_traffic->setColumnWidth(TrafficLogModel::Time,
                              fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + pad);
    m_traffic->setColumnWidth(TrafficLogModel::Direction, fm.horizontalAdvance(tr("Dir")) + pad);
    m_traffic->setColumnWidth(TrafficLogModel::Unit, fm.horizontalAdvance(tr("Unit")) + pad);
    m_traffic->setColumnWidth(TrafficLogModel::Function,
                              fm.horizontalAdvance(TrafficLogModel::functionName(QByteArray(1, 0x03))) + pad);
    // A request (5 bytes) and a short answer in full; longer answers are elided, and whole in the tooltip.
    m_traffic->setColumnWidth(TrafficLogModel::Bytes, fm.horizontalAdvance(QStringLiteral("00 ")) * 12 + pad);
}

void DiagnosticsPanel::sessionChanged()
{
    if (m_connected) {
        m_connected->setTrafficLogging(false);
        disconnect(m_connected, nullptr, this, nullptr);
        disconnect(m_connected->poller(), nullptr, this, nullptr);
    }
    m_connected = m_session;
    m_proxy->setSourceModel(m_session ? m_session->trafficLog() : nullptr);
    if (m_session) {
        connect(m_session, &DeviceSession::writeUnlockedChanged, this, &DiagnosticsPanel::updateActions);
        connect(m_session->poller(), &DevicePoller::stateChanged, this, [this] {
            updateActions();
            if (m_shown)
                updateStats(); // a lost connection is news now, not at the next tick
        });
        // Rows read on request come back between two timer ticks: show them as they arrive.
        connect(m_session->poller(), &DevicePoller::valuesChanged, this, [this] {
            if (m_shown)
                updateValues();
        });
        const QSignalBlocker blocker(m_rowLimit);
        m_rowLimit->setValue(m_session->trafficLog()->rowLimit());
    }
    m_writing = false;
    m_actionMessage->clear();
    rebuild();
    updateTrafficLogging();
    if (m_shown) {
        refreshRegisters();
        updateStats();
        scheduleScroll();
    }
}

void DiagnosticsPanel::clearValues(QWidget *container, QList<ValueRow> *rows)
{
    rows->clear();
    qDeleteAll(container->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    delete container->layout();
    // A grid rather than a form: it gives wrapped titles the height they need.
    auto *grid = new QGridLayout(container);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
}

DiagnosticsPanel::ValueRow DiagnosticsPanel::addValueRow(QWidget *container, const QString &label,
                                                         const RegisterDef *def)
{
    auto *grid = static_cast<QGridLayout *>(container->layout());
    const int row = grid->count() / 2;
    QLabel *value = valueLabel(container);
    if (def)
        value->setObjectName(QStringLiteral("value_") + def->id);
    auto *title = new QLabel(label + u':', container);
    // Register names can be long ("CT sensor information: upper temperature"): wrapped, they leave the
    // values room for a serial number or a profile name on one line.
    title->setWordWrap(true);
    title->setMaximumWidth(title->fontMetrics().averageCharWidth() * 22);
    title->setMinimumWidth(
        std::min(title->fontMetrics().horizontalAdvance(title->text()) + 2, title->maximumWidth()));
    if (def)
        title->setToolTip(QStringLiteral("%1 (%2 %3)\n%4")
                              .arg(def->name, tableName(def->table))
                              .arg(def->address)
                              .arg(def->description));
    grid->addWidget(title, row, 0, Qt::AlignTop);
    grid->addWidget(value, row, 1, Qt::AlignTop);
    return {def, value};
}

void DiagnosticsPanel::rebuild()
{
    clearValues(m_identityValues, &m_identityRows);
    clearValues(m_errorValues, &m_errorRows);
    qDeleteAll(m_actionButtons);
    m_actionButtons.clear();
    m_readList.clear();

    if (!m_session) {
        addValueRow(m_identityValues, tr("Device"), nullptr).value->setText(tr("No device selected."));
        m_errorsBox->hide();
        updateStats();
        return;
    }
    const Profile &profile = m_session->profile();
    const QString model = m_session->model();
    DevicePoller *poller = m_session->poller();

    // What the program knows without asking the device.
    addValueRow(m_identityValues, tr("Profile"), nullptr).value->setText(profile.name);
    if (const ModelDef *m = profile.model(model))
        addValueRow(m_identityValues, tr("Model"), nullptr).value->setText(m->name);
    const QString where = m_session->settings().describe();
    addValueRow(m_identityValues, tr("Connection"), nullptr)
        .value->setText(m_session->simulator() ? tr("%1 (built-in simulator)").arg(where) : where);

    // What the device says about itself: the identity roles first, in a fixed order, then the other
    // registers of their groups (an interface board's firmware, sensor limits).
    QStringList roles{QStringLiteral("serial"), QStringLiteral("firmware"), QStringLiteral("model")};
    for (const QString &role : profile.identity.keys())
        if (!roles.contains(role))
            roles.append(role);
    QStringList identityGroups;
    QList<const RegisterDef *> shown;
    for (const QString &role : std::as_const(roles)) {
        const RegisterDef *def = profile.findById(profile.identity.value(role), model);
        if (!def)
            continue;
        m_identityRows.append(addValueRow(m_identityValues, roleLabel(role), def));
        shown.append(def);
        if (!def->group.isEmpty() && !identityGroups.contains(def->group))
            identityGroups.append(def->group);
    }
    for (const RegisterDef *def : poller->registers())
        if (identityGroups.contains(def->group) && !shown.contains(def))
            m_identityRows.append(addValueRow(m_identityValues, def->name, def));

    // The device's own error registers, and its actions on them (reset the count).
    const QStringList groups = diagnosticGroups();
    for (const RegisterDef *def : poller->registers())
        if (groups.contains(def->group))
            m_errorRows.append(addValueRow(m_errorValues, def->name, def));
    for (const RegisterDef *def : profile.registersFor(model)) {
        if (!def->isAction || !groups.contains(def->group))
            continue;
        auto *button = new QPushButton(def->actionLabel.isEmpty() ? def->name : def->actionLabel, m_actions);
        button->setObjectName(QStringLiteral("action_") + def->id);
        m_actions->layout()->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, def] { confirmAction(def); });
        m_actionButtons.append(button);
    }
    m_errorsBox->setVisible(!m_errorRows.isEmpty() || !m_actionButtons.isEmpty());

    for (const ValueRow &row : std::as_const(m_identityRows))
        m_readList.append(row.def);
    for (const ValueRow &row : std::as_const(m_errorRows))
        m_readList.append(row.def);
    updateValues();
    updateActions();
    updateStats();
}

void DiagnosticsPanel::updateValues()
{
    if (!m_session)
        return;
    const DevicePoller *poller = m_session->poller();
    for (const QList<ValueRow> *rows : {&m_identityRows, &m_errorRows}) {
        for (const ValueRow &row : *rows) {
            const int index = poller->rowOf(row.def);
            if (index < 0) {
                setLabel(row.value, tr("—"), {}, tr("This register is not read from this device."));
                continue;
            }
            const Reading &r = poller->reading(index);
            if (!r.hasValue()) {
                if (r.quality == Quality::Error)
                    setLabel(row.value, r.error, Theme::errorColor());
                else
                    setLabel(row.value, tr("—"), {}, tr("Not read yet."));
                continue;
            }
            const QString unit = displayUnit(m_session->profile(), *row.def, poller->readings());
            QString text = Codec::formatWords(*row.def, r.raw);
            if (!unit.isEmpty())
                text += u' ' + unit;
            if (r.quality == Quality::Good)
                setLabel(row.value, text);
            else
                setLabel(row.value, text,
                         r.quality == Quality::Error ? Theme::errorColor() : Theme::staleColor(), r.error);
        }
    }
}

void DiagnosticsPanel::updateStats()
{
    auto set = [this](const char *key, const QString &text, const QString &color = {}) {
        setLabel(m_stats.value(QLatin1String(key)), text, color,
                 m_stats.value(QLatin1String(key))->toolTip());
    };
    m_resetStats->setEnabled(!m_session.isNull());
    if (!m_session) {
        for (QLabel *label : std::as_const(m_stats))
            label->setText(tr("—"));
        return;
    }
    const DevicePoller *poller = m_session->poller();
    const PollStats &s = poller->stats();
    const QLocale locale;
    const DevicePoller::State state = poller->state();
    set("state", stateName(state),
        state == DevicePoller::State::Connected ? Theme::goodColor()
        : state == DevicePoller::State::Stopped ? QString()
                                                : Theme::staleColor());
    set("message", poller->lastMessage().isEmpty() ? tr("—") : poller->lastMessage());
    set("requests", locale.toString(s.requests));
    set("responses", locale.toString(s.responses));
    set("timeouts", locale.toString(s.timeouts), s.timeouts ? Theme::staleColor() : QString());
    QStringList byName;
    for (auto it = s.exceptionsByCode.cbegin(); it != s.exceptionsByCode.cend(); ++it)
        byName << QStringLiteral("%1: %2").arg(modbusExceptionName(it.key()), locale.toString(it.value()));
    set("exceptions",
        byName.isEmpty()
            ? locale.toString(s.exceptions)
            : QStringLiteral("%1 (%2)").arg(locale.toString(s.exceptions), byName.join(QLatin1String(", "))),
        s.exceptions ? Theme::errorColor() : QString());
    set("otherErrors", locale.toString(s.otherErrors), s.otherErrors ? Theme::errorColor() : QString());
    set("reconnects", locale.toString(s.reconnects));
    set("cycles", locale.toString(s.cycles));
    set("lateCycles", locale.toString(s.lateCycles));
    set("lastCycle",
        s.cycles ? tr("%1 ms, %n request(s)", nullptr, s.requestsLastCycle).arg(s.lastCycleMs) : tr("—"));
}

void DiagnosticsPanel::updateActions()
{
    const bool unlocked = m_session && m_session->isWriteUnlocked();
    const bool connected = m_session && m_session->poller()->state() == DevicePoller::State::Connected;
    m_lockHint->setVisible(!m_actionButtons.isEmpty() && !unlocked);
    for (QPushButton *button : std::as_const(m_actionButtons)) {
        button->setEnabled(unlocked && !m_writing);
        button->setToolTip(!unlocked    ? tr("Writing to this device is locked. Unlock writing first.")
                           : !connected ? tr("The device is not connected; the command would fail.")
                                        : QString());
    }
}

void DiagnosticsPanel::refreshRegisters()
{
    if (m_session && !m_readList.isEmpty())
        m_session->poller()->requestRead(m_readList);
}

void DiagnosticsPanel::confirmAction(const RegisterDef *def)
{
    if (!m_session || !m_session->isWriteUnlocked())
        return;
    const QString label = def->actionLabel.isEmpty() ? def->name : def->actionLabel;
    // Opened, not exec()'d: polling, counters and the traffic log go on while the question waits.
    auto *box = new QMessageBox(QMessageBox::Question, label, tr("%1 on %2?").arg(label, m_session->title()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmAction"));
    box->setInformativeText(def->description);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(label);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<DeviceSession> session = m_session;
    connect(box, &QMessageBox::finished, this, [this, box, def, session] {
        // Writing may have been locked again while the question was open.
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes && session &&
            session == m_session && session->isWriteUnlocked())
            runAction(def);
    });
    box->open();
}

void DiagnosticsPanel::runAction(const RegisterDef *def)
{
    const QString label = def->actionLabel.isEmpty() ? def->name : def->actionLabel;
    QString error;
    const std::optional<WriteItem> item = RegisterIo::prepare(*def, def->actionValue, &error);
    if (!item) {
        setLabel(m_actionMessage, tr("%1 failed: %2").arg(label, error), Theme::errorColor());
        return;
    }
    m_writing = true;
    updateActions();
    setLabel(m_actionMessage, tr("%1…").arg(label));
    const QPointer<DiagnosticsPanel> self(this);
    const QPointer<DeviceSession> session = m_session;
    m_session->write({*item}, [self, session, label](const QList<WriteOutcome> &outcomes) {
        if (!self || !session || session != self->m_session)
            return;
        self->m_writing = false;
        const WriteOutcome o = outcomes.value(0);
        qCInfo(lcDiagnosticsUi).noquote()
            << session->title() << label << (o.written ? QStringLiteral("done") : o.error);
        if (o.written)
            setLabel(self->m_actionMessage, tr("%1: done.").arg(label), Theme::goodColor());
        else
            setLabel(self->m_actionMessage, tr("%1 failed: %2").arg(label, o.error), Theme::errorColor());
        self->updateActions();
        self->refreshRegisters(); // show the effect now, not in two seconds
    });
}

void DiagnosticsPanel::updateTrafficLogging()
{
    if (m_session)
        m_session->setTrafficLogging(m_shown && !m_pause->isChecked());
}

QString DiagnosticsPanel::selectedTrafficText() const
{
    QModelIndexList rows = m_traffic->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList fields;
        for (int column = 0; column < m_proxy->columnCount(); ++column)
            fields << m_proxy->index(row.row(), column).data().toString();
        lines << fields.join(u'\t');
    }
    return lines.join(u'\n');
}

void DiagnosticsPanel::copySelectedTraffic()
{
    const QString text = selectedTrafficText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text + u'\n');
}

void DiagnosticsPanel::scheduleScroll()
{
    if (!m_pause->isChecked() && m_shown && !m_scrollTimer->isActive())
        m_scrollTimer->start();
}

void DiagnosticsPanel::showEvent(QShowEvent *event)
{
    SessionPanel::showEvent(event);
    m_shown = true;
    updateTrafficLogging();
    refreshRegisters();
    updateValues();
    updateStats();
    m_statsTimer->start();
    m_readTimer->start();
    scheduleScroll();
}

void DiagnosticsPanel::hideEvent(QHideEvent *event)
{
    SessionPanel::hideEvent(event);
    m_shown = false;
    m_statsTimer->stop();
    m_readTimer->stop();
    updateTrafficLogging();
}

} // namespace pyrolink
