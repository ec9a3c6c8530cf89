#include "ReportChart.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pyrolink {

namespace {

constexpr double kPlotHeightMm = 46;     ///< three panels with their legends fit one page
constexpr double kMinTickSpacingMm = 24; ///< time labels are "14:03:20": about 12 mm at 7.5 pt
constexpr double kCaptionPt = 9;
constexpr double kTickPt = 7.5;
constexpr double kLegendPt = 8;

const QColor kInk(0x1d, 0x25, 0x2d);
const QColor kMuted(0x5f, 0x6b, 0x77);
const QColor kGrid(0xe3, 0xe7, 0xec);
const QColor kFrame(0x8a, 0x96, 0xa3);

/// 1, 2 or 5 times a power of ten, about range / target.
double niceStep(double range, int target)
{
    const double raw = range / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    return (n < 1.5 ? 1.0 : n < 3.0 ? 2.0 : n < 7.0 ? 5.0 : 10.0) * magnitude;
}

QString number(double v, int decimals)
{
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals))
        v = 0; // never "-0.0"
    return QString::number(v, 'f', decimals);
}

} // namespace

ReportChart::ReportChart(const QList<ReportSeries> &series, qint64 t0Ms, qint64 t1Ms, QPaintDevice *device,
                         const QFont &font)
    : m_series(series), m_t0(t0Ms), m_t1(t1Ms), m_device(device), m_font(font), m_dpi(device->logicalDpiY())
{
    // A single instant still gets a readable axis: one second either side.
    if (m_t1 - m_t0 < 1000) {
        m_t0 -= 1000;
        m_t1 += 1000;
    }
    for (int i = 0; i < m_series.size(); ++i) {
        const QString &unit = m_series.at(i).unit;
        auto it =
            std::find_if(m_panels.begin(), m_panels.end(), [&](const Panel &p) { return p.unit == unit; });
        if (it == m_panels.end()) {
            m_panels.append(Panel{unit, {}});
            it = std::prev(m_panels.end());
        }
        it->series.append(i);
    }
    for (Panel &p : m_panels)
        scaleAxis(p);
}

QColor ReportChart::color(int index)
{
    static const QRgb colors[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                  0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f};
    return QColor::fromRgb(colors[std::abs(index) % 10]);
}

QFont ReportChart::font(double points, bool bold) const
{
    QFont f = m_font;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString ReportChart::panelCaption(int panel) const
{
    const Panel &p = m_panels.at(panel);
    QStringList groups;
    for (int i : p.series)
        if (const QString &g = m_series.at(i).group; !g.isEmpty() && !groups.contains(g))
            groups.append(g);
    QString caption = groups.isEmpty() ? tr("Measurements") : groups.join(QStringLiteral(", "));
    return caption + QStringLiteral(" · ") + (p.unit.isEmpty() ? tr("no unit") : p.unit);
}

QList<QColor> ReportChart::panelColors(int panel) const
{
    QList<QColor> out;
    for (int i : m_panels.at(panel).series)
        out.append(m_series.at(i).color);
    return out;
}

void ReportChart::scaleAxis(Panel &panel) const
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    int decimals = 0;
    for (int i : panel.series) {
        decimals = std::max(decimals, m_series.at(i).decimals);
        for (const QPointF &pt : m_series.at(i).points) {
            if (std::isnan(pt.y()) || pt.x() < m_t0 || pt.x() > m_t1)
                continue;
            lo = std::min(lo, pt.y());
            hi = std::max(hi, pt.y());
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    // A flat line sits in the middle of a small range rather than on the frame.
    const double resolution = std::pow(10.0, -decimals);
    if (hi - lo < 4 * resolution) {
        const double pad = std::max({std::abs(hi) * 0.01, 2 * resolution, 1e-9});
        lo -= pad;
        hi += pad;
    }
    const double step = niceStep(hi - lo, 5);
    panel.step = step;
    panel.lo = std::floor(lo / step) * step;
    panel.hi = std::ceil(hi / step) * step;
    if (panel.hi <= panel.lo)
        panel.hi = panel.lo + step;
    // A line on the frame would hide in it: a little room where the values come that close (ticks stay at
    // the round values inside).
    const double range = panel.hi - panel.lo;
    if (lo - panel.lo < 0.01 * range)
        panel.lo -= 0.04 * range;
    if (panel.hi - hi < 0.01 * range)
        panel.hi += 0.04 * range;
    panel.decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
}

QList<double> ReportChart::ticks(const Panel &panel)
{
    QList<double> out;
    const double tolerance = panel.step * 1e-6;
    for (double k = std::ceil((panel.lo - tolerance) / panel.step); k * panel.step <= panel.hi + tolerance;
         ++k)
        out.append(k * panel.step);
    return out;
}

double ReportChart::axisLabelWidth(const Panel &panel) const
{
    const QFontMetricsF fm(font(kTickPt), m_device);
    double w = 0;
    for (double v : ticks(panel))
        w = std::max(w, fm.horizontalAdvance(number(v, panel.decimals)));
    return w;
}

QList<QList<ReportChart::LegendItem>> ReportChart::legendRows(int panel, double width) const
{
    const QFontMetricsF fm(font(kLegendPt), m_device);
    const double swatch = mm(6) + mm(1.5);
    const double spacing = mm(6);
    QList<QList<LegendItem>> rows{{}};
    double x = 0;
    for (int i : m_panels.at(panel).series) {
        const ReportSeries &s = m_series.at(i);
        double last = std::nan("");
        for (auto it = s.points.crbegin(); it != s.points.crend(); ++it)
            if (!std::isnan(it->y())) {
                last = it->y();
                break;
            }
        const QString value =
            std::isnan(last)
                ? tr("no data")
                : number(last, s.decimals) + (s.unit.isEmpty() ? QString() : QStringLiteral(" ") + s.unit);
        LegendItem item{i, tr("%1: %2").arg(s.name, value), 0};
        item.width = swatch + fm.horizontalAdvance(item.text);
        if (x > 0 && x + item.width > width) {
            rows.append(QList<LegendItem>());
            x = 0;
        }
        rows.last().append(item);
        x += item.width + spacing;
    }
    return rows;
}

double ReportChart::panelHeight(int panel, double width) const
{
    const double caption = QFontMetricsF(font(kCaptionPt, true), m_device).height();
    const double tick = QFontMetricsF(font(kTickPt), m_device).height();
    const double legendLine = QFontMetricsF(font(kLegendPt), m_device).height() + mm(1);
    return caption + mm(2) + mm(kPlotHeightMm) + mm(1.5) + tick + mm(2.5) +
           legendRows(panel, plotArea(panel, QRectF(0, 0, width, 0)).width()).size() * legendLine;
}

QRectF ReportChart::plotArea(int panel, const QRectF &rect) const
{
    const double caption = QFontMetricsF(font(kCaptionPt, true), m_device).height();
    const double left = axisLabelWidth(m_panels.at(panel)) + mm(2.5);
    return QRectF(rect.left() + left, rect.top() + caption + mm(2), rect.width() - left - mm(3),
                  mm(kPlotHeightMm));
}

qint64 ReportChart::timeStep(double plotWidth) const
{
    static const qint64 steps[] = {1000,    2000,    5000,     10000,    15000,    30000,
                                   60000,   120000,  300000,   600000,   900000,   1800000,
                                   3600000, 7200000, 10800000, 21600000, 43200000, 86400000};
    const double maxTicks = std::max(1.0, plotWidth / mm(kMinTickSpacingMm));
    for (qint64 s : steps)
        if (double(m_t1 - m_t0) / double(s) <= maxTicks)
            return s;
    return steps[std::size(steps) - 1];
}

QString ReportChart::timeLabel(qint64 tMs, qint64 step) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(tMs);
    return t.toString(step % 60000 == 0 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
}

void ReportChart::paintPanel(QPainter &painter, int panel, const QRectF &rect) const
{
    const Panel &p = m_panels.at(panel);
    const QRectF plot = plotArea(panel, rect);
    const QFont tickFont = font(kTickPt);
    const QFontMetricsF tickMetrics(tickFont, m_device);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);

    painter.setFont(font(kCaptionPt, true));
    painter.setPen(kInk);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), plot.top() - rect.top()),
                     Qt::AlignLeft | Qt::AlignTop, panelCaption(panel));

    const auto yOf = [&](double v) { return plot.bottom() - (v - p.lo) / (p.hi - p.lo) * plot.height(); };
    const auto xOf = [&](double t) {
        return plot.left() + (t - double(m_t0)) / double(m_t1 - m_t0) * plot.width();
    };

    // Value axis: grid line and label at every round value.
    painter.setFont(tickFont);
    for (double v : ticks(p)) {
        const double y = yOf(v);
        if (y > plot.top() + 1 && y < plot.bottom() - 1) {
            painter.setPen(QPen(kGrid, mm(0.15)));
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
        painter.setPen(kMuted);
        painter.drawText(QRectF(rect.left(), y - tickMetrics.height() / 2,
                                plot.left() - rect.left() - mm(1.5), tickMetrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, number(v, p.decimals));
    }

    // Time axis: ticks at round local times.
    const qint64 step = timeStep(plot.width());
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(m_t0).offsetFromUtc()) * 1000;
    const qint64 firstTick = (m_t0 + offset + step - 1) / step * step - offset;
    for (qint64 t = firstTick; t <= m_t1; t += step) {
        const double x = xOf(double(t));
        painter.setPen(QPen(kGrid, mm(0.15)));
        if (x > plot.left() + 1 && x < plot.right() - 1)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(QPen(kFrame, mm(0.2)));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + mm(1)));
        const QString label = timeLabel(t, step);
        const double w = tickMetrics.horizontalAdvance(label);
        // Labels stay inside the panel even at its edges.
        const double left = std::clamp(x - w / 2, rect.left(), rect.right() - w);
        painter.setPen(kMuted);
        painter.drawText(QRectF(left, plot.bottom() + mm(1.5), w + 1, tickMetrics.height()),
                         Qt::AlignLeft | Qt::AlignTop, label);
    }

    painter.setPen(QPen(kFrame, mm(0.2)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);

    // The lines, clipped to the plot, broken at gaps (NaN); a lone sample is a dot.
    painter.save();
    painter.setClipRect(plot.adjusted(-mm(0.3), -mm(0.3), mm(0.3), mm(0.3)));
    for (int i : p.series) {
        const ReportSeries &s = m_series.at(i);
        QPen pen(s.color, mm(0.35), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        QPolygonF segment;
        const auto flush = [&] {
            if (segment.size() == 1)
                painter.drawPoint(segment.first());
            else if (segment.size() > 1)
                painter.drawPolyline(segment);
            segment.clear();
        };
        for (const QPointF &pt : s.points) {
            if (std::isnan(pt.y())) {
                flush();
                continue;
            }
            segment.append(QPointF(xOf(pt.x()), yOf(pt.y())));
        }
        flush();
    }
    painter.restore();

    // Legend under the time labels.
    const QFont legendFont = font(kLegendPt);
    const QFontMetricsF legendMetrics(legendFont, m_device);
    painter.setFont(legendFont);
    double y = plot.bottom() + mm(1.5) + tickMetrics.height() + mm(2.5);
    for (const QList<LegendItem> &row : legendRows(panel, plot.width())) {
        double x = plot.left();
        for (const LegendItem &item : row) {
            const double mid = y + legendMetrics.height() / 2;
            painter.setPen(QPen(m_series.at(item.series).color, mm(0.8), Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(x, mid), QPointF(x + mm(6), mid));
            painter.setPen(kInk);
            painter.drawText(QRectF(x + mm(7.5), y, item.width, legendMetrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, item.text);
            x += item.width + mm(6);
        }
        y += legendMetrics.height() + mm(1);
    }
    painter.restore();
}

} // namespace pyrolink
