#pragma once

#include "modbus/TrafficEntry.h"

#include <QAbstractTableModel>

#include <deque>

namespace pyrolink {

/// The raw Modbus PDUs of a link, newest last, as a table with their decoded meaning. Keeps at most
/// rowLimit() rows: the oldest go first, so a long session never grows without bound.
class TrafficLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Direction, Unit, Function, Bytes, Meaning, ColumnCount };
    /// True for an exception, timeout or broken answer (the view colours it; core knows no colours).
    static constexpr int ErrorRole = Qt::UserRole + 1;

    explicit TrafficLogModel(QObject *parent = nullptr);

    void setRowLimit(int rows);
    int rowLimit() const { return m_limit; }
    void append(const TrafficEntry &entry);
    void clear();
    const TrafficEntry &entry(int row) const { return m_rows.at(size_t(row)); }

    /// "03 27 10 00 7b": bytes in hex, for people and for pasting into other tools.
    static QString hex(const QByteArray &bytes);
    /// "Read holding registers (3)" from a PDU's first byte.
    static QString functionName(const QByteArray &pdu);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<TrafficEntry> m_rows;
    int m_limit = 2000;
};

} // namespace pyrolink
