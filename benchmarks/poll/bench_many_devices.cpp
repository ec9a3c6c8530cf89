// 100 devices polled at 10 Hz each from one process: CPU share of one core and the fraction of late cycles.
// The devices are `pyrolink-cli simulate --count N` in another process, so only polling is measured here.
#include "poll/DevicePoller.h"
#include "profile/ProfileRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace pyrolink;

static double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions(
        {{QStringLiteral("port"), QStringLiteral("First simulator port."), QStringLiteral("port")},
         {QStringLiteral("devices"), QStringLiteral("Devices."), QStringLiteral("n"), QStringLiteral("100")},
         {QStringLiteral("rate"), QStringLiteral("Polls per second per device."), QStringLiteral("hz"),
          QStringLiteral("10")},
         {QStringLiteral("seconds"), QStringLiteral("Measured time."), QStringLiteral("s"),
          QStringLiteral("10")},
         {QStringLiteral("model"), QStringLiteral("Optris model."), QStringLiteral("m"),
          QStringLiteral("ctlt")}});
    p.process(app);
    ProfileRegistry registry;
    registry.loadDefault();
    const auto profile = registry.find(QStringLiteral("optris-ct"));
    const int devices = p.value(QStringLiteral("devices")).toInt();
    const int interval = 1000 / p.value(QStringLiteral("rate")).toInt();
    std::vector<std::unique_ptr<DevicePoller>> pollers;
    for (int i = 0; i < devices; ++i) {
        ConnectionSettings s;
        s.port = p.value(QStringLiteral("port")).toInt() + i;
        auto poller = std::make_unique<DevicePoller>(profile, p.value(QStringLiteral("model")), s);
        poller->setInterval(PollClass::Fast, interval);
        poller->start();
        pollers.push_back(std::move(poller));
    }
    // Let every device connect and learn its plan, then measure a clean window.
    const int warmupMs = 2000;
    double cpu0 = 0;
    QElapsedTimer wall;
    std::vector<PollStats> before(pollers.size());
    QTimer::singleShot(warmupMs, &app, [&] {
        for (size_t i = 0; i < pollers.size(); ++i)
            before[i] = pollers[i]->stats();
        cpu0 = cpuSeconds();
        wall.start();
        QTimer::singleShot(int(p.value(QStringLiteral("seconds")).toDouble() * 1000), &app,
                           &QCoreApplication::quit);
    });
    app.exec();
    const double cpu = cpuSeconds() - cpu0;
    const double seconds = wall.elapsed() / 1000.0;
    quint64 cycles = 0, late = 0, requests = 0, timeouts = 0;
    int connected = 0;
    for (size_t i = 0; i < pollers.size(); ++i) {
        const PollStats &s = pollers[i]->stats();
        cycles += s.cycles - before[i].cycles;
        late += s.lateCycles - before[i].lateCycles;
        requests += s.requests - before[i].requests;
        timeouts += s.timeouts - before[i].timeouts;
        connected += pollers[i]->state() == DevicePoller::State::Connected;
    }
    const double expected = devices * seconds * 1000.0 / interval;
    QTextStream out(stdout);
    out << "many.devices_connected " << connected << '\n'
        << "many.cycles " << cycles << " (of " << qRound64(expected) << " due)\n"
        << "many.late_cycle_fraction " << QString::number(double(late) / std::max(1.0, expected), 'f', 4)
        << '\n'
        << "many.missed_cycle_fraction "
        << QString::number(std::max(0.0, 1.0 - double(cycles) / expected), 'f', 4) << '\n'
        << "many.cpu_share_of_one_core " << QString::number(cpu / seconds, 'f', 3) << '\n'
        << "many.requests_per_s " << QString::number(requests / seconds, 'f', 0) << '\n'
        << "many.timeouts " << timeouts << '\n';
    return connected == devices ? 0 : 1;
}
