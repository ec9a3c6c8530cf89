#pragma once

#include "DiscoveredDevice.h"
#include "modbus/ConnectionSettings.h"
#include "profile/Profile.h"

#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace pyrolink {

Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)

/// What a discovery is asked to do. Each method takes the fields it understands and ignores the others.
struct DiscoveryOptions
{
    // Networks (modbus-tcp)
    QStringList ranges; ///< "10.0.0.0/24", "10.0.0.1-10.0.0.254", "10.0.0.7"; empty: local subnets
    QString ports = QStringLiteral("502"); ///< "502", "1502-1510,1600"
    bool wide = false;                     ///< allow up to a /16 instead of a /22
    int concurrency = 64;                  ///< TCP hosts probed at once, at most
    int tcpUnit = 1;                       ///< unit id sent to TCP hosts

    // Serial line (modbus-rtu)
    ConnectionSettings serial;               ///< serialPort, baud, parity, stop bits
    QString units = QStringLiteral("1-247"); ///< unit ids to try

    /// Response (and TCP connect) timeout; -1: the method's own default (300 ms TCP, 100 ms RTU).
    int timeoutMs = -1;
    /// The profiles whose identity registers are tried, in this order; the first that answers is suggested.
    QList<std::shared_ptr<const Profile>> profiles;
};

/// A way of finding devices. It reports each device as soon as it is known (found()), its progress, and
/// finished() exactly once, also after cancel() and after failed(). Everything is asynchronous: start()
/// returns at once and the work happens in the event loop.
///
/// Methods are created through DiscoveryMethodRegistry, so that a view or a command can offer every method
/// the program has without naming them in code.
class DiscoveryMethod : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Stable id: "modbus-tcp", "modbus-rtu".
    virtual QString id() const = 0;
    /// Takes the options; false and one sentence (a usage error: bad range, bad port list) if they are wrong.
    virtual bool configure(const DiscoveryOptions &options, QString *error) = 0;
    /// Starts. Call configure() first.
    virtual void start() = 0;
    /// Stops: nothing more is found, finished() follows (possibly at once).
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;
    /// Items the configured run goes through (addresses times ports, or unit ids), for progress.
    virtual int total() const = 0;
    /// A one-line description of what start() will scan, e.g. "254 addresses x 1 port".
    virtual QString plan() const = 0;

signals:
    /// A device answered. Devices come in the order they answer, not in address order.
    void found(const pyrolink::DiscoveredDevice &device);
    void progress(int done, int total);
    /// The method could not do its work at all (a serial port that does not open). finished() follows.
    void failed(const QString &error);
    void finished();
};

/// The discovery methods the program offers, by id. Built in: "modbus-tcp" (TcpSweep) and "modbus-rtu"
/// (RtuBusScan). Another method is one more add(): the place meant for Optris' own UDP discovery on its
/// configuration port 55001, whose protocol is not publicly documented and therefore not implemented
/// (docs/discovery.md).
class DiscoveryMethodRegistry
{
public:
    struct Entry
    {
        QString id;
        QString name;        ///< what a person sees: "Modbus TCP sweep"
        QString description; ///< one sentence
        std::function<DiscoveryMethod *(QObject *parent)> create;
    };

    /// Every method, built-in ones first.
    static QList<Entry> entries();
    /// A new method by id, or nullptr for an unknown id.
    static DiscoveryMethod *create(const QString &id, QObject *parent = nullptr);
    /// Adds a method, or replaces the one with the same id.
    static void add(const Entry &entry);
};

} // namespace pyrolink
