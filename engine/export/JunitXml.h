#pragma once

#include "Result.h"

#include <QByteArray>

namespace crucible {

// junit.xml (--format junit): the run as a JUnit XML test report, for CI systems that show test
// results (GitLab, Jenkins, GitHub test-report actions). One <testsuite> (the suite) with one
// <testcase> per workload, classname its category: a <failure> when it regressed (confirmed,
// as --fail-on-regression counts it) or broke a budget, the verdict or budget line as its
// message; an <error> when the workload itself failed, crashed or timed out. Each claim is a
// test case of classname "claim", failed when refuted or failed and <skipped> when skipped.
// The layout follows the Apache Ant JUnit schema (tests/support/fixtures/JUnit.xsd); SPEC.md
// "junit.xml" has the details.
QByteArray junitXml(const RunResult& run);

} // namespace crucible
