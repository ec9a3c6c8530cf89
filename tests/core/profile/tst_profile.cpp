// Tests of Profile: registers per model, lookup by id and address, unit selectors.
// Uses the shipped optris-ct profile, where one address means different registers on different models.
#include "profile/Profile.h"
#include "profile/ProfileLoader.h"

#include <QtTest>

using namespace pyrolink;

namespace {

QStringList idsOf(const QList<const RegisterDef *> &regs)
{
    QStringList out;
    for (const auto *r : regs)
        out << r->id;
    return out;
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void models();
    void registersForSmallProfile();
    void registersForOptris();
    void find_data();
    void find();
    void findHoldingBeforeInput();
    void findAt();
    void groups();
    void unitSelectorFor();

private:
    std::shared_ptr<const Profile> m_ct;
    std::shared_ptr<const Profile> m_small;
};

void TestProfile::initTestCase()
{
    QString error;
    m_ct = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_ct, qPrintable(error));

    m_small = ProfileLoader::loadData(R"({
  "format": 1, "id": "small", "name": "Small",
  "models": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }, { "id": "c", "name": "C" }],
  "registers": [
    { "id": "common", "name": "Common", "table": "holding", "address": 1 },
    { "id": "only_a", "name": "Only A", "table": "holding", "address": 2, "models": ["a"] },
    { "id": "a_and_b", "name": "A and B", "table": "holding", "address": 3, "models": ["a", "b"] },
    { "id": "only_c", "name": "Only C", "table": "holding", "address": 2, "models": ["c"] },
    { "id": "in5", "name": "Input 5", "table": "input", "address": 5 },
    { "id": "hold5", "name": "Holding 5", "table": "holding", "address": 5 },
    { "id": "coil5", "name": "Coil 5", "table": "coil", "address": 5 },
    { "id": "di7", "name": "DI 7", "table": "discrete_input", "address": 7 },
    { "id": "in7", "name": "Input 7", "table": "input", "address": 7 }
  ]
})",
                                      QStringLiteral("small.json"), &error);
    QVERIFY2(m_small, qPrintable(error));
}

void TestProfile::models()
{
    QCOMPARE(m_ct->defaultModel(), QStringLiteral("ctlt"));
    for (const char *m : {"ctlt", "ctxm", "ctratio", "ct4m"})
        QVERIFY2(m_ct->hasModel(QString::fromLatin1(m)), m);
    QVERIFY(!m_ct->hasModel(QStringLiteral("ct5m")));
    QVERIFY(!m_ct->hasModel(QString()));
    QVERIFY(m_ct->model(QStringLiteral("ct4m")));
    QCOMPARE(m_ct->model(QStringLiteral("ct4m"))->id, QStringLiteral("ct4m"));
    QVERIFY(!m_ct->model(QStringLiteral("nope")));
    // A profile without models has the implicit model "".
    Profile none;
    QCOMPARE(none.defaultModel(), QString());
}

void TestProfile::registersForSmallProfile()
{
    QCOMPARE(idsOf(m_small->registersFor(QStringLiteral("a"))),
             (QStringList{QStringLiteral("common"), QStringLiteral("only_a"), QStringLiteral("a_and_b"),
                          QStringLiteral("in5"), QStringLiteral("hold5"), QStringLiteral("coil5"),
                          QStringLiteral("di7"), QStringLiteral("in7")}));
    QCOMPARE(idsOf(m_small->registersFor(QStringLiteral("b"))),
             (QStringList{QStringLiteral("common"), QStringLiteral("a_and_b"), QStringLiteral("in5"),
                          QStringLiteral("hold5"), QStringLiteral("coil5"), QStringLiteral("di7"),
                          QStringLiteral("in7")}));
    QCOMPARE(idsOf(m_small->registersFor(QStringLiteral("c"))),
             (QStringList{QStringLiteral("common"), QStringLiteral("only_c"), QStringLiteral("in5"),
                          QStringLiteral("hold5"), QStringLiteral("coil5"), QStringLiteral("di7"),
                          QStringLiteral("in7")}));
    // No model named: every register, in profile order.
    QCOMPARE(m_small->registersFor(QString()).size(), m_small->registers.size());
    QCOMPARE(m_small->registersFor(QString()).first(), &m_small->registers.first());
}

void TestProfile::registersForOptris()
{
    const QStringList ctlt = idsOf(m_ct->registersFor(QStringLiteral("ctlt")));
    const QStringList ctxm = idsOf(m_ct->registersFor(QStringLiteral("ctxm")));
    const QStringList ctratio = idsOf(m_ct->registersFor(QStringLiteral("ctratio")));
    const QStringList ct4m = idsOf(m_ct->registersFor(QStringLiteral("ct4m")));

    // Registers without a model comment in the seed: on every model.
    for (const QStringList &ids : {ctlt, ctxm, ctratio, ct4m})
        for (const char *id :
             {"emissivity", "transmission", "temp_process", "serial_number", "avg_mode", "temp_unit"})
            QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    // Only CTLT: peak hold time at 10015; only CTratio and CT4M: smart threshold at 10015.
    QVERIFY(ctlt.contains(QStringLiteral("peak_hold_time")));
    QVERIFY(!ctlt.contains(QStringLiteral("smart_threshold")));
    QVERIFY(ctratio.contains(QStringLiteral("smart_threshold")));
    QVERIFY(!ctratio.contains(QStringLiteral("peak_hold_time")));
    QVERIFY(ct4m.contains(QStringLiteral("smart_threshold")));
    QVERIFY(!ctxm.contains(QStringLiteral("peak_hold_time")) &&
            !ctxm.contains(QStringLiteral("smart_threshold")));
    // Only CTratio.
    QVERIFY(ctratio.contains(QStringLiteral("temp_ratio")));
    QVERIFY(!ct4m.contains(QStringLiteral("temp_ratio")));
    QVERIFY(!ctlt.contains(QStringLiteral("temp_ratio")));
    // Every register listed for a model applies to it, and no register appears twice.
    QCOMPARE(m_ct->models.size(), 4);
    for (const ModelDef &m : m_ct->models) {
        const QString &model = m.id;
        const auto regs = m_ct->registersFor(model);
        QStringList seen;
        for (const auto *r : regs) {
            QVERIFY2(r->models.isEmpty() || r->models.contains(model), qPrintable(r->id));
            QVERIFY2(!seen.contains(r->id), qPrintable(r->id));
            seen << r->id;
        }
    }
    QCOMPARE(m_ct->registersFor(QString()).size(), m_ct->registers.size());
}

void TestProfile::find_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("expectedId"); // empty: not found

    const QString ctlt = QStringLiteral("ctlt"), ctxm = QStringLiteral("ctxm"),
                  ctratio = QStringLiteral("ctratio"), ct4m = QStringLiteral("ct4m");
    // By id.
    QTest::newRow("id emissivity ctlt")
        << QStringLiteral("emissivity") << ctlt << QStringLiteral("emissivity");
    QTest::newRow("id smart_threshold ctratio")
        << QStringLiteral("smart_threshold") << ctratio << QStringLiteral("smart_threshold");
    QTest::newRow("id smart_threshold not on ctlt") << QStringLiteral("smart_threshold") << ctlt << QString();
    QTest::newRow("id peak_hold_time not on ct4m") << QStringLiteral("peak_hold_time") << ct4m << QString();
    QTest::newRow("unknown id") << QStringLiteral("emisivity") << ctlt << QString();
    // By decimal address.
    QTest::newRow("10010 ctlt") << QStringLiteral("10010") << ctlt << QStringLiteral("emissivity");
    QTest::newRow("1020 input") << QStringLiteral("1020") << ctratio << QStringLiteral("temp_process");
    QTest::newRow("10015 ctlt") << QStringLiteral("10015") << ctlt << QStringLiteral("peak_hold_time");
    QTest::newRow("10015 ctratio") << QStringLiteral("10015") << ctratio << QStringLiteral("smart_threshold");
    QTest::newRow("10015 ct4m") << QStringLiteral("10015") << ct4m << QStringLiteral("smart_threshold");
    QTest::newRow("10015 ctxm: none") << QStringLiteral("10015") << ctxm << QString();
    QTest::newRow("10016 ctlt") << QStringLiteral("10016") << ctlt << QStringLiteral("valley_hold_time");
    QTest::newRow("10016 ct4m") << QStringLiteral("10016") << ct4m << QStringLiteral("hold_time");
    QTest::newRow("1050 ctlt") << QStringLiteral("1050") << ctlt << QStringLiteral("f1_mv");
    QTest::newRow("1050 ctratio") << QStringLiteral("1050") << ctratio << QStringLiteral("io1_mv");
    // By 0x-hex address: 10015 = 0x271F, 10010 = 0x271A.
    QTest::newRow("0x271F ctlt") << QStringLiteral("0x271F") << ctlt << QStringLiteral("peak_hold_time");
    QTest::newRow("0x271f ctratio") << QStringLiteral("0x271f") << ctratio
                                    << QStringLiteral("smart_threshold");
    QTest::newRow("0X271A") << QStringLiteral("0X271A") << ct4m << QStringLiteral("emissivity");
    // Only the first address of a 32-bit register finds it.
    QTest::newRow("1010 serial") << QStringLiteral("1010") << ctlt << QStringLiteral("serial_number");
    // Nothing there, or not an address.
    QTest::newRow("unused address") << QStringLiteral("10003") << ctlt << QString();
    QTest::newRow("address too big") << QStringLiteral("75546") << ctlt
                                     << QString(); // 75546 & 0xFFFF = 10010
    QTest::newRow("hex too big") << QStringLiteral("0x1271A") << ctlt << QString();
    QTest::newRow("bad hex") << QStringLiteral("0xZZ") << ctlt << QString();
    QTest::newRow("negative") << QStringLiteral("-1") << ctlt << QString();
    QTest::newRow("empty") << QString() << ctlt << QString();
}

void TestProfile::find()
{
    QFETCH(QString, key);
    QFETCH(QString, model);
    QFETCH(QString, expectedId);
    const RegisterDef *r = m_ct->find(key, model);
    QCOMPARE(r ? r->id : QString(), expectedId);
}

void TestProfile::findHoldingBeforeInput()
{
    // The documented order for a bare address: holding, input, coil, discrete input.
    QCOMPARE(m_small->find(QStringLiteral("5"), QStringLiteral("a"))->id, QStringLiteral("hold5"));
    QCOMPARE(m_small->find(QStringLiteral("7"), QStringLiteral("a"))->id, QStringLiteral("in7"));
    // The model chooses between two registers at one address.
    QCOMPARE(m_small->find(QStringLiteral("2"), QStringLiteral("a"))->id, QStringLiteral("only_a"));
    QCOMPARE(m_small->find(QStringLiteral("2"), QStringLiteral("c"))->id, QStringLiteral("only_c"));
    QVERIFY(!m_small->find(QStringLiteral("2"), QStringLiteral("b")));
}

void TestProfile::findAt()
{
    QCOMPARE(m_small->findAt(Table::Input, 5, QString())->id, QStringLiteral("in5"));
    QCOMPARE(m_small->findAt(Table::Coil, 5, QString())->id, QStringLiteral("coil5"));
    QCOMPARE(m_small->findAt(Table::DiscreteInput, 7, QString())->id, QStringLiteral("di7"));
    QVERIFY(!m_small->findAt(Table::DiscreteInput, 5, QString()));
    QCOMPARE(m_ct->findAt(Table::Holding, 10015, QStringLiteral("ctlt"))->id,
             QStringLiteral("peak_hold_time"));
    QVERIFY(!m_ct->findAt(Table::Input, 10015, QStringLiteral("ctlt")));
    // The second word of the serial number is not a register of its own.
    QVERIFY(!m_ct->findAt(Table::Input, 1011, QStringLiteral("ctlt")));
}

void TestProfile::groups()
{
    QVERIFY(m_ct->group(QStringLiteral("emissivity")));
    QCOMPARE(m_ct->group(QStringLiteral("emissivity"))->id, QStringLiteral("emissivity"));
    QVERIFY(!m_ct->group(QStringLiteral("nope")));
    QCOMPARE(m_ct->identity.value(QStringLiteral("serial")), QStringLiteral("serial_number"));
}

void TestProfile::unitSelectorFor()
{
    // Temp. unit (10053): 0 = °C, 1 = °F switches every register shown in °C.
    const UnitSelector *s = m_ct->unitSelectorFor(QStringLiteral("°C"));
    QVERIFY(s);
    QCOMPARE(s->registerId, QStringLiteral("temp_unit"));
    QCOMPARE(s->replaces, QStringLiteral("°C"));
    QCOMPARE(s->units.value(0), QStringLiteral("°C"));
    QCOMPARE(s->units.value(1), QStringLiteral("°F"));
    QVERIFY(m_ct->findById(s->registerId, m_ct->defaultModel()));
    QVERIFY(!m_ct->unitSelectorFor(QStringLiteral("mV")));
    QVERIFY(!m_ct->unitSelectorFor(QStringLiteral("°F")));
    QVERIFY(!m_ct->unitSelectorFor(QString()));
    QVERIFY(!m_small->unitSelectorFor(QStringLiteral("°C")));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
