#include "SimulatorBehaviour.h"

#include "DeviceSimulator.h"
#include "OptrisCtBehaviour.h"

#include <algorithm>
#include <cmath>

namespace pyrolink {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool isTemperatureUnit(const QString &unit)
{
    return unit == QStringLiteral("°C") || unit == QStringLiteral("°F") || unit == QStringLiteral("K");
}

/// 25 °C in the register's temperature unit.
double roomTemperature(const QString &unit)
{
    if (unit == QStringLiteral("°F"))
        return 77.0;
    if (unit == QStringLiteral("K"))
        return 298.15;
    return 25.0;
}

/// FNV-1a: a hash that is the same on every machine and run (qHash() may differ with the CPU).
quint32 stableHash(const QString &text)
{
    quint32 h = 2166136261u;
    for (QChar c : text)
        h = (h ^ c.unicode()) * 16777619u;
    return h;
}

} // namespace

SimulatorBehaviour::SimulatorBehaviour(DeviceSimulator *device) : m_device(device) {}

SimulatorBehaviour::~SimulatorBehaviour() = default;

std::unique_ptr<SimulatorBehaviour> SimulatorBehaviour::create(DeviceSimulator *device)
{
    if (device->profile().id == QStringLiteral("optris-ct"))
        return std::make_unique<OptrisCtBehaviour>(device);
    return std::make_unique<GenericBehaviour>(device);
}

void SimulatorBehaviour::initialise()
{
    // The same instance of the same profile always behaves the same: tests and screenshots repeat.
    m_random.seed(stableHash(m_device->profile().id) ^ (quint32(m_device->instance()) * 2654435761u));
    const QList<const RegisterDef *> defs = m_device->registers();
    for (const RegisterDef *def : defs) {
        if (def->type == ValueType::Words)
            m_device->setWords(*def, initialWords(*def));
        else
            m_device->setValue(*def, initialValue(*def));
    }
}

double SimulatorBehaviour::initialValue(const RegisterDef &def)
{
    double v = 0.0;
    if (def.defaultValue)
        v = *def.defaultValue;
    else if (!def.enumLabels.isEmpty())
        v = double(def.enumLabels.firstKey());
    else if (isTemperatureUnit(def.unit) && !def.scale.isIdentity())
        v = roomTemperature(def.unit);
    else if (def.min)
        v = *def.min;
    v = std::clamp(v, def.effectiveMin(), def.effectiveMax());
    // On the register's resolution, so that Codec::validate() accepts it as it stands.
    if (def.type != ValueType::F32) {
        const double raw = std::round(v * def.scale.divisor + def.scale.offset);
        v = (raw - def.scale.offset) / def.scale.divisor;
    }
    return v;
}

QList<quint16> SimulatorBehaviour::initialWords(const RegisterDef &def)
{
    // One more FNV step per word: the same words on every run and machine.
    quint32 h = stableHash(def.id);
    QList<quint16> words;
    for (int i = 0; i < def.width(); ++i) {
        h = (h ^ quint32(i)) * 16777619u;
        const quint16 w = quint16(h ^ (h >> 16));
        words.append(w ? w : quint16(0x5A5A));
    }
    return words;
}

double SimulatorBehaviour::gaussian()
{
    // Box-Muller; 1 - u keeps log() away from 0.
    const double u = 1.0 - m_random.generateDouble();
    const double v = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * kPi * v);
}

GenericBehaviour::GenericBehaviour(DeviceSimulator *device) : SimulatorBehaviour(device)
{
    m_wobbleTimer.setInterval(1000);
    connect(&m_wobbleTimer, &QTimer::timeout, this, &GenericBehaviour::wobble);
}

void GenericBehaviour::initialise()
{
    SimulatorBehaviour::initialise();
    m_anchors.clear();
    const QList<const RegisterDef *> defs = m_device->registers();
    for (const RegisterDef *def : defs) {
        const bool reading = def->table == Table::Input || def->table == Table::DiscreteInput;
        // Enumerations, bit fields and raw blocks are states, not measurements: a walk would make them
        // flicker through meaningless values.
        const bool measurement =
            def->type != ValueType::Words && def->enumLabels.isEmpty() && def->bitLabels.isEmpty();
        if (reading && measurement && def->poll == PollClass::Fast && !m_claimed.contains(def))
            m_anchors.insert(def, m_device->value(*def));
    }
}

void GenericBehaviour::start()
{
    if (!m_anchors.isEmpty())
        m_wobbleTimer.start();
}

void GenericBehaviour::stop()
{
    m_wobbleTimer.stop();
}

void GenericBehaviour::clientWrote(const RegisterDef &, double)
{
    // Holding registers and coils keep what was written.
}

void GenericBehaviour::claim(const RegisterDef *def)
{
    if (!def)
        return;
    m_claimed.insert(def);
    m_anchors.remove(def);
}

void GenericBehaviour::wobble()
{
    // Walk in profile order, not hash order, so that a seed always gives the same values.
    const QList<const RegisterDef *> defs = m_device->registers();
    for (const RegisterDef *def : defs) {
        const auto anchor = m_anchors.constFind(def);
        if (anchor == m_anchors.constEnd())
            continue;
        if (def->isBitTable() || def->type == ValueType::Bool) {
            if (m_random.bounded(20) == 0)
                m_device->setValue(*def, m_device->value(*def) != 0.0 ? 0.0 : 1.0);
            continue;
        }
        const double span =
            (def->min && def->max) ? (*def->max - *def->min) * 0.5 : std::max(std::fabs(*anchor), 1.0);
        const double step = std::max(span * 0.01, def->resolution());
        const double now = m_device->value(*def);
        // Pulled back towards the initial value, so that the walk stays near a plausible value.
        m_device->setValue(*def, now + (*anchor - now) * 0.1 + gaussian() * step);
    }
}

} // namespace pyrolink
