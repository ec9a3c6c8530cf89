#include "ReportData.h"

#include "ReportChart.h"
#include "history/HistoryStore.h"
#include "modbus/RegisterIo.h"
#include "poll/DevicePoller.h"
#include "profile/Codec.h"
#include "session/DeviceSession.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace pyrolink {

namespace {

QString role(const Profile &profile, const char *name)
{
    return profile.identity.value(QString::fromLatin1(name));
}

/// Index of a group in the profile's group list; ungrouped registers come last.
int groupRank(const Profile &profile, const QString &group)
{
    for (int i = 0; i < profile.groups.size(); ++i)
        if (profile.groups.at(i).id == group)
            return i;
    return int(profile.groups.size());
}

/// The chart's points of one channel over [t0, t1], with a break wherever the device was away: the
/// history records nothing while it is, and a line drawn across such a stretch would invent values.
QList<QPointF> chartPoints(const HistoryBuffer &buffer, qint64 t0, qint64 t1)
{
    QList<QPointF> points = HistoryBuffer::toPolyline(buffer.reduce(t0, t1 + 1, ReportData::kChartColumns));
    const qsizetype first = buffer.lowerBound(t0);
    const qsizetype last = buffer.lowerBound(t1 + 1) - 1;
    if (last <= first)
        return points;
    const double interval = double(buffer.sample(last).tMs - buffer.sample(first).tMs) / double(last - first);
    const double column = double(t1 - t0) / ReportData::kChartColumns;
    // M4 keeps up to 4 points per column, so neighbours are at most about two columns apart; a device that
    // answers keeps them one poll interval apart.
    const double gap = std::max({3 * column, 5 * interval, 1000.0});
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &p : std::as_const(points)) {
        if (!out.isEmpty() && !std::isnan(out.constLast().y()) && !std::isnan(p.y()) &&
            p.x() - out.constLast().x() > gap)
            out.append(QPointF((out.constLast().x() + p.x()) / 2, std::nan("")));
        out.append(p);
    }
    return out;
}

QString withUnit(const QString &value, const QString &unit)
{
    return unit.isEmpty() || value.isEmpty() ? value : value + QLatin1Char(' ') + unit;
}

} // namespace

QString ReportData::formatReading(const Reading &reading)
{
    if (!reading.def || !reading.hasValue())
        return {};
    const RegisterDef &def = *reading.def;
    QString text = Codec::formatWords(def, reading.raw);
    if (!def.bitLabels.isEmpty()) {
        const QStringList bits = Codec::setBitLabels(def, Codec::rawNumber(def, reading.raw));
        text += QStringLiteral(" (%1)").arg(bits.isEmpty() ? tr("none") : bits.join(QStringLiteral(", ")));
    }
    return text;
}

QList<const RegisterDef *> ReportData::configurationRegisters(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->isWritable() && def->isReadable() && !def->isAction && def->poll != PollClass::Never)
            out.append(def);
    // Listed under their group headings in the profile's group order, as the configuration form shows them.
    std::stable_sort(out.begin(), out.end(), [&profile](const RegisterDef *a, const RegisterDef *b) {
        return groupRank(profile, a->group) < groupRank(profile, b->group);
    });
    return out;
}

QList<const RegisterDef *> ReportData::measurementRegisters(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->isReadable() && !def->isWritable() && !def->isAction &&
            (def->poll == PollClass::Fast || def->poll == PollClass::Slow))
            out.append(def);
    std::stable_sort(out.begin(), out.end(), [&profile](const RegisterDef *a, const RegisterDef *b) {
        return groupRank(profile, a->group) < groupRank(profile, b->group);
    });
    return out;
}

QList<const RegisterDef *> ReportData::identityRegisters(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out;
    for (const QString &id : profile.identity)
        if (const RegisterDef *def = profile.findById(id, model); def && def->isReadable())
            out.append(def);
    // Raw word blocks of unpublished format say nothing to a reader of the report.
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->poll == PollClass::Once && def->isReadable() && def->isNumeric() && !out.contains(def))
            out.append(def);
    return out;
}

QList<const RegisterDef *> ReportData::defaultChartChannels(const Profile &profile, const QString &model)
{
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->isReadable() && def->isNumeric() && def->poll == PollClass::Fast)
            out.append(def);
    return out;
}

ReportData ReportData::fromSession(const DeviceSession &session, qint64 chartWindowMs, const QDateTime &now)
{
    const qint64 end = now.toMSecsSinceEpoch();
    qint64 start = end - std::max<qint64>(chartWindowMs, 1000);
    // A history shorter than the window is charted whole rather than after an empty stretch.
    qint64 oldest = end;
    const QList<const RegisterDef *> channels = session.historyChannels();
    for (const RegisterDef *def : channels)
        if (const HistoryBuffer *b = session.history()->find(DeviceSession::historyKey(def));
            b && !b->isEmpty())
            oldest = std::min(oldest, b->firstTime());
    if (oldest < end)
        start = std::max(start, oldest);
    ReportData d = fromReadings(session.profile(), session.model(), session.settings(),
                                session.poller()->readings(), session.history(), channels, start, end, now);
    d.title = session.title();
    if (session.simulator())
        d.connection = tr("Built-in simulator, %1").arg(session.settings().describe());
    return d;
}

ReportData ReportData::fromReadings(const Profile &profile, const QString &model,
                                    const ConnectionSettings &settings, const QList<Reading> &readings,
                                    const HistoryStore *history,
                                    const QList<const RegisterDef *> &chartChannels, qint64 chartStartMs,
                                    qint64 chartEndMs, const QDateTime &now)
{
    QHash<const RegisterDef *, Reading> byDef;
    for (const Reading &r : readings)
        if (r.def)
            byDef.insert(r.def, r);
    const QList<Reading> all = byDef.values();
    const auto unitOf = [&](const RegisterDef *def) { return displayUnit(profile, *def, all); };
    const auto valueOf = [&](const RegisterDef *def) {
        return withUnit(formatReading(byDef.value(def)), unitOf(def));
    };

    ReportData d;
    const ModelDef *m = profile.model(model);
    d.modelName = m ? m->name : profile.name;
    d.profileName = profile.name;
    d.connection = settings.describe();
    d.title = QStringLiteral("%1 · %2").arg(d.modelName, d.connection);
    d.created = now;
    d.software = QStringLiteral("Pyrolink %1").arg(QStringLiteral(PYROLINK_VERSION));

    const RegisterDef *serialDef = profile.findById(role(profile, "serial"), model);
    const RegisterDef *firmwareDef = profile.findById(role(profile, "firmware"), model);
    if (serialDef)
        d.serial = formatReading(byDef.value(serialDef));
    if (firmwareDef)
        d.firmware = valueOf(firmwareDef);
    for (const RegisterDef *def : identityRegisters(profile, model))
        if (def != serialDef && def != firmwareDef)
            d.identity.append(ReportField{def->name, valueOf(def)});

    for (const RegisterDef *def : configurationRegisters(profile, model)) {
        const Reading r = byDef.value(def);
        ReportConfigRow row;
        const GroupDef *g = profile.group(def->group);
        row.group = g ? g->name : profile.groups.isEmpty() ? QString() : tr("Other settings");
        row.name = def->name;
        row.value = formatReading(r);
        row.unit = row.value.isEmpty() ? QString() : unitOf(def);
        row.address = QStringLiteral("%1 %2").arg(tableName(def->table)).arg(def->address);
        if (row.value.isEmpty())
            row.remark = r.error.isEmpty() ? tr("not read") : r.error;
        else if (r.quality != Quality::Good)
            row.remark = tr("last read %1")
                             .arg(QDateTime::fromMSecsSinceEpoch(r.timestampMs)
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        d.configuration.append(row);
    }

    for (const RegisterDef *def : measurementRegisters(profile, model)) {
        const Reading r = byDef.value(def);
        ReportReading row;
        const GroupDef *g = profile.group(def->group);
        row.group = g ? g->name : profile.groups.isEmpty() ? QString() : tr("Other measurements");
        row.name = def->name;
        row.value = formatReading(r);
        row.unit = unitOf(def);
        row.quality = r.def ? r.quality : Quality::Unknown;
        if (r.timestampMs > 0)
            row.time = QDateTime::fromMSecsSinceEpoch(r.timestampMs);
        d.readings.append(row);
    }

    d.chartStartMs = chartStartMs;
    d.chartEndMs = std::max(chartEndMs, chartStartMs);
    // A register keeps the colour it has on the live chart: its place among the model's numeric registers.
    QList<const RegisterDef *> numeric;
    for (const RegisterDef *def : profile.registersFor(model))
        if (def->isReadable() && def->poll != PollClass::Never && def->isNumeric())
            numeric.append(def);
    for (const RegisterDef *def : chartChannels) {
        if (!def->isNumeric())
            continue;
        ReportSeries s;
        s.name = def->name;
        s.unit = unitOf(def);
        const GroupDef *g = profile.group(def->group);
        s.group = g ? g->name : QString();
        s.color = ReportChart::color(int(std::max<qsizetype>(0, numeric.indexOf(def))));
        s.decimals = def->type == ValueType::F32 ? 3 : def->decimals;
        if (const HistoryBuffer *b = history ? history->find(DeviceSession::historyKey(def)) : nullptr)
            s.points = chartPoints(*b, d.chartStartMs, d.chartEndMs);
        d.chart.append(s);
    }
    return d;
}

} // namespace pyrolink
