// Tests of CsvRecorder: the file's format (header, BOM, locale presets, quoting, timestamps) read back with a
// separate parser, and its durability (timed and size-triggered flushes, write failures).
#include "record/CsvRecorder.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <ctime>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <sys/resource.h>
#endif

using namespace pyrolink;

namespace {

const QByteArray kBom = QByteArrayLiteral("\xEF\xBB\xBF");

// 2026-11-21T05:00:01.250Z: winter, so Central European time is +01:00.
const qint64 kWinterMs = QDateTime(QDate(2026, 11, 21), QTime(5, 0, 1, 250), Qt::UTC).toMSecsSinceEpoch();
// 2026-07-01T10:30:00.005Z: summer, +02:00.
const qint64 kSummerMs = QDateTime(QDate(2026, 7, 1), QTime(10, 30, 0, 5), Qt::UTC).toMSecsSinceEpoch();

QByteArray readDisk(const QString &path)
{
    // A QFile of its own: sees what the OS has, not what the recorder still buffers.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// An RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF or LF line ends.
QList<QStringList> parseCsv(QByteArray bytes, QChar delimiter)
{
    if (bytes.startsWith(kBom))
        bytes.remove(0, kBom.size());
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == delimiter) {
            row.append(field);
            field.clear();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

QList<CsvColumn> pyrometerColumns()
{
    return {{QStringLiteral("temp_process"), QStringLiteral("Temp process"), QStringLiteral("°C"), 1},
            {QStringLiteral("temp_head"), QStringLiteral("Temp head"), QStringLiteral("°C"), 1},
            {QStringLiteral("emissivity"), QStringLiteral("Emissivity"), QString(), 3}};
}

} // namespace

class TestCsvRecorder : public QObject
{
    Q_OBJECT

private:
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Records the rows and returns the file parsed back; fails the test if opening fails.
    QList<QStringList> record(const QString &name, const QList<CsvColumn> &columns, const CsvOptions &options,
                              const QList<QPair<qint64, QList<double>>> &rows);

    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void headerHasNamesWithUnits();
    void utf8Bom();
    void localePresets_data();
    void localePresets();
    void nonFiniteAndMissingValuesAreEmpty();
    void quotesNamesWithDelimiterAndQuotes();
    void decimalsPerColumn();
    void localTimestampsHaveOffset();
    void utcTimestamps();
    void countersAndElapsed();
    void openTruncates();
    void rowReachesDiskWithinFlushInterval();
    void closeFlushes();
    void streamsManyRowsWithBoundedBuffer();
    void unwritablePathGivesOneSentence();
    void writeFailureStopsRecordingOnce();
};

void TestCsvRecorder::initTestCase()
{
    QVERIFY(m_dir.isValid());
#ifdef Q_OS_UNIX
    // Central European time as a POSIX rule (needs no tzdata), so local offsets are known: +01:00 / +02:00.
    qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
    tzset();
#endif
}

QList<QStringList> TestCsvRecorder::record(const QString &name, const QList<CsvColumn> &columns,
                                           const CsvOptions &options,
                                           const QList<QPair<qint64, QList<double>>> &rows)
{
    CsvRecorder recorder;
    QString error;
    const bool opened = recorder.open(filePath(name), columns, options, &error);
    if (!opened)
        qWarning("open failed: %s", qPrintable(error));
    for (const auto &row : rows)
        recorder.append(row.first, row.second);
    recorder.close();
    return opened ? parseCsv(readDisk(filePath(name)), options.delimiter) : QList<QStringList>{};
}

void TestCsvRecorder::headerHasNamesWithUnits()
{
    const QList<QStringList> rows =
        record(QStringLiteral("header.csv"), pyrometerColumns(), CsvOptions(), {});
    QCOMPARE(rows.size(), 1); // exactly one header row, no ids row
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("timestamp"), QStringLiteral("Temp process [°C]"),
                                        QStringLiteral("Temp head [°C]"), QStringLiteral("Emissivity")}));

    // The German preset: the header line as Excel there expects it, byte for byte after the BOM.
    CsvRecorder recorder;
    QVERIFY(recorder.open(filePath(QStringLiteral("header_de.csv")), pyrometerColumns(),
                          CsvOptions::forLocale(QLocale(QLocale::German, QLocale::Germany))));
    recorder.close();
    QCOMPARE(readDisk(filePath(QStringLiteral("header_de.csv"))),
             kBom + QStringLiteral("timestamp;Temp process [°C];Temp head [°C];Emissivity\r\n").toUtf8());
}

void TestCsvRecorder::utf8Bom()
{
    CsvOptions options;
    QVERIFY(options.writeBom); // on by default, for Excel
    record(QStringLiteral("bom.csv"), pyrometerColumns(), options, {});
    const QByteArray withBom = readDisk(filePath(QStringLiteral("bom.csv")));
    QVERIFY(withBom.startsWith(kBom));
    QVERIFY(withBom.contains("\xC2\xB0"
                             "C")); // "°C" in UTF-8

    options.writeBom = false;
    record(QStringLiteral("nobom.csv"), pyrometerColumns(), options, {});
    QVERIFY(readDisk(filePath(QStringLiteral("nobom.csv"))).startsWith("timestamp,"));
}

void TestCsvRecorder::localePresets_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QChar>("decimal");
    QTest::addColumn<QString>("values");

    QTest::newRow("C") << QLocale::c() << QChar(u',') << QChar(u'.') << QStringLiteral("1234.5,-0.25");
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << QChar(u',') << QChar(u'.')
                           << QStringLiteral("1234.5,-0.25");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << QChar(u';') << QChar(u',')
                           << QStringLiteral("1234,5;-0,25");
    QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France) << QChar(u';') << QChar(u',')
                           << QStringLiteral("1234,5;-0,25");
}

void TestCsvRecorder::localePresets()
{
    QFETCH(QLocale, locale);
    QFETCH(QChar, delimiter);
    QFETCH(QChar, decimal);
    QFETCH(QString, values);

    const CsvOptions options = CsvOptions::forLocale(locale);
    QCOMPARE(options.delimiter, delimiter);
    QCOMPARE(options.decimalSeparator, decimal);

    const QList<CsvColumn> columns{{QStringLiteral("a"), QStringLiteral("A"), QString(), 1},
                                   {QStringLiteral("b"), QStringLiteral("B"), QString(), 2}};
    const QString name = QStringLiteral("preset_%1.csv").arg(QString::fromLatin1(QTest::currentDataTag()));
    record(name, columns, options, {{kWinterMs, {1234.5, -0.25}}});
    // The raw line, not parsed: no quoting is needed when delimiter and decimals differ.
    const QList<QByteArray> lines = readDisk(filePath(name)).split('\n');
    QCOMPARE(lines.size(), 3); // header, row, "" after the last line end
    QVERIFY(lines.at(1).endsWith(QByteArray(delimiter.toLatin1() + values.toUtf8() + '\r')));
}

void TestCsvRecorder::nonFiniteAndMissingValuesAreEmpty()
{
    const double nan = std::nan("");
    QTest::ignoreMessage(QtWarningMsg, "row has 4 values for 3 columns");
    const QList<QStringList> rows = record(QStringLiteral("nan.csv"), pyrometerColumns(), CsvOptions(),
                                           {{kWinterMs, {nan, 2.0, nan}},
                                            {kWinterMs, {qInf(), -qInf(), 0.5}},
                                            {kWinterMs, {21.0}},         // fewer values than columns
                                            {kWinterMs, {1, 2, 3, 4}}}); // more: the extra one is dropped
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(1).mid(1), (QStringList{QString(), QStringLiteral("2.0"), QString()}));
    QCOMPARE(rows.at(2).mid(1), (QStringList{QString(), QString(), QStringLiteral("0.500")}));
    QCOMPARE(rows.at(3).mid(1), (QStringList{QStringLiteral("21.0"), QString(), QString()}));
    QCOMPARE(rows.at(4).mid(1),
             (QStringList{QStringLiteral("1.0"), QStringLiteral("2.0"), QStringLiteral("3.000")}));

    const QByteArray raw = readDisk(filePath(QStringLiteral("nan.csv")));
    QVERIFY(raw.contains(",,2.0,\r\n"));
    QVERIFY(!raw.contains("nan") && !raw.contains("inf"));
}

void TestCsvRecorder::quotesNamesWithDelimiterAndQuotes()
{
    const QString awkward = QStringLiteral("Temp, \"hot\" side");
    const QString multiline = QStringLiteral("Line\nbreak");
    const QList<CsvColumn> columns{{QStringLiteral("a"), awkward, QStringLiteral("°C"), 1},
                                   {QStringLiteral("b"), multiline, QString(), 1},
                                   {QStringLiteral("c"), QStringLiteral("semi;colon"), QString(), 1}};

    const QList<QStringList> rows =
        record(QStringLiteral("quote.csv"), columns, CsvOptions(), {{kWinterMs, {1, 2, 3}}});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("timestamp"), awkward + QStringLiteral(" [°C]"),
                                        multiline, QStringLiteral("semi;colon")}));
    const QByteArray raw = readDisk(filePath(QStringLiteral("quote.csv")));
    QVERIFY(raw.contains(",\"Temp, \"\"hot\"\" side [°C]\","));
    QVERIFY(raw.contains(",semi;colon\r\n")); // not the delimiter here: left bare

    // With ';' the semicolon name needs quotes and the comma one still does, for its quotes.
    const QList<QStringList> de =
        record(QStringLiteral("quote_de.csv"), columns, CsvOptions::forLocale(QLocale(QLocale::German)),
               {{kWinterMs, {1, 2, 3}}});
    QCOMPARE(de.first().mid(1),
             (QStringList{awkward + QStringLiteral(" [°C]"), multiline, QStringLiteral("semi;colon")}));
    QVERIFY(readDisk(filePath(QStringLiteral("quote_de.csv"))).contains(";\"semi;colon\"\r\n"));

    // A value whose decimal separator is the delimiter still comes back whole.
    CsvOptions clash;
    clash.decimalSeparator = u',';
    const QList<QStringList> c =
        record(QStringLiteral("clash.csv"), columns, clash, {{kWinterMs, {1.5, 2, 3}}});
    QCOMPARE(c.at(1).mid(1),
             (QStringList{QStringLiteral("1,5"), QStringLiteral("2,0"), QStringLiteral("3,0")}));

    QCOMPARE(CsvRecorder::quoteField(QStringLiteral("plain"), u','), QStringLiteral("plain"));
    QCOMPARE(CsvRecorder::quoteField(QStringLiteral("a\"b"), u';'), QStringLiteral("\"a\"\"b\""));
    QCOMPARE(CsvRecorder::quoteField(QStringLiteral("cr\r"), u';'), QStringLiteral("\"cr\r\""));
}

void TestCsvRecorder::decimalsPerColumn()
{
    const QList<CsvColumn> columns{{QStringLiteral("d0"), QStringLiteral("D0"), QString(), 0},
                                   {QStringLiteral("d1"), QStringLiteral("D1"), QString(), 1},
                                   {QStringLiteral("d3"), QStringLiteral("D3"), QString(), 3},
                                   {QStringLiteral("neg"), QStringLiteral("Neg"), QString(), -2}};
    const QList<QStringList> rows = record(QStringLiteral("decimals.csv"), columns, CsvOptions(),
                                           {{kWinterMs, {1234.56, 1234.56, 1234.56, 7.8}},
                                            {kWinterMs, {-12.3456, -12.3456, -12.3456, -0.2}},
                                            {kWinterMs, {1e6, -0.04, 0.0006, -0.0}}});
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(1).mid(1), (QStringList{QStringLiteral("1235"), QStringLiteral("1234.6"),
                                             QStringLiteral("1234.560"), QStringLiteral("8")}));
    QCOMPARE(rows.at(2).mid(1), (QStringList{QStringLiteral("-12"), QStringLiteral("-12.3"),
                                             QStringLiteral("-12.346"), QStringLiteral("0")}));
    QCOMPARE(rows.at(3).mid(1), (QStringList{QStringLiteral("1000000"), QStringLiteral("0.0"),
                                             QStringLiteral("0.001"), QStringLiteral("0")}));
}

void TestCsvRecorder::localTimestampsHaveOffset()
{
    const QList<qint64> times{kWinterMs, kSummerMs, kWinterMs + 999, 0};
    QList<QPair<qint64, QList<double>>> input;
    for (qint64 ms : times)
        input.append({ms, {1.0}});
    const QList<QStringList> rows =
        record(QStringLiteral("local.csv"), pyrometerColumns(), CsvOptions(), input);
    QCOMPARE(rows.size(), times.size() + 1);

    const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$)"));
    for (qsizetype i = 0; i < times.size(); ++i) {
        const QString stamp = rows.at(i + 1).first();
        QVERIFY2(iso.match(stamp).hasMatch(), qPrintable(stamp));
        const QDateTime back = QDateTime::fromString(stamp, Qt::ISODateWithMs);
        QVERIFY2(back.isValid(), qPrintable(stamp));
        QCOMPARE(back.toMSecsSinceEpoch(), times.at(i));
        // Local wall time: the offset written is the zone's offset at that instant.
        QCOMPARE(back.offsetFromUtc(), QDateTime::fromMSecsSinceEpoch(times.at(i)).offsetFromUtc());
    }
#ifdef Q_OS_UNIX
    // TZ is Central European time (initTestCase): the exact text, in winter and in summer.
    QCOMPARE(rows.at(1).first(), QStringLiteral("2026-11-21T06:00:01.250+01:00"));
    QCOMPARE(rows.at(2).first(), QStringLiteral("2026-07-01T12:30:00.005+02:00"));

    // A zero local offset (London in winter) keeps the "+00:00" form; only utcTimestamps writes "Z".
    const QByteArray savedTz = qgetenv("TZ");
    qputenv("TZ", "GMT0BST,M3.5.0/1,M10.5.0");
    tzset();
    const QString london = CsvRecorder::formatTimestamp(kWinterMs, false);
    const QString londonSummer = CsvRecorder::formatTimestamp(kSummerMs, false);
    qputenv("TZ", savedTz);
    tzset();
    QCOMPARE(london, QStringLiteral("2026-11-21T05:00:01.250+00:00"));
    QCOMPARE(londonSummer, QStringLiteral("2026-07-01T11:30:00.005+01:00"));
    QCOMPARE(QDateTime::fromString(london, Qt::ISODateWithMs).toMSecsSinceEpoch(), kWinterMs);
#endif
}

void TestCsvRecorder::utcTimestamps()
{
    CsvOptions options;
    options.utcTimestamps = true;
    const QList<QStringList> rows = record(QStringLiteral("utc.csv"), pyrometerColumns(), options,
                                           {{kWinterMs, {1.0}}, {kSummerMs, {2.0}}});
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(1).first(), QStringLiteral("2026-11-21T05:00:01.250Z"));
    QCOMPARE(rows.at(2).first(), QStringLiteral("2026-07-01T10:30:00.005Z"));
    QCOMPARE(QDateTime::fromString(rows.at(1).first(), Qt::ISODateWithMs).toMSecsSinceEpoch(), kWinterMs);
    QCOMPARE(QDateTime::fromString(rows.at(2).first(), Qt::ISODateWithMs).toMSecsSinceEpoch(), kSummerMs);
}

void TestCsvRecorder::countersAndElapsed()
{
    CsvRecorder recorder;
    const QString path = filePath(QStringLiteral("counters.csv"));
    QVERIFY(!recorder.isOpen());
    QVERIFY(!recorder.append(kWinterMs, {1.0})); // not recording
    QVERIFY(recorder.open(path, pyrometerColumns(), CsvOptions()));
    QVERIFY(recorder.isOpen());
    QCOMPARE(recorder.path(), path);
    QCOMPARE(recorder.columns().size(), 3);
    QCOMPARE(recorder.rows(), 0);
    const qint64 headerBytes = recorder.bytesWritten();
    QCOMPARE(headerBytes, QFileInfo(path).size()); // the header is on disk at once
    QCOMPARE(recorder.pendingBytes(), 0);

    QVERIFY(recorder.append(kWinterMs, {1.0, 2.0, 3.0}));
    QVERIFY(recorder.append(kWinterMs + 250, {1.0, 2.0, 3.0}));
    QCOMPARE(recorder.rows(), 2);
    QVERIFY(recorder.bytesWritten() > headerBytes);
    QCOMPARE(recorder.pendingBytes(), recorder.bytesWritten() - headerBytes);

    QTest::qWait(30);
    QVERIFY(recorder.elapsedMs() >= 25);
    QVERIFY(recorder.close());
    const qint64 length = recorder.elapsedMs();
    QTest::qWait(30);
    QCOMPARE(recorder.elapsedMs(), length); // frozen after close
    QCOMPARE(QFileInfo(path).size(), recorder.bytesWritten());
    QCOMPARE(recorder.path(), path);
    QVERIFY(!recorder.append(kWinterMs, {1.0}));
}

void TestCsvRecorder::openTruncates()
{
    const QString path = filePath(QStringLiteral("truncate.csv"));
    record(QStringLiteral("truncate.csv"), pyrometerColumns(), CsvOptions(),
           {{kWinterMs, {1, 2, 3}}, {kWinterMs, {1, 2, 3}}});
    const QList<QStringList> rows =
        record(QStringLiteral("truncate.csv"), pyrometerColumns(), CsvOptions(), {{kSummerMs, {4, 5, 6}}});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).at(1), QStringLiteral("4.0"));
}

void TestCsvRecorder::rowReachesDiskWithinFlushInterval()
{
    const QString path = filePath(QStringLiteral("durable.csv"));
    CsvOptions options;
    QCOMPARE(options.flushIntervalMs, 1000);
    CsvRecorder recorder;
    QVERIFY(recorder.open(path, pyrometerColumns(), options));
    QVERIFY(recorder.append(kWinterMs, {987.6, 55.5, 0.95}));
    const QByteArray row = "987.6,55.5,0.950\r\n";
    QVERIFY(!readDisk(path).contains(row)); // buffered: the timer, not append(), puts it on disk

    // Without close(): what a crash would leave behind, at most one interval after append().
    QTRY_VERIFY_WITH_TIMEOUT(readDisk(path).contains(row), 1500);
    QVERIFY(recorder.isOpen());
    QCOMPARE(recorder.pendingBytes(), 0);
}

void TestCsvRecorder::closeFlushes()
{
    const QString path = filePath(QStringLiteral("close.csv"));
    CsvOptions options;
    options.flushIntervalMs = 60000;
    CsvRecorder recorder;
    QVERIFY(recorder.open(path, pyrometerColumns(), options));
    for (int i = 0; i < 10; ++i)
        QVERIFY(recorder.append(kWinterMs + i, {double(i), 0, 0}));
    QVERIFY(recorder.pendingBytes() > 0);
    QVERIFY(recorder.close());
    QVERIFY(!recorder.isOpen());
    QCOMPARE(parseCsv(readDisk(path), u',').size(), 11);

    // And so does destruction.
    {
        CsvRecorder scoped;
        QVERIFY(scoped.open(path, pyrometerColumns(), options));
        QVERIFY(scoped.append(kWinterMs, {1, 2, 3}));
    }
    QCOMPARE(parseCsv(readDisk(path), u',').size(), 2);
}

void TestCsvRecorder::streamsManyRowsWithBoundedBuffer()
{
    const QString path = filePath(QStringLiteral("stream.csv"));
    CsvOptions options;
    options.flushIntervalMs = 60000; // only the size threshold flushes here
    CsvRecorder recorder;
    QVERIFY(recorder.open(path, pyrometerColumns(), options));

    const int total = 100000;
    qint64 lastSize = QFileInfo(path).size();
    int grew = 0;
    qint64 maxPending = 0;
    for (int i = 0; i < total; ++i) {
        QVERIFY(recorder.append(kWinterMs + i * 100LL, {800.0 + i % 100, 40.0 + (i % 7) * 0.1, 0.95}));
        maxPending = qMax(maxPending, recorder.pendingBytes());
        if (i % 5000 == 4999) {
            const qint64 size = QFileInfo(path).size();
            QCOMPARE(size + recorder.pendingBytes(), recorder.bytesWritten());
            if (size > lastSize)
                ++grew;
            lastSize = size;
        }
    }
    // Rows are ~50 bytes, 5000 of them ~250 KB: the file grows at every check while recording.
    QCOMPARE(grew, total / 5000);
    QVERIFY2(maxPending <= options.flushThresholdBytes + 200, QByteArray::number(maxPending));
    QVERIFY(recorder.bytesWritten() > 40 * qint64(total));

    QVERIFY(recorder.close());
    QCOMPARE(recorder.rows(), qint64(total));
    QCOMPARE(QFileInfo(path).size(), recorder.bytesWritten());
    const QByteArray raw = readDisk(path);
    QCOMPARE(raw.count("\r\n"), qsizetype(total + 1));
    const QList<QStringList> last = parseCsv(raw.right(200), u',');
    QCOMPARE(last.last().at(1), QStringLiteral("899.0"));
    QCOMPARE(QDateTime::fromString(last.last().first(), Qt::ISODateWithMs).toMSecsSinceEpoch(),
             kWinterMs + (total - 1) * 100LL);
}

void TestCsvRecorder::unwritablePathGivesOneSentence()
{
    const QStringList paths{filePath(QStringLiteral("no/such/dir/out.csv")),
                            m_dir.path()}; // missing dir; a directory
    for (const QString &path : paths) {
        CsvRecorder recorder;
        QSignalSpy errors(&recorder, &CsvRecorder::error);
        QString error;
        QVERIFY(!recorder.open(path, pyrometerColumns(), CsvOptions(), &error));
        QVERIFY(!recorder.isOpen());
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(error.endsWith(u'.') && !error.contains(u'\n'), qPrintable(error));
        // One sentence: no sentence end before the last character, once the path is taken out.
        QString rest = error;
        rest.remove(QDir::toNativeSeparators(path));
        QVERIFY2(!rest.chopped(1).contains(QStringLiteral(". ")), qPrintable(error));
        QVERIFY(!recorder.append(kWinterMs, {1.0}));
        QCOMPARE(errors.size(), 0); // open() reports through its return value
    }

    CsvOptions bad;
    bad.delimiter = u'"';
    CsvRecorder recorder;
    QString error;
    QVERIFY(!recorder.open(filePath(QStringLiteral("bad.csv")), pyrometerColumns(), bad, &error));
    QVERIFY2(error.contains(filePath(QStringLiteral("bad.csv"))), qPrintable(error));
}

void TestCsvRecorder::writeFailureStopsRecordingOnce()
{
#ifdef Q_OS_LINUX
    // A file size limit stands in for a full disk: writes past it fail (EFBIG) as they would with ENOSPC.
    const QString path = filePath(QStringLiteral("full.csv"));
    CsvOptions options;
    options.flushIntervalMs = 60000;
    options.flushThresholdBytes = 1024;
    CsvRecorder recorder;
    QSignalSpy errors(&recorder, &CsvRecorder::error);
    QVERIFY(recorder.open(path, pyrometerColumns(), options));

    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto savedHandler = std::signal(SIGXFSZ, SIG_IGN); // else the kernel ends the process
    rlimit limit = saved;
    limit.rlim_cur = rlim_t(4096);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Writing to .*full\\.csv failed")));
    int accepted = 0;
    for (int i = 0; i < 1000 && recorder.append(kWinterMs + i, {1, 2, 3}); ++i)
        ++accepted;

    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, savedHandler);

    QVERIFY(accepted > 0 && accepted < 1000);
    QCOMPARE(errors.size(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)) && message.endsWith(u'.'), qPrintable(message));
    QVERIFY2(message.contains(qt_error_string(EFBIG)),
             qPrintable(message)); // the OS's reason, not "Unknown error"
    QVERIFY(!recorder.isOpen());
    QVERIFY(!recorder.append(kWinterMs, {1, 2, 3}));
    QVERIFY(!recorder.flush());
    QVERIFY(recorder.close());  // nothing left to fail
    QCOMPARE(errors.size(), 1); // once
    QVERIFY(QFileInfo(path).size() <= 4096);
#else
    QSKIP("Needs RLIMIT_FSIZE to simulate a full disk.");
#endif
}

QTEST_GUILESS_MAIN(TestCsvRecorder)
#include "tst_csvrecorder.moc"
