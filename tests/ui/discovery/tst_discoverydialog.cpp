// The Discovery view on 127.0.0.1 only: simulated Optris devices of several models and a closed port are
// scanned through the form; rows appear while the scan runs, the progress reaches its end, Cancel keeps what
// was found, the CSV export matches the table, and a double-click opens the device in the DeviceManager.
// Every scan names 127.0.0.1 and its ports explicitly: an empty range would scan the machine's real subnets.
#include "common/Theme.h"
#include "discovery/DiscoveryDialog.h"
#include "discovery/DiscoveryResultsModel.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceManager.h"
#include "sim/DeviceSimulator.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QModbusTcpServer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace pyrolink;

namespace {
const QHostAddress kLocal(QHostAddress::LocalHost);

/// Accepts connections and never answers, as a port of another service might: each holds a slot of the
/// scan for the whole timeout, which makes a scan long enough to cancel.
class SilentListener : public QTcpServer
{
public:
    SilentListener()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++accepted;
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(kLocal, 0);
    }
    int accepted = 0;
};

quint16 closedPort()
{
    QTcpServer s;
    s.listen(kLocal, 0);
    return s.serverPort(); // closed again when s goes
}

QString joinPorts(const QList<quint16> &ports)
{
    QStringList texts;
    for (quint16 p : ports)
        texts << QString::number(p);
    return texts.join(QLatin1Char(','));
}
} // namespace

class TestDiscoveryDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void findsExactlyTheSimulators();
    void exportWritesTheTable();
    void doubleClickOpensTheDevice();
    void cancelKeepsWhatWasFound();
    void closingCancels();
    void usageErrorsAreOneSentenceAndSendNothing();
    void serialPortThatDoesNotOpen();
    void unrecognisedDeviceAsksForTheProfile();
    void screenshot();

private:
    struct Sim
    {
        QString model;
        QString serial;
        quint16 port = 0;
    };
    /// Starts one simulator per model on 127.0.0.1 at a free port.
    void startSimulators(const QStringList &models);
    /// Fills the network form with 127.0.0.1 and these ports (never empty: see the top of the file).
    void scanLoopback(DiscoveryDialog &dialog, const QList<quint16> &ports, int timeoutMs = 300,
                      int concurrency = 64);
    /// Scans the simulators and a closed port and waits for the end.
    void scanSimulatorsToTheEnd(DiscoveryDialog &dialog);
    template <typename T> static T *child(QObject &parent, const char *name)
    {
        T *w = parent.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    static int rowOfPort(DiscoveryDialog &dialog, quint16 port);

    ProfileRegistry m_profiles;
    std::vector<std::unique_ptr<DeviceSimulator>> m_sims;
    QList<Sim> m_expected;
};

void TestDiscoveryDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_profiles.loadDefault();
    QVERIFY(m_profiles.find(QStringLiteral("optris-ct")));
}

void TestDiscoveryDialog::init()
{
    startSimulators({QStringLiteral("ctratio"), QStringLiteral("ctlt"), QStringLiteral("ct4m")});
}

void TestDiscoveryDialog::cleanup()
{
    m_sims.clear();
    m_expected.clear();
}

void TestDiscoveryDialog::startSimulators(const QStringList &models)
{
    const auto ct = m_profiles.find(QStringLiteral("optris-ct"));
    for (int i = 0; i < models.size(); ++i) {
        auto sim = std::make_unique<DeviceSimulator>(ct, models.at(i));
        sim->setInstance(i); // distinct serial numbers
        QString error;
        QVERIFY2(sim->listen(kLocal, 0, &error), qPrintable(error));
        m_expected.append({models.at(i),
                           QString::number(qint64(sim->value(QStringLiteral("serial_number")).value())),
                           sim->port()});
        m_sims.push_back(std::move(sim));
    }
}

void TestDiscoveryDialog::scanLoopback(DiscoveryDialog &dialog, const QList<quint16> &ports, int timeoutMs,
                                       int concurrency)
{
    auto *mode = child<QComboBox>(dialog, "mode");
    mode->setCurrentIndex(mode->findData(QStringLiteral("modbus-tcp")));
    child<QLineEdit>(dialog, "range")->setText(QStringLiteral("127.0.0.1"));
    child<QLineEdit>(dialog, "ports")->setText(joinPorts(ports));
    child<QSpinBox>(dialog, "tcpTimeout")->setValue(timeoutMs);
    child<QSpinBox>(dialog, "concurrency")->setValue(concurrency);
    QVERIFY(!dialog.isRunning()); // nothing runs before Start
    QTest::mouseClick(child<QPushButton>(dialog, "start"), Qt::LeftButton);
}

void TestDiscoveryDialog::scanSimulatorsToTheEnd(DiscoveryDialog &dialog)
{
    QList<quint16> ports;
    for (const Sim &s : std::as_const(m_expected))
        ports << s.port;
    ports << closedPort();
    QSignalSpy finished(&dialog, &DiscoveryDialog::scanFinished);
    scanLoopback(dialog, ports);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
}

int TestDiscoveryDialog::rowOfPort(DiscoveryDialog &dialog, quint16 port)
{
    const QAbstractItemModel *view = child<QTableView>(dialog, "results")->model();
    for (int row = 0; row < view->rowCount(); ++row)
        if (view->index(row, 5).data().toInt() == port)
            return row;
    return -1;
}

void TestDiscoveryDialog::findsExactlyTheSimulators()
{
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // Rows must appear while the scan runs, not all at its end.
    int rowsWhileRunning = 0;
    connect(dialog.results(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (dialog.isRunning())
            ++rowsWhileRunning;
    });
    auto *start = child<QPushButton>(dialog, "start");
    auto *cancel = child<QPushButton>(dialog, "cancel");
    QVERIFY(start->isEnabled() && !cancel->isEnabled());
    scanSimulatorsToTheEnd(dialog);
    QCOMPARE(rowsWhileRunning, m_expected.size());
    QVERIFY(start->isEnabled() && !cancel->isEnabled());

    // Exactly the simulators, with their serial numbers and models, in the CLI's columns.
    DiscoveryResultsModel *results = dialog.results();
    QCOMPARE(results->rowCount(), m_expected.size());
    QCOMPARE(results->columnCount(), DiscoveredDevice::columnNames().size());
    for (int c = 0; c < results->columnCount(); ++c)
        QCOMPARE(results->headerData(c, Qt::Horizontal).toString(), DiscoveredDevice::columnNames().at(c));
    const QAbstractItemModel *shown = child<QTableView>(dialog, "results")->model();
    for (const Sim &s : std::as_const(m_expected)) {
        const int row = rowOfPort(dialog, s.port);
        QVERIFY2(row >= 0, qPrintable(QString::number(s.port)));
        QCOMPARE(shown->index(row, 0).data().toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(shown->index(row, 2).data().toString(), s.serial);
        QCOMPARE(shown->index(row, 4).data().toString(), s.model);
        QCOMPARE(shown->index(row, 8).data().toString(), QStringLiteral("optris-ct"));
        QCOMPARE(shown->index(row, 1).data().toString(), QStringLiteral("-")); // no MAC on loopback
    }

    // The progress bar at its end, saying so in words.
    auto *progress = child<QProgressBar>(dialog, "progress");
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(progress->maximum(), m_expected.size() + 1);
    QVERIFY2(progress->text().contains(QStringLiteral("4 of 4")), qPrintable(progress->text()));
    QVERIFY2(progress->text().contains(QStringLiteral("3 found")), qPrintable(progress->text()));
    QVERIFY2(dialog.message().contains(QStringLiteral("3 devices found")), qPrintable(dialog.message()));

    // Sortable: by port, descending, the table reorders.
    auto *view = child<QTableView>(dialog, "results");
    view->sortByColumn(5, Qt::DescendingOrder);
    for (int row = 1; row < shown->rowCount(); ++row)
        QVERIFY(shown->index(row - 1, 5).data().toInt() > shown->index(row, 5).data().toInt());
}

void TestDiscoveryDialog::exportWritesTheTable()
{
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    scanSimulatorsToTheEnd(dialog);
    QVERIFY(child<QPushButton>(dialog, "export")->isEnabled());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("found.csv"));
    QVERIFY(dialog.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the BOM Excel needs to read UTF-8
    const QString text = QString::fromUtf8(bytes.mid(3));
    QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.takeLast(), QString()); // the last line ends with CRLF too
    QCOMPARE(lines.size(), 1 + m_expected.size());
    QCOMPARE(lines.first(), DiscoveredDevice::columnNames().join(QLatin1Char(',')));
    for (const Sim &s : std::as_const(m_expected)) {
        const auto line = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) {
            return l.split(QLatin1Char(',')).value(5) == QString::number(s.port);
        });
        QVERIFY2(line != lines.cend(), qPrintable(QString::number(s.port)));
        const QStringList fields = line->split(QLatin1Char(','));
        QCOMPARE(fields.value(0), QStringLiteral("127.0.0.1"));
        QCOMPARE(fields.value(1), QString()); // unknown is empty in CSV, "-" only in the table
        QCOMPARE(fields.value(2), s.serial);
        QCOMPARE(fields.value(4), s.model);
    }

    // A file that cannot be written: one sentence in the dialog.
    QVERIFY(!dialog.exportCsv(dir.filePath(QStringLiteral("no/such/folder/found.csv"))));
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Could not write")), qPrintable(dialog.message()));
}

void TestDiscoveryDialog::doubleClickOpensTheDevice()
{
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    scanSimulatorsToTheEnd(dialog);

    const Sim &target = m_expected.at(1); // ctlt
    auto *view = child<QTableView>(dialog, "results");
    const int row = rowOfPort(dialog, target.port);
    QVERIFY(row >= 0);
    const QPoint at = view->visualRect(view->model()->index(row, 2)).center();
    QSignalSpy opened(&dialog, &DiscoveryDialog::deviceOpened);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(devices.count(), 1);
    DeviceSession *s = devices.session(0);
    QCOMPARE(opened.first().first().value<DeviceSession *>(), s);
    QCOMPARE(s->profile().id, QStringLiteral("optris-ct"));
    QCOMPARE(s->model(), target.model);
    QCOMPARE(s->settings().transport, ConnectionSettings::Transport::Tcp);
    QCOMPARE(s->settings().host, QStringLiteral("127.0.0.1"));
    QCOMPARE(s->settings().port, int(target.port));
    QCOMPARE(s->settings().unit, 1);
    QTRY_COMPARE_WITH_TIMEOUT(s->poller()->state(), DevicePoller::State::Connected, 5000);

    // Once open, opening it again only says so.
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(devices.count(), 1);
    QVERIFY2(dialog.message().contains(QStringLiteral("already open")), qPrintable(dialog.message()));

    // The Open button opens the selected row too.
    auto *open = child<QPushButton>(dialog, "open");
    view->selectRow(rowOfPort(dialog, m_expected.at(0).port));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(devices.count(), 2);
    QCOMPARE(devices.session(1)->model(), m_expected.at(0).model);
    QTRY_COMPARE_WITH_TIMEOUT(devices.session(1)->poller()->state(), DevicePoller::State::Connected, 5000);
}

void TestDiscoveryDialog::cancelKeepsWhatWasFound()
{
    // The simulators first, then 20 silent ports at 2 at a time and 1 s each: about 10 s if left to run.
    std::vector<std::unique_ptr<SilentListener>> silent;
    QList<quint16> ports;
    for (const Sim &s : std::as_const(m_expected))
        ports << s.port;
    for (int i = 0; i < 20; ++i) {
        silent.push_back(std::make_unique<SilentListener>());
        QVERIFY(silent.back()->isListening());
        ports << silent.back()->serverPort();
    }
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    QSignalSpy finished(&dialog, &DiscoveryDialog::scanFinished);
    scanLoopback(dialog, ports, 1000, 2);
    QVERIFY(dialog.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.results()->rowCount(), m_expected.size(), 5000);
    QVERIFY(dialog.isRunning());

    auto *cancel = child<QPushButton>(dialog, "cancel");
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog.isRunning());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(child<QPushButton>(dialog, "start")->isEnabled());
    auto *progress = child<QProgressBar>(dialog, "progress");
    QVERIFY(progress->value() < progress->maximum());
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Cancelled")), qPrintable(dialog.message()));

    // Stopped for good: nothing more is tried, and the table keeps what was found. Connections the kernel
    // completed just before the cancel may still reach a listener's accept(): let them settle first. A sweep
    // that went on would connect anew every second (2 at a time, 1 s each).
    QTest::qWait(300);
    int accepted = 0;
    for (const auto &l : silent)
        accepted += l->accepted;
    QTest::qWait(1500);
    int acceptedLater = 0;
    for (const auto &l : silent)
        acceptedLater += l->accepted;
    QCOMPARE(acceptedLater, accepted);
    QVERIFY(accepted < 20);
    QCOMPARE(dialog.results()->rowCount(), m_expected.size());
    QCOMPARE(finished.size(), 1);
}

void TestDiscoveryDialog::closingCancels()
{
    std::vector<std::unique_ptr<SilentListener>> silent;
    QList<quint16> ports;
    for (int i = 0; i < 10; ++i) {
        silent.push_back(std::make_unique<SilentListener>());
        ports << silent.back()->serverPort();
    }
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    scanLoopback(dialog, ports, 1000, 1);
    QVERIFY(dialog.isRunning());
    dialog.close();
    QVERIFY(!dialog.isRunning());
    QVERIFY(!dialog.isVisible());
}

void TestDiscoveryDialog::usageErrorsAreOneSentenceAndSendNothing()
{
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    QSignalSpy finished(&dialog, &DiscoveryDialog::scanFinished);
    auto *range = child<QLineEdit>(dialog, "range");
    auto *ports = child<QLineEdit>(dialog, "ports");
    auto *start = child<QPushButton>(dialog, "start");

    // More addresses than the cap: refused before anything is sent.
    range->setText(QStringLiteral("10.0.0.0/8"));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.message().contains(QStringLiteral("1024")), qPrintable(dialog.message()));

    range->setText(QStringLiteral("127.0.0.1"));
    ports->setText(QStringLiteral("502,x"));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!dialog.isRunning());
    QVERIFY(!dialog.message().isEmpty());
    QVERIFY(dialog.message().endsWith(QLatin1Char('.')));

    range->setText(QStringLiteral("127.0.0.300"));
    ports->setText(QStringLiteral("502"));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!dialog.isRunning());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(dialog.results()->rowCount(), 0);
}

void TestDiscoveryDialog::serialPortThatDoesNotOpen()
{
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    auto *mode = child<QComboBox>(dialog, "mode");
    mode->setCurrentIndex(mode->findData(QStringLiteral("modbus-rtu")));
    child<QComboBox>(dialog, "serialPort")->setEditText(QStringLiteral("/nonexistent/ttyPyrolinkTest"));
    child<QLineEdit>(dialog, "units")->setText(QStringLiteral("1-3"));
    QSignalSpy finished(&dialog, &DiscoveryDialog::scanFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "start"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!dialog.isRunning());
    QVERIFY(!dialog.message().isEmpty());
    QVERIFY2(!dialog.message().contains(QLatin1Char('\n')), qPrintable(dialog.message()));
    QCOMPARE(dialog.results()->rowCount(), 0);
}

void TestDiscoveryDialog::unrecognisedDeviceAsksForTheProfile()
{
    // Qt's own server with no registers: it answers Modbus (exception 2), but no profile recognises it.
    QModbusTcpServer server;
    server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, kLocal.toString());
    server.setConnectionParameter(QModbusDevice::NetworkPortParameter, closedPort());
    server.setServerAddress(1);
    QVERIFY(server.connectDevice());
    const quint16 port = quint16(server.connectionParameter(QModbusDevice::NetworkPortParameter).toInt());

    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    QSignalSpy finished(&dialog, &DiscoveryDialog::scanFinished);
    scanLoopback(dialog, {port});
    QVERIFY(finished.wait(10000));
    QCOMPARE(dialog.results()->rowCount(), 1);
    QVERIFY(dialog.results()->device(0).profileId.isEmpty());

    QCOMPARE(dialog.openRow(0), nullptr); // it asks first
    auto *ask = dialog.findChild<QDialog *>(QStringLiteral("chooseProfile"));
    QVERIFY(ask);
    QTRY_VERIFY(ask->isVisible());
    QCOMPARE(devices.count(), 0);
    // Suggested: the first profile that speaks Modbus TCP.
    QString firstTcp;
    for (const auto &p : m_profiles.profiles()) {
        if (p->transports.contains(QStringLiteral("tcp"))) {
            firstTcp = p->id;
            break;
        }
    }
    auto *profile = child<QComboBox>(*ask, "profile");
    QCOMPARE(profile->currentData().toString(), firstTcp);
    profile->setCurrentIndex(profile->findData(QStringLiteral("optris-ct")));
    auto *model = child<QComboBox>(*ask, "model");
    model->setCurrentIndex(model->findData(QStringLiteral("ctxm")));
    ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->click();
    QCOMPARE(devices.count(), 1);
    QCOMPARE(devices.session(0)->profile().id, QStringLiteral("optris-ct"));
    QCOMPARE(devices.session(0)->model(), QStringLiteral("ctxm"));
    QCOMPARE(devices.session(0)->settings().port, int(port));
    devices.remove(0);
    server.disconnectDevice();
}

void TestDiscoveryDialog::screenshot()
{
    // For the README and for looking at the layout: PYROLINK_DISCOVERY_SCREENSHOT=/tmp/discovery.png writes
    // that file (light theme) and discovery-dark.png next to it.
    const QString path = qEnvironmentVariable("PYROLINK_DISCOVERY_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set PYROLINK_DISCOVERY_SCREENSHOT to a .png path to save screenshots");
    Theme::apply(Theme::Light);
    QFileInfo info(path);
    auto sibling = [&info](const char *suffix) {
        return info.dir().filePath(info.completeBaseName() + QLatin1String(suffix) + QStringLiteral(".png"));
    };
    DeviceManager devices;
    DiscoveryDialog dialog(&devices, &m_profiles);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(sibling("-empty")));
    auto *mode = child<QComboBox>(dialog, "mode");
    mode->setCurrentIndex(mode->findData(QStringLiteral("modbus-rtu")));
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(sibling("-serial")));
    scanSimulatorsToTheEnd(dialog);
    child<QTableView>(dialog, "results")->selectRow(0);
    QTest::qWait(100);
    QVERIFY(dialog.grab().save(path));
    Theme::apply(Theme::Dark);
    QTest::qWait(100);
    QVERIFY(dialog.grab().save(sibling("-dark")));
    Theme::apply(Theme::Light);
}

QTEST_MAIN(TestDiscoveryDialog)
#include "tst_discoverydialog.moc"
