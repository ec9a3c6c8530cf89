#pragma once

#include "LiveTableModel.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

namespace pyrolink {

/// Asks for one register's low and high alarm limits, each optional; refuses a low limit above the high one.
class AlarmDialog : public QDialog
{
    Q_OBJECT
public:
    /// `current` (NaN if none) seeds a limit that is not set yet.
    AlarmDialog(const RegisterDef &def, const QString &unit, const AlarmLimits &limits, double current,
                QWidget *parent = nullptr);
    AlarmLimits limits() const;

private:
    void validate();

    QCheckBox *m_lowOn;
    QCheckBox *m_highOn;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_high;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace pyrolink
