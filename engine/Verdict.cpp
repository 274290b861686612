#include "Verdict.h"

#include "NameTable.h"

namespace crucible {

namespace {
constexpr std::pair<ChangeVerdict, const char*> kVerdictNames[] = {
    {ChangeVerdict::Regressed, "regressed"}, {ChangeVerdict::Improved, "improved"},
    {ChangeVerdict::Unchanged, "unchanged"}, {ChangeVerdict::Inconclusive, "inconclusive"},
    {ChangeVerdict::Unstable, "unstable"},   {ChangeVerdict::NotComparable, "not_comparable"}};
constexpr std::pair<ChangeBasis, const char*> kBasisNames[] = {{ChangeBasis::Time, "time"},
                                                               {ChangeBasis::RelativeTime, "relative_time"}};
} // namespace

QString verdictName(ChangeVerdict verdict)
{
    return nameOf(kVerdictNames, verdict);
}

std::optional<ChangeVerdict> verdictFromName(const QString& name)
{
    return valueOf(kVerdictNames, name);
}

QString basisName(ChangeBasis basis)
{
    return nameOf(kBasisNames, basis);
}

std::optional<ChangeBasis> basisFromName(const QString& name)
{
    return valueOf(kBasisNames, name);
}

} // namespace crucible
