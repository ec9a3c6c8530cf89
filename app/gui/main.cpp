// pyrolink: the desktop application. Opens the device named on the command line, or the built-in simulated
// pyrometer when none is named.
#include "MainWindow.h"
#include "common/Language.h"
#include "common/Theme.h"
#include "devices/DevicesPanel.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

using namespace pyrolink;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Pyrolink"));
    QApplication::setOrganizationName(QStringLiteral("Pyrolink"));
    QApplication::setApplicationVersion(QStringLiteral(PYROLINK_VERSION));
    // Installers: ties the windows to the installed .desktop file (Wayland app id, taskbar icon).
    QApplication::setDesktopFileName(QStringLiteral("io.github.pyrolink.Pyrolink"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Commission and diagnose Optris pyrometers and Modbus devices. "
                       "With no device named, opens the built-in simulated pyrometer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("host"), QStringLiteral("Connect to this Modbus TCP device."),
         QStringLiteral("host")},
        {QStringLiteral("port"), QStringLiteral("Modbus TCP port (default: the profile's, usually 502)."),
         QStringLiteral("port")},
        {QStringLiteral("serial"), QStringLiteral("Connect over Modbus RTU on this serial port."),
         QStringLiteral("port")},
        {QStringLiteral("baud"), QStringLiteral("RTU baud rate (default: the profile's, else 115200)."),
         QStringLiteral("rate")},
        {QStringLiteral("unit"), QStringLiteral("Unit id (default: the profile's, usually 1)."),
         QStringLiteral("id")},
        {QStringLiteral("profile"), QStringLiteral("Device profile (default optris-ct)."),
         QStringLiteral("id"), QStringLiteral("optris-ct")},
        {QStringLiteral("model"), QStringLiteral("Model variant (default: the profile's first)."),
         QStringLiteral("model")},
        {QStringLiteral("profile-dir"), QStringLiteral("Also load profiles from this folder."),
         QStringLiteral("dir")},
        {QStringLiteral("theme"), QStringLiteral("light or dark (default: as last chosen)."),
         QStringLiteral("name")},
        {QStringLiteral("language"),
         QStringLiteral("en, de or system (default: as chosen in View › Language, else the system's)."),
         QStringLiteral("code")},
        {QStringLiteral("tab"),
         QStringLiteral("Open on this tab: live, configuration, diagnostics, recording."),
         QStringLiteral("name")},
        {QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the main window to FILE and exit."),
         QStringLiteral("file")},
        {QStringLiteral("screenshot-delay"),
         QStringLiteral("Wait this long before the screenshot (default 2500)."), QStringLiteral("ms"),
         QStringLiteral("2500")},
    });
    parser.process(app);

    // i18n: before the first widget is made, since tr() runs in the constructors.
    const QString language = parser.isSet(QStringLiteral("language"))
                                 ? parser.value(QStringLiteral("language"))
                                 : Language::choice();
    Language::install(Language::resolve(language));
    // The application icon for every window; the files are the PNGs scripts/make-icons renders from the SVG.
    QIcon icon;
    for (int size : {16, 32, 48, 128, 256})
        icon.addFile(QStringLiteral(":/icons/pyrolink-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QSettings settings;
    Theme::apply(Theme::fromName(parser.isSet(QStringLiteral("theme"))
                                     ? parser.value(QStringLiteral("theme"))
                                     : settings.value(QStringLiteral("ui/theme")).toString()));

    ProfileRegistry profiles;
    profiles.loadDefault(parser.values(QStringLiteral("profile-dir")));
    const auto profile = profiles.find(parser.value(QStringLiteral("profile")));
    if (!profile)
        return fail(
            QStringLiteral("There is no profile \"%1\".").arg(parser.value(QStringLiteral("profile"))));
    const QString model = parser.isSet(QStringLiteral("model")) ? parser.value(QStringLiteral("model"))
                                                                : profile->defaultModel();
    if (!profile->models.isEmpty() && !profile->hasModel(model))
        return fail(QStringLiteral("Profile %1 has no model \"%2\".").arg(profile->id, model));

    DeviceManager devices;
    MainWindow window(&devices, &profiles);
    for (const QString &e : profiles.errors())
        window.statusBar()->showMessage(e, 10000);

    std::unique_ptr<DeviceSession> session;
    QString error;
    if (parser.isSet(QStringLiteral("host")) || parser.isSet(QStringLiteral("serial"))) {
        ConnectionSettings s;
        s.unit = parser.isSet(QStringLiteral("unit")) ? parser.value(QStringLiteral("unit")).toInt()
                                                      : profile->defaultUnit;
        if (parser.isSet(QStringLiteral("serial"))) {
            s.transport = ConnectionSettings::Transport::Rtu;
            s.serialPort = parser.value(QStringLiteral("serial"));
            if (QFileInfo::exists(s.serialPort))
                s.serialPort = QFileInfo(s.serialPort).absoluteFilePath();
            s.baud = parser.isSet(QStringLiteral("baud"))
                         ? parser.value(QStringLiteral("baud")).toInt()
                         : (profile->defaultBaud ? profile->defaultBaud : 115200);
            s.parity = profile->defaultParity;
            s.stopBits = profile->defaultStopBits;
        } else {
            s.host = parser.value(QStringLiteral("host"));
            s.port = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toInt()
                                                          : profile->defaultPort;
        }
        session = std::make_unique<DeviceSession>(profile, model, s);
    } else {
        session = DeviceSession::simulated(profile, model, &error);
        if (!session)
            return fail(error);
    }
    devices.add(std::move(session));

    if (parser.isSet(QStringLiteral("tab")) && !window.showTab(parser.value(QStringLiteral("tab"))))
        return fail(QStringLiteral("--tab must be one of %1.")
                        .arg(MainWindow::tabNames().join(QStringLiteral(", "))));
    window.show();

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString file = parser.value(QStringLiteral("screenshot"));
        QTimer::singleShot(
            parser.value(QStringLiteral("screenshot-delay")).toInt(), &window, [&window, file] {
                const bool ok = window.grab().save(file, "PNG");
                if (!ok)
                    std::fprintf(stderr, "Could not save the screenshot to %s.\n", qPrintable(file));
                QApplication::exit(ok ? 0 : 1);
            });
    }
    return QApplication::exec();
}
