#include "ModbusLink.h"

#include "profile/Codec.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QModbusReply>
#include <QModbusRtuSerialClient>
#include <QModbusTcpClient>
#include <QSerialPort>
#include <QTcpSocket>
#include <QTimer>
#include <QVariant>

Q_LOGGING_CATEGORY(lcLink, "pyrolink.link", QtWarningMsg)

namespace pyrolink {

namespace {
QModbusDataUnit::RegisterType qtTable(Table t)
{
    switch (t) {
    case Table::Coil:
        return QModbusDataUnit::Coils;
    case Table::DiscreteInput:
        return QModbusDataUnit::DiscreteInputs;
    case Table::Input:
        return QModbusDataUnit::InputRegisters;
    case Table::Holding:
        break;
    }
    return QModbusDataUnit::HoldingRegisters;
}

QSerialPort::Parity qtParity(QChar p)
{
    if (p == QLatin1Char('E'))
        return QSerialPort::EvenParity;
    if (p == QLatin1Char('O'))
        return QSerialPort::OddParity;
    return QSerialPort::NoParity;
}
} // namespace

/// Qt's error text without its final full stop (or a fallback), to sit inside a sentence of our own.
/// A table's name in the traffic log, translated: "input", "holding", ...
QString tableTitle(Table t)
{
    switch (t) {
    case Table::Coil: return ModbusLink::tr("coil");
    case Table::DiscreteInput: return ModbusLink::tr("discrete input");
    case Table::Input: return ModbusLink::tr("input");
    case Table::Holding: break;
    }
    return ModbusLink::tr("holding");
}

QString sentenceBody(QString text, const QString &fallback)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text.isEmpty() ? fallback : text;
}

QString describeReplyError(QModbusDevice::Error error, int exceptionCode, const QString &qtTextIn)
{
    const QString qtText = sentenceBody(qtTextIn, QStringLiteral("no reason given"));
    switch (error) {
    case QModbusDevice::NoError:
        return {};
    case QModbusDevice::ProtocolError:
        return QStringLiteral("The device answered %1 (Modbus exception %2).")
            .arg(modbusExceptionName(exceptionCode))
            .arg(exceptionCode);
    case QModbusDevice::TimeoutError:
        return QStringLiteral("The device did not answer in time.");
    case QModbusDevice::ConnectionError:
        return QStringLiteral("The connection failed: %1.").arg(qtText);
    case QModbusDevice::ReplyAbortedError:
        return QStringLiteral("The request was aborted: %1.").arg(qtText);
    default:
        break;
    }
    return QStringLiteral("The request failed: %1.").arg(qtText);
}

ModbusLink::ModbusLink(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_connectTimer(new QTimer(this))
{
    if (settings.transport == ConnectionSettings::Transport::Rtu) {
        auto *rtu = new QModbusRtuSerialClient(this);
        rtu->setConnectionParameter(QModbusDevice::SerialPortNameParameter, settings.serialPort);
        rtu->setConnectionParameter(QModbusDevice::SerialBaudRateParameter, settings.baud);
        rtu->setConnectionParameter(QModbusDevice::SerialParityParameter, qtParity(settings.parity));
        rtu->setConnectionParameter(QModbusDevice::SerialDataBitsParameter, settings.dataBits);
        rtu->setConnectionParameter(QModbusDevice::SerialStopBitsParameter, settings.stopBits);
        m_client = rtu;
    } else {
        auto *tcp = new QModbusTcpClient(this);
        tcp->setConnectionParameter(QModbusDevice::NetworkAddressParameter, settings.host);
        tcp->setConnectionParameter(QModbusDevice::NetworkPortParameter, settings.port);
        m_client = tcp;
    }
    m_client->setTimeout(settings.timeoutMs);
    m_client->setNumberOfRetries(settings.retries);
    connect(m_client, &QModbusDevice::stateChanged, this, &ModbusLink::onStateChanged);
    connect(m_client, &QModbusDevice::errorOccurred, this, [this](QModbusDevice::Error e) {
        if (e != QModbusDevice::NoError)
            m_lastError = m_client->errorString();
    });
    m_connectTimer->setSingleShot(true);
    m_clock.start();
    m_watchdog = new QTimer(this);
    connect(m_watchdog, &QTimer::timeout, this, &ModbusLink::checkOutstanding);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        if (!m_opening)
            return;
        m_opening = false;
        m_client->disconnectDevice();
        emit failed(QStringLiteral("Could not connect to %1 within %2 ms.")
                        .arg(m_settings.describe())
                        .arg(m_connectTimeoutMs));
    });
}

ModbusLink::~ModbusLink()
{
    m_opening = false;
    if (m_client)
        m_client->disconnect(this);
}

bool ModbusLink::isOpen() const
{
    return !m_closing && m_client->state() == QModbusDevice::ConnectedState;
}

void ModbusLink::open()
{
    if (isOpen()) {
        emit opened();
        return;
    }
    if (m_closing) {
        m_reopen = true; // a close() is on its way: open again once it is through
        return;
    }
    if (m_opening || m_client->state() == QModbusDevice::ConnectingState)
        return; // already on its way: opened() or failed() will come once
    m_opening = true;
    m_lastError.clear();
    m_connectTimer->start(m_connectTimeoutMs);
    if (!m_client->connectDevice()) {
        m_opening = false;
        m_connectTimer->stop();
        emit failed(QStringLiteral("Could not open %1: %2.")
                        .arg(m_settings.describe(),
                             sentenceBody(m_client->errorString(), QStringLiteral("unknown error"))));
    }
}

void ModbusLink::close()
{
    m_reopen = false;
    if (m_client->state() != QModbusDevice::UnconnectedState)
        m_closing = true;
    m_opening = false;
    m_connectTimer->stop();
    // Queued: disconnecting inside a reply's finished() makes Qt emit finished() again for that reply.
    QMetaObject::invokeMethod(m_client, &QModbusDevice::disconnectDevice, Qt::QueuedConnection);
}

void ModbusLink::onStateChanged(QModbusDevice::State state)
{
    qCDebug(lcLink) << m_settings.describe() << "state" << state;
    if (state == QModbusDevice::ConnectedState) {
        // Qt's Modbus client leaves Nagle's algorithm on: a second request sent before the first is answered
        // then waits for a delayed ACK (40 ms on Linux). libmodbus turns it off too.
        if (auto *socket = m_client->findChild<QTcpSocket *>())
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    if (state == QModbusDevice::ConnectedState && m_opening) {
        m_opening = false;
        m_connectTimer->stop();
        emit opened();
    } else if (state == QModbusDevice::UnconnectedState) {
        if (m_closing) {
            m_closing = false;
            emit closed();
            if (std::exchange(m_reopen, false))
                open();
            return;
        }
        if (m_opening) {
            m_opening = false;
            m_connectTimer->stop();
            // Qt reports the socket's error after the state change: let it arrive, then explain.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    const QString why =
                        sentenceBody(m_lastError.isEmpty() ? m_client->errorString() : m_lastError,
                                     QStringLiteral("no answer"));
                    emit failed(
                        QStringLiteral("Could not connect to %1: %2.").arg(m_settings.describe(), why));
                },
                Qt::QueuedConnection);
        } else {
            emit closed();
        }
    }
}

void ModbusLink::read(Table table, quint16 address, quint16 count, Callback done, int unit)
{
    const QString what =
        QStringLiteral("%1 %2..%3").arg(tableName(table)).arg(address).arg(address + count - 1);
    if (!isOpen()) {
        done(
            IoResult{false, {}, 0, false, QStringLiteral("Not connected to %1.").arg(m_settings.describe())});
        return;
    }
    const int u = unit < 0 ? m_settings.unit : unit;
    if (m_traffic) {
        static const char codes[] = {0x01, 0x02, 0x04,
                                     0x03}; // by Table: coil, discrete input, input, holding
        QByteArray pdu;
        pdu.append(codes[int(table)]).append(char(address >> 8)).append(char(address & 0xFF));
        pdu.append(char(count >> 8)).append(char(count & 0xFF));
        logRequest(
            u, pdu,
            tr("Read %1 %2..%3").arg(tableTitle(table)).arg(address).arg(address + count - 1));
    }
    // Qt pads coil and discrete-input answers to whole bytes: keep exactly what was asked for.
    send(
        m_client->sendReadRequest(QModbusDataUnit(qtTable(table), address, count), u),
        [count, done = std::move(done)](const IoResult &r) {
            if (!r.ok || r.values.size() <= count)
                return done(r);
            IoResult trimmed = r;
            trimmed.values.resize(count);
            done(trimmed);
        },
        what, u);
}

void ModbusLink::write(Table table, quint16 address, const QList<quint16> &values, Callback done, int unit)
{
    const QString what = QStringLiteral("write %1 %2").arg(tableName(table)).arg(address);
    if (!isOpen()) {
        done(
            IoResult{false, {}, 0, false, QStringLiteral("Not connected to %1.").arg(m_settings.describe())});
        return;
    }
    const int u = unit < 0 ? m_settings.unit : unit;
    if (m_traffic) {
        const bool bits = table == Table::Coil;
        QByteArray pdu;
        if (values.size() == 1) { // Qt sends single writes as function 5 / 6
            const quint16 v = bits ? (values.first() ? 0xFF00 : 0x0000) : values.first();
            pdu.append(char(bits ? 0x05 : 0x06)).append(char(address >> 8)).append(char(address & 0xFF));
            pdu.append(char(v >> 8)).append(char(v & 0xFF));
        } else {
            pdu.append(char(bits ? 0x0F : 0x10)).append(char(address >> 8)).append(char(address & 0xFF));
            pdu.append(char(values.size() >> 8)).append(char(values.size() & 0xFF));
            for (quint16 v : values)
                pdu.append(char(v >> 8)).append(char(v & 0xFF));
        }
        QStringList shown;
        for (quint16 v : values)
            shown << QString::number(v);
        logRequest(u, pdu,
                   tr("Write %1 %2 = %3").arg(tableTitle(table))
                       .arg(address)
                       .arg(shown.join(QLatin1Char(' '))));
    }
    QModbusDataUnit data(qtTable(table), address, values);
    send(m_client->sendWriteRequest(data, u), std::move(done), what, u);
}

void ModbusLink::logRequest(int unit, const QByteArray &pdu, const QString &meaning)
{
    emit traffic(TrafficEntry{QDateTime::currentMSecsSinceEpoch(), true, unit, pdu, meaning, false});
}

void ModbusLink::send(QModbusReply *reply, Callback done, const QString &what, int unit)
{
    if (!reply) {
        done(IoResult{false,
                      {},
                      0,
                      false,
                      QStringLiteral("Could not send %1: %2.").arg(what, m_client->errorString())});
        return;
    }
    if (reply->isFinished()) { // broadcasts finish at once
        reply->deleteLater();
        done(IoResult{reply->error() == QModbusDevice::NoError, reply->result().values(), 0, false, {}});
        return;
    }
    // Exactly one answer per request: Qt may emit finished() twice for one reply when the connection closes,
    // and after a truncated frame it never finishes the reply at all, so a watchdog of our own ends it.
    auto pending = std::make_shared<Callback>(std::move(done));
    auto answer = [pending](const IoResult &r) {
        if (!*pending)
            return;
        const Callback cb = std::move(*pending);
        *pending = nullptr;
        cb(r);
    };
    const quint64 id = ++m_nextRequestId;
    connect(reply, &QModbusReply::finished, this, [this, id, reply, answer, unit]() {
        m_outstanding.remove(id);
        IoResult r;
        r.ok = reply->error() == QModbusDevice::NoError;
        if (r.ok) {
            r.values = reply->result().values();
        } else {
            r.exceptionCode =
                reply->error() == QModbusDevice::ProtocolError ? int(reply->rawResult().exceptionCode()) : 0;
            r.timeout = reply->error() == QModbusDevice::TimeoutError;
            r.error = describeReplyError(reply->error(), r.exceptionCode, reply->errorString());
        }
        if (m_traffic) {
            const QModbusResponse raw = reply->rawResult();
            QByteArray pdu;
            if (raw.isValid())
                pdu.append(char(raw.functionCode() | (raw.isException() ? 0x80 : 0))).append(raw.data());
            const QString meaning =
                r.ok ? (r.values.isEmpty() ? tr("Done")
                                           : (r.values.size() == 1 ? tr("1 value")
                                                                                       : tr("%1 values").arg(r.values.size())))
                     : r.error;
            emit traffic(TrafficEntry{QDateTime::currentMSecsSinceEpoch(), false, unit, pdu, meaning, !r.ok});
        }
        reply->deleteLater();
        answer(r);
    });
    // One watchdog for all outstanding requests, rather than a timer object per request.
    const qint64 deadline =
        m_clock.elapsed() + m_client->timeout() * (m_client->numberOfRetries() + 1) + kWatchdogSlackMs;
    m_outstanding.insert(id, Outstanding{deadline, answer});
    if (!m_watchdog->isActive())
        m_watchdog->start(kWatchdogSlackMs);
}

void ModbusLink::checkOutstanding()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_outstanding.begin(); it != m_outstanding.end();) {
        if (it->deadline <= now) {
            const auto answer = std::move(it->answer);
            it = m_outstanding.erase(it);
            answer(IoResult{
                false, {}, 0, true, QStringLiteral("The device did not finish its answer in time.")});
        } else {
            ++it;
        }
    }
    if (m_outstanding.isEmpty())
        m_watchdog->stop();
}

} // namespace pyrolink
