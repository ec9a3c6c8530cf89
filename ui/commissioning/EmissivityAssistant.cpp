#include "EmissivityAssistant.h"

#include "commissioning/AutoBackup.h"
#include "commissioning/DeviceAccess.h"
#include "common/Theme.h"
#include "profile/Codec.h"
#include "session/DeviceSession.h"

#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

Q_LOGGING_CATEGORY(lcEmissivity, "pyrolink.ui.emissivity", QtWarningMsg)

namespace pyrolink {

namespace {
constexpr int kLiveIntervalMs = 500;
constexpr int kMinSamples = 5;

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    return l;
}

double mean(const QList<double> &values)
{
    return values.isEmpty() ? std::nan("")
                            : std::accumulate(values.begin(), values.end(), 0.0) / values.size();
}
} // namespace

/// A page that is complete only when the assistant says so (a measurement done, the result applied).
class EmissivityAssistant::Page : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    bool isComplete() const override { return m_complete; }
    void setComplete(bool complete)
    {
        if (m_complete == complete)
            return;
        m_complete = complete;
        emit completeChanged();
    }

private:
    bool m_complete = true;
};

bool EmissivityAssistant::isAvailable(const DeviceSession *session)
{
    return session && EmissivityDetermination::find(session->profile(), session->model()).has_value();
}

EmissivityAssistant::EmissivityAssistant(DeviceSession *session, QWidget *parent)
    : QWizard(parent), m_session(session), m_liveTimer(new QTimer(this)), m_sampleTimer(new QTimer(this))
{
    if (session)
        m_regs = EmissivityDetermination::find(session->profile(), session->model());
    setWindowTitle(tr("Emissivity assistant"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    const QList<std::pair<PageId, QWidget *>> pages{{IntroPage, buildIntro()},
                                                    {ReferencePage, buildReference()},
                                                    {ResultPage, buildResult()},
                                                    {ApplyPage, buildApply()},
                                                    {VerifyPage, buildVerify()}};
    for (const auto &[id, content] : pages) {
        auto *p = new Page(this);
        auto *layout = new QVBoxLayout(p);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(content);
        setPage(id, p);
    }
    page(IntroPage)->setTitle(tr("Find the emissivity with a reference"));
    page(ReferencePage)->setTitle(tr("Measure the reference"));
    page(ResultPage)->setTitle(tr("The emissivity found"));
    page(ApplyPage)->setTitle(tr("Apply the emissivity"));
    page(VerifyPage)->setTitle(tr("Check the reading"));
    // Earlier pages stay as they are when going back: a measurement is not started again by "Back".
    page(ReferencePage)->setComplete(false);
    page(ApplyPage)->setComplete(false);
    page(VerifyPage)->setComplete(false);
    page(IntroPage)->setComplete(m_regs.has_value() && m_session);

    m_liveTimer->setInterval(kLiveIntervalMs);
    connect(m_liveTimer, &QTimer::timeout, this, [this] {
        // The determination's registers are polled on demand only: ask while the assistant is open.
        if (m_session && m_regs)
            m_session->poller()->requestRead({m_regs->actual, m_regs->status, m_regs->emissivity});
        refreshLive();
    });
    m_sampleTimer->setInterval(100);
    connect(m_sampleTimer, &QTimer::timeout, this, [this] {
        if (m_measuring)
            sampleMeasurement();
        else if (m_verifying)
            finishVerification();
    });
    if (m_session) {
        connect(m_session->poller(), &DevicePoller::valuesChanged, this, &EmissivityAssistant::refreshLive);
        connect(m_session, &DeviceSession::writeUnlockedChanged, this, &EmissivityAssistant::updateLock);
        connect(m_session, &QObject::destroyed, this, &QWizard::reject);
        m_liveTimer->start();
    }
    updateLock();
    refreshLive();
    resize(640, 520);
}

EmissivityAssistant::~EmissivityAssistant() = default;

EmissivityAssistant::Page *EmissivityAssistant::page(PageId id) const
{
    return static_cast<Page *>(QWizard::page(id));
}

QString EmissivityAssistant::unit() const
{
    if (!m_session || !m_regs)
        return QStringLiteral("°C");
    return displayUnit(m_session->profile(), *m_regs->process, m_session->poller()->readings());
}

bool EmissivityAssistant::canWrite() const
{
    return m_session && m_session->isWriteUnlocked();
}

const Reading *EmissivityAssistant::reading(const RegisterDef *def) const
{
    if (!m_session || !def)
        return nullptr;
    const int row = m_session->poller()->rowOf(def);
    return row < 0 ? nullptr : &m_session->poller()->reading(row);
}

QString EmissivityAssistant::formatted(const RegisterDef *def) const
{
    const Reading *r = reading(def);
    if (!r || !r->hasValue())
        return QStringLiteral("—");
    QString text = Codec::formatWords(*def, r->raw);
    const QString u = displayUnit(m_session->profile(), *def, m_session->poller()->readings());
    if (!u.isEmpty())
        text += QLatin1Char(' ') + u;
    return r->quality == Quality::Good ? text : tr("%1 (stale)").arg(text);
}

void EmissivityAssistant::setStatus(QLabel *label, const QString &text, const QString &color)
{
    label->setText(text);
    label->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
}

QString EmissivityAssistant::statusText(PageId id) const
{
    switch (id) {
    case IntroPage:
        return m_introLock->text();
    case ReferencePage:
        return m_measureStatus->text();
    case ResultPage:
        return m_resultText->text();
    case ApplyPage:
        return m_applyStatus->text().isEmpty() ? m_applyText->text() : m_applyStatus->text();
    case VerifyPage:
        return m_verifyStatus->text();
    }
    return {};
}

QWidget *EmissivityAssistant::buildIntro()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    if (!m_regs) {
        layout->addWidget(
            wrapped(tr("This device's model has no emissivity determination registers, so the "
                       "assistant cannot help here. Set the emissivity in the Configuration tab."),
                    w));
        m_introLock = wrapped(QString(), w);
        layout->addWidget(m_introLock);
        layout->addStretch(1);
        return w;
    }
    layout->addWidget(wrapped(
        tr("<p>A pyrometer reads the right temperature only with the emissivity of the surface it looks at. "
           "This assistant finds it from a reference of known temperature:</p>"
           "<ul><li>heat a sample of the material to a known temperature (a furnace, a hot plate with a "
           "controlled temperature), or</li>"
           "<li>measure a spot of the object with a contact thermometer, or</li>"
           "<li>put emissivity tape or paint of known emissivity on the object: with that emissivity set, "
           "what "
           "the pyrometer reads on the tape is the reference; then aim beside it, at the bare "
           "surface.</li></ul>"
           "<p>Aim the pyrometer at the reference, wait until its temperature is steady, and keep it steady "
           "during the measurement (a few seconds).</p>"
           "<p>The assistant then computes the emissivity, applies it, switches the determination off, and "
           "checks that the process temperature reads the reference.</p>"),
        w));
    m_introLock = wrapped(QString(), w);
    layout->addWidget(m_introLock);
    layout->addStretch(1);
    return w;
}

QWidget *EmissivityAssistant::buildReference()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(wrapped(tr("Enter the reference's temperature and press Start. The assistant averages "
                                 "the measured temperature for a few seconds."),
                              w));
    auto *row = new QHBoxLayout;
    m_reference = new QDoubleSpinBox(w);
    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setDecimals(1);
    m_reference->setSingleStep(1.0);
    if (m_regs) {
        m_reference->setRange(std::max(m_regs->target->effectiveMin(), -273.0),
                              m_regs->target->effectiveMax());
        m_reference->setDecimals(std::max(1, m_regs->target->decimals));
    }
    m_reference->setMinimumWidth(120);
    m_measure = new QPushButton(tr("&Start measurement"), w);
    m_measure->setObjectName(QStringLiteral("measure"));
    connect(m_measure, &QPushButton::clicked, this, &EmissivityAssistant::startMeasurement);
    row->addWidget(new QLabel(tr("Reference temperature:"), w));
    row->addWidget(m_reference);
    row->addWidget(m_measure);
    row->addStretch(1);
    layout->addLayout(row);

    auto *live = new QGroupBox(tr("Live from the device"), w);
    auto *form = new QFormLayout(live);
    m_liveProcess = new QLabel(live);
    m_liveMeasured = new QLabel(live);
    m_liveActual = new QLabel(live);
    m_liveStatus = new QLabel(live);
    m_liveEmissivity = new QLabel(live);
    if (m_regs) {
        form->addRow(tr("Process temperature:"), m_liveProcess);
        if (m_regs->measured != m_regs->process)
            form->addRow(m_regs->measured->name + QLatin1Char(':'), m_liveMeasured);
        form->addRow(tr("Determination, actual temperature:"), m_liveActual);
        form->addRow(tr("Determination:"), m_liveStatus);
        form->addRow(tr("Emissivity set:"), m_liveEmissivity);
    }
    layout->addWidget(live);
    m_measureProgress = new QProgressBar(w);
    m_measureProgress->setTextVisible(false);
    m_measureProgress->hide();
    layout->addWidget(m_measureProgress);
    m_measureStatus = wrapped(QString(), w);
    layout->addWidget(m_measureStatus);
    layout->addStretch(1);
    return w;
}

QWidget *EmissivityAssistant::buildResult()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    m_resultValue = new QLabel(w);
    QFont big = m_resultValue->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_resultValue->setFont(big);
    m_resultText = wrapped(QString(), w);
    m_resultText->setTextFormat(Qt::RichText);
    layout->addWidget(m_resultValue);
    layout->addWidget(m_resultText);
    layout->addStretch(1);
    return w;
}

QWidget *EmissivityAssistant::buildApply()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    m_applyText = wrapped(QString(), w);
    m_apply = new QPushButton(tr("&Apply"), w);
    m_apply->setObjectName(QStringLiteral("apply"));
    connect(m_apply, &QPushButton::clicked, this, &EmissivityAssistant::applyResult);
    auto *row = new QHBoxLayout;
    row->addWidget(m_apply);
    row->addStretch(1);
    m_applyStatus = wrapped(QString(), w);
    layout->addWidget(m_applyText);
    layout->addLayout(row);
    layout->addWidget(m_applyStatus);
    layout->addStretch(1);
    return w;
}

QWidget *EmissivityAssistant::buildVerify()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    m_verifyText = wrapped(QString(), w);
    m_verifyProgress = new QProgressBar(w);
    m_verifyProgress->setTextVisible(false);
    m_verifyStatus = wrapped(QString(), w);
    QFont bold = m_verifyStatus->font();
    bold.setBold(true);
    m_verifyStatus->setFont(bold);
    layout->addWidget(m_verifyText);
    layout->addWidget(m_verifyProgress);
    layout->addWidget(m_verifyStatus);
    layout->addStretch(1);
    return w;
}

void EmissivityAssistant::updateLock()
{
    const QString locked =
        tr("Writing is locked for this device: the assistant can measure, but cannot write "
           "the reference, switch the determination on or apply the result. Unlock writing "
           "in the Configuration tab to do so.");
    if (m_introLock && m_regs) {
        setStatus(m_introLock, canWrite() ? QString() : locked, Theme::staleColor());
        m_introLock->setVisible(!canWrite());
    }
    if (m_apply) {
        m_apply->setEnabled(canWrite() && !m_applied && !std::isnan(m_result));
        if (!canWrite() && !m_applied)
            setStatus(m_applyStatus,
                      tr("Writing is locked for this device, so the emissivity cannot be applied. "
                         "Unlock writing in the Configuration tab, then press Apply."),
                      Theme::staleColor());
        else if (!m_applied && m_applyStatus->text().startsWith(tr("Writing is locked")))
            setStatus(m_applyStatus, QString());
    }
}

void EmissivityAssistant::refreshLive()
{
    if (!m_regs || !m_session || !m_liveProcess)
        return;
    m_liveProcess->setText(formatted(m_regs->process));
    m_liveMeasured->setText(formatted(m_regs->measured));
    m_liveActual->setText(formatted(m_regs->actual));
    m_liveStatus->setText(formatted(m_regs->status));
    m_liveEmissivity->setText(formatted(m_regs->emissivity));
    m_reference->setSuffix(QLatin1Char(' ') + unit());
}

void EmissivityAssistant::initializePage(int id)
{
    QWizard::initializePage(id);
    const QString u = unit();
    switch (id) {
    case ReferencePage:
        // A starting point the technician corrects: the present reading.
        if (const Reading *r = reading(m_regs->process); r && r->hasValue() && std::isnan(m_referenceValue))
            m_reference->setValue(std::round(r->value));
        m_reference->setSuffix(QLatin1Char(' ') + u);
        if (!canWrite())
            setStatus(m_measureStatus,
                      tr("Writing is locked: the assistant measures without the device's "
                         "determination and computes the emissivity itself."),
                      Theme::staleColor());
        break;
    case ResultPage: {
        const QString eps = QString::number(m_result, 'f', 3);
        m_resultValue->setText(tr("ε = %1").arg(eps));
        if (m_fromDevice) {
            m_resultText->setText(
                tr("The device determined the emissivity itself: it changed it from %1 to %2 "
                   "while the determination was on.")
                    .arg(QString::number(m_emissivitySet, 'f', 3), eps));
        } else {
            const double tm = EmissivityDetermination::toKelvin(m_measuredMean, u);
            const double tr_ = EmissivityDetermination::toKelvin(m_referenceValue, u);
            m_resultText->setText(
                tr("<p>With ε = %1 set, the device measured %2 %3 on average; the reference is %4 %3.</p>"
                   "<p>By the Stefan-Boltzmann law a pyrometer set to ε<sub>set</sub> reads an object of "
                   "emissivity ε at T<sub>ref</sub> as T<sub>meas</sub><sup>4</sup> = (ε / ε<sub>set</sub>) "
                   "T<sub>ref</sub><sup>4</sup> (in kelvin), so:</p>"
                   "<p>ε = ε<sub>set</sub> · (T<sub>meas</sub> / T<sub>ref</sub>)<sup>4</sup> = %1 · (%5 K / "
                   "%6 K)<sup>4</sup> = %7</p>")
                    .arg(QString::number(m_emissivitySet, 'f', 3), QString::number(m_measuredMean, 'f', 1), u,
                         QString::number(m_referenceValue, 'f', 1), QString::number(tm, 'f', 2),
                         QString::number(tr_, 'f', 2), eps));
        }
        break;
    }
    case ApplyPage:
        m_applyText->setText(m_determinationOn
                                 ? tr("Write ε = %1 to the device (read back and compared) and switch the "
                                      "emissivity determination off.")
                                       .arg(QString::number(m_result, 'f', 3))
                                 : tr("Write ε = %1 to the device (read back and compared).")
                                       .arg(QString::number(m_result, 'f', 3)));
        updateLock();
        break;
    case VerifyPage:
        startVerification();
        break;
    default:
        break;
    }
}

void EmissivityAssistant::write(const QList<std::pair<const RegisterDef *, double>> &values, Done done)
{
    QList<WriteItem> items;
    for (const auto &[def, value] : values) {
        QString why;
        const auto item = RegisterIo::prepare(*def, value, &why);
        if (!item) {
            done(false, why);
            return;
        }
        items.append(*item);
    }
    if (!canWrite()) {
        done(false, tr("Writing is locked for this device."));
        return;
    }
    QPointer<EmissivityAssistant> self(this);
    AutoBackup::of(m_session)->ensureBackup([self, items, done](bool ok, const QString &pathOrError) {
        if (!self)
            return;
        if (!ok) {
            done(false, tr("Nothing was written: %1").arg(pathOrError));
            return;
        }
        if (!self->canWrite()) {
            done(false, tr("Writing is locked for this device."));
            return;
        }
        self->m_session->write(items, [self, done](const QList<WriteOutcome> &outcomes) {
            if (!self)
                return;
            for (const WriteOutcome &o : outcomes) {
                if (!o.written || !o.verified) {
                    done(false, QStringLiteral("%1: %2").arg(o.item.def->name, o.error));
                    return;
                }
            }
            done(true, QString());
        });
    });
}

void EmissivityAssistant::startMeasurement()
{
    if (!m_regs || !m_session || m_measuring)
        return;
    m_measuring = true;
    m_result = std::nan("");
    m_fromDevice = false;
    page(ReferencePage)->setComplete(false);
    m_measure->setEnabled(false);
    m_reference->setEnabled(false);
    m_referenceValue = m_reference->value();
    m_measureProgress->setRange(0, 0);
    m_measureProgress->show();
    setStatus(m_measureStatus, tr("Reading the emissivity set…"));
    QPointer<EmissivityAssistant> self(this);
    DeviceAccess::over(m_session->poller())
        .read({m_regs->emissivity, m_regs->status}, [self](const QList<Reading> &readings) {
            if (!self || !self->m_measuring)
                return;
            if (readings.value(0).quality != Quality::Good) {
                self->failMeasurement(
                    tr("The emissivity could not be read: %1").arg(readings.value(0).error));
                return;
            }
            self->m_emissivitySet = readings.value(0).value;
            auto sample = [self] {
                if (!self || !self->m_measuring)
                    return;
                self->setStatus(self->m_measureStatus, tr("Measuring…"));
                self->m_samples.clear();
                self->m_sampleSinceMs = QDateTime::currentMSecsSinceEpoch();
                self->m_clock.start();
                self->m_measureProgress->setRange(0, self->m_averagingMs);
                self->m_measureProgress->setValue(0);
                self->m_sampleTimer->start();
            };
            if (!self->canWrite()) {
                sample();
                return;
            }
            self->setStatus(self->m_measureStatus,
                            tr("Writing the reference and switching the determination on…"));
            self->write({{self->m_regs->target, self->m_referenceValue}, {self->m_regs->status, 1.0}},
                        [self, sample](bool ok, const QString &error) {
                            if (!self)
                                return;
                            if (!ok) {
                                self->failMeasurement(error);
                                return;
                            }
                            self->m_determinationOn = true;
                            sample();
                        });
        });
}

void EmissivityAssistant::sampleMeasurement()
{
    // One sample per fresh reading: the poller reads the measured temperature every fast cycle.
    const Reading *r = reading(m_regs->measured);
    if (r && r->quality == Quality::Good && r->timestampMs >= m_sampleSinceMs) {
        m_samples.append(r->value);
        m_sampleSinceMs = r->timestampMs + 1;
    }
    m_measureProgress->setValue(int(std::min<qint64>(m_clock.elapsed(), m_averagingMs)));
    if (m_clock.elapsed() >= m_averagingMs && m_samples.size() >= kMinSamples) {
        m_sampleTimer->stop();
        finishMeasurement();
    } else if (m_clock.elapsed() >= 4 * m_averagingMs + 5000) {
        failMeasurement(tr("The measured temperature was not read (only %n reading(s)).", nullptr,
                           int(m_samples.size())));
    }
}

void EmissivityAssistant::finishMeasurement()
{
    m_measuredMean = mean(m_samples);
    setStatus(m_measureStatus, tr("Reading the emissivity again…"));
    QPointer<EmissivityAssistant> self(this);
    DeviceAccess::over(m_session->poller())
        .read({m_regs->emissivity}, [self](const QList<Reading> &readings) {
            if (!self || !self->m_measuring)
                return;
            const RegisterDef &eps = *self->m_regs->emissivity;
            const Reading now = readings.value(0);
            const QString u = self->unit();
            double result;
            // A device that runs the determination itself sets its emissivity: then that is the result.
            if (now.quality == Quality::Good &&
                std::fabs(now.value - self->m_emissivitySet) > eps.resolution() / 2) {
                self->m_fromDevice = true;
                result = now.value;
            } else {
                result = EmissivityDetermination::emissivityFor(
                    self->m_emissivitySet, EmissivityDetermination::toKelvin(self->m_measuredMean, u),
                    EmissivityDetermination::toKelvin(self->m_referenceValue, u));
                // On the register's resolution, so that it can be written exactly as shown.
                if (eps.resolution() > 0)
                    result = std::round(result / eps.resolution()) * eps.resolution();
            }
            const QString why = Codec::validate(eps, result);
            if (!why.isEmpty()) {
                self->failMeasurement(
                    tr("The result ε = %1 cannot be set (%2): check the reference temperature and "
                       "that the pyrometer sees the reference.")
                        .arg(QString::number(result, 'f', 3),
                             why.chopped(why.endsWith(QLatin1Char('.')) ? 1 : 0)));
                return;
            }
            self->m_result = result;
            self->m_measuring = false;
            self->m_measureProgress->hide();
            self->m_measure->setEnabled(true);
            self->m_measure->setText(tr("&Measure again"));
            self->m_reference->setEnabled(true);
            self->setStatus(
                self->m_measureStatus,
                tr("Measured %1 %2 on average (%n reading(s)): ε = %3. Press Next.", nullptr,
                   int(self->m_samples.size()))
                    .arg(QString::number(self->m_measuredMean, 'f', 1), u, QString::number(result, 'f', 3)),
                Theme::goodColor());
            self->page(ReferencePage)->setComplete(true);
            qCDebug(lcEmissivity) << "emissivity" << result << "from" << self->m_samples.size() << "samples";
            emit self->measurementFinished(true);
        });
}

void EmissivityAssistant::failMeasurement(const QString &why)
{
    m_measuring = false;
    m_sampleTimer->stop();
    m_measureProgress->hide();
    m_measure->setEnabled(true);
    m_reference->setEnabled(true);
    setStatus(m_measureStatus, why, Theme::errorColor());
    page(ReferencePage)->setComplete(false);
    emit measurementFinished(false);
}

void EmissivityAssistant::applyResult()
{
    if (!m_regs || std::isnan(m_result) || m_applied)
        return;
    m_apply->setEnabled(false);
    setStatus(m_applyStatus, tr("Writing…"));
    QList<std::pair<const RegisterDef *, double>> values{{m_regs->emissivity, m_result}};
    // Off whether we switched it on or found it on: a determination left running would move ε again.
    const Reading *status = reading(m_regs->status);
    if (m_determinationOn || (status && status->hasValue() && status->value != 0.0))
        values.append({m_regs->status, 0.0});
    QPointer<EmissivityAssistant> self(this);
    write(values, [self, values](bool ok, const QString &error) {
        if (!self)
            return;
        if (!ok) {
            self->setStatus(self->m_applyStatus, error, Theme::errorColor());
            self->updateLock();
            emit self->applyFinished(false);
            return;
        }
        self->m_applied = true;
        if (values.size() > 1)
            self->m_determinationOn = false;
        self->setStatus(self->m_applyStatus,
                        values.size() > 1
                            ? tr("ε = %1 written and verified; the determination is off. Press Next "
                                 "to check the reading.")
                                  .arg(QString::number(self->m_result, 'f', 3))
                            : tr("ε = %1 written and verified. Press Next to check the reading.")
                                  .arg(QString::number(self->m_result, 'f', 3)),
                        Theme::goodColor());
        self->page(ApplyPage)->setComplete(true);
        self->updateLock();
        emit self->applyFinished(true);
    });
}

void EmissivityAssistant::startVerification()
{
    if (!m_regs || !m_session)
        return;
    const QString u = unit();
    m_verified.reset();
    page(VerifyPage)->setComplete(false);
    // The device's own averaging (AVG time) delays the process temperature: let it settle first.
    int settleMs = 1000;
    if (const RegisterDef *avg =
            m_session->profile().findById(QStringLiteral("avg_time"), m_session->model()))
        if (const Reading *r = reading(avg); r && r->hasValue())
            settleMs = std::clamp(int(3 * r->value), 1000, 10000);
    m_verifyText->setText(
        tr("Reading the process temperature for a few seconds; it should read the reference, "
           "%1 %2, within %3 %2.")
            .arg(QString::number(m_referenceValue, 'f', 1), u,
                 QString::number(EmissivityDetermination::differenceIn(m_toleranceK, u), 'f', 1)));
    setStatus(m_verifyStatus, QString());
    m_verifyProgress->setRange(0, settleMs + m_averagingMs);
    m_verifyProgress->show();
    m_verifyProgress->setValue(0);
    m_samples.clear();
    m_verifying = true;
    m_clock.start();
    m_sampleSinceMs = QDateTime::currentMSecsSinceEpoch() + settleMs;
    m_sampleTimer->start();
}

void EmissivityAssistant::finishVerification()
{
    const Reading *r = reading(m_regs->process);
    if (r && r->quality == Quality::Good && r->timestampMs >= m_sampleSinceMs) {
        m_samples.append(r->value);
        m_sampleSinceMs = r->timestampMs + 1;
    }
    m_verifyProgress->setValue(int(std::min<qint64>(m_clock.elapsed(), m_verifyProgress->maximum())));
    if (m_clock.elapsed() < m_verifyProgress->maximum() || m_samples.size() < kMinSamples) {
        if (m_clock.elapsed() > 4 * m_verifyProgress->maximum() + 5000) {
            m_sampleTimer->stop();
            m_verifying = false;
            setStatus(m_verifyStatus, tr("The process temperature was not read."), Theme::errorColor());
            m_verified = false;
            page(VerifyPage)->setComplete(true);
            emit verificationFinished(false);
        }
        return;
    }
    m_sampleTimer->stop();
    m_verifying = false;
    m_verifyProgress->hide();
    const QString u = unit();
    m_verifiedMean = mean(m_samples);
    const double deviation = m_verifiedMean - m_referenceValue;
    const double tolerance = EmissivityDetermination::differenceIn(m_toleranceK, u);
    m_verified = std::fabs(deviation) <= tolerance;
    const QString reads =
        tr("The process temperature reads %1 %2, %3 %2 from the reference.")
            .arg(QString::number(m_verifiedMean, 'f', 1), u,
                 (deviation >= 0 ? QStringLiteral("+") : QString()) + QString::number(deviation, 'f', 1));
    if (*m_verified)
        setStatus(m_verifyStatus, reads + QLatin1Char(' ') + tr("The emissivity is right."),
                  Theme::goodColor());
    else
        setStatus(
            m_verifyStatus,
            reads + QLatin1Char(' ') +
                tr("That is more than %1 %2: check that the reference was steady and the pyrometer saw only "
                   "the reference, then measure again.")
                    .arg(QString::number(tolerance, 'f', 1), u),
            Theme::errorColor());
    page(VerifyPage)->setComplete(true);
    emit verificationFinished(*m_verified);
}

void EmissivityAssistant::done(int result)
{
    m_liveTimer->stop();
    m_sampleTimer->stop();
    m_measuring = m_verifying = false;
    // Never leave the device in the determination mode the assistant switched on: undoing our own write is
    // done even if writing was locked meanwhile.
    if (m_determinationOn && m_session && m_regs) {
        if (const auto item = RegisterIo::prepare(*m_regs->status, 0.0, nullptr))
            m_session->write({*item}, [](const QList<WriteOutcome> &) {});
        m_determinationOn = false;
    }
    QWizard::done(result);
}

} // namespace pyrolink
