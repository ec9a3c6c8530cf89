#pragma once

#include <QChar>
#include <QString>

namespace pyrolink {

/// Where and how to reach one Modbus device: TCP host and port, or an RTU serial line.
struct ConnectionSettings
{
    enum class Transport { Tcp, Rtu };
    Transport transport = Transport::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    int port = 502;
    QString serialPort;
    int baud = 19200;
    QChar parity = QLatin1Char('N');
    int dataBits = 8;
    int stopBits = 1;
    int unit = 1;
    int timeoutMs = 1000; ///< response timeout per request
    int retries = 1;      ///< repeats after a timeout

    /// "192.168.0.4:502 unit 1" or "/dev/ttyUSB0 19200 8N1 unit 1"
    QString describe() const;
};

} // namespace pyrolink
