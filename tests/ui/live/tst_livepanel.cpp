// LivePanel and ChartWidget on a simulated Optris CT over Modbus TCP on 127.0.0.1, offscreen: the table's
// readings, units and qualities; a chart fed by the history reduction; a device that drops away turns stale
// and recovers by itself; pause, window, export, repaint coalescing, gaps, alarms, and the chart choice.
#include "common/Theme.h"
#include "history/HistoryStore.h"
#include "live/AlarmDialog.h"
#include "live/ChartWidget.h"
#include "live/LivePanel.h"
#include "live/LiveTableModel.h"
#include "model/LiveValuesModel.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace pyrolink;

namespace {
const QString kModel = QStringLiteral("ctlt");
constexpr int kWaitMs = 10000;

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

bool hasGap(const QLineSeries *series)
{
    const QList<QPointF> points = series->points();
    return std::any_of(points.cbegin(), points.cend(), [](const QPointF &p) { return std::isnan(p.y()); });
}

// How close two colours are, summed over the channels.
int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}
} // namespace

class TestLivePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tableShowsReadingsWithUnitsAndGoodQuality();
    void chartReceivesReducedData();
    void droppedDeviceTurnsStaleAndRecovers();
    void pauseFreezesTheTimeAxis();
    void windowComboChangesTheSpan();
    void exportsPngAndCsv();
    void repaintsAreCoalesced();
    void gapsBreakTheLine();
    void cursorReadsOutEachChannel();
    void keptColumnsDrawWhatAFreshChartDraws();
    void alarmsColourTheValueCell();
    void alarmDialogRefusesLowAboveHigh();
    void chartChoiceIsPersistedAndFollowsSessions();
    void recordingLocksTheChartChoice();

private:
    int rowOf(const QString &id) const;
    QVariant cell(const QString &id, int column, int role = Qt::DisplayRole) const
    {
        return m_panel->tableModel()->index(rowOf(id), column).data(role);
    }
    std::unique_ptr<DeviceSession> makeSession();

    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSession> m_session;
    std::unique_ptr<LivePanel> m_panel;
};

void TestLivePanel::initTestCase()
{
    // Settings go to ~/.qttest, never to the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PyrolinkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_livepanel"));
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
}

std::unique_ptr<DeviceSession> TestLivePanel::makeSession()
{
    QString error;
    auto session = DeviceSession::simulated(m_optris, kModel, &error);
    if (!session)
        qFatal("%s", qPrintable(error));
    session->start();
    return session;
}

void TestLivePanel::init()
{
    QSettings().clear();
    m_session = makeSession();
    m_panel = std::make_unique<LivePanel>();
    m_panel->resize(1100, 800);
    m_panel->setSession(m_session.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->poller()->state(), DevicePoller::State::Connected, kWaitMs);
}

void TestLivePanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

int TestLivePanel::rowOf(const QString &id) const
{
    const LiveTableModel *model = m_panel->tableModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(LiveValuesModel::RegisterIdRole).toString() == id)
            return row;
    return -1;
}

void TestLivePanel::tableShowsReadingsWithUnitsAndGoodQuality()
{
    QVERIFY(m_panel->tableModel()->rowCount() > 10);
    const QString id = QStringLiteral("temp_process");
    QVERIFY(rowOf(id) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, LiveValuesModel::Quality).toString(), QStringLiteral("good"), kWaitMs);
    QCOMPARE(cell(id, LiveValuesModel::Unit).toString(), QStringLiteral("°C"));
    QVERIFY(!cell(id, LiveValuesModel::Value).toString().isEmpty());
    QCOMPARE(cell(id, LiveValuesModel::Quality, Qt::ForegroundRole).value<QColor>(),
             QColor(Theme::goodColor()));
    // Statistics since the start, and again after a reset.
    QTRY_VERIFY(!cell(id, LiveValuesModel::Mean).toString().isEmpty());
    const double min = cell(id, LiveValuesModel::Minimum).toString().toDouble();
    const double max = cell(id, LiveValuesModel::Maximum).toString().toDouble();
    QVERIFY(min <= max);
    m_panel->resetStatistics();
    QVERIFY(cell(id, LiveValuesModel::Mean).toString().isEmpty());
    QTRY_VERIFY(!cell(id, LiveValuesModel::Mean).toString().isEmpty());
    // The fast (charted) registers come first in the view, and carry a ticked check box.
    QCOMPARE(m_panel->table()->verticalHeader()->logicalIndex(0), rowOf(QStringLiteral("temp_process")));
    QCOMPARE(cell(id, LiveValuesModel::Name, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!cell(QStringLiteral("serial_number"), LiveValuesModel::Name, Qt::CheckStateRole).isNull());
}

void TestLivePanel::chartReceivesReducedData()
{
    ChartWidget *chart = m_panel->chartWidget();
    QVERIFY(!chart->channels().isEmpty());
    QCOMPARE(chart->channels().size(), m_session->historyChannels().size());
    QTRY_VERIFY_WITH_TIMEOUT(chart->series(0)->count() > 5, kWaitMs);
    QTest::qWait(1500);
    const int columns = chart->plotColumns();
    QVERIFY(columns > 100);
    for (int i = 0; i < chart->channels().size(); ++i) {
        QVERIFY2(chart->series(i)->count() > 0, qPrintable(chart->channels().at(i).key));
        QVERIFY(chart->series(i)->count() <= 4 * columns);
    }
    // Live: the time axis ends now and spans the window (1 min by default).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 t1 = chart->timeAxis()->max().toMSecsSinceEpoch();
    const qint64 t0 = chart->timeAxis()->min().toMSecsSinceEpoch();
    QVERIFY2(t1 <= now && t1 > now - 1000, qPrintable(QString::number(now - t1)));
    QCOMPARE(t1 - t0, qint64(60'000));
    // The newest point is recent and lies within its value axis.
    const QPointF last = chart->series(0)->points().constLast();
    QVERIFY(last.x() > double(now - 2000));
    const auto *axis = qobject_cast<QValueAxis *>(chart->series(0)->attachedAxes().constLast());
    QVERIFY(axis);
    QVERIFY(last.y() >= axis->min() && last.y() <= axis->max());
}

void TestLivePanel::droppedDeviceTurnsStaleAndRecovers()
{
    const QString id = QStringLiteral("temp_process");
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, LiveValuesModel::Quality).toString(), QStringLiteral("good"), kWaitMs);
    DeviceSimulator *sim = m_session->simulator();
    const quint16 port = sim->port();
    sim->close();
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, LiveValuesModel::Quality).toString(), QStringLiteral("stale"),
                              kWaitMs);
    QCOMPARE(cell(id, LiveValuesModel::Value, Qt::ForegroundRole).value<QColor>(),
             QColor(Theme::staleColor()));
    QCOMPARE(cell(id, LiveValuesModel::Quality, Qt::ForegroundRole).value<QColor>(),
             QColor(Theme::staleColor()));
    // Away long enough for the chart to show a break rather than a line across the outage.
    QTest::qWait(3000);
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty())
        m_panel->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/live-stale.png"));
    QString error;
    QVERIFY2(sim->listen(QHostAddress::LocalHost, port, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, LiveValuesModel::Quality).toString(), QStringLiteral("good"), 15000);
    QCOMPARE(cell(id, LiveValuesModel::Quality, Qt::ForegroundRole).value<QColor>(),
             QColor(Theme::goodColor()));
    QTRY_VERIFY_WITH_TIMEOUT(hasGap(m_panel->chartWidget()->series(0)), kWaitMs);
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty())
        m_panel->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/live-recovered.png"));
}

void TestLivePanel::pauseFreezesTheTimeAxis()
{
    ChartWidget *chart = m_panel->chartWidget();
    QTRY_VERIFY_WITH_TIMEOUT(chart->series(0)->count() > 5, kWaitMs);
    // Space pauses wherever the focus is in the tab, the table included.
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->table()->setFocus();
    QTest::keyClick(m_panel->table(), Qt::Key_Space);
    QVERIFY(chart->isPaused());
    QTest::qWait(100);
    const QDateTime min = chart->timeAxis()->min();
    const QDateTime max = chart->timeAxis()->max();
    const HistoryBuffer *buffer = m_session->history()->find(chart->channels().at(0).key);
    QVERIFY(buffer);
    const qsizetype before = buffer->size();
    const int replots = chart->replotCount();
    QTest::qWait(1300);               // paused, data repaints come once a second
    QVERIFY(buffer->size() > before); // data keeps coming
    QVERIFY(chart->replotCount() > replots);
    QCOMPARE(chart->timeAxis()->min(), min);
    QCOMPARE(chart->timeAxis()->max(), max);
    // Scrolling and zooming keep it paused; Space resumes and the window catches up with the present.
    chart->scrollBy(-0.5);
    QTRY_COMPARE(chart->timeAxis()->max().toMSecsSinceEpoch(), max.toMSecsSinceEpoch() - 30'000);
    chart->zoomBy(0.5);
    QTRY_COMPARE(chart->viewEnd() - chart->viewStart(), qint64(30'000));
    QVERIFY(chart->isPaused());
    QTest::keyClick(m_panel->table(), Qt::Key_Space);
    QVERIFY(!chart->isPaused());
    QTRY_VERIFY(chart->timeAxis()->max().toMSecsSinceEpoch() > max.toMSecsSinceEpoch());
    chart->resetZoom();
    QTRY_COMPARE(chart->viewEnd() - chart->viewStart(), qint64(60'000));
}

void TestLivePanel::windowComboChangesTheSpan()
{
    ChartWidget *chart = m_panel->chartWidget();
    QComboBox *combo = chart->windowCombo();
    QCOMPARE(combo->count(), 6);
    const QList<qint64> spans{10'000, 60'000, 600'000, 3'600'000, 8 * 3'600'000, 24 * 3'600'000};
    for (int i : {0, 2, 5}) {
        combo->setCurrentIndex(i);
        QTRY_COMPARE(chart->timeAxis()->max().toMSecsSinceEpoch() -
                         chart->timeAxis()->min().toMSecsSinceEpoch(),
                     spans.at(i));
        QVERIFY(chart->series(0)->count() <= 4 * chart->plotColumns());
    }
    // Remembered for the next chart.
    QCOMPARE(QSettings().value(QStringLiteral("live/chartWindowSeconds")).toInt(), 24 * 3600);
    ChartWidget other;
    QCOMPARE(other.windowSeconds(), 24 * 3600);
}

void TestLivePanel::exportsPngAndCsv()
{
    ChartWidget *chart = m_panel->chartWidget();
    QTRY_VERIFY_WITH_TIMEOUT(chart->series(0)->count() > 10, kWaitMs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(chart->exportPng(png, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), chart->view()->size() * chart->devicePixelRatio());
    QVERIFY(!chart->exportPng(dir.filePath(QStringLiteral("no/such/dir/chart.png")), &error));
    QVERIFY(!error.isEmpty());

    chart->setPaused(true); // a fixed window: the rows written are exactly the samples in it
    QTest::qWait(100);
    const QString csv = dir.filePath(QStringLiteral("chart.csv"));
    QSignalSpy done(chart, &ChartWidget::csvExported);
    QVERIFY(chart->exportCsv(csv));
    QVERIFY(done.wait(kWaitMs));
    QCOMPARE(done.at(0).at(0).toString(), csv);
    QVERIFY2(done.at(0).at(1).toBool(), qPrintable(done.at(0).at(2).toString()));
    const QStringList lines = readLines(csv);
    QVERIFY(lines.size() > 10);
    const QStringList header = lines.first().split(u',');
    QCOMPARE(header.size(), 1 + chart->channels().size());
    QCOMPARE(header.at(0), QStringLiteral("timestamp"));
    QCOMPARE(header.at(1), QStringLiteral("Temp process [°C]"));
    const HistoryBuffer *buffer = m_session->history()->find(chart->channels().at(0).key);
    const qsizetype inView = buffer->lowerBound(chart->viewEnd()) - buffer->lowerBound(chart->viewStart());
    QCOMPARE(lines.size() - 1, inView);
    const QStringList row = lines.at(1).split(u',');
    QCOMPARE(row.size(), header.size());
    QVERIFY(QDateTime::fromString(row.at(0), Qt::ISODateWithMs).isValid());
    bool ok = false;
    QVERIFY(row.at(1).toDouble(&ok) > 0 && ok);

    // An unwritable path is reported, not thrown away silently.
    QSignalSpy failed(chart, &ChartWidget::csvExported);
    QVERIFY(chart->exportCsv(dir.filePath(QStringLiteral("no/such/dir/chart.csv"))));
    QVERIFY(failed.wait(kWaitMs));
    QVERIFY(!failed.at(0).at(1).toBool());
    QVERIFY(!failed.at(0).at(2).toString().isEmpty());
}

void TestLivePanel::repaintsAreCoalesced()
{
    ChartWidget *chart = m_panel->chartWidget();
    chart->setWindowSeconds(10); // a pixel is 10 ms or less: only the 25/s cap holds the repaints back
    m_session->poller()->setInterval(PollClass::Fast, 0); // as fast as the simulator answers
    QTest::qWait(500);
    const int replots = chart->replotCount();
    const quint64 cycles = m_session->poller()->stats().cycles;
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(2000);
    const double seconds = clock.elapsed() / 1000.0;
    const int done = chart->replotCount() - replots;
    const double cyclesPerSecond = double(m_session->poller()->stats().cycles - cycles) / seconds;
    qInfo("%.0f poll cycles/s, %d repaints in %.2f s", cyclesPerSecond, done, seconds);
    QVERIFY2(cyclesPerSecond > 50, "the poller should run much faster than the chart repaints");
    QVERIFY2(done <= int(25 * seconds) + 1, qPrintable(QString::number(done)));
    QVERIFY(done >= 10); // and it does keep up
}

void TestLivePanel::gapsBreakTheLine()
{
    // A chart of its own, on history made up here: channel a has stale samples (NaN) from 20 s to 40 s,
    // channel b has no samples at all there (the device was away).
    HistoryStore store;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 120'000;
    for (qint64 t = t0; t < t0 + 60'000; t += 100) {
        const bool away = t >= t0 + 20'000 && t < t0 + 40'000;
        store.append(QStringLiteral("a"), t, away ? qQNaN() : 40.0);
        if (!away)
            store.append(QStringLiteral("b"), t, 60.0);
    }
    ChartWidget chart;
    chart.setHistory(&store);
    ChartChannel a{QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("°C"), 1, QColor(255, 0, 0)};
    ChartChannel b{QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("°C"), 1, QColor(0, 0, 255)};
    chart.setChannels({a, b});
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setViewRange(t0, t0 + 60'000);
    QTRY_VERIFY(chart.series(0)->count() > 0);
    chart.replotNow();
    QVERIFY(hasGap(chart.series(0)));
    QVERIFY(hasGap(chart.series(1)));

    // Drawn: the lines are there before and after the gap, and nothing of them in the middle of it.
    const QImage image = chart.view()->grab().toImage();
    const QRectF plot = chart.chart()->plotArea();
    const qreal dpr = image.devicePixelRatio();
    auto columnHas = [&](double fraction, const QColor &color) {
        const int x = int((plot.left() + fraction * plot.width()) * dpr);
        for (int y = int(plot.top() * dpr); y < int(plot.bottom() * dpr); ++y)
            if (distance(image.pixelColor(x, y), color) < 120)
                return true;
        return false;
    };
    for (const QColor &color : {a.color, b.color}) {
        QVERIFY(columnHas(0.15, color));
        QVERIFY(!columnHas(0.5, color));
        QVERIFY(columnHas(0.85, color));
    }
}

void TestLivePanel::cursorReadsOutEachChannel()
{
    ChartWidget *chart = m_panel->chartWidget();
    QTRY_VERIFY_WITH_TIMEOUT(chart->series(0)->count() > 20, kWaitMs);
    chart->setPaused(true);
    QTest::qWait(100);
    auto *readout = chart->view()->viewport()->findChild<QLabel *>(QStringLiteral("cursorReadout"));
    QVERIFY(readout);
    QVERIFY(!readout->isVisible());
    // Near the right end of the plot, where there are samples.
    const QRectF plot = chart->view()->mapFromScene(chart->chart()->plotArea()).boundingRect();
    const QPoint at(int(plot.right() - 20), int(plot.center().y()));
    QTest::mouseMove(chart->view()->viewport(), at);
    QTRY_VERIFY(readout->isVisible());
    const QString text = readout->text();
    for (const ChartChannel &channel : chart->channels())
        QVERIFY2(text.contains(channel.name), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("°C")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("–")), qPrintable(text)); // every channel has a value there
    QVERIFY(readout->geometry().right() <= chart->view()->viewport()->width());
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty())
        m_panel->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/live-cursor.png"));
    // Leaving the chart hides it.
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(chart->view(), &leave);
    QVERIFY(!readout->isVisible());
}

// The chart keeps the reduced columns of the last repaint that can no longer change; after the window has
// moved, new samples have come and the ring has dropped old ones, it must draw exactly what a chart that
// reduces everything afresh draws.
void TestLivePanel::keptColumnsDrawWhatAFreshChartDraws()
{
    HistoryStore store;
    const QString key = QStringLiteral("a");
    store.channel(key, 0.01); // 864 samples: 86.4 s at 10 Hz, so the ring drops samples below
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
    qint64 t = base;
    double value = 100;
    const auto feed = [&](int n) {
        for (int i = 0; i < n; ++i, t += 100) {
            value += std::sin(double(t) / 777.0) * 3;
            store.append(key, t, (t / 100) % 97 < 5 ? qQNaN() : value);
        }
    };
    // Repaints until the plot area keeps its width (the labels of a new value range may change it), so that
    // both charts reduce to the same columns.
    const auto points = [&](ChartWidget &chart, qint64 t0, qint64 t1) {
        chart.setViewRange(t0, t1);
        for (int i = 0, columns = -1; i < 5 && columns != chart.plotColumns(); ++i) {
            columns = chart.plotColumns();
            chart.replotNow();
            QCoreApplication::processEvents(); // the chart lays itself out on a posted event
        }
        return chart.series(0)->points();
    };
    const auto same = [](const QList<QPointF> &a, const QList<QPointF> &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].x() != b[i].x() ||
                !(a[i].y() == b[i].y() || (std::isnan(a[i].y()) && std::isnan(b[i].y()))))
                return false;
        return true;
    };
    const ChartChannel channel{key, QStringLiteral("A"), QString(), 1, QColor(Qt::red)};
    const auto makeChart = [&](ChartWidget &chart) {
        chart.setHistory(&store);
        chart.setChannels({channel});
        chart.resize(700, 350);
        chart.show();
        return QTest::qWaitForWindowExposed(&chart);
    };
    // One chart follows the present; the other stays on the oldest minute, which the ring eats into.
    ChartWidget live, old;
    QVERIFY(makeChart(live));
    QVERIFY(makeChart(old));
    feed(800);
    const qint64 old0 = store.find(key)->firstTime() - 5'000;
    points(live, t - 60'000, t);
    points(old, old0, old0 + 60'000);
    for (qint64 shift : {3'000, 10'000, 200, 30'000}) {
        feed(int(shift / 100));
        for (auto [chart, t0] : {std::pair{&live, t - 60'000}, std::pair{&old, old0}}) {
            const QList<QPointF> a = points(*chart, t0, t0 + 60'000);
            ChartWidget fresh;
            QVERIFY(makeChart(fresh));
            const QList<QPointF> b = points(fresh, t0, t0 + 60'000);
            QCOMPARE(fresh.plotColumns(), chart->plotColumns());
            QVERIFY(!a.isEmpty());
            QVERIFY2(same(a, b),
                     qPrintable(
                         QStringLiteral("shift %1: %2 vs %3 points").arg(shift).arg(a.size()).arg(b.size())));
        }
    }
}

void TestLivePanel::alarmsColourTheValueCell()
{
    const QString id = QStringLiteral("temp_head"); // about 37 °C in the simulator
    LiveTableModel *model = m_panel->tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, LiveValuesModel::Quality).toString(), QStringLiteral("good"), kWaitMs);
    QVERIFY(cell(id, LiveValuesModel::Value, Qt::BackgroundRole).isNull());

    model->setAlarm(id, AlarmLimits{qQNaN(), 30.0});
    QCOMPARE(model->alarmState(rowOf(id)), LiveTableModel::AlarmState::High);
    const QColor high = cell(id, LiveValuesModel::Value, Qt::BackgroundRole).value<QColor>();
    QVERIFY(high.isValid() && high.red() > high.blue());
    QVERIFY(
        cell(id, LiveValuesModel::Value, Qt::ToolTipRole).toString().contains(QStringLiteral("high alarm")));
    QVERIFY(cell(id, LiveValuesModel::Unit, Qt::BackgroundRole).isNull()); // only the Value cell

    model->setAlarm(id, AlarmLimits{100.0, qQNaN()});
    QCOMPARE(model->alarmState(rowOf(id)), LiveTableModel::AlarmState::Low);
    const QColor low = cell(id, LiveValuesModel::Value, Qt::BackgroundRole).value<QColor>();
    QVERIFY(low.isValid() && low.blue() > low.red());

    // Kept per profile and register: another model of the same profile knows them.
    QCOMPARE(
        QSettings().value(LiveTableModel::alarmKey(m_optris->id, id) + QStringLiteral("/low")).toDouble(),
        100.0);
    LiveTableModel other;
    other.setLiveModel(m_session->liveModel(), m_optris->id);
    QCOMPARE(other.alarm(id).low, 100.0);
    QVERIFY(std::isnan(other.alarm(id).high));

    model->setAlarm(id, AlarmLimits{});
    QVERIFY(cell(id, LiveValuesModel::Value, Qt::BackgroundRole).isNull());
    QVERIFY(!QSettings().contains(LiveTableModel::alarmKey(m_optris->id, id) + QStringLiteral("/low")));
}

void TestLivePanel::alarmDialogRefusesLowAboveHigh()
{
    const RegisterDef *def = m_optris->findById(QStringLiteral("temp_process"), kModel);
    QVERIFY(def);
    AlarmDialog dialog(*def, QStringLiteral("°C"), AlarmLimits{qQNaN(), 800.0}, 350.0);
    const auto checks = dialog.findChildren<QCheckBox *>();
    const auto boxes = dialog.findChildren<QDoubleSpinBox *>();
    QCOMPARE(checks.size(), 2);
    QCOMPARE(boxes.size(), 2);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    // As given: high 800, no low (the low box waits with the current value).
    QCOMPARE(dialog.limits().high, 800.0);
    QVERIFY(std::isnan(dialog.limits().low));
    QVERIFY(ok->isEnabled());
    QCheckBox *lowOn = checks.at(0)->text().contains(QStringLiteral("Low")) ? checks.at(0) : checks.at(1);
    QDoubleSpinBox *low = boxes.at(0)->value() == 800.0 ? boxes.at(1) : boxes.at(0);
    lowOn->setChecked(true);
    QCOMPARE(dialog.limits().low, 350.0);
    low->setValue(900);
    QVERIFY(!ok->isEnabled());
    low->setValue(100);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.limits().low, 100.0);
    QCOMPARE(dialog.limits().high, 800.0);
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/alarm-dialog.png"));
    }
}

void TestLivePanel::chartChoiceIsPersistedAndFollowsSessions()
{
    const RegisterDef *head = m_optris->findById(QStringLiteral("temp_head"), kModel);
    const RegisterDef *box = m_optris->findById(QStringLiteral("temp_box"), kModel);
    m_panel->setChartedRegisters({QStringLiteral("temp_head")});
    QCOMPARE(m_session->historyChannels(), QList<const RegisterDef *>{head});
    QCOMPARE(m_panel->chartWidget()->channels().size(), 1);
    QCOMPARE(m_panel->chartWidget()->channels().at(0).name, head->name);

    // Ticking a box in the table charts the register and remembers the choice for this profile and model.
    LiveTableModel *model = m_panel->tableModel();
    QVERIFY(model->setData(model->index(rowOf(QStringLiteral("temp_box")), LiveValuesModel::Name),
                           Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_session->historyChannels(), (QList<const RegisterDef *>{head, box}));
    QCOMPARE(m_panel->chartWidget()->channels().size(), 2);
    QCOMPARE(QSettings().value(LivePanel::chartedKey(m_optris->id, kModel)).toString(),
             QStringLiteral("temp_head,temp_box"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->chartWidget()->series(1)->count() > 0, kWaitMs);

    // A new session of the same profile and model starts with the remembered choice.
    auto second = makeSession();
    QVERIFY(second->historyChannels() != m_session->historyChannels());
    m_panel->setSession(second.get());
    QCOMPARE(second->historyChannels().size(), 2);
    QCOMPARE(m_panel->chartWidget()->history(), second->history());
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->chartWidget()->series(0)->count() > 0, kWaitMs);

    // Another tab (the recording's channel list) may change the channels: the chart follows.
    m_session->setHistoryChannels({box});
    m_panel->setSession(m_session.get());
    QCOMPARE(m_panel->chartWidget()->channels().size(), 1);
    second->setHistoryChannels({head});
    m_panel->setSession(second.get());
    QCOMPARE(m_panel->chartedRegisters(), QStringList{QStringLiteral("temp_head")});

    // No device, and a device that goes away while shown.
    m_panel->setSession(nullptr);
    QCOMPARE(m_panel->tableModel()->rowCount(), 0);
    QVERIFY(m_panel->chartWidget()->channels().isEmpty());
    QTest::qWait(200);
    m_panel->setSession(second.get());
    second.reset();
    QTest::qWait(300);
    QCOMPARE(m_panel->tableModel()->rowCount(), 0);
    m_panel->setSession(m_session.get());
    QVERIFY(m_panel->tableModel()->rowCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->chartWidget()->series(0)->count() > 0, kWaitMs);
}

void TestLivePanel::recordingLocksTheChartChoice()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_session->startRecording(dir.filePath(QStringLiteral("r.csv")), CsvOptions(), &error),
             qPrintable(error));
    LiveTableModel *model = m_panel->tableModel();
    const QModelIndex box = model->index(rowOf(QStringLiteral("temp_box")), LiveValuesModel::Name);
    QVERIFY(!model->isChartEditable());
    QVERIFY(!(model->flags(box) & Qt::ItemIsUserCheckable));
    const QList<const RegisterDef *> before = m_session->historyChannels();
    m_panel->setChartedRegisters({QStringLiteral("temp_head")});
    QCOMPARE(m_session->historyChannels(), before);
    m_session->stopRecording();
    QVERIFY(model->isChartEditable());
    QVERIFY(model->flags(box) & Qt::ItemIsUserCheckable);
}

QTEST_MAIN(TestLivePanel)
#include "tst_livepanel.moc"
