#pragma once

#include "ReportData.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QLoggingCategory>
#include <QRectF>
#include <QString>

namespace pyrolink {

Q_DECLARE_LOGGING_CATEGORY(lcReport)

/// A commissioning report as a document to sign: an A4 PDF at 300 dpi with the device's identity, the
/// technician's notes, the live readings, a chart of the recent measurements, the full configuration and a
/// sign-off block, every page with a header and a footer ("Page n of m", serial number, date). Tables break
/// across pages with their header repeated; the chart and the sign-off are never split.
///
/// Laid out and drawn with QPainter on QPdfWriter, so it needs a QGuiApplication for its fonts but no
/// display: the command line runs it on the offscreen platform.
class CommissioningReport
{
    Q_DECLARE_TR_FUNCTIONS(pyrolink::CommissioningReport)
public:
    static constexpr int kResolution = 300; ///< dots per inch of the PDF's coordinate system

    /// Where a chart's plot area landed: the page (0-based) and the rectangle as fractions of the page, so
    /// that a test can find it in a page rendered at any resolution.
    struct ChartPlacement
    {
        int page = 0;
        QRectF rect;
        QList<QColor> colors; ///< the colours of its lines
    };

    explicit CommissioningReport(ReportData data);

    const ReportData &data() const { return m_data; }

    /// Writes the PDF (replacing the file only once it is complete). False with *error (one sentence) if it
    /// cannot be written.
    bool write(const QString &path, QString *error = nullptr);

    /// Pages of the last write().
    int pageCount() const { return m_pageCount; }
    /// The chart panels of the last write().
    QList<ChartPlacement> chartPlacements() const { return m_charts; }

    /// "2025-03-14 09:30 UTC+01:00": unambiguous wherever the report is read.
    static QString formatDateTime(const QDateTime &t);

private:
    ReportData m_data;
    int m_pageCount = 0;
    QList<ChartPlacement> m_charts;
};

} // namespace pyrolink
