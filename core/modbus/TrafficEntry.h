#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace pyrolink {

/// One Modbus PDU that went over a link, for the traffic log: what was sent, what came back, and what it means.
struct TrafficEntry
{
    qint64 timestampMs = 0;
    bool outgoing = true;
    int unit = 0;
    QByteArray pdu;  ///< function code and data, as on the wire (without MBAP header or RTU CRC)
    QString meaning; ///< "Read input registers 1000..1086", "87 registers", "Illegal data address"
    bool error = false;
};

} // namespace pyrolink

Q_DECLARE_METATYPE(pyrolink::TrafficEntry)
