// ConfigurationPanel against the built-in simulator over Modbus TCP on loopback: the form the profile
// generates, what it reads, what it writes, and what it refuses. No fakes: every value goes over the wire.
#include "config/ApplyDialog.h"
#include "config/ConfigField.h"
#include "config/ConfigurationPanel.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace pyrolink;

namespace {

constexpr int kTimeout = 10000;

/// A small profile with what Optris lacks: read-only holding registers, a coil, a bitfield, no group.
const char kTestProfile[] = R"({
  "format": 1, "id": "form-test", "name": "Form test device",
  "groups": [{ "id": "setup", "name": "Setup" }],
  "registers": [
    { "id": "firmware", "name": "Firmware", "table": "holding", "address": 0, "access": "r",
      "scale": { "divisor": 100 }, "decimals": 2, "default": 1.23, "group": "setup" },
    { "id": "state", "name": "State", "table": "holding", "address": 1, "access": "r",
      "enum": { "0": "Idle", "1": "Running" }, "default": 1, "group": "setup" },
    { "id": "setpoint", "name": "Set point", "table": "holding", "address": 2, "min": 0, "max": 100,
      "default": 40, "unit": "%", "group": "setup" },
    { "id": "options", "name": "Options", "table": "holding", "address": 3,
      "bits": { "0": "Alpha", "2": "Gamma" }, "default": 4, "group": "setup" },
    { "id": "relay", "name": "Relay", "table": "coil", "address": 0, "type": "bool" }
  ]
})";

QGroupBox *groupOf(QWidget *w)
{
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (auto *box = qobject_cast<QGroupBox *>(p))
            return box;
    return nullptr;
}

} // namespace

class TestConfigurationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void formHoldsTheWritableRegistersGrouped_data();
    void formHoldsTheWritableRegistersGrouped();
    void fieldsShowTheSimulatorsValues_data();
    void fieldsShowTheSimulatorsValues();
    void applyIsLockedUntilUnlocked();
    void typedValueIsWrittenAndVerified();
    void outOfRangeEntryCannotBeApplied();
    void malformedWordsCannotBeApplied();
    void readOnlyRegisterIsNotEditable();
    void undoRedoRestoresTypedValues();
    void revertReturnsToDeviceValues();
    void mismatchIsMarked();
    void fahrenheitChangesTheSuffix();
    void uneditedFieldsFollowTheDevice();
    void editsAreKeptPerDevice();
    void cancelStopsAfterTheCurrentRegister();
    void actionButtonsAskAndAreLocked();

private:
    std::unique_ptr<DeviceSession> simulated(const QString &model,
                                             std::shared_ptr<const Profile> profile = {});
    void show(DeviceSession *session);
    bool waitUntilRead();
    void type(ConfigField *f, const QString &text, bool finish = true);
    ApplyDialog *applyAndWaitForDialog();
    QList<WriteOutcome> applyConfirmed();

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<ConfigurationPanel> m_panel;
    std::unique_ptr<DeviceSession> m_session;
};

void TestConfigurationPanel::initTestCase()
{
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
}

void TestConfigurationPanel::init()
{
    m_panel = std::make_unique<ConfigurationPanel>();
    m_panel->resize(1000, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConfigurationPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

std::unique_ptr<DeviceSession> TestConfigurationPanel::simulated(const QString &model,
                                                                 std::shared_ptr<const Profile> profile)
{
    QString error;
    auto session = DeviceSession::simulated(profile ? profile : m_optris, model, &error);
    if (!session)
        qWarning("%s", qPrintable(error));
    else
        session->start();
    return session;
}

void TestConfigurationPanel::show(DeviceSession *session)
{
    m_panel->setSession(session);
}

bool TestConfigurationPanel::waitUntilRead()
{
    return QTest::qWaitFor(
        [this] {
            const QList<ConfigField *> fields = m_panel->fields();
            return !fields.isEmpty() && std::all_of(fields.begin(), fields.end(), [](const ConfigField *f) {
                return !f->def().isReadable() || f->hasDeviceValue();
            });
        },
        kTimeout);
}

/// Types into the editor as a person does: select all, type, and Enter to finish the edit.
void TestConfigurationPanel::type(ConfigField *f, const QString &text, bool finish)
{
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(f->editor())) {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        if (finish)
            QTest::keyClick(spin, Qt::Key_Return);
    } else {
        f->setText(text);
    }
}

ApplyDialog *TestConfigurationPanel::applyAndWaitForDialog()
{
    if (!m_panel->applyAction()->isEnabled())
        return nullptr;
    m_panel->applyAction()->trigger();
    ApplyDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = m_panel->findChild<ApplyDialog *>()) && dialog->isVisible(); }, 2000);
    return shown ? dialog : nullptr;
}

QList<WriteOutcome> TestConfigurationPanel::applyConfirmed()
{
    QSignalSpy finished(m_panel.get(), &ConfigurationPanel::writeFinished);
    ApplyDialog *dialog = applyAndWaitForDialog();
    if (!dialog)
        return {};
    dialog->accept();
    if (!finished.wait(kTimeout))
        return {};
    return finished.first().first().value<QList<WriteOutcome>>();
}

void TestConfigurationPanel::formHoldsTheWritableRegistersGrouped_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("ctlt") << QStringLiteral("ctlt");
    QTest::newRow("ctratio") << QStringLiteral("ctratio");
}

void TestConfigurationPanel::formHoldsTheWritableRegistersGrouped()
{
    QFETCH(QString, model);
    m_session = simulated(model);
    QVERIFY(m_session);
    show(m_session.get());

    QStringList expected, actions;
    for (const RegisterDef *def : m_optris->registersFor(model)) {
        if (def->isWritable() && !def->isAction)
            expected << def->id;
        if (def->isAction)
            actions << def->id;
    }
    QStringList actual;
    for (const ConfigField *f : m_panel->fields())
        actual << f->def().id;
    QCOMPARE(actual.size(), expected.size());
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    QCOMPARE(actual, expected);

    // Each field sits in the group box of its profile group, and the boxes come in profile order.
    QStringList groupOrder;
    for (ConfigField *f : m_panel->fields()) {
        QGroupBox *box = groupOf(f);
        QVERIFY(box);
        QCOMPARE(box->title(), m_optris->group(f->def().group)->name);
        if (!groupOrder.contains(f->def().group))
            groupOrder << f->def().group;
    }
    QStringList profileOrder;
    for (const GroupDef &g : m_optris->groups)
        if (groupOrder.contains(g.id))
            profileOrder << g.id;
    QCOMPARE(groupOrder, profileOrder);

    // Action registers are buttons, not fields.
    for (const QString &id : std::as_const(actions)) {
        QVERIFY2(m_panel->actionButton(id), qPrintable(id));
        QVERIFY(!m_panel->field(id));
    }
    // Editors fit the register: an enum is a combo box, an Off/On enum a check box, a number a spin box with
    // the profile's range, resolution and unit.
    QVERIFY(qobject_cast<QComboBox *>(m_panel->field(QStringLiteral("avg_mode"))->editor()));
    QVERIFY(qobject_cast<QCheckBox *>(m_panel->field(QStringLiteral("laser"))->editor()));
    auto *eps = qobject_cast<QDoubleSpinBox *>(m_panel->field(QStringLiteral("emissivity"))->editor());
    QVERIFY(eps);
    QCOMPARE(eps->minimum(), 0.1);
    QCOMPARE(eps->maximum(), 1.1);
    QCOMPARE(eps->decimals(), 3);
    QCOMPARE(eps->singleStep(), 0.001);
    auto *avg = qobject_cast<QDoubleSpinBox *>(m_panel->field(QStringLiteral("avg_time"))->editor());
    QCOMPARE(avg->suffix(), QStringLiteral(" ms"));
    QVERIFY(eps->toolTip().contains(QStringLiteral("holding 10010")));
    QVERIFY(eps->toolTip().contains(QStringLiteral("0.100 to 1.100")));
    QVERIFY(eps->toolTip().contains(m_optris->findById(QStringLiteral("emissivity"), model)->description));
}

void TestConfigurationPanel::fieldsShowTheSimulatorsValues_data()
{
    formHoldsTheWritableRegistersGrouped_data();
}

void TestConfigurationPanel::fieldsShowTheSimulatorsValues()
{
    QFETCH(QString, model);
    m_session = simulated(model);
    QVERIFY(m_session);
    show(m_session.get());
    QVERIFY(waitUntilRead());
    const DeviceSimulator *sim = m_session->simulator();
    for (const ConfigField *f : m_panel->fields()) {
        QVERIFY2(!f->isEdited(), qPrintable(f->def().id));
        QVERIFY2(f->problem().isEmpty(), qPrintable(f->def().id + QStringLiteral(": ") + f->problem()));
        if (f->kind() == ConfigField::Kind::Words) {
            QCOMPARE(f->value().toString(), Codec::wordsToHex(sim->words(f->def())));
            continue;
        }
        const double expected = sim->value(f->def());
        QVERIFY2(std::abs(f->value().toDouble() - expected) <= std::max(f->def().resolution(), 1e-9),
                 qPrintable(QStringLiteral("%1: form %2, simulator %3")
                                .arg(f->def().id)
                                .arg(f->value().toDouble())
                                .arg(expected)));
        QCOMPARE(f->text(), Codec::formatValue(f->def(), expected));
    }
}

void TestConfigurationPanel::applyIsLockedUntilUnlocked()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    type(eps, QStringLiteral("0.85"));
    QVERIFY(eps->isEdited());
    QVERIFY(!m_session->isWriteUnlocked());
    QVERIFY(!m_panel->applyAction()->isEnabled());
    QVERIFY(m_panel->applyAction()->toolTip().contains(QStringLiteral("unlock")));
    m_panel->apply(); // refused: no dialog
    QTest::qWait(50);
    QVERIFY(!m_panel->findChild<ApplyDialog *>());

    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000); // the keychain is asked for a PIN first
    QVERIFY(m_panel->applyAction()->isEnabled());
    // The lock belongs to the session: locking it elsewhere locks the form.
    m_session->setWriteUnlocked(false);
    QVERIFY(!m_panel->applyAction()->isEnabled());
    QVERIFY(!m_panel->unlockAction()->isChecked());
}

void TestConfigurationPanel::typedValueIsWrittenAndVerified()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    type(eps, QStringLiteral("0.85"));
    QVERIFY(eps->isEdited());
    QVERIFY(eps->label()->font().bold());
    QVERIFY(eps->marker()->text().contains(QStringLiteral("0.950")));

    QSignalSpy finished(m_panel.get(), &ConfigurationPanel::writeFinished);
    ApplyDialog *dialog = applyAndWaitForDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 1);
    QCOMPARE(dialog->table()->item(0, 0)->text(), QStringLiteral("Epsilon"));
    QCOMPARE(dialog->table()->item(0, 2)->text(), QStringLiteral("0.950"));
    QCOMPARE(dialog->table()->item(0, 3)->text(), QStringLiteral("0.850"));
    dialog->accept();
    QVERIFY(finished.wait(kTimeout));

    QCOMPARE(m_session->simulator()->value(QStringLiteral("emissivity")).value_or(-1), 0.85);
    QCOMPARE(eps->mark(), ConfigField::Mark::Verified);
    QVERIFY(eps->marker()->text().contains(QStringLiteral("✓")));
    QVERIFY(!eps->isEdited());
    QVERIFY(!eps->label()->font().bold());
    QVERIFY(!m_panel->applyAction()->isEnabled()); // nothing left to apply
    QVERIFY(m_panel->statusText().contains(QStringLiteral("1 verified")));
}

void TestConfigurationPanel::outOfRangeEntryCannotBeApplied()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    type(m_panel->field(QStringLiteral("transmission")), QStringLiteral("0.9"));
    QVERIFY(m_panel->applyAction()->isEnabled());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    // The profile's range (0.1 - 1.1) is narrower than the type's (0 - 65.535): 5 can be typed, not applied.
    // A valid edit elsewhere does not make Apply possible while one field is wrong.
    type(eps, QStringLiteral("5"), false);
    QCOMPARE(eps->text(), QStringLiteral("5"));
    QVERIFY2(eps->problem().contains(QStringLiteral("0.100 to 1.100")), qPrintable(eps->problem()));
    QVERIFY(eps->marker()->text().contains(QStringLiteral("0.100 to 1.100")));
    QVERIFY(!m_panel->applyAction()->isEnabled());
    QVERIFY(m_panel->applyAction()->toolTip().contains(QStringLiteral("0.100 to 1.100")));
    m_panel->apply();
    QTest::qWait(50);
    QVERIFY(!m_panel->findChild<ApplyDialog *>());
    // Finishing the entry puts back the last valid value.
    QTest::keyClick(eps->editor(), Qt::Key_Return);
    QVERIFY(eps->problem().isEmpty());
    QCOMPARE(eps->text(), QStringLiteral("0.950"));
    QVERIFY(m_panel->applyAction()->isEnabled());
    QCOMPARE(m_session->simulator()->value(QStringLiteral("emissivity")).value_or(-1), 0.95);
}

void TestConfigurationPanel::malformedWordsCannotBeApplied()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    ConfigField *head = m_panel->field(QStringLiteral("head_code_block1"));
    QVERIFY(qobject_cast<QLineEdit *>(head->editor()));
    head->setText(QStringLiteral("0x1 0x2 0x3"));
    QVERIFY(head->isEdited());
    QVERIFY2(head->problem().contains(QStringLiteral("2 hex words")), qPrintable(head->problem()));
    QVERIFY(!m_panel->applyAction()->isEnabled());
    head->setText(QStringLiteral("0x1234 0xabcd"));
    QVERIFY(head->problem().isEmpty());
    QVERIFY(m_panel->applyAction()->isEnabled());
    const QList<WriteOutcome> outcomes = applyConfirmed();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().verified);
    QCOMPARE(m_session->simulator()->words(*outcomes.first().item.def), (QList<quint16>{0x1234, 0xabcd}));
    QCOMPARE(head->mark(), ConfigField::Mark::Verified);
}

void TestConfigurationPanel::readOnlyRegisterIsNotEditable()
{
    QString error;
    auto profile = ProfileLoader::loadData(kTestProfile, QStringLiteral("form-test.json"), &error);
    QVERIFY2(profile, qPrintable(error));
    m_session = simulated(QString(), profile);
    QVERIFY(m_session);
    show(m_session.get());
    QVERIFY(waitUntilRead());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);

    ConfigField *firmware = m_panel->field(QStringLiteral("firmware"));
    QVERIFY(firmware); // shown ...
    QVERIFY(!firmware->isEditable());
    auto *spin = qobject_cast<QDoubleSpinBox *>(firmware->editor());
    QVERIFY(spin && spin->isReadOnly()); // ... but not editable
    QCOMPARE(firmware->text(), QStringLiteral("1.23"));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("4.56"));
    QTest::keyClick(spin, Qt::Key_Up);
    firmware->setText(QStringLiteral("7.89"));
    QCOMPARE(firmware->text(), QStringLiteral("1.23"));
    QVERIFY(!firmware->isEdited());
    QVERIFY(firmware->marker()->text().contains(QStringLiteral("read-only")));

    ConfigField *state = m_panel->field(QStringLiteral("state"));
    QVERIFY(!state->isEditable());
    QVERIFY(!state->editor()->isEnabled());
    state->setText(QStringLiteral("Idle"));
    QCOMPARE(state->text(), QStringLiteral("Running"));
    QVERIFY(!m_panel->applyAction()->isEnabled());

    // The other kinds of this profile: a bitfield as check boxes, a coil as a check box, in "Other".
    ConfigField *options = m_panel->field(QStringLiteral("options"));
    QCOMPARE(options->kind(), ConfigField::Kind::Flags);
    QCOMPARE(options->editor()->findChildren<QCheckBox *>().size(), 2);
    ConfigField *relay = m_panel->field(QStringLiteral("relay"));
    QCOMPARE(relay->kind(), ConfigField::Kind::Switch);
    QCOMPARE(groupOf(relay)->title(), QStringLiteral("Other"));
    options->setText(QStringLiteral("5"));
    relay->setText(QStringLiteral("on"));
    const QList<WriteOutcome> outcomes = applyConfirmed();
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(m_session->simulator()->value(QStringLiteral("options")).value_or(-1), 5.0);
    QCOMPARE(m_session->simulator()->value(QStringLiteral("relay")).value_or(-1), 1.0);
}

void TestConfigurationPanel::undoRedoRestoresTypedValues()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    ConfigField *mode = m_panel->field(QStringLiteral("avg_mode"));
    type(eps, QStringLiteral("0.85"));
    type(eps, QStringLiteral("0.9"));
    mode->setText(QStringLiteral("Smart Averaging"));
    // Keystrokes of one entry are one step: 0.85 and 0.9 were two entries, the combo a third.
    QCOMPARE(m_panel->undoStack()->count(), 3);

    m_panel->undoAction()->trigger();
    QCOMPARE(mode->text(), QStringLiteral("Normal"));
    QVERIFY(!mode->isEdited());
    m_panel->undoAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.850"));
    QVERIFY(eps->isEdited());
    m_panel->undoAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.950"));
    QVERIFY(!eps->isEdited());
    QVERIFY(!m_panel->undoAction()->isEnabled());

    m_panel->redoAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.850"));
    m_panel->redoAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.900"));
    m_panel->redoAction()->trigger();
    QCOMPARE(mode->text(), QStringLiteral("Smart Averaging"));
    QVERIFY(!m_panel->redoAction()->isEnabled());

    // The shortcuts do the same while the focus is in the panel.
    m_panel->field(QStringLiteral("laser"))->editor()->setFocus();
    QTest::keyClick(m_panel.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(mode->text(), QStringLiteral("Normal"));
    QTest::keyClick(m_panel.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(mode->text(), QStringLiteral("Smart Averaging"));
}

void TestConfigurationPanel::revertReturnsToDeviceValues()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    ConfigField *avg = m_panel->field(QStringLiteral("avg_time"));
    type(eps, QStringLiteral("0.5"));
    type(avg, QStringLiteral("250"));
    QVERIFY(eps->isEdited() && avg->isEdited());
    QVERIFY(m_panel->revertAction()->isEnabled());
    m_panel->revertAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.950"));
    QCOMPARE(avg->text(), Codec::formatValue(avg->def(), m_session->simulator()->value(avg->def())));
    QVERIFY(!eps->isEdited() && !avg->isEdited());
    QVERIFY(!m_panel->revertAction()->isEnabled());
    // Revert is one undo step.
    m_panel->undoAction()->trigger();
    QCOMPARE(eps->text(), QStringLiteral("0.500"));
    QCOMPARE(avg->text(), QStringLiteral("250"));
}

void TestConfigurationPanel::mismatchIsMarked()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    DeviceSimulator *sim = m_session->simulator();
    // The device takes the write, then holds something else (as a device that clamps or refuses silently).
    connect(sim, &DeviceSimulator::written, sim, [sim](const QString &id) {
        if (id == QLatin1String("emissivity"))
            sim->setValue(id, 0.5);
    });
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    type(eps, QStringLiteral("0.85"));
    const QList<WriteOutcome> outcomes = applyConfirmed();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().verified);
    QCOMPARE(eps->mark(), ConfigField::Mark::Mismatch);
    QVERIFY(eps->marker()->text().contains(QStringLiteral("✗")));
    QVERIFY2(eps->marker()->toolTip().contains(QStringLiteral("0.500")),
             qPrintable(eps->marker()->toolTip()));
    QVERIFY(eps->marker()->toolTip().contains(QStringLiteral("0.850")));
    QCOMPARE(eps->text(), QStringLiteral("0.500")); // the field shows what the device holds
    QVERIFY(m_panel->statusText().contains(QStringLiteral("1 mismatched")));
}

void TestConfigurationPanel::fahrenheitChangesTheSuffix()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    auto suffix = [this](const char *id) {
        return qobject_cast<QDoubleSpinBox *>(m_panel->field(QLatin1String(id))->editor())->suffix();
    };
    QCOMPARE(suffix("advanced_hold_threshold"), QStringLiteral(" °C"));
    QCOMPARE(suffix("amb_temp_fix"), QStringLiteral(" °C"));
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    ConfigField *unit = m_panel->field(QStringLiteral("temp_unit"));
    unit->setText(QStringLiteral("°F"));
    QCOMPARE(suffix("advanced_hold_threshold"), QStringLiteral(" °C")); // not before the device says so
    QCOMPARE(applyConfirmed().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(suffix("advanced_hold_threshold"), QStringLiteral(" °F"), kTimeout);
    QCOMPARE(suffix("amb_temp_fix"), QStringLiteral(" °F"));
    QCOMPARE(suffix("avg_time"), QStringLiteral(" ms"));
    // The set points were converted by the device and read again: the form shows them in °F.
    const double f = m_session->simulator()->value(QStringLiteral("amb_temp_fix")).value_or(-1);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->field(QStringLiteral("amb_temp_fix"))->value().toDouble(), f,
                              kTimeout);
}

void TestConfigurationPanel::uneditedFieldsFollowTheDevice()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    ConfigField *trans = m_panel->field(QStringLiteral("transmission"));
    type(eps, QStringLiteral("0.7"));
    // Someone changes the device (its keys, another program).
    m_session->simulator()->setValue(QStringLiteral("emissivity"), 0.6);
    m_session->simulator()->setValue(QStringLiteral("transmission"), 0.8);
    m_panel->readAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(trans->text(), QStringLiteral("0.800"), kTimeout);
    QVERIFY(!trans->isEdited());
    QTRY_COMPARE_WITH_TIMEOUT(eps->deviceText(), QStringLiteral("0.600"), kTimeout);
    QCOMPARE(eps->text(), QStringLiteral("0.700")); // the user's value stays
    QVERIFY(eps->isEdited());
    QVERIFY(eps->marker()->text().contains(QStringLiteral("0.600")));
}

void TestConfigurationPanel::editsAreKeptPerDevice()
{
    m_session = simulated(QStringLiteral("ctlt"));
    auto other = simulated(QStringLiteral("ctratio"));
    QVERIFY(m_session && other);
    show(m_session.get());
    QVERIFY(waitUntilRead());
    type(m_panel->field(QStringLiteral("emissivity")), QStringLiteral("0.85"));

    show(other.get());
    QVERIFY(m_panel->field(QStringLiteral("transmission2"))); // the ctratio form
    QVERIFY(!m_panel->field(QStringLiteral("peak_hold_time")));
    QVERIFY(waitUntilRead());
    QVERIFY(!m_panel->field(QStringLiteral("emissivity"))->isEdited());
    QVERIFY(!m_panel->undoAction()->isEnabled());

    show(m_session.get());
    ConfigField *eps = m_panel->field(QStringLiteral("emissivity"));
    QVERIFY(eps->isEdited());
    QCOMPARE(eps->text(), QStringLiteral("0.850"));
    QVERIFY(m_panel->undoAction()->isEnabled());
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->statusText().contains(QStringLiteral("kept")),
                              qPrintable(m_panel->statusText()), kTimeout);

    show(nullptr);
    QVERIFY(m_panel->fields().isEmpty());
    QVERIFY(!m_panel->readAction()->isEnabled());
    other.reset(); // a closed device is forgotten
    show(m_session.get());
    QVERIFY(m_panel->field(QStringLiteral("emissivity"))->isEdited());
}

void TestConfigurationPanel::cancelStopsAfterTheCurrentRegister()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    type(m_panel->field(QStringLiteral("emissivity")), QStringLiteral("0.85"));
    type(m_panel->field(QStringLiteral("transmission")), QStringLiteral("0.9"));
    type(m_panel->field(QStringLiteral("avg_time")), QStringLiteral("300"));
    QSignalSpy finished(m_panel.get(), &ConfigurationPanel::writeFinished);
    ApplyDialog *dialog = applyAndWaitForDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 3);
    dialog->accept();
    QVERIFY(m_panel->isWriting());
    QVERIFY(m_panel->statusText().contains(QStringLiteral("Writing 1 of 3")));
    m_panel->cancel();
    QVERIFY(finished.wait(kTimeout));
    const auto outcomes = finished.first().first().value<QList<WriteOutcome>>();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().verified);
    QCOMPARE(m_session->simulator()->value(QStringLiteral("emissivity")).value_or(-1), 0.85);
    QCOMPARE(m_session->simulator()->value(QStringLiteral("transmission")).value_or(-1), 1.0);
    QVERIFY(m_panel->field(QStringLiteral("transmission"))->isEdited());
    QVERIFY(m_panel->field(QStringLiteral("avg_time"))->isEdited());
    QVERIFY2(m_panel->statusText().contains(QStringLiteral("Cancelled: 2 register")),
             qPrintable(m_panel->statusText()));
}

void TestConfigurationPanel::actionButtonsAskAndAreLocked()
{
    m_session = simulated(QStringLiteral("ctlt"));
    show(m_session.get());
    QVERIFY(waitUntilRead());
    QPushButton *reset = m_panel->actionButton(QStringLiteral("error_count_reset"));
    QVERIFY(reset);
    QVERIFY(!reset->isEnabled());
    m_panel->unlockAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isWriteUnlocked(), 5000);
    QVERIFY(reset->isEnabled());
    QSignalSpy finished(m_panel.get(), &ConfigurationPanel::writeFinished);
    reset->click();
    QMessageBox *box = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (box = m_panel->findChild<QMessageBox *>()) && box->isVisible(); },
                            2000));
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            confirm = b;
    QVERIFY(confirm);
    confirm->click();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(finished.first().first().value<QList<WriteOutcome>>().first().written);
    QVERIFY(m_panel->statusText().contains(QStringLiteral("done")));
}

QTEST_MAIN(TestConfigurationPanel)
#include "tst_configurationpanel.moc"
