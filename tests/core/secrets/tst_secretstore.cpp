// SecretStore against a real Secret Service (gnome-keyring under dbus-run-session) and against none at all.
// CTest runs this program twice; PYROLINK_TEST_KEYCHAIN says which world it is in: "service" or "none".
#include "modbus/ConnectionSettings.h"
#include "secrets/SecretStore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include <sys/stat.h>

using namespace pyrolink;

namespace {

bool withService()
{
    return qEnvironmentVariable("PYROLINK_TEST_KEYCHAIN") == QLatin1String("service");
}

// Runs one asynchronous operation to its end.
SecretResult wait(const std::function<void(SecretStore::Callback)> &start, bool *calledInside = nullptr)
{
    SecretResult out;
    bool got = false;
    QEventLoop loop;
    start([&](const SecretResult &r) {
        out = r;
        got = true;
        loop.quit();
    });
    if (calledInside)
        *calledInside = got;
    if (!got) {
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!got)
        qWarning("SecretStore never called back");
    return out;
}

QString deviceKey(const QString &host, SecretPurpose purpose)
{
    ConnectionSettings c;
    c.host = host;
    c.port = 502;
    return SecretStore::key(QStringLiteral("optris-ct"), c, false, purpose);
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("PyrolinkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_secretstore"));
        qInfo("mode: %s", withService() ? "real Secret Service" : "no keychain service");
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(SecretStore::fallbackFilePath());
        SecretStore::clearSessionSecrets();
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        QFile::remove(SecretStore::fallbackFilePath());
    }

    void keysNameDeviceAndPurpose()
    {
        ConnectionSettings tcp;
        tcp.host = QStringLiteral("192.168.0.4");
        tcp.port = 502;
        tcp.unit = 1;
        QCOMPARE(SecretStore::key(QStringLiteral("optris-ct"), tcp, false, SecretPurpose::WritePin),
                 QStringLiteral("device/optris-ct/192.168.0.4:502@1/write-pin"));
        ConnectionSettings rtu;
        rtu.transport = ConnectionSettings::Transport::Rtu;
        rtu.serialPort = QStringLiteral("/dev/ttyUSB0");
        rtu.unit = 3;
        QCOMPARE(SecretStore::key(QStringLiteral("cn9600"), rtu, false, SecretPurpose::UnlockCode),
                 QStringLiteral("device/cn9600/%2Fdev%2FttyUSB0@3/unlock-code"));
        QCOMPARE(SecretStore::key(QStringLiteral("optris-ct"), tcp, true, SecretPurpose::UnlockCode),
                 QStringLiteral("device/optris-ct/simulator/unlock-code"));
    }

    void probeTellsWhetherAServiceAnswers()
    {
        SecretStore store;
        bool available = !withService();
        QString error;
        bool got = false;
        QEventLoop loop;
        store.probe([&](bool a, const QString &e) {
            available = a;
            error = e;
            got = true;
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY(got);
        QCOMPARE(available, withService());
        if (withService()) {
            QVERIFY(error.isEmpty());
        } else {
            qInfo("%s", qPrintable(error));
            QVERIFY2(error.startsWith(QLatin1String("No keychain service is available (")),
                     qPrintable(error));
            QVERIFY(error.endsWith(QLatin1String(
                "; secrets can only be kept for this session unless you allow an unencrypted file.")));
        }
    }

    // --- with a real Secret Service -------------------------------------------------------------------

    void writeReadOverwriteDelete()
    {
        if (!withService())
            QSKIP("needs a Secret Service");
        SecretStore store;
        const QString key = deviceKey(QStringLiteral("10.0.0.1"), SecretPurpose::UnlockCode);
        bool inside = true;
        SecretResult r = wait([&](auto done) { store.write(key, QStringLiteral("1234"), done); }, &inside);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY2(!inside, "the callback must come from the event loop, not from inside write()");
        QCOMPARE(r.storage, SecretStorage::Keychain);

        r = wait([&](auto done) { store.read(key, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.storage, SecretStorage::Keychain);
        QCOMPARE(r.secret, QStringLiteral("1234"));

        QVERIFY(wait([&](auto done) { store.write(key, QStringLiteral("5678"), done); }).ok());
        // A second store (as a second dialog would have) reads what the keychain holds.
        SecretStore other;
        r = wait([&](auto done) { other.read(key, done); });
        QCOMPARE(r.secret, QStringLiteral("5678"));

        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
        r = wait([&](auto done) { store.read(key, done); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
        QVERIFY(r.error.isEmpty());
        // Removing what is not there is no error.
        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
    }

    void twoDevicesAndTwoPurposesDoNotMix()
    {
        if (!withService())
            QSKIP("needs a Secret Service");
        SecretStore store;
        const QString aPin = deviceKey(QStringLiteral("10.0.0.1"), SecretPurpose::WritePin);
        const QString aCode = deviceKey(QStringLiteral("10.0.0.1"), SecretPurpose::UnlockCode);
        const QString bPin = deviceKey(QStringLiteral("10.0.0.2"), SecretPurpose::WritePin);
        QVERIFY(wait([&](auto done) { store.write(aPin, QStringLiteral("a-pin"), done); }).ok());
        QVERIFY(wait([&](auto done) { store.write(aCode, QStringLiteral("a-code"), done); }).ok());
        QVERIFY(wait([&](auto done) { store.write(bPin, QStringLiteral("b-pin"), done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(aPin, done); }).secret, QStringLiteral("a-pin"));
        QCOMPARE(wait([&](auto done) { store.read(aCode, done); }).secret, QStringLiteral("a-code"));
        QCOMPARE(wait([&](auto done) { store.read(bPin, done); }).secret, QStringLiteral("b-pin"));
        QVERIFY(wait([&](auto done) { store.remove(aPin, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(aPin, done); }).status, SecretResult::Status::NotFound);
        QCOMPARE(wait([&](auto done) { store.read(bPin, done); }).secret, QStringLiteral("b-pin"));
        QCOMPARE(wait([&](auto done) { store.read(aCode, done); }).secret, QStringLiteral("a-code"));
        for (const QString &k : {aCode, bPin})
            QVERIFY(wait([&](auto done) { store.remove(k, done); }).ok());
    }

    void unicodeRoundTrips()
    {
        if (!withService())
            QSKIP("needs a Secret Service");
        SecretStore store;
        const QString key = deviceKey(QStringLiteral("Gerät-ü.local"), SecretPurpose::UnlockCode);
        const QString secret = QStringLiteral("Pässwörd ✓ 温度 🔥 \"quoted\" back\\slash");
        QVERIFY(wait([&](auto done) { store.write(key, secret, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(key, done); }).secret, secret);
        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
    }

    void keychainPresentMeansNoFileEvenIfAllowed()
    {
        if (!withService())
            QSKIP("needs a Secret Service");
        SecretStore::setFileFallbackAllowed(true);
        SecretStore store;
        const QString key = deviceKey(QStringLiteral("10.0.0.3"), SecretPurpose::WritePin);
        const SecretResult r =
            wait([&](auto done) { store.write(key, QStringLiteral("zz-secret-zz"), done); });
        QVERIFY(r.ok());
        QCOMPARE(r.storage, SecretStorage::Keychain);
        QVERIFY(!QFile::exists(SecretStore::fallbackFilePath()));
        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
    }

    // --- with no keychain service ---------------------------------------------------------------------

    void withoutServiceNothingIsStoredUnlessAllowed()
    {
        if (withService())
            QSKIP("needs no keychain service");
        QVERIFY(!SecretStore::fileFallbackAllowed()); // default off
        SecretStore store;
        const QString key = deviceKey(QStringLiteral("10.0.0.1"), SecretPurpose::WritePin);
        SecretResult r = wait([&](auto done) { store.write(key, QStringLiteral("zz-secret-zz"), done); });
        QCOMPARE(r.status, SecretResult::Status::Error);
        QVERIFY(r.keychainUnavailable);
        QCOMPARE(r.storage, SecretStorage::Session);
        QVERIFY2(r.error.startsWith(QLatin1String("No keychain service is available (")),
                 qPrintable(r.error));
        QVERIFY(r.error.endsWith(QLatin1String("unless you allow an unencrypted file.")));
        QVERIFY(!QFile::exists(SecretStore::fallbackFilePath()));

        // Kept for this session only.
        r = wait([&](auto done) { store.read(key, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.storage, SecretStorage::Session);
        QCOMPARE(r.secret, QStringLiteral("zz-secret-zz"));
        SecretStore::clearSessionSecrets(); // as after a restart
        r = wait([&](auto done) { store.read(key, done); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
        QVERIFY(r.keychainUnavailable);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QFile::exists(SecretStore::fallbackFilePath()));
    }

    void withFallbackAllowedAnOwnerOnlyFileRoundTrips()
    {
        if (withService())
            QSKIP("needs no keychain service");
        SecretStore::setFileFallbackAllowed(true);
        SecretStore store;
        const QString a = deviceKey(QStringLiteral("10.0.0.1"), SecretPurpose::WritePin);
        const QString b = deviceKey(QStringLiteral("10.0.0.2"), SecretPurpose::WritePin);
        const QString unicode = QStringLiteral("Pässwörd ✓ 温度 🔥");
        SecretResult r = wait([&](auto done) { store.write(a, unicode, done); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.storage, SecretStorage::File);
        QVERIFY(wait([&](auto done) { store.write(b, QStringLiteral("b"), done); }).ok());

        const QString path = SecretStore::fallbackFilePath();
        QVERIFY(QFile::exists(path));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        SecretStore::clearSessionSecrets();
        SecretStore other;
        r = wait([&](auto done) { other.read(a, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.storage, SecretStorage::File);
        QCOMPARE(r.secret, unicode);
        QCOMPARE(wait([&](auto done) { other.read(b, done); }).secret, QStringLiteral("b"));

        QVERIFY(wait([&](auto done) { other.write(a, QStringLiteral("a2"), done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(a, done); }).secret, QStringLiteral("a2"));
        ::stat(QFile::encodeName(path).constData(), &st);
        QCOMPARE(int(st.st_mode & 0777), 0600); // still owner-only after a rewrite

        QVERIFY(wait([&](auto done) { store.remove(a, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(a, done); }).status, SecretResult::Status::NotFound);
        QCOMPARE(wait([&](auto done) { store.read(b, done); }).secret, QStringLiteral("b"));

        // Turned off again: the file is no longer consulted.
        SecretStore::setFileFallbackAllowed(false);
        QCOMPARE(wait([&](auto done) { store.read(b, done); }).status, SecretResult::Status::NotFound);
        SecretStore::setFileFallbackAllowed(true);
        QVERIFY(wait([&](auto done) { store.remove(b, done); }).ok());
        QVERIFY2(!QFile::exists(path), "no file is left once it holds nothing");
    }

    // Whatever the world: secrets never reach QSettings.
    void neverInSettings()
    {
        SecretStore::setFileFallbackAllowed(true);
        SecretStore store;
        const QString key = deviceKey(QStringLiteral("10.0.0.9"), SecretPurpose::UnlockCode);
        wait([&](auto done) { store.write(key, QStringLiteral("zz-never-in-settings-zz"), done); });
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("zz-never-in-settings-zz"));
        for (const QString &k : settings.allKeys())
            QVERIFY(!settings.value(k).toString().contains(QLatin1String("zz-never")));
        wait([&](auto done) { store.remove(key, done); });
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
