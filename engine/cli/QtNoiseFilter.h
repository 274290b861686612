#pragma once

namespace crucible {

// For the terminal faces: drops the messages Qt itself logs that a user of the command line can
// do nothing about, and passes every other message on unchanged. Today that is one:
//   "QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to …" — printed at the start of every
//   headless run that draws a PDF as root or in a container (no login session sets the
//   variable); Qt then uses a private directory of its own, which is all a report needs.
// Call before the application object exists.
void filterQtNoise();

} // namespace crucible
