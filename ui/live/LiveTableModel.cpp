#include "LiveTableModel.h"

#include "common/Theme.h"
#include "model/LiveValuesModel.h"
#include "poll/DevicePoller.h"
#include "profile/Codec.h"

#include <QColor>
#include <QSettings>

#include <cmath>

namespace pyrolink {

namespace {

// Tints behind the Value cell that keep the palette's text readable: pale on the light theme, deep on the
// dark one.
QColor alarmBackground(LiveTableModel::AlarmState state)
{
    const bool dark = Theme::current() == Theme::Dark;
    if (state == LiveTableModel::AlarmState::High)
        return dark ? QColor(0x7a, 0x26, 0x26) : QColor(0xf6, 0xc3, 0xc3);
    return dark ? QColor(0x23, 0x45, 0x7a) : QColor(0xc4, 0xdb, 0xf7);
}

} // namespace

LiveTableModel::LiveTableModel(QObject *parent) : QIdentityProxyModel(parent) {}

void LiveTableModel::setLiveModel(LiveValuesModel *model, const QString &profileId)
{
    m_profileId = profileId;
    m_charted.clear();
    loadAlarms();
    setSourceModel(model);
}

LiveValuesModel *LiveTableModel::liveModel() const
{
    return qobject_cast<LiveValuesModel *>(sourceModel());
}

const RegisterDef *LiveTableModel::registerAt(int row) const
{
    const LiveValuesModel *model = liveModel();
    if (!model || !model->poller() || row < 0 || row >= model->poller()->registers().size())
        return nullptr;
    return model->poller()->registers().at(row);
}

bool LiveTableModel::isChartable(int row) const
{
    const RegisterDef *def = registerAt(row);
    return def && def->isNumeric();
}

QString LiveTableModel::alarmKey(const QString &profileId, const QString &registerId)
{
    return QStringLiteral("live/alarms/%1/%2").arg(profileId, registerId);
}

void LiveTableModel::loadAlarms()
{
    m_alarms.clear();
    if (m_profileId.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(QStringLiteral("live/alarms/") + m_profileId);
    for (const QString &id : settings.childGroups()) {
        AlarmLimits limits;
        bool ok = false;
        const double low = settings.value(id + QStringLiteral("/low")).toDouble(&ok);
        if (ok)
            limits.low = low;
        const double high = settings.value(id + QStringLiteral("/high")).toDouble(&ok);
        if (ok)
            limits.high = high;
        if (limits.isSet())
            m_alarms.insert(id, limits);
    }
}

void LiveTableModel::setAlarm(const QString &registerId, const AlarmLimits &limits)
{
    if (m_profileId.isEmpty() || registerId.isEmpty())
        return;
    QSettings settings;
    const QString key = alarmKey(m_profileId, registerId);
    settings.remove(key);
    if (limits.isSet()) {
        m_alarms.insert(registerId, limits);
        if (!std::isnan(limits.low))
            settings.setValue(key + QStringLiteral("/low"), limits.low);
        if (!std::isnan(limits.high))
            settings.setValue(key + QStringLiteral("/high"), limits.high);
    } else {
        m_alarms.remove(registerId);
    }
    const int row = rowOfId(registerId);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

LiveTableModel::AlarmState LiveTableModel::alarmState(int row) const
{
    const RegisterDef *def = registerAt(row);
    if (!def)
        return AlarmState::None;
    const auto it = m_alarms.constFind(def->id);
    if (it == m_alarms.constEnd())
        return AlarmState::None;
    const Reading &r = liveModel()->poller()->reading(row);
    // Only a fresh reading raises an alarm: an old value says nothing about the process now.
    if (r.quality != Quality::Good || !std::isfinite(r.value))
        return AlarmState::None;
    if (r.value > it->high)
        return AlarmState::High;
    if (r.value < it->low)
        return AlarmState::Low;
    return AlarmState::None;
}

int LiveTableModel::rowOfId(const QString &registerId) const
{
    const LiveValuesModel *model = liveModel();
    if (!model || !model->poller())
        return -1;
    const auto &regs = model->poller()->registers();
    for (int row = 0; row < regs.size(); ++row)
        if (regs.at(row)->id == registerId)
            return row;
    return -1;
}

QStringList LiveTableModel::charted() const
{
    QStringList ids;
    const LiveValuesModel *model = liveModel();
    if (!model || !model->poller())
        return ids;
    for (const RegisterDef *def : model->poller()->registers())
        if (m_charted.contains(def->id))
            ids.append(def->id);
    return ids;
}

void LiveTableModel::setCharted(const QStringList &registerIds)
{
    m_charted = QSet<QString>(registerIds.cbegin(), registerIds.cend());
    if (rowCount() > 0)
        emit dataChanged(index(0, LiveValuesModel::Name), index(rowCount() - 1, LiveValuesModel::Name),
                         {Qt::CheckStateRole});
}

void LiveTableModel::setChartEditable(bool editable)
{
    if (m_chartEditable == editable)
        return;
    m_chartEditable = editable;
    if (rowCount() > 0)
        emit dataChanged(index(0, LiveValuesModel::Name), index(rowCount() - 1, LiveValuesModel::Name));
}

Qt::ItemFlags LiveTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QIdentityProxyModel::flags(index);
    if (index.column() == LiveValuesModel::Name && m_chartEditable && isChartable(index.row()))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool LiveTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != LiveValuesModel::Name || !m_chartEditable ||
        !isChartable(index.row()))
        return QIdentityProxyModel::setData(index, value, role);
    const QString id = registerAt(index.row())->id;
    const bool on = value.toInt() == Qt::Checked;
    if (on == m_charted.contains(id))
        return true;
    if (on)
        m_charted.insert(id);
    else
        m_charted.remove(id);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit chartedChanged(charted());
    return true;
}

QVariant LiveTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::CheckStateRole:
        if (column == LiveValuesModel::Name && isChartable(index.row()))
            return m_charted.contains(registerAt(index.row())->id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole: {
        if (column != LiveValuesModel::Value && column != LiveValuesModel::Quality &&
            column != LiveValuesModel::Updated)
            break;
        const auto quality = Quality(index.data(LiveValuesModel::QualityRole).toInt());
        if (quality == Quality::Stale)
            return QColor(Theme::staleColor());
        if (quality == Quality::Error)
            return QColor(Theme::errorColor());
        if (quality == Quality::Good && column == LiveValuesModel::Quality)
            return QColor(Theme::goodColor());
        break;
    }
    case Qt::BackgroundRole:
        if (column == LiveValuesModel::Value) {
            const AlarmState state = alarmState(index.row());
            if (state != AlarmState::None)
                return alarmBackground(state);
        }
        break;
    case Qt::ToolTipRole:
        if (column == LiveValuesModel::Value) {
            const AlarmState state = alarmState(index.row());
            const QVariant base = QIdentityProxyModel::data(index, role);
            if (state == AlarmState::None)
                return base;
            const RegisterDef *def = registerAt(index.row());
            const AlarmLimits limits = alarm(def->id);
            const QString text =
                state == AlarmState::High
                    ? tr("Above the high alarm limit %1.").arg(Codec::formatValue(*def, limits.high))
                    : tr("Below the low alarm limit %1.").arg(Codec::formatValue(*def, limits.low));
            return base.toString().isEmpty() ? text : text + u'\n' + base.toString();
        }
        break;
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace pyrolink
