// Tests of HistoryBuffer: the ring keeps the newest samples, and reduce() equals a brute-force M4 reduction.
#include "history/HistoryBuffer.h"

#include "ReferenceM4.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace pyrolink;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Empty when equal, else a description of the first difference.
QString compare(const QList<M4Column> &got, const QList<M4Column> &want)
{
    if (got.size() != want.size())
        return QStringLiteral("%1 columns, want %2").arg(got.size()).arg(want.size());
    for (qsizetype c = 0; c < got.size(); ++c) {
        const M4Column &g = got[c];
        const M4Column &w = want[c];
        if (g.count != w.count || g.gaps != w.gaps)
            return QStringLiteral("column %1: count/gaps %2/%3, want %4/%5")
                .arg(c)
                .arg(g.count)
                .arg(g.gaps)
                .arg(w.count)
                .arg(w.gaps);
        if (g.count == 0)
            continue;
        const bool minMax = sameValue(g.min, w.min) && sameValue(g.max, w.max) &&
                            (std::isnan(w.min) || (g.minT == w.minT && g.maxT == w.maxT));
        if (g.firstT != w.firstT || g.lastT != w.lastT || !sameValue(g.first, w.first) ||
            !sameValue(g.last, w.last) || !minMax)
            return QStringLiteral("column %1: first %2@%3 min %4@%5 max %6@%7 last %8@%9, "
                                  "want %10@%11 %12@%13 %14@%15 %16@%17")
                .arg(c)
                .arg(g.first)
                .arg(g.firstT)
                .arg(g.min)
                .arg(g.minT)
                .arg(g.max)
                .arg(g.maxT)
                .arg(g.last)
                .arg(g.lastT)
                .arg(w.first)
                .arg(w.firstT)
                .arg(w.min)
                .arg(w.minT)
                .arg(w.max)
                .arg(w.maxT)
                .arg(w.last)
                .arg(w.lastT);
    }
    return {};
}

// A buffer and a plain copy of what it should hold, filled alike.
struct Filled
{
    explicit Filled(qsizetype capacity) : buffer(capacity), capacity(capacity) {}

    void append(qint64 t, double v)
    {
        buffer.append(t, v);
        all.push_back({t, v});
    }
    // The newest `capacity` samples: what the buffer must keep.
    std::vector<HistorySample> kept() const
    {
        const auto n = std::min<size_t>(all.size(), size_t(capacity));
        return {all.end() - qsizetype(n), all.end()};
    }
    QList<M4Column> reference(qint64 t0, qint64 t1, int columns) const
    {
        const auto n = std::min<size_t>(all.size(), size_t(capacity));
        const HistorySample *k = all.data() + (all.size() - n);
        return test::referenceReduce(
            qsizetype(n), [k](qsizetype i) { return k[i]; }, t0, t1, columns);
    }

    HistoryBuffer buffer;
    qsizetype capacity;
    std::vector<HistorySample> all;
};

// Random walk with repeated timestamps, jumps in time, and runs of NaN (gaps).
void fillRandom(Filled &f, qsizetype count, double nanRate, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> step(0, 1);
    qint64 t = 1'700'000'000'000;
    double v = 20;
    int nanRun = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const double r = unit(rng);
        t += r < 0.05 ? 0 : (r < 0.06 ? qint64(unit(rng) * 100'000) : 100); // duplicates, pauses, 10 Hz
        v += step(rng);
        if (nanRun == 0 && unit(rng) < nanRate)
            nanRun = 1 + int(unit(rng) * 300);
        // Some values repeat exactly, so ties between equal extremes are tested too.
        const double value = nanRun > 0 ? kNaN : (unit(rng) < 0.1 ? 20.0 : v);
        if (nanRun > 0)
            --nanRun;
        f.append(t, value);
    }
}

} // namespace

class TestHistoryBuffer : public QObject
{
    Q_OBJECT

private slots:
    void capacityFor();
    void empty();
    void wrapAround_data();
    void wrapAround();
    void olderTimestampIsClamped();
    void clearStartsAfresh();
    void reduceMatchesReference_data();
    void reduceMatchesReference();
    void reduceAtBlockBoundaries();
    void reduceColumnsMoreThanMilliseconds();
    void reduceReusesCallerBuffer();
    void gapsSurviveReduction();
    void farTimestampsStayExact();
    void bytesPerSample();
    void polyline();
};

void TestHistoryBuffer::capacityFor()
{
    QCOMPARE(HistoryBuffer::capacityFor(10), 864'000);
    QCOMPARE(HistoryBuffer::capacityFor(10, 86'400), 864'000);
    QCOMPARE(HistoryBuffer::capacityFor(0.1), 8'640);
    QCOMPARE(HistoryBuffer::capacityFor(2.5, 10), 25);
    QCOMPARE(HistoryBuffer::capacityFor(3, 0.5), 2);
    QCOMPARE(HistoryBuffer::capacityFor(0), 1);
    QCOMPARE(HistoryBuffer::capacityFor(-1), 1);
    QCOMPARE(HistoryBuffer::capacityFor(kNaN), 1);
}

void TestHistoryBuffer::empty()
{
    const HistoryBuffer b(100);
    QCOMPARE(b.size(), 0);
    QCOMPARE(b.capacity(), 100);
    QVERIFY(b.isEmpty());
    QCOMPARE(b.firstTime(), 0);
    QCOMPARE(b.lastTime(), 0);
    QCOMPARE(b.lowerBound(5), 0);
    const QList<M4Column> columns = b.reduce(0, 1000, 10);
    QCOMPARE(columns.size(), 10);
    for (const M4Column &c : columns)
        QVERIFY(c.isEmpty());
    QVERIFY(HistoryBuffer::toPolyline(columns).isEmpty());
    QVERIFY(b.reduce(0, 1000, 0).isEmpty());
    QCOMPARE(b.reduce(1000, 1000, 3).size(), 3);
}

void TestHistoryBuffer::wrapAround_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1 << 10;
    QTest::newRow("not full") << 100 << 70;
    QTest::newRow("exactly full") << 100 << 100;
    QTest::newRow("63") << 63 << 1000;
    QTest::newRow("64") << 64 << 1000;
    QTest::newRow("65") << 65 << 1000;
    QTest::newRow("block2") << 4096 << 20'000;
    QTest::newRow("many laps") << 5000 << 123'457;
}

void TestHistoryBuffer::wrapAround()
{
    QFETCH(int, capacity);
    QFETCH(int, count);
    HistoryBuffer b(capacity);
    for (int i = 0; i < count; ++i)
        b.append(qint64(i) * 10, i * 0.5);
    const int kept = std::min(capacity, count);
    QCOMPARE(b.size(), kept);
    QCOMPARE(b.firstTime(), qint64(count - kept) * 10);
    QCOMPARE(b.lastTime(), qint64(count - 1) * 10);
    for (int i = 0; i < kept; ++i) {
        const int n = count - kept + i;
        const HistorySample s = b.sample(i);
        QCOMPARE(s.tMs, qint64(n) * 10);
        QCOMPARE(s.value, n * 0.5);
    }
    QCOMPARE(b.lowerBound(b.firstTime()), 0);
    QCOMPARE(b.lowerBound(b.lastTime()), kept - 1);
    QCOMPARE(b.lowerBound(b.lastTime() + 1), kept);
}

void TestHistoryBuffer::olderTimestampIsClamped()
{
    HistoryBuffer b(10);
    b.append(1000, 1);
    b.append(900, 2); // the clock went back: kept, at the newest time
    b.append(1100, 3);
    QCOMPARE(b.size(), 3);
    QCOMPARE(b.sample(1).tMs, 1000);
    QCOMPARE(b.sample(1).value, 2.0);
    QCOMPARE(b.sample(2).tMs, 1100);
    QCOMPARE(b.clampedCount(), 1);
}

void TestHistoryBuffer::clearStartsAfresh()
{
    HistoryBuffer b(100);
    for (int i = 0; i < 250; ++i)
        b.append(10'000 + i, i);
    b.clear();
    QCOMPARE(b.size(), 0);
    b.append(5, 1.5); // earlier than before clear(): not clamped
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.sample(0).tMs, 5);
    QCOMPARE(b.sample(0).value, 1.5);
    QCOMPARE(b.clampedCount(), 0);
    const QList<M4Column> c = b.reduce(0, 10, 1);
    QCOMPARE(c[0].count, 1);
    QCOMPARE(c[0].min, 1.5);
}

void TestHistoryBuffer::reduceMatchesReference_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("nanRate");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("small, not full") << 1000 << 700 << 0.0 << quint64(1);
    QTest::newRow("small, wrapped") << 1000 << 3333 << 0.0 << quint64(2);
    QTest::newRow("levels, not full") << 30'000 << 25'000 << 0.0 << quint64(3);
    QTest::newRow("levels, wrapped") << 30'000 << 77'777 << 0.0 << quint64(4);
    QTest::newRow("gaps, wrapped") << 30'000 << 77'777 << 0.002 << quint64(5);
    QTest::newRow("many gaps") << 10'000 << 25'000 << 0.02 << quint64(6);
    QTest::newRow("odd capacity") << 12'345 << 40'000 << 0.001 << quint64(7);
}

void TestHistoryBuffer::reduceMatchesReference()
{
    QFETCH(int, capacity);
    QFETCH(int, count);
    QFETCH(double, nanRate);
    QFETCH(quint64, seed);
    std::mt19937_64 rng(seed);
    Filled f(capacity);
    fillRandom(f, count, nanRate, rng);

    const qint64 first = f.buffer.firstTime();
    const qint64 last = f.buffer.lastTime();
    const qint64 span = last - first;
    // Windows may start before the data and end after it.
    std::uniform_int_distribution<qint64> edge(first - span / 4, last + span / 4);
    const int columnCounts[] = {1, 2, 3, 7, 64, 100, 333, 1000, 2000, 5000};
    for (int round = 0; round < 400; ++round) {
        qint64 t0 = edge(rng);
        qint64 t1 = edge(rng);
        if (t1 < t0)
            std::swap(t0, t1);
        if (round % 10 == 0) // the whole history
            t0 = first, t1 = last + 1;
        const int columns = columnCounts[round % std::size(columnCounts)];
        const QString diff = compare(f.buffer.reduce(t0, t1, columns), f.reference(t0, t1, columns));
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("[%1, %2) in %3 columns: ").arg(t0).arg(t1).arg(columns) + diff));
    }
}

void TestHistoryBuffer::reduceAtBlockBoundaries()
{
    // White-box on purpose: the header documents the layout (N = capacity rounded up to 64, plus 64 spare
    // slots; the writer starts at slot 0), so the test can aim windows at level-1 and level-2 block edges
    // (and one sample either side), at the short last level-2 block and across the wrap at slot N.
    // One sample every 10 ms, so a window of `len` samples in `columns` columns has edges on samples.
    const int capacity = 3 * HistoryBuffer::kBlock2 + 100;
    const qsizetype ringSlots =
        (capacity + 63) / 64 * 64 + 64; // 12480: level-2 blocks at 0, 4096, 8192, 12288
    for (const int laps : {0, 1, 3}) {
        Filled f(capacity);
        const int count = laps == 0 ? capacity - 7 : capacity * laps + 1234;
        for (int i = 0; i < count; ++i)
            f.append(qint64(i) * 10, std::sin(i * 0.37) * 100 + (i % 97 == 0 ? kNaN : 0));
        const qsizetype kept = f.buffer.size();
        const qsizetype oldest = (count - kept) % ringSlots; // physical slot of sample 0

        QList<qsizetype> edges; // physical slots where a window starts
        for (qsizetype p = 0; p < ringSlots; p += 64 * 5)
            edges.append(p);
        for (const qsizetype p : {4096, 8192, 12288, 12480 - 64, 12480 - 192})
            edges.append(p);
        for (const qsizetype edge : std::as_const(edges)) {
            for (const int d : {-1, 0, 1}) {
                const qsizetype j =
                    ((edge + d - oldest) % ringSlots + ringSlots) % ringSlots; // its logical index
                for (const int len : {64, 128, 192, 4096, 4096 + 64, 8192 + 192}) {
                    if (j + len > kept)
                        continue;
                    const qint64 t0 = f.buffer.sample(j).tMs;
                    const qint64 t1 = t0 + qint64(len) * 10;
                    for (const int columns : {1, 2, 3, len / 64, len / 4096 + 1}) {
                        const QString diff =
                            compare(f.buffer.reduce(t0, t1, columns), f.reference(t0, t1, columns));
                        if (!diff.isEmpty())
                            QFAIL(qPrintable(QStringLiteral("laps %1, slot %2, len %3, %4 columns: ")
                                                 .arg(laps)
                                                 .arg(edge + d)
                                                 .arg(len)
                                                 .arg(columns) +
                                             diff));
                    }
                }
            }
        }
    }
}

void TestHistoryBuffer::reduceColumnsMoreThanMilliseconds()
{
    // A 7 ms window in 20 columns: most columns are empty, none is lost or doubled.
    Filled f(100);
    for (int i = 0; i < 50; ++i)
        f.append(1000 + i / 3, i);
    for (qint64 t0 = 995; t0 < 1020; ++t0) {
        QCOMPARE(compare(f.buffer.reduce(t0, t0 + 7, 20), f.reference(t0, t0 + 7, 20)), QString());
        QCOMPARE(compare(f.buffer.reduce(t0, t0 + 1, 3), f.reference(t0, t0 + 1, 3)), QString());
    }
}

void TestHistoryBuffer::reduceReusesCallerBuffer()
{
    HistoryBuffer b(1000);
    for (int i = 0; i < 1500; ++i)
        b.append(i, i % 17);
    QList<M4Column> columns;
    b.reduce(0, 1500, 100, columns);
    const M4Column *data = columns.constData();
    b.reduce(700, 1400, 100, columns);
    QCOMPARE(columns.constData(), data); // no reallocation on a repaint
    QCOMPARE(columns.size(), 100);
    QCOMPARE(columns[0].firstT, 700);
    QCOMPARE(columns[99].lastT, 1399);
}

void TestHistoryBuffer::gapsSurviveReduction()
{
    // 1 Hz: 100 s of values, 50 s of NaN (device stale), 100 s of values; 25 columns of 10 s.
    HistoryBuffer b(1000);
    for (int i = 0; i < 250; ++i)
        b.append(qint64(i) * 1000, i >= 100 && i < 150 ? kNaN : 20.0 + i % 5);
    const QList<M4Column> columns = b.reduce(0, 250'000, 25);
    QVERIFY(!std::isnan(columns[9].last));
    for (int c = 10; c < 15; ++c) {
        QCOMPARE(columns[c].count, 10);
        QCOMPARE(columns[c].gaps, 10);
        QVERIFY(std::isnan(columns[c].first) && std::isnan(columns[c].min) && std::isnan(columns[c].max));
    }
    QVERIFY(!std::isnan(columns[15].first));

    const QList<QPointF> line = HistoryBuffer::toPolyline(columns);
    qsizetype breaks = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (std::isnan(line[i].y())) {
            ++breaks;
            QCOMPARE(line[i].x(), 100'000.0);    // where the gap starts
            QCOMPARE(line[i - 1].x(), 99'000.0); // last value before it
            QCOMPARE(line[i + 1].x(), 150'000.0);
        }
    }
    QCOMPARE(breaks, 1);

    // A gap ending a column and the next starting with values: still a break.
    HistoryBuffer c(100);
    c.append(0, 1);
    c.append(5, kNaN);
    c.append(10, 2);
    const QList<QPointF> two = HistoryBuffer::toPolyline(c.reduce(0, 20, 2));
    QCOMPARE(two.size(), 3);
    QVERIFY(std::isnan(two[1].y()));

    // Only gaps: one NaN point, no value.
    HistoryBuffer d(100);
    for (int i = 0; i < 50; ++i)
        d.append(i, kNaN);
    const QList<QPointF> none = HistoryBuffer::toPolyline(d.reduce(0, 50, 10));
    QCOMPARE(none.size(), 1);
    QVERIFY(std::isnan(none[0].y()));
}

void TestHistoryBuffer::farTimestampsStayExact()
{
    // Polling paused for ~58 days, twice, inside one 64-sample block: beyond a 32-bit ms offset.
    const qint64 pause = 5'000'000'000;
    Filled f(200);
    qint64 t = 1'700'000'000'000;
    for (int i = 0; i < 1000; ++i) {
        t += (i % 150 == 20 || i % 150 == 30) ? pause : 100;
        f.append(t, i);
        if (i % 37 == 0) {
            const std::vector<HistorySample> kept = f.kept();
            QCOMPARE(f.buffer.size(), qsizetype(kept.size()));
            for (size_t k = 0; k < kept.size(); ++k)
                QCOMPARE(f.buffer.sample(qsizetype(k)).tMs, kept[k].tMs);
        }
    }
    const qint64 t0 = f.buffer.firstTime();
    const qint64 t1 = f.buffer.lastTime() + 1;
    for (const int columns : {1, 7, 100, 1000})
        QCOMPARE(compare(f.buffer.reduce(t0, t1, columns), f.reference(t0, t1, columns)), QString());
}

void TestHistoryBuffer::bytesPerSample()
{
    const HistoryBuffer day(HistoryBuffer::capacityFor(10));
    qInfo("24 h at 10 Hz: %lld samples, %lld bytes, %.3f bytes/sample", qlonglong(day.capacity()),
          qlonglong(day.bytes()), day.bytesPerSample());
    QVERIFY(day.bytesPerSample() <= 16);
    QVERIFY(day.bytesPerSample() >= 12); // honest: values and offsets alone take 12
    for (qsizetype capacity = 1000; capacity <= 5000; ++capacity)
        QVERIFY2(HistoryBuffer(capacity).bytesPerSample() <= 16, qPrintable(QString::number(capacity)));
    QVERIFY(HistoryBuffer(HistoryBuffer::capacityFor(1)).bytesPerSample() <= 16);
    QVERIFY(HistoryBuffer(HistoryBuffer::capacityFor(100)).bytesPerSample() <= 16);
}

void TestHistoryBuffer::polyline()
{
    std::mt19937_64 rng(42);
    Filled f(20'000);
    fillRandom(f, 50'000, 0.003, rng);
    const qint64 first = f.buffer.firstTime();
    const qint64 last = f.buffer.lastTime();
    for (const int columns : {1, 10, 500, 2000, 50'000}) {
        const QList<M4Column> reduced = f.buffer.reduce(first - 1000, last + 1000, columns);
        qsizetype nonEmpty = 0;
        for (const M4Column &c : reduced) {
            if (c.isEmpty())
                continue;
            ++nonEmpty;
            const QList<QPointF> one = HistoryBuffer::toPolyline({c});
            QVERIFY(one.size() >= 1 && one.size() <= 4);
            QCOMPARE(one.first().x(), double(c.firstT));
            if (!std::isnan(c.last)) // a trailing NaN merges into a leading one
                QCOMPARE(one.last().x(), double(c.lastT));
        }
        const QList<QPointF> line = HistoryBuffer::toPolyline(reduced);
        QVERIFY(line.size() <= 4 * nonEmpty);
        for (qsizetype i = 1; i < line.size(); ++i) {
            QVERIFY(line[i].x() >= line[i - 1].x());
            QVERIFY(!(std::isnan(line[i].y()) && std::isnan(line[i - 1].y())));
        }
        // Every value extreme of the window shows in the line.
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (qsizetype i = 0; i < f.buffer.size(); ++i) {
            const double v = f.buffer.sample(i).value;
            if (!std::isnan(v))
                lo = std::min(lo, v), hi = std::max(hi, v);
        }
        double lineLo = std::numeric_limits<double>::infinity();
        double lineHi = -lineLo;
        for (const QPointF &p : line) {
            if (!std::isnan(p.y()))
                lineLo = std::min(lineLo, p.y()), lineHi = std::max(lineHi, p.y());
        }
        QCOMPARE(lineLo, lo);
        QCOMPARE(lineHi, hi);
    }
}

QTEST_GUILESS_MAIN(TestHistoryBuffer)
#include "tst_historybuffer.moc"
