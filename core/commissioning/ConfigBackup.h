#pragma once

#include "DeviceAccess.h"
#include "modbus/Reading.h"
#include "profile/Profile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>

namespace pyrolink {

/// One register as a backup file holds it: the raw words are what is restored; the engineering value, unit
/// and label are for people reading the file.
struct BackupEntry
{
    QString id;
    QString name;
    Table table = Table::Holding;
    quint16 address = 0;
    QList<quint16> raw;
    double value = std::numeric_limits<double>::quiet_NaN(); ///< NaN for a words block
    QString unit;  ///< the unit the device showed it in (after the °C/°F switch)
    QString label; ///< the enum label, if the register has one for this value
};

/// How a register of the device compares with the backup.
enum class DiffState {
    Same,      ///< the device holds the file's raw words
    Different, ///< it holds other words
    Missing,   ///< cannot be compared: not in the file, not on the device, unreadable or not restorable
};

/// One row of a diff: what the device holds and what the file holds.
struct DiffRow
{
    QString id;
    QString name;
    const RegisterDef *def = nullptr;   ///< the device's register; null when the file's id is unknown to it
    const BackupEntry *entry = nullptr; ///< the file's entry; null when the file lacks the register
    DiffState state = DiffState::Missing;
    QList<quint16> deviceRaw; ///< empty when unread
    QString deviceText;       ///< "0.950", "°F", "" when unread
    QString deviceUnit;
    QString fileText;
    QString fileUnit;
    QString note; ///< for Missing: why, as one sentence
};

/// The configuration of one device at one time, as a JSON file (docs/commissioning.md): identity, profile,
/// model, and every writable, non-action register of the model that could be read, with raw words and
/// engineering value. Restoring writes the raw words back (ConfigRestore).
class ConfigBackup
{
public:
    static constexpr int kFormat = 1;

    int format = kFormat;
    QDateTime created; ///< UTC
    QString pyrolinkVersion;
    QString profileId;
    QString model;
    QMap<QString, QString> identity; ///< profile identity role ("serial", "firmware", "model") -> value text
    QString connection;              ///< "192.168.0.4:502 unit 1"
    QList<BackupEntry> registers;

    /// The registers a backup holds for the model: writable and readable, not actions, in profile order.
    static QList<const RegisterDef *> backupRegisters(const Profile &profile, const QString &model);
    /// Everything to read for a backup: the backup registers, the identity registers and the unit selectors.
    static QList<const RegisterDef *> registersToRead(const Profile &profile, const QString &model);
    /// A backup of what was read. Registers that read with an error are left out and named in *skipped
    /// ("id: why").
    static ConfigBackup fromReadings(const Profile &profile, const QString &model,
                                     const QList<Reading> &readings, const QString &connection,
                                     QStringList *skipped = nullptr);
    /// Reads the device through `access` and hands over the backup and the registers left out.
    static void capture(const DeviceAccess &access, std::shared_ptr<const Profile> profile,
                        const QString &model, const QString &connection,
                        std::function<void(const ConfigBackup &, const QStringList &skipped)> done);

    const BackupEntry *entry(const QString &id) const;
    /// identity["serial"], or "" when the profile names no serial register or it could not be read.
    QString serial() const { return identity.value(QStringLiteral("serial")); }

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    /// Reads a backup file's text. On error: nullopt and one sentence naming the file, the line and the
    /// field ("backup.json:14: registers[2].raw: must be a list of whole numbers from 0 to 65535.").
    static std::optional<ConfigBackup> fromJson(const QByteArray &json, const QString &fileName,
                                                QString *error);
    static std::optional<ConfigBackup> load(const QString &path, QString *error);
    /// Writes the file atomically (QSaveFile); false with one sentence in *error.
    bool save(const QString &path, QString *error) const;

    /// Why this backup must not be restored to a device of `profile` and `model`, as one sentence; empty when
    /// it may. Another profile is always refused; another model only unless `allowOtherModel` (--force),
    /// and then just the registers both models share are restored.
    QString checkTarget(const Profile &profile, const QString &model, bool allowOtherModel) const;

    /// Compares the device's readings (any order, extra ones ignored) with the file: one row per backup
    /// register of the model, then one per file entry the model does not have. The rows point into `backup`
    /// and `profile`: keep both alive while the rows are used.
    static QList<DiffRow> diff(const ConfigBackup &backup, const Profile &profile, const QString &model,
                               const QList<Reading> &current);
};

/// "same", "different", "missing"
QString diffStateName(DiffState state);

} // namespace pyrolink
