"""curses on the system ncursesw: a child process draws on a pseudo
terminal and reads keys typed into it.  Skipped when the interpreter was
built without ncursesw or the system lacks pseudo terminals or the
xterm terminal description."""

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
import unittest

try:
    import _curses
    import curses
except ImportError:
    _curses = None

CHILD = r'''
import curses, json, os, sys
report = os.fdopen(int(sys.argv[1]), "w")

def main(stdscr):
    res = {"size": [curses.LINES, curses.COLS]}
    win = curses.newwin(5, 20, 2, 3)
    win.addstr(0, 0, "hello")
    win.addstr(1, 2, "bold", curses.A_BOLD)
    win.addch(2, 0, "x")
    win.addnstr(3, 0, "truncated", 5)
    win.refresh()
    framed = curses.newwin(3, 10, 10, 10)
    framed.box()
    framed.addstr(1, 1, "in box")
    framed.refresh()
    res["framed"] = framed.instr(1, 1, 6).decode()
    res["row0"] = win.instr(0, 0, 6).decode()
    res["row1"] = win.instr(1, 0, 6).decode()
    res["row3"] = win.instr(3, 0, 6).decode()
    res["beg"] = win.getbegyx()
    res["max"] = win.getmaxyx()
    win.move(4, 7)
    res["yx"] = win.getyx()
    res["keynames"] = [curses.keyname(ord("a")).decode(),
                       curses.keyname(curses.KEY_UP).decode()]
    res["pair5"] = curses.pair_number(curses.color_pair(5))
    res["colors"] = curses.has_colors()
    if curses.has_colors():
        curses.init_pair(1, curses.COLOR_RED, curses.COLOR_BLUE)
        res["pair"] = curses.pair_content(1)
        res["pair_number"] = curses.pair_number(
            curses.color_pair(1) | curses.A_BOLD)
    report.write("ready\n")
    report.flush()
    res["key1"] = stdscr.getch()
    res["key2"] = stdscr.getch()
    res["key3"] = stdscr.getkey()
    stdscr.nodelay(True)
    res["none"] = stdscr.getch()
    return res

result = curses.wrapper(main)
result["endwin"] = curses.isendwin()
report.write(json.dumps(result) + "\n")
report.close()
'''


def run_child(keys, term="xterm", timeout=10.0):
    """Run CHILD on a 24x80 pseudo terminal, type *keys* once it is
    ready, and return its report (or the text it wrote)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    rfd, wfd = os.pipe()
    env = dict(os.environ, TERM=term)
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(wfd)],
                            stdin=slave, stdout=slave, stderr=slave,
                            pass_fds=(wfd,), env=env)
    os.close(slave)
    os.close(wfd)
    report = b""
    typed = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master, rfd], [], [], 0.2)
            if master in ready:
                try:
                    os.read(master, 4096)     # the screen output: drained
                except OSError:
                    pass
            if rfd in ready:
                chunk = os.read(rfd, 4096)
                if not chunk:
                    break
                report += chunk
            if not typed and report.startswith(b"ready\n"):
                os.write(master, keys)
                typed = True
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(rfd)
    return report.decode()


@unittest.skipIf(_curses is None, "built without ncursesw")
class Curses(unittest.TestCase):

    def test_constants_and_errors(self):
        self.assertEqual(curses.KEY_UP, 259)
        self.assertEqual(curses.COLOR_RED, 1)
        self.assertEqual(curses.KEY_F1, curses.KEY_F0 + 1)
        self.assertNotEqual(curses.A_BOLD, 0)
        # This process never calls initscr(): the terminal stays as is.
        for call in (lambda: curses.newwin(1, 1),
                     lambda: curses.color_pair(1),
                     lambda: curses.keyname(65)):
            with self.assertRaisesRegex(curses.error,
                                        "must call initscr"):
                call()
        self.assertTrue(issubclass(curses.error, Exception))

    @unittest.skipUnless(os.path.exists("/lib/terminfo/x/xterm")
                         or os.path.exists("/usr/share/terminfo/x/xterm"),
                         "no xterm terminfo entry")
    def test_draw_and_read_keys(self):
        out = run_child(b"a\x1bOAz")
        lines = out.splitlines()
        self.assertGreaterEqual(len(lines), 2, out)
        res = json.loads(lines[-1])
        self.assertEqual(res["size"], [24, 80])
        self.assertEqual(res["row0"], "hello ")
        self.assertEqual(res["row1"], "  bold")
        self.assertEqual(res["row3"], "trunc ")
        self.assertEqual(res["framed"], "in box")
        self.assertEqual(res["beg"], [2, 3])
        self.assertEqual(res["max"], [5, 20])
        self.assertEqual(res["yx"], [4, 7])
        self.assertEqual(res["keynames"], ["a", "KEY_UP"])
        self.assertEqual(res["pair5"], 5)
        if res["colors"]:
            self.assertEqual(res["pair"], [curses.COLOR_RED,
                                           curses.COLOR_BLUE])
            self.assertEqual(res["pair_number"], 1)
        self.assertEqual(res["key1"], ord("a"))
        self.assertEqual(res["key2"], curses.KEY_UP)
        self.assertEqual(res["key3"], "z")
        self.assertEqual(res["none"], -1)
        self.assertTrue(res["endwin"])

    def test_unknown_terminal(self):
        code = ("import curses\n"
                "try:\n    curses.initscr()\n"
                "except curses.error as e:\n    print('error', e)\n")
        proc = subprocess.run([sys.executable, "-c", code],
                              env=dict(os.environ, TERM="no-such-term"),
                              capture_output=True, text=True, timeout=30)
        self.assertIn("error setupterm: could not find terminal",
                      proc.stdout)


if __name__ == "__main__":
    unittest.main()
