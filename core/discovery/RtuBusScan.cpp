#include "RtuBusScan.h"

#include "DeviceIdentifier.h"
#include "TargetParser.h"
#include "modbus/ModbusLink.h"

namespace pyrolink {

RtuBusScan::RtuBusScan(QObject *parent) : DiscoveryMethod(parent) {}

RtuBusScan::~RtuBusScan() = default;

bool RtuBusScan::configure(const DiscoveryOptions &options, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_running)
        return fail(QStringLiteral("A discovery is already running."));
    if (options.serial.serialPort.isEmpty())
        return fail(QStringLiteral("Name the serial port to scan."));
    const auto units = TargetParser::parseNumberList(options.units, 1, 247, QStringLiteral("unit id"), error);
    if (!units)
        return false;
    const int timeout = options.timeoutMs < 0 ? kDefaultTimeoutMs : options.timeoutMs;
    if (timeout < 10 || timeout > 60000)
        return fail(QStringLiteral("The timeout must be from 10 ms to 60 s."));
    m_options = options;
    m_units = *units;
    m_timeoutMs = timeout;
    return true;
}

QString RtuBusScan::plan() const
{
    ConnectionSettings s = m_options.serial;
    s.transport = ConnectionSettings::Transport::Rtu;
    QString line = s.describe();
    line = line.left(line.lastIndexOf(QStringLiteral(" unit ")));
    return QStringLiteral("%1 unit id%2 on %3, timeout %4 ms")
        .arg(m_units.size())
        .arg(m_units.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(line)
        .arg(m_timeoutMs);
}

void RtuBusScan::start()
{
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    ConnectionSettings s = m_options.serial;
    s.transport = ConnectionSettings::Transport::Rtu;
    s.timeoutMs = m_timeoutMs;
    s.retries = 0; // a unit that is there answers the first time; a retry would only double the scan
    m_link = new ModbusLink(s, this);
    connect(m_link, &ModbusLink::opened, this, [this] {
        emit progress(0, total());
        nextUnit();
    });
    connect(m_link, &ModbusLink::failed, this, [this](const QString &why) {
        if (!m_running)
            return;
        emit failed(why);
        finishNow();
    });
    m_link->open();
}

void RtuBusScan::nextUnit()
{
    if (!m_running)
        return;
    if (m_next >= m_units.size()) {
        finishNow();
        return;
    }
    const int unit = m_units.at(m_next++);
    m_current = new DeviceIdentifier(m_link, unit, m_options.profiles, this);
    m_current->run([this, identifier = m_current.data()](const DeviceIdentifier::Outcome &o) {
        identifier->deleteLater();
        if (!m_running)
            return;
        if (o.answered && !DeviceIdentifier::isGatewayException(o.probeException)) {
            DiscoveredDevice d = o.device;
            d.transport = DiscoveredDevice::Transport::Rtu;
            d.serialPort = m_link->settings().serialPort;
            d.method = id();
            emit found(d);
            if (!m_running) // cancelled by a receiver of found()
                return;
        }
        emit progress(m_next, total());
        // From the event loop: the next request must not be sent from inside this reply's finished().
        QMetaObject::invokeMethod(this, &RtuBusScan::nextUnit, Qt::QueuedConnection);
    });
}

void RtuBusScan::cancel()
{
    if (!m_running)
        return;
    if (m_current) // later: cancel() may come from a receiver of found(), inside the identifier's callback
        m_current->deleteLater();
    finishNow();
}

void RtuBusScan::finishNow()
{
    m_running = false;
    if (m_link) {
        m_link->disconnect(this);
        m_link->close();
        m_link->deleteLater();
        m_link = nullptr;
    }
    emit finished();
}

} // namespace pyrolink
