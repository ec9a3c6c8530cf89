#include "Language.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace pyrolink {

Q_LOGGING_CATEGORY(lcLanguage, "pyrolink.language", QtWarningMsg)

namespace {

QString settingKey()
{
    return QStringLiteral("ui/language");
}

struct Installed
{
    QString language = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> translators;
};

Installed &installed()
{
    static Installed state;
    return state;
}

bool load(const QString &file, const QString &dir)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file, dir))
        return false;
    QCoreApplication::installTranslator(translator.get());
    installed().translators.push_back(std::move(translator));
    return true;
}

} // namespace

QString Language::choice()
{
    const QString c = QSettings().value(settingKey(), QStringLiteral("system")).toString();
    return c == QLatin1String("system") || available().contains(c) ? c : QStringLiteral("system");
}

void Language::setChoice(const QString &choice)
{
    QSettings().setValue(settingKey(), choice);
}

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString Language::resolve(const QString &choice, const QLocale &system)
{
    if (available().contains(choice))
        return choice;
    // uiLanguages() is the user's order of preference ("de-AT", "de", "en-US", ...).
    for (const QString &ui : system.uiLanguages()) {
        const QString lang = QLocale(ui).name().section(u'_', 0, 0);
        if (available().contains(lang))
            return lang;
    }
    return QStringLiteral("en");
}

bool Language::install(const QString &language)
{
    for (const auto &t : installed().translators)
        QCoreApplication::removeTranslator(t.get());
    installed().translators.clear();
    installed().language = QStringLiteral("en");

    // Qt's own strings (standard buttons, context menus) first: translators installed later are asked first,
    // so Pyrolink's wins where both know a string.
    if (language != QLatin1String("en") &&
        !load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        !load(QStringLiteral("qt_fallback_") + language, QStringLiteral(":/i18n")))
        qCInfo(lcLanguage) << "no Qt translation for" << language;
    // English needs a translator too: it carries the plural forms ("1 byte", "2 bytes").
    if (!load(QStringLiteral("pyrolink_") + language, QStringLiteral(":/i18n"))) {
        qCWarning(lcLanguage) << "no translation for" << language;
        return false;
    }
    installed().language = language;
    return true;
}

QString Language::current()
{
    return installed().language;
}

QMenu *Language::addMenu(QMenu *menu, QWidget *window)
{
    QMenu *languages = menu->addMenu(tr("Lan&guage")); // not &L: "&Live" is in the View menu
    auto *group = new QActionGroup(languages);
    //: Language names are shown in their own language, whatever the current one.
    const QList<std::pair<QString, QString>> entries{{QStringLiteral("system"), tr("&System default")},
                                                     {QStringLiteral("en"), tr("&English")},
                                                     {QStringLiteral("de"), tr("&Deutsch")}};
    const QString chosen = choice();
    for (const auto &[code, label] : entries) {
        QAction *a = languages->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, window, [window, code = code] {
            if (code == choice())
                return;
            setChoice(code);
            if (resolve(code) == current())
                return; // same language as now: nothing to restart for
            QMessageBox::information(window, tr("Language"),
                                     tr("Pyrolink will use the new language the next time it starts."));
        });
    }
    return languages;
}

} // namespace pyrolink
