#pragma once

#include "common/SessionPanel.h"

#include <QHash>
#include <QList>
#include <QPointer>

class QGroupBox;
class QIdentityProxyModel;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace pyrolink {

struct RegisterDef;

/// Identity, error registers, communication counters and the traffic log of the selected device. Works for
/// any profile: the identity rows come from the profile's identity roles, the device errors from its
/// "diagnostics" register group. Reads registers, refreshes counters and has the session log its traffic
/// only while the panel is shown, so a hidden panel costs nothing.
class DiagnosticsPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);
    ~DiagnosticsPanel() override;

    /// Register groups whose registers are shown as device errors, and whose actions get a button.
    static QStringList diagnosticGroups();
    /// The selected traffic rows as text: one frame per line, tab-separated, the PDU in hex.
    QString selectedTrafficText() const;

protected:
    void sessionChanged() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    /// One register shown in a form: its value label is updated from the poller's reading.
    struct ValueRow
    {
        const RegisterDef *def = nullptr;
        QLabel *value = nullptr;
    };

    QWidget *createIdentityBox();
    QWidget *createErrorsBox();
    QWidget *createCommunicationBox();
    QWidget *createTrafficBox();
    void rebuild();
    void clearValues(QWidget *container, QList<ValueRow> *rows);
    ValueRow addValueRow(QWidget *container, const QString &label, const RegisterDef *def);
    void updateValues();
    void updateStats();
    void updateActions();
    void refreshRegisters();
    void confirmAction(const RegisterDef *def);
    void runAction(const RegisterDef *def);
    void updateTrafficLogging();
    void copySelectedTraffic();
    void scheduleScroll();
    void sizeTrafficColumns();

    QPointer<DeviceSession> m_connected; ///< the session whose signals we listen to
    QWidget *m_identityValues = nullptr; ///< a grid of title and value labels, rebuilt per session
    QWidget *m_errorValues = nullptr;
    QGroupBox *m_errorsBox = nullptr;
    QWidget *m_actions = nullptr;
    QLabel *m_lockHint = nullptr;
    QLabel *m_actionMessage = nullptr;
    QList<ValueRow> m_identityRows;
    QList<ValueRow> m_errorRows;
    QList<QPushButton *> m_actionButtons;
    QList<const RegisterDef *> m_readList; ///< read every 2 s while shown
    bool m_writing = false;
    bool m_shown = false; ///< between showEvent and hideEvent (a minimised window counts as hidden)

    QHash<QString, QLabel *> m_stats;
    QPushButton *m_resetStats = nullptr;

    QTableView *m_traffic = nullptr;
    QIdentityProxyModel *m_proxy = nullptr;
    QSpinBox *m_rowLimit = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_copy = nullptr;

    QTimer *m_statsTimer = nullptr;
    QTimer *m_readTimer = nullptr;
    QTimer *m_scrollTimer = nullptr;
};

} // namespace pyrolink
