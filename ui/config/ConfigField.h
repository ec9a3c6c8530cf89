#pragma once

#include "modbus/RegisterIo.h"

#include <QLabel>
#include <QPointer>
#include <QVariant>
#include <QWidget>

#include <optional>

namespace pyrolink {

/// One register of the configuration form: its editor (chosen from the register's metadata), the label the
/// form shows for it, and a status marker. The field never decides what is valid: it asks RegisterIo::prepare
/// (and so Codec::validate) and shows the reason it gets.
///
/// The field holds two values: the device's (the last reading, as raw words) and the one in the editor. The
/// field is *edited* when the user changed the editor to something the device does not hold; an edited field
/// keeps the user's value when new readings come, an un-edited one follows them.
class ConfigField : public QWidget
{
    Q_OBJECT
public:
    /// The editor used: a spin box, a combo box of enum labels, one check box (bool, coil or an Off/On enum),
    /// one check box per labelled bit, or hex words in a line edit.
    enum class Kind { Number, Choice, Switch, Flags, Words };
    Q_ENUM(Kind)
    /// The outcome of the last write or read of this register.
    enum class Mark { None, Verified, Written, Mismatch, Error };
    Q_ENUM(Mark)

    explicit ConfigField(const RegisterDef &def, QWidget *parent = nullptr);
    ~ConfigField() override;

    const RegisterDef &def() const { return m_def; }
    Kind kind() const { return m_kind; }
    /// The label the form shows beside the field (the register's name; bold while edited).
    QLabel *label() const { return m_label.data(); }
    QWidget *editor() const { return m_editor; }
    QLabel *marker() const { return m_marker; }
    /// False for registers the device does not let us write: shown, but not editable.
    bool isEditable() const { return m_def.isWritable(); }

    /// The editor's value: a double (engineering value) for every kind but Words, whose value is its text.
    QVariant value() const;
    /// Shows `value` as if the user had chosen it, without emitting edited() (undo, redo, restoring edits).
    /// An invalid QVariant means the device's value (as revert()).
    void setValue(const QVariant &value);
    /// Puts `text` into the editor as if typed: a number, an enum label, on/off, hex words.
    void setText(const QString &text);
    /// The editor's value as a person reads it ("0.850", "Smart Averaging"); for a spin box being typed into,
    /// what is typed.
    QString text() const;

    bool hasDeviceValue() const { return m_device.has_value(); }
    QVariant deviceValue() const;
    /// The device's value as a person reads it, "—" before the first reading.
    QString deviceText() const;
    /// A reading from the poller: a good one becomes the device value; an error is marked.
    void setReading(const Reading &reading);
    /// The device holds these words now (a reading or a read-back).
    void setDeviceWords(const QList<quint16> &raw);

    bool isEdited() const { return m_edited; }
    /// Why the editor's content cannot be written, as one sentence; empty when it can.
    QString problem() const;
    /// The validated, encoded item to write, or nullopt (with *error) when the content cannot be written.
    std::optional<WriteItem> writeItem(QString *error = nullptr) const;
    /// Back to the device's value.
    void revert();

    /// The unit the device shows now (°C or °F after its unit switch): the spin box's suffix.
    void setUnit(const QString &unit);
    QString unit() const { return m_unit; }

    /// A mark with its short text (shown beside the editor) and the sentence of its tooltip.
    struct MarkInfo
    {
        Mark mark = Mark::None;
        QString text;
        QString detail;
    };
    void setMark(const MarkInfo &mark);
    MarkInfo markInfo() const { return m_mark; }
    Mark mark() const { return m_mark.mark; }
    /// Marks the outcome of writing this register and takes the read-back as the device's value.
    void applyOutcome(const WriteOutcome &outcome);
    /// The mark a write outcome deserves.
    static MarkInfo markFor(const WriteOutcome &outcome);
    /// True when a pending edit `value` is what the outcome wrote (so the edit is done with).
    static bool wrote(const WriteOutcome &outcome, const QVariant &value);

signals:
    /// The user changed the value (typing, arrows, a choice). Not emitted by setValue() or readings.
    void edited(const QVariant &from, const QVariant &to);
    /// The user finished an edit (Enter, focus out, a choice made): the next edit is a new undo step.
    void editingFinished();
    /// isEdited(), problem() or the mark changed.
    void stateChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildEditor();
    void showInEditor(const QVariant &value);
    void onUserChange();
    bool matchesDevice(const QVariant &value) const;
    double snapped(double value) const;
    void enableEditor();
    void refreshLook();
    void refreshToolTip();
    QString formatted(const QVariant &value) const;

    const RegisterDef &m_def;
    Kind m_kind = Kind::Number;
    QPointer<QLabel> m_label; ///< owned by the form's layout once added, else by this field
    QWidget *m_editor = nullptr;
    QLabel *m_marker = nullptr;
    std::optional<QList<quint16>> m_device;
    QVariant m_last; ///< the editor's value before the current change: the "from" of edited()
    bool m_edited = false;
    QString m_unit;
    MarkInfo m_mark;
    QString m_readError; ///< short: "Illegal data address"
    QString m_readErrorDetail;
};

} // namespace pyrolink
