#include "JsonLocator.h"

namespace pyrolink {

JsonLocator::JsonLocator(const QByteArray &json) : m_json(json)
{
    skipSpace();
    if (m_pos < m_json.size())
        value(QString());
}

int JsonLocator::line(const QString &path) const
{
    QString p = path;
    while (true) {
        const auto it = m_lines.constFind(p);
        if (it != m_lines.constEnd())
            return *it;
        const qsizetype cut = std::max(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            return m_lines.value(QString(), 1);
        p.truncate(cut);
    }
}

int JsonLocator::lineAt(const QByteArray &json, qsizetype offset)
{
    return int(json.left(offset).count('\n')) + 1;
}

void JsonLocator::skipSpace()
{
    while (m_pos < m_json.size()) {
        const char c = m_json.at(m_pos);
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        ++m_pos;
    }
}

QString JsonLocator::string()
{
    const qsizetype start = ++m_pos; // after the opening quote
    while (m_pos < m_json.size() && m_json.at(m_pos) != '"')
        m_pos += (m_json.at(m_pos) == '\\') ? 2 : 1;
    const QString s = QString::fromUtf8(m_json.mid(start, m_pos - start));
    ++m_pos;
    return s;
}

void JsonLocator::scalar()
{
    while (m_pos < m_json.size()) {
        const char c = m_json.at(m_pos);
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
            return;
        ++m_pos;
    }
}

void JsonLocator::value(const QString &path)
{
    skipSpace();
    if (m_pos >= m_json.size())
        return;
    m_lines.insert(path, m_line);
    const char c = m_json.at(m_pos);
    if (c == '{') {
        ++m_pos;
        skipSpace();
        while (m_pos < m_json.size() && m_json.at(m_pos) != '}') {
            const int keyLine = m_line;
            const QString key = string();
            const QString child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            skipSpace();
            ++m_pos; // ':'
            value(child);
            m_lines.insert(child, keyLine);
            skipSpace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',') {
                ++m_pos;
                skipSpace();
            }
        }
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        skipSpace();
        int index = 0;
        while (m_pos < m_json.size() && m_json.at(m_pos) != ']') {
            value(path + QLatin1Char('[') + QString::number(index++) + QLatin1Char(']'));
            skipSpace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',') {
                ++m_pos;
                skipSpace();
            }
        }
        ++m_pos;
    } else if (c == '"') {
        string();
    } else {
        scalar();
    }
}

} // namespace pyrolink
