#pragma once

#include "session/DeviceSession.h"

#include <QPointer>
#include <QWidget>

namespace pyrolink {

/// Base of the main window's tabs: each shows one device, the one selected in the devices panel.
class SessionPanel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows `session` (nullptr: no device). The panel keeps no state of the previous device that would
    /// outlive it; the session owns what must persist (poller, history, recording).
    void setSession(DeviceSession *session)
    {
        if (m_session == session)
            return;
        m_session = session;
        sessionChanged();
    }
    DeviceSession *session() const { return m_session; }

protected:
    virtual void sessionChanged() = 0;
    QPointer<DeviceSession> m_session;
};

} // namespace pyrolink
