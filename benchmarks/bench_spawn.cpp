// What reading a command's exact peak memory costs its timing: `true` and `/bin/echo hi` run
// through runCommand() with the exit stop (ptrace) and without it (polled /proc), the two
// alternating run by run so that a change of machine load hits both alike. Prints the mean and
// median wall time of each and the difference. Run by hand:
//   build/benchmarks/bench_spawn [RUNS]        (default 500 per command and mode)
#include "Statistics.h"
#include "process/CommandRunner.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace crucible;

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 500;
    for (const QStringList& argvOf :
         {QStringList{QStringLiteral("true")}, QStringList{QStringLiteral("/bin/echo"), QStringLiteral("hi")}}) {
        std::vector<double> traced;
        std::vector<double> polled;
        CommandSpec spec;
        spec.argv = argvOf;
        for (int i = 0; i < runs + 5; ++i) {
            for (const bool exact : {true, false}) {
                spec.exactPeakMemory = exact;
                const CommandOutcome o = runCommand(spec);
                if (o.status != Status::Ok) {
                    std::fprintf(stderr, "bench_spawn: %s\n", qPrintable(o.error));
                    return 2;
                }
                if (i >= 5) // the first few warm the caches
                    (exact ? traced : polled).push_back(o.wallNs / 1e6);
            }
        }
        std::printf("%-14s exit stop: mean %.3f ms median %.3f ms | polled: mean %.3f ms median %.3f ms | "
                    "exit stop costs %+.1f %% (mean), %+.1f %% (median)\n",
                    qPrintable(argvOf.join(QLatin1Char(' '))), stats::mean(traced), stats::median(traced),
                    stats::mean(polled), stats::median(polled), (stats::mean(traced) / stats::mean(polled) - 1) * 100,
                    (stats::median(traced) / stats::median(polled) - 1) * 100);
    }
    return 0;
}
