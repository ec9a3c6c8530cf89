#pragma once

#include "discovery/DiscoveredDevice.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>

namespace pyrolink {

/// The devices a discovery found, one row each, in the order they were found. The columns are
/// DiscoveredDevice::columnNames() and each cell is DiscoveredDevice::columnText(), so the view shows exactly
/// what `pyrolink-cli discover` prints and what the CSV export writes.
class DiscoveryResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        /// A value to order the column by: the IPv4 address as a number for IP, the text otherwise.
        SortRole = Qt::UserRole + 1,
    };

    explicit DiscoveryResultsModel(QObject *parent = nullptr);

    /// Removes every row.
    void clear();
    /// Adds one row at the end.
    void append(const DiscoveredDevice &device);
    /// The device of a row; the row must exist.
    const DiscoveredDevice &device(int row) const { return m_devices.at(row); }
    /// Every device, in the order they were found.
    QList<DiscoveredDevice> devices() const { return m_devices; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DiscoveredDevice> m_devices;
    QStringList m_columns;
};

/// Sorts a DiscoveryResultsModel column by column: numbers (ports, unit ids, response times, numeric serial
/// numbers) as numbers, addresses as addresses, and rows that are equal in the column in the CLI's order
/// (DiscoveredDevice::lessThan), so that sorting by a column with empty cells still gives a stable order.
class DiscoveryResultsSortModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace pyrolink
