#pragma once

#include "modbus/ConnectionSettings.h"
#include "modbus/ModbusLink.h"
#include "modbus/Reading.h"
#include "profile/ProfileRegistry.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <optional>

namespace pyrolink::cli {

/// Exit codes of pyrolink-cli.
enum ExitCode { ExitOk = 0, ExitDevice = 1, ExitUsage = 2 };

/// What every subcommand shares: its parser, the common options, profile look-up, output and errors.
class CliContext
{
public:
    CliContext(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    void addConnectionOptions();
    void addProfileOptions();
    void addJsonOption();

    /// Parses args (args[0] is the program). Returns -1 to go on, or the exit code to return now
    /// (0 after --help, 2 after a usage error, already printed).
    int parse(const QStringList &args);

    bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    /// Connection from --host/--port/--unit or --serial/...; prints the error and returns false if invalid.
    bool connection(ConnectionSettings *out, const Profile *profile);
    /// Profile and model from --profile/--model (defaults: optris-ct and its first model).
    bool profileAndModel(std::shared_ptr<const Profile> *profile, QString *model);
    ProfileRegistry &registry();
    /// The registers named by the positional arguments (ids, addresses, TABLE:ADDRESS), each readable.
    /// Prints the error and returns false for a name the profile does not know for this model.
    bool namedRegisters(const Profile &profile, const QString &model, QList<const RegisterDef *> *out);

    /// "100ms", "1.5s", "10m", "2h" or a bare number of milliseconds; nullopt if malformed.
    static std::optional<qint64> parseDurationMs(const QString &text);
    /// Whether `stream` (stdin, stdout, stderr) is a terminal rather than a pipe or a file.
    static bool isTerminal(FILE *stream);
    /// Prints one sentence to stderr and returns the code.
    static int fail(int code, const QString &message);
    static void print(const QString &text);
    static void printJson(const QJsonObject &object);

    /// Opens the link, waiting in a local event loop (the CLI has nothing else to do meanwhile).
    static bool openLink(ModbusLink &link, QString *error);
    static QJsonObject deviceJson(const ConnectionSettings &s, const Profile *profile, const QString &model);

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_hasProfile = false;
    std::unique_ptr<ProfileRegistry> m_registry;
};

/// Waits in a local event loop until `done` is called by an asynchronous operation.
template <typename Result, typename Start> Result await(Start start)
{
    Result result{};
    QEventLoop loop;
    bool finished = false;
    start([&](const Result &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

/// A reading as the JSON object of `read --json`.
QJsonObject readingJson(const Reading &r, const QString &unit);

} // namespace pyrolink::cli
