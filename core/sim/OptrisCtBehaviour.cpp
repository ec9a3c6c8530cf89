#include "OptrisCtBehaviour.h"

#include "DeviceSimulator.h"

#include <algorithm>
#include <cmath>

namespace pyrolink {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKelvin = 273.15;
constexpr double kTickSeconds = 0.1;
constexpr double kLagSeconds = 20.0;       // first-order lag of the object towards its setpoint
constexpr double kNoiseC = 0.2;            // standard deviation of the measurement noise
constexpr int kAvgWindow = 100;            // temp_avg: mean of the last 10 s at 10 Hz
constexpr double kSecondEmissivity = 0.89; // the object is nearly grey: slope 0.90 / 0.89 for the CTratio
// Ratio pyrometry (Wien): 1/T_ratio = 1/T - (L / c2) ln(slope_true / slope_set), L = l1 l2 / (l2 - l1), with
// l1 = 0.95 um, l2 = 1.05 um (a 1M ratio head) and c2 = 14388 um K.
constexpr double kRatioLOverC2 = (0.95 * 1.05 / 0.10) / 14388.0;

// Factory values where the profile gives no default and "minimum or 0" would be implausible (a gain of 0,
// an offset of +25 °C, an output range of nothing). In °C, as the device leaves the factory.
struct FactoryValue
{
    const char *id;
    double value;
};
constexpr FactoryValue kFactoryValues[] = {
    {"tweak_gain", 1.0},
    {"user_gain", 1.0},
    {"user_gain_ratio", 1.0},
    {"user_gain_t1", 1.0},
    {"user_gain_t2", 1.0},
    {"tweak_offset", 0.0},
    {"user_offset", 0.0},
    {"user_offset_ratio", 0.0},
    {"user_offset_t1", 0.0},
    {"user_offset_t2", 0.0},
    {"advanced_hold_hysteresis", 2.0},
    {"output0_alarm_hysteresis", 2.0},
    {"output1_alarm_hysteresis", 2.0},
    {"output_low_end", 0.0},
    {"output_high_end", 500.0},
    {"output_scale_max", 10000.0},
    {"output0_range_below", 0.0},
    {"output1_range_below", 0.0},
    {"output0_range_above", 500.0},
    {"output1_range_above", 500.0},
    {"output0_ua_below", 4000.0},
    {"output1_ua_below", 4000.0},
    {"output0_ua_above", 20000.0},
    {"output1_ua_above", 20000.0},
    {"output0_mv_above", 10000.0},
    {"output1_mv_above", 10000.0},
    {"output0_alarm_ua_no_alarm", 4000.0},
    {"output1_alarm_ua_no_alarm", 4000.0},
    {"output0_alarm_ua_alarm", 20000.0},
    {"output1_alarm_ua_alarm", 20000.0},
    {"output0_alarm_mv_alarm", 10000.0},
    {"output1_alarm_mv_alarm", 10000.0},
    {"output0_alarm_threshold", 400.0},
    {"output1_alarm_threshold", 400.0},
    {"io1_alarm_threshold", 400.0},
    {"al1_value", 100.0},
    {"al2_value", 200.0},
    {"al3_value", 300.0},
    {"al4_value", 400.0},
    {"max_attenuation", 90.0},
    {"max_attenuation_fixed_ratio", 300.0},
    {"ambient_temp_0v", 0.0},
    {"ambient_temp_10v", 100.0},
};

// Holding registers in °C that are temperature differences: on a unit switch they are multiplied by 1.8,
// without the 32 °F shift of a temperature.
constexpr const char *kDifferenceIds[] = {
    "advanced_hold_hysteresis",
    "output0_alarm_hysteresis",
    "output1_alarm_hysteresis",
    "tweak_offset",
    "user_offset",
    "user_offset_ratio",
    "user_offset_t1",
    "user_offset_t2",
};

double ctFirmware(const QString &model)
{
    if (model == QStringLiteral("ctratio"))
        return 3105;
    if (model == QStringLiteral("ct4m"))
        return 4020;
    if (model == QStringLiteral("ctxm"))
        return 2310;
    return 1460;
}

} // namespace

OptrisCtBehaviour::OptrisCtBehaviour(DeviceSimulator *device) : GenericBehaviour(device)
{
    Registers &r = m_r;
    r.modbusFw = find("modbus_fw_revision");
    r.errorFileId = find("error_file_id");
    r.errorLine = find("error_line");
    r.errorCode = find("error_code");
    r.errorData = find("error_data");
    r.errorCount = find("error_count");
    r.serial = find("serial_number");
    r.ctFw = find("ct_fw_revision");
    r.sensorType = find("sensor_type");
    r.sensorLower = find("sensor_temp_lower");
    r.sensorUpper = find("sensor_temp_upper");
    r.process = find("temp_process");
    r.head = find("temp_head");
    r.box = find("temp_box");
    r.act = find("temp_act");
    r.avg = find("temp_avg");
    r.ratio = find("temp_ratio");
    r.t1 = find("temp_t1");
    r.t2 = find("temp_t2");
    r.attenuation = find("temp_attenuation");
    r.epsilonAct = find("epsilon_act");
    r.transmissionAct = find("transmission_act");
    r.epsilonT1 = find("epsilon_t1");
    r.epsilonT2 = find("epsilon_t2");
    r.slope = find("slope");
    // The same three addresses are F1-F3 on some models and IO1-IO3 on others.
    for (int i = 0; i < 3; ++i)
        r.mv[i] = device->profile().findAt(Table::Input, quint16(1050 + i), device->model());
    r.emissivity = find("emissivity");
    r.transmission = find("transmission");
    r.transmission2 = find("transmission2");
    r.epsilonSlope = find("epsilon_slope");
    r.avgTime = find("avg_time");
    r.rangeBelow = find("output0_range_below");
    r.rangeAbove = find("output0_range_above");
    r.errorCountReset = find("error_count_reset");
    r.setDefault = find("set_default");

    // The °C/°F switch and the registers it converts come from the profile's unit selector.
    for (const UnitSelector &s : device->profile().unitSelectors) {
        if (s.replaces == QStringLiteral("°C")) {
            m_unitSelector = &s;
            r.tempUnit = device->profile().findById(s.registerId, device->model());
        }
    }
    const QList<const RegisterDef *> defs = device->registers();
    for (const RegisterDef *def : defs)
        if (m_unitSelector && def->table == Table::Holding && def->unit == m_unitSelector->replaces)
            m_holdingTemperatures.append(def);
    for (const char *id : kDifferenceIds)
        if (const RegisterDef *def = find(id))
            m_temperatureDifferences.insert(def);

    for (const RegisterDef *def : {r.modbusFw,    r.errorFileId,     r.errorLine, r.errorCode,  r.errorData,
                                   r.errorCount,  r.serial,          r.ctFw,      r.sensorType, r.sensorLower,
                                   r.sensorUpper, r.process,         r.head,      r.box,        r.act,
                                   r.avg,         r.ratio,           r.t1,        r.t2,         r.attenuation,
                                   r.epsilonAct,  r.transmissionAct, r.epsilonT1, r.epsilonT2,  r.slope,
                                   r.mv[0],       r.mv[1],           r.mv[2]})
        claim(def);

    m_tickTimer.setInterval(int(kTickSeconds * 1000));
    connect(&m_tickTimer, &QTimer::timeout, this, &OptrisCtBehaviour::tick);
}

const RegisterDef *OptrisCtBehaviour::find(const char *id) const
{
    return m_device->profile().findById(QString::fromLatin1(id), m_device->model());
}

double OptrisCtBehaviour::measuredTemperature(double trueCelsius, double trueEmissivity, double emissivity,
                                              double transmission)
{
    const double factor = trueEmissivity / std::max(1e-3, emissivity * transmission);
    return (trueCelsius + kKelvin) * std::pow(factor, 0.25) - kKelvin;
}

void OptrisCtBehaviour::initialise()
{
    GenericBehaviour::initialise();
    for (const FactoryValue &f : kFactoryValues)
        if (const RegisterDef *def = find(f.id); def && !def->defaultValue)
            m_device->setValue(*def, f.value);

    const Registers &r = m_r;
    const int instance = m_device->instance();
    auto set = [this](const RegisterDef *def, double v) {
        if (def)
            m_device->setValue(*def, v);
    };
    set(r.modbusFw, 1.05);
    // A last error as the interface board keeps it: file, line, HAL_ERROR, a state, three occurrences.
    set(r.errorFileId, 7);
    set(r.errorLine, 412);
    set(r.errorCode, 1);
    set(r.errorData, 3);
    set(r.errorCount, 3);
    set(r.serial, 23120001.0 + instance);
    set(r.ctFw, ctFirmware(m_device->model()));
    set(r.sensorType, 22); // an LT22 head; its range -50..975 °C starts at 0 here (the register is unsigned)

    m_factory.clear();
    for (const RegisterDef *def : m_device->registers())
        if (def->table == Table::Holding)
            m_factory.append({def, m_device->words(*def)});
    m_fahrenheit = unitIsFahrenheit();

    // Each instance starts from its own object temperature and setpoint.
    m_time = 0.0;
    m_trueC = 150.0 + 300.0 * m_random.generateDouble();
    m_setpointC = 150.0 + 300.0 * m_random.generateDouble();
    m_holdLeft = 60.0 + 120.0 * m_random.generateDouble();
    m_phase = 2.0 * kPi * m_random.generateDouble();
    m_noiseC = kNoiseC * gaussian();
    m_ratioNoiseC = 1.5 * kNoiseC * gaussian();
    m_headC = 37.5 + 2.0 * std::sin(m_phase);
    m_boxC = 32.5 + 2.0 * std::sin(m_phase + 1.0);
    const double actC = measuredTemperature(m_trueC, kTrueEmissivity, setting(r.emissivity, 0.95),
                                            setting(r.transmission, 1.0)) +
                        m_noiseC;
    m_processC = actC;
    m_avgWindow = QList<double>(kAvgWindow, actC);
    updateOutputs();
}

void OptrisCtBehaviour::start()
{
    GenericBehaviour::start();
    m_clock.start();
    m_lastTickMs = 0;
    m_tickTimer.start();
}

void OptrisCtBehaviour::stop()
{
    GenericBehaviour::stop();
    m_tickTimer.stop();
}

void OptrisCtBehaviour::tick()
{
    // Real elapsed time, so that the lag stays right when the event loop is late.
    const qint64 now = m_clock.elapsed();
    const double dt = std::clamp((now - m_lastTickMs) / 1000.0, 0.0, 1.0);
    m_lastTickMs = now;
    advance(dt);
    updateOutputs();
}

void OptrisCtBehaviour::advance(double dt)
{
    m_time += dt;
    m_holdLeft -= dt;
    if (m_holdLeft <= 0.0) {
        m_setpointC = 150.0 + 300.0 * m_random.generateDouble();
        m_holdLeft = 60.0 + 120.0 * m_random.generateDouble();
    }
    m_trueC += (m_setpointC - m_trueC) * (1.0 - std::exp(-dt / kLagSeconds));
    m_noiseC = kNoiseC * gaussian();
    m_ratioNoiseC = 1.5 * kNoiseC * gaussian();
    m_mvNoise = gaussian();
    // Head and box warm and cool with the surroundings over a quarter of an hour.
    m_headC = 37.5 + 2.0 * std::sin(2.0 * kPi * m_time / 900.0 + m_phase) + 0.05 * gaussian();
    m_boxC = 32.5 + 2.0 * std::sin(2.0 * kPi * m_time / 1200.0 + m_phase + 1.0) + 0.05 * gaussian();

    const double actC = measuredTemperature(m_trueC, kTrueEmissivity, setting(m_r.emissivity, 0.95),
                                            setting(m_r.transmission, 1.0)) +
                        m_noiseC;
    // AVG time: the device's own averaging of the process value (an exponential filter).
    const double avgMs = setting(m_r.avgTime, 0.0);
    if (avgMs <= 0.0)
        m_processC = actC;
    else
        m_processC += (actC - m_processC) * (1.0 - std::exp(-dt * 1000.0 / avgMs));
    m_avgWindow.removeFirst();
    m_avgWindow.append(actC);
}

void OptrisCtBehaviour::updateOutputs()
{
    syncUnit();
    const Registers &r = m_r;
    const double eps = setting(r.emissivity, 0.95);
    const double tau = setting(r.transmission, 1.0);
    const double actC = measuredTemperature(m_trueC, kTrueEmissivity, eps, tau) + m_noiseC;
    // Without averaging the process value is the reading itself, at once (also right after a write).
    const double processC = setting(r.avgTime, 0.0) > 0.0 ? m_processC : actC;
    double sum = 0.0;
    for (double v : std::as_const(m_avgWindow))
        sum += v;

    setTemperature(r.act, actC);
    setTemperature(r.process, processC);
    setTemperature(r.avg, sum / std::max<qsizetype>(1, m_avgWindow.size()));
    setTemperature(r.head, m_headC);
    setTemperature(r.box, m_boxC);
    setTemperature(r.sensorLower, 0.0);
    setTemperature(r.sensorUpper, 975.0);

    auto set = [this](const RegisterDef *def, double v) {
        if (def)
            m_device->setValue(*def, v);
    };
    set(r.epsilonAct, eps);
    set(r.transmissionAct, tau);
    if (r.ratio) {
        const double slopeSet = setting(r.epsilonSlope, 1.0);
        const double eps2 = std::clamp(eps / slopeSet, 0.1, 1.1);
        const double trueK = m_trueC + kKelvin;
        const double ratioK =
            1.0 / (1.0 / trueK - kRatioLOverC2 * std::log((kTrueEmissivity / kSecondEmissivity) / slopeSet));
        setTemperature(r.ratio, ratioK - kKelvin + m_ratioNoiseC);
        setTemperature(r.t1, actC);
        setTemperature(r.t2,
                       measuredTemperature(m_trueC, kSecondEmissivity, eps2, setting(r.transmission2, 1.0)) +
                           m_noiseC);
        set(r.epsilonT1, eps);
        set(r.epsilonT2, eps2);
        set(r.slope, slopeSet);
    }
    // Signal attenuation (a window that slowly gets dirty and is cleaned again), in %: the profile calls
    // the unit °C after the vendor's table, but the value is not a temperature and is never converted.
    set(r.attenuation, 6.0 + 3.0 * std::sin(2.0 * kPi * m_time / 1200.0 + m_phase));

    // F1-F3 (LT, xM): an ambient-temperature input at 1.25 V, an open input, a digital input high.
    // IO1-IO3 (ratio, 4M): IO1 a 0-5 V output of the process value over the output range, IO2 low, IO3 high.
    const bool io = r.mv[0] && r.mv[0]->id.startsWith(QStringLiteral("io"));
    double first = 1250.0;
    if (io) {
        const double lo = celsiusSetting(r.rangeBelow, 0.0);
        const double hi = celsiusSetting(r.rangeAbove, 500.0);
        first = hi > lo ? std::clamp(5000.0 * (processC - lo) / (hi - lo), 0.0, 5000.0) : 0.0;
    }
    set(r.mv[0], first + 0.3 * m_mvNoise);
    set(r.mv[1], 0.4 + 0.1 * std::fabs(m_mvNoise));
    set(r.mv[2], 3300.0 - 0.5 * std::fabs(m_mvNoise));
}

bool OptrisCtBehaviour::unitIsFahrenheit() const
{
    if (!m_unitSelector || !m_r.tempUnit)
        return false;
    return m_unitSelector->units.value(qint64(m_device->value(*m_r.tempUnit))) == QStringLiteral("°F");
}

void OptrisCtBehaviour::syncUnit()
{
    // Checked on every update, not only on a client's write: setValue() on the unit register works too.
    const bool fahrenheit = unitIsFahrenheit();
    if (fahrenheit == m_fahrenheit)
        return;
    // Like the device, the stored set values follow the unit, so that 500 °C stays the same threshold.
    for (const RegisterDef *def : std::as_const(m_holdingTemperatures)) {
        const double v = m_device->value(*def);
        const bool difference = m_temperatureDifferences.contains(def);
        double converted;
        if (fahrenheit)
            converted = difference ? v * 1.8 : v * 1.8 + 32.0;
        else
            converted = difference ? v / 1.8 : (v - 32.0) / 1.8;
        m_device->setValue(*def, converted);
    }
    m_fahrenheit = fahrenheit;
    qCDebug(lcSim) << "temperature unit now" << (fahrenheit ? "°F" : "°C");
}

void OptrisCtBehaviour::restoreDefaults()
{
    for (const auto &[def, words] : std::as_const(m_factory))
        m_device->setWords(*def, words);
    // The factory values are stored in the factory unit: nothing to convert.
    m_fahrenheit = unitIsFahrenheit();
    qCDebug(lcSim) << "factory defaults restored";
}

void OptrisCtBehaviour::clientWrote(const RegisterDef &def, double value)
{
    if (def.isAction) {
        if (value == def.actionValue) {
            if (&def == m_r.errorCountReset && m_r.errorCount)
                m_device->setValue(*m_r.errorCount, 0.0);
            else if (&def == m_r.setDefault)
                restoreDefaults();
        }
        // "Change value to send command": the command is taken, the register is idle again.
        m_device->setValue(def, 0.0);
    }
    // Emissivity, transmission and the unit act on the readings at once, not at the next tick.
    updateOutputs();
}

void OptrisCtBehaviour::setTemperature(const RegisterDef *def, double celsius)
{
    if (def)
        m_device->setValue(*def, m_fahrenheit ? celsius * 1.8 + 32.0 : celsius);
}

double OptrisCtBehaviour::setting(const RegisterDef *def, double fallback) const
{
    return def ? m_device->value(*def) : fallback;
}

double OptrisCtBehaviour::celsiusSetting(const RegisterDef *def, double fallback) const
{
    if (!def)
        return fallback;
    const double v = m_device->value(*def);
    return m_fahrenheit ? (v - 32.0) / 1.8 : v;
}

} // namespace pyrolink
