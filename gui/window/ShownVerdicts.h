#pragma once

#include <QObject>

namespace crucible::gui {

class ComparisonView;
class RunController;
class ShownRun;

// The Comparison tab's content for each run shown: the pairs' ratios, the suite's budgets and
// its claims. Their bootstrap intervals take a while on a large run, so they are computed off
// the GUI thread; the shown run waits for them (an export carries the budgets and claims).
class ShownVerdicts : public QObject {
    Q_OBJECT
public:
    ShownVerdicts(ShownRun* shown, const RunController* controller, ComparisonView* view, QObject* parent = nullptr);

Q_SIGNALS:
    // The Comparison tab shows the pairs, budgets and claims of the shown run.
    void verdictsShown();

private:
    void compute();

    ShownRun* m_shown;
    const RunController* m_controller;
    ComparisonView* m_view;
};

} // namespace crucible::gui
