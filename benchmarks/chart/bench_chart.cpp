// Figures of the live chart's repaint, one "name value" line each for scripts to grep:
//   chart.reduced_repaint_ms   ChartWidget with 8 channels of 1,000,000 samples: reduce + toPolyline +
//                              replace() for all 8 series, then a synchronous render of the view (median)
//   chart.full_repaint_ms      a QChartView of the same size whose 8 QLineSeries hold every sample: move the
//                              window as a live chart does, then render (median of a few: it is slow)
//   chart.speedup              full / reduced
// and a few more for context: a cold repaint (after a zoom nothing of the last repaint can be reused), and
// the full chart redrawn without moving. Both charts draw the same data at the same size with the same pens,
// and the two measurements are interleaved so that both see the same machine load. Build in Release.
#include "history/HistoryStore.h"
#include "live/ChartWidget.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

using namespace pyrolink;

namespace {

constexpr int kChannels = 8;
constexpr qsizetype kSamples = 1'000'000;
constexpr qint64 kPeriodMs = 86;  // 1,000,000 samples span 23.9 h: the 24 h window shows them all
constexpr qint64 kShiftMs = 1000; // a live window moves on between two repaints
constexpr int kRounds = 5;        // each round: kReducedPerRound reduced repaints, then one full one
constexpr int kReducedPerRound = 4;
constexpr double kFullBudgetMs = 90'000; // stop the full repaints early on a very slow machine

void print(const char *name, double value, const char *note = "")
{
    std::printf("%s %.3f%s\n", name, value, note);
    std::fflush(stdout);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of this thread in ms: unlike wall time, it does not grow when other programs share the cores.
double threadCpuMs()
{
#ifdef Q_OS_LINUX
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
#else
    return 0;
#endif
}

// Realistic pyrometer temperatures: a slow process wander around a set point per channel, measurement noise,
// and now and then a stale stretch (NaN) as a polled device gives when it stops answering for a while.
void fill(HistoryStore &store, const QString &key, int channel, qint64 t0)
{
    HistoryBuffer &buffer = store.channel(key, 1000.0 / double(kPeriodMs));
    std::mt19937_64 rng(1000 + channel);
    std::normal_distribution<double> noise(0, 0.4);
    std::normal_distribution<double> wander(0, 0.05);
    std::uniform_real_distribution<double> unit(0, 1);
    const double setPoint = 150.0 + 90.0 * channel;
    double drift = 0;
    int stale = 0;
    for (qsizetype i = 0; i < kSamples; ++i) {
        drift = 0.999 * drift + wander(rng);
        if (stale == 0 && unit(rng) < 2e-5)
            stale = 200;
        const double value = setPoint + 20 * drift + 3 * std::sin(double(i) / 5000.0) + noise(rng);
        buffer.append(t0 + i * kPeriodMs, stale > 0 ? qQNaN() : value);
        if (stale > 0)
            --stale;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings the chart reads go to a name of their own, never the application's.
    QApplication::setOrganizationName(QStringLiteral("PyrolinkBench"));
    QApplication::setApplicationName(QStringLiteral("bench_chart"));

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - kSamples * kPeriodMs;
    const qint64 t1 = t0 + kSamples * kPeriodMs;
    HistoryStore store;
    QList<ChartChannel> channels;
    for (int c = 0; c < kChannels; ++c) {
        const QString key = QStringLiteral("ch%1").arg(c);
        fill(store, key, c, t0);
        channels.append(
            ChartChannel{key, QStringLiteral("Temp %1").arg(c + 1), QStringLiteral("°C"), 1, {}, c});
    }

    // (a) The application's chart: the view about 1600 x 600.
    ChartWidget reduced;
    reduced.setHistory(&store);
    reduced.setChannels(channels);
    reduced.resize(1600, 600);
    reduced.show();
    QApplication::processEvents();
    reduced.resize(1600, 600 + (600 - reduced.view()->height()));
    QApplication::processEvents();
    const QSize viewSize = reduced.view()->size();
    reduced.setViewRange(t0, t1);
    reduced.replotNow();
    QApplication::processEvents();

    // (b) The same chart with every sample in its series, set once with replace() (append() is O(N^2)).
    auto *full = new QChart;
    full->setAnimationOptions(QChart::NoAnimation);
    full->legend()->setAlignment(Qt::AlignTop);
    auto *timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("ddd HH:mm"));
    auto *valueAxis = new QValueAxis;
    full->addAxis(timeAxis, Qt::AlignBottom);
    full->addAxis(valueAxis, Qt::AlignLeft);
    double lo = 1e300, hi = -1e300;
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < kChannels; ++c) {
        const HistoryBuffer *buffer = store.find(channels.at(c).key);
        QList<QPointF> points;
        points.reserve(buffer->size());
        for (qsizetype i = 0; i < buffer->size(); ++i) {
            const HistorySample s = buffer->sample(i);
            points.append(QPointF(double(s.tMs), s.value));
            if (!std::isnan(s.value)) {
                lo = std::min(lo, s.value);
                hi = std::max(hi, s.value);
            }
        }
        auto *series = new QLineSeries;
        series->setName(reduced.series(c)->name());
        series->setPen(reduced.series(c)->pen());
        series->replace(points);
        full->addSeries(series);
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    valueAxis->setRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(t0), QDateTime::fromMSecsSinceEpoch(t1));
    QChartView fullView(full);
    fullView.setRenderHints(reduced.view()->renderHints());
    fullView.resize(viewSize);
    fullView.show();
    QApplication::processEvents();
    print("chart.full_setup_ms", msSince(timer));
    timer.start();
    // Frames are rendered into one image each, as into a window's backing store, so that allocating a fresh
    // pixmap per frame is not what is measured.
    QImage reducedFrame(viewSize, QImage::Format_ARGB32_Premultiplied);
    QImage fullFrame(viewSize, QImage::Format_ARGB32_Premultiplied);
    const auto render = [](QWidget *view, QImage &frame) {
        QPainter painter(&frame);
        view->render(&painter);
    };
    render(&fullView, fullFrame); // the first frame maps every point once
    print("chart.full_first_frame_ms", msSince(timer));

    // Live: the window moves on a little between repaints, as it does while the device is polled.
    std::vector<double> reducedMs, reducedCpuMs, updateMs, fullMs, fullCpuMs;
    qint64 shift = 0;
    double fullSpent = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (int k = 0; k < kReducedPerRound; ++k) {
            shift += kShiftMs;
            reduced.setViewRange(t0 + shift, t1 + shift);
            const double cpu = threadCpuMs();
            timer.start();
            reduced.replotNow();
            updateMs.push_back(msSince(timer));
            render(reduced.view(), reducedFrame);
            reducedMs.push_back(msSince(timer));
            reducedCpuMs.push_back(threadCpuMs() - cpu);
        }
        if (fullSpent > kFullBudgetMs)
            continue;
        const double cpu = threadCpuMs();
        timer.start();
        timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(t0 + shift),
                           QDateTime::fromMSecsSinceEpoch(t1 + shift));
        render(&fullView, fullFrame);
        fullMs.push_back(msSince(timer));
        fullCpuMs.push_back(threadCpuMs() - cpu);
        fullSpent += fullMs.back();
    }
    // Cold: a new zoom each time, so no column of the last repaint can be reused and all 8,000,000 samples
    // are reduced again.
    std::vector<double> coldMs;
    for (int k = 0; k < kRounds * kReducedPerRound / 2; ++k) {
        const qint64 span = (t1 - t0) - (k % 2 + 1) * 3'600'000;
        reduced.setViewRange(t1 - span, t1);
        timer.start();
        reduced.replotNow();
        render(reduced.view(), reducedFrame);
        coldMs.push_back(msSince(timer));
    }
    // The full chart once more without moving: drawing alone, no re-mapping of the points.
    std::vector<double> fullStillMs;
    for (int k = 0; k < 2 && fullSpent <= kFullBudgetMs; ++k) {
        timer.start();
        render(&fullView, fullFrame);
        fullStillMs.push_back(msSince(timer));
        fullSpent += fullStillMs.back();
    }

    qsizetype points = 0;
    for (int c = 0; c < kChannels; ++c)
        points += reduced.series(c)->count();
    std::printf("chart.view_size %dx%d\n", viewSize.width(), viewSize.height());
    print("chart.plot_columns", reduced.plotColumns());
    print("chart.points_per_series_reduced", double(points) / kChannels);
    print("chart.points_per_series_full", double(kSamples));
    print("chart.reduced_update_ms", median(updateMs), "   (reduce + polyline + replace, 8 series)");
    const double r = median(reducedMs);
    print("chart.reduced_repaint_ms", r, "   (target <= 16)");
    print("chart.reduced_cold_repaint_ms", median(coldMs), "   (after a zoom: every sample reduced again)");
    if (!fullMs.empty()) {
        const double f = median(fullMs);
        print("chart.full_repaint_ms", f);
        print("chart.speedup", f / r, "   (target >= 50)");
    }
#ifdef Q_OS_LINUX
    // The same in CPU time of the UI thread: steadier than wall time on a shared machine.
    print("chart.reduced_repaint_cpu_ms", median(reducedCpuMs));
    if (!fullCpuMs.empty())
        print("chart.full_repaint_cpu_ms", median(fullCpuMs));
#endif
    if (!fullStillMs.empty())
        print("chart.full_still_render_ms", median(fullStillMs),
              "   (the full chart redrawn without moving)");
    std::printf("chart.runs reduced %zu cold %zu full %zu\n", reducedMs.size(), coldMs.size(), fullMs.size());
    return 0;
}
