// Tests of ProfileRegistry: built-in profiles, the user folder and PYROLINK_PROFILE_PATH; a later source
// replaces a profile of the same id, a broken file is reported and skipped.
#include "profile/ProfileRegistry.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace pyrolink;

namespace {

const char *const kBuiltIn[] = {"optris-ct", "cn9600", "apar-ar653", "contactor-module", "data-recorder"};

QByteArray goodProfile(const char *id, const char *name)
{
    return QByteArray("{\n"
                      "  \"format\": 1,\n"
                      "  \"id\": \"") +
           id +
           "\",\n"
           "  \"name\": \"" +
           name +
           "\",\n"
           "  \"registers\": [\n"
           "    { \"id\": \"temp\", \"name\": \"Temp\", \"table\": \"input\", \"address\": 1020,\n"
           "      \"scale\": { \"offset\": 1000, \"divisor\": 10 }, \"unit\": \"°C\" }\n"
           "  ]\n"
           "}\n";
}

// The mistake is on line 7.
const QByteArray kBroken =
    "{\n"
    "  \"format\": 1,\n"
    "  \"id\": \"broken\",\n"
    "  \"name\": \"Broken\",\n"
    "  \"registers\": [\n"
    "    { \"id\": \"temp\", \"name\": \"Temp\", \"table\": \"input\", \"address\": 1020,\n"
    "      \"scale\": { \"divisor\": 0 } }\n"
    "  ]\n"
    "}\n";

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

int builtInCount()
{
    return QDir(QStringLiteral(":/profiles")).entryList({QStringLiteral("*.json")}, QDir::Files).size();
}

} // namespace

class TestProfileRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void builtIn();
    void environmentFolderOverridesAndReportsBroken();
    void userFolderOverridesAndReportsBroken();
    void laterSourcesWin();
    void severalEnvironmentFolders();
    void loadFile();
    void missingAndEmptyFolders();

private:
    void checkOverride(const QString &dir);
};

void TestProfileRegistry::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // In test mode the user folder is under ~/.qttest, never the real one.
    QVERIFY2(ProfileRegistry::userProfileDir().contains(QLatin1String(".qttest")),
             qPrintable(ProfileRegistry::userProfileDir()));
    QVERIFY(ProfileRegistry::userProfileDir().endsWith(QLatin1String("Pyrolink/profiles")));
}

void TestProfileRegistry::init()
{
    qunsetenv("PYROLINK_PROFILE_PATH");
    QDir(ProfileRegistry::userProfileDir()).removeRecursively();
}

void TestProfileRegistry::cleanup()
{
    init();
}

void TestProfileRegistry::builtIn()
{
    ProfileRegistry reg;
    reg.loadDefault();
    QVERIFY2(reg.errors().isEmpty(), qPrintable(reg.errors().join(QLatin1Char('\n'))));
    QCOMPARE(reg.profiles().size(), builtInCount());
    for (const char *id : kBuiltIn) {
        const auto p = reg.find(QString::fromLatin1(id));
        QVERIFY2(p, id);
        QVERIFY2(p->sourcePath.startsWith(QLatin1String(":/profiles/")), qPrintable(p->sourcePath));
    }
    QVERIFY(!reg.find(QStringLiteral("no-such-profile")));
}

void TestProfileRegistry::checkOverride(const QString &dir)
{
    QVERIFY(writeFile(dir + QStringLiteral("/my-ct.json"), goodProfile("optris-ct", "My CT")));
    QVERIFY(writeFile(dir + QStringLiteral("/broken.json"), kBroken));
    QVERIFY(writeFile(dir + QStringLiteral("/acme.json"), goodProfile("acme-th10", "ACME TH10")));
    QVERIFY(writeFile(dir + QStringLiteral("/notes.txt"), "not a profile"));

    ProfileRegistry reg;
    reg.loadDefault();

    // The broken one: one error, naming file, line and field.
    QCOMPARE(reg.errors().size(), 1);
    const QString error = reg.errors().first();
    QVERIFY2(error.startsWith(QLatin1String("broken.json:7: registers[0].scale.divisor: ")),
             qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')) && !error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY(!reg.find(QStringLiteral("broken")));

    // The good one replaces the built-in profile of the same id, in place of it (not beside it).
    const auto ct = reg.find(QStringLiteral("optris-ct"));
    QVERIFY(ct);
    QCOMPARE(ct->name, QStringLiteral("My CT"));
    QCOMPARE(QFileInfo(ct->sourcePath).canonicalFilePath(),
             QFileInfo(dir + QStringLiteral("/my-ct.json")).canonicalFilePath());
    int count = 0;
    for (const auto &p : reg.profiles())
        count += p->id == QLatin1String("optris-ct");
    QCOMPARE(count, 1);

    // A new id is added; the other built-in profiles still load.
    QVERIFY(reg.find(QStringLiteral("acme-th10")));
    QCOMPARE(reg.profiles().size(), builtInCount() + 1);
    for (const char *id : kBuiltIn) {
        const auto p = reg.find(QString::fromLatin1(id));
        QVERIFY2(p, id);
        if (qstrcmp(id, "optris-ct") != 0)
            QVERIFY2(p->sourcePath.startsWith(QLatin1String(":/profiles/")), qPrintable(p->sourcePath));
    }
}

void TestProfileRegistry::environmentFolderOverridesAndReportsBroken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("PYROLINK_PROFILE_PATH", QFile::encodeName(dir.path()));
    checkOverride(dir.path());
}

void TestProfileRegistry::userFolderOverridesAndReportsBroken()
{
    checkOverride(ProfileRegistry::userProfileDir());
}

void TestProfileRegistry::laterSourcesWin()
{
    QTemporaryDir env, extra;
    QVERIFY(env.isValid() && extra.isValid());
    QVERIFY(writeFile(ProfileRegistry::userProfileDir() + QStringLiteral("/ct.json"),
                      goodProfile("optris-ct", "User CT")));
    QVERIFY(writeFile(env.filePath(QStringLiteral("ct.json")), goodProfile("optris-ct", "Env CT")));
    QVERIFY(writeFile(extra.filePath(QStringLiteral("ct.json")), goodProfile("optris-ct", "Extra CT")));

    {
        ProfileRegistry reg;
        reg.loadDefault();
        QCOMPARE(reg.find(QStringLiteral("optris-ct"))->name, QStringLiteral("User CT"));
    }
    qputenv("PYROLINK_PROFILE_PATH", QFile::encodeName(env.path()));
    {
        ProfileRegistry reg;
        reg.loadDefault();
        QCOMPARE(reg.find(QStringLiteral("optris-ct"))->name, QStringLiteral("Env CT"));
    }
    {
        ProfileRegistry reg;
        reg.loadDefault({extra.path()});
        QCOMPARE(reg.find(QStringLiteral("optris-ct"))->name, QStringLiteral("Extra CT"));
        QVERIFY(reg.errors().isEmpty());
        QCOMPARE(reg.profiles().size(), builtInCount());
    }
}

void TestProfileRegistry::severalEnvironmentFolders()
{
    QTemporaryDir first, second;
    QVERIFY(first.isValid() && second.isValid());
    QVERIFY(writeFile(first.filePath(QStringLiteral("a.json")), goodProfile("first-only", "First")));
    QVERIFY(writeFile(first.filePath(QStringLiteral("ct.json")), goodProfile("optris-ct", "First CT")));
    QVERIFY(writeFile(second.filePath(QStringLiteral("b.json")), goodProfile("second-only", "Second")));
    QVERIFY(writeFile(second.filePath(QStringLiteral("ct.json")), goodProfile("optris-ct", "Second CT")));
    const QString path = first.path() + QDir::listSeparator() + second.path();
    qputenv("PYROLINK_PROFILE_PATH", QFile::encodeName(path));

    ProfileRegistry reg;
    reg.loadDefault();
    QVERIFY(reg.errors().isEmpty());
    QVERIFY(reg.find(QStringLiteral("first-only")));
    QVERIFY(reg.find(QStringLiteral("second-only")));
    QCOMPARE(reg.find(QStringLiteral("optris-ct"))->name, QStringLiteral("Second CT"));
    QCOMPARE(reg.profiles().size(), builtInCount() + 2);
}

void TestProfileRegistry::loadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.json"));
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QVERIFY(writeFile(good, goodProfile("good-one", "Good")));
    QVERIFY(writeFile(broken, kBroken));

    ProfileRegistry reg;
    QVERIFY(reg.loadFile(good));
    QVERIFY(!reg.loadFile(broken));
    QVERIFY(!reg.loadFile(dir.filePath(QStringLiteral("absent.json"))));
    QCOMPARE(reg.profiles().size(), 1);
    QCOMPARE(reg.profiles().first()->id, QStringLiteral("good-one"));
    QCOMPARE(reg.errors().size(), 2);
    QVERIFY2(reg.errors().at(0).startsWith(QLatin1String("broken.json:7: ")), qPrintable(reg.errors().at(0)));
    QVERIFY2(reg.errors().at(1).contains(QLatin1String("absent.json")), qPrintable(reg.errors().at(1)));
}

void TestProfileRegistry::missingAndEmptyFolders()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv("PYROLINK_PROFILE_PATH", QFile::encodeName(empty.path() + QDir::listSeparator() +
                                                       empty.filePath(QStringLiteral("does-not-exist"))));
    ProfileRegistry reg;
    reg.loadDefault({empty.filePath(QStringLiteral("nor-this"))});
    QVERIFY(reg.errors().isEmpty());
    QCOMPARE(reg.profiles().size(), builtInCount());
}

QTEST_GUILESS_MAIN(TestProfileRegistry)
#include "tst_profileregistry.moc"
