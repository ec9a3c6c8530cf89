#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli profiles [list | show ID | check FILE]`
class ProfilesCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace pyrolink::cli
