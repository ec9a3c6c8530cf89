#include "ConfigurationPanel.h"

#include "secrets/WriteUnlock.h"

#include "ApplyDialog.h"
#include "ConfigCommands.h"
#include "profile/Codec.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcConfig, "pyrolink.ui.config", QtWarningMsg)

namespace pyrolink {

/// One Apply (or action) of one device: written register by register, so that it can stop between two.
struct ConfigurationPanel::WriteRun
{
    DeviceSession *key = nullptr;
    QPointer<DeviceSession> session;
    QList<WriteItem> queue; ///< not sent yet
    int total = 0;
    QList<WriteOutcome> outcomes;
    QString current;     ///< name of the register being written
    QString actionLabel; ///< non-empty for an action button's write
    bool cancelled = false;
};

/// What the panel keeps of a device while another one is shown.
struct ConfigurationPanel::DeviceState
{
    QHash<QString, QVariant> pending; ///< register id -> the user's unapplied value
    QHash<QString, ConfigField::MarkInfo> marks;
    QUndoStack *undo = nullptr;
    std::shared_ptr<WriteRun> run;
    QString status;
};

namespace {

/// A padlock, closed or open, drawn in the palette's text colour: QStyle has no lock among its standard
/// icons.
QIcon lockIcon(bool open, const QColor &color)
{
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 3.2, Qt::SolidLine, Qt::RoundCap));
    QPainterPath shackle;
    const double left = 9.5, right = 22.5, top = 3.5;
    shackle.moveTo(left, open ? 10 : 15);
    shackle.lineTo(left, 10);
    shackle.arcTo(QRectF(left, top, right - left, 13), 180, -180);
    shackle.lineTo(right, open ? 8 : 15); // open: the right leg is out of its hole
    if (open)
        p.translate(0, -2);
    p.drawPath(shackle);
    p.resetTransform();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3);
    p.setBrush(Qt::transparent);
    p.setPen(QPen(QColor(color.lightness() > 128 ? Qt::black : Qt::white), 2.4, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(16, 20), QPointF(16, 25));
    return QIcon(pm);
}

QString addressOf(const RegisterDef &def)
{
    return QStringLiteral("%1 %2").arg(tableName(def.table)).arg(def.address);
}

bool isUnitSelector(const Profile &profile, const RegisterDef &def)
{
    for (const UnitSelector &s : profile.unitSelectors)
        if (s.registerId == def.id)
            return true;
    return false;
}

} // namespace

ConfigurationPanel::ConfigurationPanel(QWidget *parent)
    : SessionPanel(parent), m_undoGroup(new QUndoGroup(this))
{
    QToolBar *bar = createToolBar();

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &ConfigurationPanel::cancel);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(8, 0, 8, 0);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(bar);
    layout->addLayout(statusRow);
    layout->addWidget(m_scroll, 1);

    clearForm();
    updateActions();
}

ConfigurationPanel::~ConfigurationPanel()
{
    // The fields outlive this part of the panel (QWidget deletes them later) and still signal on their way
    // out (a focused spin box finishes its edit): nothing may reach the half-destroyed panel.
    for (ConfigField *f : std::as_const(m_fields))
        f->disconnect(this);
    m_undoGroup->disconnect(this);
    // Writes still in flight find no state and do nothing (their callbacks hold a QPointer to the panel).
    for (auto it = m_states.begin(); it != m_states.end(); ++it)
        if (it->run)
            it->run->cancelled = true;
}

QToolBar *ConfigurationPanel::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    QStyle *st = style();

    m_unlock = bar->addAction(tr("Unlock writing"));
    m_unlock->setCheckable(true);
    m_unlock->setToolTip(tr("Writing to this device is locked until you unlock it. The lock is per device."));
    connect(m_unlock, &QAction::toggled, this, [this](bool on) {
        if (!m_shown)
            return;
        if (!on) {
            m_shown->setWriteUnlocked(false);
            return;
        }
        // Asks for the device's write-unlock PIN when one is kept in the keychain; stays locked otherwise.
        requestWriteUnlock(m_shown, this, [this, s = QPointer<DeviceSession>(m_shown)](bool ok) {
            if (!ok && s == m_shown) {
                const QSignalBlocker block(m_unlock);
                m_unlock->setChecked(false);
            }
        });
    });
    bar->addSeparator();

    m_read = bar->addAction(st->standardIcon(QStyle::SP_BrowserReload), tr("Read from device"));
    m_read->setToolTip(tr("Read every value of the form from the device. Edited fields keep your values."));
    connect(m_read, &QAction::triggered, this, &ConfigurationPanel::readFromDevice);

    m_apply = bar->addAction(st->standardIcon(QStyle::SP_DialogApplyButton), tr("Apply…"));
    m_apply->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_apply, &QAction::triggered, this, &ConfigurationPanel::apply);

    m_revert = bar->addAction(st->standardIcon(QStyle::SP_DialogResetButton), tr("Revert"));
    m_revert->setToolTip(tr("Put every edited field back to the device's value."));
    connect(m_revert, &QAction::triggered, this, &ConfigurationPanel::revert);
    bar->addSeparator();

    m_undo = bar->addAction(st->standardIcon(QStyle::SP_ArrowBack), tr("Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, m_undoGroup, &QUndoGroup::undo);
    m_redo = bar->addAction(st->standardIcon(QStyle::SP_ArrowForward), tr("Redo"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_redo, &QAction::triggered, m_undoGroup, &QUndoGroup::redo);
    connect(m_undoGroup, &QUndoGroup::canUndoChanged, this, &ConfigurationPanel::updateActions);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, this, &ConfigurationPanel::updateActions);
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, this, &ConfigurationPanel::updateActions);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, this, &ConfigurationPanel::updateActions);

    // The shortcuts act while the focus is anywhere in this panel, not in the other tabs.
    for (QAction *a : {m_apply, m_undo, m_redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_summary = new QLabel(bar);
    m_summary->setContentsMargins(0, 0, 8, 0);
    bar->addWidget(m_summary);
    return bar;
}

QUndoStack *ConfigurationPanel::undoStack() const
{
    return m_undoGroup->activeStack();
}

bool ConfigurationPanel::isWriting() const
{
    const auto it = m_states.constFind(m_shown);
    return it != m_states.cend() && it->run;
}

QString ConfigurationPanel::statusText() const
{
    return m_status->text();
}

ConfigurationPanel::DeviceState &ConfigurationPanel::stateOf(DeviceSession *session)
{
    auto it = m_states.find(session);
    if (it == m_states.end()) {
        DeviceState state;
        state.undo = new QUndoStack(this);
        m_undoGroup->addStack(state.undo);
        it = m_states.insert(session, state);
        // Raw pointer as key: it is only compared, never used, once the session is gone.
        connect(session, &QObject::destroyed, this, [this, session] { forget(session); });
    }
    return *it;
}

void ConfigurationPanel::forget(DeviceSession *session)
{
    if (!m_states.contains(session))
        return;
    DeviceState state = m_states.take(session);
    if (state.run)
        state.run->cancelled = true;
    delete state.undo;
    if (session == m_shown) {
        m_shown = nullptr;
        clearForm();
        updateProgress();
        updateActions();
    }
}

void ConfigurationPanel::sessionChanged()
{
    if (m_dialog)
        m_dialog->reject(); // it lists the previous device's changes
    saveState();
    clearForm();
    m_shown = m_session.data();
    if (m_shown) {
        DeviceState &state = stateOf(m_shown);
        m_undoGroup->setActiveStack(state.undo);
        buildForm();
        restoreState();
        m_status->setText(state.status);
        startRead(true, false); // the stored status (e.g. "changes kept") stays when it is done
    } else {
        m_undoGroup->setActiveStack(nullptr);
        m_status->clear();
    }
    updateProgress();
    updateActions();
}

void ConfigurationPanel::saveState()
{
    if (!m_shown || !m_states.contains(m_shown))
        return;
    DeviceState &state = m_states[m_shown];
    state.pending.clear();
    state.marks.clear();
    for (const ConfigField *f : std::as_const(m_fields)) {
        if (f->isEdited())
            state.pending.insert(f->def().id, f->value());
        if (f->mark() != ConfigField::Mark::None)
            state.marks.insert(f->def().id, f->markInfo());
    }
}

void ConfigurationPanel::restoreState()
{
    DeviceState &state = m_states[m_shown];
    for (auto it = state.pending.cbegin(); it != state.pending.cend(); ++it)
        if (ConfigField *f = field(it.key()))
            f->setValue(it.value());
    for (auto it = state.marks.cbegin(); it != state.marks.cend(); ++it)
        if (ConfigField *f = field(it.key()))
            f->setMark(it.value());
    if (!state.pending.isEmpty() && !state.run)
        state.status = tr("%n unapplied change(s) kept from before.", nullptr, int(state.pending.size()));
}

void ConfigurationPanel::clearForm()
{
    for (const auto &c : std::as_const(m_links))
        disconnect(c);
    m_links.clear();
    for (ConfigField *f : std::as_const(m_fields))
        f->disconnect(this); // a focused editor finishes its edit while it is deleted
    m_fields.clear();
    m_byId.clear();
    m_byRow.clear();
    m_actionButtons.clear();
    m_selectorRows.clear();
    m_readPending.clear();
    delete m_scroll->takeWidget();
    m_profile.reset();

    auto *empty = new QLabel(tr("No device. Add one with File › Add device (Ctrl+N)."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_scroll->setWidget(empty);
}

QList<const RegisterDef *> ConfigurationPanel::formRegisters(const DeviceSession *session)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : session->profile().registersFor(session->model()))
        if (def->table == Table::Holding || def->table == Table::Coil)
            out.append(def);
    return out;
}

void ConfigurationPanel::buildForm()
{
    DeviceSession *session = m_shown;
    DevicePoller *poller = session->poller();
    const Profile &profile = session->profile();
    m_profile = session->profilePtr();

    // Profile group order; registers of no (or an unknown) group go to "Other" at the end.
    QList<QPair<QString, QList<const RegisterDef *>>> groups;
    for (const GroupDef &g : profile.groups)
        groups.append({g.id, {}});
    groups.append({QString(), {}});
    for (const RegisterDef *def : formRegisters(session)) {
        if (def->isAction && !def->isWritable())
            continue;
        auto it = std::find_if(groups.begin(), groups.end(),
                               [def](const auto &g) { return g.first == def->group; });
        if (it == groups.end() || def->group.isEmpty())
            it = groups.end() - 1;
        it->second.append(def);
    }

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(8, 4, 8, 8);
    for (const auto &[groupId, defs] : std::as_const(groups)) {
        if (defs.isEmpty())
            continue;
        const GroupDef *g = profile.group(groupId);
        auto *box = new QGroupBox(g ? g->name : tr("Other"), content);
        box->setObjectName(QStringLiteral("group_") +
                           (groupId.isEmpty() ? QStringLiteral("other") : groupId));
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        for (const RegisterDef *def : defs) {
            if (def->isAction) {
                form->addRow(def->name, actionRow(def));
                continue;
            }
            auto *f = new ConfigField(*def, box);
            form->addRow(f->label(), f);
            m_fields.append(f);
            m_byId.insert(def->id, f);
            const int row = poller->rowOf(def);
            if (row >= 0) {
                m_byRow.insert(row, f);
                f->setReading(poller->reading(row));
            }
            connect(f, &ConfigField::edited, this,
                    [this, f](const QVariant &from, const QVariant &to) { onFieldEdited(f, from, to); });
            connect(f, &ConfigField::editingFinished, this, &ConfigurationPanel::sealLastEdit);
            connect(f, &ConfigField::stateChanged, this, &ConfigurationPanel::updateActions);
        }
        column->addWidget(box);
    }
    column->addStretch(1);
    // One label column for all groups, so that the fields line up from group to group.
    int labelWidth = 0;
    for (QGroupBox *box : content->findChildren<QGroupBox *>())
        for (QLabel *label : box->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
            labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QGroupBox *box : content->findChildren<QGroupBox *>())
        for (QLabel *label : box->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
            label->setMinimumWidth(labelWidth);
    // Narrow enough to read across; the rest of a wide window stays empty rather than stretching the rows.
    content->setMaximumWidth(fontMetrics().averageCharWidth() * 130);
    auto *outer = new QWidget;
    auto *centre = new QHBoxLayout(outer);
    centre->setContentsMargins(0, 0, 0, 0);
    centre->addWidget(content, 1);
    centre->addStretch(0);
    delete m_scroll->takeWidget();
    m_scroll->setWidget(outer);

    for (const UnitSelector &s : profile.unitSelectors)
        if (const RegisterDef *def = profile.findById(s.registerId, session->model());
            def && poller->rowOf(def) >= 0)
            m_selectorRows.insert(poller->rowOf(def));
    refreshUnits();

    m_links << connect(poller, &DevicePoller::valuesChanged, this, &ConfigurationPanel::onValuesChanged);
    m_links << connect(poller, &DevicePoller::stateChanged, this, [this](DevicePoller::State s) {
        if (s == DevicePoller::State::Connected) {
            startRead(false, false); // a reconnect dropped what was queued: ask again
        } else if (s == DevicePoller::State::Waiting && !m_readPending.isEmpty()) {
            m_readPending.clear();
            setStatus(m_shown, tr("The device is not answering; the form shows the last values read."));
            updateProgress();
        }
    });
    m_links << connect(session, &DeviceSession::writeUnlockedChanged, this,
                       &ConfigurationPanel::updateActions);
}

QWidget *ConfigurationPanel::actionRow(const RegisterDef *def)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *button = new QPushButton(def->actionLabel.isEmpty() ? def->name : def->actionLabel, row);
    button->setObjectName(def->id);
    button->setToolTip(QStringLiteral("<b>%1</b> (%2)<p>%3</p><p><i>%4 · %5</i></p>")
                           .arg(def->name.toHtmlEscaped(), def->id, def->description.toHtmlEscaped(),
                                addressOf(*def), tr("asks before writing %1").arg(def->actionValue)));
    connect(button, &QPushButton::clicked, this, [this, def] { confirmAction(def); });
    layout->addWidget(button);
    layout->addStretch(1);
    m_actionButtons.insert(def->id, button);
    return row;
}

void ConfigurationPanel::onValuesChanged(const QList<int> &rows)
{
    if (!m_shown)
        return;
    const DevicePoller *poller = m_shown->poller();
    const bool waiting = !m_readPending.isEmpty();
    bool units = false;
    for (int row : rows) {
        ConfigField *f = m_byRow.value(row);
        if (!f)
            continue;
        const Reading &r = poller->reading(row);
        f->setReading(r);
        units = units || m_selectorRows.contains(row);
        if (r.timestampMs >= m_readSince || r.quality == Quality::Error)
            m_readPending.remove(row);
    }
    if (units)
        refreshUnits();
    if (waiting && m_readPending.isEmpty()) {
        if (m_announceRead)
            setStatus(m_shown, tr("Read from the device at %1.")
                                   .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        updateProgress();
    }
}

void ConfigurationPanel::refreshUnits()
{
    if (!m_shown)
        return;
    const QList<Reading> &readings = m_shown->poller()->readings();
    for (ConfigField *f : std::as_const(m_fields))
        f->setUnit(displayUnit(m_shown->profile(), f->def(), readings));
}

void ConfigurationPanel::onFieldEdited(ConfigField *field, const QVariant &from, const QVariant &to)
{
    if (QUndoStack *stack = undoStack())
        stack->push(new FieldEditCommand(this, field->def().id, tr("edit %1").arg(field->def().name), from,
                                         to, true));
}

void ConfigurationPanel::sealLastEdit()
{
    QUndoStack *stack = undoStack();
    if (!stack || stack->index() == 0)
        return;
    // QUndoStack hands out its commands as const; sealing only stops future merges, which is ours to say.
    if (auto *cmd = dynamic_cast<const FieldEditCommand *>(stack->command(stack->index() - 1)))
        const_cast<FieldEditCommand *>(cmd)->seal();
}

void ConfigurationPanel::readFromDevice()
{
    startRead(true, true);
}

void ConfigurationPanel::startRead(bool track, bool announce)
{
    if (!m_shown)
        return;
    DevicePoller *poller = m_shown->poller();
    QList<const RegisterDef *> defs;
    for (const ConfigField *f : std::as_const(m_fields))
        defs.append(&f->def());
    poller->requestRead(defs); // the poller reads those it can (readable, polled) and skips the others
    if (!track)
        return;
    m_readPending = QSet<int>(m_byRow.keyBegin(), m_byRow.keyEnd());
    m_readSince = QDateTime::currentMSecsSinceEpoch();
    m_announceRead = announce;
    if (poller->state() == DevicePoller::State::Waiting) {
        // Queued reads are dropped while it reconnects; they are asked again once it succeeds.
        m_readPending.clear();
        setStatus(m_shown, tr("Not connected: the values are read when the device answers."));
    }
    updateProgress();
}

void ConfigurationPanel::revert()
{
    QUndoStack *stack = undoStack();
    if (!stack)
        return;
    QList<ConfigField *> edited;
    for (ConfigField *f : std::as_const(m_fields)) {
        if (f->isEdited())
            edited.append(f);
        else if (!f->problem().isEmpty())
            f->revert(); // half-typed text that never became a value: nothing to undo
    }
    if (edited.isEmpty())
        return;
    stack->beginMacro(tr("revert %n field(s)", nullptr, int(edited.size())));
    for (ConfigField *f : std::as_const(edited)) {
        stack->push(new FieldEditCommand(this, f->def().id, tr("revert %1").arg(f->def().name), f->value(),
                                         f->deviceValue(), false));
        sealLastEdit();
    }
    stack->endMacro();
    setStatus(m_shown, tr("Reverted %n field(s) to the device's values.", nullptr, int(edited.size())));
}

void ConfigurationPanel::apply()
{
    updateActions();
    if (!m_apply->isEnabled() || !m_shown)
        return;
    QList<WriteItem> items, last;
    QList<PendingChange> changes, lastChanges;
    QStringList selectors;
    for (const ConfigField *f : std::as_const(m_fields)) {
        if (!f->isEdited())
            continue;
        QString why;
        const auto item = f->writeItem(&why);
        if (!item) {
            setStatus(m_shown, why);
            return;
        }
        const PendingChange change{f->def().name, addressOf(f->def()), f->deviceText(), f->text(), f->unit()};
        // A unit switch goes last: every other value is written in the unit it was typed in.
        if (isUnitSelector(m_shown->profile(), f->def())) {
            last.append(*item);
            lastChanges.append(change);
            selectors << f->def().name;
        } else {
            items.append(*item);
            changes.append(change);
        }
    }
    items += last;
    changes += lastChanges;
    const QString note =
        selectors.isEmpty() || items.size() == last.size()
            ? QString()
            : tr("%1 is written last, so that the other values are written in the unit they were typed in.")
                  .arg(selectors.join(QStringLiteral(", ")));
    m_dialog = new ApplyDialog(m_shown->title(), changes, note, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    DeviceSession *session = m_shown;
    connect(m_dialog, &QDialog::accepted, this, [this, session, items] {
        if (session == m_shown && session->isWriteUnlocked() && !isWriting())
            startRun(session, items, QString());
    });
    m_dialog->open(); // window-modal, no nested event loop: polling and progress go on
}

void ConfigurationPanel::confirmAction(const RegisterDef *def)
{
    if (!m_shown || !m_shown->isWriteUnlocked() || isWriting())
        return;
    QString why;
    const auto item = RegisterIo::prepare(*def, def->actionValue, &why);
    if (!item) {
        setStatus(m_shown, why);
        return;
    }
    const QString label = def->actionLabel.isEmpty() ? def->name : def->actionLabel;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Confirm"),
                                tr("%1 on %2?").arg(label, m_shown->title()), QMessageBox::NoButton, this);
    box->setInformativeText(
        tr("%1\n\nWrites %2 to %3 (%4).")
            .arg(def->description, Codec::formatValue(*def, def->actionValue), def->name, addressOf(*def))
            .trimmed());
    QAbstractButton *yes = box->addButton(label, QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel); // a factory reset is not what Enter should do
    box->setAttribute(Qt::WA_DeleteOnClose);
    DeviceSession *session = m_shown;
    const WriteItem toWrite = *item;
    connect(box, &QMessageBox::finished, this, [this, box, yes, session, toWrite, label] {
        if (box->clickedButton() == yes && session == m_shown && session->isWriteUnlocked() && !isWriting())
            startRun(session, {toWrite}, label);
    });
    box->open();
}

void ConfigurationPanel::startRun(DeviceSession *session, const QList<WriteItem> &items,
                                  const QString &actionLabel)
{
    auto run = std::make_shared<WriteRun>();
    run->key = session;
    run->session = session;
    run->queue = items;
    run->total = int(items.size());
    run->actionLabel = actionLabel;
    stateOf(session).run = run;
    qCDebug(lcConfig) << "writing" << items.size() << "registers to" << session->title();
    writeNext(run);
    updateActions();
}

void ConfigurationPanel::writeNext(const std::shared_ptr<WriteRun> &run)
{
    if (!m_states.contains(run->key) || m_states.value(run->key).run != run)
        return; // the device was closed meanwhile
    if (run->cancelled || run->queue.isEmpty() || !run->session) {
        finishRun(run);
        return;
    }
    const WriteItem item = run->queue.takeFirst();
    run->current = item.def->name;
    if (run->key == m_shown)
        updateProgress();
    QPointer<ConfigurationPanel> self(this);
    run->session->write({item}, [self, run](const QList<WriteOutcome> &outcomes) {
        if (self)
            self->onWritten(run, outcomes);
    });
}

void ConfigurationPanel::onWritten(const std::shared_ptr<WriteRun> &run, const QList<WriteOutcome> &outcomes)
{
    if (!m_states.contains(run->key))
        return;
    run->outcomes += outcomes;
    DeviceState &state = m_states[run->key];
    for (const WriteOutcome &o : outcomes) {
        const QString id = o.item.def->id;
        if (o.item.def->isAction)
            continue; // no field: the status line reports it
        if (run->key == m_shown) {
            if (ConfigField *f = field(id))
                f->applyOutcome(o);
            continue;
        }
        // Not shown now: the same bookkeeping as ConfigField::applyOutcome, on the saved state.
        const bool known = !o.readBack.isEmpty() || (o.written && !o.item.def->isReadable());
        if (known && state.pending.contains(id) && ConfigField::wrote(o, state.pending.value(id)))
            state.pending.remove(id);
        state.marks.insert(id, ConfigField::markFor(o));
    }
    // Next register from the event loop, not from inside the poller's callback.
    QMetaObject::invokeMethod(
        this, [this, run] { writeNext(run); }, Qt::QueuedConnection);
}

void ConfigurationPanel::finishRun(const std::shared_ptr<WriteRun> &run)
{
    DeviceState &state = m_states[run->key];
    state.run.reset();
    int verified = 0, mismatched = 0, failed = 0;
    for (const WriteOutcome &o : std::as_const(run->outcomes)) {
        const ConfigField::Mark mark = ConfigField::markFor(o).mark;
        verified += mark == ConfigField::Mark::Verified || mark == ConfigField::Mark::Written;
        mismatched += mark == ConfigField::Mark::Mismatch;
        failed += mark == ConfigField::Mark::Error;
    }
    QString text;
    if (!run->actionLabel.isEmpty()) {
        const WriteOutcome o = run->outcomes.value(0);
        text = o.written ? tr("%1: done.").arg(run->actionLabel)
                         : tr("%1 failed: %2").arg(run->actionLabel, o.error);
    } else {
        QStringList parts;
        if (verified)
            parts << tr("%n verified", nullptr, verified);
        if (mismatched)
            parts << tr("%n mismatched", nullptr, mismatched);
        if (failed)
            parts << tr("%n failed", nullptr, failed);
        text = tr("Wrote %1 of %n register(s): %2.", nullptr, run->total)
                   .arg(run->outcomes.size())
                   .arg(parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", ")));
        if (run->cancelled && !run->queue.isEmpty())
            text += QLatin1Char(' ') + tr("Cancelled: %n register(s) not written; their edits are kept.",
                                          nullptr, int(run->queue.size()));
    }
    setStatus(run->key, text);
    // Writes have side effects (a unit switch converts the set points, factory defaults reset everything):
    // read the whole form again, quietly. Un-edited fields follow; marks stay.
    if (run->session && run->key == m_shown)
        startRead(false, false);
    else if (run->session)
        run->session->poller()->requestRead(formRegisters(run->session));
    emit writeFinished(run->outcomes);
    updateProgress();
    updateActions();
}

void ConfigurationPanel::cancel()
{
    if (!m_shown)
        return;
    DeviceState &state = m_states[m_shown];
    if (state.run && !state.run->cancelled) {
        state.run->cancelled = true;
        updateProgress();
        return;
    }
    if (!m_readPending.isEmpty()) {
        m_readPending.clear();
        setStatus(m_shown, tr("Stopped waiting for the device; values that still arrive are shown."));
        updateProgress();
    }
}

void ConfigurationPanel::setStatus(DeviceSession *session, const QString &text)
{
    if (!session || !m_states.contains(session))
        return;
    m_states[session].status = text;
    if (session == m_shown)
        m_status->setText(text);
}

void ConfigurationPanel::updateProgress()
{
    const std::shared_ptr<WriteRun> run =
        m_states.contains(m_shown) ? m_states.constFind(m_shown)->run : nullptr;
    if (run) {
        const int done = int(run->outcomes.size());
        m_progress->setRange(0, run->total);
        m_progress->setValue(done);
        if (run->cancelled)
            m_status->setText(
                tr("Cancelling: waiting for %1, which is being written now…").arg(run->current));
        else
            m_status->setText(tr("Writing %1 of %2: %3…").arg(done + 1).arg(run->total).arg(run->current));
        // The register on the wire cannot be taken back; only those after it can be cancelled.
        m_cancel->setEnabled(!run->cancelled && !run->queue.isEmpty());
        m_cancel->setToolTip(
            run->queue.isEmpty()
                ? tr("The last register is being written: a write on its way cannot be stopped.")
                : tr("Write no more registers after the one being written now."));
        m_progress->show();
        m_cancel->show();
        return;
    }
    if (!m_readPending.isEmpty()) {
        m_progress->setRange(0, 0); // busy: the poller does not say how far it got
        m_status->setText(tr("Reading %n register(s)…", nullptr, int(m_readPending.size())));
        m_cancel->setEnabled(true);
        m_cancel->setToolTip(tr("Stop waiting; values that still arrive are shown."));
        m_progress->show();
        m_cancel->show();
        return;
    }
    m_progress->hide();
    m_cancel->hide();
    if (m_shown && m_states.contains(m_shown))
        m_status->setText(m_states.constFind(m_shown)->status);
}

void ConfigurationPanel::updateActions()
{
    const bool have = m_shown != nullptr;
    const bool unlocked = have && m_shown->isWriteUnlocked();
    const bool writing = isWriting();
    int edited = 0, invalid = 0;
    QString firstProblem;
    for (const ConfigField *f : std::as_const(m_fields)) {
        const QString why = f->problem();
        if (!why.isEmpty()) {
            if (!invalid++)
                firstProblem = why;
        } else if (f->isEdited()) {
            ++edited;
        }
    }

    {
        const QSignalBlocker block(m_unlock);
        m_unlock->setChecked(unlocked);
    }
    m_unlock->setEnabled(have);
    m_unlock->setText(unlocked ? tr("Writing unlocked") : tr("Unlock writing"));
    m_unlock->setIcon(lockIcon(unlocked, palette().color(QPalette::ButtonText)));
    m_read->setEnabled(have);
    m_revert->setEnabled(edited + invalid > 0);

    m_apply->setEnabled(unlocked && !writing && edited > 0 && invalid == 0);
    QString applyTip;
    if (!have)
        applyTip = tr("No device.");
    else if (!unlocked)
        applyTip = tr("Writing is locked for this device: unlock it first.");
    else if (writing)
        applyTip = tr("A write is under way.");
    else if (invalid)
        applyTip = tr("Correct the marked fields first: %1").arg(firstProblem);
    else if (!edited)
        applyTip = tr("Nothing edited.");
    else
        applyTip = tr("Review and write %n change(s) (Ctrl+Return).", nullptr, edited);
    m_apply->setToolTip(applyTip);

    for (QPushButton *b : std::as_const(m_actionButtons))
        b->setEnabled(unlocked && !writing);

    const QUndoStack *stack = undoStack();
    m_undo->setEnabled(stack && stack->canUndo());
    m_redo->setEnabled(stack && stack->canRedo());
    m_undo->setToolTip(stack && stack->canUndo() ? tr("Undo %1 (Ctrl+Z)").arg(stack->undoText())
                                                 : tr("Undo (Ctrl+Z)"));
    m_redo->setToolTip(stack && stack->canRedo() ? tr("Redo %1 (Ctrl+Shift+Z)").arg(stack->redoText())
                                                 : tr("Redo (Ctrl+Shift+Z)"));

    QStringList summary;
    if (edited)
        summary << tr("%n edited", nullptr, edited);
    if (invalid)
        summary << tr("%n invalid", nullptr, invalid);
    if (have && !unlocked)
        summary << tr("writing locked");
    m_summary->setText(summary.join(QStringLiteral(" · ")));
}

void ConfigurationPanel::changeEvent(QEvent *event)
{
    SessionPanel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateActions(); // the lock icon is drawn in the palette's colour
}

} // namespace pyrolink
