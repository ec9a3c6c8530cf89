#include "ReadPlanner.h"

#include <algorithm>

namespace pyrolink {

QList<ReadBlock> ReadPlanner::plan(QList<const RegisterDef *> registers, int maxGap, const JoinRule &mayJoin)
{
    std::stable_sort(registers.begin(), registers.end(), [](const RegisterDef *a, const RegisterDef *b) {
        return a->table != b->table ? int(a->table) < int(b->table) : a->address < b->address;
    });
    QList<ReadBlock> blocks;
    for (const RegisterDef *r : registers) {
        const int limit = r->isBitTable() ? kMaxBits : kMaxRegisters;
        if (!blocks.isEmpty()) {
            ReadBlock &b = blocks.last();
            const int end = b.start + b.count; // one past the last address
            const int newEnd = std::max(end, int(r->address) + r->width());
            if (b.table == r->table && int(r->address) <= end + maxGap && newEnd - b.start <= limit &&
                (!mayJoin || mayJoin(b.registers.last(), r))) {
                b.count = quint16(newEnd - b.start);
                b.registers.append(r);
                continue;
            }
        }
        blocks.append(ReadBlock{r->table, r->address, quint16(r->width()), {r}});
    }
    return blocks;
}

QList<quint16> ReadPlanner::slice(const ReadBlock &block, const QList<quint16> &values,
                                  const RegisterDef &def)
{
    return values.mid(def.address - block.start, def.width());
}

} // namespace pyrolink
