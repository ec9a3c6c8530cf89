#include "ConfigRestore.h"

#include "profile/Codec.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRestore, "pyrolink.commissioning.restore", QtWarningMsg)

namespace pyrolink {

QString restoreStatusName(RestoreStatus status)
{
    switch (status) {
    case RestoreStatus::Verified:
        return QStringLiteral("verified");
    case RestoreStatus::Written:
        return QStringLiteral("written");
    case RestoreStatus::Mismatch:
        return QStringLiteral("mismatch");
    case RestoreStatus::Error:
        return QStringLiteral("error");
    case RestoreStatus::Same:
        return QStringLiteral("same");
    case RestoreStatus::Skipped:
        return QStringLiteral("skipped");
    case RestoreStatus::NotWritten:
        break;
    }
    return QStringLiteral("not_written");
}

ConfigRestore::ConfigRestore(std::shared_ptr<const Profile> profile, const QString &model,
                             DeviceAccess access, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_model(model), m_access(std::move(access))
{
    qRegisterMetaType<RestoreResult>();
    qRegisterMetaType<QList<RestoreResult>>();
}

bool ConfigRestore::isCommunication(const RegisterDef &def)
{
    static const QStringList groups{QStringLiteral("modbus"), QStringLiteral("communication"),
                                    QStringLiteral("comm")};
    static const QStringList ids{QStringLiteral("modbus_id"),      QStringLiteral("unit_id"),
                                 QStringLiteral("slave_id"),       QStringLiteral("modbus_address"),
                                 QStringLiteral("device_address"), QStringLiteral("parity")};
    return groups.contains(def.group) || ids.contains(def.id) || def.id.contains(QLatin1String("baud"));
}

bool ConfigRestore::isUnitSelector(const Profile &profile, const RegisterDef &def)
{
    for (const UnitSelector &s : profile.unitSelectors)
        if (s.registerId == def.id)
            return true;
    return false;
}

ConfigRestore::Step ConfigRestore::stepOf(const Profile &profile, const RegisterDef &def)
{
    if (isCommunication(def))
        return Step::Communication;
    if (isUnitSelector(profile, def) || !def.enumLabels.isEmpty())
        return Step::Modes;
    return Step::Values;
}

QList<const RegisterDef *> ConfigRestore::writeOrder(const Profile &profile,
                                                     QList<const RegisterDef *> registers)
{
    auto rank = [&profile](const RegisterDef *def) {
        return 2 * int(stepOf(profile, *def)) + (isUnitSelector(profile, *def) ? 0 : 1);
    };
    std::stable_sort(registers.begin(), registers.end(),
                     [&rank](const RegisterDef *a, const RegisterDef *b) { return rank(a) < rank(b); });
    return registers;
}

QStringList ConfigRestore::notes(const Profile &profile, const QList<DiffRow> &rows)
{
    QStringList selectors, communication;
    for (const DiffRow &row : rows) {
        if (row.state != DiffState::Different || !row.def)
            continue;
        if (isUnitSelector(profile, *row.def))
            selectors << row.def->name;
        else if (isCommunication(*row.def))
            communication << row.def->name;
    }
    QStringList out;
    if (!selectors.isEmpty())
        out << tr("%1 is written first and the device read again, so that every value is written in the "
                  "file's unit.")
                   .arg(selectors.join(QStringLiteral(", ")));
    if (!communication.isEmpty())
        out << tr("%1 will be written last, and only if everything before is verified: the device may then "
                  "stop answering at its present settings.")
                   .arg(communication.join(QStringLiteral(", ")));
    return out;
}

void ConfigRestore::say(const QString &sentence)
{
    qCDebug(lcRestore).noquote() << sentence;
    emit progress(m_done, m_total, sentence);
}

RestoreResult *ConfigRestore::resultOf(const QString &id)
{
    for (RestoreResult &r : m_results)
        if (r.id == id)
            return &r;
    return nullptr;
}

void ConfigRestore::start(const ConfigBackup &backup)
{
    if (m_running)
        return;
    m_backup = backup;
    m_results.clear();
    m_queue.clear();
    m_later.clear();
    m_open.clear();
    m_failedSelectors.clear();
    m_step = Step::Modes;
    m_done = 0;
    m_total = 0;
    m_running = true;
    m_cancelled = false;
    m_wroteModes = false;
    say(tr("Reading the device…"));
    QPointer<ConfigRestore> self(this);
    m_access.read(ConfigBackup::registersToRead(*m_profile, m_model), [self](const QList<Reading> &readings) {
        if (self)
            self->onFirstRead(readings);
    });
}

void ConfigRestore::cancel()
{
    m_cancelled = true;
}

void ConfigRestore::onFirstRead(const QList<Reading> &readings)
{
    plan(ConfigBackup::diff(m_backup, *m_profile, m_model, readings), false);
    m_step = Step::Modes;
    writeNext();
}

void ConfigRestore::onReread(const QList<Reading> &readings)
{
    plan(ConfigBackup::diff(m_backup, *m_profile, m_model, readings), true);
    m_step = Step::Values;
    writeNext();
}

void ConfigRestore::plan(const QList<DiffRow> &rows, bool again)
{
    QList<const RegisterDef *> differing;
    for (const DiffRow &row : rows) {
        if (again && !m_open.contains(row.id))
            continue; // written in step 1, or never comparable
        if (!again) {
            RestoreResult r;
            r.id = row.id;
            r.name = row.name;
            r.def = row.def;
            r.fileRaw = row.entry ? row.entry->raw : QList<quint16>();
            r.deviceRaw = row.deviceRaw;
            r.fileText = row.fileText;
            r.deviceText = row.deviceText;
            r.unit = row.fileUnit;
            r.deviceUnit = row.deviceUnit;
            m_results.append(r);
        }
        RestoreResult &r = *resultOf(row.id);
        r.message.clear();
        switch (row.state) {
        case DiffState::Missing:
            // First time: not comparable, never written. After step 1: it was readable before and is not now.
            r.status = again ? RestoreStatus::Error : RestoreStatus::Skipped;
            r.message = again ? tr("Not written: %1").arg(row.note) : row.note;
            m_open.remove(row.id);
            continue;
        case DiffState::Same:
            r.status = RestoreStatus::Same;
            if (again && !r.deviceRaw.isEmpty() && r.deviceRaw != row.deviceRaw)
                r.message = tr("It held the file's value once the modes were written.");
            m_open.insert(row.id);
            continue;
        case DiffState::Different:
            break;
        }
        // The file's words are written as they are, but never a value the profile would refuse as typed.
        const RegisterDef &def = *row.def;
        if (def.isNumeric()) {
            const QString why = Codec::validate(def, Codec::decode(def, row.entry->raw));
            if (!why.isEmpty()) {
                r.status = RestoreStatus::Error;
                r.message = tr("Not written: the file's value is invalid: %1").arg(why);
                m_open.remove(row.id);
                continue;
            }
        }
        // A value in a unit whose selector could not be set would land in the wrong unit.
        if (m_failedSelectors.contains(def.unit)) {
            r.status = RestoreStatus::NotWritten;
            r.message = tr("Not written: the unit switch failed, and this value is in %1.").arg(def.unit);
            m_open.remove(row.id);
            continue;
        }
        r.status = RestoreStatus::NotWritten; // until written
        m_open.insert(row.id);
        differing.append(&def);
    }
    const QList<const RegisterDef *> ordered = writeOrder(*m_profile, differing);
    m_queue.clear();
    m_later.clear();
    for (const RegisterDef *def : ordered) {
        // After step 1 even a mode that changed with the unit switch is just a value to put back.
        if (!again && stepOf(*m_profile, *def) == Step::Modes)
            m_queue.append(def);
        else if (again && stepOf(*m_profile, *def) != Step::Communication)
            m_queue.append(def);
        else
            m_later.append(def);
    }
    m_total = m_done + int(m_queue.size() + m_later.size());
}

void ConfigRestore::holdBack(const QList<const RegisterDef *> &defs, const QString &why)
{
    for (const RegisterDef *def : defs) {
        if (RestoreResult *r = resultOf(def->id)) {
            r->status = RestoreStatus::NotWritten;
            r->message = why;
        }
        m_open.remove(def->id);
    }
}

void ConfigRestore::writeNext()
{
    if (m_cancelled) {
        holdBack(m_queue + m_later, tr("Cancelled before it was written."));
        m_queue.clear();
        m_later.clear();
        finish();
        return;
    }
    if (m_queue.isEmpty()) {
        nextStep();
        return;
    }
    const RegisterDef *def = m_queue.takeFirst();
    m_open.remove(def->id);
    RestoreResult &r = *resultOf(def->id);
    const WriteItem item{def, def->isNumeric() ? Codec::decode(*def, r.fileRaw) : std::nan(""), r.fileRaw};
    r.step = int(m_step);
    r.sequence = m_done + 1;
    if (m_step == Step::Modes)
        m_wroteModes = true;
    say(tr("Writing %1 (%2 of %3)…").arg(def->name).arg(m_done + 1).arg(m_total));
    QPointer<ConfigRestore> self(this);
    m_access.write({item}, [self, item](const QList<WriteOutcome> &outcomes) {
        if (!self)
            return;
        self->onWritten(outcomes.isEmpty() ? WriteOutcome{item, false, false, {}, tr("No answer."), 0}
                                           : outcomes.first());
    });
}

void ConfigRestore::onWritten(const WriteOutcome &o)
{
    ++m_done;
    RestoreResult &r = *resultOf(o.item.def->id);
    r.readBack = o.readBack;
    if (o.written && o.verified) {
        r.status = RestoreStatus::Verified;
    } else if (o.written && !o.readBack.isEmpty()) {
        r.status = RestoreStatus::Mismatch;
        r.message = o.error;
    } else if (o.written) {
        r.status = RestoreStatus::Written;
        r.message = isCommunication(*o.item.def)
                        ? tr("Written; it could not be read back, as expected when the device now answers "
                             "at other settings: connect with the new settings to check it.")
                        : o.error;
    } else {
        r.status = RestoreStatus::Error;
        r.message = o.error;
    }
    if (r.status != RestoreStatus::Verified) {
        for (const UnitSelector &s : m_profile->unitSelectors)
            if (s.registerId == o.item.def->id)
                m_failedSelectors << s.replaces;
    }
    writeNext();
}

void ConfigRestore::nextStep()
{
    QPointer<ConfigRestore> self(this);
    switch (m_step) {
    case Step::Modes:
        if (m_wroteModes) {
            // A unit switch converts the device's stored temperatures (and a mode may change others): compare
            // the rest anew before writing it.
            say(tr("Reading the device again after the mode changes…"));
            QList<const RegisterDef *> again;
            for (const RestoreResult &r : std::as_const(m_results))
                if (m_open.contains(r.id) && r.def)
                    again.append(r.def);
            m_access.read(m_profile->withUnitSelectors(again, m_model),
                          [self](const QList<Reading> &readings) {
                              if (self)
                                  self->onReread(readings);
                          });
            return;
        }
        m_step = Step::Values;
        m_queue = m_later;
        m_later.clear();
        // Keep the communication registers for step 3.
        for (qsizetype i = m_queue.size() - 1; i >= 0; --i)
            if (stepOf(*m_profile, *m_queue.at(i)) == Step::Communication)
                m_later.prepend(m_queue.takeAt(i));
        writeNext();
        return;
    case Step::Values: {
        m_step = Step::Communication;
        m_queue = m_later;
        m_later.clear();
        if (m_queue.isEmpty()) {
            finish();
            return;
        }
        // Everything still not written but these counts: an error, a mismatch, a value held back.
        const bool failures =
            std::any_of(m_results.cbegin(), m_results.cend(),
                        [this](const RestoreResult &r) { return r.isFailure() && !m_queue.contains(r.def); });
        if (failures) {
            holdBack(m_queue, tr("Not written: communication settings are written only when everything "
                                 "before them was verified."));
            m_queue.clear();
            finish();
            return;
        }
        writeNext();
        return;
    }
    case Step::Communication:
        finish();
        return;
    }
}

void ConfigRestore::finish()
{
    m_running = false;
    int verified = 0, failed = 0;
    for (const RestoreResult &r : std::as_const(m_results)) {
        verified += r.status == RestoreStatus::Verified ? 1 : 0;
        failed += r.isFailure() ? 1 : 0;
    }
    say(failed ? tr("Restore finished: %1 verified, %2 failed.").arg(verified).arg(failed)
               : tr("Restore finished: %1 verified.").arg(verified));
    emit finished(m_results);
}

} // namespace pyrolink
