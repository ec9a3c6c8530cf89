#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace pyrolink {

class DeviceSession;
struct ConnectionSettings;

/// What a device secret is for.
enum class SecretPurpose {
    UnlockCode, ///< a code or password the device itself asks for (e.g. what a CN9600 security byte protects)
    WritePin,   ///< Pyrolink's own PIN, asked before writing to this device is unlocked
};

/// Where a secret was found or kept.
enum class SecretStorage {
    None,     ///< nowhere
    Keychain, ///< the OS keychain (Secret Service, KWallet, Windows Credential Manager, macOS Keychain)
    File,     ///< the unencrypted file the user explicitly allowed
    Session,  ///< memory only, lost when Pyrolink quits
};

/// The outcome of one SecretStore operation.
struct SecretResult
{
    enum class Status { Ok, NotFound, Error };
    Status status = Status::Error;
    QString secret; ///< read: the secret
    SecretStorage storage = SecretStorage::None;
    QString error; ///< one sentence, set when something went wrong or was only half done
    /// The keychain service could not be reached (as opposed to a refusal or a missing entry).
    bool keychainUnavailable = false;

    bool ok() const { return status == Status::Ok; }
};

/// Device secrets in the OS keychain through QtKeychain, under the service name "Pyrolink" and one key per
/// device and purpose. Never in QSettings. When no keychain service answers, a secret is kept in memory for
/// this run only, unless the user has opted in to an unencrypted file (mode 0600) under AppDataLocation.
/// Every operation is asynchronous: `done` is called later from the event loop, never from inside the call.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr);
    /// `service` only differs from "Pyrolink" in tests.
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    /// "device/<profile>/<address>/<purpose>": address is "simulator", "host:port@unit" or the serial port
    /// (percent-encoded, so "/" cannot be taken for a separator) followed by "@unit".
    static QString key(const QString &profileId, const ConnectionSettings &settings, bool simulated,
                       SecretPurpose purpose);
    static QString key(const DeviceSession &session, SecretPurpose purpose);

    void read(const QString &key, Callback done);
    void write(const QString &key, const QString &secret, Callback done);
    /// Removes the secret from the keychain, this run's memory and the fallback file. Missing is not an
    /// error.
    void remove(const QString &key, Callback done);
    /// Whether a keychain service answers; `error` says why not.
    void probe(std::function<void(bool available, const QString &error)> done);

    /// The user's explicit opt-in to an unencrypted file when no keychain exists (default off). A setting,
    /// not a secret: kept in QSettings.
    static bool fileFallbackAllowed();
    static void setFileFallbackAllowed(bool allowed);
    /// The unencrypted fallback file: AppDataLocation/secrets.json.
    static QString fallbackFilePath();
    /// The one-sentence message for a missing keychain service; `detail` is the service's own reason.
    static QString unavailableMessage(const QString &detail);
    /// Forgets what this run kept in memory (for tests).
    static void clearSessionSecrets();

private:
    enum class Op { Read, Write, Remove };
    void runKeychainJob(Op op, const QString &key, const QString &secret, Callback done);
    void fallBack(Op op, const QString &key, const QString &secret, const QString &detail, Callback done);
    void deliver(Callback done, SecretResult result);

    QString m_service;
};

} // namespace pyrolink
