#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli read`: reads a profile's registers, or ad-hoc TABLE:ADDRESS[:TYPE[:ORDER]] registers.
class ReadCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
