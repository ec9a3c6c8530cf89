#pragma once

#include "secrets/SecretStore.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pyrolink {

class DeviceSession;

/// The secrets of one device: Pyrolink's write-unlock PIN and the device's own unlock code, set or cleared
/// here and kept in the OS keychain. Says whether a keychain service answers, and offers the explicit
/// opt-in to an unencrypted file for machines without one.
class SecretsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SecretsDialog(DeviceSession *session, QWidget *parent = nullptr);

    /// The last outcome shown to the user (for tests).
    QString message() const;

private:
    /// One secret's row of widgets: what is stored, the entry field(s), set and clear.
    struct Slot
    {
        SecretPurpose purpose;
        QLabel *state = nullptr;
        QLineEdit *entry = nullptr;
        QLineEdit *repeat = nullptr; ///< only for the PIN: typed twice, nobody can read it back
        QPushButton *set = nullptr;
        QPushButton *clear = nullptr;
    };
    QWidget *createSlot(Slot &slot, const QString &title, const QString &explanation, bool repeat);
    void refresh();
    void refreshSlot(Slot &slot);
    void store(Slot &slot);
    void clear(Slot &slot);
    void showResult(const SecretResult &result, const QString &success);
    void setBusy(bool busy);

    QPointer<DeviceSession> m_session;
    SecretStore *m_store;
    QLabel *m_keychain;
    QCheckBox *m_allowFile;
    QLabel *m_fileWarning;
    QLabel *m_message;
    Slot m_pin{SecretPurpose::WritePin};
    Slot m_code{SecretPurpose::UnlockCode};
};

} // namespace pyrolink
