#pragma once

#include "ConfigBackup.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace pyrolink {

class DeviceSession;

/// The automatic backup of a device before the first write of a session: every writable register read and
/// saved to backupDir()/<profile>-<serial>-<yyyyMMdd-HHmmss>.json, once per session. It intercepts nothing:
/// every write path calls ensureBackup() and writes in its callback.
///
/// Attached to the session as a child (of() finds or creates it), so "once per session" is the session's
/// lifetime.
class AutoBackup : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(bool ok, const QString &pathOrError)>;

    explicit AutoBackup(DeviceSession *session);
    /// The AutoBackup of `session`, created on first use.
    static AutoBackup *of(DeviceSession *session);

    /// Takes the backup unless this session has one, then calls `then` with its path, or with false and one
    /// sentence when it failed (nothing was saved; the next call tries again). When the backup exists
    /// already, `then` is called at once; while one is being taken, `then` waits for it.
    void ensureBackup(Done then);
    bool isTaken() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }

    /// Where automatic backups go: $PYROLINK_BACKUP_DIR if set, else <generic data folder>/Pyrolink/backups
    /// (~/.local/share/Pyrolink/backups on Linux, next to the user profiles), the same for the GUI and the
    /// CLI.
    static QString backupDir();
    /// "optris-ct-23120001-20240501-120000.json"; an unknown serial is "unknown".
    static QString fileName(const QString &profileId, const QString &serial, const QDateTime &localTime);
    /// Saves `backup` in backupDir() under fileName() (a new name if that exists); returns the path, or ""
    /// with one sentence in *error.
    static QString saveToBackupDir(const ConfigBackup &backup, QString *error);

signals:
    void backupTaken(const QString &path);

private:
    void finish(bool ok, const QString &pathOrError);

    QPointer<DeviceSession> m_session;
    QString m_path;
    bool m_busy = false;
    QList<Done> m_waiting;
};

} // namespace pyrolink
