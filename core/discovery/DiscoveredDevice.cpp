#include "DiscoveredDevice.h"

#include "record/CsvRecorder.h"

#include <QDir>
#include <QHostAddress>
#include <QSaveFile>

#include <cmath>

namespace pyrolink {

namespace {
enum Column {
    ColIp,
    ColMac,
    ColSerial,
    ColFirmware,
    ColModel,
    ColPort,
    ColUnit,
    ColResponse,
    ColProfile,
    ColCount
};

quint32 ipv4(const QString &host)
{
    bool ok = false;
    const quint32 v = QHostAddress(host).toIPv4Address(&ok);
    return ok ? v : 0;
}
} // namespace

QString DiscoveredDevice::describe() const
{
    if (transport == Transport::Rtu)
        return QStringLiteral("%1 unit %2").arg(serialPort).arg(unit);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

QString DiscoveredDevice::shownModel() const
{
    return modelId.isEmpty() ? product : modelId;
}

QString DiscoveredDevice::shownFirmware() const
{
    return firmware.isEmpty() ? revision : firmware;
}

QStringList DiscoveredDevice::columnNames()
{
    return {QStringLiteral("IP"),       QStringLiteral("MAC"),         QStringLiteral("Serial number"),
            QStringLiteral("Firmware"), QStringLiteral("Model"),       QStringLiteral("Port"),
            QStringLiteral("Unit"),     QStringLiteral("Response ms"), QStringLiteral("Profile")};
}

QString DiscoveredDevice::columnText(int column) const
{
    switch (Column(column)) {
    case ColIp:
        return host;
    case ColMac:
        return mac;
    case ColSerial:
        return serialNumber;
    case ColFirmware:
        return shownFirmware();
    case ColModel:
        return shownModel();
    case ColPort:
        return transport == Transport::Rtu ? serialPort : QString::number(port);
    case ColUnit:
        return QString::number(unit);
    case ColResponse:
        return QString::number(responseMs, 'f', 1);
    case ColProfile:
        return profileId;
    case ColCount:
        break;
    }
    return {};
}

QJsonObject DiscoveredDevice::toJson() const
{
    QJsonObject o{{QStringLiteral("transport"), transportName()},
                  {QStringLiteral("unit"), unit},
                  {QStringLiteral("mac"), mac},
                  {QStringLiteral("vendor"), vendor},
                  {QStringLiteral("product"), product},
                  {QStringLiteral("revision"), revision},
                  {QStringLiteral("serial_number"), serialNumber},
                  {QStringLiteral("firmware"), firmware},
                  {QStringLiteral("profile"), profileId},
                  {QStringLiteral("model"), modelId},
                  {QStringLiteral("response_ms"), std::round(responseMs * 10.0) / 10.0},
                  {QStringLiteral("note"), note},
                  {QStringLiteral("method"), method}};
    if (transport == Transport::Rtu) {
        o[QStringLiteral("serial_port")] = serialPort;
    } else {
        o[QStringLiteral("host")] = host;
        o[QStringLiteral("port")] = port;
    }
    return o;
}

bool DiscoveredDevice::lessThan(const DiscoveredDevice &a, const DiscoveredDevice &b)
{
    if (a.transport != b.transport)
        return a.transport < b.transport;
    if (const quint32 ia = ipv4(a.host), ib = ipv4(b.host); ia != ib)
        return ia < ib;
    if (a.port != b.port)
        return a.port < b.port;
    if (a.serialPort != b.serialPort)
        return a.serialPort < b.serialPort;
    return a.unit < b.unit;
}

bool DiscoveredDevice::writeCsv(const QString &path, const QList<DiscoveredDevice> &devices, QString *error)
{
    const QChar d = CsvOptions().delimiter;
    auto line = [d](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << CsvRecorder::quoteField(f, d);
        return quoted.join(d) + QStringLiteral("\r\n");
    };
    // Same conventions as CsvRecorder: a BOM so that Excel reads UTF-8, CRLF line ends.
    QString text = QString(QChar(0xFEFF)) + line(columnNames());
    for (const DiscoveredDevice &dev : devices) {
        QStringList fields;
        for (int c = 0; c < ColCount; ++c)
            fields << dev.columnText(c);
        text += line(fields);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("Could not write %1: %2.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace pyrolink
