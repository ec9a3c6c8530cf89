// RegisterIo against a DeviceSimulator serving the built-in Optris CT profile on 127.0.0.1, every model.
// Expected values come from the simulator's own state or the profile's seed formulas, never from RegisterIo.
#include "modbus/RegisterIo.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QDateTime>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace pyrolink;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);

/// What the simulator held for some registers at one moment.
struct Snapshot
{
    QList<QList<quint16>> words;
    QList<double> values;
    bool operator==(const Snapshot &o) const { return words == o.words; }
};

Snapshot snapshot(const DeviceSimulator &sim, const QList<const RegisterDef *> &regs)
{
    Snapshot s;
    for (const RegisterDef *def : regs) {
        s.words.append(sim.words(*def));
        s.values.append(sim.value(*def));
    }
    return s;
}

/// Waits for a callback in an event loop. (QTest::qWaitFor sleeps 10 ms between its looks, which makes
/// every round trip of a long read cost 10 ms and lets the simulator move meanwhile.)
class Waiter
{
public:
    void done()
    {
        ++m_calls;
        m_loop.quit();
    }
    int calls() const { return m_calls; }
    /// True when done() came within `ms`.
    bool wait(int ms)
    {
        if (m_calls == 0) {
            QTimer::singleShot(ms, &m_loop, &QEventLoop::quit);
            m_loop.exec();
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return m_calls > 0;
    }

private:
    QEventLoop m_loop;
    int m_calls = 0;
};

bool isOneSentence(const QString &s)
{
    return !s.isEmpty() && s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1String("..")) &&
           !s.contains(QLatin1String(". ")) && !s.contains(QLatin1Char('\n'));
}

} // namespace

class TestRegisterIo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void readsEveryRegister_data();
    void readsEveryRegister();
    void mergedReadAcrossMissingAddressesFallsBack_data() { models(); }
    void mergedReadAcrossMissingAddressesFallsBack();
    void missingRegisterEndsError_data() { models(); }
    void missingRegisterEndsError();
    void readWhenNotOpen();
    void writeEmissivity_data() { models(); }
    void writeEmissivity();
    void refusedWrite();
    void writeReportsEveryItem();
    void writeWordsBlock();
    void actionIsNotReadBack_data() { models(); }
    void actionIsNotReadBack();
    void prepareRefuses();
    void prepareTextAccepts();
    void displayUnitFollowsTempUnit();
    void qualityNames();

private:
    void models();
    /// Starts a simulator of `model` and opens m_link / m_io to it.
    bool start(const QString &model);
    const RegisterDef *reg(const QString &id) const;
    /// Reads and waits; nullopt if the callback did not come (or came twice).
    std::optional<QList<Reading>> read(const QList<const RegisterDef *> &regs, int maxGap);
    std::optional<QList<WriteOutcome>> write(const QList<WriteItem> &items);
    /// Reads while the simulator's readings hold still (it moves them ten times a second), so every value
    /// can be compared with what the simulator held; *held gets that.
    std::optional<QList<Reading>> readSteady(const QList<const RegisterDef *> &regs, int maxGap,
                                             Snapshot *held);
    /// Every reading Good, in the order asked, with the words and value the simulator held.
    void checkGood(const QList<const RegisterDef *> &regs, const QList<Reading> &readings,
                   const Snapshot &held);

    std::shared_ptr<const Profile> m_optris;
    std::unique_ptr<DeviceSimulator> m_sim;
    std::unique_ptr<ModbusLink> m_link;
    std::unique_ptr<RegisterIo> m_io;
    qint64 m_readStartMs = 0;
    qint64 m_readEndMs = 0;
};

void TestRegisterIo::initTestCase()
{
    QString error;
    m_optris = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    QVERIFY2(m_optris, qPrintable(error));
    QCOMPARE(m_optris->models.size(), 4);
}

void TestRegisterIo::cleanup()
{
    m_io.reset();
    m_link.reset();
    m_sim.reset();
}

void TestRegisterIo::models()
{
    QTest::addColumn<QString>("model");
    for (const ModelDef &m : m_optris->models)
        QTest::newRow(qPrintable(m.id)) << m.id;
}

bool TestRegisterIo::start(const QString &model)
{
    m_sim = std::make_unique<DeviceSimulator>(m_optris, model);
    if (!m_sim->listen(kLocal, 0))
        return false;
    ConnectionSettings s;
    s.host = kLocal.toString();
    s.port = m_sim->port();
    s.timeoutMs = 1000;
    s.retries = 0;
    m_link = std::make_unique<ModbusLink>(s);
    m_io = std::make_unique<RegisterIo>(m_link.get());
    QSignalSpy opened(m_link.get(), &ModbusLink::opened);
    m_link->open();
    return (opened.count() == 1 || opened.wait(3000)) && m_link->isOpen();
}

const RegisterDef *TestRegisterIo::reg(const QString &id) const
{
    const RegisterDef *def = m_optris->findById(id, m_sim ? m_sim->model() : QString());
    if (!def)
        qWarning() << "no register" << id;
    return def;
}

std::optional<QList<Reading>> TestRegisterIo::read(const QList<const RegisterDef *> &regs, int maxGap)
{
    Waiter waiter;
    QList<Reading> out;
    m_readStartMs = QDateTime::currentMSecsSinceEpoch();
    m_io->read(
        regs,
        [&](const QList<Reading> &r) {
            waiter.done();
            out = r;
        },
        maxGap);
    if (!waiter.wait(5000) || waiter.calls() != 1)
        return std::nullopt;
    m_readEndMs = QDateTime::currentMSecsSinceEpoch();
    return out;
}

std::optional<QList<WriteOutcome>> TestRegisterIo::write(const QList<WriteItem> &items)
{
    Waiter waiter;
    QList<WriteOutcome> out;
    m_io->write(items, [&](const QList<WriteOutcome> &o) {
        waiter.done();
        out = o;
    });
    if (!waiter.wait(5000) || waiter.calls() != 1)
        return std::nullopt;
    return out;
}

std::optional<QList<Reading>> TestRegisterIo::readSteady(const QList<const RegisterDef *> &regs, int maxGap,
                                                         Snapshot *held)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        const Snapshot before = snapshot(*m_sim, regs);
        const auto readings = read(regs, maxGap);
        if (!readings)
            return std::nullopt;
        const Snapshot after = snapshot(*m_sim, regs);
        if (before == after) {
            *held = after;
            return readings;
        }
    }
    qWarning() << "the simulator never held still for a whole read";
    return std::nullopt;
}

void TestRegisterIo::checkGood(const QList<const RegisterDef *> &regs, const QList<Reading> &readings,
                               const Snapshot &held)
{
    QCOMPARE(readings.size(), regs.size());
    for (int i = 0; i < regs.size(); ++i) {
        const Reading &r = readings.at(i);
        const RegisterDef *def = regs.at(i);
        const QString what = def->id + QStringLiteral(": ") + r.error;
        QVERIFY2(r.def == def, qPrintable(QStringLiteral("reading %1 is %2, not %3")
                                              .arg(i)
                                              .arg(r.def ? r.def->id : QStringLiteral("null"), def->id)));
        QVERIFY2(r.quality == Quality::Good, qPrintable(what));
        QVERIFY2(r.error.isEmpty(), qPrintable(what));
        QCOMPARE(r.exceptionCode, 0);
        QVERIFY(r.hasValue());
        QVERIFY2(r.raw == held.words.at(i), qPrintable(what));
        QCOMPARE(r.raw.size(), def->width());
        if (def->isNumeric()) {
            const double expected = held.values.at(i);
            QVERIFY2(
                r.value == expected,
                qPrintable(
                    QStringLiteral("%1 = %2, simulator holds %3").arg(def->id).arg(r.value).arg(expected)));
        } else {
            QVERIFY2(std::isnan(r.value), qPrintable(def->id));
        }
        QVERIFY2(r.timestampMs >= m_readStartMs && r.timestampMs <= m_readEndMs, qPrintable(def->id));
    }
}

void TestRegisterIo::readsEveryRegister_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("maxGap");
    for (const ModelDef &m : m_optris->models) {
        QTest::newRow(qPrintable(m.id + QStringLiteral(" gap 0"))) << m.id << 0;
        // Bridging every gap the model has: the device refuses each merged block, every register still comes.
        QTest::newRow(qPrintable(m.id + QStringLiteral(" gap 200"))) << m.id << 200;
    }
}

void TestRegisterIo::readsEveryRegister()
{
    QFETCH(QString, model);
    QFETCH(int, maxGap);
    QVERIFY(start(model));
    QList<const RegisterDef *> regs;
    for (const RegisterDef *def : m_sim->registers())
        if (def->isReadable())
            regs.append(def);
    QVERIFY(regs.size() > 20);
    // Not in address order: the readings must come back in the order asked for all the same.
    std::reverse(regs.begin(), regs.end());
    std::rotate(regs.begin(), regs.begin() + regs.size() / 3, regs.end());

    Snapshot held;
    const auto readings = readSteady(regs, maxGap, &held);
    QVERIFY(readings);
    checkGood(regs, *readings, held);
}

void TestRegisterIo::mergedReadAcrossMissingAddressesFallsBack()
{
    QFETCH(QString, model);
    QVERIFY(start(model));
    // 1020..1023 and 1050 (F1 or IO1): with maxGap 40 one request 1020..1050, but 1029..1039 exist on no
    // model, so the device refuses it with exception 2.
    QList<const RegisterDef *> regs;
    for (int a : {1050, 1023, 1020, 1022, 1021}) {
        const RegisterDef *def = m_optris->findAt(Table::Input, quint16(a), model);
        QVERIFY2(def, qPrintable(QString::number(a)));
        regs.append(def);
    }
    int calls = 0;
    IoResult merged;
    m_link->read(Table::Input, 1020, 31, [&](const IoResult &r) {
        ++calls;
        merged = r;
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 3000);
    QCOMPARE(merged.exceptionCode, 2); // the premise: the merged request is refused

    Snapshot held;
    const auto readings = readSteady(regs, 40, &held);
    QVERIFY(readings);
    checkGood(regs, *readings, held);
}

void TestRegisterIo::missingRegisterEndsError()
{
    QFETCH(QString, model);
    QVERIFY(start(model));
    RegisterDef ghost;
    ghost.id = QStringLiteral("ghost");
    ghost.name = QStringLiteral("Ghost");
    ghost.table = Table::Input;
    ghost.address = 2000;
    ghost.access = Access::Read;
    RegisterDef gap = ghost; // in the gap 1029..1039: merged with temp_act at maxGap 10, then alone
    gap.id = QStringLiteral("gap");
    gap.address = 1029;

    const QList<const RegisterDef *> regs{reg(QStringLiteral("temp_process")), &ghost,
                                          reg(QStringLiteral("serial_number")), &gap,
                                          reg(QStringLiteral("temp_act"))};
    for (int maxGap : {0, 10}) {
        const auto readings = read(regs, maxGap);
        QVERIFY(readings);
        QCOMPARE(readings->size(), regs.size());
        for (int i : {1, 3}) {
            const Reading &r = readings->at(i);
            QCOMPARE(r.def, regs.at(i));
            QCOMPARE(r.quality, Quality::Error);
            QCOMPARE(r.exceptionCode, 2);
            QVERIFY2(r.error.contains(QLatin1String("Illegal data address")), qPrintable(r.error));
            QVERIFY2(isOneSentence(r.error), qPrintable(r.error));
            QVERIFY(!r.hasValue());
            QVERIFY(std::isnan(r.value));
        }
        for (int i : {0, 2, 4}) {
            const Reading &r = readings->at(i);
            QCOMPARE(r.def, regs.at(i));
            QVERIFY2(r.quality == Quality::Good, qPrintable(regs.at(i)->id + QStringLiteral(": ") + r.error));
            QCOMPARE(r.exceptionCode, 0);
        }
        // The serial number never moves: exactly what the simulator holds.
        QCOMPARE(readings->at(2).value, *m_sim->value(QStringLiteral("serial_number")));
    }
}

void TestRegisterIo::readWhenNotOpen()
{
    ConnectionSettings s;
    s.port = 1; // never opened
    ModbusLink link(s);
    RegisterIo io(&link);
    const QList<const RegisterDef *> regs{m_optris->findById(QStringLiteral("temp_process"), QString()),
                                          m_optris->findById(QStringLiteral("emissivity"), QString())};
    int calls = 0;
    QList<Reading> out;
    io.read(regs, [&](const QList<Reading> &r) {
        ++calls;
        out = r;
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 1000);
    QCOMPARE(out.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(out.at(i).def, regs.at(i));
        QCOMPARE(out.at(i).quality, Quality::Error);
        QVERIFY2(out.at(i).error.contains(s.describe()), qPrintable(out.at(i).error));
    }
}

void TestRegisterIo::writeEmissivity()
{
    QFETCH(QString, model);
    QVERIFY(start(model));
    const RegisterDef *emissivity = reg(QStringLiteral("emissivity"));
    QVERIFY(emissivity);
    QString error;
    const auto item = RegisterIo::prepare(*emissivity, 0.85, &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->def, emissivity);
    QCOMPARE(item->value, 0.85);
    QCOMPARE(item->words, QList<quint16>{850}); // seed: value / 1000

    const auto outcomes = write({*item});
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 1);
    const WriteOutcome &o = outcomes->at(0);
    QVERIFY2(o.written, qPrintable(o.error));
    QVERIFY2(o.verified, qPrintable(o.error));
    QCOMPARE(o.readBack, item->words);
    QVERIFY(o.error.isEmpty());
    QCOMPARE(o.exceptionCode, 0);
    QCOMPARE(*m_sim->value(QStringLiteral("emissivity")), 0.85);
    QCOMPARE(m_sim->words(*emissivity), QList<quint16>{850});
}

void TestRegisterIo::refusedWrite()
{
    QVERIFY(start(QStringLiteral("ctlt")));
    const RegisterDef *emissivity = reg(QStringLiteral("emissivity"));
    QVERIFY(emissivity);
    RegisterDef wide = *emissivity; // what an outdated profile might allow
    wide.max = 10.0;
    QString error;
    const auto item = RegisterIo::prepare(wide, 5.0, &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{5000});

    const auto outcomes = write({*item});
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 1);
    const WriteOutcome &o = outcomes->at(0);
    QVERIFY(!o.written);
    QVERIFY(!o.verified);
    QCOMPARE(o.exceptionCode, 3);
    QVERIFY2(o.error.contains(QLatin1String("Illegal data value")), qPrintable(o.error));
    QVERIFY(o.readBack.isEmpty());
    QCOMPARE(*m_sim->value(QStringLiteral("emissivity")), 0.95); // unchanged: the profile's default
}

void TestRegisterIo::writeReportsEveryItem()
{
    QVERIFY(start(QStringLiteral("ctratio")));
    const RegisterDef *emissivity = reg(QStringLiteral("emissivity"));
    const RegisterDef *transmission = reg(QStringLiteral("transmission"));
    QVERIFY(emissivity && transmission);
    RegisterDef wide = *emissivity;
    wide.max = 10.0;
    const QList<WriteItem> items{*RegisterIo::prepare(*emissivity, 0.9, nullptr),
                                 *RegisterIo::prepare(wide, 5.0, nullptr),
                                 *RegisterIo::prepare(*transmission, 0.8, nullptr)};
    const auto outcomes = write(items);
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 3);
    QCOMPARE(outcomes->at(0).item.def, emissivity);
    QVERIFY(outcomes->at(0).verified);
    QCOMPARE(outcomes->at(1).item.def, &wide);
    QVERIFY(!outcomes->at(1).written);
    QCOMPARE(outcomes->at(1).exceptionCode, 3);
    QCOMPARE(outcomes->at(2).item.def, transmission);
    QVERIFY(outcomes->at(2).verified);
    QCOMPARE(outcomes->at(2).readBack, QList<quint16>{800});
    QCOMPARE(*m_sim->value(QStringLiteral("emissivity")), 0.9);
    QCOMPARE(*m_sim->value(QStringLiteral("transmission")), 0.8);
}

void TestRegisterIo::writeWordsBlock()
{
    QVERIFY(start(QStringLiteral("ctlt")));
    const RegisterDef *block = reg(QStringLiteral("head_code_block1"));
    QVERIFY(block);
    QString error;
    const auto item = RegisterIo::prepareText(*block, QStringLiteral("0x1234 0xabcd"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, (QList<quint16>{0x1234, 0xABCD}));
    QVERIFY(std::isnan(item->value));
    const auto outcomes = write({*item});
    QVERIFY(outcomes);
    QVERIFY2(outcomes->at(0).verified, qPrintable(outcomes->at(0).error));
    QCOMPARE(m_sim->words(*block), (QList<quint16>{0x1234, 0xABCD}));
}

void TestRegisterIo::actionIsNotReadBack()
{
    QFETCH(QString, model);
    QVERIFY(start(model));
    const RegisterDef *reset = reg(QStringLiteral("error_count_reset"));
    QVERIFY(reset);
    QVERIFY(reset->isAction);
    QCOMPARE(*m_sim->value(QStringLiteral("error_count")), 3.0); // the simulator's starting count
    QSignalSpy written(m_sim.get(), &DeviceSimulator::written);

    QString error;
    const auto item = RegisterIo::prepare(*reset, reset->actionValue, &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{1});
    const auto outcomes = write({*item});
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 1);
    const WriteOutcome &o = outcomes->at(0);
    QVERIFY2(o.written, qPrintable(o.error));
    // The device puts the register back to 0 at once: a read-back would report a mismatch.
    QVERIFY(!o.verified);
    QVERIFY(o.readBack.isEmpty());
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("error_count_reset"));
    QCOMPARE(written.at(0).at(1).toDouble(), 1.0);
    QCOMPARE(*m_sim->value(QStringLiteral("error_count")), 0.0);

    // The same register in a profile that forgot the action flag: read back, it is 0 again, and the write is
    // reported as written but not verified.
    RegisterDef plain = *reset;
    plain.isAction = false;
    const auto again = write({*RegisterIo::prepare(plain, 1.0, nullptr)});
    QVERIFY(again);
    QCOMPARE(again->size(), 1);
    QVERIFY(again->at(0).written);
    QVERIFY(!again->at(0).verified);
    QCOMPARE(again->at(0).readBack, QList<quint16>{0});
    QVERIFY2(again->at(0).error.contains(plain.name), qPrintable(again->at(0).error));
    QVERIFY2(isOneSentence(again->at(0).error), qPrintable(again->at(0).error));
}

void TestRegisterIo::prepareRefuses()
{
    const RegisterDef *temp = m_optris->findById(QStringLiteral("temp_process"), QStringLiteral("ctlt"));
    const RegisterDef *emissivity = m_optris->findById(QStringLiteral("emissivity"), QStringLiteral("ctlt"));
    const RegisterDef *avgMode = m_optris->findById(QStringLiteral("avg_mode"), QStringLiteral("ctlt"));
    const RegisterDef *info =
        m_optris->findById(QStringLiteral("model_info_block1"), QStringLiteral("ctratio"));
    const RegisterDef *block = m_optris->findById(QStringLiteral("head_code_block1"), QStringLiteral("ctlt"));
    QVERIFY(temp && emissivity && avgMode && info && block);

    struct Case
    {
        const char *name;
        std::function<std::optional<WriteItem>(QString *)> prepare;
        QString mustContain;
    };
    const QList<Case> cases{
        {"read-only number", [&](QString *e) { return RegisterIo::prepare(*temp, 300.0, e); },
         QStringLiteral("read-only")},
        {"read-only text",
         [&](QString *e) { return RegisterIo::prepareText(*temp, QStringLiteral("300"), e); },
         QStringLiteral("read-only")},
        {"read-only words",
         [&](QString *e) { return RegisterIo::prepareText(*info, QStringLiteral("0x1"), e); },
         QStringLiteral("read-only")},
        {"above max", [&](QString *e) { return RegisterIo::prepare(*emissivity, 1.5, e); },
         QStringLiteral("1.5")},
        {"above max as text",
         [&](QString *e) { return RegisterIo::prepareText(*emissivity, QStringLiteral("1.5"), e); },
         QStringLiteral("1.5")},
        {"below min as text",
         [&](QString *e) { return RegisterIo::prepareText(*emissivity, QStringLiteral("0.05"), e); },
         QStringLiteral("0.05")},
        {"finer than resolution", [&](QString *e) { return RegisterIo::prepare(*emissivity, 0.8505, e); },
         QStringLiteral("0.8505")},
        {"not a number",
         [&](QString *e) { return RegisterIo::prepareText(*emissivity, QStringLiteral("abc"), e); },
         QStringLiteral("abc")},
        {"not an enum value", [&](QString *e) { return RegisterIo::prepare(*avgMode, 2.0, e); },
         QStringLiteral("Smart Averaging")},
        {"unknown label",
         [&](QString *e) { return RegisterIo::prepareText(*avgMode, QStringLiteral("Turbo"), e); },
         QStringLiteral("Turbo")},
        {"words as a number", [&](QString *e) { return RegisterIo::prepare(*block, 1.0, e); },
         QStringLiteral("hex")},
        {"too few words",
         [&](QString *e) { return RegisterIo::prepareText(*block, QStringLiteral("0x1234"), e); },
         QStringLiteral("2 hex words")},
        {"too many words",
         [&](QString *e) { return RegisterIo::prepareText(*block, QStringLiteral("1 2 3"), e); },
         QStringLiteral("2 hex words")},
        {"not hex",
         [&](QString *e) { return RegisterIo::prepareText(*block, QStringLiteral("0xzz 0x1"), e); },
         QStringLiteral("2 hex words")},
    };
    for (const Case &c : cases) {
        QString error;
        const auto item = c.prepare(&error);
        QVERIFY2(!item, c.name);
        QVERIFY2(isOneSentence(error), qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + error));
        QVERIFY2(error.contains(c.mustContain),
                 qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + error));
    }
    // A null error pointer is allowed.
    QVERIFY(!RegisterIo::prepare(*temp, 1.0, nullptr));
    QVERIFY(!RegisterIo::prepareText(*block, QStringLiteral("x"), nullptr));
}

void TestRegisterIo::prepareTextAccepts()
{
    const QString lt = QStringLiteral("ctlt");
    const RegisterDef *emissivity = m_optris->findById(QStringLiteral("emissivity"), lt);
    const RegisterDef *avgMode = m_optris->findById(QStringLiteral("avg_mode"), lt);
    const RegisterDef *unit = m_optris->findById(QStringLiteral("temp_unit"), lt);
    const RegisterDef *threshold = m_optris->findById(QStringLiteral("advanced_hold_threshold"), lt);
    const RegisterDef *block = m_optris->findById(QStringLiteral("head_code_block1"), lt);
    QVERIFY(emissivity && avgMode && unit && threshold && block);
    QString error;

    auto item = RegisterIo::prepareText(*avgMode, QStringLiteral("Smart Averaging"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->value, 1.0);
    QCOMPARE(item->words, QList<quint16>{1});
    item = RegisterIo::prepareText(*avgMode, QStringLiteral(" smart averaging "), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{1});
    item = RegisterIo::prepareText(*unit, QStringLiteral("°F"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{1});

    item = RegisterIo::prepareText(*emissivity, QStringLiteral("0.9"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{900});
    item = RegisterIo::prepareText(*emissivity, QStringLiteral("1.1"), &error); // the maximum itself
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{1100});

    // Seed: temperature = (value - 1000) / 10, so 25.3 °C is 1253 and -100 °C is 0.
    item = RegisterIo::prepareText(*threshold, QStringLiteral("25.3"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{1253});
    item = RegisterIo::prepare(*threshold, -100.0, &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, QList<quint16>{0});

    item = RegisterIo::prepareText(*block, QStringLiteral("0x1234 0xabcd"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->def, block);
    QCOMPARE(item->words, (QList<quint16>{0x1234, 0xABCD}));
    item = RegisterIo::prepareText(*block, QStringLiteral("ffff 0"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(item->words, (QList<quint16>{0xFFFF, 0x0000}));
}

void TestRegisterIo::displayUnitFollowsTempUnit()
{
    QVERIFY(start(QStringLiteral("ct4m")));
    const RegisterDef *temp = reg(QStringLiteral("temp_process"));
    const RegisterDef *unit = reg(QStringLiteral("temp_unit"));
    const RegisterDef *emissivity = reg(QStringLiteral("emissivity"));
    QVERIFY(temp && unit && emissivity);
    QCOMPARE(temp->unit, QStringLiteral("°C"));
    const QList<const RegisterDef *> regs{temp, unit, emissivity};

    auto readings = read(regs, 0);
    QVERIFY(readings);
    QCOMPARE(displayUnit(*m_optris, *temp, *readings), QStringLiteral("°C"));
    QCOMPARE(displayUnit(*m_optris, *emissivity, *readings), QString());
    QCOMPARE(displayUnit(*m_optris, *temp, {}),
             QStringLiteral("°C")); // unit register not read: the profile's

    const auto outcomes = write({*RegisterIo::prepareText(*unit, QStringLiteral("°F"), nullptr)});
    QVERIFY(outcomes);
    QVERIFY2(outcomes->at(0).verified, qPrintable(outcomes->at(0).error));
    QCOMPARE(*m_sim->value(QStringLiteral("temp_unit")), 1.0);
    readings = read(regs, 0);
    QVERIFY(readings);
    QCOMPARE(readings->at(1).raw, QList<quint16>{1});
    QCOMPARE(displayUnit(*m_optris, *temp, *readings), QStringLiteral("°F"));
    QCOMPARE(displayUnit(*m_optris, *emissivity, *readings), QString());
    // The selector's reading alone decides, in whatever list it comes.
    QCOMPARE(displayUnit(*m_optris, *temp, {readings->at(1)}), QStringLiteral("°F"));
    // A failed read of the unit register has no value: back to the profile's unit.
    Reading failed;
    failed.def = unit;
    failed.quality = Quality::Error;
    QCOMPARE(displayUnit(*m_optris, *temp, {failed}), QStringLiteral("°C"));
}

void TestRegisterIo::qualityNames()
{
    QCOMPARE(qualityName(Quality::Good), QStringLiteral("good"));
    QCOMPARE(qualityName(Quality::Stale), QStringLiteral("stale"));
    QCOMPARE(qualityName(Quality::Error), QStringLiteral("error"));
    QCOMPARE(qualityName(Quality::Unknown), QStringLiteral("unknown"));
    const Reading empty;
    QCOMPARE(empty.quality, Quality::Unknown);
    QVERIFY(!empty.hasValue());
    QVERIFY(std::isnan(empty.value));
}

QTEST_GUILESS_MAIN(TestRegisterIo)
#include "tst_registerio.moc"
