#pragma once

#include "modbus/ReadPlanner.h"

#include <QSet>

namespace pyrolink {

/// Plans the read requests of one device and learns from its refusals. Registers due together are merged
/// into the fewest requests, bridging gaps of up to maxGap unused addresses. When the device answers
/// Illegal data address to a merged block, the planner learns where that device cannot be read across and
/// never asks the same way again: the next cycle runs at full speed with the split plan.
class PollPlanner
{
public:
    explicit PollPlanner(int maxGap = kDefaultMaxGap) : m_maxGap(maxGap) {}

    /// Gap bridged by default: reading 32 spare registers costs 64 bytes, far less than a round trip.
    static constexpr int kDefaultMaxGap = 32;

    QList<ReadBlock> plan(const QList<const RegisterDef *> &due) const;

    /// The device refused `block` with exception 2. Returns the registers now known to be missing (a block of
    /// one register that was refused); a larger block is split: first at its gaps (and gaps in that table
    /// are not bridged any more), then register by register.
    QList<const RegisterDef *> learnRefused(const ReadBlock &block);

    bool isMissing(const RegisterDef *def) const { return m_missing.contains(def); }
    int maxGap() const { return m_maxGap; }
    void setMaxGap(int gap) { m_maxGap = gap; }
    /// Number of places where the device taught us to split.
    int learnedSplits() const { return int(m_barriers.size()); }
    /// Forget what was learned (a different device may answer at this address now).
    void reset();
    /// Changes whenever something is learned or forgotten: a plan made at another generation is outdated.
    int generation() const { return m_generation; }

private:
    static quint32 key(const RegisterDef *def) { return (quint32(def->table) << 16) | def->address; }
    int m_maxGap;
    QSet<quint32> m_barriers; ///< a register that must start a new block
    QSet<const RegisterDef *> m_missing;
    QSet<int> m_noGapTables; ///< tables where the device refused a read across unused addresses
    int m_generation = 0;
};

} // namespace pyrolink
