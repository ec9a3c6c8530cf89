#include "Codec.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <cstring>
#include <limits>

namespace pyrolink {

namespace {

quint32 combine(const RegisterDef &def, const QList<quint16> &words)
{
    const quint32 a = words.value(0);
    const quint32 b = words.value(1);
    return def.wordOrder == WordOrder::Be ? (a << 16) | b : (b << 16) | a;
}

QList<quint16> split(const RegisterDef &def, quint32 v)
{
    const quint16 hi = quint16(v >> 16);
    const quint16 lo = quint16(v & 0xFFFF);
    return def.wordOrder == WordOrder::Be ? QList<quint16>{hi, lo} : QList<quint16>{lo, hi};
}

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

/// The value as typed, not rounded to 6 digits: 1.1000001 stays 1.1000001.
QString shortest(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

/// "Epsilon (emissivity)": the name a person reads and the id they type.
QString who(const RegisterDef &def)
{
    return def.id.isEmpty() || def.id == def.name ? def.name : QStringLiteral("%1 (%2)").arg(def.name, def.id);
}

bool isWhole(double v) { return std::isfinite(v) && v == std::floor(v); }

} // namespace

double Codec::rawNumber(const RegisterDef &def, const QList<quint16> &words)
{
    switch (def.type) {
    case ValueType::Bool: return words.value(0) ? 1.0 : 0.0;
    case ValueType::U16: return double(words.value(0));
    case ValueType::S16: return double(qint16(words.value(0)));
    case ValueType::U32: return double(combine(def, words));
    case ValueType::S32: return double(qint32(combine(def, words)));
    case ValueType::F32: {
        const quint32 bits = combine(def, words);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return double(f);
    }
    case ValueType::Words: break;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

QList<quint16> Codec::wordsFromRaw(const RegisterDef &def, double raw)
{
    switch (def.type) {
    case ValueType::Bool: return {quint16(raw != 0.0 ? 1 : 0)};
    case ValueType::U16:
    case ValueType::S16: return {quint16(qint32(std::llround(raw)) & 0xFFFF)};
    case ValueType::U32:
    case ValueType::S32: return split(def, quint32(qint64(std::llround(raw)) & 0xFFFFFFFF));
    case ValueType::F32: {
        const float f = float(raw);
        quint32 bits;
        std::memcpy(&bits, &f, sizeof bits);
        return split(def, bits);
    }
    case ValueType::Words: break;
    }
    return {};
}

QString Codec::validate(const RegisterDef &def, double value)
{
    if (!def.isWritable())
        return QStringLiteral("%1 is read-only.").arg(who(def));
    if (def.type == ValueType::Words)
        return QStringLiteral("%1 is a block of raw words: write it as hex words.").arg(who(def));
    if (!std::isfinite(value))
        return QStringLiteral("%1 needs a finite number.").arg(who(def));
    if (!def.enumLabels.isEmpty() && !def.isAction) {
        if (!isWhole(value) || !def.enumLabels.contains(qint64(value))) {
            QStringList choices;
            for (auto it = def.enumLabels.begin(); it != def.enumLabels.end(); ++it)
                choices << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
            return QStringLiteral("%1 accepts %2; %3 is not one of them.")
                .arg(who(def), choices.join(QStringLiteral(", ")), shortest(value));
        }
    }
    const double lo = def.effectiveMin();
    const double hi = def.effectiveMax();
    // Slack for binary fractions only: far below one step, so nothing outside the range ever wraps.
    const double slack = def.resolution() > 0 ? 1e-6 * def.resolution() : 0.0;
    if (value < lo - slack || value > hi + slack)
        return QStringLiteral("%1 must be from %2 to %3%4; %5 is outside.")
            .arg(who(def), number(lo, def.decimals), number(hi, def.decimals),
                 def.unit.isEmpty() ? QString() : QStringLiteral(" ") + def.unit, shortest(value));
    if (def.type == ValueType::F32) {
        const double raw = value * def.scale.divisor + def.scale.offset;
        if (std::fabs(raw) > double(std::numeric_limits<float>::max()))
            return QStringLiteral("%1 cannot hold %2 as a 32-bit float.").arg(who(def), shortest(value));
        return {};
    }
    const double raw = value * def.scale.divisor + def.scale.offset;
    if (std::fabs(raw - std::round(raw)) > 1e-9 * std::max(1.0, std::fabs(raw)))
        return QStringLiteral("%1 has a resolution of %2; %3 cannot be written exactly.")
            .arg(who(def), QString::number(def.resolution()), shortest(value));
    return {};
}

std::optional<QList<quint16>> Codec::encode(const RegisterDef &def, double value)
{
    if (def.type == ValueType::Words || !validate(def, value).isEmpty())
        return std::nullopt;
    const double raw = value * def.scale.divisor + def.scale.offset;
    return wordsFromRaw(def, def.type == ValueType::F32 ? raw : std::round(raw));
}

QString Codec::wordsToHex(const QList<quint16> &words)
{
    QStringList parts;
    for (quint16 w : words)
        parts << QStringLiteral("0x%1").arg(w, 4, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(' '));
}

std::optional<QList<quint16>> Codec::wordsFromHex(const QString &text)
{
    QList<quint16> out;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    for (QString p : parts) {
        if (p.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
            p = p.mid(2);
        bool ok = false;
        const uint v = p.toUInt(&ok, 16);
        if (!ok || v > 0xFFFF || p.isEmpty() || p.size() > 4)
            return std::nullopt;
        out.append(quint16(v));
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

QStringList Codec::setBitLabels(const RegisterDef &def, double raw)
{
    QStringList out;
    const quint64 bits = quint64(qint64(raw)) & ((def.width() >= 2) ? 0xFFFFFFFFull : 0xFFFFull);
    for (auto it = def.bitLabels.begin(); it != def.bitLabels.end(); ++it)
        if (bits & (quint64(1) << it.key()))
            out << it.value();
    return out;
}

QString Codec::formatValue(const RegisterDef &def, double value)
{
    if (!def.enumLabels.isEmpty() && isWhole(value)) {
        const auto it = def.enumLabels.constFind(qint64(value));
        if (it != def.enumLabels.constEnd())
            return *it;
    }
    if (def.type == ValueType::Bool)
        return value != 0.0 ? QStringLiteral("on") : QStringLiteral("off");
    if (def.type == ValueType::F32)
        return QString::number(value, 'g', 7);
    return number(value, def.decimals);
}

std::optional<double> Codec::parseValue(const RegisterDef &def, const QString &input, QString *error)
{
    const QString text = input.trimmed();
    for (auto it = def.enumLabels.begin(); it != def.enumLabels.end(); ++it)
        if (text.compare(it.value(), Qt::CaseInsensitive) == 0)
            return double(it.key());
    if (def.type == ValueType::Bool || def.isBitTable()) {
        static const QStringList on{QStringLiteral("on"), QStringLiteral("true"), QStringLiteral("yes")};
        static const QStringList off{QStringLiteral("off"), QStringLiteral("false"), QStringLiteral("no")};
        if (on.contains(text, Qt::CaseInsensitive))
            return 1.0;
        if (off.contains(text, Qt::CaseInsensitive))
            return 0.0;
    }
    bool ok = false;
    double v = 0.0;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = double(text.mid(2).toLongLong(&ok, 16));
    else
        v = text.toDouble(&ok); // QString::toDouble is locale-independent (C locale)
    if (!ok || !std::isfinite(v)) {
        if (error)
            *error = QStringLiteral("%1: \"%2\" is not a number%3.")
                         .arg(def.name, input, def.enumLabels.isEmpty() ? QString() : QStringLiteral(" or a label"));
        return std::nullopt;
    }
    return v;
}

QString modbusExceptionName(int code)
{
    switch (code) {
    case 1: return QCoreApplication::translate("pyrolink::Modbus", "Illegal function");
    case 2: return QCoreApplication::translate("pyrolink::Modbus", "Illegal data address");
    case 3: return QCoreApplication::translate("pyrolink::Modbus", "Illegal data value");
    case 4: return QCoreApplication::translate("pyrolink::Modbus", "Server device failure");
    case 5: return QCoreApplication::translate("pyrolink::Modbus", "Acknowledge");
    case 6: return QCoreApplication::translate("pyrolink::Modbus", "Server device busy");
    case 7: return QCoreApplication::translate("pyrolink::Modbus", "Negative acknowledge");
    case 8: return QCoreApplication::translate("pyrolink::Modbus", "Memory parity error");
    case 10: return QCoreApplication::translate("pyrolink::Modbus", "Gateway path unavailable");
    case 11: return QCoreApplication::translate("pyrolink::Modbus", "Gateway target device failed to respond");
    default: return QCoreApplication::translate("pyrolink::Modbus", "Exception %1").arg(code);
    }
}

} // namespace pyrolink
