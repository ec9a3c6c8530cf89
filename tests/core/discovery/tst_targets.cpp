// The pure parts of discovery: address ranges and their caps, port and unit lists, the local-subnet cap, the
// neighbour table parser, the register unique to each model (computed from the real optris-ct profile) and
// the CSV export of the results table.
#include "discovery/DeviceIdentifier.h"
#include "discovery/DiscoveredDevice.h"
#include "discovery/DiscoveryMethod.h"
#include "discovery/LocalSubnets.h"
#include "discovery/NeighbourTable.h"
#include "discovery/TargetParser.h"
#include "profile/ProfileRegistry.h"

#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrolink;

namespace {
quint32 ip(const char *text)
{
    return QHostAddress(QString::fromLatin1(text)).toIPv4Address();
}
} // namespace

class TestTargets : public QObject
{
    Q_OBJECT
private slots:
    void ranges_data();
    void ranges();
    void badRanges_data();
    void badRanges();
    void capWithoutWide();
    void capWithWide();
    void addressesAreDistinctInOrder();
    void numberLists();
    void badNumberLists_data();
    void badNumberLists();
    void localSubnetSmallIsWhole();
    void localSubnetLargeIsCappedAroundOwnAddress();
    void localSubnetWide();
    void localSubnetCapStaysInsideSubnet();
    void neighbourTableKeepsCompleteEntries();
    void uniqueRegistersOfOptrisCt();
    void suggestModel();
    void probeUsesFirstIdentityRegister();
    void registryHasBuiltInMethods();
    void csvExport();
};

void TestTargets::ranges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("cidr /24") << "10.200.0.0/24"
                              << "10.200.0.1"
                              << "10.200.0.254";
    QTest::newRow("cidr /22") << "10.200.4.0/22"
                              << "10.200.4.1"
                              << "10.200.7.254";
    QTest::newRow("cidr of a host address") << "192.168.1.10/24"
                                            << "192.168.1.1"
                                            << "192.168.1.254";
    QTest::newRow("cidr /30") << "10.0.0.4/30"
                              << "10.0.0.5"
                              << "10.0.0.6";
    QTest::newRow("cidr /31: both") << "10.0.0.4/31"
                                    << "10.0.0.4"
                                    << "10.0.0.5";
    QTest::newRow("cidr /32") << "10.0.0.9/32"
                              << "10.0.0.9"
                              << "10.0.0.9";
    QTest::newRow("first-last") << "10.200.0.1-10.200.0.254"
                                << "10.200.0.1"
                                << "10.200.0.254";
    QTest::newRow("across octets") << "10.0.0.250-10.0.1.5"
                                   << "10.0.0.250"
                                   << "10.0.1.5";
    QTest::newRow("last octet only") << "10.200.0.10-20"
                                     << "10.200.0.10"
                                     << "10.200.0.20";
    QTest::newRow("one address") << " 127.0.0.1 "
                                 << "127.0.0.1"
                                 << "127.0.0.1";
}

void TestTargets::ranges()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QString error;
    const auto r = TargetParser::parseRange(text, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(TargetParser::toString(r->first), first);
    QCOMPARE(TargetParser::toString(r->last), last);
}

void TestTargets::badRanges_data()
{
    QTest::addColumn<QString>("text");
    for (const char *t : {"", "10.0.0", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.256",
                          "10.0.0.9-10.0.0.1", "10.0.0.1-300", "host.example", "167772161", "10.0.0.1-"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestTargets::badRanges()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!TargetParser::parseRange(text, &error));
    QVERIFY(error.endsWith(QLatin1Char('.')));
    QVERIFY2(error.contains(QStringLiteral("\"%1\"").arg(text.trimmed())), qPrintable(error));
}

void TestTargets::capWithoutWide()
{
    QString error;
    const auto a22 = TargetParser::addresses({QStringLiteral("10.0.0.0/22")}, false, &error);
    QVERIFY2(a22, qPrintable(error));
    QCOMPARE(a22->size(), 1022);
    QVERIFY(TargetParser::addresses({QStringLiteral("10.0.0.0-10.0.3.255")}, false, &error)); // exactly 1024
    QVERIFY(!TargetParser::addresses({QStringLiteral("10.0.0.0-10.0.4.0")}, false, &error));  // 1025
    QVERIFY(!TargetParser::addresses({QStringLiteral("10.0.0.0/21")}, false, &error));
    QVERIFY2(error.contains(QLatin1String("--wide")), qPrintable(error));
    QVERIFY(!TargetParser::addresses({QStringLiteral("10.0.0.0/7")}, false, &error));
    QVERIFY2(error.startsWith(QLatin1String("10.0.0.0/7 holds 33554430 addresses")), qPrintable(error));
    // The cap counts all ranges together.
    QVERIFY(!TargetParser::addresses(
        {QStringLiteral("10.0.0.0/23"), QStringLiteral("10.0.8.0/23"), QStringLiteral("10.0.16.0/24")}, false,
        &error));
    QVERIFY2(error.contains(QLatin1String("10.0.16.0/24 and the ranges before it hold")), qPrintable(error));
}

void TestTargets::capWithWide()
{
    QString error;
    const auto a16 = TargetParser::addresses({QStringLiteral("10.1.0.0/16")}, true, &error);
    QVERIFY2(a16, qPrintable(error));
    QCOMPARE(a16->size(), 65534);
    QVERIFY(!TargetParser::addresses({QStringLiteral("10.0.0.0/15")}, true, &error));
    QVERIFY(!TargetParser::addresses({QStringLiteral("10.0.0.0/7")}, true, &error));
    QVERIFY2(error.contains(QLatin1String("even --wide")), qPrintable(error));
}

void TestTargets::addressesAreDistinctInOrder()
{
    QString error;
    const auto a = TargetParser::addresses(
        {QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.1-10.0.0.6"), QStringLiteral("10.0.0.6/32")},
        false, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(*a, (QList<quint32>{ip("10.0.0.5"), ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"),
                                 ip("10.0.0.4"), ip("10.0.0.6")}));
}

void TestTargets::numberLists()
{
    QString error;
    QCOMPARE(*TargetParser::parseNumberList(QStringLiteral("502"), 1, 65535, QStringLiteral("port"), &error),
             QList<int>{502});
    const auto ports = TargetParser::parseNumberList(QStringLiteral("1502-1510,1600"), 1, 65535,
                                                     QStringLiteral("port"), &error);
    QVERIFY2(ports, qPrintable(error));
    QCOMPARE(ports->size(), 10);
    QCOMPARE(ports->first(), 1502);
    QCOMPARE(ports->at(8), 1510);
    QCOMPARE(ports->last(), 1600);
    QCOMPARE(*TargetParser::parseNumberList(QStringLiteral(" 3, 1-3 ,2"), 1, 247, QStringLiteral("unit id"),
                                            &error),
             (QList<int>{3, 1, 2}));
    QCOMPARE(TargetParser::parseNumberList(QStringLiteral("1-247"), 1, 247, QStringLiteral("unit id"), &error)
                 ->size(),
             247);
}

void TestTargets::badNumberLists_data()
{
    QTest::addColumn<QString>("text");
    for (const char *t : {"", "0", "70000", "65536", "5-3", "a", "502,", "1-", "-5", "1502-1510,x", "1.5"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestTargets::badNumberLists()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!TargetParser::parseNumberList(text, 1, 65535, QStringLiteral("port"), &error));
    QVERIFY2(error.contains(QLatin1String("list of ports from 1 to 65535")), qPrintable(error));
}

void TestTargets::localSubnetSmallIsWhole()
{
    const LocalSubnet s = LocalSubnets::forAddress(QStringLiteral("vB"), ip("10.200.7.2"), 24, false);
    QVERIFY(!s.capped);
    QCOMPARE(TargetParser::toString(s.hosts.first), QStringLiteral("10.200.7.1"));
    QCOMPARE(TargetParser::toString(s.hosts.last), QStringLiteral("10.200.7.254"));
    QCOMPARE(s.describe(), QStringLiteral("10.200.7.0/24"));
    // Exactly a /22 is not capped either.
    const LocalSubnet s22 = LocalSubnets::forAddress(QStringLiteral("e"), ip("10.200.6.9"), 22, false);
    QVERIFY(!s22.capped);
    QCOMPARE(s22.hosts.size(), quint64(1022));
}

void TestTargets::localSubnetLargeIsCappedAroundOwnAddress()
{
    const LocalSubnet s = LocalSubnets::forAddress(QStringLiteral("eth0"), ip("10.1.5.7"), 16, false);
    QVERIFY(s.capped);
    QCOMPARE(s.scannedPrefix, 22);
    QCOMPARE(s.hosts.size(), quint64(1024));
    QCOMPARE(TargetParser::toString(s.hosts.first), QStringLiteral("10.1.4.0"));
    QCOMPARE(TargetParser::toString(s.hosts.last), QStringLiteral("10.1.7.255"));
    QVERIFY(s.hosts.first <= s.address && s.address <= s.hosts.last);
    QCOMPARE(s.describe(), QStringLiteral("10.1.4.0/22 of 10.1.0.0/16"));
}

void TestTargets::localSubnetWide()
{
    const LocalSubnet s16 = LocalSubnets::forAddress(QStringLiteral("eth0"), ip("10.1.5.7"), 16, true);
    QVERIFY(!s16.capped);
    QCOMPARE(s16.hosts.size(), quint64(65534));
    const LocalSubnet s8 = LocalSubnets::forAddress(QStringLiteral("eth0"), ip("10.1.5.7"), 8, true);
    QVERIFY(s8.capped);
    QCOMPARE(s8.hosts.size(), quint64(65536));
    QCOMPARE(s8.describe(), QStringLiteral("10.1.0.0/16 of 10.0.0.0/8"));
}

void TestTargets::localSubnetCapStaysInsideSubnet()
{
    // The /22 around 10.0.1.5 starts at the /16's network address, which is not a host.
    const LocalSubnet s = LocalSubnets::forAddress(QStringLiteral("eth0"), ip("10.0.1.5"), 16, false);
    QCOMPARE(TargetParser::toString(s.hosts.first), QStringLiteral("10.0.0.1"));
    QCOMPARE(TargetParser::toString(s.hosts.last), QStringLiteral("10.0.3.255"));
    QVERIFY(s.hosts.size() <= TargetParser::kDefaultMaxAddresses);
}

void TestTargets::neighbourTableKeepsCompleteEntries()
{
    const QByteArray text = "IP address       HW type     Flags       HW address            Mask     Device\n"
                            "10.200.5.10      0x1         0x2         DE:F0:02:29:94:02     *        vB\n"
                            "10.200.5.11      0x1         0x0         00:00:00:00:00:00     *        vB\n"
                            "10.200.5.12      0x1         0x6         0a:0b:0c:0d:0e:0f     *        vB\n"
                            "garbage\n";
    const auto table = NeighbourTable::parseProcNetArp(text);
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.value(ip("10.200.5.10")), QStringLiteral("de:f0:02:29:94:02"));
    QCOMPARE(table.value(ip("10.200.5.12")), QStringLiteral("0a:0b:0c:0d:0e:0f"));
    QVERIFY(!table.contains(ip("10.200.5.11")));
    // Loopback never has an entry.
    QVERIFY(NeighbourTable::lookup(ip("127.0.0.1")).isEmpty());
}

void TestTargets::uniqueRegistersOfOptrisCt()
{
    ProfileRegistry registry;
    registry.loadDefault();
    const auto profile = registry.find(QStringLiteral("optris-ct"));
    QVERIFY(profile);
    const auto unique = DeviceIdentifier::uniqueRegisters(*profile);
    // ctxm has no register of its own: it is the fallback model.
    QCOMPARE(unique.keys(),
             (QStringList{QStringLiteral("ct4m"), QStringLiteral("ctlt"), QStringLiteral("ctratio")}));
    QCOMPARE(unique.value(QStringLiteral("ctlt"))->id, QStringLiteral("sensor_type"));
    QCOMPARE(unique.value(QStringLiteral("ctratio"))->id, QStringLiteral("temp_ratio"));
    QCOMPARE(unique.value(QStringLiteral("ct4m"))->id, QStringLiteral("output0_mv_below"));
    // Checked independently: no other model has any register at any of its addresses.
    for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
        const RegisterDef *def = it.value();
        QVERIFY(def->isReadable());
        for (const ModelDef &m : profile->models) {
            if (m.id == it.key())
                continue;
            for (quint32 a = def->address; a <= def->lastAddress(); ++a)
                QVERIFY2(!profile->findAt(def->table, quint16(a), m.id),
                         qPrintable(QStringLiteral("%1 %2 is also in %3").arg(def->id).arg(a).arg(m.id)));
        }
    }
}

void TestTargets::suggestModel()
{
    ProfileRegistry registry;
    registry.loadDefault();
    const auto profile = registry.find(QStringLiteral("optris-ct"));
    QVERIFY(profile);
    QString why;
    QCOMPARE(DeviceIdentifier::suggestModel(*profile, {QStringLiteral("ctratio")}, &why),
             QStringLiteral("ctratio"));
    QCOMPARE(DeviceIdentifier::suggestModel(*profile, {}, &why), QStringLiteral("ctxm"));
    QVERIFY(why.isEmpty());
    QCOMPARE(DeviceIdentifier::suggestModel(*profile, {QStringLiteral("ctlt"), QStringLiteral("ct4m")}, &why),
             QString());
    QVERIFY2(why.contains(QLatin1String("ctlt, ct4m")), qPrintable(why));
    // A profile without models suggests none; with one model, that one.
    Profile plain;
    QCOMPARE(DeviceIdentifier::suggestModel(plain, {}, &why), QString());
    plain.models = {ModelDef{QStringLiteral("only"), QStringLiteral("Only"), {}}};
    QCOMPARE(DeviceIdentifier::suggestModel(plain, {}, &why), QStringLiteral("only"));
}

void TestTargets::probeUsesFirstIdentityRegister()
{
    ProfileRegistry registry;
    registry.loadDefault();
    const auto ct = registry.find(QStringLiteral("optris-ct"));
    const auto probe = DeviceIdentifier::probeFor({ct});
    QCOMPARE(int(probe.table), int(Table::Input));
    const RegisterDef *first = DeviceIdentifier::identityRegister(*ct, ct->identity.firstKey());
    QVERIFY(first);
    QCOMPARE(probe.address, first->address);
    QCOMPARE(int(probe.count), first->width());
    // Without any identity register: holding register 0.
    const auto none = DeviceIdentifier::probeFor({});
    QCOMPARE(int(none.table), int(Table::Holding));
    QCOMPARE(none.address, quint16(0));
}

void TestTargets::registryHasBuiltInMethods()
{
    QStringList ids;
    for (const auto &e : DiscoveryMethodRegistry::entries())
        ids << e.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("modbus-tcp"), QStringLiteral("modbus-rtu")}));
    std::unique_ptr<DiscoveryMethod> tcp(DiscoveryMethodRegistry::create(QStringLiteral("modbus-tcp")));
    QVERIFY(tcp);
    QCOMPARE(tcp->id(), QStringLiteral("modbus-tcp"));
    QVERIFY(!DiscoveryMethodRegistry::create(QStringLiteral("optris-udp")));
    QString error;
    DiscoveryOptions o;
    o.ranges = {QStringLiteral("10.0.0.0/7")};
    QVERIFY(!tcp->configure(o, &error));
    o.ranges = {QStringLiteral("127.0.0.1")};
    o.ports = QStringLiteral("1502-1510,1600");
    QVERIFY2(tcp->configure(o, &error), qPrintable(error));
    QCOMPARE(tcp->total(), 10);
    o.ports = QStringLiteral("0");
    QVERIFY(!tcp->configure(o, &error));
}

void TestTargets::csvExport()
{
    DiscoveredDevice a;
    a.host = QStringLiteral("10.0.0.7");
    a.port = 502;
    a.mac = QStringLiteral("de:f0:02:29:94:02");
    a.serialNumber = QStringLiteral("23120001");
    a.firmware = QStringLiteral("1460");
    a.modelId = QStringLiteral("ctlt");
    a.profileId = QStringLiteral("optris-ct");
    a.responseMs = 1.26;
    DiscoveredDevice b;
    b.transport = DiscoveredDevice::Transport::Rtu;
    b.serialPort = QStringLiteral("/dev/ttyUSB0");
    b.unit = 7;
    b.product = QStringLiteral("TH10, \"two\" channels"); // 43/14 only: shown as the model
    b.revision = QStringLiteral("1.2");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("found.csv"));
    QString error;
    QVERIFY2(DiscoveredDevice::writeCsv(path, {a, b}, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // a BOM, for Excel
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 4); // header, two rows, and the empty rest after the last CRLF
    QCOMPARE(lines.at(0),
             QStringLiteral("IP,MAC,Serial number,Firmware,Model,Port,Unit,Response ms,Profile"));
    QCOMPARE(lines.at(1),
             QStringLiteral("10.0.0.7,de:f0:02:29:94:02,23120001,1460,ctlt,502,1,1.3,optris-ct"));
    QCOMPARE(lines.at(2), QStringLiteral(",,,1.2,\"TH10, \"\"two\"\" channels\",/dev/ttyUSB0,7,0.0,"));
    QVERIFY(!DiscoveredDevice::writeCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")), {a}, &error));
    QVERIFY2(error.startsWith(QLatin1String("Could not write")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTargets)
#include "tst_targets.moc"
