#include "BaselinePicker.h"

#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace crucible::gui {

namespace {
// Wide enough for "previous run: Run 12 (16:43:43, 49 workloads)" in common fonts; a longer
// baseline name is elided rather than pushing the tool bar's other controls out of sight.
constexpr int kMaximumWidth = 420;
} // namespace

BaselinePicker::BaselinePicker(QWidget* parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("baselinePicker"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMaximumWidth(kMaximumWidth);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        m_measuredAgainst.clear(); // another choice: what it measures against is not known yet
        relabel();
    });
}

void BaselinePicker::addChoice(const QString& text, int kind, const QString& baselineName)
{
    addItem(text, kind);
    setItemData(count() - 1, text, kChoiceTextRole);
    if (!baselineName.isEmpty())
        setItemData(count() - 1, baselineName, kNameRole);
}

void BaselinePicker::setMeasuredAgainst(const QString& what)
{
    m_measuredAgainst = what;
    relabel(); // also after the items were filled again
}

void BaselinePicker::relabel()
{
    // Only the chosen item carries the suffix: in the open list the others read as choices.
    for (int i = 0; i < count(); ++i) {
        const QString choice = itemData(i, kChoiceTextRole).toString();
        QString text = choice;
        if (i == currentIndex() && !m_measuredAgainst.isEmpty() && !choice.contains(m_measuredAgainst))
            text = tr("%1: %2").arg(choice, m_measuredAgainst);
        if (itemText(i) != text)
            setItemText(i, text);
    }
    setToolTip(
        tr("%1\n\nThe earlier run that the Change column and the verdicts are measured against.").arg(currentText()));
}

void BaselinePicker::paintEvent(QPaintEvent*)
{
    // As QComboBox paints itself, with the text elided in the middle instead of cut at the end.
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    const QRect textRect = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    option.currentText = fontMetrics().elidedText(option.currentText, Qt::ElideMiddle, textRect.width());
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

} // namespace crucible::gui
