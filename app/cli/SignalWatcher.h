#pragma once

#include <QObject>

namespace pyrolink::cli {

/// Turns SIGINT/SIGTERM (Ctrl+C / Ctrl+Break on Windows) into a Qt signal delivered in the event loop,
/// so a long-running command shuts down cleanly instead of being killed mid-write.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void interrupted();
};

} // namespace pyrolink::cli
