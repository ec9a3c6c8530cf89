#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace pyrolink {

/// One device a discovery method found: where it answers and what it said about itself.
/// Empty strings mean "not known" (a device without a MAC in the neighbour table, no 43/14 support, ...).
struct DiscoveredDevice
{
    enum class Transport { Tcp, Rtu };
    Transport transport = Transport::Tcp;
    QString host;            ///< IPv4 address (TCP)
    int port = 0;            ///< TCP port (TCP)
    QString serialPort;      ///< serial port name (RTU)
    int unit = 1;            ///< the unit id that answered
    QString mac;             ///< from the operating system's neighbour table, "aa:bb:cc:dd:ee:ff"
    QString vendor;          ///< Read Device Identification (43/14): VendorName
    QString product;         ///< 43/14: ProductCode
    QString revision;        ///< 43/14: MajorMinorRevision
    QString serialNumber;    ///< from the matching profile's identity registers
    QString firmware;        ///< from the matching profile's identity registers
    QString profileId;       ///< the profile whose identity registers answered; empty if none did
    QString modelId;         ///< the suggested model of that profile; empty when it could not be told
    double responseMs = 0.0; ///< round trip of the first Modbus answer
    QString note;            ///< one sentence about anything unusual (why no model, a gateway exception)
    QString method;          ///< id of the discovery method that found it ("modbus-tcp", "modbus-rtu")

    QString transportName() const
    {
        return transport == Transport::Rtu ? QStringLiteral("rtu") : QStringLiteral("tcp");
    }
    /// "10.0.0.5:502" or "/dev/ttyUSB0 unit 3": where the device is, for messages.
    QString describe() const;
    /// What the results table shows for the model: the suggested model, else the 43/14 product code.
    QString shownModel() const;
    /// What the results table shows for the firmware: the profile's firmware register, else the 43/14
    /// revision.
    QString shownFirmware() const;

    /// The columns of the results table and of its CSV export, in order (IP, MAC, serial number, ...).
    static QStringList columnNames();
    /// The text of one column of this device, as the table and the CSV export show it.
    QString columnText(int column) const;
    /// The object `pyrolink-cli discover --json` prints for this device (docs/discovery.md lists the fields).
    QJsonObject toJson() const;

    /// Orders by transport, address (numerically), port, serial port and unit.
    static bool lessThan(const DiscoveredDevice &a, const DiscoveredDevice &b);
    /// Writes the results table as CSV (RFC 4180, CRLF, UTF-8 with BOM). False and one sentence on failure.
    static bool writeCsv(const QString &path, const QList<DiscoveredDevice> &devices, QString *error);
};

} // namespace pyrolink

Q_DECLARE_METATYPE(pyrolink::DiscoveredDevice)
