#pragma once

#include "history/HistoryStore.h"

#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QGraphicsLineItem;
class QLabel;
class QLineSeries;
class QRubberBand;
class QScrollBar;
class QToolButton;
class QValueAxis;

namespace pyrolink {

/// One charted channel: where its history is, and how to label it.
struct ChartChannel
{
    QString key;  ///< HistoryStore key
    QString name; ///< legend and CSV header
    QString unit; ///< channels with the same unit share a value axis
    int decimals = 1;
    QColor color; ///< invalid: ChartWidget::channelColor(colorIndex), following the theme
    int colorIndex = 0;
};

/// A live chart of HistoryStore channels on QtCharts, costing pixels rather than samples: each repaint
/// reduces the visible window of every channel with HistoryBuffer's M4 reduction, one column per pixel
/// (HistoryBuffer::toPolyline(): at most 4 points a column), thins each column to the two points a thin line
/// needs to cover it, and hands the result to its QLineSeries with one replace(). Columns lie on a grid
/// fixed in time, so the ones that can no longer change are kept from one repaint to the next and a live
/// window reduces only its newest columns. Repaints are coalesced to at most 25 per second whatever the
/// poll rate (and to one per pixel the window moves), animations are off, OpenGL is optional (the context
/// menu, setting live/chartOpenGL, or PYROLINK_CHART_OPENGL=1).
///
/// The window (10 s to 24 h) follows the present until paused (Space); scrolling (drag, arrow keys, the
/// scroll bar) and zooming (wheel, Ctrl+drag, +/-) pause it. A vertical cursor follows the mouse with each
/// channel's value at that time. Stale stretches (NaN samples, or no samples for a while) break the lines.
/// Exports the view as PNG and the visible samples as CSV (CsvRecorder's format), the latter off the UI
/// thread.
class ChartWidget : public QWidget
{
    Q_OBJECT
public:
    /// Coalescing: at least this long between two repaints (25 per second).
    static constexpr int kMinReplotIntervalMs = 40;

    explicit ChartWidget(QWidget *parent = nullptr);
    ~ChartWidget() override;

    /// The history drawn from (nullptr: none). Not owned.
    void setHistory(HistoryStore *history);
    HistoryStore *history() const { return m_history; }
    /// The channels drawn, in legend order.
    void setChannels(const QList<ChartChannel> &channels);
    const QList<ChartChannel> &channels() const { return m_channels; }
    /// Polling interval of the source: samples further apart than several intervals are a gap (the device
    /// was away and nothing was recorded), drawn as a break.
    void setSampleIntervalMs(int ms);
    /// A colour for the i-th channel that reads well on the current theme.
    static QColor channelColor(int i);
    /// The colour channel i is drawn in.
    QColor colorOf(int i) const;

    /// The window presets of the combo box, in seconds: 10 s, 1 min, 10 min, 1 h, 8 h, 24 h.
    static QList<int> windowPresets();
    /// The preset window (persisted in QSettings); resets any zoom.
    void setWindowSeconds(int seconds);
    int windowSeconds() const;

    bool isPaused() const { return m_paused; }
    /// Shows [t0Ms, t1Ms) and pauses (scrolling and zooming do this).
    void setViewRange(qint64 t0Ms, qint64 t1Ms);
    /// The time range drawn by the last repaint.
    qint64 viewStart() const { return m_t0; }
    qint64 viewEnd() const { return m_t1; }

    /// Saves the chart as it looks now as a PNG. False (with *error) if it cannot be written.
    bool exportPng(const QString &path, QString *error = nullptr);
    /// Writes the visible window's samples to CSV in a worker thread; csvExported() tells the outcome.
    /// False if an export is already running.
    bool exportCsv(const QString &path);

    /// Repaints now (the coalescing timer calls this; so may a benchmark).
    void replotNow();
    /// Repaints done since construction (tests check the coalescing with it).
    int replotCount() const { return m_replotCount; }
    /// Pixel columns the reduction uses: the plot area's width in device pixels.
    int plotColumns() const;
    bool usesOpenGL() const { return m_openGL; }

    QChart *chart() const { return m_chart; }
    QChartView *view() const;
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    /// The series of channel i (nullptr if none).
    QLineSeries *series(int i) const { return i >= 0 && i < m_series.size() ? m_series.at(i) : nullptr; }
    QComboBox *windowCombo() const { return m_windowCombo; }
    QAction *pauseAction() const { return m_pauseAction; }

public slots:
    /// New data arrived: repaints soon, at most 25 times a second and no more often than the live window
    /// moves by a pixel (but at least once a second).
    void scheduleReplot();
    void setPaused(bool paused);
    /// Back to the preset window's span (staying paused if paused).
    void resetZoom();
    /// Scrolls by a fraction of the visible span (negative: back in time); pauses.
    void scrollBy(double fraction);
    /// Zooms by factor (< 1: in) about a time (default: the middle, or the present while live).
    void zoomBy(double factor, qint64 anchorMs = -1);
    /// Asks for a file name, then exports.
    void exportPngInteractive();
    void exportCsvInteractive();

signals:
    void pausedChanged(bool paused);
    /// A CSV export finished; message is one sentence for the status line.
    void csvExported(const QString &path, bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class View;
    friend class View;

    void createActions();
    void applyPalette();
    void rebuildSeries();
    void updateTickTimer();
    int dataReplotIntervalMs() const;
    /// The view changed (zoom, scroll, size): repaints within kMinReplotIntervalMs.
    void requestReplot();
    void replotWithin(int intervalMs);
    void updateScrollBar();
    void onScrollBar(int value);
    qint64 spanMs() const { return m_t1 - m_t0; }
    qint64 now() const;
    // Mouse interaction, in view coordinates.
    qint64 timeAt(double x) const;
    double xAt(qint64 tMs) const;
    void setCursorX(double x);
    void hideCursor();
    void updateCursor();
    void finishCsvExport();
    struct Trace;
    void reduceCached(Trace &trace, const HistoryBuffer &buffer, qint64 width, qint64 k0, qint64 k1);

    QPointer<HistoryStore> m_history;
    QList<ChartChannel> m_channels;
    int m_sampleIntervalMs = 100;

    QChart *m_chart = nullptr;
    View *m_view = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QList<QValueAxis *> m_valueAxes; ///< one per unit
    QList<QLineSeries *> m_series;   ///< one per channel
    QList<int> m_axisOfChannel;      ///< index into m_valueAxes
    QComboBox *m_windowCombo = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QScrollBar *m_scrollBar = nullptr;
    QLabel *m_readout = nullptr;
    QGraphicsLineItem *m_cursorLine = nullptr;
    QRubberBand *m_rubberBand = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resetZoomAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    bool m_openGL = false;

    // View state: the span is what zoom changes; while live the window ends now.
    bool m_paused = false;
    qint64 m_span = 60'000;
    qint64 m_t0 = 0;
    qint64 m_t1 = 0;
    double m_cursorX = -1; ///< view x of the cursor line, < 0: hidden

    // Repaint coalescing.
    QTimer m_replotTimer; ///< single shot
    QTimer m_tickTimer;   ///< keeps a live window moving when no data comes (the device is away)
    QElapsedTimer m_sinceReplot;
    int m_replotCount = 0;
    bool m_dirtyWhileHidden = false;
    bool m_updatingScrollBar = false;
    qint64 m_scrollBase = 0; ///< time of scroll bar value 0
    qint64 m_scrollUnit = 1; ///< ms per scroll bar step

    // Per channel, reused by every repaint so a repaint allocates little.
    struct Trace
    {
        QList<M4Column> columns; ///< this repaint's, on the grid
        QList<M4Column> scratch;
        // Columns kept from the last repaint: [cacheFirst, cacheFirst + size) of cacheWidth ms.
        QList<M4Column> cache;
        qint64 cacheFirst = 0;
        qint64 cacheWidth = 0;
        const HistoryBuffer *cacheBuffer = nullptr;
        qint64 stableEnd = 0;    ///< the buffer's newest time then: columns ending before it were complete
        QList<QPointF> polyline; ///< HistoryBuffer::toPolyline()
        QList<QPointF> points;   ///< what the series gets
        double lo = 0;           ///< value range of the columns
        double hi = 0;
    };
    QList<Trace> m_traces;
    QList<QPointF> m_merged;
    QThreadPool m_pool; ///< helpers for the reductions

    class CsvExport;
    CsvExport *m_csvExport = nullptr; ///< running export, if any
};

} // namespace pyrolink
