#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pyrolink {

/// The operating system's IPv4 neighbour (ARP) table: which MAC address answers for an address on a local
/// subnet. Linux: /proc/net/arp. Windows: GetIpNetTable2 (compiled there, not tested by our suite).
/// Elsewhere, and for addresses not on a local subnet (loopback, hosts behind a router), there is no entry.
class NeighbourTable
{
public:
    /// Address (host order) -> "aa:bb:cc:dd:ee:ff", complete entries only. Empty where unsupported.
    static QHash<quint32, QString> read();
    /// The MAC for one address, or "" when the table has none.
    static QString lookup(quint32 address);
    /// The complete entries (flag 0x2, ATF_COM) of the text of Linux's /proc/net/arp.
    static QHash<quint32, QString> parseProcNetArp(const QByteArray &text);
};

} // namespace pyrolink
