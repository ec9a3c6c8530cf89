#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace pyrolink {

class DeviceSession;

/// Asks for what a commissioning report needs besides the device (the technician's name, remembered; notes;
/// how much of the chart history to show; the file) and writes the PDF from the session's current readings,
/// its configuration and its history. Then offers to open it.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReportDialog(DeviceSession *session, QWidget *parent = nullptr);

    /// The chart windows offered, in minutes: 1, 10, 60.
    static QList<int> windowMinutes();
    /// The chosen chart window in milliseconds.
    qint64 chartWindowMs() const;
    /// "Commissioning report CTratio 23129999 2025-03-14.pdf" in the last folder used (Documents at first).
    QString defaultFilePath() const;

    /// Writes the report to the chosen file without asking anything (the button does this, then offers to
    /// open it). False with *error (one sentence) if it cannot.
    bool createReport(QString *error);

    QLineEdit *technicianEdit() const { return m_technician; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QComboBox *windowCombo() const { return m_window; }
    QLineEdit *fileEdit() const { return m_file; }
    QPushButton *createButton() const { return m_create; }

signals:
    /// A report was written to this file.
    void reportWritten(const QString &path);

private:
    void browse();
    void onCreate();
    void updateState();

    QPointer<DeviceSession> m_session;
    QLabel *m_device;
    QLineEdit *m_technician;
    QPlainTextEdit *m_notes;
    QComboBox *m_window;
    QLineEdit *m_file;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
};

} // namespace pyrolink
