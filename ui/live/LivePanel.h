#pragma once

#include "common/SessionPanel.h"

namespace pyrolink {

/// Live values and chart of the selected device.
class LivePanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit LivePanel(QWidget *parent = nullptr);

protected:
    void sessionChanged() override;
};

} // namespace pyrolink
