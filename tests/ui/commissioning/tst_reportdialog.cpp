// ReportDialog on a simulated Optris CT over Modbus TCP on loopback: what it remembers, what it proposes, and
// the PDF it writes from the session. The "open it now?" question is not asked here: createReport() is what
// the button does before asking.
#include "commissioning/ReportDialog.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrolink;

class TestReportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void remembersTheTechnicianAndProposesAFile();
    void writesThePdfAndRemembers();
    void closedDeviceCannotBeReported();

private:
    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSession> m_session;
    QTemporaryDir m_dir;
};

void TestReportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PyrolinkTest"));
    QVERIFY(m_dir.isValid());
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
}

void TestReportDialog::init()
{
    QSettings().remove(QStringLiteral("report"));
    QString error;
    m_session = DeviceSession::simulated(m_optris, QStringLiteral("ctratio"), &error);
    QVERIFY2(m_session, qPrintable(error));
    m_session->start();
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_session->poller()->reading(QStringLiteral("serial_number"))->quality == Quality::Good;
        },
        10000));
}

void TestReportDialog::cleanup()
{
    m_session.reset();
}

void TestReportDialog::remembersTheTechnicianAndProposesAFile()
{
    QSettings().setValue(QStringLiteral("report/technician"), QStringLiteral("C. Remembered"));
    ReportDialog dialog(m_session.get());
    QCOMPARE(dialog.technicianEdit()->text(), QStringLiteral("C. Remembered"));
    QCOMPARE(dialog.windowCombo()->count(), 3);
    QCOMPARE(dialog.chartWindowMs(), 10 * 60 * 1000); // 10 minutes unless chosen otherwise
    const QString serial =
        QString::number(qint64(*m_session->simulator()->value(QStringLiteral("serial_number"))));
    const QString proposed = dialog.defaultFilePath();
    QVERIFY2(proposed.endsWith(
                 QStringLiteral("CTratio %1 %2.pdf").arg(serial, QDate::currentDate().toString(Qt::ISODate))),
             qPrintable(proposed));
    QVERIFY(dialog.createButton()->isEnabled());
    dialog.fileEdit()->clear();
    QVERIFY(!dialog.createButton()->isEnabled());
}

void TestReportDialog::writesThePdfAndRemembers()
{
    ReportDialog dialog(m_session.get());
    dialog.technicianEdit()->setText(QStringLiteral("D. Writer"));
    dialog.notesEdit()->setPlainText(QStringLiteral("All good."));
    dialog.windowCombo()->setCurrentIndex(0);
    QCOMPARE(dialog.chartWindowMs(), 60 * 1000);
    const QString path = m_dir.filePath(QStringLiteral("dialog")); // ".pdf" is added
    dialog.fileEdit()->setText(path);
    QSignalSpy written(&dialog, &ReportDialog::reportWritten);
    QString error;
    QVERIFY2(dialog.createReport(&error), qPrintable(error));
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().first().toString(), path + QStringLiteral(".pdf"));
    QFile pdf(path + QStringLiteral(".pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5).startsWith("%PDF-"));
    QCOMPARE(QSettings().value(QStringLiteral("report/technician")).toString(), QStringLiteral("D. Writer"));
    QCOMPARE(QSettings().value(QStringLiteral("report/chartWindowMinutes")).toInt(), 1);
    // The next dialog proposes the same folder.
    ReportDialog next(m_session.get());
    QVERIFY(next.defaultFilePath().startsWith(m_dir.path()));
    QCOMPARE(next.windowCombo()->currentData().toInt(), 1);
}

void TestReportDialog::closedDeviceCannotBeReported()
{
    ReportDialog dialog(m_session.get());
    QVERIFY(dialog.createButton()->isEnabled());
    m_session.reset();
    QVERIFY(!dialog.createButton()->isEnabled());
    QString error;
    QVERIFY(!dialog.createReport(&error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
