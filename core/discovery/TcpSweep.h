#pragma once

#include "DiscoveryMethod.h"
#include "LocalSubnets.h"

#include <QList>

namespace pyrolink {

/// Modbus TCP discovery: connects to every (address, port) of the ranges, at most `concurrency` at once,
/// each with the timeout for connecting and for every answer. A target is found only when it answers Modbus
/// (DeviceIdentifier): a port that accepts connections and then stays silent is not a device. Found devices
/// get their MAC address from the neighbour table (local subnets only).
class TcpSweep : public DiscoveryMethod
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 300;
    static constexpr int kMaxConcurrency = 1024;

    explicit TcpSweep(QObject *parent = nullptr);
    ~TcpSweep() override;

    QString id() const override { return QStringLiteral("modbus-tcp"); }
    /// Ranges (none: the local subnets, see LocalSubnets), ports, timeout, concurrency, unit, profiles.
    bool configure(const DiscoveryOptions &options, QString *error) override;
    /// Sets the targets directly: every address with every port.
    void setTargets(const QList<quint32> &addresses, const QList<int> &ports);
    void start() override;
    void cancel() override;
    bool isRunning() const override { return m_running; }
    int total() const override { return int(m_addresses.size() * m_ports.size()); }
    QString plan() const override;

    /// The local subnets used when no range was given (empty otherwise).
    QList<LocalSubnet> localSubnets() const { return m_subnets; }

private:
    class HostProbe;
    void launchMore();
    void onHostDone(HostProbe *probe, bool isDevice, const DiscoveredDevice &device);
    void finishNow();

    QList<quint32> m_addresses;
    QList<int> m_ports;
    QList<LocalSubnet> m_subnets;
    DiscoveryOptions m_options;
    int m_timeoutMs = kDefaultTimeoutMs;
    QList<HostProbe *> m_inFlight;
    int m_next = 0;
    int m_done = 0;
    bool m_running = false;
};

} // namespace pyrolink
