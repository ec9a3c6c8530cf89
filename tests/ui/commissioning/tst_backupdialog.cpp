// The backup dialog on a simulated CT over Modbus TCP on 127.0.0.1, offscreen: back up, compare, restore,
// and what it refuses. PYROLINK_TEST_SCREENSHOTS=/tmp saves backup-*.png there.
#include "commissioning/AutoBackup.h"
#include "commissioning/BackupDialog.h"
#include "common/Theme.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"

#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrolink;

namespace {
constexpr int kTimeout = 20000;
}

class TestBackupDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void backUpCompareAndRestore();
    void lockedCannotRestore();
    void otherProfileIsRefused();
    void otherModelNeedsConsent();
    void corruptedFileNamesTheField();

private:
    std::unique_ptr<DeviceSession> session(const QString &model);
    bool backup(BackupDialog &d, const QString &path);
    bool open(BackupDialog &d, const QString &path);
    /// Row of the table whose register is `name`, -1 if not shown.
    static int row(const QTableWidget *t, const QString &name);
    /// The text of a cell of the register's row, "(no row)" or "(empty)" when there is none.
    static QString cell(const QTableWidget *t, const QString &name, int column);
    QString editedCopy(const QString &path, const std::function<void(QJsonObject &)> &edit);
    void screenshot(QWidget *w, const QString &name);

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    QTemporaryDir m_backups;
    std::unique_ptr<DeviceSession> m_session;
    QTemporaryDir m_dir;
};

void TestBackupDialog::initTestCase()
{
    // A backup folder of this test's own: tests run in parallel, and never in the user's folder.
    QVERIFY(m_backups.isValid());
    qputenv("PYROLINK_BACKUP_DIR", m_backups.path().toLocal8Bit());
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
    QVERIFY(m_dir.isValid());
}

void TestBackupDialog::init()
{
    QDir(AutoBackup::backupDir()).removeRecursively();
}

void TestBackupDialog::cleanup()
{
    m_session.reset();
}

std::unique_ptr<DeviceSession> TestBackupDialog::session(const QString &model)
{
    QString error;
    auto s = DeviceSession::simulated(m_optris, model, &error);
    if (!s)
        return nullptr;
    s->start();
    if (!QTest::qWaitFor([&] { return s->poller()->state() == DevicePoller::State::Connected; }, 5000))
        return nullptr;
    return s;
}

bool TestBackupDialog::backup(BackupDialog &d, const QString &path)
{
    QSignalSpy saved(&d, &BackupDialog::backupSaved);
    d.backupTo(path);
    return saved.wait(kTimeout) && QFile::exists(path);
}

bool TestBackupDialog::open(BackupDialog &d, const QString &path)
{
    QSignalSpy compared(&d, &BackupDialog::compared);
    d.openForRestore(path);
    return (compared.count() > 0 || compared.wait(kTimeout)) && !d.isBusy();
}

int TestBackupDialog::row(const QTableWidget *t, const QString &name)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, BackupDialog::NameColumn)->text() == name)
            return r;
    return -1;
}

QString TestBackupDialog::cell(const QTableWidget *t, const QString &name, int column)
{
    const int r = row(t, name);
    if (r < 0)
        return QStringLiteral("(no row)");
    const QTableWidgetItem *item = t->item(r, column);
    return item ? item->text() : QStringLiteral("(empty)");
}

QString TestBackupDialog::editedCopy(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    edit(root);
    const QString out = path + QStringLiteral(".edited.json");
    QFile o(out);
    if (!o.open(QIODevice::WriteOnly))
        return {};
    o.write(QJsonDocument(root).toJson());
    return out;
}

void TestBackupDialog::screenshot(QWidget *w, const QString &name)
{
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty()) {
        QTest::qWait(50); // let pending layout requests (a button's new text) be done
        QVERIFY(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/backup-%1.png").arg(name)));
    }
}

void TestBackupDialog::backUpCompareAndRestore()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    m_session->setWriteUnlocked(true);
    DeviceSimulator *sim = m_session->simulator();
    BackupDialog d(m_session.get());
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    screenshot(&d, QStringLiteral("1-empty"));
    const QString path = m_dir.filePath(QStringLiteral("ct.json"));
    QVERIFY(backup(d, path));
    QVERIFY2(d.statusText().startsWith(QStringLiteral("Saved 40 register")), qPrintable(d.statusText()));

    sim->setValue(QStringLiteral("emissivity"), 0.8);
    sim->setValue(QStringLiteral("avg_time"), 300);
    sim->setValue(QStringLiteral("temp_unit"), 1); // °F: the simulator converts its temperatures
    QTest::qWait(300);
    QVERIFY(open(d, path));
    QTableWidget *t = d.table();
    QVERIFY(t->isVisible());
    const int eps = row(t, QStringLiteral("Epsilon"));
    QVERIFY(eps >= 0);
    QCOMPARE(t->item(eps, BackupDialog::DeviceColumn)->text(), QStringLiteral("0.800"));
    QCOMPARE(t->item(eps, BackupDialog::FileColumn)->text(), QStringLiteral("0.950"));
    QCOMPARE(t->item(eps, BackupDialog::StateColumn)->text(), QStringLiteral("Different"));
    QCOMPARE(t->item(eps, BackupDialog::StateColumn)->foreground().color(), QColor(Theme::staleColor()));
    const int unit = row(t, QStringLiteral("Temp. unit"));
    QVERIFY(unit >= 0);
    QCOMPARE(t->item(unit, BackupDialog::DeviceColumn)->text(), QStringLiteral("°F"));
    QCOMPARE(cell(t, QStringLiteral("AL1 value"), BackupDialog::DeviceColumn), QStringLiteral("212.0 °F"));
    QCOMPARE(row(t, QStringLiteral("Spot illumination laser")), -1); // the same: hidden
    d.showSameBox()->setChecked(true);
    QVERIFY(row(t, QStringLiteral("Spot illumination laser")) >= 0);
    QCOMPARE(cell(t, QStringLiteral("Spot illumination laser"), BackupDialog::StateColumn),
             QStringLiteral("Same"));
    d.showSameBox()->setChecked(false);
    QVERIFY(d.restoreButton()->isEnabled());
    QVERIFY2(d.restoreButton()->text().startsWith(QStringLiteral("&Restore 14 register")),
             qPrintable(d.restoreButton()->text()));
    QVERIFY2(d.noticeText().contains(QStringLiteral("Temp. unit is written first")),
             qPrintable(d.noticeText()));
    screenshot(&d, QStringLiteral("2-diff"));

    QSignalSpy restored(&d, &BackupDialog::restoreFinished);
    QTest::mouseClick(d.restoreButton(), Qt::LeftButton);
    QVERIFY(restored.wait(kTimeout));
    QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kTimeout);
    const auto file = ConfigBackup::load(path, nullptr);
    QVERIFY(file);
    for (const BackupEntry &e : file->registers)
        QCOMPARE(sim->words(*m_optris->findById(e.id, QStringLiteral("ctlt"))), e.raw);
    QVERIFY(!t->isColumnHidden(BackupDialog::ResultColumn));
    QCOMPARE(cell(t, QStringLiteral("Epsilon"), BackupDialog::ResultColumn),
             QStringLiteral("Written, verified"));
    QCOMPARE(cell(t, QStringLiteral("Epsilon"), BackupDialog::StateColumn),
             QStringLiteral("Same")); // compared again
    QCOMPARE(cell(t, QStringLiteral("Temp. unit"), BackupDialog::ResultColumn),
             QStringLiteral("Written, verified"));
    // Once the unit was switched back, the alarm held the file's value: not written.
    QCOMPARE(cell(t, QStringLiteral("AL1 value"), BackupDialog::ResultColumn),
             QStringLiteral("Already the same"));
    QCOMPARE(cell(t, QStringLiteral("Spot illumination laser"), BackupDialog::NameColumn),
             QStringLiteral("(no row)"));
    QVERIFY(!d.restoreButton()->isEnabled());
    // The session's automatic backup holds the settings from before the restore.
    const QStringList autos =
        QDir(AutoBackup::backupDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(autos.size(), 1);
    QVERIFY2(d.statusText().contains(autos.first()), qPrintable(d.statusText()));
    const auto before = ConfigBackup::load(QDir(AutoBackup::backupDir()).filePath(autos.first()), nullptr);
    QCOMPARE(before->entry(QStringLiteral("emissivity"))->raw, QList<quint16>{800});
    screenshot(&d, QStringLiteral("3-restored"));
    Theme::apply(Theme::Dark);
    QTest::qWait(50);
    screenshot(&d, QStringLiteral("3-restored-dark"));
    Theme::apply(Theme::Light);
}

void TestBackupDialog::lockedCannotRestore()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    BackupDialog d(m_session.get());
    d.show();
    const QString path = m_dir.filePath(QStringLiteral("locked.json"));
    QVERIFY(backup(d, path));
    m_session->simulator()->setValue(QStringLiteral("emissivity"), 0.7);
    QVERIFY(open(d, path));
    QVERIFY(!d.restoreButton()->isEnabled());
    QVERIFY2(d.noticeText().contains(QStringLiteral("locked")), qPrintable(d.noticeText()));
    screenshot(&d, QStringLiteral("locked"));
    m_session->setWriteUnlocked(true);
    QVERIFY(d.restoreButton()->isEnabled());
    QVERIFY(!d.noticeText().contains(QStringLiteral("locked")));
}

void TestBackupDialog::otherProfileIsRefused()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    m_session->setWriteUnlocked(true);
    BackupDialog d(m_session.get());
    d.show();
    const QString path = m_dir.filePath(QStringLiteral("cn.json"));
    QVERIFY(backup(d, path));
    const QString other =
        editedCopy(path, [](QJsonObject &o) { o[QStringLiteral("profile")] = QStringLiteral("cn9600"); });
    QVERIFY(open(d, other));
    QVERIFY(!d.table()->isVisible());
    QVERIFY(!d.restoreButton()->isEnabled());
    QVERIFY(!d.otherModelBox()->isVisible());
    QVERIFY2(d.noticeText().contains(QStringLiteral("\"cn9600\"")) &&
                 d.noticeText().contains(QStringLiteral("\"optris-ct\"")),
             qPrintable(d.noticeText()));
    screenshot(&d, QStringLiteral("other-profile"));
}

void TestBackupDialog::otherModelNeedsConsent()
{
    m_session = session(QStringLiteral("ctxm"));
    QVERIFY(m_session);
    m_session->setWriteUnlocked(true);
    BackupDialog d(m_session.get());
    d.show();
    const QString path = m_dir.filePath(QStringLiteral("xm.json"));
    QVERIFY(backup(d, path));
    const QString other =
        editedCopy(path, [](QJsonObject &o) { o[QStringLiteral("model")] = QStringLiteral("ct4m"); });
    m_session->simulator()->setValue(QStringLiteral("emissivity"), 0.7);
    QVERIFY(open(d, other));
    QVERIFY(d.otherModelBox()->isVisible());
    QVERIFY(!d.restoreButton()->isEnabled());
    QVERIFY(d.noticeText().contains(QStringLiteral("\"ct4m\"")));
    QSignalSpy compared(&d, &BackupDialog::compared);
    d.otherModelBox()->setChecked(true);
    QVERIFY(compared.wait(kTimeout));
    QVERIFY(d.table()->isVisible());
    QVERIFY(d.restoreButton()->isEnabled());
}

void TestBackupDialog::corruptedFileNamesTheField()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    BackupDialog d(m_session.get());
    d.show();
    const QString path = m_dir.filePath(QStringLiteral("broken.json"));
    QVERIFY(backup(d, path));
    const QString broken = editedCopy(path, [](QJsonObject &o) {
        QJsonArray regs = o[QStringLiteral("registers")].toArray();
        QJsonObject first = regs.at(0).toObject();
        first[QStringLiteral("raw")] = QStringLiteral("one");
        regs.replace(0, first);
        o[QStringLiteral("registers")] = regs;
    });
    QVERIFY(open(d, broken));
    QVERIFY2(d.statusText().contains(QStringLiteral(": registers[0].raw: ")), qPrintable(d.statusText()));
    QVERIFY(!d.restoreButton()->isEnabled());
    QVERIFY(!d.table()->isVisible());
}

QTEST_MAIN(TestBackupDialog)
#include "tst_backupdialog.moc"
