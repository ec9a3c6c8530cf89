#pragma once

#include "modbus/ConnectionSettings.h"
#include "modbus/Reading.h"
#include "profile/Profile.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

namespace pyrolink {

class DeviceSession;
class HistoryStore;

/// One line of the identity block: a label and its value ("Serial number", "23129999").
struct ReportField
{
    QString label;
    QString value;
};

/// One configured value: where it lives and what the device holds.
struct ReportConfigRow
{
    QString group;   ///< heading the row is listed under ("Emissivity and transmission")
    QString name;    ///< "Epsilon"
    QString value;   ///< "0.950", "Smart Averaging"; empty when it was never read
    QString unit;    ///< the device's current unit ("°C" or "°F")
    QString address; ///< "holding 10010"
    QString remark;  ///< why the value is missing or old; empty when it was read just now
};

/// One measured value at the moment of the report.
struct ReportReading
{
    QString group; ///< heading the row is listed under ("Temperatures")
    QString name;
    QString value; ///< empty when never read
    QString unit;
    Quality quality = Quality::Unknown;
    QDateTime time; ///< when the device answered; invalid if it never did
};

/// One charted channel. x is milliseconds since the epoch, y the value; a NaN y breaks the line (a gap).
struct ReportSeries
{
    QString name;
    QString unit;
    QString group; ///< the register's group, to caption the chart panel
    QColor color;
    int decimals = 1;
    QList<QPointF> points;
};

/// Everything a commissioning report shows, gathered first so that the command line and the desktop
/// application fill it the same way and the report never talks to a device itself.
struct ReportData
{
    Q_DECLARE_TR_FUNCTIONS(pyrolink::ReportData)
public:
    QString title;       ///< the device as the application names it ("CTratio · 192.168.0.4:502 unit 1")
    QString profileName; ///< the profile's name
    QString modelName;
    QString serial;   ///< empty when the profile names no serial register or it could not be read
    QString firmware; ///< likewise
    QString connection;
    QList<ReportField> identity; ///< further identity values (read once per connection) besides the above
    QString technician;
    QString notes;
    QDateTime created;
    QString software; ///< "Pyrolink 0.1.0"
    QList<ReportConfigRow> configuration;
    QList<ReportReading> readings;
    QList<ReportSeries> chart;
    qint64 chartStartMs = 0; ///< the time range the chart shows
    qint64 chartEndMs = 0;

    /// Chart points per channel: at most 4 per column of this many (HistoryBuffer's M4 reduction), enough
    /// for a smooth line across an A4 page without a megabyte of PDF per channel.
    static constexpr int kChartColumns = 700;

    /// From an open device: its readings now, every writable register's last value, and the history of its
    /// chart channels (DeviceSession::historyChannels()) over the last `chartWindowMs` (less if the history
    /// is shorter).
    static ReportData fromSession(const DeviceSession &session, qint64 chartWindowMs,
                                  const QDateTime &now = QDateTime::currentDateTime());
    /// From readings taken by someone else (the command line's one-shot read and short poll): `readings`
    /// holds at most one Reading per register (later ones win), `history` the chart channels keyed by
    /// register id, charted over [chartStartMs, chartEndMs].
    static ReportData fromReadings(const Profile &profile, const QString &model,
                                   const ConnectionSettings &settings, const QList<Reading> &readings,
                                   const HistoryStore *history,
                                   const QList<const RegisterDef *> &chartChannels, qint64 chartStartMs,
                                   qint64 chartEndMs, const QDateTime &now = QDateTime::currentDateTime());

    /// The registers listed as configuration: every writable value of the model (actions excluded), in
    /// group order.
    static QList<const RegisterDef *> configurationRegisters(const Profile &profile, const QString &model);
    /// The registers listed as live readings: every readable, non-writable value that is polled (identity
    /// registers, read once, go to the identity block instead), in group order.
    static QList<const RegisterDef *> measurementRegisters(const Profile &profile, const QString &model);
    /// The identity registers: the profile's serial and firmware roles and every numeric register read once.
    static QList<const RegisterDef *> identityRegisters(const Profile &profile, const QString &model);
    /// The channels charted by default: the numeric measurements polled every cycle.
    static QList<const RegisterDef *> defaultChartChannels(const Profile &profile, const QString &model);
    /// What a register holds, as a person reads it: "0.950", "Smart Averaging", "5 (Alpha, Gamma)".
    static QString formatReading(const Reading &reading);
};

} // namespace pyrolink
