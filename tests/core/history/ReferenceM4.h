#pragma once

// The M4 reduction written the obvious way, as the yardstick for HistoryBuffer::reduce(): the tests compare
// against it and the benchmark times it. It shares no code with HistoryBuffer on purpose, and maps each
// sample to its column by the documented formula rather than by column edges as reduce() does.
#include "history/HistoryBuffer.h"

#include <QList>

#include <cmath>

namespace pyrolink::test {

/// Reduces the samples get(0) .. get(n - 1) (timestamps non-decreasing) in [t0, t1) to `columns` columns,
/// scanning every sample of the window. (t1 - t0) * columns must fit 64 bits, as it does for any real window.
template <typename Get>
QList<M4Column> referenceReduce(qsizetype n, Get get, qint64 t0, qint64 t1, int columns)
{
    QList<M4Column> out(columns);
    if (columns <= 0 || t1 <= t0)
        return out;
    // First sample at or after t0.
    qsizetype lo = 0;
    qsizetype hi = n;
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (get(mid).tMs < t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const quint64 span = quint64(t1 - t0);
    const quint64 cols = quint64(columns);
    // column = floor(d * C / S) for d = t - t0; it is recomputed only once d reaches the first value that
    // maps further (ceil((column + 1) * S / C)), so the benchmark does not time a division per sample.
    qsizetype column = 0;
    quint64 columnEnd = 0;
    for (qsizetype i = lo; i < n; ++i) {
        const HistorySample s = get(i);
        if (s.tMs >= t1)
            break;
        const quint64 d = quint64(s.tMs - t0);
        if (d >= columnEnd) {
            column = qsizetype(d * cols / span);
            columnEnd = ((quint64(column) + 1) * span + cols - 1) / cols;
        }
        M4Column &c = out[column];
        if (c.count == 0) {
            c.firstT = s.tMs;
            c.first = s.value;
        }
        c.lastT = s.tMs;
        c.last = s.value;
        ++c.count;
        if (std::isnan(s.value)) {
            ++c.gaps;
            continue;
        }
        if (std::isnan(c.min) || s.value < c.min) {
            c.min = s.value;
            c.minT = s.tMs;
        }
        if (std::isnan(c.max) || s.value > c.max) {
            c.max = s.value;
            c.maxT = s.tMs;
        }
    }
    return out;
}

} // namespace pyrolink::test
