#include "BaselinePicker.h"

#include "history/EarlierResults.h"

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

void BaselinePicker::offerWindowRuns(const QStringList& labels)
{
    const int kept = offersWindowRuns() ? currentKind() : int(PreviousWindowRun);
    const QSignalBlocker quiet(this);
    clear();
    addChoice(tr("previous run"), PreviousWindowRun);
    setItemData(0, tr("The window's run before the one compared"), Qt::ToolTipRole);
    for (int i = int(labels.size()) - 1; i >= 0; --i)
        addChoice(labels[i], i);
    addChoice(tr("none"), None);
    setCurrentIndex(std::max(0, findData(kept)));
}

void BaselinePicker::offerStoreBaselines(const QStringList& names)
{
    const int keptKind = currentKind();
    const QString keptName = currentData(kNameRole).toString();
    const bool wasStore = count() > 0 && itemData(0).toInt() == HistoryChoice;
    const QSignalBlocker quiet(this);
    clear();
    addChoice(tr("previous run"), HistoryChoice);
    setItemData(0, tr("Each workload's latest result from an earlier run of the same suite on this host"),
                Qt::ToolTipRole);
    for (const QString& name : names)
        addChoice(tr("baseline \"%1\"").arg(name), HistoryChoice, name);
    addChoice(tr("none"), None);
    int index = 0; // by default the previous run, as in the headless runner
    if (wasStore && keptKind == None)
        index = count() - 1;
    else if (wasStore && !keptName.isEmpty())
        index = std::max(0, findData(keptName, kNameRole));
    setCurrentIndex(index);
}

bool BaselinePicker::offersWindowRuns() const
{
    return count() > 0 && itemData(0).toInt() == PreviousWindowRun;
}

BaselineChoice BaselinePicker::choice() const
{
    if (currentKind() == None)
        return BaselineChoice::none();
    const QString name = currentData(kNameRole).toString();
    return name.isEmpty() ? BaselineChoice::previousRun() : BaselineChoice::named(name);
}

int BaselinePicker::windowBaseline(int candidate, int runCount) const
{
    const int kind = currentKind();
    int index = -1;
    if (kind == PreviousWindowRun)
        index = candidate - 1;
    else if (kind >= 0)
        index = kind;
    // A run is not its own baseline.
    return index >= 0 && index < runCount && index != candidate ? index : -1;
}

QString BaselinePicker::describeStoreBaselines(const QStringList& names)
{
    static const QString previous = QStringLiteral("previous run ");
    QStringList runIds;
    for (const QString& name : names)
        if (name.startsWith(previous))
            runIds << name.mid(previous.size());
    if (runIds.size() != names.size())
        return names.join(QStringLiteral(", "));
    return runIds.size() == 1 ? tr("run %1").arg(runIds.front()) : tr("runs %1").arg(runIds.join(QStringLiteral(", ")));
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
