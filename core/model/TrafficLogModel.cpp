#include "TrafficLogModel.h"

#include "profile/Codec.h"

#include <QDateTime>

namespace pyrolink {

TrafficLogModel::TrafficLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrafficLogModel::setRowLimit(int rows)
{
    m_limit = std::max(1, rows);
    if (int(m_rows.size()) > m_limit) {
        const int drop = int(m_rows.size()) - m_limit;
        beginRemoveRows({}, 0, drop - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        endRemoveRows();
    }
}

void TrafficLogModel::append(const TrafficEntry &entry)
{
    if (int(m_rows.size()) >= m_limit) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.push_back(entry);
    endInsertRows();
}

void TrafficLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString TrafficLogModel::hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString TrafficLogModel::functionName(const QByteArray &pdu)
{
    if (pdu.isEmpty())
        return {};
    const int code = quint8(pdu.at(0));
    const bool exception = code & 0x80;
    QString name;
    switch (code & 0x7F) {
    case 0x01:
        name = tr("Read coils");
        break;
    case 0x02:
        name = tr("Read discrete inputs");
        break;
    case 0x03:
        name = tr("Read holding registers");
        break;
    case 0x04:
        name = tr("Read input registers");
        break;
    case 0x05:
        name = tr("Write single coil");
        break;
    case 0x06:
        name = tr("Write single register");
        break;
    case 0x0F:
        name = tr("Write multiple coils");
        break;
    case 0x10:
        name = tr("Write multiple registers");
        break;
    case 0x2B:
        name = tr("Read device identification");
        break;
    default:
        name = tr("Function");
        break;
    }
    name += QStringLiteral(" (%1)").arg(code & 0x7F);
    if (exception && pdu.size() > 1)
        name += QLatin1String(": ") + modbusExceptionName(quint8(pdu.at(1)));
    return name;
}

int TrafficLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const TrafficEntry &e = m_rows.at(size_t(index.row()));
    if (role == ErrorRole)
        return e.error;
    if (role == Qt::ToolTipRole && index.column() == Bytes)
        return tr("%n byte(s)", nullptr, int(e.pdu.size()));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Direction:
        return e.outgoing ? QStringLiteral("→") : QStringLiteral("←");
    case Unit:
        return e.unit;
    case Function:
        return functionName(e.pdu);
    case Bytes:
        return hex(e.pdu);
    case Meaning:
        return e.meaning;
    default:
        return {};
    }
}

QVariant TrafficLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Dir");
    case Unit:
        return tr("Unit");
    case Function:
        return tr("Function");
    case Bytes:
        return tr("PDU (hex)");
    case Meaning:
        return tr("Meaning");
    default:
        return {};
    }
}

} // namespace pyrolink
