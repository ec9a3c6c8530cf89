#include "AutoBackup.h"

#include "session/DeviceSession.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcAutoBackup, "pyrolink.commissioning.autobackup", QtInfoMsg)

namespace pyrolink {

AutoBackup::AutoBackup(DeviceSession *session) : QObject(session), m_session(session) {}

AutoBackup *AutoBackup::of(DeviceSession *session)
{
    if (auto *existing = session->findChild<AutoBackup *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new AutoBackup(session);
}

QString AutoBackup::backupDir()
{
    // A folder of one's choice (a share the whole team sees; each test a folder of its own).
    if (const QString dir = qEnvironmentVariable("PYROLINK_BACKUP_DIR"); !dir.isEmpty())
        return dir;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/Pyrolink/backups");
}

QString AutoBackup::fileName(const QString &profileId, const QString &serial, const QDateTime &localTime)
{
    // Only characters every file system takes: a serial is the device's text, not ours.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString s = serial;
    s.replace(unsafe, QStringLiteral("_"));
    if (s.isEmpty())
        s = QStringLiteral("unknown");
    return QStringLiteral("%1-%2-%3.json")
        .arg(profileId, s, localTime.toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QString AutoBackup::saveToBackupDir(const ConfigBackup &backup, QString *error)
{
    const QString dir = backupDir();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("Cannot create the backup folder %1.").arg(dir);
        return {};
    }
    const QString name = fileName(backup.profileId, backup.serial(), backup.created.toLocalTime());
    QString path = QDir(dir).filePath(name);
    // Two backups in one second (two devices, or a quick retry): never overwrite one.
    for (int i = 2; QFileInfo::exists(path); ++i)
        path = QDir(dir).filePath(QFileInfo(name).completeBaseName() + QStringLiteral("-%1.json").arg(i));
    if (!backup.save(path, error))
        return {};
    return path;
}

void AutoBackup::ensureBackup(Done then)
{
    if (isTaken()) {
        then(true, m_path);
        return;
    }
    m_waiting.append(std::move(then));
    if (m_busy)
        return;
    if (!m_session) {
        finish(false, tr("The device was closed."));
        return;
    }
    m_busy = true;
    DeviceSession *s = m_session;
    QPointer<AutoBackup> self(this);
    ConfigBackup::capture(
        DeviceAccess::over(s->poller()), s->profilePtr(), s->model(), s->settings().describe(),
        [self](const ConfigBackup &backup, const QStringList &skipped) {
            if (!self)
                return;
            if (backup.registers.isEmpty()) {
                const QString why = skipped.value(0, tr("the profile has no writable registers."));
                self->finish(false, tr("The automatic backup could not read the device: %1").arg(why));
                return;
            }
            QString error;
            const QString path = saveToBackupDir(backup, &error);
            if (path.isEmpty())
                self->finish(false, error);
            else
                self->finish(true, path);
        });
}

void AutoBackup::finish(bool ok, const QString &pathOrError)
{
    m_busy = false;
    if (ok) {
        m_path = pathOrError;
        qCInfo(lcAutoBackup).noquote() << "automatic backup saved to" << m_path;
        emit backupTaken(m_path);
    } else {
        qCWarning(lcAutoBackup).noquote() << pathOrError;
    }
    const QList<Done> waiting = std::exchange(m_waiting, {});
    for (const Done &then : waiting)
        then(ok, pathOrError);
}

} // namespace pyrolink
