#include "DiscoveryResultsModel.h"

#include <QGuiApplication>
#include <QHostAddress>
#include <QPalette>

namespace pyrolink {

namespace {
// Column numbers of DiscoveredDevice::columnNames() that the view treats specially.
constexpr int kIpColumn = 0;
constexpr int kPortColumn = 5;
constexpr int kUnitColumn = 6;
constexpr int kResponseColumn = 7;
} // namespace

DiscoveryResultsModel::DiscoveryResultsModel(QObject *parent)
    : QAbstractTableModel(parent), m_columns(DiscoveredDevice::columnNames())
{
}

void DiscoveryResultsModel::clear()
{
    if (m_devices.isEmpty())
        return;
    beginResetModel();
    m_devices.clear();
    endResetModel();
}

void DiscoveryResultsModel::append(const DiscoveredDevice &device)
{
    const int row = int(m_devices.size());
    beginInsertRows({}, row, row);
    m_devices.append(device);
    endInsertRows();
}

int DiscoveryResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

int DiscoveryResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant DiscoveryResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_devices.size())
        return {};
    const DiscoveredDevice &d = m_devices.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        // Unknown values are "-", as in the CLI's table; the CSV export leaves them empty.
        const QString text = d.columnText(column);
        return text.isEmpty() ? QStringLiteral("-") : text;
    }
    case Qt::ForegroundRole:
        // A muted dash, so that the values that are known stand out.
        if (d.columnText(column).isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (column == kUnitColumn || column == kResponseColumn ||
            (column == kPortColumn && d.transport == DiscoveredDevice::Transport::Tcp))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole: {
        // What the columns have no room for: the 43/14 identity and the note (why no model was suggested).
        QStringList lines{d.describe()};
        if (!d.vendor.isEmpty() || !d.product.isEmpty() || !d.revision.isEmpty())
            lines
                << tr("Device identification: %1")
                       .arg(QStringList{d.vendor, d.product, d.revision}.join(QLatin1Char(' ')).simplified());
        if (!d.note.isEmpty())
            lines << d.note;
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        if (column == kIpColumn) {
            bool ok = false;
            const quint32 address = QHostAddress(d.host).toIPv4Address(&ok);
            return ok ? QVariant(qulonglong(address)) : QVariant(qulonglong(0));
        }
        return d.columnText(column);
    default:
        return {};
    }
}

QVariant DiscoveryResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The CLI and CSV keep DiscoveredDevice's English column names; the table shows them translated.
    static const char *const titles[] = {
        QT_TR_NOOP("IP"),   QT_TR_NOOP("MAC"),  QT_TR_NOOP("Serial number"), QT_TR_NOOP("Firmware"),
        QT_TR_NOOP("Model"), QT_TR_NOOP("Port"), QT_TR_NOOP("Unit"),          QT_TR_NOOP("Response ms"),
        QT_TR_NOOP("Profile")};
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_columns.size()) {
        const qsizetype i = DiscoveredDevice::columnNames().indexOf(m_columns.at(section));
        return i >= 0 && i < qsizetype(std::size(titles)) ? tr(titles[i]) : m_columns.at(section);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool DiscoveryResultsSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(DiscoveryResultsModel::SortRole);
    const QVariant b = right.data(DiscoveryResultsModel::SortRole);
    bool okA = false, okB = false;
    const double na = a.toDouble(&okA), nb = b.toDouble(&okB);
    if (okA && okB) {
        if (na != nb)
            return na < nb;
    } else if (const int c = a.toString().compare(b.toString(), Qt::CaseInsensitive); c != 0) {
        return c < 0;
    }
    // Equal in this column: the CLI's order, so ties never shuffle as rows arrive.
    const auto *model = qobject_cast<const DiscoveryResultsModel *>(sourceModel());
    if (!model)
        return left.row() < right.row();
    return DiscoveredDevice::lessThan(model->device(left.row()), model->device(right.row()));
}

} // namespace pyrolink
