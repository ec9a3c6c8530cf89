#pragma once

#include "FaultSpec.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>

#include <memory>

class QTcpServer;
class QTimer;

namespace pyrolink {

/// A Modbus TCP proxy that makes a well-behaved server (a DeviceSimulator on a loopback port) misbehave.
/// It listens on the public address, opens one upstream connection per client, splits both byte streams
/// into MBAP frames by their length field and applies the faults (FaultSpec, docs/faults.md) frame by
/// frame: answers delayed, replaced by exceptions, garbage, cut short or given a wrong transaction id,
/// connections dropped or refused, requests left unanswered. Everything runs on the event loop.
///
/// Times count from listen(). Counters of "every Nth" faults count the requests (exception) or answers
/// (the others) seen while the fault is active, over all connections; drop counts answers per connection.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    /// Forwards to the Modbus TCP server at upstreamAddress:upstreamPort.
    FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort, const QList<FaultSpec> &faults,
               QObject *parent = nullptr);
    ~FaultProxy() override;

    /// Starts listening on address:port (port 0 picks a free one). Returns false and sets *error if it
    /// cannot. A refuse fault active at start closes the port again at once, after this check.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    /// Stops listening and closes every connection.
    void close();
    /// True from a successful listen() to close(), refusing periods included.
    bool isListening() const { return m_started; }
    /// True while a refuse fault keeps the port closed.
    bool isRefusing() const;
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QList<FaultSpec> faults() const { return m_faults; }
    /// Milliseconds since listen(): the clock of the faults' time windows.
    qint64 elapsed() const;
    /// Client connections open now.
    int connectionCount() const;

signals:
    /// A fault acted on a request, an answer or a connection (for tests and logs).
    void injected(pyrolink::FaultSpec::Kind kind);

private:
    class Link;

    void acceptConnections();
    void onRequest(Link *link, QByteArray frame);
    void onAnswer(Link *link, QByteArray frame);
    void flush(Link *link);
    void closeLink(Link *link);
    /// Closes the port until `ms` from now (not past the refuse fault's window).
    void refuseFor(const FaultSpec &fault);
    void reopen();
    /// True if `fault` is active now and its counter (counted here) comes to a multiple of its EVERY.
    bool hits(int index);
    void scheduleWindowLogs();

    QHostAddress m_upstreamAddress;
    quint16 m_upstreamPort;
    QList<FaultSpec> m_faults;
    QList<qint64> m_counters; // per fault, for EVERY
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_started = false;
    int m_generation = 0; // one per listen(): timers of an earlier one do nothing
    QElapsedTimer m_clock;
    qint64 m_refuseUntil = -1;
    QTcpServer *m_server = nullptr;
    QTimer *m_reopenTimer = nullptr;
    QList<Link *> m_links;
    QRandomGenerator m_random;
};

} // namespace pyrolink
