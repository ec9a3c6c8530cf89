// FaultProxy in front of a DeviceSimulator, over a real loopback network: what a real QModbusTcpClient sees
// for every fault, and that every fault given a time limit ends by itself. Plus FaultSpec parsing.
#include "profile/ProfileRegistry.h"
#include "sim/DeviceSimulator.h"
#include "sim/FaultProxy.h"
#include "sim/FaultSpec.h"

#include <QElapsedTimer>
#include <QMetaEnum>
#include <QModbusReply>
#include <QModbusTcpClient>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace pyrolink;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);
constexpr int kTimeout = 200; // the client's response timeout: short, so the file stays fast

/// What one request came back with.
struct Answer
{
    bool finished = false; // false: the reply never finished, not even by Qt's own timeout
    QModbusDevice::Error error = QModbusDevice::UnknownError;
    int exceptionCode = 0;
    QList<quint16> values;
    bool ok() const { return finished && error == QModbusDevice::NoError; }
};

QByteArray describe(const Answer &a)
{
    if (!a.finished)
        return "never finished";
    QByteArray text = QMetaEnum::fromType<QModbusDevice::Error>().valueToKey(a.error);
    if (a.error == QModbusDevice::ProtocolError)
        text += " exception " + QByteArray::number(a.exceptionCode);
    return text;
}

/// A real QModbusTcpClient, one request at a time.
class Client
{
public:
    explicit Client(quint16 port, int timeoutMs = kTimeout) : m_client(new QModbusTcpClient)
    {
        m_client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, kLocal.toString());
        m_client->setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
        m_client->setTimeout(timeoutMs);
        m_client->setNumberOfRetries(0);
    }
    ~Client()
    {
        disconnect();
        delete m_client;
    }

    /// Connects; true once connected, false once the attempt failed (refused).
    bool connect()
    {
        if (!m_client->connectDevice())
            return false;
        (void)QTest::qWaitFor([this] { return m_client->state() != QModbusDevice::ConnectingState; }, 3000);
        return m_client->state() == QModbusDevice::ConnectedState;
    }
    /// NOTES.md: never disconnect inside a finished() handler; here none is running, and replies are gone.
    void disconnect()
    {
        if (m_client->state() == QModbusDevice::UnconnectedState)
            return;
        m_client->disconnectDevice();
        if (!QTest::qWaitFor([this] { return m_client->state() == QModbusDevice::UnconnectedState; }, 2000))
            qWarning() << "client did not disconnect";
    }
    bool reconnect()
    {
        disconnect();
        return connect();
    }

    /// Reads `count` input registers at `address`; waits for the reply at most `waitMs`.
    Answer read(int address, int count, int waitMs = kTimeout + 1000)
    {
        Answer a;
        QModbusReply *reply = m_client->sendReadRequest(
            QModbusDataUnit(QModbusDataUnit::InputRegisters, address, quint16(count)), 1);
        if (!reply) {
            a.finished = true;
            a.error = m_client->error();
            return a;
        }
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QModbusReply::finished);
            finished.wait(waitMs);
        }
        a.finished = reply->isFinished();
        if (a.finished) {
            a.error = reply->error();
            a.exceptionCode = int(reply->rawResult().exceptionCode());
            a.values = reply->result().values();
        }
        reply->deleteLater(); // an unfinished reply is aborted by this: its request leaves Qt's store
        return a;
    }

    QModbusTcpClient *operator->() const { return m_client; }

private:
    QModbusTcpClient *m_client;
};

/// Calls `attempt` (which acts: connects, reads) until it returns true, at most for `ms`. QTRY_VERIFY would
/// not do: it evaluates its expression once more after success.
template <typename Attempt> bool eventually(Attempt attempt, int ms)
{
    QElapsedTimer clock;
    clock.start();
    do {
        if (attempt())
            return true;
        QTest::qWait(20);
    } while (clock.elapsed() < ms);
    return false;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parsesGoodSpecs_data();
    void parsesGoodSpecs();
    void rejectsBadSpecs_data();
    void rejectsBadSpecs();
    void parseListStopsAtFirstError();

    void passesThroughWithoutFaults();
    void delayPastTheTimeout();
    void delayEndsByItself();
    void exceptionCode();
    void exceptionEveryNth();
    void exceptionEndsByItself();
    void dropAfterNAnswers();
    void refuseAtStart();
    void refuseAfterDrop();
    void garbage();
    void garbageEveryNth();
    void truncate();
    void wrongTid();
    void outage();

private:
    /// A simulator behind a proxy with these faults, both on loopback; nullptr proxy on failure.
    struct Rig
    {
        std::unique_ptr<DeviceSimulator> sim;
        std::unique_ptr<FaultProxy> proxy;
    };
    Rig rig(const QStringList &specs);
    bool readsOk(Client &client, Answer *last = nullptr);

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    int m_address = 0; // an input register block of the simulated device
    int m_count = 1;
};

void TestFaultProxy::initTestCase()
{
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
    const auto defs = m_optris->registersFor(m_optris->defaultModel());
    const auto input =
        std::find_if(defs.begin(), defs.end(), [](const RegisterDef *d) { return d->table == Table::Input; });
    QVERIFY(input != defs.end());
    m_address = (*input)->address;
    m_count = (*input)->width();
}

TestFaultProxy::Rig TestFaultProxy::rig(const QStringList &specs)
{
    Rig r;
    QString error;
    const auto faults = FaultSpec::parseList(specs, &error);
    if (!faults) {
        qWarning() << error;
        return r;
    }
    r.sim = std::make_unique<DeviceSimulator>(m_optris, QString());
    if (!r.sim->listen(kLocal, 0, &error)) {
        qWarning() << "simulator:" << error;
        return r;
    }
    auto proxy = std::make_unique<FaultProxy>(kLocal, r.sim->port(), *faults);
    if (!proxy->listen(kLocal, 0, &error)) {
        qWarning() << "proxy:" << error;
        return r;
    }
    r.proxy = std::move(proxy);
    return r;
}

bool TestFaultProxy::readsOk(Client &client, Answer *last)
{
    const Answer a = client.read(m_address, m_count);
    if (last)
        *last = a;
    return a.ok();
}

// --- FaultSpec
// ----------------------------------------------------------------------------------------------

void TestFaultProxy::parsesGoodSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("every");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("until");

    auto row = [](const char *spec, const char *canonical, int value, int every, qint64 from, qint64 until) {
        QTest::newRow(spec) << QString::fromLatin1(spec) << QString::fromLatin1(canonical) << value << every
                            << from << until;
    };
    row("delay", "delay:1000", 1000, 1, 0, -1);
    row("delay:2000@3000", "delay:2000@3000", 2000, 1, 0, 3000);
    row("delay:50@1000+500", "delay:50@1000+500", 50, 1, 1000, 1500);
    row(" Delay:7 ", "delay:7", 7, 1, 0, -1);
    row("exception", "exception:6", 6, 1, 0, -1);
    row("exception:2:3", "exception:2:3", 2, 3, 0, -1);
    row("exception:11:1@100", "exception:11@100", 11, 1, 0, 100);
    row("drop", "drop:10", 10, 1, 0, -1);
    row("drop:3@0+2000", "drop:3@2000", 3, 1, 0, 2000);
    row("refuse", "refuse:1000", 1000, 1, 0, -1);
    row("refuse:500@4000", "refuse:500@4000", 500, 1, 0, 4000);
    row("garbage", "garbage", 0, 1, 0, -1);
    row("garbage:4@100", "garbage:4@100", 0, 4, 0, 100);
    row("truncate:2", "truncate:2", 0, 2, 0, -1);
    row("wrong-tid", "wrong-tid", 0, 1, 0, -1);
    row("outage", "outage:5000:5000", 0, 1, 5000, 10000);
    row("outage:0:300", "outage:0:300", 0, 1, 0, 300);
    row("outage:100", "outage:100:5000", 0, 1, 100, 5100);
}

void TestFaultProxy::parsesGoodSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, canonical);
    QString error = QStringLiteral("untouched");
    const auto f = FaultSpec::parse(spec, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(f->toString(), canonical);
    QTEST(f->value, "value");
    QTEST(f->every, "every");
    QTEST(f->fromMs, "from");
    QTEST(f->untilMs, "until");
    // The canonical form reads back as the same fault: the CLI banner can be pasted back.
    const auto again = FaultSpec::parse(f->toString());
    QVERIFY(again);
    QCOMPARE(*again, *f);
}

void TestFaultProxy::rejectsBadSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("mentions"); // a word the sentence must contain
    auto row = [](const char *spec, const char *mentions) {
        QTest::newRow(spec) << QString::fromLatin1(spec) << QString::fromLatin1(mentions);
    };
    row("", "kind");
    row("@100", "kind");
    row("slow:5", "Unknown fault kind");
    row("delay:abc", "MS");
    row("delay:", "MS");
    row("delay:0", "MS");
    row("delay:-5", "MS");
    row("delay:+5", "MS");
    row("delay:1.5", "MS");
    row("delay:99999999999", "MS");
    row("exception:0", "CODE");
    row("exception:12", "CODE");
    row("exception:6:0", "EVERY");
    row("drop:0", "N");
    row("garbage:1:2", "at most 1 parameter");
    row("delay:1:2", "at most 1 parameter");
    row("exception:1:2:3", "at most 2 parameters");
    row("outage@100", "own time window");
    row("outage:1:0", "LENGTH_MS");
    row("delay:100@", "time limit");
    row("delay:100@0", "time limit");
    row("delay:100@a", "time limit");
    row("delay:100@5+", "time limit");
    row("delay:100@1+2+3", "time limit");
    row("delay:100@-5", "time limit");
}

void TestFaultProxy::rejectsBadSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!FaultSpec::parse(spec, &error));
    // One sentence: one line, one full stop, at its end.
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')) && !error.contains(QLatin1String(". ")), qPrintable(error));
    QVERIFY2(error.size() < 200, qPrintable(error));
}

void TestFaultProxy::parseListStopsAtFirstError()
{
    QString error;
    const auto good = FaultSpec::parseList({QStringLiteral("delay:10"), QStringLiteral("drop:2")}, &error);
    QVERIFY(good);
    QCOMPARE(good->size(), 2);
    QVERIFY(!FaultSpec::parseList({QStringLiteral("delay:10"), QStringLiteral("nope"), QStringLiteral("x")},
                                  &error));
    QVERIFY2(error.contains(QLatin1String("\"nope\"")), qPrintable(error));
}

// --- What the client sees
// -----------------------------------------------------------------------------------

void TestFaultProxy::passesThroughWithoutFaults()
{
    Rig r = rig({});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    QCOMPARE(r.proxy->connectionCount(), 1);
    for (int i = 0; i < 20; ++i) { // several, so frames are split and matched over and over
        const Answer a = client.read(m_address, m_count);
        QVERIFY2(a.ok(), describe(a));
        QCOMPARE(a.values.size(), m_count);
    }
    // Several requests in flight at once come back, each to its own reply.
    QList<QModbusReply *> replies;
    for (int i = 0; i < 5; ++i)
        replies.append(client->sendReadRequest(
            QModbusDataUnit(QModbusDataUnit::InputRegisters, m_address, quint16(m_count)), 1));
    for (QModbusReply *reply : replies) {
        QVERIFY(reply);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 2000);
        QCOMPARE(reply->error(), QModbusDevice::NoError);
        reply->deleteLater();
    }
    client.disconnect();
    QTRY_COMPARE_WITH_TIMEOUT(r.proxy->connectionCount(), 0, 2000);
}

void TestFaultProxy::delayPastTheTimeout()
{
    Rig r = rig({QStringLiteral("delay:500")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    const Answer late = client.read(m_address, m_count);
    QVERIFY2(late.finished && late.error == QModbusDevice::TimeoutError, describe(late));

    // With a timeout longer than the delay the answer comes, late.
    client->setTimeout(2000);
    QElapsedTimer took;
    took.start();
    const Answer a = client.read(m_address, m_count, 3000);
    QVERIFY2(a.ok(), describe(a));
    QVERIFY2(took.elapsed() >= 450, QByteArray::number(took.elapsed()));
}

void TestFaultProxy::delayEndsByItself()
{
    Rig r = rig({QStringLiteral("delay:1000@600")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    const Answer late = client.read(m_address, m_count);
    QVERIFY2(late.finished && late.error == QModbusDevice::TimeoutError, describe(late));
    // Requests made after 600 ms are answered at once again, on the same connection.
    QVERIFY(eventually([&] { return readsOk(client); }, 4000));
    QVERIFY(r.proxy->elapsed() >= 600);
    QElapsedTimer took;
    took.start();
    QVERIFY(readsOk(client));
    QVERIFY2(took.elapsed() < kTimeout, QByteArray::number(took.elapsed()));
}

void TestFaultProxy::exceptionCode()
{
    Rig r = rig({QStringLiteral("exception:6")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    for (int i = 0; i < 3; ++i) {
        const Answer a = client.read(m_address, m_count);
        QVERIFY2(a.finished && a.error == QModbusDevice::ProtocolError, describe(a));
        QCOMPARE(a.exceptionCode, 6); // Server device busy
    }
}

void TestFaultProxy::exceptionEveryNth()
{
    Rig r = rig({QStringLiteral("exception:4:3")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    for (int i = 1; i <= 7; ++i) {
        const Answer a = client.read(m_address, m_count);
        if (i % 3 == 0) {
            QVERIFY2(a.error == QModbusDevice::ProtocolError && a.exceptionCode == 4, describe(a));
        } else {
            QVERIFY2(a.ok(), describe(a));
        }
    }
}

void TestFaultProxy::exceptionEndsByItself()
{
    Rig r = rig({QStringLiteral("exception:6@500")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    const Answer busy = client.read(m_address, m_count);
    QVERIFY2(busy.error == QModbusDevice::ProtocolError && busy.exceptionCode == 6, describe(busy));
    QVERIFY(eventually([&] { return readsOk(client); }, 3000));
    QVERIFY(r.proxy->elapsed() >= 500);
}

void TestFaultProxy::dropAfterNAnswers()
{
    Rig r = rig({QStringLiteral("drop:3")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    for (int round = 0; round < 2; ++round) {
        QVERIFY(client.connect());
        QSignalSpy state(client.operator->(), &QModbusDevice::stateChanged);
        QSignalSpy errors(client.operator->(), &QModbusDevice::errorOccurred);
        for (int i = 0; i < 3; ++i) { // the third answer still arrives, then the connection closes
            const Answer a = client.read(m_address, m_count);
            QVERIFY2(a.ok(), describe(a));
        }
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), QModbusDevice::UnconnectedState, 2000);
        QVERIFY(state.contains({QVariant::fromValue(QModbusDevice::UnconnectedState)}));
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 1000);
        QCOMPARE(errors.first().first().value<QModbusDevice::Error>(), QModbusDevice::ConnectionError);
        qInfo() << "after a drop the client says:" << client->errorString();
    }
}

void TestFaultProxy::refuseAtStart()
{
    Rig r = rig({QStringLiteral("refuse:700")});
    QVERIFY(r.proxy);
    QVERIFY(r.proxy->isListening());
    QVERIFY(r.proxy->isRefusing());
    Client client(r.proxy->port());
    QVERIFY(!client.connect());
    QCOMPARE(client->error(), QModbusDevice::ConnectionError);
    qInfo() << "while refusing the client says:" << client->errorString();
    // Then the port opens again by itself.
    QVERIFY(eventually([&] { return client.connect(); }, 4000));
    QVERIFY(r.proxy->elapsed() >= 700);
    QVERIFY(!r.proxy->isRefusing());
    QVERIFY(readsOk(client));
}

void TestFaultProxy::refuseAfterDrop()
{
    Rig r = rig({QStringLiteral("refuse:500"), QStringLiteral("drop:2")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(eventually([&] { return client.connect(); }, 4000));
    QVERIFY(readsOk(client));
    QVERIFY(readsOk(client));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QModbusDevice::UnconnectedState, 2000);
    QElapsedTimer sinceDrop;
    sinceDrop.start();
    QVERIFY(r.proxy->isRefusing());
    QVERIFY(!client.connect());
    QVERIFY(eventually([&] { return client.connect(); }, 4000));
    QVERIFY2(sinceDrop.elapsed() >= 400, QByteArray::number(sinceDrop.elapsed()));
    QVERIFY(readsOk(client));
}

void TestFaultProxy::garbage()
{
    Rig r = rig({QStringLiteral("garbage@600")});
    QVERIFY(r.proxy);
    QSignalSpy injected(r.proxy.get(), &FaultProxy::injected);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    const Answer bad = client.read(m_address, m_count);
    QVERIFY(!injected.isEmpty());
    QVERIFY2(!bad.ok(), describe(bad));
    qInfo() << "garbage answer:" << describe(bad) << client->errorString();
    // The stream may be out of step now; what the same connection does after the fault is only observed.
    QTRY_VERIFY_WITH_TIMEOUT(r.proxy->elapsed() >= 600, 2000);
    const Answer same = client.read(m_address, m_count);
    qInfo() << "same connection after the garbage fault ended:" << describe(same);
    // A new connection is served normally.
    QVERIFY(client.reconnect());
    QVERIFY(readsOk(client));
}

void TestFaultProxy::garbageEveryNth()
{
    Rig r = rig({QStringLiteral("garbage:3")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    QVERIFY(readsOk(client));
    QVERIFY(readsOk(client));
    const Answer bad = client.read(m_address, m_count);
    QVERIFY2(!bad.ok(), describe(bad));
}

void TestFaultProxy::truncate()
{
    Rig r = rig({QStringLiteral("truncate@600")});
    QVERIFY(r.proxy);
    QSignalSpy injected(r.proxy.get(), &FaultProxy::injected);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    QPointer<QModbusReply> cut = client->sendReadRequest(
        QModbusDataUnit(QModbusDataUnit::InputRegisters, m_address, quint16(m_count)), 1);
    QVERIFY(cut);
    QTRY_COMPARE_WITH_TIMEOUT(injected.size(), 1, 2000);
    // Observed with Qt 6.4: QModbusTcpClient stops the reply's timer as soon as it has read a header with a
    // known transaction id, then waits for the rest of the frame. The reply neither finishes nor times out:
    // only a closed connection ends it. A poller needs a watchdog of its own.
    QTest::qWait(kTimeout * 4);
    QVERIFY2(!cut->isFinished(), "Qt's client no longer hangs on a cut frame: revisit docs/faults.md");
    // The connection stays open but mute: a later request gets nothing, and times out as usual.
    const Answer after = client.read(m_address, m_count);
    QVERIFY2(after.finished && after.error == QModbusDevice::TimeoutError, describe(after));
    QCOMPARE(client->state(), QModbusDevice::ConnectedState);
    client.disconnect();
    QVERIFY(cut->isFinished());
    QCOMPARE(cut->error(), QModbusDevice::ReplyAbortedError);
    delete cut;
    // After the fault, a new connection is served normally.
    QTRY_VERIFY_WITH_TIMEOUT(r.proxy->elapsed() >= 600, 2000);
    QVERIFY(client.connect());
    QVERIFY(readsOk(client));
    QVERIFY(readsOk(client));
}

void TestFaultProxy::wrongTid()
{
    Rig r = rig({QStringLiteral("wrong-tid:2@800")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    QVERIFY(readsOk(client));
    const Answer wrong = client.read(m_address, m_count);
    QVERIFY2(wrong.finished && wrong.error == QModbusDevice::TimeoutError, describe(wrong));
    // The stream stays in step: the next answer on the same connection is fine.
    QVERIFY(readsOk(client));
    const Answer again = client.read(m_address, m_count);
    QVERIFY2(!again.ok(), describe(again));
    // Once over, every answer is right.
    QTRY_VERIFY_WITH_TIMEOUT(r.proxy->elapsed() >= 800, 2000);
    for (int i = 0; i < 4; ++i)
        QVERIFY(readsOk(client));
}

void TestFaultProxy::outage()
{
    Rig r = rig({QStringLiteral("outage:500:700")});
    QVERIFY(r.proxy);
    Client client(r.proxy->port());
    QVERIFY(client.connect());
    QVERIFY(readsOk(client));
    QVERIFY2(r.proxy->elapsed() < 500, "too slow a machine for this test");
    QTRY_VERIFY_WITH_TIMEOUT(r.proxy->elapsed() >= 500, 2000);
    const Answer none = client.read(m_address, m_count);
    QVERIFY2(none.finished && none.error == QModbusDevice::TimeoutError, describe(none));
    // Stale, then it recovers by itself on the same connection.
    QVERIFY(eventually([&] { return readsOk(client); }, 3000));
    QVERIFY(r.proxy->elapsed() >= 1200);
    QCOMPARE(client->state(), QModbusDevice::ConnectedState);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
