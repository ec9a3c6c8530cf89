#pragma once

#include <QPointer>
#include <QUndoCommand>
#include <QVariant>

namespace pyrolink {

class ConfigurationPanel;

/// One edit of one form field, from one value to another. Undo and redo find the field by register id, so a
/// command outlives the widgets: the form is rebuilt when the user switches devices and back.
///
/// Consecutive edits of one field (each keystroke, each spin-box click) merge into one step until the edit is
/// finished (Enter, focus out, a choice made): then seal() starts a new step.
class FieldEditCommand : public QUndoCommand
{
public:
    /// `applied`: the editor already shows `to` (the user typed it), so the first redo() does nothing.
    FieldEditCommand(ConfigurationPanel *panel, const QString &registerId, const QString &text,
                     const QVariant &from, const QVariant &to, bool applied, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

    /// No further edits merge into this one.
    void seal() { m_sealed = true; }
    bool isSealed() const { return m_sealed; }
    QString registerId() const { return m_registerId; }
    QVariant from() const { return m_from; }
    QVariant to() const { return m_to; }

    static constexpr int kId = 0x50434647; // "PCFG"

private:
    void show(const QVariant &value);

    QPointer<ConfigurationPanel> m_panel;
    QString m_registerId;
    QVariant m_from;
    QVariant m_to;
    bool m_skipRedo;
    bool m_sealed = false;
};

} // namespace pyrolink
