#include "ProfilesCommand.h"

#include "CliContext.h"
#include "profile/Codec.h"
#include "profile/ProfileLoader.h"

#include <QJsonArray>

namespace pyrolink::cli {

namespace {

QJsonObject registerJson(const RegisterDef &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("name"), r.name},
                  {QStringLiteral("table"), tableName(r.table)},
                  {QStringLiteral("address"), r.address},
                  {QStringLiteral("type"), typeName(r.type)},
                  {QStringLiteral("access"), accessName(r.access)},
                  {QStringLiteral("poll"), pollName(r.poll)}};
    if (!r.description.isEmpty())
        o[QStringLiteral("description")] = r.description;
    if (r.type == ValueType::Words)
        o[QStringLiteral("count")] = r.count;
    if (r.width() == 2)
        o[QStringLiteral("word_order")] = wordOrderName(r.wordOrder);
    if (!r.scale.isIdentity())
        o[QStringLiteral("scale")] = QJsonObject{{QStringLiteral("offset"), r.scale.offset},
                                                 {QStringLiteral("divisor"), r.scale.divisor}};
    if (!r.unit.isEmpty())
        o[QStringLiteral("unit")] = r.unit;
    if (r.isNumeric() && r.type != ValueType::Bool) {
        o[QStringLiteral("min")] = r.effectiveMin();
        o[QStringLiteral("max")] = r.effectiveMax();
    }
    if (r.defaultValue)
        o[QStringLiteral("default")] = *r.defaultValue;
    auto labels = [](const auto &map) {
        QJsonObject l;
        for (auto it = map.begin(); it != map.end(); ++it)
            l[QString::number(it.key())] = it.value();
        return l;
    };
    if (!r.enumLabels.isEmpty())
        o[QStringLiteral("enum")] = labels(r.enumLabels);
    if (!r.bitLabels.isEmpty())
        o[QStringLiteral("bits")] = labels(r.bitLabels);
    if (!r.models.isEmpty())
        o[QStringLiteral("models")] = QJsonArray::fromStringList(r.models);
    if (!r.group.isEmpty())
        o[QStringLiteral("group")] = r.group;
    if (r.isAction)
        o[QStringLiteral("action")] =
            QJsonObject{{QStringLiteral("value"), r.actionValue}, {QStringLiteral("label"), r.actionLabel}};
    return o;
}

QString rangeText(const RegisterDef &r)
{
    if (!r.enumLabels.isEmpty()) {
        QStringList l;
        for (auto it = r.enumLabels.begin(); it != r.enumLabels.end(); ++it)
            l << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        return l.join(QStringLiteral(", "));
    }
    if (!r.isNumeric() || r.type == ValueType::Bool)
        return {};
    return QStringLiteral("%1..%2").arg(QString::number(r.effectiveMin(), 'f', r.decimals),
                                        QString::number(r.effectiveMax(), 'f', r.decimals));
}

} // namespace

int ProfilesCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("profiles"),
        QStringLiteral("Lists the device profiles (list), prints one (show ID), or checks a profile "
                       "file (check FILE)."));
    ctx.addJsonOption();
    ctx.parser().addOption({QStringLiteral("profile-dir"),
                            QStringLiteral("Also load profiles from this folder."), QStringLiteral("dir")});
    ctx.parser().addOption({QStringLiteral("model"),
                            QStringLiteral("With show: only the registers of this model."),
                            QStringLiteral("model")});
    ctx.parser().addPositionalArgument(QStringLiteral("action"),
                                       QStringLiteral("list (default), show ID, check FILE."),
                                       QStringLiteral("[list | show ID | check FILE]"));
    if (int code = ctx.parse(args); code >= 0)
        return code;
    const QStringList pos = ctx.parser().positionalArguments();
    const QString action = pos.value(0, QStringLiteral("list"));

    if (action == QLatin1String("check")) {
        if (pos.size() != 2)
            return CliContext::fail(ExitUsage, QStringLiteral("Usage: pyrolink-cli profiles check FILE."));
        QString error;
        const auto p = ProfileLoader::loadFile(pos.at(1), &error);
        if (!p)
            return CliContext::fail(ExitUsage, error);
        CliContext::print(QStringLiteral("%1: profile %2 with %3 registers and %4 models is valid.")
                              .arg(pos.at(1), p->id)
                              .arg(p->registers.size())
                              .arg(p->models.size()));
        return ExitOk;
    }

    ProfileRegistry registry;
    registry.loadDefault(ctx.parser().values(QStringLiteral("profile-dir")));
    for (const QString &e : registry.errors())
        CliContext::fail(ExitOk, QStringLiteral("warning: ") + e);

    if (action == QLatin1String("list")) {
        if (pos.size() > 1)
            return CliContext::fail(ExitUsage, QStringLiteral("Usage: pyrolink-cli profiles [list]."));
        QJsonArray arr;
        QStringList lines;
        for (const auto &p : registry.profiles()) {
            QStringList models;
            for (const auto &m : p->models)
                models << m.id;
            arr.append(QJsonObject{{QStringLiteral("id"), p->id},
                                   {QStringLiteral("name"), p->name},
                                   {QStringLiteral("vendor"), p->vendor},
                                   {QStringLiteral("models"), QJsonArray::fromStringList(models)},
                                   {QStringLiteral("transport"), QJsonArray::fromStringList(p->transports)},
                                   {QStringLiteral("registers"), int(p->registers.size())},
                                   {QStringLiteral("source"), p->sourcePath}});
            lines
                << QStringLiteral("%1  %2  [%3]").arg(p->id, -18).arg(p->name, models.join(QLatin1Char(' ')));
        }
        if (ctx.json())
            CliContext::printJson(QJsonObject{{QStringLiteral("profiles"), arr}});
        else
            CliContext::print(lines.join(QLatin1Char('\n')));
        return ExitOk;
    }

    if (action == QLatin1String("show")) {
        if (pos.size() != 2)
            return CliContext::fail(ExitUsage, QStringLiteral("Usage: pyrolink-cli profiles show ID."));
        const auto p = registry.find(pos.at(1));
        if (!p)
            return CliContext::fail(ExitUsage, QStringLiteral("There is no profile \"%1\".").arg(pos.at(1)));
        const QString model = ctx.parser().value(QStringLiteral("model"));
        if (!model.isEmpty() && !p->hasModel(model))
            return CliContext::fail(ExitUsage,
                                    QStringLiteral("Profile %1 has no model \"%2\".").arg(p->id, model));
        const QList<const RegisterDef *> regs = p->registersFor(model);
        if (ctx.json()) {
            QJsonArray models, registers;
            for (const auto &m : p->models)
                models.append(QJsonObject{{QStringLiteral("id"), m.id}, {QStringLiteral("name"), m.name}});
            for (const RegisterDef *r : regs)
                registers.append(registerJson(*r));
            CliContext::printJson(
                QJsonObject{{QStringLiteral("id"), p->id},
                            {QStringLiteral("name"), p->name},
                            {QStringLiteral("vendor"), p->vendor},
                            {QStringLiteral("description"), p->description},
                            {QStringLiteral("transport"), QJsonArray::fromStringList(p->transports)},
                            {QStringLiteral("models"), models},
                            {QStringLiteral("registers"), registers}});
            return ExitOk;
        }
        QStringList lines{QStringLiteral("%1: %2").arg(p->id, p->name)};
        if (!p->description.isEmpty())
            lines << p->description;
        for (const auto &m : p->models)
            lines << QStringLiteral("  model %1: %2").arg(m.id, m.name);
        lines << QString();
        for (const RegisterDef *r : regs)
            lines << QStringLiteral("%1  %2  %3 %4 %5  %6 %7")
                         .arg(r->id, -28)
                         .arg(QStringLiteral("%1:%2").arg(tableName(r->table)).arg(r->address), -15)
                         .arg(typeName(r->type), -5)
                         .arg(accessName(r->access), -2)
                         .arg(r->unit, -4)
                         .arg(r->name, rangeText(*r));
        CliContext::print(lines.join(QLatin1Char('\n')));
        return ExitOk;
    }
    return CliContext::fail(
        ExitUsage, QStringLiteral("Unknown action \"%1\": use list, show ID or check FILE.").arg(action));
}

} // namespace pyrolink::cli
