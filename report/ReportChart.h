#pragma once

#include "ReportData.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>

class QPainter;
class QPaintDevice;

namespace pyrolink {

/// A printable line chart of report series, drawn with QPainter alone (no Widgets, no QtCharts): one panel
/// per unit, each with its own value axis at round ticks, a shared time axis with local-time ticks, light
/// grid lines, lines broken at gaps, and a legend giving each channel's last value. Sizes are in the pixels
/// of the paint device given (the PDF writer at 300 dpi), so text and lines have their printed size.
class ReportChart
{
    Q_DECLARE_TR_FUNCTIONS(pyrolink::ReportChart)
public:
    /// `device` supplies the font metrics and resolution; `font` is the base font (its family is used).
    ReportChart(const QList<ReportSeries> &series, qint64 t0Ms, qint64 t1Ms, QPaintDevice *device,
                const QFont &font);

    /// The colour of the i-th numeric register: the live chart's palette (Tableau 10), so a channel looks
    /// the same on screen and on paper.
    static QColor color(int index);

    /// Panels, one per unit, in the order the units first appear.
    int panelCount() const { return int(m_panels.size()); }
    /// "Temperatures · °C"
    QString panelCaption(int panel) const;
    /// Colours of the panel's lines.
    QList<QColor> panelColors(int panel) const;
    /// Height the panel takes at this width: caption, plot, time labels and legend.
    double panelHeight(int panel, double width) const;
    /// The plot area (inside the axes) of the panel drawn in `rect`.
    QRectF plotArea(int panel, const QRectF &rect) const;
    /// Draws the panel into `rect` (as tall as panelHeight()).
    void paintPanel(QPainter &painter, int panel, const QRectF &rect) const;

private:
    struct Panel
    {
        QString unit;
        QList<int> series; ///< indexes into m_series
        double lo = 0;     ///< value axis range: round values, with a little room where lines come close
        double hi = 1;
        double step = 0.2;
        int decimals = 1; ///< of the tick labels
    };
    struct LegendItem
    {
        int series = 0;
        QString text;
        double width = 0;
    };

    double mm(double v) const { return v * m_dpi / 25.4; }
    QFont font(double points, bool bold = false) const;
    void scaleAxis(Panel &panel) const;
    /// The round values of the value axis inside the panel's range.
    static QList<double> ticks(const Panel &panel);
    /// Legend entries laid out in rows that fit `width`.
    QList<QList<LegendItem>> legendRows(int panel, double width) const;
    double axisLabelWidth(const Panel &panel) const;
    qint64 timeStep(double plotWidth) const;
    QString timeLabel(qint64 tMs, qint64 step) const;

    QList<ReportSeries> m_series;
    QList<Panel> m_panels;
    qint64 m_t0;
    qint64 m_t1;
    QPaintDevice *m_device;
    QFont m_font;
    double m_dpi;
};

} // namespace pyrolink
