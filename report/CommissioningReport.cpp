#include "CommissioningReport.h"

#include "ReportChart.h"

#include <QDir>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>

#include <algorithm>
#include <functional>
#include <memory>

namespace pyrolink {

Q_LOGGING_CATEGORY(lcReport, "pyrolink.report", QtWarningMsg)

namespace {

using PaintOp = std::function<void(QPainter &)>;

// A sober palette: near-black text, grey for labels and rules, one dark blue for headings.
const QColor kInk(0x1d, 0x25, 0x2d);
const QColor kMuted(0x5f, 0x6b, 0x77);
const QColor kRule(0xc3, 0xcb, 0xd4);
const QColor kHairline(0xe2, 0xe7, 0xec);
const QColor kAccent(0x1f, 0x4e, 0x79);
const QColor kHeaderFill(0xe9, 0xee, 0xf3);
const QColor kBoxFill(0xf5, 0xf7, 0xf9);
const QColor kGroupFill(0xf3, 0xf6, 0xf9);
const QColor kWarning(0xa0, 0x5a, 0x00);
const QColor kError(0xb7, 0x1c, 0x1c);
const QColor kGood(0x2e, 0x6b, 0x30);

/// Flows blocks down A4 pages and records what to draw on each. Nothing is drawn until every page is
/// known, so that each footer can say "Page n of m". Coordinates are the PDF writer's pixels (300 dpi).
class Flow
{
public:
    Flow(QPaintDevice *device, const QFont &base) : m_device(device), m_base(base)
    {
        m_dpi = device->logicalDpiY();
        m_left = mm(20);
        m_right = device->width() - mm(20);
        m_bottom = device->height() - mm(24);
        m_pages.append(QList<PaintOp>());
        m_y = mm(16); // the first page has no running header
    }

    double mm(double v) const { return v * m_dpi / 25.4; }
    QPaintDevice *device() const { return m_device; }
    QFont font(double points, bool bold = false, bool italic = false) const
    {
        QFont f = m_base;
        f.setPointSizeF(points);
        f.setBold(bold);
        f.setItalic(italic);
        return f;
    }
    double lineHeight(const QFont &f) const { return QFontMetricsF(f, m_device).height(); }
    double textHeight(const QFont &f, double width, const QString &text) const
    {
        if (text.isEmpty())
            return lineHeight(f);
        return QFontMetricsF(f, m_device)
            .boundingRect(QRectF(0, 0, width, 1e7), Qt::TextWordWrap | Qt::AlignLeft, text)
            .height();
    }

    double left() const { return m_left; }
    double right() const { return m_right; }
    double width() const { return m_right - m_left; }
    double y() const { return m_y; }
    double pageWidth() const { return m_device->width(); }
    double pageHeight() const { return m_device->height(); }
    int page() const { return int(m_pages.size()) - 1; }
    bool atTop() const { return m_y <= top() + 0.5; }
    double top() const { return page() == 0 ? mm(16) : mm(26); }

    void newPage()
    {
        m_pages.append(QList<PaintOp>());
        m_y = top();
    }
    /// Starts a new page unless `height` still fits on this one; true if it did.
    bool ensure(double height)
    {
        if (m_y + height <= m_bottom || atTop())
            return false;
        newPage();
        return true;
    }
    void advance(double dy) { m_y += dy; }

    void draw(PaintOp op) { m_pages.last().append(std::move(op)); }
    void text(const QRectF &r, const QFont &f, const QColor &c, int flags, const QString &s)
    {
        draw([=](QPainter &p) {
            p.setFont(f);
            p.setPen(c);
            p.drawText(r, flags, s);
        });
    }
    void line(const QPointF &a, const QPointF &b, const QColor &c, double widthMm)
    {
        const double w = mm(widthMm);
        draw([=](QPainter &p) {
            p.setPen(QPen(c, w, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(a, b);
        });
    }
    void fill(const QRectF &r, const QColor &c)
    {
        draw([=](QPainter &p) { p.fillRect(r, c); });
    }

    const QList<QList<PaintOp>> &pages() const { return m_pages; }

private:
    QPaintDevice *m_device;
    QFont m_base;
    double m_dpi = CommissioningReport::kResolution;
    double m_left = 0;
    double m_right = 0;
    double m_bottom = 0;
    double m_y = 0;
    QList<QList<PaintOp>> m_pages;
};

struct Column
{
    QString title;
    double fraction; ///< of the table's width
    Qt::Alignment align = Qt::AlignLeft;
};

struct Cell
{
    QString text;
    QColor color = kInk;
};

struct Row
{
    QList<Cell> cells;
    QString heading; ///< non-empty: a group heading across the whole table instead of cells
};

/// A table that breaks across pages between rows, repeating its header (and saying it continues).
void table(Flow &flow, const QString &name, const QList<Column> &columns, const QList<Row> &rows)
{
    const QFont headFont = flow.font(8, true);
    const QFont bodyFont = flow.font(9);
    const QFont groupFont = flow.font(9, true);
    const QFont continuedFont = flow.font(8, false, true);
    const double padX = flow.mm(1.8);
    const double padY = flow.mm(1.1);
    QList<double> x{flow.left()};
    for (const Column &c : columns)
        x.append(x.last() + c.fraction * flow.width());

    double headHeight = 0;
    for (int i = 0; i < columns.size(); ++i)
        headHeight =
            std::max(headHeight, flow.textHeight(headFont, x[i + 1] - x[i] - 2 * padX, columns[i].title));
    headHeight += 2 * padY;
    const auto header = [&] {
        const double y = flow.y();
        flow.fill(QRectF(flow.left(), y, flow.width(), headHeight), kHeaderFill);
        for (int i = 0; i < columns.size(); ++i)
            flow.text(QRectF(x[i] + padX, y + padY, x[i + 1] - x[i] - 2 * padX, headHeight - 2 * padY),
                      headFont, kInk, int(columns[i].align | Qt::AlignVCenter) | Qt::TextWordWrap,
                      columns[i].title);
        flow.line(QPointF(flow.left(), y + headHeight), QPointF(flow.right(), y + headHeight), kRule, 0.3);
        flow.advance(headHeight);
    };
    const auto heightOf = [&](const Row &row) {
        if (!row.heading.isEmpty())
            return flow.textHeight(groupFont, flow.width() - 2 * padX, row.heading) + 2 * padY + flow.mm(1);
        double h = 0;
        for (int i = 0; i < columns.size() && i < row.cells.size(); ++i)
            h = std::max(h, flow.textHeight(bodyFont, x[i + 1] - x[i] - 2 * padX, row.cells[i].text));
        return h + 2 * padY;
    };

    // The header never stands alone at the foot of a page.
    flow.ensure(headHeight + (rows.isEmpty() ? 0 : heightOf(rows.first()) + heightOf(rows.value(1))));
    header();
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        const double h = heightOf(row);
        // A group heading keeps its first row with it.
        const double needed = row.heading.isEmpty() || r + 1 >= rows.size() ? h : h + heightOf(rows[r + 1]);
        if (flow.ensure(needed)) {
            const double ch = flow.lineHeight(continuedFont);
            flow.text(QRectF(flow.left(), flow.y(), flow.width(), ch), continuedFont, kMuted, Qt::AlignLeft,
                      CommissioningReport::tr("%1 (continued)").arg(name));
            flow.advance(ch + flow.mm(1));
            header();
        }
        const double y = flow.y();
        if (!row.heading.isEmpty()) {
            flow.fill(QRectF(flow.left(), y + flow.mm(1), flow.width(), h - flow.mm(1)), kGroupFill);
            flow.text(
                QRectF(flow.left() + padX, y + flow.mm(1) + padY, flow.width() - 2 * padX, h - 2 * padY),
                groupFont, kAccent, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, row.heading);
        } else {
            for (int i = 0; i < columns.size() && i < row.cells.size(); ++i)
                flow.text(QRectF(x[i] + padX, y + padY, x[i + 1] - x[i] - 2 * padX, h - 2 * padY), bodyFont,
                          row.cells[i].color, int(columns[i].align | Qt::AlignTop) | Qt::TextWordWrap,
                          row.cells[i].text);
        }
        flow.line(QPointF(flow.left(), y + h), QPointF(flow.right(), y + h), kHairline, 0.15);
        flow.advance(h);
    }
}

/// Wrapped text that may break across pages between lines; blank lines are kept.
void paragraphs(Flow &flow, const QString &text, const QFont &font, const QColor &color, double indent = 0)
{
    const double width = flow.width() - indent;
    const double leading = flow.lineHeight(font) * 0.2;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, font, flow.device());
        layout.setTextOption(option);
        layout.beginLayout();
        QList<QPair<QString, double>> lines; // text and ascent
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            lines.append({paragraph.mid(line.textStart(), line.textLength()).trimmed(), line.height()});
        }
        layout.endLayout();
        if (lines.isEmpty())
            lines.append({QString(), flow.lineHeight(font)});
        for (const auto &[s, h] : lines) {
            flow.ensure(h);
            flow.text(QRectF(flow.left() + indent, flow.y(), width, h), font, color,
                      Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, s);
            flow.advance(h + leading);
        }
    }
}

/// "3  Configuration" with a rule under it; kept with at least `keep` of what follows.
void section(Flow &flow, int number, const QString &title, double keep)
{
    const QFont f = flow.font(12.5, true);
    const double h = flow.lineHeight(f);
    if (!flow.ensure(flow.mm(7) + h + flow.mm(3.5) + keep))
        flow.advance(flow.atTop() ? 0 : flow.mm(7));
    const double y = flow.y();
    flow.text(QRectF(flow.left(), y, flow.mm(10), h), f, kAccent, Qt::AlignLeft | Qt::AlignVCenter,
              QString::number(number));
    flow.text(QRectF(flow.left() + flow.mm(9), y, flow.width() - flow.mm(9), h), f, kAccent,
              Qt::AlignLeft | Qt::AlignVCenter, title);
    flow.line(QPointF(flow.left(), y + h + flow.mm(1)), QPointF(flow.right(), y + h + flow.mm(1)), kRule,
              0.25);
    flow.advance(h + flow.mm(3.5));
}

struct Field
{
    QString label;
    QString value;
    int span = 1;
    bool strong = false;
};

/// Label-over-value fields in a grid of three columns, row by row.
void fieldGrid(Flow &flow, const QList<Field> &fields, double x0, double width)
{
    const QFont labelFont = flow.font(7.5);
    const QFont valueFont = flow.font(10);
    const QFont strongFont = flow.font(10, true);
    const int columns = 3;
    const double gap = flow.mm(5);
    const double column = (width - (columns - 1) * gap) / columns;
    QList<QList<Field>> rows{{}};
    int used = 0;
    for (const Field &f : fields) {
        if (used + f.span > columns) {
            rows.append(QList<Field>());
            used = 0;
        }
        rows.last().append(f);
        used += f.span;
    }
    const auto widthOf = [&](const Field &f) { return f.span * column + (f.span - 1) * gap; };
    for (const QList<Field> &row : rows) {
        // Long labels wrap; the values of a row still start on one line.
        double labels = 0;
        double values = 0;
        for (const Field &f : row) {
            labels = std::max(labels, flow.textHeight(labelFont, widthOf(f), f.label.toUpper()));
            values =
                std::max(values, flow.textHeight(f.strong ? strongFont : valueFont, widthOf(f), f.value));
        }
        const double valueTop = flow.y() + labels + flow.mm(0.6);
        double x = x0;
        for (const Field &f : row) {
            const double w = widthOf(f);
            flow.text(QRectF(x, flow.y(), w, labels), labelFont, kMuted,
                      Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, f.label.toUpper());
            flow.text(QRectF(x, valueTop, w, values), f.strong ? strongFont : valueFont,
                      f.value.isEmpty() ? kMuted : kInk, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      f.value.isEmpty() ? QStringLiteral("—") : f.value);
            x += w + gap;
        }
        flow.advance(labels + flow.mm(0.6) + values + flow.mm(3.2));
    }
}

QString qualityText(Quality q)
{
    switch (q) {
    case Quality::Good:
        return CommissioningReport::tr("Good");
    case Quality::Stale:
        return CommissioningReport::tr("Stale");
    case Quality::Error:
        return CommissioningReport::tr("Error");
    case Quality::Unknown:
        break;
    }
    return CommissioningReport::tr("Not read");
}

QColor qualityColor(Quality q)
{
    switch (q) {
    case Quality::Good:
        return kGood;
    case Quality::Stale:
        return kWarning;
    case Quality::Error:
        return kError;
    case Quality::Unknown:
        break;
    }
    return kMuted;
}

QString duration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return CommissioningReport::tr("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? CommissioningReport::tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                      : CommissioningReport::tr("%1 min").arg(s / 60);
    return CommissioningReport::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QFont baseFont()
{
    // A sans serif with °, µ and ² everywhere: DejaVu on Linux, Segoe UI on Windows, Helvetica on macOS.
    QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Segoe UI"),
                   QStringLiteral("Helvetica Neue"), QStringLiteral("Arial"), f.family()});
    f.setStyleHint(QFont::SansSerif);
    // Any letter spacing turns ligatures off (Qt 6.4 has no font feature API): "fi" stays two letters, so
    // that searching the PDF, or copying from it, finds "Configuration". 0.05 px at 300 dpi is invisible.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return f;
}

} // namespace

CommissioningReport::CommissioningReport(ReportData data) : m_data(std::move(data)) {}

QString CommissioningReport::formatDateTime(const QDateTime &t)
{
    const int offset = t.offsetFromUtc();
    const QString zone = offset == 0 ? QStringLiteral("UTC")
                                     : QStringLiteral("UTC%1%2:%3")
                                           .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                           .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                                           .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QLatin1Char(' ') + zone;
}

bool CommissioningReport::write(const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        qCWarning(lcReport) << why;
        if (error)
            *error = why;
        return false;
    };
    m_pageCount = 0;
    m_charts.clear();
    // Written to a temporary file and renamed at the end: a failed report never replaces a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));

    const ReportData &d = m_data;
    const QString date = formatDateTime(d.created);
    QPdfWriter writer(&file);
    writer.setResolution(kResolution);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(), QPageLayout::Millimeter));
    // PDF/A-1b, the archival format: a signed commissioning report is kept for as long as the plant runs.
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    writer.setTitle(d.serial.isEmpty()
                        ? tr("Commissioning report: %1").arg(d.title)
                        : tr("Commissioning report: %1, serial number %2").arg(d.modelName, d.serial));
    writer.setCreator(d.software);

    Flow flow(&writer, baseFont());
    const double mm1 = flow.mm(1);

    // Title block.
    {
        const QFont titleFont = flow.font(21, true);
        const QFont subtitleFont = flow.font(11.5);
        const double th = flow.lineHeight(titleFont);
        flow.text(QRectF(flow.left(), flow.y(), flow.width(), th), titleFont, kInk,
                  Qt::AlignLeft | Qt::AlignVCenter, tr("Commissioning report"));
        flow.advance(th + mm1);
        const QString subtitle =
            d.serial.isEmpty() ? d.title : tr("%1 · serial number %2").arg(d.modelName, d.serial);
        const double sh = flow.textHeight(subtitleFont, flow.width(), subtitle);
        flow.text(QRectF(flow.left(), flow.y(), flow.width(), sh), subtitleFont, kMuted,
                  Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, subtitle);
        flow.advance(sh + 3 * mm1);
        flow.line(QPointF(flow.left(), flow.y()), QPointF(flow.right(), flow.y()), kAccent, 0.8);
        flow.advance(5 * mm1);
    }

    // Identity and commissioning facts, in a box.
    {
        QList<Field> device{{tr("Model"), d.modelName, 1, true},
                            {tr("Serial number"), d.serial, 1, true},
                            {tr("Firmware revision"), d.firmware, 1, false},
                            {tr("Device profile"), d.profileName, 2, false},
                            {tr("Connection"), d.connection, 1, false}};
        for (const ReportField &f : d.identity)
            device.append({f.label, f.value, 1, false});
        const QList<Field> visit{{tr("Date"), date, 1, false},
                                 {tr("Technician"), d.technician, 1, true},
                                 {tr("Created with"), d.software, 1, false}};
        const double pad = 4 * mm1;
        const double top = flow.y();
        // The box is drawn behind the fields: its height is known only after them.
        auto box = std::make_shared<QRectF>();
        flow.draw([box](QPainter &p) {
            p.setPen(QPen(kRule, CommissioningReport::kResolution / 25.4 * 0.2));
            p.setBrush(kBoxFill);
            p.drawRect(*box);
        });
        flow.advance(pad);
        fieldGrid(flow, device, flow.left() + pad, flow.width() - 2 * pad);
        const double divider = flow.y() - 1.2 * mm1;
        flow.line(QPointF(flow.left() + pad, divider), QPointF(flow.right() - pad, divider), kRule, 0.2);
        flow.advance(2 * mm1);
        fieldGrid(flow, visit, flow.left() + pad, flow.width() - 2 * pad);
        flow.advance(pad - 3.2 * mm1);
        *box = QRectF(flow.left(), top, flow.width(), flow.y() - top);
    }

    int number = 0;
    // Notes.
    {
        const QFont f = flow.font(10);
        section(flow, ++number, tr("Notes"), flow.lineHeight(f) * 2);
        if (d.notes.trimmed().isEmpty())
            paragraphs(flow, tr("No notes were entered."), flow.font(10, false, true), kMuted);
        else
            paragraphs(flow, d.notes.trimmed(), f, kInk);
    }

    // Live readings.
    {
        section(flow, ++number, tr("Live readings"), flow.mm(20));
        const QList<Column> columns{{tr("Measurement"), 0.40},
                                    {tr("Value"), 0.16, Qt::AlignRight},
                                    {tr("Unit"), 0.10},
                                    {tr("Quality"), 0.14},
                                    {tr("Time"), 0.20}};
        QList<Row> rows;
        QString group;
        for (const ReportReading &r : d.readings) {
            if (r.group != group) {
                group = r.group;
                rows.append(Row{{}, group});
            }
            const bool sameDay = r.time.isValid() && r.time.date() == d.created.date();
            const QString time = !r.time.isValid() ? QStringLiteral("—")
                                 : sameDay         ? r.time.toString(QStringLiteral("HH:mm:ss"))
                                                   : r.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            rows.append(
                Row{{{r.name},
                     {r.value.isEmpty() ? QStringLiteral("—") : r.value, r.value.isEmpty() ? kMuted : kInk},
                     {r.unit},
                     {qualityText(r.quality), qualityColor(r.quality)},
                     {time, kMuted}},
                    {}});
        }
        if (rows.isEmpty())
            paragraphs(flow, tr("The profile names no measurements."), flow.font(10, false, true), kMuted);
        else
            table(flow, tr("Live readings"), columns, rows);
    }

    // Chart: one panel per unit, never split.
    {
        auto chart =
            std::make_shared<ReportChart>(d.chart, d.chartStartMs, d.chartEndMs, &writer, baseFont());
        const double first = chart->panelCount() ? chart->panelHeight(0, flow.width()) : flow.mm(10);
        section(flow, ++number, tr("Trend"), first + flow.mm(8));
        const QFont captionFont = flow.font(9);
        const QString from =
            QDateTime::fromMSecsSinceEpoch(d.chartStartMs).toString(QStringLiteral("HH:mm:ss"));
        const QString to = QDateTime::fromMSecsSinceEpoch(d.chartEndMs).toString(QStringLiteral("HH:mm:ss"));
        paragraphs(flow,
                   chart->panelCount()
                       ? tr("Measured from %1 to %2 (%3). Lines break where the device did not answer; the "
                            "legend gives each channel's last value.")
                             .arg(from, to, duration(d.chartEndMs - d.chartStartMs))
                       : tr("No measurements were charted."),
                   captionFont, kMuted);
        flow.advance(2 * mm1);
        for (int i = 0; i < chart->panelCount(); ++i) {
            const double h = chart->panelHeight(i, flow.width());
            flow.ensure(h);
            const QRectF rect(flow.left(), flow.y(), flow.width(), h);
            const QRectF plot = chart->plotArea(i, rect);
            m_charts.append(
                ChartPlacement{flow.page(),
                               QRectF(plot.x() / flow.pageWidth(), plot.y() / flow.pageHeight(),
                                      plot.width() / flow.pageWidth(), plot.height() / flow.pageHeight()),
                               chart->panelColors(i)});
            flow.draw([chart, i, rect](QPainter &p) { chart->paintPanel(p, i, rect); });
            flow.advance(h + 5 * mm1);
        }
    }

    // Configuration, under the profile's group headings.
    {
        section(flow, ++number, tr("Configuration"), flow.mm(25));
        paragraphs(
            flow, tr("Every writable setting of the device with the value it held when the report was made."),
            flow.font(9), kMuted);
        flow.advance(2 * mm1);
        const QList<Column> columns{{tr("Setting"), 0.42},
                                    {tr("Value"), 0.24, Qt::AlignRight},
                                    {tr("Unit"), 0.10},
                                    {tr("Register"), 0.24}};
        QList<Row> rows;
        QString group;
        for (const ReportConfigRow &c : d.configuration) {
            if (c.group != group) {
                group = c.group;
                rows.append(Row{{}, group});
            }
            Cell value{c.value, kInk};
            if (c.value.isEmpty())
                value = Cell{c.remark, kError};
            else if (!c.remark.isEmpty())
                value = Cell{tr("%1 (%2)").arg(c.value, c.remark), kWarning};
            rows.append(Row{{{c.name}, value, {c.unit}, {c.address, kMuted}}, {}});
        }
        if (rows.isEmpty())
            paragraphs(flow, tr("The device has no writable settings."), flow.font(10, false, true), kMuted);
        else
            table(flow, tr("Configuration"), columns, rows);
    }

    // Sign-off, kept whole on one page.
    {
        const QFont statementFont = flow.font(9.5);
        const QFont labelFont = flow.font(7.5);
        const QFont nameFont = flow.font(10.5, true);
        const QFont captionFont = flow.font(7.5);
        const QString statement = tr("The device identified above was commissioned with the configuration "
                                     "listed in this report. The readings were taken from the device on %1.")
                                      .arg(date);
        const double statementHeight = flow.textHeight(statementFont, flow.width(), statement);
        const double labelHeight = flow.lineHeight(labelFont);
        const double captionHeight = flow.lineHeight(captionFont);
        // Room to write a name, then more room to sign.
        const double nameSpace = 11 * mm1;
        const double signatureSpace = 17 * mm1;
        const double block =
            statementHeight + 6 * mm1 + labelHeight + nameSpace + signatureSpace + 2 * captionHeight;
        section(flow, ++number, tr("Sign-off"), block);
        flow.text(QRectF(flow.left(), flow.y(), flow.width(), statementHeight), statementFont, kInk,
                  Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, statement);
        flow.advance(statementHeight + 6 * mm1);
        const double gap = 14 * mm1;
        const double column = (flow.width() - gap) / 2;
        const struct
        {
            QString label;
            QString name;
        } signers[] = {{tr("Technician"), d.technician},
                       {tr("Accepted by (operator of the plant)"), QString()}};
        const double top = flow.y();
        for (int i = 0; i < 2; ++i) {
            const double x = flow.left() + i * (column + gap);
            double y = top;
            flow.text(QRectF(x, y, column, labelHeight), labelFont, kMuted, Qt::AlignLeft | Qt::AlignTop,
                      signers[i].label.toUpper());
            y += labelHeight;
            // Name: printed for the technician, written by hand for the plant.
            const double nameHeight = flow.lineHeight(nameFont);
            flow.text(QRectF(x, y + nameSpace - nameHeight - 0.8 * mm1, column, nameHeight), nameFont, kInk,
                      Qt::AlignLeft | Qt::AlignBottom, signers[i].name);
            for (const auto &[caption, space] :
                 {std::pair(tr("Name"), nameSpace), std::pair(tr("Date and signature"), signatureSpace)}) {
                y += space;
                flow.line(QPointF(x, y), QPointF(x + column, y), kInk, 0.25);
                flow.text(QRectF(x, y + 0.8 * mm1, column, captionHeight), captionFont, kMuted,
                          Qt::AlignLeft | Qt::AlignTop, caption);
                y += captionHeight;
            }
        }
        flow.advance(labelHeight + nameSpace + signatureSpace + 2 * captionHeight);
    }

    // Draw: running header from page 2, footer on every page.
    m_pageCount = int(flow.pages().size());
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(tr("Cannot write %1: the PDF could not be started.").arg(QDir::toNativeSeparators(path)));
    const QFont chromeFont = flow.font(7.5);
    const QFont chromeBold = flow.font(7.5, true);
    const double chromeHeight = flow.lineHeight(chromeFont);
    const double footerY = flow.pageHeight() - flow.mm(17);
    const QString footerLeft = (d.serial.isEmpty() ? d.title : tr("Serial number %1").arg(d.serial)) +
                               QStringLiteral("  ·  ") + date;
    for (int page = 0; page < m_pageCount; ++page) {
        if (page > 0 && !writer.newPage())
            return fail(
                tr("Cannot write %1: a new page could not be started.").arg(QDir::toNativeSeparators(path)));
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        if (page > 0) {
            const double y = flow.mm(13);
            painter.setFont(chromeBold);
            painter.setPen(kInk);
            painter.drawText(QRectF(flow.left(), y, flow.width() / 2, chromeHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, tr("Commissioning report"));
            painter.setFont(chromeFont);
            painter.setPen(kMuted);
            const QString right =
                QFontMetricsF(chromeFont, &writer).elidedText(d.title, Qt::ElideMiddle, flow.width() / 2);
            painter.drawText(QRectF(flow.left() + flow.width() / 2, y, flow.width() / 2, chromeHeight),
                             Qt::AlignRight | Qt::AlignVCenter, right);
            painter.setPen(QPen(kRule, flow.mm(0.2)));
            painter.drawLine(QPointF(flow.left(), y + chromeHeight + mm1),
                             QPointF(flow.right(), y + chromeHeight + mm1));
        }
        painter.setPen(QPen(kRule, flow.mm(0.2)));
        painter.drawLine(QPointF(flow.left(), footerY), QPointF(flow.right(), footerY));
        painter.setFont(chromeFont);
        painter.setPen(kMuted);
        painter.drawText(QRectF(flow.left(), footerY + 1.5 * mm1, flow.width() * 0.7, chromeHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, footerLeft);
        painter.drawText(
            QRectF(flow.left() + flow.width() * 0.7, footerY + 1.5 * mm1, flow.width() * 0.3, chromeHeight),
            Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page + 1).arg(m_pageCount));
        for (const PaintOp &op : flow.pages().at(page))
            op(painter);
    }
    if (!painter.end())
        return fail(
            tr("Cannot write %1: the PDF could not be finished.").arg(QDir::toNativeSeparators(path)));
    if (!file.commit())
        return fail(tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

} // namespace pyrolink
