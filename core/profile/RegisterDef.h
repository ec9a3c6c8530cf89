#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pyrolink {

/// The four Modbus data tables.
enum class Table { Coil, DiscreteInput, Input, Holding };

/// How the raw registers of one value are interpreted before scaling.
enum class ValueType { Bool, U16, S16, U32, S32, F32, Words };

/// Order of the two 16-bit words of a 32-bit value: Be = high word at the lower address.
enum class WordOrder { Be, Le };

enum class Access { Read, ReadWrite, Write };

/// How often a register is polled in live views.
enum class PollClass { Fast, Slow, Once, Never };

/// engineering = (raw - offset) / divisor
struct Scaling
{
    double offset = 0.0;
    double divisor = 1.0;
    bool isIdentity() const { return offset == 0.0 && divisor == 1.0; }
};

/// One entry of a register map: everything needed to read, show, validate and write one value.
struct RegisterDef
{
    QString id;
    QString name;
    QString description;
    Table table = Table::Holding;
    quint16 address = 0;
    ValueType type = ValueType::U16;
    WordOrder wordOrder = WordOrder::Be;
    int count = 1; ///< registers in a Words block
    Scaling scale;
    QString unit;
    int decimals = 0;
    std::optional<double> min; ///< engineering units, as the profile gives it
    std::optional<double> max;
    std::optional<double> defaultValue;
    QMap<qint64, QString> enumLabels;
    QMap<int, QString> bitLabels;
    Access access = Access::ReadWrite;
    QStringList models; ///< empty: every model
    QString group;
    PollClass poll = PollClass::Slow;
    bool isAction = false;
    double actionValue = 1.0;
    QString actionLabel;
    int sourceLine = 0; ///< line in the profile file, for messages

    /// Number of 16-bit registers (or bits for coils and discrete inputs) the value occupies.
    int width() const;
    quint16 lastAddress() const { return quint16(address + width() - 1); }
    bool isBitTable() const { return table == Table::Coil || table == Table::DiscreteInput; }
    bool isReadable() const { return access != Access::Write; }
    bool isWritable() const;
    bool appliesTo(const QString &model) const { return models.isEmpty() || model.isEmpty() || models.contains(model); }
    bool isNumeric() const { return type != ValueType::Words; }
    /// Engineering limits: the profile's min/max, else what the type and scaling can hold.
    double effectiveMin() const;
    double effectiveMax() const;
    /// Smallest step between two engineering values (1/divisor for integers).
    double resolution() const;
};

QString tableName(Table t);                      ///< "coil", "discrete_input", "input", "holding"
std::optional<Table> tableFromName(const QString &name);
QString typeName(ValueType t);                   ///< "u16", ...
std::optional<ValueType> typeFromName(const QString &name);
QString wordOrderName(WordOrder o);              ///< "be" or "le"
std::optional<WordOrder> wordOrderFromName(const QString &name);
QString accessName(Access a);                    ///< "r", "rw", "w"
QString pollName(PollClass p);                   ///< "fast", "slow", "once", "never"
/// Registers per 32-bit etc. type; Words uses count.
int typeWidth(ValueType t, int count = 1);

} // namespace pyrolink
