// The emissivity assistant on a simulated CT LT over Modbus TCP on 127.0.0.1, offscreen. The simulator's
// object has a true emissivity of 0.90 (OptrisCtBehaviour::kTrueEmissivity) and reads by Stefan-Boltzmann;
// its determination registers (10046-10048) only hold what is written, so the assistant computes the result
// itself. PYROLINK_TEST_SCREENSHOTS=/tmp saves the pages as emissivity-*.png there.
#include "commissioning/AutoBackup.h"
#include "commissioning/EmissivityAssistant.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"
#include "sim/DeviceSimulator.h"
#include "sim/OptrisCtBehaviour.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pyrolink;

namespace {
// Instance 9 of the simulated CT: its object starts close to its setpoint, so its true temperature holds
// still (well under 0.1 °C/s) for the minute a test takes; instance 0's moves by degrees per second.
constexpr int kCalmInstance = 9;
constexpr int kTimeout = 20000;
} // namespace

class TestEmissivityAssistant : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offeredOnlyWithTheRegisters_data();
    void offeredOnlyWithTheRegisters();
    void findsTheTrueEmissivity_data();
    void findsTheTrueEmissivity();
    void lockedMeasuresButCannotApply();
    void cancelSwitchesTheDeterminationOff();

private:
    std::unique_ptr<DeviceSession> session(const QString &model);
    /// The object's true temperature in the device's unit: what the simulator reads with the true emissivity
    /// set, averaged over a second (0.2 °C noise).
    double trueTemperature(DeviceSimulator *sim);
    bool measure(EmissivityAssistant &a, double reference);
    void screenshot(QWidget *w, QString name);

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
    QTemporaryDir m_backups;
    std::unique_ptr<DeviceSession> m_session;
};

void TestEmissivityAssistant::initTestCase()
{
    // A backup folder of this test's own: tests run in parallel, and never in the user's folder.
    QVERIFY(m_backups.isValid());
    qputenv("PYROLINK_BACKUP_DIR", m_backups.path().toLocal8Bit());
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
}

void TestEmissivityAssistant::init()
{
    QDir(AutoBackup::backupDir()).removeRecursively();
}

void TestEmissivityAssistant::cleanup()
{
    m_session.reset();
}

std::unique_ptr<DeviceSession> TestEmissivityAssistant::session(const QString &model)
{
    QString error;
    auto s = DeviceSession::simulated(m_optris, model, &error);
    if (!s) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    s->simulator()->setInstance(kCalmInstance);
    s->start();
    if (!QTest::qWaitFor([&] { return s->poller()->state() == DevicePoller::State::Connected; }, 5000))
        return nullptr;
    return s;
}

double TestEmissivityAssistant::trueTemperature(DeviceSimulator *sim)
{
    const double set = *sim->value(QStringLiteral("emissivity"));
    sim->setValue(QStringLiteral("emissivity"), OptrisCtBehaviour::kTrueEmissivity);
    QTest::qWait(250);
    double sum = 0.0;
    const int n = 10;
    for (int i = 0; i < n; ++i) {
        sum += *sim->value(QStringLiteral("temp_process"));
        QTest::qWait(100);
    }
    sim->setValue(QStringLiteral("emissivity"), set);
    QTest::qWait(250);
    return std::round(sum / n * 10.0) / 10.0;
}

bool TestEmissivityAssistant::measure(EmissivityAssistant &a, double reference)
{
    if (a.currentId() != EmissivityAssistant::ReferencePage)
        a.next();
    if (a.currentId() != EmissivityAssistant::ReferencePage)
        return false;
    a.referenceEdit()->setValue(reference);
    QSignalSpy measured(&a, &EmissivityAssistant::measurementFinished);
    QTest::mouseClick(a.measureButton(), Qt::LeftButton);
    if (!measured.wait(kTimeout))
        return false;
    return measured.first().first().toBool();
}

void TestEmissivityAssistant::screenshot(QWidget *w, QString name)
{
    if (QTest::currentDataTag() && QByteArray(QTest::currentDataTag()) == "°F")
        name += QStringLiteral("-fahrenheit");
    if (const QByteArray dir = qgetenv("PYROLINK_TEST_SCREENSHOTS"); !dir.isEmpty())
        QVERIFY(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/emissivity-%1.png").arg(name)));
}

void TestEmissivityAssistant::offeredOnlyWithTheRegisters_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("offered");
    QTest::newRow("ctlt") << QStringLiteral("ctlt") << true;
    QTest::newRow("ctxm") << QStringLiteral("ctxm") << false;
    QTest::newRow("ctratio") << QStringLiteral("ctratio") << false;
    QTest::newRow("ct4m") << QStringLiteral("ct4m") << false;
}

void TestEmissivityAssistant::offeredOnlyWithTheRegisters()
{
    QFETCH(QString, model);
    QFETCH(bool, offered);
    QString error;
    auto s = DeviceSession::simulated(m_optris, model, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(EmissivityAssistant::isAvailable(s.get()), offered);
    QCOMPARE(EmissivityDetermination::find(*m_optris, model).has_value(), offered);
    // Opened anyway, it says so and goes no further.
    EmissivityAssistant a(s.get());
    a.show();
    QVERIFY(QTest::qWaitForWindowExposed(&a));
    QCOMPARE(a.button(QWizard::NextButton)->isEnabled(), offered);
    if (!offered)
        screenshot(&a, QStringLiteral("not-offered"));
}

void TestEmissivityAssistant::findsTheTrueEmissivity_data()
{
    QTest::addColumn<bool>("fahrenheit");
    QTest::newRow("°C") << false;
    QTest::newRow("°F") << true;
}

void TestEmissivityAssistant::findsTheTrueEmissivity()
{
    QFETCH(bool, fahrenheit);
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    DeviceSimulator *sim = m_session->simulator();
    if (fahrenheit) {
        sim->setValue(QStringLiteral("temp_unit"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->poller()->reading(QStringLiteral("temp_unit"))->value, 1.0,
                                  5000);
    }
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95);
    m_session->setWriteUnlocked(true);
    const double reference = trueTemperature(sim);
    const double tolerance = fahrenheit ? 3.6 : 2.0; // 2 K
    QVERIFY2(reference > (fahrenheit ? 300 : 150), qPrintable(QString::number(reference)));

    EmissivityAssistant a(m_session.get());
    a.setAveragingMs(2000);
    a.show();
    QVERIFY(QTest::qWaitForWindowExposed(&a));
    QCOMPARE(a.unit(), fahrenheit ? QStringLiteral("°F") : QStringLiteral("°C"));
    screenshot(&a, QStringLiteral("1-intro"));
    QStringList written;
    connect(sim, &DeviceSimulator::written, [&written](const QString &id) { written << id; });

    QVERIFY(measure(a, reference));
    screenshot(&a, QStringLiteral("2-reference"));
    // The device's determination got the reference and was switched on.
    QCOMPARE(written.mid(0, 2), (QStringList{QStringLiteral("emissivity_target_temp"),
                                             QStringLiteral("emissivity_determination")}));
    QCOMPARE(*sim->value(QStringLiteral("emissivity_target_temp")), reference);
    QCOMPARE(*sim->value(QStringLiteral("emissivity_determination")), 1.0);
    QVERIFY2(std::fabs(a.result() - OptrisCtBehaviour::kTrueEmissivity) <= 0.01,
             qPrintable(QStringLiteral("ε %1 from %2 measured, reference %3")
                            .arg(a.result())
                            .arg(a.measuredMean())
                            .arg(reference)));
    QVERIFY(!a.resultFromDevice());
    // The first write of the session took the automatic backup, before anything was written.
    QCOMPARE(QDir(AutoBackup::backupDir()).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 1);

    a.next();
    QCOMPARE(a.currentId(), int(EmissivityAssistant::ResultPage));
    QVERIFY(a.statusText(EmissivityAssistant::ResultPage).contains(QStringLiteral("T<sub>meas</sub>")));
    screenshot(&a, QStringLiteral("3-result"));
    a.next();
    QCOMPARE(a.currentId(), int(EmissivityAssistant::ApplyPage));
    QVERIFY(!a.button(QWizard::NextButton)->isEnabled()); // not before it is applied
    QVERIFY(a.applyButton()->isEnabled());
    QSignalSpy applied(&a, &EmissivityAssistant::applyFinished);
    QTest::mouseClick(a.applyButton(), Qt::LeftButton);
    QVERIFY(applied.wait(kTimeout));
    QVERIFY2(applied.first().first().toBool(), qPrintable(a.statusText(EmissivityAssistant::ApplyPage)));
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), a.result());
    QCOMPARE(*sim->value(QStringLiteral("emissivity_determination")), 0.0);
    screenshot(&a, QStringLiteral("4-apply"));

    QSignalSpy verified(&a, &EmissivityAssistant::verificationFinished);
    a.next();
    QCOMPARE(a.currentId(), int(EmissivityAssistant::VerifyPage));
    QVERIFY(verified.wait(kTimeout));
    QVERIFY2(verified.first().first().toBool(), qPrintable(a.statusText(EmissivityAssistant::VerifyPage)));
    QVERIFY(std::fabs(a.verifiedMean() - reference) <= tolerance);
    // And what the device itself reads now: the reference, within 2 K.
    QVERIFY2(std::fabs(*sim->value(QStringLiteral("temp_process")) - reference) <= tolerance,
             qPrintable(
                 QStringLiteral("%1 vs %2").arg(*sim->value(QStringLiteral("temp_process"))).arg(reference)));
    screenshot(&a, QStringLiteral("5-verify"));
    a.accept();
    QCOMPARE(written.count(QStringLiteral("emissivity_determination")), 2); // on, and off once: not again
}

void TestEmissivityAssistant::lockedMeasuresButCannotApply()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    QVERIFY(!m_session->isWriteUnlocked());
    DeviceSimulator *sim = m_session->simulator();
    QStringList written;
    connect(sim, &DeviceSimulator::written, [&written](const QString &id) { written << id; });

    EmissivityAssistant a(m_session.get());
    a.setAveragingMs(1000);
    a.show();
    QVERIFY(QTest::qWaitForWindowExposed(&a));
    QVERIFY(a.statusText(EmissivityAssistant::IntroPage).contains(QStringLiteral("locked")));
    screenshot(&a, QStringLiteral("locked-intro"));
    QVERIFY(measure(a, trueTemperature(sim)));
    QVERIFY(std::fabs(a.result() - OptrisCtBehaviour::kTrueEmissivity) <= 0.01);
    a.next();
    a.next();
    QCOMPARE(a.currentId(), int(EmissivityAssistant::ApplyPage));
    QVERIFY(!a.applyButton()->isEnabled());
    QVERIFY(!a.button(QWizard::NextButton)->isEnabled());
    QVERIFY(a.statusText(EmissivityAssistant::ApplyPage).contains(QStringLiteral("locked")));
    screenshot(&a, QStringLiteral("locked-apply"));
    QVERIFY(written.isEmpty());
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95);
    QVERIFY(QDir(AutoBackup::backupDir()).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());

    // Unlocked while the assistant is open: it can apply now.
    m_session->setWriteUnlocked(true);
    QVERIFY(a.applyButton()->isEnabled());
    QVERIFY(!a.statusText(EmissivityAssistant::ApplyPage).contains(QStringLiteral("locked")));
}

void TestEmissivityAssistant::cancelSwitchesTheDeterminationOff()
{
    m_session = session(QStringLiteral("ctlt"));
    QVERIFY(m_session);
    m_session->setWriteUnlocked(true);
    DeviceSimulator *sim = m_session->simulator();
    auto a = std::make_unique<EmissivityAssistant>(m_session.get());
    a->setAveragingMs(500);
    a->show();
    QVERIFY(QTest::qWaitForWindowExposed(a.get()));
    QVERIFY(measure(*a, 300.0));
    QCOMPARE(*sim->value(QStringLiteral("emissivity_determination")), 1.0);
    a->reject();
    QTRY_COMPARE_WITH_TIMEOUT(*sim->value(QStringLiteral("emissivity_determination")), 0.0, 5000);
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95); // nothing applied
}

QTEST_MAIN(TestEmissivityAssistant)
#include "tst_emissivityassistant.moc"
