#include "ConfigCommands.h"

#include "ConfigField.h"
#include "ConfigurationPanel.h"

namespace pyrolink {

FieldEditCommand::FieldEditCommand(ConfigurationPanel *panel, const QString &registerId, const QString &text,
                                   const QVariant &from, const QVariant &to, bool applied,
                                   QUndoCommand *parent)
    : QUndoCommand(text, parent), m_panel(panel), m_registerId(registerId), m_from(from), m_to(to),
      m_skipRedo(applied)
{
}

void FieldEditCommand::undo()
{
    show(m_from);
}

void FieldEditCommand::redo()
{
    // Pushing a typed edit must not write the value back into the editor: that would reformat the text
    // under the user's cursor.
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    show(m_to);
}

bool FieldEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const FieldEditCommand *>(other);
    if (m_sealed || next->m_registerId != m_registerId || next->m_panel != m_panel)
        return false;
    m_to = next->m_to;
    m_sealed = next->m_sealed;
    // Back where it started (typed and erased again): the step does nothing, and QUndoStack drops it.
    if (m_to == m_from)
        setObsolete(true);
    return true;
}

void FieldEditCommand::show(const QVariant &value)
{
    if (!m_panel)
        return;
    if (ConfigField *field = m_panel->field(m_registerId))
        field->setValue(value);
}

} // namespace pyrolink
