#pragma once

#include "SimulatorBehaviour.h"

#include <QElapsedTimer>
#include <QList>
#include <QSet>
#include <QTimer>

#include <utility>

namespace pyrolink {

struct UnitSelector;

/// A believable Optris CT (profile "optris-ct", every model): an object whose true temperature follows a
/// slowly moving setpoint (150-450 °C, first-order lag of 20 s, 0.2 °C noise, 10 Hz), seen through the
/// emissivity and transmission set on the device; head and box temperatures drifting around 37 and 32 °C;
/// °C/°F switching of every temperature; the action registers (error-count reset, factory defaults).
///
/// The CTratio is simulated in its one-colour mode: temp_process follows the emissivity like the other
/// models, and the two-colour temperature is reported in temp_ratio.
class OptrisCtBehaviour : public GenericBehaviour
{
    Q_OBJECT
public:
    explicit OptrisCtBehaviour(DeviceSimulator *device);

    void initialise() override;
    void start() override;
    void stop() override;
    void clientWrote(const RegisterDef &def, double value) override;

    /// Emissivity of the simulated object: set on the device, it shows the object's true temperature.
    static constexpr double kTrueEmissivity = 0.90;
    /// What a one-colour pyrometer set to `emissivity` and `transmission` shows for an object at
    /// `trueCelsius` with `trueEmissivity`, by Stefan-Boltzmann: T_meas^4 = eps_true / (eps * tau) * T^4 (K).
    static double measuredTemperature(double trueCelsius, double trueEmissivity, double emissivity,
                                      double transmission);

private:
    /// The registers this behaviour drives or reads; null where the model lacks one.
    struct Registers
    {
        const RegisterDef *modbusFw, *errorFileId, *errorLine, *errorCode, *errorData, *errorCount;
        const RegisterDef *serial, *ctFw, *sensorType, *sensorLower, *sensorUpper;
        const RegisterDef *process, *head, *box, *act, *avg, *ratio, *t1, *t2, *attenuation;
        const RegisterDef *epsilonAct, *transmissionAct, *epsilonT1, *epsilonT2, *slope;
        const RegisterDef *mv[3]; ///< F1-F3 (CT LT, CT xM) or IO1-IO3 (CTratio, CT 4M)
        const RegisterDef *emissivity, *transmission, *transmission2, *epsilonSlope, *avgTime;
        const RegisterDef *rangeBelow, *rangeAbove;
        const RegisterDef *tempUnit, *errorCountReset, *setDefault;
    };

    const RegisterDef *find(const char *id) const;
    void tick();
    /// Moves the simulated world on by dt seconds.
    void advance(double dt);
    /// Writes the readings for the present state and settings into the input registers.
    void updateOutputs();
    /// Converts the stored holding temperatures when the unit register has changed.
    void syncUnit();
    bool unitIsFahrenheit() const;
    void restoreDefaults();
    /// Stores a temperature given in °C in the device's present unit.
    void setTemperature(const RegisterDef *def, double celsius);
    /// A holding temperature in °C, whatever the unit it is stored in.
    double celsiusSetting(const RegisterDef *def, double fallback) const;
    double setting(const RegisterDef *def, double fallback) const;

    Registers m_r{};
    const UnitSelector *m_unitSelector = nullptr;
    QList<const RegisterDef *> m_holdingTemperatures;
    QSet<const RegisterDef *> m_temperatureDifferences; ///< converted by the factor 1.8 alone
    QList<std::pair<const RegisterDef *, QList<quint16>>> m_factory;

    QTimer m_tickTimer;
    QElapsedTimer m_clock;
    qint64 m_lastTickMs = 0;
    double m_time = 0.0;    ///< simulated seconds since initialise()
    double m_trueC = 300.0; ///< the object's true temperature
    double m_setpointC = 300.0;
    double m_holdLeft = 0.0; ///< seconds until the setpoint moves again
    double m_noiseC = 0.0;   ///< measurement noise of this sample
    double m_ratioNoiseC = 0.0;
    double m_processC = 300.0; ///< the averaged reading when AVG time is set
    QList<double> m_avgWindow; ///< the last 10 s of readings, for temp_avg
    double m_headC = 37.0;
    double m_boxC = 32.0;
    double m_phase = 0.0;
    double m_mvNoise = 0.0;
    bool m_fahrenheit = false; ///< the unit the holding temperatures are stored in
};

} // namespace pyrolink
