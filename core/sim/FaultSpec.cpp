#include "FaultSpec.h"

#include <algorithm>
#include <array>

namespace pyrolink {

namespace {

constexpr int kMaxMs = 24 * 3600 * 1000; // a day: longer is surely a typing error
constexpr int kMaxCount = 1000000;

struct Param
{
    const char *name;
    int defaultValue;
    int min;
    int max;
};

/// One row per kind: its name and its parameters in order (at most two).
struct KindInfo
{
    FaultSpec::Kind kind;
    const char *name;
    std::array<Param, 2> params;
    int paramCount;
};

constexpr Param kEvery{"EVERY", 1, 1, kMaxCount};
constexpr Param kNone{"", 0, 0, 0};

const std::array<KindInfo, 8> kKinds{{
    {FaultSpec::Kind::Delay, "delay", {{{"MS", 1000, 1, kMaxMs}, kNone}}, 1},
    {FaultSpec::Kind::Exception, "exception", {{{"CODE", 6, 1, 11}, kEvery}}, 2},
    {FaultSpec::Kind::Drop, "drop", {{{"N", 10, 1, kMaxCount}, kNone}}, 1},
    {FaultSpec::Kind::Refuse, "refuse", {{{"MS", 1000, 1, kMaxMs}, kNone}}, 1},
    {FaultSpec::Kind::Garbage, "garbage", {{kEvery, kNone}}, 1},
    {FaultSpec::Kind::Truncate, "truncate", {{kEvery, kNone}}, 1},
    {FaultSpec::Kind::WrongTid, "wrong-tid", {{kEvery, kNone}}, 1},
    {FaultSpec::Kind::Outage, "outage", {{{"START_MS", 5000, 0, kMaxMs}, {"LENGTH_MS", 5000, 1, kMaxMs}}}, 2},
}};

const KindInfo &info(FaultSpec::Kind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return k;
    return kKinds[0];
}

QString usage(const KindInfo &k)
{
    QString text = QString::fromLatin1(k.name);
    for (int i = 0; i < k.paramCount; ++i)
        text += QStringLiteral("[:") + QString::fromLatin1(k.params[size_t(i)].name);
    return text + QString(k.paramCount, QLatin1Char(']'));
}

QString kindList()
{
    QStringList names;
    for (const KindInfo &k : kKinds)
        names.append(QString::fromLatin1(k.name));
    return names.join(QStringLiteral(", "));
}

std::optional<qint64> number(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    // toLongLong() takes a sign and surrounding spaces; a parameter is digits only.
    if (!ok || text.isEmpty() ||
        !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }) || v < min || v > max)
        return std::nullopt;
    return v;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<FaultSpec> FaultSpec::parse(const QString &text, QString *error)
{
    const QString spec = text.trimmed();
    const QString quoted = QLatin1Char('"') + spec + QLatin1Char('"');
    const int at = int(spec.indexOf(QLatin1Char('@')));
    const QStringList parts = spec.left(at < 0 ? spec.size() : at).split(QLatin1Char(':'));
    const QString name = parts.first().toLower();
    if (name.isEmpty()) {
        fail(error, QStringLiteral("A fault needs a kind, one of %1.").arg(kindList()));
        return std::nullopt;
    }
    const auto k = std::find_if(kKinds.begin(), kKinds.end(),
                                [&](const KindInfo &i) { return name == QLatin1String(i.name); });
    if (k == kKinds.end()) {
        fail(error, QStringLiteral("Unknown fault kind \"%1\"; use one of %2.").arg(name, kindList()));
        return std::nullopt;
    }
    const int given = int(parts.size()) - 1;
    if (given > k->paramCount) {
        fail(error, QStringLiteral("Fault %1 takes at most %2 parameter%3: %4.")
                        .arg(quoted)
                        .arg(k->paramCount)
                        .arg(k->paramCount == 1 ? QString() : QStringLiteral("s"), usage(*k)));
        return std::nullopt;
    }

    std::array<qint64, 2> values{k->params[0].defaultValue, k->params[1].defaultValue};
    for (int i = 0; i < given; ++i) {
        const Param &p = k->params[size_t(i)];
        const auto v = number(parts.at(i + 1), p.min, p.max);
        if (!v) {
            fail(error, QStringLiteral("Fault %1: %2 must be a whole number from %3 to %4.")
                            .arg(quoted, QString::fromLatin1(p.name))
                            .arg(p.min)
                            .arg(p.max));
            return std::nullopt;
        }
        values[size_t(i)] = *v;
    }

    FaultSpec f;
    f.kind = k->kind;
    switch (f.kind) {
    case Kind::Delay:
    case Kind::Drop:
    case Kind::Refuse:
        f.value = int(values[0]);
        break;
    case Kind::Exception:
        f.value = int(values[0]);
        f.every = int(values[1]);
        break;
    case Kind::Garbage:
    case Kind::Truncate:
    case Kind::WrongTid:
        f.every = int(values[0]);
        break;
    case Kind::Outage:
        f.fromMs = values[0];
        f.untilMs = values[0] + values[1];
        break;
    }

    if (at >= 0) {
        if (f.kind == Kind::Outage) {
            fail(error, QStringLiteral("Fault %1: an outage has its own time window "
                                       "(outage:START_MS:LENGTH_MS) and takes no @ limit.")
                            .arg(quoted));
            return std::nullopt;
        }
        const QStringList window = spec.mid(at + 1).split(QLatin1Char('+'));
        const auto start = window.size() == 2 ? number(window.at(0), 0, kMaxMs) : std::optional<qint64>(0);
        const auto length = window.size() <= 2 ? number(window.last(), 1, kMaxMs) : std::nullopt;
        if (!start || !length) {
            fail(error, QStringLiteral("Fault %1: the time limit must be @DURATION_MS or "
                                       "@START_MS+DURATION_MS, with DURATION_MS from 1 to %2.")
                            .arg(quoted)
                            .arg(kMaxMs));
            return std::nullopt;
        }
        f.fromMs = *start;
        f.untilMs = *start + *length;
    }
    return f;
}

std::optional<QList<FaultSpec>> FaultSpec::parseList(const QStringList &texts, QString *error)
{
    QList<FaultSpec> out;
    for (const QString &text : texts) {
        const auto f = parse(text, error);
        if (!f)
            return std::nullopt;
        out.append(*f);
    }
    return out;
}

QString FaultSpec::syntax()
{
    QStringList kinds;
    for (const KindInfo &k : kKinds)
        kinds.append(usage(k));
    return kinds.join(QStringLiteral(", ")) +
           QStringLiteral("; any but outage may end in @DURATION_MS or @START_MS+DURATION_MS");
}

QString FaultSpec::kindName(Kind kind)
{
    return QString::fromLatin1(info(kind).name);
}

QString FaultSpec::toString() const
{
    QString text = kindName(kind);
    auto add = [&text](qint64 v) { text += QLatin1Char(':') + QString::number(v); };
    switch (kind) {
    case Kind::Delay:
    case Kind::Drop:
    case Kind::Refuse:
        add(value);
        break;
    case Kind::Exception:
        add(value);
        if (every != 1)
            add(every);
        break;
    case Kind::Garbage:
    case Kind::Truncate:
    case Kind::WrongTid:
        if (every != 1)
            add(every);
        break;
    case Kind::Outage:
        add(fromMs);
        add(untilMs - fromMs);
        return text;
    }
    if (untilMs >= 0)
        text += QLatin1Char('@') + (fromMs > 0 ? QString::number(fromMs) + QLatin1Char('+') : QString()) +
                QString::number(untilMs - fromMs);
    return text;
}

bool FaultSpec::isActiveAt(qint64 msSinceStart) const
{
    return msSinceStart >= fromMs && (untilMs < 0 || msSinceStart < untilMs);
}

bool FaultSpec::operator==(const FaultSpec &other) const
{
    return kind == other.kind && value == other.value && every == other.every && fromMs == other.fromMs &&
           untilMs == other.untilMs;
}

} // namespace pyrolink
