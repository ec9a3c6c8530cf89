#include "EmissivityDetermination.h"

#include <cmath>

namespace pyrolink {

namespace {
constexpr double kKelvin = 273.15;

bool isFahrenheit(const QString &unit)
{
    return unit == QStringLiteral("°F");
}
} // namespace

std::optional<EmissivityRegisters> EmissivityDetermination::find(const Profile &profile, const QString &model)
{
    auto writable = [&](const char *id) {
        const RegisterDef *def = profile.findById(QString::fromLatin1(id), model);
        return def && def->isWritable() && def->isReadable() && def->isNumeric() ? def : nullptr;
    };
    auto readable = [&](const char *id) {
        const RegisterDef *def = profile.findById(QString::fromLatin1(id), model);
        return def && def->isReadable() && def->isNumeric() ? def : nullptr;
    };
    EmissivityRegisters r;
    r.target = writable("emissivity_target_temp");
    r.actual = writable("emissivity_actual_temp");
    r.status = writable("emissivity_determination");
    r.emissivity = writable("emissivity");
    r.process = readable("temp_process");
    r.measured = readable("temp_act");
    if (!r.measured)
        r.measured = r.process;
    if (!r.target || !r.actual || !r.status || !r.emissivity || !r.process)
        return std::nullopt;
    return r;
}

double EmissivityDetermination::emissivityFor(double emissivitySet, double measuredKelvin,
                                              double referenceKelvin)
{
    return emissivitySet * std::pow(measuredKelvin / referenceKelvin, 4.0);
}

double EmissivityDetermination::toKelvin(double value, const QString &unit)
{
    if (unit == QStringLiteral("K"))
        return value;
    if (isFahrenheit(unit))
        return (value - 32.0) / 1.8 + kKelvin;
    return value + kKelvin;
}

double EmissivityDetermination::fromKelvin(double kelvin, const QString &unit)
{
    if (unit == QStringLiteral("K"))
        return kelvin;
    if (isFahrenheit(unit))
        return (kelvin - kKelvin) * 1.8 + 32.0;
    return kelvin - kKelvin;
}

double EmissivityDetermination::differenceIn(double kelvin, const QString &unit)
{
    return isFahrenheit(unit) ? kelvin * 1.8 : kelvin;
}

} // namespace pyrolink
