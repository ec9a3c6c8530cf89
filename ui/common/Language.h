#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace pyrolink {

/// The user interface language: English (the source) or German. Chosen from the system locale unless the user
/// picked one in View › Language; the choice takes effect at the next start.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)
public:
    /// "system", "en" or "de", as last chosen (QSettings ui/language; default "system").
    static QString choice();
    static void setChoice(const QString &choice);
    /// Languages Pyrolink ships, the source language first: {"en", "de"}.
    static QStringList available();
    /// The language a choice means here: "system" is the first of the system's UI languages Pyrolink has,
    /// else English.
    static QString resolve(const QString &choice, const QLocale &system = QLocale::system());
    /// Installs the translators for `language` ("en", "de") into the application, replacing any installed
    /// before: Pyrolink's own (embedded, :/i18n/pyrolink_<lang>.qm) and Qt's (qtbase_<lang>.qm from Qt's
    /// translations folder, else the few Qt strings Pyrolink ships itself). False if Pyrolink's is missing.
    static bool install(const QString &language);
    /// The language whose translators are installed ("en" before install() is called).
    static QString current();
    /// Adds the Language submenu (System / English / Deutsch) to `menu`; a choice is saved and the user told
    /// that it applies after a restart.
    static QMenu *addMenu(QMenu *menu, QWidget *window);
};

} // namespace pyrolink
