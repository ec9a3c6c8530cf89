#include "CsvRecorder.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

namespace pyrolink {

namespace {

Q_LOGGING_CATEGORY(lcRecord, "pyrolink.record", QtWarningMsg)

const char kUtf8Bom[] = "\xEF\xBB\xBF";

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

CsvOptions CsvOptions::forLocale(const QLocale &locale)
{
    CsvOptions options;
    if (locale.decimalPoint() == u",") {
        options.delimiter = u';';
        options.decimalSeparator = u',';
    }
    return options;
}

CsvRecorder::CsvRecorder(QObject *parent) : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &CsvRecorder::flush);
}

CsvRecorder::~CsvRecorder()
{
    // Blocked: nobody should hear from a recorder that is going away.
    const QSignalBlocker blocker(this);
    close();
}

bool CsvRecorder::open(const QString &path, const QList<CsvColumn> &columns, const CsvOptions &options,
                       QString *error)
{
    close();
    m_path = path;
    m_columns = columns;
    m_options = options;
    m_rows = 0;
    m_bytesWritten = 0;
    m_elapsedAtStop = 0;
    m_buffer.clear();

    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
    };
    // A quote or line break as delimiter would make every field ambiguous; refuse rather than write junk.
    const QChar d = options.delimiter;
    if (d == u'"' || d == u'\r' || d == u'\n' || options.decimalSeparator == u'"') {
        setError(tr("Cannot record to %1: a quote or line break cannot separate fields or decimals.")
                     .arg(nativePath(path)));
        return false;
    }

    m_file.setFileName(path);
    // Unbuffered: our own buffer decides when bytes reach the OS, so QFile must not hold a second copy back.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        setError(tr("Could not open %1 for writing: %2.").arg(nativePath(path), m_file.errorString()));
        return false;
    }
    m_buffer.reserve(qMax(0, options.flushThresholdBytes) + 4096);
    m_clock.start();

    if (options.writeBom) {
        m_buffer.append(kUtf8Bom);
        m_bytesWritten += m_buffer.size();
    }
    QString header = QStringLiteral("timestamp");
    for (const CsvColumn &column : columns) {
        const QString title =
            column.unit.isEmpty() ? column.name : column.name + QStringLiteral(" [") + column.unit + u']';
        header += d + quoteField(title, d);
    }
    appendLine(header);

    // The header goes out at once, so a full disk or a lost share is reported here and not a second later.
    if (!writeBuffer()) {
        setError(tr("Could not write to %1: %2.").arg(nativePath(path), m_file.errorString()));
        stop();
        return false;
    }
    return true;
}

bool CsvRecorder::append(qint64 timestampMs, const QList<double> &values)
{
    if (!isOpen())
        return false;
    if (values.size() > m_columns.size())
        qCWarning(lcRecord) << "row has" << values.size() << "values for" << m_columns.size() << "columns";

    QString row = formatTimestamp(timestampMs, m_options.utcTimestamps);
    const QChar d = m_options.delimiter;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        row += d;
        const double value = i < values.size() ? values.at(i) : qQNaN();
        // Stale, failed and missing readings stay empty: a spreadsheet then leaves a gap instead of a
        // made-up 0, and "nan"/"inf" would turn the whole column into text.
        if (!std::isfinite(value))
            continue;
        QString number = QString::number(value, 'f', qMax(0, m_columns.at(i).decimals));
        // -0.04 at one decimal prints "-0.0"; a sign on a zero only puzzles the reader.
        if (number.startsWith(u'-') &&
            std::all_of(number.cbegin() + 1, number.cend(), [](QChar c) { return c == u'0' || c == u'.'; }))
            number.remove(0, 1);
        if (m_options.decimalSeparator != u'.')
            number.replace(u'.', m_options.decimalSeparator);
        row += quoteField(number, d);
    }
    appendLine(row);
    ++m_rows;

    if (m_buffer.size() > m_options.flushThresholdBytes || m_options.flushIntervalMs <= 0)
        return flush();
    // Started by the first row after a flush, so no row waits longer than the interval.
    if (!m_flushTimer.isActive())
        m_flushTimer.start(m_options.flushIntervalMs);
    return true;
}

bool CsvRecorder::flush()
{
    if (!isOpen())
        return false;
    m_flushTimer.stop();
    if (writeBuffer())
        return true;
    fail();
    return false;
}

bool CsvRecorder::writeBuffer()
{
    // A write cut short (the disk filled up on the way) is retried: then it either completes or fails with
    // the OS's reason, which the error message needs.
    qint64 done = 0;
    while (done < m_buffer.size()) {
        const qint64 n = m_file.write(m_buffer.constData() + done, m_buffer.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    m_buffer.resize(0); // keeps the reserved capacity
    return true;
}

bool CsvRecorder::close()
{
    if (!isOpen())
        return true;
    const bool ok = flush();
    stop();
    return ok;
}

qint64 CsvRecorder::elapsedMs() const
{
    return isOpen() ? m_clock.elapsed() : m_elapsedAtStop;
}

QString CsvRecorder::formatTimestamp(qint64 timestampMs, bool utc)
{
    if (utc)
        return QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs);
    // A local QDateTime prints without its offset; pinning the offset makes the time unambiguous across the
    // daylight-saving change and to readers in other zones.
    const int offset = QDateTime::fromMSecsSinceEpoch(timestampMs).offsetFromUtc();
    QString text =
        QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::OffsetFromUTC, offset).toString(Qt::ISODateWithMs);
    // Qt writes a zero offset as "Z"; local time keeps the "+00:00" form (as in London in winter).
    if (text.endsWith(u'Z'))
        text.replace(text.size() - 1, 1, QStringLiteral("+00:00"));
    return text;
}

QString CsvRecorder::quoteField(const QString &text, QChar delimiter)
{
    const bool needsQuotes =
        text.contains(delimiter) || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

void CsvRecorder::appendLine(const QString &text)
{
    // CRLF as RFC 4180 and Excel itself write it.
    const QByteArray line = text.toUtf8() + "\r\n";
    m_buffer.append(line);
    m_bytesWritten += line.size();
}

void CsvRecorder::fail()
{
    const QString message = tr("Writing to %1 failed: %2; the recording was stopped.")
                                .arg(nativePath(m_path), m_file.errorString());
    qCWarning(lcRecord).noquote() << message;
    // Stopped before emitting, so the recorder is closed when a slot looks, and cannot report twice.
    stop();
    emit error(message);
}

void CsvRecorder::stop()
{
    m_flushTimer.stop();
    m_elapsedAtStop = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_buffer.clear();
    m_file.close();
}

} // namespace pyrolink
