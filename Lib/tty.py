"""Terminal utilities: raw and cbreak modes over the termios module."""

from termios import *

__all__ = ["cfmakeraw", "cfmakecbreak", "setraw", "setcbreak"]

# Indices into the list tcgetattr() returns.
IFLAG = 0
OFLAG = 1
CFLAG = 2
LFLAG = 3
ISPEED = 4
OSPEED = 5
CC = 6


def cfmakeraw(mode):
    """Make termios mode raw: no input or output processing, no echo, no
    signals from special characters, 8-bit characters, reads of at least
    one byte (the POSIX cfmakeraw settings)."""
    mode[IFLAG] &= ~(IGNBRK | BRKINT | IGNPAR | PARMRK | INPCK | ISTRIP |
                     INLCR | IGNCR | ICRNL | IXON | IXANY | IXOFF)
    mode[OFLAG] &= ~OPOST
    mode[CFLAG] &= ~(PARENB | CSIZE)
    mode[CFLAG] |= CS8
    mode[LFLAG] &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | IEXTEN | ISIG |
                     NOFLSH | TOSTOP)
    mode[CC][VMIN] = 1
    mode[CC][VTIME] = 0


def cfmakecbreak(mode):
    """Make termios mode cbreak: no echo, characters available one at a
    time; signals and output processing are kept."""
    mode[LFLAG] &= ~(ECHO | ICANON)
    mode[CC][VMIN] = 1
    mode[CC][VTIME] = 0


def setraw(fd, when=TCSAFLUSH):
    """Put terminal into raw mode; return the previous mode."""
    mode = tcgetattr(fd)
    new = list(mode)
    new[CC] = list(mode[CC])
    cfmakeraw(new)
    tcsetattr(fd, when, new)
    return mode


def setcbreak(fd, when=TCSAFLUSH):
    """Put terminal into cbreak mode; return the previous mode."""
    mode = tcgetattr(fd)
    new = list(mode)
    new[CC] = list(mode[CC])
    cfmakecbreak(new)
    tcsetattr(fd, when, new)
    return mode
