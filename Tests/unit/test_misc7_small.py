"""Small modules: tabnanny, this, __hello__, __phello__."""

import contextlib
import io
import os
import shutil
import sys
import tempfile
import tokenize
import unittest

import tabnanny
from tabnanny import NannyNag, Whitespace, process_tokens


def tok(type, string, row, line):
    return tokenize.TokenInfo(type, string, (row, 0), (row, len(string)), line)


class Nanny(unittest.TestCase):

    def test_whitespace(self):
        w = Whitespace(' \t  \tx')
        self.assertEqual([w.indent_level(t) for t in (1, 2, 4, 8)],
                         [5, 6, 8, 16])
        self.assertTrue(Whitespace('\t').equal(Whitespace('\t')))
        self.assertFalse(Whitespace('\t').equal(Whitespace('        ')))
        self.assertEqual(Whitespace('\t').not_equal_witness(Whitespace('  ')),
                         [(1, 1, 2), (3, 3, 2)])
        self.assertTrue(Whitespace('  ').less(Whitespace('\t  ')))
        self.assertFalse(Whitespace('        ').less(Whitespace('\t ')))
        self.assertEqual(Whitespace('    ').not_less_witness(Whitespace('\t')),
                         [(1, 4, 1), (2, 4, 2), (3, 4, 3), (4, 4, 4)])
        self.assertEqual(tabnanny.format_witnesses([(1, 0, 0)]),
                         'at tab size 1')
        self.assertEqual(tabnanny.format_witnesses([(1, 0, 0), (4, 0, 0)]),
                         'at tab sizes 1, 4')

    def test_process_tokens(self):
        # 'if 1:' / '        if 2:' / '\t    x': at small tab sizes the
        # third line is not deeper than the second.
        lines = ['if 1:\n', '        if 2:\n', '\t    x\n']
        tokens = [
            tok(tokenize.NAME, 'if', 1, lines[0]),
            tok(tokenize.NEWLINE, '\n', 1, lines[0]),
            tok(tokenize.INDENT, '        ', 2, lines[1]),
            tok(tokenize.NAME, 'if', 2, lines[1]),
            tok(tokenize.NEWLINE, '\n', 2, lines[1]),
            tok(tokenize.INDENT, '\t    ', 3, lines[2]),
        ]
        with self.assertRaises(NannyNag) as cm:
            process_tokens(tokens)
        nag = cm.exception
        self.assertEqual(nag.get_lineno(), 3)
        self.assertEqual(nag.get_line(), '\t    x\n')
        self.assertEqual(nag.get_msg(),
                         'indent not greater e.g. at tab sizes 1, 2, 3, 4')

    def test_not_equal(self):
        lines = ['if 1:\n', '\tx\n', '        y\n']
        tokens = [
            tok(tokenize.NAME, 'if', 1, lines[0]),
            tok(tokenize.NEWLINE, '\n', 1, lines[0]),
            tok(tokenize.INDENT, '\t', 2, lines[1]),
            tok(tokenize.NAME, 'x', 2, lines[1]),
            tok(tokenize.NEWLINE, '\n', 2, lines[1]),
            tok(tokenize.COMMENT, '# c', 3, '# c\n'),
            tok(tokenize.NAME, 'y', 3, lines[2]),
        ]
        with self.assertRaises(NannyNag) as cm:
            process_tokens(tokens)
        self.assertEqual(cm.exception.get_msg(),
                         'indent not equal e.g. at tab sizes 1, 2, 3, 4, '
                         '5, 6, 7, 9')

    def test_check(self):
        tmp = tempfile.mkdtemp()
        try:
            good = os.path.join(tmp, 'good.py')
            with open(good, 'w') as f:
                f.write('if True:\n    x = 1\n')
            bad = os.path.join(tmp, 'bad.py')
            with open(bad, 'w') as f:
                f.write('if True:\n\tx = 1\n        y = 2\n')
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), \
                    contextlib.redirect_stderr(err):
                tabnanny.check(good)
                tabnanny.check(os.path.join(tmp, 'missing.py'))
                tabnanny.check(bad)
            self.assertEqual(out.getvalue(), '')
            self.assertIn('missing.py', err.getvalue())
            self.assertIn('I/O Error', err.getvalue())
            self.assertIn('bad.py', err.getvalue())
            self.assertIn('inconsistent use of tabs', err.getvalue())
            tabnanny.verbose = 1
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    tabnanny.check(good)
            finally:
                tabnanny.verbose = 0
            self.assertEqual(out.getvalue(),
                             f'{good!r}: Clean bill of health.\n')
        finally:
            shutil.rmtree(tmp)


MF_FILES = {
    'main.py': 'import pkg.a\nfrom pkg import b, nothere\nimport missing_mod\n'
               'from pkg.sub import *\nimport json\n'
               'def f():\n    import os.path\n',
    'pkg/__init__.py': 'from .c import thing\nfrom . import a\n',
    'pkg/a.py': 'import sys\nVALUE = 1\n',
    'pkg/b.py': 'from .a import VALUE\nimport pkg.nope\n',
    'pkg/c.py': 'thing = 1\n',
    'pkg/sub/__init__.py': 'from zzz import *\n',
}


class Finder(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        for name, text in MF_FILES.items():
            path = os.path.join(self.tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_run_script(self):
        import modulefinder
        mf = modulefinder.ModuleFinder([self.tmp], excludes=['json'])
        mf.run_script(os.path.join(self.tmp, 'main.py'))
        self.assertEqual(sorted(mf.modules), ['__main__', 'pkg', 'pkg.a',
                                              'pkg.b', 'pkg.c', 'pkg.sub',
                                              'sys'])
        main = mf.modules['__main__']
        self.assertEqual(sorted(main.globalnames),
                         ['b', 'f', 'json', 'missing_mod', 'nothere', 'pkg'])
        self.assertEqual(sorted(main.starimports), ['zzz'])
        self.assertEqual(mf.modules['pkg'].__path__,
                         [os.path.join(self.tmp, 'pkg')])
        self.assertEqual(sorted(mf.modules['pkg.a'].globalnames),
                         ['VALUE', 'sys'])
        self.assertEqual(mf.any_missing_maybe(),
                         (['missing_mod', 'os.path', 'pkg.nope',
                           'pkg.nothere', 'zzz'], []))
        self.assertEqual(sorted(mf.badmodules['pkg.nope']), ['pkg.b'])
        self.assertIn('json', mf.badmodules)     # excluded, not missing
        self.assertEqual(repr(modulefinder.Module('x', 'f.py')),
                         "Module('x', 'f.py')")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            mf.report()
        text = out.getvalue()
        self.assertIn('P pkg ', text)
        self.assertIn('? pkg.nope imported from pkg.b', text)
        self.assertIn('Missing modules:', text)


class StringPrep(unittest.TestCase):

    def test_tables(self):
        import stringprep as sp
        self.assertTrue(sp.in_table_a1('\u0221'))       # assigned in 4.0
        self.assertFalse(sp.in_table_a1('a'))
        self.assertFalse(sp.in_table_a1('\ufdd0'))
        self.assertTrue(sp.in_table_b1('\u00ad'))
        self.assertTrue(sp.in_table_c11(' '))
        self.assertTrue(sp.in_table_c12('\u3000'))
        self.assertTrue(sp.in_table_c12('\u200b'))
        self.assertFalse(sp.in_table_c12(' '))
        self.assertTrue(sp.in_table_c21('\x7f'))
        self.assertTrue(sp.in_table_c22('\x85'))
        self.assertTrue(sp.in_table_c22('\u2061'))
        self.assertTrue(sp.in_table_c3('\ue000'))
        self.assertTrue(sp.in_table_c4('\U0001fffe'))
        self.assertTrue(sp.in_table_c5('\ud800'))
        self.assertTrue(sp.in_table_c6('\ufffd'))
        self.assertTrue(sp.in_table_c7('\u2ff0'))
        self.assertTrue(sp.in_table_c8('\u200e'))
        self.assertTrue(sp.in_table_c9('\U000e0041'))
        self.assertTrue(sp.in_table_d1('\u05d0'))
        self.assertTrue(sp.in_table_d2('a'))
        self.assertFalse(sp.in_table_d2('\u05d0'))

    def test_mappings(self):
        import stringprep as sp
        self.assertEqual(sp.map_table_b3('A'), 'a')
        self.assertEqual(sp.map_table_b3('\xdf'), 'ss')
        self.assertEqual(sp.map_table_b3('\u0130'), 'i\u0307')
        self.assertEqual(sp.map_table_b2('\u2102'), 'c')
        self.assertEqual(sp.map_table_b2('\u2121'), 'tel')
        self.assertEqual(sp.map_table_b2('\u03f2'), '\u03c3')
        self.assertEqual(sp.map_table_b2('\u00c5'), '\u00e5')


class Eggs(unittest.TestCase):

    def test_this(self):
        out = io.StringIO()
        sys.modules.pop('this', None)
        with contextlib.redirect_stdout(out):
            import this
        text = out.getvalue()
        self.assertTrue(text.startswith('The Zen of Python, by Tim Peters\n'))
        self.assertIn('Readability counts.\n', text)
        self.assertEqual(len(text.splitlines()), 21)
        self.assertEqual(this.d['a'], 'n')
        self.assertIn('Ernqnovyvgl pbhagf.', this.s)

    def test_hello(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            import __hello__
            import __phello__.spam
            import __phello__.ham.eggs
            __hello__.main()
            __phello__.spam.main()
        self.assertEqual(out.getvalue(), 'Hello world!\nHello world!\n')
        self.assertTrue(__hello__.initialized)
        self.assertTrue(__phello__.initialized)
        self.assertEqual(__hello__.TestFrozenUtf8_1.__doc__, '\xb6')


if __name__ == '__main__':
    unittest.main()
