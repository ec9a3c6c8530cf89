#include "CliContext.h"

#include "profile/Codec.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace pyrolink::cli {

CliContext::CliContext(const QString &command, const QString &description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

void CliContext::addConnectionOptions()
{
    m_parser.addOptions({
        {QStringLiteral("host"), QStringLiteral("Modbus TCP device address."), QStringLiteral("host")},
        {QStringLiteral("port"), QStringLiteral("Modbus TCP port (default: the profile's, usually 502)."),
         QStringLiteral("port")},
        {QStringLiteral("unit"), QStringLiteral("Unit id (default: the profile's, usually 1)."),
         QStringLiteral("id")},
        {QStringLiteral("serial"), QStringLiteral("Use Modbus RTU on this serial port instead of TCP."),
         QStringLiteral("port")},
        {QStringLiteral("baud"), QStringLiteral("RTU baud rate (default 115200)."), QStringLiteral("rate")},
        {QStringLiteral("parity"), QStringLiteral("RTU parity: N, E or O (default N)."),
         QStringLiteral("N|E|O")},
        {QStringLiteral("stop-bits"), QStringLiteral("RTU stop bits: 1 or 2 (default 1)."),
         QStringLiteral("1|2")},
        {QStringLiteral("timeout"), QStringLiteral("Response timeout in ms (default 1000)."),
         QStringLiteral("ms")},
        {QStringLiteral("retries"), QStringLiteral("Repeats after a timeout (default 1)."),
         QStringLiteral("n")},
    });
}

void CliContext::addProfileOptions()
{
    m_hasProfile = true;
    m_parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Device profile id (default optris-ct)."),
         QStringLiteral("id")},
        {QStringLiteral("model"), QStringLiteral("Model variant of the profile (default: its first)."),
         QStringLiteral("model")},
        {QStringLiteral("profile-dir"), QStringLiteral("Also load profiles from this folder."),
         QStringLiteral("dir")},
    });
}

void CliContext::addJsonOption()
{
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")});
}

int CliContext::parse(const QStringList &args)
{
    QStringList full = args;
    if (!full.isEmpty())
        full[0] = full[0] + QLatin1Char(' ') + m_command;
    if (!m_parser.parse(full))
        return fail(ExitUsage, m_parser.errorText() + QLatin1Char('.'));
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        help.replace(QStringLiteral("Usage: ") + QCoreApplication::applicationFilePath(),
                     QStringLiteral("Usage: pyrolink-cli ") + m_command);
        print(help);
        return ExitOk;
    }
    return -1;
}

ProfileRegistry &CliContext::registry()
{
    if (!m_registry) {
        m_registry = std::make_unique<ProfileRegistry>();
        QStringList dirs;
        if (m_hasProfile)
            dirs = m_parser.values(QStringLiteral("profile-dir"));
        m_registry->loadDefault(dirs);
        for (const QString &e : m_registry->errors())
            QTextStream(stderr) << "warning: " << e << '\n';
    }
    return *m_registry;
}

bool CliContext::namedRegisters(const Profile &profile, const QString &model, QList<const RegisterDef *> *out)
{
    for (const QString &name : m_parser.positionalArguments()) {
        const RegisterDef *def = profile.find(name, model);
        if (!def) {
            fail(
                ExitUsage,
                QStringLiteral("Profile %1 (model %2) has no register \"%3\".").arg(profile.id, model, name));
            return false;
        }
        if (!def->isReadable()) {
            fail(ExitUsage, QStringLiteral("%1 (%2) is write-only.").arg(def->name, def->id));
            return false;
        }
        out->append(def);
    }
    return true;
}

bool CliContext::profileAndModel(std::shared_ptr<const Profile> *profile, QString *model)
{
    const QString id = m_parser.isSet(QStringLiteral("profile")) ? m_parser.value(QStringLiteral("profile"))
                                                                 : QStringLiteral("optris-ct");
    *profile = registry().find(id);
    if (!*profile) {
        QStringList ids;
        for (const auto &p : registry().profiles())
            ids << p->id;
        fail(ExitUsage, QStringLiteral("There is no profile \"%1\"; known profiles: %2.")
                            .arg(id, ids.join(QStringLiteral(", "))));
        return false;
    }
    *model = m_parser.isSet(QStringLiteral("model")) ? m_parser.value(QStringLiteral("model"))
                                                     : (*profile)->defaultModel();
    if (!(*profile)->models.isEmpty() && !(*profile)->hasModel(*model)) {
        QStringList ids;
        for (const auto &m : (*profile)->models)
            ids << m.id;
        fail(ExitUsage, QStringLiteral("Profile %1 has no model \"%2\"; choose %3.")
                            .arg((*profile)->id, *model, ids.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

bool CliContext::connection(ConnectionSettings *out, const Profile *profile)
{
    auto intOption = [this](const char *name, int lo, int hi, int fallback, int *value) {
        const QString key = QString::fromLatin1(name);
        if (!m_parser.isSet(key)) {
            *value = fallback;
            return true;
        }
        bool ok = false;
        *value = m_parser.value(key).toInt(&ok);
        if (!ok || *value < lo || *value > hi) {
            fail(ExitUsage,
                 QStringLiteral("--%1 must be a whole number from %2 to %3.").arg(key).arg(lo).arg(hi));
            return false;
        }
        return true;
    };
    ConnectionSettings s;
    const bool serial = m_parser.isSet(QStringLiteral("serial"));
    if (serial == m_parser.isSet(QStringLiteral("host"))) {
        fail(ExitUsage,
             serial ? QStringLiteral("Give either --host or --serial, not both.")
                    : QStringLiteral(
                          "Name the device with --host HOST (Modbus TCP) or --serial PORT (Modbus RTU)."));
        return false;
    }
    if (!intOption("unit", 0, 255, profile ? profile->defaultUnit : 1, &s.unit) ||
        !intOption("timeout", 10, 60000, 1000, &s.timeoutMs) || !intOption("retries", 0, 10, 1, &s.retries))
        return false;
    if (serial) {
        s.transport = ConnectionSettings::Transport::Rtu;
        s.serialPort = m_parser.value(QStringLiteral("serial"));
        if (!intOption("baud", 300, 4000000, 115200, &s.baud) ||
            !intOption("stop-bits", 1, 2, 1, &s.stopBits))
            return false;
        const QString parity = m_parser.value(QStringLiteral("parity")).toUpper();
        if (!parity.isEmpty() && parity != QLatin1String("N") && parity != QLatin1String("E") &&
            parity != QLatin1String("O")) {
            fail(ExitUsage, QStringLiteral("--parity must be N, E or O."));
            return false;
        }
        s.parity = parity.isEmpty() ? QLatin1Char('N') : parity.at(0);
    } else {
        s.host = m_parser.value(QStringLiteral("host"));
        if (!intOption("port", 1, 65535, profile ? profile->defaultPort : 502, &s.port))
            return false;
    }
    *out = s;
    return true;
}

std::optional<qint64> CliContext::parseDurationMs(const QString &text)
{
    static const QList<QPair<QString, double>> units{{QStringLiteral("ms"), 1.0},
                                                     {QStringLiteral("s"), 1000.0},
                                                     {QStringLiteral("min"), 60000.0},
                                                     {QStringLiteral("m"), 60000.0},
                                                     {QStringLiteral("h"), 3600000.0}};
    const QString t = text.trimmed().toLower();
    double factor = 1.0;
    QString number = t;
    for (const auto &[suffix, f] : units) {
        if (t.endsWith(suffix)) {
            number = t.left(t.size() - suffix.size());
            factor = f;
            break;
        }
    }
    bool ok = false;
    const double v = number.toDouble(&ok);
    if (!ok || v < 0 || !std::isfinite(v))
        return std::nullopt;
    return qint64(std::llround(v * factor));
}

bool CliContext::isTerminal(FILE *stream)
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stream));
#else
    return isatty(fileno(stream));
#endif
}

int CliContext::fail(int code, const QString &message)
{
    QTextStream(stderr) << message << '\n';
    return code;
}

void CliContext::print(const QString &text)
{
    QTextStream out(stdout);
    out << text;
    if (!text.endsWith(QLatin1Char('\n')))
        out << '\n';
    out.flush();
}

void CliContext::printJson(const QJsonObject &object)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out.flush();
}

bool CliContext::openLink(ModbusLink &link, QString *error)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&link, &ModbusLink::opened, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&link, &ModbusLink::failed, &loop, [&](const QString &why) {
        *error = why;
        loop.quit();
    });
    link.setConnectTimeoutMs(std::max(link.settings().timeoutMs, 1000) * 3);
    link.open();
    if (!ok && error->isEmpty())
        loop.exec();
    return ok;
}

QJsonObject CliContext::deviceJson(const ConnectionSettings &s, const Profile *profile, const QString &model)
{
    QJsonObject d;
    if (s.transport == ConnectionSettings::Transport::Rtu) {
        d[QStringLiteral("transport")] = QStringLiteral("rtu");
        d[QStringLiteral("serial_port")] = s.serialPort;
        d[QStringLiteral("baud")] = s.baud;
        d[QStringLiteral("parity")] = QString(s.parity);
        d[QStringLiteral("stop_bits")] = s.stopBits;
    } else {
        d[QStringLiteral("transport")] = QStringLiteral("tcp");
        d[QStringLiteral("host")] = s.host;
        d[QStringLiteral("port")] = s.port;
    }
    d[QStringLiteral("unit")] = s.unit;
    if (profile) {
        d[QStringLiteral("profile")] = profile->id;
        d[QStringLiteral("model")] = model;
    }
    return d;
}

QJsonObject readingJson(const Reading &r, const QString &unit)
{
    const RegisterDef &def = *r.def;
    QJsonObject o;
    o[QStringLiteral("id")] = def.id;
    o[QStringLiteral("name")] = def.name;
    o[QStringLiteral("table")] = tableName(def.table);
    o[QStringLiteral("address")] = def.address;
    QJsonArray raw;
    for (quint16 w : r.raw)
        raw.append(w);
    o[QStringLiteral("raw")] = raw;
    if (!def.isNumeric()) {
        o[QStringLiteral("value")] = Codec::wordsToHex(r.raw);
    } else {
        o[QStringLiteral("value")] = r.value;
        if (!def.enumLabels.isEmpty() && r.value == std::floor(r.value) &&
            def.enumLabels.contains(qint64(r.value)))
            o[QStringLiteral("label")] = def.enumLabels.value(qint64(r.value));
        if (!def.bitLabels.isEmpty())
            o[QStringLiteral("bits")] =
                QJsonArray::fromStringList(Codec::setBitLabels(def, Codec::rawNumber(def, r.raw)));
    }
    o[QStringLiteral("unit")] = unit;
    return o;
}

} // namespace pyrolink::cli
