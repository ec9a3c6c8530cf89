#pragma once

#include "commissioning/ConfigBackup.h"
#include "commissioning/ConfigRestore.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace pyrolink {

class DeviceSession;

/// Backup and restore of one device's configuration. "Back up to file…" saves every writable register to a
/// JSON file; "Restore from file…" compares the file with the device in a table (register, device, file,
/// same or different, in colour), and the Restore button (enabled only while writing is unlocked) takes the
/// session's automatic backup, writes what differs in the safe order of ConfigRestore, and fills in each
/// register's result. Non-modal work: the dialog stays responsive, polling goes on.
class BackupDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, DeviceColumn, FileColumn, StateColumn, ResultColumn, ColumnCount };

    BackupDialog(DeviceSession *session, QWidget *parent = nullptr);
    ~BackupDialog() override;

    /// Asks for a file (a QFileDialog opened window-modal) and saves the backup there.
    void chooseBackupFile();
    /// Asks for a backup file and shows its differences with the device.
    void chooseRestoreFile();
    /// Saves a backup of the device to `path` (no file dialog).
    void backupTo(const QString &path);
    /// Loads `path` and shows its differences with the device (no file dialog).
    void openForRestore(const QString &path);
    /// Writes what differs (the Restore button).
    void restore();

    QTableWidget *table() const { return m_table; }
    QPushButton *restoreButton() const { return m_restoreButton; }
    QCheckBox *showSameBox() const { return m_showSame; }
    QCheckBox *otherModelBox() const { return m_otherModel; }
    /// The last event or the progress, in one line.
    QString statusText() const;
    /// Why the file cannot be restored, or the notes on the order of the writes.
    QString noticeText() const;
    bool isBusy() const { return m_busy; }
    QList<RestoreResult> results() const { return m_results; }

signals:
    void backupSaved(const QString &path);
    /// The file was read and compared with the device (or refused: see noticeText()).
    void compared();
    void restoreFinished(const QList<pyrolink::RestoreResult> &results);

protected:
    void changeEvent(QEvent *event) override;

private:
    void compare();
    void fillTable();
    void setStatus(const QString &text, const QString &color = QString());
    void setBusy(bool busy);
    void updateButtons();
    void startRestore();
    QString refusal() const;

    QPointer<DeviceSession> m_session;
    std::shared_ptr<const Profile> m_profile; ///< keeps the rows' RegisterDefs alive
    QString m_model;
    QString m_path;
    std::optional<ConfigBackup> m_backup;
    QList<DiffRow> m_rows; ///< point into m_backup
    QList<RestoreResult> m_results;
    QSet<QString> m_restored; ///< ids that differed when the restore started: still shown with their result
    ConfigRestore *m_restore = nullptr;
    bool m_busy = false;

    QLabel *m_device;
    QLabel *m_fileInfo;
    QLabel *m_notice;
    QCheckBox *m_otherModel;
    QCheckBox *m_showSame;
    QTableWidget *m_table;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_backupButton;
    QPushButton *m_openButton;
    QPushButton *m_restoreButton;
};

} // namespace pyrolink
