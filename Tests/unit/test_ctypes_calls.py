"""ctypes: calling C functions (libc, libm, the interpreter itself) and
Python callbacks, including callbacks run on threads C created."""

import os
import sys
import threading
import unittest

try:
    import ctypes
    import ctypes.util
    from ctypes import (CDLL, CFUNCTYPE, POINTER, Structure, byref, c_char_p,
                        c_double, c_int, c_long, c_size_t, c_void_p, c_wchar_p,
                        create_string_buffer, py_object, sizeof, pythonapi,
                        ArgumentError, get_errno, set_errno)
except ImportError as exc:          # _ctypes not built (no libffi)
    raise unittest.SkipTest("ctypes is not available: %s" % exc)

libc = CDLL(ctypes.util.find_library("c"), use_errno=True)
libm = CDLL(ctypes.util.find_library("m"))


class Libc(unittest.TestCase):

    def test_find_library(self):
        self.assertEqual(ctypes.util.find_library("c"), "libc.so.6")
        self.assertEqual(ctypes.util.find_library("m"), "libm.so.6")
        self.assertIsNone(ctypes.util.find_library("no_such_library_weft"))
        self.assertFalse(hasattr(ctypes.util, "find_msvcrt"))

    @unittest.skipUnless(__import__("shutil").which("gcc"), "needs gcc")
    def test_find_library_compiler_fallback(self):
        # What find_library falls back to when ldconfig does not know a name.
        path = ctypes.util._findLib_gcc("m")
        self.assertTrue(path and "libm" in path, path)
        self.assertEqual(ctypes.util._get_soname(path), "libm.so.6")
        self.assertIsNone(ctypes.util._findLib_gcc("no_such_library_weft"))

    def test_strlen_and_defaults(self):
        self.assertEqual(libc.strlen(b"hello"), 5)
        libc.strlen.argtypes = [c_char_p]
        libc.strlen.restype = c_size_t
        self.assertEqual(libc.strlen(b"four"), 4)
        self.assertIs(type(libc.strlen(b"")), int)

    def test_getpid(self):
        self.assertEqual(libc.getpid(), os.getpid())

    def test_snprintf_varargs(self):
        buf = create_string_buffer(64)
        n = libc.snprintf(buf, 64, b"%d-%s-%ld", 42, b"xy", c_long(-5))
        self.assertEqual(buf.value, b"42-xy--5")
        self.assertEqual(n, 8)
        libc.snprintf.argtypes = [c_char_p, c_size_t, c_char_p]
        n = libc.snprintf(buf, 64, b"%.2f|%s", c_double(2.5), b"ok")
        self.assertEqual(buf.value, b"2.50|ok")

    def test_libm(self):
        libm.sqrt.argtypes = [c_double]
        libm.sqrt.restype = c_double
        self.assertEqual(libm.sqrt(2.0), 2.0 ** 0.5)
        libm.pow.argtypes = [c_double, c_double]
        libm.pow.restype = c_double
        self.assertEqual(libm.pow(2, 10), 1024.0)

    @unittest.skipUnless(hasattr(ctypes, "c_double_complex"), "libffi without complex")
    def test_complex(self):
        libm.cabs.restype = c_double
        libm.cabs.argtypes = [ctypes.c_double_complex]
        self.assertEqual(libm.cabs(3 + 4j), 5.0)
        libm.csqrtf.restype = ctypes.c_float_complex
        libm.csqrtf.argtypes = [ctypes.c_float_complex]
        self.assertEqual(libm.csqrtf(-9), 3j)
        self.assertEqual(sizeof(ctypes.c_longdouble_complex), 32)

    def test_struct_by_pointer_and_value(self):
        class Div(Structure):
            _fields_ = [("quot", c_long), ("rem", c_long)]
        libc.ldiv.argtypes = [c_long, c_long]
        libc.ldiv.restype = Div
        r = libc.ldiv(17, 5)
        self.assertEqual((r.quot, r.rem), (3, 2))

        class TM(Structure):
            _fields_ = [(n, c_int) for n in ("sec", "min", "hour", "mday", "mon",
                                             "year", "wday", "yday", "isdst")] + \
                       [("gmtoff", c_long), ("zone", c_char_p)]
        t = ctypes.c_int64(86400 * 365)
        tm = TM()
        libc.gmtime_r.argtypes = [POINTER(ctypes.c_int64), POINTER(TM)]
        libc.gmtime_r.restype = POINTER(TM)
        result = libc.gmtime_r(byref(t), byref(tm))
        self.assertEqual((tm.year, tm.mon, tm.mday), (71, 0, 1))
        self.assertEqual(result.contents.year, 71)

    def test_errno(self):
        set_errno(0)
        libc.close.argtypes = [c_int]
        self.assertEqual(libc.close(-1), -1)
        self.assertEqual(get_errno(), 9)       # EBADF
        self.assertEqual(set_errno(3), 9)
        self.assertEqual(get_errno(), 3)

    def test_argument_errors(self):
        func = libc.abs
        with self.assertRaisesRegex(ArgumentError,
                                    "argument 1: TypeError: Don't know how to convert parameter 1"):
            func(1.5)
        func.argtypes = [c_int]
        with self.assertRaisesRegex(ArgumentError, "argument 1: TypeError: wrong type"):
            func("x")
        with self.assertRaisesRegex(TypeError,
                                    r"this function takes at least 1 argument \(0 given\)"):
            func()
        with self.assertRaises(AttributeError):
            libc.no_such_function_weft
        self.assertEqual(libc["abs"](2**40 - 3), 3)       # truncated to a C int
        with self.assertRaisesRegex(ArgumentError,
                                    "argument 1: OverflowError: int too long to convert"):
            libc["labs"](2**70)
        self.assertEqual(func(-7), 7)

    def test_restype_callable_and_errcheck(self):
        f = libc.labs
        f.argtypes = [c_long]
        f.restype = lambda value: ("wrapped", value)
        self.assertEqual(f(-3), ("wrapped", 3))
        g = libc.atoi
        g.argtypes = [c_char_p]
        seen = []

        def check(result, func, args):
            seen.append((result, func is g, args))
            return result * 2
        g.errcheck = check
        self.assertEqual(g(b"21"), 42)
        self.assertEqual(seen, [(21, True, (b"21",))])

    def test_paramflags(self):
        proto = CFUNCTYPE(c_long, c_char_p, POINTER(c_char_p), c_int)
        strtol = proto(("strtol", libc), ((1, "text"), (2, "end"), (1, "base", 10)))
        self.assertEqual(strtol(b"42rest"), b"rest")      # the out value is returned
        strtol.errcheck = lambda result, func, args: (result, args[1].value)
        self.assertEqual(strtol(b"ff!", base=16), (255, b"!"))
        with self.assertRaisesRegex(TypeError, "required argument 'text' missing"):
            strtol()
        with self.assertRaisesRegex(ValueError, "same length as argtypes"):
            proto(("strtol", libc), ((1, "text"),))

    def test_wide_strings(self):
        libc.wcslen.argtypes = [c_wchar_p]
        libc.wcslen.restype = c_size_t
        self.assertEqual(libc.wcslen("d\u00e9j\u00e0"), 4)

    def test_repr_and_loader(self):
        self.assertTrue(repr(libc).startswith("<CDLL 'libc.so.6', handle "))
        self.assertIs(ctypes.cdll.LoadLibrary("libc.so.6").__class__, CDLL)
        with self.assertRaises(OSError):
            CDLL("libdoes_not_exist_weft.so")


class Callbacks(unittest.TestCase):

    def test_qsort(self):
        values = (c_int * 6)(5, 1, 4, 2, 6, 3)
        CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
        calls = []

        def compare(a, b):
            calls.append(1)
            return a[0] - b[0]
        cmp = CMP(compare)
        libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
        libc.qsort.restype = None
        libc.qsort(values, len(values), sizeof(c_int), cmp)
        self.assertEqual(list(values), [1, 2, 3, 4, 5, 6])
        self.assertTrue(calls)

    def test_callback_result_types(self):
        DBL = CFUNCTYPE(c_double, c_double, c_int)
        f = DBL(lambda x, n: x * n)
        self.assertEqual(f(1.5, 4), 6.0)
        NEG = CFUNCTYPE(ctypes.c_short, ctypes.c_short)
        self.assertEqual(NEG(lambda v: -v)(5), -5)

    def test_callback_string_result_is_kept(self):
        F = CFUNCTYPE(c_char_p)
        f = F(lambda: b"built " + str(7).encode())
        with self.assertWarnsRegex(RuntimeWarning, "memory leak in callback function"):
            self.assertEqual(f(), b"built 7")

    def test_callback_exception_is_unraisable(self):
        import io
        F = CFUNCTYPE(c_int, c_int)

        def boom(x):
            raise ValueError("inside callback")
        err = io.StringIO()
        old, sys.stderr = sys.stderr, err
        hook_calls = []
        old_hook = sys.unraisablehook
        sys.unraisablehook = hook_calls.append
        try:
            self.assertEqual(F(boom)(1), 0)
        finally:
            sys.stderr = old
            sys.unraisablehook = old_hook
        self.assertEqual(len(hook_calls), 1)
        self.assertIsInstance(hook_calls[0].exc_value, ValueError)

    def test_callback_from_c_thread(self):
        THREAD = CFUNCTYPE(c_void_p, c_void_p)
        idents = []
        main = threading.get_ident()

        def run(arg):
            idents.append((threading.get_ident(), arg))
            return 0
        start = THREAD(run)
        pthread_create = libc.pthread_create
        pthread_create.argtypes = [POINTER(ctypes.c_ulong), c_void_p, THREAD, c_void_p]
        libc.pthread_join.argtypes = [ctypes.c_ulong, c_void_p]
        tids = []
        for n in range(3):
            tid = ctypes.c_ulong()
            self.assertEqual(pthread_create(byref(tid), None, start, 100 + n), 0)
            tids.append(tid)
        for tid in tids:
            self.assertEqual(libc.pthread_join(tid, None), 0)
        self.assertEqual(sorted(arg for _, arg in idents), [100, 101, 102])
        self.assertTrue(all(ident != main for ident, _ in idents))


class PythonApi(unittest.TestCase):

    def test_incref(self):
        obj = object()
        before = sys.getrefcount(obj)
        pythonapi.Py_IncRef.argtypes = [py_object]
        pythonapi.Py_IncRef.restype = None
        pythonapi.Py_IncRef(obj)
        self.assertEqual(sys.getrefcount(obj), before + 1)
        pythonapi.Py_DecRef.argtypes = [py_object]
        pythonapi.Py_DecRef.restype = None
        pythonapi.Py_DecRef(obj)
        self.assertEqual(sys.getrefcount(obj), before)

    def test_exception_propagates(self):
        f = pythonapi.PyLong_AsLong
        f.argtypes = [py_object]
        f.restype = c_long
        self.assertEqual(f(12345), 12345)
        with self.assertRaises(TypeError):
            f("not an int")


if __name__ == "__main__":
    unittest.main()
