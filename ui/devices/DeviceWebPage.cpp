#include "DeviceWebPage.h"

#include "session/DeviceSession.h"

#include <QDesktopServices>
#include <QMessageBox>

namespace pyrolink {

QUrl DeviceWebPage::webInterfaceUrl(const DeviceSession &session)
{
    if (!unavailableReason(session).isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    // setHost() brackets an IPv6 address itself; the web server is on port 80 whatever the Modbus port is.
    url.setHost(session.settings().host.trimmed());
    url.setPath(QStringLiteral("/"));
    return url.isValid() && !url.host().isEmpty() ? url : QUrl();
}

QString DeviceWebPage::unavailableReason(const DeviceSession &session)
{
    if (session.simulator())
        return tr("The simulated device has no web interface.");
    if (session.settings().transport == ConnectionSettings::Transport::Rtu)
        return tr("A device on a serial line has no web interface; network settings belong to an Ethernet "
                  "interface board.");
    if (session.settings().host.trimmed().isEmpty())
        return tr("The device has no network address.");
    return {};
}

bool DeviceWebPage::openWebInterface(const DeviceSession &session, QWidget *parent)
{
    const QUrl url = webInterfaceUrl(session);
    QString why = unavailableReason(session);
    if (why.isEmpty() && !url.isValid())
        why = tr("\"%1\" is not an address a browser can open.").arg(session.settings().host);
    if (why.isEmpty() && QDesktopServices::openUrl(url))
        return true;
    if (why.isEmpty())
        why = tr("No web browser could be started; open %1 in one yourself.").arg(url.toString());
    QMessageBox::information(parent, tr("Web interface"), why);
    return false;
}

} // namespace pyrolink
