// ReadPlanner: which registers go into which read request. Pure logic, no network: registers are built here
// or taken from the built-in Optris CT profile, and every expectation is worked out from the addresses.
#include "modbus/ReadPlanner.h"
#include "profile/ProfileLoader.h"

#include <QTest>

#include <algorithm>
#include <deque>
#include <memory>
#include <set>

using namespace pyrolink;

namespace {

/// Keeps the RegisterDefs alive at stable addresses (the planner hands back pointers to them).
class Defs
{
public:
    const RegisterDef *add(Table table, int address, ValueType type = ValueType::U16, int count = 1)
    {
        RegisterDef def;
        def.id = QStringLiteral("r%1").arg(m_defs.size());
        def.name = def.id;
        def.table = table;
        def.address = quint16(address);
        def.type = type;
        def.count = count;
        m_defs.push_back(def);
        return &m_defs.back();
    }
    const RegisterDef *holding(int address, ValueType type = ValueType::U16, int count = 1)
    {
        return add(Table::Holding, address, type, count);
    }

private:
    std::deque<RegisterDef> m_defs; // deque: push_back never moves the elements already there
};

/// "holding 10+3" for messages.
QString describe(const ReadBlock &b)
{
    return QStringLiteral("%1 %2+%3").arg(tableName(b.table)).arg(b.start).arg(b.count);
}

QString describe(const QList<ReadBlock> &blocks)
{
    QStringList parts;
    for (const ReadBlock &b : blocks)
        parts << describe(b);
    return parts.join(QStringLiteral(", "));
}

/// What any plan must satisfy, whatever the gap: every register in exactly one block of its table that covers
/// it whole, each block within the protocol's limits, no block of one table overlapping another.
void checkPlanInvariants(const QList<const RegisterDef *> &input, const QList<ReadBlock> &blocks)
{
    int served = 0;
    for (const ReadBlock &b : blocks) {
        const QString where = describe(b);
        QVERIFY2(b.count >= 1, qPrintable(where));
        const bool bits = b.table == Table::Coil || b.table == Table::DiscreteInput;
        QVERIFY2(b.count <= (bits ? 2000 : 125), qPrintable(where));
        QVERIFY2(int(b.start) + b.count <= 0x10000, qPrintable(where));
        QVERIFY2(!b.registers.isEmpty(), qPrintable(where));
        for (const RegisterDef *r : b.registers) {
            QVERIFY2(input.contains(r), qPrintable(where));
            QCOMPARE(r->table, b.table);
            QVERIFY2(r->address >= b.start && int(r->address) + r->width() <= int(b.start) + b.count,
                     qPrintable(where + QStringLiteral(" does not cover ") + r->id));
        }
        served += int(b.registers.size());
    }
    QCOMPARE(served, int(input.size()));
    for (const RegisterDef *r : input) {
        int n = 0;
        for (const ReadBlock &b : blocks)
            n += int(b.registers.count(r));
        QVERIFY2(n == 1, qPrintable(r->id));
    }
    for (int i = 0; i < blocks.size(); ++i)
        for (int j = i + 1; j < blocks.size(); ++j) {
            const ReadBlock &a = blocks.at(i);
            const ReadBlock &b = blocks.at(j);
            if (a.table != b.table)
                continue;
            const bool disjoint = a.start + a.count <= b.start || b.start + b.count <= a.start;
            QVERIFY2(disjoint, qPrintable(describe(a) + QStringLiteral(" overlaps ") + describe(b)));
        }
}

/// The blocks of one table, in address order.
QList<ReadBlock> ofTable(const QList<ReadBlock> &blocks, Table table)
{
    QList<ReadBlock> out;
    for (const ReadBlock &b : blocks)
        if (b.table == table)
            out.append(b);
    std::sort(out.begin(), out.end(),
              [](const ReadBlock &a, const ReadBlock &b) { return a.start < b.start; });
    return out;
}

/// The fewest requests that read exactly the addresses the registers cover and nothing else (maxGap 0):
/// one per maximal run of consecutive covered addresses of a table. Worked out from the addresses alone.
int contiguousRuns(const QList<const RegisterDef *> &registers, QString *why)
{
    int runs = 0;
    for (Table table : {Table::Coil, Table::DiscreteInput, Table::Input, Table::Holding}) {
        std::set<int> covered;
        for (const RegisterDef *r : registers)
            if (r->table == table)
                for (int a = r->address; a < r->address + r->width(); ++a)
                    covered.insert(a);
        int runStart = -2;
        int previous = -2;
        for (int a : covered) {
            if (a != previous + 1) {
                ++runs;
                runStart = a;
            }
            previous = a;
            // A run longer than one request would be split somewhere the formula does not know.
            if (a - runStart + 1 > 125 && why)
                *why =
                    QStringLiteral("%1 run from %2 is longer than 125").arg(tableName(table)).arg(runStart);
        }
    }
    return runs;
}

} // namespace

class TestReadPlanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void empty();
    void adjacentRegistersMerge();
    void gapWithMaxGapZeroSplits();
    void gapUpToMaxGapIsBridged_data();
    void gapUpToMaxGapIsBridged();
    void tablesNeverMerge();
    void exactly125RegistersMerge();
    void register126Splits();
    void gapCountsTowards125();
    void wideRegisterCrossing125Splits();
    void bitLimit2000();
    void wideRegistersSpan();
    void overlappingRegisters();
    void unsortedInput();
    void topOfAddressSpace();
    void sliceEachRegister();
    void sliceBits();

    void optrisProfileMaxGapZero_data();
    void optrisProfileMaxGapZero();
    void optrisProfileLargeGap_data();
    void optrisProfileLargeGap();

private:
    std::shared_ptr<const Profile> m_optris;
};

void TestReadPlanner::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
    QCOMPARE(m_optris->models.size(), 4);
}

void TestReadPlanner::empty()
{
    QVERIFY(ReadPlanner::plan({}).isEmpty());
    QVERIFY(ReadPlanner::plan({}, 200).isEmpty());
}

void TestReadPlanner::adjacentRegistersMerge()
{
    Defs d;
    const QList<const RegisterDef *> regs{d.holding(10), d.holding(11), d.holding(12)};
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).table, Table::Holding);
    QCOMPARE(blocks.at(0).start, quint16(10));
    QCOMPARE(blocks.at(0).count, quint16(3));
    QCOMPARE(blocks.at(0).registers, regs);
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::gapWithMaxGapZeroSplits()
{
    Defs d;
    const QList<const RegisterDef *> regs{d.holding(10), d.holding(12)}; // 11 is not asked for
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).start, quint16(10));
    QCOMPARE(blocks.at(0).count, quint16(1));
    QCOMPARE(blocks.at(1).start, quint16(12));
    QCOMPARE(blocks.at(1).count, quint16(1));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::gapUpToMaxGapIsBridged_data()
{
    QTest::addColumn<int>("maxGap");
    QTest::addColumn<int>("blocks");
    // Registers at 10 and 14: three unused addresses (11, 12, 13) between them.
    QTest::newRow("gap 0") << 0 << 2;
    QTest::newRow("gap 1") << 1 << 2;
    QTest::newRow("gap 2") << 2 << 2;
    QTest::newRow("gap 3 (exactly)") << 3 << 1;
    QTest::newRow("gap 4") << 4 << 1;
    QTest::newRow("gap 200") << 200 << 1;
}

void TestReadPlanner::gapUpToMaxGapIsBridged()
{
    QFETCH(int, maxGap);
    QFETCH(int, blocks);
    Defs d;
    const QList<const RegisterDef *> regs{d.holding(10), d.holding(14)};
    const QList<ReadBlock> plan = ReadPlanner::plan(regs, maxGap);
    QCOMPARE(plan.size(), blocks);
    if (blocks == 1) {
        QCOMPARE(plan.at(0).start, quint16(10));
        QCOMPARE(plan.at(0).count, quint16(5)); // 10..14, the gap read and thrown away
    }
    checkPlanInvariants(regs, plan);
}

void TestReadPlanner::tablesNeverMerge()
{
    Defs d;
    // The same and neighbouring addresses in all four tables: four requests even with a wide gap.
    const QList<const RegisterDef *> regs{d.add(Table::Holding, 100), d.add(Table::Input, 100),
                                          d.add(Table::Input, 101), d.add(Table::Coil, 101),
                                          d.add(Table::DiscreteInput, 99)};
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 200);
    QCOMPARE(blocks.size(), 4);
    for (Table t : {Table::Coil, Table::DiscreteInput, Table::Input, Table::Holding})
        QCOMPARE(ofTable(blocks, t).size(), 1);
    QCOMPARE(ofTable(blocks, Table::Input).at(0).count, quint16(2));
    QCOMPARE(ofTable(blocks, Table::Input).at(0).registers,
             (QList<const RegisterDef *>{regs.at(1), regs.at(2)}));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::exactly125RegistersMerge()
{
    Defs d;
    QList<const RegisterDef *> regs;
    for (int a = 1000; a < 1125; ++a)
        regs.append(d.add(Table::Input, a));
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QVERIFY2(blocks.size() == 1, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(0).start, quint16(1000));
    QCOMPARE(blocks.at(0).count, quint16(125));
    QCOMPARE(blocks.at(0).registers.size(), 125);
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::register126Splits()
{
    Defs d;
    QList<const RegisterDef *> regs;
    for (int a = 1000; a < 1126; ++a)
        regs.append(d.add(Table::Input, a));
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QVERIFY2(blocks.size() == 2, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(0).start, quint16(1000));
    QCOMPARE(blocks.at(0).count, quint16(125));
    QCOMPARE(blocks.at(1).start, quint16(1125));
    QCOMPARE(blocks.at(1).count, quint16(1));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::gapCountsTowards125()
{
    Defs d;
    // First and last address of a 125-register window: one request; one further: two.
    QList<const RegisterDef *> regs{d.holding(0), d.holding(124)};
    QList<ReadBlock> blocks = ReadPlanner::plan(regs, 200);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).count, quint16(125));
    checkPlanInvariants(regs, blocks);

    regs = {d.holding(0), d.holding(125)};
    blocks = ReadPlanner::plan(regs, 200);
    QVERIFY2(blocks.size() == 2, qPrintable(describe(blocks)));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::wideRegisterCrossing125Splits()
{
    Defs d;
    // A u32 at 123 ends at 124: 125 registers from 0. At 124 it would end at 125: 126, so it starts anew.
    QList<const RegisterDef *> regs{d.holding(0), d.holding(123, ValueType::U32)};
    QList<ReadBlock> blocks = ReadPlanner::plan(regs, 200);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).count, quint16(125));

    regs = {d.holding(0), d.holding(124, ValueType::F32)};
    blocks = ReadPlanner::plan(regs, 200);
    QVERIFY2(blocks.size() == 2, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(1).start, quint16(124));
    QCOMPARE(blocks.at(1).count, quint16(2));
    checkPlanInvariants(regs, blocks);

    // A words block is never cut in two: 121 words after 5 registers do not fit one request.
    regs = {d.holding(0), d.holding(1), d.holding(2),
            d.holding(3), d.holding(4), d.holding(5, ValueType::Words, 121)};
    blocks = ReadPlanner::plan(regs, 0);
    QVERIFY2(blocks.size() == 2, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(0).count, quint16(5));
    QCOMPARE(blocks.at(1).start, quint16(5));
    QCOMPARE(blocks.at(1).count, quint16(121));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::bitLimit2000()
{
    Defs d;
    QList<const RegisterDef *> coils;
    for (int a = 0; a < 2000; ++a)
        coils.append(d.add(Table::Coil, a));
    QList<ReadBlock> blocks = ReadPlanner::plan(coils, 0);
    QVERIFY2(blocks.size() == 1, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(0).count, quint16(2000));
    checkPlanInvariants(coils, blocks);

    coils.append(d.add(Table::Coil, 2000));
    blocks = ReadPlanner::plan(coils, 0);
    QVERIFY2(blocks.size() == 2, qPrintable(describe(blocks)));
    QCOMPARE(blocks.at(0).count, quint16(2000));
    QCOMPARE(blocks.at(1).start, quint16(2000));
    checkPlanInvariants(coils, blocks);

    // Discrete inputs far apart: the gap counts in bits, up to 2000 of them; 126 is nothing for bits.
    QList<const RegisterDef *> inputs{d.add(Table::DiscreteInput, 0), d.add(Table::DiscreteInput, 1999)};
    blocks = ReadPlanner::plan(inputs, 2000);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).count, quint16(2000));
    inputs = {d.add(Table::DiscreteInput, 0), d.add(Table::DiscreteInput, 2000)};
    blocks = ReadPlanner::plan(inputs, 2000);
    QCOMPARE(blocks.size(), 2);
    // A u32-typed bit is still one bit wide.
    inputs = {d.add(Table::DiscreteInput, 0), d.add(Table::DiscreteInput, 1999, ValueType::U32)};
    blocks = ReadPlanner::plan(inputs, 2000);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).count, quint16(2000));
}

void TestReadPlanner::wideRegistersSpan()
{
    Defs d;
    // u32 at 10-11, s32 at 12-13, words x3 at 14-16, f32 at 17-18: back to back, one request of 9.
    const QList<const RegisterDef *> regs{d.holding(10, ValueType::U32), d.holding(12, ValueType::S32),
                                          d.holding(14, ValueType::Words, 3), d.holding(17, ValueType::F32)};
    QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).start, quint16(10));
    QCOMPARE(blocks.at(0).count, quint16(9));
    checkPlanInvariants(regs, blocks);

    // The next register right after the last word of a u32 is adjacent; one address later is a gap.
    const QList<const RegisterDef *> two{d.holding(20, ValueType::U32), d.holding(22)};
    QCOMPARE(ReadPlanner::plan(two, 0).size(), 1);
    const QList<const RegisterDef *> gap{d.holding(20, ValueType::U32), d.holding(23)};
    QCOMPARE(ReadPlanner::plan(gap, 0).size(), 2);
    QCOMPARE(ReadPlanner::plan(gap, 1).size(), 1);
    QCOMPARE(ReadPlanner::plan(gap, 1).at(0).count, quint16(4));
}

void TestReadPlanner::overlappingRegisters()
{
    Defs d;
    // Two views of the same words (a u32 and its low word; a duplicate): read once, served to both.
    const QList<const RegisterDef *> regs{d.holding(10, ValueType::U32), d.holding(11), d.holding(11)};
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).start, quint16(10));
    QCOMPARE(blocks.at(0).count, quint16(2));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::unsortedInput()
{
    Defs d;
    const RegisterDef *h13 = d.holding(13);
    const RegisterDef *i5 = d.add(Table::Input, 5);
    const RegisterDef *h10 = d.holding(10, ValueType::U32);
    const RegisterDef *h12 = d.holding(12);
    const RegisterDef *i4 = d.add(Table::Input, 4);
    const RegisterDef *h20 = d.holding(20);
    const QList<const RegisterDef *> regs{h13, i5, h20, h10, h12, i4};
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    checkPlanInvariants(regs, blocks);
    QVERIFY2(blocks.size() == 3, qPrintable(describe(blocks)));

    const QList<ReadBlock> input = ofTable(blocks, Table::Input);
    QCOMPARE(input.size(), 1);
    QCOMPARE(input.at(0).start, quint16(4));
    QCOMPARE(input.at(0).count, quint16(2));
    QCOMPARE(input.at(0).registers, (QList<const RegisterDef *>{i4, i5}));

    const QList<ReadBlock> holding = ofTable(blocks, Table::Holding);
    QCOMPARE(holding.size(), 2);
    QCOMPARE(holding.at(0).start, quint16(10));
    QCOMPARE(holding.at(0).count, quint16(4));
    QCOMPARE(holding.at(0).registers, (QList<const RegisterDef *>{h10, h12, h13}));
    QCOMPARE(holding.at(1).start, quint16(20));
    QCOMPARE(holding.at(1).count, quint16(1));

    // Any order of the same registers gives the same requests.
    QList<const RegisterDef *> reversed = regs;
    std::reverse(reversed.begin(), reversed.end());
    const QList<ReadBlock> again = ReadPlanner::plan(reversed, 0);
    QCOMPARE(describe(again), describe(blocks));
}

void TestReadPlanner::topOfAddressSpace()
{
    Defs d;
    const QList<const RegisterDef *> regs{d.holding(65500), d.holding(65534), d.holding(65535)};
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 100);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).start, quint16(65500));
    QCOMPARE(blocks.at(0).count, quint16(36));
    checkPlanInvariants(regs, blocks);
}

void TestReadPlanner::sliceEachRegister()
{
    Defs d;
    const RegisterDef *u16 = d.holding(100);
    const RegisterDef *u32 = d.holding(102, ValueType::U32); // 101 is a gap
    const RegisterDef *words = d.holding(104, ValueType::Words, 3);
    const RegisterDef *last = d.holding(107, ValueType::S16);
    const QList<ReadBlock> blocks = ReadPlanner::plan({last, words, u32, u16}, 1);
    QCOMPARE(blocks.size(), 1);
    const ReadBlock &b = blocks.at(0);
    QCOMPARE(b.start, quint16(100));
    QCOMPARE(b.count, quint16(8));

    // The answer for 100..107: each word tells its own address.
    QList<quint16> answer;
    for (int a = 100; a <= 107; ++a)
        answer.append(quint16(0xA000 + a));
    QCOMPARE(ReadPlanner::slice(b, answer, *u16), QList<quint16>{0xA000 + 100});
    QCOMPARE(ReadPlanner::slice(b, answer, *u32), (QList<quint16>{0xA000 + 102, 0xA000 + 103}));
    QCOMPARE(ReadPlanner::slice(b, answer, *words),
             (QList<quint16>{0xA000 + 104, 0xA000 + 105, 0xA000 + 106}));
    QCOMPARE(ReadPlanner::slice(b, answer, *last), QList<quint16>{0xA000 + 107});

    // Every register of every block of a bigger plan gets exactly its own words.
    Defs many;
    QList<const RegisterDef *> regs;
    for (int a = 0; a < 300; a += 3)
        regs.append(many.holding(a, a % 2 ? ValueType::U32 : ValueType::U16));
    for (const ReadBlock &block : ReadPlanner::plan(regs, 1)) {
        QList<quint16> values;
        for (int i = 0; i < block.count; ++i)
            values.append(quint16(block.start + i));
        for (const RegisterDef *r : block.registers) {
            QList<quint16> expected;
            for (int a = r->address; a < r->address + r->width(); ++a)
                expected.append(quint16(a));
            QCOMPARE(ReadPlanner::slice(block, values, *r), expected);
        }
    }
}

void TestReadPlanner::sliceBits()
{
    Defs d;
    const RegisterDef *c3 = d.add(Table::Coil, 3);
    const RegisterDef *c5 = d.add(Table::Coil, 5);
    const QList<ReadBlock> blocks = ReadPlanner::plan({c5, c3}, 1);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).start, quint16(3));
    QCOMPARE(blocks.at(0).count, quint16(3));
    // Qt may hand back the padding bits of the last byte too: slicing ignores them.
    const QList<quint16> answer{1, 0, 0, 1, 1, 1, 1, 1};
    QCOMPARE(ReadPlanner::slice(blocks.at(0), answer, *c3), QList<quint16>{1});
    QCOMPARE(ReadPlanner::slice(blocks.at(0), answer, *c5), QList<quint16>{0});
}

void TestReadPlanner::optrisProfileMaxGapZero_data()
{
    QTest::addColumn<QString>("model");
    for (const ModelDef &m : m_optris->models)
        QTest::newRow(qPrintable(m.id)) << m.id;
}

void TestReadPlanner::optrisProfileMaxGapZero()
{
    QFETCH(QString, model);
    const QList<const RegisterDef *> regs = m_optris->registersFor(model);
    QVERIFY(regs.size() > 20);
    QString why;
    const int expected = contiguousRuns(regs, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 0);
    checkPlanInvariants(regs, blocks);
    QVERIFY2(blocks.size() == expected, qPrintable(QStringLiteral("%1 blocks, expected %2: %3")
                                                       .arg(blocks.size())
                                                       .arg(expected)
                                                       .arg(describe(blocks))));
    // With no gap bridged, no request reads an address the model lacks (which the device would refuse).
    std::set<std::pair<int, int>> covered;
    for (const RegisterDef *r : regs)
        for (int a = r->address; a < r->address + r->width(); ++a)
            covered.insert({int(r->table), a});
    for (const ReadBlock &b : blocks)
        for (int a = b.start; a < b.start + b.count; ++a)
            QVERIFY2(covered.count({int(b.table), a}),
                     qPrintable(describe(b) + QStringLiteral(" reads a gap at ") + QString::number(a)));
    // Stable: the same registers in another order plan the same requests.
    QList<const RegisterDef *> reversed = regs;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(describe(ReadPlanner::plan(reversed, 0)), describe(blocks));
}

void TestReadPlanner::optrisProfileLargeGap_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("inputEnd");   // last input address of the model
    QTest::addColumn<int>("holdingEnd"); // last holding address of the model
    QTest::addColumn<int>("requests");
    // CTratio and CT 4M: input 1000..1086 (model_info_block2 = 1075 + 12 - 1), holding 10000..10130 is 131
    // registers, more than one request holds: 1 + 2 = 3. CT LT and CT xM end at 1052 and 10054 / 10053.
    QTest::newRow("ctlt") << QStringLiteral("ctlt") << 1052 << 10054 << 2;
    QTest::newRow("ctxm") << QStringLiteral("ctxm") << 1052 << 10053 << 2;
    QTest::newRow("ctratio") << QStringLiteral("ctratio") << 1086 << 10130 << 3;
    QTest::newRow("ct4m") << QStringLiteral("ct4m") << 1086 << 10130 << 3;
}

void TestReadPlanner::optrisProfileLargeGap()
{
    QFETCH(QString, model);
    QFETCH(int, inputEnd);
    QFETCH(int, holdingEnd);
    QFETCH(int, requests);
    const QList<const RegisterDef *> regs = m_optris->registersFor(model);
    const QList<ReadBlock> blocks = ReadPlanner::plan(regs, 200);
    checkPlanInvariants(regs, blocks);
    QVERIFY2(blocks.size() == requests, qPrintable(describe(blocks)));

    const QList<ReadBlock> input = ofTable(blocks, Table::Input);
    QCOMPARE(input.size(), 1);
    QCOMPARE(int(input.at(0).start), 1000);
    QCOMPARE(int(input.at(0).start) + input.at(0).count - 1, inputEnd);

    const QList<ReadBlock> holding = ofTable(blocks, Table::Holding);
    QCOMPARE(holding.size(), requests - 1);
    QCOMPARE(int(holding.first().start), 10000);
    QCOMPARE(int(holding.last().start) + holding.last().count - 1, holdingEnd);
    if (holding.size() == 2) // the first request takes as many registers as fit, the second the rest
        QVERIFY(holding.at(0).count + holding.at(1).count <= holdingEnd - 10000 + 1);
}

QTEST_GUILESS_MAIN(TestReadPlanner)
#include "tst_readplanner.moc"
