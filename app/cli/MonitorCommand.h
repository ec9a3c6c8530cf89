#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli monitor`: polls a device (or the built-in simulator) and prints live values.
class MonitorCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
