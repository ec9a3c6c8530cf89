// DeviceSimulator over a real network: a real QModbusTcpClient on 127.0.0.1 talks to the simulator, as the
// CLI and the GUI will. No fakes.
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "profile/ProfileRegistry.h"
#include "sim/DeviceSimulator.h"
#include "sim/OptrisCtBehaviour.h"
#include "sim/SimulatorServer.h"

#include <QModbusReply>
#include <QModbusTcpClient>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace pyrolink;

namespace {

const QHostAddress kLocal(QHostAddress::LocalHost);

/// What a request came back with.
struct Answer
{
    QModbusDevice::Error error = QModbusDevice::UnknownError;
    int exceptionCode = 0;
    QList<quint16> values;
    bool ok() const { return error == QModbusDevice::NoError; }
};

/// A real QModbusTcpClient, used one request at a time.
class Client
{
public:
    explicit Client(quint16 port, int timeoutMs = 2000) : m_client(new QModbusTcpClient)
    {
        m_client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, kLocal.toString());
        m_client->setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
        m_client->setTimeout(timeoutMs);
        m_client->setNumberOfRetries(0);
    }
    ~Client()
    {
        // NOTES.md: disconnectDevice() inside a reply's finished() makes Qt finish that reply again. Replies
        // here are finished and deleted later; the disconnect goes through the event loop all the same.
        QMetaObject::invokeMethod(m_client, &QModbusClient::disconnectDevice, Qt::QueuedConnection);
        if (!QTest::qWaitFor([this] { return m_client->state() == QModbusDevice::UnconnectedState; }, 2000))
            qWarning() << "client did not disconnect";
        delete m_client;
    }

    bool connect()
    {
        return m_client->connectDevice() &&
               QTest::qWaitFor([this] { return m_client->state() == QModbusDevice::ConnectedState; }, 3000);
    }

    Answer read(QModbusDataUnit::RegisterType table, int address, int count, int unit = 1)
    {
        Answer a = wait(m_client->sendReadRequest(QModbusDataUnit(table, address, quint16(count)), unit));
        // QModbusTcpClient (Qt 6.4) hands back every bit of the bytes received for coils and discrete
        // inputs, padding included: keep the ones asked for.
        if (table == QModbusDataUnit::Coils || table == QModbusDataUnit::DiscreteInputs)
            a.values = a.values.mid(0, count);
        return a;
    }
    /// One value goes out as function 6 (5 for a coil), several as function 16 (15).
    Answer write(QModbusDataUnit::RegisterType table, int address, const QList<quint16> &values, int unit = 1)
    {
        return wait(m_client->sendWriteRequest(QModbusDataUnit(table, address, values), unit));
    }
    /// Function 16 even for a single register.
    Answer writeMultiple(int address, const QList<quint16> &values, int unit = 1)
    {
        QByteArray data;
        for (int word : {address, int(values.size())}) {
            data.append(char(word >> 8));
            data.append(char(word & 0xFF));
        }
        data.append(char(values.size() * 2));
        for (quint16 v : values) {
            data.append(char(v >> 8));
            data.append(char(v & 0xFF));
        }
        return wait(
            m_client->sendRawRequest(QModbusRequest(QModbusRequest::WriteMultipleRegisters, data), unit));
    }

    Answer readInput(int address, int count = 1)
    {
        return read(QModbusDataUnit::InputRegisters, address, count);
    }
    Answer readHolding(int address, int count = 1)
    {
        return read(QModbusDataUnit::HoldingRegisters, address, count);
    }
    Answer writeHolding(int address, quint16 value)
    {
        return write(QModbusDataUnit::HoldingRegisters, address, {value});
    }

private:
    Answer wait(QModbusReply *reply)
    {
        Answer a;
        if (!reply) {
            a.error = m_client->error();
            return a;
        }
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QModbusReply::finished);
            finished.wait(5000);
        }
        a.error = reply->isFinished() ? reply->error() : QModbusDevice::TimeoutError;
        a.exceptionCode = int(reply->rawResult().exceptionCode());
        a.values = reply->result().values();
        reply->deleteLater();
        return a;
    }

    QModbusTcpClient *m_client;
};

const char *errorName(const Answer &a)
{
    static QByteArray text;
    text = QByteArray::number(int(a.error)) + " exception " + QByteArray::number(a.exceptionCode);
    return text.constData();
}

} // namespace

class TestDeviceSimulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsProcessTemperature_data() { models(); }
    void readsProcessTemperature();
    void serialNumberPerInstance_data() { models(); }
    void serialNumberPerInstance();
    void uncoveredAddressesAnswerException2_data() { models(); }
    void uncoveredAddressesAnswerException2();
    void mergedTemperatureRead_data() { models(); }
    void mergedTemperatureRead();
    void emissivityWriteIsHeld_data() { models(); }
    void emissivityWriteIsHeld();
    void outOfRangeWriteAnswersException3_data() { models(); }
    void outOfRangeWriteAnswersException3();
    void lowerEmissivityRaisesReading_data() { models(); }
    void lowerEmissivityRaisesReading();
    void fahrenheit_data() { models(); }
    void fahrenheit();
    void errorCountReset_data() { models(); }
    void errorCountReset();
    void setDefaultRestores_data() { models(); }
    void setDefaultRestores();
    void readingsMove();
    void emissivityFormula();
    void severalSimulatorsOnConsecutivePorts();

    void genericRules();
    void otherUnitIdsGetNoAnswer();
    void fastInputsWobble();
    void everyProfileServesEveryReadableRegister();

private:
    void models();
    std::unique_ptr<DeviceSimulator> optris(const QString &model, int instance = 0);
    const RegisterDef &reg(const QString &id, const QString &model) const;
    double decode(const QString &id, const QString &model, const QList<quint16> &words) const;

    ProfileRegistry m_registry;
    std::shared_ptr<const Profile> m_optris;
};

void TestDeviceSimulator::initTestCase()
{
    m_registry.loadDirectory(QStringLiteral(":/profiles"));
    QVERIFY2(m_registry.errors().isEmpty(), qPrintable(m_registry.errors().join(QLatin1Char('\n'))));
    m_optris = m_registry.find(QStringLiteral("optris-ct"));
    QVERIFY(m_optris);
    QCOMPARE(m_optris->models.size(), 4);
}

void TestDeviceSimulator::models()
{
    QTest::addColumn<QString>("model");
    for (const ModelDef &m : m_optris->models)
        QTest::newRow(qPrintable(m.id)) << m.id;
}

std::unique_ptr<DeviceSimulator> TestDeviceSimulator::optris(const QString &model, int instance)
{
    auto sim = std::make_unique<DeviceSimulator>(m_optris, model);
    sim->setInstance(instance);
    QString error;
    if (!sim->listen(kLocal, 0, &error)) {
        qWarning() << "listen:" << error;
        return nullptr;
    }
    return sim;
}

const RegisterDef &TestDeviceSimulator::reg(const QString &id, const QString &model) const
{
    const RegisterDef *def = m_optris->findById(id, model);
    Q_ASSERT(def);
    return *def;
}

double TestDeviceSimulator::decode(const QString &id, const QString &model, const QList<quint16> &words) const
{
    return Codec::decode(reg(id, model), words);
}

void TestDeviceSimulator::readsProcessTemperature()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    QVERIFY(sim->isListening());
    QVERIFY(sim->port() != 0);
    QCOMPARE(sim->address(), kLocal);
    QCOMPARE(sim->model(), model);

    Client client(sim->port());
    QVERIFY(client.connect());
    const Answer a = client.readInput(1020);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(a.values.size(), 1);
    const double t = decode(QStringLiteral("temp_process"), model, a.values);
    QVERIFY2(t > 0.0 && t < 1500.0, qPrintable(QString::number(t)));
}

void TestDeviceSimulator::serialNumberPerInstance()
{
    QFETCH(QString, model);
    auto sim = optris(model, 3);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());
    const Answer a = client.readInput(1010, 2);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(decode(QStringLiteral("serial_number"), model, a.values), 23120004.0);
    QCOMPARE(a.values.at(0), quint16(23120004 >> 16)); // high word first
    QCOMPARE(*sim->value(QStringLiteral("serial_number")), 23120004.0);
}

void TestDeviceSimulator::uncoveredAddressesAnswerException2()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.readInput(2000);
    QCOMPARE(a.error, QModbusDevice::ProtocolError);
    QCOMPARE(a.exceptionCode, 2);

    // 1024-1028 are all there on the CTratio only; anywhere else one missing register fails the block.
    a = client.readInput(1024, 5);
    if (model == QStringLiteral("ctratio")) {
        QVERIFY2(a.ok(), errorName(a));
    } else {
        QCOMPARE(a.error, QModbusDevice::ProtocolError);
        QCOMPARE(a.exceptionCode, 2);
    }

    // 10003-10007 are a gap on every model: a merged read across it fails, a write into it too.
    a = client.readHolding(10002, 7);
    QCOMPARE(a.exceptionCode, 2);
    a = client.writeHolding(10005, 1);
    QCOMPARE(a.error, QModbusDevice::ProtocolError);
    QCOMPARE(a.exceptionCode, 2);
    // Holding registers are not input registers: 1020 is not in the holding table.
    a = client.readHolding(1020);
    QCOMPARE(a.exceptionCode, 2);
}

void TestDeviceSimulator::mergedTemperatureRead()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());
    const Answer a = client.readInput(1020, 4);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(a.values.size(), 4);
    const double head = decode(QStringLiteral("temp_head"), model, {a.values.at(1)});
    const double box = decode(QStringLiteral("temp_box"), model, {a.values.at(2)});
    QVERIFY2(head >= 34.0 && head <= 41.0, qPrintable(QString::number(head)));
    QVERIFY2(box >= 29.0 && box <= 36.0, qPrintable(QString::number(box)));
}

void TestDeviceSimulator::emissivityWriteIsHeld()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    QSignalSpy written(sim.get(), &DeviceSimulator::written);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.writeHolding(10010, 850);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("emissivity"));
    QCOMPARE(written.at(0).at(1).toDouble(), 0.85);
    a = client.readHolding(10010);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(a.values, QList<quint16>{850});
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.85);

    // Function 16 writes the same way.
    a = client.writeMultiple(10010, {900});
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.9);
    QCOMPARE(written.count(), 2);

    if (const RegisterDef *act = m_optris->findById(QStringLiteral("epsilon_act"), model)) {
        a = client.readInput(act->address);
        QCOMPARE(Codec::decode(*act, a.values), 0.9); // the device's actual emissivity follows at once
    }
}

void TestDeviceSimulator::outOfRangeWriteAnswersException3()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    QSignalSpy written(sim.get(), &DeviceSimulator::written);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.writeHolding(10010, 5000);
    QCOMPARE(a.error, QModbusDevice::ProtocolError);
    QCOMPARE(a.exceptionCode, 3);
    a = client.writeMultiple(10010, {5000, 1000}); // one bad value refuses the whole request
    QCOMPARE(a.exceptionCode, 3);
    QCOMPARE(*sim->value(QStringLiteral("emissivity")), 0.95);
    QCOMPARE(*sim->value(QStringLiteral("transmission")), 1.0);
    a = client.writeHolding(10053, 2); // temp_unit: only 0 and 1
    QCOMPARE(a.exceptionCode, 3);
    QCOMPARE(*sim->value(QStringLiteral("temp_unit")), 0.0);
    QCOMPARE(written.count(), 0);
    a = client.readHolding(10010);
    QCOMPARE(a.values, QList<quint16>{950});
}

void TestDeviceSimulator::lowerEmissivityRaisesReading()
{
    QFETCH(QString, model);
    auto sim = optris(model, 1);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.readInput(1020);
    QVERIFY2(a.ok(), errorName(a));
    const double at95 = decode(QStringLiteral("temp_process"), model, a.values);
    QVERIFY(client.writeHolding(10010, 800).ok());
    a = client.readInput(1020);
    QVERIFY2(a.ok(), errorName(a));
    const double at80 = decode(QStringLiteral("temp_process"), model, a.values);
    // Stefan-Boltzmann: T80^4 = (0.95 / 0.80) T95^4 in kelvin. The object may move a little (20 s lag) and
    // the reading is noisy (0.2 °C) between the two reads.
    const double expected = (at95 + 273.15) * std::pow(0.95 / 0.80, 0.25) - 273.15;
    QVERIFY2(at80 > at95 + 10.0, qPrintable(QStringLiteral("%1 -> %2").arg(at95).arg(at80)));
    QVERIFY2(std::fabs(at80 - expected) < 4.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(at80).arg(expected)));
}

void TestDeviceSimulator::emissivityFormula()
{
    // Set to the object's own emissivity, the pyrometer shows the true temperature.
    QCOMPARE(OptrisCtBehaviour::measuredTemperature(300.0, 0.9, 0.9, 1.0), 300.0);
    const double lower = OptrisCtBehaviour::measuredTemperature(300.0, 0.9, 0.45, 1.0);
    QVERIFY(std::fabs(lower - (573.15 * std::pow(2.0, 0.25) - 273.15)) < 1e-9);
    // A transmission of 0.5 loses half the radiation, which the device corrects like an emissivity.
    QCOMPARE(OptrisCtBehaviour::measuredTemperature(300.0, 0.9, 0.9, 0.5), lower);
}

void TestDeviceSimulator::fahrenheit()
{
    QFETCH(QString, model);
    auto sim = optris(model, 2);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.readInput(1020, 2);
    QVERIFY2(a.ok(), errorName(a));
    const double celsius = decode(QStringLiteral("temp_process"), model, {a.values.at(0)});
    const double headC = decode(QStringLiteral("temp_head"), model, {a.values.at(1)});
    a = client.readHolding(10018, 2); // advanced hold threshold (25 °C) and hysteresis (2 °C, a difference)
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(decode(QStringLiteral("advanced_hold_threshold"), model, {a.values.at(0)}), 25.0);
    QCOMPARE(decode(QStringLiteral("advanced_hold_hysteresis"), model, {a.values.at(1)}), 2.0);

    QVERIFY(client.writeHolding(10053, 1).ok());
    a = client.readInput(1020, 2);
    QVERIFY2(a.ok(), errorName(a));
    const double fahrenheit = decode(QStringLiteral("temp_process"), model, {a.values.at(0)});
    const double headF = decode(QStringLiteral("temp_head"), model, {a.values.at(1)});
    QVERIFY2(std::fabs(fahrenheit - (celsius * 1.8 + 32.0)) < 6.0,
             qPrintable(QStringLiteral("%1 °C -> %2 °F").arg(celsius).arg(fahrenheit)));
    QVERIFY2(std::fabs(headF - (headC * 1.8 + 32.0)) < 1.0, qPrintable(QString::number(headF)));
    a = client.readHolding(10018, 2);
    QCOMPARE(decode(QStringLiteral("advanced_hold_threshold"), model, {a.values.at(0)}), 77.0);
    QCOMPARE(decode(QStringLiteral("advanced_hold_hysteresis"), model, {a.values.at(1)}), 3.6);

    QVERIFY(client.writeHolding(10053, 0).ok());
    a = client.readHolding(10018, 2);
    QCOMPARE(decode(QStringLiteral("advanced_hold_threshold"), model, {a.values.at(0)}), 25.0);
    QCOMPARE(decode(QStringLiteral("advanced_hold_hysteresis"), model, {a.values.at(1)}), 2.0);
    a = client.readInput(1020);
    const double back = decode(QStringLiteral("temp_process"), model, a.values);
    QVERIFY2(std::fabs(back - celsius) < 4.0, qPrintable(QStringLiteral("%1 -> %2").arg(celsius).arg(back)));
}

void TestDeviceSimulator::errorCountReset()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    QSignalSpy written(sim.get(), &DeviceSimulator::written);
    Client client(sim->port());
    QVERIFY(client.connect());

    Answer a = client.readInput(1005);
    QVERIFY2(a.ok(), errorName(a));
    QCOMPARE(a.values, QList<quint16>{3});
    QVERIFY(client.writeHolding(10002, 1).ok());
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(1).toDouble(), 1.0); // what the client wrote, though the register is idle again
    QCOMPARE(client.readInput(1005).values, QList<quint16>{0});
    QCOMPARE(client.readHolding(10002).values, QList<quint16>{0});
}

void TestDeviceSimulator::setDefaultRestores()
{
    QFETCH(QString, model);
    auto sim = optris(model);
    QVERIFY(sim);
    Client client(sim->port());
    QVERIFY(client.connect());

    QVERIFY(client.writeHolding(10010, 500).ok());
    QVERIFY(client.writeHolding(10053, 1).ok());
    QCOMPARE(client.readHolding(10010).values, QList<quint16>{500});
    QVERIFY(client.writeHolding(10051, 1).ok());
    QCOMPARE(client.readHolding(10010).values, QList<quint16>{950});
    QCOMPARE(client.readHolding(10051).values, QList<quint16>{0});
    QCOMPARE(client.readHolding(10053).values, QList<quint16>{0});
    QCOMPARE(*sim->value(QStringLiteral("advanced_hold_threshold")), 25.0); // back in °C, not converted twice
}

void TestDeviceSimulator::readingsMove()
{
    auto sim = optris(QStringLiteral("ctratio"));
    QVERIFY(sim);
    const double first = *sim->value(QStringLiteral("temp_act"));
    QTRY_VERIFY_WITH_TIMEOUT(*sim->value(QStringLiteral("temp_act")) != first, 2000);
    const double ratio = *sim->value(QStringLiteral("temp_ratio"));
    const double t1 = *sim->value(QStringLiteral("temp_t1"));
    QVERIFY2(std::fabs(ratio - t1) < 40.0, qPrintable(QStringLiteral("%1 %2").arg(ratio).arg(t1)));
    QCOMPARE(*sim->value(QStringLiteral("epsilon_act")), 0.95);
    QCOMPARE(*sim->value(QStringLiteral("slope")), 1.0);
}

void TestDeviceSimulator::severalSimulatorsOnConsecutivePorts()
{
    const int n = 4;
    std::vector<std::unique_ptr<DeviceSimulator>> sims;
    // The first picks a free port; the next ports may be taken by some other program: then start over.
    for (int attempt = 0; attempt < 20 && int(sims.size()) < n; ++attempt) {
        sims.clear();
        sims.push_back(optris(m_optris->models.at(0).id, 0));
        QVERIFY(sims.back());
        const quint16 base = sims.back()->port();
        for (int i = 1; i < n && base + i <= 0xFFFF; ++i) {
            auto sim = std::make_unique<DeviceSimulator>(m_optris, m_optris->models.at(i % 4).id);
            sim->setInstance(i);
            if (!sim->listen(kLocal, quint16(base + i)))
                break;
            sims.push_back(std::move(sim));
        }
    }
    QCOMPARE(int(sims.size()), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(sims[size_t(i)]->port(), quint16(sims[0]->port() + i));
        Client client(sims[size_t(i)]->port());
        QVERIFY(client.connect());
        const Answer a = client.readInput(1010, 2);
        QVERIFY2(a.ok(), errorName(a));
        QCOMPARE(decode(QStringLiteral("serial_number"), sims[size_t(i)]->model(), a.values), 23120001.0 + i);
    }
    // A port in use is refused with a message.
    DeviceSimulator clash(m_optris, QString());
    QString error;
    QVERIFY(!clash.listen(kLocal, sims[0]->port(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!clash.isListening());
    QCOMPARE(clash.port(), quint16(0));
}

namespace {

// Every rule of the server on a small profile with the cases the Optris CT lacks.
const char kTestProfile[] = R"({
  "format": 1, "id": "test-device", "name": "Test device",
  "registers": [
    { "id": "fixed", "name": "Fixed", "table": "holding", "address": 10, "access": "r", "default": 7 },
    { "id": "level", "name": "Level", "table": "holding", "address": 11, "min": 0, "max": 100, "default": 50 },
    { "id": "mode", "name": "Mode", "table": "holding", "address": 12, "enum": { "2": "On", "5": "Off" } },
    { "id": "total", "name": "Total", "table": "holding", "address": 20, "type": "u32", "max": 100000 },
    { "id": "flag", "name": "Flag", "table": "holding", "address": 22, "type": "bool" },
    { "id": "block", "name": "Block", "table": "holding", "address": 30, "type": "words", "count": 3 },
    { "id": "relay", "name": "Relay", "table": "coil", "address": 0 },
    { "id": "relay2", "name": "Relay 2", "table": "coil", "address": 1 },
    { "id": "alarm", "name": "Alarm", "table": "discrete_input", "address": 0, "poll": "fast" },
    { "id": "flow", "name": "Flow", "table": "input", "address": 0, "type": "f32", "min": 0, "max": 50,
      "default": 10, "poll": "fast" },
    { "id": "temp", "name": "Temperature", "table": "input", "address": 2, "type": "s16",
      "scale": { "divisor": 10 }, "unit": "°C", "poll": "fast" }
  ]
})";

std::shared_ptr<const Profile> testProfile()
{
    QString error;
    auto p = ProfileLoader::loadData(QByteArray(kTestProfile), QStringLiteral("test-device.json"), &error);
    if (!p)
        qWarning() << error;
    return p;
}

} // namespace

void TestDeviceSimulator::genericRules()
{
    const auto profile = testProfile();
    QVERIFY(profile);
    DeviceSimulator sim(profile, QString());
    QCOMPARE(*sim.value(QStringLiteral("temp")), 25.0); // before the random walk starts
    QVERIFY(sim.listen(kLocal, 0));
    QSignalSpy written(&sim, &DeviceSimulator::written);
    Client client(sim.port());
    QVERIFY(client.connect());

    // Initial values: default, first enum value, 25 °C for a scaled temperature, 0; words not zero.
    QCOMPARE(client.readHolding(10, 3).values, (QList<quint16>{7, 50, 2}));
    const QList<quint16> block = client.readHolding(30, 3).values;
    QCOMPARE(block.size(), 3);
    QVERIFY(!block.contains(0));

    Answer a = client.writeHolding(10, 8); // read-only holding register: exception 2
    QCOMPARE(a.exceptionCode, 2);
    a = client.writeMultiple(10, {7, 60}); // the read-only one refuses the whole request
    QCOMPARE(a.exceptionCode, 2);
    QCOMPARE(*sim.value(QStringLiteral("level")), 50.0);
    a = client.writeHolding(11, 101);
    QCOMPARE(a.exceptionCode, 3);
    a = client.writeHolding(12, 3); // not an enum value
    QCOMPARE(a.exceptionCode, 3);
    a = client.writeHolding(22, 2); // a bool takes 0 or 1
    QCOMPARE(a.exceptionCode, 3);
    QCOMPARE(written.count(), 0);
    QVERIFY(client.writeHolding(12, 5).ok());
    QVERIFY(client.writeHolding(22, 1).ok());

    // 32-bit values: written whole with function 16, or word by word with function 6; each word is judged
    // with the other word already held.
    QVERIFY(client.writeMultiple(20, {0x0001, 0x86A0}).ok()); // 100000
    QCOMPARE(*sim.value(QStringLiteral("total")), 100000.0);
    QCOMPARE(client.writeMultiple(20, {0x0002, 0x0000}).exceptionCode, 3); // 131072 > max
    QVERIFY(client.writeHolding(21, 0x0001).ok());                         // 65537
    QCOMPARE(*sim.value(QStringLiteral("total")), 65537.0);
    QCOMPARE(client.writeHolding(20, 0x0002).exceptionCode, 3); // 0x00020001 > max
    QCOMPARE(*sim.value(QStringLiteral("total")), 65537.0);

    // Raw blocks take any words; a merged write across registers covers each of them.
    written.clear();
    QVERIFY(client.writeMultiple(30, {0, 0xFFFF, 0x1234}).ok());
    QCOMPARE(written.count(), 1);
    QCOMPARE(sim.words(*profile->findById(QStringLiteral("block"), QString())),
             (QList<quint16>{0, 0xFFFF, 0x1234}));
    QVERIFY(std::isnan(written.at(0).at(1).toDouble()));
    written.clear();
    QVERIFY(client.writeMultiple(11, {60, 2}).ok());
    QCOMPARE(written.count(), 2);
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("level"));
    QCOMPARE(written.at(1).at(0).toString(), QStringLiteral("mode"));

    // Gaps: 13-19 hold nothing.
    QCOMPARE(client.readHolding(12, 2).exceptionCode, 2);
    QCOMPARE(client.readHolding(19, 4).exceptionCode, 2);
    QVERIFY(client.readHolding(20, 3).ok());
    QCOMPARE(client.readHolding(65535).exceptionCode, 2);

    // Coils (functions 1, 5, 15) and discrete inputs (2).
    QVERIFY(client.write(QModbusDataUnit::Coils, 0, {1}).ok());
    QCOMPARE(*sim.value(QStringLiteral("relay")), 1.0);
    QVERIFY(client.write(QModbusDataUnit::Coils, 0, {0, 1}).ok());
    QCOMPARE(client.read(QModbusDataUnit::Coils, 0, 2).values, (QList<quint16>{0, 1}));
    QCOMPARE(client.read(QModbusDataUnit::Coils, 0, 3).exceptionCode, 2);
    QVERIFY(client.read(QModbusDataUnit::DiscreteInputs, 0, 1).ok());
    QCOMPARE(client.read(QModbusDataUnit::DiscreteInputs, 1, 1).exceptionCode, 2);

    // Input registers: a float over two registers, and the scaled temperature after it.
    a = client.readInput(0, 3);
    QVERIFY2(a.ok(), errorName(a));
    const double flow =
        Codec::decode(*profile->findById(QStringLiteral("flow"), QString()), a.values.mid(0, 2));
    QVERIFY(flow >= 0.0 && flow <= 50.0);
    QCOMPARE(client.readInput(0, 4).exceptionCode, 2);
}

void TestDeviceSimulator::otherUnitIdsGetNoAnswer()
{
    // QModbusTcpServer (Qt 6.4) answers only its server address: other unit ids, 0 and 255 too, are
    // dropped without an answer. The simulator keeps that; this test notices if a Qt update changes it.
    const auto profile = testProfile();
    QVERIFY(profile);
    DeviceSimulator sim(profile, QString());
    QCOMPARE(sim.unitId(), 1); // the profile's default unit
    sim.setUnitId(7);
    QVERIFY(sim.listen(kLocal, 0));
    Client client(sim.port(), 300);
    QVERIFY(client.connect());
    QVERIFY(client.read(QModbusDataUnit::HoldingRegisters, 11, 1, 7).ok());
    for (int unit : {1, 0, 255})
        QCOMPARE(client.read(QModbusDataUnit::HoldingRegisters, 11, 1, unit).error,
                 QModbusDevice::TimeoutError);
}

void TestDeviceSimulator::fastInputsWobble()
{
    const auto profile = testProfile();
    QVERIFY(profile);
    DeviceSimulator sim(profile, QString());
    QVERIFY(sim.listen(kLocal, 0));
    QCOMPARE(*sim.value(QStringLiteral("flow")), 10.0);
    QTRY_VERIFY_WITH_TIMEOUT(*sim.value(QStringLiteral("flow")) != 10.0, 2500);
    QVERIFY(*sim.value(QStringLiteral("flow")) >= 0.0 && *sim.value(QStringLiteral("flow")) <= 50.0);
    QCOMPARE(*sim.value(QStringLiteral("level")), 50.0); // holding registers stay
}

void TestDeviceSimulator::everyProfileServesEveryReadableRegister()
{
    const auto profiles = m_registry.profiles();
    QVERIFY(profiles.size() >= 5);
    for (const auto &profile : profiles) {
        QStringList modelIds;
        for (const ModelDef &m : profile->models)
            modelIds << m.id;
        if (modelIds.isEmpty())
            modelIds << QString();
        for (const QString &model : std::as_const(modelIds)) {
            const QString where = profile->id + QLatin1Char('/') + model;
            DeviceSimulator sim(profile, model);
            QVERIFY2(sim.listen(kLocal, 0), qPrintable(where));
            Client client(sim.port());
            QVERIFY2(client.connect(), qPrintable(where));
            int reads = 0;
            for (const RegisterDef *def : profile->registersFor(model)) {
                const QString what = where + QLatin1Char(' ') + def->id;
                if (def->isWritable() && def->isNumeric()) {
                    const QString why = Codec::validate(*def, sim.value(*def));
                    QVERIFY2(why.isEmpty(), qPrintable(what + QStringLiteral(": ") + why));
                }
                if (!def->isReadable())
                    continue;
                const Answer a =
                    client.read(SimulatorServer::registerType(def->table), def->address, def->width());
                QVERIFY2(a.ok(), qPrintable(what + QStringLiteral(": ") + QString::fromLatin1(errorName(a))));
                QCOMPARE(int(a.values.size()), def->width());
                if (def->isNumeric()) {
                    const double v = Codec::decode(*def, a.values);
                    QVERIFY2(v >= def->effectiveMin() - 1e-9 && v <= def->effectiveMax() + 1e-9,
                             qPrintable(what + QStringLiteral(" = ") + QString::number(v)));
                }
                ++reads;
            }
            QVERIFY2(reads > 0, qPrintable(where));
        }
    }
}

QTEST_GUILESS_MAIN(TestDeviceSimulator)
#include "tst_devicesimulator.moc"
