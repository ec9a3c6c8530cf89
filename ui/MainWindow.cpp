#include "MainWindow.h"

#include "common/Theme.h"
#include "config/ConfigurationPanel.h"
#include "devices/DevicesPanel.h"
#include "diagnostics/DiagnosticsPanel.h"
#include "live/LivePanel.h"
#include "recording/RecordingPanel.h"
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
    : QMainWindow(parent), m_devices(devices), m_devicesPanel(new DevicesPanel(devices, profiles, this)),
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
    file->addAction(tr("&Remove device"), m_devicesPanel, &DevicesPanel::removeCurrent);
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pyrolink"), this, [this] {
        QMessageBox::about(
            this, tr("About Pyrolink"),
            tr("<b>Pyrolink %1</b><p>Commissioning and diagnostics for Optris CT pyrometers and any "
               "Modbus TCP or RTU device described by a profile.</p>")
                .arg(QApplication::applicationVersion()));
    });
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
