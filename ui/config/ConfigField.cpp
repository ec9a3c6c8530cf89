#include "ConfigField.h"

#include "common/Theme.h"
#include "profile/Codec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QWheelEvent>

#include <cmath>

namespace pyrolink {

namespace {

/// A spin box that lets a number outside its range be typed (rather than swallowing the key), so that the
/// field can say why it cannot be written; leaving the box puts the last valid value back. It ignores the
/// wheel unless focused, so scrolling the form never changes a setting by accident.
class RegisterSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QLineEdit *edit() const { return lineEdit(); }

    QValidator::State validate(QString &text, int &pos) const override
    {
        const QValidator::State state = QDoubleSpinBox::validate(text, pos);
        if (state != QValidator::Invalid)
            return state;
        bool ok = false;
        locale().toDouble(stripped(text), &ok);
        return ok ? QValidator::Intermediate : QValidator::Invalid;
    }

    /// The number typed, in the user's locale, whether or not it is in range.
    std::optional<double> typed() const
    {
        bool ok = false;
        const double v = locale().toDouble(cleanText(), &ok);
        return ok ? std::optional<double>(v) : std::nullopt;
    }

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (hasFocus())
            QDoubleSpinBox::wheelEvent(event);
        else
            event->ignore(); // the scroll area scrolls instead
    }

private:
    QString stripped(QString text) const
    {
        if (!suffix().isEmpty() && text.endsWith(suffix()))
            text.chop(suffix().size());
        if (!prefix().isEmpty() && text.startsWith(prefix()))
            text.remove(0, prefix().size());
        return text.trimmed();
    }
};

class ChoiceBox : public QComboBox
{
public:
    using QComboBox::QComboBox;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (hasFocus())
            QComboBox::wheelEvent(event);
        else
            event->ignore();
    }
};

ConfigField::Kind kindOf(const RegisterDef &def)
{
    if (def.type == ValueType::Words)
        return ConfigField::Kind::Words;
    const bool offOn = def.enumLabels.size() == 2 &&
                       def.enumLabels.value(0).compare(QLatin1String("off"), Qt::CaseInsensitive) == 0 &&
                       def.enumLabels.value(1).compare(QLatin1String("on"), Qt::CaseInsensitive) == 0;
    if (def.type == ValueType::Bool || def.isBitTable() || offOn)
        return ConfigField::Kind::Switch;
    if (!def.enumLabels.isEmpty())
        return ConfigField::Kind::Choice;
    if (!def.bitLabels.isEmpty() && def.scale.isIdentity() && def.type != ValueType::F32)
        return ConfigField::Kind::Flags;
    return ConfigField::Kind::Number;
}

/// A spin box holds decimal numbers; the register holds steps of its resolution. The nearest step is what
/// gets written (and what the Apply dialog shows), so 4 shown decimals of a 1/32768 gain can still be
/// applied.
double snap(const RegisterDef &def, double value)
{
    if (def.type == ValueType::F32 || def.resolution() <= 0 || !std::isfinite(value))
        return value;
    const double raw = std::round(value * def.scale.divisor + def.scale.offset);
    return (raw - def.scale.offset) / def.scale.divisor;
}

/// The words `value` encodes to, if it can be written (numbers are snapped to the resolution first).
std::optional<QList<quint16>> encoded(const RegisterDef &def, const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    if (def.type == ValueType::Words)
        return Codec::wordsFromHex(value.toString());
    return Codec::encode(def, snap(def, value.toDouble()));
}

QString tinted(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount))
        .name();
}

} // namespace

ConfigField::ConfigField(const RegisterDef &def, QWidget *parent)
    : QWidget(parent), m_def(def), m_kind(kindOf(def)), m_label(new QLabel(def.name)),
      m_marker(new QLabel(this))
{
    setObjectName(def.id);
    buildEditor();
    m_editor->setObjectName(def.id);
    m_label->setBuddy(m_editor);
    m_unit = def.unit;
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(m_editor); spin && !m_unit.isEmpty())
        spin->setSuffix(QLatin1Char(' ') + m_unit);

    m_marker->setTextFormat(Qt::PlainText);
    m_marker->setWordWrap(true);
    m_marker->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_editor);
    row->addWidget(m_marker, 1);

    // Readable registers wait for their first reading: a value made up by the form must not look like the
    // device's. Registers that cannot be read are editable at once.
    if (def.isReadable())
        m_editor->setEnabled(false);
    m_last = value();
    refreshToolTip();
    refreshLook();
}

ConfigField::~ConfigField()
{
    if (m_label && !m_label->parent())
        delete m_label.data(); // never added to a form
}

void ConfigField::buildEditor()
{
    const int em = fontMetrics().averageCharWidth();
    switch (m_kind) {
    case Kind::Number: {
        auto *spin = new RegisterSpinBox;
        const int decimals = m_def.type == ValueType::F32 ? std::max(m_def.decimals, 3) : m_def.decimals;
        spin->setDecimals(decimals);
        spin->setRange(m_def.effectiveMin(), m_def.effectiveMax());
        spin->setSingleStep(m_def.resolution() > 0 ? m_def.resolution() : std::pow(10.0, -decimals));
        spin->setKeyboardTracking(true);
        spin->setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
        spin->setAccelerated(true);
        spin->setFocusPolicy(Qt::StrongFocus);
        spin->setReadOnly(!isEditable());
        if (!isEditable())
            spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ConfigField::onUserChange);
        // Text that is not (yet) a valid value changes what problem() says. The spin box's own textChanged
        // comes only with a valid value: the line edit's comes with every keystroke.
        connect(spin->edit(), &QLineEdit::textChanged, this, [this] {
            refreshLook();
            emit stateChanged();
        });
        // Finishing an entry that is not a valid value puts the last valid one back without a signal.
        connect(spin, &QAbstractSpinBox::editingFinished, this, [this] {
            refreshLook();
            emit stateChanged();
            emit editingFinished();
        });
        m_editor = spin;
        break;
    }
    case Kind::Choice: {
        auto *combo = new ChoiceBox;
        combo->setFocusPolicy(Qt::StrongFocus);
        for (auto it = m_def.enumLabels.begin(); it != m_def.enumLabels.end(); ++it)
            combo->addItem(it.value(), double(it.key()));
        combo->setCurrentIndex(-1);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            onUserChange();
            emit editingFinished();
        });
        m_editor = combo;
        break;
    }
    case Kind::Switch: {
        auto *box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this] {
            onUserChange();
            emit editingFinished();
        });
        m_editor = box;
        break;
    }
    case Kind::Flags: {
        auto *flags = new QWidget;
        auto *row = new QHBoxLayout(flags);
        row->setContentsMargins(0, 0, 0, 0);
        for (auto it = m_def.bitLabels.begin(); it != m_def.bitLabels.end(); ++it) {
            auto *box = new QCheckBox(it.value(), flags);
            box->setProperty("bit", it.key());
            row->addWidget(box);
            connect(box, &QCheckBox::toggled, this, [this] {
                onUserChange();
                emit editingFinished();
            });
        }
        m_editor = flags;
        break;
    }
    case Kind::Words: {
        auto *edit = new QLineEdit;
        edit->setPlaceholderText(Codec::wordsToHex(QList<quint16>(m_def.width(), 0)));
        edit->setReadOnly(!isEditable());
        connect(edit, &QLineEdit::textChanged, this, &ConfigField::onUserChange);
        connect(edit, &QLineEdit::editingFinished, this, &ConfigField::editingFinished);
        m_editor = edit;
        break;
    }
    }
    if (m_kind != Kind::Switch && m_kind != Kind::Flags) {
        m_editor->setMinimumWidth(18 * em);
        m_editor->setMaximumWidth(30 * em);
    }
    // Read-only registers stay readable: spin boxes and line edits are read-only, choices are disabled.
    if (!isEditable() && (m_kind == Kind::Choice || m_kind == Kind::Switch || m_kind == Kind::Flags))
        m_editor->setEnabled(false);
}

QVariant ConfigField::value() const
{
    switch (m_kind) {
    case Kind::Number:
        return static_cast<QDoubleSpinBox *>(m_editor)->value();
    case Kind::Choice: {
        const auto *combo = static_cast<QComboBox *>(m_editor);
        return combo->currentIndex() < 0 ? QVariant() : combo->currentData();
    }
    case Kind::Switch:
        return static_cast<QCheckBox *>(m_editor)->isChecked() ? 1.0 : 0.0;
    case Kind::Flags: {
        // Bits without a label keep what the device holds.
        quint64 raw = m_device ? quint64(qint64(Codec::rawNumber(m_def, *m_device))) : 0;
        for (const QCheckBox *box : m_editor->findChildren<QCheckBox *>()) {
            const quint64 bit = quint64(1) << box->property("bit").toInt();
            raw = box->isChecked() ? (raw | bit) : (raw & ~bit);
        }
        return double(raw);
    }
    case Kind::Words:
        return static_cast<QLineEdit *>(m_editor)->text();
    }
    return {};
}

void ConfigField::showInEditor(const QVariant &value)
{
    if (!value.isValid())
        return;
    const double v = value.toDouble();
    switch (m_kind) {
    case Kind::Number: {
        auto *spin = static_cast<QDoubleSpinBox *>(m_editor);
        const QSignalBlocker block(spin);
        // A device value outside the profile's range is shown as it is, not clamped into a lie; it still
        // cannot be written back (Codec::validate says why).
        if (v < spin->minimum() || v > spin->maximum())
            spin->setRange(std::min(v, m_def.effectiveMin()), std::max(v, m_def.effectiveMax()));
        spin->setValue(v);
        break;
    }
    case Kind::Choice: {
        auto *combo = static_cast<QComboBox *>(m_editor);
        const QSignalBlocker block(combo);
        int index = combo->findData(v);
        if (index < 0) {
            // A value the profile has no label for: shown, not offered as a choice of its own.
            combo->addItem(tr("%1 (not in the profile)").arg(Codec::formatValue(m_def, v)), v);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
        break;
    }
    case Kind::Switch: {
        auto *box = static_cast<QCheckBox *>(m_editor);
        const QSignalBlocker block(box);
        box->setChecked(v != 0.0);
        break;
    }
    case Kind::Flags:
        for (QCheckBox *box : m_editor->findChildren<QCheckBox *>()) {
            const QSignalBlocker block(box);
            box->setChecked(quint64(qint64(v)) & (quint64(1) << box->property("bit").toInt()));
        }
        break;
    case Kind::Words: {
        auto *edit = static_cast<QLineEdit *>(m_editor);
        const QSignalBlocker block(edit);
        edit->setText(value.toString());
        break;
    }
    }
    m_last = this->value();
}

void ConfigField::onUserChange()
{
    const QVariant now = value();
    if (now == m_last)
        return;
    const QVariant from = m_last;
    m_last = now;
    m_edited = !matchesDevice(now);
    m_mark = {};
    refreshLook();
    emit edited(from, now);
    emit stateChanged();
}

void ConfigField::setValue(const QVariant &value)
{
    if (!value.isValid()) {
        m_mark = {};
        revert();
        return;
    }
    showInEditor(value);
    m_edited = !matchesDevice(this->value());
    m_mark = {};
    refreshLook();
    emit stateChanged();
}

void ConfigField::setText(const QString &text)
{
    if (!isEditable())
        return; // as typing into a read-only editor changes nothing
    switch (m_kind) {
    case Kind::Number:
        static_cast<RegisterSpinBox *>(m_editor)->edit()->setText(text);
        return;
    case Kind::Words:
        static_cast<QLineEdit *>(m_editor)->setText(text);
        return;
    case Kind::Choice:
    case Kind::Switch:
    case Kind::Flags:
        break;
    }
    const auto v = Codec::parseValue(m_def, text, nullptr);
    if (!v)
        return;
    if (m_kind == Kind::Choice) {
        auto *combo = static_cast<QComboBox *>(m_editor);
        combo->setCurrentIndex(combo->findData(*v)); // emits, as a choice made by hand does
    } else if (m_kind == Kind::Switch) {
        static_cast<QCheckBox *>(m_editor)->setChecked(*v != 0.0);
    } else {
        for (QCheckBox *box : m_editor->findChildren<QCheckBox *>())
            box->setChecked(quint64(qint64(*v)) & (quint64(1) << box->property("bit").toInt()));
    }
}

QString ConfigField::formatted(const QVariant &value) const
{
    if (!value.isValid())
        return QStringLiteral("—");
    if (m_kind == Kind::Words)
        return value.toString();
    return Codec::formatValue(m_def, snap(m_def, value.toDouble()));
}

QString ConfigField::text() const
{
    if (m_kind == Kind::Number) {
        const auto *spin = static_cast<const QDoubleSpinBox *>(m_editor);
        if (!spin->hasAcceptableInput())
            return spin->cleanText();
    }
    return formatted(value());
}

QVariant ConfigField::deviceValue() const
{
    if (!m_device)
        return {};
    if (m_kind == Kind::Words)
        return Codec::wordsToHex(*m_device);
    return Codec::decode(m_def, *m_device);
}

QString ConfigField::deviceText() const
{
    return m_device ? Codec::formatWords(m_def, *m_device) : QStringLiteral("—");
}

void ConfigField::setReading(const Reading &reading)
{
    if (reading.quality == Quality::Error) {
        const QString name =
            reading.exceptionCode ? modbusExceptionName(reading.exceptionCode) : tr("Read failed");
        if (m_readError == name)
            return;
        m_readError = name;
        m_readErrorDetail = reading.error;
        enableEditor(); // a register that cannot be read may still be writable
        refreshLook();
        emit stateChanged();
        return;
    }
    if (reading.hasValue())
        setDeviceWords(reading.raw);
}

void ConfigField::setDeviceWords(const QList<quint16> &raw)
{
    const bool same = m_device && *m_device == raw;
    if (same && m_readError.isEmpty())
        return; // the fast cycle repeats values: nothing to redo
    m_readError.clear();
    m_readErrorDetail.clear();
    m_device = raw;
    if (!m_edited) {
        // Not while a number is half typed: the user's keystrokes are not overwritten by a poll.
        const auto *spin = qobject_cast<const QDoubleSpinBox *>(m_editor);
        if (!spin || spin->hasAcceptableInput())
            showInEditor(deviceValue());
    } else if (matchesDevice(value())) {
        m_edited = false; // the device now holds what the user typed
    }
    enableEditor();
    refreshLook();
    emit stateChanged();
}

bool ConfigField::matchesDevice(const QVariant &value) const
{
    if (!m_device || !value.isValid())
        return false;
    if (value == deviceValue())
        return true;
    const auto words = encoded(m_def, value);
    return words && *words == *m_device;
}

double ConfigField::snapped(double value) const
{
    return snap(m_def, value);
}

QString ConfigField::problem() const
{
    if (!isEditable())
        return {};
    if (m_kind == Kind::Number) {
        const auto *spin = static_cast<const RegisterSpinBox *>(m_editor);
        if (!spin->hasAcceptableInput()) {
            const auto typed = spin->typed();
            if (!typed)
                return tr("\"%1\" is not a number.").arg(spin->cleanText());
            QString why;
            if (!RegisterIo::prepare(m_def, snapped(*typed), &why))
                return why;
            return tr("%1 is not a valid entry here.").arg(spin->cleanText());
        }
    }
    if (!m_edited)
        return {};
    QString why;
    writeItem(&why);
    return why;
}

std::optional<WriteItem> ConfigField::writeItem(QString *error) const
{
    if (m_kind == Kind::Words)
        return RegisterIo::prepareText(m_def, value().toString(), error);
    if (m_kind == Kind::Number && !static_cast<const QDoubleSpinBox *>(m_editor)->hasAcceptableInput()) {
        if (error)
            *error = problem();
        return std::nullopt;
    }
    const QVariant v = value();
    if (!v.isValid()) {
        if (error)
            *error = tr("%1 has no value chosen.").arg(m_def.name);
        return std::nullopt;
    }
    return RegisterIo::prepare(m_def, snapped(v.toDouble()), error);
}

void ConfigField::revert()
{
    if (m_device)
        showInEditor(deviceValue());
    m_edited = false;
    refreshLook();
    emit stateChanged();
}

void ConfigField::setUnit(const QString &unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(m_editor)) {
        const QSignalBlocker block(spin);
        spin->setSuffix(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    }
    refreshToolTip();
    refreshLook();
}

void ConfigField::setMark(const MarkInfo &mark)
{
    m_mark = mark;
    refreshLook();
    emit stateChanged();
}

ConfigField::MarkInfo ConfigField::markFor(const WriteOutcome &o)
{
    const RegisterDef &def = *o.item.def;
    const QString exception = o.exceptionCode ? modbusExceptionName(o.exceptionCode) : QString();
    if (!o.written)
        return {Mark::Error, QStringLiteral("✗ ") + (exception.isEmpty() ? tr("not written") : exception),
                o.error.isEmpty() ? tr("Not written.") : o.error};
    if (o.verified)
        return {Mark::Verified, QStringLiteral("✓"),
                tr("Written and read back: %1.").arg(Codec::formatWords(def, o.readBack))};
    if (!o.readBack.isEmpty())
        return {Mark::Mismatch, tr("✗ reads back %1").arg(Codec::formatWords(def, o.readBack)),
                tr("Wrote %1, but the device reads back %2.")
                    .arg(Codec::formatWords(def, o.item.words), Codec::formatWords(def, o.readBack))};
    if (!def.isReadable())
        return {Mark::Written, tr("✓ written"),
                tr("Written; this register cannot be read back to check it.")};
    return {Mark::Error, QStringLiteral("✗ ") + (exception.isEmpty() ? tr("not verified") : exception),
            o.error.isEmpty() ? tr("Written, but not read back.") : o.error};
}

bool ConfigField::wrote(const WriteOutcome &outcome, const QVariant &value)
{
    const auto words = encoded(*outcome.item.def, value);
    return words && *words == outcome.item.words;
}

void ConfigField::applyOutcome(const WriteOutcome &outcome)
{
    QList<quint16> now = outcome.readBack;
    if (now.isEmpty() && outcome.written && !m_def.isReadable())
        now = outcome.item.words; // all we know of a write-only register
    if (!now.isEmpty()) {
        // Done with an edit that was written (verified or not): the field shows what the device holds.
        if (m_edited && wrote(outcome, value()))
            m_edited = false;
        m_device = now;
        m_readError.clear();
        if (!m_edited)
            showInEditor(deviceValue());
        enableEditor();
    }
    setMark(markFor(outcome));
}

void ConfigField::enableEditor()
{
    // Read-only spin boxes and line edits stay enabled (and readable); read-only choices stay disabled.
    m_editor->setEnabled(isEditable() || m_kind == Kind::Number || m_kind == Kind::Words);
}

void ConfigField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshLook(); // a theme switch: tint and marker colours follow
}

void ConfigField::refreshLook()
{
    QFont font = m_label->font();
    if (font.bold() != m_edited) {
        font.setBold(m_edited);
        m_label->setFont(font);
    }
    if (m_edited) {
        const QPalette base = palette();
        QPalette p = base;
        const QColor amber(Theme::staleColor());
        for (auto role : {QPalette::Base, QPalette::Button})
            p.setColor(role, QColor(tinted(base.color(role), amber, 0.22)));
        m_editor->setPalette(p);
    } else {
        m_editor->setPalette(QPalette());
    }

    QString text, tip, color;
    const QString why = problem();
    if (!why.isEmpty()) {
        text = QStringLiteral("⚠ ") + why;
        tip = why;
        color = Theme::errorColor();
    } else if (m_mark.mark != Mark::None) {
        text = m_mark.text;
        tip = m_mark.detail;
        const bool good = m_mark.mark == Mark::Verified || m_mark.mark == Mark::Written;
        color = good ? Theme::goodColor() : Theme::errorColor();
    } else if (!m_readError.isEmpty()) {
        text = QStringLiteral("✗ ") + m_readError;
        tip = m_readErrorDetail;
        color = Theme::errorColor();
    } else if (m_edited) {
        text =
            m_device
                ? tr("was %1").arg(deviceText() + (m_unit.isEmpty() ? QString() : QLatin1Char(' ') + m_unit))
                : tr("edited");
        tip = tr("Edited: not written to the device yet.");
        color = Theme::staleColor();
    } else if (!isEditable()) {
        text = tr("read-only");
        color = palette().color(QPalette::PlaceholderText).name();
    } else if (!m_device && m_def.isReadable()) {
        text = tr("not read yet");
        color = palette().color(QPalette::PlaceholderText).name();
    }
    m_marker->setText(text);
    m_marker->setToolTip(tip);
    m_marker->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
}

void ConfigField::refreshToolTip()
{
    QStringList facts;
    facts << QStringLiteral("%1 %2").arg(tableName(m_def.table)).arg(m_def.address);
    const QString unit = m_unit.isEmpty() ? QString() : QLatin1Char(' ') + m_unit;
    if (m_kind == Kind::Number)
        facts << tr("%1 to %2%3")
                     .arg(Codec::formatValue(m_def, m_def.effectiveMin()),
                          Codec::formatValue(m_def, m_def.effectiveMax()), unit);
    else if (m_kind == Kind::Words)
        facts << tr("%n hex word(s)", nullptr, m_def.width());
    if (!isEditable())
        facts << tr("read-only");
    QString tip = QStringLiteral("<b>%1</b> (%2)").arg(m_def.name.toHtmlEscaped(), m_def.id);
    if (!m_def.description.isEmpty())
        tip += QStringLiteral("<p>%1</p>").arg(m_def.description.toHtmlEscaped());
    tip += QStringLiteral("<p><i>%1</i></p>").arg(facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    m_label->setToolTip(tip);
    m_editor->setToolTip(tip);
}

} // namespace pyrolink
