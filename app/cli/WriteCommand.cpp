#include "WriteCommand.h"

#include "CliContext.h"
#include "modbus/RegisterIo.h"
#include "profile/Codec.h"

#include <QJsonArray>

namespace pyrolink::cli {

int WriteCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("write"),
        QStringLiteral("Writes registers in engineering units (emissivity=0.85 or 10010=0.85). Every "
                       "assignment is validated before any is written; each written register is read "
                       "back and compared."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    ctx.parser().addPositionalArgument(QStringLiteral("assignment"),
                                       QStringLiteral("ID=VALUE or ADDRESS=VALUE."),
                                       QStringLiteral("ID|ADDRESS=VALUE ..."));
    if (int code = ctx.parse(args); code >= 0)
        return code;

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    const QStringList assignments = ctx.parser().positionalArguments();
    if (assignments.isEmpty())
        return CliContext::fail(ExitUsage, QStringLiteral("Name at least one ID=VALUE to write."));

    // Validate everything first: one bad assignment means nothing is written.
    QList<WriteItem> items;
    QStringList problems;
    for (const QString &a : assignments) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            problems << QStringLiteral("\"%1\" is not ID=VALUE.").arg(a);
            continue;
        }
        const QString name = a.left(eq).trimmed();
        const RegisterDef *def = profile->find(name, model);
        if (!def) {
            problems << QStringLiteral("Profile %1 (model %2) has no register \"%3\".")
                            .arg(profile->id, model, name);
            continue;
        }
        QString error;
        if (auto item = RegisterIo::prepareText(*def, a.mid(eq + 1), &error))
            items.append(*item);
        else
            problems << error;
    }
    if (!problems.isEmpty()) {
        for (const QString &p : problems)
            CliContext::fail(ExitUsage, p);
        CliContext::fail(ExitUsage, QStringLiteral("Nothing was written."));
        return ExitUsage;
    }

    ConnectionSettings settings;
    if (!ctx.connection(&settings, profile.get()))
        return ExitUsage;
    ModbusLink link(settings);
    QString error;
    if (!CliContext::openLink(link, &error))
        return CliContext::fail(ExitDevice, error);
    RegisterIo io(&link);
    const QList<WriteOutcome> outcomes =
        await<QList<WriteOutcome>>([&](auto done) { io.write(items, done); });
    link.close();

    QJsonArray written, errors;
    QStringList lines;
    bool allGood = true;
    for (const WriteOutcome &o : outcomes) {
        const RegisterDef &def = *o.item.def;
        const QString shown = Codec::formatWords(def, o.item.words);
        const bool good = o.written && (o.verified || def.isAction);
        allGood = allGood && good;
        if (o.written) {
            QJsonArray raw;
            for (quint16 w : o.item.words)
                raw.append(w);
            QJsonObject w{{QStringLiteral("id"), def.id},
                          {QStringLiteral("address"), def.address},
                          {QStringLiteral("raw"), raw},
                          {QStringLiteral("verified"), o.verified}};
            w[QStringLiteral("value")] = def.isNumeric() ? QJsonValue(o.item.value) : QJsonValue(shown);
            if (def.isAction)
                w[QStringLiteral("action")] = true;
            written.append(w);
        }
        if (!good) {
            QJsonObject e{{QStringLiteral("id"), def.id},
                          {QStringLiteral("address"), def.address},
                          {QStringLiteral("error"), o.error}};
            if (o.exceptionCode) {
                e[QStringLiteral("exception")] = modbusExceptionName(o.exceptionCode);
                e[QStringLiteral("exception_code")] = o.exceptionCode;
            }
            errors.append(e);
            CliContext::fail(ExitDevice, QStringLiteral("%1: %2").arg(def.id, o.error));
        } else {
            lines << QStringLiteral("%1 = %2 %3  %4")
                         .arg(def.id, shown, def.unit,
                              def.isAction ? QStringLiteral("(triggered)") : QStringLiteral("(verified)"));
        }
    }
    if (ctx.json())
        CliContext::printJson(
            QJsonObject{{QStringLiteral("device"), CliContext::deviceJson(settings, profile.get(), model)},
                        {QStringLiteral("written"), written},
                        {QStringLiteral("errors"), errors}});
    else if (!lines.isEmpty())
        CliContext::print(lines.join(QLatin1Char('\n')));
    return allGood ? ExitOk : ExitDevice;
}

} // namespace pyrolink::cli
