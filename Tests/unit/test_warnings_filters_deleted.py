"""Warnings keep working, with the last filters list seen, after
`del warnings.filters` (CPython test_warnings' test_filter).  Run in a
child: under unittest a catch_warnings context is active, and with
context-aware warnings (the FT default) it, not warnings.filters, rules."""

import subprocess
import sys
import unittest

CHILD = """
import warnings
def raises(message):
    try:
        warnings.warn(message)
    except UserWarning:
        return True
    return False
warnings.filters = [("error", None, UserWarning, None, 0)]
first = raises("one")
del warnings.filters
print(first, raises("two"))
"""


class DeletedFilters(unittest.TestCase):

    def test_last_list_still_applies(self):
        proc = subprocess.run([sys.executable, "-c", CHILD],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.stderr, "")
        self.assertEqual(proc.stdout, "True True\n")


if __name__ == "__main__":
    unittest.main()
