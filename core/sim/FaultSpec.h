#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pyrolink {

/// One fault a FaultProxy injects, parsed from "KIND[:PARAM[:PARAM]][@DURATION_MS|@START_MS+DURATION_MS]"
/// (docs/faults.md). Times count from the moment the proxy starts listening.
struct FaultSpec
{
    enum class Kind {
        Delay,     ///< delay[:MS]: every answer goes out MS later
        Exception, ///< exception[:CODE[:EVERY]]: every EVERY-th request answered with exception CODE
        Drop,      ///< drop[:N]: the connection is closed after every N answers on it
        Refuse,    ///< refuse[:MS]: no connection accepted for MS after start and after each drop
        Garbage,   ///< garbage[:EVERY]: every EVERY-th answer replaced by random bytes of its length
        Truncate,  ///< truncate[:EVERY]: every EVERY-th answer cut short, then that connection goes mute
        WrongTid,  ///< wrong-tid[:EVERY]: every EVERY-th answer carries another transaction id
        Outage,    ///< outage[:START_MS[:LENGTH_MS]]: no answers at all from START for LENGTH
    };

    Kind kind = Kind::Delay;
    /// Delay, Refuse: milliseconds; Exception: the exception code; Drop: answers per connection.
    int value = 0;
    /// Exception, Garbage, Truncate, WrongTid: applies to every Nth request or answer (1: to all).
    int every = 1;
    /// Active from this many ms after start...
    qint64 fromMs = 0;
    /// ...until this many ms after start (exclusive); -1: for ever.
    qint64 untilMs = -1;

    /// Parses one spec. Returns nullopt and sets *error to one sentence if it is not valid.
    static std::optional<FaultSpec> parse(const QString &text, QString *error = nullptr);
    /// Parses every spec of a list; stops at the first invalid one.
    static std::optional<QList<FaultSpec>> parseList(const QStringList &texts, QString *error = nullptr);
    /// The accepted syntax in one line, for --help.
    static QString syntax();
    static QString kindName(Kind kind);

    /// The canonical form: every parameter spelt out but an EVERY of 1. parse(toString()) gives it back.
    QString toString() const;
    bool isActiveAt(qint64 msSinceStart) const;
    /// True if the fault ends by itself.
    bool isLimited() const { return untilMs >= 0; }

    bool operator==(const FaultSpec &other) const;
    bool operator!=(const FaultSpec &other) const { return !(*this == other); }
};

} // namespace pyrolink
