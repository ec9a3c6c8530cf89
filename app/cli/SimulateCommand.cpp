#include "SimulateCommand.h"

#include "CliContext.h"
#include "SignalWatcher.h"
#include "profile/Codec.h"
#include "sim/DeviceSimulator.h"
#include "sim/FaultProxy.h"
#include "sim/FaultSpec.h"

#include <QCoreApplication>

namespace pyrolink::cli {

int SimulateCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("simulate"),
        QStringLiteral("Serves simulated devices over Modbus TCP until interrupted (Ctrl+C). Device i "
                       "listens on port+i. With --fault each device misbehaves as told (docs/faults.md)."));
    ctx.addProfileOptions();
    ctx.parser().addOptions({
        {QStringLiteral("port"), QStringLiteral("First TCP port (default 1502)."), QStringLiteral("port"),
         QStringLiteral("1502")},
        {QStringLiteral("count"), QStringLiteral("Number of devices (default 1)."), QStringLiteral("n"),
         QStringLiteral("1")},
        {QStringLiteral("bind"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
         QStringLiteral("addr"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("unit"), QStringLiteral("Unit id the devices answer (default 1)."),
         QStringLiteral("id"), QStringLiteral("1")},
        {QStringLiteral("fault"),
         QStringLiteral("Inject a fault; repeatable. One of: ") + FaultSpec::syntax() +
             QStringLiteral(". Times in ms from start; see docs/faults.md."),
         QStringLiteral("kind[:param][@ms]")},
    });
    if (int code = ctx.parse(args); code >= 0)
        return code;

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    bool okPort = false, okCount = false, okUnit = false;
    const int port = ctx.parser().value(QStringLiteral("port")).toInt(&okPort);
    const int count = ctx.parser().value(QStringLiteral("count")).toInt(&okCount);
    const int unit = ctx.parser().value(QStringLiteral("unit")).toInt(&okUnit);
    if (!okPort || port < 0 || port > 65535)
        return CliContext::fail(ExitUsage, QStringLiteral("--port must be from 0 to 65535."));
    if (!okCount || count < 1 || count > 1000 || port + count - 1 > 65535)
        return CliContext::fail(ExitUsage,
                                QStringLiteral("--count must be from 1 to 1000, within the port range."));
    if (!okUnit || unit < 1 || unit > 247)
        return CliContext::fail(ExitUsage, QStringLiteral("--unit must be from 1 to 247."));
    const QHostAddress bind(ctx.parser().value(QStringLiteral("bind")));
    if (bind.isNull())
        return CliContext::fail(ExitUsage, QStringLiteral("--bind must be an IP address such as 127.0.0.1."));
    QString faultError;
    const auto faults = FaultSpec::parseList(ctx.parser().values(QStringLiteral("fault")), &faultError);
    if (!faults)
        return CliContext::fail(ExitUsage, faultError);
    QStringList faultNames;
    for (const FaultSpec &f : *faults)
        faultNames.append(f.toString());
    const QString faultText = faults->isEmpty()
                                  ? QString()
                                  : QStringLiteral(" with faults ") + faultNames.join(QStringLiteral(", "));

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    std::vector<std::unique_ptr<DeviceSimulator>> devices;
    std::vector<std::unique_ptr<FaultProxy>> proxies;
    for (int i = 0; i < count; ++i) {
        auto sim = std::make_unique<DeviceSimulator>(profile, model);
        sim->setInstance(i);
        sim->setUnitId(unit);
        const quint16 publicPort = quint16(port == 0 ? 0 : port + i);
        QString error;
        // With faults the device itself hides on a loopback port, behind a proxy on the public one.
        const QHostAddress loopback(QHostAddress::LocalHost);
        if (!sim->listen(faults->isEmpty() ? bind : loopback, faults->isEmpty() ? publicPort : 0, &error))
            return CliContext::fail(ExitDevice, error);
        QHostAddress address = sim->address();
        quint16 listening = sim->port();
        if (!faults->isEmpty()) {
            auto proxy = std::make_unique<FaultProxy>(loopback, sim->port(), *faults);
            if (!proxy->listen(bind, publicPort, &error))
                return CliContext::fail(ExitDevice, error);
            address = proxy->address();
            listening = proxy->port();
            proxies.push_back(std::move(proxy));
        }
        QString serial;
        const QString serialId = profile->identity.value(QStringLiteral("serial"));
        if (const RegisterDef *def = profile->findById(serialId, model))
            serial =
                QStringLiteral(" serial %1").arg(Codec::formatValue(*def, sim->value(serialId).value_or(0)));
        CliContext::print(
            QStringLiteral("Simulating %1 (%2)%3 on %4:%5 unit %6%7")
                .arg(profile->id, model.isEmpty() ? QStringLiteral("-") : model, serial, address.toString())
                .arg(listening)
                .arg(unit)
                .arg(faultText));
        devices.push_back(std::move(sim));
    }
    const int code = QCoreApplication::exec();
    for (auto &p : proxies)
        p->close();
    for (auto &d : devices)
        d->close();
    return code;
}

} // namespace pyrolink::cli
