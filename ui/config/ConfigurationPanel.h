#pragma once

#include "common/SessionPanel.h"

namespace pyrolink {

/// The configuration form generated from the profile.
class ConfigurationPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit ConfigurationPanel(QWidget *parent = nullptr);

protected:
    void sessionChanged() override;
};

} // namespace pyrolink
