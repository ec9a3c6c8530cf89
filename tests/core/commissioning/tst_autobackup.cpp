// AutoBackup on a simulated DeviceSession: one file per session, named after profile, serial and time, in the
// backup folder (PYROLINK_BACKUP_DIR, a temporary folder: nothing lands in the real user folder).
#include "commissioning/AutoBackup.h"
#include "commissioning/ConfigBackup.h"
#include "profile/ProfileLoader.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrolink;

class TestAutoBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void oncePerSession();
    void eachSessionHasItsOwn();
    void failureSavesNothingAndSaysWhy();
    void fileNameIsSafe();
    void defaultFolderIsBesideTheProfiles();

private:
    std::unique_ptr<DeviceSession> connectedSession();
    QStringList files() const;

    std::shared_ptr<const Profile> m_optris;
    QTemporaryDir m_backups;
};

void TestAutoBackup::initTestCase()
{
    // A backup folder of this test's own: tests run in parallel, and never in the user's folder.
    QVERIFY(m_backups.isValid());
    qputenv("PYROLINK_BACKUP_DIR", m_backups.path().toLocal8Bit());
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
    QCOMPARE(AutoBackup::backupDir(), m_backups.path());
}

void TestAutoBackup::init()
{
    QDir(AutoBackup::backupDir()).removeRecursively();
}

std::unique_ptr<DeviceSession> TestAutoBackup::connectedSession()
{
    QString error;
    auto session = DeviceSession::simulated(m_optris, QStringLiteral("ctlt"), &error);
    if (!session)
        return nullptr;
    session->start();
    if (!QTest::qWaitFor([&] { return session->poller()->state() == DevicePoller::State::Connected; }, 5000))
        return nullptr;
    return session;
}

QStringList TestAutoBackup::files() const
{
    return QDir(AutoBackup::backupDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

void TestAutoBackup::oncePerSession()
{
    auto session = connectedSession();
    QVERIFY(session);
    AutoBackup *auto1 = AutoBackup::of(session.get());
    QCOMPARE(AutoBackup::of(session.get()), auto1);
    QVERIFY(!auto1->isTaken());

    // Two writes asking at once: one backup, both told its path.
    QStringList answers;
    auto1->ensureBackup(
        [&](bool ok, const QString &path) { answers << (ok ? path : QStringLiteral("!") + path); });
    auto1->ensureBackup(
        [&](bool ok, const QString &path) { answers << (ok ? path : QStringLiteral("!") + path); });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 15000);
    QCOMPARE(answers.at(0), answers.at(1));
    QVERIFY2(!answers.at(0).startsWith(QLatin1Char('!')), qPrintable(answers.at(0)));
    QCOMPARE(files().size(), 1);
    const QString serial =
        QString::number(qint64(*session->simulator()->value(QStringLiteral("serial_number"))));
    QVERIFY2(QRegularExpression(QStringLiteral("^optris-ct-%1-\\d{8}-\\d{6}\\.json$").arg(serial))
                 .match(files().first())
                 .hasMatch(),
             qPrintable(files().first()));
    QCOMPARE(answers.at(0), QDir(AutoBackup::backupDir()).filePath(files().first()));

    QString error;
    const auto backup = ConfigBackup::load(answers.at(0), &error);
    QVERIFY2(backup, qPrintable(error));
    QCOMPARE(backup->registers.size(),
             ConfigBackup::backupRegisters(*m_optris, QStringLiteral("ctlt")).size());
    QCOMPARE(backup->serial(), serial);

    // Later writes of the session: at once, the same file, no new one.
    bool called = false;
    auto1->ensureBackup([&](bool ok, const QString &path) { called = ok && path == answers.at(0); });
    QVERIFY(called);
    QCOMPARE(files().size(), 1);
}

void TestAutoBackup::eachSessionHasItsOwn()
{
    auto a = connectedSession();
    auto b = connectedSession();
    QVERIFY(a && b);
    QString pathA, pathB;
    AutoBackup::of(a.get())->ensureBackup([&](bool, const QString &p) { pathA = p; });
    AutoBackup::of(b.get())->ensureBackup([&](bool, const QString &p) { pathB = p; });
    QTRY_VERIFY_WITH_TIMEOUT(!pathA.isEmpty() && !pathB.isEmpty(), 15000);
    // The same simulated serial in the same second: the second file gets its own name.
    QVERIFY(pathA != pathB);
    QCOMPARE(files().size(), 2);
}

void TestAutoBackup::failureSavesNothingAndSaysWhy()
{
    auto session = connectedSession();
    QVERIFY(session);
    session->simulator()->close();
    QTRY_VERIFY_WITH_TIMEOUT(session->poller()->state() != DevicePoller::State::Connected, 10000);
    bool answered = false, ok = true;
    QString why;
    AutoBackup::of(session.get())->ensureBackup([&](bool good, const QString &text) {
        answered = true;
        ok = good;
        why = text;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    QVERIFY(!ok);
    QVERIFY2(why.startsWith(QStringLiteral("The automatic backup could not read the device")),
             qPrintable(why));
    QVERIFY(!why.contains(QLatin1Char('\n')));
    QVERIFY(files().isEmpty());
    QVERIFY(!AutoBackup::of(session.get())->isTaken());
}

void TestAutoBackup::fileNameIsSafe()
{
    const QDateTime t(QDate(2024, 5, 1), QTime(12, 3, 4));
    QCOMPARE(AutoBackup::fileName(QStringLiteral("optris-ct"), QStringLiteral("23120001"), t),
             QStringLiteral("optris-ct-23120001-20240501-120304.json"));
    QCOMPARE(AutoBackup::fileName(QStringLiteral("cn9600"), QStringLiteral("A/B 7"), t),
             QStringLiteral("cn9600-A_B_7-20240501-120304.json"));
    QCOMPARE(AutoBackup::fileName(QStringLiteral("cn9600"), QString(), t),
             QStringLiteral("cn9600-unknown-20240501-120304.json"));
}

void TestAutoBackup::defaultFolderIsBesideTheProfiles()
{
    const QByteArray set = qgetenv("PYROLINK_BACKUP_DIR");
    qunsetenv("PYROLINK_BACKUP_DIR");
    const QString dir = AutoBackup::backupDir();
    qputenv("PYROLINK_BACKUP_DIR", set);
    QCOMPARE(dir, QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                      QStringLiteral("/Pyrolink/backups"));
    QCOMPARE(QFileInfo(dir).dir(), QFileInfo(ProfileRegistry::userProfileDir()).dir());
}

QTEST_GUILESS_MAIN(TestAutoBackup)
#include "tst_autobackup.moc"
