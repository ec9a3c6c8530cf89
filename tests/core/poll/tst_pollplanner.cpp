// PollPlanner alone: how the whole Optris CT map of each model is merged, and how refusals teach it to split.
// No network.
#include "poll/PollPlanner.h"
#include "profile/ProfileLoader.h"

#include <QTest>

#include <algorithm>
#include <memory>

using namespace pyrolink;

namespace {

RegisterDef makeRegister(Table table, quint16 address, const QString &id)
{
    RegisterDef d;
    d.id = id;
    d.name = id;
    d.table = table;
    d.address = address;
    d.type = ValueType::U16;
    return d;
}

/// "input 1000..1001" for messages.
QString describe(const ReadBlock &b)
{
    return QStringLiteral("%1 %2..%3").arg(tableName(b.table)).arg(b.start).arg(b.start + b.count - 1);
}

QString describe(const QList<ReadBlock> &blocks)
{
    QStringList parts;
    for (const ReadBlock &b : blocks)
        parts.append(describe(b));
    return parts.join(QStringLiteral(", "));
}

/// The blocks expected for registers of one table whose gaps are all bridgeable: cut only where a block would
/// exceed the 125-register limit. Worked out from the addresses alone, not with the planner's code.
QList<std::pair<int, int>> expectedRanges(QList<const RegisterDef *> regs)
{
    std::sort(regs.begin(), regs.end(), [](auto *a, auto *b) { return a->address < b->address; });
    QList<std::pair<int, int>> ranges; // first, last address
    for (const RegisterDef *r : regs) {
        if (!ranges.isEmpty() && r->lastAddress() - ranges.last().first + 1 <= ReadPlanner::kMaxRegisters) {
            ranges.last().second = std::max<int>(ranges.last().second, r->lastAddress());
            continue;
        }
        ranges.append({r->address, r->lastAddress()});
    }
    return ranges;
}

} // namespace

class TestPollPlanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void wholeMapOfEachModel_data();
    void wholeMapOfEachModel();
    void bridgedBlockSplitsAtItsGapsFirst();
    void gapFreeBlockSplitsRegisterByRegister();
    void singleRefusedRegisterBecomesMissing();
    void learnedSplitsAreCountedPerTable();
    void resetForgetsEverything();
    void missingRegisterNeverPlanned();

private:
    std::shared_ptr<const Profile> m_optris;
};

void TestPollPlanner::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
    QCOMPARE(m_optris->models.size(), 4);
    QCOMPARE(PollPlanner().maxGap(), PollPlanner::kDefaultMaxGap);
}

void TestPollPlanner::wholeMapOfEachModel_data()
{
    QTest::addColumn<QString>("model");
    for (const ModelDef &m : m_optris->models)
        QTest::newRow(qPrintable(m.id)) << m.id;
}

void TestPollPlanner::wholeMapOfEachModel()
{
    QFETCH(QString, model);
    QList<const RegisterDef *> all, input, holding;
    for (const RegisterDef *d : m_optris->registersFor(model)) {
        if (!d->isReadable())
            continue;
        all.append(d);
        QVERIFY2(d->table == Table::Input || d->table == Table::Holding, qPrintable(d->id));
        (d->table == Table::Input ? input : holding).append(d);
    }
    QVERIFY(!input.isEmpty() && !holding.isEmpty());

    // Precondition of the expectation: no gap in either table is wider than the default maxGap.
    for (const auto *regs : {&input, &holding}) {
        QList<const RegisterDef *> sorted = *regs;
        std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->address < b->address; });
        for (int i = 1; i < sorted.size(); ++i) {
            const int unused = int(sorted.at(i)->address) - int(sorted.at(i - 1)->lastAddress()) - 1;
            QVERIFY2(unused <= PollPlanner::kDefaultMaxGap,
                     qPrintable(QStringLiteral("%1 unused before %2").arg(unused).arg(sorted.at(i)->id)));
        }
    }

    const QList<std::pair<int, int>> wantInput = expectedRanges(input);
    const QList<std::pair<int, int>> wantHolding = expectedRanges(holding);
    QCOMPARE(wantInput.size(), 1); // input 1000..1052 or 1000..1086: far below 125 registers

    PollPlanner planner;
    const QList<ReadBlock> blocks = planner.plan(all);
    QList<std::pair<int, int>> got;
    for (const ReadBlock &b : blocks)
        got.append({b.start, b.start + b.count - 1});
    QCOMPARE(got, wantInput + wantHolding); // input first: tables in enum order
    QCOMPARE(blocks.first().table, Table::Input);
    for (int i = 1; i < blocks.size(); ++i)
        QCOMPARE(blocks.at(i).table, Table::Holding);

    // The CTratio and the CT 4M reach 10130: 131 holding registers, over the 125-register limit.
    if (model == QStringLiteral("ctratio") || model == QStringLiteral("ct4m")) {
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(describe(blocks.first()), QStringLiteral("input 1000..1086"));
        QCOMPARE(blocks.at(1).start, quint16(10000));
        QCOMPARE(blocks.last().start + blocks.last().count - 1, 10130);
    } else {
        // CT LT and CT xM end at 10054 / 10053: one holding block is enough.
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(describe(blocks.first()), QStringLiteral("input 1000..1052"));
    }

    // Every register is served exactly once, inside its block, and no block is too long.
    int served = 0;
    for (const ReadBlock &b : blocks) {
        QVERIFY2(b.count <= ReadPlanner::kMaxRegisters, qPrintable(describe(b)));
        for (const RegisterDef *d : b.registers) {
            QCOMPARE(d->table, b.table);
            QVERIFY2(d->address >= b.start && d->lastAddress() < b.start + b.count, qPrintable(d->id));
        }
        served += int(b.registers.size());
    }
    QCOMPARE(served, int(all.size()));
    QCOMPARE(planner.learnedSplits(), 0);
}

void TestPollPlanner::bridgedBlockSplitsAtItsGapsFirst()
{
    // 1000 1001 [1002-1004 unused] 1005 1006 [1007 unused] 1008
    const RegisterDef a = makeRegister(Table::Input, 1000, QStringLiteral("a"));
    const RegisterDef b = makeRegister(Table::Input, 1001, QStringLiteral("b"));
    const RegisterDef c = makeRegister(Table::Input, 1005, QStringLiteral("c"));
    const RegisterDef d = makeRegister(Table::Input, 1006, QStringLiteral("d"));
    const RegisterDef e = makeRegister(Table::Input, 1008, QStringLiteral("e"));
    const QList<const RegisterDef *> regs{&e, &c, &a, &d, &b}; // any order

    PollPlanner planner;
    QList<ReadBlock> blocks = planner.plan(regs);
    QCOMPARE(describe(blocks), QStringLiteral("input 1000..1008"));

    const QList<const RegisterDef *> missing = planner.learnRefused(blocks.first());
    QVERIFY(missing.isEmpty());
    QCOMPARE(planner.learnedSplits(), 2); // before 1005 and before 1008, not between neighbours
    QVERIFY(!planner.isMissing(&a));

    blocks = planner.plan(regs);
    QCOMPARE(describe(blocks), QStringLiteral("input 1000..1001, input 1005..1006, input 1008..1008"));
    QCOMPARE(blocks.at(0).registers, (QList<const RegisterDef *>{&a, &b}));
    QCOMPARE(blocks.at(1).registers, (QList<const RegisterDef *>{&c, &d}));
    QCOMPARE(blocks.at(2).registers, (QList<const RegisterDef *>{&e}));

    // What was learned holds for any later plan that contains these registers.
    blocks = planner.plan({&b, &c});
    QCOMPARE(describe(blocks), QStringLiteral("input 1001..1001, input 1005..1005"));
}

void TestPollPlanner::gapFreeBlockSplitsRegisterByRegister()
{
    const RegisterDef a = makeRegister(Table::Holding, 10000, QStringLiteral("a"));
    const RegisterDef b = makeRegister(Table::Holding, 10001, QStringLiteral("b"));
    const RegisterDef c = makeRegister(Table::Holding, 10002, QStringLiteral("c"));
    RegisterDef wide = makeRegister(Table::Holding, 10005, QStringLiteral("wide"));
    wide.type = ValueType::U32; // 10005-10006
    const QList<const RegisterDef *> regs{&a, &b, &c, &wide};

    PollPlanner planner;
    QList<ReadBlock> blocks = planner.plan(regs);
    QCOMPARE(describe(blocks), QStringLiteral("holding 10000..10006"));

    // First refusal: split at the gap 10003-10004.
    QVERIFY(planner.learnRefused(blocks.first()).isEmpty());
    QCOMPARE(planner.learnedSplits(), 1);
    blocks = planner.plan(regs);
    QCOMPARE(describe(blocks), QStringLiteral("holding 10000..10002, holding 10005..10006"));

    // The gap-free 10000..10002 is refused too: register by register now.
    QVERIFY(planner.learnRefused(blocks.first()).isEmpty());
    QCOMPARE(planner.learnedSplits(), 3);
    blocks = planner.plan(regs);
    QCOMPARE(describe(blocks),
             QStringLiteral(
                 "holding 10000..10000, holding 10001..10001, holding 10002..10002, holding 10005..10006"));
    // A 32-bit register is one register to the planner: never split inside it.
    QCOMPARE(blocks.last().registers, (QList<const RegisterDef *>{&wide}));
    for (const RegisterDef *r : regs)
        QVERIFY(!planner.isMissing(r));
}

void TestPollPlanner::singleRefusedRegisterBecomesMissing()
{
    const RegisterDef a = makeRegister(Table::Input, 1020, QStringLiteral("a"));
    const RegisterDef b = makeRegister(Table::Input, 1021, QStringLiteral("b"));
    const RegisterDef c = makeRegister(Table::Input, 1022, QStringLiteral("c"));
    const QList<const RegisterDef *> regs{&a, &b, &c};

    PollPlanner planner;
    QVERIFY(planner.learnRefused(planner.plan(regs).first()).isEmpty()); // gap-free: one by one
    QList<ReadBlock> blocks = planner.plan(regs);
    QCOMPARE(blocks.size(), 3);

    const QList<const RegisterDef *> missing = planner.learnRefused(blocks.at(1));
    QCOMPARE(missing, QList<const RegisterDef *>{&b});
    QVERIFY(planner.isMissing(&b));
    QVERIFY(!planner.isMissing(&a));
    QVERIFY(!planner.isMissing(&c));

    blocks = planner.plan(regs);
    QCOMPARE(describe(blocks), QStringLiteral("input 1020..1020, input 1022..1022"));
    for (const ReadBlock &block : blocks)
        QVERIFY(!block.registers.contains(&b));
    // A plan of the missing register alone is empty.
    QVERIFY(planner.plan({&b}).isEmpty());
}

void TestPollPlanner::learnedSplitsAreCountedPerTable()
{
    // The same address in two tables: a split learned in the input table does not split the holding one.
    const RegisterDef i0 = makeRegister(Table::Input, 100, QStringLiteral("i0"));
    const RegisterDef i1 = makeRegister(Table::Input, 101, QStringLiteral("i1"));
    const RegisterDef h0 = makeRegister(Table::Holding, 100, QStringLiteral("h0"));
    const RegisterDef h1 = makeRegister(Table::Holding, 101, QStringLiteral("h1"));

    PollPlanner planner;
    QList<ReadBlock> blocks = planner.plan({&i0, &i1, &h0, &h1});
    QCOMPARE(describe(blocks), QStringLiteral("input 100..101, holding 100..101"));
    QVERIFY(planner.learnRefused(blocks.first()).isEmpty());
    QCOMPARE(planner.learnedSplits(), 1);
    blocks = planner.plan({&i0, &i1, &h0, &h1});
    QCOMPARE(describe(blocks), QStringLiteral("input 100..100, input 101..101, holding 100..101"));
}

void TestPollPlanner::resetForgetsEverything()
{
    const RegisterDef a = makeRegister(Table::Input, 1000, QStringLiteral("a"));
    const RegisterDef b = makeRegister(Table::Input, 1010, QStringLiteral("b"));
    const RegisterDef c = makeRegister(Table::Input, 1011, QStringLiteral("c"));
    const QList<const RegisterDef *> regs{&a, &b, &c};

    PollPlanner planner;
    QVERIFY(planner.learnRefused(planner.plan(regs).first()).isEmpty());
    QCOMPARE(planner.learnedSplits(), 1);
    const QList<ReadBlock> split = planner.plan(regs);
    QCOMPARE(describe(split), QStringLiteral("input 1000..1000, input 1010..1011"));
    QCOMPARE(planner.learnRefused(split.first()), QList<const RegisterDef *>{&a});
    QVERIFY(planner.isMissing(&a));

    planner.reset();
    QCOMPARE(planner.learnedSplits(), 0);
    QVERIFY(!planner.isMissing(&a));
    QCOMPARE(describe(planner.plan(regs)), QStringLiteral("input 1000..1011"));
}

void TestPollPlanner::missingRegisterNeverPlanned()
{
    // maxGap applies as set: with 0, no gap is bridged and there is nothing to learn from a gap.
    const RegisterDef a = makeRegister(Table::Input, 1000, QStringLiteral("a"));
    const RegisterDef b = makeRegister(Table::Input, 1002, QStringLiteral("b"));
    PollPlanner tight(0);
    QCOMPARE(tight.maxGap(), 0);
    QCOMPARE(describe(tight.plan({&a, &b})), QStringLiteral("input 1000..1000, input 1002..1002"));
    tight.setMaxGap(1);
    QCOMPARE(describe(tight.plan({&a, &b})), QStringLiteral("input 1000..1002"));

    // Refusing a single register twice changes nothing more.
    PollPlanner planner;
    QCOMPARE(planner.learnRefused(planner.plan({&a}).first()), QList<const RegisterDef *>{&a});
    QCOMPARE(planner.learnedSplits(), 0);
    QCOMPARE(describe(planner.plan({&a, &b})), QStringLiteral("input 1002..1002"));
}

QTEST_GUILESS_MAIN(TestPollPlanner)
#include "tst_pollplanner.moc"
