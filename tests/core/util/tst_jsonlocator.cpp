// Tests of JsonLocator: the line on which each JSON path starts, for profile error messages.
#include "util/JsonLocator.h"

#include <QtTest>

using namespace pyrolink;

namespace {

// Line numbers are given beside each line. (Plain literals: moc does not read raw strings with \" inside.)
const char kDocument[] = "{\n"                                                                            // 1
                         "  \"a\": 1,\n"                                                                  // 2
                         "  \"b\": {\n"                                                                   // 3
                         "    \"c\": \"x\",\n"                                                            // 4
                         "    \"d\": [\n"                                                                 // 5
                         "      10,\n"                                                                    // 6
                         "      { \"e\": \"quote \\\" brace { bracket [ comma , colon :\", \"f\": 2 },\n" // 7
                         "      [ 1,\n"                                                                   // 8
                         "        2 ]\n"                                                                  // 9
                         "    ],\n"                                                 // 10
                         "    \"empty\": {},\n"                                     // 11
                         "    \"none\": []\n"                                       // 12
                         "  },\n"                                                   // 13
                         "  \"g\": \"ends with a backslash \\\\\",\n"               // 14
                         "  \"h\": true,\n"                                         // 15
                         "  \"unit\": \"°C\",\n"                                    // 16
                         "  \"k\":\n"                                               // 17
                         "    { \"deep\": { \"deeper\": null } },\n"                // 18
                         "  \"registers\": [\n"                                     // 19
                         "    { \"id\": \"temp\", \"scale\": { \"offset\": 1000,\n" // 20
                         "                               \"divisor\": 10 } },\n"    // 21
                         "    {\n"                                                  // 22
                         "      \"id\": \"emissivity\",\n"                          // 23
                         "      \"models\": [\"ctlt\",\n"                           // 24
                         "                 \"ctratio\"]\n"                          // 25
                         "    }\n"                                                  // 26
                         "  ]\n"                                                    // 27
                         "}\n";                                                     // 28

} // namespace

class TestJsonLocator : public QObject
{
    Q_OBJECT

private slots:
    void line_data();
    void line();
    void crlfLineEnds();
    void emptyDocument();
    void lineAt_data();
    void lineAt();
};

void TestJsonLocator::line_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("expected");

    QTest::newRow("root") << QString() << 1;
    QTest::newRow("a") << QStringLiteral("a") << 2;
    QTest::newRow("b") << QStringLiteral("b") << 3;
    QTest::newRow("b.c") << QStringLiteral("b.c") << 4;
    QTest::newRow("b.d") << QStringLiteral("b.d") << 5;
    QTest::newRow("b.d[0]") << QStringLiteral("b.d[0]") << 6;
    QTest::newRow("b.d[1]") << QStringLiteral("b.d[1]") << 7;
    QTest::newRow("b.d[1].e") << QStringLiteral("b.d[1].e") << 7;
    QTest::newRow("member after an escaped quote and brace") << QStringLiteral("b.d[1].f") << 7;
    QTest::newRow("nested array") << QStringLiteral("b.d[2]") << 8;
    QTest::newRow("nested array element 0") << QStringLiteral("b.d[2][0]") << 8;
    QTest::newRow("nested array element 1") << QStringLiteral("b.d[2][1]") << 9;
    QTest::newRow("empty object") << QStringLiteral("b.empty") << 11;
    QTest::newRow("empty array") << QStringLiteral("b.none") << 12;
    QTest::newRow("string ending in a backslash") << QStringLiteral("g") << 14;
    QTest::newRow("member after it") << QStringLiteral("h") << 15;
    QTest::newRow("non-ASCII string") << QStringLiteral("unit") << 16;
    // The member's line is its key's, even when the value starts on the next line.
    QTest::newRow("key line, value below") << QStringLiteral("k") << 17;
    QTest::newRow("k.deep") << QStringLiteral("k.deep") << 18;
    QTest::newRow("k.deep.deeper") << QStringLiteral("k.deep.deeper") << 18;
    QTest::newRow("registers") << QStringLiteral("registers") << 19;
    QTest::newRow("registers[0]") << QStringLiteral("registers[0]") << 20;
    QTest::newRow("registers[0].scale") << QStringLiteral("registers[0].scale") << 20;
    QTest::newRow("registers[0].scale.divisor") << QStringLiteral("registers[0].scale.divisor") << 21;
    QTest::newRow("registers[1]") << QStringLiteral("registers[1]") << 22;
    QTest::newRow("registers[1].id") << QStringLiteral("registers[1].id") << 23;
    QTest::newRow("registers[1].models[0]") << QStringLiteral("registers[1].models[0]") << 24;
    QTest::newRow("registers[1].models[1]") << QStringLiteral("registers[1].models[1]") << 25;
    // Missing members fall back to the nearest enclosing value that exists.
    QTest::newRow("missing top-level") << QStringLiteral("format") << 1;
    QTest::newRow("missing in b") << QStringLiteral("b.zz") << 3;
    QTest::newRow("missing in array element") << QStringLiteral("b.d[1].zz") << 7;
    QTest::newRow("below a scalar") << QStringLiteral("b.d[1].e.deeper") << 7;
    QTest::newRow("index past the end") << QStringLiteral("b.d[7]") << 5;
    QTest::newRow("missing register field") << QStringLiteral("registers[1].table") << 22;
    QTest::newRow("missing scale field") << QStringLiteral("registers[0].scale.offset.x") << 20;
    QTest::newRow("missing register") << QStringLiteral("registers[5].id") << 19;
    QTest::newRow("missing model index") << QStringLiteral("registers[1].models[9]") << 24;
}

void TestJsonLocator::line()
{
    QFETCH(QString, path);
    QFETCH(int, expected);
    const QByteArray json(kDocument);
    const JsonLocator locator(json);
    QCOMPARE(locator.line(path), expected);
}

void TestJsonLocator::crlfLineEnds()
{
    // A profile edited on Windows.
    const QByteArray json("{\r\n  \"format\": 1,\r\n  \"registers\": [\r\n    { \"id\": \"a\" },\r\n"
                          "    { \"id\": \"b\" }\r\n  ]\r\n}\r\n");
    const JsonLocator locator(json);
    QCOMPARE(locator.line(QStringLiteral("format")), 2);
    QCOMPARE(locator.line(QStringLiteral("registers")), 3);
    QCOMPARE(locator.line(QStringLiteral("registers[0].id")), 4);
    QCOMPARE(locator.line(QStringLiteral("registers[1].id")), 5);
}

void TestJsonLocator::emptyDocument()
{
    for (const QByteArray &json : {QByteArray(), QByteArray("\n\n  \n")}) {
        const JsonLocator locator(json);
        QCOMPARE(locator.line(QString()), 1);
        QCOMPARE(locator.line(QStringLiteral("registers[0].id")), 1);
    }
    // Leading blank lines count.
    const QByteArray json("\n\n{ \"a\": 1 }");
    const JsonLocator locator(json);
    QCOMPARE(locator.line(QStringLiteral("a")), 3);
}

void TestJsonLocator::lineAt_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("expected");
    // "ab\ncd\n\nef": offsets 0-2 line 1, 3-5 line 2, 6 line 3, 7-8 line 4
    QTest::newRow("start") << 0 << 1;
    QTest::newRow("end of line 1") << 1 << 1;
    QTest::newRow("the newline itself") << 2 << 1;
    QTest::newRow("start of line 2") << 3 << 2;
    QTest::newRow("empty line 3") << 6 << 3;
    QTest::newRow("line 4") << 7 << 4;
    QTest::newRow("last byte") << 8 << 4;
    QTest::newRow("one past the end") << 9 << 4;
}

void TestJsonLocator::lineAt()
{
    QFETCH(int, offset);
    QFETCH(int, expected);
    QCOMPARE(JsonLocator::lineAt(QByteArray("ab\ncd\n\nef"), offset), expected);
}

QTEST_GUILESS_MAIN(TestJsonLocator)
#include "tst_jsonlocator.moc"
