#pragma once

#include "common/SessionPanel.h"

class QLabel;
class QSplitter;
class QTableView;

namespace pyrolink {

class ChartWidget;
class LiveTableModel;

/// Live values and chart of the selected device: a table of every reading with unit, quality, and minimum,
/// maximum and mean since the last reset, coloured by quality and alarm limits; below it a chart of the
/// registers ticked in the table. The ticked registers are the session's history channels (what a recording
/// writes too) and are remembered per profile and model.
class LivePanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit LivePanel(QWidget *parent = nullptr);
    ~LivePanel() override;

    LiveTableModel *tableModel() const { return m_model; }
    QTableView *table() const { return m_table; }
    ChartWidget *chartWidget() const { return m_chart; }

    /// Charts these registers (ids; non-numeric ones are ignored) and remembers the choice.
    void setChartedRegisters(const QStringList &registerIds);
    QStringList chartedRegisters() const;
    /// QSettings key of the charted registers of a profile's model.
    static QString chartedKey(const QString &profileId, const QString &model);

public slots:
    /// Minimum, maximum and mean start again.
    void resetStatistics();
    /// Asks for the alarm limits of a table row's register.
    void editAlarm(int row);

protected:
    void sessionChanged() override;

private:
    void chooseChannels(const QStringList &registerIds, bool remember);
    void syncFromSession(bool remember);
    void onHistoryAppended();
    void updateChartEditable();
    void updateSummary();
    void showContextMenu(const QPoint &pos);
    int currentRow() const;

    LiveTableModel *m_model;
    QTableView *m_table;
    ChartWidget *m_chart;
    QSplitter *m_splitter;
    QLabel *m_summary;
    QPointer<DeviceSession> m_connected;        ///< the session whose signals reach us
    QList<const RegisterDef *> m_shownChannels; ///< the session's history channels the chart draws
    bool m_applyingWidths = false;
};

} // namespace pyrolink
