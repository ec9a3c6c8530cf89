// Tests of ProfileLoader: the shipped profiles load, and every mistake in a profile gives one sentence that
// names the file, the line and the field (docs/profiles.md, "When a profile is wrong").
#include "profile/ProfileLoader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace pyrolink;

namespace {

const QString kFile = QStringLiteral("some/folder/my-device.json");
const QString kShown = QStringLiteral("my-device.json");

/// A profile with three models (a, b, c) and one group (g). Each entry of `top` is one line inserted after
/// the groups line (line 6); registers[i] then starts on line 8 + top.size() + (lines taken by the registers
/// before).
QByteArray profileWith(const QList<QByteArray> &registers, const QList<QByteArray> &top = {})
{
    QByteArray json =
        "{\n"                            // 1
        "  \"format\": 1,\n"             // 2
        "  \"id\": \"test-device\",\n"   // 3
        "  \"name\": \"Test device\",\n" // 4
        "  \"models\": [{ \"id\": \"a\", \"name\": \"A\" }, { \"id\": \"b\", \"name\": \"B\" }, "
        "{ \"id\": \"c\", \"name\": \"C\" }],\n"                 // 5
        "  \"groups\": [{ \"id\": \"g\", \"name\": \"G\" }],\n"; // 6
    for (const QByteArray &line : top)
        json += "  " + line + ",\n";
    json += "  \"registers\": [\n"; // 7 (+ top)
    for (int i = 0; i < registers.size(); ++i)
        json += "    " + registers.at(i) + (i + 1 < registers.size() ? ",\n" : "\n");
    json += "  ]\n}\n";
    return json;
}

QString prefix(int line, const char *field)
{
    return field ? QStringLiteral("%1:%2: %3: ").arg(kShown).arg(line).arg(QString::fromLatin1(field))
                 : QStringLiteral("%1:%2: ").arg(kShown).arg(line);
}

bool isOneSentence(const QString &s)
{
    return !s.isEmpty() && s.endsWith(QLatin1Char('.')) && !s.contains(QLatin1Char('\n')) &&
           !s.chopped(1).contains(QLatin1String(". "));
}

std::shared_ptr<const Profile> load(const QByteArray &json)
{
    QString error;
    auto p = ProfileLoader::loadData(json, kFile, &error);
    if (!p)
        qWarning("%s", qPrintable(error));
    return p;
}

} // namespace

class TestProfileLoader : public QObject
{
    Q_OBJECT

private slots:
    void shippedProfilesLoad_data();
    void shippedProfilesLoad();
    void shippedProfilesAreListed();
    void malformed_data();
    void malformed();
    void allowedWhenModelsDoNotOverlap();
    void hexAddress();
    void defaults();
    void defaultWordOrderWithoutDefaults();
    void loadFileNamesTheFile();
    void unreadableFile();
};

void TestProfileLoader::shippedProfilesLoad_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(":/profiles"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestProfileLoader::shippedProfilesLoad()
{
    QFETCH(QString, path);
    QString error;
    const auto p = ProfileLoader::loadFile(path, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(p->sourcePath, path);
    QVERIFY(!p->id.isEmpty());
    QVERIFY(!p->name.isEmpty());
    QVERIFY(!p->registers.isEmpty());
    for (const auto &r : p->registers)
        QVERIFY2(r.sourceLine > 1, qPrintable(r.id));
}

void TestProfileLoader::shippedProfilesAreListed()
{
    const QStringList files =
        QDir(QStringLiteral(":/profiles")).entryList({QStringLiteral("*.json")}, QDir::Files);
    // One profile per seed register list.
    for (const char *f :
         {"optris-ct.json", "cn9600.json", "apar-ar653.json", "contactor-module.json", "data-recorder.json"})
        QVERIFY2(files.contains(QString::fromLatin1(f)), f);
}

void TestProfileLoader::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("prefixes"); // any one of them: "file:line: field: "
    QTest::addColumn<QString>("hint");         // the message also names this

    const QByteArray r1 = R"({ "id": "r1", "name": "R1", "table": "holding", "address": 1 })";
    const QByteArray r2 = R"({ "id": "r2", "name": "R2", "table": "holding", "address": 2 })";

    QTest::newRow("JSON: unquoted hex")
        << QByteArray("{\n"
                      "  \"format\": 1,\n"
                      "  \"id\": \"test-device\",\n"
                      "  \"name\": \"Test device\",\n"
                      "  \"registers\": [\n"
                      "    { \"id\": \"r1\", \"name\": \"R1\", \"table\": \"holding\",\n"
                      "      \"address\": 0x10 }\n"
                      "  ]\n"
                      "}\n")
        << QStringList{prefix(7, nullptr) + QStringLiteral("not valid JSON")} << QString();
    QTest::newRow("JSON: wrong bracket")
        << QByteArray("{\n"
                      "  \"format\": 1,\n"
                      "  \"registers\": [\n"
                      "    { \"id\": \"r1\" ],\n"
                      "  \"id\": \"test-device\"\n"
                      "}\n")
        << QStringList{prefix(4, nullptr) + QStringLiteral("not valid JSON")} << QString();
    QTest::newRow("JSON: empty file") << QByteArray() << QStringList{prefix(1, nullptr)} << QString();
    QTest::newRow("JSON: an array") << QByteArray("[\n]\n") << QStringList{prefix(1, nullptr)} << QString();

    QTest::newRow("missing register id")
        << profileWith({r1, R"({ "name": "R2", "table": "holding", "address": 2 })"})
        << QStringList{prefix(9, "registers[1].id")} << QString();
    QTest::newRow("bad table") << profileWith(
                                      {R"({ "id": "r1", "name": "R1", "table": "holdings", "address": 1 })"})
                               << QStringList{prefix(8, "registers[0].table")} << QString();
    QTest::newRow("address 70000")
        << profileWith({r1, r2, R"({ "id": "r3", "name": "R3", "table": "holding", "address": 70000 })"})
        << QStringList{prefix(10, "registers[2].address")} << QStringLiteral("65535");
    QTest::newRow("address 0xZZ")
        << profileWith({R"({ "id": "r1", "name": "R1", "table": "holding", "address": "0xZZ" })"})
        << QStringList{prefix(8, "registers[0].address")} << QString();
    QTest::newRow("address negative")
        << profileWith({R"({ "id": "r1", "name": "R1", "table": "holding", "address": -1 })"})
        << QStringList{prefix(8, "registers[0].address")} << QString();
    QTest::newRow("address 1.5")
        << profileWith({R"({ "id": "r1", "name": "R1", "table": "holding", "address": 1.5 })"})
        << QStringList{prefix(8, "registers[0].address")} << QString();
    QTest::newRow("divisor 0")
        << profileWith({"{ \"id\": \"r1\", \"name\": \"R1\", \"table\": \"holding\", \"address\": 1,\n"
                        "      \"scale\": { \"offset\": 1000,\n"
                        "                 \"divisor\": 0 } }"})
        << QStringList{prefix(10, "registers[0].scale.divisor")} << QString();
    QTest::newRow("min > max")
        << profileWith({"{ \"id\": \"r1\", \"name\": \"R1\", \"table\": \"holding\", \"address\": 1,\n"
                        "      \"min\": 5,\n"
                        "      \"max\": 1 }"})
        << QStringList{prefix(9, "registers[0].min"), prefix(10, "registers[0].max")} << QString();
    QTest::newRow("unknown field adress")
        << profileWith({"{ \"id\": \"r1\", \"name\": \"R1\", \"table\": \"holding\",\n"
                        "      \"adress\": 1 }"})
        << QStringList{prefix(9, "registers[0].adress")} << QString();
    QTest::newRow("unknown model")
        << profileWith(
               {r1,
                R"({ "id": "r2", "name": "R2", "table": "holding", "address": 2, "models": ["a", "zz"] })"})
        << QStringList{prefix(9, "registers[1].models[1]"), prefix(9, "registers[1].models")}
        << QStringLiteral("\"zz\"");
    QTest::newRow("unknown group")
        << profileWith(
               {R"({ "id": "r1", "name": "R1", "table": "holding", "address": 1, "group": "nogroup" })"})
        << QStringList{prefix(8, "registers[0].group")} << QStringLiteral("nogroup");
    QTest::newRow("duplicate id, overlapping models")
        << profileWith(
               {R"({ "id": "dup_id", "name": "R1", "table": "holding", "address": 1, "models": ["a", "b"] })",
                R"({ "id": "dup_id", "name": "R2", "table": "holding", "address": 2, "models": ["b", "c"] })"})
        << QStringList{prefix(9, "registers[1].id")} << QStringLiteral("dup_id");
    QTest::newRow("duplicate id, one for all models")
        << profileWith(
               {R"({ "id": "dup_id", "name": "R1", "table": "holding", "address": 1 })",
                R"({ "id": "dup_id", "name": "R2", "table": "holding", "address": 2, "models": ["c"] })"})
        << QStringList{prefix(9, "registers[1].id")} << QStringLiteral("dup_id");
    QTest::newRow("overlapping addresses, common model")
        << profileWith(
               {R"({ "id": "wide", "name": "Wide", "table": "holding", "address": 10, "type": "u32" })", r1,
                R"({ "id": "narrow", "name": "Narrow", "table": "holding", "address": 11, "models": ["a"] })"})
        << QStringList{prefix(10, "registers[2].address")} << QString();
    QTest::newRow("overlapping words block")
        << profileWith(
               {R"({ "id": "block", "name": "Block", "table": "input", "address": 1060, "type": "words", "count": 15 })",
                R"({ "id": "inside", "name": "Inside", "table": "input", "address": 1074 })"})
        << QStringList{prefix(9, "registers[1].address")} << QString();
    QTest::newRow("32-bit past 65535")
        << profileWith(
               {R"({ "id": "r1", "name": "R1", "table": "holding", "address": 65535, "type": "f32" })"})
        << QStringList{prefix(8, "registers[0].address"), prefix(8, "registers[0].type")} << QString();
    QTest::newRow("words block past 65535")
        << profileWith(
               {R"({ "id": "r1", "name": "R1", "table": "input", "address": 65530, "type": "words", "count": 7 })"})
        << QStringList{prefix(8, "registers[0].address"), prefix(8, "registers[0].count")} << QString();
    QTest::newRow("words without count")
        << profileWith(
               {r1, R"({ "id": "r2", "name": "R2", "table": "input", "address": 2, "type": "words" })"})
        << QStringList{prefix(9, "registers[1].count"), prefix(9, "registers[1].type")} << QString();
    QTest::newRow("identity names a missing register")
        << profileWith({r1}, {R"("identity": { "serial": "serial_no" })"})
        << QStringList{prefix(7, "identity.serial")} << QStringLiteral("serial_no");
    QTest::newRow("unit selector names a missing register")
        << profileWith(
               {r1},
               {R"("unit_selectors": [{ "register": "unit_sel", "replaces": "°C", "units": { "0": "°C" } }])"})
        << QStringList{prefix(7, "unit_selectors[0].register")} << QStringLiteral("unit_sel");
    QTest::newRow("unknown top-level field")
        << profileWith({r1}, {R"("vendorr": "ACME")"}) << QStringList{prefix(7, "vendorr")} << QString();
    QTest::newRow("format 2")
        << QByteArray("{\n"
                      "  \"id\": \"test-device\",\n"
                      "  \"name\": \"Test device\",\n"
                      "  \"format\": 2,\n"
                      "  \"registers\": [\n"
                      "    { \"id\": \"r1\", \"name\": \"R1\", \"table\": \"holding\", \"address\": 1 }\n"
                      "  ]\n"
                      "}\n")
        << QStringList{prefix(4, "format")} << QStringLiteral("1");
    QTest::newRow("no registers") << QByteArray("{\n"
                                                "  \"format\": 1,\n"
                                                "  \"id\": \"test-device\",\n"
                                                "  \"name\": \"Test device\",\n"
                                                "  \"registers\": []\n"
                                                "}\n")
                                  << QStringList{prefix(5, "registers")} << QString();
}

void TestProfileLoader::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, prefixes);
    QFETCH(QString, hint);
    QString error;
    const auto p = ProfileLoader::loadData(json, kFile, &error);
    QVERIFY2(!p, "the profile loaded");
    QVERIFY2(isOneSentence(error), qPrintable(error));
    bool named = false;
    for (const QString &pre : prefixes)
        named = named || error.startsWith(pre);
    QVERIFY2(named, qPrintable(QStringLiteral("got      \"%1\"\nexpected \"%2...\"")
                                   .arg(error, prefixes.join(QLatin1String("...\" or \"")))));
    QVERIFY2(hint.isEmpty() || error.contains(hint), qPrintable(error));
}

void TestProfileLoader::allowedWhenModelsDoNotOverlap()
{
    // The same id for disjoint models: one register per model (optris-ct 10017 advanced hold mode).
    auto p = load(profileWith(
        {R"({ "id": "mode", "name": "Mode A", "table": "holding", "address": 1, "models": ["a"] })",
         R"({ "id": "mode", "name": "Mode BC", "table": "holding", "address": 2, "models": ["b", "c"] })"}));
    QVERIFY(p);
    QCOMPARE(p->findById(QStringLiteral("mode"), QStringLiteral("a"))->address, quint16(1));
    QCOMPARE(p->findById(QStringLiteral("mode"), QStringLiteral("c"))->address, quint16(2));

    // The same address for disjoint models (optris-ct 10015), and overlapping 32-bit ranges.
    p = load(profileWith(
        {R"({ "id": "wide", "name": "Wide", "table": "holding", "address": 10, "type": "u32", "models": ["a"] })",
         R"({ "id": "narrow", "name": "Narrow", "table": "holding", "address": 11, "models": ["b"] })",
         R"({ "id": "same", "name": "Same", "table": "holding", "address": 10, "models": ["c"] })"}));
    QVERIFY(p);
    QCOMPARE(p->registers.size(), 3);

    // The same address in different tables.
    p = load(profileWith({R"({ "id": "in", "name": "In", "table": "input", "address": 5 })",
                          R"({ "id": "hold", "name": "Hold", "table": "holding", "address": 5 })",
                          R"({ "id": "co", "name": "Coil", "table": "coil", "address": 5 })",
                          R"({ "id": "di", "name": "DI", "table": "discrete_input", "address": 5 })"}));
    QVERIFY(p);
    QCOMPARE(p->registers.size(), 4);

    // Adjacent registers and a 32-bit value ending exactly at 65535.
    p = load(profileWith(
        {R"({ "id": "wide", "name": "Wide", "table": "holding", "address": 10, "type": "u32" })",
         R"({ "id": "next", "name": "Next", "table": "holding", "address": 12 })",
         R"({ "id": "last", "name": "Last", "table": "holding", "address": 65534, "type": "s32" })"}));
    QVERIFY(p);
    QCOMPARE(p->registers.at(2).lastAddress(), quint16(65535));
}

void TestProfileLoader::hexAddress()
{
    // CN9600 model register: "04FC" in the seed is 1276.
    const auto p = load(
        profileWith({R"({ "id": "model", "name": "Model", "table": "holding", "address": "0x04FC" })",
                     R"({ "id": "lower", "name": "Lower", "table": "input", "address": "0x04fc" })",
                     R"({ "id": "dec_string", "name": "Dec", "table": "coil", "address": "1276" })",
                     R"({ "id": "top", "name": "Top", "table": "discrete_input", "address": "0xFFFF" })"}));
    QVERIFY(p);
    QCOMPARE(p->registers.at(0).address, quint16(1276));
    QCOMPARE(p->registers.at(1).address, quint16(1276));
    QCOMPARE(p->registers.at(2).address, quint16(1276));
    QCOMPARE(p->registers.at(3).address, quint16(65535));
}

void TestProfileLoader::defaults()
{
    const auto p = load(profileWith(
        {
            R"({ "id": "serial", "name": "Serial", "table": "input", "address": 0, "type": "u32" })",
            R"({ "id": "serial_be", "name": "Serial BE", "table": "input", "address": 2, "type": "u32", "word_order": "be" })",
            R"({ "id": "setting", "name": "Setting", "table": "holding", "address": 10 })",
            R"({ "id": "reset", "name": "Reset", "table": "holding", "address": 11, "action": { "value": 1, "label": "Reset" } })",
            R"({ "id": "write_only", "name": "Security", "table": "holding", "address": 12, "access": "w" })",
            R"({ "id": "d10", "name": "D10", "table": "holding", "address": 20, "scale": { "divisor": 10 } })",
            R"({ "id": "d100", "name": "D100", "table": "holding", "address": 21, "scale": { "divisor": 100 } })",
            R"({ "id": "d1000", "name": "D1000", "table": "holding", "address": 22, "scale": { "divisor": 1000 } })",
            R"({ "id": "temp", "name": "Temp", "table": "input", "address": 23, "scale": { "offset": 1000, "divisor": 10 } })",
            R"({ "id": "explicit", "name": "Explicit", "table": "holding", "address": 24, "scale": { "divisor": 1000 }, "decimals": 2 })",
            R"({ "id": "co", "name": "Coil", "table": "coil", "address": 0 })",
            R"({ "id": "di", "name": "DI", "table": "discrete_input", "address": 0 })",
            R"({ "id": "ident", "name": "Ident", "table": "input", "address": 30, "poll": "once" })",
        },
        {R"("defaults": { "word_order": "le" })"}));
    QVERIFY(p);
    const auto reg = [&](const char *id) { return p->findById(QString::fromLatin1(id), QString()); };
    for (const char *id : {"serial", "serial_be", "setting", "reset", "write_only", "d10", "d100", "d1000",
                           "temp", "explicit", "co", "di", "ident"})
        QVERIFY2(reg(id), id);

    // Profile-level defaults.
    QCOMPARE(p->transports, QStringList{QStringLiteral("tcp")});
    QCOMPARE(p->defaultPort, 502);
    QCOMPARE(p->defaultUnit, 1);
    QCOMPARE(p->defaultWordOrder, WordOrder::Le);
    QCOMPARE(p->defaultModel(), QStringLiteral("a"));
    QCOMPARE(p->sourcePath, kFile);

    // word_order inherited from defaults unless given.
    QCOMPARE(reg("serial")->wordOrder, WordOrder::Le);
    QCOMPARE(reg("serial_be")->wordOrder, WordOrder::Be);
    // type u16 by default, bool for bit tables.
    QCOMPARE(reg("setting")->type, ValueType::U16);
    QCOMPARE(reg("co")->type, ValueType::Bool);
    QCOMPARE(reg("di")->type, ValueType::Bool);
    // access: r for input and discrete_input, rw for holding and coil.
    QCOMPARE(reg("serial")->access, Access::Read);
    QCOMPARE(reg("di")->access, Access::Read);
    QCOMPARE(reg("setting")->access, Access::ReadWrite);
    QCOMPARE(reg("co")->access, Access::ReadWrite);
    // poll: fast for input, slow for holding, never for actions and write-only registers.
    QCOMPARE(reg("serial")->poll, PollClass::Fast);
    QCOMPARE(reg("temp")->poll, PollClass::Fast);
    QCOMPARE(reg("di")->poll, PollClass::Fast);
    QCOMPARE(reg("setting")->poll, PollClass::Slow);
    QCOMPARE(reg("co")->poll, PollClass::Slow);
    QCOMPARE(reg("reset")->poll, PollClass::Never);
    QCOMPARE(reg("write_only")->poll, PollClass::Never);
    QCOMPARE(reg("ident")->poll, PollClass::Once);
    // The action.
    QVERIFY(reg("reset")->isAction);
    QCOMPARE(reg("reset")->actionLabel, QStringLiteral("Reset"));
    QVERIFY(!reg("setting")->isAction);
    // decimals from the divisor: 1 for 10, 2 for 100, 3 for 1000, 0 without scale; an explicit one wins.
    QCOMPARE(reg("setting")->decimals, 0);
    QCOMPARE(reg("d10")->decimals, 1);
    QCOMPARE(reg("d100")->decimals, 2);
    QCOMPARE(reg("d1000")->decimals, 3);
    QCOMPARE(reg("temp")->decimals, 1);
    QCOMPARE(reg("explicit")->decimals, 2);
    // scale
    QCOMPARE(reg("temp")->scale.offset, 1000.0);
    QCOMPARE(reg("temp")->scale.divisor, 10.0);
    QVERIFY(reg("setting")->scale.isIdentity());
    // models: none given is every model.
    QVERIFY(reg("setting")->models.isEmpty());
    // min/max absent
    QVERIFY(!reg("setting")->min.has_value());
    QVERIFY(!reg("setting")->max.has_value());
    // The register's line: registers[0] is on line 8 + 1 (one top line).
    QCOMPARE(reg("serial")->sourceLine, 9);
    QCOMPARE(reg("ident")->sourceLine, 21);
}

void TestProfileLoader::defaultWordOrderWithoutDefaults()
{
    const auto p = load(profileWith(
        {R"({ "id": "serial", "name": "Serial", "table": "input", "address": 0, "type": "u32" })"}));
    QVERIFY(p);
    QCOMPARE(p->defaultWordOrder, WordOrder::Be);
    QCOMPARE(p->registers.at(0).wordOrder, WordOrder::Be);
}

void TestProfileLoader::loadFileNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken-one.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(profileWith(
        {R"({ "id": "r1", "name": "R1", "table": "holding", "address": 1 })",
         R"({ "id": "r2", "name": "R2", "table": "holding", "address": 2, "scale": { "divisor": 0 } })"}));
    f.close();
    QString error;
    QVERIFY(!ProfileLoader::loadFile(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("broken-one.json:9: registers[1].scale.divisor: ")),
             qPrintable(error));
    QVERIFY2(isOneSentence(error), qPrintable(error));
}

void TestProfileLoader::unreadableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.json"));
    QString error;
    QVERIFY(!ProfileLoader::loadFile(path, &error));
    QVERIFY2(error.contains(QLatin1String("missing.json")), qPrintable(error));
    QVERIFY2(isOneSentence(error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProfileLoader)
#include "tst_profileloader.moc"
