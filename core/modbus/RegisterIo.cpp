#include "RegisterIo.h"

#include "poll/PollPlanner.h"
#include "profile/Codec.h"

#include <QDateTime>

#include <QHash>
#include <algorithm>

namespace pyrolink {

QString qualityName(Quality q)
{
    switch (q) {
    case Quality::Good:
        return QStringLiteral("good");
    case Quality::Stale:
        return QStringLiteral("stale");
    case Quality::Error:
        return QStringLiteral("error");
    case Quality::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

struct RegisterIo::ReadJob
{
    explicit ReadJob(int maxGap) : planner(maxGap) {}
    PollPlanner planner;
    QList<const RegisterDef *> order;
    QList<ReadBlock> blocks;
    QHash<const RegisterDef *, Reading> results;
    ReadDone done;
};

struct RegisterIo::WriteJob
{
    QList<WriteItem> items;
    QList<WriteOutcome> outcomes;
    WriteDone done;
};

RegisterIo::RegisterIo(ModbusLink *link, QObject *parent) : QObject(parent), m_link(link) {}

Reading RegisterIo::makeReading(const RegisterDef &def, const QList<quint16> &raw, qint64 timestampMs)
{
    Reading r;
    setReading(r, def, raw.constData(), timestampMs);
    return r;
}

void RegisterIo::setReading(Reading &r, const RegisterDef &def, const quint16 *words, qint64 timestampMs)
{
    r.def = &def;
    r.raw.resize(def.width());
    std::copy_n(words, def.width(), r.raw.begin());
    r.value = def.isNumeric() ? Codec::decode(def, r.raw) : std::numeric_limits<double>::quiet_NaN();
    r.quality = Quality::Good;
    r.timestampMs = timestampMs;
    r.error.clear();
    r.exceptionCode = 0;
}

void RegisterIo::read(const QList<const RegisterDef *> &registers, ReadDone done, int maxGap)
{
    auto job = std::make_shared<ReadJob>(maxGap);
    job->order = registers;
    job->blocks = job->planner.plan(registers);
    job->done = std::move(done);
    nextBlock(job);
}

void RegisterIo::nextBlock(const std::shared_ptr<ReadJob> &job)
{
    if (job->blocks.isEmpty()) {
        QList<Reading> out;
        for (const RegisterDef *def : job->order)
            out.append(job->results.value(def));
        job->done(out);
        return;
    }
    const ReadBlock block = job->blocks.takeFirst();
    m_link->read(
        block.table, block.start, block.count,
        [this, job, block](const IoResult &res) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (res.ok && res.values.size() >= block.count) {
                for (const RegisterDef *def : block.registers)
                    job->results.insert(def,
                                        makeReading(*def, ReadPlanner::slice(block, res.values, *def), now));
            } else if (res.exceptionCode == 2 && block.registers.size() > 1) {
                // Some address in the merged range does not exist on this device: split as the planner
                // learns.
                job->planner.learnRefused(block);
                job->blocks = job->planner.plan(block.registers) + job->blocks;
            } else {
                for (const RegisterDef *def : block.registers) {
                    Reading r;
                    r.def = def;
                    r.quality = Quality::Error;
                    r.timestampMs = now;
                    r.error =
                        res.ok ? QStringLiteral("The device answered with too few registers.") : res.error;
                    r.exceptionCode = res.exceptionCode;
                    job->results.insert(def, r);
                }
            }
            nextBlock(job);
        },
        m_unit);
}

std::optional<WriteItem> RegisterIo::prepare(const RegisterDef &def, double value, QString *error)
{
    const QString why = Codec::validate(def, value);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return WriteItem{&def, value, *Codec::encode(def, value)};
}

std::optional<WriteItem> RegisterIo::prepareText(const RegisterDef &def, const QString &text, QString *error)
{
    if (def.type != ValueType::Words) {
        const auto value = Codec::parseValue(def, text, error);
        return value ? prepare(def, *value, error) : std::nullopt;
    }
    QString why;
    const auto words = Codec::wordsFromHex(text);
    if (!def.isWritable())
        why = QStringLiteral("%1 (%2) is read-only.").arg(def.name, def.id);
    else if (!words || words->size() != def.width())
        why = QStringLiteral("%1 takes %2 hex words such as \"%3\".")
                  .arg(def.name)
                  .arg(def.width())
                  .arg(Codec::wordsToHex(QList<quint16>(def.width(), 0)));
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return WriteItem{&def, std::numeric_limits<double>::quiet_NaN(), *words};
}

void RegisterIo::write(const QList<WriteItem> &items, WriteDone done)
{
    auto job = std::make_shared<WriteJob>();
    job->items = items;
    job->done = std::move(done);
    nextWrite(job);
}

void RegisterIo::nextWrite(const std::shared_ptr<WriteJob> &job)
{
    if (job->items.isEmpty()) {
        job->done(job->outcomes);
        return;
    }
    const WriteItem item = job->items.takeFirst();
    const RegisterDef &def = *item.def;
    m_link->write(
        def.table, def.address, item.words,
        [this, job, item](const IoResult &res) {
            WriteOutcome out{item, res.ok, false, {}, res.error, res.exceptionCode};
            if (!res.ok || item.def->isAction || !item.def->isReadable()) {
                job->outcomes.append(out);
                nextWrite(job);
                return;
            }
            m_link->read(
                item.def->table, item.def->address, quint16(item.def->width()),
                [this, job, out](const IoResult &back) mutable {
                    if (back.ok) {
                        out.readBack = back.values;
                        out.verified = back.values == out.item.words;
                        if (!out.verified)
                            out.error =
                                QStringLiteral("%1 reads back %2 after writing %3.")
                                    .arg(out.item.def->name, Codec::formatWords(*out.item.def, back.values),
                                         Codec::formatWords(*out.item.def, out.item.words));
                    } else {
                        out.error = QStringLiteral("Written, but the read-back failed: %1").arg(back.error);
                        out.exceptionCode = back.exceptionCode;
                    }
                    job->outcomes.append(out);
                    nextWrite(job);
                },
                m_unit);
        },
        m_unit);
}

QString displayUnit(const Profile &profile, const RegisterDef &def, const QList<Reading> &readings)
{
    const UnitSelector *sel = def.unit.isEmpty() ? nullptr : profile.unitSelectorFor(def.unit);
    if (!sel)
        return def.unit;
    for (const Reading &r : readings) {
        if (r.def && r.def->id == sel->registerId && r.hasValue()) {
            const double raw = Codec::rawNumber(*r.def, r.raw);
            return sel->units.value(qint64(raw), def.unit);
        }
    }
    return def.unit;
}

} // namespace pyrolink
