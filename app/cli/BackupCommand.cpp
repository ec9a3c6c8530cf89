#include "BackupCommand.h"

#include "CliContext.h"
#include "commissioning/AutoBackup.h"
#include "commissioning/ConfigBackup.h"
#include "commissioning/ConfigRestore.h"
#include "modbus/RegisterIo.h"
#include "profile/Codec.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>

#include <climits>
#include <cstdio>

namespace pyrolink::cli {

namespace {

/// What diff and restore share: the file, the device it is compared with, and the comparison.
struct Comparison
{
    std::shared_ptr<const Profile> profile;
    QString model;
    ConnectionSettings settings;
    QString file;
    ConfigBackup backup;
    QList<Reading> readings;
    QList<DiffRow> rows;
    int same = 0, different = 0, missing = 0;
};

void addForceOption(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("force"),
         QStringLiteral("Compare with (or restore) a backup of another model of the same profile: only the "
                        "registers both models share.")});
}

/// One sentence with a hint, the hint replacing the sentence's final full stop.
QString withHint(QString sentence, const QString &hint)
{
    if (sentence.endsWith(QLatin1Char('.')))
        sentence.chop(1);
    return sentence + QStringLiteral("; ") + hint;
}

/// Loads the file named by the one positional argument and checks that it suits the device; returns -1 to
/// go on, or the exit code (the error already printed).
int loadFile(CliContext &ctx, Comparison *c)
{
    const QStringList files = ctx.parser().positionalArguments();
    if (files.size() != 1)
        return CliContext::fail(ExitUsage, QStringLiteral("Name one backup file."));
    c->file = files.first();
    QString error;
    auto backup = ConfigBackup::load(c->file, &error);
    if (!backup)
        return CliContext::fail(ExitUsage, error);
    c->backup = *backup;
    if (!ctx.profileAndModel(&c->profile, &c->model))
        return ExitUsage;
    const bool force = ctx.parser().isSet(QStringLiteral("force"));
    const QString refusal = c->backup.checkTarget(*c->profile, c->model, force);
    if (!refusal.isEmpty()) {
        if (c->backup.profileId != c->profile->id)
            return CliContext::fail(ExitUsage, refusal);
        return CliContext::fail(
            ExitUsage,
            withHint(refusal, QStringLiteral("name the device's model with --model, or add --force to "
                                             "use the registers both models share.")));
    }
    if (!ctx.connection(&c->settings, c->profile.get()))
        return ExitUsage;
    return -1;
}

/// Reads what the comparison needs and compares.
void compare(RegisterIo &io, Comparison *c)
{
    const QList<const RegisterDef *> toRead = ConfigBackup::registersToRead(*c->profile, c->model);
    c->readings = await<QList<Reading>>([&](auto done) { io.read(toRead, done); });
    c->rows = ConfigBackup::diff(c->backup, *c->profile, c->model, c->readings);
    c->same = c->different = c->missing = 0;
    for (const DiffRow &row : std::as_const(c->rows)) {
        c->same += row.state == DiffState::Same ? 1 : 0;
        c->different += row.state == DiffState::Different ? 1 : 0;
        c->missing += row.state == DiffState::Missing ? 1 : 0;
    }
}

/// True when every register the comparison needs failed: the device does not answer.
bool nothingRead(const Comparison &c)
{
    return std::none_of(c.readings.cbegin(), c.readings.cend(),
                        [](const Reading &r) { return r.quality == Quality::Good; });
}

QString firstError(const QList<Reading> &readings)
{
    for (const Reading &r : readings)
        if (r.quality != Quality::Good && !r.error.isEmpty())
            return r.error;
    return QStringLiteral("The device did not answer.");
}

/// The serial of the device read, as the backup would hold it.
QString deviceSerial(const Comparison &c)
{
    return ConfigBackup::fromReadings(*c.profile, c.model, c.readings, {}).serial();
}

QJsonArray rawJson(const QList<quint16> &raw)
{
    QJsonArray a;
    for (quint16 w : raw)
        a.append(w);
    return a;
}

/// One side of a comparison: raw words, the value (a number, or hex for a words block), label and unit.
QJsonValue sideJson(const RegisterDef *def, const QList<quint16> &raw, const QString &unit)
{
    if (raw.isEmpty())
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("raw"), rawJson(raw)}, {QStringLiteral("unit"), unit}};
    if (def && def->isNumeric() && raw.size() == def->width()) {
        const double v = Codec::decode(*def, raw);
        o[QStringLiteral("value")] = v;
        if (v == std::floor(v) && def->enumLabels.contains(qint64(v)))
            o[QStringLiteral("label")] = def->enumLabels.value(qint64(v));
    } else {
        o[QStringLiteral("value")] = Codec::wordsToHex(raw);
    }
    return o;
}

QJsonObject backupJson(const Comparison &c)
{
    QJsonObject device;
    for (auto it = c.backup.identity.cbegin(); it != c.backup.identity.cend(); ++it)
        device.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("file"), c.file},
                       {QStringLiteral("created"), c.backup.created.toString(Qt::ISODate)},
                       {QStringLiteral("profile"), c.backup.profileId},
                       {QStringLiteral("model"), c.backup.model},
                       {QStringLiteral("device"), device}};
}

QJsonArray diffJson(const Comparison &c)
{
    QJsonArray rows;
    for (const DiffRow &row : c.rows) {
        QJsonObject o{{QStringLiteral("id"), row.id},
                      {QStringLiteral("name"), row.name},
                      {QStringLiteral("state"), diffStateName(row.state)},
                      {QStringLiteral("device"), sideJson(row.def, row.deviceRaw, row.deviceUnit)},
                      {QStringLiteral("file"),
                       sideJson(row.def, row.entry ? row.entry->raw : QList<quint16>(), row.fileUnit)}};
        if (!row.note.isEmpty())
            o[QStringLiteral("note")] = row.note;
        rows.append(o);
    }
    return rows;
}

QJsonObject summaryJson(const Comparison &c)
{
    return QJsonObject{{QStringLiteral("same"), c.same},
                       {QStringLiteral("different"), c.different},
                       {QStringLiteral("missing"), c.missing}};
}

QString withUnit(const QString &text, const QString &unit)
{
    return unit.isEmpty() || text.isEmpty() ? text : text + QLatin1Char(' ') + unit;
}

/// The differences (and with `all` the rest) as a table, with a heading and a summary line.
QString diffText(const Comparison &c, bool all)
{
    QStringList lines;
    QString from = c.backup.profileId;
    if (!c.backup.model.isEmpty())
        from += QLatin1Char(' ') + c.backup.model;
    if (!c.backup.serial().isEmpty())
        from += QStringLiteral(", serial ") + c.backup.serial();
    if (c.backup.created.isValid())
        from += QStringLiteral(", taken ") +
                c.backup.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    lines << QStringLiteral("Comparing %1 with %2 (%3).").arg(c.settings.describe(), c.file, from);
    bool header = false;
    for (const DiffRow &row : c.rows) {
        if (row.state == DiffState::Same && !all)
            continue;
        if (!header) {
            lines << QStringLiteral("%1  %2  %3  %4")
                         .arg(QStringLiteral("REGISTER"), -28)
                         .arg(QStringLiteral("STATE"), -9)
                         .arg(QStringLiteral("DEVICE"), -18)
                         .arg(QStringLiteral("FILE"));
            header = true;
        }
        QString line = QStringLiteral("%1  %2  %3  %4")
                           .arg(row.id, -28)
                           .arg(diffStateName(row.state), -9)
                           .arg(withUnit(row.deviceText, row.deviceUnit), -18)
                           .arg(withUnit(row.fileText, row.fileUnit));
        if (!row.note.isEmpty())
            line += QStringLiteral("  (%1)").arg(row.note);
        lines << line.trimmed();
    }
    lines << QStringLiteral("%1 %2, %3 the same, %4 not compared.")
                 .arg(c.different)
                 .arg(c.different == 1 ? QStringLiteral("register differs")
                                       : QStringLiteral("registers differ"))
                 .arg(c.same)
                 .arg(c.missing);
    return lines.join(QLatin1Char('\n'));
}

void noteOtherSerial(const Comparison &c)
{
    const QString mine = deviceSerial(c);
    if (!mine.isEmpty() && !c.backup.serial().isEmpty() && mine != c.backup.serial())
        QTextStream(stderr) << QStringLiteral(
                                   "note: the file was taken from serial %1; this device is serial %2.\n")
                                   .arg(c.backup.serial(), mine);
}

bool stdinIsTerminal()
{
    return CliContext::isTerminal(stdin);
}

} // namespace

int BackupCommand::runBackup(const QStringList &args)
{
    CliContext ctx(QStringLiteral("backup"),
                   QStringLiteral("Reads every writable register of the device (actions left out) and saves "
                                  "them with the device's identity to a JSON file (docs/commissioning.md)."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    ctx.parser().addOption({{QStringLiteral("o"), QStringLiteral("output")},
                            QStringLiteral("The backup file to write."),
                            QStringLiteral("file")});
    if (int code = ctx.parse(args); code >= 0)
        return code;
    if (!ctx.parser().positionalArguments().isEmpty())
        return CliContext::fail(ExitUsage, QStringLiteral("Name the backup file with -o FILE."));
    const QString path = ctx.parser().value(QStringLiteral("output"));
    if (path.isEmpty())
        return CliContext::fail(ExitUsage, QStringLiteral("Name the backup file with -o FILE."));

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    ConnectionSettings settings;
    if (!ctx.connection(&settings, profile.get()))
        return ExitUsage;

    ModbusLink link(settings);
    QString error;
    if (!CliContext::openLink(link, &error))
        return CliContext::fail(ExitDevice, error);
    RegisterIo io(&link);
    QStringList skipped;
    const ConfigBackup backup = await<ConfigBackup>([&](auto done) {
        ConfigBackup::capture(DeviceAccess::over(&io), profile, model, settings.describe(),
                              [done, &skipped](const ConfigBackup &b, const QStringList &s) {
                                  skipped = s;
                                  done(b);
                              });
    });
    link.close();
    if (backup.registers.isEmpty())
        return CliContext::fail(ExitDevice,
                                QStringLiteral("Nothing was saved: no register could be read (%1).")
                                    .arg(skipped.value(0, QStringLiteral("the model has none"))));
    if (!backup.save(path, &error))
        return CliContext::fail(ExitDevice, error);

    // Registers that could not be read are left out, and said so: the file holds the rest.
    QJsonArray skippedJson;
    for (const QString &s : std::as_const(skipped)) {
        const qsizetype colon = s.indexOf(QLatin1Char(':'));
        skippedJson.append(
            QJsonObject{{QStringLiteral("id"), s.left(colon)}, {QStringLiteral("error"), s.mid(colon + 2)}});
        QTextStream(stderr)
            << QStringLiteral("warning: %1 was left out: %2\n").arg(s.left(colon), s.mid(colon + 2));
    }
    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("device"), CliContext::deviceJson(settings, profile.get(), model)},
                        {QStringLiteral("file"), path},
                        {QStringLiteral("registers"), int(backup.registers.size())},
                        {QStringLiteral("serial"), backup.serial()},
                        {QStringLiteral("skipped"), skippedJson}});
    } else {
        CliContext::print(
            QStringLiteral("Saved %1 registers of %2%3 to %4.")
                .arg(backup.registers.size())
                .arg(model.isEmpty() ? profile->id : profile->id + QLatin1Char(' ') + model)
                .arg(backup.serial().isEmpty() ? QString() : QStringLiteral(" serial ") + backup.serial())
                .arg(path));
    }
    return ExitOk;
}

int BackupCommand::runDiff(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("diff"),
        QStringLiteral("Compares the device with a backup file, register by register (raw words), "
                       "and prints the differences. Exit 0 when compared; with --exit-code, 3 when "
                       "a register differs."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    addForceOption(ctx);
    ctx.parser().addOptions({
        {QStringLiteral("all"), QStringLiteral("List the registers that are the same too.")},
        {QStringLiteral("exit-code"), QStringLiteral("Exit with 3 when a register differs (as git diff does "
                                                     "with 1; 1 here means a device error).")},
    });
    ctx.parser().addPositionalArgument(QStringLiteral("file"), QStringLiteral("The backup file."),
                                       QStringLiteral("FILE"));
    if (int code = ctx.parse(args); code >= 0)
        return code;
    Comparison c;
    if (int code = loadFile(ctx, &c); code >= 0)
        return code;

    ModbusLink link(c.settings);
    QString error;
    if (!CliContext::openLink(link, &error))
        return CliContext::fail(ExitDevice, error);
    RegisterIo io(&link);
    compare(io, &c);
    link.close();
    if (nothingRead(c))
        return CliContext::fail(ExitDevice, firstError(c.readings));
    noteOtherSerial(c);

    if (ctx.json())
        CliContext::printJson(QJsonObject{
            {QStringLiteral("device"), CliContext::deviceJson(c.settings, c.profile.get(), c.model)},
            {QStringLiteral("backup"), backupJson(c)},
            {QStringLiteral("registers"), diffJson(c)},
            {QStringLiteral("summary"), summaryJson(c)}});
    else
        CliContext::print(diffText(c, ctx.parser().isSet(QStringLiteral("all"))));
    return c.different && ctx.parser().isSet(QStringLiteral("exit-code")) ? ExitDifferent : ExitOk;
}

int BackupCommand::runRestore(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("restore"),
        QStringLiteral("Writes a backup file back to the device: shows the differences, asks (or takes "
                       "--yes), saves an automatic backup of the device's present settings, then writes the "
                       "registers that differ in a safe order (unit switch first, communication settings "
                       "last), each read back and compared."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    addForceOption(ctx);
    ctx.parser().addOptions({
        {{QStringLiteral("y"), QStringLiteral("yes")}, QStringLiteral("Write without asking.")},
        {QStringLiteral("no-backup"),
         QStringLiteral("Do not save the device's present settings to the backup folder first.")},
        {QStringLiteral("all"), QStringLiteral("List the registers that are the same too.")},
    });
    ctx.parser().addPositionalArgument(QStringLiteral("file"), QStringLiteral("The backup file."),
                                       QStringLiteral("FILE"));
    if (int code = ctx.parse(args); code >= 0)
        return code;
    Comparison c;
    if (int code = loadFile(ctx, &c); code >= 0)
        return code;

    ModbusLink link(c.settings);
    QString error;
    if (!CliContext::openLink(link, &error))
        return CliContext::fail(ExitDevice, error);
    RegisterIo io(&link);
    compare(io, &c);
    if (nothingRead(c))
        return CliContext::fail(ExitDevice, firstError(c.readings));
    noteOtherSerial(c);
    const bool json = ctx.json();
    QJsonObject out{{QStringLiteral("device"), CliContext::deviceJson(c.settings, c.profile.get(), c.model)},
                    {QStringLiteral("backup"), backupJson(c)},
                    {QStringLiteral("registers"), diffJson(c)},
                    {QStringLiteral("summary"), summaryJson(c)}};
    if (!json) {
        CliContext::print(diffText(c, ctx.parser().isSet(QStringLiteral("all"))));
        for (const QString &note : ConfigRestore::notes(*c.profile, c.rows))
            CliContext::print(QStringLiteral("note: ") + note);
    }
    if (c.different == 0) {
        out[QStringLiteral("results")] = QJsonArray();
        if (json)
            CliContext::printJson(out);
        else
            CliContext::print(QStringLiteral("Nothing to write: the device holds the file's values."));
        return ExitOk;
    }

    if (!ctx.parser().isSet(QStringLiteral("yes"))) {
        if (!stdinIsTerminal()) {
            if (json)
                CliContext::printJson(out);
            return CliContext::fail(
                ExitUsage, QStringLiteral("Nothing was written: add --yes to write without a question."));
        }
        QTextStream(stdout) << QStringLiteral("Write %1 %2 to %3? [y/N] ")
                                   .arg(c.different)
                                   .arg(c.different == 1 ? QStringLiteral("register")
                                                         : QStringLiteral("registers"))
                                   .arg(c.settings.describe())
                            << Qt::flush;
        const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes"))
            return CliContext::fail(ExitUsage, QStringLiteral("Nothing was written."));
    }

    // The device's present settings, saved before the first write, as the GUI does in each session.
    if (!ctx.parser().isSet(QStringLiteral("no-backup"))) {
        const ConfigBackup before =
            ConfigBackup::fromReadings(*c.profile, c.model, c.readings, c.settings.describe());
        const QString saved = AutoBackup::saveToBackupDir(before, &error);
        if (saved.isEmpty())
            return CliContext::fail(
                ExitDevice, withHint(error, QStringLiteral("nothing was written (--no-backup writes without "
                                                           "an automatic backup).")));
        out[QStringLiteral("auto_backup")] = saved;
        if (!json)
            CliContext::print(QStringLiteral("Saved the device's present settings to %1.").arg(saved));
    }

    ConfigRestore restore(c.profile, c.model, DeviceAccess::over(&io));
    const QList<RestoreResult> results = await<QList<RestoreResult>>([&](auto done) {
        QObject::connect(
            &restore, &ConfigRestore::finished, &restore, [done](const QList<RestoreResult> &r) { done(r); },
            Qt::SingleShotConnection);
        restore.start(c.backup);
    });
    link.close();

    QJsonArray resultsJson;
    QJsonObject counts;
    QStringList lines;
    bool failed = false;
    // In the order written, then the rest in profile order.
    QList<RestoreResult> ordered = results;
    std::stable_sort(ordered.begin(), ordered.end(), [](const RestoreResult &a, const RestoreResult &b) {
        return (a.sequence ? a.sequence : INT_MAX) < (b.sequence ? b.sequence : INT_MAX);
    });
    for (const RestoreResult &r : std::as_const(ordered)) {
        const QString status = restoreStatusName(r.status);
        counts[status] = counts.value(status).toInt() + 1;
        QJsonObject o{{QStringLiteral("id"), r.id},
                      {QStringLiteral("name"), r.name},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("step"), r.step},
                      {QStringLiteral("file"), sideJson(r.def, r.fileRaw, r.unit)},
                      {QStringLiteral("before"),
                       r.deviceRaw.isEmpty() ? QJsonValue::Null : QJsonValue(rawJson(r.deviceRaw))},
                      {QStringLiteral("read_back"),
                       r.readBack.isEmpty() ? QJsonValue::Null : QJsonValue(rawJson(r.readBack))}};
        if (!r.message.isEmpty())
            o[QStringLiteral("message")] = r.message;
        resultsJson.append(o);
        if (r.isFailure()) {
            failed = true;
            CliContext::fail(ExitDevice, QStringLiteral("%1: %2").arg(r.id, r.message));
        }
        const bool quiet = (r.status == RestoreStatus::Same || r.status == RestoreStatus::Skipped) &&
                           !ctx.parser().isSet(QStringLiteral("all"));
        if (!quiet)
            lines << QStringLiteral("%1  %2  %3")
                         .arg(r.id, -28)
                         .arg(status, -11)
                         .arg(r.step ? QStringLiteral("%1 → %2").arg(withUnit(r.deviceText, r.deviceUnit),
                                                                     withUnit(r.fileText, r.unit))
                                     : r.message)
                         .trimmed();
    }
    out[QStringLiteral("results")] = resultsJson;
    out[QStringLiteral("restored")] = counts;
    if (json) {
        CliContext::printJson(out);
    } else {
        auto count = [&counts](const char *name) { return counts.value(QLatin1String(name)).toInt(); };
        QString summary = QStringLiteral("%1 verified, %2 already the same, %3 failed")
                              .arg(count("verified"))
                              .arg(count("same"))
                              .arg(count("mismatch") + count("error") + count("not_written"));
        if (count("written"))
            summary += QStringLiteral(", %1 written but not read back").arg(count("written"));
        lines << summary + QLatin1Char('.');
        CliContext::print(lines.join(QLatin1Char('\n')));
    }
    return failed ? ExitDevice : ExitOk;
}

} // namespace pyrolink::cli
