// Figures of the live-history store, one "name value" line each for scripts to grep:
//   history.bytes_per_sample           memory of a 24 h, 10 Hz channel per sample (budget: 16)
//   history.append_1M_ms               appending 1,000,000 samples
//   history.reduce_1M_to_2000_ms       M4 reduction of a 1,000,000-sample window to 2,000 columns (median)
//   history.scan_1M_to_2000_ms         the same by scanning every sample of the same buffer (median)
//   history.reduce_speedup_vs_scan     the ratio of the two
// and a few more for context. Build in Release: the figures of a Debug build mean nothing.
#include "history/HistoryBuffer.h"

#include "ReferenceM4.h"

#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace pyrolink;

namespace {

constexpr int kRuns = 50;
constexpr qsizetype kWindow = 1'000'000;
constexpr int kColumns = 2000;
constexpr qint64 kPeriodMs = 100; // 10 Hz

void print(const char *name, double value)
{
    std::printf("%s %.3f\n", name, value);
}

// Median wall time of `runs` calls, in milliseconds.
template <typename F> double medianMs(F &&f, int runs = kRuns)
{
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        f();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::nth_element(ms.begin(), ms.begin() + runs / 2, ms.end());
    return ms[size_t(runs / 2)];
}

// A 10 Hz random walk with occasional stale stretches (NaN), as a polled pyrometer gives.
template <typename Sink> void generate(qsizetype count, Sink &&sink)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0, 0.2);
    std::uniform_real_distribution<double> unit(0, 1);
    double v = 600;
    int stale = 0;
    for (qsizetype i = 0; i < count; ++i) {
        v += step(rng);
        if (stale == 0 && unit(rng) < 1e-4)
            stale = 50;
        sink(1'700'000'000'000 + i * kPeriodMs, stale > 0 ? std::nan("") : v);
        if (stale > 0)
            --stale;
    }
}

bool same(const QList<M4Column> &a, const QList<M4Column> &b)
{
    const auto eq = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const M4Column &x = a[i];
        const M4Column &y = b[i];
        if (x.count != y.count || x.gaps != y.gaps || x.firstT != y.firstT || x.lastT != y.lastT ||
            !eq(x.first, y.first) || !eq(x.last, y.last) || !eq(x.min, y.min) || !eq(x.max, y.max) ||
            (!std::isnan(x.min) && (x.minT != y.minT || x.maxT != y.maxT)))
            return false;
    }
    return true;
}

} // namespace

int main()
{
    // Memory of a default channel: 24 h at 10 Hz.
    HistoryBuffer day(HistoryBuffer::capacityFor(10));
    print("history.bytes_per_sample", day.bytesPerSample());
    print("history.channel_24h_10Hz_mb", double(day.bytes()) / (1024.0 * 1024.0));

    // Appending 1,000,000 samples into that channel (it wraps after 864,000). Generated beforehand so only
    // append() is timed; the pages are touched once first, as they would be after the first day.
    std::vector<HistorySample> input;
    input.reserve(size_t(kWindow));
    generate(kWindow, [&input](qint64 t, double v) { input.push_back({t, v}); });
    for (const HistorySample &s : input)
        day.append(s.tMs, s.value);
    day.clear();
    QElapsedTimer timer;
    timer.start();
    for (const HistorySample &s : input)
        day.append(s.tMs, s.value);
    const double appendMs = double(timer.nsecsElapsed()) / 1e6;
    print("history.append_1M_ms", appendMs);
    print("history.append_ns_per_sample", appendMs * 1e6 / double(kWindow));

    // A buffer holding more than the window, wrapped, so the window spans the ring's physical end.
    HistoryBuffer big(kWindow + kWindow / 10);
    generate(kWindow + kWindow / 4, [&big](qint64 t, double v) { big.append(t, v); });
    const qint64 t0 = big.sample(big.size() - kWindow).tMs;
    const qint64 t1 = t0 + kWindow * kPeriodMs;
    QList<M4Column> fast;
    QList<M4Column> slow;
    const auto scanBuffer = [&big, t0, t1, &slow] {
        slow = test::referenceReduce(
            big.size(), [&big](qsizetype i) { return big.sample(i); }, t0, t1, kColumns);
    };
    // The same scan over a flat array of {qint64 ms; double value}: the 16-byte layout without levels.
    std::vector<HistorySample> flat;
    flat.reserve(size_t(big.size()));
    for (qsizetype i = 0; i < big.size(); ++i)
        flat.push_back(big.sample(i));
    QList<M4Column> flatOut;
    const auto scanFlat = [&flat, t0, t1, &flatOut] {
        const HistorySample *data = flat.data();
        flatOut = test::referenceReduce(
            qsizetype(flat.size()), [data](qsizetype i) { return data[i]; }, t0, t1, kColumns);
    };
    const auto reduce = [&big, t0, t1, &fast] { big.reduce(t0, t1, kColumns, fast); };

    // Interleaved, so both see the same machine load.
    std::vector<double> fastMs;
    std::vector<double> scanMs;
    std::vector<double> flatMs;
    for (int i = 0; i < kRuns / 10; ++i) {
        fastMs.push_back(medianMs(reduce, 10));
        scanMs.push_back(medianMs(scanBuffer, 10));
        flatMs.push_back(medianMs(scanFlat, 10));
    }
    const auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + qsizetype(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    const double reduceMs = median(fastMs);
    const double scanMsMedian = median(scanMs);
    const double flatMsMedian = median(flatMs);
    print("history.reduce_1M_to_2000_ms", reduceMs);
    print("history.scan_1M_to_2000_ms", scanMsMedian);
    print("history.reduce_speedup_vs_scan", scanMsMedian / reduceMs);
    print("history.flat_scan_1M_to_2000_ms", flatMsMedian);
    print("history.reduce_speedup_vs_flat_scan", flatMsMedian / reduceMs);
    print("history.reduce_matches_scan", same(fast, slow) && same(fast, flatOut) ? 1 : 0);

    // What a repaint of a 2,000-pixel chart showing the whole default channel costs, polyline included.
    const double dayMs =
        medianMs([&day, &fast] { day.reduce(day.firstTime(), day.lastTime() + 1, kColumns, fast); });
    print("history.reduce_24h_10Hz_to_2000_ms", dayMs);
    QList<QPointF> points;
    const double polyMs = medianMs([&fast, &points] { HistoryBuffer::toPolyline(fast, points); });
    print("history.polyline_2000_columns_ms", polyMs);
    print("history.polyline_points", double(points.size()));

    // A 1,000-sample window (zoomed in): the binary searches keep it independent of the history's length.
    const qint64 z0 = big.sample(big.size() / 2).tMs;
    print("history.reduce_1k_to_2000_ms",
          medianMs([&big, z0, &fast] { big.reduce(z0, z0 + 1000 * kPeriodMs, kColumns, fast); }));
    return 0;
}
