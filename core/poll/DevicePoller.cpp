#include "DevicePoller.h"

#include "profile/Codec.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPoll, "pyrolink.poll", QtWarningMsg)

namespace pyrolink {

DevicePoller::DevicePoller(std::shared_ptr<const Profile> profile, const QString &model,
                           const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_model(model),
      m_link(std::make_shared<ModbusLink>(settings)), m_unit(settings.unit)
{
    init();
}

DevicePoller::DevicePoller(std::shared_ptr<const Profile> profile, const QString &model,
                           std::shared_ptr<ModbusLink> link, int unit, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_model(model), m_link(std::move(link)), m_unit(unit)
{
    init();
}

DevicePoller::~DevicePoller()
{
    ++m_generation; // callbacks still in the link's hands find nothing to do
    m_link->disconnect(this);
    if (m_link.use_count() == 1)
        m_link->close();
}

void DevicePoller::init()
{
    m_io = new RegisterIo(m_link.get(), this);
    m_io->setUnit(m_unit);
    for (const RegisterDef *def : m_profile->registersFor(m_model)) {
        if (!def->isReadable() || def->poll == PollClass::Never)
            continue;
        m_rows.insert(def, int(m_registers.size()));
        m_registers.append(def);
        Reading r;
        r.def = def;
        m_readings.append(r);
    }
    m_dirtyFlags.assign(size_t(m_registers.size()), 0);
    m_intervals = {{PollClass::Fast, 100}, {PollClass::Slow, 0}};
    for (PollClass c : {PollClass::Fast, PollClass::Slow}) {
        auto *t = new QTimer(this);
        t->setTimerType(Qt::PreciseTimer);
        connect(t, &QTimer::timeout, this, [this, c] { tick(c); });
        m_timers.insert(c, t);
    }
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &DevicePoller::connectLink);
    m_notifyTimer = new QTimer(this);
    m_notifyTimer->setSingleShot(true);
    connect(m_notifyTimer, &QTimer::timeout, this, [this] {
        QList<int> rows;
        rows.swap(m_dirtyRows);
        for (int row : rows)
            m_dirtyFlags[size_t(row)] = 0;
        std::sort(rows.begin(), rows.end());
        emit valuesChanged(rows);
    });
    connect(m_link.get(), &ModbusLink::opened, this, &DevicePoller::onOpened);
    connect(m_link.get(), &ModbusLink::failed, this, &DevicePoller::onOpenFailed);
    connect(m_link.get(), &ModbusLink::closed, this, &DevicePoller::onLinkClosed);
}

QString DevicePoller::name() const
{
    ConnectionSettings s = m_link->settings();
    s.unit = m_unit;
    return s.describe();
}

const Reading *DevicePoller::reading(const QString &id) const
{
    for (const Reading &r : m_readings)
        if (r.def->id == id)
            return &r;
    return nullptr;
}

void DevicePoller::setCycleRegisters(const QList<const RegisterDef *> &registers)
{
    m_cyclePlanGeneration = -1;
    m_cycleRegisters.clear();
    for (const RegisterDef *def : registers)
        if (m_rows.contains(def))
            m_cycleRegisters.append(def);
}

QList<const RegisterDef *> DevicePoller::cycleRegisters() const
{
    if (!m_cycleRegisters.isEmpty())
        return m_cycleRegisters;
    QList<const RegisterDef *> out;
    for (const RegisterDef *def : m_registers)
        if (def->poll == PollClass::Fast)
            out.append(def);
    return out;
}

void DevicePoller::setInterval(PollClass c, int ms)
{
    m_intervals.insert(c, std::max(0, ms));
    if (QTimer *t = m_timers.value(c)) {
        if (m_state != State::Stopped && ms > 0)
            t->start(ms);
        else
            t->stop();
    }
}

int DevicePoller::interval(PollClass c) const
{
    return m_intervals.value(c, 0);
}

void DevicePoller::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

void DevicePoller::say(const QString &sentence)
{
    m_lastMessage = sentence;
    qCInfo(lcPoll).noquote() << name() << sentence;
    emit message(sentence);
}

void DevicePoller::start()
{
    if (m_state != State::Stopped)
        return;
    m_clock.start();
    m_backoffMs = kFirstBackoffMs;
    for (PollClass c : {PollClass::Fast, PollClass::Slow})
        if (interval(c) > 0)
            m_timers.value(c)->start(interval(c));
    connectLink();
}

void DevicePoller::dropQueue(const QString &why)
{
    std::deque<Job> queue;
    queue.swap(m_queue);
    m_queued.clear();
    m_inFlight = 0;
    m_writeInFlight = false;
    m_fastCycleActive = false;
    for (const Job &job : queue) {
        if (!job.isWrite || !job.done)
            continue;
        QList<WriteOutcome> outcomes;
        for (const WriteItem &item : job.items)
            outcomes.append(WriteOutcome{item, false, false, {}, why, 0});
        job.done(outcomes);
    }
}

void DevicePoller::stop()
{
    ++m_generation;
    for (QTimer *t : std::as_const(m_timers))
        t->stop();
    m_reconnectTimer->stop();
    dropQueue(tr("Polling was stopped before the write was sent."));
    if (m_link.use_count() == 1)
        m_link->close();
    setState(State::Stopped);
}

void DevicePoller::connectLink()
{
    setState(State::Connecting);
    if (m_link->isOpen())
        onOpened();
    else
        m_link->open(); // a shared link that is already opening reports to every poller on it
}

void DevicePoller::onOpened()
{
    if (m_state != State::Connecting)
        return;
    const bool wasDown = m_downSince.isValid();
    m_troubled = false;
    setState(State::Connected);
    m_backoffMs = kFirstBackoffMs;
    m_consecutiveTimeouts = 0;
    m_connectedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (wasDown) {
        ++m_stats.reconnects;
        say(tr("Reconnected after %1 s.").arg(m_downSince.elapsed() / 1000.0, 0, 'f', 1));
        m_downSince.invalidate();
    } else {
        say(tr("Connected."));
    }
    m_nextFastDue = m_clock.elapsed();
    tick(PollClass::Fast);
}

void DevicePoller::onOpenFailed(const QString &why)
{
    if (m_state != State::Connecting)
        return;
    if (!m_downSince.isValid())
        m_downSince.start();
    markStale(why);
    m_lastMessage = why;
    scheduleReconnect();
}

void DevicePoller::onLinkClosed()
{
    if (m_state == State::Connected)
        lost(tr("The device closed the connection."));
}

void DevicePoller::lost(const QString &why)
{
    ++m_generation;
    dropQueue(tr("The write was not sent: %1").arg(why));
    if (!m_downSince.isValid())
        m_downSince.start();
    markStale(why);
    m_lastMessage = why;
    // A line shared with other devices stays open for them; only a link of our own is re-opened.
    if (m_link.use_count() == 1)
        m_link->close();
    scheduleReconnect();
}

void DevicePoller::scheduleReconnect()
{
    setState(State::Waiting);
    QString why = m_lastMessage;
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    say(tr("%1; values are stale, trying again in %2 s.").arg(why, QString::number(m_backoffMs / 1000.0)));
    m_reconnectTimer->start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void DevicePoller::tick(PollClass c)
{
    if (m_state != State::Connected)
        return;
    QList<const RegisterDef *> due;
    if (c == PollClass::Fast) {
        const int period = interval(PollClass::Fast);
        if (period > 0) {
            const qint64 now = m_clock.elapsed();
            if (m_fastCycleActive || now - m_nextFastDue > period / 2)
                ++m_stats.lateCycles; // the device (or we) could not keep the rate
            m_nextFastDue = std::max(m_nextFastDue + period, now + period / 2);
        }
        if (m_fastCycleActive)
            return; // still waiting for the previous cycle: skip rather than pile up requests
        m_fastCycleActive = true;
        m_fastCycleRequests = 0;
        m_fastCycleClock.start();
    }
    if (c == PollClass::Fast)
        enqueueCycle();
    const QList<const RegisterDef *> inCycle =
        c == PollClass::Fast ? cycleRegisters() : QList<const RegisterDef *>();
    for (const RegisterDef *def : std::as_const(m_registers)) {
        if (c != PollClass::Fast && def->poll == c) {
            due.append(def);
        } else if (c == PollClass::Fast && def->poll == PollClass::Once && !inCycle.contains(def)) {
            // Identity is read once per connection, and again after a passing failure (busy, timeout).
            const Reading &r = m_readings.at(m_rows.value(def));
            if (r.quality != Quality::Good || r.timestampMs < m_connectedAtMs)
                due.append(def);
        }
    }
    if (!due.isEmpty())
        enqueue(due);
    pump();
    if (c == PollClass::Fast && m_queue.empty() && m_inFlight == 0)
        finishJob(); // nothing to read: the cycle is complete at once
}

void DevicePoller::requestRead(const QList<const RegisterDef *> &registers)
{
    QList<const RegisterDef *> mine;
    for (const RegisterDef *def : registers)
        if (m_rows.contains(def))
            mine.append(def);
    enqueue(mine);
    if (m_state == State::Connected)
        pump();
}

void DevicePoller::requestRead(PollClass c)
{
    QList<const RegisterDef *> due;
    for (const RegisterDef *def : std::as_const(m_registers))
        if (def->poll == c)
            due.append(def);
    requestRead(due);
}

void DevicePoller::write(const QList<WriteItem> &items, RegisterIo::WriteDone done)
{
    if (m_state != State::Connected) {
        QList<WriteOutcome> outcomes;
        for (const WriteItem &item : items)
            outcomes.append(
                WriteOutcome{item, false, false, {}, tr("Not connected: %1").arg(m_lastMessage), 0});
        done(outcomes);
        return;
    }
    Job job;
    job.isWrite = true;
    job.items = items;
    job.done = std::move(done);
    m_queue.push_front(std::move(job)); // writes go before pending reads
    pump();
}

void DevicePoller::enqueue(const QList<const RegisterDef *> &due, bool front)
{
    QList<const RegisterDef *> fresh;
    for (const RegisterDef *def : due)
        if (!m_queued.contains(def) && !m_planner.isMissing(def))
            fresh.append(def);
    const QList<ReadBlock> blocks = m_planner.plan(fresh);
    for (const RegisterDef *def : fresh)
        m_queued.insert(def);
    if (front) {
        for (auto it = blocks.crbegin(); it != blocks.crend(); ++it)
            m_queue.push_front(Job{*it, false, false, {}, {}});
    } else {
        for (const ReadBlock &b : blocks)
            m_queue.push_back(Job{b, false, false, {}, {}});
    }
}

void DevicePoller::enqueueCycle()
{
    // The same registers every cycle: plan once, and again only when the device taught the planner something.
    if (m_cyclePlanGeneration != m_planner.generation()) {
        m_cyclePlan = m_planner.plan(cycleRegisters());
        m_cyclePlanGeneration = m_planner.generation();
    }
    for (const ReadBlock &b : std::as_const(m_cyclePlan))
        m_queue.push_back(Job{b, false, true, {}, {}});
}

void DevicePoller::pump()
{
    while (m_state == State::Connected && m_inFlight < m_maxInFlight && !m_queue.empty()) {
        // A write waits until the reads ahead of it are answered: it must be the only request in flight.
        if (m_writeInFlight || (m_queue.front().isWrite && m_inFlight > 0))
            return;
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        send(job);
        if (job.isWrite)
            return;
    }
}

void DevicePoller::send(const Job &job)
{
    ++m_inFlight;
    const quint64 gen = m_generation;
    QPointer<DevicePoller> self(this);
    if (job.isWrite) {
        m_stats.requests += quint64(job.items.size()) * 2; // each write is read back
        m_writeInFlight = true;
        auto done = job.done;
        m_io->write(job.items, [self, gen, done](const QList<WriteOutcome> &outcomes) {
            if (self && gen == self->m_generation) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (const WriteOutcome &o : outcomes) {
                    const int row = self->rowOf(o.item.def);
                    if (o.written)
                        ++self->m_stats.responses;
                    if (row >= 0 && !o.readBack.isEmpty()) {
                        self->m_readings[row] = RegisterIo::makeReading(*o.item.def, o.readBack, now);
                        self->markDirty(row);
                    }
                }
                --self->m_inFlight;
                self->m_writeInFlight = false;
                emit self->written(outcomes);
            }
            if (done)
                done(outcomes);
            if (self && gen == self->m_generation)
                self->finishJob();
        });
        return;
    }
    if (!job.isCycle)
        for (const RegisterDef *def : job.block.registers)
            m_queued.remove(def);
    ++m_stats.requests;
    if (m_fastCycleActive)
        ++m_fastCycleRequests;
    const ReadBlock block = job.block;
    m_link->read(
        block.table, block.start, block.count,
        [self, gen, block](const IoResult &res) {
            if (self && gen == self->m_generation)
                self->onRead(block, res);
        },
        m_unit);
}

void DevicePoller::onRead(const ReadBlock &block, const IoResult &res)
{
    --m_inFlight;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto failAll = [&](Quality q, const QList<const RegisterDef *> &defs) {
        for (const RegisterDef *def : defs) {
            const int row = rowOf(def);
            if (row < 0)
                continue;
            Reading &r = m_readings[row];
            r.quality = r.hasValue() || q == Quality::Error ? q : Quality::Unknown;
            r.error = res.error;
            r.exceptionCode = res.exceptionCode;
            markDirty(row);
        }
    };
    if (res.ok && res.values.size() >= block.count) {
        ++m_stats.responses;
        m_consecutiveTimeouts = 0;
        if (m_troubled) {
            m_troubled = false;
            say(tr("The device answers normally again."));
        }
        for (const RegisterDef *def : block.registers) {
            const int row = rowOf(def);
            if (row < 0)
                continue;
            RegisterIo::setReading(m_readings[row], *def,
                                   res.values.constData() + (def->address - block.start), now);
            markDirty(row);
        }
    } else if (res.exceptionCode) {
        ++m_stats.responses;
        ++m_stats.exceptions;
        ++m_stats.exceptionsByCode[res.exceptionCode];
        m_consecutiveTimeouts = 0;
        if (res.exceptionCode == 2) {
            const QList<const RegisterDef *> missing = m_planner.learnRefused(block);
            if (missing.isEmpty()) {
                enqueue(block.registers, true); // split as learned, and ask again at once
            } else {
                failAll(Quality::Error, missing);
                say(tr("%1 is not answered by this device (%2); it is no longer polled.")
                        .arg(missing.first()->name, modbusExceptionName(2)));
            }
        } else {
            failAll(Quality::Error, block.registers);
            if (!m_troubled || m_lastMessage != res.error)
                say(res.error); // once per kind of trouble, not once per request
            m_troubled = true;
        }
    } else if (res.timeout) {
        m_troubled = true;
        ++m_stats.timeouts;
        failAll(Quality::Stale, block.registers);
        if (++m_consecutiveTimeouts >= m_lostAfter) {
            lost(tr("The device stopped answering (%1 requests in a row timed out).")
                     .arg(m_consecutiveTimeouts));
            return;
        }
    } else {
        ++m_stats.otherErrors;
        if (!m_link->isOpen()) {
            lost(res.error);
            return;
        }
        failAll(Quality::Error, block.registers);
    }
    finishJob();
}

void DevicePoller::finishJob()
{
    pump();
    if (m_fastCycleActive && m_queue.empty() && m_inFlight == 0) {
        m_fastCycleActive = false;
        ++m_stats.cycles;
        m_stats.requestsLastCycle = m_fastCycleRequests;
        m_stats.lastCycleMs = m_fastCycleClock.elapsed();
        emit cycleCompleted(QDateTime::currentMSecsSinceEpoch());
        // Interval 0: as fast as the device answers. Queued, so a long run never deepens the stack.
        if (interval(PollClass::Fast) == 0 && m_state == State::Connected)
            QMetaObject::invokeMethod(
                this, [this] { tick(PollClass::Fast); }, Qt::QueuedConnection);
    }
}

void DevicePoller::markDirty(int row)
{
    if (!m_dirtyFlags[size_t(row)]) {
        m_dirtyFlags[size_t(row)] = 1;
        m_dirtyRows.append(row);
    }
    if (!m_notifyTimer->isActive())
        m_notifyTimer->start(kNotifyIntervalMs);
}

void DevicePoller::markStale(const QString &why)
{
    for (int row = 0; row < m_readings.size(); ++row) {
        Reading &r = m_readings[row];
        if (r.quality == Quality::Good) {
            r.quality = Quality::Stale;
            r.error = why;
            markDirty(row);
        }
    }
}

} // namespace pyrolink
