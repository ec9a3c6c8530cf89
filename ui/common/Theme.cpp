#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace pyrolink {

namespace {
Theme::Kind g_current = Theme::Light;
}

void Theme::apply(Kind kind)
{
    g_current = kind;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (kind == Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    // Fields a shade lighter than the window: Fusion draws check box and frame outlines darker than the window,
    // which would vanish on a field darker still.
    const QColor window(0x2b, 0x2d, 0x31), base(0x3a, 0x3c, 0x41), text(0xe6, 0xe6, 0xe6);
    const QColor highlight(0x3d, 0x7e, 0xc9), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, base.darker(110));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, window.darker(130));
    p.setColor(QPalette::Dark, window.darker(160));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(p);
}

Theme::Kind Theme::current()
{
    return g_current;
}

Theme::Kind Theme::fromName(const QString &name)
{
    return name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0 ? Dark : Light;
}

QString Theme::name(Kind kind)
{
    return kind == Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

QString Theme::goodColor()
{
    return g_current == Dark ? QStringLiteral("#5cc46b") : QStringLiteral("#1f8a3b");
}
QString Theme::staleColor()
{
    return g_current == Dark ? QStringLiteral("#e0b040") : QStringLiteral("#a86b00");
}
QString Theme::errorColor()
{
    return g_current == Dark ? QStringLiteral("#ff6b6b") : QStringLiteral("#c02020");
}

} // namespace pyrolink
