#pragma once

#include <QHash>
#include <QIdentityProxyModel>
#include <QSet>

#include <limits>

namespace pyrolink {

class LiveValuesModel;
struct RegisterDef;

/// User-set alarm thresholds of one register, in its engineering unit. NaN: no such limit.
struct AlarmLimits
{
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    bool isSet() const { return low == low || high == high; }
};

/// The live values as the Live tab's table shows them, on top of a LiveValuesModel: text coloured by quality
/// (stale amber, error red with the error as tooltip), the Value cell tinted when a reading crosses its alarm
/// limits (red above high, blue below low), and a check box on the Name of numeric registers that says
/// whether the register is charted. Alarm limits are kept in QSettings per profile id and register id.
class LiveTableModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    /// Which alarm limit a value crosses.
    enum class AlarmState { None, Low, High };

    explicit LiveTableModel(QObject *parent = nullptr);

    /// The live model shown (nullptr: none), and the profile whose alarm limits apply.
    void setLiveModel(LiveValuesModel *model, const QString &profileId);
    LiveValuesModel *liveModel() const;

    /// The register of a row (nullptr for an invalid row).
    const RegisterDef *registerAt(int row) const;
    /// Whether a row's register can be charted (numeric registers only).
    bool isChartable(int row) const;

    AlarmLimits alarm(const QString &registerId) const { return m_alarms.value(registerId); }
    /// Sets (or, with an unset AlarmLimits, removes) a register's limits and stores them in QSettings.
    void setAlarm(const QString &registerId, const AlarmLimits &limits);
    AlarmState alarmState(int row) const;

    /// Ids of the registers ticked for the chart.
    QStringList charted() const;
    void setCharted(const QStringList &registerIds);
    /// While false (a recording runs with a fixed set of columns) the chart check boxes cannot be changed.
    void setChartEditable(bool editable);
    bool isChartEditable() const { return m_chartEditable; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// QSettings key of a register's alarm limits ("live/alarms/<profile>/<register>").
    static QString alarmKey(const QString &profileId, const QString &registerId);

signals:
    /// The user ticked or cleared a chart check box (not emitted by setCharted()).
    void chartedChanged(const QStringList &registerIds);

private:
    void loadAlarms();
    int rowOfId(const QString &registerId) const;

    QString m_profileId;
    QHash<QString, AlarmLimits> m_alarms;
    QSet<QString> m_charted;
    bool m_chartEditable = true;
};

} // namespace pyrolink
