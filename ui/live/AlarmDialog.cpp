#include "AlarmDialog.h"

#include "common/Theme.h"
#include "profile/RegisterDef.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace pyrolink {

AlarmDialog::AlarmDialog(const RegisterDef &def, const QString &unit, const AlarmLimits &limits,
                         double current, QWidget *parent)
    : QDialog(parent), m_lowOn(new QCheckBox(tr("&Low alarm below"), this)),
      m_highOn(new QCheckBox(tr("&High alarm above"), this)), m_low(new QDoubleSpinBox(this)),
      m_high(new QDoubleSpinBox(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Alarm limits: %1").arg(def.name));
    // A float register shows three decimals in the table; the limits need no more.
    const int decimals = def.type == ValueType::F32 ? 3 : std::max(0, def.decimals);
    const double seed = std::isfinite(current) ? current : 0.0;
    for (QDoubleSpinBox *box : {m_low, m_high}) {
        box->setDecimals(decimals);
        box->setRange(-1e9, 1e9);
        box->setSingleStep(decimals > 0 ? std::pow(10.0, -decimals + 1) : 1.0);
        if (!unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + unit);
        box->setMinimumWidth(140);
        box->setValue(seed);
    }
    m_lowOn->setChecked(!std::isnan(limits.low));
    m_highOn->setChecked(!std::isnan(limits.high));
    if (m_lowOn->isChecked())
        m_low->setValue(limits.low);
    if (m_highOn->isChecked())
        m_high->setValue(limits.high);

    auto *intro =
        new QLabel(tr("The Value cell turns red above the high limit and blue below the low "
                      "limit. The limits apply to this register on every device of the same profile."),
                   this);
    intro->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor()));
    auto *form = new QFormLayout;
    form->addRow(m_highOn, m_high);
    form->addRow(m_lowOn, m_low);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QCheckBox *box : {m_lowOn, m_highOn})
        connect(box, &QCheckBox::toggled, this, &AlarmDialog::validate);
    for (QDoubleSpinBox *box : {m_low, m_high})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AlarmDialog::validate);
    validate();
}

AlarmLimits AlarmDialog::limits() const
{
    AlarmLimits limits;
    if (m_lowOn->isChecked())
        limits.low = m_low->value();
    if (m_highOn->isChecked())
        limits.high = m_high->value();
    return limits;
}

void AlarmDialog::validate()
{
    m_low->setEnabled(m_lowOn->isChecked());
    m_high->setEnabled(m_highOn->isChecked());
    const bool bad = m_lowOn->isChecked() && m_highOn->isChecked() && m_low->value() >= m_high->value();
    m_problem->setText(bad ? tr("The low limit must be below the high limit.") : QString());
    m_problem->setVisible(bad);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!bad);
}

} // namespace pyrolink
