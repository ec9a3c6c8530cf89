#pragma once

#include "profile/Profile.h"

#include <optional>

namespace pyrolink {

/// The registers of a device's emissivity determination: the CT LT's 10046-10048 (target temperature,
/// actual temperature, on/off) and what goes with them. Found by register id, a convention of the profiles
/// rather than a field of the format: emissivity_target_temp, emissivity_actual_temp,
/// emissivity_determination and emissivity, all writable; temp_process readable; temp_act if the device has
/// it.
struct EmissivityRegisters
{
    const RegisterDef *target = nullptr;     ///< 10046: the reference temperature
    const RegisterDef *actual = nullptr;     ///< 10047: what the device reports during the determination
    const RegisterDef *status = nullptr;     ///< 10048: 1 = on, 0 = off
    const RegisterDef *emissivity = nullptr; ///< 10010
    const RegisterDef *process = nullptr;    ///< the process temperature a person sees (1020)
    const RegisterDef *measured = nullptr;   ///< the one to compute from: temp_act (no averaging, no hold),
                                             ///< else the process temperature
};

/// The emissivity assistant's arithmetic, free of widgets.
///
/// A one-colour pyrometer set to emissivity eps_set sees an object of true emissivity eps at T_ref as
/// T_meas^4 = (eps / eps_set) * T_ref^4 (Stefan-Boltzmann, temperatures in kelvin, the transmission alike
/// on both sides): the simulator computes its readings with the same relation. So the emissivity that makes
/// the device read the reference is
///     eps_new = eps_set * (T_meas / T_ref)^4.
/// The form with the reflected ambient radiation, eps_new = eps_set * (T_meas^4 - T_amb^4) / (T_ref^4 -
/// T_amb^4), is not used: how the device compensates the ambient radiation is not documented, the simulator
/// has no such term, and for a hot object the two differ little (300 °C, 25 °C ambient, eps_set 0.95: 0.900
/// by the simple form, 0.896 with the term).
class EmissivityDetermination
{
public:
    /// The registers of `model`, or nullopt if it has no emissivity determination.
    static std::optional<EmissivityRegisters> find(const Profile &profile, const QString &model);
    /// eps_set * (T_meas / T_ref)^4, temperatures in kelvin.
    static double emissivityFor(double emissivitySet, double measuredKelvin, double referenceKelvin);
    /// A temperature in °C, °F or K (anything else is taken as °C) to kelvin, and back.
    static double toKelvin(double value, const QString &unit);
    static double fromKelvin(double kelvin, const QString &unit);
    /// A temperature difference of `kelvin` in `unit` (1.8 times as many °F).
    static double differenceIn(double kelvin, const QString &unit);
};

} // namespace pyrolink
