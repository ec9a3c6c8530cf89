#pragma once
// What the commissioning tests share: a DeviceSimulator on 127.0.0.1 and a RegisterIo talking to it over
// Modbus TCP, with waiting versions of the asynchronous calls.

#include "commissioning/ConfigBackup.h"
#include "commissioning/ConfigRestore.h"
#include "commissioning/DeviceAccess.h"
#include "modbus/RegisterIo.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"
#include "sim/DeviceSimulator.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace pyrolink::test {

/// Runs `start(done)` and waits until `done` is called (at most `ms`); nullopt if it never was.
template <typename Result>
std::optional<Result> waitFor(const std::function<void(std::function<void(const Result &)>)> &start,
                              int ms = 10000)
{
    QEventLoop loop;
    std::optional<Result> out;
    start([&](const Result &r) {
        if (!out)
            out = r;
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out;
}

inline std::shared_ptr<const Profile> optrisProfile()
{
    QString error;
    auto profile = ProfileLoader::loadFile(QStringLiteral(":/profiles/optris-ct.json"), &error);
    if (!profile)
        qWarning("%s", qPrintable(error));
    return profile;
}

/// A simulated device and a client connected to it.
class SimulatedDevice
{
public:
    std::shared_ptr<const Profile> profile;
    QString model;
    std::unique_ptr<DeviceSimulator> sim;
    std::unique_ptr<ModbusLink> link;
    std::unique_ptr<RegisterIo> io;

    bool start(std::shared_ptr<const Profile> p, const QString &m)
    {
        profile = std::move(p);
        sim = std::make_unique<DeviceSimulator>(profile, m);
        model = sim->model();
        if (!sim->listen(QHostAddress::LocalHost, 0))
            return false;
        ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = sim->port();
        s.retries = 0;
        link = std::make_unique<ModbusLink>(s);
        io = std::make_unique<RegisterIo>(link.get());
        QSignalSpy opened(link.get(), &ModbusLink::opened);
        link->open();
        return (opened.count() == 1 || opened.wait(3000)) && link->isOpen();
    }

    DeviceAccess access() { return DeviceAccess::over(io.get()); }
    const RegisterDef *reg(const QString &id) const { return profile->findById(id, model); }

    std::optional<ConfigBackup> backup(QStringList *skipped = nullptr)
    {
        auto out = waitFor<std::pair<ConfigBackup, QStringList>>([&](auto done) {
            ConfigBackup::capture(access(), profile, model, link->settings().describe(),
                                  [done](const ConfigBackup &b, const QStringList &s) {
                                      done({b, s});
                                  });
        });
        if (!out)
            return std::nullopt;
        if (skipped)
            *skipped = out->second;
        return out->first;
    }

    std::optional<QList<Reading>> read(const QList<const RegisterDef *> &regs)
    {
        return waitFor<QList<Reading>>([&](auto done) { io->read(regs, done); });
    }

    /// Writes "id=value" over Modbus, as a client does (so that the simulator reacts, e.g. to a unit switch).
    bool write(const QString &id, const QString &text)
    {
        const RegisterDef *def = reg(id);
        QString error;
        const auto item = def ? RegisterIo::prepareText(*def, text, &error) : std::nullopt;
        if (!item) {
            qWarning("%s: %s", qPrintable(id), qPrintable(error));
            return false;
        }
        const auto out = waitFor<QList<WriteOutcome>>([&](auto done) { io->write({*item}, done); });
        return out && out->size() == 1 && out->first().verified;
    }

    QList<DiffRow> diff(const ConfigBackup &backup)
    {
        const auto readings = read(ConfigBackup::registersToRead(*profile, model));
        return readings ? ConfigBackup::diff(backup, *profile, model, *readings) : QList<DiffRow>();
    }

    /// Restores and waits; *written gets the ids the simulator saw written, in order.
    std::optional<QList<RestoreResult>> restore(const ConfigBackup &backup, QStringList *written = nullptr,
                                                const DeviceAccess *through = nullptr)
    {
        QStringList order;
        auto c = QObject::connect(sim.get(), &DeviceSimulator::written,
                                  [&order](const QString &id, double) { order << id; });
        ConfigRestore restore(profile, model, through ? *through : access());
        auto out = waitFor<QList<RestoreResult>>(
            [&](auto done) {
                QObject::connect(&restore, &ConfigRestore::finished, &restore,
                                 [done](const QList<RestoreResult> &r) { done(r); });
                restore.start(backup);
            },
            30000);
        QObject::disconnect(c);
        if (written)
            *written = order;
        return out;
    }

    /// True when the simulator holds the backup's raw words in every register of the file.
    bool holds(const ConfigBackup &backup, QString *why) const
    {
        for (const BackupEntry &e : backup.registers) {
            const RegisterDef *def = reg(e.id);
            if (def && sim->words(*def) != e.raw) {
                *why = QStringLiteral("%1: %2 instead of %3")
                           .arg(e.id, Codec::wordsToHex(sim->words(*def)), Codec::wordsToHex(e.raw));
                return false;
            }
        }
        return true;
    }
};

inline const RestoreResult *resultOf(const QList<RestoreResult> &results, const QString &id)
{
    for (const RestoreResult &r : results)
        if (r.id == id)
            return &r;
    return nullptr;
}

inline bool isOneSentence(const QString &s)
{
    return !s.isEmpty() && s.endsWith(QLatin1Char('.')) && !s.contains(QLatin1Char('\n')) &&
           !s.contains(QLatin1String(". "));
}

} // namespace pyrolink::test
