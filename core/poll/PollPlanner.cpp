#include "PollPlanner.h"

namespace pyrolink {

QList<ReadBlock> PollPlanner::plan(const QList<const RegisterDef *> &due) const
{
    QList<const RegisterDef *> wanted;
    wanted.reserve(due.size());
    for (const RegisterDef *d : due)
        if (!m_missing.contains(d))
            wanted.append(d);
    return ReadPlanner::plan(wanted, m_maxGap, [this](const RegisterDef *previous, const RegisterDef *next) {
        const bool gap = next->address > previous->lastAddress() + 1;
        return !m_barriers.contains(key(next)) && !(gap && m_noGapTables.contains(int(next->table)));
    });
}

QList<const RegisterDef *> PollPlanner::learnRefused(const ReadBlock &block)
{
    ++m_generation;
    if (block.registers.size() <= 1) {
        for (const RegisterDef *d : block.registers)
            m_missing.insert(d);
        return block.registers;
    }
    // Registers in address order; split at the gaps first, since unused addresses are the usual culprits.
    QList<const RegisterDef *> regs = block.registers;
    std::sort(regs.begin(), regs.end(), [](auto *a, auto *b) { return a->address < b->address; });
    bool splitAtGap = false;
    for (int i = 1; i < regs.size(); ++i) {
        if (regs.at(i)->address > regs.at(i - 1)->lastAddress() + 1) {
            m_barriers.insert(key(regs.at(i)));
            splitAtGap = true;
        }
    }
    // A device that refuses unused addresses in one place refuses them elsewhere in that table too: learning
    // it once saves one refusal per gap.
    if (splitAtGap)
        m_noGapTables.insert(int(block.table));
    if (!splitAtGap)
        for (int i = 1; i < regs.size(); ++i)
            m_barriers.insert(key(regs.at(i)));
    return {};
}

void PollPlanner::reset()
{
    ++m_generation;
    m_barriers.clear();
    m_missing.clear();
    m_noGapTables.clear();
}

} // namespace pyrolink
