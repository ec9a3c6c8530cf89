// Tests of HistoryStore: one HistoryBuffer per channel key, created on demand at the channel's rate.
#include "history/HistoryStore.h"

#include <QSignalSpy>
#include <QtTest>

using namespace pyrolink;

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void channelCreatedOnDemand();
    void appendCreatesAtDefaultRate();
    void totalBytesSumsChannels();
    void removeAndClear();
};

void TestHistoryStore::channelCreatedOnDemand()
{
    HistoryStore store;
    QSignalSpy added(&store, &HistoryStore::channelAdded);
    QVERIFY(!store.contains(QStringLiteral("ct1/temp")));
    QCOMPARE(store.find(QStringLiteral("ct1/temp")), nullptr);

    HistoryBuffer &temp = store.channel(QStringLiteral("ct1/temp"), 10);
    QCOMPARE(temp.capacity(), qsizetype(864'000));
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("ct1/temp"));

    // Asking again returns the same buffer, whatever the rate: the capacity is fixed at creation.
    HistoryBuffer &again = store.channel(QStringLiteral("ct1/temp"), 1);
    QCOMPARE(&again, &temp);
    QCOMPARE(again.capacity(), qsizetype(864'000));
    QCOMPARE(added.count(), 1);

    HistoryBuffer &slow = store.channel(QStringLiteral("ct1/ambient"), 0.5);
    QCOMPARE(slow.capacity(), qsizetype(43'200));
    // References survive other channels being added.
    for (int i = 0; i < 20; ++i)
        store.channel(QStringLiteral("dev%1/x").arg(i), 1);
    QCOMPARE(store.find(QStringLiteral("ct1/temp")), &temp);
    QCOMPARE(store.keys().size(), 22);
    QCOMPARE(store.keys().first(), QStringLiteral("ct1/ambient")); // sorted
}

void TestHistoryStore::appendCreatesAtDefaultRate()
{
    HistoryStore store;
    QSignalSpy added(&store, &HistoryStore::channelAdded);
    store.append(QStringLiteral("ct1/temp"), 1000, 21.5);
    store.append(QStringLiteral("ct1/temp"), 1100, 21.7);
    QCOMPARE(added.count(), 1);
    const HistoryBuffer *b = store.find(QStringLiteral("ct1/temp"));
    QVERIFY(b);
    QCOMPARE(b->capacity(), HistoryBuffer::capacityFor(HistoryStore::kDefaultRateHz));
    QCOMPARE(b->size(), qsizetype(2));
    QCOMPARE(b->sample(1).tMs, qint64(1100));
    QCOMPARE(b->sample(1).value, 21.7);

    // A channel made with its own rate first keeps that rate's capacity.
    store.channel(QStringLiteral("ct1/ambient"), 1);
    store.append(QStringLiteral("ct1/ambient"), 1000, 30);
    QCOMPARE(store.find(QStringLiteral("ct1/ambient"))->capacity(), qsizetype(86'400));
}

void TestHistoryStore::totalBytesSumsChannels()
{
    HistoryStore store;
    QCOMPARE(store.totalBytes(), qint64(0));
    const HistoryBuffer &a = store.channel(QStringLiteral("a/x"), 10);
    const HistoryBuffer &b = store.channel(QStringLiteral("b/x"), 2);
    QCOMPARE(store.totalBytes(), a.bytes() + b.bytes());
    // 24 h at 10 Hz plus 24 h at 2 Hz, at no more than 16 bytes a sample.
    QVERIFY(store.totalBytes() <= 16 * (864'000 + 172'800));
}

void TestHistoryStore::removeAndClear()
{
    HistoryStore store;
    QSignalSpy removed(&store, &HistoryStore::channelRemoved);
    store.channel(QStringLiteral("a/x"), 1);
    store.channel(QStringLiteral("b/x"), 1);
    store.channel(QStringLiteral("c/x"), 1);
    store.remove(QStringLiteral("b/x"));
    store.remove(QStringLiteral("nope"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(store.keys(), QStringList({QStringLiteral("a/x"), QStringLiteral("c/x")}));
    store.clear();
    QCOMPARE(removed.count(), 3);
    QVERIFY(store.keys().isEmpty());
    QCOMPARE(store.totalBytes(), qint64(0));
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
