#include "ProfileLoader.h"

#include "util/JsonLocator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace pyrolink {

namespace {

/// Thrown inside the loader only; turned into the one-sentence error at the boundary.
struct LoadError
{
    QString path;
    QString message;
};

class Reader
{
public:
    explicit Reader(const QByteArray &json) : locator(json) {}
    JsonLocator locator;

    [[noreturn]] static void fail(const QString &path, const QString &message) { throw LoadError{path, message}; }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    QString string(const QJsonObject &o, const QString &path, const char *key, bool required,
                   const QString &fallback = {}) const
    {
        const QString k = QString::fromLatin1(key);
        const QJsonValue v = o.value(k);
        if (v.isUndefined()) {
            if (required)
                fail(join(path, k), QStringLiteral("is required."));
            return fallback;
        }
        if (!v.isString())
            fail(join(path, k), QStringLiteral("must be a string."));
        if (required && v.toString().trimmed().isEmpty())
            fail(join(path, k), QStringLiteral("must not be empty."));
        return v.toString();
    }

    std::optional<double> number(const QJsonObject &o, const QString &path, const char *key) const
    {
        const QString k = QString::fromLatin1(key);
        const QJsonValue v = o.value(k);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble())
            fail(join(path, k), QStringLiteral("must be a number."));
        return v.toDouble();
    }

    static qint64 integerKey(const QString &key, const QString &path)
    {
        bool ok = false;
        const qint64 v = key.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? key.mid(2).toLongLong(&ok, 16)
                                                                                  : key.toLongLong(&ok, 10);
        if (!ok)
            fail(path, QStringLiteral("key \"%1\" is not an integer.").arg(key));
        return v;
    }

    QMap<qint64, QString> labels(const QJsonObject &o, const QString &path) const
    {
        QMap<qint64, QString> out;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString p = join(path, it.key());
            if (!it.value().isString() || it.value().toString().isEmpty())
                fail(p, QStringLiteral("must be a non-empty label."));
            out.insert(integerKey(it.key(), p), it.value().toString());
        }
        return out;
    }

    static void checkId(const QString &id, const QString &path, const QRegularExpression &re, const char *what)
    {
        if (!re.match(id).hasMatch())
            fail(path, QStringLiteral("\"%1\" is not a valid %2.").arg(id, QLatin1String(what)));
    }
};

int defaultDecimals(const RegisterDef &r)
{
    if (r.type == ValueType::F32)
        return 3;
    const double d = std::fabs(r.scale.divisor);
    if (d <= 1.0)
        return 0;
    return std::min(6, int(std::ceil(std::log10(d) - 1e-9)));
}

RegisterDef readRegister(const Reader &rd, const QJsonObject &o, const QString &path, const Profile &profile)
{
    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9_]+$"));
    static const QSet<QString> known{
        QStringLiteral("id"),     QStringLiteral("name"),       QStringLiteral("description"),
        QStringLiteral("table"),  QStringLiteral("address"),    QStringLiteral("type"),
        QStringLiteral("count"),  QStringLiteral("word_order"), QStringLiteral("scale"),
        QStringLiteral("unit"),   QStringLiteral("decimals"),   QStringLiteral("min"),
        QStringLiteral("max"),    QStringLiteral("default"),    QStringLiteral("enum"),
        QStringLiteral("bits"),   QStringLiteral("access"),     QStringLiteral("models"),
        QStringLiteral("group"),  QStringLiteral("poll"),       QStringLiteral("action")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            Reader::fail(Reader::join(path, it.key()), QStringLiteral("is not a register field."));

    RegisterDef r;
    r.sourceLine = rd.locator.line(path);
    r.id = rd.string(o, path, "id", true);
    Reader::checkId(r.id, Reader::join(path, QStringLiteral("id")), idRe, "register id (a-z, 0-9, _)");
    r.name = rd.string(o, path, "name", true);
    r.description = rd.string(o, path, "description", false);

    const QString tablePath = Reader::join(path, QStringLiteral("table"));
    const auto table = tableFromName(rd.string(o, path, "table", true));
    if (!table)
        Reader::fail(tablePath, QStringLiteral("must be coil, discrete_input, input or holding."));
    r.table = *table;

    const QString addrPath = Reader::join(path, QStringLiteral("address"));
    const QJsonValue addr = o.value(QStringLiteral("address"));
    qint64 address = -1;
    if (addr.isUndefined())
        Reader::fail(addrPath, QStringLiteral("is required."));
    if (addr.isDouble()) {
        const double d = addr.toDouble();
        if (d == std::floor(d) && d >= 0 && d <= 0xFFFF)
            address = qint64(d);
    } else if (addr.isString()) {
        const QString s = addr.toString();
        bool ok = false;
        if (s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
            address = s.mid(2).toLongLong(&ok, 16);
        else
            address = s.toLongLong(&ok, 10);
        if (!ok)
            address = -1;
    }
    if (address < 0 || address > 0xFFFF)
        Reader::fail(addrPath, QStringLiteral("must be a whole number from 0 to 65535, or hex such as \"0x04FC\"."));
    r.address = quint16(address);

    const bool bitTable = r.table == Table::Coil || r.table == Table::DiscreteInput;
    const QString typeStr = rd.string(o, path, "type", false, bitTable ? QStringLiteral("bool") : QStringLiteral("u16"));
    const auto type = typeFromName(typeStr);
    if (!type)
        Reader::fail(Reader::join(path, QStringLiteral("type")),
                     QStringLiteral("\"%1\" is not one of bool, u16, s16, u32, s32, f32, words.").arg(typeStr));
    r.type = *type;
    if (bitTable && r.type != ValueType::Bool)
        Reader::fail(Reader::join(path, QStringLiteral("type")),
                     QStringLiteral("must be bool for a %1.").arg(tableName(r.table)));
    if (const auto count = rd.number(o, path, "count")) {
        if (r.type != ValueType::Words)
            Reader::fail(Reader::join(path, QStringLiteral("count")), QStringLiteral("is only for type words."));
        if (*count < 1 || *count > 125 || *count != std::floor(*count))
            Reader::fail(Reader::join(path, QStringLiteral("count")), QStringLiteral("must be from 1 to 125."));
        r.count = int(*count);
    } else if (r.type == ValueType::Words) {
        Reader::fail(Reader::join(path, QStringLiteral("count")), QStringLiteral("is required for type words."));
    }
    if (int(r.address) + r.width() > 0x10000)
        Reader::fail(addrPath, QStringLiteral("the value runs past address 65535."));

    r.wordOrder = profile.defaultWordOrder;
    if (o.contains(QStringLiteral("word_order"))) {
        const auto wo = wordOrderFromName(rd.string(o, path, "word_order", true));
        if (!wo)
            Reader::fail(Reader::join(path, QStringLiteral("word_order")), QStringLiteral("must be be or le."));
        r.wordOrder = *wo;
    }

    if (o.contains(QStringLiteral("scale"))) {
        const QString sp = Reader::join(path, QStringLiteral("scale"));
        if (!o.value(QStringLiteral("scale")).isObject())
            Reader::fail(sp, QStringLiteral("must be an object with offset and divisor."));
        const QJsonObject s = o.value(QStringLiteral("scale")).toObject();
        for (auto it = s.begin(); it != s.end(); ++it)
            if (it.key() != QLatin1String("offset") && it.key() != QLatin1String("divisor"))
                Reader::fail(Reader::join(sp, it.key()), QStringLiteral("is not a scale field (offset, divisor)."));
        r.scale.offset = rd.number(s, sp, "offset").value_or(0.0);
        r.scale.divisor = rd.number(s, sp, "divisor").value_or(1.0);
        if (r.scale.divisor == 0.0)
            Reader::fail(Reader::join(sp, QStringLiteral("divisor")), QStringLiteral("must not be 0."));
        if (r.type == ValueType::Bool || r.type == ValueType::Words)
            Reader::fail(sp, QStringLiteral("does not apply to type %1.").arg(typeName(r.type)));
    }
    r.unit = rd.string(o, path, "unit", false);
    r.decimals = defaultDecimals(r);
    if (const auto dec = rd.number(o, path, "decimals")) {
        if (*dec < 0 || *dec > 9 || *dec != std::floor(*dec))
            Reader::fail(Reader::join(path, QStringLiteral("decimals")), QStringLiteral("must be from 0 to 9."));
        r.decimals = int(*dec);
    }
    r.min = rd.number(o, path, "min");
    r.max = rd.number(o, path, "max");
    if (r.min && r.max && *r.min > *r.max)
        Reader::fail(Reader::join(path, QStringLiteral("min")), QStringLiteral("is greater than max."));
    r.defaultValue = rd.number(o, path, "default");

    if (o.contains(QStringLiteral("enum"))) {
        const QString ep = Reader::join(path, QStringLiteral("enum"));
        if (!o.value(QStringLiteral("enum")).isObject())
            Reader::fail(ep, QStringLiteral("must be an object of value: label."));
        r.enumLabels = rd.labels(o.value(QStringLiteral("enum")).toObject(), ep);
    }
    if (o.contains(QStringLiteral("bits"))) {
        const QString bp = Reader::join(path, QStringLiteral("bits"));
        if (!o.value(QStringLiteral("bits")).isObject())
            Reader::fail(bp, QStringLiteral("must be an object of bit: label."));
        const auto bits = rd.labels(o.value(QStringLiteral("bits")).toObject(), bp);
        const int maxBit = 16 * r.width() - 1;
        for (auto it = bits.begin(); it != bits.end(); ++it) {
            if (it.key() < 0 || it.key() > maxBit)
                Reader::fail(Reader::join(bp, QString::number(it.key())),
                             QStringLiteral("bit number must be from 0 to %1.").arg(maxBit));
            r.bitLabels.insert(int(it.key()), it.value());
        }
    }

    const bool readOnlyTable = r.table == Table::Input || r.table == Table::DiscreteInput;
    const QString access = rd.string(o, path, "access", false, readOnlyTable ? QStringLiteral("r") : QStringLiteral("rw"));
    if (access == QLatin1String("r"))
        r.access = Access::Read;
    else if (access == QLatin1String("rw"))
        r.access = Access::ReadWrite;
    else if (access == QLatin1String("w"))
        r.access = Access::Write;
    else
        Reader::fail(Reader::join(path, QStringLiteral("access")), QStringLiteral("must be r, rw or w."));
    if (readOnlyTable && r.access != Access::Read)
        Reader::fail(Reader::join(path, QStringLiteral("access")),
                     QStringLiteral("a %1 can only be read (access r).").arg(tableName(r.table)));

    if (o.contains(QStringLiteral("models"))) {
        const QString mp = Reader::join(path, QStringLiteral("models"));
        const QJsonValue mv = o.value(QStringLiteral("models"));
        if (!mv.isArray() || mv.toArray().isEmpty())
            Reader::fail(mp, QStringLiteral("must be a non-empty list of model ids."));
        const QJsonArray arr = mv.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const QString m = arr.at(i).toString();
            if (!profile.hasModel(m))
                Reader::fail(mp + QStringLiteral("[%1]").arg(i),
                             QStringLiteral("\"%1\" is not one of the profile's models.").arg(arr.at(i).toVariant().toString()));
            r.models.append(m);
        }
    }
    r.group = rd.string(o, path, "group", false);
    if (!r.group.isEmpty() && !profile.group(r.group))
        Reader::fail(Reader::join(path, QStringLiteral("group")),
                     QStringLiteral("\"%1\" is not one of the profile's groups.").arg(r.group));

    if (o.contains(QStringLiteral("action"))) {
        const QString ap = Reader::join(path, QStringLiteral("action"));
        const QJsonValue av = o.value(QStringLiteral("action"));
        if (!av.isObject())
            Reader::fail(ap, QStringLiteral("must be an object such as {\"value\": 1, \"label\": \"Reset\"}."));
        r.isAction = true;
        r.actionValue = rd.number(av.toObject(), ap, "value").value_or(1.0);
        r.actionLabel = rd.string(av.toObject(), ap, "label", false, r.name);
        if (!r.isWritable())
            Reader::fail(ap, QStringLiteral("an action must be a writable holding register or coil."));
    }

    const QString poll = rd.string(o, path, "poll", false);
    if (poll.isEmpty())
        r.poll = r.isAction || r.access == Access::Write ? PollClass::Never
                 : readOnlyTable                          ? PollClass::Fast
                                                          : PollClass::Slow;
    else if (poll == QLatin1String("fast"))
        r.poll = PollClass::Fast;
    else if (poll == QLatin1String("slow"))
        r.poll = PollClass::Slow;
    else if (poll == QLatin1String("once"))
        r.poll = PollClass::Once;
    else if (poll == QLatin1String("never"))
        r.poll = PollClass::Never;
    else
        Reader::fail(Reader::join(path, QStringLiteral("poll")), QStringLiteral("must be fast, slow, once or never."));
    return r;
}

bool modelsOverlap(const RegisterDef &a, const RegisterDef &b)
{
    if (a.models.isEmpty() || b.models.isEmpty())
        return true;
    for (const auto &m : a.models)
        if (b.models.contains(m))
            return true;
    return false;
}

void readProfile(const Reader &rd, const QJsonObject &root, Profile &p)
{
    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    static const QRegularExpression modelRe(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    static const QSet<QString> known{QStringLiteral("$schema"),  QStringLiteral("format"),
                                     QStringLiteral("id"),       QStringLiteral("name"),
                                     QStringLiteral("vendor"),   QStringLiteral("description"),
                                     QStringLiteral("transport"), QStringLiteral("defaults"),
                                     QStringLiteral("models"),   QStringLiteral("groups"),
                                     QStringLiteral("identity"), QStringLiteral("unit_selectors"),
                                     QStringLiteral("registers")};
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!known.contains(it.key()))
            Reader::fail(it.key(), QStringLiteral("is not a profile field."));

    const auto format = rd.number(root, QString(), "format");
    if (!format)
        Reader::fail(QStringLiteral("format"), QStringLiteral("is required (1)."));
    if (*format != 1)
        Reader::fail(QStringLiteral("format"), QStringLiteral("this version of Pyrolink reads format 1."));
    p.id = rd.string(root, QString(), "id", true);
    Reader::checkId(p.id, QStringLiteral("id"), idRe, "profile id (a-z, 0-9, -)");
    p.name = rd.string(root, QString(), "name", true);
    p.vendor = rd.string(root, QString(), "vendor", false);
    p.description = rd.string(root, QString(), "description", false);

    if (root.contains(QStringLiteral("transport"))) {
        p.transports.clear();
        const QJsonArray arr = root.value(QStringLiteral("transport")).toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const QString t = arr.at(i).toString();
            if (t != QLatin1String("tcp") && t != QLatin1String("rtu"))
                Reader::fail(QStringLiteral("transport[%1]").arg(i), QStringLiteral("must be tcp or rtu."));
            p.transports.append(t);
        }
        if (p.transports.isEmpty())
            Reader::fail(QStringLiteral("transport"), QStringLiteral("must list tcp, rtu or both."));
    }

    const QJsonObject defaults = root.value(QStringLiteral("defaults")).toObject();
    const QString dp = QStringLiteral("defaults");
    if (auto v = rd.number(defaults, dp, "port")) {
        if (*v < 1 || *v > 65535)
            Reader::fail(dp + QStringLiteral(".port"), QStringLiteral("must be from 1 to 65535."));
        p.defaultPort = int(*v);
    }
    if (auto v = rd.number(defaults, dp, "unit")) {
        if (*v < 0 || *v > 255)
            Reader::fail(dp + QStringLiteral(".unit"), QStringLiteral("must be from 0 to 255."));
        p.defaultUnit = int(*v);
    }
    if (defaults.contains(QStringLiteral("word_order"))) {
        const auto wo = wordOrderFromName(rd.string(defaults, dp, "word_order", true));
        if (!wo)
            Reader::fail(dp + QStringLiteral(".word_order"), QStringLiteral("must be be or le."));
        p.defaultWordOrder = *wo;
    }
    if (auto v = rd.number(defaults, dp, "baud"))
        p.defaultBaud = int(*v);
    if (defaults.contains(QStringLiteral("parity"))) {
        const QString parity = rd.string(defaults, dp, "parity", true);
        if (parity != QLatin1String("N") && parity != QLatin1String("E") && parity != QLatin1String("O"))
            Reader::fail(dp + QStringLiteral(".parity"), QStringLiteral("must be N, E or O."));
        p.defaultParity = parity.at(0);
    }
    if (auto v = rd.number(defaults, dp, "stop_bits")) {
        if (*v != 1 && *v != 2)
            Reader::fail(dp + QStringLiteral(".stop_bits"), QStringLiteral("must be 1 or 2."));
        p.defaultStopBits = int(*v);
    }

    const QJsonArray models = root.value(QStringLiteral("models")).toArray();
    for (int i = 0; i < models.size(); ++i) {
        const QString mp = QStringLiteral("models[%1]").arg(i);
        const QJsonObject m = models.at(i).toObject();
        ModelDef md{rd.string(m, mp, "id", true), rd.string(m, mp, "name", true), rd.string(m, mp, "description", false)};
        Reader::checkId(md.id, mp + QStringLiteral(".id"), modelRe, "model id");
        if (p.hasModel(md.id))
            Reader::fail(mp + QStringLiteral(".id"), QStringLiteral("\"%1\" appears twice.").arg(md.id));
        p.models.append(md);
    }
    const QJsonArray groups = root.value(QStringLiteral("groups")).toArray();
    for (int i = 0; i < groups.size(); ++i) {
        const QString gp = QStringLiteral("groups[%1]").arg(i);
        const QJsonObject g = groups.at(i).toObject();
        GroupDef gd{rd.string(g, gp, "id", true), rd.string(g, gp, "name", true)};
        if (p.group(gd.id))
            Reader::fail(gp + QStringLiteral(".id"), QStringLiteral("\"%1\" appears twice.").arg(gd.id));
        p.groups.append(gd);
    }

    const QJsonValue regs = root.value(QStringLiteral("registers"));
    if (!regs.isArray() || regs.toArray().isEmpty())
        Reader::fail(QStringLiteral("registers"), QStringLiteral("must be a non-empty list."));
    const QJsonArray arr = regs.toArray();
    for (int i = 0; i < arr.size(); ++i) {
        const QString rp = QStringLiteral("registers[%1]").arg(i);
        if (!arr.at(i).isObject())
            Reader::fail(rp, QStringLiteral("must be an object."));
        RegisterDef r = readRegister(rd, arr.at(i).toObject(), rp, p);
        for (int j = 0; j < p.registers.size(); ++j) {
            const RegisterDef &o = p.registers.at(j);
            if (!modelsOverlap(r, o))
                continue;
            if (o.id == r.id)
                Reader::fail(rp + QStringLiteral(".id"),
                             QStringLiteral("\"%1\" is already used by registers[%2] for the same model.").arg(r.id).arg(j));
            if (o.table == r.table && r.address <= o.lastAddress() && o.address <= r.lastAddress())
                Reader::fail(rp + QStringLiteral(".address"),
                             QStringLiteral("%1 overlaps registers[%2] (\"%3\") for the same model.")
                                 .arg(r.address)
                                 .arg(j)
                                 .arg(o.id));
        }
        p.registers.append(r);
    }

    const QJsonObject identity = root.value(QStringLiteral("identity")).toObject();
    for (auto it = identity.begin(); it != identity.end(); ++it) {
        const QString ip = QStringLiteral("identity.") + it.key();
        const QString rid = it.value().toString();
        bool found = false;
        for (const auto &r : p.registers)
            found = found || r.id == rid;
        if (!found)
            Reader::fail(ip, QStringLiteral("\"%1\" is not a register id.").arg(rid));
        p.identity.insert(it.key(), rid);
    }

    const QJsonArray selectors = root.value(QStringLiteral("unit_selectors")).toArray();
    for (int i = 0; i < selectors.size(); ++i) {
        const QString sp = QStringLiteral("unit_selectors[%1]").arg(i);
        const QJsonObject s = selectors.at(i).toObject();
        UnitSelector us;
        us.registerId = rd.string(s, sp, "register", true);
        us.replaces = rd.string(s, sp, "replaces", true);
        us.units = rd.labels(s.value(QStringLiteral("units")).toObject(), sp + QStringLiteral(".units"));
        bool found = false;
        for (const auto &r : p.registers)
            found = found || r.id == us.registerId;
        if (!found)
            Reader::fail(sp + QStringLiteral(".register"), QStringLiteral("\"%1\" is not a register id.").arg(us.registerId));
        p.unitSelectors.append(us);
    }
}

} // namespace

std::shared_ptr<const Profile> ProfileLoader::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be read: %2.").arg(path, file.errorString());
        return nullptr;
    }
    return loadData(file.readAll(), path, error);
}

std::shared_ptr<const Profile> ProfileLoader::loadData(const QByteArray &json, const QString &fileName,
                                                       QString *error)
{
    const QString shown = fileName.startsWith(QLatin1Char(':')) ? fileName : QFileInfo(fileName).fileName();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("%1:%2: not valid JSON: %3.")
                         .arg(shown)
                         .arg(JsonLocator::lineAt(json, parseError.offset))
                         .arg(parseError.errorString());
        return nullptr;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1:1: a profile must be a JSON object.").arg(shown);
        return nullptr;
    }
    Reader reader(json);
    auto profile = std::make_shared<Profile>();
    try {
        readProfile(reader, doc.object(), *profile);
    } catch (const LoadError &e) {
        if (error)
            *error = QStringLiteral("%1:%2: %3: %4").arg(shown).arg(reader.locator.line(e.path)).arg(e.path, e.message);
        return nullptr;
    }
    profile->sourcePath = fileName;
    return profile;
}

} // namespace pyrolink
