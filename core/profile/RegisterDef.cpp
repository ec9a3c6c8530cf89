#include "RegisterDef.h"

#include <cmath>
#include <limits>

namespace pyrolink {

namespace {
struct Named
{
    const char *name;
    int value;
};
constexpr Named kTables[] = {{"coil", int(Table::Coil)},
                             {"discrete_input", int(Table::DiscreteInput)},
                             {"input", int(Table::Input)},
                             {"holding", int(Table::Holding)}};
constexpr Named kTypes[] = {{"bool", int(ValueType::Bool)}, {"u16", int(ValueType::U16)},
                            {"s16", int(ValueType::S16)},   {"u32", int(ValueType::U32)},
                            {"s32", int(ValueType::S32)},   {"f32", int(ValueType::F32)},
                            {"words", int(ValueType::Words)}};

template <size_t N> QString nameOf(const Named (&table)[N], int value)
{
    for (const auto &n : table)
        if (n.value == value)
            return QString::fromLatin1(n.name);
    return {};
}
template <size_t N> std::optional<int> valueOf(const Named (&table)[N], const QString &name)
{
    for (const auto &n : table)
        if (name.compare(QLatin1String(n.name), Qt::CaseInsensitive) == 0)
            return n.value;
    return std::nullopt;
}
} // namespace

QString tableName(Table t) { return nameOf(kTables, int(t)); }
std::optional<Table> tableFromName(const QString &name)
{
    if (auto v = valueOf(kTables, name))
        return Table(*v);
    return std::nullopt;
}
QString typeName(ValueType t) { return nameOf(kTypes, int(t)); }
std::optional<ValueType> typeFromName(const QString &name)
{
    if (auto v = valueOf(kTypes, name))
        return ValueType(*v);
    return std::nullopt;
}
QString wordOrderName(WordOrder o) { return o == WordOrder::Be ? QStringLiteral("be") : QStringLiteral("le"); }
std::optional<WordOrder> wordOrderFromName(const QString &name)
{
    if (name == QLatin1String("be"))
        return WordOrder::Be;
    if (name == QLatin1String("le"))
        return WordOrder::Le;
    return std::nullopt;
}
QString accessName(Access a)
{
    switch (a) {
    case Access::Read: return QStringLiteral("r");
    case Access::Write: return QStringLiteral("w");
    case Access::ReadWrite: break;
    }
    return QStringLiteral("rw");
}
QString pollName(PollClass p)
{
    switch (p) {
    case PollClass::Fast: return QStringLiteral("fast");
    case PollClass::Once: return QStringLiteral("once");
    case PollClass::Never: return QStringLiteral("never");
    case PollClass::Slow: break;
    }
    return QStringLiteral("slow");
}

int typeWidth(ValueType t, int count)
{
    switch (t) {
    case ValueType::U32:
    case ValueType::S32:
    case ValueType::F32: return 2;
    case ValueType::Words: return count;
    default: return 1;
    }
}

int RegisterDef::width() const { return isBitTable() ? 1 : typeWidth(type, count); }

bool RegisterDef::isWritable() const
{
    return access != Access::Read && (table == Table::Holding || table == Table::Coil);
}

static double rawMin(ValueType t)
{
    switch (t) {
    case ValueType::S16: return -32768.0;
    case ValueType::S32: return -2147483648.0;
    case ValueType::F32: return -double(std::numeric_limits<float>::max());
    default: return 0.0;
    }
}
static double rawMax(ValueType t)
{
    switch (t) {
    case ValueType::Bool: return 1.0;
    case ValueType::S16: return 32767.0;
    case ValueType::U32: return 4294967295.0;
    case ValueType::S32: return 2147483647.0;
    case ValueType::F32: return double(std::numeric_limits<float>::max());
    default: return 65535.0;
    }
}

// A profile's min/max never widens what the type can hold: a u16 with "min": -10 still cannot go below 0.
double RegisterDef::effectiveMin() const
{
    const double a = (rawMin(type) - scale.offset) / scale.divisor;
    const double b = (rawMax(type) - scale.offset) / scale.divisor;
    return min ? std::max(*min, std::min(a, b)) : std::min(a, b);
}

double RegisterDef::effectiveMax() const
{
    const double a = (rawMin(type) - scale.offset) / scale.divisor;
    const double b = (rawMax(type) - scale.offset) / scale.divisor;
    return max ? std::min(*max, std::max(a, b)) : std::max(a, b);
}

double RegisterDef::resolution() const
{
    if (type == ValueType::F32)
        return 0.0;
    return 1.0 / std::fabs(scale.divisor);
}

} // namespace pyrolink
