#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include <limits>

namespace pyrolink {

class DevicePoller;

/// The readings of one DevicePoller as a table: one row per register, with value, unit, quality, time, and
/// minimum, maximum and mean since resetStatistics(). Follows the poller's coalesced valuesChanged(), so
/// views repaint at most 30 times a second whatever the poll rate.
class LiveValuesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Value, Unit, Quality, Updated, Minimum, Maximum, Mean, ColumnCount };
    enum Role {
        QualityRole = Qt::UserRole + 1, ///< pyrolink::Quality as int
        NumericValueRole,               ///< engineering value as double (NaN when none)
        RegisterIdRole,
        TimestampRole, ///< ms since the epoch
        RawRole,       ///< raw words as QVariantList
    };

    explicit LiveValuesModel(QObject *parent = nullptr);
    void setPoller(DevicePoller *poller);
    DevicePoller *poller() const { return m_poller; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Minimum, maximum and mean start again from the next reading.
    void resetStatistics();

private:
    struct RunningStats
    {
        double min = std::numeric_limits<double>::quiet_NaN();
        double max = std::numeric_limits<double>::quiet_NaN();
        double sum = 0.0;
        quint64 count = 0;
        qint64 lastTimestamp = 0;
    };
    void onValuesChanged(const QList<int> &rows);
    bool isUnitSelector(int row) const;

    QPointer<DevicePoller> m_poller;
    QList<RunningStats> m_stats;
};

} // namespace pyrolink
