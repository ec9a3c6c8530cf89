#include "DiscoveryDialog.h"

#include "DiscoveryResultsModel.h"
#include "common/Theme.h"
#include "discovery/DiscoveryMethod.h"
#include "discovery/TargetParser.h"
#include "profile/ProfileRegistry.h"
#include "session/DeviceManager.h"
#include "session/DeviceSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSerialPortInfo>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace pyrolink {

namespace {
const QString kTcpMethod = QStringLiteral("modbus-tcp");
const QString kRtuMethod = QStringLiteral("modbus-rtu");
// The profile whose identity registers are tried first, as `pyrolink-cli discover` does by default.
const QString kFirstProfile = QStringLiteral("optris-ct");

enum Page { NetworkPage, SerialPage };

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

/// The widgets side by side at their natural widths, the rest of the row empty.
QHBoxLayout *packedRow(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QHBoxLayout;
    for (QWidget *w : widgets)
        row->addWidget(w);
    row->addStretch(1);
    return row;
}

bool sameDevice(const ConnectionSettings &a, const ConnectionSettings &b)
{
    if (a.transport != b.transport || a.unit != b.unit)
        return false;
    if (a.transport == ConnectionSettings::Transport::Rtu)
        return a.serialPort == b.serialPort;
    return a.host == b.host && a.port == b.port;
}
} // namespace

DiscoveryDialog::DiscoveryDialog(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent)
    : QDialog(parent), m_devices(devices), m_profiles(profiles), m_mode(new QComboBox(this)),
      m_pages(new QStackedWidget(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_cancel(new QPushButton(tr("&Cancel"), this)), m_progress(new QProgressBar(this)),
      m_message(new QLabel(this)), m_view(new QTableView(this)), m_results(new DiscoveryResultsModel(this)),
      m_sorted(new DiscoveryResultsSortModel(this)), m_export(new QPushButton(tr("&Export CSV…"), this)),
      m_open(new QPushButton(tr("&Open"), this))
{
    setWindowTitle(tr("Find devices"));
    setObjectName(QStringLiteral("discoveryDialog"));

    // Every method the registry has, so that a method added there (the vendor's UDP discovery, one day) is
    // offered without changing this view. Methods other than the RTU scan take the network fields.
    for (const DiscoveryMethodRegistry::Entry &e : DiscoveryMethodRegistry::entries()) {
        const QString text = e.id == kTcpMethod   ? tr("Network (Modbus TCP)")
                             : e.id == kRtuMethod ? tr("Serial line (Modbus RTU)")
                                                  : e.name;
        m_mode->addItem(text, e.id);
        m_mode->setItemData(m_mode->count() - 1, e.description, Qt::ToolTipRole);
    }
    m_mode->setObjectName(QStringLiteral("mode"));
    m_pages->addWidget(createNetworkPage());
    m_pages->addWidget(createSerialPage());
    // Each page as tall as it needs, not as tall as the tallest.
    m_pages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *modeLabel = buddyLabel(tr("Sea&rch:"), m_mode);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(modeLabel);
    modeRow->addWidget(m_mode);
    modeRow->addStretch();

    m_start->setObjectName(QStringLiteral("start"));
    m_start->setToolTip(tr("Scan what the fields above say. Nothing is sent before you press Start."));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setToolTip(tr("Stop the scan; the devices found so far stay in the table."));
    m_cancel->setAutoDefault(false);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("Not started"));
    m_progress->setAlignment(Qt::AlignCenter);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(tr("Choose where to look and press Start. A device is listed only when it answers "
                          "Modbus; double-click one to open it."));

    m_sorted->setSourceModel(m_results);
    m_view->setObjectName(QStringLiteral("results"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Interactive, so that a column can be widened by hand; fitColumns() sizes them as rows arrive.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 6);
    fitColumns(true); // the headers' widths until the first row comes
    // Enter on a row opens it; the event must not reach the dialog, whose default button is Start.
    m_view->installEventFilter(this);

    m_export->setObjectName(QStringLiteral("export"));
    m_export->setToolTip(tr("Save the table as CSV, with the same columns as pyrolink-cli discover --csv."));
    m_export->setAutoDefault(false);
    m_open->setObjectName(QStringLiteral("open"));
    m_open->setToolTip(tr("Connect to the selected device and show it in the main window (or double-click "
                          "it)."));
    m_open->setAutoDefault(false);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setAutoDefault(false);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_export);
    bottomRow->addWidget(m_open);
    bottomRow->addStretch();
    bottomRow->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modeRow);
    layout->addWidget(m_pages);
    layout->addLayout(runRow);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottomRow);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_pages->setCurrentIndex(isSerialMode() ? SerialPage : NetworkPage);
        updateButtons();
    });
    connect(m_start, &QPushButton::clicked, this, &DiscoveryDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &DiscoveryDialog::cancel);
    connect(m_export, &QPushButton::clicked, this, &DiscoveryDialog::exportCsvAs);
    connect(m_open, &QPushButton::clicked, this, &DiscoveryDialog::openSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiscoveryDialog::updateButtons);
    connect(m_results, &QAbstractItemModel::rowsInserted, this, [this] {
        fitColumns(false);
        updateProgressText();
        updateButtons();
    });
    connect(m_results, &QAbstractItemModel::modelReset, this, &DiscoveryDialog::updateButtons);

    // The labels of the first column (Search, and each page's) as wide as the widest, so that the fields
    // line up although they sit in different layouts.
    QList<QWidget *> firstColumn{modeLabel};
    for (int i = 0; i < m_pages->count(); ++i) {
        auto *grid = qobject_cast<QGridLayout *>(m_pages->widget(i)->layout());
        for (int row = 0; grid && row < grid->rowCount(); ++row)
            if (QLayoutItem *item = grid->itemAtPosition(row, 0); item && item->widget())
                firstColumn << item->widget();
    }
    int labelWidth = 0;
    for (QWidget *label : std::as_const(firstColumn))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QWidget *label : std::as_const(firstColumn))
        label->setMinimumWidth(labelWidth);

    resize(1000, 620);
    updateButtons();
}

DiscoveryDialog::~DiscoveryDialog()
{
    // The method is our child and goes with us; stop it first without hearing about it any more.
    if (m_method) {
        m_method->disconnect(this);
        m_method->cancel();
    }
}

QWidget *DiscoveryDialog::createNetworkPage()
{
    auto *page = new QWidget;
    m_range = new QLineEdit(page);
    m_range->setObjectName(QStringLiteral("range"));
    // Empty means this computer's subnets, and is only ever scanned when Start is pressed.
    m_range->setPlaceholderText(
        tr("e.g. 192.168.0.0/24 or 192.168.0.10-192.168.0.50; empty = this computer's subnets"));
    m_range->setMinimumWidth(m_range->fontMetrics().horizontalAdvance(m_range->placeholderText()) + 24);
    m_range->setToolTip(tr("Address ranges, separated by spaces or commas: 10.0.0.0/24, "
                           "10.0.0.1-10.0.0.254, 10.0.0.1-254 or one address. Empty: the subnets of this "
                           "computer's network interfaces, at most 1024 addresses (a /22) each."));
    m_range->setClearButtonEnabled(true);
    m_ports = new QLineEdit(QStringLiteral("502"), page);
    // Room for a short list such as 1502-1510,1600,5020 before it scrolls.
    m_ports->setMinimumWidth(
        m_ports->fontMetrics().horizontalAdvance(QStringLiteral("00000-00000,00000,00000")) + 12);
    m_ports->setObjectName(QStringLiteral("ports"));
    m_ports->setToolTip(tr("TCP ports: 502, or 1502-1510,1600. Every address is tried at every port."));
    m_tcpTimeout = new QSpinBox(page);
    m_tcpTimeout->setObjectName(QStringLiteral("tcpTimeout"));
    m_tcpTimeout->setRange(10, 60000);
    m_tcpTimeout->setValue(300);
    m_tcpTimeout->setSuffix(tr(" ms"));
    m_tcpTimeout->setToolTip(
        tr("How long to wait for the connection and for each answer. An absent address costs this long."));
    m_concurrency = new QSpinBox(page);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, 1024);
    m_concurrency->setValue(64);
    m_concurrency->setToolTip(tr("Addresses probed at the same time, at most."));

    // Column 0 holds the first label of each row (lined up with the other page's, see the constructor);
    // the rest of a row packs from the left.
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(buddyLabel(tr("&Addresses:"), m_range), 0, 0);
    grid->addWidget(m_range, 0, 1);
    grid->addWidget(buddyLabel(tr("&Ports:"), m_ports), 1, 0);
    grid->addLayout(packedRow({m_ports, buddyLabel(tr("&Timeout:"), m_tcpTimeout), m_tcpTimeout,
                               buddyLabel(tr("Co&ncurrency:"), m_concurrency), m_concurrency}),
                    1, 1);
    return page;
}

QWidget *DiscoveryDialog::createSerialPage()
{
    auto *page = new QWidget;
    m_serialPort = new QComboBox(page);
    m_serialPort->setObjectName(QStringLiteral("serialPort"));
    m_serialPort->setEditable(true); // a port the system does not list (a pty, a remote COM port)
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts())
        m_serialPort->addItem(info.portName() + (info.description().isEmpty()
                                                     ? QString()
                                                     : QStringLiteral(" — ") + info.description()),
                              info.systemLocation());
    m_serialPort->setMinimumContentsLength(24);
    m_serialPort->setToolTip(tr("The serial port of the RS-485 line, e.g. /dev/ttyUSB0 or COM3."));
    m_baud = new QComboBox(page);
    m_baud->setObjectName(QStringLiteral("baud"));
    for (int baud : {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200})
        m_baud->addItem(QString::number(baud), baud);
    m_baud->setCurrentIndex(m_baud->findData(115200)); // the CLI's default
    m_parity = new QComboBox(page);
    m_parity->setObjectName(QStringLiteral("parity"));
    m_parity->addItem(tr("None"), QStringLiteral("N"));
    m_parity->addItem(tr("Even"), QStringLiteral("E"));
    m_parity->addItem(tr("Odd"), QStringLiteral("O"));
    m_stopBits = new QComboBox(page);
    m_stopBits->setObjectName(QStringLiteral("stopBits"));
    m_stopBits->addItems({QStringLiteral("1"), QStringLiteral("2")});
    m_units = new QLineEdit(QStringLiteral("1-247"), page);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setToolTip(tr("Unit ids to ask, one after another: 1-247, or 1-10,20."));
    m_rtuTimeout = new QSpinBox(page);
    m_rtuTimeout->setObjectName(QStringLiteral("rtuTimeout"));
    m_rtuTimeout->setRange(10, 60000);
    m_rtuTimeout->setValue(100);
    m_rtuTimeout->setSuffix(tr(" ms"));
    m_rtuTimeout->setToolTip(tr("How long to wait for each unit id. An absent unit costs this long."));

    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(buddyLabel(tr("Serial &port:"), m_serialPort), 0, 0);
    grid->addLayout(packedRow({m_serialPort, buddyLabel(tr("&Unit ids:"), m_units), m_units}), 0, 1);
    grid->addWidget(buddyLabel(tr("&Baud rate:"), m_baud), 1, 0);
    grid->addLayout(packedRow({m_baud, buddyLabel(tr("P&arity:"), m_parity), m_parity,
                               buddyLabel(tr("Stop b&its:"), m_stopBits), m_stopBits,
                               buddyLabel(tr("&Timeout:"), m_rtuTimeout), m_rtuTimeout}),
                    1, 1);
    return page;
}

void DiscoveryDialog::fitColumns(bool allowShrink)
{
    // (sizeHintForColumn is public in QAbstractItemView, protected in QTableView.)
    // Contents plus some air: ResizeToContents packs the text against the grid lines. While rows arrive
    // only ever wider, so the columns do not jump about, nor undo a column the user widened.
    QHeaderView *header = m_view->horizontalHeader();
    const int air = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int c = 0; c + 1 < m_sorted->columnCount(); ++c) {
        const int wanted = std::max(static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(c),
                                    header->sectionSizeHint(c)) +
                           air;
        if (allowShrink || header->sectionSize(c) < wanted)
            header->resizeSection(c, wanted);
    }
}

bool DiscoveryDialog::isSerialMode() const
{
    return m_mode->currentData().toString() == kRtuMethod;
}

bool DiscoveryDialog::isRunning() const
{
    return m_method && m_method->isRunning();
}

QString DiscoveryDialog::message() const
{
    return m_message->text();
}

QList<std::shared_ptr<const Profile>> DiscoveryDialog::candidateProfiles(const QString &transport) const
{
    QList<std::shared_ptr<const Profile>> out;
    if (auto first = m_profiles->find(kFirstProfile))
        out << first;
    for (const auto &p : m_profiles->profiles())
        if (!out.contains(p) && p->transports.contains(transport) && !p->identity.isEmpty())
            out << p;
    return out;
}

std::shared_ptr<const Profile> DiscoveryDialog::fallbackProfile(const QString &transport) const
{
    for (const auto &p : m_profiles->profiles())
        if (p->transports.contains(transport))
            return p;
    return nullptr;
}

void DiscoveryDialog::start()
{
    if (isRunning())
        return;
    const QString methodId = m_mode->currentData().toString();
    const bool serial = isSerialMode();
    DiscoveryOptions options;
    options.profiles = candidateProfiles(serial ? QStringLiteral("rtu") : QStringLiteral("tcp"));
    if (serial) {
        options.serial.transport = ConnectionSettings::Transport::Rtu;
        const QString text = m_serialPort->currentText().trimmed();
        const int index = m_serialPort->findText(m_serialPort->currentText());
        options.serial.serialPort = index >= 0 ? m_serialPort->itemData(index).toString() : text;
        options.serial.baud = m_baud->currentData().toInt();
        options.serial.parity = m_parity->currentData().toString().at(0);
        options.serial.stopBits = m_stopBits->currentIndex() + 1;
        options.units = m_units->text().trimmed();
        options.timeoutMs = m_rtuTimeout->value();
        m_serialSettings = options.serial;
        m_counting = Counting::Units;
    } else {
        options.ranges =
            m_range->text().split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
        options.ports = m_ports->text().trimmed();
        options.timeoutMs = m_tcpTimeout->value();
        options.concurrency = m_concurrency->value();
        const auto ports = TargetParser::parseNumberList(options.ports, 1, 65535, QString(), nullptr);
        m_counting = methodId != kTcpMethod        ? Counting::Items
                     : ports && ports->size() == 1 ? Counting::Addresses
                                                   : Counting::Targets;
    }

    DiscoveryMethod *method = DiscoveryMethodRegistry::create(methodId, this);
    if (!method) {
        showMessage(tr("There is no discovery method \"%1\".").arg(methodId), true);
        return;
    }
    QString error;
    if (!method->configure(options, &error)) {
        // A usage error: nothing was sent, and the table keeps the last scan's results.
        delete method;
        showMessage(error, true);
        return;
    }

    m_results->clear();
    m_methodId = methodId;
    m_done = 0;
    m_total = method->total();
    m_cancelled = false;
    m_failed = false;
    m_method = method;
    connect(method, &DiscoveryMethod::found, m_results, &DiscoveryResultsModel::append);
    connect(method, &DiscoveryMethod::progress, this, &DiscoveryDialog::onProgress);
    connect(method, &DiscoveryMethod::failed, this, [this](const QString &why) {
        m_failed = true;
        showMessage(why, true);
    });
    connect(method, &DiscoveryMethod::finished, this, &DiscoveryDialog::onFinished);
    onProgress(0, m_total);
    showMessage(tr("Scanning %1…").arg(method->plan()), false);
    m_clock.start();
    method->start(); // returns at once; a serial port that does not open may finish it already
    updateButtons();
}

void DiscoveryDialog::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_method->cancel(); // finished() follows, possibly at once
}

void DiscoveryDialog::onProgress(int done, int total)
{
    m_done = done;
    m_total = total;
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(std::min(done, std::max(1, total)));
    updateProgressText();
}

void DiscoveryDialog::updateProgressText()
{
    if (!m_method && m_methodId.isEmpty())
        return;
    const int n = m_results->rowCount();
    QString text;
    switch (m_counting) {
    case Counting::Addresses:
        text = tr("%1 of %2 addresses, %3 found");
        break;
    case Counting::Targets:
        text = tr("%1 of %2 addresses × ports, %3 found");
        break;
    case Counting::Units:
        text = tr("%1 of %2 unit ids, %3 found");
        break;
    case Counting::Items:
        text = tr("%1 of %2, %3 found");
        break;
    }
    // QProgressBar reads %p, %v and %m in its format; the numbers here never contain a '%'.
    m_progress->setFormat(text.arg(m_done).arg(m_total).arg(n));
}

void DiscoveryDialog::onFinished()
{
    if (sender() != m_method)
        return;
    const double seconds = double(m_clock.elapsed()) / 1000.0;
    const int found = m_results->rowCount();
    const QString plan = m_method->plan();
    m_method->deleteLater(); // not delete: we may be inside its cancel() or its own signal
    m_method = nullptr;
    if (m_failed) {
        // The error is already shown.
    } else if (m_cancelled) {
        // Plurals spelt out: the program ships no translation that would resolve "%n device(s)".
        showMessage((found == 1
                         ? tr("Cancelled after %1 of %2; 1 device found so far: the list is incomplete.")
                         : tr("Cancelled after %1 of %2; %3 devices found so far: the list is "
                              "incomplete.")
                               .arg(found))
                        .arg(m_done)
                        .arg(m_total),
                    false);
    } else {
        const QString time = QString::number(seconds, 'f', 2);
        showMessage(found == 1 ? tr("1 device found in %1 s (%2).").arg(time, plan)
                               : tr("%1 devices found in %2 s (%3).").arg(found).arg(time, plan),
                    false);
    }
    updateProgressText();
    updateButtons();
    emit scanFinished(!m_cancelled && !m_failed);
}

void DiscoveryDialog::updateButtons()
{
    const bool running = isRunning();
    m_mode->setEnabled(!running);
    m_pages->setEnabled(!running);
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_export->setEnabled(m_results->rowCount() > 0);
    m_open->setEnabled(m_view->selectionModel()->hasSelection());
}

void DiscoveryDialog::showMessage(const QString &text, bool isError)
{
    m_messageIsError = isError;
    m_message->setText(text);
    // Errors in the theme's error colour, read again when the theme changes (changeEvent).
    m_message->setStyleSheet(isError ? QStringLiteral("color: %1;").arg(Theme::errorColor()) : QString());
}

void DiscoveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_messageIsError)
        m_message->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor()));
    QDialog::changeEvent(event);
}

bool DiscoveryDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openSelected();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void DiscoveryDialog::done(int result)
{
    cancel();
    QDialog::done(result);
}

bool DiscoveryDialog::exportCsv(const QString &path)
{
    // In the order the table shows, so that the file matches what the user sorted.
    QList<DiscoveredDevice> devices;
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        devices << m_results->device(m_sorted->mapToSource(m_sorted->index(row, 0)).row());
    QString error;
    if (!DiscoveredDevice::writeCsv(path, devices, &error)) {
        showMessage(error, true);
        return false;
    }
    const QString file = QDir::toNativeSeparators(path);
    showMessage(devices.size() == 1 ? tr("Exported 1 device to %1.").arg(file)
                                    : tr("Exported %1 devices to %2.").arg(devices.size()).arg(file),
                false);
    return true;
}

void DiscoveryDialog::exportCsvAs()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export discovery results"),
                                                      QDir(dir).filePath(QStringLiteral("devices.csv")),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void DiscoveryDialog::openSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        showMessage(tr("Select a device in the table first."), true);
        return;
    }
    openRow(rows.first().row());
}

ConnectionSettings DiscoveryDialog::settingsFor(const DiscoveredDevice &device) const
{
    ConnectionSettings s;
    if (device.transport == DiscoveredDevice::Transport::Rtu) {
        // The line's baud rate, parity and stop bits are the scan's: the device answered with them.
        s = m_serialSettings;
        s.transport = ConnectionSettings::Transport::Rtu;
        s.serialPort = device.serialPort;
    } else {
        s.transport = ConnectionSettings::Transport::Tcp;
        s.host = device.host;
        s.port = device.port;
    }
    s.unit = device.unit;
    return s;
}

DeviceSession *DiscoveryDialog::openRow(int viewRow)
{
    const QModelIndex source = m_sorted->mapToSource(m_sorted->index(viewRow, 0));
    if (!source.isValid())
        return nullptr;
    const DiscoveredDevice device = m_results->device(source.row());
    const ConnectionSettings settings = settingsFor(device);
    if (settings.transport == ConnectionSettings::Transport::Rtu && isRunning()) {
        showMessage(tr("Wait for the scan to end or cancel it: it is using %1.").arg(settings.serialPort),
                    true);
        return nullptr;
    }
    for (int row = 0; row < m_devices->count(); ++row) {
        if (sameDevice(m_devices->session(row)->settings(), settings)) {
            showMessage(tr("%1 is already open in the main window.").arg(device.describe()), true);
            return nullptr;
        }
    }
    const auto profile = device.profileId.isEmpty() ? nullptr : m_profiles->find(device.profileId);
    const bool modelKnown = profile && (profile->models.isEmpty() || profile->hasModel(device.modelId));
    if (!profile || !modelKnown) {
        askProfileAndOpen(device, settings);
        return nullptr;
    }
    return openWith(settings, profile, device.modelId);
}

void DiscoveryDialog::askProfileAndOpen(const DiscoveredDevice &device, const ConnectionSettings &settings)
{
    const QString transport = device.transportName();
    auto suggested = device.profileId.isEmpty() ? nullptr : m_profiles->find(device.profileId);
    if (!suggested)
        suggested = fallbackProfile(transport);
    if (!suggested) {
        showMessage(tr("No profile speaks Modbus %1, so %2 cannot be opened.")
                        .arg(transport.toUpper(), device.describe()),
                    true);
        return;
    }

    // Asked with open(), not exec(): no nested event loop, and a running scan goes on meanwhile.
    auto *ask = new QDialog(this);
    ask->setObjectName(QStringLiteral("chooseProfile"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Open %1").arg(device.describe()));
    auto *why = new QLabel(ask);
    why->setWordWrap(true);
    why->setText(device.profileId.isEmpty()
                     ? tr("%1 answers Modbus, but no profile recognised it. Which device is it?")
                           .arg(device.describe())
                     : tr("%1 is a %2, but its model could not be told. %3")
                           .arg(device.describe(), suggested->name, device.note));
    auto *profileBox = new QComboBox(ask);
    profileBox->setObjectName(QStringLiteral("profile"));
    for (const auto &p : m_profiles->profiles())
        if (p->transports.contains(transport))
            profileBox->addItem(p->name, p->id);
    profileBox->setCurrentIndex(std::max(0, profileBox->findData(suggested->id)));
    auto *modelBox = new QComboBox(ask);
    modelBox->setObjectName(QStringLiteral("model"));
    auto fillModels = [this, profileBox, modelBox, device] {
        modelBox->clear();
        const auto p = m_profiles->find(profileBox->currentData().toString());
        if (!p)
            return;
        for (const ModelDef &m : p->models)
            modelBox->addItem(m.name, m.id);
        const int known = modelBox->findData(device.modelId);
        modelBox->setCurrentIndex(known >= 0 ? known : 0);
        modelBox->setEnabled(modelBox->count() > 1);
    };
    fillModels();
    connect(profileBox, &QComboBox::currentIndexChanged, ask, fillModels);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, ask);
    auto *form = new QFormLayout(ask);
    form->addRow(why);
    form->addRow(tr("P&rofile:"), profileBox);
    form->addRow(tr("&Model:"), modelBox);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, ask, &QDialog::reject);
    connect(ask, &QDialog::accepted, this, [this, profileBox, modelBox, settings] {
        if (const auto p = m_profiles->find(profileBox->currentData().toString()))
            openWith(settings, p, modelBox->currentData().toString());
    });
    ask->open();
}

DeviceSession *DiscoveryDialog::openWith(const ConnectionSettings &settings,
                                         std::shared_ptr<const Profile> profile, const QString &model)
{
    // DeviceManager::add starts the session; the devices panel selects the new row, so the main window
    // shows it at once.
    DeviceSession *session =
        m_devices->add(std::make_unique<DeviceSession>(std::move(profile), model, settings));
    showMessage(tr("Opened %1 in the main window.").arg(session->title()), false);
    emit deviceOpened(session);
    return session;
}

} // namespace pyrolink
