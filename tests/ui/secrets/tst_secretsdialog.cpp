// The secrets dialog and the write-unlock PIN prompt, with no keychain service (PINs kept for the session)
// so that the test needs no D-Bus; SecretStore's own tests cover the real Secret Service.
#include "profile/ProfileRegistry.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretsDialog.h"
#include "secrets/WriteUnlock.h"
#include "session/DeviceSession.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

using namespace pyrolink;

namespace {
QPushButton *button(QWidget *w, const QString &text)
{
    for (QPushButton *b : w->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

template <typename T> T *topLevel(const QString &objectName = {})
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w);
            t && t->isVisible() && (objectName.isEmpty() || t->objectName() == objectName))
            return t;
    return nullptr;
}
} // namespace

class TestSecretsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_secretsdialog"));
        m_profiles.loadDefault();
        QVERIFY(m_profiles.find(QStringLiteral("cn9600")));
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(SecretStore::fallbackFilePath());
        SecretStore::clearSessionSecrets();
        ConnectionSettings c;
        c.transport = ConnectionSettings::Transport::Rtu;
        c.serialPort = QStringLiteral("/dev/ttyUSB9");
        c.unit = 2;
        m_session = std::make_unique<DeviceSession>(m_profiles.find(QStringLiteral("cn9600")), QString(), c);
    }

    void cleanup()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog *>(w))
                w->close();
        m_session.reset();
    }

    void withoutPinWritingUnlocksAtOnce()
    {
        QVERIFY(!m_session->isWriteUnlocked());
        int calls = 0;
        bool result = false;
        requestWriteUnlock(m_session.get(), nullptr, [&](bool ok) {
            ++calls;
            result = ok;
        });
        QTRY_COMPARE(calls, 1);
        QVERIFY(result);
        QVERIFY(m_session->isWriteUnlocked());
        QVERIFY(!topLevel<QInputDialog>());
    }

    void dialogSetsAPinThatTheUnlockAsksFor()
    {
        SecretsDialog dialog(m_session.get());
        dialog.show();
        // No keychain here: the dialog says so in the one sentence, and offers the file.
        auto *keychain = dialog.findChild<QLabel *>(QStringLiteral("keychainState"));
        QTRY_VERIFY(keychain->text().startsWith(QLatin1String("No keychain service is available (")));
        QVERIFY(dialog.findChild<QCheckBox *>()->isVisible());
        QVERIFY(!dialog.findChild<QCheckBox *>()->isChecked());

        QList<QLineEdit *> fields;
        for (const char *name : {"pinEntry", "pinRepeat", "codeEntry"}) {
            fields << dialog.findChild<QLineEdit *>(QLatin1String(name));
            QVERIFY(fields.last());
            QCOMPARE(fields.last()->echoMode(), QLineEdit::Password);
        }
        fields[0]->setText(QStringLiteral("4711"));
        fields[1]->setText(QStringLiteral("4712"));
        button(&dialog, QStringLiteral("&Set PIN"))->click();
        QCOMPARE(dialog.message(), QStringLiteral("The two PINs differ; nothing was changed."));
        fields[1]->setText(QStringLiteral("4711"));
        button(&dialog, QStringLiteral("&Set PIN"))->click();
        QTRY_COMPARE(dialog.message(),
                     QStringLiteral("The PIN was set. It is kept only until Pyrolink quits."));
        QVERIFY(fields[0]->text().isEmpty());
        QTRY_VERIFY(dialog.findChild<QLabel *>(QStringLiteral("pinState"))
                        ->text()
                        .startsWith(QLatin1String("A PIN is set")));
        QVERIFY(!QFile::exists(SecretStore::fallbackFilePath()));
        // To look at it: PYROLINK_SCREENSHOT_DIR=/tmp ./tst_secretsdialog
        if (const QString dir = qEnvironmentVariable("PYROLINK_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/secretsdialog.png"));

        // Wrong PIN: stays locked, and the user is told.
        bool result = true;
        int calls = 0;
        QWidget parent;
        requestWriteUnlock(m_session.get(), &parent, [&](bool ok) {
            ++calls;
            result = ok;
        });
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = topLevel<QInputDialog>(QStringLiteral("writeUnlockPin"))));
        QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
        ask->setTextValue(QStringLiteral("0000"));
        ask->accept();
        QTRY_COMPARE(calls, 1);
        QVERIFY(!result);
        QVERIFY(!m_session->isWriteUnlocked());
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = topLevel<QMessageBox>()));
        QCOMPARE(box->text(), QStringLiteral("The PIN is wrong; writing stays locked."));
        box->close();

        // Cancelled: stays locked.
        requestWriteUnlock(m_session.get(), &parent, [&](bool ok) {
            ++calls;
            result = ok;
        });
        QTRY_VERIFY((ask = topLevel<QInputDialog>(QStringLiteral("writeUnlockPin"))));
        ask->reject();
        QTRY_COMPARE(calls, 2);
        QVERIFY(!result);
        QVERIFY(!m_session->isWriteUnlocked());

        // The right PIN unlocks.
        requestWriteUnlock(m_session.get(), &parent, [&](bool ok) {
            ++calls;
            result = ok;
        });
        QTRY_VERIFY((ask = topLevel<QInputDialog>(QStringLiteral("writeUnlockPin"))));
        ask->setTextValue(QStringLiteral("4711"));
        ask->accept();
        QTRY_COMPARE(calls, 3);
        QVERIFY(result);
        QVERIFY(m_session->isWriteUnlocked());

        // Cleared: unlocking asks nothing again.
        m_session->setWriteUnlocked(false);
        button(&dialog, QStringLiteral("&Clear PIN"))->click();
        QTRY_COMPARE(dialog.message(), QStringLiteral("The PIN was cleared."));
        requestWriteUnlock(m_session.get(), &parent, [&](bool ok) {
            ++calls;
            result = ok;
        });
        QTRY_COMPARE(calls, 4);
        QVERIFY(result);
        QVERIFY(m_session->isWriteUnlocked());
    }

    void optInKeepsTheCodeInTheFile()
    {
        SecretsDialog dialog(m_session.get());
        dialog.show();
        auto *allow = dialog.findChild<QCheckBox *>();
        QTRY_VERIFY(allow->isVisible());
        allow->setChecked(true);
        QVERIFY(SecretStore::fileFallbackAllowed());
        dialog.findChild<QLineEdit *>(QStringLiteral("codeEntry"))
            ->setText(QStringLiteral("Sicherheitscode ü"));
        button(&dialog, QStringLiteral("Sa&ve code"))->click();
        QTRY_COMPARE(dialog.message(),
                     QStringLiteral("The code was stored. It is kept in the unencrypted file."));
        QVERIFY(QFile::exists(SecretStore::fallbackFilePath()));
        const QFile::Permissions p = QFile::permissions(SecretStore::fallbackFilePath());
        QVERIFY(p.testFlag(QFile::ReadOwner) && p.testFlag(QFile::WriteOwner));
        QVERIFY(!(p & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
        button(&dialog, QStringLiteral("C&lear code"))->click();
        QTRY_COMPARE(dialog.message(), QStringLiteral("The code was cleared."));
        QVERIFY(!QFile::exists(SecretStore::fallbackFilePath()));
    }

private:
    ProfileRegistry m_profiles;
    std::unique_ptr<DeviceSession> m_session;
};

QTEST_MAIN(TestSecretsDialog)
#include "tst_secretsdialog.moc"
