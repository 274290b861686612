#include "CheckedCommand.h"

#include "WorkloadFailure.h"

#include <QFileInfo>

#include <algorithm>

namespace crucible::workloads::sys {

CommandOutcome runChecked(const CommandSpec& spec, std::stop_token stop)
{
    CommandOutcome outcome = runCommand(spec, stop);
    if (outcome.status == Status::Ok || outcome.stopped || stop.stop_requested())
        return outcome;
    QStringList shown = spec.argv;
    if (!shown.isEmpty())
        shown.first() = QFileInfo(shown.first()).fileName(); // the program, without its long path
    throw WorkloadFailure(outcome.status, QStringLiteral("'%1': %2").arg(shown.join(u' '), outcome.error));
}

Sample sampleOf(const CommandOutcome& outcome)
{
    Sample sample;
    sample.iterations = 1;
    accumulate(sample, outcome);
    return sample;
}

void accumulate(Sample& sample, const CommandOutcome& outcome)
{
    sample.elapsedNs += outcome.wallNs;
    sample.userNs += outcome.userNs;
    sample.sysNs += outcome.sysNs;
    sample.cpuNs += outcome.userNs + outcome.sysNs;
    sample.rssBytes = std::max(sample.rssBytes, outcome.peakRssBytes);
}

} // namespace crucible::workloads::sys
