#include "DiagnosticsPanel.h"

namespace pyrolink {

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent) : SessionPanel(parent) {}

void DiagnosticsPanel::sessionChanged() {}

} // namespace pyrolink
