// ModbusLink over a real network: a DeviceSimulator, a plain QTcpServer that never answers, or a closed
// port, all on 127.0.0.1. No fakes; expectations come from the simulator's own state.
#include "modbus/ModbusLink.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QElapsedTimer>
#include <QModbusClient>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace pyrolink;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);

/// Counts a request's callbacks and keeps the last result: a callback must come exactly once.
struct Calls
{
    int count = 0;
    IoResult last;
    ModbusLink::Callback callback()
    {
        return [this](const IoResult &r) {
            ++count;
            last = r;
        };
    }
};

ConnectionSettings tcp(quint16 port, int timeoutMs = 1000, int retries = 0)
{
    ConnectionSettings s;
    s.host = kLocal.toString();
    s.port = port;
    s.unit = 1;
    s.timeoutMs = timeoutMs;
    s.retries = retries;
    return s;
}

/// Accepts connections and never answers: a device that has gone silent.
class SilentServer : public QTcpServer
{
public:
    SilentServer()
    {
        listen(kLocal, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                s->setParent(this); // kept open, never written to
        });
    }
};

/// A loopback port nobody listens on (taken from the system, then given back).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(kLocal, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

/// "One sentence": ends with a single full stop, no second sentence after it.
bool isOneSentence(const QString &s)
{
    return !s.isEmpty() && s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1String("..")) &&
           !s.contains(QLatin1String(". ")) && !s.contains(QLatin1Char('\n'));
}

// Coils and discrete inputs, which the Optris CT lacks.
const char kBitsProfile[] = R"({
  "format": 1, "id": "bits-device", "name": "Bits device",
  "registers": [
    { "id": "relay1", "name": "Relay 1", "table": "coil", "address": 0 },
    { "id": "relay2", "name": "Relay 2", "table": "coil", "address": 1 },
    { "id": "relay3", "name": "Relay 3", "table": "coil", "address": 2 },
    { "id": "alarm", "name": "Alarm", "table": "discrete_input", "address": 0 }
  ]
})";

} // namespace

class TestModbusLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void describeTcp();
    void describeRtu();
    void describeReplyErrorTexts();

    void opensAgainstSimulator();
    void openTwiceWhileConnecting();
    void refusedPortFails();
    void readInputRegisters();
    void readBits();
    void uncoveredAddressGivesException2();
    void writeThenReadBack();
    void refusedWriteGivesException3();
    void notOpenCallsBackAtOnce();
    void responseTimeout();
    void responseTimeoutWithRetry();
    void closeWithOutstandingRequest();
    void disconnectWithOutstandingRequest();
    void closeInsideCallback();
    void disconnectInsideCallback();
    void closeAndReopen();
    void deviceGoingAwayEmitsClosed();

private:
    std::unique_ptr<DeviceSimulator> simulator(const QString &model = QString());
    /// Opens the link and waits for opened().
    static bool openLink(ModbusLink &link);

    std::shared_ptr<const Profile> m_optris;
};

void TestModbusLink::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
}

std::unique_ptr<DeviceSimulator> TestModbusLink::simulator(const QString &model)
{
    auto sim = std::make_unique<DeviceSimulator>(m_optris, model);
    QString error;
    if (!sim->listen(kLocal, 0, &error)) {
        qWarning() << "listen:" << error;
        return nullptr;
    }
    return sim;
}

bool TestModbusLink::openLink(ModbusLink &link)
{
    QSignalSpy opened(&link, &ModbusLink::opened);
    link.open();
    return (opened.count() == 1 || opened.wait(3000)) && link.isOpen();
}

void TestModbusLink::describeTcp()
{
    ConnectionSettings s;
    QCOMPARE(s.describe(), QStringLiteral("127.0.0.1:502 unit 1"));
    s.host = QStringLiteral("192.168.0.4");
    s.port = 1502;
    s.unit = 247;
    QCOMPARE(s.describe(), QStringLiteral("192.168.0.4:1502 unit 247"));
    s.serialPort = QStringLiteral("/dev/ttyUSB0"); // ignored for TCP
    QCOMPARE(s.describe(), QStringLiteral("192.168.0.4:1502 unit 247"));
}

void TestModbusLink::describeRtu()
{
    ConnectionSettings s;
    s.transport = ConnectionSettings::Transport::Rtu;
    s.serialPort = QStringLiteral("/dev/ttyUSB0");
    QCOMPARE(s.describe(), QStringLiteral("/dev/ttyUSB0 19200 8N1 unit 1"));
    s.serialPort = QStringLiteral("COM3");
    s.baud = 9600;
    s.parity = QLatin1Char('E');
    s.dataBits = 7;
    s.stopBits = 2;
    s.unit = 12;
    QCOMPARE(s.describe(), QStringLiteral("COM3 9600 7E2 unit 12"));
}

void TestModbusLink::describeReplyErrorTexts()
{
    QCOMPARE(describeReplyError(QModbusDevice::NoError, 0, QStringLiteral("whatever")), QString());
    QCOMPARE(describeReplyError(QModbusDevice::ProtocolError, 2, QString()),
             QStringLiteral("The device answered Illegal data address (Modbus exception 2)."));
    QCOMPARE(describeReplyError(QModbusDevice::ProtocolError, 3, QString()),
             QStringLiteral("The device answered Illegal data value (Modbus exception 3)."));
    QCOMPARE(
        describeReplyError(QModbusDevice::ProtocolError, 11, QString()),
        QStringLiteral("The device answered Gateway target device failed to respond (Modbus exception 11)."));
    QCOMPARE(describeReplyError(QModbusDevice::TimeoutError, 0, QStringLiteral("Request timeout.")),
             QStringLiteral("The device did not answer in time."));
    QCOMPARE(describeReplyError(QModbusDevice::ConnectionError, 0, QStringLiteral("Connection refused")),
             QStringLiteral("The connection failed: Connection refused."));
    QCOMPARE(describeReplyError(QModbusDevice::ReplyAbortedError, 0, QStringLiteral("closed")),
             QStringLiteral("The request was aborted: closed."));
    QCOMPARE(describeReplyError(QModbusDevice::UnknownError, 0, QStringLiteral("odd")),
             QStringLiteral("The request failed: odd."));
    // Qt's own texts often end with a full stop ("Reply aborted due to connection closure."): still one.
    const QString aborted = describeReplyError(QModbusDevice::ReplyAbortedError, 0,
                                               QStringLiteral("Reply aborted due to connection closure."));
    QVERIFY2(isOneSentence(aborted), qPrintable(aborted));
}

void TestModbusLink::opensAgainstSimulator()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QSignalSpy opened(&link, &ModbusLink::opened);
    QSignalSpy failed(&link, &ModbusLink::failed);
    QVERIFY(!link.isOpen());
    link.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 3000);
    QVERIFY(link.isOpen());
    QCOMPARE(failed.count(), 0);
    // Opening an open link says so again at once.
    link.open();
    QCOMPARE(opened.count(), 2);
    QCOMPARE(failed.count(), 0);
}

void TestModbusLink::openTwiceWhileConnecting()
{
    // A second open() before the first has connected (a double click on Connect) must not fail the link.
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QSignalSpy opened(&link, &ModbusLink::opened);
    QSignalSpy failed(&link, &ModbusLink::failed);
    link.open();
    link.open();
    QTRY_VERIFY_WITH_TIMEOUT(link.isOpen(), 3000);
    // opened() is emitted from the client's state change, so it has come by now if it comes at all.
    const QString why = failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
    QVERIFY2(opened.count() == 1 && failed.isEmpty(),
             qPrintable(QStringLiteral("opened %1 times, failed: %2").arg(opened.count()).arg(why)));
}

void TestModbusLink::refusedPortFails()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    ModbusLink link(tcp(port));
    QSignalSpy opened(&link, &ModbusLink::opened);
    QSignalSpy failed(&link, &ModbusLink::failed);
    link.open();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 3000);
    const QString error = failed.at(0).at(0).toString();
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(isOneSentence(error), qPrintable(error));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!link.isOpen());
    // Nothing more comes, not even when the connect timeout would have run out.
    QVERIFY(!QTest::qWaitFor([&] { return failed.count() > 1 || opened.count() > 0; }, 200));
}

void TestModbusLink::readInputRegisters()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QVERIFY(openLink(link));

    Calls calls;
    link.read(Table::Input, 1020, 4, calls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY2(calls.last.ok, qPrintable(calls.last.error));
    QCOMPARE(calls.last.values.size(), 4);
    QVERIFY(calls.last.error.isEmpty());
    QCOMPARE(calls.last.exceptionCode, 0);
    QVERIFY(!calls.last.timeout);
    // Head and box temperatures drift slowly around 37 and 32 °C.
    const RegisterDef *head = m_optris->findById(QStringLiteral("temp_head"), sim->model());
    QVERIFY(head);
    const double headC = Codec::decode(*head, {calls.last.values.at(1)});
    QVERIFY2(std::fabs(headC - *sim->value(QStringLiteral("temp_head"))) < 1.0,
             qPrintable(QString::number(headC)));

    // A value that never moves: exactly the words the simulator holds.
    const RegisterDef *serial = m_optris->findById(QStringLiteral("serial_number"), sim->model());
    QVERIFY(serial);
    Calls serialCalls;
    link.read(Table::Input, serial->address, 2, serialCalls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(serialCalls.count, 1, 3000);
    QVERIFY2(serialCalls.last.ok, qPrintable(serialCalls.last.error));
    QCOMPARE(serialCalls.last.values, sim->words(*serial));
    QCOMPARE(calls.count, 1);
}

void TestModbusLink::readBits()
{
    QString error;
    const auto profile =
        ProfileLoader::loadData(QByteArray(kBitsProfile), QStringLiteral("bits.json"), &error);
    QVERIFY2(profile, qPrintable(error));
    DeviceSimulator sim(profile, QString());
    sim.setValue(QStringLiteral("relay1"), 1);
    sim.setValue(QStringLiteral("relay3"), 1);
    QVERIFY(sim.listen(kLocal, 0));
    ModbusLink link(tcp(sim.port()));
    QVERIFY(openLink(link));

    Calls calls;
    link.read(Table::Coil, 0, 3, calls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY2(calls.last.ok, qPrintable(calls.last.error));
    QCOMPARE(calls.last.values.mid(0, 3), (QList<quint16>{1, 0, 1}));

    // IoResult holds the bits asked for, though Qt 6.4 hands back all 8 bits of the answer's byte.
    QCOMPARE(calls.last.values.size(), 3);

    Calls write;
    link.write(Table::Coil, 1, {1}, write.callback());
    QTRY_COMPARE_WITH_TIMEOUT(write.count, 1, 3000);
    QVERIFY2(write.last.ok, qPrintable(write.last.error));
    QCOMPARE(*sim.value(QStringLiteral("relay2")), 1.0);

    Calls discrete;
    link.read(Table::DiscreteInput, 0, 1, discrete.callback());
    QTRY_COMPARE_WITH_TIMEOUT(discrete.count, 1, 3000);
    QVERIFY2(discrete.last.ok, qPrintable(discrete.last.error));
    QCOMPARE(discrete.last.values.value(0), quint16(*sim.value(QStringLiteral("alarm"))));
}

void TestModbusLink::uncoveredAddressGivesException2()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QVERIFY(openLink(link));

    Calls calls;
    link.read(Table::Input, 2000, 1, calls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY(!calls.last.ok);
    QCOMPARE(calls.last.exceptionCode, 2);
    QVERIFY(!calls.last.timeout);
    QVERIFY2(calls.last.error.contains(QLatin1String("Illegal data address")), qPrintable(calls.last.error));
    QVERIFY2(isOneSentence(calls.last.error), qPrintable(calls.last.error));
    QVERIFY(calls.last.values.isEmpty());
    QVERIFY(link.isOpen()); // an exception is an answer: the link stays up
}

void TestModbusLink::writeThenReadBack()
{
    auto sim = simulator();
    QVERIFY(sim);
    const RegisterDef *emissivity = m_optris->findById(QStringLiteral("emissivity"), sim->model());
    QVERIFY(emissivity);
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95); // the profile's default
    ModbusLink link(tcp(sim->port()));
    QVERIFY(openLink(link));

    Calls written;
    link.write(Table::Holding, emissivity->address, {850}, written.callback());
    QTRY_COMPARE_WITH_TIMEOUT(written.count, 1, 3000);
    QVERIFY2(written.last.ok, qPrintable(written.last.error));
    QVERIFY(written.last.error.isEmpty());
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.85); // seed: value / 1000

    Calls back;
    link.read(Table::Holding, emissivity->address, 1, back.callback());
    QTRY_COMPARE_WITH_TIMEOUT(back.count, 1, 3000);
    QVERIFY2(back.last.ok, qPrintable(back.last.error));
    QCOMPARE(back.last.values, QList<quint16>{850});

    // Several registers in one request (function 16): emissivity and transmission.
    Calls two;
    link.write(Table::Holding, emissivity->address, {900, 800}, two.callback());
    QTRY_COMPARE_WITH_TIMEOUT(two.count, 1, 3000);
    QVERIFY2(two.last.ok, qPrintable(two.last.error));
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.9);
    QCOMPARE(*sim->value(QStringLiteral("transmission")), 0.8);
}

void TestModbusLink::refusedWriteGivesException3()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QVERIFY(openLink(link));
    Calls calls;
    link.write(Table::Holding, 10010, {5000}, calls.callback()); // emissivity 5.0: above 1.1
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY(!calls.last.ok);
    QCOMPARE(calls.last.exceptionCode, 3);
    QVERIFY2(calls.last.error.contains(QLatin1String("Illegal data value")), qPrintable(calls.last.error));
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95);
}

void TestModbusLink::notOpenCallsBackAtOnce()
{
    const ConnectionSettings settings = tcp(closedPort());
    ModbusLink link(settings);
    Calls read;
    link.read(Table::Input, 1020, 1, read.callback());
    QCOMPARE(read.count, 1); // before read() returned
    QVERIFY(!read.last.ok);
    QVERIFY(!read.last.timeout);
    QVERIFY2(read.last.error.contains(settings.describe()), qPrintable(read.last.error));
    QVERIFY2(isOneSentence(read.last.error), qPrintable(read.last.error));

    Calls write;
    link.write(Table::Holding, 10010, {900}, write.callback());
    QCOMPARE(write.count, 1);
    QVERIFY(!write.last.ok);
    QVERIFY2(write.last.error.contains(settings.describe()), qPrintable(write.last.error));
    // And never again.
    QVERIFY(!QTest::qWaitFor([&] { return read.count > 1 || write.count > 1; }, 100));
}

void TestModbusLink::responseTimeout()
{
    SilentServer silent;
    QVERIFY(silent.isListening());
    ModbusLink link(tcp(silent.serverPort(), 200, 0));
    QVERIFY(openLink(link));

    Calls calls;
    QElapsedTimer clock;
    clock.start();
    link.read(Table::Input, 1020, 4, calls.callback());
    QCOMPARE(calls.count, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY2(clock.elapsed() >= 150, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!calls.last.ok);
    QVERIFY(calls.last.timeout);
    QCOMPARE(calls.last.exceptionCode, 0);
    QCOMPARE(calls.last.error, QStringLiteral("The device did not answer in time."));
    QVERIFY(calls.last.values.isEmpty());
}

void TestModbusLink::responseTimeoutWithRetry()
{
    SilentServer silent;
    QVERIFY(silent.isListening());
    ModbusLink link(tcp(silent.serverPort(), 200, 1));
    QVERIFY(openLink(link));

    Calls calls;
    link.write(Table::Holding, 10010, {900}, calls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY(calls.last.timeout);
    QCOMPARE(calls.last.error, QStringLiteral("The device did not answer in time."));
    QVERIFY(!QTest::qWaitFor([&] { return calls.count > 1; }, 400)); // two timeouts, one callback
}

void TestModbusLink::closeWithOutstandingRequest()
{
    SilentServer silent;
    QVERIFY(silent.isListening());
    const int timeoutMs = 400;
    ModbusLink link(tcp(silent.serverPort(), timeoutMs, 0));
    QVERIFY(openLink(link));
    QSignalSpy closed(&link, &ModbusLink::closed);

    Calls first;
    Calls second;
    link.read(Table::Input, 1020, 4, first.callback());
    link.write(Table::Holding, 10010, {900}, second.callback());
    link.close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QVERIFY(!link.isOpen());
    QTRY_COMPARE_WITH_TIMEOUT(first.count, 1, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(second.count, 1, 3000);
    for (const Calls *c : {&first, &second}) {
        QVERIFY(!c->last.ok);
        QVERIFY(!c->last.timeout);
        QVERIFY(!c->last.error.isEmpty());
    }
    // Exactly once each: Qt may finish an aborted reply a second time, and the request's timeout must not
    // add a third answer afterwards.
    QVERIFY(!QTest::qWaitFor([&] { return first.count > 1 || second.count > 1 || closed.count() > 1; },
                             timeoutMs * 2));
    QCOMPARE(first.count, 1);
    QCOMPARE(second.count, 1);
    QVERIFY2(isOneSentence(first.last.error), qPrintable(first.last.error));
}

void TestModbusLink::disconnectWithOutstandingRequest()
{
    // The client disconnected underneath the link, synchronously (as a GUI or Qt itself may do): still one
    // callback per request.
    SilentServer silent;
    QVERIFY(silent.isListening());
    const int timeoutMs = 400;
    ModbusLink link(tcp(silent.serverPort(), timeoutMs, 0));
    QVERIFY(openLink(link));
    QSignalSpy closed(&link, &ModbusLink::closed);
    Calls calls;
    link.read(Table::Input, 1020, 4, calls.callback());
    link.client()->disconnectDevice();
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QVERIFY(!calls.last.ok);
    QVERIFY(!QTest::qWaitFor([&] { return calls.count > 1; }, timeoutMs * 2));
}

void TestModbusLink::closeInsideCallback()
{
    // NOTES.md: disconnecting inside the last reply's finished() makes Qt emit finished() again.
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port(), 400));
    QVERIFY(openLink(link));
    QSignalSpy closed(&link, &ModbusLink::closed);
    int calls = 0;
    IoResult result;
    link.read(Table::Input, 1020, 4, [&](const IoResult &r) {
        ++calls;
        result = r;
        link.close();
    });
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QCOMPARE(calls, 1);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.values.size(), 4);
    QVERIFY(!QTest::qWaitFor([&] { return calls > 1; }, 800));
    QCOMPARE(calls, 1);
}

void TestModbusLink::disconnectInsideCallback()
{
    // The quirk itself, not avoided by close()'s queued call: the client disconnected synchronously inside
    // the last reply's finished(). Qt then finishes that reply a second time; the callback must not run
    // again.
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port(), 400));
    QVERIFY(openLink(link));
    QSignalSpy closed(&link, &ModbusLink::closed);
    int calls = 0;
    IoResult result;
    link.read(Table::Input, 1010, 2, [&](const IoResult &r) {
        ++calls;
        result = r;
        link.client()->disconnectDevice();
    });
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QVERIFY(!QTest::qWaitFor([&] { return calls > 1; }, 800));
    QCOMPARE(calls, 1);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.values, sim->words(*m_optris->findById(QStringLiteral("serial_number"), sim->model())));
}

void TestModbusLink::closeAndReopen()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QSignalSpy opened(&link, &ModbusLink::opened);
    QSignalSpy closed(&link, &ModbusLink::closed);
    QSignalSpy failed(&link, &ModbusLink::failed);
    link.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 3000);
    link.close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QVERIFY(!link.isOpen());

    link.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 3000);
    Calls calls;
    link.read(Table::Input, 1010, 2, calls.callback());
    QTRY_COMPARE_WITH_TIMEOUT(calls.count, 1, 3000);
    QVERIFY2(calls.last.ok, qPrintable(calls.last.error));
    QCOMPARE(calls.last.values,
             sim->words(*m_optris->findById(QStringLiteral("serial_number"), sim->model())));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(closed.count(), 1);
}

void TestModbusLink::deviceGoingAwayEmitsClosed()
{
    auto sim = simulator();
    QVERIFY(sim);
    ModbusLink link(tcp(sim->port()));
    QVERIFY(openLink(link));
    QSignalSpy closed(&link, &ModbusLink::closed);
    QSignalSpy failed(&link, &ModbusLink::failed);
    sim.reset(); // the device closes its end
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 3000);
    QVERIFY(!link.isOpen());
    QCOMPARE(failed.count(), 0);
}

QTEST_GUILESS_MAIN(TestModbusLink)
#include "tst_modbuslink.moc"
