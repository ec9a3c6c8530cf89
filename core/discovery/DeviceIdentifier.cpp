#include "DeviceIdentifier.h"

#include "DiscoveryMethod.h"
#include "modbus/ModbusLink.h"
#include "profile/Codec.h"

#include <QModbusClient>
#include <QModbusDeviceIdentification>
#include <QModbusReply>
#include <QPointer>
#include <QTimer>

namespace pyrolink {

namespace {
/// Function 43 (Encapsulated Interface Transport), MEI type 0x0E (Read Device Identification),
/// read device id code 01 (basic objects), starting at object 0.
QModbusRequest readDeviceIdentificationRequest()
{
    return QModbusRequest(QModbusRequest::EncapsulatedInterfaceTransport, quint8(0x0E), quint8(0x01),
                          quint8(0x00));
}

bool overlaps(const RegisterDef &a, const RegisterDef &b)
{
    return a.table == b.table && a.address <= b.lastAddress() && b.address <= a.lastAddress();
}
} // namespace

DeviceIdentifier::DeviceIdentifier(ModbusLink *link, int unit, QList<std::shared_ptr<const Profile>> profiles,
                                   QObject *parent)
    : QObject(parent), m_link(link), m_unit(unit), m_profiles(std::move(profiles))
{
    m_outcome.device.unit = unit;
}

DeviceIdentifier::Probe DeviceIdentifier::probeFor(const QList<std::shared_ptr<const Profile>> &profiles)
{
    for (const auto &p : profiles) {
        for (const QString &role : p->identity.keys()) {
            if (const RegisterDef *def = identityRegister(*p, role); def && def->isReadable())
                return Probe{def->table, def->address, quint16(def->width())};
        }
    }
    return Probe{};
}

const RegisterDef *DeviceIdentifier::identityRegister(const Profile &profile, const QString &role)
{
    const QString id = profile.identity.value(role);
    if (id.isEmpty())
        return nullptr;
    if (const RegisterDef *def = profile.findById(id, profile.defaultModel()))
        return def;
    for (const ModelDef &m : profile.models)
        if (const RegisterDef *def = profile.findById(id, m.id))
            return def;
    return nullptr;
}

QMap<QString, const RegisterDef *> DeviceIdentifier::uniqueRegisters(const Profile &profile)
{
    QMap<QString, const RegisterDef *> out;
    if (profile.models.size() < 2)
        return out;
    for (const ModelDef &model : profile.models) {
        for (const RegisterDef *def : profile.registersFor(model.id)) {
            if (def->models.isEmpty() || !def->isReadable())
                continue;
            bool elsewhere = false;
            for (const ModelDef &other : profile.models) {
                if (other.id == model.id)
                    continue;
                for (const RegisterDef *o : profile.registersFor(other.id)) {
                    if (overlaps(*def, *o)) {
                        elsewhere = true;
                        break;
                    }
                }
                if (elsewhere)
                    break;
            }
            if (!elsewhere) {
                out.insert(model.id, def);
                break;
            }
        }
    }
    return out;
}

QString DeviceIdentifier::suggestModel(const Profile &profile, const QStringList &answered, QString *why)
{
    if (profile.models.isEmpty())
        return {};
    if (profile.models.size() == 1)
        return profile.models.first().id;
    if (answered.size() == 1)
        return answered.first();
    if (answered.size() > 1) {
        if (why)
            *why =
                QStringLiteral("Registers of several models answered (%1), so the model could not be told.")
                    .arg(answered.join(QStringLiteral(", ")));
        return {};
    }
    const auto unique = uniqueRegisters(profile);
    QStringList fallback;
    for (const ModelDef &m : profile.models)
        if (!unique.contains(m.id))
            fallback << m.id;
    if (fallback.size() == 1)
        return fallback.first();
    if (why)
        *why = fallback.isEmpty()
                   ? QStringLiteral("No model's own register answered, so the model could not be told.")
                   : QStringLiteral("No model's own register answered, and %1 have none, so the model could "
                                    "not be told.")
                         .arg(fallback.join(QStringLiteral(", ")));
    return {};
}

void DeviceIdentifier::run(Done done)
{
    m_done = std::move(done);
    const Probe probe = probeFor(m_profiles);
    QPointer<DeviceIdentifier> self(this);
    m_clock.start();
    m_link->read(
        probe.table, probe.address, probe.count,
        [self](const IoResult &r) {
            if (self)
                self->onProbe(r);
        },
        m_unit);
}

void DeviceIdentifier::onProbe(const IoResult &r)
{
    if (!r.ok && r.exceptionCode == 0) { // no Modbus answer: a TCP accept alone is not a device
        qCDebug(lcDiscovery) << m_link->settings().describe() << "unit" << m_unit
                             << "did not answer:" << r.error;
        finish();
        return;
    }
    m_outcome.answered = true;
    m_outcome.probeException = r.exceptionCode;
    m_outcome.device.responseMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (isGatewayException(r.exceptionCode)) {
        m_notes << QStringLiteral(
                       "A gateway answered %1 (Modbus exception %2): no device answers behind unit %3.")
                       .arg(modbusExceptionName(r.exceptionCode))
                       .arg(r.exceptionCode)
                       .arg(m_unit);
        finish();
        return;
    }
    tryProfile(0);
}

void DeviceIdentifier::askDeviceIdentification()
{
    QModbusClient *client = m_link->client();
    QModbusReply *reply = client->sendRawRequest(readDeviceIdentificationRequest(), m_unit);
    if (!reply) {
        finish();
        return;
    }
    // Exactly once: Qt may finish a reply twice when the connection closes, or never after a truncated frame.
    auto handled = std::make_shared<bool>(false);
    auto handle = [this, reply, handled] {
        if (std::exchange(*handled, true))
            return;
        // Qt 6.4 finishes even a well-formed 43/14 answer to a raw request with InvalidResponseError, after
        // storing it: the raw answer is what counts.
        const QModbusResponse raw = reply->rawResult();
        if (raw.isValid() && !raw.isException() &&
            raw.functionCode() == QModbusPdu::EncapsulatedInterfaceTransport &&
            raw.data().startsWith('\x0E')) {
            const auto id = QModbusDeviceIdentification::fromByteArray(raw.data());
            m_outcome.device.vendor =
                QString::fromUtf8(id.value(QModbusDeviceIdentification::VendorNameObjectId)).trimmed();
            m_outcome.device.product =
                QString::fromUtf8(id.value(QModbusDeviceIdentification::ProductCodeObjectId)).trimmed();
            m_outcome.device.revision =
                QString::fromUtf8(id.value(QModbusDeviceIdentification::MajorMinorRevisionObjectId))
                    .trimmed();
        }
        qCDebug(lcDiscovery) << m_link->settings().describe() << "unit" << m_unit
                             << "43/14:" << reply->error() << reply->errorString() << raw.data().toHex();
        reply->deleteLater();
        finish();
    };
    if (reply->isFinished()) {
        handle();
        return;
    }
    connect(reply, &QModbusReply::finished, this, handle);
    QTimer::singleShot(client->timeout() * (client->numberOfRetries() + 1) + ModbusLink::kWatchdogSlackMs,
                       this, [handled, this] {
                           if (!std::exchange(*handled, true))
                               finish();
                       });
}

struct DeviceIdentifier::ReadJob
{
    QList<const RegisterDef *> registers;
    bool stopAtFailure = false;
    QList<IoResult> results;
    std::function<void(const QList<IoResult> &)> done;
};

void DeviceIdentifier::readEach(const QList<const RegisterDef *> &registers, bool stopAtFailure,
                                std::function<void(const QList<IoResult> &)> done)
{
    auto job = std::make_shared<ReadJob>();
    job->registers = registers;
    job->stopAtFailure = stopAtFailure;
    job->done = std::move(done);
    readNext(job);
}

void DeviceIdentifier::readNext(const std::shared_ptr<ReadJob> &job)
{
    const bool failed = !job->results.isEmpty() && !job->results.last().ok;
    if (job->results.size() == job->registers.size() || (failed && job->stopAtFailure)) {
        job->done(job->results);
        return;
    }
    const RegisterDef *def = job->registers.at(job->results.size());
    QPointer<DeviceIdentifier> self(this);
    m_link->read(
        def->table, def->address, quint16(def->width()),
        [self, job](const IoResult &r) {
            if (!self)
                return;
            job->results.append(r);
            self->readNext(job);
        },
        m_unit);
}

void DeviceIdentifier::tryProfile(int index)
{
    if (index >= m_profiles.size()) {
        askDeviceIdentification();
        return;
    }
    const auto profile = m_profiles.at(index);
    QStringList roles;
    QList<const RegisterDef *> registers;
    for (const QString &role : profile->identity.keys()) {
        if (const RegisterDef *def = identityRegister(*profile, role); def && def->isReadable()) {
            roles << role;
            registers << def;
        }
    }
    if (registers.isEmpty()) {
        tryProfile(index + 1);
        return;
    }
    readEach(registers, true, [this, roles, registers, profile, index](const QList<IoResult> &results) {
        QMap<QString, QString> values; // role -> value as shown
        for (int i = 0; i < results.size(); ++i) {
            if (!results.at(i).ok || results.at(i).values.size() < registers.at(i)->width()) {
                tryProfile(index + 1); // not this profile's device
                return;
            }
            values.insert(roles.at(i), Codec::formatWords(*registers.at(i), results.at(i).values));
        }
        DiscoveredDevice &d = m_outcome.device;
        d.profileId = profile->id;
        d.serialNumber = values.value(QStringLiteral("serial"));
        d.firmware = values.value(QStringLiteral("firmware"));
        // A profile may name a register that holds the model: used when its value names a model of the
        // profile.
        const QString reported = values.value(QStringLiteral("model"));
        for (const ModelDef &m : profile->models) {
            if (!reported.isEmpty() && (reported.compare(m.id, Qt::CaseInsensitive) == 0 ||
                                        reported.compare(m.name, Qt::CaseInsensitive) == 0)) {
                d.modelId = m.id;
                askDeviceIdentification();
                return;
            }
        }
        suggestModelOf(profile);
    });
}

void DeviceIdentifier::suggestModelOf(const std::shared_ptr<const Profile> &profile)
{
    const auto unique = uniqueRegisters(*profile);
    // In the profile's order, so that a message lists the models as the profile does.
    QStringList models;
    QList<const RegisterDef *> registers;
    for (const ModelDef &m : profile->models) {
        if (unique.contains(m.id)) {
            models << m.id;
            registers << unique.value(m.id);
        }
    }
    readEach(registers, false, [this, models, profile](const QList<IoResult> &results) {
        QStringList answered;
        for (int i = 0; i < results.size(); ++i)
            if (results.at(i).ok)
                answered << models.at(i);
        QString why;
        m_outcome.device.modelId = suggestModel(*profile, answered, &why);
        if (!why.isEmpty())
            m_notes << why;
        askDeviceIdentification();
    });
}

void DeviceIdentifier::finish()
{
    m_outcome.device.note = m_notes.join(QLatin1Char(' '));
    if (m_done)
        std::exchange(m_done, nullptr)(m_outcome);
}

} // namespace pyrolink
