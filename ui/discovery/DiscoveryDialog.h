#pragma once

#include "discovery/DiscoveredDevice.h"
#include "modbus/ConnectionSettings.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace pyrolink {

class DeviceManager;
class DeviceSession;
class DiscoveryMethod;
class DiscoveryResultsModel;
class DiscoveryResultsSortModel;
class Profile;
class ProfileRegistry;

/// The Discovery view: finds the Modbus devices on a network (TCP sweep) or a serial line (RTU bus scan)
/// with the same engine as `pyrolink-cli discover` (core/discovery, docs/discovery.md). Results appear as
/// they are found, in the CLI's columns; they can be exported to CSV, and a double-click (or Open) adds the
/// device to the DeviceManager with its suggested profile and model, so the main window shows it.
///
/// Non-modal and asynchronous: Start returns at once, the scan runs in the event loop, Cancel (or closing
/// the dialog) stops it and keeps what was found. Nothing is scanned until Start is pressed.
class DiscoveryDialog : public QDialog
{
    Q_OBJECT
public:
    DiscoveryDialog(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent = nullptr);
    ~DiscoveryDialog() override;

    /// True while a scan runs.
    bool isRunning() const;
    /// The devices found by the last scan, in the order they were found.
    DiscoveryResultsModel *results() const { return m_results; }
    /// The text of the message line: the last error (one sentence) or what the last scan did.
    QString message() const;

    /// Writes the results, in the order the table shows them, as CSV (DiscoveredDevice::writeCsv). False
    /// when the file cannot be written; the reason is shown in the dialog.
    bool exportCsv(const QString &path);
    /// Adds the device of a row of the table (a row of the view, as sorted) to the DeviceManager. When the
    /// scan suggested no profile or no model, asks for them first and adds the device once answered.
    /// Returns the new session, or nullptr when it asks, or on an error (shown in the dialog).
    DeviceSession *openRow(int viewRow);

public slots:
    /// Starts a scan with what the form says. A usage error (a malformed range, too many addresses) is shown
    /// as one sentence and nothing is sent.
    void start();
    /// Stops a running scan; what was found stays in the table.
    void cancel();
    /// Asks for a file name and exports the results there.
    void exportCsvAs();
    /// Opens the device of the selected row.
    void openSelected();

signals:
    /// The scan ended: `complete` is false when it was cancelled or could not run.
    void scanFinished(bool complete);
    /// A found device was added to the DeviceManager.
    void deviceOpened(pyrolink::DeviceSession *session);

protected:
    /// Closing the dialog (Close, Escape, the window's close button) cancels a running scan.
    void done(int result) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createNetworkPage();
    QWidget *createSerialPage();
    bool isSerialMode() const;
    void fitColumns(bool allowShrink);
    void updateButtons();
    void showMessage(const QString &text, bool isError);
    void onProgress(int done, int total);
    void onFinished();
    void updateProgressText();
    /// The profiles whose identity registers are tried, as the CLI does: optris-ct first, then every other
    /// profile with identity registers that speaks the transport.
    QList<std::shared_ptr<const Profile>> candidateProfiles(const QString &transport) const;
    /// The first profile that speaks the transport, for a device whose profile was not recognised.
    std::shared_ptr<const Profile> fallbackProfile(const QString &transport) const;
    void askProfileAndOpen(const DiscoveredDevice &device, const ConnectionSettings &settings);
    DeviceSession *openWith(const ConnectionSettings &settings, std::shared_ptr<const Profile> profile,
                            const QString &model);
    ConnectionSettings settingsFor(const DiscoveredDevice &device) const;

    DeviceManager *m_devices;
    ProfileRegistry *m_profiles;

    QComboBox *m_mode;
    QStackedWidget *m_pages;
    // Network
    QLineEdit *m_range = nullptr;
    QLineEdit *m_ports = nullptr;
    QSpinBox *m_tcpTimeout = nullptr;
    QSpinBox *m_concurrency = nullptr;
    // Serial line
    QComboBox *m_serialPort = nullptr;
    QComboBox *m_baud = nullptr;
    QComboBox *m_parity = nullptr;
    QComboBox *m_stopBits = nullptr;
    QLineEdit *m_units = nullptr;
    QSpinBox *m_rtuTimeout = nullptr;

    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_message;
    QTableView *m_view;
    DiscoveryResultsModel *m_results;
    DiscoveryResultsSortModel *m_sorted;
    QPushButton *m_export;
    QPushButton *m_open;

    QPointer<DiscoveryMethod> m_method;
    /// What the running (or last) scan was: for progress text and for opening RTU devices with the line's
    /// baud rate, parity and stop bits.
    QString m_methodId;
    ConnectionSettings m_serialSettings;
    /// What the progress counts (addresses, address and port pairs, unit ids), for its text.
    enum class Counting { Items, Addresses, Targets, Units };
    Counting m_counting = Counting::Items;
    int m_done = 0;
    int m_total = 0;
    bool m_cancelled = false;
    bool m_failed = false;
    bool m_messageIsError = false;
    QElapsedTimer m_clock;
};

} // namespace pyrolink
