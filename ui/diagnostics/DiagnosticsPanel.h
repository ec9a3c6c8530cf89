#pragma once

#include "common/SessionPanel.h"

namespace pyrolink {

/// Identity, error registers, communication counters and the traffic log.
class DiagnosticsPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

protected:
    void sessionChanged() override;
};

} // namespace pyrolink
