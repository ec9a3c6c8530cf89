#include "MonitorCommand.h"

#include "CliContext.h"
#include "SignalWatcher.h"
#include "modbus/RegisterIo.h"
#include "profile/Codec.h"
#include "sim/DeviceSimulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

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
        {QStringLiteral("interval"), QStringLiteral("Milliseconds between polls (default 1000)."),
         QStringLiteral("ms"), QStringLiteral("1000")},
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
    bool ok = false;
    const int interval = ctx.parser().value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || interval < 10)
        return CliContext::fail(ExitUsage, QStringLiteral("--interval must be at least 10 ms."));
    const int samples = ctx.parser().value(QStringLiteral("samples")).toInt(&ok);
    if (!ok || samples < 0)
        return CliContext::fail(ExitUsage, QStringLiteral("--samples must be 0 or more."));

    QList<const RegisterDef *> regs;
    for (const QString &name : ctx.parser().positionalArguments()) {
        const RegisterDef *def = profile->find(name, model);
        if (!def || !def->isReadable())
            return CliContext::fail(ExitUsage,
                                    QStringLiteral("Profile %1 (model %2) has no readable register \"%3\".")
                                        .arg(profile->id, model, name));
        regs.append(def);
    }
    if (regs.isEmpty())
        for (const RegisterDef *def : profile->registersFor(model))
            if (def->poll == PollClass::Fast && def->isNumeric())
                regs.append(def);
    QList<const RegisterDef *> toRead = regs;
    for (const UnitSelector &sel : profile->unitSelectors)
        if (const RegisterDef *d = profile->findById(sel.registerId, model); d && !toRead.contains(d))
            toRead.append(d);

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

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    ModbusLink link(settings);
    RegisterIo io(&link);
    QStringList header{QStringLiteral("time    ")};
    for (const RegisterDef *d : regs)
        header << QStringLiteral("%1").arg(d->id, 14);
    CliContext::print(header.join(QStringLiteral("  ")));

    int done = 0;
    bool busy = false;
    int exitCode = ExitOk;
    QTimer timer;
    auto poll = [&] {
        if (busy)
            return; // the device is slower than the interval: skip a tick rather than queue requests
        busy = true;
        auto readNow = [&] {
            io.read(toRead, [&](const QList<Reading> &readings) {
                busy = false;
                QStringList cells{QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))};
                for (const Reading &r : readings) {
                    if (!regs.contains(r.def))
                        continue;
                    const QString text = r.quality == Quality::Good
                                             ? Codec::formatValue(*r.def, r.value) + QLatin1Char(' ') +
                                                   displayUnit(*profile, *r.def, readings)
                                             : QStringLiteral("stale");
                    cells << QStringLiteral("%1").arg(text.trimmed(), 14);
                }
                CliContext::print(cells.join(QStringLiteral("  ")));
                if (samples && ++done >= samples)
                    QCoreApplication::quit();
            });
        };
        if (link.isOpen()) {
            readNow();
            return;
        }
        QObject::connect(&link, &ModbusLink::opened, &timer, readNow, Qt::SingleShotConnection);
        QObject::connect(
            &link, &ModbusLink::failed, &timer,
            [&](const QString &why) {
                busy = false;
                QObject::disconnect(&link, &ModbusLink::opened, &timer, nullptr);
                CliContext::fail(ExitDevice, why + QStringLiteral(" Retrying."));
                if (samples && ++done >= samples) {
                    exitCode = ExitDevice;
                    QCoreApplication::quit();
                }
            },
            Qt::SingleShotConnection);
        link.open();
    };
    QObject::connect(&timer, &QTimer::timeout, poll);
    timer.start(interval);
    QTimer::singleShot(0, poll);
    const int loop = QCoreApplication::exec();
    link.close();
    return loop ? loop : exitCode;
}

} // namespace pyrolink::cli
