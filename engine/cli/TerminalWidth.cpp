#include "TerminalWidth.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace crucible {

int terminalColumns(std::FILE* stream)
{
    const int fd = ::fileno(stream);
    if (fd < 0 || ::isatty(fd) != 1)
        return 0;
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80; // a terminal that does not say: the classic width
}

QString elideMiddle(const QString& text, int width)
{
    if (text.size() <= width)
        return text;
    if (width <= 1)
        return text.left(std::max(width, 0));
    const QChar ellipsis(0x2026);
    const int kept = width - 1;
    const int head = (kept + 1) / 2;
    return text.left(head) + ellipsis + text.right(kept - head);
}

} // namespace crucible
