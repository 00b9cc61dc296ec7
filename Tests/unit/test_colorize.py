"""_colorize: the ANSI codes and CPython's rules for whether a stream gets
colours (PYTHON_COLORS, NO_COLOR, COLORIZE, FORCE_COLOR, TERM, tty)."""

import io
import os
import unittest
from unittest import mock

import _colorize


class FakeTTY(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def fileno(self):
        raise io.UnsupportedOperation

    def isatty(self):
        return self.tty


CLEAN = {k: v for k, v in os.environ.items()
         if k not in ('PYTHON_COLORS', 'NO_COLOR', 'FORCE_COLOR', 'TERM')}


class CanColorizeTests(unittest.TestCase):

    def check(self, env, tty, expected):
        with mock.patch.dict(os.environ, {**CLEAN, **env}, clear=True):
            self.assertIs(_colorize.can_colorize(file=FakeTTY(tty)),
                          expected, (env, tty))

    def test_rules_in_order(self):
        self.check({}, True, True)
        self.check({}, False, False)
        self.check({'PYTHON_COLORS': '1', 'NO_COLOR': '1'}, False, True)
        self.check({'PYTHON_COLORS': '0', 'FORCE_COLOR': '1'}, True, False)
        self.check({'NO_COLOR': '1', 'FORCE_COLOR': '1'}, True, False)
        self.check({'FORCE_COLOR': '1'}, False, True)
        self.check({'TERM': 'dumb'}, True, False)

    def test_colorize_switch(self):
        self.addCleanup(setattr, _colorize, 'COLORIZE', _colorize.COLORIZE)
        _colorize.COLORIZE = False
        self.check({'FORCE_COLOR': '1'}, True, False)
        self.check({'PYTHON_COLORS': '1'}, False, True)

    def test_file_without_fileno(self):
        with mock.patch.dict(os.environ, CLEAN, clear=True):
            self.assertFalse(_colorize.can_colorize(file=object()))


class CodesTests(unittest.TestCase):

    def test_codes(self):
        c = _colorize.ANSIColors
        self.assertEqual(c.RED, '\x1b[31m')
        self.assertEqual(c.BOLD_RED, '\x1b[1;31m')
        self.assertEqual(c.INTENSE_BLUE, '\x1b[94m')
        self.assertEqual(c.BACKGROUND_GREEN, '\x1b[42m')
        self.assertEqual(c.RESET, '\x1b[0m')
        self.assertEqual(_colorize.NoColors.BOLD_RED, '')

    def test_decolor_and_get_colors(self):
        c = _colorize.ANSIColors
        text = f'{c.BOLD_RED}error{c.RESET}: {c.GREY}x{c.RESET}'
        self.assertEqual(_colorize.decolor(text), 'error: x')
        self.assertEqual(_colorize.get_colors(True).RED, c.RED)
        with mock.patch.dict(os.environ, {**CLEAN, 'NO_COLOR': '1'},
                             clear=True):
            self.assertIs(_colorize.get_colors(file=FakeTTY(True)),
                          _colorize.NoColors)


if __name__ == '__main__':
    unittest.main()
