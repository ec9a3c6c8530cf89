#pragma once

#include "RegisterDef.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pyrolink {

/// Converts between raw Modbus words and engineering values, both ways, exactly, and validates writes.
/// The one place that knows the formulas: the CLI, the simulator, the tables and the forms all come here.
class Codec
{
public:
    /// The raw number before scaling: s16/s32 two's complement, u32/s32 words combined in the register's
    /// word order, f32 the IEEE-754 float. `words` holds width() words (for bit tables one word, 0 or 1).
    static double rawNumber(const RegisterDef &def, const QList<quint16> &words);
    /// (raw - offset) / divisor
    static double toEngineering(const RegisterDef &def, double raw)
    {
        return (raw - def.scale.offset) / def.scale.divisor;
    }
    static double decode(const RegisterDef &def, const QList<quint16> &words)
    {
        return toEngineering(def, rawNumber(def, words));
    }

    /// Why `value` cannot be written to `def`, as one sentence; empty when it can.
    static QString validate(const RegisterDef &def, double value);
    /// The words to write for `value`. Call validate() first: an invalid value gives nullopt.
    static std::optional<QList<quint16>> encode(const RegisterDef &def, double value);
    /// A raw number (already scaled back) as words, in the register's type and word order.
    static QList<quint16> wordsFromRaw(const RegisterDef &def, double raw);

    /// Words as "0x1234 0x00ab".
    static QString wordsToHex(const QList<quint16> &words);
    /// "0x1234 0x00ab" or "1234 00ab" back to words; nullopt if malformed.
    static std::optional<QList<quint16>> wordsFromHex(const QString &text);

    /// Labels of the bits set in a bitfield value.
    static QStringList setBitLabels(const RegisterDef &def, double raw);
    /// The value as a person reads it: "23.4", "Smart Averaging", "0x1234 0x5678" (unit not included).
    static QString formatValue(const RegisterDef &def, double value);
    /// Raw words as a person reads them: formatValue() of the decoded value, or hex for a words block.
    static QString formatWords(const RegisterDef &def, const QList<quint16> &words)
    {
        return def.isNumeric() ? formatValue(def, decode(def, words)) : wordsToHex(words);
    }
    /// Parses what a person typed: a number (dot decimal), an enum label, on/off/true/false for bool,
    /// 0x-hex for integers. Sets *error to one sentence on failure.
    static std::optional<double> parseValue(const RegisterDef &def, const QString &text, QString *error);
};

/// Name of a Modbus exception code: 2 -> "Illegal data address".
QString modbusExceptionName(int code);

} // namespace pyrolink
