#pragma once

#include <QStringList>

namespace pyrolink::cli {

/// `pyrolink-cli backup`, `diff` and `restore`: a device's configuration to a JSON file, compared with one,
/// and written back from one in a safe order, verified (docs/commissioning.md).
///
/// Exit status: 0 done; 1 device or communication error, or a register of a restore that failed; 2 usage, a
/// broken or unsuitable file, or a restore not confirmed; 3 `diff --exit-code` found differences.
class BackupCommand
{
public:
    static int runBackup(const QStringList &args);
    static int runDiff(const QStringList &args);
    static int runRestore(const QStringList &args);

    static constexpr int ExitDifferent = 3;
};

} // namespace pyrolink::cli
