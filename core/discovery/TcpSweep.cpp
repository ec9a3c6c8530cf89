#include "TcpSweep.h"

#include "DeviceIdentifier.h"
#include "NeighbourTable.h"
#include "modbus/ModbusLink.h"

#include <QHostAddress>
#include <QTimer>

namespace pyrolink {

/// One target: connect, identify, report, in that order; deleted by the sweep once it has reported.
class TcpSweep::HostProbe : public QObject
{
public:
    using Done = std::function<void(HostProbe *, bool, const DiscoveredDevice &)>;

    HostProbe(const ConnectionSettings &settings, const QList<std::shared_ptr<const Profile>> &profiles,
              Done done, QObject *parent)
        : QObject(parent), m_link(new ModbusLink(settings, this)), m_profiles(profiles),
          m_done(std::move(done))
    {
        m_link->setConnectTimeoutMs(settings.timeoutMs);
        connect(m_link, &ModbusLink::opened, this, &HostProbe::identify);
        connect(m_link, &ModbusLink::failed, this, [this] { report(false, {}); });
    }

    void start() { m_link->open(); }

private:
    void identify()
    {
        auto *identifier = new DeviceIdentifier(m_link, m_link->settings().unit, m_profiles, this);
        identifier->run([this](const DeviceIdentifier::Outcome &o) {
            if (!o.answered)
                return report(false, {});
            DiscoveredDevice d = o.device;
            d.transport = DiscoveredDevice::Transport::Tcp;
            d.host = m_link->settings().host;
            d.port = m_link->settings().port;
            d.method = QStringLiteral("modbus-tcp");
            // Looked up now, while the entry the connection created is fresh.
            bool ok = false;
            const quint32 ip = QHostAddress(d.host).toIPv4Address(&ok);
            if (ok)
                d.mac = NeighbourTable::lookup(ip);
            report(true, d);
        });
    }

    void report(bool found, const DiscoveredDevice &device)
    {
        if (!m_done)
            return;
        m_link->disconnect(this);
        // Reported from the event loop, never from inside a reply's finished(): the sweep deletes this
        // object.
        QMetaObject::invokeMethod(
            this, [this, found, device, done = std::exchange(m_done, nullptr)] { done(this, found, device); },
            Qt::QueuedConnection);
    }

    ModbusLink *m_link;
    QList<std::shared_ptr<const Profile>> m_profiles;
    Done m_done;
};

TcpSweep::TcpSweep(QObject *parent) : DiscoveryMethod(parent) {}

TcpSweep::~TcpSweep()
{
    qDeleteAll(m_inFlight);
}

bool TcpSweep::configure(const DiscoveryOptions &options, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_running)
        return fail(QStringLiteral("A discovery is already running."));
    const auto ports = TargetParser::parseNumberList(options.ports, 1, 65535, QStringLiteral("port"), error);
    if (!ports)
        return false;
    if (options.concurrency < 1 || options.concurrency > kMaxConcurrency)
        return fail(QStringLiteral("The concurrency must be from 1 to %1.").arg(kMaxConcurrency));
    if (options.tcpUnit < 0 || options.tcpUnit > 255)
        return fail(QStringLiteral("The unit id must be from 0 to 255."));
    const int timeout = options.timeoutMs < 0 ? kDefaultTimeoutMs : options.timeoutMs;
    if (timeout < 10 || timeout > 60000)
        return fail(QStringLiteral("The timeout must be from 10 ms to 60 s."));
    QList<quint32> addresses;
    m_subnets.clear();
    if (options.ranges.isEmpty()) {
        m_subnets = LocalSubnets::find(options.wide);
        if (m_subnets.isEmpty())
            return fail(
                QStringLiteral("No network interface with an IPv4 subnet is up, so there is nothing to "
                               "scan without a range."));
        QList<AddressRange> ranges;
        for (const LocalSubnet &s : m_subnets)
            ranges << s.hosts;
        addresses = TargetParser::expand(ranges);
    } else {
        const auto parsed = TargetParser::addresses(options.ranges, options.wide, error);
        if (!parsed)
            return false;
        addresses = *parsed;
    }
    m_options = options;
    m_timeoutMs = timeout;
    setTargets(addresses, *ports);
    return true;
}

void TcpSweep::setTargets(const QList<quint32> &addresses, const QList<int> &ports)
{
    m_addresses = addresses;
    m_ports = ports;
}

QString TcpSweep::plan() const
{
    QString where;
    if (!m_subnets.isEmpty()) {
        QStringList parts;
        for (const LocalSubnet &s : m_subnets)
            parts << QStringLiteral("%1 (%2)").arg(s.describe(), s.interfaceName);
        where = QStringLiteral(" on ") + parts.join(QStringLiteral(", "));
    }
    return QStringLiteral("%1 address%2 x %3 port%4%5, %6 at once, timeout %7 ms")
        .arg(m_addresses.size())
        .arg(m_addresses.size() == 1 ? QString() : QStringLiteral("es"))
        .arg(m_ports.size())
        .arg(m_ports.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(where)
        .arg(m_options.concurrency)
        .arg(m_timeoutMs);
}

void TcpSweep::start()
{
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    m_done = 0;
    emit progress(0, total());
    if (total() == 0) {
        QMetaObject::invokeMethod(this, &TcpSweep::finishNow, Qt::QueuedConnection);
        return;
    }
    launchMore();
}

void TcpSweep::launchMore()
{
    const int n = total();
    while (m_running && m_inFlight.size() < m_options.concurrency && m_next < n) {
        const int i = m_next++;
        ConnectionSettings s;
        s.transport = ConnectionSettings::Transport::Tcp;
        s.host = TargetParser::toString(m_addresses.at(i / m_ports.size()));
        s.port = m_ports.at(i % m_ports.size());
        s.unit = m_options.tcpUnit;
        s.timeoutMs = m_timeoutMs;
        s.retries = 0;
        auto *probe = new HostProbe(
            s, m_options.profiles,
            [this](HostProbe *p, bool found, const DiscoveredDevice &d) { onHostDone(p, found, d); }, this);
        m_inFlight.append(probe);
        probe->start();
    }
}

void TcpSweep::onHostDone(HostProbe *probe, bool isDevice, const DiscoveredDevice &device)
{
    m_inFlight.removeOne(probe);
    probe->deleteLater();
    if (!m_running)
        return;
    ++m_done;
    if (isDevice) {
        qCDebug(lcDiscovery) << "found" << device.describe() << device.profileId << device.modelId;
        emit found(device);
        if (!m_running) // cancelled by a receiver of found()
            return;
    }
    emit progress(m_done, total());
    if (m_done == total())
        finishNow();
    else
        launchMore();
}

void TcpSweep::cancel()
{
    if (!m_running)
        return;
    // Probes still on their way are dropped with their connections: what they would find is not wanted now.
    const auto inFlight = std::exchange(m_inFlight, {});
    for (HostProbe *p : inFlight)
        p->deleteLater();
    finishNow();
}

void TcpSweep::finishNow()
{
    m_running = false;
    emit finished();
}

} // namespace pyrolink
