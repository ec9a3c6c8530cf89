#include "SecretsDialog.h"

#include "session/DeviceSession.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pyrolink {

SecretsDialog::SecretsDialog(DeviceSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_store(new SecretStore(this)), m_keychain(new QLabel(this)),
      m_allowFile(new QCheckBox(tr("&Allow an unencrypted file when no keychain is available"), this)),
      m_fileWarning(new QLabel(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Device secrets — %1").arg(session->title()));
    m_keychain->setObjectName(QStringLiteral("keychainState"));
    m_keychain->setWordWrap(true);
    m_keychain->setText(tr("Checking the keychain…"));

    m_allowFile->setChecked(SecretStore::fileFallbackAllowed());
    m_fileWarning->setWordWrap(true);
    m_fileWarning->setText(
        tr("<b>Warning:</b> the file %1 is not encrypted. Anyone who can read your files can read these "
           "secrets. Without this option, secrets are kept only until Pyrolink quits.")
            .arg(QDir::toNativeSeparators(SecretStore::fallbackFilePath()).toHtmlEscaped()));
    connect(m_allowFile, &QCheckBox::toggled, this, [this](bool on) {
        SecretStore::setFileFallbackAllowed(on);
        refresh();
    });

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *keychainBox = new QGroupBox(tr("Keychain"), this);
    auto *keychainLayout = new QVBoxLayout(keychainBox);
    keychainLayout->addWidget(m_keychain);
    keychainLayout->addWidget(m_allowFile);
    keychainLayout->addWidget(m_fileWarning);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(keychainBox); // first: whether anything can be kept says how to read the rest
    layout->addWidget(createSlot(m_pin, tr("Write-unlock PIN"),
                                 tr("Asked for before writing to this device is unlocked. Without a PIN, "
                                    "writing unlocks at once."),
                                 true));
    layout->addWidget(createSlot(m_code, tr("Device unlock code"),
                                 tr("The code or password the device itself asks for, such as the one a "
                                    "security byte protects."),
                                 false));
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    refresh();
}

QString SecretsDialog::message() const
{
    return m_message->text();
}

QWidget *SecretsDialog::createSlot(Slot &slot, const QString &title, const QString &explanation, bool repeat)
{
    auto *box = new QGroupBox(title, this);
    auto *layout = new QVBoxLayout(box);
    auto *about = new QLabel(explanation, box);
    about->setWordWrap(true);
    layout->addWidget(about);
    const QString name = repeat ? QStringLiteral("pin") : QStringLiteral("code");
    slot.state = new QLabel(box);
    slot.state->setObjectName(name + QStringLiteral("State"));
    layout->addWidget(slot.state);

    auto *row = new QHBoxLayout;
    slot.entry = new QLineEdit(box);
    slot.entry->setObjectName(name + QStringLiteral("Entry"));
    slot.entry->setEchoMode(QLineEdit::Password);
    slot.entry->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    slot.entry->setPlaceholderText(repeat ? tr("New PIN") : tr("New code"));
    row->addWidget(slot.entry, 1);
    if (repeat) {
        slot.repeat = new QLineEdit(box);
        slot.repeat->setObjectName(QStringLiteral("pinRepeat"));
        slot.repeat->setEchoMode(QLineEdit::Password);
        slot.repeat->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        slot.repeat->setPlaceholderText(tr("Repeat the PIN"));
        row->addWidget(slot.repeat, 1);
    }
    slot.set = new QPushButton(repeat ? tr("&Set PIN") : tr("Sa&ve code"), box);
    slot.clear = new QPushButton(repeat ? tr("&Clear PIN") : tr("C&lear code"), box);
    row->addWidget(slot.set);
    row->addWidget(slot.clear);
    layout->addLayout(row);

    connect(slot.set, &QPushButton::clicked, this, [this, &slot] { store(slot); });
    connect(slot.clear, &QPushButton::clicked, this, [this, &slot] { clear(slot); });
    return box;
}

void SecretsDialog::refresh()
{
    m_store->probe([this](bool available, const QString &error) {
        if (available)
            m_keychain->setText(
                tr("Secrets are kept in the OS keychain (service \"%1\").").arg(m_store->service()));
        else
            m_keychain->setText(error);
        // The opt-in matters only where there is no keychain; it stays visible so it can be turned off.
        m_allowFile->setVisible(!available || m_allowFile->isChecked());
        m_fileWarning->setVisible(!available || m_allowFile->isChecked());
        adjustSize(); // the wrapped texts changed height
    });
    refreshSlot(m_pin);
    refreshSlot(m_code);
}

void SecretsDialog::refreshSlot(Slot &slot)
{
    if (!m_session)
        return;
    slot.state->setText(tr("Checking…"));
    QPointer<QLabel> state(slot.state);
    QPointer<QPushButton> clearButton(slot.clear);
    const bool pin = slot.purpose == SecretPurpose::WritePin;
    m_store->read(SecretStore::key(*m_session, slot.purpose),
                  [state, clearButton, pin](const SecretResult &r) {
                      if (!state)
                          return;
                      QString where;
                      switch (r.storage) {
                      case SecretStorage::Keychain:
                          where = tr("in the keychain");
                          break;
                      case SecretStorage::File:
                          where = tr("in the unencrypted file");
                          break;
                      case SecretStorage::Session:
                          where = tr("until Pyrolink quits");
                          break;
                      case SecretStorage::None:
                          break;
                      }
                      if (r.ok())
                          state->setText(pin ? tr("A PIN is set (kept %1).").arg(where)
                                             : tr("A code is stored (kept %1).").arg(where));
                      else if (r.status == SecretResult::Status::NotFound)
                          state->setText(pin ? tr("No PIN is set: writing unlocks without asking.")
                                             : tr("No code is stored."));
                      else
                          state->setText(r.error);
                      if (clearButton)
                          clearButton->setEnabled(r.ok());
                  });
}

void SecretsDialog::store(Slot &slot)
{
    if (!m_session)
        return;
    const QString secret = slot.entry->text();
    if (secret.isEmpty()) {
        m_message->setText(slot.repeat ? tr("Type the new PIN first.") : tr("Type the code first."));
        return;
    }
    if (slot.repeat && slot.repeat->text() != secret) {
        m_message->setText(tr("The two PINs differ; nothing was changed."));
        return;
    }
    setBusy(true);
    const QString success = slot.repeat ? tr("The PIN was set.") : tr("The code was stored.");
    m_store->write(SecretStore::key(*m_session, slot.purpose), secret,
                   [this, &slot, success](const SecretResult &r) {
                       setBusy(false);
                       slot.entry->clear();
                       if (slot.repeat)
                           slot.repeat->clear();
                       showResult(r, success);
                       refreshSlot(slot);
                   });
}

void SecretsDialog::clear(Slot &slot)
{
    if (!m_session)
        return;
    setBusy(true);
    const QString success = slot.repeat ? tr("The PIN was cleared.") : tr("The code was cleared.");
    m_store->remove(SecretStore::key(*m_session, slot.purpose),
                    [this, &slot, success](const SecretResult &r) {
                        setBusy(false);
                        showResult(r, success);
                        refreshSlot(slot);
                    });
}

void SecretsDialog::showResult(const SecretResult &result, const QString &success)
{
    if (result.ok() && result.storage == SecretStorage::File)
        m_message->setText(success + u' ' + tr("It is kept in the unencrypted file."));
    else if (result.ok())
        m_message->setText(success);
    else if (result.storage == SecretStorage::Session) // the keychain box above says why
        m_message->setText(success + u' ' + tr("It is kept only until Pyrolink quits."));
    else
        m_message->setText(tr("Nothing was changed: %1").arg(result.error));
}

void SecretsDialog::setBusy(bool busy)
{
    for (Slot *s : {&m_pin, &m_code}) {
        s->set->setEnabled(!busy);
        s->clear->setEnabled(!busy && s->clear->isEnabled());
    }
}

} // namespace pyrolink
