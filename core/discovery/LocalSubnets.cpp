#include "LocalSubnets.h"

#include <QHostAddress>
#include <QNetworkInterface>

namespace pyrolink {

QString LocalSubnet::describe() const
{
    auto cidr = [this](int prefix) {
        return QStringLiteral("%1/%2")
            .arg(TargetParser::toString(address & TargetParser::netmask(prefix)))
            .arg(prefix);
    };
    return capped ? QStringLiteral("%1 of %2").arg(cidr(scannedPrefix), cidr(prefixLength))
                  : cidr(prefixLength);
}

LocalSubnet LocalSubnets::forAddress(const QString &interfaceName, quint32 address, int prefixLength,
                                     bool wide)
{
    LocalSubnet s;
    s.interfaceName = interfaceName;
    s.address = address;
    s.prefixLength = prefixLength;
    s.scannedPrefix = prefixLength;
    const AddressRange subnet = TargetParser::hostsOf(address, prefixLength);
    const int cap = wide ? kWideCapPrefix : kCapPrefix;
    if (prefixLength >= cap) {
        s.hosts = subnet;
        return s;
    }
    // The block of the cap's size that holds the interface's own address, within the subnet's hosts.
    const AddressRange block{address & TargetParser::netmask(cap),
                             (address & TargetParser::netmask(cap)) | ~TargetParser::netmask(cap)};
    s.hosts = AddressRange{std::max(block.first, subnet.first), std::min(block.last, subnet.last)};
    s.capped = true;
    s.scannedPrefix = cap;
    return s;
}

QList<LocalSubnet> LocalSubnets::find(bool wide)
{
    QList<LocalSubnet> out;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning) ||
            (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() != QAbstractSocket::IPv4Protocol || ip.isLoopback())
                continue;
            const int prefix = entry.prefixLength();
            if (prefix < 1 || prefix > 31) // a /32 has no neighbours to find
                continue;
            out.append(forAddress(iface.humanReadableName(), ip.toIPv4Address(), prefix, wide));
        }
    }
    return out;
}

} // namespace pyrolink
