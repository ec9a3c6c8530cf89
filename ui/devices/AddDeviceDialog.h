#pragma once

#include "modbus/ConnectionSettings.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QDialogButtonBox;

namespace pyrolink {

class DeviceSession;
class ProfileRegistry;

/// Asks how to reach a device (Modbus TCP host and port, an RTU serial line, or the built-in simulator),
/// which profile and model it is, and its unit id.
class AddDeviceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddDeviceDialog(ProfileRegistry *profiles, QWidget *parent = nullptr);

    /// The session for what was entered; nullptr with *error when it cannot be made.
    std::unique_ptr<DeviceSession> createSession(QString *error) const;

private:
    void profileChanged();
    void validate();

    ProfileRegistry *m_profiles;
    QComboBox *m_transport;
    QStackedWidget *m_pages;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_serialPort;
    QComboBox *m_baud;
    QComboBox *m_parity;
    QComboBox *m_stopBits;
    QSpinBox *m_unit;
    QComboBox *m_profile;
    QComboBox *m_model;
    QDialogButtonBox *m_buttons;
};

} // namespace pyrolink
