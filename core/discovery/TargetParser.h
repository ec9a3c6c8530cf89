#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pyrolink {

/// A block of consecutive IPv4 addresses, both ends included.
struct AddressRange
{
    quint32 first = 0;
    quint32 last = 0;
    quint64 size() const { return quint64(last) - first + 1; }
};

/// Parses what a person types to say where to look: address ranges and lists of ports or unit ids.
class TargetParser
{
public:
    /// Addresses a scan may cover without being widened explicitly: a /22.
    static constexpr quint64 kDefaultMaxAddresses = 1024;
    /// Addresses a widened scan may cover: a /16.
    static constexpr quint64 kWideMaxAddresses = 65536;

    /// "10.200.0.0/24" (its hosts: without the network and broadcast addresses up to a /30; any address of
    /// the block may stand for it), "10.200.0.1-10.200.0.254", "10.200.0.1-254" (last octet only) or one
    /// address "10.200.0.7".
    static std::optional<AddressRange> parseRange(const QString &text, QString *error);
    /// The addresses of all ranges, each once, in the order given. Refuses more than kDefaultMaxAddresses
    /// (kWideMaxAddresses when `wide`), naming the limit.
    static std::optional<QList<quint32>> addresses(const QStringList &ranges, bool wide, QString *error);
    /// The addresses of ranges already checked, each once, in order.
    static QList<quint32> expand(const QList<AddressRange> &ranges);
    /// "502", "1502-1510,1600": each number once, in the order given, each within [lo, hi]. `what` names
    /// them in the message ("port", "unit id").
    static std::optional<QList<int>> parseNumberList(const QString &text, int lo, int hi, const QString &what,
                                                     QString *error);
    /// The hosts of a CIDR block: without network and broadcast addresses for prefixes up to /30.
    static AddressRange hostsOf(quint32 network, int prefixLength);
    /// 255.255.252.0 for 22.
    static quint32 netmask(int prefixLength)
    {
        return prefixLength <= 0 ? 0 : ~quint32(0) << (32 - prefixLength);
    }
    /// "10.200.0.7"
    static QString toString(quint32 address);
};

} // namespace pyrolink
