"""pkgutil.extend_path adds the lines of a NAME.pkg file found in a path
directory (blank lines and comments skipped, entries not checked)."""

import os
import pkgutil
import sys
import tempfile
import unittest


class PkgFileTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.old_path = sys.path[:]
        self.addCleanup(setattr, sys, 'path', self.old_path)
        sys.path.insert(0, self.tmp.name)

    def write(self, name, text):
        with open(os.path.join(self.tmp.name, name), 'w') as f:
            f.write(text)

    def test_pkg_file_lines(self):
        self.write('bar.pkg', 'baz\n/foo/bar/baz\n\n#comment\n')
        extended = pkgutil.extend_path(sys.path, 'bar')
        self.assertEqual(extended[:-2], sys.path)
        self.assertEqual(extended[-2:], ['baz', '/foo/bar/baz'])

    def test_dotted_name_pkg_file(self):
        # A subpackage looks for its full dotted name in its parent's path.
        sub = os.path.join(self.tmp.name, 'outer')
        os.mkdir(sub)
        with open(os.path.join(sub, 'outer.inner.pkg'), 'w') as f:
            f.write('/somewhere\n')
        class Parent:
            __path__ = [sub]
        sys.modules['outer'] = Parent
        self.addCleanup(sys.modules.pop, 'outer')
        self.assertEqual(pkgutil.extend_path(['x'], 'outer.inner'),
                         ['x', '/somewhere'])

    def test_no_pkg_file(self):
        self.assertEqual(pkgutil.extend_path(['x'], 'no_such_pkg_name'), ['x'])

    def test_not_a_list(self):
        self.assertEqual(pkgutil.extend_path(('x',), 'bar'), ('x',))


if __name__ == '__main__':
    unittest.main()
