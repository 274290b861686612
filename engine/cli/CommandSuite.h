#pragma once

#include "CommandFlags.h"
#include "Expected.h"
#include "suite/Suite.h"

namespace crucible {

// The name of the suite that --command makes: the history keeps its runs under it, so that a
// later run of the same commands compares with the last one.
inline const QString kCommandSuiteName = QStringLiteral("commands");

// The commands of the command line as a suite (SPEC.md "Commands from the command line"): one
// workload per command and combination of parameters, "{NAME}" replaced in the command and in
// --prepare, --setup and --cleanup, measured interleaved (Suite::interleaved). A workload's id
// is its --command-name, else its command, with anything but letters, digits and ._-=:,+@% made
// "_" (plus "/NAME=value" per parameter); its description is the command as run, or its name.
// A program that is not found, or an --input file that does not exist, is an input error
// naming it.
Expected<Suite> commandLineSuite(const CommandLineCommands& commands);

} // namespace crucible
