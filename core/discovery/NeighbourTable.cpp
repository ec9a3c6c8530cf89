#include "NeighbourTable.h"

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QStringList>

#ifdef Q_OS_WIN
// clang-format off
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>
// clang-format on
#endif

namespace pyrolink {

QHash<quint32, QString> NeighbourTable::parseProcNetArp(const QByteArray &text)
{
    // IP address       HW type     Flags       HW address            Mask     Device
    // 10.200.0.1       0x1         0x2         0a:1b:2c:3d:4e:5f     *        vB
    QHash<quint32, QString> out;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        if (f.size() < 4)
            continue;
        bool okFlags = false, okIp = false;
        const uint flags = f.at(2).toUInt(&okFlags, 16);
        const quint32 ip = QHostAddress(QString::fromLatin1(f.at(0))).toIPv4Address(&okIp);
        const QString mac = QString::fromLatin1(f.at(3)).toLower();
        if (!okFlags || !okIp || !(flags & 0x2) || mac == QLatin1String("00:00:00:00:00:00"))
            continue;
        out.insert(ip, mac);
    }
    return out;
}

QHash<quint32, QString> NeighbourTable::read()
{
#if defined(Q_OS_LINUX)
    QFile f(QStringLiteral("/proc/net/arp"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseProcNetArp(f.readAll());
#elif defined(Q_OS_WIN)
    QHash<quint32, QString> out;
    PMIB_IPNET_TABLE2 table = nullptr;
    if (GetIpNetTable2(AF_INET, &table) != NO_ERROR || !table)
        return out;
    for (ULONG i = 0; i < table->NumEntries; ++i) {
        const MIB_IPNET_ROW2 &row = table->Table[i];
        if (row.PhysicalAddressLength != 6 || row.State == NlnsUnreachable || row.State == NlnsIncomplete)
            continue;
        const quint32 ip = ntohl(row.Address.Ipv4.sin_addr.S_un.S_addr);
        QStringList bytes;
        for (ULONG b = 0; b < row.PhysicalAddressLength; ++b)
            bytes << QStringLiteral("%1").arg(uint(row.PhysicalAddress[b]), 2, 16, QLatin1Char('0'));
        out.insert(ip, bytes.join(QLatin1Char(':')));
    }
    FreeMibTable(table);
    return out;
#else
    return {};
#endif
}

QString NeighbourTable::lookup(quint32 address)
{
    return read().value(address);
}

} // namespace pyrolink
