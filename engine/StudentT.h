#pragma once

// Student's t distribution, for tests whose replicates are few (the rounds of a run, the runs
// of a history): the normal approximation would be far too sure with 4 degrees of freedom.
namespace crucible::stats {

// P(T <= t) for T ~ Student's t with `dof` degrees of freedom (dof > 0; need not be whole).
double studentTCdf(double t, double dof);
// Two-sided p-value of an observed t: P(|T| >= |t|).
double studentTTwoSidedP(double t, double dof);
// The t with P(T <= t) = p, for 0 < p < 1.
double studentTQuantile(double p, double dof);

} // namespace crucible::stats
