#include "LivePanel.h"

namespace pyrolink {

LivePanel::LivePanel(QWidget *parent) : SessionPanel(parent) {}

void LivePanel::sessionChanged() {}

} // namespace pyrolink
