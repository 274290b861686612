#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>

namespace crucible {

// A command line split into argv as a POSIX shell splits words, without running one: blanks
// separate words; '…' keeps everything literally; "…" keeps everything but \" \\ \$ \` and a
// backslash-newline; a backslash outside quotes keeps the next character. Nothing is expanded
// ($VAR, *, ~ and ; | & > stay literal characters). An unterminated quote or a trailing
// backslash is an input error naming the command line; so is a line with no word at all.
Expected<QStringList> splitShellWords(const QString& commandLine);

} // namespace crucible
