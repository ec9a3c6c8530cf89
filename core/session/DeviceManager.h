#pragma once

#include "DeviceSession.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace pyrolink {

/// The open devices, as a list model for the devices panel: title, connection state and last message.
class DeviceManager : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { StateRole = Qt::UserRole + 1, MessageRole, SessionRole };

    explicit DeviceManager(QObject *parent = nullptr);
    ~DeviceManager() override;

    /// Takes the session, starts it, and returns it.
    DeviceSession *add(std::unique_ptr<DeviceSession> session);
    void remove(int row);
    DeviceSession *session(int row) const;
    int rowOf(const DeviceSession *session) const;
    int count() const { return int(m_sessions.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void sessionAdded(pyrolink::DeviceSession *session);
    void sessionAboutToBeRemoved(pyrolink::DeviceSession *session);

private:
    std::vector<std::unique_ptr<DeviceSession>> m_sessions;
};

} // namespace pyrolink
