#include "TargetParser.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

namespace pyrolink {

namespace {
std::optional<quint32> parseIpv4(const QString &text)
{
    // QHostAddress also takes "10.1" and "167772161"; a range wants the dotted quad a person means.
    static const QRegularExpression dotted(QStringLiteral(R"(^\d{1,3}(\.\d{1,3}){3}$)"));
    if (!dotted.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const quint32 v = QHostAddress(text).toIPv4Address(&ok);
    return ok ? std::optional<quint32>(v) : std::nullopt;
}

QString limitText(quint64 max)
{
    return max == TargetParser::kWideMaxAddresses
               ? QStringLiteral("65536 (a /16) that even --wide allows")
               : QStringLiteral("%1 (a /22) scanned without --wide").arg(max);
}
} // namespace

QString TargetParser::toString(quint32 address)
{
    return QHostAddress(address).toString();
}

AddressRange TargetParser::hostsOf(quint32 network, int prefixLength)
{
    const quint32 mask = netmask(prefixLength);
    AddressRange r{network & mask, (network & mask) | ~mask};
    if (prefixLength <= 30) {
        ++r.first;
        --r.last;
    }
    return r;
}

std::optional<AddressRange> TargetParser::parseRange(const QString &textIn, QString *error)
{
    const QString text = textIn.trimmed();
    auto bad = [&](const QString &why) -> std::optional<AddressRange> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString form = QStringLiteral("an address (10.0.0.7), a block (10.0.0.0/24) or a range "
                                        "(10.0.0.1-10.0.0.254)");
    if (const int slash = text.indexOf(QLatin1Char('/')); slash >= 0) {
        const auto network = parseIpv4(text.left(slash));
        bool ok = false;
        const int prefix = text.mid(slash + 1).toInt(&ok);
        if (!network || !ok || prefix < 0 || prefix > 32)
            return bad(QStringLiteral("\"%1\" is not %2 with a prefix length from 0 to 32.").arg(text, form));
        // "192.168.1.10/24" means the block the address is in, as ip(8) and nmap read it.
        return hostsOf(*network, prefix);
    }
    if (const int dash = text.indexOf(QLatin1Char('-')); dash >= 0) {
        const auto first = parseIpv4(text.left(dash));
        const QString lastText = text.mid(dash + 1);
        std::optional<quint32> last = parseIpv4(lastText);
        bool ok = false;
        if (!last && first) { // "10.0.0.1-254": the last octet only
            const uint octet = lastText.toUInt(&ok);
            if (ok && octet <= 255)
                last = (*first & 0xFFFFFF00u) | octet;
        }
        if (!first || !last)
            return bad(QStringLiteral("\"%1\" is not %2.").arg(text, form));
        if (*last < *first)
            return bad(QStringLiteral("\"%1\" ends before it starts.").arg(text));
        return AddressRange{*first, *last};
    }
    if (const auto one = parseIpv4(text))
        return AddressRange{*one, *one};
    return bad(QStringLiteral("\"%1\" is not %2.").arg(text, form));
}

QList<quint32> TargetParser::expand(const QList<AddressRange> &ranges)
{
    QList<quint32> out;
    QSet<quint32> seen;
    for (const AddressRange &r : ranges) {
        for (quint64 a = r.first; a <= r.last; ++a) {
            if (!seen.contains(quint32(a))) {
                seen.insert(quint32(a));
                out.append(quint32(a));
            }
        }
    }
    return out;
}

std::optional<QList<quint32>> TargetParser::addresses(const QStringList &ranges, bool wide, QString *error)
{
    const quint64 max = wide ? kWideMaxAddresses : kDefaultMaxAddresses;
    QList<AddressRange> parsed;
    quint64 total = 0;
    for (const QString &text : ranges) {
        const auto r = parseRange(text, error);
        if (!r)
            return std::nullopt;
        total += r->size();
        if (total > max) {
            if (error)
                *error = QStringLiteral("%1 %2 %3 addresses, more than the %4.")
                             .arg(text.trimmed(), parsed.isEmpty()
                                                      ? QStringLiteral("holds")
                                                      : QStringLiteral("and the ranges before it hold"))
                             .arg(parsed.isEmpty() ? r->size() : total)
                             .arg(limitText(max));
            return std::nullopt;
        }
        parsed.append(*r);
    }
    return expand(parsed);
}

std::optional<QList<int>> TargetParser::parseNumberList(const QString &text, int lo, int hi,
                                                        const QString &what, QString *error)
{
    auto bad = [&]() -> std::optional<QList<int>> {
        if (error)
            *error = QStringLiteral("\"%1\" is not a list of %2s from %3 to %4 such as %3 or %3-%5,%4.")
                         .arg(text, what)
                         .arg(lo)
                         .arg(hi)
                         .arg(std::min(lo + 9, hi));
        return std::nullopt;
    };
    QList<int> out;
    QSet<int> seen;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &partIn : parts) {
        const QString part = partIn.trimmed();
        const int dash = part.indexOf(QLatin1Char('-'));
        bool ok1 = false, ok2 = false;
        const int a = (dash < 0 ? part : part.left(dash)).trimmed().toInt(&ok1);
        const int b = dash < 0 ? a : part.mid(dash + 1).trimmed().toInt(&ok2);
        if (!ok1 || (dash >= 0 && !ok2) || a < lo || b > hi || b < a)
            return bad();
        for (int v = a; v <= b; ++v) {
            if (!seen.contains(v)) {
                seen.insert(v);
                out.append(v);
            }
        }
    }
    return out;
}

} // namespace pyrolink
