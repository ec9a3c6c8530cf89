#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli discover [RANGE ...]` (Modbus TCP sweep) and `pyrolink-cli discover --serial PORT`
/// (Modbus RTU bus scan): lists the devices that answer Modbus, as a table, --json or --csv.
class DiscoverCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
