#pragma once

#include "commissioning/EmissivityDetermination.h"
#include "modbus/RegisterIo.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWizard>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace pyrolink {

class DeviceSession;

/// Guides a technician through finding the emissivity of a surface with a reference of known temperature, on
/// models with the emissivity determination registers (CT LT: 10046-10048; see EmissivityDetermination):
/// 1. what to prepare (a reference heated to a known temperature, or a spot measured with a contact
///    thermometer or covered with emissivity tape);
/// 2. the reference temperature, in the device's unit; Start writes it as the determination's target
///    (10046), switches the determination on (10048), shows the live readings (10047, the process
///    temperature) and averages the measured temperature;
/// 3. the result: the device's own emissivity if it changed it during the determination, else ours,
///    eps_new = eps_set * (T_meas / T_ref)^4 (kelvin);
/// 4. apply: writes the emissivity (read back and compared) and switches the determination off;
/// 5. verify: the process temperature now reads the reference within 2 K.
/// While writing is locked for the device it measures without writing, says so, and cannot apply.
/// Everything goes through the session's poller; the first write takes the session's automatic backup.
class EmissivityAssistant : public QWizard
{
    Q_OBJECT
public:
    enum PageId { IntroPage, ReferencePage, ResultPage, ApplyPage, VerifyPage };

    EmissivityAssistant(DeviceSession *session, QWidget *parent = nullptr);
    ~EmissivityAssistant() override;

    /// Whether the session's model has the emissivity determination: offer the assistant only then.
    static bool isAvailable(const DeviceSession *session);

    /// How long the measured and the verified temperature are averaged (default 3 s).
    void setAveragingMs(int ms) { m_averagingMs = ms; }
    /// Tolerance of the verification, in kelvin (default 2 K; 3.6 °F on a device in °F).
    void setToleranceK(double k) { m_toleranceK = k; }

    QDoubleSpinBox *referenceEdit() const { return m_reference; }
    QPushButton *measureButton() const { return m_measure; }
    QPushButton *applyButton() const { return m_apply; }
    /// The device's temperature unit ("°C", "°F").
    QString unit() const;
    /// The emissivity found; NaN before a measurement succeeded.
    double result() const { return m_result; }
    /// The device changed its emissivity itself during the determination, and that is the result.
    bool resultFromDevice() const { return m_fromDevice; }
    /// The mean measured temperature (device unit) of the last measurement.
    double measuredMean() const { return m_measuredMean; }
    bool isApplied() const { return m_applied; }
    /// The outcome of the verification; nullopt before it finished.
    std::optional<bool> verification() const { return m_verified; }
    /// The mean process temperature the verification read (device unit).
    double verifiedMean() const { return m_verifiedMean; }
    /// The status line of a page (what happens, what went wrong).
    QString statusText(PageId page) const;

signals:
    void measurementFinished(bool ok);
    void applyFinished(bool ok);
    void verificationFinished(bool passed);

protected:
    void initializePage(int id) override;
    void done(int result) override;

private:
    class Page;
    using Done = std::function<void(bool ok, const QString &error)>;

    QWidget *buildIntro();
    QWidget *buildReference();
    QWidget *buildResult();
    QWidget *buildApply();
    QWidget *buildVerify();
    bool canWrite() const;
    const Reading *reading(const RegisterDef *def) const;
    QString formatted(const RegisterDef *def) const;
    void refreshLive();
    void updateLock();
    void startMeasurement();
    void sampleMeasurement();
    void finishMeasurement();
    void failMeasurement(const QString &why);
    void applyResult();
    void startVerification();
    void finishVerification();
    /// Writes (def, value) pairs through the poller after the session's automatic backup; ok when every one
    /// is read back as written.
    void write(const QList<std::pair<const RegisterDef *, double>> &values, Done done);
    void setStatus(QLabel *label, const QString &text, const QString &color = QString());
    Page *page(PageId id) const;

    QPointer<DeviceSession> m_session;
    std::optional<EmissivityRegisters> m_regs;
    int m_averagingMs = 3000;
    double m_toleranceK = 2.0;

    QTimer *m_liveTimer;
    QTimer *m_sampleTimer;
    QElapsedTimer m_clock;
    qint64 m_sampleSinceMs = 0;
    QList<double> m_samples;
    bool m_measuring = false;
    bool m_verifying = false;
    bool m_determinationOn = false; ///< we switched it on and have not switched it off yet
    double m_referenceValue = std::numeric_limits<double>::quiet_NaN(); ///< device unit
    double m_emissivitySet = std::numeric_limits<double>::quiet_NaN();
    double m_result = std::numeric_limits<double>::quiet_NaN();
    double m_measuredMean = std::numeric_limits<double>::quiet_NaN();
    double m_verifiedMean = std::numeric_limits<double>::quiet_NaN();
    bool m_fromDevice = false;
    bool m_applied = false;
    std::optional<bool> m_verified;

    QLabel *m_introLock = nullptr;
    QDoubleSpinBox *m_reference = nullptr;
    QPushButton *m_measure = nullptr;
    QLabel *m_liveProcess = nullptr;
    QLabel *m_liveMeasured = nullptr;
    QLabel *m_liveActual = nullptr;
    QLabel *m_liveStatus = nullptr;
    QLabel *m_liveEmissivity = nullptr;
    QProgressBar *m_measureProgress = nullptr;
    QLabel *m_measureStatus = nullptr;
    QLabel *m_resultText = nullptr;
    QLabel *m_resultValue = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_applyText = nullptr;
    QLabel *m_applyStatus = nullptr;
    QProgressBar *m_verifyProgress = nullptr;
    QLabel *m_verifyText = nullptr;
    QLabel *m_verifyStatus = nullptr;
};

} // namespace pyrolink
