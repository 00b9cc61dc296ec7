"""termios, tty and pty on a pseudo-terminal pair opened by the test."""

import os
import pty
import sys
import termios
import tty
import unittest


class OnAPseudoTerminal(unittest.TestCase):

    def setUp(self):
        self.master, self.slave = pty.openpty()
        self.addCleanup(os.close, self.master)
        self.addCleanup(os.close, self.slave)

    def test_attributes_round_trip(self):
        mode = termios.tcgetattr(self.slave)
        self.assertEqual(len(mode), 7)
        self.assertEqual(len(mode[tty.CC]), termios.NCCS)
        self.assertIsInstance(mode[tty.CC][termios.VINTR], bytes)
        termios.tcsetattr(self.slave, termios.TCSANOW, mode)
        self.assertEqual(termios.tcgetattr(self.slave), mode)

    def test_raw_and_cbreak(self):
        original = tty.setraw(self.slave)
        raw = termios.tcgetattr(self.slave)
        self.assertEqual(raw[tty.LFLAG] & (termios.ECHO | termios.ICANON | termios.ISIG), 0)
        self.assertEqual(raw[tty.OFLAG] & termios.OPOST, 0)
        self.assertEqual(raw[tty.CFLAG] & termios.CSIZE, termios.CS8)
        # Outside canonical mode VMIN and VTIME come back as integers.
        self.assertEqual((raw[tty.CC][termios.VMIN], raw[tty.CC][termios.VTIME]), (1, 0))
        termios.tcsetattr(self.slave, termios.TCSANOW, original)
        self.assertEqual(termios.tcgetattr(self.slave), original)
        tty.setcbreak(self.slave)
        cbreak = termios.tcgetattr(self.slave)
        self.assertEqual(cbreak[tty.LFLAG] & (termios.ECHO | termios.ICANON), 0)
        self.assertNotEqual(cbreak[tty.LFLAG] & termios.ISIG, 0)

    def test_winsize_flush_drain(self):
        termios.tcsetwinsize(self.slave, (24, 80))
        self.assertEqual(termios.tcgetwinsize(self.slave), (24, 80))
        termios.tcflush(self.slave, termios.TCIOFLUSH)
        termios.tcdrain(self.slave)

    def test_errors(self):
        with self.assertRaisesRegex(TypeError, "must be 7 element list"):
            termios.tcsetattr(self.slave, termios.TCSANOW, [1, 2, 3])
        r, w = os.pipe()
        try:
            with self.assertRaises(termios.error) as caught:
                termios.tcgetattr(r)
            self.assertEqual(caught.exception.args[0], 25)
        finally:
            os.close(r)
            os.close(w)
        self.assertFalse(issubclass(termios.error, OSError))


class Fork(unittest.TestCase):

    def test_child_runs_on_a_terminal(self):
        pid, fd = pty.fork()
        if pid == pty.CHILD:
            os.write(1, b"tty=%d\n" % os.isatty(0))
            os._exit(3)
        output = b""
        while True:
            try:
                data = os.read(fd, 1024)
            except OSError:
                break
            if not data:
                break
            output += data
        os.close(fd)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(output.replace(b"\r", b""), b"tty=1\n")
        self.assertEqual(os.waitstatus_to_exitcode(status), 3)

    def test_spawn_copies_output(self):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            # Our stdout is the pipe; spawn copies the child's output to it.
            os.dup2(write_end, 1)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            status = pty.spawn([sys.executable, "-c", "print('spawned')"])
            os._exit(os.waitstatus_to_exitcode(status))
        os.close(write_end)
        output = b""
        while True:
            data = os.read(read_end, 1024)
            if not data:
                break
            output += data
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertIn(b"spawned", output)


if __name__ == "__main__":
    unittest.main()
