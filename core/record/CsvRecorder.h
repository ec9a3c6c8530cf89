#pragma once

#include <QByteArray>
#include <QChar>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class QLocale;

namespace pyrolink {

/// How a CsvRecorder writes its file. The defaults suit Excel in an English locale and every CSV parser.
struct CsvOptions
{
    QChar delimiter = u',';
    QChar decimalSeparator = u'.';
    /// Timestamps in UTC ("…Z") instead of local time with its offset ("…+01:00").
    bool utcTimestamps = false;
    /// Start the file with a UTF-8 byte order mark. On by default because Excel reads a .csv without one in
    /// the Windows ANSI code page and shows "°C" as "Â°C"; LibreOffice, pandas and Python's utf-8-sig skip
    /// it.
    bool writeBom = true;
    /// Buffered rows reach the OS at most this long after append(), so a crash of the program loses at most
    /// about this much. 0 hands every row over at once.
    int flushIntervalMs = 1000;
    /// Buffered rows also reach the OS as soon as more than this many bytes wait, which bounds the memory a
    /// fast recording holds.
    int flushThresholdBytes = 64 * 1024;

    /// The options under which a spreadsheet in @p locale opens the file right: where the decimal point is
    /// ',' (de_DE, fr_FR, …) ';' separates fields and ',' marks decimals, as Excel's list separator there is
    /// ';'; everywhere else ',' and '.'.
    static CsvOptions forLocale(const QLocale &locale);
};

/// One recorded value column.
struct CsvColumn
{
    QString id;       ///< the caller's key for the column; not written to the file
    QString name;     ///< header text, e.g. "Temp process"
    QString unit;     ///< appended to the header in brackets, "Temp process [°C]"; none if empty
    int decimals = 1; ///< digits after the decimal separator (negative counts as 0)
};

/// Streams timestamped rows of values to a CSV file (RFC 4180 quoting, CRLF line ends).
///
/// The file has exactly one header row, "timestamp" then each column's name with its unit in brackets, so it
/// opens as a table in a spreadsheet; column ids are not written. Each row is an ISO 8601 timestamp with
/// milliseconds and UTC offset, then one field per column with the column's decimals; a NaN or infinite
/// value, or one missing from append(), is an empty field.
///
/// Rows are buffered and handed to the OS every CsvOptions::flushIntervalMs and whenever more than
/// CsvOptions::flushThresholdBytes wait, so memory stays bounded however long the recording. A failed write
/// (disk full) emits error() once and stops the recording. Needs a running event loop for the timed flush.
class CsvRecorder : public QObject
{
    Q_OBJECT
public:
    explicit CsvRecorder(QObject *parent = nullptr);
    /// Closes the file, flushing what is buffered.
    ~CsvRecorder() override;

    /// Creates or truncates @p path (whether to overwrite is the caller's decision) and writes the BOM and
    /// header. Closes a recording already open. On failure returns false and sets @p error to one sentence
    /// naming the path.
    bool open(const QString &path, const QList<CsvColumn> &columns, const CsvOptions &options,
              QString *error = nullptr);
    /// Adds one row: @p values in the order of the columns. Returns false if not recording or the write
    /// failed. Values beyond the columns are ignored.
    bool append(qint64 timestampMs, const QList<double> &values);
    /// Hands buffered rows to the OS now. Returns false if not recording or the write failed.
    bool flush();
    /// Flushes and closes the file. Returns false if the final write failed (error() is emitted then).
    bool close();

    bool isOpen() const { return m_file.isOpen(); }
    /// The path given to the last open(), also after close().
    QString path() const { return m_path; }
    const QList<CsvColumn> &columns() const { return m_columns; }
    const CsvOptions &options() const { return m_options; }
    /// Rows appended since open().
    qint64 rows() const { return m_rows; }
    /// Bytes of the file since open(), BOM and header included, whether still buffered or not.
    qint64 bytesWritten() const { return m_bytesWritten; }
    /// Bytes appended but not yet handed to the OS.
    qint64 pendingBytes() const { return m_buffer.size(); }
    /// Milliseconds since open(); after close() or a failure, the length of the recording.
    qint64 elapsedMs() const;

    /// "2026-11-21T06:00:01.250+01:00" (local time) or "2026-11-21T05:00:01.250Z" (@p utc).
    static QString formatTimestamp(qint64 timestampMs, bool utc);
    /// @p text as one CSV field: quoted, with quotes doubled, if it holds the delimiter, a quote or a line
    /// break (RFC 4180).
    static QString quoteField(const QString &text, QChar delimiter);

signals:
    /// A write failed; one sentence naming the path. Emitted once, after which the recording is stopped.
    void error(const QString &message);

private:
    void appendLine(const QString &text);
    bool writeBuffer();
    void fail();
    void stop();

    QFile m_file;
    QString m_path;
    QList<CsvColumn> m_columns;
    CsvOptions m_options;
    QByteArray m_buffer;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    qint64 m_elapsedAtStop = 0;
    qint64 m_rows = 0;
    qint64 m_bytesWritten = 0;
};

} // namespace pyrolink
