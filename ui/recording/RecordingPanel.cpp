#include "RecordingPanel.h"

namespace pyrolink {

RecordingPanel::RecordingPanel(QWidget *parent) : SessionPanel(parent) {}

void RecordingPanel::sessionChanged() {}

} // namespace pyrolink
