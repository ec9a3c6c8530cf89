#include "ConfigurationPanel.h"

namespace pyrolink {

ConfigurationPanel::ConfigurationPanel(QWidget *parent) : SessionPanel(parent) {}

void ConfigurationPanel::sessionChanged() {}

} // namespace pyrolink
