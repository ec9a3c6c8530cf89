#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli write`: validates every assignment, writes them, reads each back and reports mismatches.
class WriteCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
