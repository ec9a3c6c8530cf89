// Several devices on ONE Modbus RTU line: three DevicePollers (unit ids 1, 2, 3) share one ModbusLink on one
// end of a socat pty pair; pymodbus' RTU server (rtu_multi_unit_server.py, a peer we did not write) answers
// for the three units on the other end. Each poller must see its own unit's values, never another's, and no
// request may time out: requests on the shared line never collide.
#include "modbus/ModbusLink.h"
#include "poll/DevicePoller.h"
#include "profile/ProfileLoader.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace pyrolink;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, which sees Debian's pymodbus
const QString kScript = QStringLiteral(PYROLINK_RTU_SERVER_SCRIPT);
const QString kModel = QStringLiteral("ct4m");
const QList<int> kUnits{1, 2, 3};

/// Runs a real event loop until done() holds or `ms` pass. (qWaitFor sleeps 10 ms between batches of events,
/// which would slow every exchange on the line to its pace.)
template <typename Done> bool spin(Done done, int ms)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start();
    deadline.start(ms);
    loop.exec();
    return done();
}

/// Stops a helper process: SIGTERM first, then a kill if it does not go.
void stopProcess(QProcess *p)
{
    if (!p || p->state() == QProcess::NotRunning)
        return;
    p->terminate();
    if (!p->waitForFinished(3000)) {
        p->kill();
        p->waitForFinished(3000);
    }
}

} // namespace

class TestDevicePollerRtu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void severalUnitsShareOneLine();

private:
    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_socat;
    std::unique_ptr<QProcess> m_server;
    QString m_clientPort;
};

void TestDevicePollerRtu::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
        QSKIP("socat is not installed (apt-get install socat): no pty pair, RTU test skipped.");
    if (!QFileInfo(kPython).isExecutable())
        QSKIP("/usr/bin/python3 is missing: no pymodbus RTU server, RTU test skipped.");
    {
        QProcess probe;
        probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import pymodbus, serial_asyncio")});
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit ||
            probe.exitCode() != 0)
            QSKIP("/usr/bin/python3 cannot import pymodbus and serial_asyncio (apt-get install "
                  "python3-pymodbus "
                  "python3-serial-asyncio): RTU test skipped.");
    }
    QVERIFY2(QFileInfo::exists(kScript), qPrintable(kScript));

    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString ttyA = m_dir->filePath(QStringLiteral("ttyA"));
    m_clientPort = m_dir->filePath(QStringLiteral("ttyB"));

    m_socat = std::make_unique<QProcess>(); // its -d -d notices stay in its stderr, shown on failure
    m_socat->start(QStringLiteral("socat"),
                   {QStringLiteral("-d"), QStringLiteral("-d"), QStringLiteral("pty,raw,echo=0,link=") + ttyA,
                    QStringLiteral("pty,raw,echo=0,link=") + m_clientPort});
    QVERIFY2(m_socat->waitForStarted(5000), qPrintable(m_socat->errorString()));
    QVERIFY2(
        QTest::qWaitFor([&] { return QFileInfo::exists(ttyA) && QFileInfo::exists(m_clientPort); }, 5000),
        qPrintable(QStringLiteral("socat made no pty pair within 5 s: ") +
                   QString::fromLocal8Bit(m_socat->readAllStandardError())));

    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(kPython, {kScript, QStringLiteral("--serial"), ttyA, QStringLiteral("--units"),
                              QStringLiteral("1,2,3"), QStringLiteral("--baud"), QStringLiteral("115200")});
    QVERIFY2(m_server->waitForStarted(5000), qPrintable(m_server->errorString()));
    QByteArray out;
    const bool ready = QTest::qWaitFor(
        [&] {
            out += m_server->readAllStandardOutput();
            return out.contains("READY") || m_server->state() == QProcess::NotRunning;
        },
        15000);
    QVERIFY2(ready && out.contains("READY"),
             qPrintable(QStringLiteral("the RTU server did not start: ") + QString::fromLocal8Bit(out)));
}

void TestDevicePollerRtu::cleanupTestCase()
{
    stopProcess(m_server.get());
    stopProcess(m_socat.get());
}

void TestDevicePollerRtu::severalUnitsShareOneLine()
{
    ConnectionSettings s;
    s.transport = ConnectionSettings::Transport::Rtu;
    s.serialPort = m_clientPort;
    s.baud = 115200;
    s.parity = QLatin1Char('N');
    s.dataBits = 8;
    s.stopBits = 1;
    s.unit = 1;
    s.timeoutMs = 1000;
    s.retries = 0; // a collision would show as a timeout, not be hidden by a repeat
    auto link = std::make_shared<ModbusLink>(s);

    struct Device
    {
        std::unique_ptr<DevicePoller> poller;
        int goodCycles = 0;
        QStringList wrong; ///< a cycle that showed another unit's value
    };
    std::vector<Device> devices(kUnits.size());
    for (int i = 0; i < kUnits.size(); ++i) {
        Device &d = devices[size_t(i)];
        const int unit = kUnits.at(i);
        d.poller = std::make_unique<DevicePoller>(m_optris, kModel, link, unit);
        QCOMPARE(d.poller->unit(), unit);
        QCOMPARE(d.poller->link(), link.get());
        d.poller->setInterval(PollClass::Fast, 100);
        DevicePoller *p = d.poller.get();
        connect(p, &DevicePoller::cycleCompleted, this, [p, unit, &d] {
            const Reading *t = p->reading(QStringLiteral("temp_process"));
            if (t->quality != Quality::Good)
                return;
            // Input 1020 holds 1000 + 10 * unit: temp_process = (raw - 1000) / 10 = unit.
            if (t->value == double(unit))
                ++d.goodCycles;
            else
                d.wrong.append(QStringLiteral("unit %1 read %2").arg(unit).arg(t->value));
        });
    }
    QCOMPARE(link.use_count(), long(kUnits.size()) + 1);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (Device &d : devices)
        d.poller->start();
    for (Device &d : devices)
        QTRY_COMPARE_WITH_TIMEOUT(d.poller->state(), DevicePoller::State::Connected, 5000);

    // Several seconds at 100 ms each: 25 good cycles per device.
    QVERIFY2(spin(
                 [&] {
                     return std::all_of(devices.begin(), devices.end(), [](const Device &d) {
                         return d.goodCycles >= 25 || !d.wrong.isEmpty();
                     });
                 },
                 15000),
             "too few good cycles");
    const qint64 ran = QDateTime::currentMSecsSinceEpoch() - t0;

    // A full read of each device too, all three at once on the line.
    const qint64 t1 = QDateTime::currentMSecsSinceEpoch();
    for (Device &d : devices)
        d.poller->requestRead(d.poller->registers());
    for (Device &d : devices) {
        DevicePoller *p = d.poller.get();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(p->readings().cbegin(), p->readings().cend(),
                        [t1](const Reading &r) { return r.quality == Quality::Good && r.timestampMs >= t1; }),
            5000);
    }

    for (int i = 0; i < kUnits.size(); ++i) {
        const Device &d = devices[size_t(i)];
        const int unit = kUnits.at(i);
        const PollStats &st = d.poller->stats();
        qInfo().noquote() << QStringLiteral(
                                 "unit %1: %2 good cycles in %3 ms, %4 requests, %5 timeouts, last "
                                 "cycle %6 ms")
                                 .arg(unit)
                                 .arg(d.goodCycles)
                                 .arg(ran)
                                 .arg(st.requests)
                                 .arg(st.timeouts)
                                 .arg(st.lastCycleMs);
        QVERIFY2(d.wrong.isEmpty(), qPrintable(d.wrong.join(QStringLiteral(", "))));
        QVERIFY(d.goodCycles >= 25);
        QCOMPARE(st.timeouts, quint64(0));
        QCOMPARE(st.exceptions, quint64(0));
        QCOMPARE(st.otherErrors, quint64(0));
        QCOMPARE(st.reconnects, quint64(0));
        QCOMPARE(d.poller->state(), DevicePoller::State::Connected);
        QCOMPARE(d.poller->reading(QStringLiteral("temp_process"))->value, double(unit));
        QCOMPARE(d.poller->reading(QStringLiteral("serial_number"))->value, double(unit));
        QCOMPARE(d.poller->reading(QStringLiteral("emissivity"))->value, 0.0);
    }
    for (Device &d : devices)
        d.poller->stop();
    devices.clear();
    QCOMPARE(link.use_count(), 1L);
    link->close();
    QTRY_VERIFY_WITH_TIMEOUT(!link->isOpen(), 3000);
}

QTEST_GUILESS_MAIN(TestDevicePollerRtu)
#include "tst_devicepoller_rtu.moc"
