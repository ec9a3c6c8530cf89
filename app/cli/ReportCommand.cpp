#include "ReportCommand.h"

#include "CliContext.h"
#include "CommissioningReport.h"
#include "ReportData.h"
#include "SignalWatcher.h"
#include "history/HistoryStore.h"
#include "modbus/RegisterIo.h"
#include "poll/DevicePoller.h"
#include "session/DeviceSession.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace pyrolink::cli {

std::unique_ptr<QCoreApplication> ReportCommand::createApplication(int &argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        // Forced, not defaulted: the report never shows a window, and a desktop's platform would need a
        // display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Starting the platform warns when a shell session has no XDG_RUNTIME_DIR, which says nothing about
        // the report and would be a second line under a one-sentence error: dropped while the application
        // starts.
        static QtMessageHandler previous = nullptr;
        previous =
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &m) {
                if (!m.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                    previous(type, context, m);
            });
        auto app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previous);
        return app;
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

int ReportCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("report"),
        QStringLiteral("Reads a device's identity and every writable setting, polls its measurements for "
                       "--duration to chart them, and writes a commissioning report as an A4 PDF: identity, "
                       "live readings, the chart, the configuration, the technician's name and notes, and a "
                       "sign-off block. Ctrl+C ends the polling early and still writes the report."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    ctx.parser().addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("PDF file to write (required)."),
         QStringLiteral("file")},
        {QStringLiteral("technician"),
         QStringLiteral("Name of the technician, printed above the signature line."), QStringLiteral("name")},
        {QStringLiteral("notes"), QStringLiteral("Notes for the report (\\n starts a new line)."),
         QStringLiteral("text")},
        {QStringLiteral("duration"),
         QStringLiteral("How long to poll the measurements for the chart: 10s, 2m, ... (default 10s)."),
         QStringLiteral("time"), QStringLiteral("10s")},
    });
    if (int code = ctx.parse(args); code >= 0)
        return code;
    if (!ctx.parser().positionalArguments().isEmpty())
        return CliContext::fail(ExitUsage,
                                QStringLiteral("report takes no register names; it reads them all."));

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    const QString path = ctx.parser().value(QStringLiteral("output"));
    if (path.isEmpty())
        return CliContext::fail(ExitUsage, QStringLiteral("Name the PDF file with -o FILE."));
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return CliContext::fail(ExitUsage,
                                QStringLiteral("The folder %1 does not exist.")
                                    .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    const auto duration = CliContext::parseDurationMs(ctx.parser().value(QStringLiteral("duration")));
    if (!duration || *duration <= 0 || *duration > 24 * 3600 * 1000)
        return CliContext::fail(ExitUsage,
                                QStringLiteral("--duration must be a time such as 10s or 5m, at most 24h."));
    ConnectionSettings settings;
    if (!ctx.connection(&settings, profile.get()))
        return ExitUsage;

    // 1. Identity, configuration and every measurement, read once.
    const QList<const RegisterDef *> identity = ReportData::identityRegisters(*profile, model);
    const QList<const RegisterDef *> configuration = ReportData::configurationRegisters(*profile, model);
    const QList<const RegisterDef *> measurements = ReportData::measurementRegisters(*profile, model);
    const QList<const RegisterDef *> toRead =
        profile->withUnitSelectors(identity + configuration + measurements, model);
    QList<Reading> readings;
    {
        ModbusLink link(settings);
        QString error;
        if (!CliContext::openLink(link, &error))
            return CliContext::fail(ExitDevice, error);
        RegisterIo io(&link);
        readings = await<QList<Reading>>([&](auto done) { io.read(toRead, done); });
        link.close();
    }
    if (std::none_of(readings.cbegin(), readings.cend(),
                     [](const Reading &r) { return r.quality == Quality::Good; }))
        return CliContext::fail(ExitDevice, QStringLiteral("The device answered none of the %1 registers; no "
                                                           "report was written. Check --unit and --profile.")
                                                .arg(readings.size()));

    // 2. The measurements polled for --duration, kept as history for the chart.
    const QList<const RegisterDef *> chart = ReportData::defaultChartChannels(*profile, model);
    QList<const RegisterDef *> cycle = chart;
    for (const RegisterDef *def : measurements)
        if (def->poll == PollClass::Fast && !cycle.contains(def))
            cycle.append(def);
    DevicePoller poller(profile, model, settings);
    poller.setCycleRegisters(profile->withUnitSelectors(cycle, model));
    HistoryStore history;
    for (const RegisterDef *def : chart)
        history.channel(DeviceSession::historyKey(def),
                        1000.0 / std::max(1, poller.interval(PollClass::Fast)));
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    int goodCycles = 0;
    QObject::connect(&poller, &DevicePoller::cycleCompleted, [&](qint64 ts) {
        bool good = false;
        for (const RegisterDef *def : chart) {
            const Reading &r = poller.reading(poller.rowOf(def));
            good |= r.quality == Quality::Good;
            history.append(DeviceSession::historyKey(def), ts,
                           r.quality == Quality::Good ? r.value : std::nan(""));
        }
        goodCycles += good ? 1 : 0;
        firstMs = firstMs ? firstMs : ts;
        lastMs = ts;
    });
    QObject::connect(&poller, &DevicePoller::message, [](const QString &m) { CliContext::fail(0, m); });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    QTimer::singleShot(*duration, qApp, &QCoreApplication::quit);
    poller.start();
    QCoreApplication::exec();
    poller.stop();
    if (goodCycles == 0)
        return CliContext::fail(ExitDevice, QStringLiteral("The device did not answer while its measurements "
                                                           "were polled; no report was written. %1")
                                                .arg(poller.lastMessage())
                                                .trimmed());

    // 3. The report: the polled readings are newer than the one-shot ones where both exist.
    QHash<const RegisterDef *, Reading> latest;
    for (const Reading &r : std::as_const(readings))
        latest.insert(r.def, r);
    for (const Reading &r : poller.readings())
        if (r.def && r.timestampMs >= latest.value(r.def).timestampMs && r.quality != Quality::Unknown)
            latest.insert(r.def, r);
    // What is still missing after the polling is marked "not read" in the report, and named here.
    QJsonArray errors;
    for (const RegisterDef *def : toRead) {
        const Reading r = latest.value(def);
        if (r.quality == Quality::Good || (r.quality == Quality::Stale && r.hasValue()))
            continue;
        errors.append(QJsonObject{{QStringLiteral("id"), def->id},
                                  {QStringLiteral("table"), tableName(def->table)},
                                  {QStringLiteral("address"), def->address},
                                  {QStringLiteral("error"), r.error}});
        CliContext::fail(ExitDevice, QStringLiteral("%1 (%2 %3): %4")
                                         .arg(def->id, tableName(def->table))
                                         .arg(def->address)
                                         .arg(r.error));
    }
    ReportData data = ReportData::fromReadings(*profile, model, settings, latest.values(), &history, chart,
                                               firstMs, lastMs);
    data.technician = ctx.parser().value(QStringLiteral("technician")).trimmed();
    data.notes =
        ctx.parser().value(QStringLiteral("notes")).replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    CommissioningReport report(data);
    QString error;
    if (!report.write(path, &error))
        return CliContext::fail(ExitDevice, error);

    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("device"), CliContext::deviceJson(settings, profile.get(), model)},
                        {QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                        {QStringLiteral("pages"), report.pageCount()},
                        {QStringLiteral("serial"), data.serial},
                        {QStringLiteral("technician"), data.technician},
                        {QStringLiteral("cycles"), goodCycles},
                        {QStringLiteral("errors"), errors}});
    } else {
        CliContext::print(QStringLiteral("%1: commissioning report of %2%3, %4 pages.")
                              .arg(QDir::toNativeSeparators(path), data.modelName,
                                   data.serial.isEmpty() ? QString() : QStringLiteral(" ") + data.serial)
                              .arg(report.pageCount()));
    }
    return errors.isEmpty() ? ExitOk : ExitDevice;
}

} // namespace pyrolink::cli
