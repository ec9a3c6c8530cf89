#pragma once

#include <QWidget>

class QListView;
class QMenu;
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
    /// The main window adds its device actions to the list's context menu.
    void contextMenuAboutToShow(pyrolink::DeviceSession *session, QMenu *menu);

private:
    void showContextMenu(const QPoint &pos);

    DeviceManager *m_devices;
    ProfileRegistry *m_profiles;
    QListView *m_list;
    QPushButton *m_remove;
};

} // namespace pyrolink
