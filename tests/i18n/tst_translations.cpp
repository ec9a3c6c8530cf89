// The German translation is complete: (1) every message of translations/pyrolink_de.ts is translated, keeps
// its placeholders and accelerators, and the .ts files hold every tr() string of the code; (2) on screen, the
// main window (with a simulated device, every tab, every menu) and the dialogs show no English: each visible
// string that has letters differs between an English and a German window built alike, unless it comes from a
// device profile (register names and units are the vendor's, not translated), is translated to the same word
// in the .ts file on purpose ("Status", "Register"), or is a name such as "Modbus" (allowedWords below).
#include "MainWindow.h"
#include "common/Language.h"
#include "devices/AddDeviceDialog.h"
#include "discovery/DiscoveryDialog.h"
#include "profile/ProfileRegistry.h"
#include "secrets/SecretsDialog.h"
#include "session/DeviceManager.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChartView>
#include <QtTest>

using namespace pyrolink;

namespace {

QString tsPath(const QString &name)
{
    return QStringLiteral(PYROLINK_SOURCE_DIR "/translations/") + name;
}

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; ///< one, or one per plural form
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = TsMessage{context,
                          {},
                          {},
                          {},
                          xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.translations << xml.readElementText();
            } else {
                m.translations << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

// What the user reads: no markup, no accelerator marks, spaces tidied.
QString normalize(QString s)
{
    if (Qt::mightBeRichText(s))
        s = QTextDocumentFragment::fromHtml(s).toPlainText();
    s.replace(QLatin1String("&&"), QLatin1String("\x01"));
    s.remove(u'&');
    s.replace(u'\x01', u'&');
    return s.simplified();
}

bool hasLetters(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
}

// Names and units that are the same in both languages. Each is a whole word here.
const QStringList &allowedWords()
{
    static const QStringList words{
        QStringLiteral("Pyrolink"), QStringLiteral("Modbus"), QStringLiteral("TCP"),
        QStringLiteral("RTU"),      QStringLiteral("CSV"),    QStringLiteral("PDF"),
        QStringLiteral("PNG"),      QStringLiteral("JSON"),   QStringLiteral("PDU"),
        QStringLiteral("hex"),      QStringLiteral("Optris"), QStringLiteral("Qt"),
        QStringLiteral("ms"),       QStringLiteral("s"),      QStringLiteral("Hz"),
        QStringLiteral("°C"),       QStringLiteral("°F"),     QStringLiteral("K"),
        QStringLiteral("V"),        QStringLiteral("mA"),     QStringLiteral("min"),
        QStringLiteral("h"),        QStringLiteral("N"),      QStringLiteral("E"),
        QStringLiteral("O"),        QStringLiteral("x"),      QStringLiteral("CRC"),
        QStringLiteral("OK"),       QStringLiteral("IP"),     QStringLiteral("MAC"),
    };
    return words;
}

// Every string of every built-in profile: names, descriptions, units, enum and bit labels.
void collectJsonStrings(const QJsonValue &v, QSet<QString> *out)
{
    if (v.isString()) {
        out->insert(v.toString().simplified());
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectJsonStrings(e, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectJsonStrings(it.value(), out);
    }
}

QStringList profileStrings()
{
    QSet<QString> strings;
    for (const QFileInfo &f : QDir(QStringLiteral(":/profiles")).entryInfoList({QStringLiteral("*.json")})) {
        QFile file(f.filePath());
        if (file.open(QIODevice::ReadOnly))
            collectJsonStrings(QJsonDocument::fromJson(file.readAll()).object(), &strings);
    }
    QStringList list(strings.begin(), strings.end());
    list.removeIf([](const QString &s) { return s.size() < 2; });
    // Longest first, so "SP1 setpoint" goes before "SP1" could split it.
    std::sort(list.begin(), list.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return list;
}

/// Every string a widget tree shows, keyed by where it is shown, so that an English and a German window
/// built alike can be compared place by place.
class Snapshot
{
public:
    QMap<QString, QString> strings;

    void add(const QString &key, const QString &text)
    {
        const QString t = normalize(text);
        if (hasLetters(t))
            strings.insert(key, t);
    }

    void addActions(const QString &key, const QList<QAction *> &actions)
    {
        int i = 0;
        for (QAction *a : actions) {
            const QString k = key + QStringLiteral("/action[%1]").arg(i++);
            if (a->isSeparator() || !a->isVisible())
                continue;
            add(k + QStringLiteral(".text"), a->text());
            add(k + QStringLiteral(".toolTip"), a->toolTip());
            add(k + QStringLiteral(".statusTip"), a->statusTip());
            if (QMenu *menu = a->menu()) {
                emit menu->aboutToShow(); // menus filled when opened (Recent devices, Device)
                add(k + QStringLiteral(".title"), menu->title());
                addActions(k, menu->actions());
            }
        }
    }

    void addModel(const QString &key, const QAbstractItemModel *model)
    {
        if (!model)
            return;
        const int rows = std::min(model->rowCount(), 40);
        for (int c = 0; c < model->columnCount(); ++c) {
            add(key + QStringLiteral("/header[%1]").arg(c), model->headerData(c, Qt::Horizontal).toString());
            add(key + QStringLiteral("/header[%1].toolTip").arg(c),
                model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
            for (int r = 0; r < rows; ++r) {
                const QModelIndex i = model->index(r, c);
                add(key + QStringLiteral("/cell[%1,%2]").arg(r).arg(c), i.data().toString());
                add(key + QStringLiteral("/cell[%1,%2].toolTip").arg(r).arg(c),
                    i.data(Qt::ToolTipRole).toString());
            }
        }
    }

    void addWidget(QWidget *w, const QString &key)
    {
        add(key + QStringLiteral(".windowTitle"),
            w->isWindow() || qobject_cast<QDockWidget *>(w) ? w->windowTitle() : QString());
        add(key + QStringLiteral(".toolTip"), w->toolTip());
        add(key + QStringLiteral(".whatsThis"), w->whatsThis());
        add(key + QStringLiteral(".statusTip"), w->statusTip());
        if (auto *l = qobject_cast<QLabel *>(w))
            add(key + QStringLiteral(".text"), l->text());
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(key + QStringLiteral(".text"), b->text());
        if (auto *g = qobject_cast<QGroupBox *>(w))
            add(key + QStringLiteral(".title"), g->title());
        if (auto *e = qobject_cast<QLineEdit *>(w))
            add(key + QStringLiteral(".placeholder"), e->placeholderText());
        if (auto *e = qobject_cast<QPlainTextEdit *>(w))
            add(key + QStringLiteral(".placeholder"), e->placeholderText());
        if (auto *e = qobject_cast<QTextEdit *>(w))
            add(key + QStringLiteral(".placeholder"), e->placeholderText());
        if (auto *s = qobject_cast<QAbstractSpinBox *>(w))
            add(key + QStringLiteral(".specialValue"), s->specialValueText());
        if (auto *s = qobject_cast<QSpinBox *>(w)) {
            add(key + QStringLiteral(".prefix"), s->prefix());
            add(key + QStringLiteral(".suffix"), s->suffix());
        }
        if (auto *s = qobject_cast<QDoubleSpinBox *>(w)) {
            add(key + QStringLiteral(".prefix"), s->prefix());
            add(key + QStringLiteral(".suffix"), s->suffix());
        }
        if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                add(key + QStringLiteral(".item[%1]").arg(i), c->itemText(i));
        }
        if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                add(key + QStringLiteral(".tab[%1]").arg(i), t->tabText(i));
                add(key + QStringLiteral(".tab[%1].toolTip").arg(i), t->tabToolTip(i));
            }
        }
        // A header view is an item view too, of the same model: its view already showed it.
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && !qobject_cast<QHeaderView *>(w))
            addModel(key + QStringLiteral(".model"), v->model());
        if (auto *chart = qobject_cast<QChartView *>(w)) {
            add(key + QStringLiteral(".chart.title"), chart->chart()->title());
            int i = 0;
            for (QAbstractAxis *axis : chart->chart()->axes())
                add(key + QStringLiteral(".chart.axis[%1]").arg(i++), axis->titleText());
        }
        if (auto *bar = qobject_cast<QMenuBar *>(w))
            addActions(key, bar->actions());
        else
            addActions(key + QStringLiteral(".actions"), w->actions());
    }

    /// The visible widgets under `root`; keys name each by class and object name or position.
    void addTree(QWidget *root, const QString &key)
    {
        if (!root->isVisible())
            return;
        addWidget(root, key);
        QHash<QString, int> seen;
        for (QObject *child : root->children()) {
            auto *w = qobject_cast<QWidget *>(child);
            if (!w || (w->isWindow() && !qobject_cast<QMenu *>(w)))
                continue;
            const QString cls = QString::fromLatin1(w->metaObject()->className());
            const QString name = w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_"))
                                     ? QStringLiteral("[%1]").arg(seen[cls]++)
                                     : u'#' + w->objectName();
            addTree(w, key + u'/' + cls + name);
        }
    }
};

/// Builds the same windows in the installed language and snapshots what they show.
Snapshot snapshotUi(ProfileRegistry *profiles)
{
    Snapshot snap;
    DeviceManager devices;
    {
        MainWindow window(&devices, profiles);
        QString error;
        auto session =
            DeviceSession::simulated(profiles->find(QStringLiteral("optris-ct")), QString(), &error);
        if (!session)
            qFatal("no simulator: %s", qPrintable(error));
        DeviceSession *s = devices.add(std::move(session));
        window.resize(1280, 800);
        window.show();
        // Connected, and a few cycles of values, so that tables, charts and status have content.
        if (!QTest::qWaitFor([s] { return s->poller()->state() == DevicePoller::State::Connected; }, 10000))
            qWarning("the simulated device did not connect");
        QTest::qWait(1500);
        auto *tabs = window.findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(300);
            snap.addTree(&window, QStringLiteral("MainWindow"));
        }

        AddDeviceDialog add(profiles, &window);
        add.show();
        snap.addTree(&add, QStringLiteral("AddDeviceDialog"));
        DiscoveryDialog discovery(&devices, profiles, &window);
        discovery.show();
        snap.addTree(&discovery, QStringLiteral("DiscoveryDialog"));
        SecretsDialog secrets(s, &window);
        secrets.show();
        QTest::qWait(300); // the keychain probe answers
        snap.addTree(&secrets, QStringLiteral("SecretsDialog"));

        QMenu languageMenu;
        Language::addMenu(&languageMenu, &window);
        snap.addActions(QStringLiteral("LanguageMenu"), languageMenu.actions());
    }
    return snap;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_profiles.loadDefault();
        QVERIFY(m_profiles.find(QStringLiteral("optris-ct")));
    }

    void cleanupTestCase() { Language::install(QStringLiteral("en")); }

    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("German") << QStringLiteral("pyrolink_de.ts");
        QTest::newRow("English plurals") << QStringLiteral("pyrolink_en.ts");
        QTest::newRow("Qt fallback") << QStringLiteral("qt_fallback_de.ts");
    }

    void tsFilesAreComplete()
    {
        QFETCH(QString, file);
        QString error;
        const QList<TsMessage> messages = readTs(tsPath(file), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        static const QRegularExpression placeholder(QStringLiteral("%(n|L?[1-9])"));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
            if (!m.type.isEmpty()) {
                problems << QStringLiteral("%1 is %2").arg(where, m.type);
                continue;
            }
            if (m.translations.isEmpty() ||
                std::any_of(m.translations.begin(), m.translations.end(),
                            [](const QString &t) { return t.trimmed().isEmpty(); })) {
                problems << where + QStringLiteral(" has an empty translation");
                continue;
            }
            if (m.numerus && file.contains(QLatin1String("_de")) && m.translations.size() != 2)
                problems << where + QStringLiteral(" needs 2 plural forms");
            QSet<QString> wanted;
            for (auto it = placeholder.globalMatch(m.source); it.hasNext();)
                wanted.insert(it.next().captured(0));
            for (const QString &t : m.translations) {
                for (const QString &p : wanted)
                    if (!t.contains(p) && !(p == QLatin1String("%n") && m.translations.size() > 1))
                        problems << QStringLiteral("%1: the translation \"%2\" lacks %3").arg(where, t, p);
                const bool sourceAccel = m.source.contains(QRegularExpression(QStringLiteral("&[^&\\s]")));
                const bool transAccel = t.contains(QRegularExpression(QStringLiteral("&[^&\\s]")));
                if (sourceAccel != transAccel && !Qt::mightBeRichText(m.source))
                    problems << QStringLiteral("%1: the translation \"%2\" %3 an accelerator")
                                    .arg(where, t,
                                         sourceAccel ? QStringLiteral("lacks") : QStringLiteral("adds"));
            }
        }
        for (const QString &line : std::as_const(problems))
            qWarning("%s: %s", qPrintable(file), qPrintable(line));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above").arg(problems.size())));
    }

    // Strings in the code that scripts/update-translations has not brought into the .ts file yet: the script
    // itself checks (lupdate into a temporary copy), so the list of source folders is kept in one place.
    void tsFilesHoldEveryStringOfTheCode()
    {
        if (!QFileInfo::exists(QStringLiteral(PYROLINK_LUPDATE)))
            QSKIP("lupdate is not installed");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), QStringLiteral(PYROLINK_LUPDATE));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("bash"), {QStringLiteral(PYROLINK_SOURCE_DIR "/scripts/update-translations"),
                                         QStringLiteral("--check")});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAll());
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            qInfo("%s", qPrintable(line));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 "strings of the code are missing from translations/pyrolink_de.ts (listed above)");
    }

    void languageFollowsTheSystemUnlessChosen()
    {
        QCOMPARE(Language::resolve(QStringLiteral("system"), QLocale(QLocale::German, QLocale::Austria)),
                 QStringLiteral("de"));
        QCOMPARE(Language::resolve(QStringLiteral("system"), QLocale(QLocale::French, QLocale::France)),
                 QStringLiteral("en"));
        QCOMPARE(Language::resolve(QStringLiteral("en"), QLocale(QLocale::German)), QStringLiteral("en"));
        QCOMPARE(Language::resolve(QStringLiteral("de"), QLocale(QLocale::English)), QStringLiteral("de"));
        QCOMPARE(Language::choice(), QStringLiteral("system"));
        Language::setChoice(QStringLiteral("de"));
        QCOMPARE(Language::choice(), QStringLiteral("de"));
        Language::setChoice(QStringLiteral("klingon"));
        QCOMPARE(Language::choice(), QStringLiteral("system"));
        QSettings().clear();

        QVERIFY(Language::install(QStringLiteral("de")));
        QCOMPARE(Language::current(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("pyrolink::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QVERIFY(Language::install(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("pyrolink::MainWindow", "&File"), QStringLiteral("&File"));
        // Where Qt's own German is not installed, Pyrolink's few Qt strings stand in.
        QTranslator fallback;
        QVERIFY(fallback.load(QStringLiteral(":/i18n/qt_fallback_de.qm")));
        QCOMPARE(fallback.translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QCOMPARE(fallback.translate("QWizard", "&Next >"), QStringLiteral("&Weiter >"));
        // English carries the plural forms.
        QCOMPARE(QCoreApplication::translate("pyrolink::TrafficLogModel", "%n byte(s)", nullptr, 1),
                 QStringLiteral("1 byte"));
        QCOMPARE(QCoreApplication::translate("pyrolink::TrafficLogModel", "%n byte(s)", nullptr, 3),
                 QStringLiteral("3 bytes"));
    }

    void acceleratorsDoNotClash_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("German") << QStringLiteral("de");
    }

    // Alt+letter picks one thing: within each menu, and across the menu bar and the tabs.
    void acceleratorsDoNotClash()
    {
        QFETCH(QString, language);
        QVERIFY(Language::install(language));
        DeviceManager devices;
        MainWindow window(&devices, &m_profiles);
        QStringList clashes;
        auto check = [&](const QString &where, const QStringList &texts) {
            static const QRegularExpression accel(QStringLiteral("&([^&\\s])"));
            QHash<QChar, QString> seen;
            for (const QString &t : texts) {
                const auto m = accel.match(QString(t).replace(QLatin1String("&&"), QString()));
                if (!m.hasMatch())
                    continue;
                const QChar c = m.captured(1).at(0).toLower();
                if (seen.contains(c))
                    clashes << QStringLiteral("%1: \"%2\" and \"%3\"").arg(where, seen.value(c), t);
                seen.insert(c, t);
            }
        };
        std::function<void(const QString &, QMenu *)> checkMenu = [&](const QString &where, QMenu *menu) {
            emit menu->aboutToShow();
            QStringList texts;
            for (QAction *a : menu->actions()) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                texts << a->text();
                if (a->menu())
                    checkMenu(where + QStringLiteral(" › ") + normalize(a->text()), a->menu());
            }
            check(where, texts);
        };
        QStringList top;
        for (QAction *a : window.menuBar()->actions()) {
            top << a->text();
            if (a->menu())
                checkMenu(normalize(a->text()), a->menu());
        }
        auto *tabs = window.findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i)
            top << tabs->tabText(i);
        check(QStringLiteral("menu bar and tabs"), top);
        // The Language menu, wherever MainWindow puts it.
        QMenu languageMenu;
        Language::addMenu(&languageMenu, &window);
        checkMenu(QStringLiteral("Language"), languageMenu.actions().first()->menu());
        QVERIFY(Language::install(QStringLiteral("en")));
        for (const QString &line : std::as_const(clashes))
            qWarning("accelerator clash in %s", qPrintable(line));
        QVERIFY2(clashes.isEmpty(), "accelerators clash (listed above)");
    }

    void nothingOnScreenStaysEnglish()
    {
        QVERIFY(Language::install(QStringLiteral("en")));
        const Snapshot english = snapshotUi(&m_profiles);
        QVERIFY(Language::install(QStringLiteral("de")));
        const Snapshot german = snapshotUi(&m_profiles);
        QVERIFY(Language::install(QStringLiteral("en")));
        QVERIFY2(german.strings.size() > 100, qPrintable(QString::number(german.strings.size())));

        // Translated to the same word on purpose.
        QString error;
        QSet<QString> sameOnPurpose;
        for (const QString &file : {QStringLiteral("pyrolink_de.ts"), QStringLiteral("qt_fallback_de.ts")})
            for (const TsMessage &m : readTs(tsPath(file), &error))
                if (!m.numerus && m.translations.value(0) == m.source)
                    sameOnPurpose.insert(normalize(m.source));
        const QStringList fromProfiles = profileStrings();

        static const QRegularExpression hexDump(QStringLiteral("^[0-9a-fA-F]{2}( [0-9a-fA-F]{2})*( …)?$"));
        static const QRegularExpression hexNumber(
            QStringLiteral("(?<!\\w)(0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F]*(?!\\w)"));
        auto exempt = [&](const QString &text) {
            QString label = text;
            if (label.endsWith(u':'))
                label.chop(1); // "Firmware:" is the label of the word "Firmware"
            if (sameOnPurpose.contains(text) || sameOnPurpose.contains(label) ||
                hexDump.match(text).hasMatch())
                return true;
            QString rest = text;
            for (const QString &p : fromProfiles)
                rest.replace(p, QStringLiteral(" "));
            for (const QString &w : allowedWords())
                rest.replace(QRegularExpression(
                                 QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(w))),
                             QStringLiteral(" "));
            rest.remove(hexNumber); // 0x01F4, 3e8: numbers, not words
            return !hasLetters(rest);
        };

        // Each English text once, with where it shows (a table column repeats one text on every row).
        QMap<QString, QStringList> english_;
        int compared = 0;
        for (auto it = german.strings.begin(); it != german.strings.end(); ++it) {
            const auto en = english.strings.constFind(it.key());
            if (en == english.strings.constEnd())
                continue;
            ++compared;
            if (*en == it.value() && !exempt(it.value()))
                english_[it.value()] << it.key();
        }
        qInfo("%d strings compared, %lld shown in German", compared, qlonglong(german.strings.size()));
        QVERIFY(compared > 100);
        // One line each: QVERIFY2 would cut a long list short.
        for (auto it = english_.begin(); it != english_.end(); ++it)
            qWarning("still English: \"%s\" at %s%s", qPrintable(it.key()), qPrintable(it.value().first()),
                     it.value().size() > 1
                         ? qPrintable(QStringLiteral(" and %1 more places").arg(it.value().size() - 1))
                         : "");
        QVERIFY2(
            english_.isEmpty(),
            qPrintable(QStringLiteral("%1 text(s) still English in the German UI (listed above: wrap them in "
                                      "tr(), run scripts/update-translations and translate)")
                           .arg(english_.size())));
    }

private:
    ProfileRegistry m_profiles;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
