#include "LogCommand.h"

#include "CliContext.h"
#include "SignalWatcher.h"
#include "poll/DevicePoller.h"
#include "record/CsvRecorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>

#include <cmath>

namespace pyrolink::cli {

int LogCommand::run(const QStringList &args)
{
    CliContext ctx(
        QStringLiteral("log"),
        QStringLiteral("Polls a device at a fixed interval and records the values to a CSV file, one row "
                       "per poll cycle, until --duration ends or Ctrl+C. Values that could not be read "
                       "are left empty."));
    ctx.addConnectionOptions();
    ctx.addProfileOptions();
    ctx.addJsonOption();
    ctx.parser().addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("CSV file to write (required)."),
         QStringLiteral("file")},
        {QStringLiteral("interval"),
         QStringLiteral("Time between polls: 100ms, 1s, ...; 0 polls as fast as the device "
                        "answers (default 100ms)."),
         QStringLiteral("time"), QStringLiteral("100ms")},
        {QStringLiteral("duration"),
         QStringLiteral("Stop after this long: 10s, 5m, 8h (default: until Ctrl+C)."),
         QStringLiteral("time")},
        {QStringLiteral("locale"),
         QStringLiteral("Write for a spreadsheet in this locale: de_DE gives ';' and decimal "
                        "commas (default: the system's)."),
         QStringLiteral("name")},
        {QStringLiteral("delimiter"), QStringLiteral("Field delimiter, overriding the locale's: , ; or tab."),
         QStringLiteral("char")},
        {QStringLiteral("decimal"), QStringLiteral("Decimal separator, overriding the locale's: . or ,"),
         QStringLiteral("char")},
        {QStringLiteral("utc"), QStringLiteral("Timestamps in UTC instead of local time.")},
    });
    ctx.parser().addPositionalArgument(QStringLiteral("register"),
                                       QStringLiteral("Registers to record (default: the measurements)."),
                                       QStringLiteral("[ID ...]"));
    if (int code = ctx.parse(args); code >= 0)
        return code;

    std::shared_ptr<const Profile> profile;
    QString model;
    if (!ctx.profileAndModel(&profile, &model))
        return ExitUsage;
    const QString path = ctx.parser().value(QStringLiteral("output"));
    if (path.isEmpty())
        return CliContext::fail(ExitUsage, QStringLiteral("Name the CSV file with -o FILE."));
    const auto interval = CliContext::parseDurationMs(ctx.parser().value(QStringLiteral("interval")));
    if (!interval || *interval > 3600000)
        return CliContext::fail(ExitUsage,
                                QStringLiteral("--interval must be a time such as 100ms or 1s, at most 1h."));
    std::optional<qint64> duration;
    if (ctx.parser().isSet(QStringLiteral("duration"))) {
        duration = CliContext::parseDurationMs(ctx.parser().value(QStringLiteral("duration")));
        if (!duration || *duration <= 0)
            return CliContext::fail(ExitUsage,
                                    QStringLiteral("--duration must be a time such as 10s, 5m or 8h."));
    }
    CsvOptions options = CsvOptions::forLocale(ctx.parser().isSet(QStringLiteral("locale"))
                                                   ? QLocale(ctx.parser().value(QStringLiteral("locale")))
                                                   : QLocale::system());
    if (ctx.parser().isSet(QStringLiteral("delimiter"))) {
        QString d = ctx.parser().value(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            d = QStringLiteral("\t");
        if (d.size() != 1 || !QStringLiteral(",;\t|").contains(d))
            return CliContext::fail(ExitUsage, QStringLiteral("--delimiter must be , ; | or tab."));
        options.delimiter = d.at(0);
    }
    if (ctx.parser().isSet(QStringLiteral("decimal"))) {
        const QString d = ctx.parser().value(QStringLiteral("decimal"));
        if (d != QLatin1String(".") && d != QLatin1String(","))
            return CliContext::fail(ExitUsage, QStringLiteral("--decimal must be . or ,"));
        options.decimalSeparator = d.at(0);
    }
    if (options.delimiter == options.decimalSeparator)
        return CliContext::fail(ExitUsage,
                                QStringLiteral("The delimiter and the decimal separator must differ."));
    options.utcTimestamps = ctx.parser().isSet(QStringLiteral("utc"));

    ConnectionSettings settings;
    if (!ctx.connection(&settings, profile.get()))
        return ExitUsage;
    DevicePoller poller(profile, model, settings);
    QList<const RegisterDef *> columns;
    if (!ctx.namedRegisters(*profile, model, &columns))
        return ExitUsage;
    for (const RegisterDef *def : columns)
        if (poller.rowOf(def) < 0)
            return CliContext::fail(
                ExitUsage,
                QStringLiteral("%1 (%2) is an action, not a value to record.").arg(def->name, def->id));
    if (columns.isEmpty())
        columns = poller.cycleRegisters();
    // The unit in the header must be the device's: read its °C/°F switch with every cycle.
    const QList<const RegisterDef *> cycle = profile->withUnitSelectors(columns, model);
    poller.setCycleRegisters(cycle);
    poller.setInterval(PollClass::Fast, int(*interval));

    CsvRecorder recorder;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    QObject::connect(&poller, &DevicePoller::message, [&](const QString &m) { CliContext::fail(0, m); });
    int exitCode = ExitOk;
    QObject::connect(&recorder, &CsvRecorder::error, [&](const QString &e) {
        exitCode = CliContext::fail(ExitDevice, e);
        QCoreApplication::quit();
    });
    QElapsedTimer clock;
    QObject::connect(&poller, &DevicePoller::cycleCompleted, [&](qint64 ts) {
        if (!recorder.isOpen()) {
            QList<CsvColumn> cols;
            for (const RegisterDef *d : columns)
                cols.append(CsvColumn{d->id, d->name, displayUnit(*profile, *d, poller.readings()),
                                      d->type == ValueType::F32 ? 3 : d->decimals});
            QString error;
            if (!recorder.open(path, cols, options, &error)) {
                exitCode = CliContext::fail(ExitDevice, error);
                QCoreApplication::quit();
                return;
            }
            clock.start();
        }
        QList<double> values;
        for (const RegisterDef *d : columns) {
            const Reading &r = poller.reading(poller.rowOf(d));
            values.append(r.quality == Quality::Good ? r.value : std::nan(""));
        }
        recorder.append(ts, values);
    });
    if (duration)
        QTimer::singleShot(*duration, qApp, &QCoreApplication::quit);
    poller.start();
    const int loop = QCoreApplication::exec();
    poller.stop();
    recorder.close();

    const PollStats &s = poller.stats();
    const double seconds = clock.isValid() ? clock.elapsed() / 1000.0 : 0.0;
    if (ctx.json()) {
        CliContext::printJson(QJsonObject{{QStringLiteral("file"), path},
                                          {QStringLiteral("rows"), recorder.rows()},
                                          {QStringLiteral("seconds"), seconds},
                                          {QStringLiteral("cycles"), qint64(s.cycles)},
                                          {QStringLiteral("late_cycles"), qint64(s.lateCycles)},
                                          {QStringLiteral("requests"), qint64(s.requests)},
                                          {QStringLiteral("timeouts"), qint64(s.timeouts)},
                                          {QStringLiteral("exceptions"), qint64(s.exceptions)},
                                          {QStringLiteral("reconnects"), qint64(s.reconnects)}});
    } else {
        CliContext::print(QStringLiteral("%1: %2 rows in %3 s (%4 requests, %5 timeouts, %6 late cycles).")
                              .arg(path)
                              .arg(recorder.rows())
                              .arg(seconds, 0, 'f', 1)
                              .arg(s.requests)
                              .arg(s.timeouts)
                              .arg(s.lateCycles));
    }
    if (loop)
        return loop;
    if (exitCode == ExitOk && recorder.rows() == 0)
        return CliContext::fail(ExitDevice,
                                QStringLiteral("No values were recorded: %1").arg(poller.lastMessage()));
    return exitCode;
}

} // namespace pyrolink::cli
