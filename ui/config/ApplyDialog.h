#pragma once

#include <QDialog>
#include <QList>

class QTableWidget;

namespace pyrolink {

/// One row of the Apply dialog: a register about to be written.
struct PendingChange
{
    QString name;     ///< "Epsilon"
    QString address;  ///< "holding 10010"
    QString oldValue; ///< what the device holds now, as a person reads it
    QString newValue;
    QString unit;
};

/// Lists the changes about to be written (register, old value, new value, unit) and asks to confirm.
/// Opened window-modal with open(): the event loop keeps running (polling, progress) while it is shown.
class ApplyDialog : public QDialog
{
    Q_OBJECT
public:
    /// `note` (may be empty) says anything the user should know about the order of the writes.
    ApplyDialog(const QString &device, const QList<PendingChange> &changes, const QString &note,
                QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QList<PendingChange> changes() const { return m_changes; }

private:
    QList<PendingChange> m_changes;
    QTableWidget *m_table;
};

} // namespace pyrolink
