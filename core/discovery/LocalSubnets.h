#pragma once

#include "TargetParser.h"

#include <QList>
#include <QString>

namespace pyrolink {

/// The part of one local IPv4 subnet that a discovery with no range scans.
struct LocalSubnet
{
    QString interfaceName;  ///< "eth0", "vB"
    quint32 address = 0;    ///< the interface's own address
    int prefixLength = 24;  ///< the subnet's, as configured
    AddressRange hosts;     ///< what is scanned: the subnet's hosts, or the capped block around `address`
    int scannedPrefix = 24; ///< prefixLength, or the cap's (22 or 16) when capped
    bool capped = false;    ///< the subnet is larger than what is scanned

    /// "10.200.0.0/24", or "10.0.4.0/22 of 10.0.0.0/16" when capped.
    QString describe() const;
};

/// The subnets of the local IPv4 interfaces that are up, for a discovery without a range. Loopback and
/// /32 addresses are left out. A subnet larger than a /22 is cut to the /22 (1024 addresses)
/// around the interface's own address, or to the /16 around it when widened.
class LocalSubnets
{
public:
    static constexpr int kCapPrefix = 22;
    static constexpr int kWideCapPrefix = 16;

    static QList<LocalSubnet> find(bool wide);
    /// The scanned part of one interface address's subnet (pure; find() applies it to every interface).
    static LocalSubnet forAddress(const QString &interfaceName, quint32 address, int prefixLength, bool wide);
};

} // namespace pyrolink
