#include "ConnectionSettings.h"

namespace pyrolink {

QString ConnectionSettings::describe() const
{
    if (transport == Transport::Rtu)
        return QStringLiteral("%1 %2 %3%4%5 unit %6")
            .arg(serialPort)
            .arg(baud)
            .arg(dataBits)
            .arg(parity)
            .arg(stopBits)
            .arg(unit);
    return QStringLiteral("%1:%2 unit %3").arg(host).arg(port).arg(unit);
}

} // namespace pyrolink
