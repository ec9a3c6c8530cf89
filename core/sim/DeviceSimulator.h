#pragma once

#include "profile/Profile.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QObject>

#include <memory>
#include <optional>

class QModbusServer;

namespace pyrolink {

Q_DECLARE_LOGGING_CATEGORY(lcSim)

class SimulatorServer;
class SimulatorBehaviour;

/// A simulated Modbus device that serves any profile over Modbus TCP (QModbusTcpServer).
/// Every register of the chosen model holds a value (the profile's `default`, else a plausible one);
/// addresses that no register of the model covers answer exception 2 (Illegal data address), as a real
/// device does. For the Optris CT profile a behaviour model makes the readings live (see OptrisCtBehaviour).
///
/// Unit id: the simulator answers only requests for unitId() (the profile's `defaults.unit` to begin with).
/// Requests for any other unit id, 0 and 255 included, get no answer at all, as QModbusTcpServer (Qt 6.4)
/// does: the client sees a timeout, as it would behind a gateway with no such device.
class DeviceSimulator : public QObject
{
    Q_OBJECT
public:
    /// An empty or unknown `model` means the profile's default model.
    DeviceSimulator(std::shared_ptr<const Profile> profile, const QString &model, QObject *parent = nullptr);
    ~DeviceSimulator() override;

    /// Starts serving on address:port (port 0 picks a free one). Returns false and sets *error if it cannot.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void close();
    bool isListening() const;
    /// The port actually listened on (the one picked for port 0); 0 when not listening.
    quint16 port() const;
    QHostAddress address() const;

    const Profile &profile() const { return *m_profile; }
    QString model() const { return m_model; }
    int unitId() const { return m_unitId; }
    /// The unit id answered from now on (1-247, or 255 as many TCP-only devices use).
    void setUnitId(int unit);
    /// Seeds per-device differences (serial number, temperatures), so several devices differ.
    /// Puts every register back to its initial value: call it before listen().
    void setInstance(int index);
    int instance() const { return m_instance; }

    /// The engineering value a register holds now (nullopt for an unknown id or a `words` block).
    std::optional<double> value(const QString &id) const;
    /// The engineering value of a register of this model (NaN for a `words` block).
    double value(const RegisterDef &def) const;
    /// Sets a register as the device itself would (no access checks). Returns false for an unknown id.
    bool setValue(const QString &id, double value);
    /// Sets a register of this model; the value is clamped to the register's range and rounded to its
    /// resolution, so what is stored can always be read back and decoded.
    void setValue(const RegisterDef &def, double value);
    QList<quint16> words(const RegisterDef &def) const;
    void setWords(const RegisterDef &def, const QList<quint16> &words);
    /// The registers of this model, in profile order.
    QList<const RegisterDef *> registers() const { return m_profile->registersFor(m_model); }
    /// The raw registers the server holds (tests and behaviours).
    QModbusServer *server() const;

signals:
    /// A client wrote this register (engineering value; NaN for a `words` block).
    void written(const QString &id, double value);

private:
    friend class SimulatorServer;
    void onClientWrite(Table table, quint16 address, int size);

    std::shared_ptr<const Profile> m_profile;
    QString m_model;
    int m_unitId = 1;
    int m_instance = 0;
    QHostAddress m_address;
    std::unique_ptr<SimulatorServer> m_server;
    std::unique_ptr<SimulatorBehaviour> m_behaviour;
};

} // namespace pyrolink
