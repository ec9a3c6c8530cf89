#include "LiveValuesModel.h"

#include "poll/DevicePoller.h"
#include "profile/Codec.h"

#include <QDateTime>

#include <cmath>

namespace pyrolink {

LiveValuesModel::LiveValuesModel(QObject *parent) : QAbstractTableModel(parent) {}

void LiveValuesModel::setPoller(DevicePoller *poller)
{
    beginResetModel();
    if (m_poller)
        m_poller->disconnect(this);
    m_poller = poller;
    m_stats.clear();
    if (m_poller) {
        m_stats.resize(m_poller->registers().size());
        connect(m_poller, &DevicePoller::valuesChanged, this, &LiveValuesModel::onValuesChanged);
    }
    endResetModel();
}

int LiveValuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_poller ? 0 : int(m_poller->registers().size());
}

int LiveValuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void LiveValuesModel::resetStatistics()
{
    for (RunningStats &s : m_stats)
        s = RunningStats{};
    if (!m_stats.isEmpty())
        emit dataChanged(index(0, Minimum), index(int(m_stats.size()) - 1, Mean));
}

void LiveValuesModel::onValuesChanged(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    for (int row : rows) {
        const Reading &r = m_poller->reading(row);
        RunningStats &s = m_stats[row];
        // Each new answer counts once, however often the row is repainted.
        if (r.quality == pyrolink::Quality::Good && std::isfinite(r.value) &&
            r.timestampMs != s.lastTimestamp) {
            s.lastTimestamp = r.timestampMs;
            s.min = s.count ? std::min(s.min, r.value) : r.value;
            s.max = s.count ? std::max(s.max, r.value) : r.value;
            s.sum += r.value;
            ++s.count;
        }
    }
    // A °C/°F switch changes the unit of rows that were not re-read.
    for (int row : rows) {
        if (isUnitSelector(row)) {
            emit dataChanged(index(0, Unit), index(rowCount() - 1, Unit));
            break;
        }
    }
    // Contiguous runs keep the number of dataChanged() signals small.
    int first = rows.first(), last = rows.first();
    for (int i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == last + 1) {
            last = rows.at(i);
            continue;
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        if (i < rows.size())
            first = last = rows.at(i);
    }
}

bool LiveValuesModel::isUnitSelector(int row) const
{
    const QString &id = m_poller->reading(row).def->id;
    for (const UnitSelector &sel : m_poller->profile().unitSelectors)
        if (sel.registerId == id)
            return true;
    return false;
}

QVariant LiveValuesModel::data(const QModelIndex &index, int role) const
{
    if (!m_poller || !index.isValid() || index.row() >= m_poller->registers().size())
        return {};
    const Reading &r = m_poller->reading(index.row());
    const RegisterDef &def = *r.def;
    const RunningStats &s = m_stats.at(index.row());
    auto number = [&](double v) -> QVariant {
        return std::isfinite(v) ? QVariant(Codec::formatValue(def, v)) : QVariant();
    };
    switch (role) {
    case QualityRole:
        return int(r.quality);
    case NumericValueRole:
        return r.value;
    case RegisterIdRole:
        return def.id;
    case TimestampRole:
        return r.timestampMs;
    case RawRole: {
        QVariantList raw;
        for (quint16 w : r.raw)
            raw.append(w);
        return raw;
    }
    case Qt::ToolTipRole:
        if (!r.error.isEmpty() && r.quality != pyrolink::Quality::Good)
            return r.error;
        return def.description.isEmpty() ? def.name : def.description;
    case Qt::TextAlignmentRole:
        if (index.column() == Value || index.column() >= Minimum)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Name:
        return def.name;
    case Value:
        return r.hasValue() ? Codec::formatWords(def, r.raw) : QVariant();
    case Unit:
        return displayUnit(m_poller->profile(), def, m_poller->readings());
    case Quality:
        switch (r.quality) {
        case pyrolink::Quality::Good: return tr("good");
        case pyrolink::Quality::Stale: return tr("stale");
        case pyrolink::Quality::Error: return tr("error");
        case pyrolink::Quality::Unknown: break;
        }
        return tr("unknown");
    case Updated:
        return r.timestampMs
                   ? QDateTime::fromMSecsSinceEpoch(r.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"))
                   : QVariant();
    case Minimum:
        return s.count ? number(s.min) : QVariant();
    case Maximum:
        return s.count ? number(s.max) : QVariant();
    case Mean:
        return s.count ? number(s.sum / double(s.count)) : QVariant();
    default:
        return {};
    }
}

QVariant LiveValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Register");
    case Value:
        return tr("Value");
    case Unit:
        return tr("Unit");
    case Quality:
        return tr("Quality");
    case Updated:
        return tr("Updated");
    case Minimum:
        return tr("Min");
    case Maximum:
        return tr("Max");
    case Mean:
        return tr("Mean");
    default:
        return {};
    }
}

} // namespace pyrolink
