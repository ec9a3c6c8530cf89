#pragma once

#include "ConnectionSettings.h"
#include "TrafficEntry.h"
#include "profile/RegisterDef.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QModbusDevice>
#include <QObject>
#include <QPointer>

#include <functional>

class QModbusClient;
class QModbusReply;
class QTimer;

namespace pyrolink {

/// Outcome of one Modbus request.
struct IoResult
{
    bool ok = false;
    QList<quint16> values; ///< registers read (bits as 0/1 for coils and discrete inputs)
    int exceptionCode = 0; ///< Modbus exception, 0 if none
    bool timeout = false;
    QString error; ///< one sentence, empty when ok
};

/// One connection to one Modbus device over TCP or RTU, on QModbusTcpClient / QModbusRtuSerialClient.
/// Asynchronous: open() and every request return at once and report through signals and callbacks.
class ModbusLink : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const IoResult &)>;

    explicit ModbusLink(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~ModbusLink() override;

    const ConnectionSettings &settings() const { return m_settings; }
    /// Starts connecting; emits opened() or failed(). Gives up after the connect timeout.
    void open();
    /// Disconnects. Outstanding callbacks are called with an error, each exactly once.
    void close();
    bool isOpen() const;
    QModbusClient *client() const { return m_client; }

    /// Reads `count` registers (or bits). `unit` -1 means the settings' unit id; several devices on one RTU
    /// line share one link and name their own.
    void read(Table table, quint16 address, quint16 count, Callback done, int unit = -1);
    void write(Table table, quint16 address, const QList<quint16> &values, Callback done, int unit = -1);

    /// Beyond Qt's own timeout and retries, how long a reply may stay open before the link gives up on it.
    static constexpr int kWatchdogSlackMs = 500;

    /// Emit traffic() for every request and answer (costs a little per request: off unless someone looks).
    void setTrafficLogging(bool on) { m_traffic = on; }
    bool trafficLogging() const { return m_traffic; }

    int connectTimeoutMs() const { return m_connectTimeoutMs; }
    void setConnectTimeoutMs(int ms) { m_connectTimeoutMs = ms; }

signals:
    void opened();
    void failed(const QString &error);
    void closed();
    void traffic(const pyrolink::TrafficEntry &entry);

private:
    void send(QModbusReply *reply, Callback done, const QString &what, int unit);
    void logRequest(int unit, const QByteArray &pdu, const QString &meaning);
    void onStateChanged(QModbusDevice::State state);
    void checkOutstanding();

    struct Outstanding
    {
        qint64 deadline = 0;
        std::function<void(const IoResult &)> answer;
    };

    ConnectionSettings m_settings;
    QModbusClient *m_client = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_watchdog = nullptr;
    QElapsedTimer m_clock;
    QHash<quint64, Outstanding> m_outstanding; ///< replies not yet answered, by request id
    quint64 m_nextRequestId = 0;
    bool m_traffic = false;
    int m_connectTimeoutMs = 3000;
    bool m_opening = false;
    bool m_closing = false; ///< close() asked, the client not yet unconnected: not open any more
    bool m_reopen = false;  ///< open() came during a close: open when it is through
    QString m_lastError;    ///< the client's last error text, kept for the failed() sentence
};

/// Qt's error text without its final full stop, or `fallback` when empty.
QString sentenceBody(QString text, const QString &fallback);
/// "The device answered Illegal data address (Modbus exception 2)." and similar for an error of a reply.
QString describeReplyError(QModbusDevice::Error error, int exceptionCode, const QString &qtText);

} // namespace pyrolink
