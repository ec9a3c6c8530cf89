#include "FaultProxy.h"

#include "DeviceSimulator.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>

namespace pyrolink {

namespace {

constexpr int kMbapSize = 7; // transaction id, protocol id, length, unit id
constexpr int kLengthOffset = 4;

/// Takes every complete MBAP frame off the front of `buffer`; a partial frame stays for the next read.
QList<QByteArray> takeFrames(QByteArray &buffer)
{
    QList<QByteArray> frames;
    while (buffer.size() >= kLengthOffset + 2) {
        // The length field counts the unit id and the PDU: everything after itself.
        const int length = (quint8(buffer.at(kLengthOffset)) << 8) | quint8(buffer.at(kLengthOffset + 1));
        const int total = kLengthOffset + 2 + length;
        if (buffer.size() < total)
            break;
        frames.append(buffer.left(total));
        buffer.remove(0, total);
    }
    return frames;
}

/// The exception answer to `request`: its MBAP header with length 3, function code | 0x80, the code.
QByteArray exceptionFrame(const QByteArray &request, int code)
{
    QByteArray frame = request.left(kMbapSize);
    frame[kLengthOffset] = 0;
    frame[kLengthOffset + 1] = 3;
    frame.append(char(quint8(request.at(kMbapSize)) | 0x80));
    frame.append(char(code));
    return frame;
}

} // namespace

/// One client connection and its upstream connection to the server.
class FaultProxy::Link : public QObject
{
public:
    struct Outgoing
    {
        qint64 due; // on the proxy's clock
        QByteArray bytes;
        bool closeAfter;
    };

    using QObject::QObject;

    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QTimer *timer = nullptr;
    QByteArray fromClient;
    QByteArray fromUpstream;
    QList<QByteArray> waitingForUpstream; // requests that came before the upstream connection
    std::deque<Outgoing> out;             // answers in order, each sent when due
    qint64 lastDue = 0;
    qint64 answered = 0;
    bool mute = false;    // after a truncated answer: nothing more on this connection
    bool closing = false; // dropped: the last answer is on its way
    bool closed = false;
};

FaultProxy::FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort,
                       const QList<FaultSpec> &faults, QObject *parent)
    : QObject(parent), m_upstreamAddress(upstreamAddress), m_upstreamPort(upstreamPort), m_faults(faults),
      m_server(new QTcpServer(this)), m_reopenTimer(new QTimer(this)),
      m_random(QRandomGenerator::global()->generate())
{
    m_counters.fill(0, m_faults.size());
    m_reopenTimer->setSingleShot(true);
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::acceptConnections);
    connect(m_reopenTimer, &QTimer::timeout, this, &FaultProxy::reopen);
}

FaultProxy::~FaultProxy()
{
    close();
}

bool FaultProxy::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    if (!m_server->listen(address, port)) {
        qCWarning(lcSim) << "fault proxy cannot listen on" << address.toString() << port << ":"
                         << m_server->errorString();
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_address = address;
    m_port = m_server->serverPort();
    m_started = true;
    ++m_generation;
    m_clock.start();
    m_refuseUntil = -1;
    m_counters.fill(0, m_faults.size());
    qCDebug(lcSim).noquote() << "fault proxy on"
                             << m_address.toString() + QLatin1Char(':') + QString::number(m_port) << "to port"
                             << m_upstreamPort;

    for (const FaultSpec &f : std::as_const(m_faults)) {
        if (f.kind != FaultSpec::Kind::Refuse)
            continue;
        if (f.fromMs == 0)
            refuseFor(f);
        else
            QTimer::singleShot(int(f.fromMs), this, [this, f, generation = m_generation] {
                if (m_started && generation == m_generation && f.isActiveAt(elapsed()))
                    refuseFor(f);
            });
    }
    scheduleWindowLogs();
    return true;
}

void FaultProxy::scheduleWindowLogs()
{
    // Users of `simulate --fault` see when a fault begins and ends; the per-frame detail is debug.
    for (const FaultSpec &f : std::as_const(m_faults)) {
        if (!f.isLimited())
            continue;
        const QString name = f.toString();
        if (f.fromMs > 0)
            QTimer::singleShot(int(f.fromMs), this, [this, name, generation = m_generation] {
                if (m_started && generation == m_generation)
                    qCInfo(lcSim).noquote() << "port" << m_port << ": fault" << name << "begins";
            });
        QTimer::singleShot(int(f.untilMs), this, [this, name, generation = m_generation] {
            if (m_started && generation == m_generation)
                qCInfo(lcSim).noquote() << "port" << m_port << ": fault" << name << "is over";
        });
    }
}

void FaultProxy::close()
{
    m_started = false;
    m_reopenTimer->stop();
    m_server->close();
    const QList<Link *> links = m_links;
    for (Link *link : links)
        closeLink(link);
}

bool FaultProxy::isRefusing() const
{
    return m_started && !m_server->isListening();
}

qint64 FaultProxy::elapsed() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

int FaultProxy::connectionCount() const
{
    return int(m_links.size());
}

bool FaultProxy::hits(int index)
{
    const FaultSpec &f = m_faults.at(index);
    if (!f.isActiveAt(elapsed()))
        return false;
    return ++m_counters[index] % f.every == 0;
}

void FaultProxy::acceptConnections()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *link = new Link(this);
        link->client = client;
        client->setParent(link);
        link->upstream = new QTcpSocket(link);
        link->timer = new QTimer(link);
        link->timer->setSingleShot(true);
        link->timer->setTimerType(Qt::PreciseTimer);
        m_links.append(link);

        connect(client, &QTcpSocket::readyRead, link, [this, link] {
            link->fromClient += link->client->readAll();
            const QList<QByteArray> frames = takeFrames(link->fromClient);
            for (const QByteArray &frame : frames) {
                if (link->closed)
                    return;
                onRequest(link, frame);
            }
        });
        connect(client, &QTcpSocket::disconnected, link, [this, link] { closeLink(link); });
        connect(link->upstream, &QTcpSocket::connected, link, [link] {
            for (const QByteArray &frame : std::as_const(link->waitingForUpstream))
                link->upstream->write(frame);
            link->waitingForUpstream.clear();
        });
        connect(link->upstream, &QTcpSocket::readyRead, link, [this, link] {
            link->fromUpstream += link->upstream->readAll();
            const QList<QByteArray> frames = takeFrames(link->fromUpstream);
            for (const QByteArray &frame : frames) {
                if (link->closed)
                    return;
                onAnswer(link, frame);
            }
        });
        // The server went away (or never answered the connect): so does this client's connection.
        connect(link->upstream, &QTcpSocket::disconnected, link, [this, link] { closeLink(link); });
        connect(link->upstream, &QTcpSocket::errorOccurred, link, [this, link] {
            if (link->upstream->state() == QAbstractSocket::UnconnectedState)
                closeLink(link);
        });
        connect(link->timer, &QTimer::timeout, link, [this, link] { flush(link); });

        qCDebug(lcSim) << "fault proxy: client" << client->peerAddress().toString() << client->peerPort();
        link->upstream->connectToHost(m_upstreamAddress, m_upstreamPort);
    }
}

void FaultProxy::onRequest(Link *link, QByteArray frame)
{
    if (link->mute || link->closing)
        return;
    for (int i = 0; i < m_faults.size(); ++i) {
        const FaultSpec &f = m_faults.at(i);
        if (f.kind == FaultSpec::Kind::Outage && f.isActiveAt(elapsed())) {
            qCDebug(lcSim) << "fault proxy: outage, request left unanswered";
            emit injected(f.kind);
            return;
        }
    }
    if (frame.size() > kMbapSize) { // a frame without a function code has no exception to answer
        for (int i = 0; i < m_faults.size(); ++i) {
            const FaultSpec &f = m_faults.at(i);
            if (f.kind == FaultSpec::Kind::Exception && hits(i)) {
                qCDebug(lcSim) << "fault proxy: answering exception" << f.value;
                emit injected(f.kind);
                onAnswer(link, exceptionFrame(frame, f.value));
                return;
            }
        }
    }
    if (link->upstream->state() == QAbstractSocket::ConnectedState)
        link->upstream->write(frame);
    else
        link->waitingForUpstream.append(frame);
}

void FaultProxy::onAnswer(Link *link, QByteArray frame)
{
    if (link->mute || link->closing)
        return;
    bool truncate = false;
    bool garbage = false;
    qint64 delay = 0;
    bool drop = false;
    ++link->answered;
    for (int i = 0; i < m_faults.size(); ++i) {
        const FaultSpec &f = m_faults.at(i);
        switch (f.kind) {
        case FaultSpec::Kind::WrongTid:
            if (hits(i)) {
                frame[0] = char(quint8(frame.at(0)) ^ 0x80); // far from any id in use
                emit injected(f.kind);
            }
            break;
        case FaultSpec::Kind::Truncate:
            truncate = truncate || hits(i);
            break;
        case FaultSpec::Kind::Garbage:
            garbage = garbage || hits(i);
            break;
        case FaultSpec::Kind::Delay:
            if (f.isActiveAt(elapsed()))
                delay = std::max<qint64>(delay, f.value);
            break;
        case FaultSpec::Kind::Drop:
            drop = drop || (f.isActiveAt(elapsed()) && link->answered % f.value == 0);
            break;
        case FaultSpec::Kind::Exception:
        case FaultSpec::Kind::Refuse:
        case FaultSpec::Kind::Outage:
            break;
        }
    }
    if (truncate) {
        // Header, function code and about half the rest: the length field promises more than comes.
        const int pdu = int(frame.size()) - kMbapSize;
        frame.truncate(std::min<int>(int(frame.size()) - 1, kMbapSize + std::max(1, pdu / 2)));
        link->mute = true;
        emit injected(FaultSpec::Kind::Truncate);
    }
    if (garbage) {
        for (char &c : frame)
            c = char(m_random.bounded(256));
        emit injected(FaultSpec::Kind::Garbage);
    }
    if (delay > 0)
        emit injected(FaultSpec::Kind::Delay);
    if (drop) {
        link->closing = true;
        emit injected(FaultSpec::Kind::Drop);
    }
    // Answers leave in order: one delayed answer holds back the ones after it.
    link->lastDue = std::max(link->lastDue, elapsed() + delay);
    link->out.push_back({link->lastDue, frame, drop});
    flush(link);
}

void FaultProxy::flush(Link *link)
{
    const qint64 now = elapsed();
    while (!link->out.empty() && link->out.front().due <= now) {
        const Link::Outgoing next = link->out.front();
        link->out.pop_front();
        link->client->write(next.bytes);
        if (next.closeAfter) {
            qCDebug(lcSim) << "fault proxy: dropping the connection after" << link->answered << "answers";
            link->out.clear();
            // Sends what is written, then closes; disconnected() then closes the link.
            link->client->disconnectFromHost();
            for (const FaultSpec &f : std::as_const(m_faults))
                if (f.kind == FaultSpec::Kind::Refuse && f.isActiveAt(now))
                    refuseFor(f);
            return;
        }
    }
    if (!link->out.empty())
        link->timer->start(int(link->out.front().due - now));
}

void FaultProxy::closeLink(Link *link)
{
    if (link->closed)
        return;
    link->closed = true;
    m_links.removeOne(link);
    link->timer->stop();
    // No more signals into this link: it is deleted later, its sockets with it.
    link->client->disconnect(link);
    link->upstream->disconnect(link);
    link->upstream->abort();
    link->client->abort();
    link->deleteLater();
}

void FaultProxy::refuseFor(const FaultSpec &fault)
{
    const qint64 now = elapsed();
    qint64 until = now + fault.value;
    if (fault.isLimited())
        until = std::min(until, fault.untilMs);
    if (until <= now)
        return;
    m_refuseUntil = std::max(m_refuseUntil, until);
    if (m_server->isListening()) {
        qCDebug(lcSim) << "fault proxy: refusing connections for" << m_refuseUntil - now << "ms";
        m_server->close();
        emit injected(FaultSpec::Kind::Refuse);
    }
    m_reopenTimer->start(int(m_refuseUntil - now));
}

void FaultProxy::reopen()
{
    if (!m_started || m_server->isListening())
        return;
    const qint64 now = elapsed();
    if (now < m_refuseUntil) {
        m_reopenTimer->start(int(m_refuseUntil - now));
        return;
    }
    if (!m_server->listen(m_address, m_port)) {
        // Another program took the port meanwhile: keep trying, as a rebooting device would come back.
        qCWarning(lcSim) << "fault proxy cannot listen on port" << m_port
                         << "again:" << m_server->errorString();
        m_reopenTimer->start(500);
        return;
    }
    qCDebug(lcSim) << "fault proxy: accepting connections again";
}

} // namespace pyrolink
