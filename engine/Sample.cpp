#include "Sample.h"

namespace crucible {

std::vector<double> perIterationTimes(const Samples& samples)
{
    std::vector<double> values;
    values.reserve(samples.size());
    for (const Sample& s : samples)
        values.push_back(s.perIterationNs());
    return values;
}

} // namespace crucible
