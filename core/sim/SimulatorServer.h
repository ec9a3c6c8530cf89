#pragma once

#include "profile/RegisterDef.h"

#include <QHostAddress>
#include <QModbusDataUnit>
#include <QModbusTcpServer>

#include <optional>
#include <vector>

namespace pyrolink {

class DeviceSimulator;

/// The Modbus TCP side of a DeviceSimulator. It answers function codes 1-6, 15, 16 and 23 itself, so that
/// the answers are a device's, not QModbusServer's: exception 2 (Illegal data address) for any address that
/// no register of the model covers and for writes to read-only registers, exception 3 (Illegal data value)
/// for values the profile refuses. Other function codes (diagnostics, ...) are left to QModbusTcpServer.
class SimulatorServer : public QModbusTcpServer
{
    Q_OBJECT
public:
    explicit SimulatorServer(DeviceSimulator *device);

    /// Listens on address:port; port 0 picks a free port. Returns false and sets *error if it cannot.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    /// The port listened on; 0 when not listening.
    quint16 listeningPort() const;

    /// The register of the model that covers `address` of `table`, or nullptr.
    const RegisterDef *registerAt(Table table, quint16 address) const;
    /// The registers overlapping [address, address + count), each once, in address order.
    QList<const RegisterDef *> registersIn(Table table, quint16 address, int count) const;

    static QModbusDataUnit::RegisterType registerType(Table table);

protected:
    QModbusResponse processRequest(const QModbusPdu &request) override;

private:
    /// Which register covers each address of one table, from the table's first covered address on.
    struct TableIndex
    {
        int first = 0;
        std::vector<const RegisterDef *> covering;
    };

    void buildIndex();
    bool openOn(const QHostAddress &address, quint16 port);
    /// True if every address of [address, address + count) is covered by a register.
    bool isCovered(Table table, int address, int count) const;
    QModbusResponse readTable(const QModbusPdu &request, Table table);
    QModbusResponse writeSingle(const QModbusPdu &request, Table table);
    QModbusResponse writeMultiple(const QModbusPdu &request, Table table);
    QModbusResponse readWriteRegisters(const QModbusPdu &request);
    /// Checks and applies a client's write; the exception to answer, or nullopt when it was applied.
    std::optional<QModbusExceptionResponse::ExceptionCode> applyWrite(Table table, quint16 address,
                                                                      const QList<quint16> &values);
    QByteArray readPayload(Table table, quint16 address, int count) const;

    DeviceSimulator *m_device;
    TableIndex m_index[4]; // by int(Table)
    quint16 m_fixedPort = 0;
};

} // namespace pyrolink
