#pragma once

#include "profile/RegisterDef.h"

#include <QList>

#include <functional>

namespace pyrolink {

/// One Modbus read request: a contiguous range of one table and the registers it serves.
struct ReadBlock
{
    Table table = Table::Holding;
    quint16 start = 0;
    quint16 count = 0;
    QList<const RegisterDef *> registers;
};

/// Merges registers into the fewest read requests: same table, at most 125 registers (2000 bits) per
/// request, bridging gaps of at most maxGap unused addresses.
class ReadPlanner
{
public:
    static constexpr int kMaxRegisters = 125;
    static constexpr int kMaxBits = 2000;

    /// May `next` join the block that ends with `previous`? (Used to respect splits learned from a device.)
    using JoinRule = std::function<bool(const RegisterDef *previous, const RegisterDef *next)>;

    static QList<ReadBlock> plan(QList<const RegisterDef *> registers, int maxGap = 0, const JoinRule &mayJoin = {});
    /// The words of one register out of a block's answer.
    static QList<quint16> slice(const ReadBlock &block, const QList<quint16> &values, const RegisterDef &def);
};

} // namespace pyrolink
