#include "ReadCommand.h"

#include "CliContext.h"
#include "modbus/RegisterIo.h"
#include "profile/Codec.h"

#include <QJsonArray>

namespace pyrolink::cli {

namespace {

/// TABLE:ADDRESS[:TYPE[:ORDER]] as a register definition of its own.
std::optional<RegisterDef> parseAdHoc(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    static const QMap<QString, Table> aliases{{QStringLiteral("coil"), Table::Coil},
                                              {QStringLiteral("coils"), Table::Coil},
                                              {QStringLiteral("discrete_input"), Table::DiscreteInput},
                                              {QStringLiteral("di"), Table::DiscreteInput},
                                              {QStringLiteral("input"), Table::Input},
                                              {QStringLiteral("ir"), Table::Input},
                                              {QStringLiteral("holding"), Table::Holding},
                                              {QStringLiteral("hr"), Table::Holding}};
    if (parts.size() < 2 || parts.size() > 4 || !aliases.contains(parts.at(0).toLower())) {
        *error = QStringLiteral(
                     "\"%1\" is not TABLE:ADDRESS[:TYPE[:ORDER]] with TABLE one of coil, discrete_input, "
                     "input, holding.")
                     .arg(spec);
        return std::nullopt;
    }
    RegisterDef def;
    def.id = spec;
    def.name = spec;
    def.table = aliases.value(parts.at(0).toLower());
    bool ok = false;
    const QString a = parts.at(1);
    const uint address =
        a.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? a.mid(2).toUInt(&ok, 16) : a.toUInt(&ok);
    if (!ok || address > 0xFFFF) {
        *error =
            QStringLiteral("\"%1\": the address must be from 0 to 65535 (or 0x0000 to 0xFFFF).").arg(spec);
        return std::nullopt;
    }
    def.address = quint16(address);
    def.type = def.isBitTable() ? ValueType::Bool : ValueType::U16;
    if (parts.size() >= 3) {
        const auto type = typeFromName(parts.at(2));
        if (!type || *type == ValueType::Words || (def.isBitTable() && *type != ValueType::Bool)) {
            *error = QStringLiteral("\"%1\": the type must be one of u16, s16, u32, s32, f32%2.")
                         .arg(spec, def.isBitTable() ? QStringLiteral(" (bool for coils and discrete inputs)")
                                                     : QStringLiteral(", bool"));
            return std::nullopt;
        }
        def.type = *type;
    }
    if (parts.size() == 4) {
        const auto order = wordOrderFromName(parts.at(3).toLower());
        if (!order) {
            *error =
                QStringLiteral("\"%1\": the word order must be be (high word first) or le (low word first).")
                    .arg(spec);
            return std::nullopt;
        }
        def.wordOrder = *order;
    }
    def.access =
        def.table == Table::Input || def.table == Table::DiscreteInput ? Access::Read : Access::ReadWrite;
    def.decimals = def.type == ValueType::F32 ? 3 : 0;
    return def;
}

} // namespace

int ReadCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("read"),
        QStringLiteral("Reads every readable register of the profile for the model, or the ones named "
                       "by id or address, and prints them with their engineering values."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    ctx.parser().addOption(
        {QStringLiteral("register"),
         QStringLiteral("Read an ad-hoc register with no profile: TABLE:ADDRESS[:TYPE[:ORDER]], "
                        "e.g. input:1020:u16 or holding:3000:f32:be. Repeatable."),
         QStringLiteral("spec")});
    ctx.parser().addPositionalArgument(QStringLiteral("register"),
                                       QStringLiteral("Register ids or addresses to read."),
                                       QStringLiteral("[ID|ADDRESS ...]"));
    if (int code = ctx.parse(args); code >= 0)
        return code;

    std::shared_ptr<const Profile> profile;
    QString model;
    std::list<RegisterDef> adHoc; // stable addresses for the pointers below
    QList<const RegisterDef *> wanted;
    const QStringList specs = ctx.parser().values(QStringLiteral("register"));
    if (!specs.isEmpty()) {
        if (!ctx.parser().positionalArguments().isEmpty())
            return CliContext::fail(
                ExitUsage,
                QStringLiteral("Give either --register specs or profile register names, not both."));
        for (const QString &spec : specs) {
            QString error;
            auto def = parseAdHoc(spec, &error);
            if (!def)
                return CliContext::fail(ExitUsage, error);
            adHoc.push_back(*def);
            wanted.append(&adHoc.back());
        }
    } else {
        if (!ctx.profileAndModel(&profile, &model))
            return ExitUsage;
        if (!ctx.namedRegisters(*profile, model, &wanted))
            return ExitUsage;
        if (wanted.isEmpty()) {
            for (const RegisterDef *def : profile->registersFor(model))
                if (def->isReadable() && def->poll != PollClass::Never)
                    wanted.append(def);
        }
    }

    ConnectionSettings settings;
    if (!ctx.connection(&settings, profile.get()))
        return ExitUsage;

    // Unit selectors (a °C/°F switch) are read too, even when not asked for.
    const QList<const RegisterDef *> toRead = profile ? profile->withUnitSelectors(wanted, model) : wanted;

    ModbusLink link(settings);
    QString error;
    if (!CliContext::openLink(link, &error))
        return CliContext::fail(ExitDevice, error);
    RegisterIo io(&link);
    const QList<Reading> readings = await<QList<Reading>>([&](auto done) { io.read(toRead, done); });
    link.close();

    QJsonArray values, errors;
    QStringList lines;
    int failures = 0;
    for (const Reading &r : readings) {
        if (!wanted.contains(r.def))
            continue;
        const QString unit = profile ? displayUnit(*profile, *r.def, readings) : r.def->unit;
        if (r.quality != Quality::Good) {
            ++failures;
            QJsonObject e{{QStringLiteral("id"), r.def->id},
                          {QStringLiteral("table"), tableName(r.def->table)},
                          {QStringLiteral("address"), r.def->address},
                          {QStringLiteral("error"), r.error}};
            if (r.exceptionCode) {
                e[QStringLiteral("exception")] = modbusExceptionName(r.exceptionCode);
                e[QStringLiteral("exception_code")] = r.exceptionCode;
            }
            errors.append(e);
            CliContext::fail(ExitDevice, QStringLiteral("%1 (%2 %3): %4")
                                             .arg(r.def->id, tableName(r.def->table))
                                             .arg(r.def->address)
                                             .arg(r.error));
            continue;
        }
        values.append(readingJson(r, unit));
        QString shown = Codec::formatWords(*r.def, r.raw);
        if (!r.def->enumLabels.isEmpty() && r.def->isNumeric())
            shown = QStringLiteral("%1 (%2)").arg(shown).arg(r.value);
        if (!r.def->bitLabels.isEmpty()) {
            const QStringList bits = Codec::setBitLabels(*r.def, Codec::rawNumber(*r.def, r.raw));
            shown += QStringLiteral(" [%1]").arg(bits.isEmpty() ? QStringLiteral("none")
                                                                : bits.join(QStringLiteral(", ")));
        }
        lines << QStringLiteral("%1  %2  %3  %4 %5")
                     .arg(r.def->id, -28)
                     .arg(QStringLiteral("%1:%2").arg(tableName(r.def->table)).arg(r.def->address), -14)
                     .arg(r.def->name.left(34), -34)
                     .arg(shown, unit)
                     .trimmed();
    }
    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("device"), CliContext::deviceJson(settings, profile.get(), model)},
                        {QStringLiteral("values"), values},
                        {QStringLiteral("errors"), errors}});
    } else if (!lines.isEmpty()) {
        CliContext::print(lines.join(QLatin1Char('\n')));
    }
    return failures ? ExitDevice : ExitOk;
}

} // namespace pyrolink::cli
