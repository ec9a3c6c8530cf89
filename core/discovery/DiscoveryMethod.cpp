#include "DiscoveryMethod.h"

#include "RtuBusScan.h"
#include "TcpSweep.h"

namespace pyrolink {

Q_LOGGING_CATEGORY(lcDiscovery, "pyrolink.discovery", QtWarningMsg)

namespace {
QList<DiscoveryMethodRegistry::Entry> &registered()
{
    // Built in here rather than through static registrars, which a static library's linker may drop.
    static QList<DiscoveryMethodRegistry::Entry> list{
        {QStringLiteral("modbus-tcp"), QStringLiteral("Modbus TCP sweep"),
         QStringLiteral(
             "Connects to every address and port of the ranges and keeps those that answer Modbus."),
         [](QObject *parent) -> DiscoveryMethod * { return new TcpSweep(parent); }},
        {QStringLiteral("modbus-rtu"), QStringLiteral("Modbus RTU bus scan"),
         QStringLiteral("Asks every unit id on one serial line and keeps those that answer."),
         [](QObject *parent) -> DiscoveryMethod * { return new RtuBusScan(parent); }},
        // The vendor's UDP discovery (configuration port 55001) would be registered here once its protocol
        // is documented; see docs/discovery.md.
    };
    return list;
}
} // namespace

QList<DiscoveryMethodRegistry::Entry> DiscoveryMethodRegistry::entries()
{
    return registered();
}

DiscoveryMethod *DiscoveryMethodRegistry::create(const QString &id, QObject *parent)
{
    for (const Entry &e : registered())
        if (e.id == id)
            return e.create(parent);
    return nullptr;
}

void DiscoveryMethodRegistry::add(const Entry &entry)
{
    for (Entry &e : registered()) {
        if (e.id == entry.id) {
            e = entry;
            return;
        }
    }
    registered().append(entry);
}

} // namespace pyrolink
