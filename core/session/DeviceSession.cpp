#include "DeviceSession.h"

#include "commissioning/AutoBackup.h"
#include "history/HistoryStore.h"
#include "model/LiveValuesModel.h"
#include "model/TrafficLogModel.h"
#include "sim/DeviceSimulator.h"

#include <cmath>

namespace pyrolink {

DeviceSession::DeviceSession(std::shared_ptr<const Profile> profile, const QString &model,
                             const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    m_poller = new DevicePoller(std::move(profile), model, settings, this);
    m_liveModel = new LiveValuesModel(this);
    m_liveModel->setPoller(m_poller);
    m_traffic = new TrafficLogModel(this);
    m_history = new HistoryStore(this);
    connect(m_poller->link(), &ModbusLink::traffic, m_traffic, &TrafficLogModel::append);
    connect(m_poller, &DevicePoller::cycleCompleted, this, &DeviceSession::onCycle);
    // Configuration and diagnostics are polled on demand only; read them once per connection so that every
    // view starts with the device's values rather than "unknown".
    connect(m_poller, &DevicePoller::stateChanged, this, [this](DevicePoller::State state) {
        if (state == DevicePoller::State::Connected)
            m_poller->requestRead(PollClass::Slow);
    });
    // A recorder that fails on its own (disk full) has stopped: say so like a stop asked for.
    connect(&m_recorder, &CsvRecorder::error, this, [this] { emit recordingChanged(false); });
    QList<const RegisterDef *> channels;
    for (const RegisterDef *def : m_poller->cycleRegisters())
        if (def->isNumeric())
            channels.append(def);
    setHistoryChannels(channels);
}

DeviceSession::~DeviceSession()
{
    stopRecording();
    m_poller->stop();
}

std::unique_ptr<DeviceSession> DeviceSession::simulated(std::shared_ptr<const Profile> profile,
                                                        const QString &model, QString *error)
{
    auto sim = std::make_unique<DeviceSimulator>(profile, model);
    if (!sim->listen(QHostAddress::LocalHost, 0, error))
        return nullptr;
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = sim->port();
    s.unit = sim->unitId();
    auto session = std::make_unique<DeviceSession>(std::move(profile), sim->model(), s);
    session->m_simulator = std::move(sim);
    return session;
}

QString DeviceSession::title() const
{
    const ModelDef *m = profile().model(model());
    const QString what = m ? m->name : profile().name;
    if (m_simulator)
        return tr("%1 (simulated)").arg(what);
    return QStringLiteral("%1 · %2").arg(what, m_settings.describe());
}

void DeviceSession::start()
{
    m_poller->start();
}

void DeviceSession::stop()
{
    m_poller->stop();
}

QString DeviceSession::historyKey(const RegisterDef *def)
{
    return def->id;
}

void DeviceSession::setHistoryChannels(const QList<const RegisterDef *> &channels)
{
    m_channels.clear();
    for (const RegisterDef *def : channels)
        if (def->isNumeric() && m_poller->rowOf(def) >= 0)
            m_channels.append(def);
    // Charted channels are read every cycle, with the unit selectors their units depend on.
    QList<const RegisterDef *> cycle;
    for (const RegisterDef *def : m_poller->registers())
        if (def->poll == PollClass::Fast)
            cycle.append(def);
    for (const RegisterDef *def : std::as_const(m_channels))
        if (!cycle.contains(def))
            cycle.append(def);
    m_poller->setCycleRegisters(profile().withUnitSelectors(cycle, model()));
    const int interval = m_poller->interval(PollClass::Fast);
    const double rateHz = interval > 0 ? 1000.0 / interval : 10.0;
    for (const RegisterDef *def : std::as_const(m_channels))
        m_history->channel(historyKey(def), rateHz);
}

void DeviceSession::write(const QList<WriteItem> &items, RegisterIo::WriteDone done)
{
    // AutoBackup is a child of this session, so `this` outlives the callback.
    AutoBackup::of(this)->ensureBackup([this, items, done](bool ok, const QString &pathOrError) {
        if (ok)
            return m_poller->write(items, done);
        QList<WriteOutcome> out;
        for (const WriteItem &item : items)
            out.append(WriteOutcome{item, false, false, {}, tr("Nothing was written: %1").arg(pathOrError), 0});
        done(out);
    });
}

void DeviceSession::setWriteUnlocked(bool unlocked)
{
    if (m_writeUnlocked == unlocked)
        return;
    m_writeUnlocked = unlocked;
    emit writeUnlockedChanged(unlocked);
}

bool DeviceSession::startRecording(const QString &path, const CsvOptions &options, QString *error)
{
    QList<CsvColumn> columns;
    for (const RegisterDef *def : std::as_const(m_channels))
        columns.append(CsvColumn{def->id, def->name, displayUnit(profile(), *def, m_poller->readings()),
                                 def->type == ValueType::F32 ? 3 : def->decimals});
    if (!m_recorder.open(path, columns, options, error))
        return false;
    emit recordingChanged(true);
    return true;
}

void DeviceSession::stopRecording()
{
    if (!m_recorder.isOpen())
        return;
    m_recorder.close();
    emit recordingChanged(false);
}

void DeviceSession::setTrafficLogging(bool on)
{
    m_poller->link()->setTrafficLogging(on);
}

void DeviceSession::onCycle(qint64 timestampMs)
{
    QList<double> values;
    values.reserve(m_channels.size());
    for (const RegisterDef *def : std::as_const(m_channels)) {
        const Reading &r = m_poller->reading(m_poller->rowOf(def));
        const double v = r.quality == Quality::Good ? r.value : std::nan("");
        m_history->append(historyKey(def), timestampMs, v);
        values.append(v);
    }
    if (m_recorder.isOpen())
        m_recorder.append(timestampMs, values);
    emit historyAppended(timestampMs);
}

} // namespace pyrolink
