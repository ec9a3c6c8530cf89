// ConfigRestore against the Optris CT simulator on 127.0.0.1: it writes exactly what differs, in the safe
// order, from the file's raw words, and the simulator ends up holding the file. What was written, and in
// which order, is what the simulator saw (DeviceSimulator::written), not what ConfigRestore says.
#include "SimulatedDevice.h"

#include "session/DeviceSession.h"

#include <QTest>

using namespace pyrolink;
using namespace pyrolink::test;

class TestConfigRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void writeOrderIsSafe();
    void restoresExactlyWhatDiffers();
    void nothingToWrite();
    void fileInFahrenheitDeviceInCelsius();
    void fileInCelsiusDeviceInFahrenheit();
    void neverWritesActions();
    void communicationSettingsLast();
    void communicationHeldBackAfterAFailure();
    void cancelStopsBeforeTheNextWrite();
    void deviceGoneIsReportedPerRegister();
    void throughThePoller();

private:
    std::shared_ptr<const Profile> m_optris;
};

void TestConfigRestore::initTestCase()
{
    m_optris = optrisProfile();
    QVERIFY(m_optris);
}

void TestConfigRestore::writeOrderIsSafe()
{
    const QString model = QStringLiteral("ctlt");
    QList<const RegisterDef *> regs;
    for (const char *id :
         {"modbus_id", "emissivity", "temp_unit", "avg_mode", "al1_value", "modbus_baudrate"})
        regs << m_optris->findById(QString::fromLatin1(id), model);
    QStringList order;
    for (const RegisterDef *def : ConfigRestore::writeOrder(*m_optris, regs))
        order << def->id;
    QCOMPARE(order, (QStringList{QStringLiteral("temp_unit"), QStringLiteral("avg_mode"),
                                 QStringLiteral("emissivity"), QStringLiteral("al1_value"),
                                 QStringLiteral("modbus_id"), QStringLiteral("modbus_baudrate")}));
    QCOMPARE(ConfigRestore::stepOf(*m_optris, *regs.at(0)), ConfigRestore::Step::Communication);
    QCOMPARE(ConfigRestore::stepOf(*m_optris, *regs.at(1)), ConfigRestore::Step::Values);
    QCOMPARE(ConfigRestore::stepOf(*m_optris, *regs.at(2)), ConfigRestore::Step::Modes);
}

void TestConfigRestore::restoresExactlyWhatDiffers()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    d.sim->setValue(QStringLiteral("emissivity"), 0.8);
    d.sim->setValue(QStringLiteral("avg_time"), 500);
    d.sim->setValue(QStringLiteral("laser"), 1);

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    // The enumeration (a mode) first, then the values in profile order; nothing else touched.
    QCOMPARE(written, (QStringList{QStringLiteral("laser"), QStringLiteral("emissivity"),
                                   QStringLiteral("avg_time")}));
    QString why;
    QVERIFY2(d.holds(*backup, &why), qPrintable(why));
    QCOMPARE(results->size(), backup->registers.size());
    for (const RestoreResult &r : *results) {
        if (written.contains(r.id)) {
            QCOMPARE(restoreStatusName(r.status), QStringLiteral("verified"));
            QCOMPARE(r.readBack, r.fileRaw);
            QVERIFY(r.sequence >= 1);
        } else {
            QCOMPARE(restoreStatusName(r.status), QStringLiteral("same"));
            QCOMPARE(r.sequence, 0);
        }
    }
    QCOMPARE(resultOf(*results, QStringLiteral("emissivity"))->deviceText, QStringLiteral("0.800"));
    QCOMPARE(resultOf(*results, QStringLiteral("emissivity"))->fileText, QStringLiteral("0.950"));
    QCOMPARE(resultOf(*results, QStringLiteral("laser"))->step, int(ConfigRestore::Step::Modes));
    QCOMPARE(resultOf(*results, QStringLiteral("avg_time"))->step, int(ConfigRestore::Step::Values));
}

void TestConfigRestore::nothingToWrite()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ct4m")));
    const auto backup = d.backup();
    QVERIFY(backup);
    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    QVERIFY(written.isEmpty());
    for (const RestoreResult &r : *results)
        QCOMPARE(r.status, RestoreStatus::Same);
}

void TestConfigRestore::fileInFahrenheitDeviceInCelsius()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    // The file: a device in °F with its own alarm values.
    QVERIFY(d.write(QStringLiteral("temp_unit"), QStringLiteral("°F")));
    QVERIFY(d.write(QStringLiteral("al1_value"), QStringLiteral("300")));
    QVERIFY(d.write(QStringLiteral("al2_value"), QStringLiteral("451")));
    const auto backup = d.backup();
    QVERIFY(backup);
    QCOMPARE(backup->entry(QStringLiteral("al1_value"))->unit, QStringLiteral("°F"));
    QCOMPARE(backup->entry(QStringLiteral("al1_value"))->raw, QList<quint16>{4000});
    // The device now: back in °C (it converts), and an alarm changed.
    QVERIFY(d.write(QStringLiteral("temp_unit"), QStringLiteral("°C")));
    QVERIFY(d.write(QStringLiteral("al3_value"), QStringLiteral("123.4")));
    QVERIFY(d.write(QStringLiteral("emissivity"), QStringLiteral("0.5")));

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    QVERIFY(!written.isEmpty());
    QCOMPARE(written.first(), QStringLiteral("temp_unit"));
    QCOMPARE(written.count(QStringLiteral("temp_unit")), 1);
    // Exact: every register holds the file's raw words, in °F.
    QString why;
    QVERIFY2(d.holds(*backup, &why), qPrintable(why));
    QCOMPARE(*d.sim->value(QStringLiteral("al1_value")), 300.0);
    QCOMPARE(*d.sim->value(QStringLiteral("al2_value")), 451.0);
    for (const RestoreResult &r : *results)
        QVERIFY2(!r.isFailure(), qPrintable(r.id + QLatin1Char(' ') + r.message));
    QCOMPARE(resultOf(*results, QStringLiteral("temp_unit"))->status, RestoreStatus::Verified);
    QCOMPARE(resultOf(*results, QStringLiteral("temp_unit"))->sequence, 1);
    QCOMPARE(resultOf(*results, QStringLiteral("al3_value"))->status, RestoreStatus::Verified);
    QCOMPARE(resultOf(*results, QStringLiteral("emissivity"))->status, RestoreStatus::Verified);
}

void TestConfigRestore::fileInCelsiusDeviceInFahrenheit()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup(); // factory state, °C
    QVERIFY(backup);
    QVERIFY(d.write(QStringLiteral("temp_unit"), QStringLiteral("°F")));
    QVERIFY(d.write(QStringLiteral("al4_value"), QStringLiteral("1000")));

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    QCOMPARE(written.first(), QStringLiteral("temp_unit"));
    // After the switch back the converted values equal the file's again: only the changed alarm is written.
    QCOMPARE(written, (QStringList{QStringLiteral("temp_unit"), QStringLiteral("al4_value")}));
    QString why;
    QVERIFY2(d.holds(*backup, &why), qPrintable(why));
    QCOMPARE(resultOf(*results, QStringLiteral("al1_value"))->status, RestoreStatus::Same);
    QVERIFY(
        !resultOf(*results, QStringLiteral("al1_value"))->message.isEmpty()); // same once the unit was set
}

void TestConfigRestore::neverWritesActions()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    auto backup = d.backup();
    QVERIFY(backup);
    // A hand-edited file that asks for a factory reset and an error-count reset.
    for (const char *id : {"set_default", "error_count_reset", "ir_dac_readout"}) {
        const RegisterDef *def = d.reg(QString::fromLatin1(id));
        QVERIFY(def && def->isAction);
        backup->registers.append(BackupEntry{def->id, def->name, def->table, def->address, {1}, 1.0, {}, {}});
    }
    d.sim->setValue(QStringLiteral("emissivity"), 0.7);
    const double errorCount = *d.sim->value(QStringLiteral("error_count"));
    QVERIFY(errorCount > 0);

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    QCOMPARE(written, QStringList{QStringLiteral("emissivity")});
    for (const char *id : {"set_default", "error_count_reset", "ir_dac_readout"}) {
        const RestoreResult *r = resultOf(*results, QString::fromLatin1(id));
        QVERIFY(r);
        QCOMPARE(r->status, RestoreStatus::Skipped);
        QVERIFY2(r->message.contains(QStringLiteral("action")), qPrintable(r->message));
    }
    QCOMPARE(*d.sim->value(QStringLiteral("error_count")), errorCount);
    QCOMPARE(*d.sim->value(QStringLiteral("emissivity")), 0.95);
}

void TestConfigRestore::communicationSettingsLast()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    d.sim->setValue(QStringLiteral("modbus_id"), 5); // the simulator keeps answering unit 1
    d.sim->setValue(QStringLiteral("modbus_baudrate"), 1);
    d.sim->setValue(QStringLiteral("transmission"), 0.9);
    d.sim->setValue(QStringLiteral("avg_mode"), 1);
    QVERIFY(d.write(QStringLiteral("temp_unit"), QStringLiteral("°F")));

    const auto rows = d.diff(*backup);
    const QStringList notes = ConfigRestore::notes(*m_optris, rows);
    QCOMPARE(notes.size(), 2);
    QVERIFY(notes.at(0).contains(QStringLiteral("Temp. unit")));
    QVERIFY(notes.at(1).contains(QStringLiteral("MODBUS-ID")) &&
            notes.at(1).contains(QStringLiteral("last")));

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    // Unit selector first, then the other mode; the device is read again, then the values; the communication
    // settings at the very end.
    QCOMPARE(written, (QStringList{QStringLiteral("temp_unit"), QStringLiteral("avg_mode"),
                                   QStringLiteral("transmission"), QStringLiteral("modbus_id"),
                                   QStringLiteral("modbus_baudrate")}));
    QCOMPARE(resultOf(*results, QStringLiteral("modbus_id"))->step, int(ConfigRestore::Step::Communication));
    QCOMPARE(resultOf(*results, QStringLiteral("modbus_id"))->status, RestoreStatus::Verified);
    QString why;
    QVERIFY2(d.holds(*backup, &why), qPrintable(why));
}

void TestConfigRestore::communicationHeldBackAfterAFailure()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    auto backup = d.backup();
    QVERIFY(backup);
    // A file whose emissivity is out of range (5.000): refused before the wire, and so the Modbus id stays.
    for (BackupEntry &e : backup->registers)
        if (e.id == QStringLiteral("emissivity"))
            e.raw = {5000};
    d.sim->setValue(QStringLiteral("modbus_id"), 5);
    d.sim->setValue(QStringLiteral("avg_time"), 100);

    QStringList written;
    const auto results = d.restore(*backup, &written);
    QVERIFY(results);
    QCOMPARE(written, QStringList{QStringLiteral("avg_time")});
    const RestoreResult *eps = resultOf(*results, QStringLiteral("emissivity"));
    QCOMPARE(eps->status, RestoreStatus::Error);
    QVERIFY2(isOneSentence(eps->message) && eps->message.contains(QStringLiteral("invalid")),
             qPrintable(eps->message));
    const RestoreResult *id = resultOf(*results, QStringLiteral("modbus_id"));
    QCOMPARE(id->status, RestoreStatus::NotWritten);
    QVERIFY2(isOneSentence(id->message), qPrintable(id->message));
    QCOMPARE(*d.sim->value(QStringLiteral("modbus_id")), 5.0);
    QCOMPARE(*d.sim->value(QStringLiteral("emissivity")), 0.95);
}

void TestConfigRestore::cancelStopsBeforeTheNextWrite()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    d.sim->setValue(QStringLiteral("emissivity"), 0.8);
    d.sim->setValue(QStringLiteral("transmission"), 0.8);
    d.sim->setValue(QStringLiteral("avg_time"), 800);

    QStringList written;
    auto c =
        connect(d.sim.get(), &DeviceSimulator::written, [&written](const QString &id) { written << id; });
    ConfigRestore restore(m_optris, d.model, d.access());
    connect(&restore, &ConfigRestore::progress, &restore, [&restore](int, int, const QString &sentence) {
        if (sentence.startsWith(QStringLiteral("Writing")))
            restore.cancel(); // during the first write: it is still reported, the others are not sent
    });
    const auto results = waitFor<QList<RestoreResult>>([&](auto done) {
        connect(&restore, &ConfigRestore::finished, &restore,
                [done](const QList<RestoreResult> &r) { done(r); });
        restore.start(*backup);
    });
    disconnect(c);
    QVERIFY(results);
    QCOMPARE(written, QStringList{QStringLiteral("emissivity")});
    QCOMPARE(resultOf(*results, QStringLiteral("emissivity"))->status, RestoreStatus::Verified);
    for (const char *id : {"transmission", "avg_time"}) {
        const RestoreResult *r = resultOf(*results, QString::fromLatin1(id));
        QCOMPARE(r->status, RestoreStatus::NotWritten);
        QVERIFY(r->message.contains(QStringLiteral("Cancelled")));
    }
    QVERIFY(!restore.isRunning());
}

void TestConfigRestore::deviceGoneIsReportedPerRegister()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    d.sim->close();
    const auto results = d.restore(*backup);
    QVERIFY(results); // answered, not hung
    QCOMPARE(results->size(), backup->registers.size());
    for (const RestoreResult &r : *results) {
        QCOMPARE(r.status, RestoreStatus::Skipped);
        QVERIFY2(r.message.startsWith(QStringLiteral("It could not be read")), qPrintable(r.message));
    }
}

void TestConfigRestore::throughThePoller()
{
    // The GUI's way: reads and writes queued with the polling of a DeviceSession.
    QString error;
    auto session = DeviceSession::simulated(m_optris, QStringLiteral("ctlt"), &error);
    QVERIFY2(session, qPrintable(error));
    session->start();
    QTRY_COMPARE_WITH_TIMEOUT(session->poller()->state(), DevicePoller::State::Connected, 5000);
    DeviceSimulator *sim = session->simulator();
    const DeviceAccess access = DeviceAccess::over(session->poller());

    const auto captured = waitFor<ConfigBackup>([&](auto done) {
        ConfigBackup::capture(access, session->profilePtr(), session->model(), session->settings().describe(),
                              [done](const ConfigBackup &b, const QStringList &) { done(b); });
    });
    QVERIFY(captured);
    QCOMPARE(captured->registers.size(),
             ConfigBackup::backupRegisters(*m_optris, QStringLiteral("ctlt")).size());
    sim->setValue(QStringLiteral("emissivity"), 0.6);
    sim->setValue(QStringLiteral("al2_value"), 222);
    QStringList written;
    connect(sim, &DeviceSimulator::written, [&written](const QString &id) { written << id; });
    sim->setValue(QStringLiteral("temp_unit"), 1); // converted at the simulator's next tick
    QTest::qWait(300);

    ConfigRestore restore(session->profilePtr(), session->model(), access);
    const auto results = waitFor<QList<RestoreResult>>(
        [&](auto done) {
            connect(&restore, &ConfigRestore::finished, &restore,
                    [done](const QList<RestoreResult> &r) { done(r); });
            restore.start(*captured);
        },
        30000);
    QVERIFY(results);
    QCOMPARE(written, (QStringList{QStringLiteral("temp_unit"), QStringLiteral("emissivity"),
                                   QStringLiteral("al2_value")}));
    for (const BackupEntry &e : captured->registers)
        QCOMPARE(sim->words(*m_optris->findById(e.id, QStringLiteral("ctlt"))), e.raw);
    // The poller's own readings follow the writes (read back through it).
    QCOMPARE(session->poller()->reading(QStringLiteral("emissivity"))->raw, QList<quint16>{950});
}

QTEST_GUILESS_MAIN(TestConfigRestore)
#include "tst_configrestore.moc"
