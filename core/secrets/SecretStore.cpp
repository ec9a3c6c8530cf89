#include "SecretStore.h"

#include "modbus/ConnectionSettings.h"
#include "profile/Profile.h"
#include "session/DeviceSession.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace pyrolink {

Q_LOGGING_CATEGORY(lcSecrets, "pyrolink.secrets", QtWarningMsg)

namespace {

QString fallbackSettingKey()
{
    return QStringLiteral("secrets/allowUnencryptedFile");
}

// "This session": secrets the user entered while no keychain answered and no file was allowed. Shared by
// every SecretStore of the process, so the dialog that sets a PIN and the unlock prompt see the same one.
QHash<QString, QString> &sessionSecrets()
{
    static QHash<QString, QString> secrets;
    return secrets;
}

QString purposeName(SecretPurpose purpose)
{
    switch (purpose) {
    case SecretPurpose::UnlockCode:
        return QStringLiteral("unlock-code");
    case SecretPurpose::WritePin:
        return QStringLiteral("write-pin");
    }
    return {};
}

// A refusal (user said no, access denied) is an answer from a keychain that exists; anything else means
// there is no usable service: no D-Bus, no org.freedesktop.secrets, no backend built in.
bool meansUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

// The fallback file: {"warning": ..., "secrets": {key: secret}}, plain text by the user's choice.
QJsonObject readFallbackFile()
{
    QFile file(SecretStore::fallbackFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("secrets")).toObject();
}

bool writeFallbackFile(const QJsonObject &secrets, QString *error)
{
    const QString path = SecretStore::fallbackFilePath();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = SecretStore::tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    if (secrets.isEmpty()) {
        QFile::remove(path); // nothing left to keep: leave no file behind
        return true;
    }
    QSaveFile file(path);
    // Owner-only before a single byte is written; the temporary file's mode survives the rename.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = SecretStore::tr("Could not write %1: %2.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QJsonObject root{
        {QStringLiteral("warning"),
         QStringLiteral(
             "Unencrypted: Pyrolink keeps device secrets here only because no keychain service was "
             "available and the user allowed an unencrypted file.")},
        {QStringLiteral("secrets"), secrets}};
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) {
        *error = SecretStore::tr("Could not write %1: %2.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// Drops a key from the fallback file if it is there; true if the file is as wanted afterwards.
bool removeFromFallbackFile(const QString &key, QString *error)
{
    if (!QFile::exists(SecretStore::fallbackFilePath()))
        return true;
    QJsonObject secrets = readFallbackFile();
    if (!secrets.contains(key))
        return true;
    secrets.remove(key);
    return writeFallbackFile(secrets, error);
}

} // namespace

SecretStore::SecretStore(QObject *parent) : SecretStore(QStringLiteral("Pyrolink"), parent) {}

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

SecretStore::~SecretStore() = default;

QString SecretStore::key(const QString &profileId, const ConnectionSettings &settings, bool simulated,
                         SecretPurpose purpose)
{
    QString address;
    if (simulated)
        address = QStringLiteral("simulator");
    else if (settings.transport == ConnectionSettings::Transport::Rtu)
        address = QString::fromLatin1(QUrl::toPercentEncoding(settings.serialPort)) + u'@' +
                  QString::number(settings.unit);
    else
        address = QString::fromLatin1(QUrl::toPercentEncoding(settings.host, ":[]")) + u':' +
                  QString::number(settings.port) + u'@' + QString::number(settings.unit);
    return QStringLiteral("device/%1/%2/%3").arg(profileId, address, purposeName(purpose));
}

QString SecretStore::key(const DeviceSession &session, SecretPurpose purpose)
{
    return key(session.profile().id, session.settings(), session.simulator() != nullptr, purpose);
}

bool SecretStore::fileFallbackAllowed()
{
    return QSettings().value(fallbackSettingKey(), false).toBool();
}

void SecretStore::setFileFallbackAllowed(bool allowed)
{
    QSettings().setValue(fallbackSettingKey(), allowed);
}

QString SecretStore::fallbackFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/secrets.json");
}

QString SecretStore::unavailableMessage(const QString &detail)
{
    return tr("No keychain service is available (%1); secrets can only be kept for this session unless you "
              "allow an unencrypted file.")
        .arg(detail.isEmpty() ? tr("no reason given") : detail);
}

void SecretStore::clearSessionSecrets()
{
    sessionSecrets().clear();
}

void SecretStore::read(const QString &key, Callback done)
{
    const auto kept = sessionSecrets().constFind(key);
    if (kept != sessionSecrets().constEnd()) {
        SecretResult r;
        r.status = SecretResult::Status::Ok;
        r.secret = *kept;
        r.storage = SecretStorage::Session;
        deliver(std::move(done), r);
        return;
    }
    runKeychainJob(Op::Read, key, {}, std::move(done));
}

void SecretStore::write(const QString &key, const QString &secret, Callback done)
{
    runKeychainJob(Op::Write, key, secret, std::move(done));
}

void SecretStore::remove(const QString &key, Callback done)
{
    sessionSecrets().remove(key);
    QString error;
    if (!removeFromFallbackFile(key, &error)) {
        SecretResult r;
        r.error = error;
        deliver(std::move(done), r);
        return;
    }
    runKeychainJob(Op::Remove, key, {}, std::move(done));
}

void SecretStore::probe(std::function<void(bool, const QString &)> done)
{
    // A read of a key nobody writes: "not found" proves a service answered.
    runKeychainJob(Op::Read, QStringLiteral("probe/availability"), {},
                   [done = std::move(done)](const SecretResult &r) {
                       done(!r.keychainUnavailable, r.keychainUnavailable ? r.error : QString());
                   });
}

void SecretStore::runKeychainJob(Op op, const QString &key, const QString &secret, Callback done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service, this);
        w->setTextData(secret);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, op, key, secret, done = std::move(done)](QKeychain::Job *j) mutable {
                const QKeychain::Error error = j->error();
                SecretResult r;
                if (error == QKeychain::NoError) {
                    r.status = SecretResult::Status::Ok;
                    r.storage = op == Op::Remove ? SecretStorage::None : SecretStorage::Keychain;
                    if (op == Op::Read)
                        r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                    if (op == Op::Write) {
                        // The keychain holds it now: no other copy is kept.
                        sessionSecrets().remove(key);
                        QString ignored;
                        removeFromFallbackFile(key, &ignored);
                    }
                    done(r);
                    return;
                }
                if (error == QKeychain::EntryNotFound) {
                    if (op == Op::Remove) {
                        r.status = SecretResult::Status::Ok;
                        done(r);
                        return;
                    }
                    // Kept in the file while the keychain was missing, and still there: use it.
                    const QJsonObject file = fileFallbackAllowed() ? readFallbackFile() : QJsonObject();
                    if (file.contains(key)) {
                        r.status = SecretResult::Status::Ok;
                        r.secret = file.value(key).toString();
                        r.storage = SecretStorage::File;
                    } else {
                        r.status = SecretResult::Status::NotFound;
                    }
                    done(r);
                    return;
                }
                if (meansUnavailable(error)) {
                    qCInfo(lcSecrets) << "no keychain service:" << error << j->errorString();
                    fallBack(op, key, secret, j->errorString(), std::move(done));
                    return;
                }
                r.error = tr("The keychain refused: %1.").arg(j->errorString());
                done(r);
            });
    job->start();
}

void SecretStore::fallBack(Op op, const QString &key, const QString &secret, const QString &detail,
                           Callback done)
{
    SecretResult r;
    r.keychainUnavailable = true;
    const bool allowed = fileFallbackAllowed();
    switch (op) {
    case Op::Read: {
        const QJsonObject file = allowed ? readFallbackFile() : QJsonObject();
        if (file.contains(key)) {
            r.status = SecretResult::Status::Ok;
            r.secret = file.value(key).toString();
            r.storage = SecretStorage::File;
        } else {
            // Nothing could have been kept anywhere we can reach: not found, and why.
            r.status = SecretResult::Status::NotFound;
            if (!allowed)
                r.error = unavailableMessage(detail);
        }
        break;
    }
    case Op::Write:
        if (allowed) {
            QJsonObject file = readFallbackFile();
            file.insert(key, secret);
            QString error;
            if (writeFallbackFile(file, &error)) {
                sessionSecrets().remove(key);
                r.status = SecretResult::Status::Ok;
                r.storage = SecretStorage::File;
            } else {
                r.error = error;
            }
        } else {
            // Not stored: kept in memory until Pyrolink quits, and the caller is told so.
            sessionSecrets().insert(key, secret);
            r.status = SecretResult::Status::Error;
            r.storage = SecretStorage::Session;
            r.error = unavailableMessage(detail);
        }
        break;
    case Op::Remove:
        // Memory and file were already cleared; an unreachable keychain cannot hold anything we can delete.
        r.status = SecretResult::Status::Ok;
        r.error = unavailableMessage(detail);
        break;
    }
    done(r);
}

void SecretStore::deliver(Callback done, SecretResult result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace pyrolink
