#include "DevicesPanel.h"

#include "AddDeviceDialog.h"
#include "DeviceWebPage.h"
#include "common/Theme.h"
#include "session/DeviceManager.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace pyrolink {

namespace {

/// Two lines per device: a state dot and the title, then the last message in a smaller, muted font.
class DeviceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics fm(option.font);
        return {200, fm.height() * 2 + 14};
    }

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const auto state = DevicePoller::State(index.data(DeviceManager::StateRole).toInt());
        const QString color = state == DevicePoller::State::Connected ? Theme::goodColor()
                              : state == DevicePoller::State::Stopped ? QStringLiteral("#808080")
                                                                      : Theme::staleColor();
        const QRect r = option.rect.adjusted(8, 6, -6, -6);
        const int line = option.fontMetrics.height();
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(QColor(color));
        p->setPen(Qt::NoPen);
        p->drawEllipse(QRect(r.left(), r.top() + line / 2 - 5, 10, 10));
        const bool selected = option.state & QStyle::State_Selected;
        p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        QFont bold = option.font;
        bold.setBold(true);
        p->setFont(bold);
        const QRect text = r.adjusted(18, 0, 0, 0);
        p->drawText(text.adjusted(0, 0, 0, -line), Qt::AlignLeft | Qt::AlignTop,
                    QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, text.width()));
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.9);
        p->setFont(small);
        p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        p->drawText(text.adjusted(0, line + 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                    QFontMetrics(small).elidedText(index.data(DeviceManager::MessageRole).toString(),
                                                   Qt::ElideRight, text.width()));
        p->restore();
    }
};

} // namespace

DevicesPanel::DevicesPanel(DeviceManager *devices, ProfileRegistry *profiles, QWidget *parent)
    : QWidget(parent), m_devices(devices), m_profiles(profiles), m_list(new QListView(this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    m_list->setModel(devices);
    m_list->setItemDelegate(new DeviceDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &DevicesPanel::showContextMenu);
    auto *add = new QPushButton(tr("Add…"), this);
    add->setToolTip(tr("Connect to a device by host or serial port, or start a simulated one (Ctrl+N)."));
    m_remove->setToolTip(tr("Disconnect and close the selected device."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &DevicesPanel::addDevice);
    connect(m_remove, &QPushButton::clicked, this, &DevicesPanel::removeCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit currentChanged(current()); });
    connect(devices, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) { m_list->setCurrentIndex(m_devices->index(first)); });
    connect(devices, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_remove->setEnabled(m_devices->count() > 0);
        emit currentChanged(current());
    });
    m_remove->setEnabled(devices->count() > 0);
    connect(devices, &QAbstractItemModel::rowsInserted, m_remove, [this] { m_remove->setEnabled(true); });
}

void DevicesPanel::showContextMenu(const QPoint &pos)
{
    DeviceSession *session = m_devices->session(m_list->indexAt(pos).row());
    if (!session)
        return;
    QMenu menu(this);
    QAction *web = menu.addAction(tr("Open &web interface (network settings)"), this,
                                  [this, session] { DeviceWebPage::openWebInterface(*session, this); });
    web->setEnabled(DeviceWebPage::webInterfaceUrl(*session).isValid());
    web->setToolTip(DeviceWebPage::unavailableReason(*session));
    menu.setToolTipsVisible(true);
    emit contextMenuAboutToShow(session, &menu);
    menu.addSeparator();
    menu.addAction(tr("Remove de&vice"), this, [this, session] { m_devices->remove(m_devices->rowOf(session)); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

DeviceSession *DevicesPanel::current() const
{
    return m_devices->session(m_list->currentIndex().row());
}

void DevicesPanel::select(DeviceSession *session)
{
    m_list->setCurrentIndex(m_devices->index(m_devices->rowOf(session)));
}

void DevicesPanel::addDevice()
{
    AddDeviceDialog dialog(m_profiles, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    auto session = dialog.createSession(&error);
    if (!session) {
        QMessageBox::warning(this, tr("Add device"), error);
        return;
    }
    m_devices->add(std::move(session));
}

void DevicesPanel::removeCurrent()
{
    const int row = m_list->currentIndex().row();
    if (row >= 0)
        m_devices->remove(row);
}

} // namespace pyrolink
