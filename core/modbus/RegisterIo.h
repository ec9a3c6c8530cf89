#pragma once

#include "ModbusLink.h"
#include "Reading.h"
#include "profile/Profile.h"

#include <QObject>

#include <functional>

namespace pyrolink {

/// One value to write, already validated and encoded.
struct WriteItem
{
    const RegisterDef *def = nullptr;
    double value = 0.0;
    QList<quint16> words;
};

/// The outcome of writing one register and reading it back.
struct WriteOutcome
{
    WriteItem item;
    bool written = false;
    bool verified = false; ///< read back equal to what was written (actions are not read back)
    QList<quint16> readBack;
    QString error;
    int exceptionCode = 0;
};

/// One-shot reads and verified writes of profile registers over a ModbusLink, in as few requests as the
/// registers allow. When a merged read is refused with Illegal data address, its registers are read one by
/// one, so one missing register does not hide the others.
class RegisterIo : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(const QList<Reading> &)>;
    using WriteDone = std::function<void(const QList<WriteOutcome> &)>;

    explicit RegisterIo(ModbusLink *link, QObject *parent = nullptr);
    /// Unit id for every request (-1: the link's own). Devices sharing one RTU line each name theirs.
    void setUnit(int unit) { m_unit = unit; }

    /// Reads the registers; the callback gets one Reading per register, in the order given.
    void read(const QList<const RegisterDef *> &registers, ReadDone done, int maxGap = 0);
    /// Writes the items in order, each followed by a read-back; stops at nothing: every item is reported.
    void write(const QList<WriteItem> &items, WriteDone done);

    /// Encodes a parsed value for writing, or says in one sentence why it cannot be written.
    static std::optional<WriteItem> prepare(const RegisterDef &def, double value, QString *error);
    /// The same from what a person typed: a number, an enum label, on/off, or hex words for a words block.
    static std::optional<WriteItem> prepareText(const RegisterDef &def, const QString &text, QString *error);
    /// Engineering value of a reading's raw words (NaN for words blocks).
    static Reading makeReading(const RegisterDef &def, const QList<quint16> &raw, qint64 timestampMs);
    /// Makes `r` a good reading of `def` from def.width() words, in place: the raw list keeps its capacity,
    /// so polling allocates nothing per register per cycle.
    static void setReading(Reading &r, const RegisterDef &def, const quint16 *words, qint64 timestampMs);

private:
    struct ReadJob;
    void nextBlock(const std::shared_ptr<ReadJob> &job);
    struct WriteJob;
    void nextWrite(const std::shared_ptr<WriteJob> &job);

    ModbusLink *m_link;
    int m_unit = -1;
};

/// The unit a register shows, after the profile's unit selectors (°C/°F switch) given the values read.
QString displayUnit(const Profile &profile, const RegisterDef &def, const QList<Reading> &readings);

} // namespace pyrolink
