#pragma once

#include "Expected.h"
#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// A headless run inside a GitHub Actions job (GITHUB_ACTIONS=true): annotations that put the
// regressions and broken budgets on the job's page, and the run's summary on the step's
// summary page. SPEC.md "GitHub Actions".
namespace crucible::github {

// Workflow-command data, escaped as GitHub's toolkit escapes it (%, CR, LF).
QString escapeData(const QString& text);
// A workflow-command property (title=…): also ':' and ','.
QString escapeProperty(const QString& text);

// One `::error` or `::warning` line per confirmed regression, broken budget and refuted or
// failed claim. A finding is an error when its gate was asked for (--fail-on-regression,
// --fail-on-budget: the job fails on it), else a warning.
QStringList annotations(const RunResult& run, bool failOnRegression, bool failOnBudget);

// Appends `markdown` to the file GitHub named in $GITHUB_STEP_SUMMARY, never replacing what
// earlier steps wrote there. The error names the file.
Expected<void> appendStepSummary(const QString& path, const QByteArray& markdown);

} // namespace crucible::github
