#pragma once

#include "DiscoveredDevice.h"
#include "profile/Profile.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace pyrolink {

class ModbusLink;
struct IoResult;

/// Finds out whether anything answers Modbus at one unit of an open link, and what it is:
/// 1. a probe (a read of one register): any answer, data or a Modbus exception, means a device is there;
///    no answer within the link's timeout means none is, whatever the TCP stack said;
/// 2. the candidate profiles' identity registers (serial number, firmware) for their default model, in
///    order: the first profile whose identity registers all read without an exception matches;
/// 3. the model of that profile, from registers that exist in only one model (see uniqueRegisters());
/// 4. Read Device Identification (function 43/14, basic objects) for vendor, product and revision, where the
///    device supports it. Last, because some devices close the connection on a function they do not know.
/// One request at a time: a slow or simple device is never asked several things at once. Everything comes
/// from the profiles: no device is named in code.
class DeviceIdentifier : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool answered = false;  ///< the probe got data or a Modbus exception in time
        int probeException = 0; ///< the probe's exception code, 0 when it got data
        DiscoveredDevice
            device; ///< unit, responseMs and what was learnt; transport and address are the caller's
    };
    using Done = std::function<void(const Outcome &)>;

    /// A register to probe with.
    struct Probe
    {
        Table table = Table::Holding;
        quint16 address = 0;
        quint16 count = 1;
    };

    DeviceIdentifier(ModbusLink *link, int unit, QList<std::shared_ptr<const Profile>> profiles,
                     QObject *parent = nullptr);
    /// Starts; `done` is called exactly once, unless this object is destroyed first. The link must be open.
    void run(Done done);

    /// The first identity register of the first profile that has one, else holding register 0.
    static Probe probeFor(const QList<std::shared_ptr<const Profile>> &profiles);
    /// The register a profile names for an identity role ("serial", "firmware", "model"): the default
    /// model's, else the first model's that has it; nullptr if none.
    static const RegisterDef *identityRegister(const Profile &profile, const QString &role);
    /// For each model of the profile, the first readable register that no other model has at any of its
    /// addresses (same table): the register that answers only on that model. Models without one are left out.
    static QMap<QString, const RegisterDef *> uniqueRegisters(const Profile &profile);
    /// The model that the unique registers point to, given the models whose unique register answered: that
    /// model when exactly one answered; when none did, the one model that has no unique register. Otherwise
    /// "" with the reason in *why. A profile without models gives "".
    static QString suggestModel(const Profile &profile, const QStringList &answered, QString *why);
    /// Exceptions with which a gateway says that nothing answers behind it (10 and 11).
    static bool isGatewayException(int code) { return code == 10 || code == 11; }

private:
    void onProbe(const IoResult &r);
    void askDeviceIdentification();
    void tryProfile(int index);
    void suggestModelOf(const std::shared_ptr<const Profile> &profile);
    struct ReadJob;
    /// Reads the registers one after another (at most one request outstanding), then calls `done` with
    /// one result per register read; with stopAtFailure it stops after the first that fails.
    void readEach(const QList<const RegisterDef *> &registers, bool stopAtFailure,
                  std::function<void(const QList<IoResult> &)> done);
    void readNext(const std::shared_ptr<ReadJob> &job);
    void finish();

    ModbusLink *m_link;
    int m_unit;
    QList<std::shared_ptr<const Profile>> m_profiles;
    Done m_done;
    Outcome m_outcome;
    QStringList m_notes;
    QElapsedTimer m_clock;
};

} // namespace pyrolink
