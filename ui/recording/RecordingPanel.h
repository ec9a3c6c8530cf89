#pragma once

#include "common/SessionPanel.h"

namespace pyrolink {

/// Starts and stops CSV recording of the selected device.
class RecordingPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit RecordingPanel(QWidget *parent = nullptr);

protected:
    void sessionChanged() override;
};

} // namespace pyrolink
