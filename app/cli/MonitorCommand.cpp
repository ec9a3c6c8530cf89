#include "MonitorCommand.h"

#include "CliContext.h"
#include "SignalWatcher.h"
#include "poll/DevicePoller.h"
#include "profile/Codec.h"
#include "sim/DeviceSimulator.h"

#include <QCoreApplication>
#include <QDateTime>

namespace pyrolink::cli {

int MonitorCommand::run(const QStringList &args)
{
    CliContext ctx(QStringLiteral("monitor"),
                   QStringLiteral("Polls a device and prints its live values, one line per poll, until "
                                  "interrupted. With --simulate it polls the built-in simulated device."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.parser().addOptions({
        {QStringLiteral("simulate"),
         QStringLiteral("Start the built-in simulator of the profile and poll it.")},
        {QStringLiteral("interval"), QStringLiteral("Time between polls: 500ms, 1s, ... (default 1s)."),
         QStringLiteral("time"), QStringLiteral("1s")},
        {QStringLiteral("samples"), QStringLiteral("Stop after this many polls (default: run until Ctrl+C)."),
         QStringLiteral("n"), QStringLiteral("0")},
    });
    ctx.parser().addPositionalArgument(QStringLiteral("register"),
                                       QStringLiteral("Registers to show (default: the measurements)."),
                                       QStringLiteral("[ID ...]"));
    if (int code = ctx.parse(args); code >= 0)
        return code;

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    const auto interval = CliContext::parseDurationMs(ctx.parser().value(QStringLiteral("interval")));
    if (!interval || *interval < 10 || *interval > 3600000)
        return CliContext::fail(ExitUsage, QStringLiteral("--interval must be a time from 10ms to 1h."));
    bool ok = false;
    const int samples = ctx.parser().value(QStringLiteral("samples")).toInt(&ok);
    if (!ok || samples < 0)
        return CliContext::fail(ExitUsage, QStringLiteral("--samples must be 0 or more."));
    QList<const RegisterDef *> columns;
    if (!ctx.namedRegisters(*profile, model, &columns))
        return ExitUsage;

    std::unique_ptr<DeviceSimulator> sim;
    ConnectionSettings settings;
    if (ctx.parser().isSet(QStringLiteral("simulate"))) {
        sim = std::make_unique<DeviceSimulator>(profile, model);
        QString error;
        if (!sim->listen(QHostAddress::LocalHost, 0, &error))
            return CliContext::fail(ExitDevice, error);
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = sim->port();
        CliContext::print(QStringLiteral("Built-in simulator: %1 (%2) on 127.0.0.1:%3. Ctrl+C stops.")
                              .arg(profile->name, model)
                              .arg(settings.port));
    } else if (!ctx.connection(&settings, profile.get())) {
        return ExitUsage;
    }

    DevicePoller poller(profile, model, settings);
    if (columns.isEmpty())
        for (const RegisterDef *def : poller.cycleRegisters())
            if (def->isNumeric())
                columns.append(def);
    poller.setCycleRegisters(profile->withUnitSelectors(columns, model));
    poller.setInterval(PollClass::Fast, int(*interval));

    QStringList header{QStringLiteral("time    ")};
    for (const RegisterDef *d : columns)
        header << QStringLiteral("%1").arg(d->id, 14);
    CliContext::print(header.join(QStringLiteral("  ")));

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    QObject::connect(&poller, &DevicePoller::message, [](const QString &m) { CliContext::fail(0, m); });
    int printed = 0;
    QObject::connect(&poller, &DevicePoller::cycleCompleted, [&](qint64 ts) {
        QStringList cells{QDateTime::fromMSecsSinceEpoch(ts).toString(QStringLiteral("HH:mm:ss"))};
        for (const RegisterDef *d : columns) {
            const Reading &r = poller.reading(poller.rowOf(d));
            const QString text = r.quality == Quality::Good
                                     ? Codec::formatWords(*d, r.raw) + QLatin1Char(' ') +
                                           displayUnit(*profile, *d, poller.readings())
                                     : qualityName(r.quality);
            cells << QStringLiteral("%1").arg(text.trimmed(), 14);
        }
        CliContext::print(cells.join(QStringLiteral("  ")));
        if (samples && ++printed >= samples)
            QCoreApplication::quit();
    });
    poller.start();
    const int code = QCoreApplication::exec();
    poller.stop();
    return code;
}

} // namespace pyrolink::cli
