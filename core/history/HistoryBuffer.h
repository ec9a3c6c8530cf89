#pragma once

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QPointF>
#include <QtGlobal>

#include <cstdint>
#include <limits>
#include <memory>

namespace pyrolink {

Q_DECLARE_LOGGING_CATEGORY(lcHistory)

/// One stored reading: a millisecond timestamp and its value (NaN marks a gap: a stale or failed reading).
struct HistorySample
{
    qint64 tMs = 0;
    double value = std::numeric_limits<double>::quiet_NaN();
};

/// One pixel column of an M4 reduction: the first, minimum, maximum and last sample of the column.
/// `first` and `last` are the column's real first and last samples, so they are NaN when that sample is a
/// gap; `min` and `max` are taken over the finite values only (NaN when the column holds gaps only).
/// Ties keep the earliest sample.
struct M4Column
{
    qint64 firstT = 0;
    qint64 minT = 0;
    qint64 maxT = 0;
    qint64 lastT = 0;
    double first = std::numeric_limits<double>::quiet_NaN();
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double last = std::numeric_limits<double>::quiet_NaN();
    /// Samples in the column, gaps included.
    qint32 count = 0;
    /// NaN samples (gaps) among them.
    qint32 gaps = 0;

    bool isEmpty() const { return count == 0; }
};

/// Fixed-capacity ring buffer of one channel's live history, with M4 reduction for plotting: a chart
/// frame costs O(pixel columns), not O(samples), however long the history.
///
/// Memory layout (12.5 bytes per sample for large capacities, see bytesPerSample()):
///  - values:  double[N], 8 B/sample, the value exactly as appended;
///  - offsets: uint32[N], 4 B/sample, the timestamp in ms relative to the base of its 64-sample block;
///  - level 1: one 32-byte entry per 64 samples (0.5 B/sample): block base timestamp (qint64), min, max
///    (doubles), position of min and max in the block, number of NaNs;
///  - level 2: one 24-byte entry per 4096 samples (0.006 B/sample): min, max, their positions, NaN count.
/// Timestamps and values are kept exactly (ms, double). N is the capacity rounded up to a multiple of 64,
/// plus one spare block: the writer always starts a block at its first slot, so every visible sample's
/// block base is its own block's first sample. A sample more than 2^32-2 ms (49.7 days) after its block's
/// base cannot be stored as an offset; such rare timestamps go to a small side table, still exact.
///
/// Timestamps must not decrease: an older timestamp is clamped to the newest one stored (the value is
/// kept, because a reading did arrive; clamping keeps the timestamps sorted for the binary searches).
class HistoryBuffer
{
public:
    static constexpr int kBlock1 = 64;
    static constexpr int kBlock2 = 4096;
    /// History kept by default: 24 hours.
    static constexpr double kDefaultSeconds = 24 * 3600;

    /// A buffer keeping the newest `capacity` samples (at least 1).
    explicit HistoryBuffer(qsizetype capacity);
    ~HistoryBuffer();
    /// Movable (a moved-from buffer may only be destroyed or assigned), not copyable: it can be large.
    HistoryBuffer(HistoryBuffer &&) noexcept;
    HistoryBuffer &operator=(HistoryBuffer &&) noexcept;
    HistoryBuffer(const HistoryBuffer &) = delete;
    HistoryBuffer &operator=(const HistoryBuffer &) = delete;

    /// Samples needed for `seconds` of history at `rateHz` (10 Hz for 24 h: 864,000); at least 1.
    static qsizetype capacityFor(double rateHz, double seconds = kDefaultSeconds);

    /// Appends a sample, overwriting the oldest one when full. An older timestamp is clamped (see above).
    void append(qint64 tMs, double value);
    void clear();

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    /// Timestamp of the oldest sample kept (0 when empty).
    qint64 firstTime() const;
    /// Timestamp of the newest sample (0 when empty).
    qint64 lastTime() const;
    /// The i-th sample kept, 0 being the oldest.
    HistorySample sample(qsizetype i) const;
    /// Appends whose timestamp was older than the newest one and were clamped, since construction/clear().
    qint64 clampedCount() const { return m_clamped; }

    /// Memory used: the object plus every heap block it owns.
    qint64 bytes() const;
    /// bytes() / capacity(): about 12.5, and ≤ 16 for any capacity of 1000 samples or more (below that the
    /// fixed overhead and the spare block dominate).
    double bytesPerSample() const;

    /// Index of the first sample with timestamp >= tMs (size() if none).
    qsizetype lowerBound(qint64 tMs) const;

    /// M4 reduction of the window [t0, t1) to `columns` columns: the sample at t goes to column
    /// floor((t - t0) * columns / (t1 - t0)). Costs O(log n) to find the window, then per column
    /// O(log samples) to find its end and O(1 + blocks) thanks to the min/max levels.
    QList<M4Column> reduce(qint64 t0, qint64 t1, int columns) const;
    /// Same, into a caller-owned list (resized to `columns`) so a repaint allocates nothing.
    void reduce(qint64 t0, qint64 t1, int columns, QList<M4Column> &out) const;

    /// The points to draw: per column at most 4, in time order (first, min and max in the order they
    /// occurred, last), duplicates dropped. A point with a NaN y is a gap (break the line there); a gap
    /// narrower than a column, with finite first and last samples, is drawn through (invisible at one pixel;
    /// M4Column::gaps still counts it). Consecutive NaN points are merged into one.
    static QList<QPointF> toPolyline(const QList<M4Column> &columns);
    /// Same, into a caller-owned list (cleared first).
    static void toPolyline(const QList<M4Column> &columns, QList<QPointF> &out);

private:
    struct Level1
    {
        qint64 baseMs;
        double min;
        double max;
        quint8 minAt; // kNone1 when the block holds NaNs only
        quint8 maxAt;
        quint8 nans;
    };
    struct Level2
    {
        double min;
        double max;
        quint16 minAt; // kNone2 when the block holds NaNs only
        quint16 maxAt;
        quint16 nans;
    };
    struct Aggregate;

    static constexpr quint8 kNone1 = 0xff;
    static constexpr quint16 kNone2 = 0xffff;
    // An offset with this value means "look the timestamp up in m_farTimes".
    static constexpr quint32 kFar = 0xffffffffu;

    qsizetype physical(qsizetype i) const
    {
        const qsizetype p = m_oldest + i;
        return p >= m_slots ? p - m_slots : p;
    }
    qint64 timeAt(qsizetype p) const
    {
        const quint32 offset = m_offsets[p];
        if (Q_UNLIKELY(offset == kFar))
            return m_farTimes.value(p);
        return m_level1[p / kBlock1].baseMs + offset;
    }
    qsizetype gallop(qint64 tMs, qsizetype lo, qsizetype hi) const;
    void aggregate(qsizetype lo, qsizetype hi, Aggregate &agg) const;
    void aggregatePhysical(qsizetype p, qsizetype q, Aggregate &agg) const;

    qsizetype m_capacity = 0;
    qsizetype m_slots = 0; // N: capacity rounded up to a multiple of kBlock1, plus one spare block
    qsizetype m_size = 0;
    qsizetype m_oldest = 0; // physical slot of sample 0
    qsizetype m_next = 0;   // physical slot the next append writes
    qint64 m_lastT = 0;
    qint64 m_clamped = 0;
    std::unique_ptr<double[]> m_values;
    std::unique_ptr<quint32[]> m_offsets;
    std::unique_ptr<Level1[]> m_level1;
    std::unique_ptr<Level2[]> m_level2;
    QHash<qsizetype, qint64> m_farTimes; // slot -> timestamp, for offsets that do not fit 32 bits
};

} // namespace pyrolink
