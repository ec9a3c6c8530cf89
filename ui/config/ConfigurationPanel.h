#pragma once

#include "common/SessionPanel.h"
#include "config/ConfigField.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>

class QAbstractButton;
class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QToolBar;
class QUndoGroup;
class QUndoStack;

namespace pyrolink {

class ApplyDialog;

/// The configuration form of the selected device, generated from its profile and model: one group box per
/// profile group, one ConfigField per holding register or coil (read-only ones shown, not editable), and a
/// button per action register. It reads the device's values when shown; edited fields are marked; Apply lists
/// the changes, asks to confirm, writes them one by one through the poller (cancellable between registers),
/// and marks each field verified, mismatched or failed from its read-back. Undo/Redo cover every edit.
///
/// Writing stays locked until the user unlocks it for the device (DeviceSession::setWriteUnlocked).
///
/// Unapplied edits are never lost by switching devices: the edits, marks, undo history, status and any write
/// in progress are kept per session (a QHash keyed by the session, dropped when the session is destroyed),
/// and come back with the form when the device is selected again. A write goes on in the background while
/// another device is shown; its outcome is recorded for its own device.
class ConfigurationPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit ConfigurationPanel(QWidget *parent = nullptr);
    ~ConfigurationPanel() override;

    /// The field of a register of the shown device, nullptr if the form has none.
    ConfigField *field(const QString &registerId) const { return m_byId.value(registerId); }
    QList<ConfigField *> fields() const { return m_fields; }
    /// The button of an action register (error_count_reset, set_default, ...).
    QPushButton *actionButton(const QString &registerId) const { return m_actionButtons.value(registerId); }

    QAction *unlockAction() const { return m_unlock; }
    QAction *readAction() const { return m_read; }
    QAction *applyAction() const { return m_apply; }
    QAction *revertAction() const { return m_revert; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    /// The undo history of the shown device (nullptr without a device).
    QUndoStack *undoStack() const;
    /// A write of the shown device is under way.
    bool isWriting() const;
    /// The last event or the progress, in one line ("Writing 2 of 3: Epsilon…").
    QString statusText() const;

    /// Asks the device for every value of the form; un-edited fields follow what comes back.
    void readFromDevice();
    /// Shows the Apply dialog for the edited fields; confirming writes them.
    void apply();
    /// Every edited field back to the device's value (one undo step).
    void revert();
    /// Stops a write after the register being written now (a Modbus write in flight cannot be taken back),
    /// or stops waiting for a read.
    void cancel();

signals:
    /// A batch of writes of any device finished (cancelled items are not in the list).
    void writeFinished(const QList<pyrolink::WriteOutcome> &outcomes);

protected:
    void sessionChanged() override;
    void changeEvent(QEvent *event) override;

private:
    struct WriteRun;
    struct DeviceState;

    QToolBar *createToolBar();
    DeviceState &stateOf(DeviceSession *session);
    void forget(DeviceSession *session);
    void saveState();
    void restoreState();
    void clearForm();
    void buildForm();
    QWidget *actionRow(const RegisterDef *def);
    static QList<const RegisterDef *> formRegisters(const DeviceSession *session);
    /// Reading a form's values: shown with progress (track), and said when done (announce), or neither.
    void startRead(bool track, bool announce);
    void onValuesChanged(const QList<int> &rows);
    void onFieldEdited(ConfigField *field, const QVariant &from, const QVariant &to);
    void sealLastEdit();
    void refreshUnits();
    void confirmAction(const RegisterDef *def);
    void startRun(DeviceSession *session, const QList<WriteItem> &items, const QString &actionLabel);
    void writeNext(const std::shared_ptr<WriteRun> &run);
    void onWritten(const std::shared_ptr<WriteRun> &run, const QList<WriteOutcome> &outcomes);
    void finishRun(const std::shared_ptr<WriteRun> &run);
    void setStatus(DeviceSession *session, const QString &text);
    void updateProgress();
    void updateActions();

    QUndoGroup *m_undoGroup;
    QHash<DeviceSession *, DeviceState> m_states;
    DeviceSession *m_shown = nullptr; ///< the device the form is built for (m_session may already be another)
    std::shared_ptr<const Profile> m_profile; ///< keeps the fields' RegisterDefs alive
    QList<QMetaObject::Connection> m_links;   ///< to the shown session and its poller

    QAction *m_unlock = nullptr;
    QAction *m_read = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QScrollArea *m_scroll = nullptr;

    QList<ConfigField *> m_fields;
    QHash<QString, ConfigField *> m_byId;
    QHash<int, ConfigField *> m_byRow; ///< poller row -> field
    QHash<QString, QPushButton *> m_actionButtons;
    QSet<int> m_selectorRows; ///< rows of the unit selectors (°C/°F)
    QSet<int> m_readPending;  ///< rows asked for by readFromDevice() and not answered yet
    qint64 m_readSince = 0;
    bool m_announceRead = false; ///< say "Read from the device at …" when m_readPending empties
    QPointer<ApplyDialog> m_dialog;
};

} // namespace pyrolink
