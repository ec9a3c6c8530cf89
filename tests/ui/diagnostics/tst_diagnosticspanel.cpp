// DiagnosticsPanel on a simulated Optris CT over Modbus TCP on 127.0.0.1: identity, the device's error
// registers and their reset, communication counters, and the traffic log.
#include "common/Theme.h"
#include "diagnostics/DiagnosticsPanel.h"
#include "model/TrafficLogModel.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QApplication>
#include <QBrush>
#include <QClipboard>
#include <QDateTime>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace pyrolink;

namespace {
const QString kModel = QStringLiteral("ctlt");
constexpr int kWaitMs = 10000;
} // namespace

class TestDiagnosticsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void identityShowsTheDevicesSerialNumber();
    void errorRegistersShowTheDevicesValues();
    void resetButtonFollowsTheWriteLock();
    void resetAsksAndClearsTheErrorCount();
    void cancelledResetWritesNothing();
    void countersGrowAndReset();
    void trafficLogShowsFramesInHexWithMeaning();
    void trafficLogNeverExceedsTheRowLimit();
    void trafficLogErrorsInTheErrorColour();
    void pauseClearAndCopy();
    void trafficLoggedOnlyWhileShown();
    void noSession();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *w = m_panel->findChild<T *>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }
    QString value(const QString &id) const { return child<QLabel>(QStringLiteral("value_") + id)->text(); }
    quint64 stat(const QString &key) const
    {
        return child<QLabel>(QStringLiteral("stat_") + key)->text().section(u' ', 0, 0).toULongLong();
    }
    /// Clicks @p button of the confirmation the panel opened.
    bool answer(QMessageBox::StandardButton button);
    QAbstractItemModel *traffic() const { return child<QTableView>(QStringLiteral("trafficLog"))->model(); }

    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSession> m_session;
    std::unique_ptr<DiagnosticsPanel> m_panel;
};

void TestDiagnosticsPanel::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
}

void TestDiagnosticsPanel::init()
{
    QString error;
    m_session = DeviceSession::simulated(m_optris, kModel, &error);
    QVERIFY2(m_session, qPrintable(error));
    m_session->start();
    m_panel = std::make_unique<DiagnosticsPanel>();
    m_panel->resize(1000, 700);
    m_panel->setSession(m_session.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->poller()->state(), DevicePoller::State::Connected, kWaitMs);
}

void TestDiagnosticsPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

bool TestDiagnosticsPanel::answer(QMessageBox::StandardButton button)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = m_panel->findChild<QMessageBox *>()) && box->isVisible(); },
                         kWaitMs))
        return false;
    box->button(button)->click();
    return true;
}

void TestDiagnosticsPanel::identityShowsTheDevicesSerialNumber()
{
    const std::optional<double> serial = m_session->simulator()->value(QStringLiteral("serial_number"));
    QVERIFY(serial);
    const RegisterDef *def = m_optris->findById(QStringLiteral("serial_number"), kModel);
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("serial_number")), Codec::formatValue(*def, *serial),
                              kWaitMs);
    QCOMPARE(value(QStringLiteral("serial_number")), QStringLiteral("23120001"));
    // Every identity role of the profile has its row; the firmware too.
    const RegisterDef *fw = m_optris->findById(m_optris->identity.value(QStringLiteral("firmware")), kModel);
    QTRY_COMPARE_WITH_TIMEOUT(value(fw->id), Codec::formatValue(*fw, *m_session->simulator()->value(fw->id)),
                              kWaitMs);
    // What the program knows itself: profile, model and where the device is.
    auto *box = child<QWidget>(QStringLiteral("identityBox"));
    QStringList texts;
    for (const QLabel *label : box->findChildren<QLabel *>())
        texts << label->text();
    QVERIFY(texts.contains(m_optris->name));
    QVERIFY(texts.contains(m_optris->model(kModel)->name));
    QVERIFY(texts.join(u'\n').contains(m_session->settings().describe()));
}

void TestDiagnosticsPanel::errorRegistersShowTheDevicesValues()
{
    DeviceSimulator *sim = m_session->simulator();
    int shown = 0;
    for (const RegisterDef *def : sim->registers()) {
        if (def->group != QLatin1String("diagnostics") || def->isAction)
            continue;
        QTRY_COMPARE_WITH_TIMEOUT(value(def->id), Codec::formatValue(*def, sim->value(*def)), kWaitMs);
        ++shown;
    }
    QCOMPARE(shown, 5); // error_file_id, error_line, error_code, error_data, error_count
    QCOMPARE(value(QStringLiteral("error_line")), QStringLiteral("412"));

    // Refreshed while shown: a new error on the device appears without touching the panel.
    sim->setValue(QStringLiteral("error_line"), 99);
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("error_line")), QStringLiteral("99"), kWaitMs);
}

void TestDiagnosticsPanel::resetButtonFollowsTheWriteLock()
{
    auto *reset = child<QPushButton>(QStringLiteral("action_error_count_reset"));
    QCOMPARE(reset->text(), QStringLiteral("Reset error count"));
    QVERIFY(!m_session->isWriteUnlocked());
    QVERIFY(!reset->isEnabled());
    QVERIFY(child<QLabel>(QStringLiteral("lockHint"))->isVisible());
    m_session->setWriteUnlocked(true);
    QVERIFY(reset->isEnabled());
    QVERIFY(!child<QLabel>(QStringLiteral("lockHint"))->isVisible());
    m_session->setWriteUnlocked(false);
    QVERIFY(!reset->isEnabled());
}

void TestDiagnosticsPanel::resetAsksAndClearsTheErrorCount()
{
    DeviceSimulator *sim = m_session->simulator();
    QCOMPARE(*sim->value(QStringLiteral("error_count")), 3.0);
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("error_count")), QStringLiteral("3"), kWaitMs);
    m_session->setWriteUnlocked(true);
    child<QPushButton>(QStringLiteral("action_error_count_reset"))->click();
    // Nothing is written before the user confirms.
    QTest::qWait(200);
    QCOMPARE(*sim->value(QStringLiteral("error_count")), 3.0);
    QVERIFY(answer(QMessageBox::Yes));
    QTRY_COMPARE_WITH_TIMEOUT(*sim->value(QStringLiteral("error_count")), 0.0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("error_count")), QStringLiteral("0"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(QStringLiteral("actionMessage"))->text().contains(QLatin1String("done")), kWaitMs);
    QVERIFY(child<QPushButton>(QStringLiteral("action_error_count_reset"))->isEnabled());
}

void TestDiagnosticsPanel::cancelledResetWritesNothing()
{
    DeviceSimulator *sim = m_session->simulator();
    QSignalSpy written(sim, &DeviceSimulator::written);
    m_session->setWriteUnlocked(true);
    child<QPushButton>(QStringLiteral("action_error_count_reset"))->click();
    QVERIFY(answer(QMessageBox::Cancel));
    QTest::qWait(500);
    QCOMPARE(written.count(), 0);
    QCOMPARE(*sim->value(QStringLiteral("error_count")), 3.0);
}

void TestDiagnosticsPanel::countersGrowAndReset()
{
    QTRY_VERIFY_WITH_TIMEOUT(stat(QStringLiteral("requests")) > 0, kWaitMs);
    const quint64 first = stat(QStringLiteral("requests"));
    QTRY_VERIFY_WITH_TIMEOUT(stat(QStringLiteral("requests")) > first + 5, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(stat(QStringLiteral("responses")) > 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(stat(QStringLiteral("cycles")) > 0, kWaitMs);
    QCOMPARE(child<QLabel>(QStringLiteral("stat_state"))->text(), QStringLiteral("Connected"));
    QCOMPARE(child<QLabel>(QStringLiteral("stat_timeouts"))->text(), QStringLiteral("0"));

    // Exceptions by name: the CT has no register at an address the panel asks for, so the device says so.
    PollStats stats = m_session->poller()->stats();
    if (stats.exceptionsByCode.value(2) > 0)
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(QStringLiteral("stat_exceptions"))
                                     ->text()
                                     .contains(QLatin1String("Illegal data address: ")),
                                 kWaitMs);

    const quint64 before = stat(QStringLiteral("requests"));
    child<QPushButton>(QStringLiteral("resetCounters"))->click();
    QVERIFY(stat(QStringLiteral("requests")) < before);
    QCOMPARE(m_session->poller()->stats().exceptions, quint64(0));
}

void TestDiagnosticsPanel::trafficLogShowsFramesInHexWithMeaning()
{
    // The fast cycle's first read of input registers, as the wire carries it: 04, start address, count.
    quint16 first = 0xFFFF;
    for (const RegisterDef *def : m_session->poller()->cycleRegisters())
        if (def->table == Table::Input)
            first = std::min(first, def->address);
    QVERIFY(first != 0xFFFF);
    const QString prefix = QStringLiteral("04 %1 %2 ")
                               .arg(first >> 8, 2, 16, QLatin1Char('0'))
                               .arg(first & 0xFF, 2, 16, QLatin1Char('0'));
    QCOMPARE(prefix, QStringLiteral("04 03 fc ")); // 1020, Temp process

    const QRegularExpression request(QStringLiteral("^04( [0-9a-f]{2}){4}$"));
    const QRegularExpression answer(QStringLiteral("^04 [0-9a-f]{2}( [0-9a-f]{2})+$"));
    auto found = [&](bool outgoing) {
        QAbstractItemModel *m = traffic();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QString hex = m->index(row, TrafficLogModel::Bytes).data().toString();
            const QString dir = m->index(row, TrafficLogModel::Direction).data().toString();
            const QString meaning = m->index(row, TrafficLogModel::Meaning).data().toString();
            if (outgoing && dir == QStringLiteral("→") && hex.startsWith(prefix) &&
                request.match(hex).hasMatch() && meaning.startsWith(QLatin1String("Read input 1020..")) &&
                m->index(row, TrafficLogModel::Function).data().toString() ==
                    QLatin1String("Read input registers (4)"))
                return true;
            if (!outgoing && dir == QStringLiteral("←") && answer.match(hex).hasMatch() &&
                meaning.endsWith(QLatin1String("values")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(found(true), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(found(false), kWaitMs);
    // The view follows the newest frame.
    auto *view = child<QTableView>(QStringLiteral("trafficLog"));
    QTRY_VERIFY_WITH_TIMEOUT(view->verticalScrollBar()->maximum() > 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum(),
                              kWaitMs);
}

void TestDiagnosticsPanel::trafficLogNeverExceedsTheRowLimit()
{
    auto *limit = child<QSpinBox>(QStringLiteral("rowLimit"));
    QCOMPARE(limit->value(), m_session->trafficLog()->rowLimit());
    limit->setValue(15);
    QCOMPARE(m_session->trafficLog()->rowLimit(), 15);
    int most = 0;
    QAbstractItemModel *m = traffic();
    connect(m, &QAbstractItemModel::rowsInserted, this, [&] { most = std::max(most, m->rowCount()); });
    QTRY_COMPARE_WITH_TIMEOUT(m->rowCount(), 15, kWaitMs);
    QTest::qWait(1000); // a few more cycles: the oldest frames go, the count stays
    QCOMPARE(m->rowCount(), 15);
    QVERIFY(most <= 15);
    disconnect(m, nullptr, this, nullptr);
}

void TestDiagnosticsPanel::trafficLogErrorsInTheErrorColour()
{
    child<QPushButton>(QStringLiteral("pauseTraffic"))->click(); // nothing else arrives meanwhile
    TrafficEntry e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch();
    e.outgoing = false;
    e.unit = 1;
    e.pdu = QByteArray::fromHex("8402");
    e.meaning = modbusExceptionName(2);
    e.error = true;
    m_session->trafficLog()->append(e);
    QAbstractItemModel *m = traffic();
    const int last = m->rowCount() - 1;
    QCOMPARE(m->index(last, TrafficLogModel::Function).data().toString(),
             QStringLiteral("Read input registers (4): Illegal data address"));
    for (int column = 0; column < m->columnCount(); ++column)
        QCOMPARE(m->index(last, column).data(Qt::ForegroundRole).value<QBrush>().color(),
                 QColor(Theme::errorColor()));
    if (last > 0)
        QVERIFY(!m->index(last - 1, TrafficLogModel::Meaning).data(Qt::ForegroundRole).isValid());
}

void TestDiagnosticsPanel::pauseClearAndCopy()
{
    QAbstractItemModel *m = traffic();
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() > 4, kWaitMs);
    auto *pause = child<QPushButton>(QStringLiteral("pauseTraffic"));
    pause->click();
    QVERIFY(pause->isChecked());
    QVERIFY(!m_session->poller()->link()->trafficLogging());
    QTest::qWait(300); // an answer already under way may still arrive
    const int frozen = m->rowCount();
    QTest::qWait(600);
    QCOMPARE(m->rowCount(), frozen);

    // Copy: the selected frames as text, hex and meaning included, one line each.
    auto *view = child<QTableView>(QStringLiteral("trafficLog"));
    auto *copy = child<QPushButton>(QStringLiteral("copyTraffic"));
    QVERIFY(!copy->isEnabled());
    view->selectRow(1);
    view->selectionModel()->select(m->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(copy->isEnabled());
    copy->click();
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QStringList fields = lines.at(i).split(u'\t');
        QCOMPARE(fields.size(), int(TrafficLogModel::ColumnCount));
        QCOMPARE(fields.at(TrafficLogModel::Bytes),
                 m->index(1 + i, TrafficLogModel::Bytes).data().toString());
        QCOMPARE(fields.at(TrafficLogModel::Meaning),
                 m->index(1 + i, TrafficLogModel::Meaning).data().toString());
    }

    child<QPushButton>(QStringLiteral("clearTraffic"))->click();
    QCOMPARE(m->rowCount(), 0);
    QTest::qWait(300);
    QCOMPARE(m->rowCount(), 0);

    pause->click(); // resume
    QVERIFY(m_session->poller()->link()->trafficLogging());
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() > 0, kWaitMs);
}

void TestDiagnosticsPanel::trafficLoggedOnlyWhileShown()
{
    ModbusLink *link = m_session->poller()->link();
    QVERIFY(link->trafficLogging());
    m_panel->hide();
    QVERIFY(!link->trafficLogging());
    m_panel->show();
    QVERIFY(link->trafficLogging());

    // Another device: the first stops logging, the second starts.
    QString error;
    auto other = DeviceSession::simulated(m_optris, kModel, &error);
    QVERIFY2(other, qPrintable(error));
    m_panel->setSession(other.get());
    QVERIFY(!link->trafficLogging());
    QVERIFY(other->poller()->link()->trafficLogging());
    QCOMPARE(traffic()->rowCount(), 0); // a session not started has sent nothing
    m_panel->setSession(nullptr);
    QVERIFY(!other->poller()->link()->trafficLogging());
}

void TestDiagnosticsPanel::noSession()
{
    m_panel->setSession(nullptr);
    QCOMPARE(traffic()->rowCount(), 0);
    QVERIFY(!child<QPushButton>(QStringLiteral("resetCounters"))->isEnabled());
    QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("action_error_count_reset")));
    QTest::qWait(600); // the timers find no session and do nothing
    m_panel->setSession(m_session.get());
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("serial_number")), QStringLiteral("23120001"), kWaitMs);
}

QTEST_MAIN(TestDiagnosticsPanel)
#include "tst_diagnosticspanel.moc"
