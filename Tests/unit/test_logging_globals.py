"""logging's module globals are CPython's: programs and tests patch
logging.traceback (for example to capture stack_info output)."""

import io
import logging
import re
import traceback
import unittest
import warnings


class LoggingGlobalsTest(unittest.TestCase):

    def test_modules_reachable(self):
        self.assertIs(logging.traceback, traceback)
        self.assertIs(logging.re, re)
        self.assertIs(logging.warnings, warnings)

    def test_patched_print_stack_used_for_stack_info(self):
        called = []
        saved = traceback.print_stack
        traceback.print_stack = lambda f, file: called.append(file.getvalue())
        try:
            logging.getLogger('weft.globals').findCaller(stack_info=True)
        finally:
            traceback.print_stack = saved
        self.assertEqual(called, ['Stack (most recent call last):\n'])

    def test_exception_text_still_formatted(self):
        stream = io.StringIO()
        logger = logging.getLogger('weft.globals.exc')
        logger.propagate = False
        handler = logging.StreamHandler(stream)
        logger.addHandler(handler)
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                logger.exception('boom')
        finally:
            logger.removeHandler(handler)
        self.assertIn('ZeroDivisionError: division by zero', stream.getvalue())


if __name__ == '__main__':
    unittest.main()
