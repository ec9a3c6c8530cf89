#include "WriteUnlock.h"

#include "secrets/SecretStore.h"
#include "session/DeviceSession.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>

namespace pyrolink {

namespace {
// tr() for a free function: the strings are found by lupdate under this context.
struct WriteUnlock
{
    Q_DECLARE_TR_FUNCTIONS(WriteUnlock)
};

// Non-blocking on purpose (open(), not exec()): the caller's event loop keeps polling the devices.
void warn(QWidget *parent, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, WriteUnlock::tr("Unlock writing"), text,
                                QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void askForPin(QPointer<DeviceSession> session, QWidget *parent, const QString &pin,
               std::function<void(bool)> done)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("writeUnlockPin"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(WriteUnlock::tr("Unlock writing"));
    dialog->setLabelText(WriteUnlock::tr("Enter the write-unlock PIN for %1:").arg(session->title()));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    dialog->setOkButtonText(WriteUnlock::tr("Unlock"));
    // Exactly one of accepted / rejected runs; `done` travels with whichever does.
    auto shared = std::make_shared<std::function<void(bool)>>(std::move(done));
    QObject::connect(dialog, &QInputDialog::accepted, dialog, [dialog, session, parent, pin, shared] {
        const bool right = session && dialog->textValue() == pin;
        if (right)
            session->setWriteUnlocked(true);
        else if (session)
            warn(parent, WriteUnlock::tr("The PIN is wrong; writing stays locked."));
        (*shared)(right);
    });
    QObject::connect(dialog, &QInputDialog::rejected, dialog, [shared] { (*shared)(false); });
    dialog->open();
}
} // namespace

void requestWriteUnlock(DeviceSession *session, QWidget *parent, std::function<void(bool)> done)
{
    auto *store = new SecretStore; // not the session's child: `done` must run even if the session goes away
    QPointer<DeviceSession> guard(session);
    QPointer<QWidget> parentGuard(parent);
    store->read(SecretStore::key(*session, SecretPurpose::WritePin),
                [store, guard, parentGuard, done = std::move(done)](const SecretResult &r) mutable {
                    store->deleteLater();
                    if (!guard) {
                        done(false);
                        return;
                    }
                    switch (r.status) {
                    case SecretResult::Status::NotFound:
                        // No PIN was set (or none could have been kept): unlocking needs no more than asking.
                        guard->setWriteUnlocked(true);
                        done(true);
                        return;
                    case SecretResult::Status::Error:
                        if (r.keychainUnavailable) {
                            // No keychain service at all (and no opted-in file): no PIN can have been
                            // kept, so there is none to ask for.
                            guard->setWriteUnlocked(true);
                            done(true);
                            return;
                        }
                        // A PIN may exist where we cannot read it: stay locked rather than skip it.
                        warn(parentGuard,
                             WriteUnlock::tr("The write-unlock PIN could not be read: %1 Writing "
                                             "stays locked.")
                                 .arg(r.error));
                        done(false);
                        return;
                    case SecretResult::Status::Ok:
                        askForPin(guard, parentGuard, r.secret, std::move(done));
                        return;
                    }
                });
}

} // namespace pyrolink
