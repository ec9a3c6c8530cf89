#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace pyrolink::cli {

/// `pyrolink-cli report`: reads a device's identity and configuration, polls its measurements for a while and
/// writes a commissioning report as PDF (see docs/commissioning-report.md).
class ReportCommand
{
public:
    static int run(const QStringList &args);

    /// The application pyrolink-cli runs in: for `report` a QGuiApplication on the offscreen platform (the
    /// PDF needs fonts, which only a GUI application has; no display is used), for every other command a
    /// plain QCoreApplication with no platform plugin at all.
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);
};

} // namespace pyrolink::cli
