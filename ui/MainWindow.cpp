#include "MainWindow.h"

#include "commissioning/BackupDialog.h"
#include "commissioning/EmissivityAssistant.h"
#include "commissioning/ReportDialog.h"
#include "common/Language.h"
#include "common/Theme.h"
#include "secrets/SecretsDialog.h"
#include "config/ConfigurationPanel.h"
#include "devices/DevicesPanel.h"
#include "discovery/DiscoveryDialog.h"
#include "diagnostics/DiagnosticsPanel.h"
#include "live/LivePanel.h"
#include "recording/RecordingPanel.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceManager.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace pyrolink {

MainWindow::MainWindow(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent)
    : QMainWindow(parent), m_devices(devices), m_profiles(profiles), m_devicesPanel(new DevicesPanel(devices, profiles, this)),
      m_tabs(new QTabWidget(this)), m_status(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Pyrolink"));
    auto *dock = new QDockWidget(tr("Devices"), this);
    dock->setObjectName(QStringLiteral("devicesDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_devicesPanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_panels = {new LivePanel, new ConfigurationPanel, new DiagnosticsPanel, new RecordingPanel};
    const QStringList titles{tr("&Live"), tr("&Configuration"), tr("&Diagnostics"), tr("&Recording")};
    for (int i = 0; i < m_panels.size(); ++i) {
        m_panels[i]->setObjectName(tabNames().at(i));
        m_tabs->addTab(m_panels[i], titles.at(i));
    }
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);

    connect(m_devicesPanel, &DevicesPanel::currentChanged, this, &MainWindow::setCurrent);
    connect(devices, &QAbstractItemModel::dataChanged, this, &MainWindow::updateStatus);
    connect(devices, &DeviceManager::sessionAdded, this, &MainWindow::rememberDevice);
    createMenus();
    restoreSettings();
    setCurrent(m_devicesPanel->current());
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::tabNames()
{
    return {QStringLiteral("live"), QStringLiteral("configuration"), QStringLiteral("diagnostics"),
            QStringLiteral("recording")};
}

bool MainWindow::showTab(const QString &name)
{
    const int i = int(tabNames().indexOf(name.toLower()));
    if (i < 0)
        return false;
    m_tabs->setCurrentIndex(i);
    return true;
}

SessionPanel *MainWindow::panel(const QString &name) const
{
    const int i = int(tabNames().indexOf(name.toLower()));
    return i < 0 ? nullptr : m_panels.at(i);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Add device…"), QKeySequence::New, m_devicesPanel, &DevicesPanel::addDevice);
    file->addAction(tr("&Find devices…"), QKeySequence::Find, this, [this] {
        if (!m_discovery)
            m_discovery = new DiscoveryDialog(m_devices, m_profiles, this);
        m_discovery->show();
        m_discovery->raise();
        m_discovery->activateWindow();
    });
    file->addAction(tr("&Remove device"), m_devicesPanel, &DevicesPanel::removeCurrent);
    file->addAction(tr("Device &secrets…"), this, [this] {
        if (!m_current)
            return;
        auto *d = new SecretsDialog(m_current, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    m_recentMenu = file->addMenu(tr("Recent &devices"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *a = view->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    auto *themes = new QActionGroup(this);
    for (Theme::Kind kind : {Theme::Light, Theme::Dark}) {
        QAction *a = view->addAction(kind == Theme::Light ? tr("Light theme") : tr("Dark theme"));
        a->setCheckable(true);
        a->setChecked(Theme::current() == kind);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [kind] {
            Theme::apply(kind);
            QSettings().setValue(QStringLiteral("ui/theme"), Theme::name(kind));
        });
    }

    m_deviceMenu = menuBar()->addMenu(tr("D&evice"));
    connect(m_deviceMenu, &QMenu::aboutToShow, this, [this] {
        m_deviceMenu->clear();
        fillDeviceMenu(m_deviceMenu, m_current);
    });
    connect(m_devicesPanel, &DevicesPanel::contextMenuAboutToShow, this,
            [this](DeviceSession *session, QMenu *menu) {
                menu->addSeparator();
                fillDeviceMenu(menu, session);
            });

    view->addSeparator();
    Language::addMenu(view, this);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pyrolink"), this, [this] {
        QMessageBox::about(
            this, tr("About Pyrolink"),
            tr("<b>Pyrolink %1</b><p>Commissioning and diagnostics for Optris CT pyrometers and any "
               "Modbus TCP or RTU device described by a profile.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::fillDeviceMenu(QMenu *menu, DeviceSession *session)
{
    QAction *report = menu->addAction(tr("Commissioning &report…"), this, [this, session] {
        ReportDialog dialog(session, this);
        dialog.exec();
    });
    report->setEnabled(session);
    menu->addSeparator();
    menu->addAction(tr("&Back up configuration…"), this, [this, session] {
        auto *d = new BackupDialog(session, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
        d->chooseBackupFile();
    })->setEnabled(session);
    menu->addAction(tr("Re&store configuration…"), this, [this, session] {
        auto *d = new BackupDialog(session, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
        d->chooseRestoreFile();
    })->setEnabled(session);
    QAction *assistant = menu->addAction(tr("&Emissivity assistant…"), this, [this, session] {
        auto *w = new EmissivityAssistant(session, this);
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->show();
    });
    assistant->setEnabled(EmissivityAssistant::isAvailable(session));
    if (session && !assistant->isEnabled())
        assistant->setToolTip(tr("This model has no emissivity determination registers."));
    menu->setToolTipsVisible(true);
    if (!session)
        menu->addAction(tr("(no device selected)"))->setEnabled(false);
}

void MainWindow::setCurrent(DeviceSession *session)
{
    m_current = session;
    for (SessionPanel *p : std::as_const(m_panels))
        p->setSession(session);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_current) {
        m_status->setText(tr("No device. Add one with File › Add device (Ctrl+N)."));
        return;
    }
    m_status->setText(QStringLiteral("%1 — %2").arg(m_current->title(), m_current->poller()->lastMessage()));
}

namespace {
const int kMaxRecent = 8;
QString recentKey() { return QStringLiteral("devices/recent"); }
} // namespace

void MainWindow::rememberDevice(DeviceSession *session)
{
    if (session->simulator())
        return; // the simulator is one click away anyway
    const ConnectionSettings &c = session->settings();
    QVariantMap device{{QStringLiteral("profile"), session->profile().id},
                       {QStringLiteral("model"), session->model()},
                       {QStringLiteral("unit"), c.unit},
                       {QStringLiteral("title"), session->title()}};
    if (c.transport == ConnectionSettings::Transport::Rtu) {
        device.insert({{QStringLiteral("serial"), c.serialPort}, {QStringLiteral("baud"), c.baud},
                       {QStringLiteral("parity"), QString(c.parity)}, {QStringLiteral("stopBits"), c.stopBits}});
    } else {
        device.insert({{QStringLiteral("host"), c.host}, {QStringLiteral("port"), c.port}});
    }
    QSettings settings;
    QVariantList recent = settings.value(recentKey()).toList();
    recent.removeIf([&](const QVariant &v) { return v.toMap().value(QStringLiteral("title")) == device.value(QStringLiteral("title")); });
    recent.prepend(device);
    settings.setValue(recentKey(), recent.mid(0, kMaxRecent));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QVariantList recent = QSettings().value(recentKey()).toList();
    for (const QVariant &v : recent) {
        const QVariantMap device = v.toMap();
        m_recentMenu->addAction(device.value(QStringLiteral("title")).toString(), this,
                                [this, device] { openRecent(device); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::openRecent(const QVariantMap &device)
{
    const auto profile = m_profiles->find(device.value(QStringLiteral("profile")).toString());
    if (!profile) {
        QMessageBox::warning(this, tr("Recent devices"),
                             tr("The profile \"%1\" is not installed any more.").arg(device.value(QStringLiteral("profile")).toString()));
        return;
    }
    ConnectionSettings c;
    c.unit = device.value(QStringLiteral("unit")).toInt();
    if (device.contains(QStringLiteral("serial"))) {
        c.transport = ConnectionSettings::Transport::Rtu;
        c.serialPort = device.value(QStringLiteral("serial")).toString();
        c.baud = device.value(QStringLiteral("baud")).toInt();
        const QString parity = device.value(QStringLiteral("parity")).toString();
        c.parity = parity.isEmpty() ? QLatin1Char('N') : parity.at(0);
        c.stopBits = device.value(QStringLiteral("stopBits")).toInt();
    } else {
        c.host = device.value(QStringLiteral("host")).toString();
        c.port = device.value(QStringLiteral("port")).toInt();
    }
    m_devices->add(std::make_unique<DeviceSession>(profile, device.value(QStringLiteral("model")).toString(), c));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("ui/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("ui/tab"), 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/state"), saveState());
    settings.setValue(QStringLiteral("ui/tab"), m_tabs->currentIndex());
    event->accept();
}

} // namespace pyrolink
