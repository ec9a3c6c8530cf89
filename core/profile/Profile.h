#pragma once

#include "RegisterDef.h"

#include <QList>
#include <QMap>
#include <QString>

namespace pyrolink {

struct ModelDef
{
    QString id;
    QString name;
    QString description;
};

struct GroupDef
{
    QString id;
    QString name;
};

/// A register whose value selects the unit of others (a °C/°F switch).
struct UnitSelector
{
    QString registerId;
    QString replaces;
    QMap<qint64, QString> units;
};

/// A device's register map, loaded from a JSON profile. Immutable once loaded; cheap to copy around by pointer.
class Profile
{
public:
    QString id;
    QString name;
    QString vendor;
    QString description;
    QStringList transports{QStringLiteral("tcp")};
    int defaultPort = 502;
    int defaultUnit = 1;
    WordOrder defaultWordOrder = WordOrder::Be;
    int defaultBaud = 0; ///< 0: the profile names none
    QChar defaultParity = QLatin1Char('N');
    int defaultStopBits = 1;
    QList<ModelDef> models;
    QList<GroupDef> groups;
    QMap<QString, QString> identity; ///< role ("serial", "firmware", "model") -> register id
    QList<UnitSelector> unitSelectors;
    QList<RegisterDef> registers;
    QString sourcePath; ///< where it was loaded from (":/profiles/x.json" for built-in ones)

    /// The model used when none is named: the first one, or "" for a profile without models.
    QString defaultModel() const { return models.isEmpty() ? QString() : models.first().id; }
    bool hasModel(const QString &model) const;
    const ModelDef *model(const QString &id) const;
    /// Registers that exist on this model, in profile order.
    QList<const RegisterDef *> registersFor(const QString &model) const;
    /// A register by id, by decimal / 0x-hex address (holding first, then input, then bit tables), or by
    /// TABLE:ADDRESS ("discrete_input:16640") where tables share an address.
    const RegisterDef *find(const QString &idOrAddress, const QString &model) const;
    const RegisterDef *findById(const QString &id, const QString &model) const;
    const RegisterDef *findAt(Table table, quint16 address, const QString &model) const;
    const GroupDef *group(const QString &id) const;
    /// `registers` plus the unit-selector registers their units depend on (the °C/°F switch), so that what
    /// is read can be shown in the device's current unit.
    QList<const RegisterDef *> withUnitSelectors(const QList<const RegisterDef *> &registers,
                                                 const QString &model) const;
    /// The selector that changes the unit of registers with unit `unit`, if any.
    const UnitSelector *unitSelectorFor(const QString &unit) const;
};

} // namespace pyrolink
