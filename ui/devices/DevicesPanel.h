#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace pyrolink {

class DeviceManager;
class DeviceSession;
class ProfileRegistry;

/// The open devices with their connection state at a glance (a coloured dot and the last message), and the
/// buttons to add and remove one.
class DevicesPanel : public QWidget
{
    Q_OBJECT
public:
    DevicesPanel(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent = nullptr);
    DeviceSession *current() const;
    void select(DeviceSession *session);

public slots:
    void addDevice();
    void removeCurrent();

signals:
    void currentChanged(pyrolink::DeviceSession *session);

private:
    DeviceManager *m_devices;
    ProfileRegistry *m_profiles;
    QListView *m_list;
    QPushButton *m_remove;
};

} // namespace pyrolink
