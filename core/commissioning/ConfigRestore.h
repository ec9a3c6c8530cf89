#pragma once

#include "ConfigBackup.h"
#include "DeviceAccess.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace pyrolink {

/// What became of one register in a restore.
enum class RestoreStatus {
    Verified,   ///< written and read back equal to the file
    Written,    ///< written, but the read-back failed (expected after a change of the Modbus id or baud rate)
    Mismatch,   ///< written, and read back different from the file
    Error,      ///< not written: the device refused, did not answer, or the file's value is invalid
    Same,       ///< not written: the device already held the file's value
    Skipped,    ///< not written: not comparable (not in the file, not on the device, unreadable, an action)
    NotWritten, ///< not written: cancelled, or held back after an earlier failure
};

/// "verified", "written", "mismatch", "error", "same", "skipped", "not_written"
QString restoreStatusName(RestoreStatus status);

/// One register's line of the restore report.
struct RestoreResult
{
    QString id;
    QString name;
    const RegisterDef *def = nullptr;
    RestoreStatus status = RestoreStatus::Skipped;
    int step = 0;     ///< the step it was written in (ConfigRestore::Step), 0 if not written
    int sequence = 0; ///< 1 for the first register written, 2 for the next...; 0 if not written
    QList<quint16> fileRaw;
    QList<quint16> deviceRaw; ///< before the restore (empty when unread)
    QList<quint16> readBack;
    QString fileText;
    QString deviceText;
    QString unit;       ///< the file's unit of the value
    QString deviceUnit; ///< the unit the device showed the value before in
    QString message;    ///< one sentence, except for Verified and Same

    bool isFailure() const
    {
        return status == RestoreStatus::Mismatch || status == RestoreStatus::Error ||
               status == RestoreStatus::NotWritten;
    }
};

/// Restores a backup: reads the device, compares, and writes the registers that differ in a safe order,
/// each from the file's raw words (exact) and verified by reading it back; reports register by register.
///
/// The order, in three steps (docs/commissioning.md):
/// 1. Modes: unit selectors (the °C/°F switch) first, then the other enumerations. The file's temperatures
///    are raw words in the file's unit; written before the switch, the device would convert them as it
///    changes unit. So the switch goes first, the device is read again, and the rest is compared anew.
/// 2. Values: every other differing register, in profile order.
/// 3. Communication (group "modbus", a baud rate, a unit id): last, because the device may stop answering at
///    the present settings, and only when nothing before failed.
/// Action registers are never written; registers that already hold the file's words are skipped.
///
/// Asynchronous, through a DeviceAccess: the same engine serves the CLI (RegisterIo) and the GUI
/// (DevicePoller). No nested event loops.
class ConfigRestore : public QObject
{
    Q_OBJECT
public:
    enum class Step { Modes = 1, Values = 2, Communication = 3 };

    ConfigRestore(std::shared_ptr<const Profile> profile, const QString &model, DeviceAccess access,
                  QObject *parent = nullptr);

    /// Reads the device and restores `backup` (checked with ConfigBackup::checkTarget() beforehand).
    /// Emits progress() along the way and finished() once.
    void start(const ConfigBackup &backup);
    /// Stops before the next write; the register being written now is still reported.
    void cancel();
    bool isRunning() const { return m_running; }
    QList<RestoreResult> results() const { return m_results; }

    /// The step a differing register is written in.
    static Step stepOf(const Profile &profile, const RegisterDef &def);
    /// A register whose change may cut the connection: group "modbus" or "communication", a baud rate, a
    /// unit id.
    static bool isCommunication(const RegisterDef &def);
    static bool isUnitSelector(const Profile &profile, const RegisterDef &def);
    /// The registers in the order a restore writes them (step, unit selectors first, then profile order).
    static QList<const RegisterDef *> writeOrder(const Profile &profile,
                                                 QList<const RegisterDef *> registers);
    /// What a person should know before confirming a restore of these rows, one sentence each: the unit
    /// switch written first, the communication settings last.
    static QStringList notes(const Profile &profile, const QList<DiffRow> &rows);

signals:
    /// `done` of `total` writes; `sentence` says what happens now ("Writing Epsilon…").
    void progress(int done, int total, const QString &sentence);
    void finished(const QList<pyrolink::RestoreResult> &results);

private:
    void onFirstRead(const QList<Reading> &readings);
    void onReread(const QList<Reading> &readings);
    void plan(const QList<DiffRow> &rows, bool again);
    void writeNext();
    void onWritten(const WriteOutcome &outcome);
    void nextStep();
    void holdBack(const QList<const RegisterDef *> &defs, const QString &why);
    void finish();
    RestoreResult *resultOf(const QString &id);
    void say(const QString &sentence);

    std::shared_ptr<const Profile> m_profile;
    QString m_model;
    DeviceAccess m_access;
    ConfigBackup m_backup;
    QList<RestoreResult> m_results;
    QList<const RegisterDef *> m_queue; ///< the present step's writes not sent yet
    QList<const RegisterDef *> m_later; ///< differing registers of the later steps
    Step m_step = Step::Modes;
    int m_done = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_wroteModes = false;
    QSet<QString> m_open;          ///< ids compared but not written yet: compared again after step 1
    QStringList m_failedSelectors; ///< units (`replaces`) whose selector could not be set
};

} // namespace pyrolink

Q_DECLARE_METATYPE(pyrolink::RestoreResult)
