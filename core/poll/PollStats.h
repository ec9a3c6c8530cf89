#pragma once

#include <QMap>

namespace pyrolink {

/// Communication counters of one device since it was started.
struct PollStats
{
    quint64 requests = 0;
    quint64 responses = 0;
    quint64 timeouts = 0;
    quint64 exceptions = 0;
    quint64 otherErrors = 0;
    quint64 reconnects = 0;
    quint64 cycles = 0;     ///< completed fast cycles
    quint64 lateCycles = 0; ///< fast cycles that started more than half an interval late, or were skipped
    int requestsLastCycle = 0;
    qint64 lastCycleMs = 0; ///< duration of the last completed fast cycle
    QMap<int, quint64> exceptionsByCode;
};

} // namespace pyrolink
