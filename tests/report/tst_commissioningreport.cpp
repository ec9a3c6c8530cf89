// The commissioning report as a reader sees it: the PDF written from a simulated Optris CT polled over Modbus
// TCP on loopback, read back with poppler's pdftotext (the text) and pdftoppm (the pixels of the chart).
#include "CommissioningReport.h"
#include "ReportChart.h"
#include "ReportData.h"
#include "history/HistoryStore.h"
#include "profile/Codec.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pyrolink;

namespace {

constexpr int kTimeout = 10000;

/// A poppler tool's standard output; empty (and a warning) if it failed.
QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << program << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return p.readAllStandardOutput();
}

/// The PDF's text with its layout kept (columns stay on one line), pages separated by form feeds.
QString pdfText(const QString &path)
{
    return QString::fromUtf8(
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")}));
}

/// One page rendered by poppler at `dpi`.
QImage renderPage(const QString &path, int page, int dpi, const QString &dir)
{
    const QString prefix = QDir(dir).filePath(QStringLiteral("page"));
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), QString::number(page + 1),
         QStringLiteral("-l"), QString::number(page + 1), QStringLiteral("-png"),
         QStringLiteral("-singlefile"), path, prefix});
    return QImage(prefix + QStringLiteral(".png"));
}

/// Whether a rendered pixel is drawn in one of the colours: a clearly saturated pixel of the same hue (a thin
/// line at 50 dpi is blended with the white around it, which keeps the hue but not the exact colour).
bool inColours(QRgb pixel, const QList<QColor> &colours)
{
    const QColor c = QColor::fromRgb(pixel);
    if (c.hsvSaturation() < 60 || c.value() < 40)
        return false;
    for (const QColor &want : colours) {
        if (want.hsvSaturation() < 60)
            continue; // grey series cannot be told from the grid
        const int d = std::abs(c.hsvHue() - want.hsvHue());
        if (std::min(d, 360 - d) <= 14)
            return true;
    }
    return false;
}

} // namespace

class TestCommissioningReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void reportOfASimulatedDevice();
    void chartIsDrawnInTheSeriesColours();
    void longConfigurationBreaksAcrossPages();
    void emptyReportIsStillADocument();
    void unwritablePathIsOneSentence();
    void sessionChartWindowIsClippedToTheHistory();

private:
    /// A session on a simulated CTratio that has polled for a while and read its configuration.
    bool startSession();
    ReportData sessionData();

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSession> m_session;
    QTemporaryDir m_dir;
};

void TestCommissioningReport::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() &&
                 !QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty(),
             "pdftotext and pdftoppm are needed: apt-get install poppler-utils (scripts/setup does).");
    QVERIFY(m_dir.isValid());
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
}

void TestCommissioningReport::cleanup()
{
    m_session.reset();
}

bool TestCommissioningReport::startSession()
{
    QString error;
    m_session = DeviceSession::simulated(m_optris, QStringLiteral("ctratio"), &error);
    if (!m_session) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    QSignalSpy cycles(m_session.get(), &DeviceSession::historyAppended);
    m_session->start();
    const DevicePoller *poller = m_session->poller();
    return QTest::qWaitFor(
        [&] {
            if (cycles.size() < 25)
                return false;
            for (const RegisterDef *def :
                 ReportData::configurationRegisters(m_session->profile(), m_session->model()))
                if (poller->reading(def->id)->quality != Quality::Good)
                    return false;
            return poller->reading(QStringLiteral("serial_number"))->quality == Quality::Good;
        },
        kTimeout);
}

ReportData TestCommissioningReport::sessionData()
{
    ReportData data = ReportData::fromSession(*m_session, 60 * 1000);
    data.technician = QStringLiteral("A. Tester");
    data.notes =
        QStringLiteral("Mounted above kiln 3, sight glass cleaned.\nAlarm threshold agreed with the shift "
                       "leader.");
    return data;
}

void TestCommissioningReport::reportOfASimulatedDevice()
{
    QVERIFY(startSession());
    const ReportData data = sessionData();
    const DeviceSimulator *sim = m_session->simulator();
    const QString serial = QString::number(qint64(*sim->value(QStringLiteral("serial_number"))));
    QCOMPARE(data.serial, serial);
    QCOMPARE(data.technician, QStringLiteral("A. Tester"));

    const QString path = m_dir.filePath(QStringLiteral("session.pdf"));
    CommissioningReport report(data);
    QString error;
    QVERIFY2(report.write(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    // The whole CTratio configuration does not fit one page.
    QVERIFY2(report.pageCount() >= 2, qPrintable(QString::number(report.pageCount())));

    const QString text = pdfText(path);
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(serial), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QStringLiteral("A. Tester")));
    QVERIFY(text.contains(QStringLiteral("Mounted above kiln 3, sight glass cleaned.")));
    QVERIFY(text.contains(QStringLiteral("Alarm threshold agreed with the shift leader.")));
    QVERIFY(text.contains(QStringLiteral("CTratio")));
    QVERIFY(text.contains(data.created.toString(QStringLiteral("yyyy-MM-dd"))));
    // Emissivity: the simulator's value, formatted as the profile says, on the row of its name.
    const RegisterDef *eps =
        m_session->profile().findById(QStringLiteral("emissivity"), QStringLiteral("ctratio"));
    const QString epsilon = Codec::formatValue(*eps, *sim->value(QStringLiteral("emissivity")));
    QCOMPARE(epsilon, QStringLiteral("0.950"));
    QVERIFY2(QRegularExpression(QStringLiteral("Epsilon\\s+%1").arg(QRegularExpression::escape(epsilon)))
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    // The process temperature as it was read, close to what the simulated device measures.
    const auto process = std::find_if(data.readings.begin(), data.readings.end(), [](const ReportReading &r) {
        return r.name == QLatin1String("Temp process");
    });
    QVERIFY(process != data.readings.end());
    QCOMPARE(process->quality, Quality::Good);
    QVERIFY(std::abs(process->value.toDouble() - *sim->value(QStringLiteral("temp_process"))) < 50);
    QVERIFY2(QRegularExpression(QStringLiteral("Temp process\\s+%1\\s+°C\\s+Good")
                                    .arg(QRegularExpression::escape(process->value)))
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    // Every page numbered, out of the right total, with the serial in its footer.
    const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), report.pageCount());
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(report.pageCount())),
                 qPrintable(pages[i]));
        QVERIFY(pages[i].contains(QStringLiteral("Serial number %1").arg(serial)));
    }
    QVERIFY(text.contains(QStringLiteral("Page 1 of")));
    // Every configured setting is listed, and the sign-off closes the document.
    for (const ReportConfigRow &row : data.configuration)
        QVERIFY2(text.contains(row.address), qPrintable(row.address));
    QVERIFY(pages.last().contains(QStringLiteral("Date and signature")));
}

void TestCommissioningReport::chartIsDrawnInTheSeriesColours()
{
    QVERIFY(startSession());
    const ReportData data = sessionData();
    QVERIFY(!data.chart.isEmpty());
    QVERIFY(!data.chart.first().points.isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
    CommissioningReport report(data);
    QVERIFY(report.write(path));
    const QList<CommissioningReport::ChartPlacement> charts = report.chartPlacements();
    // CTratio charts temperatures (°C), emissivities (no unit) and signals (mV): one panel each.
    QCOMPARE(charts.size(), 3);

    for (const CommissioningReport::ChartPlacement &chart : charts) {
        const QImage page = renderPage(path, chart.page, 50, m_dir.path());
        QVERIFY(!page.isNull());
        const QRect plot(qRound(chart.rect.x() * page.width()), qRound(chart.rect.y() * page.height()),
                         qRound(chart.rect.width() * page.width()),
                         qRound(chart.rect.height() * page.height()));
        QVERIFY(page.rect().contains(plot));
        // The lines run across the time axis: most pixel columns of the plot hold a pixel of a series colour.
        int columns = 0;
        int pixels = 0;
        for (int x = plot.left() + 2; x < plot.right() - 1; ++x) {
            bool hit = false;
            for (int y = plot.top() + 1; y < plot.bottom(); ++y)
                if (inColours(page.pixel(x, y), chart.colors)) {
                    hit = true;
                    ++pixels;
                }
            columns += hit ? 1 : 0;
        }
        const int width = plot.width() - 3;
        QVERIFY2(columns > width * 0.8,
                 qPrintable(QStringLiteral("%1 of %2 columns").arg(columns).arg(width)));
        QVERIFY(pixels > width);
        // Beside the plot, where the value axis has its labels (in grey), none of them.
        const int pageMargin = qRound(20 / 210.0 * page.width());
        const QRect margin(pageMargin, plot.top(), plot.left() - 1 - pageMargin, plot.height());
        QVERIFY(margin.width() > 5);
        int stray = 0;
        for (int x = margin.left(); x < margin.right(); ++x)
            for (int y = margin.top(); y < margin.bottom(); ++y)
                stray += inColours(page.pixel(x, y), chart.colors) ? 1 : 0;
        QCOMPARE(stray, 0);
    }
}

void TestCommissioningReport::longConfigurationBreaksAcrossPages()
{
    ReportData data;
    data.title = QStringLiteral("Test device · 127.0.0.1:502 unit 1");
    data.modelName = QStringLiteral("Test device");
    data.serial = QStringLiteral("4711");
    data.technician = QStringLiteral("B. Checker");
    data.created = QDateTime(QDate(2025, 3, 14), QTime(9, 30));
    data.software = QStringLiteral("Pyrolink test");
    for (int i = 0; i < 180; ++i)
        data.configuration.append(ReportConfigRow{QStringLiteral("Group %1").arg(i / 25),
                                                  QStringLiteral("Setting %1").arg(i),
                                                  QString::number(i * 0.5, 'f', 1), QStringLiteral("°C"),
                                                  QStringLiteral("holding %1").arg(10000 + i), QString()});
    const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
    CommissioningReport report(data);
    QString error;
    QVERIFY2(report.write(path, &error), qPrintable(error));
    QVERIFY(report.pageCount() >= 5);
    const QString text = pdfText(path);
    const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), report.pageCount());
    for (int i = 0; i < pages.size(); ++i)
        QVERIFY(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
    // No row lost or cut between pages: each one whole, once, with its value.
    for (int i = 0; i < 180; ++i) {
        const QRegularExpression row(QStringLiteral("Setting %1\\s+%2\\s+°C\\s+holding %3\\b")
                                         .arg(i)
                                         .arg(QString::number(i * 0.5, 'f', 1))
                                         .arg(10000 + i));
        QCOMPARE(text.count(row), 1);
    }
    // A page that continues the table says so and repeats its header.
    QVERIFY(pages[2].contains(QStringLiteral("Configuration (continued)")));
    QVERIFY(QRegularExpression(QStringLiteral("Setting\\s+Value\\s+Unit\\s+Register"))
                .match(pages[2])
                .hasMatch());
    QVERIFY(pages.last().contains(QStringLiteral("B. Checker")));
}

void TestCommissioningReport::emptyReportIsStillADocument()
{
    ReportData data;
    data.title = QStringLiteral("Nothing");
    data.created = QDateTime::currentDateTime();
    const QString path = m_dir.filePath(QStringLiteral("empty.pdf"));
    CommissioningReport report(data);
    QVERIFY(report.write(path));
    QCOMPARE(report.pageCount(), 1);
    QVERIFY(report.chartPlacements().isEmpty());
    const QString text = pdfText(path);
    QVERIFY(text.contains(QStringLiteral("No notes were entered.")));
    QVERIFY(text.contains(QStringLiteral("No measurements were charted.")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
}

void TestCommissioningReport::unwritablePathIsOneSentence()
{
    CommissioningReport report(ReportData{});
    QString error;
    QVERIFY(!report.write(m_dir.filePath(QStringLiteral("no/such/folder/x.pdf")), &error));
    QVERIFY(error.startsWith(QStringLiteral("Cannot write")));
    QVERIFY(error.endsWith(QLatin1Char('.')));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no/such/folder/x.pdf"))));
}

void TestCommissioningReport::sessionChartWindowIsClippedToTheHistory()
{
    QVERIFY(startSession());
    const QDateTime now = QDateTime::currentDateTime();
    const ReportData data = ReportData::fromSession(*m_session, 60 * 60 * 1000, now);
    QCOMPARE(data.chartEndMs, now.toMSecsSinceEpoch());
    // An hour asked for, a few seconds of history: the chart starts where the history does.
    QVERIFY(data.chartEndMs - data.chartStartMs < 60 * 1000);
    const HistoryBuffer *process = m_session->history()->find(QStringLiteral("temp_process"));
    QVERIFY(process);
    QCOMPARE(data.chartStartMs, process->firstTime());
    QVERIFY(data.connection.startsWith(QStringLiteral("Built-in simulator")));
    // Colours follow the live chart: a register's place among the numeric registers the poller keeps.
    int index = 0;
    for (const RegisterDef *def : m_session->poller()->registers()) {
        if (def->id == QLatin1String("temp_process"))
            break;
        index += def->isNumeric() ? 1 : 0;
    }
    QCOMPARE(data.chart.first().name, QStringLiteral("Temp process"));
    QCOMPARE(data.chart.first().color, ReportChart::color(index));
}

QTEST_MAIN(TestCommissioningReport)
#include "tst_commissioningreport.moc"
