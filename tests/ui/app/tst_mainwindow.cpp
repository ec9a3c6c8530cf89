// The assembled window: devices list, tabs, status, and a device that drops away and comes back by itself.
#include "MainWindow.h"
#include "common/SessionPanel.h"
#include "devices/DevicesPanel.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceManager.h"
#include "sim/DeviceSimulator.h"

#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QtTest>

using namespace pyrolink;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_profiles.loadDefault();
        QVERIFY(m_profiles.find(QStringLiteral("optris-ct")));
    }

    void tabsByName()
    {
        DeviceManager devices;
        MainWindow w(&devices, &m_profiles);
        for (const QString &name : MainWindow::tabNames()) {
            QVERIFY(w.showTab(name));
            QCOMPARE(w.findChild<QTabWidget *>()->currentWidget(), static_cast<QWidget *>(w.panel(name)));
        }
        QVERIFY(!w.showTab(QStringLiteral("nonsense")));
    }

    void deviceDropsAwayAndComesBack()
    {
        DeviceManager devices;
        MainWindow w(&devices, &m_profiles);
        w.show();
        QString error;
        auto session = DeviceSession::simulated(m_profiles.find(QStringLiteral("optris-ct")), QString(), &error);
        QVERIFY2(session, qPrintable(error));
        DeviceSimulator *sim = session->simulator();
        const quint16 port = sim->port();
        DeviceSession *s = devices.add(std::move(session));
        QCOMPARE(w.devicesPanel()->current(), s);
        const QModelIndex row = devices.index(0);
        auto state = [&] { return DevicePoller::State(row.data(DeviceManager::StateRole).toInt()); };
        QTRY_COMPARE_WITH_TIMEOUT(state(), DevicePoller::State::Connected, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(s->poller()->reading(QStringLiteral("temp_process"))->quality == Quality::Good, 5000);

        sim->close(); // the device drops off the network
        QTRY_COMPARE_WITH_TIMEOUT(s->poller()->reading(QStringLiteral("temp_process"))->quality, Quality::Stale, 5000);
        QVERIFY(state() != DevicePoller::State::Connected);
        // The status bar says so in words.
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->findChild<QLabel *>()->text().contains(QStringLiteral("stale")), 3000);

        QVERIFY(sim->listen(QHostAddress::LocalHost, port)); // back on the same address
        QTRY_COMPARE_WITH_TIMEOUT(state(), DevicePoller::State::Connected, 8000);
        QTRY_COMPARE_WITH_TIMEOUT(s->poller()->reading(QStringLiteral("temp_process"))->quality, Quality::Good, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->findChild<QLabel *>()->text().contains(QStringLiteral("Reconnected")), 3000);
    }

    void removingADeviceClearsThePanels()
    {
        DeviceManager devices;
        MainWindow w(&devices, &m_profiles);
        QString error;
        devices.add(DeviceSession::simulated(m_profiles.find(QStringLiteral("optris-ct")), QString(), &error));
        QCOMPARE(devices.count(), 1);
        w.devicesPanel()->removeCurrent();
        QCOMPARE(devices.count(), 0);
        for (const QString &name : MainWindow::tabNames())
            QCOMPARE(w.panel(name)->session(), nullptr);
    }

    void recentDevicesAreRemembered()
    {
        QSettings().remove(QStringLiteral("devices/recent"));
        DeviceManager devices;
        MainWindow w(&devices, &m_profiles);
        ConnectionSettings c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = 1; // nothing listens: the device stays in the list, waiting
        devices.add(std::make_unique<DeviceSession>(m_profiles.find(QStringLiteral("optris-ct")), QStringLiteral("ctratio"), c));
        const QVariantList recent = QSettings().value(QStringLiteral("devices/recent")).toList();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first().toMap().value(QStringLiteral("model")).toString(), QStringLiteral("ctratio"));
        QCOMPARE(recent.first().toMap().value(QStringLiteral("port")).toInt(), 1);
        // The simulator is not remembered: it is always one click away.
        QString error;
        devices.add(DeviceSession::simulated(m_profiles.find(QStringLiteral("optris-ct")), QString(), &error));
        QCOMPARE(QSettings().value(QStringLiteral("devices/recent")).toList().size(), 1);
    }

private:
    ProfileRegistry m_profiles;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
