"""Terminal screens, windows and keyboard input, on the system ncursesw.

Call initscr() (or run a function through wrapper(), which also restores
the terminal afterwards) before drawing: it returns the window covering
the whole screen and sets LINES and COLS.  start_color() sets COLORS and
COLOR_PAIRS.  The functions and constants come from the C module
_curses; this package adds those module attributes and wrapper().
"""


from _curses import *  # noqa: F401,F403
import _curses


def initscr():
    """Set up the terminal for curses and return the whole-screen
    window; LINES and COLS give its size."""
    # ncurses reads the terminal name from TERM, and sys.stdout's file
    # descriptor is the terminal it draws on.
    stdscr = _curses.initscr()
    for name in ("LINES", "COLS"):
        if hasattr(_curses, name):
            globals()[name] = getattr(_curses, name)
    return stdscr


def start_color():
    """Start using colours; COLORS and COLOR_PAIRS tell how many."""
    _curses.start_color()
    for name in ("COLORS", "COLOR_PAIRS"):
        if hasattr(_curses, name):
            globals()[name] = getattr(_curses, name)


def wrapper(func, /, *args, **kwds):
    """Run func(stdscr, *args, **kwds) in curses mode and return its
    result, restoring the terminal afterwards even when it raises.

    Before the call, keys are read without waiting for Enter (cbreak),
    not echoed, and function keys arrive as KEY_* values; colours are
    started when the terminal has them.
    """
    stdscr = None
    try:
        stdscr = initscr()
        noecho()
        cbreak()
        stdscr.keypad(1)
        try:
            start_color()
        except _curses.error:
            pass
        return func(stdscr, *args, **kwds)
    finally:
        if stdscr is not None:
            stdscr.keypad(0)
            echo()
            nocbreak()
            endwin()


