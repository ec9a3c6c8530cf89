#include "ChartWidget.h"

#include "common/Theme.h"
#include "history/HistoryStore.h"
#include "record/CsvRecorder.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScrollBar>
#include <QSettings>
#include <QThread>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace pyrolink {

namespace {

Q_LOGGING_CATEGORY(lcChart, "pyrolink.ui.chart", QtWarningMsg)

const QString kWindowKey = QStringLiteral("live/chartWindowSeconds");
const QString kOpenGLKey = QStringLiteral("live/chartOpenGL");
const QString kExportDirKey = QStringLiteral("live/exportDir");
constexpr qint64 kMinSpanMs = 1000;
constexpr qint64 kMaxSpanMs = qint64(HistoryBuffer::kDefaultSeconds) * 1000; // all the history there is
constexpr int kDefaultWindowSeconds = 60;

// Points of a polyline with a break (NaN) wherever consecutive samples are further apart than gapMs:
// nothing was recorded there (the device was away), and a line across would invent values. Leading and
// trailing breaks are dropped; they draw nothing. A lone sample between breaks would draw nothing either, so
// it gets a twin `dashMs` later: a short dash says that a value was there.
void withBreaks(const QList<QPointF> &in, double gapMs, double dashMs, QList<QPointF> &out)
{
    out.clear();
    out.reserve(in.size() + 16);
    qsizetype runStart = 0; // first point of the current run of finite points in out
    const auto endRun = [&] {
        if (out.size() - runStart == 1)
            out.append(QPointF(out.constLast().x() + dashMs, out.constLast().y()));
    };
    for (const QPointF &p : in) {
        const bool lastFinite = !out.isEmpty() && !std::isnan(out.constLast().y());
        if (std::isnan(p.y())) {
            if (lastFinite) {
                endRun();
                out.append(p);
                runStart = out.size();
            }
            continue;
        }
        if (lastFinite && p.x() - out.constLast().x() > gapMs) {
            endRun();
            out.append(QPointF((out.constLast().x() + p.x()) / 2, qQNaN()));
            runStart = out.size();
        }
        out.append(p);
    }
    if (!out.isEmpty() && std::isnan(out.constLast().y()))
        out.removeLast();
    else
        endRun();
}

// The same picture with fewer points. A thin line covers, within one pixel column, the span between the
// column's lowest and highest point; so a column's run of points (M4 gives up to four: first, minimum,
// maximum, last) becomes its two extremes in time order, or one point when both fall in one pixel row.
// Only the short joins to the neighbouring columns may move, by less than a pixel. Breaks (NaN) stay.
void mergePixelColumns(const QList<QPointF> &in, double t0, double msPerColumn, double rowsPerUnit,
                       QList<QPointF> &out)
{
    out.clear();
    out.reserve(in.size() / 2 + 16);
    qint64 column = std::numeric_limits<qint64>::min();
    QPointF lo, hi;
    bool open = false;
    const auto flush = [&] {
        if (!open)
            return;
        open = false;
        if (std::abs(hi.y() - lo.y()) * rowsPerUnit < 1.0)
            out.append(lo.x() <= hi.x() ? lo : hi);
        else if (lo.x() <= hi.x())
            out.append({lo, hi});
        else
            out.append({hi, lo});
    };
    for (const QPointF &p : in) {
        if (std::isnan(p.y())) {
            flush();
            out.append(p);
            continue;
        }
        const auto c = qint64(std::floor((p.x() - t0) / msPerColumn));
        if (open && c == column) {
            if (p.y() < lo.y())
                lo = p;
            if (p.y() > hi.y())
                hi = p;
            continue;
        }
        flush();
        column = c;
        lo = hi = p;
        open = true;
    }
    flush();
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Runs f(0) … f(n - 1) on this thread and the pool's (one used by nothing else; nullptr: none), and returns
// when all are done.
template <typename F> void forEachParallel(QThreadPool *pool, int n, F &&f)
{
    std::atomic<int> next{0};
    const auto work = [&] {
        for (int i = next++; i < n; i = next++)
            f(i);
    };
    const int helpers = pool ? std::min(n - 1, pool->maxThreadCount()) : 0;
    for (int h = 0; h < helpers; ++h)
        pool->start(work);
    work();
    if (helpers > 0)
        pool->waitForDone();
}

// A value axis range with a little margin, rounded out to half a tick step so that the range does not
// twitch with every new sample; ticks fall on multiples of a step of 1, 2, 2.5 or 5 times a power of ten.
struct NiceRange
{
    double min = 0;
    double max = 1;
    double step = 1;
    int decimals = 0;
};

NiceRange niceRange(double lo, double hi, int maxTicks)
{
    if (hi - lo < 1e-9 * std::max(1.0, std::abs(hi))) {
        const double pad = std::max(std::abs(hi) * 0.01, 0.5);
        lo -= pad;
        hi += pad;
    } else {
        const double margin = (hi - lo) * 0.05;
        lo -= margin;
        hi += margin;
    }
    const double raw = (hi - lo) / std::max(1, maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    NiceRange r;
    r.step = factor * magnitude;
    const double half = r.step / 2;
    r.min = std::floor(lo / half) * half;
    r.max = std::ceil(hi / half) * half;
    r.decimals = std::max(0, int(-std::floor(std::log10(r.step) + 1e-9)) + (factor == 2.5 ? 1 : 0));
    return r;
}

QString timeFormat(qint64 spanMs)
{
    if (spanMs < 10'000)
        return QStringLiteral("HH:mm:ss.zzz");
    if (spanMs <= 2 * 3600'000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 12 * 3600'000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("ddd HH:mm");
}

QString presetName(int seconds)
{
    if (seconds < 60)
        return ChartWidget::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return ChartWidget::tr("%1 min").arg(seconds / 60);
    return ChartWidget::tr("%1 h").arg(seconds / 3600);
}

} // namespace

// ----------------------------------------------------------------------------------------------------------
// The chart view: mouse interaction in view coordinates, passed on to the widget that owns the view state.

class ChartWidget::View : public QChartView
{
public:
    View(QChart *chart, ChartWidget *owner) : QChartView(chart), m_owner(owner)
    {
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        setFrameShape(QFrame::NoFrame);
    }

    // The plot area in view coordinates.
    QRectF plotRect() const { return mapFromScene(chart()->plotArea()).boundingRect(); }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        const QPointF pos = event->position();
        if (event->button() == Qt::LeftButton && plotRect().contains(pos)) {
            m_originX = pos.x();
            m_originT0 = m_owner->m_t0;
            m_originT1 = m_owner->m_t1;
            if (event->modifiers() & Qt::ControlModifier) {
                m_mode = Mode::Zoom;
                m_owner->m_rubberBand->setGeometry(bandRect(pos.x()));
                m_owner->m_rubberBand->show();
            } else {
                m_mode = Mode::Drag;
                viewport()->setCursor(Qt::ClosedHandCursor);
            }
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QPointF pos = event->position();
        const QRectF plot = plotRect();
        // A click alone (to give the chart the focus for its keys) must not pause it: panning starts after a
        // few pixels.
        if (m_mode == Mode::Drag && std::abs(pos.x() - m_originX) >= 3)
            m_mode = Mode::Pan;
        if (m_mode == Mode::Pan && plot.width() > 0) {
            const auto dt = qint64((pos.x() - m_originX) * double(m_originT1 - m_originT0) / plot.width());
            m_owner->setViewRange(m_originT0 - dt, m_originT1 - dt);
        } else if (m_mode == Mode::Zoom) {
            m_owner->m_rubberBand->setGeometry(bandRect(pos.x()));
        }
        if (plot.contains(pos))
            m_owner->setCursorX(pos.x());
        else
            m_owner->hideCursor();
        QChartView::mouseMoveEvent(event);
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (m_mode == Mode::None || event->button() != Qt::LeftButton) {
            QChartView::mouseReleaseEvent(event);
            return;
        }
        if (m_mode == Mode::Zoom) {
            m_owner->m_rubberBand->hide();
            const double x0 = std::min(m_originX, event->position().x());
            const double x1 = std::max(m_originX, event->position().x());
            if (x1 - x0 >= 4)
                m_owner->setViewRange(m_owner->timeAt(x0), m_owner->timeAt(x1));
        }
        m_mode = Mode::None;
        viewport()->unsetCursor();
        event->accept();
    }

    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (plotRect().contains(event->position())) {
            m_owner->resetZoom();
            event->accept();
            return;
        }
        QChartView::mouseDoubleClickEvent(event);
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const int delta = event->angleDelta().y();
        if (delta == 0) {
            event->ignore();
            return;
        }
        const double factor = std::pow(0.85, delta / 120.0);
        // Live, the window keeps ending now; paused, the time under the mouse stays put.
        m_owner->zoomBy(factor, m_owner->isPaused() ? m_owner->timeAt(event->position().x()) : -1);
        event->accept();
    }

    void leaveEvent(QEvent *event) override
    {
        m_owner->hideCursor();
        QChartView::leaveEvent(event);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        m_owner->requestReplot(); // as many columns as pixels: the reduction must follow the width
    }

private:
    QRect bandRect(double x) const
    {
        const QRectF plot = plotRect();
        const double x0 = std::clamp(std::min(m_originX, x), plot.left(), plot.right());
        const double x1 = std::clamp(std::max(m_originX, x), plot.left(), plot.right());
        return QRectF(QPointF(x0, plot.top()), QPointF(x1, plot.bottom())).toRect();
    }

    enum class Mode { None, Drag, Pan, Zoom }; // Drag: pressed, not moved far enough to pan yet
    ChartWidget *m_owner;
    Mode m_mode = Mode::None;
    double m_originX = 0;
    qint64 m_originT0 = 0;
    qint64 m_originT1 = 0;
};

// ----------------------------------------------------------------------------------------------------------
// A CSV export: a copy of the visible samples taken on the UI thread (the buffers keep changing there), then
// written by CsvRecorder in a thread of its own.

class ChartWidget::CsvExport
{
public:
    QString path;
    QList<CsvColumn> columns;
    CsvOptions options;
    QList<QList<HistorySample>> samples; ///< per column, in time order
    QThread *thread = nullptr;
    bool ok = false;
    qint64 rows = 0;
    QString error;

    // One row per distinct timestamp; a column without a sample at that time stays empty.
    void run()
    {
        CsvRecorder recorder;
        if (!recorder.open(path, columns, options, &error))
            return;
        QList<qsizetype> next(samples.size(), 0);
        QList<double> values(samples.size());
        for (;;) {
            qint64 t = std::numeric_limits<qint64>::max();
            for (qsizetype c = 0; c < samples.size(); ++c)
                if (next[c] < samples[c].size())
                    t = std::min(t, samples[c][next[c]].tMs);
            if (t == std::numeric_limits<qint64>::max())
                break;
            for (qsizetype c = 0; c < samples.size(); ++c) {
                values[c] = qQNaN();
                if (next[c] < samples[c].size() && samples[c][next[c]].tMs == t)
                    values[c] = samples[c][next[c]++].value;
            }
            if (!recorder.append(t, values))
                break;
            ++rows;
        }
        ok = recorder.close() && recorder.rows() == rows;
        if (!ok && error.isEmpty())
            error = ChartWidget::tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
    }
};

// ----------------------------------------------------------------------------------------------------------

ChartWidget::ChartWidget(QWidget *parent) : QWidget(parent)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation); // an animation per repaint would cost more than it
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 0, 4, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    m_timeAxis = new QDateTimeAxis;
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);

    m_view = new View(m_chart, this);
    m_view->setToolTip(tr("Drag to scroll, Ctrl+drag to zoom to a range, wheel to zoom, double-click to "
                          "reset the zoom. Space pauses."));
    m_openGL = qEnvironmentVariableIntValue("PYROLINK_CHART_OPENGL") == 1 ||
               QSettings().value(kOpenGLKey, false).toBool();

    m_cursorLine = new QGraphicsLineItem;
    m_cursorLine->setZValue(1000);
    m_cursorLine->hide();
    m_view->scene()->addItem(m_cursorLine);
    m_readout = new QLabel(m_view->viewport());
    m_readout->setObjectName(QStringLiteral("cursorReadout"));
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->setTextFormat(Qt::RichText);
    m_readout->hide();
    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());

    m_windowCombo = new QComboBox(this);
    for (int seconds : windowPresets())
        m_windowCombo->addItem(presetName(seconds), seconds);
    m_windowCombo->setToolTip(tr("Time window of the chart"));
    m_scrollBar = new QScrollBar(Qt::Horizontal, this);
    m_scrollBar->setToolTip(tr("Scroll through the history (pauses the chart)"));

    createActions();
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setDefaultAction(m_pauseAction);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto toolButton = [this](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    auto *status = new QLabel(this);
    status->setObjectName(QStringLiteral("chartStatus"));
    status->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_windowCombo);
    bar->addWidget(windowLabel);
    bar->addWidget(m_windowCombo);
    bar->addWidget(m_pauseButton);
    bar->addWidget(toolButton(m_resetZoomAction));
    bar->addSpacing(8);
    bar->addWidget(status, 1);
    bar->addWidget(toolButton(m_exportPngAction));
    bar->addWidget(toolButton(m_exportCsvAction));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_scrollBar);
    connect(this, &ChartWidget::csvExported, status,
            [status](const QString &, bool, const QString &message) { status->setText(message); });

    // Helpers for the reductions: as many as there are cores besides this thread's.
    m_pool.setMaxThreadCount(std::max(0, QThread::idealThreadCount() - 1));
    m_replotTimer.setSingleShot(true);
    m_replotTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early and beat the 25/s cap
    connect(&m_replotTimer, &QTimer::timeout, this, &ChartWidget::replotNow);
    connect(&m_tickTimer, &QTimer::timeout, this, &ChartWidget::scheduleReplot);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &ChartWidget::onScrollBar);

    const int saved = QSettings().value(kWindowKey, kDefaultWindowSeconds).toInt();
    const int index = std::max(0, int(windowPresets().indexOf(saved)));
    m_windowCombo->setCurrentIndex(index);
    m_span = qint64(windowPresets().at(index)) * 1000;
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0)
            return;
        QSettings().setValue(kWindowKey, m_windowCombo->itemData(i).toInt());
        resetZoom();
        updateTickTimer();
    });

    m_t1 = now();
    m_t0 = m_t1 - m_span;
    rebuildSeries();
    applyPalette();
    updateTickTimer();
}

ChartWidget::~ChartWidget()
{
    if (m_csvExport) {
        m_csvExport->thread->wait();
        delete m_csvExport->thread;
        delete m_csvExport;
    }
}

void ChartWidget::createActions()
{
    auto add = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!keys.isEmpty())
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, keys.first().toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        m_view->addAction(a);
        return a;
    };
    // The view holds the actions, so the shortcuts act while it has focus and its context menu lists them.
    m_pauseAction = add(tr("Pause"), {QKeySequence(Qt::Key_Space)}, [this](bool on) { setPaused(on); });
    m_pauseAction->setCheckable(true);
    m_resetZoomAction =
        add(tr("Reset zoom"), {QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_Home)}, [this] { resetZoom(); });
    add(tr("Zoom in"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)}, [this] { zoomBy(0.5); });
    add(tr("Zoom out"), {QKeySequence(Qt::Key_Minus)}, [this] { zoomBy(2.0); });
    add(tr("Scroll back"), {QKeySequence(Qt::Key_Left)}, [this] { scrollBy(-0.1); });
    add(tr("Scroll forward"), {QKeySequence(Qt::Key_Right)}, [this] { scrollBy(0.1); });
    m_exportPngAction = add(tr("Save as PNG…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                            [this] { exportPngInteractive(); });
    m_exportCsvAction = add(tr("Export CSV…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                            [this] { exportCsvInteractive(); });
    // OpenGL draws the series on the GPU and skips QtCharts' per-point geometry work; off by default because
    // not every machine (or remote desktop) has a working OpenGL.
    auto *openGL = new QAction(tr("Draw with OpenGL"), this);
    openGL->setCheckable(true);
    openGL->setChecked(m_openGL);
    connect(openGL, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kOpenGLKey, on);
        m_openGL = on;
        m_traces.clear();
        rebuildSeries();
        applyPalette();
        requestReplot();
    });
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addActions({separator, openGL});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QChartView *ChartWidget::view() const
{
    return m_view;
}

QList<int> ChartWidget::windowPresets()
{
    return {10, 60, 600, 3600, 8 * 3600, 24 * 3600};
}

int ChartWidget::windowSeconds() const
{
    return m_windowCombo->currentData().toInt();
}

void ChartWidget::setWindowSeconds(int seconds)
{
    const int index = int(windowPresets().indexOf(seconds));
    if (index >= 0)
        m_windowCombo->setCurrentIndex(index);
}

QColor ChartWidget::channelColor(int i)
{
    // Tableau's ten: told apart easily, on either theme (a little lighter on the dark one).
    static const QRgb colors[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                  0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f};
    const QColor c = QColor::fromRgb(colors[std::abs(i) % 10]);
    return Theme::current() == Theme::Dark ? c.lighter(135) : c;
}

QColor ChartWidget::colorOf(int i) const
{
    const ChartChannel &channel = m_channels.at(i);
    return channel.color.isValid() ? channel.color : channelColor(channel.colorIndex);
}

void ChartWidget::setHistory(HistoryStore *history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    m_traces.clear(); // the cached columns belong to the other history's buffers
    if (m_history)
        connect(m_history, &HistoryStore::channelRemoved, this, [this] { m_traces.clear(); });
    requestReplot();
}

void ChartWidget::setChannels(const QList<ChartChannel> &channels)
{
    m_channels = channels;
    m_traces.clear();
    rebuildSeries();
    applyPalette();
    requestReplot();
}

void ChartWidget::setSampleIntervalMs(int ms)
{
    m_sampleIntervalMs = std::max(1, ms);
}

void ChartWidget::rebuildSeries()
{
    hideCursor();
    m_chart->removeAllSeries();
    for (QValueAxis *axis : std::as_const(m_valueAxes)) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_valueAxes.clear();
    m_series.clear();
    m_axisOfChannel.clear();
    QStringList units;
    for (const ChartChannel &channel : std::as_const(m_channels)) {
        qsizetype a = units.indexOf(channel.unit);
        if (a < 0) {
            // One axis per unit: first on the left, then alternating sides.
            a = units.size();
            units.append(channel.unit);
            auto *axis = new QValueAxis;
            axis->setTitleText(channel.unit);
            axis->setTickType(QValueAxis::TicksDynamic);
            axis->setTickAnchor(0);
            axis->setGridLineVisible(a == 0); // the grids of two axes would not line up
            m_chart->addAxis(axis, a % 2 == 0 ? Qt::AlignLeft : Qt::AlignRight);
            m_valueAxes.append(axis);
        }
        auto *series = new QLineSeries;
        series->setName(channel.unit.isEmpty() ? channel.name
                                               : QStringLiteral("%1 [%2]").arg(channel.name, channel.unit));
        series->setUseOpenGL(m_openGL);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxes.at(a));
        m_series.append(series);
        m_axisOfChannel.append(int(a));
    }
    // The time axis centres its last label on the plot's right edge: without an axis on the right, leave
    // room for half of it.
    const int right =
        m_valueAxes.size() > 1
            ? 4
            : QFontMetrics(m_timeAxis->labelsFont()).horizontalAdvance(QStringLiteral("Www 00:00:00")) / 2;
    m_chart->setMargins(QMargins(4, 0, right, 0));
    m_chart->legend()->setVisible(!m_channels.isEmpty());
    m_chart->setTitle(m_channels.isEmpty() ? tr("Tick registers in the table to chart them.") : QString());
}

void ChartWidget::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(Theme::current() == Theme::Dark ? 45 : 35);
    QColor line = text;
    line.setAlpha(140);
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(pal.color(QPalette::PlaceholderText));
    m_chart->legend()->setLabelColor(text);
    QList<QAbstractAxis *> axes{m_timeAxis};
    for (QValueAxis *axis : std::as_const(m_valueAxes))
        axes.append(axis);
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(line);
        axis->setShadesVisible(false);
    }
    for (int i = 0; i < m_series.size(); ++i) {
        // One device pixel: the raster engine's fast path, several times quicker than a wider pen.
        QPen pen(colorOf(i), 1);
        pen.setCosmetic(true);
        m_series[i]->setPen(pen);
    }
    QColor cursor = text;
    cursor.setAlpha(150);
    m_cursorLine->setPen(QPen(cursor, 1, Qt::DashLine));
    m_readout->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                            "padding: 3px 5px; }")
                                 .arg(pal.color(QPalette::ToolTipBase).name(),
                                      pal.color(QPalette::ToolTipText).name(), line.name(QColor::HexArgb)));
}

void ChartWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Channel colours follow the theme too, unless the caller chose them.
        applyPalette();
        requestReplot();
    }
}

void ChartWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTickTimer();
    if (m_dirtyWhileHidden)
        requestReplot();
}

qint64 ChartWidget::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A live window moves by one pixel every span / width ms: repainting more often for new data shows nothing
// new (a 24 h window moves a pixel a minute), so data repaints come at most that often, and at least once a
// second so that the newest value shows.
int ChartWidget::dataReplotIntervalMs() const
{
    if (m_paused)
        return 1000;
    const qint64 perColumn = m_span / std::max(1, plotColumns());
    return int(std::clamp<qint64>(perColumn, kMinReplotIntervalMs, 1000));
}

void ChartWidget::updateTickTimer()
{
    // A live window moves on even when no data comes (the device is away).
    const int interval = dataReplotIntervalMs();
    if (m_tickTimer.interval() != interval)
        m_tickTimer.setInterval(interval); // restarts the timer: only when it changes
    if (m_paused)
        m_tickTimer.stop();
    else if (!m_tickTimer.isActive())
        m_tickTimer.start();
}

void ChartWidget::scheduleReplot()
{
    replotWithin(dataReplotIntervalMs());
}

void ChartWidget::requestReplot()
{
    replotWithin(kMinReplotIntervalMs);
}

void ChartWidget::replotWithin(int intervalMs)
{
    if (!isVisible()) {
        m_dirtyWhileHidden = true; // nobody looks: repaint when shown
        return;
    }
    // Never sooner than kMinReplotIntervalMs after the last repaint, whoever asks.
    const qint64 since = m_sinceReplot.isValid() ? m_sinceReplot.elapsed() : intervalMs;
    const int delay = int(std::max<qint64>(0, std::max(intervalMs, kMinReplotIntervalMs) - since));
    if (m_replotTimer.isActive() && m_replotTimer.remainingTime() <= delay)
        return;
    m_replotTimer.start(delay);
}

int ChartWidget::plotColumns() const
{
    double width = m_chart->plotArea().width();
    if (width < 2) // not laid out yet
        width = m_view->width() * 0.9;
    return std::max(1, int(std::ceil(width * devicePixelRatioF())));
}

void ChartWidget::replotNow()
{
    m_replotTimer.stop();
    m_dirtyWhileHidden = false;
    ++m_replotCount;
    m_sinceReplot.start();
    if (!m_paused) {
        m_t1 = now();
        m_t0 = m_t1 - m_span;
    }
    // Columns of a whole number of milliseconds on a grid fixed in time, so that a column keeps its samples
    // while the window slides (or scrolls) and its reduction can be kept from one repaint to the next.
    const qint64 width = std::max<qint64>(1, (m_t1 - m_t0 + plotColumns() - 1) / plotColumns());
    const qint64 k0 = floorDiv(m_t0, width);
    const qint64 k1 = floorDiv(m_t1 - 1, width) + 1;
    const double gapMs = std::max({8.0 * m_sampleIntervalMs, 2000.0, 2.5 * double(width)});

    // Emptied first: each axis change below re-maps every point a series holds, and the old points are
    // about to go anyway.
    for (QLineSeries *series : std::as_const(m_series))
        if (series->count() > 0)
            series->replace(QList<QPointF>());

    // The reductions run side by side. The buffers are appended to on this thread only, which waits here,
    // so nothing changes under the workers.
    m_traces.resize(m_channels.size());
    // Helper threads pay only when whole windows are reduced (after a zoom, say); a slide reduces a column
    // or two per channel, less than waking a thread costs.
    const bool cached = std::all_of(m_traces.cbegin(), m_traces.cend(), [width](const Trace &trace) {
        return trace.cacheBuffer && trace.cacheWidth == width;
    });
    forEachParallel(cached ? nullptr : &m_pool, int(m_channels.size()), [&](int i) {
        Trace &trace = m_traces[i];
        trace.lo = std::numeric_limits<double>::infinity();
        trace.hi = -trace.lo;
        trace.polyline.clear();
        const HistoryBuffer *buffer = m_history ? m_history->find(m_channels.at(i).key) : nullptr;
        if (!buffer) {
            trace.cacheBuffer = nullptr;
            return;
        }
        reduceCached(trace, *buffer, width, k0, k1);
        for (const M4Column &c : std::as_const(trace.columns)) {
            if (!std::isnan(c.min)) {
                trace.lo = std::min(trace.lo, c.min);
                trace.hi = std::max(trace.hi, c.max);
            }
        }
        HistoryBuffer::toPolyline(trace.columns, trace.polyline);
    });

    m_timeAxis->setFormat(timeFormat(m_t1 - m_t0));
    const QRectF plot = m_chart->plotArea();
    m_timeAxis->setTickCount(std::clamp(int(plot.width() / 150), 2, 10) + 1);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_t0), QDateTime::fromMSecsSinceEpoch(m_t1));
    const int maxTicks = std::clamp(int(plot.height() / 45), 2, 11);
    for (int a = 0; a < m_valueAxes.size(); ++a) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (int i = 0; i < m_traces.size(); ++i) {
            if (m_axisOfChannel.at(i) == a) {
                lo = std::min(lo, m_traces.at(i).lo);
                hi = std::max(hi, m_traces.at(i).hi);
            }
        }
        if (lo > hi)
            continue; // nothing to show: keep the range
        const NiceRange r = niceRange(lo, hi, maxTicks);
        QValueAxis *axis = m_valueAxes[a];
        if (axis->min() != r.min || axis->max() != r.max)
            axis->setRange(r.min, r.max);
        if (axis->tickInterval() != r.step)
            axis->setTickInterval(r.step);
        axis->setLabelFormat(QStringLiteral("%.%1f").arg(r.decimals));
    }
    const double height = std::max(1.0, plot.height() * devicePixelRatioF());
    for (int i = 0; i < m_series.size(); ++i) {
        const QValueAxis *axis = m_valueAxes.at(m_axisOfChannel.at(i));
        const double rowsPerUnit = height / std::max(1e-300, axis->max() - axis->min());
        Trace &trace = m_traces[i];
        mergePixelColumns(trace.polyline, double(k0 * width), double(width), rowsPerUnit, m_merged);
        withBreaks(m_merged, gapMs, 2.0 * double(width), trace.points);
        m_series[i]->replace(trace.points);
    }

    updateScrollBar();
    updateTickTimer(); // the width may have changed
    if (m_cursorX >= 0)
        updateCursor();
}

// The columns [k0, k1) of `width` ms of a channel, from the cache where it holds them for sure: a column
// that ended before the newest sample can gain no more (timestamps never decrease), and one after the
// oldest sample has lost none to the ring. Runs of other columns are reduced afresh; with the grid the
// columns of a part of the window are exactly those of the whole.
void ChartWidget::reduceCached(Trace &trace, const HistoryBuffer &buffer, qint64 width, qint64 k0, qint64 k1)
{
    const bool usable = trace.cacheBuffer == &buffer && trace.cacheWidth == width && !buffer.isEmpty() &&
                        buffer.lastTime() >= trace.stableEnd;
    const qint64 oldest = buffer.isEmpty() ? 0 : buffer.firstTime();
    trace.columns.resize(k1 - k0);
    const auto fill = [&](qint64 from, qint64 to) {
        buffer.reduce(from * width, to * width, int(to - from), trace.scratch);
        std::copy(trace.scratch.cbegin(), trace.scratch.cend(), trace.columns.begin() + (from - k0));
    };
    qint64 missing = -1; // start of a run of columns to reduce
    for (qint64 k = k0; k < k1; ++k) {
        const qint64 c = k - trace.cacheFirst;
        const bool hit = usable && c >= 0 && c < trace.cache.size() && (k + 1) * width <= trace.stableEnd &&
                         k * width > oldest;
        if (!hit) {
            if (missing < 0)
                missing = k;
            continue;
        }
        if (missing >= 0) {
            fill(missing, k);
            missing = -1;
        }
        trace.columns[k - k0] = trace.cache.at(c);
    }
    if (missing >= 0)
        fill(missing, k1);
    trace.cache = trace.columns;
    trace.cacheFirst = k0;
    trace.cacheWidth = width;
    trace.cacheBuffer = &buffer;
    trace.stableEnd = buffer.isEmpty() ? 0 : buffer.lastTime();
}

void ChartWidget::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused ? tr("Resume") : tr("Pause"));
    updateTickTimer();
    requestReplot();
    emit pausedChanged(paused);
}

void ChartWidget::setViewRange(qint64 t0Ms, qint64 t1Ms)
{
    if (t1Ms < t0Ms)
        std::swap(t0Ms, t1Ms);
    const qint64 span = std::clamp(t1Ms - t0Ms, kMinSpanMs, kMaxSpanMs);
    const qint64 mid = t0Ms + (t1Ms - t0Ms) / 2;
    m_t0 = mid - span / 2;
    m_t1 = m_t0 + span;
    m_span = span;
    setPaused(true);
    requestReplot();
}

void ChartWidget::resetZoom()
{
    m_span = qint64(windowSeconds()) * 1000;
    if (m_paused) {
        m_t0 = m_t1 - m_span;
        requestReplot();
    } else {
        requestReplot();
    }
    updateTickTimer();
}

void ChartWidget::scrollBy(double fraction)
{
    const auto dt = qint64(fraction * double(m_t1 - m_t0));
    setViewRange(m_t0 + dt, m_t1 + dt);
}

void ChartWidget::zoomBy(double factor, qint64 anchorMs)
{
    const qint64 span = std::clamp(qint64(double(m_span) * factor), kMinSpanMs, kMaxSpanMs);
    if (!m_paused && anchorMs < 0) {
        m_span = span; // stays live: the window keeps ending now
        updateTickTimer();
        requestReplot();
        return;
    }
    if (anchorMs < 0)
        anchorMs = m_t0 + (m_t1 - m_t0) / 2;
    const double before = double(anchorMs - m_t0) / double(std::max<qint64>(1, m_t1 - m_t0));
    const qint64 t0 = anchorMs - qint64(before * double(span));
    setViewRange(t0, t0 + span);
}

// The scroll bar spans the history kept (and the view, if that reaches further), in steps of 1/100 of the
// view so that its integer range suffices for 24 h at any zoom.
void ChartWidget::updateScrollBar()
{
    qint64 first = m_t0;
    if (m_history) {
        for (const ChartChannel &channel : std::as_const(m_channels)) {
            const HistoryBuffer *buffer = m_history->find(channel.key);
            if (buffer && !buffer->isEmpty())
                first = std::min(first, buffer->firstTime());
        }
    }
    const qint64 last = std::max(now(), m_t1);
    const qint64 span = std::max<qint64>(1, m_t1 - m_t0);
    m_scrollUnit = std::max<qint64>(1, span / 100);
    m_scrollBase = first;
    m_updatingScrollBar = true;
    m_scrollBar->setRange(0, int(std::max<qint64>(0, (last - span - first) / m_scrollUnit)));
    m_scrollBar->setPageStep(int(span / m_scrollUnit));
    m_scrollBar->setSingleStep(std::max(1, m_scrollBar->pageStep() / 10));
    m_scrollBar->setValue(int((m_t0 - first) / m_scrollUnit));
    m_updatingScrollBar = false;
}

void ChartWidget::onScrollBar(int value)
{
    if (m_updatingScrollBar)
        return;
    const qint64 t0 = m_scrollBase + qint64(value) * m_scrollUnit;
    setViewRange(t0, t0 + (m_t1 - m_t0));
}

qint64 ChartWidget::timeAt(double x) const
{
    const QRectF plot = m_view->plotRect();
    if (plot.width() <= 0)
        return m_t0;
    return m_t0 + qint64((x - plot.left()) / plot.width() * double(m_t1 - m_t0));
}

double ChartWidget::xAt(qint64 tMs) const
{
    const QRectF plot = m_view->plotRect();
    return plot.left() + double(tMs - m_t0) / double(std::max<qint64>(1, m_t1 - m_t0)) * plot.width();
}

void ChartWidget::setCursorX(double x)
{
    m_cursorX = x;
    updateCursor();
}

void ChartWidget::hideCursor()
{
    m_cursorX = -1;
    m_cursorLine->hide();
    m_readout->hide();
}

// The read-out shows, for the time under the cursor, each channel's nearest sample if there is one close
// enough to belong to that pixel; otherwise (or for a stale sample) a dash.
void ChartWidget::updateCursor()
{
    const QRectF plot = m_view->plotRect();
    if (m_cursorX < plot.left() || m_cursorX > plot.right() || m_channels.isEmpty()) {
        m_cursorLine->hide();
        m_readout->hide();
        return;
    }
    const QPointF top = m_view->mapToScene(QPoint(int(m_cursorX), int(plot.top())));
    const QPointF bottom = m_view->mapToScene(QPoint(int(m_cursorX), int(plot.bottom())));
    m_cursorLine->setLine(QLineF(top, bottom));
    m_cursorLine->show();

    const qint64 t = timeAt(m_cursorX);
    const qint64 tolerance = std::max<qint64>(qint64(3.0 * double(m_t1 - m_t0) / std::max(1.0, plot.width())),
                                              2 * m_sampleIntervalMs);
    const QLocale locale;
    QString html =
        QStringLiteral("<b>%1</b>")
            .arg(QDateTime::fromMSecsSinceEpoch(t).toString(
                m_t1 - m_t0 < 600'000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("ddd HH:mm:ss")));
    for (int c = 0; c < m_channels.size(); ++c) {
        const ChartChannel &channel = m_channels.at(c);
        QString value = QStringLiteral("–");
        const HistoryBuffer *buffer = m_history ? m_history->find(channel.key) : nullptr;
        if (buffer && !buffer->isEmpty()) {
            const qsizetype i = buffer->lowerBound(t);
            qsizetype best = -1;
            qint64 bestDt = tolerance + 1;
            for (qsizetype k : {i - 1, i}) {
                if (k < 0 || k >= buffer->size())
                    continue;
                const qint64 dt = std::abs(buffer->sample(k).tMs - t);
                if (dt < bestDt) {
                    bestDt = dt;
                    best = k;
                }
            }
            if (best >= 0 && !std::isnan(buffer->sample(best).value))
                value = locale.toString(buffer->sample(best).value, 'f', std::max(0, channel.decimals));
        }
        const QColor color = colorOf(c);
        html += QStringLiteral("<br><span style=\"color:%1\">&#9632;</span> %2: <b>%3</b> %4")
                    .arg(color.name(), channel.name.toHtmlEscaped(), value, channel.unit.toHtmlEscaped());
    }
    m_readout->setText(html);
    m_readout->adjustSize();
    double x = m_cursorX + 12;
    if (x + m_readout->width() > plot.right())
        x = m_cursorX - 12 - m_readout->width();
    m_readout->move(int(std::max(0.0, x)), int(plot.top()) + 4);
    m_readout->show();
    m_readout->raise();
}

bool ChartWidget::exportPng(const QString &path, QString *error)
{
    if (m_view->grab().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Could not save the chart to %1.").arg(QDir::toNativeSeparators(path));
    return false;
}

bool ChartWidget::exportCsv(const QString &path)
{
    if (m_csvExport)
        return false;
    auto *job = new CsvExport;
    job->path = path;
    job->options = CsvOptions::forLocale(QLocale());
    for (const ChartChannel &channel : std::as_const(m_channels)) {
        job->columns.append(CsvColumn{channel.key, channel.name, channel.unit, channel.decimals});
        QList<HistorySample> samples;
        const HistoryBuffer *buffer = m_history ? m_history->find(channel.key) : nullptr;
        if (buffer) {
            const qsizetype end = buffer->lowerBound(m_t1);
            qsizetype i = buffer->lowerBound(m_t0);
            samples.reserve(end - i);
            for (; i < end; ++i)
                samples.append(buffer->sample(i));
        }
        job->samples.append(std::move(samples));
    }
    job->thread = QThread::create([job] { job->run(); });
    connect(job->thread, &QThread::finished, this, &ChartWidget::finishCsvExport);
    m_csvExport = job;
    m_exportCsvAction->setEnabled(false);
    job->thread->start(QThread::LowPriority);
    return true;
}

void ChartWidget::finishCsvExport()
{
    CsvExport *job = m_csvExport;
    if (!job)
        return;
    m_csvExport = nullptr;
    job->thread->wait();
    delete job->thread;
    m_exportCsvAction->setEnabled(true);
    const QString message =
        job->ok ? tr("Exported %1 rows to %2.").arg(job->rows).arg(QDir::toNativeSeparators(job->path))
                : job->error;
    if (!job->ok)
        qCWarning(lcChart).noquote() << message;
    const QString path = job->path;
    const bool ok = job->ok;
    delete job;
    emit csvExported(path, ok, message);
}

void ChartWidget::exportPngInteractive()
{
    QSettings settings;
    const QString dir = settings.value(kExportDirKey, QDir::homePath()).toString();
    const QString name = QStringLiteral("chart-%1.png")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), QDir(dir).filePath(name),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    QString error;
    if (!exportPng(path, &error))
        QMessageBox::warning(this, tr("Save chart as PNG"), error);
}

void ChartWidget::exportCsvInteractive()
{
    QSettings settings;
    const QString dir = settings.value(kExportDirKey, QDir::homePath()).toString();
    const QString name = QStringLiteral("chart-%1.csv")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export visible samples as CSV"),
                                                      QDir(dir).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    exportCsv(path);
}

} // namespace pyrolink
