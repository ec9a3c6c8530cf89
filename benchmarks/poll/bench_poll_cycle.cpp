// Full Optris CT poll cycles per second through DevicePoller, against an external server (the libmodbus
// server of scripts/bench). Prints the plan so the plain libmodbus client can issue the very same requests.
#include "poll/DevicePoller.h"
#include "profile/ProfileRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QModbusReply>
#include <QModbusTcpClient>
#include <QTextStream>
#include <QTimer>
#include <QVariant>

using namespace pyrolink;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions(
        {{QStringLiteral("port"), QStringLiteral("Server port."), QStringLiteral("port")},
         {QStringLiteral("seconds"), QStringLiteral("Run time."), QStringLiteral("s"), QStringLiteral("3")},
         {QStringLiteral("model"), QStringLiteral("Optris model."), QStringLiteral("m"),
          QStringLiteral("ctratio")},
         {QStringLiteral("plan"), QStringLiteral("Only print the requests of one full cycle.")},
         {QStringLiteral("bare-qt"),
          QStringLiteral("Issue the plan with a bare QModbusTcpClient (Qt's ceiling).")},
         {QStringLiteral("in-flight"), QStringLiteral("Requests in flight (pipelining)."),
          QStringLiteral("n"), QStringLiteral("1")}});
    p.process(app);
    QTextStream out(stdout);

    ProfileRegistry registry;
    registry.loadDefault();
    const auto profile = registry.find(QStringLiteral("optris-ct"));
    const QString model = p.value(QStringLiteral("model"));
    ConnectionSettings settings;
    settings.port = p.value(QStringLiteral("port")).toInt();
    DevicePoller poller(profile, model, settings);
    poller.setCycleRegisters(poller.registers()); // every readable register, every cycle: the full map
    poller.setInterval(PollClass::Fast, 0);       // as fast as the server answers

    if (p.isSet(QStringLiteral("plan"))) {
        QStringList blocks;
        for (const ReadBlock &b : poller.planner().plan(poller.registers()))
            blocks << QStringLiteral("%1:%2:%3").arg(tableName(b.table)).arg(b.start).arg(b.count);
        out << blocks.join(QLatin1Char(' ')) << '\n';
        return 0;
    }

    if (p.isSet(QStringLiteral("bare-qt"))) {
        // The same requests with nothing of ours around them: what Qt's client alone can do.
        const QList<ReadBlock> plan = poller.planner().plan(poller.registers());
        QModbusTcpClient client;
        client.setConnectionParameter(QModbusDevice::NetworkAddressParameter, QStringLiteral("127.0.0.1"));
        client.setConnectionParameter(QModbusDevice::NetworkPortParameter, settings.port);
        quint64 cycles = 0;
        int next = 0;
        bool stopped = false;
        QElapsedTimer clock;
        std::function<void()> sendNext = [&] {
            const ReadBlock &b = plan.at(next);
            QModbusReply *reply = client.sendReadRequest(
                QModbusDataUnit(b.table == Table::Input ? QModbusDataUnit::InputRegisters
                                                        : QModbusDataUnit::HoldingRegisters,
                                b.start, b.count),
                1);
            if (!reply)
                return;
            QObject::connect(reply, &QModbusReply::finished, &app, [&, reply] {
                reply->deleteLater();
                if (stopped)
                    return;
                if (++next == plan.size()) {
                    next = 0;
                    ++cycles;
                }
                sendNext();
            });
        };
        QObject::connect(&client, &QModbusDevice::stateChanged, &app, [&](QModbusDevice::State s) {
            if (s == QModbusDevice::ConnectedState) {
                clock.start();
                sendNext();
            }
        });
        client.connectDevice();
        QTimer::singleShot(int(p.value(QStringLiteral("seconds")).toDouble() * 1000), &app, [&] {
            stopped = true;
            app.quit();
        });
        app.exec();
        out << "qt.cycles_per_s " << QString::number(cycles / (clock.elapsed() / 1000.0), 'f', 1) << '\n';
        return 0;
    }
    poller.setMaxInFlight(p.value(QStringLiteral("in-flight")).toInt());

    QElapsedTimer clock;
    quint64 cyclesAtStart = 0, requestsAtStart = 0;
    // The first cycle connects and reads identity registers once: measure from the second on.
    QObject::connect(&poller, &DevicePoller::cycleCompleted, &app, [&] {
        if (!clock.isValid()) {
            clock.start();
            cyclesAtStart = poller.stats().cycles;
            requestsAtStart = poller.stats().requests;
        }
    });
    QTimer::singleShot(int(p.value(QStringLiteral("seconds")).toDouble() * 1000), &app,
                       &QCoreApplication::quit);
    poller.start();
    app.exec();
    const double seconds = clock.elapsed() / 1000.0;
    const quint64 cycles = poller.stats().cycles - cyclesAtStart;
    const quint64 requests = poller.stats().requests - requestsAtStart;
    if (!cycles) {
        QTextStream(stderr) << "no cycle completed: " << poller.lastMessage() << '\n';
        return 1;
    }
    out << "pyrolink.cycles_per_s " << QString::number(cycles / seconds, 'f', 1) << '\n'
        << "pyrolink.requests_per_cycle " << QString::number(double(requests) / double(cycles), 'f', 2)
        << '\n'
        << "pyrolink.registers_per_cycle " << poller.registers().size() << '\n'
        << "pyrolink.exceptions " << poller.stats().exceptions << '\n';
    return 0;
}
