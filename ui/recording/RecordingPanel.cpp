#include "RecordingPanel.h"

#include "common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcRecordingUi, "pyrolink.ui.recording", QtWarningMsg)

namespace pyrolink {

namespace {

constexpr int kStatusIntervalMs = 500; // rows, time and size twice a second
constexpr int kRegisterRole = Qt::UserRole + 1;

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

/// "0:01:05" for 65 000 ms.
QString formatElapsed(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// A delimiter or decimal separator as typed: one character, or "tab" / "\t" for a tab.
std::optional<QChar> parseSeparator(const QString &text)
{
    if (text == QLatin1String("\\t") || text.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0)
        return QChar(u'\t');
    if (text.size() == 1)
        return text.at(0);
    return std::nullopt;
}

QString showSeparator(QChar c)
{
    return c == u'\t' ? QStringLiteral("tab") : QString(c);
}

} // namespace

RecordingPanel::RecordingPanel(QWidget *parent) : SessionPanel(parent), m_timer(new QTimer(this))
{
    auto *left = new QVBoxLayout;
    left->addWidget(createSettingsBox());
    left->addWidget(createChannelsBox(), 1);
    auto *right = new QVBoxLayout;
    right->addWidget(createStatusBox());
    right->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    m_timer->setInterval(kStatusIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RecordingPanel::updateStatus);
    updateState();
}

RecordingPanel::~RecordingPanel() = default;

QString RecordingPanel::defaultPath(const QDateTime &when)
{
    return QDir(documentsFolder())
        .filePath(QStringLiteral("pyrolink-%1.csv").arg(when.toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
}

QWidget *RecordingPanel::createSettingsBox()
{
    auto *box = new QGroupBox(tr("File and format"), this);
    m_path = new QLineEdit(defaultPath(), box);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setToolTip(tr("The CSV file to record to. A relative name is placed in your documents folder."));
    m_browse = new QPushButton(tr("&Browse…"), box);
    m_browse->setObjectName(QStringLiteral("browse"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    m_format = new QComboBox(box);
    m_format->setObjectName(QStringLiteral("format"));
    const CsvOptions system = CsvOptions::forLocale(QLocale());
    m_format->addItem(
        tr("System locale (%1): “%2” between fields, “%3” for decimals")
            .arg(QLocale().name(), showSeparator(system.delimiter), showSeparator(system.decimalSeparator)));
    m_format->addItem(tr("English: “,” between fields, “.” for decimals"));
    m_format->addItem(tr("German: “;” between fields, “,” for decimals"));
    m_format->addItem(tr("Custom"));
    m_format->setToolTip(tr("Spreadsheets expect the separators of their language: a German Excel opens "
                            "“;” and “,” as a table, an English one “,” and “.”."));

    m_delimiter = new QLineEdit(box);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_decimal = new QLineEdit(box);
    m_decimal->setObjectName(QStringLiteral("decimal"));
    for (QLineEdit *edit : {m_delimiter, m_decimal}) {
        edit->setMaxLength(3);
        edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("tab")) * 3);
        edit->setToolTip(tr("One character; “tab” for a tab."));
    }
    m_separators = new QWidget(box);
    auto *separators = new QHBoxLayout(m_separators);
    separators->setContentsMargins(0, 0, 0, 0);
    separators->addWidget(new QLabel(tr("Between fields:"), box));
    separators->addWidget(m_delimiter);
    separators->addSpacing(12);
    separators->addWidget(new QLabel(tr("Decimals:"), box));
    separators->addWidget(m_decimal);
    separators->addStretch();

    m_utc = new QCheckBox(tr("Timestamps in UTC instead of local time"), box);
    m_utc->setObjectName(QStringLiteral("utc"));

    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *pathLabel = new QLabel(tr("Fil&e:"), box);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(QString(), m_separators);
    form->addRow(QString(), m_utc);

    connect(m_browse, &QPushButton::clicked, this, &RecordingPanel::browse);
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_pathIsDefault = false;
        m_confirmedPath.clear();
    });
    // The presets name their separators in the list; only Custom needs the fields to type them.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, form](int format) {
        CsvOptions o;
        if (format == SystemLocale)
            o = CsvOptions::forLocale(QLocale());
        else if (format == German)
            o = CsvOptions::forLocale(QLocale(QLocale::German, QLocale::Germany));
        if (format != Custom) {
            m_delimiter->setText(showSeparator(o.delimiter));
            m_decimal->setText(showSeparator(o.decimalSeparator));
        }
        const bool editable = format == Custom && !(m_session && m_session->isRecording());
        m_delimiter->setEnabled(editable);
        m_decimal->setEnabled(editable);
        form->setRowVisible(m_separators, format == Custom);
    });
    m_format->setCurrentIndex(English);
    m_format->setCurrentIndex(SystemLocale);
    return box;
}

QWidget *RecordingPanel::createChannelsBox()
{
    auto *box = new QGroupBox(tr("Channels"), this);
    m_channels = new QListWidget(box);
    m_channels->setObjectName(QStringLiteral("channels"));
    m_channels->setUniformItemSizes(true);
    m_channelsNote = new QLabel(box);
    m_channelsNote->setWordWrap(true);
    m_channelsNote->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_channels, 1);
    layout->addWidget(m_channelsNote);
    connect(m_channels, &QListWidget::itemChanged, this, &RecordingPanel::applyChannels);
    return box;
}

QWidget *RecordingPanel::createStatusBox()
{
    auto *box = new QGroupBox(tr("Recording"), this);
    m_toggle = new QPushButton(box);
    m_toggle->setObjectName(QStringLiteral("toggleRecording"));
    m_toggle->setMinimumHeight(m_toggle->sizeHint().height() * 3 / 2);
    QFont bold = m_toggle->font();
    bold.setBold(true);
    m_toggle->setFont(bold);
    m_state = new QLabel(box);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->setFont(bold);

    auto value = [box](const char *name) {
        auto *label = new QLabel(box);
        label->setObjectName(QLatin1String(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_file = value("file");
    m_rows = value("rows");
    m_elapsed = value("elapsed");
    m_size = value("size");
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("Rows:"), m_rows);
    form->addRow(tr("Time:"), m_elapsed);
    form->addRow(tr("Size:"), m_size);

    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_openFolder = new QPushButton(tr("O&pen folder"), box);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setToolTip(tr("Show the folder of the last recording in the file manager."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_openFolder);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_toggle);
    layout->addWidget(m_state);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_toggle, &QPushButton::clicked, this, &RecordingPanel::toggleRecording);
    // A shortcut of its own: a button's setText() replaces the button's shortcut with the text's mnemonic.
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    connect(shortcut, &QShortcut::activated, m_toggle, &QPushButton::click);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (m_session)
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(QFileInfo(m_session->recorder().path()).absolutePath()));
    });
    return box;
}

std::optional<CsvOptions> RecordingPanel::options(QString *error) const
{
    auto fail = [error](const QString &message) -> std::optional<CsvOptions> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const std::optional<QChar> delimiter = parseSeparator(m_delimiter->text());
    const std::optional<QChar> decimal = parseSeparator(m_decimal->text());
    if (!delimiter || !decimal)
        return fail(tr("The separators must be one character each (or “tab”)."));
    if (*delimiter == *decimal)
        return fail(tr("Fields and decimals need different separators; a number would split in two."));
    for (QChar c : {*delimiter, *decimal})
        if (c == u'"' || c.isDigit() || c == u'-' || c == u'\r' || c == u'\n')
            return fail(tr("“%1” cannot be a separator: it appears in quoted text or in numbers.").arg(c));
    CsvOptions o;
    o.delimiter = *delimiter;
    o.decimalSeparator = *decimal;
    o.utcTimestamps = m_utc->isChecked();
    return o;
}

void RecordingPanel::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Record to"), m_path->text(),
                                                        tr("CSV files (*.csv);;All files (*)"));
    if (chosen.isEmpty())
        return;
    QString path = chosen;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(".csv");
    m_path->setText(QDir::toNativeSeparators(path));
    m_pathIsDefault = false;
    // The dialog asked about replacing the file it returned, not one we added a suffix to.
    m_confirmedPath = path == chosen ? QFileInfo(path).absoluteFilePath() : QString();
}

void RecordingPanel::toggleRecording()
{
    if (!m_session)
        return;
    if (m_session->isRecording()) {
        m_session->stopRecording();
        return;
    }
    QString error;
    if (!options(&error)) {
        showMessage(error, true);
        return;
    }
    if (m_session->historyChannels().isEmpty()) {
        showMessage(tr("Choose at least one channel to record."), true);
        return;
    }
    if (m_pathIsDefault) {
        // A fresh name for each recording, never one that exists: two recordings in one minute both survive.
        QString path = defaultPath();
        for (int n = 2; QFileInfo::exists(path); ++n)
            path = defaultPath().replace(QLatin1String(".csv"), QStringLiteral("-%1.csv").arg(n));
        m_path->setText(QDir::toNativeSeparators(path));
    }
    const QString typed = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (typed.isEmpty()) {
        showMessage(tr("Choose a file to record to."), true);
        return;
    }
    const QString path = QFileInfo(QDir(documentsFolder()), typed).absoluteFilePath();
    if (QFileInfo(path).isDir()) {
        showMessage(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)), true);
        return;
    }
    if (!QFileInfo::exists(path) || path == m_confirmedPath) {
        start(path);
        return;
    }
    // Opened, not exec()'d: the device keeps being polled while the question waits.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Replace file"),
        tr("%1 already exists. Replace it with the new recording?").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmOverwrite"));
    box->button(QMessageBox::Yes)->setText(tr("Replace"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<DeviceSession> session = m_session;
    connect(box, &QMessageBox::finished, this, [this, box, path, session] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes && session &&
            session == m_session && !session->isRecording())
            start(path);
    });
    box->open();
}

void RecordingPanel::start(const QString &path)
{
    QString error;
    const std::optional<CsvOptions> o = options(&error);
    if (!o) {
        showMessage(error, true);
        return;
    }
    // The suggested folder may not exist yet on a fresh account; a folder the user named must exist.
    const QString folder = QFileInfo(path).absolutePath();
    if (folder == QDir(documentsFolder()).absolutePath())
        QDir().mkpath(folder);
    // A failed start leaves the recorder naming the path it tried: not a recording to report on.
    m_showLast = false;
    if (!m_session->startRecording(path, *o, &error)) {
        qCInfo(lcRecordingUi).noquote() << error;
        showMessage(error, true);
        updateState();
        return;
    }
    m_showLast = true;
    m_confirmedPath.clear();
    showMessage({}, false);
}

void RecordingPanel::sessionChanged()
{
    if (m_connected) {
        disconnect(m_connected, nullptr, this, nullptr);
        disconnect(&m_connected->recorder(), nullptr, this, nullptr);
    }
    m_connected = m_session;
    if (m_session) {
        connect(m_session, &DeviceSession::recordingChanged, this, &RecordingPanel::updateState);
        connect(&m_session->recorder(), &CsvRecorder::error, this, &RecordingPanel::onRecorderError);
    }
    m_showLast = m_session && m_session->isRecording();
    showMessage({}, false);
    fillChannels();
    updateState();
}

void RecordingPanel::showEvent(QShowEvent *event)
{
    SessionPanel::showEvent(event);
    // A chart may have changed the session's channels meanwhile.
    fillChannels();
    updateState();
}

void RecordingPanel::fillChannels()
{
    const QSignalBlocker blocker(m_channels);
    m_channels->clear();
    if (!m_session) {
        m_channelsNote->setText(tr("No device selected."));
        return;
    }
    const QList<const RegisterDef *> chosen = m_session->historyChannels();
    const DevicePoller *poller = m_session->poller();
    for (const RegisterDef *def : poller->registers()) {
        if (!def->isNumeric())
            continue;
        const QString unit = displayUnit(m_session->profile(), *def, poller->readings());
        auto *item =
            new QListWidgetItem(unit.isEmpty() ? def->name : QStringLiteral("%1 [%2]").arg(def->name, unit));
        item->setData(kRegisterRole, QVariant::fromValue(static_cast<const void *>(def)));
        item->setToolTip(QStringLiteral("%1 · %2 %3").arg(def->id, tableName(def->table)).arg(def->address));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(chosen.contains(def) ? Qt::Checked : Qt::Unchecked);
        m_channels->addItem(item);
    }
    m_channelsNote->setText(
        tr("%1 of %2 channels checked: one column each in the file. Checked channels are read every poll "
           "cycle, and charted too.")
            .arg(chosen.size())
            .arg(m_channels->count()));
}

void RecordingPanel::applyChannels()
{
    if (!m_session || m_session->isRecording())
        return;
    QList<const RegisterDef *> chosen;
    for (int i = 0; i < m_channels->count(); ++i) {
        const QListWidgetItem *item = m_channels->item(i);
        if (item->checkState() == Qt::Checked)
            chosen.append(static_cast<const RegisterDef *>(item->data(kRegisterRole).value<const void *>()));
    }
    m_session->setHistoryChannels(chosen);
    fillChannels(); // the session may refuse some; show what it took
}

void RecordingPanel::updateState()
{
    const bool recording = m_session && m_session->isRecording();
    m_toggle->setEnabled(!m_session.isNull());
    m_toggle->setText(recording ? tr("Stop recording") : tr("Start recording"));
    m_toggle->setToolTip(
        recording ? tr("Stop and close the file (Ctrl+R).")
                  : tr("Record the checked channels to the file, one row per poll cycle (Ctrl+R)."));
    for (QWidget *w :
         {static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_format),
          static_cast<QWidget *>(m_utc), static_cast<QWidget *>(m_channels)})
        w->setEnabled(!recording && m_session);
    const bool custom = m_format->currentIndex() == Custom;
    m_delimiter->setEnabled(!recording && custom);
    m_decimal->setEnabled(!recording && custom);
    if (recording)
        m_timer->start();
    else
        m_timer->stop();
    if (!recording && m_pathIsDefault)
        m_path->setText(QDir::toNativeSeparators(defaultPath())); // the time of day moves on, and so the name
    updateStatus();
}

void RecordingPanel::updateStatus()
{
    const QLocale locale;
    const CsvRecorder *recorder = m_session ? &m_session->recorder() : nullptr;
    const bool recording = recorder && recorder->isOpen();
    const bool recorded = recording || (recorder && m_showLast);
    if (recording) {
        m_state->setText(tr("● Recording"));
        m_state->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor()));
    } else {
        m_state->setText(recorded ? tr("Stopped") : tr("Not recording"));
        m_state->setStyleSheet({});
    }
    const QString none = tr("—");
    m_file->setText(recorded ? QDir::toNativeSeparators(recorder->path()) : none);
    m_rows->setText(recorded ? locale.toString(recorder->rows()) : none);
    m_elapsed->setText(recorded ? formatElapsed(recorder->elapsedMs()) : none);
    m_size->setText(recorded ? locale.formattedDataSize(recorder->bytesWritten()) : none);
    m_openFolder->setVisible(recorded && !recording);
}

void RecordingPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(Theme::errorColor()) : QString());
    m_message->setVisible(!text.isEmpty());
}

void RecordingPanel::onRecorderError(const QString &message)
{
    // The recorder has stopped itself (disk full, share gone); the session does not announce that.
    showMessage(message, true);
    updateState();
}

} // namespace pyrolink
