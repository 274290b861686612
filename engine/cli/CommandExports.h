#pragma once

#include "CommandFlags.h"
#include "Expected.h"
#include "Result.h"

namespace crucible {

// --export-json, --export-markdown and --export-csv: checked before the run (the directory of
// each file must exist), written after it beside the run's own files, each atomically. The
// error names the flag and the file.
Expected<void> checkCommandExports(const CommandLineCommands& commands);
// The files written, by their paths as given; the first that cannot be written stops the rest.
Expected<QStringList> writeCommandExports(const RunResult& run, const CommandLineCommands& commands);

} // namespace crucible
