#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QTabWidget;

namespace pyrolink {

class DeviceManager;
class DeviceSession;
class DevicesPanel;
class ProfileRegistry;
class SessionPanel;

/// The application window: a thin assembly of feature panels. Devices on the left; the selected device's
/// live values, configuration, diagnostics and recording in tabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows the tab named live, configuration, diagnostics or recording. False for another name.
    bool showTab(const QString &name);
    static QStringList tabNames();
    DevicesPanel *devicesPanel() const { return m_devicesPanel; }
    SessionPanel *panel(const QString &name) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void setCurrent(DeviceSession *session);
    /// The device's commissioning actions, for the Device menu and the devices' context menu.
    void fillDeviceMenu(QMenu *menu, DeviceSession *session);
    void updateStatus();
    void restoreSettings();
    void rememberDevice(DeviceSession *session);
    void fillRecentMenu();
    void openRecent(const QVariantMap &device);

    DeviceManager *m_devices;
    ProfileRegistry *m_profiles;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_deviceMenu = nullptr;
    class DiscoveryDialog *m_discovery = nullptr; ///< one, kept: a second "Find" shows the running scan
    DevicesPanel *m_devicesPanel;
    QTabWidget *m_tabs;
    QList<SessionPanel *> m_panels;
    QLabel *m_status;
    DeviceSession *m_current = nullptr;
};

} // namespace pyrolink
