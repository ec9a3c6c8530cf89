#include "Profile.h"

namespace pyrolink {

bool Profile::hasModel(const QString &id) const
{
    return model(id) != nullptr;
}

const ModelDef *Profile::model(const QString &id) const
{
    for (const auto &m : models)
        if (m.id == id)
            return &m;
    return nullptr;
}

QList<const RegisterDef *> Profile::registersFor(const QString &model) const
{
    QList<const RegisterDef *> out;
    for (const auto &r : registers)
        if (r.appliesTo(model))
            out.append(&r);
    return out;
}

const RegisterDef *Profile::findById(const QString &id, const QString &model) const
{
    for (const auto &r : registers)
        if (r.id == id && r.appliesTo(model))
            return &r;
    return nullptr;
}

const RegisterDef *Profile::findAt(Table table, quint16 address, const QString &model) const
{
    for (const auto &r : registers)
        if (r.table == table && r.address == address && r.appliesTo(model))
            return &r;
    return nullptr;
}

const RegisterDef *Profile::find(const QString &idOrAddress, const QString &model) const
{
    if (const auto *r = findById(idOrAddress, model))
        return r;
    // "discrete_input:16640" names the table where several tables use the same address.
    const qsizetype colon = idOrAddress.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const auto table = tableFromName(idOrAddress.left(colon));
        const QString rest = idOrAddress.mid(colon + 1);
        bool ok = false;
        const uint address = rest.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                                 ? rest.mid(2).toUInt(&ok, 16)
                                 : rest.toUInt(&ok, 10);
        return table && ok && address <= 0xFFFF ? findAt(*table, quint16(address), model) : nullptr;
    }
    bool ok = false;
    const uint address = idOrAddress.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                             ? idOrAddress.mid(2).toUInt(&ok, 16)
                             : idOrAddress.toUInt(&ok, 10);
    if (!ok || address > 0xFFFF)
        return nullptr;
    for (Table t : {Table::Holding, Table::Input, Table::Coil, Table::DiscreteInput})
        if (const auto *r = findAt(t, quint16(address), model))
            return r;
    return nullptr;
}

const GroupDef *Profile::group(const QString &id) const
{
    for (const auto &g : groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

QList<const RegisterDef *> Profile::withUnitSelectors(const QList<const RegisterDef *> &registers,
                                                      const QString &model) const
{
    QList<const RegisterDef *> out = registers;
    for (const UnitSelector &sel : unitSelectors) {
        const RegisterDef *selector = findById(sel.registerId, model);
        if (!selector || out.contains(selector))
            continue;
        for (const RegisterDef *r : registers) {
            if (r->unit == sel.replaces) {
                out.append(selector);
                break;
            }
        }
    }
    return out;
}

const UnitSelector *Profile::unitSelectorFor(const QString &unit) const
{
    for (const auto &s : unitSelectors)
        if (s.replaces == unit)
            return &s;
    return nullptr;
}

} // namespace pyrolink
