"""ntpath and nturl2path: Windows path syntax on any platform."""

import os
import pathlib
import unittest
import warnings

import ntpath


class SplitRoot(unittest.TestCase):

    def test_splitroot(self):
        cases = {
            'C:\\Users\\Sam': ('C:', '\\', 'Users\\Sam'),
            'C:/Users/Sam': ('C:', '/', 'Users/Sam'),
            'c:x\\y': ('c:', '', 'x\\y'),
            '\\Windows': ('', '\\', 'Windows'),
            'Windows': ('', '', 'Windows'),
            '//server/share/dir': ('//server/share', '/', 'dir'),
            '\\\\server\\share': ('\\\\server\\share', '', ''),
            '\\\\server': ('\\\\server', '', ''),
            '\\\\?\\UNC\\srv\\sh\\x': ('\\\\?\\UNC\\srv\\sh', '\\', 'x'),
            '\\\\?\\c:\\x': ('\\\\?\\c:', '\\', 'x'),
            '\\\\.\\pipe\\name': ('\\\\.\\pipe', '\\', 'name'),
            '': ('', '', ''),
        }
        for path, expected in cases.items():
            with self.subTest(path=path):
                self.assertEqual(ntpath.splitroot(path), expected)
                as_bytes = tuple(p.encode() for p in expected)
                self.assertEqual(ntpath.splitroot(path.encode()), as_bytes)

    def test_splitdrive(self):
        self.assertEqual(ntpath.splitdrive('c:\\foo\\bar'), ('c:', '\\foo\\bar'))
        self.assertEqual(ntpath.splitdrive('//conky/mountpoint/foo/bar'),
                         ('//conky/mountpoint', '/foo/bar'))
        self.assertEqual(ntpath.splitdrive(b'c:x'), (b'c:', b'x'))

    def test_isabs(self):
        for path in ['C:\\', 'c:/x', '\\\\server\\share', '//s/s/x',
                     '\\\\?\\c:\\x']:
            self.assertTrue(ntpath.isabs(path), path)
        # 3.13: a root without a drive is not absolute.
        for path in ['\\x', '/x', 'c:', 'c:x', 'x\\y', '']:
            self.assertFalse(ntpath.isabs(path), path)
        self.assertTrue(ntpath.isabs(b'c:\\'))


class SplitJoin(unittest.TestCase):

    def test_split(self):
        cases = {
            'c:\\foo\\bar': ('c:\\foo', 'bar'),
            '\\\\conky\\mountpoint\\foo\\bar': ('\\\\conky\\mountpoint\\foo', 'bar'),
            'c:\\': ('c:\\', ''),
            '\\\\conky\\mountpoint\\': ('\\\\conky\\mountpoint\\', ''),
            'c:/': ('c:/', ''),
            'a\\\\\\b': ('a', 'b'),
            'foo': ('', 'foo'),
        }
        for path, expected in cases.items():
            self.assertEqual(ntpath.split(path), expected, path)
        self.assertEqual(ntpath.basename('c:\\a\\b.txt'), 'b.txt')
        self.assertEqual(ntpath.dirname('c:\\a\\b.txt'), 'c:\\a')
        self.assertEqual(ntpath.dirname(b'c:/a/b'), b'c:/a')

    def test_splitext(self):
        self.assertEqual(ntpath.splitext('foo.ext'), ('foo', '.ext'))
        self.assertEqual(ntpath.splitext('/foo/foo.ext'), ('/foo/foo', '.ext'))
        self.assertEqual(ntpath.splitext('.ext'), ('.ext', ''))
        self.assertEqual(ntpath.splitext('\\foo.ext\\foo'), ('\\foo.ext\\foo', ''))
        self.assertEqual(ntpath.splitext('foo.ext\\'), ('foo.ext\\', ''))
        self.assertEqual(ntpath.splitext('a/b.tar.gz'), ('a/b.tar', '.gz'))
        self.assertEqual(ntpath.splitext(b'x..y'), (b'x.', b'.y'))

    def test_join(self):
        cases = [
            (('',), ''),
            (('', '', ''), ''),
            (('a',), 'a'),
            (('a', ''), 'a\\'),
            (('a', 'b'), 'a\\b'),
            (('a/', 'b'), 'a/b'),
            (('a', '/b'), '/b'),
            (('c:', '/a'), 'c:/a'),
            (('c:/', '/a'), 'c:/a'),
            (('c:/a', '/b'), 'c:/b'),
            (('c:', 'd:/'), 'd:/'),
            (('c:a', 'C:b'), 'C:a\\b'),
            (('c:a', 'd:b'), 'd:b'),
            (('//computer/share', 'a'), '//computer/share\\a'),
            (('//computer/share/', 'a'), '//computer/share/a'),
            (('//computer/share', '/a'), '//computer/share/a'),
            (('//', 'a'), '//a'),
            (('a', 'b', 'c'), 'a\\b\\c'),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                self.assertEqual(ntpath.join(*args), expected)
        self.assertEqual(ntpath.join(b'a', b'b'), b'a\\b')
        with self.assertRaises(TypeError):
            ntpath.join('a', b'b')
        with self.assertRaises(TypeError):
            ntpath.join('a', 1)


class Normalize(unittest.TestCase):

    def test_normpath(self):
        cases = {
            'A//////././//.//B': 'A\\B',
            'A/./B': 'A\\B',
            'A/foo/../B': 'A\\B',
            'C:A//B': 'C:A\\B',
            'D:A/./B': 'D:A\\B',
            'C:///A//B': 'C:\\A\\B',
            'c:/../../..': 'c:\\',
            '../../..': '..\\..\\..',
            'K:../.././..': 'K:..\\..\\..',
            '': '.',
            '.': '.',
            'a/..': '.',
            '\\\\.\\NUL': '\\\\.\\NUL',
            '\\\\?\\D:/XY\\Z': '\\\\?\\D:/XY\\Z',
            '//server/share/dir/../x': '\\\\server\\share\\x',
        }
        for path, expected in cases.items():
            with self.subTest(path=path):
                self.assertEqual(ntpath.normpath(path), expected)
                self.assertEqual(ntpath.normpath(path.encode()),
                                 expected.encode())

    def test_normcase(self):
        self.assertEqual(ntpath.normcase('C:/A/b'), 'c:\\a\\b')
        self.assertEqual(ntpath.normcase(b'C:/A'), b'c:\\a')
        with self.assertRaises(TypeError):
            ntpath.normcase(3)

    def test_abspath_relpath(self):
        here = ntpath.normpath(os.getcwd())
        self.assertEqual(ntpath.abspath('c:\\x\\..\\y'), 'c:\\y')
        self.assertEqual(ntpath.abspath('a'), ntpath.join(here, 'a'))
        self.assertEqual(ntpath.realpath('c:/a/./b'), 'c:\\a\\b')
        self.assertEqual(ntpath.relpath('c:/foo/bar/bat', 'c:/x/y'),
                         '..\\..\\foo\\bar\\bat')
        self.assertEqual(ntpath.relpath('c:/A/b', 'C:/a'), 'b')
        self.assertEqual(ntpath.relpath('a'), 'a')
        self.assertEqual(ntpath.relpath('c:/x', 'c:/x'), '.')
        with self.assertRaises(ValueError):
            ntpath.relpath('c:/x', 'd:/x')
        with self.assertRaisesRegex(ValueError, 'no path specified'):
            ntpath.relpath('')

    def test_commonpath(self):
        self.assertEqual(ntpath.commonpath(['C:\\Program Files\\Foo',
                                            'c:/program files/bar']),
                         'C:\\Program Files')
        self.assertEqual(ntpath.commonpath(['a/b/c', 'a\\b\\d']), 'a\\b')
        self.assertEqual(ntpath.commonpath(iter(['c:/x'])), 'c:\\x')
        with self.assertRaisesRegex(ValueError, 'empty iterable'):
            ntpath.commonpath([])
        with self.assertRaisesRegex(ValueError, 'same drive'):
            ntpath.commonpath(['c:/a', 'd:/a'])
        with self.assertRaisesRegex(ValueError, 'absolute and relative'):
            ntpath.commonpath(['c:/a', 'c:a'])
        with self.assertRaisesRegex(ValueError, 'rooted and not-rooted'):
            ntpath.commonpath(['/a', 'a'])


class Environment(unittest.TestCase):

    def setUp(self):
        self.saved = dict(os.environ)

    def tearDown(self):
        os.environ.clear()
        os.environ.update(self.saved)

    def test_expandvars(self):
        os.environ.update(foo='bar', BAZ='a b')
        os.environ.pop('nope', None)
        cases = {
            '$foo': 'bar', '${foo}bar': 'barbar', '%foo%': 'bar',
            '$nope': '$nope', '%nope%': '%nope%', '${nope}': '${nope}',
            '$$': '$', '%%': '%', "'$foo'": "'$foo'", "'$foo": "'$foo",
            '${foo': '${foo', '%foo': '%foo', 'x$foo/y': 'xbar/y', 'x$foo-y': 'x$foo-y',
            '%BAZ%%foo%': 'a bbar', 'a$': 'a$',
        }
        for path, expected in cases.items():
            with self.subTest(path=path):
                self.assertEqual(ntpath.expandvars(path), expected)
                self.assertEqual(ntpath.expandvars(path.encode()),
                                 expected.encode())

    def test_expanduser(self):
        for name in ('USERPROFILE', 'HOMEPATH', 'HOMEDRIVE', 'USERNAME'):
            os.environ.pop(name, None)
        self.assertEqual(ntpath.expanduser('~\\x'), '~\\x')
        os.environ.update(HOMEDRIVE='C:\\', HOMEPATH='Users\\eve',
                          USERNAME='eve')
        self.assertEqual(ntpath.expanduser('~\\x'), 'C:\\Users\\eve\\x')
        self.assertEqual(ntpath.expanduser('~bob\\x'), 'C:\\Users\\bob\\x')
        os.environ['USERPROFILE'] = 'D:\\home\\eve'
        self.assertEqual(ntpath.expanduser('~/y'), 'D:\\home\\eve/y')
        self.assertEqual(ntpath.expanduser(b'~'), b'D:\\home\\eve')
        self.assertEqual(ntpath.expanduser('x~'), 'x~')


class Misc(unittest.TestCase):

    def test_isreserved(self):
        for path in ['NUL', 'con', 'COM1', 'lpt9.txt', 'nul .txt', 'a.',
                     'a ', 'x\\aux', 'x\\a:b', 'a*', 'b\x01']:
            self.assertTrue(ntpath.isreserved(path), path)
        for path in ['', '.', '..', 'c:\\', 'NULL', 'COM0', 'file.txt',
                     'c:\\dir\\x']:
            self.assertFalse(ntpath.isreserved(path), path)

    def test_ismount(self):
        self.assertTrue(ntpath.ismount('c:\\'))
        self.assertTrue(ntpath.ismount('\\\\server\\share'))
        self.assertTrue(ntpath.ismount('\\\\server\\share\\'))
        self.assertFalse(ntpath.ismount('c:\\x'))

    def test_constants(self):
        self.assertEqual((ntpath.sep, ntpath.altsep, ntpath.pathsep),
                         ('\\', '/', ';'))
        self.assertEqual((ntpath.curdir, ntpath.pardir, ntpath.devnull),
                         ('.', '..', 'nul'))
        self.assertIs(ntpath.supports_unicode_filenames, False)
        self.assertTrue(set(ntpath.__all__) >= {'splitroot', 'isreserved',
                                                'isjunction', 'isdevdrive'})
        self.assertFalse(ntpath.isjunction('c:\\'))

    def test_pathlib_uses_ntpath(self):
        p = pathlib.PureWindowsPath('c:/Program Files/x.txt')
        self.assertIs(p.parser, ntpath)
        self.assertEqual(str(p), 'c:\\Program Files\\x.txt')
        self.assertEqual((p.drive, p.root, p.stem), ('c:', '\\', 'x'))
        self.assertTrue(p.is_absolute())
        self.assertEqual(str(pathlib.PureWindowsPath('//srv/sh') / 'a'),
                         '\\\\srv\\sh\\a')
        self.assertEqual(pathlib.PureWindowsPath('C:/A'),
                         pathlib.PureWindowsPath('c:/a'))


class NtUrl2Path(unittest.TestCase):

    def setUp(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            import sys
            sys.modules.pop('nturl2path', None)
            import nturl2path
        self.mod = nturl2path
        self.caught = caught

    def test_deprecated(self):
        self.assertTrue(any(issubclass(w.category, DeprecationWarning)
                            for w in self.caught))

    def test_url2pathname(self):
        f = self.mod.url2pathname
        self.assertEqual(f('///C:/foo/bar/spam.foo'), 'C:\\foo\\bar\\spam.foo')
        self.assertEqual(f('///C|/foo/bar'), 'C:\\foo\\bar')
        self.assertEqual(f('//server/share/x'), '\\\\server\\share\\x')
        self.assertEqual(f('/C:/a%20b'), 'C:\\a b')
        self.assertEqual(f('//localhost/C:/x'), 'C:\\x')
        self.assertEqual(f('a/b'), 'a\\b')

    def test_pathname2url(self):
        f = self.mod.pathname2url
        self.assertEqual(f('C:\\foo\\bar\\spam.foo'), '///C:/foo/bar/spam.foo')
        self.assertEqual(f('\\\\server\\share\\x'), '//server/share/x')
        self.assertEqual(f('C:\\a b'), '///C:/a%20b')
        self.assertEqual(f('\\\\?\\C:\\x'), '///C:/x')
        self.assertEqual(f('\\\\?\\UNC\\srv\\sh\\y'), '//srv/sh/y')
        self.assertEqual(f('\\x'), '///x')
        self.assertEqual(f('a\\b'), 'a/b')


if __name__ == '__main__':
    unittest.main()
