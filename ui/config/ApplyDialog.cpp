#include "ApplyDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pyrolink {

ApplyDialog::ApplyDialog(const QString &device, const QList<PendingChange> &changes, const QString &note,
                         QWidget *parent)
    : QDialog(parent), m_changes(changes), m_table(new QTableWidget(int(changes.size()), 5, this))
{
    setWindowTitle(tr("Apply changes"));
    auto *intro = new QLabel(
        tr("Write %n register(s) to %1 and read each back?", nullptr, int(changes.size())).arg(device), this);
    intro->setWordWrap(true);

    m_table->setHorizontalHeaderLabels({tr("Register"), tr("Address"), tr("Old"), tr("New"), tr("Unit")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    for (int row = 0; row < changes.size(); ++row) {
        const PendingChange &c = changes.at(row);
        const QStringList cells{c.name, c.address, c.oldValue, c.newValue, c.unit};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(row, col, new QTableWidgetItem(cells.at(col)));
        QFont bold = m_table->font();
        bold.setBold(true);
        m_table->item(row, 3)->setFont(bold);
    }
    m_table->resizeColumnsToContents();
    int width = 0;
    for (int col = 0; col < m_table->columnCount(); ++col)
        width += m_table->columnWidth(col);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    // Exactly as tall as its rows up to ten; longer lists scroll.
    const int rows = std::min(int(changes.size()), 10);
    const int height = header->sizeHint().height() + rows * m_table->verticalHeader()->defaultSectionSize() +
                       2 * m_table->frameWidth();
    m_table->setMinimumHeight(height);
    if (changes.size() <= 10)
        m_table->setMaximumHeight(height);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *confirm = buttons->addButton(tr("&Write %n register(s)", nullptr, int(changes.size())),
                                              QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    if (!note.isEmpty()) {
        auto *hint = new QLabel(note, this);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addWidget(buttons);
    resize(std::clamp(width + 60, 480, 900), sizeHint().height());
}

} // namespace pyrolink
