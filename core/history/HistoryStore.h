#pragma once

#include "history/HistoryBuffer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace pyrolink {

/// The live history of the polling engine: one HistoryBuffer per channel, keyed "deviceKey/registerId".
/// A channel keeps HistoryBuffer::kDefaultSeconds (24 h) at the rate it is created with; its capacity is
/// fixed from then on. A buffer is allocated whole at creation but the OS commits its pages as it fills.
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    /// Rate assumed for a channel that append() creates.
    static constexpr double kDefaultRateHz = 10.0;

    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override;

    /// The channel's buffer, created with capacityFor(rateHz, 24 h) if it does not exist yet (an existing
    /// channel keeps its capacity whatever rateHz says). The reference stays valid until remove()/clear().
    HistoryBuffer &channel(const QString &key, double rateHz = kDefaultRateHz);
    /// The channel's buffer, or nullptr if there is none.
    const HistoryBuffer *find(const QString &key) const;
    bool contains(const QString &key) const;
    /// Channel keys, sorted.
    QStringList keys() const;

    /// Appends to the channel, creating it at kDefaultRateHz if needed (call channel() first to choose the
    /// rate).
    void append(const QString &key, qint64 tMs, double value);

    void remove(const QString &key);
    void clear();

    /// Memory used by all buffers (see HistoryBuffer::bytes()).
    qint64 totalBytes() const;

signals:
    void channelAdded(const QString &key);
    void channelRemoved(const QString &key);

private:
    // Buffers on the heap so references handed out survive other channels being added.
    std::map<QString, std::unique_ptr<HistoryBuffer>> m_channels;
};

} // namespace pyrolink
