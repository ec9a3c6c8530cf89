#pragma once

#include "common/SessionPanel.h"
#include "record/CsvRecorder.h"

#include <QDateTime>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace pyrolink {

/// Starts and stops CSV recording of the selected device: the file, its format (delimiter and decimal
/// separator for the spreadsheet that will open it), the channels, and while it runs the rows, time and size.
/// The recording belongs to the session and goes on when another device or tab is shown.
class RecordingPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit RecordingPanel(QWidget *parent = nullptr);
    ~RecordingPanel() override;

    /// Format presets, in the order of the format choice.
    enum Format { SystemLocale, English, German, Custom };

    /// Stops a running recording, or starts one to the path shown (asking first if the file exists).
    void toggleRecording();
    /// "pyrolink-2026-11-21-0612.csv" in the documents folder: a fresh name for a recording started at @p
    /// when.
    static QString defaultPath(const QDateTime &when = QDateTime::currentDateTime());
    /// The CSV options of the chosen format, or nullopt with *error (one sentence) if they cannot work.
    std::optional<CsvOptions> options(QString *error = nullptr) const;

protected:
    void sessionChanged() override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createSettingsBox();
    QWidget *createChannelsBox();
    QWidget *createStatusBox();
    void browse();
    void start(const QString &path);
    void updateState();
    void updateStatus();
    void fillChannels();
    void applyChannels();
    void showMessage(const QString &text, bool error);
    void onRecorderError(const QString &message);

    QPointer<DeviceSession> m_connected; ///< the session whose signals we listen to
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    bool m_pathIsDefault = true; ///< the path is our suggestion, not the user's: renew it for each recording
    bool m_showLast = false;     ///< the session's last recording was started here: show its summary
    QString m_confirmedPath;     ///< chosen in the save dialog, which already asked about replacing it
    QComboBox *m_format = nullptr;
    QWidget *m_separators = nullptr; ///< the Custom format's delimiter and decimal fields
    QLineEdit *m_delimiter = nullptr;
    QLineEdit *m_decimal = nullptr;
    QCheckBox *m_utc = nullptr;
    QListWidget *m_channels = nullptr;
    QLabel *m_channelsNote = nullptr;
    QPushButton *m_toggle = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_rows = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_openFolder = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace pyrolink
