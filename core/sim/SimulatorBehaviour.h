#pragma once

#include "profile/RegisterDef.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <memory>

namespace pyrolink {

class DeviceSimulator;

/// What makes a simulated device more than a register store: the values it starts with, how its readings
/// move, how it reacts to writes. One behaviour per DeviceSimulator; create() picks it by profile id.
class SimulatorBehaviour : public QObject
{
    Q_OBJECT
public:
    explicit SimulatorBehaviour(DeviceSimulator *device);
    ~SimulatorBehaviour() override;

    /// The behaviour for the device's profile: OptrisCtBehaviour for "optris-ct", else GenericBehaviour.
    static std::unique_ptr<SimulatorBehaviour> create(DeviceSimulator *device);

    /// Puts every register at its initial value (and re-seeds the randomness from the device's instance).
    virtual void initialise();
    /// Starts and stops the timers that move the readings.
    virtual void start() = 0;
    virtual void stop() = 0;
    /// A client wrote `def` (already stored); `value` is what it wrote.
    virtual void clientWrote(const RegisterDef &def, double value) = 0;

    /// The engineering value a register starts with: the profile's default, else the first enum value, else
    /// 25 °C for a scaled temperature, else the minimum or 0; always within the register's range.
    static double initialValue(const RegisterDef &def);
    /// Deterministic, non-zero words for a `words` block (derived from the register id).
    static QList<quint16> initialWords(const RegisterDef &def);

protected:
    /// A normally distributed number (mean 0, standard deviation 1) from m_random.
    double gaussian();

    DeviceSimulator *m_device;
    QRandomGenerator m_random;
};

/// The behaviour of any profile: holding registers and coils keep what is written; input registers and
/// discrete inputs polled "fast" take a small random walk around their initial value once a second, so a
/// live view moves.
class GenericBehaviour : public SimulatorBehaviour
{
    Q_OBJECT
public:
    explicit GenericBehaviour(DeviceSimulator *device);

    void initialise() override;
    void start() override;
    void stop() override;
    void clientWrote(const RegisterDef &def, double value) override;

protected:
    /// Takes a register out of the random walk: a subclass drives it itself.
    void claim(const RegisterDef *def);
    /// One step of the random walk.
    void wobble();

private:
    QTimer m_wobbleTimer;
    QSet<const RegisterDef *> m_claimed;
    QHash<const RegisterDef *, double> m_anchors; ///< the walkers and the value each wanders around
};

} // namespace pyrolink
