// pyrolink-cli: the command-line face of the Pyrolink core. Each subcommand lives in its own class.
#include "BackupCommand.h"
#include "CliContext.h"
#include "DiscoverCommand.h"
#include "LogCommand.h"
#include "MonitorCommand.h"
#include "ProfilesCommand.h"
#include "ReadCommand.h"
#include "ReportCommand.h"
#include "SimulateCommand.h"
#include "WriteCommand.h"

#include <QCoreApplication>

using namespace pyrolink::cli;

namespace {
struct Command
{
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};
const Command kCommands[] = {
    {"profiles", ProfilesCommand::run, "List, show or check device profiles."},
    {"read", ReadCommand::run, "Read registers and print engineering values (table or --json)."},
    {"write", WriteCommand::run, "Validate, write and verify registers in engineering units."},
    {"log", LogCommand::run, "Poll at a fixed interval and record to CSV."},
    {"monitor", MonitorCommand::run, "Poll a device (or --simulate) and print live values."},
    {"simulate", SimulateCommand::run, "Serve simulated devices over Modbus TCP."},
    {"discover", DiscoverCommand::run, "Find Modbus devices on networks (TCP) or a serial line (RTU)."},
    {"backup", BackupCommand::runBackup, "Save a device's writable registers to a JSON file."},
    {"diff", BackupCommand::runDiff, "Compare a device with a backup file."},
    {"restore", BackupCommand::runRestore, "Write a backup file back to a device, safely and verified."},
    {"report", ReportCommand::run, "Write a commissioning report (PDF) of a device."},
};

int usage(int code)
{
    QString text = QStringLiteral("Usage: pyrolink-cli COMMAND [options]\n\nCommands:\n");
    for (const auto &c : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1String(c.name), -10).arg(QLatin1String(c.summary));
    text += QStringLiteral("\n`pyrolink-cli COMMAND --help` describes each command. Exit status: 0 success, "
                           "1 device or communication error, 2 usage or validation error.\n");
    if (code == 0)
        CliContext::print(text);
    else
        CliContext::fail(code, text.trimmed());
    return code;
}
} // namespace

int main(int argc, char *argv[])
{
    // `report` draws a PDF and needs a (headless) QGuiApplication; the other commands a QCoreApplication.
    const std::unique_ptr<QCoreApplication> app = ReportCommand::createApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pyrolink-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Pyrolink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PYROLINK_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first.isEmpty())
        return usage(ExitUsage);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help"))
        return usage(ExitOk);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        CliContext::print(QStringLiteral("pyrolink-cli %1").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    for (const auto &c : kCommands) {
        if (first == QLatin1String(c.name)) {
            QStringList rest = args;
            rest.removeAt(1);
            return c.run(rest);
        }
    }
    CliContext::fail(ExitUsage, QStringLiteral("Unknown command \"%1\".").arg(first));
    return usage(ExitUsage);
}
