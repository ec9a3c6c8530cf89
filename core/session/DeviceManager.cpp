#include "DeviceManager.h"

namespace pyrolink {

DeviceManager::DeviceManager(QObject *parent) : QAbstractListModel(parent) {}

DeviceManager::~DeviceManager() = default;

DeviceSession *DeviceManager::add(std::unique_ptr<DeviceSession> session)
{
    DeviceSession *s = session.get();
    const int row = int(m_sessions.size());
    beginInsertRows({}, row, row);
    m_sessions.push_back(std::move(session));
    endInsertRows();
    auto changed = [this, s] {
        const int r = rowOf(s);
        if (r >= 0)
            emit dataChanged(index(r), index(r));
    };
    connect(s->poller(), &DevicePoller::stateChanged, this, changed);
    connect(s->poller(), &DevicePoller::message, this, changed);
    connect(s, &DeviceSession::writeUnlockedChanged, this, changed);
    connect(s, &DeviceSession::recordingChanged, this, changed);
    emit sessionAdded(s);
    s->start();
    return s;
}

void DeviceManager::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    emit sessionAboutToBeRemoved(m_sessions[size_t(row)].get());
    beginRemoveRows({}, row, row);
    m_sessions.erase(m_sessions.begin() + row);
    endRemoveRows();
}

DeviceSession *DeviceManager::session(int row) const
{
    return row >= 0 && row < count() ? m_sessions[size_t(row)].get() : nullptr;
}

int DeviceManager::rowOf(const DeviceSession *session) const
{
    for (size_t i = 0; i < m_sessions.size(); ++i)
        if (m_sessions[i].get() == session)
            return int(i);
    return -1;
}

int DeviceManager::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant DeviceManager::data(const QModelIndex &index, int role) const
{
    const DeviceSession *s = session(index.row());
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return s->title();
    case Qt::ToolTipRole:
    case MessageRole:
        return s->poller()->lastMessage();
    case StateRole:
        return int(s->poller()->state());
    case SessionRole:
        return QVariant::fromValue(static_cast<QObject *>(const_cast<DeviceSession *>(s)));
    default:
        return {};
    }
}

} // namespace pyrolink
