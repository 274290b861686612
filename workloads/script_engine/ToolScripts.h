#pragma once

#include <QString>

namespace crucible::workloads::script_engine {

// The .js files under scripts/, embedded in the program as resources.
enum class ToolScript { Api, Simple, Medium, Complex, Failing };

// ":/script_engine/<file>.js": also the file name given to the engine, so that errors and
// stack traces name the script.
QString toolScriptPath(ToolScript script);

// Reads a script from the embedded resources. Throws std::runtime_error when it is missing
// (a build that lost the resources must fail loudly, not measure an empty script).
QString readToolScript(ToolScript script);

} // namespace crucible::workloads::script_engine
