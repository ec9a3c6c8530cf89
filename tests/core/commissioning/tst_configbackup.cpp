// ConfigBackup against the Optris CT simulator on 127.0.0.1: what a backup holds, its file format, the diff,
// and the refusals. Expected values come from the simulator and the profile, never from ConfigBackup.
#include "SimulatedDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrolink;
using namespace pyrolink::test;

class TestConfigBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void holdsEveryWritableRegister_data();
    void holdsEveryWritableRegister();
    void fileRoundTrip();
    void diffShowsExactlyTheChanges();
    void corruptedFileNamesTheField_data();
    void corruptedFileNamesTheField();
    void unreadableFileIsOneSentence();
    void otherProfileIsRefused();
    void otherModelOnlyWithForce();
    void entriesTheModelLacksAreMissing();

private:
    std::shared_ptr<const Profile> m_optris;
};

void TestConfigBackup::initTestCase()
{
    m_optris = optrisProfile();
    QVERIFY(m_optris);
}

void TestConfigBackup::holdsEveryWritableRegister_data()
{
    QTest::addColumn<QString>("model");
    for (const ModelDef &m : m_optris->models)
        QTest::newRow(qPrintable(m.id)) << m.id;
}

void TestConfigBackup::holdsEveryWritableRegister()
{
    QFETCH(QString, model);
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, model));
    QStringList skipped;
    const auto backup = d.backup(&skipped);
    QVERIFY(backup);
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(QLatin1Char('\n'))));

    // Every holding register of the model that is not read-only and not an action, in profile order.
    QStringList expected;
    for (const RegisterDef *def : m_optris->registersFor(model))
        if (def->table == Table::Holding && def->access == Access::ReadWrite && !def->isAction)
            expected << def->id;
    QStringList ids;
    for (const BackupEntry &e : backup->registers) {
        ids << e.id;
        const RegisterDef *def = d.reg(e.id);
        QVERIFY(def);
        QCOMPARE(e.raw, d.sim->words(*def));
        QCOMPARE(e.table, def->table);
        QCOMPARE(e.address, def->address);
        if (def->isNumeric())
            QCOMPARE(e.value, d.sim->value(*def));
    }
    QCOMPARE(ids, expected);
    QVERIFY(!ids.contains(QStringLiteral("set_default")));
    QVERIFY(!ids.contains(QStringLiteral("error_count_reset")));

    QCOMPARE(backup->profileId, QStringLiteral("optris-ct"));
    QCOMPARE(backup->model, model);
    QCOMPARE(backup->serial(), QString::number(qint64(*d.sim->value(QStringLiteral("serial_number")))));
    QVERIFY(!backup->identity.value(QStringLiteral("firmware")).isEmpty());
    QCOMPARE(backup->connection, QStringLiteral("127.0.0.1:%1 unit 1").arg(d.sim->port()));
    QVERIFY(std::abs(backup->created.secsTo(QDateTime::currentDateTimeUtc())) < 10);
    QCOMPARE(backup->entry(QStringLiteral("emissivity"))->raw, QList<quint16>{950});
    QCOMPARE(backup->entry(QStringLiteral("temp_unit"))->label, QStringLiteral("°C"));
}

void TestConfigBackup::fileRoundTrip()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ct.json"));
    QString error;
    QVERIFY2(backup->save(path, &error), qPrintable(error));
    const auto back = ConfigBackup::load(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->format, ConfigBackup::kFormat);
    QCOMPARE(back->created, backup->created);
    QCOMPARE(back->pyrolinkVersion, QStringLiteral(PYROLINK_VERSION));
    QCOMPARE(back->profileId, backup->profileId);
    QCOMPARE(back->model, backup->model);
    QCOMPARE(back->identity, backup->identity);
    QCOMPARE(back->connection, backup->connection);
    QCOMPARE(back->registers.size(), backup->registers.size());
    for (qsizetype i = 0; i < back->registers.size(); ++i) {
        const BackupEntry &a = backup->registers.at(i), &b = back->registers.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.raw, a.raw);
        QCOMPARE(b.unit, a.unit);
        QCOMPARE(b.label, a.label);
        QVERIFY(std::isnan(a.value) ? std::isnan(b.value) : b.value == a.value);
    }
    // A words block keeps its words, and says them in hex where the value would be.
    const QJsonObject root = QJsonDocument::fromJson(backup->toJsonBytes()).object();
    bool sawWords = false;
    for (const QJsonValue &v : root.value(QStringLiteral("registers")).toArray()) {
        if (v[QStringLiteral("id")] == QStringLiteral("head_code_block1")) {
            sawWords = true;
            QVERIFY(v[QStringLiteral("value")].toString().startsWith(QStringLiteral("0x")));
            QCOMPARE(v[QStringLiteral("raw")].toArray().size(), 2);
        }
    }
    QVERIFY(sawWords);
    QCOMPARE(root.value(QStringLiteral("device"))[QStringLiteral("serial")].toString(), backup->serial());
}

void TestConfigBackup::diffShowsExactlyTheChanges()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    d.sim->setValue(QStringLiteral("emissivity"), 0.8);
    d.sim->setValue(QStringLiteral("avg_time"), 500);
    d.sim->setValue(QStringLiteral("al1_value"), 150);

    const QList<DiffRow> rows = d.diff(*backup);
    QCOMPARE(rows.size(), backup->registers.size());
    QStringList different;
    for (const DiffRow &row : rows) {
        QVERIFY2(row.state != DiffState::Missing, qPrintable(row.id + QLatin1Char(' ') + row.note));
        if (row.state == DiffState::Different)
            different << row.id;
        else
            QCOMPARE(row.deviceRaw, row.entry->raw);
    }
    QCOMPARE(different, (QStringList{QStringLiteral("emissivity"), QStringLiteral("avg_time"),
                                     QStringLiteral("al1_value")}));
    const DiffRow &eps =
        rows.at(int(std::find_if(rows.begin(), rows.end(),
                                 [](const DiffRow &r) { return r.id == QStringLiteral("emissivity"); }) -
                    rows.begin()));
    QCOMPARE(eps.deviceText, QStringLiteral("0.800"));
    QCOMPARE(eps.fileText, QStringLiteral("0.950"));
    QCOMPARE(eps.deviceRaw, QList<quint16>{800});
    for (const DiffRow &row : rows) {
        if (row.id == QStringLiteral("al1_value")) {
            QCOMPARE(row.deviceText + QLatin1Char(' ') + row.deviceUnit, QStringLiteral("150.0 °C"));
            QCOMPARE(row.fileText + QLatin1Char(' ') + row.fileUnit, QStringLiteral("100.0 °C"));
        }
    }
}

void TestConfigBackup::corruptedFileNamesTheField_data()
{
    QTest::addColumn<QString>("field");    // what is broken: the expected JSON path in the message
    QTest::addColumn<QString>("onLine");   // text the named line must contain
    QTest::addColumn<QString>("fragment"); // part of the message

    QTest::newRow("raw not a list") << QStringLiteral("registers[1].raw") << QStringLiteral("\"raw\"")
                                    << QStringLiteral("whole numbers");
    QTest::newRow("raw out of range")
        << QStringLiteral("registers[2].raw") << QStringLiteral("\"raw\"") << QStringLiteral("65535");
    QTest::newRow("raw missing") << QStringLiteral("registers[3].raw") << QString()
                                 << QStringLiteral("is required");
    QTest::newRow("table") << QStringLiteral("registers[0].table") << QStringLiteral("\"table\"")
                           << QStringLiteral("holding");
    QTest::newRow("address") << QStringLiteral("registers[4].address") << QStringLiteral("\"address\"")
                             << QStringLiteral("65535");
    QTest::newRow("duplicate id") << QStringLiteral("registers[5].id") << QStringLiteral("\"id\"")
                                  << QStringLiteral("twice");
    QTest::newRow("format") << QStringLiteral("format") << QStringLiteral("\"format\"")
                            << QStringLiteral("newer");
    QTest::newRow("kind") << QStringLiteral("kind") << QStringLiteral("\"kind\"")
                          << QStringLiteral("not a Pyrolink backup");
    QTest::newRow("profile") << QStringLiteral("profile") << QString() << QStringLiteral("is required");
    QTest::newRow("created") << QStringLiteral("created") << QStringLiteral("\"created\"")
                             << QStringLiteral("ISO 8601");
}

void TestConfigBackup::corruptedFileNamesTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, onLine);
    QFETCH(QString, fragment);

    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    QJsonObject root = backup->toJson();
    QJsonArray regs = root.value(QStringLiteral("registers")).toArray();
    auto edit = [&regs](int i, const QString &key, const QJsonValue &v) {
        QJsonObject o = regs.at(i).toObject();
        if (v.isUndefined())
            o.remove(key);
        else
            o.insert(key, v);
        regs.replace(i, o);
    };
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    if (tag == QLatin1String("raw not a list"))
        edit(1, QStringLiteral("raw"), QStringLiteral("950"));
    else if (tag == QLatin1String("raw out of range"))
        edit(2, QStringLiteral("raw"), QJsonArray{70000});
    else if (tag == QLatin1String("raw missing"))
        edit(3, QStringLiteral("raw"), QJsonValue(QJsonValue::Undefined));
    else if (tag == QLatin1String("table"))
        edit(0, QStringLiteral("table"), QStringLiteral("attic"));
    else if (tag == QLatin1String("address"))
        edit(4, QStringLiteral("address"), 70000);
    else if (tag == QLatin1String("duplicate id"))
        edit(5, QStringLiteral("id"), regs.at(0)[QStringLiteral("id")]);
    else if (tag == QLatin1String("format"))
        root.insert(QStringLiteral("format"), 2);
    else if (tag == QLatin1String("kind"))
        root.insert(QStringLiteral("kind"), QStringLiteral("optris-profile"));
    else if (tag == QLatin1String("profile"))
        root.remove(QStringLiteral("profile"));
    else if (tag == QLatin1String("created"))
        root.insert(QStringLiteral("created"), QStringLiteral("yesterday"));
    root.insert(QStringLiteral("registers"), regs);
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);

    QString error;
    QVERIFY(!ConfigBackup::fromJson(text, QStringLiteral("ct.json"), &error));
    QVERIFY2(isOneSentence(error), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral(": %1: ").arg(field)), qPrintable(error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
    // "ct.json:LINE: ...": the line is where the field is (or its object starts, when it is missing).
    QVERIFY2(error.startsWith(QStringLiteral("ct.json:")), qPrintable(error));
    const int line = error.section(QLatin1Char(':'), 1, 1).toInt();
    QVERIFY2(line >= 1, qPrintable(error));
    if (!onLine.isEmpty())
        QVERIFY2(
            text.split('\n').value(line - 1).contains(onLine.toUtf8()),
            qPrintable(error + QStringLiteral(" / ") + QString::fromUtf8(text.split('\n').value(line - 1))));
}

void TestConfigBackup::unreadableFileIsOneSentence()
{
    QString error;
    QVERIFY(!ConfigBackup::load(QStringLiteral("/nonexistent/ct.json"), &error));
    QVERIFY2(isOneSentence(error) && error.contains(QStringLiteral("/nonexistent/ct.json")),
             qPrintable(error));
    QVERIFY(!ConfigBackup::fromJson("{ \"kind\": ", QStringLiteral("cut.json"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cut.json:1: the file is not valid JSON")), qPrintable(error));
    QVERIFY(!ConfigBackup::fromJson("[1, 2]", QStringLiteral("list.json"), &error));
    QVERIFY2(isOneSentence(error.section(QLatin1Char(':'), 2).trimmed()), qPrintable(error));
}

void TestConfigBackup::otherProfileIsRefused()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    QString error;
    const auto cn9600 = ProfileLoader::loadFile(QStringLiteral(":/profiles/cn9600.json"), &error);
    QVERIFY2(cn9600, qPrintable(error));
    for (bool force : {false, true}) {
        const QString refusal = backup->checkTarget(*cn9600, cn9600->defaultModel(), force);
        QVERIFY2(isOneSentence(refusal), qPrintable(refusal));
        QVERIFY(refusal.contains(QStringLiteral("optris-ct")) && refusal.contains(QStringLiteral("cn9600")));
    }
    QVERIFY(backup->checkTarget(*m_optris, QStringLiteral("ctlt"), false).isEmpty());
}

void TestConfigBackup::otherModelOnlyWithForce()
{
    SimulatedDevice d;
    QVERIFY(d.start(m_optris, QStringLiteral("ctlt")));
    const auto backup = d.backup();
    QVERIFY(backup);
    const QString refusal = backup->checkTarget(*m_optris, QStringLiteral("ctratio"), false);
    QVERIFY2(isOneSentence(refusal), qPrintable(refusal));
    QVERIFY(refusal.contains(QStringLiteral("ctlt")) && refusal.contains(QStringLiteral("ctratio")));
    QVERIFY(backup->checkTarget(*m_optris, QStringLiteral("ctratio"), true).isEmpty());
}

void TestConfigBackup::entriesTheModelLacksAreMissing()
{
    SimulatedDevice lt;
    QVERIFY(lt.start(m_optris, QStringLiteral("ctlt")));
    auto backup = lt.backup();
    QVERIFY(backup);
    // A hand-made entry for an action register: shown, never restorable.
    const RegisterDef *setDefault = lt.reg(QStringLiteral("set_default"));
    backup->registers.append(BackupEntry{
        setDefault->id, setDefault->name, setDefault->table, setDefault->address, {1}, 1.0, {}, {}});

    SimulatedDevice ratio;
    QVERIFY(ratio.start(m_optris, QStringLiteral("ctratio")));
    const QList<DiffRow> rows = ratio.diff(*backup);
    auto row = [&rows](const QString &id) -> const DiffRow * {
        for (const DiffRow &r : rows)
            if (r.id == id)
                return &r;
        return nullptr;
    };
    QVERIFY(row(QStringLiteral("peak_hold_time")));
    QCOMPARE(row(QStringLiteral("peak_hold_time"))->state, DiffState::Missing);
    QCOMPARE(row(QStringLiteral("peak_hold_time"))->note,
             QStringLiteral("Model ctratio has no such register."));
    QVERIFY(row(QStringLiteral("transmission2")));
    QCOMPARE(row(QStringLiteral("transmission2"))->state, DiffState::Missing);
    QCOMPARE(row(QStringLiteral("transmission2"))->note, QStringLiteral("The file does not have it."));
    QCOMPARE(row(QStringLiteral("set_default"))->state, DiffState::Missing);
    QVERIFY(row(QStringLiteral("set_default"))->note.contains(QStringLiteral("action")));
    QCOMPARE(row(QStringLiteral("emissivity"))->state, DiffState::Same);
}

QTEST_GUILESS_MAIN(TestConfigBackup)
#include "tst_configbackup.moc"
