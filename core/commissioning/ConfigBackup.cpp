#include "ConfigBackup.h"

#include "profile/Codec.h"
#include "util/JsonLocator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace pyrolink {

namespace {

const QString kKind = QStringLiteral("pyrolink-backup");

/// A problem in a backup file, at a JSON path: turned into "file:line: path: message" at the top.
struct FileError
{
    QString path;
    QString message;
};

[[noreturn]] void fail(const QString &path, const QString &message)
{
    throw FileError{path, message};
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString requireString(const QJsonObject &o, const QString &path, const QString &key, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(join(path, key), QStringLiteral("is required."));
        return {};
    }
    if (!v.isString())
        fail(join(path, key), QStringLiteral("must be a string."));
    return v.toString();
}

QString valueText(const RegisterDef &def, const QList<quint16> &raw)
{
    return Codec::formatWords(def, raw);
}

} // namespace

QString diffStateName(DiffState state)
{
    switch (state) {
    case DiffState::Same:
        return QStringLiteral("same");
    case DiffState::Different:
        return QStringLiteral("different");
    case DiffState::Missing:
        break;
    }
    return QStringLiteral("missing");
}

QList<const RegisterDef *> ConfigBackup::backupRegisters(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->isWritable() && def->isReadable() && !def->isAction)
            out.append(def);
    return out;
}

QList<const RegisterDef *> ConfigBackup::registersToRead(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out = backupRegisters(profile, model);
    for (const QString &id : profile.identity)
        if (const RegisterDef *def = profile.findById(id, model);
            def && def->isReadable() && !out.contains(def))
            out.append(def);
    return profile.withUnitSelectors(out, model);
}

ConfigBackup ConfigBackup::fromReadings(const Profile &profile, const QString &model,
                                        const QList<Reading> &readings, const QString &connection,
                                        QStringList *skipped)
{
    ConfigBackup b;
    b.created = QDateTime::currentDateTimeUtc();
    b.created.setTime(QTime(b.created.time().hour(), b.created.time().minute(), b.created.time().second()));
    b.pyrolinkVersion = QStringLiteral(PYROLINK_VERSION);
    b.profileId = profile.id;
    b.model = model;
    b.connection = connection;
    auto readingOf = [&readings](const RegisterDef *def) -> const Reading * {
        for (const Reading &r : readings)
            if (r.def == def)
                return &r;
        return nullptr;
    };
    for (auto it = profile.identity.cbegin(); it != profile.identity.cend(); ++it) {
        const RegisterDef *def = profile.findById(it.value(), model);
        const Reading *r = def ? readingOf(def) : nullptr;
        if (r && r->quality == Quality::Good && r->hasValue())
            b.identity.insert(it.key(), valueText(*def, r->raw));
    }
    for (const RegisterDef *def : backupRegisters(profile, model)) {
        const Reading *r = readingOf(def);
        if (!r || r->quality != Quality::Good || r->raw.size() != def->width()) {
            if (skipped)
                skipped->append(QStringLiteral("%1: %2").arg(
                    def->id, r && !r->error.isEmpty() ? r->error : QStringLiteral("not read.")));
            continue;
        }
        BackupEntry e;
        e.id = def->id;
        e.name = def->name;
        e.table = def->table;
        e.address = def->address;
        e.raw = r->raw;
        if (def->isNumeric()) {
            e.value = Codec::decode(*def, r->raw);
            if (e.value == std::floor(e.value) && def->enumLabels.contains(qint64(e.value)))
                e.label = def->enumLabels.value(qint64(e.value));
        }
        e.unit = displayUnit(profile, *def, readings);
        b.registers.append(e);
    }
    return b;
}

void ConfigBackup::capture(const DeviceAccess &access, std::shared_ptr<const Profile> profile,
                           const QString &model, const QString &connection,
                           std::function<void(const ConfigBackup &, const QStringList &)> done)
{
    const QList<const RegisterDef *> toRead = registersToRead(*profile, model);
    access.read(toRead, [profile, model, connection, done](const QList<Reading> &readings) {
        QStringList skipped;
        const ConfigBackup b = fromReadings(*profile, model, readings, connection, &skipped);
        done(b, skipped);
    });
}

const BackupEntry *ConfigBackup::entry(const QString &id) const
{
    for (const BackupEntry &e : registers)
        if (e.id == id)
            return &e;
    return nullptr;
}

QJsonObject ConfigBackup::toJson() const
{
    QJsonObject device;
    for (auto it = identity.cbegin(); it != identity.cend(); ++it)
        device.insert(it.key(), it.value());
    device.insert(QStringLiteral("connection"), connection);
    QJsonArray regs;
    for (const BackupEntry &e : registers) {
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("name"), e.name},
                      {QStringLiteral("table"), tableName(e.table)},
                      {QStringLiteral("address"), e.address}};
        QJsonArray raw;
        for (quint16 w : e.raw)
            raw.append(w);
        o.insert(QStringLiteral("raw"), raw);
        // JSON has no NaN: a words block shows its words in hex, as `read --json` does.
        o.insert(QStringLiteral("value"),
                 std::isnan(e.value) ? QJsonValue(Codec::wordsToHex(e.raw)) : QJsonValue(e.value));
        o.insert(QStringLiteral("unit"), e.unit);
        if (!e.label.isEmpty())
            o.insert(QStringLiteral("label"), e.label);
        regs.append(o);
    }
    return QJsonObject{{QStringLiteral("kind"), kKind},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("created"), created.toString(Qt::ISODate)},
                       {QStringLiteral("pyrolink"), pyrolinkVersion},
                       {QStringLiteral("profile"), profileId},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("device"), device},
                       {QStringLiteral("registers"), regs}};
}

QByteArray ConfigBackup::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

std::optional<ConfigBackup> ConfigBackup::fromJson(const QByteArray &json, const QString &fileName,
                                                   QString *error)
{
    auto setError = [&](int line, const QString &text) {
        if (error)
            *error = QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(text);
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(JsonLocator::lineAt(json, parseError.offset),
                 QStringLiteral("the file is not valid JSON (%1).").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        setError(1, QStringLiteral("the file is not a Pyrolink backup (it is not a JSON object)."));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    ConfigBackup b;
    try {
        const QString kind = requireString(root, {}, QStringLiteral("kind"));
        if (kind != kKind)
            fail(QStringLiteral("kind"),
                 QStringLiteral("is \"%1\", not \"%2\": this is not a Pyrolink backup.").arg(kind, kKind));
        const QJsonValue format = root.value(QStringLiteral("format"));
        if (!format.isDouble() || format.toDouble() != std::floor(format.toDouble()) || format.toInt() < 1)
            fail(QStringLiteral("format"), QStringLiteral("must be a whole number from 1."));
        if (format.toInt() > kFormat)
            fail(QStringLiteral("format"), QStringLiteral("%1 is newer than this Pyrolink reads (%2).")
                                               .arg(format.toInt())
                                               .arg(kFormat));
        b.format = format.toInt();
        const QString created = requireString(root, {}, QStringLiteral("created"), false);
        if (!created.isEmpty()) {
            b.created = QDateTime::fromString(created, Qt::ISODate);
            if (!b.created.isValid())
                fail(QStringLiteral("created"), QStringLiteral("must be an ISO 8601 time such as "
                                                               "\"2024-05-01T12:00:00Z\"."));
        }
        b.pyrolinkVersion = requireString(root, {}, QStringLiteral("pyrolink"), false);
        b.profileId = requireString(root, {}, QStringLiteral("profile"));
        if (b.profileId.isEmpty())
            fail(QStringLiteral("profile"), QStringLiteral("must not be empty."));
        b.model = requireString(root, {}, QStringLiteral("model"));
        const QJsonValue device = root.value(QStringLiteral("device"));
        if (!device.isUndefined()) {
            if (!device.isObject())
                fail(QStringLiteral("device"), QStringLiteral("must be an object."));
            const QJsonObject d = device.toObject();
            for (auto it = d.begin(); it != d.end(); ++it) {
                const QString key = it.key();
                const QString text = requireString(d, QStringLiteral("device"), key);
                if (key == QLatin1String("connection"))
                    b.connection = text;
                else
                    b.identity.insert(key, text);
            }
        }
        const QJsonValue regs = root.value(QStringLiteral("registers"));
        if (regs.isUndefined())
            fail(QStringLiteral("registers"), QStringLiteral("is required."));
        if (!regs.isArray())
            fail(QStringLiteral("registers"), QStringLiteral("must be a list."));
        const QJsonArray list = regs.toArray();
        QSet<QString> seen;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = QStringLiteral("registers[%1]").arg(i);
            if (!list.at(i).isObject())
                fail(path, QStringLiteral("must be an object."));
            const QJsonObject o = list.at(i).toObject();
            BackupEntry e;
            e.id = requireString(o, path, QStringLiteral("id"));
            if (e.id.isEmpty())
                fail(join(path, QStringLiteral("id")), QStringLiteral("must not be empty."));
            if (seen.contains(e.id))
                fail(join(path, QStringLiteral("id")), QStringLiteral("\"%1\" appears twice.").arg(e.id));
            seen.insert(e.id);
            e.name = requireString(o, path, QStringLiteral("name"), false);
            const auto table = tableFromName(requireString(o, path, QStringLiteral("table")));
            if (!table)
                fail(join(path, QStringLiteral("table")),
                     QStringLiteral("must be coil, discrete_input, input or holding."));
            e.table = *table;
            const QJsonValue address = o.value(QStringLiteral("address"));
            const double a = address.toDouble(-1);
            if (!address.isDouble() || a != std::floor(a) || a < 0 || a > 65535)
                fail(join(path, QStringLiteral("address")), address.isUndefined()
                                                                ? QStringLiteral("is required.")
                                                                : QStringLiteral("must be a whole number "
                                                                                 "from 0 to 65535."));
            e.address = quint16(a);
            const QJsonValue raw = o.value(QStringLiteral("raw"));
            const QString rawPath = join(path, QStringLiteral("raw"));
            if (raw.isUndefined())
                fail(rawPath, QStringLiteral("is required."));
            const QJsonArray words = raw.toArray();
            if (!raw.isArray() || words.isEmpty() || words.size() > 125)
                fail(rawPath, QStringLiteral("must be a list of 1 to 125 whole numbers from 0 to 65535."));
            for (const QJsonValue &w : words) {
                const double v = w.toDouble(-1);
                if (!w.isDouble() || v != std::floor(v) || v < 0 || v > 65535)
                    fail(rawPath, QStringLiteral("must be a list of whole numbers from 0 to 65535."));
                e.raw.append(quint16(v));
            }
            const QJsonValue value = o.value(QStringLiteral("value"));
            if (value.isDouble())
                e.value = value.toDouble();
            else if (!value.isUndefined() && !value.isString() && !value.isNull())
                fail(join(path, QStringLiteral("value")), QStringLiteral("must be a number or a string."));
            e.unit = requireString(o, path, QStringLiteral("unit"), false);
            e.label = requireString(o, path, QStringLiteral("label"), false);
            b.registers.append(e);
        }
    } catch (const FileError &e) {
        const JsonLocator locator(json);
        setError(locator.line(e.path), QStringLiteral("%1: %2").arg(e.path, e.message));
        return std::nullopt;
    }
    return b;
}

std::optional<ConfigBackup> ConfigBackup::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot open %1: %2.").arg(path, f.errorString());
        return std::nullopt;
    }
    return fromJson(f.readAll(), QFileInfo(path).fileName(), error);
}

bool ConfigBackup::save(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toJsonBytes()) < 0 || !f.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2.").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString ConfigBackup::checkTarget(const Profile &profile, const QString &deviceModel,
                                  bool allowOtherModel) const
{
    if (profileId != profile.id)
        return QStringLiteral("The file is a backup of a device with profile \"%1\", and this device has "
                              "profile \"%2\".")
            .arg(profileId, profile.id);
    if (model != deviceModel && !allowOtherModel)
        return QStringLiteral("The file is a backup of model \"%1\", and this device is model \"%2\".")
            .arg(model, deviceModel);
    return {};
}

QList<DiffRow> ConfigBackup::diff(const ConfigBackup &backup, const Profile &profile, const QString &model,
                                  const QList<Reading> &current)
{
    QList<DiffRow> rows;
    QSet<QString> covered;
    for (const RegisterDef *def : backupRegisters(profile, model)) {
        covered.insert(def->id);
        DiffRow row;
        row.id = def->id;
        row.name = def->name;
        row.def = def;
        row.entry = backup.entry(def->id);
        const Reading *reading = nullptr;
        for (const Reading &r : current)
            if (r.def == def)
                reading = &r;
        const bool readable =
            reading && reading->quality == Quality::Good && reading->raw.size() == def->width();
        if (readable) {
            row.deviceRaw = reading->raw;
            row.deviceText = valueText(*def, reading->raw);
            row.deviceUnit = displayUnit(profile, *def, current);
        }
        const BackupEntry *e = row.entry;
        if (e) {
            row.fileUnit = e->unit;
            row.fileText =
                e->raw.size() == def->width() ? valueText(*def, e->raw) : Codec::wordsToHex(e->raw);
        }
        if (!e) {
            row.note = QStringLiteral("The file does not have it.");
        } else if (e->table != def->table || e->address != def->address) {
            row.note = QStringLiteral("The file has it at %1 %2, the profile at %3 %4.")
                           .arg(tableName(e->table))
                           .arg(e->address)
                           .arg(tableName(def->table))
                           .arg(def->address);
        } else if (e->raw.size() != def->width()) {
            row.note = QStringLiteral("The file holds %1 words, the profile %2.")
                           .arg(e->raw.size())
                           .arg(def->width());
        } else if (!readable) {
            row.note = QStringLiteral("It could not be read: %1")
                           .arg(reading && !reading->error.isEmpty() ? reading->error
                                                                     : QStringLiteral("no answer."));
        } else {
            row.state = reading->raw == e->raw ? DiffState::Same : DiffState::Different;
        }
        rows.append(row);
    }
    // What the file has and this model does not: shown, never written.
    for (const BackupEntry &e : backup.registers) {
        if (covered.contains(e.id))
            continue;
        DiffRow row;
        row.id = e.id;
        row.name = e.name.isEmpty() ? e.id : e.name;
        row.entry = &e;
        row.def = profile.findById(e.id, model);
        row.fileUnit = e.unit;
        row.fileText = !e.label.isEmpty()    ? e.label
                       : std::isnan(e.value) ? Codec::wordsToHex(e.raw)
                                             : QString::number(e.value);
        if (!row.def)
            row.note = model.isEmpty() ? QStringLiteral("This device has no such register.")
                                       : QStringLiteral("Model %1 has no such register.").arg(model);
        else if (row.def->isAction)
            row.note = QStringLiteral("It is an action: actions are never restored.");
        else
            row.note = QStringLiteral("It is read-only on this device.");
        rows.append(row);
    }
    return rows;
}

} // namespace pyrolink
