#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli simulate`: serves one or more simulated devices until interrupted.
class SimulateCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
