#pragma once

#include "DiscoveryMethod.h"

#include <QList>
#include <QPointer>

namespace pyrolink {

class DeviceIdentifier;
class ModbusLink;

/// Modbus RTU discovery: on one serial line, asks each unit id in turn (default 1-247) with a short timeout
/// and no retries. A unit is found when it answers anything, data or a Modbus exception (but for a gateway's
/// "no device behind it", exceptions 10 and 11); then it is identified as TcpSweep's hosts are
/// (DeviceIdentifier).
class RtuBusScan : public DiscoveryMethod
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 100;

    explicit RtuBusScan(QObject *parent = nullptr);
    ~RtuBusScan() override;

    QString id() const override { return QStringLiteral("modbus-rtu"); }
    /// The serial line (options.serial), unit ids, timeout and profiles.
    bool configure(const DiscoveryOptions &options, QString *error) override;
    void start() override;
    void cancel() override;
    bool isRunning() const override { return m_running; }
    int total() const override { return int(m_units.size()); }
    QString plan() const override;

private:
    void nextUnit();
    void finishNow();

    DiscoveryOptions m_options;
    QList<int> m_units;
    int m_timeoutMs = kDefaultTimeoutMs;
    ModbusLink *m_link = nullptr;
    QPointer<DeviceIdentifier> m_current;
    int m_next = 0;
    bool m_running = false;
};

} // namespace pyrolink
