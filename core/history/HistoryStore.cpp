#include "history/HistoryStore.h"

namespace pyrolink {

HistoryStore::HistoryStore(QObject *parent) : QObject(parent) {}

HistoryStore::~HistoryStore() = default;

HistoryBuffer &HistoryStore::channel(const QString &key, double rateHz)
{
    auto it = m_channels.find(key);
    if (it != m_channels.end())
        return *it->second;
    const qsizetype capacity = HistoryBuffer::capacityFor(rateHz, HistoryBuffer::kDefaultSeconds);
    it = m_channels.emplace(key, std::make_unique<HistoryBuffer>(capacity)).first;
    qCDebug(lcHistory) << "channel" << key << "at" << rateHz << "Hz:" << capacity << "samples";
    emit channelAdded(key);
    return *it->second;
}

const HistoryBuffer *HistoryStore::find(const QString &key) const
{
    const auto it = m_channels.find(key);
    return it == m_channels.end() ? nullptr : it->second.get();
}

bool HistoryStore::contains(const QString &key) const
{
    return m_channels.count(key) > 0;
}

QStringList HistoryStore::keys() const
{
    QStringList out;
    out.reserve(qsizetype(m_channels.size()));
    for (const auto &entry : m_channels)
        out.append(entry.first);
    return out;
}

void HistoryStore::append(const QString &key, qint64 tMs, double value)
{
    channel(key).append(tMs, value);
}

void HistoryStore::remove(const QString &key)
{
    if (m_channels.erase(key) > 0)
        emit channelRemoved(key);
}

void HistoryStore::clear()
{
    const QStringList removed = keys();
    m_channels.clear();
    for (const QString &key : removed)
        emit channelRemoved(key);
}

qint64 HistoryStore::totalBytes() const
{
    qint64 total = 0;
    for (const auto &entry : m_channels)
        total += entry.second->bytes();
    return total;
}

} // namespace pyrolink
