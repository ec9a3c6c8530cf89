#include "AddDeviceDialog.h"

#include "profile/ProfileRegistry.h"
#include "session/DeviceSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSerialPortInfo>
#include <QSpinBox>
#include <QStackedWidget>

namespace pyrolink {

namespace {
enum Transport { Tcp, Rtu, Simulated };
}

AddDeviceDialog::AddDeviceDialog(ProfileRegistry *profiles, QWidget *parent)
    : QDialog(parent), m_profiles(profiles), m_transport(new QComboBox(this)),
      m_pages(new QStackedWidget(this)), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_serialPort(new QComboBox(this)), m_baud(new QComboBox(this)), m_parity(new QComboBox(this)),
      m_stopBits(new QComboBox(this)), m_unit(new QSpinBox(this)), m_profile(new QComboBox(this)),
      m_model(new QComboBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add device"));
    m_transport->addItem(tr("Modbus TCP (network)"), Tcp);
    m_transport->addItem(tr("Modbus RTU (serial line)"), Rtu);
    m_transport->addItem(tr("Built-in simulator"), Simulated);

    m_host->setPlaceholderText(tr("e.g. 192.168.0.4"));
    m_port->setRange(1, 65535);
    m_port->setValue(502);
    auto *tcp = new QWidget;
    auto *tcpForm = new QFormLayout(tcp);
    tcpForm->setContentsMargins(0, 0, 0, 0);
    tcpForm->addRow(tr("&Host:"), m_host);
    tcpForm->addRow(tr("&Port:"), m_port);

    m_serialPort->setEditable(true);
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts())
        m_serialPort->addItem(info.portName() + (info.description().isEmpty()
                                                     ? QString()
                                                     : QStringLiteral(" — ") + info.description()),
                              info.systemLocation());
    for (int baud : {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200})
        m_baud->addItem(QString::number(baud), baud);
    m_parity->addItem(tr("None"), QStringLiteral("N"));
    m_parity->addItem(tr("Even"), QStringLiteral("E"));
    m_parity->addItem(tr("Odd"), QStringLiteral("O"));
    m_stopBits->addItems({QStringLiteral("1"), QStringLiteral("2")});
    auto *rtu = new QWidget;
    auto *rtuForm = new QFormLayout(rtu);
    rtuForm->setContentsMargins(0, 0, 0, 0);
    rtuForm->addRow(tr("Serial &port:"), m_serialPort);
    rtuForm->addRow(tr("&Baud rate:"), m_baud);
    rtuForm->addRow(tr("P&arity:"), m_parity);
    rtuForm->addRow(tr("&Stop bits:"), m_stopBits);

    m_pages->addWidget(tcp);
    m_pages->addWidget(rtu);
    m_pages->addWidget(new QWidget);

    m_unit->setRange(0, 247);
    m_unit->setValue(1);
    for (const auto &p : profiles->profiles())
        m_profile->addItem(p->name, p->id);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(QStringLiteral("optris-ct"))));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Connection:"), m_transport);
    form->addRow(m_pages);
    form->addRow(tr("&Unit id:"), m_unit);
    form->addRow(tr("P&rofile:"), m_profile);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(m_buttons);

    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        const int t = m_transport->currentData().toInt();
        m_pages->setCurrentIndex(t);
        m_unit->setEnabled(t != Simulated);
        validate();
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, &AddDeviceDialog::profileChanged);
    connect(m_host, &QLineEdit::textChanged, this, &AddDeviceDialog::validate);
    connect(m_serialPort, &QComboBox::currentTextChanged, this, &AddDeviceDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    profileChanged();
}

void AddDeviceDialog::profileChanged()
{
    const auto profile = m_profiles->find(m_profile->currentData().toString());
    m_model->clear();
    if (!profile)
        return;
    for (const ModelDef &m : profile->models)
        m_model->addItem(m.name, m.id);
    m_model->setEnabled(m_model->count() > 1);
    m_port->setValue(profile->defaultPort);
    m_unit->setValue(profile->defaultUnit);
    const int baud = m_baud->findData(profile->defaultBaud ? profile->defaultBaud : 115200);
    if (baud >= 0)
        m_baud->setCurrentIndex(baud);
    m_parity->setCurrentIndex(std::max(0, m_parity->findData(QString(profile->defaultParity))));
    m_stopBits->setCurrentIndex(profile->defaultStopBits == 2 ? 1 : 0);
    validate();
}

void AddDeviceDialog::validate()
{
    const int t = m_transport->currentData().toInt();
    const bool ok = (t == Tcp && !m_host->text().trimmed().isEmpty()) ||
                    (t == Rtu && !m_serialPort->currentText().trimmed().isEmpty()) || t == Simulated;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && m_profile->count() > 0);
}

std::unique_ptr<DeviceSession> AddDeviceDialog::createSession(QString *error) const
{
    const auto profile = m_profiles->find(m_profile->currentData().toString());
    if (!profile) {
        *error = tr("Choose a device profile.");
        return nullptr;
    }
    const QString model = m_model->currentData().toString();
    const int t = m_transport->currentData().toInt();
    if (t == Simulated)
        return DeviceSession::simulated(profile, model, error);
    ConnectionSettings s;
    s.unit = m_unit->value();
    if (t == Tcp) {
        s.host = m_host->text().trimmed();
        s.port = m_port->value();
    } else {
        s.transport = ConnectionSettings::Transport::Rtu;
        const int index = m_serialPort->findText(m_serialPort->currentText());
        s.serialPort =
            index >= 0 ? m_serialPort->itemData(index).toString() : m_serialPort->currentText().trimmed();
        s.baud = m_baud->currentData().toInt();
        s.parity = m_parity->currentData().toString().at(0);
        s.stopBits = m_stopBits->currentIndex() + 1;
    }
    return std::make_unique<DeviceSession>(profile, model, s);
}

} // namespace pyrolink
