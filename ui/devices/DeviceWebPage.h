#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QWidget;

namespace pyrolink {

class DeviceSession;

/// The web page of a device's Ethernet interface board, where its network settings are made (IP mode,
/// static IP, netmask, command, configuration and Modbus ports). The board's configuration-port protocol
/// (UDP/TCP 55001) is not public, so Pyrolink does not change these settings itself: it opens the board's own
/// page in the browser.
class DeviceWebPage
{
    Q_DECLARE_TR_FUNCTIONS(pyrolink::DeviceWebPage)
public:
    /// http://HOST/ for a device reached over Modbus TCP; an invalid URL for a serial (RTU) device and for
    /// the built-in simulator, which have no web page.
    static QUrl webInterfaceUrl(const DeviceSession &session);
    /// Why the device has no web page, as one sentence; empty when it has one.
    static QString unavailableReason(const DeviceSession &session);
    /// Opens the web page in the default browser. When there is none, or no browser opens, says why in a
    /// message box (parent may be nullptr) and returns false.
    static bool openWebInterface(const DeviceSession &session, QWidget *parent);
};

} // namespace pyrolink
