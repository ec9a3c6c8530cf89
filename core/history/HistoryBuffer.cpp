#include "history/HistoryBuffer.h"

#include <algorithm>
#include <cmath>

namespace pyrolink {

Q_LOGGING_CATEGORY(lcHistory, "pyrolink.history", QtWarningMsg)

namespace {

// Columns count samples in a qint32, so the capacity stays below that.
constexpr qsizetype kMaxCapacity = std::numeric_limits<qint32>::max() - 2 * HistoryBuffer::kBlock1;
// What the allocator keeps beside each heap block, counted so bytes() is not optimistic.
constexpr qint64 kMallocOverhead = 16;

qsizetype roundUp(qsizetype n, qsizetype multiple)
{
    return (n + multiple - 1) / multiple * multiple;
}

// Folds one finite value at position `at` of a level block into its min/max; ties keep the earliest.
template <typename Block, typename Pos> void foldValue(Block &block, double value, Pos at, Pos none)
{
    if (std::isnan(value)) {
        ++block.nans;
    } else if (block.minAt == none) {
        block.min = block.max = value;
        block.minAt = block.maxAt = at;
    } else if (value < block.min) {
        block.min = value;
        block.minAt = at;
    } else if (value > block.max) {
        block.max = value;
        block.maxAt = at;
    }
}

} // namespace

// Min/max (physical slots of the earliest extreme) and NaN count of a run of samples.
struct HistoryBuffer::Aggregate
{
    double min = 0;
    double max = 0;
    qsizetype minAt = -1;
    qsizetype maxAt = -1;
    qint64 nans = 0;

    // Merges a sub-range that comes after everything merged so far, so strict comparisons keep the
    // earliest extreme.
    void merge(double lo, qsizetype loAt, double hi, qsizetype hiAt)
    {
        if (minAt < 0 || lo < min) {
            min = lo;
            minAt = loAt;
        }
        if (maxAt < 0 || hi > max) {
            max = hi;
            maxAt = hiAt;
        }
    }
};

HistoryBuffer::HistoryBuffer(qsizetype capacity)
    : m_capacity(std::clamp<qsizetype>(capacity, 1, kMaxCapacity)),
      m_slots(roundUp(m_capacity, kBlock1) + kBlock1),
      // Default-initialised (not zeroed) arrays: the OS commits the pages only as the ring fills.
      m_values(new double[m_slots]), m_offsets(new quint32[m_slots]), m_level1(new Level1[m_slots / kBlock1]),
      m_level2(new Level2[roundUp(m_slots, kBlock2) / kBlock2])
{
}

HistoryBuffer::~HistoryBuffer() = default;
HistoryBuffer::HistoryBuffer(HistoryBuffer &&) noexcept = default;
HistoryBuffer &HistoryBuffer::operator=(HistoryBuffer &&) noexcept = default;

qsizetype HistoryBuffer::capacityFor(double rateHz, double seconds)
{
    if (!(rateHz > 0) || !(seconds > 0))
        return 1;
    // The small epsilon keeps 0.1 Hz x 86400 s (8640.000000000002) at 8640.
    const double n = std::ceil(rateHz * seconds - 1e-6);
    return qsizetype(std::clamp(n, 1.0, double(kMaxCapacity)));
}

void HistoryBuffer::append(qint64 tMs, double value)
{
    if (m_size > 0 && tMs < m_lastT) {
        ++m_clamped;
        qCDebug(lcHistory) << "timestamp" << tMs << "older than" << m_lastT << "clamped";
        tMs = m_lastT;
    }
    const qsizetype p = m_next;
    Level1 &b1 = m_level1[p / kBlock1];
    const auto at1 = quint8(p % kBlock1);
    if (at1 == 0) {
        // The writer enters a block at its first slot: the block's older samples are all beyond the
        // capacity (thanks to the spare block), so the base and the aggregates can start afresh.
        b1 = Level1{tMs, 0, 0, kNone1, kNone1, 0};
        if (!m_farTimes.isEmpty()) {
            for (qsizetype k = p; k < p + kBlock1; ++k)
                m_farTimes.remove(k);
        }
    }
    const qint64 offset = tMs - b1.baseMs; // >= 0: timestamps never decrease within a block
    if (offset < qint64(kFar)) {
        m_offsets[p] = quint32(offset);
    } else {
        m_offsets[p] = kFar;
        m_farTimes.insert(p, tMs);
    }
    m_values[p] = value;
    foldValue(b1, value, at1, kNone1);

    Level2 &b2 = m_level2[p / kBlock2];
    const auto at2 = quint16(p % kBlock2);
    if (at2 == 0)
        b2 = Level2{0, 0, kNone2, kNone2, 0};
    foldValue(b2, value, at2, kNone2);

    m_next = p + 1 == m_slots ? 0 : p + 1;
    m_lastT = tMs;
    if (m_size < m_capacity)
        ++m_size;
    else
        m_oldest = m_oldest + 1 == m_slots ? 0 : m_oldest + 1;
}

void HistoryBuffer::clear()
{
    m_size = 0;
    m_oldest = 0;
    m_next = 0;
    m_lastT = 0;
    m_clamped = 0;
    m_farTimes.clear();
}

qint64 HistoryBuffer::firstTime() const
{
    return m_size > 0 ? timeAt(m_oldest) : 0;
}

qint64 HistoryBuffer::lastTime() const
{
    return m_size > 0 ? m_lastT : 0;
}

HistorySample HistoryBuffer::sample(qsizetype i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const qsizetype p = physical(i);
    return {timeAt(p), m_values[p]};
}

qint64 HistoryBuffer::bytes() const
{
    const qint64 level1 = m_slots / kBlock1;
    const qint64 level2 = roundUp(m_slots, kBlock2) / kBlock2;
    qint64 total = sizeof(*this) + 4 * kMallocOverhead;
    total += m_slots * qint64(sizeof(double) + sizeof(quint32));
    total += level1 * qint64(sizeof(Level1)) + level2 * qint64(sizeof(Level2));
    // The side table is empty unless polling paused for weeks; estimate its buckets and entries.
    if (m_farTimes.capacity() > 0)
        total += m_farTimes.capacity() * qint64(sizeof(qsizetype) + sizeof(qint64) + 2) + kMallocOverhead;
    return total;
}

double HistoryBuffer::bytesPerSample() const
{
    return double(bytes()) / double(m_capacity);
}

qsizetype HistoryBuffer::lowerBound(qint64 tMs) const
{
    qsizetype lo = 0;
    qsizetype hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (timeAt(physical(mid)) < tMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// lowerBound() within [lo, hi), probing 1, 2, 4... samples ahead first: a column's end is near its start,
// so finding it costs O(log samples in the column) rather than O(log samples in the window).
qsizetype HistoryBuffer::gallop(qint64 tMs, qsizetype lo, qsizetype hi) const
{
    if (lo >= hi || timeAt(physical(lo)) >= tMs)
        return lo;
    qsizetype below = lo; // time(below) < tMs
    qsizetype step = 1;
    qsizetype probe = lo + 1;
    while (probe < hi && timeAt(physical(probe)) < tMs) {
        below = probe;
        step *= 2;
        probe = lo + step;
    }
    qsizetype a = below + 1;
    qsizetype b = std::min(probe, hi);
    while (a < b) {
        const qsizetype mid = a + (b - a) / 2;
        if (timeAt(physical(mid)) < tMs)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

// Logical range [lo, hi): at most two physical runs, taken in logical order.
void HistoryBuffer::aggregate(qsizetype lo, qsizetype hi, Aggregate &agg) const
{
    const qsizetype p = physical(lo);
    const qsizetype n = hi - lo;
    const qsizetype firstRun = std::min(n, m_slots - p);
    aggregatePhysical(p, p + firstRun, agg);
    if (n > firstRun)
        aggregatePhysical(0, n - firstRun, agg);
}

// Physical run [p, q): single samples up to the first level-1 boundary, then whole level-2 blocks where
// they fit and level-1 blocks elsewhere, then the remaining single samples. A level block is used only
// when the run covers it entirely, and a visible run never holds a block's stale older samples, so the
// block's aggregate is exactly that of the run's samples.
void HistoryBuffer::aggregatePhysical(qsizetype p, qsizetype q, Aggregate &agg) const
{
    const auto scan = [this, &agg](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k) {
            const double v = m_values[k];
            if (std::isnan(v))
                ++agg.nans;
            else
                agg.merge(v, k, v, k);
        }
    };
    const qsizetype headEnd = std::min(q, roundUp(p, kBlock1));
    scan(p, headEnd);
    p = headEnd;
    while (p + kBlock1 <= q) {
        if (p % kBlock2 == 0) {
            const qsizetype end = std::min(p + kBlock2, m_slots); // the last level-2 block may be short
            if (end <= q) {
                const Level2 &b = m_level2[p / kBlock2];
                if (b.minAt != kNone2)
                    agg.merge(b.min, p + b.minAt, b.max, p + b.maxAt);
                agg.nans += b.nans;
                p = end;
                continue;
            }
        }
        const Level1 &b = m_level1[p / kBlock1];
        if (b.minAt != kNone1)
            agg.merge(b.min, p + b.minAt, b.max, p + b.maxAt);
        agg.nans += b.nans;
        p += kBlock1;
    }
    scan(p, q);
}

QList<M4Column> HistoryBuffer::reduce(qint64 t0, qint64 t1, int columns) const
{
    QList<M4Column> out;
    reduce(t0, t1, columns, out);
    return out;
}

void HistoryBuffer::reduce(qint64 t0, qint64 t1, int columns, QList<M4Column> &out) const
{
    if (columns <= 0) {
        out.clear();
        return;
    }
    out.resize(columns);
    M4Column *col = out.data();
    if (t1 <= t0) {
        std::fill(col, col + columns, M4Column());
        return;
    }
    // The sample at t goes to column floor((t - t0) * C / S), so column c starts at t0 + ceil(c * S / C).
    // Split as step * c + ceil(rem * c / C) so nothing overflows; unsigned because S may exceed qint64.
    const quint64 span = quint64(t1) - quint64(t0);
    const quint64 step = span / quint64(columns);
    const quint64 rem = span % quint64(columns);
    qsizetype lo = lowerBound(t0);
    const qsizetype end = lowerBound(t1); // >= lo, as t1 > t0
    for (int c = 0; c < columns; ++c) {
        qsizetype hi = end;
        if (c + 1 < columns) {
            const quint64 k = quint64(c) + 1;
            const qint64 edge =
                qint64(quint64(t0) + step * k + (rem * k + quint64(columns) - 1) / quint64(columns));
            hi = gallop(edge, lo, end);
        }
        M4Column &m = col[c];
        m = M4Column();
        m.count = qint32(hi - lo);
        if (hi > lo) {
            const qsizetype pf = physical(lo);
            const qsizetype pl = physical(hi - 1);
            m.firstT = timeAt(pf);
            m.first = m_values[pf];
            m.lastT = timeAt(pl);
            m.last = m_values[pl];
            Aggregate agg;
            aggregate(lo, hi, agg);
            m.gaps = qint32(agg.nans);
            if (agg.minAt >= 0) {
                m.min = agg.min;
                m.minT = timeAt(agg.minAt);
                m.max = agg.max;
                m.maxT = timeAt(agg.maxAt);
            }
        }
        lo = hi;
    }
}

QList<QPointF> HistoryBuffer::toPolyline(const QList<M4Column> &columns)
{
    QList<QPointF> out;
    toPolyline(columns, out);
    return out;
}

void HistoryBuffer::toPolyline(const QList<M4Column> &columns, QList<QPointF> &out)
{
    out.clear();
    out.reserve(columns.size() * 4);
    const auto push = [&out](qint64 t, double v) {
        if (!out.isEmpty()) {
            const QPointF &prev = out.constLast();
            if (std::isnan(v) && std::isnan(prev.y()))
                return; // one break is enough
            if (prev.x() == double(t) && prev.y() == v)
                return; // the same sample (first or last was also the min or max)
        }
        out.append(QPointF(double(t), v));
    };
    for (const M4Column &c : columns) {
        if (c.isEmpty())
            continue;
        push(c.firstT, c.first);
        if (!std::isnan(c.min)) {
            if (c.minT <= c.maxT) {
                push(c.minT, c.min);
                push(c.maxT, c.max);
            } else {
                push(c.maxT, c.max);
                push(c.minT, c.min);
            }
        }
        push(c.lastT, c.last);
    }
}

} // namespace pyrolink
