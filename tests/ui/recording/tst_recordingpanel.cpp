// RecordingPanel on a simulated Optris CT over Modbus TCP on 127.0.0.1: start and stop a CSV recording, the
// file it writes, the status while it runs, replacing a file, and a folder that cannot be written.
#include "profile/ProfileLoader.h"
#include "recording/RecordingPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pyrolink;

namespace {
const QString kModel = QStringLiteral("ctlt");
constexpr int kWaitMs = 10000;

/// The file's lines without the BOM and line ends; the header first.
QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}
} // namespace

class TestRecordingPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPathIsTimestampedInDocuments();
    void startRecordStop();
    void ctrlRTogglesRecording();
    void germanFormat();
    void customFormatIsValidated();
    void asksBeforeReplacingAFile();
    void unwritableFolderShowsMessageAndDoesNotStart();
    void fullDiskShowsMessageAndDoesNotStart();
    void channelsFollowTheChecklist();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *w = m_panel->findChild<T *>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }
    QPushButton *toggle() const { return child<QPushButton>(QStringLiteral("toggleRecording")); }
    void setPath(const QString &path)
    {
        QLineEdit *edit = child<QLineEdit>(QStringLiteral("path"));
        edit->clear();
        QTest::keyClicks(edit, path); // typed, as a user does: the panel then keeps the path as given
    }
    bool answer(QMessageBox::StandardButton button);

    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSession> m_session;
    std::unique_ptr<RecordingPanel> m_panel;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRecordingPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // Documents under ~/.qttest, not the user's own
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
}

void TestRecordingPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_session = DeviceSession::simulated(m_optris, kModel, &error);
    QVERIFY2(m_session, qPrintable(error));
    m_session->start();
    m_panel = std::make_unique<RecordingPanel>();
    m_panel->resize(1000, 700);
    m_panel->setSession(m_session.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->poller()->state(), DevicePoller::State::Connected, kWaitMs);
}

void TestRecordingPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
    m_dir.reset();
}

bool TestRecordingPanel::answer(QMessageBox::StandardButton button)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = m_panel->findChild<QMessageBox *>()) && box->isVisible(); },
                         kWaitMs))
        return false;
    box->button(button)->click();
    return true;
}

void TestRecordingPanel::defaultPathIsTimestampedInDocuments()
{
    const QString path = RecordingPanel::defaultPath(QDateTime(QDate(2026, 11, 21), QTime(6, 12, 40)));
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("pyrolink-2026-11-21-0612.csv"));
    QCOMPARE(QFileInfo(path).absolutePath(),
             QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absolutePath());
    // Shown before anything is chosen, and not yet recorded to.
    const QString shown = child<QLineEdit>(QStringLiteral("path"))->text();
    QVERIFY(QFileInfo(shown).fileName().startsWith(QLatin1String("pyrolink-")));
    QCOMPARE(child<QLabel>(QStringLiteral("state"))->text(), QStringLiteral("Not recording"));
    QVERIFY(!child<QPushButton>(QStringLiteral("openFolder"))->isVisible());
}

void TestRecordingPanel::startRecordStop()
{
    const QString path = m_dir->filePath(QStringLiteral("run.csv"));
    setPath(path);
    child<QComboBox>(QStringLiteral("format"))->setCurrentIndex(RecordingPanel::English);
    QCOMPARE(toggle()->text(), QStringLiteral("Start recording"));
    toggle()->click();
    QVERIFY(m_session->isRecording());
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(toggle()->text(), QStringLiteral("Stop recording"));
    QVERIFY(!child<QLineEdit>(QStringLiteral("path"))->isEnabled());
    QVERIFY(!child<QListWidget>(QStringLiteral("channels"))->isEnabled());
    QCOMPARE(child<QLabel>(QStringLiteral("file"))->text(), QDir::toNativeSeparators(path));

    // The header is on disk at once, with each channel's name and unit.
    const QStringList header = readLines(path).value(0).split(u',');
    QCOMPARE(header.value(0), QStringLiteral("timestamp"));
    QVERIFY2(header.contains(QStringLiteral("Temp process [°C]")), qPrintable(header.join(u'|')));

    // Rows, time and size grow while it runs, shown twice a second.
    QLabel *rows = child<QLabel>(QStringLiteral("rows"));
    QTRY_VERIFY_WITH_TIMEOUT(rows->text().toLongLong() >= 5, kWaitMs);
    const qint64 shownRows = rows->text().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(rows->text().toLongLong() > shownRows, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(QStringLiteral("elapsed"))->text() != QStringLiteral("0:00:00"),
                             kWaitMs);
    QVERIFY(!child<QLabel>(QStringLiteral("size"))->text().isEmpty());
    QVERIFY(child<QLabel>(QStringLiteral("state"))->text().contains(QLatin1String("Recording")));

    toggle()->click();
    QVERIFY(!m_session->isRecording());
    QCOMPARE(toggle()->text(), QStringLiteral("Start recording"));
    const QStringList lines = readLines(path);
    QCOMPARE(m_session->recorder().rows(), qint64(lines.size() - 1));
    QCOMPARE(rows->text(), QString::number(m_session->recorder().rows()));
    for (const QString &line : lines.mid(1))
        QCOMPARE(line.count(u','), header.size() - 1);
    QCOMPARE(child<QLabel>(QStringLiteral("state"))->text(), QStringLiteral("Stopped"));
    QVERIFY(child<QPushButton>(QStringLiteral("openFolder"))->isVisible());
    QVERIFY(child<QLineEdit>(QStringLiteral("path"))->isEnabled());
    // The path typed stays: the next recording goes there too, after asking.
    QCOMPARE(child<QLineEdit>(QStringLiteral("path"))->text(), path);
}

void TestRecordingPanel::ctrlRTogglesRecording()
{
    const QString path = m_dir->filePath(QStringLiteral("shortcut.csv"));
    setPath(path);
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    QTest::keyClick(m_panel.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isRecording(), kWaitMs);
    QTest::keyClick(m_panel.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isRecording(), kWaitMs);
    QVERIFY(QFileInfo::exists(path));
}

void TestRecordingPanel::germanFormat()
{
    child<QComboBox>(QStringLiteral("format"))->setCurrentIndex(RecordingPanel::German);
    QCOMPARE(child<QLineEdit>(QStringLiteral("delimiter"))->text(), QStringLiteral(";"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("decimal"))->text(), QStringLiteral(","));
    QVERIFY(!child<QLineEdit>(QStringLiteral("delimiter"))->isEnabled()); // a preset is not edited

    const QString path = m_dir->filePath(QStringLiteral("de.csv"));
    setPath(path);
    toggle()->click();
    QVERIFY(m_session->isRecording());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->recorder().rows() >= 3, kWaitMs);
    toggle()->click();
    const QStringList lines = readLines(path);
    QVERIFY(lines.value(0).split(u';').contains(QStringLiteral("Temp process [°C]")));
    // "23,4" in its field: decimals with a comma, fields by semicolons.
    const QStringList fields = lines.value(1).split(u';');
    QCOMPARE(fields.size(), lines.value(0).split(u';').size());
    QVERIFY2(lines.value(1).section(u';', 1).contains(u','), qPrintable(lines.value(1)));
}

void TestRecordingPanel::customFormatIsValidated()
{
    auto *format = child<QComboBox>(QStringLiteral("format"));
    auto *delimiter = child<QLineEdit>(QStringLiteral("delimiter"));
    auto *decimal = child<QLineEdit>(QStringLiteral("decimal"));
    format->setCurrentIndex(RecordingPanel::Custom);
    QVERIFY(delimiter->isEnabled());
    delimiter->setText(QStringLiteral("tab"));
    decimal->setText(QStringLiteral("."));
    QString error;
    std::optional<CsvOptions> o = m_panel->options(&error);
    QVERIFY(o);
    QCOMPARE(o->delimiter, QChar(u'\t'));
    QCOMPARE(o->decimalSeparator, QChar(u'.'));

    delimiter->setText(QStringLiteral(","));
    decimal->setText(QStringLiteral(","));
    QVERIFY(!m_panel->options(&error));
    QVERIFY(!error.isEmpty());
    // Refused before any file is touched, in words on the panel.
    const QString path = m_dir->filePath(QStringLiteral("never.csv"));
    setPath(path);
    toggle()->click();
    QVERIFY(!m_session->isRecording());
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(child<QLabel>(QStringLiteral("message"))->text(), error);
    QVERIFY(child<QLabel>(QStringLiteral("message"))->isVisible());
}

void TestRecordingPanel::asksBeforeReplacingAFile()
{
    const QString path = m_dir->filePath(QStringLiteral("exists.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me\r\n");
    }
    setPath(path);
    toggle()->click();
    QVERIFY(answer(QMessageBox::Cancel));
    QTest::qWait(200);
    QVERIFY(!m_session->isRecording());
    QCOMPARE(readLines(path), QStringList{QStringLiteral("keep me")});

    toggle()->click();
    QVERIFY(answer(QMessageBox::Yes));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isRecording(), kWaitMs);
    toggle()->click();
    QVERIFY(readLines(path).value(0).startsWith(QLatin1String("timestamp")));
}

void TestRecordingPanel::unwritableFolderShowsMessageAndDoesNotStart()
{
    // A "folder" that is a file: no one can create a file in it, root included.
    const QString notAFolder = m_dir->filePath(QStringLiteral("plain-file"));
    {
        QFile f(notAFolder);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString path = notAFolder + QStringLiteral("/rec.csv");
    setPath(path);
    toggle()->click();
    QVERIFY(!m_session->isRecording());
    QVERIFY(!m_panel->findChild<QMessageBox *>()); // said on the panel, not in a dialog to dismiss
    QLabel *message = child<QLabel>(QStringLiteral("message"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QDir::toNativeSeparators(path)), qPrintable(message->text()));
    QCOMPARE(toggle()->text(), QStringLiteral("Start recording"));
    QVERIFY(child<QLineEdit>(QStringLiteral("path"))->isEnabled());
    QCOMPARE(child<QLabel>(QStringLiteral("state"))->text(), QStringLiteral("Not recording"));
    QVERIFY(!child<QPushButton>(QStringLiteral("openFolder"))->isVisible()); // nothing was recorded

    // A read-only folder too, where permissions apply (not for root).
    QDir(m_dir->path()).mkdir(QStringLiteral("ro"));
    const QString ro = m_dir->filePath(QStringLiteral("ro"));
    QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    if (!QFileInfo(ro).isWritable()) {
        setPath(ro + QStringLiteral("/rec.csv"));
        toggle()->click();
        QVERIFY(!m_session->isRecording());
        QVERIFY(message->text().contains(QDir::toNativeSeparators(ro)));
    }
    QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // The message goes once a recording starts.
    setPath(m_dir->filePath(QStringLiteral("ok.csv")));
    toggle()->click();
    QVERIFY(m_session->isRecording());
    QVERIFY(!message->isVisible());
}

void TestRecordingPanel::fullDiskShowsMessageAndDoesNotStart()
{
    // A full disk: /dev/full opens, then refuses every byte.
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    setPath(QStringLiteral("/dev/full"));
    toggle()->click();
    if (m_panel->findChild<QMessageBox *>())
        QVERIFY(answer(QMessageBox::Yes)); // it "exists"
    // The header is written at once, so the full disk is found before the recording counts as started.
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(QStringLiteral("message"))->isVisible(), kWaitMs);
    QVERIFY(!m_session->isRecording());
    QCOMPARE(toggle()->text(), QStringLiteral("Start recording"));
    QVERIFY(child<QLabel>(QStringLiteral("message"))->text().contains(QLatin1String("/dev/full")));
}

void TestRecordingPanel::channelsFollowTheChecklist()
{
    auto *list = child<QListWidget>(QStringLiteral("channels"));
    const QList<const RegisterDef *> before = m_session->historyChannels();
    int checked = 0;
    QListWidgetItem *tempHead = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        checked += list->item(i)->checkState() == Qt::Checked;
        if (list->item(i)->text() == QStringLiteral("Temp head [°C]"))
            tempHead = list->item(i);
    }
    QCOMPARE(checked, before.size());
    QVERIFY(tempHead);
    QCOMPARE(tempHead->checkState(), Qt::Checked);
    tempHead->setCheckState(Qt::Unchecked);
    QCOMPARE(m_session->historyChannels().size(), before.size() - 1);
    for (const RegisterDef *def : m_session->historyChannels())
        QVERIFY(def->id != QLatin1String("temp_head"));

    const QString path = m_dir->filePath(QStringLiteral("channels.csv"));
    setPath(path);
    toggle()->click();
    QVERIFY(m_session->isRecording());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->recorder().rows() >= 2, kWaitMs);
    toggle()->click();
    const QStringList header = readLines(path).value(0).split(CsvOptions::forLocale(QLocale()).delimiter);
    QCOMPARE(header.size(), before.size()); // timestamp + all but Temp head
    QVERIFY(!header.contains(QStringLiteral("Temp head [°C]")));
}

QTEST_MAIN(TestRecordingPanel)
#include "tst_recordingpanel.moc"
