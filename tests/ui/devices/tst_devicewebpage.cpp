// The interface board's web page: which devices have one, its address, and what happens when it is opened.
// No browser is started: the test takes the http URLs itself.
#include "devices/DeviceWebPage.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"

#include <QApplication>
#include <QDesktopServices>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

using namespace pyrolink;

class TestDeviceWebPage : public QObject
{
    Q_OBJECT

public slots:
    /// Stands in for the browser (QDesktopServices::setUrlHandler).
    void openUrl(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase();
    void cleanup();
    void tcpDeviceHasItsHostsPage_data();
    void tcpDeviceHasItsHostsPage();
    void serialAndSimulatedDevicesHaveNone();
    void openingGoesToTheBrowser();
    void openingWhatHasNoPageSaysWhy();

private:
    std::unique_ptr<DeviceSession> tcp(const QString &host, int port = 502);
    /// The text of the message box the next call shows, closed at once.
    void answerNextMessageBox();

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    QList<QUrl> m_opened;
    QString m_message;
};

void TestDeviceWebPage::initTestCase()
{
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
    QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
}

void TestDeviceWebPage::cleanup()
{
    m_opened.clear();
    m_message.clear();
}

std::unique_ptr<DeviceSession> TestDeviceWebPage::tcp(const QString &host, int port)
{
    ConnectionSettings s;
    s.host = host;
    s.port = port;
    return std::make_unique<DeviceSession>(m_optris, QStringLiteral("ctxm"), s); // never started: no traffic
}

void TestDeviceWebPage::answerNextMessageBox()
{
    QTimer::singleShot(0, this, [this] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            m_message = box->text();
            box->accept();
        }
    });
}

void TestDeviceWebPage::tcpDeviceHasItsHostsPage_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("url");
    QTest::newRow("address") << QStringLiteral("192.168.0.4") << 502 << QStringLiteral("http://192.168.0.4/");
    // The board's web server is on port 80 whatever port Modbus uses.
    QTest::newRow("other Modbus port")
        << QStringLiteral("192.168.0.4") << 5020 << QStringLiteral("http://192.168.0.4/");
    QTest::newRow("name") << QStringLiteral("ct-kiln3.plant.local") << 502
                          << QStringLiteral("http://ct-kiln3.plant.local/");
    QTest::newRow("IPv6") << QStringLiteral("fe80::9e43:1eff:fe7f:ffff") << 502
                          << QStringLiteral("http://[fe80::9e43:1eff:fe7f:ffff]/");
    QTest::newRow("spaces") << QStringLiteral(" 10.0.0.7 ") << 502 << QStringLiteral("http://10.0.0.7/");
}

void TestDeviceWebPage::tcpDeviceHasItsHostsPage()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, url);
    const auto session = tcp(host, port);
    QCOMPARE(DeviceWebPage::webInterfaceUrl(*session), QUrl(url));
    QVERIFY(DeviceWebPage::unavailableReason(*session).isEmpty());
}

void TestDeviceWebPage::serialAndSimulatedDevicesHaveNone()
{
    ConnectionSettings rtu;
    rtu.transport = ConnectionSettings::Transport::Rtu;
    rtu.serialPort = QStringLiteral("/dev/ttyUSB0");
    DeviceSession serial(m_optris, QStringLiteral("ctlt"), rtu);
    QVERIFY(!DeviceWebPage::webInterfaceUrl(serial).isValid());
    QVERIFY(DeviceWebPage::unavailableReason(serial).contains(QStringLiteral("serial line")));

    const auto simulated = DeviceSession::simulated(m_optris, QStringLiteral("ctxm"));
    QVERIFY(simulated);
    QVERIFY(!DeviceWebPage::webInterfaceUrl(*simulated).isValid());
    QVERIFY(DeviceWebPage::unavailableReason(*simulated).contains(QStringLiteral("simulated")));

    QVERIFY(!DeviceWebPage::webInterfaceUrl(*tcp(QString())).isValid());
}

void TestDeviceWebPage::openingGoesToTheBrowser()
{
    const auto session = tcp(QStringLiteral("192.168.0.4"));
    QVERIFY(DeviceWebPage::openWebInterface(*session, nullptr));
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("http://192.168.0.4/"))});
}

void TestDeviceWebPage::openingWhatHasNoPageSaysWhy()
{
    const auto simulated = DeviceSession::simulated(m_optris, QStringLiteral("ctxm"));
    QVERIFY(simulated);
    answerNextMessageBox();
    QVERIFY(!DeviceWebPage::openWebInterface(*simulated, nullptr));
    QVERIFY(m_opened.isEmpty());
    QCOMPARE(m_message, DeviceWebPage::unavailableReason(*simulated));
    // One sentence.
    QVERIFY(m_message.endsWith(QLatin1Char('.')));
    QCOMPARE(m_message.count(QStringLiteral(". ")), 0);
}

QTEST_MAIN(TestDeviceWebPage)
#include "tst_devicewebpage.moc"
