// Tests of Codec: every formula the vendors' register lists use (/work/shared/seeds), both directions,
// exactly. Expected values are worked out by hand from the seed formulas, never taken from the code under
// test.
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"

#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace pyrolink;

using Words = QList<quint16>;

// QCOMPARE on doubles is fuzzy; the codec promises exact values, so compare with ==.
#define PYROLINK_COMPARE_EXACT(actual, expected)                                                             \
    do {                                                                                                     \
        const double a_ = (actual);                                                                          \
        const double e_ = (expected);                                                                        \
        QVERIFY2(                                                                                            \
            a_ == e_,                                                                                        \
            qPrintable(QStringLiteral("actual %1, expected %2").arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17)));   \
    } while (false)

namespace {

/// A writable holding register of the given type and scaling, decimals as the profile format derives them.
RegisterDef makeReg(const QString &type, double offset = 0.0, double divisor = 1.0,
                    const QString &order = QStringLiteral("be"))
{
    RegisterDef r;
    r.id = QStringLiteral("test_value");
    r.name = QStringLiteral("Test value");
    r.table = Table::Holding;
    r.access = Access::ReadWrite;
    r.type = typeFromName(type).value();
    r.wordOrder = wordOrderFromName(order).value();
    r.scale.offset = offset;
    r.scale.divisor = divisor;
    r.decimals = divisor == 10 ? 1 : divisor == 100 ? 2 : divisor == 1000 ? 3 : divisor == 32768 ? 5 : 0;
    return r;
}

/// Registers modelled on the seeds (mostly optris-ct), by a short name used in the data tables.
RegisterDef namedReg(const QString &kind)
{
    if (kind == QLatin1String("emissivity")) { // 10010: = (Value) / 1000, 0.1 .. 1.1
        RegisterDef r = makeReg(QStringLiteral("u16"), 0, 1000);
        r.id = QStringLiteral("emissivity");
        r.name = QStringLiteral("Emissivity");
        r.min = 0.1;
        r.max = 1.1;
        return r;
    }
    if (kind == QLatin1String("temp")) { // 10018: = (Value - 1000) / 10, °C
        RegisterDef r = makeReg(QStringLiteral("u16"), 1000, 10);
        r.id = QStringLiteral("advanced_hold_threshold");
        r.name = QStringLiteral("Advanced hold threshold");
        r.unit = QStringLiteral("°C");
        return r;
    }
    if (kind == QLatin1String("avg_time")) { // 10013: = Value, ms
        RegisterDef r = makeReg(QStringLiteral("u16"));
        r.id = QStringLiteral("avg_time");
        r.name = QStringLiteral("AVG time");
        r.unit = QStringLiteral("ms");
        r.min = 0;
        return r;
    }
    if (kind == QLatin1String("avg_mode")) { // 10014: 1 = Smart Averaging, 0 = Normal
        RegisterDef r = makeReg(QStringLiteral("u16"));
        r.id = QStringLiteral("avg_mode");
        r.name = QStringLiteral("AVG mode");
        r.enumLabels = {{0, QStringLiteral("Normal")}, {1, QStringLiteral("Smart Averaging")}};
        return r;
    }
    if (kind == QLatin1String("sp1")) { // CN9600 SP1: degrees * 10, signed
        RegisterDef r = makeReg(QStringLiteral("s16"), 0, 10);
        r.id = QStringLiteral("sp1");
        r.name = QStringLiteral("SP1 setpoint");
        return r;
    }
    if (kind == QLatin1String("user_gain")) // 10037: = (1/2^15) * (Value)
        return makeReg(QStringLiteral("u16"), 0, 32768);
    if (kind == QLatin1String("u16") || kind == QLatin1String("s16") || kind == QLatin1String("u32") ||
        kind == QLatin1String("s32") || kind == QLatin1String("f32") || kind == QLatin1String("bool"))
        return makeReg(kind);
    if (kind == QLatin1String("coil")) {
        RegisterDef r = makeReg(QStringLiteral("bool"));
        r.table = Table::Coil;
        return r;
    }
    if (kind == QLatin1String("input")) { // temp_process: an input register can only be read
        RegisterDef r = makeReg(QStringLiteral("u16"), 1000, 10);
        r.id = QStringLiteral("temp_process");
        r.name = QStringLiteral("Temp process");
        r.table = Table::Input;
        r.access = Access::Read;
        return r;
    }
    if (kind == QLatin1String("holding_r")) { // CN9600 temperature: a holding register marked R
        RegisterDef r = makeReg(QStringLiteral("s16"), 0, 10);
        r.id = QStringLiteral("temperature");
        r.name = QStringLiteral("Temperature");
        r.access = Access::Read;
        return r;
    }
    if (kind == QLatin1String("write_only")) { // CN9600 security byte: W only
        RegisterDef r = makeReg(QStringLiteral("u16"));
        r.id = QStringLiteral("security_byte");
        r.name = QStringLiteral("Security byte");
        r.access = Access::Write;
        return r;
    }
    if (kind == QLatin1String("words")) { // optris head code block: 2 undocumented words
        RegisterDef r = makeReg(QStringLiteral("words"));
        r.count = 2;
        return r;
    }
    if (kind ==
        QLatin1String("u16_min_below_type")) { // a profile that wrongly gives min below what u16 holds
        RegisterDef r = makeReg(QStringLiteral("u16"));
        r.min = -10;
        r.max = 100;
        return r;
    }
    qFatal("unknown register kind %s", qPrintable(kind));
}

/// Every number written in a message, as doubles.
QList<double> numbersIn(const QString &text)
{
    QList<double> out;
    static const QRegularExpression re(QStringLiteral("-?\\d+(\\.\\d+)?"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured().toDouble();
    return out;
}

bool isOneSentence(const QString &s)
{
    return !s.isEmpty() && s.endsWith(QLatin1Char('.')) && !s.contains(QLatin1Char('\n')) &&
           !s.chopped(1).contains(QLatin1String(". "));
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    void decode_data() { formulas(); }
    void decode();
    void encode_data() { formulas(); }
    void encode();
    void boolDecodesAnyNonZeroAsOne();
    void f32SpecialWords();
    void f32EncodeRoundsToNearestFloat();
    void formatValue_data();
    void formatValue();
    void enums();
    void setBitLabels_data();
    void setBitLabels();
    void wordsToHex();
    void wordsFromHex_data();
    void wordsFromHex();
    void roundTripEveryRaw_data();
    void roundTripEveryRaw();
    void validate_data();
    void validate();
    void validateMessages();
    void validateMessageShowsValueAsTyped_data();
    void validateMessageShowsValueAsTyped();
    void effectiveRange_data();
    void effectiveRange();
    void resolution();
    void parseValue_data();
    void parseValue();
    void modbusExceptionName_data();
    void modbusExceptionName();
    void seedRegistersOfShippedProfile();

private:
    void formulas();
};

// One table serves decode (words -> value) and encode (value -> words).
void TestCodec::formulas()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("order");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("divisor");
    QTest::addColumn<Words>("words");
    QTest::addColumn<double>("value");

    const QString u16 = QStringLiteral("u16"), s16 = QStringLiteral("s16"), u32 = QStringLiteral("u32"),
                  s32 = QStringLiteral("s32"), f32 = QStringLiteral("f32"), b = QStringLiteral("bool");
    const QString be = QStringLiteral("be"), le = QStringLiteral("le");

    // optris-ct temperatures: = (Value - 1000) / 10
    QTest::newRow("(V-1000)/10 raw 900") << u16 << be << 1000.0 << 10.0 << Words{900} << -10.0;
    QTest::newRow("(V-1000)/10 raw 1234") << u16 << be << 1000.0 << 10.0 << Words{1234} << 23.4;
    QTest::newRow("(V-1000)/10 raw 0") << u16 << be << 1000.0 << 10.0 << Words{0} << -100.0;
    QTest::newRow("(V-1000)/10 raw 65535") << u16 << be << 1000.0 << 10.0 << Words{65535} << 6453.5;
    QTest::newRow("(V-1000)/10 raw 1000") << u16 << be << 1000.0 << 10.0 << Words{1000} << 0.0;
    QTest::newRow("(V-1000)/10 raw 999") << u16 << be << 1000.0 << 10.0 << Words{999} << -0.1;
    // emissivity, transmission: = (Value) / 1000
    QTest::newRow("V/1000 raw 850") << u16 << be << 0.0 << 1000.0 << Words{850} << 0.85;
    QTest::newRow("V/1000 raw 100") << u16 << be << 0.0 << 1000.0 << Words{100} << 0.1;
    QTest::newRow("V/1000 raw 1100") << u16 << be << 0.0 << 1000.0 << Words{1100} << 1.1;
    QTest::newRow("V/1000 raw 1") << u16 << be << 0.0 << 1000.0 << Words{1} << 0.001;
    // Modbus CT FW revision: = Value/100
    QTest::newRow("V/100 raw 105") << u16 << be << 0.0 << 100.0 << Words{105} << 1.05;
    QTest::newRow("V/100 raw 0") << u16 << be << 0.0 << 100.0 << Words{0} << 0.0;
    // hysteresis, degrees * 10
    QTest::newRow("V/10 raw 235") << u16 << be << 0.0 << 10.0 << Words{235} << 23.5;
    QTest::newRow("V/10 raw 3") << u16 << be << 0.0 << 10.0 << Words{3} << 0.3;
    // gains: = (1/2^15) * (Value)
    QTest::newRow("V/2^15 raw 32768") << u16 << be << 0.0 << 32768.0 << Words{32768} << 1.0;
    QTest::newRow("V/2^15 raw 16384") << u16 << be << 0.0 << 32768.0 << Words{16384} << 0.5;
    QTest::newRow("V/2^15 raw 1") << u16 << be << 0.0 << 32768.0 << Words{1} << 0.000030517578125;
    QTest::newRow("V/2^15 raw 65535") << u16 << be << 0.0 << 32768.0 << Words{65535} << 1.999969482421875;
    // = Value
    QTest::newRow("V raw 1234") << u16 << be << 0.0 << 1.0 << Words{1234} << 1234.0;
    QTest::newRow("V raw 65535") << u16 << be << 0.0 << 1.0 << Words{65535} << 65535.0;
    // serial number: = Value1*2^16 + Value2; 23129999 = 0x0160EF8F (352*65536 + 61327)
    QTest::newRow("u32 be serial 23129999") << u32 << be << 0.0 << 1.0 << Words{0x0160, 0xEF8F} << 23129999.0;
    QTest::newRow("u32 le serial 23129999") << u32 << le << 0.0 << 1.0 << Words{0xEF8F, 0x0160} << 23129999.0;
    QTest::newRow("u32 be 65536") << u32 << be << 0.0 << 1.0 << Words{0x0001, 0x0000} << 65536.0;
    QTest::newRow("u32 le 65536") << u32 << le << 0.0 << 1.0 << Words{0x0000, 0x0001} << 65536.0;
    QTest::newRow("u32 be 1") << u32 << be << 0.0 << 1.0 << Words{0x0000, 0x0001} << 1.0;
    QTest::newRow("u32 be max") << u32 << be << 0.0 << 1.0 << Words{0xFFFF, 0xFFFF} << 4294967295.0;
    QTest::newRow("u32 be 2^31") << u32 << be << 0.0 << 1.0 << Words{0x8000, 0x0000} << 2147483648.0;
    // signed 16 bit (CN9600 SP1, AR653 measured values)
    QTest::newRow("s16 -1") << s16 << be << 0.0 << 1.0 << Words{0xFFFF} << -1.0;
    QTest::newRow("s16 -123") << s16 << be << 0.0 << 1.0 << Words{0xFF85} << -123.0;
    QTest::newRow("s16 -1999") << s16 << be << 0.0 << 1.0 << Words{0xF831} << -1999.0;
    QTest::newRow("s16 min") << s16 << be << 0.0 << 1.0 << Words{0x8000} << -32768.0;
    QTest::newRow("s16 max") << s16 << be << 0.0 << 1.0 << Words{0x7FFF} << 32767.0;
    QTest::newRow("s16/10 -0.1") << s16 << be << 0.0 << 10.0 << Words{0xFFFF} << -0.1;
    QTest::newRow("s16/10 -25.5") << s16 << be << 0.0 << 10.0 << Words{0xFF01} << -25.5;
    QTest::newRow("s16/10 123.4") << s16 << be << 0.0 << 10.0 << Words{1234} << 123.4;
    // signed 32 bit
    QTest::newRow("s32 be -2") << s32 << be << 0.0 << 1.0 << Words{0xFFFF, 0xFFFE} << -2.0;
    QTest::newRow("s32 le -2") << s32 << le << 0.0 << 1.0 << Words{0xFFFE, 0xFFFF} << -2.0;
    QTest::newRow("s32 be -100000") << s32 << be << 0.0 << 1.0 << Words{0xFFFE, 0x7960} << -100000.0;
    QTest::newRow("s32 le -100000") << s32 << le << 0.0 << 1.0 << Words{0x7960, 0xFFFE} << -100000.0;
    QTest::newRow("s32 be min") << s32 << be << 0.0 << 1.0 << Words{0x8000, 0x0000} << -2147483648.0;
    QTest::newRow("s32 be max") << s32 << be << 0.0 << 1.0 << Words{0x7FFF, 0xFFFF} << 2147483647.0;
    QTest::newRow("s32 be 65536") << s32 << be << 0.0 << 1.0 << Words{0x0001, 0x0000} << 65536.0;
    // IEEE-754 single (data recorder channels): 21.5 = 0x41AC0000, -1.25 = 0xBFA00000, 1.0 = 0x3F800000
    QTest::newRow("f32 be 21.5") << f32 << be << 0.0 << 1.0 << Words{0x41AC, 0x0000} << 21.5;
    QTest::newRow("f32 le 21.5") << f32 << le << 0.0 << 1.0 << Words{0x0000, 0x41AC} << 21.5;
    QTest::newRow("f32 be -1.25") << f32 << be << 0.0 << 1.0 << Words{0xBFA0, 0x0000} << -1.25;
    QTest::newRow("f32 le -1.25") << f32 << le << 0.0 << 1.0 << Words{0x0000, 0xBFA0} << -1.25;
    QTest::newRow("f32 be 1.0") << f32 << be << 0.0 << 1.0 << Words{0x3F80, 0x0000} << 1.0;
    QTest::newRow("f32 be 0") << f32 << be << 0.0 << 1.0 << Words{0x0000, 0x0000} << 0.0;
    QTest::newRow("f32 be 0.1f") << f32 << be << 0.0 << 1.0 << Words{0x3DCC, 0xCCCD} << double(0.1f);
    // bool (coils, discrete inputs, 0/1 registers)
    QTest::newRow("bool 0") << b << be << 0.0 << 1.0 << Words{0} << 0.0;
    QTest::newRow("bool 1") << b << be << 0.0 << 1.0 << Words{1} << 1.0;
}

void TestCodec::decode()
{
    QFETCH(QString, type);
    QFETCH(QString, order);
    QFETCH(double, offset);
    QFETCH(double, divisor);
    QFETCH(Words, words);
    QFETCH(double, value);
    const RegisterDef def = makeReg(type, offset, divisor, order);
    PYROLINK_COMPARE_EXACT(Codec::decode(def, words), value);
}

void TestCodec::encode()
{
    QFETCH(QString, type);
    QFETCH(QString, order);
    QFETCH(double, offset);
    QFETCH(double, divisor);
    QFETCH(Words, words);
    QFETCH(double, value);
    const RegisterDef def = makeReg(type, offset, divisor, order);
    QCOMPARE(Codec::validate(def, value), QString());
    const auto encoded = Codec::encode(def, value);
    QVERIFY(encoded.has_value());
    QCOMPARE(*encoded, words);
}

void TestCodec::boolDecodesAnyNonZeroAsOne()
{
    const RegisterDef def = makeReg(QStringLiteral("bool"));
    PYROLINK_COMPARE_EXACT(Codec::decode(def, {5}), 1.0);
    PYROLINK_COMPARE_EXACT(Codec::decode(def, {0xFF00}), 1.0);
    QCOMPARE(Codec::wordsFromRaw(def, 1.0), Words{1});
}

void TestCodec::f32SpecialWords()
{
    for (const QString &order : {QStringLiteral("be"), QStringLiteral("le")}) {
        const RegisterDef def = makeReg(QStringLiteral("f32"), 0, 1, order);
        const bool be = order == QLatin1String("be");
        const Words qnan = be ? Words{0x7FC0, 0x0000} : Words{0x0000, 0x7FC0};
        const Words negNan = be ? Words{0xFFC0, 0x0001} : Words{0x0001, 0xFFC0};
        const Words inf = be ? Words{0x7F80, 0x0000} : Words{0x0000, 0x7F80};
        const Words negInf = be ? Words{0xFF80, 0x0000} : Words{0x0000, 0xFF80};
        QVERIFY(std::isnan(Codec::decode(def, qnan)));
        QVERIFY(std::isnan(Codec::decode(def, negNan)));
        QCOMPARE(Codec::decode(def, inf), std::numeric_limits<double>::infinity());
        QCOMPARE(Codec::decode(def, negInf), -std::numeric_limits<double>::infinity());
        // A NaN read from a device is shown as something, not as an empty cell.
        QVERIFY(!Codec::formatValue(def, Codec::decode(def, qnan)).isEmpty());
        // ... and never written back.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(isOneSentence(Codec::validate(def, nan)));
        QVERIFY(!Codec::encode(def, nan).has_value());
        QVERIFY(!Codec::encode(def, std::numeric_limits<double>::infinity()).has_value());
        // Beyond what a float holds.
        QVERIFY(!Codec::encode(def, 1e39).has_value());
    }
}

void TestCodec::f32EncodeRoundsToNearestFloat()
{
    const RegisterDef def = makeReg(QStringLiteral("f32"));
    // 0.1 is not a float; the nearest float is 0x3DCCCCCD.
    const auto words = Codec::encode(def, 0.1);
    QVERIFY(words.has_value());
    QCOMPARE(*words, (Words{0x3DCC, 0xCCCD}));
}

void TestCodec::formatValue_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("temp -10.0") << QStringLiteral("temp") << -10.0 << QStringLiteral("-10.0");
    QTest::newRow("temp 23.4") << QStringLiteral("temp") << 23.4 << QStringLiteral("23.4");
    QTest::newRow("temp -100.0") << QStringLiteral("temp") << -100.0 << QStringLiteral("-100.0");
    QTest::newRow("temp 6453.5") << QStringLiteral("temp") << 6453.5 << QStringLiteral("6453.5");
    QTest::newRow("emissivity 0.85") << QStringLiteral("emissivity") << 0.85 << QStringLiteral("0.850");
    QTest::newRow("emissivity 1.1") << QStringLiteral("emissivity") << 1.1 << QStringLiteral("1.100");
    QTest::newRow("avg_time 300") << QStringLiteral("avg_time") << 300.0 << QStringLiteral("300");
    QTest::newRow("sp1 -25.5") << QStringLiteral("sp1") << -25.5 << QStringLiteral("-25.5");
    QTest::newRow("enum 1") << QStringLiteral("avg_mode") << 1.0 << QStringLiteral("Smart Averaging");
    QTest::newRow("enum 0") << QStringLiteral("avg_mode") << 0.0 << QStringLiteral("Normal");
    QTest::newRow("enum unlisted 2") << QStringLiteral("avg_mode") << 2.0 << QStringLiteral("2");
    QTest::newRow("bool 1") << QStringLiteral("bool") << 1.0 << QStringLiteral("on");
    QTest::newRow("bool 0") << QStringLiteral("bool") << 0.0 << QStringLiteral("off");
    QTest::newRow("f32 21.5") << QStringLiteral("f32") << 21.5 << QStringLiteral("21.5");
    QTest::newRow("f32 -1.25") << QStringLiteral("f32") << -1.25 << QStringLiteral("-1.25");
    QTest::newRow("f32 0.1f") << QStringLiteral("f32") << double(0.1f) << QStringLiteral("0.1");
}

void TestCodec::formatValue()
{
    QFETCH(QString, kind);
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(Codec::formatValue(namedReg(kind), value), expected);
}

void TestCodec::enums()
{
    const RegisterDef def = namedReg(QStringLiteral("avg_mode"));
    QString error;
    // Labels parse case-insensitively, with spaces around.
    QCOMPARE(Codec::parseValue(def, QStringLiteral("Smart Averaging"), &error), std::optional<double>(1.0));
    QCOMPARE(Codec::parseValue(def, QStringLiteral("smart averaging"), &error), std::optional<double>(1.0));
    QCOMPARE(Codec::parseValue(def, QStringLiteral("  NORMAL "), &error), std::optional<double>(0.0));
    QCOMPARE(Codec::parseValue(def, QStringLiteral("1"), &error), std::optional<double>(1.0));
    QVERIFY(error.isEmpty());
    // A word that is neither a label nor a number: the sentence says a label would do.
    QVERIFY(!Codec::parseValue(def, QStringLiteral("smart"), &error).has_value());
    QVERIFY2(isOneSentence(error), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("smart")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("label")), qPrintable(error));

    // Listed values are written, others refused.
    QCOMPARE(Codec::validate(def, 0), QString());
    QCOMPARE(Codec::validate(def, 1), QString());
    QCOMPARE(*Codec::encode(def, 1), Words{1});
    for (double v : {2.0, -1.0, 0.5, 65535.0}) {
        const QString why = Codec::validate(def, v);
        QVERIFY2(isOneSentence(why), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("Smart Averaging")) && why.contains(QLatin1String("Normal")),
                 qPrintable(why));
        QVERIFY(!Codec::encode(def, v).has_value());
    }
    QVERIFY(Codec::validate(def, 2).contains(QLatin1String("2")));

    // The CN9600 model codes: hex in the seed (0x10 ...), decimal keys in the profile.
    RegisterDef model = makeReg(QStringLiteral("u16"));
    model.enumLabels = {{16, QStringLiteral("CN96211 dc Pulse/RLY/RLY")},
                        {20, QStringLiteral("CN96(*)21 ANLG/dc Pulse/RLY")}};
    QCOMPARE(Codec::formatValue(model, 0x10), QStringLiteral("CN96211 dc Pulse/RLY/RLY"));
    QCOMPARE(Codec::formatValue(model, 0x14), QStringLiteral("CN96(*)21 ANLG/dc Pulse/RLY"));
    QCOMPARE(Codec::parseValue(model, QStringLiteral("cn96211 DC pulse/rly/rly"), &error),
             std::optional<double>(16));
    QCOMPARE(Codec::parseValue(model, QStringLiteral("0x14"), &error), std::optional<double>(20));
    QVERIFY(!Codec::validate(model, 17).isEmpty());
}

void TestCodec::setBitLabels_data()
{
    QTest::addColumn<double>("raw");
    QTest::addColumn<QStringList>("expected");
    // Data recorder channel status: bit 0 any alarm, bits 3..7 alarms 1..5, bits 1, 2, 8-15 not used.
    QTest::newRow("none") << 0.0 << QStringList();
    QTest::newRow("any alarm + alarm 1")
        << double(0x09) << QStringList{QStringLiteral("Any alarm"), QStringLiteral("Alarm 1")};
    QTest::newRow("alarm 5 only") << double(0x80) << QStringList{QStringLiteral("Alarm 5")};
    QTest::newRow("unused bits 1, 2") << double(0x06) << QStringList();
    QTest::newRow("unused high byte") << double(0xFF00) << QStringList();
    QTest::newRow("all") << double(0xFFFF)
                         << QStringList{QStringLiteral("Any alarm"), QStringLiteral("Alarm 1"),
                                        QStringLiteral("Alarm 2"),   QStringLiteral("Alarm 3"),
                                        QStringLiteral("Alarm 4"),   QStringLiteral("Alarm 5")};
    QTest::newRow("alarms 2 and 4") << double(0x50)
                                    << QStringList{QStringLiteral("Alarm 2"), QStringLiteral("Alarm 4")};
}

void TestCodec::setBitLabels()
{
    QFETCH(double, raw);
    QFETCH(QStringList, expected);
    RegisterDef def = makeReg(QStringLiteral("u16"));
    def.table = Table::Input;
    def.bitLabels = {{0, QStringLiteral("Any alarm")}, {3, QStringLiteral("Alarm 1")},
                     {4, QStringLiteral("Alarm 2")},   {5, QStringLiteral("Alarm 3")},
                     {6, QStringLiteral("Alarm 4")},   {7, QStringLiteral("Alarm 5")}};
    QCOMPARE(Codec::setBitLabels(def, raw), expected);
}

void TestCodec::wordsToHex()
{
    QCOMPARE(Codec::wordsToHex({0x1234, 0x00ab}), QStringLiteral("0x1234 0x00ab"));
    QCOMPARE(Codec::wordsToHex({0x0000}), QStringLiteral("0x0000"));
    QCOMPARE(Codec::wordsToHex({0xFFFF, 0x0001, 0xBEEF}), QStringLiteral("0xffff 0x0001 0xbeef"));
    QCOMPARE(Codec::wordsToHex({}), QString());
    // and back
    const Words block{0x0160, 0xEF8F, 0x0000, 0xFFFF};
    QCOMPARE(Codec::wordsFromHex(Codec::wordsToHex(block)), std::optional<Words>(block));
}

void TestCodec::wordsFromHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Words>("words");
    QTest::newRow("0x form") << QStringLiteral("0x1234 0x00ab") << true << Words{0x1234, 0x00AB};
    QTest::newRow("bare form") << QStringLiteral("1234 00ab") << true << Words{0x1234, 0x00AB};
    QTest::newRow("upper case, spaces")
        << QStringLiteral("  0X1234   0x00AB ") << true << Words{0x1234, 0x00AB};
    QTest::newRow("short words") << QStringLiteral("0x1 ab") << true << Words{0x0001, 0x00AB};
    QTest::newRow("single") << QStringLiteral("ffff") << true << Words{0xFFFF};
    QTest::newRow("empty") << QString() << false << Words();
    QTest::newRow("blank") << QStringLiteral("   ") << false << Words();
    QTest::newRow("bare 0x") << QStringLiteral("0x") << false << Words();
    QTest::newRow("five digits") << QStringLiteral("0x12345") << false << Words();
    QTest::newRow("not hex") << QStringLiteral("0x12g4") << false << Words();
    QTest::newRow("one bad of two") << QStringLiteral("0x1234 zz") << false << Words();
}

void TestCodec::wordsFromHex()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(Words, words);
    const auto parsed = Codec::wordsFromHex(text);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, words);
}

void TestCodec::roundTripEveryRaw_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("divisor");
    QTest::addColumn<bool>("viaText"); // also format -> parse -> encode (decimals suffice for the divisor)
    QTest::newRow("u16 (V-1000)/10") << QStringLiteral("u16") << 1000.0 << 10.0 << true;
    QTest::newRow("u16 V/1000") << QStringLiteral("u16") << 0.0 << 1000.0 << true;
    QTest::newRow("s16 V/10") << QStringLiteral("s16") << 0.0 << 10.0 << true;
    QTest::newRow("u16 V/100") << QStringLiteral("u16") << 0.0 << 100.0 << true;
    QTest::newRow("u16 V/2^15") << QStringLiteral("u16") << 0.0 << 32768.0 << false;
    QTest::newRow("u16 V") << QStringLiteral("u16") << 0.0 << 1.0 << true;
}

void TestCodec::roundTripEveryRaw()
{
    QFETCH(QString, type);
    QFETCH(double, offset);
    QFETCH(double, divisor);
    QFETCH(bool, viaText);
    const RegisterDef def = makeReg(type, offset, divisor);
    int failures = 0;
    QString first;
    for (int raw = 0; raw <= 0xFFFF; ++raw) {
        const Words words{quint16(raw)};
        const double value = Codec::decode(def, words);
        const auto back = Codec::encode(def, value);
        if (!back || *back != words) {
            if (failures++ == 0)
                first = QStringLiteral("raw %1 -> %2 -> %3 (%4)")
                            .arg(raw)
                            .arg(value, 0, 'g', 17)
                            .arg(back ? Codec::wordsToHex(*back) : QStringLiteral("refused"),
                                 Codec::validate(def, value));
            continue;
        }
        if (viaText) {
            QString error;
            const auto parsed = Codec::parseValue(def, Codec::formatValue(def, value), &error);
            const auto again = parsed ? Codec::encode(def, *parsed) : std::nullopt;
            if (!again || *again != words) {
                if (failures++ == 0)
                    first = QStringLiteral("raw %1 shown as \"%2\" does not write back (%3)")
                                .arg(raw)
                                .arg(Codec::formatValue(def, value), error);
            }
        }
    }
    QVERIFY2(failures == 0, qPrintable(QStringLiteral("%1 failures, first: %2").arg(failures).arg(first)));
}

void TestCodec::validate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("accepted");
    const QString em = QStringLiteral("emissivity"), temp = QStringLiteral("temp"),
                  avg = QStringLiteral("avg_time");
    // Emissivity 0.1 .. 1.1, steps of 0.001
    QTest::newRow("emissivity 0.85") << em << 0.85 << true;
    QTest::newRow("emissivity min 0.1") << em << 0.1 << true;
    QTest::newRow("emissivity max 1.1") << em << 1.1 << true;
    QTest::newRow("emissivity 0.099") << em << 0.099 << false;
    QTest::newRow("emissivity 1.101") << em << 1.101 << false;
    QTest::newRow("emissivity just below min") << em << 0.0999999 << false;
    QTest::newRow("emissivity just above max") << em << 1.1000001 << false;
    QTest::newRow("emissivity 0") << em << 0.0 << false;
    QTest::newRow("emissivity between steps 0.8505") << em << 0.8505 << false;
    QTest::newRow("emissivity between steps 0.85001") << em << 0.85001 << false;
    QTest::newRow("emissivity NaN") << em << std::numeric_limits<double>::quiet_NaN() << false;
    QTest::newRow("emissivity inf") << em << std::numeric_limits<double>::infinity() << false;
    // (V - 1000) / 10, no min/max: -100.0 .. 6453.5 in steps of 0.1
    QTest::newRow("temp -100.0") << temp << -100.0 << true;
    QTest::newRow("temp 6453.5") << temp << 6453.5 << true;
    QTest::newRow("temp 23.4") << temp << 23.4 << true;
    QTest::newRow("temp -100.1") << temp << -100.1 << false;
    QTest::newRow("temp 6453.6") << temp << 6453.6 << false;
    QTest::newRow("temp between steps 23.45") << temp << 23.45 << false;
    // = Value, ms, min 0
    QTest::newRow("avg_time 0") << avg << 0.0 << true;
    QTest::newRow("avg_time 65535") << avg << 65535.0 << true;
    QTest::newRow("avg_time 65536") << avg << 65536.0 << false;
    QTest::newRow("avg_time -1") << avg << -1.0 << false;
    QTest::newRow("avg_time between steps 1.5") << avg << 1.5 << false;
    QTest::newRow("avg_time between steps 60000.05") << avg << 60000.05 << false;
    // signed, degrees * 10
    QTest::newRow("sp1 -3276.8") << QStringLiteral("sp1") << -3276.8 << true;
    QTest::newRow("sp1 3276.7") << QStringLiteral("sp1") << 3276.7 << true;
    QTest::newRow("sp1 3276.8") << QStringLiteral("sp1") << 3276.8 << false;
    QTest::newRow("sp1 -3276.9") << QStringLiteral("sp1") << -3276.9 << false;
    // 32-bit limits
    QTest::newRow("u32 max") << QStringLiteral("u32") << 4294967295.0 << true;
    QTest::newRow("u32 max+1") << QStringLiteral("u32") << 4294967296.0 << false;
    QTest::newRow("u32 -1") << QStringLiteral("u32") << -1.0 << false;
    QTest::newRow("s32 min") << QStringLiteral("s32") << -2147483648.0 << true;
    QTest::newRow("s32 max") << QStringLiteral("s32") << 2147483647.0 << true;
    QTest::newRow("s32 min-1") << QStringLiteral("s32") << -2147483649.0 << false;
    // bool
    QTest::newRow("bool 1") << QStringLiteral("bool") << 1.0 << true;
    QTest::newRow("bool 0") << QStringLiteral("bool") << 0.0 << true;
    QTest::newRow("bool 2") << QStringLiteral("bool") << 2.0 << false;
    QTest::newRow("bool 0.5") << QStringLiteral("bool") << 0.5 << false;
    QTest::newRow("coil 1") << QStringLiteral("coil") << 1.0 << true;
    // access
    QTest::newRow("input register read-only") << QStringLiteral("input") << 23.4 << false;
    QTest::newRow("holding register marked R") << QStringLiteral("holding_r") << 23.4 << false;
    QTest::newRow("write-only holding register") << QStringLiteral("write_only") << 5.0 << true;
    QTest::newRow("words block") << QStringLiteral("words") << 1.0 << false;
    // A wrong profile min must not let a value through that the type cannot hold (it would wrap to 65531).
    QTest::newRow("u16 -5 with profile min -10") << QStringLiteral("u16_min_below_type") << -5.0 << false;
}

void TestCodec::validate()
{
    QFETCH(QString, kind);
    QFETCH(double, value);
    QFETCH(bool, accepted);
    const RegisterDef def = namedReg(kind);
    const QString why = Codec::validate(def, value);
    QVERIFY2(why.isEmpty() == accepted,
             qPrintable(QStringLiteral("validate(%1) said \"%2\"").arg(value, 0, 'g', 17).arg(why)));
    QCOMPARE(Codec::encode(def, value).has_value(), accepted);
    if (!accepted)
        QVERIFY2(isOneSentence(why), qPrintable(why));
}

void TestCodec::validateMessages()
{
    // Read-only: the register is named.
    const RegisterDef input = namedReg(QStringLiteral("input"));
    QString why = Codec::validate(input, 23.4);
    QVERIFY2(why.contains(input.name) || why.contains(input.id), qPrintable(why));
    QVERIFY2(why.contains(QLatin1String("read-only")), qPrintable(why));

    // Out of range, both sides: names the register, the range and the value.
    const RegisterDef em = namedReg(QStringLiteral("emissivity"));
    for (double v : {0.05, 1.5}) {
        why = Codec::validate(em, v);
        QVERIFY2(isOneSentence(why), qPrintable(why));
        QVERIFY2(why.contains(em.name), qPrintable(why));
        const QList<double> numbers = numbersIn(why);
        QVERIFY2(numbers.contains(0.1) && numbers.contains(1.1), qPrintable(why));
        QVERIFY2(numbers.contains(v), qPrintable(why));
    }
    // The effective range without min/max, with the unit.
    const RegisterDef temp = namedReg(QStringLiteral("temp"));
    why = Codec::validate(temp, 7000);
    QVERIFY2(why.contains(temp.name), qPrintable(why));
    QVERIFY2(numbersIn(why).contains(-100.0) && numbersIn(why).contains(6453.5), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("°C")), qPrintable(why));

    // Between steps: names the step.
    why = Codec::validate(em, 0.8505);
    QVERIFY2(isOneSentence(why), qPrintable(why));
    QVERIFY2(why.contains(em.name), qPrintable(why));
    QVERIFY2(numbersIn(why).contains(0.001), qPrintable(why));
    QVERIFY2(numbersIn(why).contains(0.8505), qPrintable(why));
}

void TestCodec::validateMessageShowsValueAsTyped_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("typed");
    QTest::newRow("out of range, 2 digits") << QStringLiteral("emissivity") << QStringLiteral("1.5");
    QTest::newRow("between steps, 5 digits") << QStringLiteral("emissivity") << QStringLiteral("0.85001");
    // More than six significant digits: "must be from 0.100 to 1.100; 1.1 is outside" would contradict
    // itself.
    QTest::newRow("out of range, 8 digits") << QStringLiteral("emissivity") << QStringLiteral("1.1000001");
    QTest::newRow("out of range, 7 digits") << QStringLiteral("temp") << QStringLiteral("6453.501");
}

void TestCodec::validateMessageShowsValueAsTyped()
{
    QFETCH(QString, kind);
    QFETCH(QString, typed);
    const RegisterDef def = namedReg(kind);
    const QString why = Codec::validate(def, typed.toDouble());
    QVERIFY(!why.isEmpty());
    QVERIFY2(why.contains(typed), qPrintable(why));
}

void TestCodec::effectiveRange_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::newRow("(V-1000)/10") << QStringLiteral("temp") << -100.0 << 6453.5;
    QTest::newRow("V/2^15") << QStringLiteral("user_gain") << 0.0 << 1.999969482421875;
    QTest::newRow("s16 V/10") << QStringLiteral("sp1") << -3276.8 << 3276.7;
    QTest::newRow("u16") << QStringLiteral("u16") << 0.0 << 65535.0;
    QTest::newRow("s16") << QStringLiteral("s16") << -32768.0 << 32767.0;
    QTest::newRow("u32") << QStringLiteral("u32") << 0.0 << 4294967295.0;
    QTest::newRow("s32") << QStringLiteral("s32") << -2147483648.0 << 2147483647.0;
    QTest::newRow("bool") << QStringLiteral("bool") << 0.0 << 1.0;
    QTest::newRow("f32") << QStringLiteral("f32") << -3.4028234663852886e38 << 3.4028234663852886e38;
    QTest::newRow("profile min only") << QStringLiteral("avg_time") << 0.0 << 65535.0;
    QTest::newRow("profile min and max") << QStringLiteral("emissivity") << 0.1 << 1.1;
}

void TestCodec::effectiveRange()
{
    QFETCH(QString, kind);
    QFETCH(double, min);
    QFETCH(double, max);
    const RegisterDef def = namedReg(kind);
    PYROLINK_COMPARE_EXACT(def.effectiveMin(), min);
    PYROLINK_COMPARE_EXACT(def.effectiveMax(), max);
}

void TestCodec::resolution()
{
    PYROLINK_COMPARE_EXACT(namedReg(QStringLiteral("emissivity")).resolution(), 0.001);
    PYROLINK_COMPARE_EXACT(namedReg(QStringLiteral("temp")).resolution(), 0.1);
    PYROLINK_COMPARE_EXACT(namedReg(QStringLiteral("user_gain")).resolution(), 0.000030517578125);
    PYROLINK_COMPARE_EXACT(namedReg(QStringLiteral("avg_time")).resolution(), 1.0);
    PYROLINK_COMPARE_EXACT(namedReg(QStringLiteral("f32")).resolution(), 0.0);
}

void TestCodec::parseValue_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    const QString em = QStringLiteral("emissivity"), avg = QStringLiteral("avg_time");
    QTest::newRow("decimal") << em << QStringLiteral("0.85") << true << 0.85;
    QTest::newRow("hex") << avg << QStringLiteral("0x10") << true << 16.0;
    QTest::newRow("hex upper") << avg << QStringLiteral("0X1F") << true << 31.0;
    QTest::newRow("spaces") << avg << QStringLiteral(" 12 ") << true << 12.0;
    QTest::newRow("negative") << QStringLiteral("temp") << QStringLiteral("-3.5") << true << -3.5;
    QTest::newRow("exponent") << avg << QStringLiteral("1e3") << true << 1000.0;
    QTest::newRow("bool on") << QStringLiteral("bool") << QStringLiteral("on") << true << 1.0;
    QTest::newRow("bool OFF") << QStringLiteral("bool") << QStringLiteral("OFF") << true << 0.0;
    QTest::newRow("bool true") << QStringLiteral("bool") << QStringLiteral("true") << true << 1.0;
    QTest::newRow("coil no") << QStringLiteral("coil") << QStringLiteral("no") << true << 0.0;
    QTest::newRow("word") << em << QStringLiteral("abc") << false << 0.0;
    QTest::newRow("decimal comma") << em << QStringLiteral("0,85") << false << 0.0;
    QTest::newRow("empty") << em << QString() << false << 0.0;
    QTest::newRow("bad hex") << avg << QStringLiteral("0xZZ") << false << 0.0;
    QTest::newRow("nan") << em << QStringLiteral("nan") << false << 0.0;
    QTest::newRow("inf") << em << QStringLiteral("inf") << false << 0.0;
    QTest::newRow("on for a number") << avg << QStringLiteral("on") << false << 0.0;
}

void TestCodec::parseValue()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const RegisterDef def = namedReg(kind);
    QString error;
    const auto parsed = Codec::parseValue(def, text, &error);
    QCOMPARE(parsed.has_value(), ok);
    if (ok) {
        PYROLINK_COMPARE_EXACT(*parsed, value);
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY2(isOneSentence(error), qPrintable(error));
        QVERIFY2(error.contains(def.name), qPrintable(error));
        QVERIFY2(error.contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(error));
    }
}

void TestCodec::modbusExceptionName_data()
{
    // Names from the MODBUS Application Protocol Specification V1.1b, section 7 (7 from earlier versions).
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("1") << 1 << QStringLiteral("Illegal function");
    QTest::newRow("2") << 2 << QStringLiteral("Illegal data address");
    QTest::newRow("3") << 3 << QStringLiteral("Illegal data value");
    QTest::newRow("4") << 4 << QStringLiteral("Server device failure");
    QTest::newRow("5") << 5 << QStringLiteral("Acknowledge");
    QTest::newRow("6") << 6 << QStringLiteral("Server device busy");
    QTest::newRow("7") << 7 << QStringLiteral("Negative acknowledge");
    QTest::newRow("8") << 8 << QStringLiteral("Memory parity error");
    QTest::newRow("9 (not defined)") << 9 << QStringLiteral("Exception 9");
    QTest::newRow("10") << 10 << QStringLiteral("Gateway path unavailable");
    QTest::newRow("11") << 11 << QStringLiteral("Gateway target device failed to respond");
}

void TestCodec::modbusExceptionName()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QCOMPARE(pyrolink::modbusExceptionName(code).toLower(), name.toLower());
}

// The shipped optris-ct profile carries the seed's formulas: decode through its own definitions.
void TestCodec::seedRegistersOfShippedProfile()
{
    QString error;
    const auto p = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(p, qPrintable(error));
    const auto def = [&](const char *id) {
        const RegisterDef *r = p->findById(QString::fromLatin1(id), QString());
        if (!r)
            qFatal("optris-ct has no %s", id);
        return *r;
    };
    PYROLINK_COMPARE_EXACT(Codec::decode(def("temp_process"), {1234}), 23.4);
    PYROLINK_COMPARE_EXACT(Codec::decode(def("temp_process"), {900}), -10.0);
    PYROLINK_COMPARE_EXACT(Codec::decode(def("modbus_fw_revision"), {105}), 1.05);
    PYROLINK_COMPARE_EXACT(Codec::decode(def("emissivity"), {850}), 0.85);
    PYROLINK_COMPARE_EXACT(Codec::decode(def("serial_number"), {0x0160, 0xEF8F}), 23129999.0);
    PYROLINK_COMPARE_EXACT(Codec::decode(def("advanced_hold_hysteresis"), {25}), 2.5);
    const RegisterDef *gain = p->findById(QStringLiteral("user_gain"), QStringLiteral("ct4m"));
    QVERIFY(gain);
    PYROLINK_COMPARE_EXACT(Codec::decode(*gain, {16384}), 0.5);
    QCOMPARE(*Codec::encode(def("emissivity"), 0.85), Words{850});
    QCOMPARE(*Codec::encode(def("emissivity"), 1.1), Words{1100});
    QCOMPARE(*Codec::encode(def("emissivity"), 0.1), Words{100});
    QVERIFY(!Codec::validate(def("emissivity"), 0.8505).isEmpty());
    QCOMPARE(Codec::formatValue(def("avg_mode"), 1), QStringLiteral("Smart Averaging"));
    QVERIFY(!Codec::validate(def("temp_process"), 20).isEmpty()); // an input register
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
