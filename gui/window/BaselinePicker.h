#pragma once

#include <QComboBox>

namespace crucible {
struct BaselineChoice;
}

namespace crucible::gui {

// The tool bar's baseline picker. Each item is a choice (its kind in Qt::UserRole: one of
// Kind, or the index of one of the window's own runs), and the chosen item also says what the
// shown changes were measured against: "previous run" alone does not say which run that was,
// so setMeasuredAgainst() adds it to the chosen item's text. The text is shown in full where
// the tool bar has room, elided in the middle where it has not (the start names the choice,
// the end the run's time), and the tool tip always carries all of it.
class BaselinePicker : public QComboBox {
    Q_OBJECT
public:
    enum Kind {
        None = -1,              // compare with nothing
        HistoryChoice = -2,     // the store's previous run, or the named baseline in kNameRole
        PreviousWindowRun = -3, // without a store: the window's run before the compared one
    };
    static constexpr int kNameRole = Qt::UserRole + 1;       // a named baseline's name
    static constexpr int kChoiceTextRole = Qt::UserRole + 2; // the item's text without the suffix

    explicit BaselinePicker(QWidget* parent = nullptr);

    // Without a store: "previous run", the window's runs newest first (`labels` oldest first),
    // "none". The choice survives: "previous run" stays "previous run" as runs are added (it
    // then means the run before the one compared), a chosen run stays that run.
    void offerWindowRuns(const QStringList& labels);
    // With a store: "previous run" (each workload's latest result of an earlier run), the
    // store's named baselines, "none". A named baseline or "none" chosen before stays chosen.
    void offerStoreBaselines(const QStringList& names);

    void addChoice(const QString& text, int kind, const QString& baselineName = QString());
    int currentKind() const { return currentData().toInt(); }
    // The choice as the store reads it.
    BaselineChoice choice() const;
    // Among the window's `runCount` runs, the one run `candidate` is compared with; -1 for none.
    int windowBaseline(int candidate, int runCount) const;
    // What comparisons with the store's runs were measured against, from their baselines'
    // names: "run 12" for one run, "runs 11, 12" when the workloads of one run were each
    // compared with a different earlier run (the latest that measured it).
    static QString describeStoreBaselines(const QStringList& names);
    // What the changes on screen were measured against ("Run 1 (16:43:40, 10 workloads)",
    // "run 12"); empty when that is the choice's text itself or nothing was compared yet.
    void setMeasuredAgainst(const QString& what);
    QString measuredAgainst() const { return m_measuredAgainst; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool offersWindowRuns() const;
    void relabel();

    QString m_measuredAgainst;
};

} // namespace crucible::gui
