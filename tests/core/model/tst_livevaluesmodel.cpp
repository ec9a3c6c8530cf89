// LiveValuesModel over a DevicePoller on a DeviceSimulator, on 127.0.0.1: what a table view would show,
// checked throughout by QAbstractItemModelTester.
#include "modbus/RegisterIo.h"
#include "model/LiveValuesModel.h"
#include "poll/DevicePoller.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace pyrolink;
using Col = LiveValuesModel::Column;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);
const QString kModel = QStringLiteral("ct4m");

} // namespace

class TestLiveValuesModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowsAreThePollersRegisters();
    void dataChangedFollowsValuesChanged();
    void valueUnitQualityColumns();
    void fahrenheitAfterWritingTempUnit();
    void staleWhenTheDeviceGoes();
    void statisticsAndReset();
    void noPollerNoRows();

private:
    int row(const QString &id) const { return m_poller->rowOf(m_optris->findById(id, kModel)); }
    QString text(const QString &id, int column) const
    {
        return m_model->data(m_model->index(row(id), column)).toString();
    }
    void waitGood();

    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSimulator> m_sim;
    std::unique_ptr<DevicePoller> m_poller;
    std::unique_ptr<LiveValuesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLiveValuesModel::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
}

void TestLiveValuesModel::init()
{
    m_sim = std::make_unique<DeviceSimulator>(m_optris, kModel);
    QString error;
    QVERIFY2(m_sim->listen(kLocal, 0, &error), qPrintable(error));
    ConnectionSettings s;
    s.host = kLocal.toString();
    s.port = m_sim->port();
    s.timeoutMs = 1000;
    s.retries = 0;
    m_poller = std::make_unique<DevicePoller>(m_optris, kModel, s);
    m_model = std::make_unique<LiveValuesModel>();
    // Watches every signal of the model from now on; a failure fails the running test function.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setPoller(m_poller.get());
}

void TestLiveValuesModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_poller.reset();
    m_sim.reset();
}

void TestLiveValuesModel::waitGood()
{
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_poller->reading(QStringLiteral("temp_process"))->quality == Quality::Good,
                             5000);
    // Slow registers only on request: a form would ask so when it opens.
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    m_poller->requestRead(PollClass::Slow);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(m_poller->readings().cbegin(), m_poller->readings().cend(),
                                         [t0](const Reading &r) {
                                             return r.quality == Quality::Good &&
                                                    (r.def->poll != PollClass::Slow || r.timestampMs >= t0);
                                         }),
                             5000);
    // The model follows the coalesced signal: the next one carries every row read above.
    QSignalSpy flushed(m_poller.get(), &DevicePoller::valuesChanged);
    QVERIFY(flushed.wait(2000));
    QCOMPARE(text(QStringLiteral("emissivity"), Col::Quality), QStringLiteral("good"));
}

void TestLiveValuesModel::rowsAreThePollersRegisters()
{
    QCOMPARE(m_model->rowCount(), int(m_poller->registers().size()));
    QVERIFY(m_model->rowCount() > 50);
    QCOMPARE(m_model->columnCount(), int(LiveValuesModel::ColumnCount));
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0); // a table: no children
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const RegisterDef *def = m_poller->registers().at(r);
        QCOMPARE(m_model->data(m_model->index(r, Col::Name)).toString(), def->name);
        QCOMPARE(m_model->data(m_model->index(r, 0), LiveValuesModel::RegisterIdRole).toString(), def->id);
        // Nothing read yet: no value, quality unknown.
        QVERIFY(!m_model->data(m_model->index(r, Col::Value)).isValid());
        QCOMPARE(m_model->data(m_model->index(r, Col::Quality)).toString(), QStringLiteral("unknown"));
    }
    QCOMPARE(m_model->headerData(Col::Value, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(m_model->headerData(Col::Mean, Qt::Horizontal).toString(), QStringLiteral("Mean"));
    QCOMPARE(m_model->poller(), m_poller.get());
}

void TestLiveValuesModel::dataChangedFollowsValuesChanged()
{
    // Rows covered by dataChanged() since the last valuesChanged(); the model's slot runs first (connected
    // first).
    QSet<int> covered;
    int fullWidth = 0, narrower = 0, signalsSeen = 0;
    QStringList uncovered;
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &tl, const QModelIndex &br) {
                for (int r = tl.row(); r <= br.row(); ++r)
                    covered.insert(r);
                (tl.column() == 0 && br.column() == LiveValuesModel::ColumnCount - 1 ? fullWidth
                                                                                     : narrower)++;
            });
    connect(m_poller.get(), &DevicePoller::valuesChanged, this, [&](const QList<int> &rows) {
        ++signalsSeen;
        for (int r : rows)
            if (!covered.contains(r))
                uncovered.append(QString::number(r));
        covered.clear();
    });
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(signalsSeen >= 5, 5000);
    QVERIFY2(uncovered.isEmpty(), qPrintable(uncovered.join(QLatin1Char(' '))));
    QVERIFY(fullWidth >= signalsSeen);
    QCOMPARE(narrower, 0);
}

void TestLiveValuesModel::valueUnitQualityColumns()
{
    waitGood();
    // emissivity: 0.95 by default, three decimals in the profile.
    QCOMPARE(text(QStringLiteral("emissivity"), Col::Value), QStringLiteral("0.950"));
    QCOMPARE(text(QStringLiteral("emissivity"), Col::Unit), QString());
    QCOMPARE(m_model
                 ->data(m_model->index(row(QStringLiteral("emissivity")), Col::Value),
                        LiveValuesModel::NumericValueRole)
                 .toDouble(),
             0.95);
    // temp_process: (raw - 1000) / 10 with one decimal, in °C.
    const int tp = row(QStringLiteral("temp_process"));
    const Reading &r = m_poller->reading(tp);
    QCOMPARE(r.raw.size(), 1);
    const QString shown = text(QStringLiteral("temp_process"), Col::Value);
    const double fromRaw = (double(r.raw.first()) - 1000.0) / 10.0;
    QCOMPARE(shown, QString::number(fromRaw, 'f', 1));
    QVERIFY2(fromRaw > 0.0 && fromRaw < 1500.0, qPrintable(shown));
    QCOMPARE(text(QStringLiteral("temp_process"), Col::Unit), QStringLiteral("°C"));
    QCOMPARE(text(QStringLiteral("temp_process"), Col::Quality), QStringLiteral("good"));
    QCOMPARE(m_model->data(m_model->index(tp, Col::Quality), LiveValuesModel::QualityRole).toInt(),
             int(Quality::Good));
    QVERIFY(!text(QStringLiteral("temp_process"), Col::Updated).isEmpty());
    QCOMPARE(m_model->data(m_model->index(tp, 0), LiveValuesModel::TimestampRole).toLongLong(),
             r.timestampMs);
    QCOMPARE(m_model->data(m_model->index(tp, Col::Value), Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    // An enum shows its label.
    QCOMPARE(text(QStringLiteral("temp_unit"), Col::Value), QStringLiteral("°C"));
}

void TestLiveValuesModel::fahrenheitAfterWritingTempUnit()
{
    waitGood();
    const int tp = row(QStringLiteral("temp_process"));
    const int hold = row(QStringLiteral("advanced_hold_threshold")); // °C too, but read only on request
    QVERIFY(hold >= 0);
    QCOMPARE(text(QStringLiteral("advanced_hold_threshold"), Col::Unit), QStringLiteral("°C"));

    QSet<int> unitRowsChanged;
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &tl, const QModelIndex &br) {
                if (tl.column() <= Col::Unit && br.column() >= Col::Unit)
                    for (int r = tl.row(); r <= br.row(); ++r)
                        unitRowsChanged.insert(r);
            });

    QString error;
    const auto item =
        RegisterIo::prepare(*m_optris->findById(QStringLiteral("temp_unit"), kModel), 1, &error);
    QVERIFY2(item, qPrintable(error));
    QList<WriteOutcome> outcomes;
    m_poller->write({*item}, [&](const QList<WriteOutcome> &o) { outcomes = o; });
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 5000);
    QVERIFY2(outcomes.first().verified, qPrintable(outcomes.first().error));
    QCOMPARE(*m_sim->value(QStringLiteral("temp_unit")), 1.0);

    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("temp_process"), Col::Unit), QStringLiteral("°F"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(unitRowsChanged.contains(tp), 3000);
    QCOMPARE(text(QStringLiteral("temp_unit"), Col::Value), QStringLiteral("°F"));
    QCOMPARE(text(QStringLiteral("advanced_hold_threshold"), Col::Unit), QStringLiteral("°F"));
    QCOMPARE(text(QStringLiteral("emissivity"), Col::Unit), QString()); // not a temperature
    const bool holdSignalled = QTest::qWaitFor([&] { return unitRowsChanged.contains(hold); }, 500);
    QVERIFY(holdSignalled);
}

void TestLiveValuesModel::staleWhenTheDeviceGoes()
{
    waitGood();
    QCOMPARE(text(QStringLiteral("temp_process"), Col::Quality), QStringLiteral("good"));
    const QString before = text(QStringLiteral("temp_process"), Col::Value);
    m_sim->close();
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("temp_process"), Col::Quality), QStringLiteral("stale"),
                              5000);
    QCOMPARE(text(QStringLiteral("temp_process"), Col::Value), before); // the last value stays, marked stale
    QCOMPARE(text(QStringLiteral("emissivity"), Col::Quality), QStringLiteral("stale"));
    QVERIFY(!m_model->data(m_model->index(row(QStringLiteral("temp_process")), Col::Value), Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
}

void TestLiveValuesModel::statisticsAndReset()
{
    m_poller->start();
    QSignalSpy cycles(m_poller.get(), &DevicePoller::cycleCompleted);
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 8, 5000);
    const QModelIndex first = m_model->index(row(QStringLiteral("temp_process")), 0);
    auto stat = [&](int column) { return m_model->data(first.siblingAtColumn(column)); };
    QTRY_VERIFY_WITH_TIMEOUT(stat(Col::Mean).isValid(), 2000);
    const double min = stat(Col::Minimum).toString().toDouble();
    const double max = stat(Col::Maximum).toString().toDouble();
    const double mean = stat(Col::Mean).toString().toDouble();
    qInfo() << "temp_process over" << cycles.count() << "cycles: min" << min << "mean" << mean << "max"
            << max;
    QVERIFY2(min <= mean && mean <= max, qPrintable(QStringLiteral("%1 %2 %3").arg(min).arg(mean).arg(max)));
    QVERIFY(max - min < 20.0);
    // The value just shown lies between the minimum and the maximum shown with it. Checked as the model has
    // taken the signal (it was connected first): the poller's reading may be newer than the model's last
    // look.
    QString outside;
    bool seen = false;
    auto check = connect(m_poller.get(), &DevicePoller::valuesChanged, this, [&](const QList<int> &rows) {
        if (seen || !rows.contains(first.row()))
            return;
        seen = true;
        const double v = m_poller->reading(first.row()).value;
        const double lo = stat(Col::Minimum).toString().toDouble(),
                     hi = stat(Col::Maximum).toString().toDouble();
        if (v < lo - 0.05 || v > hi + 0.05)
            outside = QStringLiteral("%1 outside %2..%3").arg(v).arg(lo).arg(hi);
    });
    QTRY_VERIFY_WITH_TIMEOUT(seen, 2000);
    disconnect(check);
    QVERIFY2(outside.isEmpty(), qPrintable(outside));
    // Once registers have min = max = mean: read once.
    const QModelIndex serial = m_model->index(row(QStringLiteral("serial_number")), 0);
    QCOMPARE(m_model->data(serial.siblingAtColumn(Col::Minimum)),
             m_model->data(serial.siblingAtColumn(Col::Maximum)));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->resetStatistics();
    QVERIFY(changed.count() >= 1);
    const QModelIndex tl = changed.first().at(0).toModelIndex();
    const QModelIndex br = changed.first().at(1).toModelIndex();
    QCOMPARE(tl.column(), int(Col::Minimum));
    QCOMPARE(br.column(), int(Col::Mean));
    QCOMPARE(tl.row(), 0);
    QCOMPARE(br.row(), m_model->rowCount() - 1);
    for (int r = 0; r < m_model->rowCount(); ++r)
        for (int c : {Col::Minimum, Col::Maximum, Col::Mean})
            QVERIFY2(!m_model->data(m_model->index(r, c)).isValid(), qPrintable(QString::number(r)));
    // And they start again from the next reading.
    QTRY_VERIFY_WITH_TIMEOUT(stat(Col::Mean).isValid(), 2000);
    QVERIFY(!m_model->data(serial.siblingAtColumn(Col::Mean)).isValid()); // not read again
}

void TestLiveValuesModel::noPollerNoRows()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setPoller(nullptr);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->data(m_model->index(0, 0)).isValid());
    m_model->resetStatistics(); // nothing to do, nothing to break
    m_model->setPoller(m_poller.get());
    QCOMPARE(m_model->rowCount(), int(m_poller->registers().size()));
    // A poller destroyed first leaves an empty model behind, not a dangling one.
    m_poller.reset();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestLiveValuesModel)
#include "tst_livevaluesmodel.moc"
