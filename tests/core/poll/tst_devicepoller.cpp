// DevicePoller over a real loopback network: against a plain QModbusTcpServer, against DeviceSimulator (which
// refuses reads across unused addresses), with FaultProxy in front for misbehaving devices, and with a small
// frame-counting proxy that shows what is in flight on the wire. No fakes.
#include "modbus/RegisterIo.h"
#include "poll/DevicePoller.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"
#include "sim/FaultProxy.h"
#include "sim/FaultSpec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QModbusTcpServer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace pyrolink;
using State = DevicePoller::State;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);
const QString kModel = QStringLiteral("ct4m"); // the widest map: 1000..1086 and 10000..10130

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// Waits (bounded) until the wall clock has moved past `t`, so that readings taken later carry a later stamp.
void passMillisecond(qint64 t)
{
    (void)QTest::qWaitFor([t] { return now() > t; }, 100);
}

/// Runs a real event loop until done() holds or `ms` pass; true if done() holds. QTRY_ and qWaitFor sleep 10
/// ms between batches of events, which slows every round trip to their pace: rates, delays and event-loop
/// gaps are measured with this instead.
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

/// A loopback port that nobody listens on (just now).
quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(kLocal, 0))
        return 0;
    return probe.serverPort();
}

/// Sentences in a message: a full stop, question or exclamation mark followed by a space or the end.
/// "0.25 s" and "127.0.0.1" do not end one.
int sentenceCount(const QString &text)
{
    static const QRegularExpression end(QStringLiteral("[.!?](?=\\s|$)"));
    int n = 0;
    for (auto it = end.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

/// The registers whose reading is not Good or older than `since` ("" when all are fresh and good).
QString notFresh(const DevicePoller &p, qint64 since, const QList<const RegisterDef *> &only = {})
{
    QStringList bad;
    for (const Reading &r : p.readings()) {
        if (!only.isEmpty() && !only.contains(r.def))
            continue;
        if (r.quality != Quality::Good || r.timestampMs < since)
            bad.append(
                QStringLiteral("%1=%2@%3").arg(r.def->id, qualityName(r.quality)).arg(r.timestampMs - since));
    }
    return bad.join(QLatin1Char(' '));
}

/// The registers polled without being asked: the fast ones and the ones read once after a connect.
QList<const RegisterDef *> polledUnasked(const DevicePoller &p, PollClass c)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *d : p.registers())
        if (d->poll == c)
            out.append(d);
    return out;
}

/// A plain QModbusTcpServer that holds input 1000..1100 and holding 10000..10200: nothing is ever refused.
class PlainServer
{
public:
    PlainServer()
    {
        QModbusDataUnitMap map;
        map.insert(QModbusDataUnit::InputRegisters,
                   QModbusDataUnit(QModbusDataUnit::InputRegisters, 1000, 101));
        map.insert(QModbusDataUnit::HoldingRegisters,
                   QModbusDataUnit(QModbusDataUnit::HoldingRegisters, 10000, 201));
        m_server.setMap(map);
        m_server.setServerAddress(1); // it answers this unit id only
    }
    ~PlainServer() { m_server.disconnectDevice(); }

    bool listen()
    {
        // Qt 6.4 offers no way to learn the port it picked for 0: pick a free one first (a few attempts, in
        // case another program takes it in between).
        for (int attempt = 0; attempt < 5; ++attempt) {
            const quint16 port = unusedPort();
            m_server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, kLocal.toString());
            m_server.setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
            if (m_server.connectDevice()) {
                m_port = port;
                return true;
            }
        }
        return false;
    }
    quint16 port() const { return m_port; }
    bool set(QModbusDataUnit::RegisterType table, quint16 address, quint16 value)
    {
        return m_server.setData(table, address, value);
    }

private:
    QModbusTcpServer m_server;
    quint16 m_port = 0;
};

/// A transparent Modbus TCP proxy that watches the MBAP frames going through: how many requests are in
/// flight at once, and whether anything else was sent while a write was in flight.
class SpyProxy : public QObject
{
public:
    explicit SpyProxy(quint16 upstreamPort) : m_upstreamPort(upstreamPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &SpyProxy::accept);
    }
    ~SpyProxy() override
    {
        // Before the server (their parent) goes: no disconnected() may reach a half-destroyed proxy.
        for (Conn *c : std::as_const(m_conns)) {
            c->client->disconnect(this);
            c->upstream->disconnect(this);
            delete c->client; // and its child, the upstream socket
            delete c;
        }
        m_conns.clear();
    }
    bool listen() { return m_server.listen(kLocal, 0); }
    quint16 port() const { return m_server.serverPort(); }
    /// A write and its read-back are under way: from the write request to the answer of its read-back.
    bool writing() const
    {
        return std::any_of(m_conns.cbegin(), m_conns.cend(), [](const Conn *c) { return c->writing; });
    }

    int maxOutstanding = 0;  ///< most requests in flight at once, over all connections
    int writes = 0;          ///< write requests seen (function 5, 6, 15, 16)
    int othersAtWrite = 0;   ///< most other requests in flight when a write went out
    int sentDuringWrite = 0; ///< other requests that came while a write or its read-back was under way
    int readBackNotNext = 0; ///< writes not followed at once by a read of the register written

private:
    struct Conn
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        QByteArray fromClient, fromUpstream, waiting;
        QHash<quint16, QByteArray> pending; // tid -> request PDU
        QByteArray expectReadBackOf;        // the write whose read-back must be the next request
        bool writing = false;               // from a write request to the answer of its read-back
        int readBackTid = -1;
    };

    static QList<QByteArray> frames(QByteArray &buffer)
    {
        QList<QByteArray> out;
        while (buffer.size() >= 6) {
            const int total = 6 + ((quint8(buffer.at(4)) << 8) | quint8(buffer.at(5)));
            if (buffer.size() < total)
                break;
            out.append(buffer.left(total));
            buffer.remove(0, total);
        }
        return out;
    }
    static quint16 tid(const QByteArray &f) { return quint16((quint8(f.at(0)) << 8) | quint8(f.at(1))); }
    static int function(const QByteArray &pdu) { return pdu.isEmpty() ? 0 : quint8(pdu.at(0)); }
    static bool isWrite(const QByteArray &pdu)
    {
        const int fc = function(pdu);
        return fc == 5 || fc == 6 || fc == 15 || fc == 16;
    }
    int outstanding() const
    {
        int n = 0;
        for (const Conn *c : m_conns)
            n += int(c->pending.size());
        return n;
    }
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *c = new Conn;
            c->client = client;
            c->upstream = new QTcpSocket(client);
            m_conns.append(c);
            connect(client, &QTcpSocket::readyRead, this, [this, c] {
                c->fromClient += c->client->readAll();
                for (const QByteArray &f : frames(c->fromClient))
                    onRequest(c, f);
            });
            connect(c->upstream, &QTcpSocket::connected, this, [c] {
                c->upstream->write(c->waiting);
                c->waiting.clear();
            });
            connect(c->upstream, &QTcpSocket::readyRead, this, [this, c] {
                c->fromUpstream += c->upstream->readAll();
                for (const QByteArray &f : frames(c->fromUpstream)) {
                    const QByteArray pdu = c->pending.take(tid(f));
                    if (isWrite(pdu))
                        c->expectReadBackOf = pdu;
                    if (tid(f) == c->readBackTid) {
                        c->writing = false;
                        c->readBackTid = -1;
                    }
                    c->client->write(f);
                }
            });
            auto gone = [this, c] {
                if (!m_conns.removeOne(c))
                    return;
                c->upstream->disconnect(this);
                c->client->disconnect(this);
                c->client->abort();
                c->client->deleteLater();
                delete c;
            };
            connect(client, &QTcpSocket::disconnected, this, gone);
            connect(c->upstream, &QTcpSocket::disconnected, this, gone);
            c->upstream->connectToHost(kLocal, m_upstreamPort);
        }
    }

    void onRequest(Conn *c, const QByteArray &frame)
    {
        const QByteArray pdu = frame.mid(7);
        bool isReadBack = false;
        if (!c->expectReadBackOf.isEmpty()) {
            // A read-back is a read (3) of the address just written (bytes 1-2 of both PDUs).
            const QByteArray &w = c->expectReadBackOf;
            isReadBack = function(pdu) == 3 && pdu.mid(1, 2) == w.mid(1, 2);
            if (isReadBack)
                c->readBackTid = tid(frame);
            else
                ++readBackNotNext;
            c->expectReadBackOf.clear();
        }
        if (writing() && !isReadBack)
            ++sentDuringWrite;
        if (isWrite(pdu)) {
            ++writes;
            othersAtWrite = std::max(othersAtWrite, outstanding());
            c->writing = true;
        }
        c->pending.insert(tid(frame), pdu);
        maxOutstanding = std::max(maxOutstanding, outstanding());
        if (c->upstream->state() == QAbstractSocket::ConnectedState)
            c->upstream->write(frame);
        else
            c->waiting += frame;
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    QList<Conn *> m_conns;
};

/// A timer that must keep ticking while the poller waits for a silent device: the event loop never blocks.
class TickWatch
{
public:
    TickWatch()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (m_clock.isValid())
                m_maxGap = std::max(m_maxGap, m_clock.restart());
            else
                m_clock.start();
            ++m_ticks;
        });
        m_timer.start(20);
    }
    qint64 maxGap() const { return m_maxGap; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

/// Every stateChanged() with the time it came, and every message().
struct Recorder
{
    explicit Recorder(DevicePoller *p)
    {
        clock.start();
        QObject::connect(p, &DevicePoller::stateChanged, p, [this](State s) {
            states.append({clock.elapsed(), s});
        });
        QObject::connect(p, &DevicePoller::message, p, [this](const QString &m) { messages.append(m); });
    }
    /// Times (ms since the recorder started) at which the poller entered `s`.
    QList<qint64> timesOf(State s) const
    {
        QList<qint64> out;
        for (const auto &[t, state] : states)
            if (state == s)
                out.append(t);
        return out;
    }
    bool saw(State s) const { return !timesOf(s).isEmpty(); }
    /// Messages other than "Connected." and "Reconnected after ...": the ones explaining a problem.
    QStringList explanations() const
    {
        QStringList out;
        for (const QString &m : messages)
            if (m != QStringLiteral("Connected.") && !m.startsWith(QStringLiteral("Reconnected")))
                out.append(m);
        return out;
    }

    QElapsedTimer clock;
    QList<std::pair<qint64, State>> states;
    QStringList messages;
};

} // namespace

class TestDevicePoller : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // a
    void plainServerFullReadInFewestRequests_data();
    void plainServerFullReadInFewestRequests();
    // b
    void simulatorLearnsSplitsOnce_data();
    void simulatorLearnsSplitsOnce();
    // c
    void fastCyclesAt100ms();
    // d
    void valuesChangedIsCoalesced_data();
    void valuesChangedIsCoalesced();
    // e
    void deviceLostAndBack();
    void backoffGrowsAndIsCapped();
    // f
    void silentDeviceNeverBlocks();
    void answersTooLateTurnStaleAndRecover();
    // g
    void stopWithRequestsInFlight();
    void writeQueuedWhenPollingEnds_data();
    void writeQueuedWhenPollingEnds();
    void stopThenStartAgain();
    // h
    void faultsRecoverByThemselves_data();
    void faultsRecoverByThemselves();
    // i
    void writeIsAloneOnTheWire_data();
    void writeIsAloneOnTheWire();
    // j
    void pipelinedReadsAreCorrect();

private:
    std::unique_ptr<DeviceSimulator> simulator(const QString &model = kModel, quint16 port = 0);
    std::unique_ptr<DevicePoller> poller(quint16 port, const QString &model = kModel, int timeoutMs = 1000,
                                         int retries = 0);
    const RegisterDef *reg(const QString &id, const QString &model = kModel) const
    {
        return m_optris->findById(id, model);
    }

    std::shared_ptr<const Profile> m_optris;
};

void TestDevicePoller::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
    QVERIFY(m_optris->hasModel(kModel));
}

std::unique_ptr<DeviceSimulator> TestDevicePoller::simulator(const QString &model, quint16 port)
{
    auto sim = std::make_unique<DeviceSimulator>(m_optris, model);
    QString error;
    if (!sim->listen(kLocal, port, &error)) {
        qWarning() << "simulator cannot listen:" << error;
        return nullptr;
    }
    return sim;
}

std::unique_ptr<DevicePoller> TestDevicePoller::poller(quint16 port, const QString &model, int timeoutMs,
                                                       int retries)
{
    return std::make_unique<DevicePoller>(m_optris, model, tcp(port, timeoutMs, retries));
}

// ---------------------------------------------------------------------------------------------------- a

void TestDevicePoller::plainServerFullReadInFewestRequests_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("expectedRequests");
    // Input 1000..1086 is one request; holding 10000..10130 is 131 registers: two. CT LT ends at 10054.
    QTest::newRow("ct4m") << QStringLiteral("ct4m") << 3;
    QTest::newRow("ctratio") << QStringLiteral("ctratio") << 3;
    QTest::newRow("ctlt") << QStringLiteral("ctlt") << 2;
}

void TestDevicePoller::plainServerFullReadInFewestRequests()
{
    QFETCH(QString, model);
    QFETCH(int, expectedRequests);
    PlainServer server;
    QVERIFY(server.listen());
    // Known raw values: temp_process (raw - 1000) / 10, serial number high word first, emissivity / 1000.
    QVERIFY(server.set(QModbusDataUnit::InputRegisters, 1020, 3345));
    QVERIFY(server.set(QModbusDataUnit::InputRegisters, 1010, 0x0160));
    QVERIFY(server.set(QModbusDataUnit::InputRegisters, 1011, 0x1234));
    QVERIFY(server.set(QModbusDataUnit::HoldingRegisters, 10010, 850));
    QVERIFY(server.set(QModbusDataUnit::HoldingRegisters, 10122, 7));
    QVERIFY(server.set(QModbusDataUnit::HoldingRegisters, 10130, 42));

    auto p = poller(server.port(), model);
    p->setInterval(PollClass::Fast, 3600 * 1000); // only the cycle after connecting
    QSignalSpy cycles(p.get(), &DevicePoller::cycleCompleted);
    p->start();
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Connected, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p->stats().responses, p->stats().requests, 5000);

    const PollStats before = p->stats();
    const qint64 t0 = now();
    passMillisecond(t0);
    p->requestRead(p->registers());
    QTRY_VERIFY2_WITH_TIMEOUT(notFresh(*p, t0 + 1).isEmpty(), qPrintable(notFresh(*p, t0 + 1)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p->stats().responses, p->stats().requests, 5000);

    qInfo().noquote() << model << "full read of" << p->registers().size()
                      << "registers:" << p->stats().requests - before.requests << "requests";
    QCOMPARE(int(p->stats().requests - before.requests), expectedRequests);
    QCOMPARE(p->stats().exceptions, quint64(0));
    QCOMPARE(p->stats().timeouts, quint64(0));
    QCOMPARE(p->stats().otherErrors, quint64(0));
    QCOMPARE(p->planner().learnedSplits(), 0);

    QCOMPARE(p->reading(QStringLiteral("temp_process"))->value, 234.5);
    QCOMPARE(p->reading(QStringLiteral("temp_process"))->raw, QList<quint16>{3345});
    QCOMPARE(p->reading(QStringLiteral("serial_number"))->value, double(0x01601234));
    QCOMPARE(p->reading(QStringLiteral("emissivity"))->value, 0.85);
    QCOMPARE(p->reading(QStringLiteral("temp_head"))->value, -100.0); // raw 0: (0 - 1000) / 10
    if (model != QStringLiteral("ctlt")) {
        QCOMPARE(p->reading(QStringLiteral("dac_percentage_output1"))->value, 42.0);
        QCOMPARE(p->reading(QStringLiteral("output1_alarm_mv_alarm") /* 10122, ct4m only */) != nullptr,
                 model == QStringLiteral("ct4m"));
        if (model == QStringLiteral("ct4m"))
            QCOMPARE(p->reading(QStringLiteral("output1_alarm_mv_alarm"))->value, 7.0);
    }
}

// ---------------------------------------------------------------------------------------------------- b

void TestDevicePoller::simulatorLearnsSplitsOnce_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("ct4m") << QStringLiteral("ct4m");
    QTest::newRow("ctlt") << QStringLiteral("ctlt");
}

void TestDevicePoller::simulatorLearnsSplitsOnce()
{
    QFETCH(QString, model);
    auto sim = simulator(model);
    QVERIFY(sim);
    auto p = poller(sim->port(), model);
    p->setCycleRegisters(p->registers()); // every fast cycle is a full read
    p->setInterval(PollClass::Fast, 150);
    QList<PollStats> after; // the counters as each cycle completed
    QList<int> splitsAfter;
    connect(p.get(), &DevicePoller::cycleCompleted, this, [&] {
        after.append(p->stats());
        splitsAfter.append(p->planner().learnedSplits());
    });
    const qint64 t0 = now();
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(after.size() >= 3, 5000);

    // What a full read should cost once learned: each block of a fresh plan, re-planned with the splits.
    int learnedPlan = 0;
    for (const ReadBlock &b : PollPlanner().plan(p->registers()))
        learnedPlan += int(p->planner().plan(b.registers).size());

    const PollStats &first = after.at(0), &second = after.at(1), &third = after.at(2);
    qInfo().noquote() << model << ": full read cycles took" << first.requestsLastCycle << "/"
                      << second.requestsLastCycle << "/" << third.requestsLastCycle << "requests; refused"
                      << first.exceptions << "/" << second.exceptions - first.exceptions << "/"
                      << third.exceptions - second.exceptions << "; splits learned" << splitsAfter
                      << "; learned plan" << learnedPlan << "requests";

    // First full read: refused across gaps, split as learned, and asked again at once.
    QVERIFY2(first.exceptions > 0, "the simulator refuses merged reads across gaps");
    QCOMPARE(first.exceptionsByCode.value(2), first.exceptions);
    QVERIFY(splitsAfter.first() > 0);
    QCOMPARE(first.timeouts, quint64(0));
    QVERIFY2(notFresh(*p, t0).isEmpty(), qPrintable(notFresh(*p, t0)));
    for (const Reading &r : p->readings())
        QVERIFY2(!p->planner().isMissing(r.def), qPrintable(r.def->id)); // every register exists
    QCOMPARE(first.requestsLastCycle, learnedPlan + int(first.exceptions)); // each refusal cost one request

    // Second full read: the learned plan at full speed, nothing refused any more.
    QCOMPARE(second.exceptions, first.exceptions);
    QCOMPARE(second.requestsLastCycle, learnedPlan);

    // From the third cycle on at the latest: nothing refused, the learned plan.
    QCOMPARE(third.exceptions, second.exceptions);
    QCOMPARE(third.requestsLastCycle, learnedPlan);
    QCOMPARE(splitsAfter.at(2), splitsAfter.at(1));
    QVERIFY(notFresh(*p, t0).isEmpty());
    QCOMPARE(p->reading(QStringLiteral("emissivity"))->value, *sim->value(QStringLiteral("emissivity")));
    QCOMPARE(p->reading(QStringLiteral("serial_number"))->value,
             *sim->value(QStringLiteral("serial_number")));
}

// ---------------------------------------------------------------------------------------------------- c

void TestDevicePoller::fastCyclesAt100ms()
{
    auto sim = simulator();
    QVERIFY(sim);
    auto p = poller(sim->port());
    QCOMPARE(p->interval(PollClass::Fast), 100);
    QList<qint64> stamps;
    connect(p.get(), &DevicePoller::cycleCompleted, this,
            [&] { stamps.append(p->reading(QStringLiteral("temp_process"))->timestampMs); });
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(stamps.size() >= 2, 5000);
    QElapsedTimer clock;
    clock.start();
    const int firstCount = int(stamps.size());
    const quint64 firstCycles = p->stats().cycles;
    QTRY_VERIFY_WITH_TIMEOUT(stamps.size() >= firstCount + 8, 5000);
    const qint64 elapsed = clock.elapsed();

    QVERIFY(p->stats().cycles >= firstCycles + 8);
    QCOMPARE(p->stats().cycles, quint64(stamps.size()));
    // 8 cycles at 100 ms take about 800 ms; much less would mean the interval is not kept.
    QVERIFY2(elapsed >= 650, qPrintable(QString::number(elapsed)));
    for (int i = 1; i < stamps.size(); ++i)
        QVERIFY2(stamps.at(i) > stamps.at(i - 1), qPrintable(QStringLiteral("cycle %1").arg(i)));
    QCOMPARE(p->reading(QStringLiteral("temp_process"))->quality, Quality::Good);
    const double t = p->reading(QStringLiteral("temp_process"))->value;
    QVERIFY2(t > 0.0 && t < 1500.0, qPrintable(QString::number(t)));
    QVERIFY(p->stats().requestsLastCycle >= 1);
    QCOMPARE(p->lastMessage(), QStringLiteral("Connected."));
}

// ---------------------------------------------------------------------------------------------------- d

void TestDevicePoller::valuesChangedIsCoalesced_data()
{
    QTest::addColumn<int>("interval");
    QTest::newRow("5 ms") << 5;
    QTest::newRow("as fast as possible") << 0;
}

void TestDevicePoller::valuesChangedIsCoalesced()
{
    QFETCH(int, interval);
    auto sim = simulator();
    QVERIFY(sim);
    auto p = poller(sim->port());
    p->setInterval(PollClass::Fast, interval);
    QSignalSpy changed(p.get(), &DevicePoller::valuesChanged);
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);

    QList<qint64> times;
    QElapsedTimer clock;
    clock.start();
    connect(p.get(), &DevicePoller::valuesChanged, this, [&] { times.append(clock.elapsed()); });
    const quint64 cycles0 = p->stats().cycles;
    // At least a second, and at least 100 cycles in it.
    const bool enough =
        spin([&] { return clock.elapsed() >= 1000 && p->stats().cycles - cycles0 >= 100; }, 10000);
    QVERIFY2(enough,
             qPrintable(QStringLiteral("%1 cycles (last: %6 requests, %7 ms), %2 requests, %3 responses, "
                                       "%8 exceptions in %4 ms; state %5")
                            .arg(p->stats().cycles - cycles0)
                            .arg(p->stats().requests)
                            .arg(p->stats().responses)
                            .arg(clock.elapsed())
                            .arg(int(p->state()))
                            .arg(p->stats().requestsLastCycle)
                            .arg(p->stats().lastCycleMs)
                            .arg(p->stats().exceptions)));
    const qint64 elapsed = clock.elapsed();
    const double cyclesPerSecond = double(p->stats().cycles - cycles0) * 1000.0 / double(elapsed);
    const double signalsPerSecond = double(times.size()) * 1000.0 / double(elapsed);
    qInfo().noquote() << QStringLiteral("interval %3 ms: %1 cycles/s, %2 valuesChanged/s")
                             .arg(cyclesPerSecond, 0, 'f', 0)
                             .arg(signalsPerSecond, 0, 'f', 1)
                             .arg(interval);
    QVERIFY2(signalsPerSecond <= 31.0, qPrintable(QString::number(signalsPerSecond)));
    QVERIFY2(cyclesPerSecond >= 90.0, qPrintable(QString::number(cyclesPerSecond)));
    QVERIFY(times.size() >= 10); // coalesced, not starved
    qint64 minGap = std::numeric_limits<qint64>::max();
    for (int i = 1; i < times.size(); ++i)
        minGap = std::min(minGap, times.at(i) - times.at(i - 1));
    QVERIFY2(minGap >= 30, qPrintable(QString::number(minGap))); // 34 ms, less a coarse timer's 5 %
}

// ---------------------------------------------------------------------------------------------------- e

void TestDevicePoller::deviceLostAndBack()
{
    auto sim = simulator();
    QVERIFY(sim);
    const quint16 port = sim->port();
    auto p = poller(port);
    Recorder rec(p.get());
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(p->reading(QStringLiteral("temp_process"))->quality == Quality::Good, 5000);
    QCOMPARE(p->state(), State::Connected);
    QCOMPARE(p->stats().reconnects, quint64(0));

    sim->close();
    sim.reset();
    QTRY_COMPARE_WITH_TIMEOUT(p->reading(QStringLiteral("temp_process"))->quality, Quality::Stale, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Waiting, 5000);
    const QString lostMessage = p->lastMessage();
    qInfo().noquote() << "after the device went:" << lostMessage;
    QVERIFY2(lostMessage.contains(QStringLiteral("stale"), Qt::CaseInsensitive), qPrintable(lostMessage));
    QVERIFY2(lostMessage.contains(QStringLiteral("trying again in")), qPrintable(lostMessage));
    QCOMPARE(sentenceCount(lostMessage), 1);
    for (const Reading &r : p->readings())
        QVERIFY2(r.quality != Quality::Good, qPrintable(r.def->id));

    // Let one attempt fail against the closed port, then the device comes back on the same port.
    QTRY_VERIFY_WITH_TIMEOUT(rec.timesOf(State::Connecting).size() >= 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Waiting, 5000);
    sim = simulator(kModel, port);
    QVERIFY(sim);
    QElapsedTimer back;
    back.start();
    const qint64 t0 = now();
    QVERIFY(spin([&] { return p->state() == State::Connected; }, 8000));
    const qint64 reconnectMs = back.elapsed();
    QTRY_VERIFY2_WITH_TIMEOUT(notFresh(*p, t0, polledUnasked(*p, PollClass::Fast)).isEmpty(),
                              qPrintable(notFresh(*p, t0, polledUnasked(*p, PollClass::Fast))), 5000);
    qInfo().noquote() << "reconnected" << reconnectMs << "ms after the device came back:" << p->lastMessage();
    QCOMPARE(p->stats().reconnects, quint64(1));
    QVERIFY2(p->lastMessage().startsWith(QStringLiteral("Reconnected after")), qPrintable(p->lastMessage()));
    QCOMPARE(sentenceCount(p->lastMessage()), 1);
    // The back-off was at 0.5 s or 1 s when the device came back.
    QVERIFY2(reconnectMs <= 1000 + 500, qPrintable(QString::number(reconnectMs)));
}

void TestDevicePoller::backoffGrowsAndIsCapped()
{
    QCOMPARE(DevicePoller::kFirstBackoffMs, 250);
    QCOMPARE(DevicePoller::kMaxBackoffMs, 5000);

    const quint16 port = unusedPort();
    QVERIFY(port);
    auto p = poller(port);
    Recorder rec(p.get());
    p->start();
    // Attempts at 0, 0.25, 0.75, 1.75 s: enough to see the doubling.
    QVERIFY(spin([&] { return rec.timesOf(State::Connecting).size() >= 4; }, 6000));
    QVERIFY(spin([&] { return p->state() == State::Waiting; }, 2000));
    const QList<qint64> attempts = rec.timesOf(State::Connecting);
    QList<qint64> gaps;
    for (int i = 1; i < attempts.size(); ++i)
        gaps.append(attempts.at(i) - attempts.at(i - 1));
    qInfo() << "gaps between connection attempts (ms):" << gaps;
    const QList<qint64> expected{250, 500, 1000};
    for (int i = 0; i < expected.size(); ++i) {
        // A coarse QTimer may fire 5 % early; late by the load of the machine.
        QVERIFY2(gaps.at(i) >= expected.at(i) * 95 / 100 - 5 && gaps.at(i) <= expected.at(i) + 400,
                 qPrintable(QStringLiteral("gap %1: %2 ms").arg(i).arg(gaps.at(i))));
    }

    // The messages say the same: "... trying again in 0.25 s." and so on.
    static const QRegularExpression again(QStringLiteral("trying again in ([0-9.]+) s"));
    QList<double> announced;
    for (const QString &m : std::as_const(rec.messages)) {
        const auto match = again.match(m);
        if (match.hasMatch())
            announced.append(match.captured(1).toDouble());
    }
    QVERIFY2(announced.size() >= 4, qPrintable(rec.messages.join(QLatin1Char('\n'))));
    QCOMPARE(announced.mid(0, 4), (QList<double>{0.25, 0.5, 1.0, 2.0}));
    QVERIFY(rec.messages.first().contains(QStringLiteral("Could not connect")));
    // Doubling from 250 ms reaches 4 s, then the cap: 5 s, never more.
    int backoff = DevicePoller::kFirstBackoffMs;
    QList<int> sequence;
    for (int i = 0; i < 8; ++i) {
        sequence.append(backoff);
        backoff = std::min(backoff * 2, DevicePoller::kMaxBackoffMs);
    }
    QCOMPARE(sequence, (QList<int>{250, 500, 1000, 2000, 4000, 5000, 5000, 5000}));
    QCOMPARE(p->stats().reconnects, quint64(0));
    for (const Reading &r : p->readings())
        QCOMPARE(r.quality, Quality::Unknown); // never read: nothing to call stale
}

// ---------------------------------------------------------------------------------------------------- f

void TestDevicePoller::silentDeviceNeverBlocks()
{
    // Accepts the connection and never answers a byte.
    QTcpServer silent;
    QVERIFY(silent.listen(kLocal, 0));
    QList<QTcpSocket *> accepted;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            accepted.append(s);
    });

    TickWatch ticks;
    auto p = poller(silent.serverPort(), kModel, 100, 0);
    Recorder rec(p.get());
    quint64 timeoutsWhenLost = 0;
    connect(p.get(), &DevicePoller::stateChanged, this, [&](State s) {
        if (s == State::Waiting && !timeoutsWhenLost)
            timeoutsWhenLost = p->stats().timeouts;
    });
    QElapsedTimer clock;
    clock.start();
    p->start();
    QVERIFY(spin([&] { return p->state() == State::Connected; }, 3000));
    QVERIFY(spin([&] { return rec.saw(State::Waiting); }, 3000));
    const qint64 lostAfter = clock.elapsed();
    QCOMPARE(timeoutsWhenLost, quint64(2));
    QVERIFY2(p->lastMessage().contains(QStringLiteral("stopped answering")), qPrintable(p->lastMessage()));
    // It reconnects by itself: a second connection arrives.
    QVERIFY(spin([&] { return accepted.size() >= 2; }, 3000));
    QVERIFY(spin([&] { return p->stats().timeouts >= 4; }, 3000));
    for (const Reading &r : p->readings())
        QVERIFY2(r.quality == Quality::Unknown || r.quality == Quality::Stale, qPrintable(r.def->id));
    qInfo() << "silent device: lost after" << lostAfter << "ms; longest event-loop gap" << ticks.maxGap()
            << "ms over" << ticks.ticks() << "ticks";
    QVERIFY2(ticks.maxGap() < 200, qPrintable(QString::number(ticks.maxGap())));
    QVERIFY(ticks.ticks() >= 10);
    p.reset();
    qDeleteAll(accepted);
}

void TestDevicePoller::answersTooLateTurnStaleAndRecover()
{
    auto sim = simulator();
    QVERIFY(sim);
    // Answers are delayed beyond the 100 ms timeout from 0.6 s to 1.5 s after the proxy starts.
    const auto fault = FaultSpec::parse(QStringLiteral("delay:400@600+900"));
    QVERIFY(fault);
    FaultProxy proxy(kLocal, sim->port(), {*fault});
    TickWatch ticks;
    QVERIFY(proxy.listen(kLocal, 0));
    auto p = poller(proxy.port(), kModel, 100, 0);
    Recorder rec(p.get());
    Quality qualityWhenLost = Quality::Unknown;
    quint64 timeoutsWhenLost = 0;
    connect(p.get(), &DevicePoller::stateChanged, this, [&](State s) {
        if (s == State::Waiting && !timeoutsWhenLost) {
            timeoutsWhenLost = p->stats().timeouts;
            qualityWhenLost = p->reading(QStringLiteral("temp_process"))->quality;
        }
    });
    p->start();
    QVERIFY(spin([&] { return p->reading(QStringLiteral("temp_process"))->quality == Quality::Good; }, 550));
    QVERIFY2(proxy.elapsed() < 600, "the poller must be reading before the fault begins");

    QVERIFY(spin([&] { return rec.saw(State::Waiting); }, 3000));
    QCOMPARE(timeoutsWhenLost, quint64(2));
    QCOMPARE(qualityWhenLost, Quality::Stale);
    QVERIFY(spin([&] { return proxy.elapsed() >= 1500; }, 3000));
    const qint64 t0 = now();
    QVERIFY(spin([&] { return p->state() == State::Connected; }, 5000));
    const auto fast = polledUnasked(*p, PollClass::Fast);
    QVERIFY2(spin([&] { return notFresh(*p, t0, fast).isEmpty(); }, 5000),
             qPrintable(notFresh(*p, t0, fast)));
    QVERIFY(p->stats().reconnects >= 1);
    qInfo() << "late answers: longest event-loop gap" << ticks.maxGap() << "ms; reconnects"
            << p->stats().reconnects;
    QVERIFY2(ticks.maxGap() < 200, qPrintable(QString::number(ticks.maxGap())));
}

// ---------------------------------------------------------------------------------------------------- g

void TestDevicePoller::stopWithRequestsInFlight()
{
    auto sim = simulator();
    QVERIFY(sim);
    const auto fault = FaultSpec::parse(QStringLiteral("delay:150"));
    QVERIFY(fault);
    FaultProxy proxy(kLocal, sim->port(), {*fault});
    QVERIFY(proxy.listen(kLocal, 0));

    auto p = poller(proxy.port(), kModel, 3000, 0);
    p->setInterval(PollClass::Fast, 3600 * 1000);
    p->setMaxInFlight(4);
    QSignalSpy cycles(p.get(), &DevicePoller::cycleCompleted);
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 1, 5000); // learned the splits; nothing in flight now

    // A write goes out alone and is in flight for 150 ms; reads follow.
    int writeCallbacks = 0;
    QList<WriteOutcome> outcomes;
    QString error;
    const auto item = RegisterIo::prepare(*reg(QStringLiteral("emissivity")), 0.9, &error);
    QVERIFY2(item, qPrintable(error));
    p->write({*item}, [&](const QList<WriteOutcome> &o) {
        ++writeCallbacks;
        outcomes = o;
    });
    p->requestRead(p->registers());
    QTRY_VERIFY_WITH_TIMEOUT(p->stats().requests > p->stats().responses, 2000);
    QCOMPARE(writeCallbacks, 0);

    p->stop();
    QCOMPARE(p->state(), State::Stopped);
    const PollStats atStop = p->stats();
    const QList<Reading> readingsAtStop = p->readings();
    QVERIFY(atStop.responses <= atStop.requests);
    // The link closes through the event loop; the outstanding write reports once, with an error.
    QTRY_COMPARE_WITH_TIMEOUT(writeCallbacks, 1, 3000);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().verified);
    QVERIFY2(!outcomes.first().error.isEmpty(), "a write cut short says why");
    QTRY_COMPARE_WITH_TIMEOUT(proxy.connectionCount(), 0, 3000);

    // Answers that were on their way change nothing: no counter, no reading.
    QCOMPARE(p->stats().requests, atStop.requests);
    QCOMPARE(p->stats().responses, atStop.responses);
    for (int i = 0; i < readingsAtStop.size(); ++i)
        QCOMPARE(p->readings().at(i).timestampMs, readingsAtStop.at(i).timestampMs);

    // Destroyed with nothing pending any more, then the event loop runs on.
    p.reset();
    for (int i = 0; i < 3; ++i) { // deferred deletes and queued calls of the link: none may call back again
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
    }
    QCOMPARE(writeCallbacks, 1);
}

void TestDevicePoller::writeQueuedWhenPollingEnds_data()
{
    QTest::addColumn<bool>("deviceLost");
    QTest::newRow("stop") << false;
    QTest::newRow("device lost") << true;
}

void TestDevicePoller::writeQueuedWhenPollingEnds()
{
    QFETCH(bool, deviceLost);
    auto sim = simulator();
    QVERIFY(sim);
    const auto fault = FaultSpec::parse(QStringLiteral("delay:300"));
    QVERIFY(fault);
    FaultProxy proxy(kLocal, sim->port(), {*fault});
    QVERIFY(proxy.listen(kLocal, 0));

    auto p = poller(proxy.port(), kModel, 3000, 0);
    p->setInterval(PollClass::Fast, 3600 * 1000);
    p->start();
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Connected, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(p->stats().requests > p->stats().responses, 2000); // the first read is in flight

    // The write waits for the read ahead of it; then polling ends: stopped, or the device goes away.
    int writeCallbacks = 0;
    QList<WriteOutcome> outcomes;
    QString error;
    const auto item = RegisterIo::prepare(*reg(QStringLiteral("emissivity")), 0.9, &error);
    QVERIFY2(item, qPrintable(error));
    p->write({*item}, [&](const QList<WriteOutcome> &o) {
        ++writeCallbacks;
        outcomes = o;
    });
    if (deviceLost) {
        sim->close(); // the proxy drops the poller's connection with it
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Waiting, 3000);
    } else {
        p->stop();
    }
    QTRY_COMPARE_WITH_TIMEOUT(proxy.connectionCount(), 0, 3000);
    if (!deviceLost)
        p.reset();
    (void)QTest::qWaitFor([&] { return writeCallbacks > 0; }, 500);
    QVERIFY(writeCallbacks <= 1); // never twice
    QCOMPARE(writeCallbacks, 1);
    if (!outcomes.isEmpty())
        QVERIFY(!outcomes.first().written);
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95); // not written
}

void TestDevicePoller::stopThenStartAgain()
{
    auto sim = simulator();
    QVERIFY(sim);
    const auto fault = FaultSpec::parse(QStringLiteral("delay:60"));
    QVERIFY(fault);
    FaultProxy proxy(kLocal, sim->port(), {*fault});
    QVERIFY(proxy.listen(kLocal, 0));

    auto p = poller(proxy.port(), kModel, 3000, 0);
    p->setMaxInFlight(4);
    p->setCycleRegisters(p->registers());
    QSignalSpy cycles(p.get(), &DevicePoller::cycleCompleted);
    Recorder rec(p.get());
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(p->stats().requests > p->stats().responses + 1, 3000); // several in flight

    p->stop();
    p->start(); // at once, as a user clicking Stop and Start does
    const qint64 t0 = now();
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 3, 8000);
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Connected, 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(notFresh(*p, t0).isEmpty(), qPrintable(notFresh(*p, t0)), 5000);
    // Each answer counted once: never more responses than requests.
    QVERIFY(p->stats().responses <= p->stats().requests);
    QCOMPARE(p->stats().reconnects, quint64(0));
    qInfo().noquote() << "stop + start: messages" << rec.messages;
}

// ---------------------------------------------------------------------------------------------------- h

void TestDevicePoller::faultsRecoverByThemselves_data()
{
    QTest::addColumn<QString>("fault");
    // Each for 0.6 s from the moment the proxy listens; the poller times out after 150 ms.
    QTest::newRow("exception") << QStringLiteral("exception:6@600");
    QTest::newRow("drop") << QStringLiteral("drop:1@600");
    QTest::newRow("refuse") << QStringLiteral("refuse:600@600");
    QTest::newRow("garbage") << QStringLiteral("garbage@600");
    QTest::newRow("truncate") << QStringLiteral("truncate@600");
    QTest::newRow("wrong-tid") << QStringLiteral("wrong-tid@600");
    QTest::newRow("delay") << QStringLiteral("delay:400@600");
}

void TestDevicePoller::faultsRecoverByThemselves()
{
    QFETCH(QString, fault);
    QString error;
    const auto spec = FaultSpec::parse(fault, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY(spec->isLimited());

    auto sim = simulator();
    QVERIFY(sim);
    FaultProxy proxy(kLocal, sim->port(), {*spec});
    QSignalSpy injected(&proxy, &FaultProxy::injected);
    QVERIFY(proxy.listen(kLocal, 0));
    auto p = poller(proxy.port(), kModel, 150, 0);
    Recorder rec(p.get());
    bool sawExceptionCode = false;
    connect(p.get(), &DevicePoller::valuesChanged, this, [&] {
        const Reading *r = p->reading(QStringLiteral("temp_process"));
        if (r->quality == Quality::Error && r->exceptionCode == spec->value)
            sawExceptionCode = true;
    });
    p->start();

    QTRY_VERIFY_WITH_TIMEOUT(proxy.elapsed() >= spec->untilMs, 3000);
    QVERIFY2(injected.count() > 0, "the fault acted");
    if (spec->kind == FaultSpec::Kind::Exception) {
        QTRY_VERIFY_WITH_TIMEOUT(sawExceptionCode, 1000);
        QVERIFY(p->stats().exceptionsByCode.value(6) > 0);
    }
    const qint64 over = now();
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), State::Connected, 6000);
    QTRY_VERIFY2_WITH_TIMEOUT(notFresh(*p, over, polledUnasked(*p, PollClass::Fast)).isEmpty(),
                              qPrintable(notFresh(*p, over, polledUnasked(*p, PollClass::Fast))), 6000);
    const QList<const RegisterDef *> once = polledUnasked(*p, PollClass::Once);
    const QString onceBad = notFresh(*p, 0, once);
    const QStringList explained = rec.explanations();
    qInfo().noquote() << fault << ": recovered" << now() - over << "ms after the fault; reconnects"
                      << p->stats().reconnects << "timeouts" << p->stats().timeouts << "; messages:"
                      << (explained.isEmpty() ? QStringLiteral("(none)")
                                              : explained.join(QStringLiteral(" | ")));
    QVERIFY2(onceBad.isEmpty(), qPrintable(onceBad));

    QVERIFY2(!explained.isEmpty(), "a message explains the fault");
    bool oneSentenceEach = true, reconnecting = false;
    for (const QString &m : explained) {
        oneSentenceEach = oneSentenceEach && sentenceCount(m) == 1;
        reconnecting = reconnecting || m.contains(QStringLiteral("trying again"));
    }
    if (reconnecting)
    QVERIFY2(oneSentenceEach, qPrintable(explained.join(QLatin1Char('\n'))));
    QCOMPARE(p->state(), State::Connected);
}

// ---------------------------------------------------------------------------------------------------- i

void TestDevicePoller::writeIsAloneOnTheWire_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("one in flight") << 1;
    QTest::newRow("pipelined") << 4;
}

void TestDevicePoller::writeIsAloneOnTheWire()
{
    QFETCH(int, maxInFlight);
    auto sim = simulator();
    QVERIFY(sim);
    // Every answer 20 ms late, so that the test can act while the write is on the wire.
    const auto slow = FaultSpec::parse(QStringLiteral("delay:20"));
    QVERIFY(slow);
    FaultProxy late(kLocal, sim->port(), {*slow});
    QVERIFY(late.listen(kLocal, 0));
    SpyProxy spy(late.port());
    QVERIFY(spy.listen());
    auto p = poller(spy.port());
    p->setMaxInFlight(maxInFlight);
    p->setCycleRegisters(p->registers()); // many blocks per cycle
    p->setInterval(PollClass::Fast, 0);   // and cycle after cycle: the write has to find its moment
    QSignalSpy cycles(p.get(), &DevicePoller::cycleCompleted);
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 2, 8000);
    const int row = p->rowOf(reg(QStringLiteral("emissivity")));
    QVERIFY(row >= 0);
    QCOMPARE(p->reading(row).value, 0.95);

    QString error;
    const auto item = RegisterIo::prepare(*reg(QStringLiteral("emissivity")), 0.85, &error);
    QVERIFY2(item, qPrintable(error));
    QList<WriteOutcome> outcomes;
    int callbacks = 0;
    QSignalSpy changed(p.get(), &DevicePoller::valuesChanged);
    p->write({*item}, [&](const QList<WriteOutcome> &o) {
        ++callbacks;
        outcomes = o;
    });
    // While the write is under way, a form asks for two more registers.
    QVERIFY2(spin([&] { return spy.writing() || callbacks > 0; }, 5000), "the write went out");
    QVERIFY2(callbacks == 0, "the write is still under way");
    p->requestRead({reg(QStringLiteral("temp_head")), reg(QStringLiteral("laser"))});
    QTRY_COMPARE_WITH_TIMEOUT(callbacks, 1, 5000);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().written && outcomes.first().verified, qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().readBack, QList<quint16>{850});
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.85);
    QCOMPARE(p->reading(row).value, 0.85);
    QCOMPARE(p->reading(row).quality, Quality::Good);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changed.cbegin(), changed.cend(),
                                         [row](const QList<QVariant> &args) {
                                             return args.at(0).value<QList<int>>().contains(row);
                                         }),
                             2000);

    QCOMPARE(spy.writes, 1);
    qInfo() << "maxInFlight" << maxInFlight << ": most requests in flight" << spy.maxOutstanding
            << "; others in flight when the write went out" << spy.othersAtWrite
            << "; sent while the write and its read-back were under way" << spy.sentDuringWrite;
    QCOMPARE(spy.othersAtWrite, 0);
    QCOMPARE(spy.sentDuringWrite, 0);
    if (maxInFlight == 1) // with the reads above on the wire too, which comes first after the write is chance
        QCOMPARE(spy.readBackNotNext, 0);
}

// ---------------------------------------------------------------------------------------------------- j

void TestDevicePoller::pipelinedReadsAreCorrect()
{
    auto sim = simulator();
    QVERIFY(sim);
    SpyProxy spy(sim->port());
    QVERIFY(spy.listen());
    auto p = poller(spy.port());
    p->setMaxInFlight(4);
    p->setCycleRegisters(p->registers());
    QSignalSpy cycles(p.get(), &DevicePoller::cycleCompleted);
    const qint64 t0 = now();
    p->start();
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 4, 5000);

    QVERIFY2(notFresh(*p, t0).isEmpty(), qPrintable(notFresh(*p, t0)));
    QVERIFY2(spy.maxOutstanding > 1 && spy.maxOutstanding <= 4,
             qPrintable(QString::number(spy.maxOutstanding)));
    QCOMPARE(p->stats().timeouts, quint64(0));
    QCOMPARE(p->stats().otherErrors, quint64(0));
    // Every holding register holds still: each reading has exactly the simulator's words. Answers matched to
    // the wrong request would show here.
    int compared = 0;
    for (const Reading &r : p->readings()) {
        if (r.def->table != Table::Holding)
            continue;
        QCOMPARE(r.raw, sim->words(*r.def));
        ++compared;
    }
    QVERIFY(compared > 50);
    QCOMPARE(p->reading(QStringLiteral("serial_number"))->value,
             *sim->value(QStringLiteral("serial_number")));
    const double t = p->reading(QStringLiteral("temp_process"))->value;
    QVERIFY2(std::fabs(t - *sim->value(QStringLiteral("temp_process"))) < 5.0,
             qPrintable(QString::number(t)));
    qInfo() << "pipelined: most requests in flight" << spy.maxOutstanding << "; requests per cycle"
            << p->stats().requestsLastCycle;
}

QTEST_GUILESS_MAIN(TestDevicePoller)
#include "tst_devicepoller.moc"
