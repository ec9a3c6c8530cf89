#include "ReportDialog.h"

#include "CommissioningReport.h"
#include "ReportData.h"
#include "session/DeviceSession.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>

namespace pyrolink {

namespace {
const QString kTechnicianKey = QStringLiteral("report/technician");
const QString kWindowKey = QStringLiteral("report/chartWindowMinutes");
const QString kFolderKey = QStringLiteral("report/folder");
} // namespace

ReportDialog::ReportDialog(DeviceSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_device(new QLabel(this)), m_technician(new QLineEdit(this)),
      m_notes(new QPlainTextEdit(this)), m_window(new QComboBox(this)), m_file(new QLineEdit(this)),
      m_hint(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Commissioning report"));
    QSettings settings;

    m_device->setTextFormat(Qt::PlainText);
    m_device->setWordWrap(true);
    QFont bold = m_device->font();
    bold.setBold(true);
    m_device->setFont(bold);
    m_device->setText(session ? session->title() : QString());

    m_technician->setText(settings.value(kTechnicianKey).toString());
    m_technician->setPlaceholderText(tr("Printed above the signature line"));
    m_notes->setPlaceholderText(tr("What was installed, adjusted and checked; anything left to do."));
    m_notes->setTabChangesFocus(true);

    for (int minutes : windowMinutes())
        m_window->addItem(minutes == 1 ? tr("Last minute") : tr("Last %1 minutes").arg(minutes), minutes);
    const int remembered = m_window->findData(settings.value(kWindowKey, 10).toInt());
    m_window->setCurrentIndex(remembered >= 0 ? remembered : 1);

    m_file->setText(QDir::toNativeSeparators(defaultFilePath()));
    auto *browseButton = new QToolButton(this);
    browseButton->setText(tr("Browse…"));
    connect(browseButton, &QToolButton::clicked, this, &ReportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);

    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("&Technician:"), m_technician);
    form->addRow(tr("&Notes:"), m_notes);
    form->addRow(tr("&Chart:"), m_window);
    form->addRow(tr("&File:"), fileRow);

    m_create = m_buttons->addButton(tr("Create PDF"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, &ReportDialog::onCreate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_file, &QLineEdit::textChanged, this, &ReportDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    resize(560, 480);

    if (session) {
        // The configuration is read once per connection; read it again now, so that the report shows what the
        // device holds after this visit's changes, including any made on the device's own keys.
        session->poller()->requestRead(
            ReportData::configurationRegisters(session->profile(), session->model()));
        connect(session->poller(), &DevicePoller::stateChanged, this, &ReportDialog::updateState);
        connect(session, &QObject::destroyed, this, &ReportDialog::updateState);
    }
    updateState();
}

QList<int> ReportDialog::windowMinutes()
{
    return {1, 10, 60};
}

qint64 ReportDialog::chartWindowMs() const
{
    return qint64(m_window->currentData().toInt()) * 60 * 1000;
}

QString ReportDialog::defaultFilePath() const
{
    QString folder = QSettings().value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QStringList parts{tr("Commissioning report")};
    if (m_session) {
        const Profile &profile = m_session->profile();
        const ModelDef *model = profile.model(m_session->model());
        parts << (model ? model->name : profile.name);
        if (const Reading *serial =
                m_session->poller()->reading(profile.identity.value(QStringLiteral("serial"))))
            parts << ReportData::formatReading(*serial);
    }
    parts << QDate::currentDate().toString(Qt::ISODate);
    parts.removeAll(QString());
    // Characters that some file system refuses ("CT / CTlaser", "a:b") become spaces.
    QString name = parts.join(QLatin1Char(' '));
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]+")), QStringLiteral(" "));
    name = name.simplified();
    return QDir(folder).filePath(name + QStringLiteral(".pdf"));
}

bool ReportDialog::createReport(QString *error)
{
    if (!m_session) {
        *error = tr("The device was closed.");
        return false;
    }
    QString path = QDir::fromNativeSeparators(m_file->text().trimmed());
    if (path.isEmpty()) {
        *error = tr("Choose a file for the report.");
        return false;
    }
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    ReportData data = ReportData::fromSession(*m_session, chartWindowMs());
    data.technician = m_technician->text().trimmed();
    data.notes = m_notes->toPlainText();
    CommissioningReport report(std::move(data));
    if (!report.write(path, error))
        return false;
    QSettings settings;
    settings.setValue(kTechnicianKey, m_technician->text().trimmed());
    settings.setValue(kWindowKey, m_window->currentData());
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    m_file->setText(QDir::toNativeSeparators(path));
    emit reportWritten(path);
    return true;
}

void ReportDialog::browse()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save commissioning report"),
                                     QDir::fromNativeSeparators(m_file->text()), tr("PDF documents (*.pdf)"));
    if (!path.isEmpty())
        m_file->setText(QDir::toNativeSeparators(path));
}

void ReportDialog::onCreate()
{
    QString error;
    if (!createReport(&error)) {
        QMessageBox::warning(this, windowTitle(), error);
        return;
    }
    const QString path = QDir::fromNativeSeparators(m_file->text());
    accept();
    const auto answer = QMessageBox::question(
        parentWidget(), windowTitle(),
        tr("The report was saved as %1. Open it now?").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Open | QMessageBox::Close, QMessageBox::Open);
    if (answer == QMessageBox::Open && !QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        QMessageBox::information(parentWidget(), windowTitle(),
                                 tr("No program to show PDF files could be started; the report is at %1.")
                                     .arg(QDir::toNativeSeparators(path)));
}

void ReportDialog::updateState()
{
    const bool open = !m_session.isNull();
    m_create->setEnabled(open && !m_file->text().trimmed().isEmpty());
    if (!open)
        m_hint->setText(tr("The device was closed; there is nothing to report."));
    else if (m_session->poller()->state() != DevicePoller::State::Connected)
        m_hint->setText(tr("The device is not connected: the report will show the values last read, marked "
                           "as such."));
    else
        m_hint->setText(tr("The report lists the device's identity, its readings now, every writable setting "
                           "and a chart of the measurements shown on the Live tab."));
}

} // namespace pyrolink
