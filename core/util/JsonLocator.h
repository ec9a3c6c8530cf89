#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pyrolink {

/// Maps each JSON path ("registers[3].scale.divisor") of a document to the line it starts on.
/// QJsonDocument keeps no source positions, and a profile error must name its line, so this small scanner
/// walks the text once more after QJsonDocument has accepted it.
class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray &json);
    /// 1-based line of the value at `path`; for a missing member, the line of the nearest enclosing value.
    int line(const QString &path) const;
    /// 1-based line of a byte offset (for QJsonParseError::offset).
    static int lineAt(const QByteArray &json, qsizetype offset);

private:
    void value(const QString &path);
    void skipSpace();
    QString string();
    void scalar();

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
};

} // namespace pyrolink
