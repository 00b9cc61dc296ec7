"""Small stdlib fixes found with CPython 3.13's tests: linecache reads an
empty file as one empty line, sysconfig's Makefile reader and versioned
ABI name, sys._framework, the operator getters' and cmp_to_key's
signatures, functools' MRO helpers under CPython's names."""

import os
import sys
import sysconfig
import tempfile
import linecache
import unittest
from sysconfig.__main__ import _parse_makefile


class LinecacheTests(unittest.TestCase):

    def test_empty_file_is_one_empty_line(self):
        fd, path = tempfile.mkstemp(suffix='.py')
        os.close(fd)
        self.addCleanup(os.unlink, path)
        self.addCleanup(linecache.clearcache)
        self.assertEqual(linecache.getlines(path), ['\n'])
        self.assertEqual(linecache.getline(path, 1), '\n')
        self.assertEqual(linecache.getline(path, 2), '')


class MakefileTests(unittest.TestCase):

    def parse(self, text, **kw):
        fd, path = tempfile.mkstemp()
        with os.fdopen(fd, 'w') as f:
            f.write(text)
        self.addCleanup(os.unlink, path)
        return _parse_makefile(path, **kw)

    def test_references_dollars_and_numbers(self):
        got = self.parse('var1=a$(VAR2)\nVAR2=b$(var3)\nvar3=42\n'
                         'var4=$/invalid\nvar5=dollar$$5\n'
                         'var6=${var3}/x-$(VAR2)$(var5)-y\n'
                         '# comment=1\n\n')
        self.assertEqual(got, {'var1': 'ab42', 'VAR2': 'b42', 'var3': 42,
                               'var4': '$/invalid', 'var5': 'dollar$5',
                               'var6': '42/x-b42dollar$5-y'})

    def test_undefined_reference_and_cycles(self):
        os.environ['L5B_MK_ENV'] = 'env'
        self.addCleanup(os.environ.pop, 'L5B_MK_ENV')
        got = self.parse('aa=[$(NOPE_L5B)]\nbb=$(L5B_MK_ENV)\n'
                         'cc=$(dd)\ndd=$(cc)\nx=1\n')
        self.assertEqual(got['aa'], '[]')
        self.assertEqual(got['bb'], 'env')
        self.assertEqual(got['cc'], '$(dd)')
        # Names are two characters or more (as CPython's reader).
        self.assertNotIn('x', got)
        dropped = self.parse('cc=$(dd)\ndd=$(cc)\nee=1\n',
                             keep_unresolved=False)
        self.assertEqual(dropped, {'ee': 1})
        into = {'xx': 0}
        self.assertIs(self.parse('ee=1\n', vars=into), into)
        self.assertEqual(into, {'xx': 0, 'ee': 1})

    def test_renamed_flags(self):
        got = self.parse('PY_CFLAGS=-O2\nALL=$(CFLAGS) -g\n')
        if 'CFLAGS' not in os.environ:
            self.assertEqual(got['ALL'], '-O2 -g')


class OperatorSignatureTests(unittest.TestCase):

    def test_getters_take_one_positional_argument(self):
        import inspect
        import operator
        for obj in (operator.attrgetter('x'), operator.itemgetter(1, 2),
                    operator.methodcaller('m', 1)):
            with self.subTest(obj=obj):
                self.assertEqual(str(inspect.signature(obj)), '(obj, /)')
                self.assertEqual(obj.__text_signature__, '(obj, /)')


class FunctoolsTests(unittest.TestCase):

    def test_cmp_to_key_signature(self):
        import functools
        import inspect
        key = functools.cmp_to_key(lambda a, b: a - b)
        self.assertEqual(str(inspect.signature(key)), '(obj)')
        self.assertEqual(str(inspect.signature(key(1))), '(obj)')
        self.assertEqual(str(inspect.signature(functools.cmp_to_key)),
                         '(mycmp)')

    def test_mro_helpers_under_cpython_names(self):
        import collections.abc as c
        import functools
        self.assertEqual(functools._compose_mro(dict, [c.Sequence,
                                                       c.MutableMapping]),
                         [dict, c.MutableMapping, c.Mapping, c.Collection,
                          c.Sized, c.Iterable, c.Container, object])

        class B:
            def __len__(self):
                return 0
        self.assertEqual(functools._c3_mro(B, abcs=[c.Sized]),
                         [B, c.Sized, object])


class VersionTests(unittest.TestCase):

    def test_python_version_abi(self):
        thread = 't' if sysconfig.get_config_var('Py_GIL_DISABLED') else ''
        self.assertEqual(sysconfig._get_python_version_abi(),
                         f'{sys.version_info[0]}.{sys.version_info[1]}'
                         f'{thread}')

    def test_get_platform_per_system(self):
        from unittest import mock
        cases = [
            ('nt', 'win32', '3.15 [MSC v.1 64 bit (AMD64)]', None, 'win-amd64'),
            ('nt', 'win32', '3.15 [MSC v.1 64 bit (ARM64)]', None, 'win-arm64'),
            ('nt', 'win32', '3.15 [MSC v.1 32 bit (Intel)]', None, 'win32'),
            ('posix', 'linux', sys.version,
             ('Linux', 'h', '6.1', '#1', 'aarch64'), 'linux-aarch64'),
            ('posix', 'android', sys.version,
             ('Linux', 'h', '3.18', '#1', 'armv7l'), 'android-24-armeabi_v7a'),
        ]
        for osname, platform, version, uname, expected in cases:
            with self.subTest(expected=expected), \
                    mock.patch.object(os, 'name', osname), \
                    mock.patch.object(sys, 'platform', platform), \
                    mock.patch.object(sys, 'version', version), \
                    mock.patch.object(os, 'uname', lambda: uname), \
                    mock.patch.dict(sysconfig.get_config_vars(),
                                    {'ANDROID_API_LEVEL': 24}):
                self.assertEqual(sysconfig.get_platform(), expected)

    def test_sys_framework(self):
        self.assertEqual(sys._framework, '')


if __name__ == '__main__':
    unittest.main()
