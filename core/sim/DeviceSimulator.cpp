#include "DeviceSimulator.h"

#include "SimulatorBehaviour.h"
#include "SimulatorServer.h"
#include "profile/Codec.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pyrolink {

// Per-request messages are debug, off unless asked for (QT_LOGGING_RULES="pyrolink.sim.debug=true").
Q_LOGGING_CATEGORY(lcSim, "pyrolink.sim", QtInfoMsg)

namespace {

QString chooseModel(const Profile &profile, const QString &model)
{
    if (model.isEmpty() || profile.models.isEmpty())
        return profile.defaultModel();
    if (!profile.hasModel(model)) {
        qCWarning(lcSim) << "profile" << profile.id << "has no model" << model << "; simulating"
                         << profile.defaultModel();
        return profile.defaultModel();
    }
    return model;
}

} // namespace

DeviceSimulator::DeviceSimulator(std::shared_ptr<const Profile> profile, const QString &model,
                                 QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_model(chooseModel(*m_profile, model)),
      m_unitId(m_profile->defaultUnit)
{
    m_server = std::make_unique<SimulatorServer>(this);
    m_server->setServerAddress(m_unitId);
    m_behaviour = SimulatorBehaviour::create(this);
    m_behaviour->initialise();
}

DeviceSimulator::~DeviceSimulator()
{
    close();
}

bool DeviceSimulator::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    QString why;
    if (!m_server->listen(address, port, &why)) {
        qCWarning(lcSim) << "cannot listen on" << address.toString() << port << ":" << why;
        if (error)
            *error = why;
        return false;
    }
    m_address = address;
    m_behaviour->start();
    qCDebug(lcSim).noquote() << "simulating" << m_profile->id << m_model << "unit" << m_unitId << "on"
                             << address.toString() + QLatin1Char(':') + QString::number(this->port());
    return true;
}

void DeviceSimulator::close()
{
    if (m_behaviour)
        m_behaviour->stop();
    if (m_server && m_server->state() != QModbusDevice::UnconnectedState)
        m_server->disconnectDevice();
    m_address.clear();
}

bool DeviceSimulator::isListening() const
{
    return m_server->state() == QModbusDevice::ConnectedState;
}

quint16 DeviceSimulator::port() const
{
    return m_server->listeningPort();
}

QHostAddress DeviceSimulator::address() const
{
    return m_address;
}

void DeviceSimulator::setUnitId(int unit)
{
    m_unitId = unit;
    m_server->setServerAddress(unit);
}

void DeviceSimulator::setInstance(int index)
{
    m_instance = index;
    m_behaviour->initialise();
}

std::optional<double> DeviceSimulator::value(const QString &id) const
{
    const RegisterDef *def = m_profile->findById(id, m_model);
    if (!def || def->type == ValueType::Words)
        return std::nullopt;
    return value(*def);
}

double DeviceSimulator::value(const RegisterDef &def) const
{
    if (def.type == ValueType::Words)
        return std::numeric_limits<double>::quiet_NaN();
    return Codec::decode(def, words(def));
}

bool DeviceSimulator::setValue(const QString &id, double value)
{
    const RegisterDef *def = m_profile->findById(id, m_model);
    if (!def || def->type == ValueType::Words)
        return false;
    setValue(*def, value);
    return true;
}

void DeviceSimulator::setValue(const RegisterDef &def, double value)
{
    if (def.type == ValueType::Words || !std::isfinite(value))
        return;
    const double v = std::clamp(value, def.effectiveMin(), def.effectiveMax());
    double raw = v * def.scale.divisor + def.scale.offset;
    if (def.type != ValueType::F32)
        raw = std::round(raw);
    setWords(def, Codec::wordsFromRaw(def, raw));
}

QList<quint16> DeviceSimulator::words(const RegisterDef &def) const
{
    QModbusDataUnit unit(SimulatorServer::registerType(def.table), def.address, quint16(def.width()));
    if (!m_server->data(&unit))
        return QList<quint16>(def.width(), 0);
    return unit.values();
}

void DeviceSimulator::setWords(const RegisterDef &def, const QList<quint16> &words)
{
    QList<quint16> w = words.mid(0, def.width());
    w.resize(def.width());
    if (def.isBitTable())
        w[0] = w[0] ? 1 : 0;
    m_server->setData(QModbusDataUnit(SimulatorServer::registerType(def.table), def.address, w));
}

QModbusServer *DeviceSimulator::server() const
{
    return m_server.get();
}

void DeviceSimulator::onClientWrite(Table table, quint16 address, int size)
{
    // Take the values as the client wrote them before the behaviour reacts (an action register goes back to
    // 0, a factory reset rewrites everything): written() reports the client's write.
    QList<std::pair<const RegisterDef *, double>> writes;
    const QList<const RegisterDef *> defs = m_server->registersIn(table, address, size);
    for (const RegisterDef *def : defs)
        writes.append({def, value(*def)});
    for (const auto &[def, v] : writes) {
        qCDebug(lcSim) << "client wrote" << def->id << "=" << v;
        m_behaviour->clientWrote(*def, v);
    }
    for (const auto &[def, v] : writes)
        emit written(def->id, v);
}

} // namespace pyrolink
