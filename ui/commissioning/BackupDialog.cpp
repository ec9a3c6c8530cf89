#include "BackupDialog.h"

#include "commissioning/AutoBackup.h"
#include "common/Theme.h"
#include "session/DeviceSession.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pyrolink {

namespace {

QString withUnit(const QString &text, const QString &unit)
{
    return unit.isEmpty() || text.isEmpty() ? text : text + QLatin1Char(' ') + unit;
}

QString stateText(DiffState state)
{
    switch (state) {
    case DiffState::Same:
        return BackupDialog::tr("Same");
    case DiffState::Different:
        return BackupDialog::tr("Different");
    case DiffState::Missing:
        break;
    }
    return BackupDialog::tr("Not compared");
}

QString resultText(RestoreStatus status)
{
    switch (status) {
    case RestoreStatus::Verified:
        return BackupDialog::tr("Written, verified");
    case RestoreStatus::Written:
        return BackupDialog::tr("Written, not read back");
    case RestoreStatus::Mismatch:
        return BackupDialog::tr("Mismatch");
    case RestoreStatus::Error:
        return BackupDialog::tr("Error");
    case RestoreStatus::Same:
        return BackupDialog::tr("Already the same");
    case RestoreStatus::Skipped:
        return BackupDialog::tr("Skipped");
    case RestoreStatus::NotWritten:
        break;
    }
    return BackupDialog::tr("Not written");
}

QString resultColor(RestoreStatus status)
{
    switch (status) {
    case RestoreStatus::Verified:
        return Theme::goodColor();
    case RestoreStatus::Written:
    case RestoreStatus::NotWritten:
        return Theme::staleColor();
    case RestoreStatus::Mismatch:
    case RestoreStatus::Error:
        return Theme::errorColor();
    case RestoreStatus::Same:
    case RestoreStatus::Skipped:
        break;
    }
    return {};
}

} // namespace

BackupDialog::BackupDialog(DeviceSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_profile(session ? session->profilePtr() : nullptr),
      m_model(session ? session->model() : QString()), m_device(new QLabel(this)),
      m_fileInfo(new QLabel(this)), m_notice(new QLabel(this)),
      m_otherModel(new QCheckBox(tr("Restore anyway: only the registers both models share"), this)),
      m_showSame(new QCheckBox(tr("Show registers that are the same"), this)),
      m_table(new QTableWidget(0, ColumnCount, this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_backupButton(new QPushButton(tr("&Back up to file…"), this)),
      m_openButton(new QPushButton(tr("Restore &from file…"), this)),
      m_restoreButton(new QPushButton(tr("&Restore"), this))
{
    setWindowTitle(tr("Backup and restore"));
    m_device->setText(session ? session->title() : tr("No device"));
    QFont bold = m_device->font();
    bold.setBold(true);
    m_device->setFont(bold);
    m_device->setTextFormat(Qt::PlainText);
    for (QLabel *l : {m_fileInfo, m_notice, m_status}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
    }
    m_fileInfo->setText(tr("Back up every writable register of the device to a file, or choose a backup to "
                           "compare it with the device and restore it."));
    m_notice->hide();
    m_otherModel->hide();
    connect(m_otherModel, &QCheckBox::toggled, this, &BackupDialog::compare);
    connect(m_showSame, &QCheckBox::toggled, this, &BackupDialog::fillTable);

    m_table->setHorizontalHeaderLabels({tr("Register"), tr("Device"), tr("File"), tr("State"), tr("Result")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    // Values next to their names; the last visible column (state, or result after a restore) takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setColumnHidden(ResultColumn, true);
    m_table->hide(); // until there is something to compare

    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(200);
    m_progress->hide();

    connect(m_backupButton, &QPushButton::clicked, this, &BackupDialog::chooseBackupFile);
    connect(m_openButton, &QPushButton::clicked, this, &BackupDialog::chooseRestoreFile);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_backupButton);
    actions->addWidget(m_openButton);
    actions->addStretch(1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_restoreButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_restoreButton->setEnabled(false);
    m_restoreButton->setDefault(true);
    // Restoring keeps the dialog open: the results are shown in the table.
    connect(m_restoreButton, &QPushButton::clicked, this, &BackupDialog::restore);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_device);
    layout->addLayout(actions);
    layout->addWidget(m_fileInfo);
    layout->addWidget(m_otherModel);
    layout->addWidget(m_table, 100);
    layout->addWidget(m_showSame);
    layout->addWidget(m_notice);
    layout->addLayout(statusRow);
    layout->addStretch(1); // takes the room while the table is hidden, next to nothing while it is shown
    layout->addWidget(buttons);
    m_showSame->hide();

    if (session) {
        connect(session, &DeviceSession::writeUnlockedChanged, this, &BackupDialog::updateButtons);
        connect(session, &QObject::destroyed, this, [this] {
            setStatus(tr("The device was closed."), Theme::errorColor());
            updateButtons();
        });
    }
    setMinimumWidth(560);
    resize(760, 300);
    updateButtons();
}

BackupDialog::~BackupDialog()
{
    if (m_restore)
        m_restore->cancel();
}

void BackupDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The colours of the cells come from the theme: a theme switched while the dialog is open repaints them.
    if (event->type() == QEvent::PaletteChange && m_table->rowCount() > 0)
        fillTable();
}

QString BackupDialog::statusText() const
{
    return m_status->text();
}

QString BackupDialog::noticeText() const
{
    return m_notice->isVisible() || !m_notice->text().isEmpty() ? m_notice->text() : QString();
}

void BackupDialog::setStatus(const QString &text, const QString &color)
{
    m_status->setText(text);
    m_status->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
}

void BackupDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setRange(0, 0);
    updateButtons();
}

void BackupDialog::updateButtons()
{
    const bool have = m_session && m_session->poller();
    m_backupButton->setEnabled(have && !m_busy);
    m_openButton->setEnabled(have && !m_busy);
    m_otherModel->setEnabled(!m_busy);
    int different = 0;
    for (const DiffRow &row : std::as_const(m_rows))
        different += row.state == DiffState::Different ? 1 : 0;
    const bool unlocked = have && m_session->isWriteUnlocked();
    m_restoreButton->setText(different ? tr("&Restore %n register(s)", nullptr, different) : tr("&Restore"));
    m_restoreButton->setEnabled(have && unlocked && !m_busy && different > 0 && refusal().isEmpty());

    // What to know before pressing Restore: why it cannot, the order of the writes, the lock.
    QStringList notice;
    const QString refused = m_backup ? refusal() : QString();
    if (!refused.isEmpty())
        notice << refused;
    else if (different)
        notice << ConfigRestore::notes(*m_profile, m_rows);
    if (m_backup && refused.isEmpty() && different && have && !unlocked)
        notice << tr("Writing is locked for this device: unlock it in the Configuration tab to restore.");
    m_notice->setText(notice.join(QLatin1Char(' ')));
    m_notice->setVisible(!notice.isEmpty());
    const bool locked = m_backup && refused.isEmpty() && different && have && !unlocked;
    m_notice->setStyleSheet(!refused.isEmpty() ? QStringLiteral("color: %1;").arg(Theme::errorColor())
                            : locked           ? QStringLiteral("color: %1;").arg(Theme::staleColor())
                                               : QString());
}

QString BackupDialog::refusal() const
{
    if (!m_backup || !m_profile)
        return {};
    return m_backup->checkTarget(*m_profile, m_model, m_otherModel->isChecked());
}

void BackupDialog::chooseBackupFile()
{
    if (!m_session)
        return;
    const Reading *serial = nullptr;
    if (const QString id = m_profile->identity.value(QStringLiteral("serial")); !id.isEmpty())
        serial = m_session->poller()->reading(id);
    const QString serialText =
        serial && serial->hasValue() ? QString::number(qint64(serial->value)) : QString();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(
        this, tr("Back up to file"),
        QDir(dir).filePath(AutoBackup::fileName(m_profile->id, serialText, QDateTime::currentDateTime())),
        tr("Pyrolink backups (*.json);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &BackupDialog::backupTo);
    dialog->open(); // window-modal, no nested event loop: polling goes on
}

void BackupDialog::chooseRestoreFile()
{
    if (!m_session)
        return;
    const QString dir = m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         : QFileInfo(m_path).absolutePath();
    auto *dialog =
        new QFileDialog(this, tr("Restore from file"), dir, tr("Pyrolink backups (*.json);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &BackupDialog::openForRestore);
    dialog->open();
}

void BackupDialog::backupTo(const QString &path)
{
    if (!m_session || m_busy)
        return;
    setBusy(true);
    setStatus(tr("Reading the device…"));
    QPointer<BackupDialog> self(this);
    DeviceSession *s = m_session;
    ConfigBackup::capture(
        DeviceAccess::over(s->poller()), m_profile, m_model, s->settings().describe(),
        [self, path](const ConfigBackup &backup, const QStringList &skipped) {
            if (!self)
                return;
            self->setBusy(false);
            QString error;
            if (backup.registers.isEmpty()) {
                self->setStatus(
                    tr("Nothing was saved: the device could not be read (%1).").arg(skipped.value(0)),
                    Theme::errorColor());
                return;
            }
            if (!backup.save(path, &error)) {
                self->setStatus(error, Theme::errorColor());
                return;
            }
            QString text = tr("Saved %n register(s) to %1.", nullptr, int(backup.registers.size()))
                               .arg(QDir::toNativeSeparators(path));
            if (!skipped.isEmpty())
                text += QLatin1Char(' ') + tr("%n register(s) could not be read and were left out.", nullptr,
                                              int(skipped.size()));
            self->setStatus(text, skipped.isEmpty() ? Theme::goodColor() : Theme::staleColor());
            emit self->backupSaved(path);
        });
}

void BackupDialog::openForRestore(const QString &path)
{
    if (!m_session || m_busy)
        return;
    QString error;
    auto backup = ConfigBackup::load(path, &error);
    m_results.clear();
    m_restored.clear();
    m_rows.clear();
    m_table->setColumnHidden(ResultColumn, true);
    if (!backup) {
        m_backup.reset();
        m_path.clear();
        m_fileInfo->setText(QDir::toNativeSeparators(path));
        m_table->hide();
        m_showSame->hide();
        m_otherModel->hide();
        setStatus(error, Theme::errorColor());
        updateButtons();
        emit compared();
        return;
    }
    m_backup = std::move(backup);
    m_path = path;
    QString from = m_backup->profileId;
    if (!m_backup->model.isEmpty())
        from += QLatin1Char(' ') + m_backup->model;
    if (!m_backup->serial().isEmpty())
        from += tr(", serial %1").arg(m_backup->serial());
    if (m_backup->created.isValid())
        from +=
            tr(", taken %1").arg(QLocale().toString(m_backup->created.toLocalTime(), QLocale::ShortFormat));
    m_fileInfo->setText(tr("%1: %2").arg(QFileInfo(path).fileName(), from));
    m_fileInfo->setToolTip(QDir::toNativeSeparators(path));
    m_otherModel->setChecked(false);
    m_otherModel->setVisible(m_backup->profileId == m_profile->id && m_backup->model != m_model);
    compare();
}

void BackupDialog::compare()
{
    if (!m_backup || !m_session)
        return;
    m_rows.clear();
    const QString refused = refusal();
    if (!refused.isEmpty()) {
        m_table->hide();
        m_showSame->hide();
        setStatus(QString());
        updateButtons();
        emit compared();
        return;
    }
    setBusy(true);
    setStatus(tr("Reading the device…"));
    QPointer<BackupDialog> self(this);
    DeviceAccess::over(m_session->poller())
        .read(ConfigBackup::registersToRead(*m_profile, m_model), [self](const QList<Reading> &readings) {
            if (!self || !self->m_backup)
                return;
            self->setBusy(false);
            self->m_rows = ConfigBackup::diff(*self->m_backup, *self->m_profile, self->m_model, readings);
            int same = 0, different = 0, missing = 0;
            for (const DiffRow &row : std::as_const(self->m_rows)) {
                same += row.state == DiffState::Same ? 1 : 0;
                different += row.state == DiffState::Different ? 1 : 0;
                missing += row.state == DiffState::Missing ? 1 : 0;
            }
            if (self->m_results.isEmpty()) {
                QString text = different ? tr("%n register(s) differ from the file", nullptr, different)
                                         : tr("The device holds the file's values");
                text += tr("; %n the same", nullptr, same);
                if (missing)
                    text += tr("; %n not compared", nullptr, missing);
                self->setStatus(text + QLatin1Char('.'));
            }
            self->m_table->show();
            self->m_showSame->show();
            self->fillTable();
            self->updateButtons();
            emit self->compared();
        });
}

void BackupDialog::fillTable()
{
    const bool showSame = m_showSame->isChecked();
    auto resultOf = [this](const QString &id) -> const RestoreResult * {
        for (const RestoreResult &r : std::as_const(m_results))
            if (r.id == id)
                return &r;
        return nullptr;
    };
    m_table->setRowCount(0);
    const QColor tint = [] {
        QColor c(Theme::staleColor());
        c.setAlpha(40);
        return c;
    }();
    for (const DiffRow &row : std::as_const(m_rows)) {
        const RestoreResult *result = resultOf(row.id);
        if (row.state == DiffState::Same && !showSame && !m_restored.contains(row.id))
            continue;
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        auto *name = new QTableWidgetItem(row.name);
        name->setToolTip(
            row.def
                ? QStringLiteral("%1 · %2 %3").arg(row.id, tableName(row.def->table)).arg(row.def->address)
                : row.id);
        auto *device = new QTableWidgetItem(withUnit(row.deviceText, row.deviceUnit));
        auto *file = new QTableWidgetItem(withUnit(row.fileText, row.fileUnit));
        auto *state = new QTableWidgetItem(stateText(row.state));
        state->setToolTip(row.note);
        const QList<QTableWidgetItem *> items{name, device, file, state};
        if (row.state == DiffState::Different) {
            QFont bold = m_table->font();
            bold.setBold(true);
            for (QTableWidgetItem *item : items)
                item->setBackground(tint);
            state->setForeground(QColor(Theme::staleColor()));
            state->setFont(bold);
            file->setFont(bold);
        } else {
            const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
            for (QTableWidgetItem *item : items)
                item->setForeground(grey);
            if (row.state == DiffState::Missing) {
                QFont italic = m_table->font();
                italic.setItalic(true);
                state->setFont(italic);
            }
        }
        for (int c = 0; c < items.size(); ++c)
            m_table->setItem(r, c, items.at(c));
        if (result) {
            auto *res = new QTableWidgetItem(resultText(result->status));
            res->setToolTip(result->message);
            if (const QString color = resultColor(result->status); !color.isEmpty())
                res->setForeground(QColor(color));
            else
                res->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(r, ResultColumn, res);
        }
    }
    // As tall as the rows up to twelve; longer lists scroll.
    const int rows = std::clamp(m_table->rowCount(), 1, 12);
    const int tableHeight = m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth();
    m_table->setMinimumHeight(tableHeight);
    // Grow to show the table; never shrink under the user's hands.
    resize(std::max(width(), 760), std::max(height(), sizeHint().height()));
}

void BackupDialog::restore()
{
    updateButtons();
    if (!m_restoreButton->isEnabled() || !m_backup)
        return;
    setBusy(true);
    setStatus(tr("Saving the automatic backup of this session first…"));
    QPointer<BackupDialog> self(this);
    AutoBackup::of(m_session)->ensureBackup([self](bool ok, const QString &pathOrError) {
        if (!self)
            return;
        if (!ok) {
            self->setBusy(false);
            self->setStatus(tr("Nothing was written: %1").arg(pathOrError), Theme::errorColor());
            return;
        }
        self->startRestore();
    });
}

void BackupDialog::startRestore()
{
    if (!m_session || !m_session->isWriteUnlocked()) {
        setBusy(false);
        setStatus(tr("Nothing was written: writing is locked for this device."), Theme::errorColor());
        return;
    }
    m_restored.clear();
    for (const DiffRow &row : std::as_const(m_rows))
        if (row.state == DiffState::Different)
            m_restored.insert(row.id);
    m_restore = new ConfigRestore(m_profile, m_model, DeviceAccess::over(m_session->poller()), this);
    connect(m_restore, &ConfigRestore::progress, this, [this](int done, int total, const QString &sentence) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        setStatus(sentence);
    });
    connect(m_restore, &ConfigRestore::finished, this, [this](const QList<RestoreResult> &results) {
        m_restore->deleteLater();
        m_restore = nullptr;
        m_results = results;
        setBusy(false);
        int verified = 0, failed = 0;
        for (const RestoreResult &r : results) {
            verified += r.status == RestoreStatus::Verified ? 1 : 0;
            failed += r.isFailure() ? 1 : 0;
        }
        const QString saved = m_session ? AutoBackup::of(m_session)->path() : QString();
        QString text =
            failed ? tr("%n register(s) failed", nullptr, failed) + tr(", %n verified", nullptr, verified)
                   : tr("%n register(s) written and verified", nullptr, verified);
        text += QLatin1Char('.');
        if (!saved.isEmpty())
            text +=
                QLatin1Char(' ') + tr("The settings before are in %1.").arg(QDir::toNativeSeparators(saved));
        m_table->setColumnHidden(ResultColumn, false);
        emit restoreFinished(results);
        // The device column shows what the device holds now; the result column stays.
        compare();
        setStatus(text, failed ? Theme::errorColor() : Theme::goodColor());
    });
    m_restore->start(*m_backup);
}

} // namespace pyrolink
