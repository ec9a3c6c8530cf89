// TcpSweep in process, on 127.0.0.1 only: simulated devices of several models, a listener that accepts and
// never answers, a closed port and a plain QModbusTcpServer that answers Read Device Identification. Exactly
// the devices are found; the concurrency bound holds; cancel() stops it.
#include "discovery/TcpSweep.h"
#include "profile/ProfileRegistry.h"
#include "sim/DeviceSimulator.h"

#include <QElapsedTimer>
#include <QModbusDeviceIdentification>
#include <QModbusTcpServer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace pyrolink;

namespace {
const QHostAddress kLocal(QHostAddress::LocalHost);

/// Accepts connections and never says a word, as a port of some other service might. Notes when each
/// connection arrived.
class SilentListener : public QTcpServer
{
public:
    explicit SilentListener(const QElapsedTimer *clock = nullptr) : m_clock(clock)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++accepted;
                if (m_clock)
                    acceptedAtMs << m_clock->elapsed();
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(kLocal, 0);
    }
    int accepted = 0;
    QList<qint64> acceptedAtMs;

private:
    const QElapsedTimer *m_clock;
};

quint16 closedPort()
{
    QTcpServer s;
    s.listen(kLocal, 0);
    return s.serverPort(); // closed again when s goes
}

struct Run
{
    QList<DiscoveredDevice> found;
    int finished = 0;
    int lastDone = -1;
    int lastTotal = -1;
};

void collect(TcpSweep &sweep, Run *run)
{
    QObject::connect(&sweep, &DiscoveryMethod::found, &sweep,
                     [run](const DiscoveredDevice &d) { run->found << d; });
    QObject::connect(&sweep, &DiscoveryMethod::finished, &sweep, [run] { ++run->finished; });
    QObject::connect(&sweep, &DiscoveryMethod::progress, &sweep, [run](int done, int total) {
        QVERIFY(done >= run->lastDone);
        run->lastDone = done;
        run->lastTotal = total;
    });
}
} // namespace

class TestTcpSweep : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void findsExactlyTheDevices();
    void readDeviceIdentification();
    void concurrencyIsBounded();
    void cancelStops();

private:
    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_ct;
};

void TestTcpSweep::initTestCase()
{
    m_registry.loadDefault();
    m_ct = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_ct);
}

void TestTcpSweep::findsExactlyTheDevices()
{
    const QStringList models{QStringLiteral("ctratio"), QStringLiteral("ctlt"), QStringLiteral("ct4m"),
                             QStringLiteral("ctxm")};
    std::vector<std::unique_ptr<DeviceSimulator>> sims;
    QList<int> ports;
    QMap<int, QPair<QString, QString>> expected; // port -> model, serial
    for (int i = 0; i < models.size(); ++i) {
        auto sim = std::make_unique<DeviceSimulator>(m_ct, models.at(i));
        sim->setInstance(i);
        QString error;
        QVERIFY2(sim->listen(kLocal, 0, &error), qPrintable(error));
        ports << sim->port();
        expected.insert(
            sim->port(),
            {models.at(i), QString::number(qint64(sim->value(QStringLiteral("serial_number")).value()))});
        sims.push_back(std::move(sim));
    }
    SilentListener silent;
    QVERIFY(silent.isListening());
    ports << silent.serverPort() << closedPort();

    TcpSweep sweep;
    DiscoveryOptions o;
    o.ranges = {QStringLiteral("127.0.0.1")};
    QStringList portTexts;
    for (int p : ports)
        portTexts << QString::number(p);
    o.ports = portTexts.join(QLatin1Char(','));
    o.timeoutMs = 300;
    o.profiles = {m_ct};
    QString error;
    QVERIFY2(sweep.configure(o, &error), qPrintable(error));
    QCOMPARE(sweep.total(), ports.size());
    Run run;
    collect(sweep, &run);
    sweep.start();
    QVERIFY(QTest::qWaitFor([&] { return run.finished > 0; }, 5000));
    QTest::qWait(50);
    QCOMPARE(run.finished, 1);
    QCOMPARE(run.lastDone, ports.size());
    QCOMPARE(run.lastTotal, ports.size());
    QCOMPARE(silent.accepted, 1); // it was tried, and is not a device
    QCOMPARE(run.found.size(), models.size());
    QSet<QString> serials;
    for (const DiscoveredDevice &d : run.found) {
        QVERIFY2(expected.contains(d.port), qPrintable(d.describe()));
        QCOMPARE(d.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(d.transport, DiscoveredDevice::Transport::Tcp);
        QCOMPARE(d.profileId, QStringLiteral("optris-ct"));
        QCOMPARE(d.modelId, expected.value(d.port).first);
        QCOMPARE(d.serialNumber, expected.value(d.port).second);
        QVERIFY(!d.firmware.isEmpty());
        QVERIFY(d.mac.isEmpty()); // loopback has no neighbour entry
        QVERIFY(d.responseMs > 0 && d.responseMs < 300);
        QCOMPARE(d.method, QStringLiteral("modbus-tcp"));
        serials << d.serialNumber;
    }
    QCOMPARE(serials.size(), models.size());
}

void TestTcpSweep::readDeviceIdentification()
{
    // Qt's own server, with identification objects and no registers: every read is exception 2.
    QModbusTcpServer server;
    server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, kLocal.toString());
    server.setConnectionParameter(QModbusDevice::NetworkPortParameter, closedPort());
    server.setServerAddress(1);
    QModbusDeviceIdentification id;
    id.insert(QModbusDeviceIdentification::VendorNameObjectId, "ACME");
    id.insert(QModbusDeviceIdentification::ProductCodeObjectId, "TH10");
    id.insert(QModbusDeviceIdentification::MajorMinorRevisionObjectId, "V1.2");
    id.setConformityLevel(QModbusDeviceIdentification::BasicConformityLevel);
    server.setValue(QModbusServer::DeviceIdentification, QVariant::fromValue(id));
    QVERIFY(server.connectDevice());
    const int port = server.connectionParameter(QModbusDevice::NetworkPortParameter).toInt();

    TcpSweep sweep;
    DiscoveryOptions o;
    o.ranges = {QStringLiteral("127.0.0.1")};
    o.ports = QString::number(port);
    o.profiles = {m_ct};
    QString error;
    QVERIFY2(sweep.configure(o, &error), qPrintable(error));
    Run run;
    collect(sweep, &run);
    sweep.start();
    QVERIFY(QTest::qWaitFor([&] { return run.finished > 0; }, 5000));
    QCOMPARE(run.found.size(), 1); // an exception to the probe is an answer
    const DiscoveredDevice d = run.found.first();
    QCOMPARE(d.vendor, QStringLiteral("ACME"));
    QCOMPARE(d.product, QStringLiteral("TH10"));
    QCOMPARE(d.revision, QStringLiteral("V1.2"));
    QVERIFY(d.profileId.isEmpty()); // the profile's identity registers do not read
    QCOMPARE(d.shownModel(), QStringLiteral("TH10"));
    QCOMPARE(d.shownFirmware(), QStringLiteral("V1.2"));
    server.disconnectDevice();
}

void TestTcpSweep::concurrencyIsBounded()
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<SilentListener>> listeners;
    QStringList ports;
    for (int i = 0; i < 12; ++i) {
        listeners.push_back(std::make_unique<SilentListener>(&clock));
        ports << QString::number(listeners.back()->serverPort());
    }
    TcpSweep sweep;
    DiscoveryOptions o;
    o.ranges = {QStringLiteral("127.0.0.1")};
    o.ports = ports.join(QLatin1Char(','));
    o.timeoutMs = 100;
    o.concurrency = 3;
    QString error;
    QVERIFY2(sweep.configure(o, &error), qPrintable(error));
    Run run;
    collect(sweep, &run);
    const qint64 started = clock.elapsed();
    sweep.start();
    QVERIFY(QTest::qWaitFor([&] { return run.finished > 0; }, 10000));
    const qint64 ms = clock.elapsed() - started;
    QVERIFY(run.found.isEmpty());
    QList<qint64> accepts;
    for (const auto &l : listeners) {
        QCOMPARE(l->accepted, 1);
        accepts << l->acceptedAtMs;
    }
    // Each silent target holds its slot for the whole timeout (100 ms): with 3 slots, no 50 ms window sees
    // more than 3 connections arrive. Without the bound all 12 would arrive within a few ms.
    std::sort(accepts.begin(), accepts.end());
    int maxInWindow = 0;
    for (int i = 0; i < accepts.size(); ++i) {
        int n = 0;
        for (int j = i; j < accepts.size() && accepts.at(j) - accepts.at(i) < 50; ++j)
            ++n;
        maxInWindow = std::max(maxInWindow, n);
    }
    QVERIFY2(maxInWindow == 3, qPrintable(QString::number(maxInWindow)));
    // 12 silent targets, 3 at a time, 100 ms each: 4 rounds.
    QVERIFY2(ms >= 390 && ms < 2000, qPrintable(QString::number(ms)));
}

void TestTcpSweep::cancelStops()
{
    std::vector<std::unique_ptr<SilentListener>> listeners;
    QStringList ports;
    for (int i = 0; i < 10; ++i) {
        listeners.push_back(std::make_unique<SilentListener>());
        ports << QString::number(listeners.back()->serverPort());
    }
    TcpSweep sweep;
    DiscoveryOptions o;
    o.ranges = {QStringLiteral("127.0.0.1")};
    o.ports = ports.join(QLatin1Char(','));
    o.timeoutMs = 200;
    o.concurrency = 2;
    QString error;
    QVERIFY2(sweep.configure(o, &error), qPrintable(error));
    Run run;
    collect(sweep, &run);
    sweep.start();
    QTest::qWait(250);
    QVERIFY(sweep.isRunning());
    sweep.cancel();
    QCOMPARE(run.finished, 1);
    QVERIFY(!sweep.isRunning());
    const int doneAtCancel = run.lastDone;
    QTest::qWait(500);
    QCOMPARE(run.finished, 1);
    QCOMPARE(run.lastDone, doneAtCancel);
    int accepted = 0;
    for (const auto &l : listeners)
        accepted += l->accepted;
    QVERIFY2(accepted < 10, qPrintable(QString::number(accepted)));
    // It can run again after a cancel.
    run.lastDone = -1;
    sweep.start();
    QVERIFY(QTest::qWaitFor([&] { return run.finished == 2; }, 10000));
    QCOMPARE(run.lastDone, 10);
}

QTEST_GUILESS_MAIN(TestTcpSweep)
#include "tst_tcpsweep.moc"
