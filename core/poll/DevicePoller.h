#pragma once

#include "PollPlanner.h"
#include "PollStats.h"
#include "modbus/ModbusLink.h"
#include "modbus/Reading.h"
#include "modbus/RegisterIo.h"
#include "profile/Profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <deque>
#include <memory>

class QTimer;

namespace pyrolink {

/// Polls one device: keeps a Reading (value, quality, timestamp) for each of its registers, reads them at
/// their rates in as few requests as possible, writes on request, and survives a device that stops answering:
/// values turn stale, the connection is re-opened with exponential back-off (capped at 5 s), and polling goes
/// on by itself. Never blocks: everything is driven by the event loop.
///
/// Rates: PollClass::Fast every fastInterval (default 100 ms; 0 = as fast as the device answers), Slow every
/// slowInterval (default 0: only on request), Once after every (re)connect, Never not at all. One request is
/// in flight at a time unless setMaxInFlight() allows pipelining.
class DevicePoller : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Connecting, Connected, Waiting };
    Q_ENUM(State)

    /// With a link of its own.
    DevicePoller(std::shared_ptr<const Profile> profile, const QString &model,
                 const ConnectionSettings &settings, QObject *parent = nullptr);
    /// On a link shared with other devices (several unit ids on one RTU line); `unit` is this device's id.
    DevicePoller(std::shared_ptr<const Profile> profile, const QString &model,
                 std::shared_ptr<ModbusLink> link, int unit, QObject *parent = nullptr);
    ~DevicePoller() override;

    const Profile &profile() const { return *m_profile; }
    std::shared_ptr<const Profile> profilePtr() const { return m_profile; }
    QString model() const { return m_model; }
    int unit() const { return m_unit; }
    ModbusLink *link() const { return m_link.get(); }
    /// "192.168.0.4:502 unit 1"
    QString name() const;

    /// The registers this poller keeps readings for: every readable register of the model.
    const QList<const RegisterDef *> &registers() const { return m_registers; }
    int rowOf(const RegisterDef *def) const { return m_rows.value(def, -1); }
    const Reading &reading(int row) const { return m_readings.at(row); }
    const Reading *reading(const QString &id) const;
    const QList<Reading> &readings() const { return m_readings; }

    /// The registers of every fast cycle. Default: those of poll class Fast. A recording or a chart of chosen
    /// channels sets its own.
    void setCycleRegisters(const QList<const RegisterDef *> &registers);
    QList<const RegisterDef *> cycleRegisters() const;
    void setInterval(PollClass c, int ms);
    int interval(PollClass c) const;
    void setMaxInFlight(int n) { m_maxInFlight = std::max(1, n); }
    PollPlanner &planner() { return m_planner; }
    /// Time after which an unanswered device counts as lost: 2 timeouts in a row by default.
    void setLostAfterTimeouts(int n) { m_lostAfter = std::max(1, n); }

    void start();
    void stop();
    State state() const { return m_state; }
    const PollStats &stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }
    /// The latest event as one sentence ("Connected.", "The device stopped answering; reconnecting in 2 s.").
    QString lastMessage() const { return m_lastMessage; }

    /// Reads these registers once, as soon as possible (a configuration form asks so).
    void requestRead(const QList<const RegisterDef *> &registers);
    /// Reads every register of a class once (e.g. all Slow ones when a form opens).
    void requestRead(PollClass c);
    /// Writes validated items and reads each back, in turn with the polling (never two requests at once).
    void write(const QList<WriteItem> &items, RegisterIo::WriteDone done);

    static constexpr int kFirstBackoffMs = 250;
    static constexpr int kMaxBackoffMs = 5000;
    static constexpr int kNotifyIntervalMs = 34; ///< at most 30 valuesChanged() per second

signals:
    /// Rows whose reading changed, coalesced to at most 30 signals per second.
    void valuesChanged(const QList<int> &rows);
    /// Every fast cycle has been answered (or failed): the fast readings are as fresh as they get.
    void cycleCompleted(qint64 timestampMs);
    void stateChanged(pyrolink::DevicePoller::State state);
    void message(const QString &sentence);
    /// A write finished (for traffic/diagnostics views).
    void written(const QList<pyrolink::WriteOutcome> &outcomes);

private:
    struct Job
    {
        ReadBlock block;
        bool isWrite = false;
        bool isCycle = false; ///< part of the planned fast cycle (not tracked in m_queued)
        QList<WriteItem> items;
        RegisterIo::WriteDone done;
    };

    void init();
    void setState(State s);
    void say(const QString &sentence);
    void connectLink();
    void onOpened();
    void onOpenFailed(const QString &why);
    void onLinkClosed();
    void lost(const QString &why);
    void scheduleReconnect();
    void tick(PollClass c);
    void enqueue(const QList<const RegisterDef *> &due, bool front = false);
    void enqueueCycle();
    void pump();
    void send(const Job &job);
    void onRead(const ReadBlock &block, const IoResult &res);
    void finishJob();
    void markDirty(int row);
    void markStale(const QString &why);
    /// Empties the queue; queued writes are answered as not written, with `why`.
    void dropQueue(const QString &why);

    std::shared_ptr<const Profile> m_profile;
    QString m_model;
    std::shared_ptr<ModbusLink> m_link;
    int m_unit = 1;
    RegisterIo *m_io = nullptr;
    PollPlanner m_planner;
    QList<const RegisterDef *> m_registers;
    QList<const RegisterDef *> m_cycleRegisters; ///< empty: poll class Fast
    QList<ReadBlock> m_cyclePlan; ///< the fast cycle's requests, planned once per planner generation
    int m_cyclePlanGeneration = -1;
    QHash<const RegisterDef *, int> m_rows;
    QList<Reading> m_readings;
    QHash<PollClass, int> m_intervals;
    QHash<PollClass, QTimer *> m_timers;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_notifyTimer = nullptr;
    QList<int> m_dirtyRows;
    std::vector<char> m_dirtyFlags; ///< per row: already in m_dirtyRows
    std::deque<Job> m_queue;
    QSet<const RegisterDef *> m_queued; ///< registers already waiting in m_queue: never ask twice
    int m_inFlight = 0;
    int m_maxInFlight = 1;
    int m_lostAfter = 2;
    int m_consecutiveTimeouts = 0;
    int m_backoffMs = kFirstBackoffMs;
    quint64 m_generation = 0;   ///< answers from before a reconnect are ignored
    qint64 m_connectedAtMs = 0; ///< identity (Once) registers read before this are read again
    bool m_writeInFlight = false;
    bool m_troubled = false; ///< answers failed since the last good one: the next good one is announced
    bool m_fastCycleActive = false;
    int m_fastCycleRequests = 0;
    QElapsedTimer m_fastCycleClock;
    qint64 m_nextFastDue = 0;
    QElapsedTimer m_clock;
    QElapsedTimer m_downSince;
    State m_state = State::Stopped;
    PollStats m_stats;
    QString m_lastMessage;
};

} // namespace pyrolink
