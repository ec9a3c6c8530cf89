#include "SimulatorServer.h"

#include "DeviceSimulator.h"
#include "profile/Codec.h"

#include <QTcpServer>

namespace pyrolink {

namespace {

// Quantity limits of the Modbus application protocol (V1.1b3, section 6).
constexpr int kMaxReadRegisters = 125;
constexpr int kMaxReadBits = 2000;
constexpr int kMaxWriteRegisters = 123;
constexpr int kMaxWriteBits = 1968;
constexpr int kMaxReadWriteWrite = 121;

quint16 be16(const QByteArray &data, int at)
{
    return quint16((quint8(data.at(at)) << 8) | quint8(data.at(at + 1)));
}

void appendBe16(QByteArray &data, quint16 value)
{
    data.append(char(value >> 8));
    data.append(char(value & 0xFF));
}

QModbusExceptionResponse exception(const QModbusPdu &request, QModbusExceptionResponse::ExceptionCode code)
{
    return QModbusExceptionResponse(request.functionCode(), code);
}

bool isBitTable(Table table)
{
    return table == Table::Coil || table == Table::DiscreteInput;
}

} // namespace

SimulatorServer::SimulatorServer(DeviceSimulator *device) : m_device(device)
{
    buildIndex();
}

void SimulatorServer::buildIndex()
{
    const QList<const RegisterDef *> defs = m_device->registers();
    for (Table table : {Table::Coil, Table::DiscreteInput, Table::Input, Table::Holding}) {
        int first = 0x10000;
        int last = -1;
        for (const RegisterDef *def : defs) {
            if (def->table != table)
                continue;
            first = std::min(first, int(def->address));
            last = std::max(last, std::min(0xFFFF, int(def->address) + def->width() - 1));
        }
        if (last < 0)
            continue;
        TableIndex &index = m_index[int(table)];
        index.first = first;
        index.covering.assign(size_t(last - first + 1), nullptr);
        for (const RegisterDef *def : defs) {
            if (def->table != table)
                continue;
            for (int a = def->address; a < def->address + def->width() && a <= 0xFFFF; ++a) {
                const RegisterDef *&slot = index.covering[size_t(a - first)];
                if (slot)
                    qCWarning(lcSim) << "two registers of one model at" << tableName(table) << a << ":"
                                     << slot->id << "and" << def->id << "; serving" << slot->id;
                else
                    slot = def;
            }
        }
    }

    // QModbusServer's map holds the words: one block per table, from its first to its last covered address.
    // The gaps inside a block are stored too but never served (isCovered() answers for them).
    QModbusDataUnitMap map;
    for (Table table : {Table::Coil, Table::DiscreteInput, Table::Input, Table::Holding}) {
        const TableIndex &index = m_index[int(table)];
        if (!index.covering.empty())
            map.insert(registerType(table),
                       QModbusDataUnit(registerType(table), index.first,
                                       QList<quint16>(qsizetype(index.covering.size()))));
    }
    setMap(map);
}

QModbusDataUnit::RegisterType SimulatorServer::registerType(Table table)
{
    switch (table) {
    case Table::Coil:
        return QModbusDataUnit::Coils;
    case Table::DiscreteInput:
        return QModbusDataUnit::DiscreteInputs;
    case Table::Input:
        return QModbusDataUnit::InputRegisters;
    case Table::Holding:
        break;
    }
    return QModbusDataUnit::HoldingRegisters;
}

const RegisterDef *SimulatorServer::registerAt(Table table, quint16 address) const
{
    const TableIndex &index = m_index[int(table)];
    const int offset = int(address) - index.first;
    if (offset < 0 || offset >= int(index.covering.size()))
        return nullptr;
    return index.covering[size_t(offset)];
}

QList<const RegisterDef *> SimulatorServer::registersIn(Table table, quint16 address, int count) const
{
    QList<const RegisterDef *> out;
    for (int a = address; a < int(address) + count && a <= 0xFFFF; ++a) {
        const RegisterDef *def = registerAt(table, quint16(a));
        if (def && (out.isEmpty() || out.last() != def))
            out.append(def);
    }
    return out;
}

bool SimulatorServer::isCovered(Table table, int address, int count) const
{
    if (count < 1 || address + count > 0x10000)
        return false;
    for (int a = address; a < address + count; ++a)
        if (!registerAt(table, quint16(a)))
            return false;
    return true;
}

bool SimulatorServer::openOn(const QHostAddress &address, quint16 port)
{
    // QModbusTcpServer parses "host:port" with QUrl, which needs an IPv6 address in brackets.
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    setConnectionParameter(QModbusDevice::NetworkAddressParameter, host);
    setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    return connectDevice();
}

bool SimulatorServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_fixedPort = 0;
    if (openOn(address, port)) {
        if (port != 0) {
            m_fixedPort = port;
            return true;
        }
        if (listeningPort() != 0)
            return true;
        // This Qt no longer keeps its QTcpServer as our child, so the port picked for 0 is unknown.
        disconnectDevice();
    } else if (port != 0) {
        if (error)
            *error = errorString();
        return false;
    }

    // Port 0 without a way to learn the port: let a QTcpServer of our own pick a free one and listen on that.
    // Another program may take it in between, hence a few attempts.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(address, 0))
            break;
        const quint16 free = probe.serverPort();
        probe.close();
        if (openOn(address, free)) {
            m_fixedPort = free;
            return true;
        }
    }
    if (error)
        *error = errorString();
    return false;
}

quint16 SimulatorServer::listeningPort() const
{
    if (state() != QModbusDevice::ConnectedState)
        return 0;
    // QModbusTcpServer (Qt 6.4) creates its QTcpServer as a child and offers no other way to ask which
    // port it got for port 0.
    const auto servers = findChildren<QTcpServer *>(Qt::FindDirectChildrenOnly);
    for (const QTcpServer *server : servers)
        if (server->isListening())
            return server->serverPort();
    return m_fixedPort;
}

QModbusResponse SimulatorServer::processRequest(const QModbusPdu &request)
{
    switch (request.functionCode()) {
    case QModbusPdu::ReadCoils:
        return readTable(request, Table::Coil);
    case QModbusPdu::ReadDiscreteInputs:
        return readTable(request, Table::DiscreteInput);
    case QModbusPdu::ReadHoldingRegisters:
        return readTable(request, Table::Holding);
    case QModbusPdu::ReadInputRegisters:
        return readTable(request, Table::Input);
    case QModbusPdu::WriteSingleCoil:
        return writeSingle(request, Table::Coil);
    case QModbusPdu::WriteSingleRegister:
        return writeSingle(request, Table::Holding);
    case QModbusPdu::WriteMultipleCoils:
        return writeMultiple(request, Table::Coil);
    case QModbusPdu::WriteMultipleRegisters:
        return writeMultiple(request, Table::Holding);
    case QModbusPdu::ReadWriteMultipleRegisters:
        return readWriteRegisters(request);
    default:
        break;
    }
    return QModbusTcpServer::processRequest(request);
}

QByteArray SimulatorServer::readPayload(Table table, quint16 address, int count) const
{
    QModbusDataUnit unit(registerType(table), address, quint16(count));
    data(&unit);
    QByteArray out;
    if (isBitTable(table)) {
        QByteArray bits((count + 7) / 8, '\0');
        for (int i = 0; i < count; ++i)
            if (unit.value(i))
                bits[i / 8] = char(quint8(bits.at(i / 8)) | (1u << (i % 8)));
        out.append(char(bits.size()));
        out.append(bits);
    } else {
        out.append(char(count * 2));
        for (int i = 0; i < count; ++i)
            appendBe16(out, unit.value(i));
    }
    return out;
}

QModbusResponse SimulatorServer::readTable(const QModbusPdu &request, Table table)
{
    if (request.dataSize() != 4)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    const QByteArray data = request.data();
    const quint16 address = be16(data, 0);
    const int count = be16(data, 2);
    if (count < 1 || count > (isBitTable(table) ? kMaxReadBits : kMaxReadRegisters))
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    // Like the device: one uncovered address anywhere in the block fails the whole read.
    if (!isCovered(table, address, count)) {
        qCDebug(lcSim) << "read of uncovered" << tableName(table) << address << "+" << count;
        return exception(request, QModbusExceptionResponse::IllegalDataAddress);
    }
    return QModbusResponse(request.functionCode(), readPayload(table, address, count));
}

QModbusResponse SimulatorServer::writeSingle(const QModbusPdu &request, Table table)
{
    if (request.dataSize() != 4)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    const QByteArray data = request.data();
    const quint16 address = be16(data, 0);
    quint16 value = be16(data, 2);
    if (table == Table::Coil) {
        // The protocol allows only these two values for function 5.
        if (value != 0xFF00 && value != 0x0000)
            return exception(request, QModbusExceptionResponse::IllegalDataValue);
        value = value ? 1 : 0;
    }
    if (const auto code = applyWrite(table, address, {value}))
        return exception(request, *code);
    return QModbusResponse(request.functionCode(), data); // the echo of the request
}

QModbusResponse SimulatorServer::writeMultiple(const QModbusPdu &request, Table table)
{
    const QByteArray data = request.data();
    if (data.size() < 5)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    const quint16 address = be16(data, 0);
    const int count = be16(data, 2);
    const int byteCount = quint8(data.at(4));
    const bool bits = table == Table::Coil;
    const int maxCount = bits ? kMaxWriteBits : kMaxWriteRegisters;
    const int expectedBytes = bits ? (count + 7) / 8 : count * 2;
    if (count < 1 || count > maxCount || byteCount != expectedBytes || data.size() != 5 + byteCount)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);

    QList<quint16> values;
    values.reserve(count);
    for (int i = 0; i < count; ++i)
        values.append(bits ? quint16((quint8(data.at(5 + i / 8)) >> (i % 8)) & 1) : be16(data, 5 + 2 * i));
    if (const auto code = applyWrite(table, address, values))
        return exception(request, *code);
    return QModbusResponse(request.functionCode(), address, quint16(count));
}

QModbusResponse SimulatorServer::readWriteRegisters(const QModbusPdu &request)
{
    const QByteArray data = request.data();
    if (data.size() < 9)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    const quint16 readAddress = be16(data, 0);
    const int readCount = be16(data, 2);
    const quint16 writeAddress = be16(data, 4);
    const int writeCount = be16(data, 6);
    const int byteCount = quint8(data.at(8));
    if (readCount < 1 || readCount > kMaxReadRegisters || writeCount < 1 || writeCount > kMaxReadWriteWrite ||
        byteCount != writeCount * 2 || data.size() != 9 + byteCount)
        return exception(request, QModbusExceptionResponse::IllegalDataValue);
    // Check the read before writing anything: a refused request must change nothing.
    if (!isCovered(Table::Holding, readAddress, readCount))
        return exception(request, QModbusExceptionResponse::IllegalDataAddress);
    QList<quint16> values;
    for (int i = 0; i < writeCount; ++i)
        values.append(be16(data, 9 + 2 * i));
    if (const auto code = applyWrite(Table::Holding, writeAddress, values))
        return exception(request, *code);
    return QModbusResponse(request.functionCode(), readPayload(Table::Holding, readAddress, readCount));
}

std::optional<QModbusExceptionResponse::ExceptionCode>
SimulatorServer::applyWrite(Table table, quint16 address, const QList<quint16> &values)
{
    const int count = int(values.size());
    if (!isCovered(table, address, count)) {
        qCDebug(lcSim) << "write to uncovered" << tableName(table) << address << "+" << count;
        return QModbusExceptionResponse::IllegalDataAddress;
    }
    const QList<const RegisterDef *> defs = registersIn(table, address, count);
    for (const RegisterDef *def : defs) {
        // A read-only holding register answers exception 2, not 1: the device does support function 6/16,
        // it is this address that takes no writes, and "Illegal function" would claim the former.
        if (!def->isWritable()) {
            qCDebug(lcSim) << "write to read-only" << def->id;
            return QModbusExceptionResponse::IllegalDataAddress;
        }
    }
    for (const RegisterDef *def : defs) {
        if (def->type == ValueType::Words)
            continue; // raw blocks take any words
        // Judge the value the register will hold: for a 32-bit value written one word at a time, the new
        // word together with the word already there.
        QList<quint16> words = m_device->words(*def);
        for (int i = 0; i < int(words.size()); ++i) {
            const int a = def->address + i;
            if (a >= address && a < address + count)
                words[i] = values.at(a - address);
        }
        if (def->type == ValueType::Bool && words.value(0) > 1) {
            qCDebug(lcSim) << "refused write to" << def->id << ": a bool takes 0 or 1, not" << words.value(0);
            return QModbusExceptionResponse::IllegalDataValue;
        }
        const QString why = Codec::validate(*def, Codec::decode(*def, words));
        if (!why.isEmpty()) {
            qCDebug(lcSim) << "refused write:" << why;
            return QModbusExceptionResponse::IllegalDataValue;
        }
    }
    setData(QModbusDataUnit(registerType(table), address, values));
    m_device->onClientWrite(table, address, count);
    return std::nullopt;
}

} // namespace pyrolink
