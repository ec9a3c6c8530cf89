#include "DiscoverCommand.h"

#include "CliContext.h"
#include "SignalWatcher.h"
#include "discovery/DiscoveryMethod.h"
#include "discovery/TcpSweep.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>

namespace pyrolink::cli {

namespace {
const QString kDefaultProfile = QStringLiteral("optris-ct");

/// The profiles whose identity registers are tried, in order: the one named with --profile (default
/// optris-ct), then every other profile with identity registers that speaks the transport.
QList<std::shared_ptr<const Profile>> candidateProfiles(const ProfileRegistry &registry, const QString &first,
                                                        const QString &transport)
{
    QList<std::shared_ptr<const Profile>> out{registry.find(first)};
    for (const auto &p : registry.profiles())
        if (!out.contains(p) && p->transports.contains(transport) && !p->identity.isEmpty())
            out << p;
    return out;
}

QString table(const QList<DiscoveredDevice> &devices)
{
    const QStringList names = DiscoveredDevice::columnNames();
    QList<QStringList> rows{names};
    for (const DiscoveredDevice &d : devices) {
        QStringList row;
        for (int c = 0; c < names.size(); ++c) {
            const QString text = d.columnText(c);
            row << (text.isEmpty() ? QStringLiteral("-") : text);
        }
        rows << row;
    }
    QList<int> widths(names.size(), 0);
    for (const QStringList &row : rows)
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (int c = 0; c < row.size(); ++c)
            line += row.at(c).leftJustified(widths[c] + 2);
        lines << line.trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

bool stderrIsTerminal()
{
    return CliContext::isTerminal(stderr);
}
} // namespace

int DiscoverCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("discover"),
        QStringLiteral(
            "Finds Modbus devices: on TCP, every address of the ranges (default: the subnets of the local "
            "network interfaces, at most a /22 each unless --wide) at every port; with --serial, every unit "
            "id on an RTU line. A device counts only when it answers Modbus. Prints IP, MAC, serial number, "
            "firmware, model, port, unit, response time and the suggested profile (docs/discovery.md)."));
    ctx.addJsonOption();
    ctx.parser().addOptions({
        {QStringLiteral("port"), QStringLiteral("TCP ports: 502, 1502-1510,1600 (default 502)."),
         QStringLiteral("ports")},
        {QStringLiteral("timeout"),
         QStringLiteral("Connect and answer timeout: 300ms, 1s (default 300ms on TCP, 100ms on RTU)."),
         QStringLiteral("time")},
        {QStringLiteral("concurrency"), QStringLiteral("TCP targets probed at once (default 64)."),
         QStringLiteral("n")},
        {QStringLiteral("wide"),
         QStringLiteral("Allow up to 65536 addresses (a /16) instead of 1024 (a /22), and scan local subnets "
                        "up to a /16.")},
        {QStringLiteral("unit"), QStringLiteral("Unit id sent to TCP devices (default 1)."),
         QStringLiteral("id")},
        {QStringLiteral("csv"), QStringLiteral("Also write the results table to this CSV file."),
         QStringLiteral("file")},
        {QStringLiteral("serial"), QStringLiteral("Scan unit ids on this serial port (Modbus RTU) instead."),
         QStringLiteral("port")},
        {QStringLiteral("baud"), QStringLiteral("RTU baud rate (default 115200)."), QStringLiteral("rate")},
        {QStringLiteral("parity"), QStringLiteral("RTU parity: N, E or O (default N)."),
         QStringLiteral("N|E|O")},
        {QStringLiteral("stop-bits"), QStringLiteral("RTU stop bits: 1 or 2 (default 1)."),
         QStringLiteral("1|2")},
        {QStringLiteral("units"), QStringLiteral("RTU unit ids to try: 1-247 (default), 1-10,20."),
         QStringLiteral("ids")},
        {QStringLiteral("profile"),
         QStringLiteral("Try this profile's identity registers first (default optris-ct)."),
         QStringLiteral("id")},
        {QStringLiteral("profile-dir"), QStringLiteral("Also load profiles from this folder."),
         QStringLiteral("dir")},
    });
    ctx.parser().addPositionalArgument(
        QStringLiteral("range"),
        QStringLiteral(
            "Addresses to scan: 10.0.0.0/24, 10.0.0.1-10.0.0.254, 10.0.0.7 (default: local subnets)."),
        QStringLiteral("[RANGE ...]"));
    if (int code = ctx.parse(args); code >= 0)
        return code;
    const QCommandLineParser &p = ctx.parser();
    auto isSet = [&p](const char *name) { return p.isSet(QString::fromLatin1(name)); };

    const bool serial = isSet("serial");
    // Named arrays, not a conditional between two initializer_lists: their backing arrays would be temporaries.
    static const QList<const char *> tcpOnly{"port", "concurrency", "wide", "unit"};
    static const QList<const char *> rtuOnly{"baud", "parity", "stop-bits", "units"};
    for (const char *name : serial ? tcpOnly : rtuOnly) {
        if (isSet(name))
            return CliContext::fail(ExitUsage, QStringLiteral("--%1 applies only to %2.")
                                                   .arg(QString::fromLatin1(name),
                                                        serial ? QStringLiteral("a TCP sweep")
                                                               : QStringLiteral("an RTU scan (--serial)")));
    }
    if (serial && !p.positionalArguments().isEmpty())
        return CliContext::fail(ExitUsage,
                                QStringLiteral("Give either address ranges or --serial, not both."));

    for (const QString &dir : p.values(QStringLiteral("profile-dir")))
        ctx.registry().loadDirectory(dir);
    const QString firstProfile =
        p.isSet(QStringLiteral("profile")) ? p.value(QStringLiteral("profile")) : kDefaultProfile;
    if (!ctx.registry().find(firstProfile))
        return CliContext::fail(ExitUsage, QStringLiteral("There is no profile \"%1\".").arg(firstProfile));

    DiscoveryOptions options;
    options.profiles = candidateProfiles(ctx.registry(), firstProfile,
                                         serial ? QStringLiteral("rtu") : QStringLiteral("tcp"));
    if (isSet("timeout")) {
        const auto ms = CliContext::parseDurationMs(p.value(QStringLiteral("timeout")));
        if (!ms || *ms < 10 || *ms > 60000)
            return CliContext::fail(ExitUsage, QStringLiteral("--timeout must be a time from 10ms to 60s."));
        options.timeoutMs = int(*ms);
    }
    auto intOption = [&p](const char *name, int lo, int hi, int *value) {
        const QString key = QString::fromLatin1(name);
        if (!p.isSet(key))
            return true;
        bool ok = false;
        *value = p.value(key).toInt(&ok);
        if (ok && *value >= lo && *value <= hi)
            return true;
        CliContext::fail(
            ExitUsage, QStringLiteral("--%1 must be a whole number from %2 to %3.").arg(key).arg(lo).arg(hi));
        return false;
    };
    QString methodId;
    if (serial) {
        methodId = QStringLiteral("modbus-rtu");
        options.serial.transport = ConnectionSettings::Transport::Rtu;
        options.serial.serialPort = p.value(QStringLiteral("serial"));
        options.serial.baud = 115200;
        if (!intOption("baud", 300, 4000000, &options.serial.baud) ||
            !intOption("stop-bits", 1, 2, &options.serial.stopBits))
            return ExitUsage;
        const QString parity = p.value(QStringLiteral("parity")).toUpper();
        if (!parity.isEmpty() && parity != QLatin1String("N") && parity != QLatin1String("E") &&
            parity != QLatin1String("O"))
            return CliContext::fail(ExitUsage, QStringLiteral("--parity must be N, E or O."));
        options.serial.parity = parity.isEmpty() ? QLatin1Char('N') : parity.at(0);
        if (isSet("units"))
            options.units = p.value(QStringLiteral("units"));
    } else {
        methodId = QStringLiteral("modbus-tcp");
        options.ranges = p.positionalArguments();
        options.wide = isSet("wide");
        if (isSet("port"))
            options.ports = p.value(QStringLiteral("port"));
        if (!intOption("concurrency", 1, TcpSweep::kMaxConcurrency, &options.concurrency) ||
            !intOption("unit", 0, 255, &options.tcpUnit))
            return ExitUsage;
    }

    std::unique_ptr<DiscoveryMethod> method(DiscoveryMethodRegistry::create(methodId));
    QString error;
    if (!method->configure(options, &error)) {
        // Without a range, having no subnet to scan is the machine's state, not a mistake in the command.
        const bool noSubnet = !serial && options.ranges.isEmpty();
        return CliContext::fail(noSubnet ? ExitDevice : ExitUsage, error);
    }

    const bool showProgress = stderrIsTerminal();
    QTextStream err(stderr);
    if (showProgress)
        err << "Scanning " << method->plan() << '\n' << Qt::flush;

    QList<DiscoveredDevice> devices;
    QString failure;
    bool interrupted = false;
    int doneCount = 0;
    QElapsedTimer clock, lastProgress;
    lastProgress.start();
    QEventLoop loop;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, method.get(), [&] {
        interrupted = true;
        method->cancel();
    });
    QObject::connect(method.get(), &DiscoveryMethod::found, &loop,
                     [&](const DiscoveredDevice &d) { devices.append(d); });
    QObject::connect(method.get(), &DiscoveryMethod::progress, &loop, [&](int done, int total) {
        doneCount = done;
        if (showProgress && (done == total || lastProgress.elapsed() >= 100)) {
            lastProgress.restart();
            err << QStringLiteral("\r%1/%2 scanned, %3 found ").arg(done).arg(total).arg(devices.size())
                << Qt::flush;
        }
    });
    QObject::connect(method.get(), &DiscoveryMethod::failed, &loop,
                     [&](const QString &why) { failure = why; });
    QObject::connect(method.get(), &DiscoveryMethod::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    clock.start();
    method->start();
    loop.exec();
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (showProgress)
        err << "\r\033[K" << Qt::flush;

    if (!failure.isEmpty())
        return CliContext::fail(ExitDevice, failure);
    std::sort(devices.begin(), devices.end(), DiscoveredDevice::lessThan);

    if (ctx.json()) {
        QJsonArray list;
        for (const DiscoveredDevice &d : devices)
            list.append(d.toJson());
        QJsonObject doc{{QStringLiteral("method"), methodId},
                        {QStringLiteral("scanned"), interrupted ? doneCount : method->total()},
                        {QStringLiteral("seconds"), std::round(seconds * 1000.0) / 1000.0},
                        {QStringLiteral("complete"), !interrupted},
                        {QStringLiteral("devices"), list}};
        if (auto *sweep = qobject_cast<TcpSweep *>(method.get()); sweep && !sweep->localSubnets().isEmpty()) {
            QJsonArray subnets;
            for (const LocalSubnet &s : sweep->localSubnets())
                subnets.append(QJsonObject{{QStringLiteral("interface"), s.interfaceName},
                                           {QStringLiteral("subnet"), s.describe()},
                                           {QStringLiteral("addresses"), qint64(s.hosts.size())}});
            doc[QStringLiteral("subnets")] = subnets;
        }
        CliContext::printJson(doc);
    } else {
        if (!devices.isEmpty())
            CliContext::print(table(devices));
        CliContext::print(QStringLiteral("%1 device%2 found in %3 s; %4 of %5 targets scanned (%6).")
                              .arg(devices.size())
                              .arg(devices.size() == 1 ? QString() : QStringLiteral("s"))
                              .arg(seconds, 0, 'f', 2)
                              .arg(interrupted ? doneCount : method->total())
                              .arg(method->total())
                              .arg(method->plan()));
    }
    if (isSet("csv") && !DiscoveredDevice::writeCsv(p.value(QStringLiteral("csv")), devices, &error))
        return CliContext::fail(ExitDevice, error);
    if (interrupted)
        return CliContext::fail(ExitDevice,
                                QStringLiteral("Interrupted after %1 of %2: the list is incomplete.")
                                    .arg(doneCount)
                                    .arg(method->total()));
    return ExitOk;
}

} // namespace pyrolink::cli
