#include "ShownVerdicts.h"

#include "ComparisonView.h"
#include "InBackground.h"
#include "PairRatios.h"
#include "RunController.h"
#include "ShownRun.h"
#include "gates/Gates.h"

#include <QScopeGuard>

namespace crucible::gui {

ShownVerdicts::ShownVerdicts(ShownRun* shown, const RunController* controller, ComparisonView* view, QObject* parent)
    : QObject(parent), m_shown(shown), m_controller(controller), m_view(view)
{
    connect(m_shown, &ShownRun::shown, this, &ShownVerdicts::compute);
}

void ShownVerdicts::compute()
{
    struct Verdicts {
        std::vector<PairRatio> pairs;
        std::vector<BudgetOutcome> budgets;
        std::vector<ClaimOutcome> claims;
    };
    // A run of the window's suite has its budgets and claims evaluated here, as a headless run
    // does before writing its files, unless it carries them already.
    const RunResult& run = *m_shown->run();
    std::optional<Suite> suite;
    if (run.info.suiteName == m_controller->suite().name && run.budgets.empty() && run.claims.empty())
        suite = m_controller->suite();
    const ShownRun::Ticket ticket = m_shown->expect(ShownRun::Work::Verdicts);
    m_view->showPending(tr("Computing the pairs' ratios and the suite's budgets and claims…"));
    runInBackground(
        this,
        [run, suite = std::move(suite)] {
            RunResult r = run;
            if (suite)
                evaluateGates(*suite, r);
            return Verdicts{pairRatios(r), r.budgets, r.claims};
        },
        [this, ticket](const Verdicts& v) {
            const auto finish = qScopeGuard([&] { m_shown->done(ticket); });
            if (!m_shown->isCurrent(ticket))
                return; // another run is shown by now
            m_shown->setGates(v.budgets, v.claims);
            m_view->showVerdicts(v.pairs, v.budgets, v.claims);
            Q_EMIT verdictsShown();
        });
}

} // namespace crucible::gui
