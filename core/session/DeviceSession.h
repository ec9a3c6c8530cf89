#pragma once

#include "modbus/ConnectionSettings.h"
#include "poll/DevicePoller.h"
#include "record/CsvRecorder.h"

#include <QObject>

#include <memory>

namespace pyrolink {

class DeviceSimulator;
class HistoryStore;
class LiveValuesModel;
class TrafficLogModel;

/// Everything the application keeps for one open device: its poller, the live table model, the history the
/// charts draw from, the traffic log, an optional CSV recording, and whether writing is unlocked. The
/// built-in simulator is a device like any other, reached over Modbus TCP on loopback.
class DeviceSession : public QObject
{
    Q_OBJECT
public:
    DeviceSession(std::shared_ptr<const Profile> profile, const QString &model,
                  const ConnectionSettings &settings, QObject *parent = nullptr);
    ~DeviceSession() override;

    /// The profile's built-in simulator, started on 127.0.0.1 at a free port, and a session polling it.
    /// nullptr with *error set if it cannot listen.
    static std::unique_ptr<DeviceSession> simulated(std::shared_ptr<const Profile> profile,
                                                    const QString &model, QString *error = nullptr);

    QString title() const;
    const Profile &profile() const { return m_poller->profile(); }
    std::shared_ptr<const Profile> profilePtr() const { return m_poller->profilePtr(); }
    QString model() const { return m_poller->model(); }
    const ConnectionSettings &settings() const { return m_settings; }
    DevicePoller *poller() const { return m_poller; }
    LiveValuesModel *liveModel() const { return m_liveModel; }
    TrafficLogModel *trafficLog() const { return m_traffic; }
    HistoryStore *history() const { return m_history; }
    DeviceSimulator *simulator() const { return m_simulator.get(); }

    void start();
    void stop();

    /// Registers whose history is kept each cycle (and so can be charted). Default: the fast numeric ones.
    QList<const RegisterDef *> historyChannels() const { return m_channels; }
    void setHistoryChannels(const QList<const RegisterDef *> &channels);
    /// History key of a register ("temp_process").
    static QString historyKey(const RegisterDef *def);

    /// Writes through the poller, after the session's automatic backup (taken before the first write of each
    /// session); if that backup cannot be taken, nothing is written and every outcome says why.
    void write(const QList<WriteItem> &items, RegisterIo::WriteDone done);

    /// Writing to the device stays refused until the user unlocks it for this device.
    bool isWriteUnlocked() const { return m_writeUnlocked; }
    void setWriteUnlocked(bool unlocked);

    /// Records the history channels to CSV, one row per poll cycle.
    bool startRecording(const QString &path, const CsvOptions &options, QString *error);
    void stopRecording();
    bool isRecording() const { return m_recorder.isOpen(); }
    const CsvRecorder &recorder() const { return m_recorder; }

    /// Traffic logging on the link (costs a little per request; on while a view shows it).
    void setTrafficLogging(bool on);

signals:
    void writeUnlockedChanged(bool unlocked);
    void recordingChanged(bool recording);
    /// A cycle's values were added to the history at this time.
    void historyAppended(qint64 timestampMs);

private:
    void onCycle(qint64 timestampMs);

    ConnectionSettings m_settings;
    std::unique_ptr<DeviceSimulator> m_simulator;
    DevicePoller *m_poller = nullptr;
    LiveValuesModel *m_liveModel = nullptr;
    TrafficLogModel *m_traffic = nullptr;
    HistoryStore *m_history = nullptr;
    QList<const RegisterDef *> m_channels;
    CsvRecorder m_recorder;
    bool m_writeUnlocked = false;
};

} // namespace pyrolink
