#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli log`: polls a device at a fixed interval and records the values to CSV.
class LogCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
