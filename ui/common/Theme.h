#pragma once

#include <QString>

class QApplication;

namespace pyrolink {

/// Light and dark palettes on the Fusion style, the same on every platform.
class Theme
{
public:
    enum Kind { Light, Dark };
    static void apply(Kind kind);
    static Kind current();
    static Kind fromName(const QString &name); ///< "dark" or anything else for light
    static QString name(Kind kind);
    /// Colours for qualities and alarms that read well on the current palette.
    static QString goodColor();
    static QString staleColor();
    static QString errorColor();
};

} // namespace pyrolink
