#pragma once

#include "profile/RegisterDef.h"

#include <QList>
#include <QString>

#include <cmath>
#include <limits>

namespace pyrolink {

/// How far a value can be trusted: read just now, an older reading after failures, or never read.
enum class Quality { Good, Stale, Error, Unknown };

QString qualityName(Quality q); ///< "good", "stale", "error", "unknown"

/// One register's value as read from a device, with its quality and time.
struct Reading
{
    const RegisterDef *def = nullptr;
    QList<quint16> raw;
    double value = std::numeric_limits<double>::quiet_NaN(); ///< engineering value; NaN for words or no value
    Quality quality = Quality::Unknown;
    qint64 timestampMs = 0; ///< ms since the epoch, UTC, when the answer arrived
    QString error;          ///< one sentence when the last attempt failed
    int exceptionCode = 0;

    bool hasValue() const { return !raw.isEmpty(); }
};

} // namespace pyrolink
