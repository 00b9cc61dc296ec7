/* Tests of the PyOS_* helpers and the locale conversions (Python/
   fileutils.c, Python/mysnprintf.c, Python/pystrtod.c, Python/
   mystrtoul.c, Modules/signalmodule.c).  Weft's locale encoding is UTF-8
   with surrogateescape (UTF-8 mode), so the expected values are those
   CPython gives with -X utf8.

   Also here: the check that every built-in module declares that it runs
   safely without the GIL (issue 7, point 4), which needs the module
   layout (Py_BUILD_CORE). */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_moduleobject.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static PyObject *
take_error_message(PyObject *type)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return NULL;
    }
    PyObject *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, type)) {
        msg = PyObject_Str(exc);
    }
    Py_DECREF(exc);
    return msg;
}

#define CHECK_ERROR(type, text) CHECK_STR(take_error_message(type), (text))

/* ---- Py_DecodeLocale / Py_EncodeLocale ------------------------------ */

static int
wide_equal(const wchar_t *got, const wchar_t *expected, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (got[i] != expected[i]) {
            return 0;
        }
    }
    return got[n] == L'\0';
}

static void test_decode_locale(void)
{
    size_t size = 12345;
    /* ASCII, a 2-byte and a 4-byte character, then undecodable bytes:
       a lone 0xFF, an overlong NUL (C0 80) and a UTF-8-encoded surrogate
       (ED A0 80), each byte escaped to U+DC00 + byte. */
    const char *bytes = "ab\xc3\xa9\xf0\x9f\x90\x8d\xff\xc0\x80\xed\xa0\x80z";
    const wchar_t expected[] = {
        L'a', L'b', 0xE9, 0x1F40D, 0xDCFF, 0xDCC0, 0xDC80,
        0xDCED, 0xDCA0, 0xDC80, L'z'
    };
    wchar_t *text = Py_DecodeLocale(bytes, &size);
    CHECK(text != NULL);
    CHECK(size == 11);
    CHECK(text != NULL && wide_equal(text, expected, 11));
    PyMem_RawFree(text);

    text = Py_DecodeLocale("", NULL);
    CHECK(text != NULL && text[0] == L'\0');
    PyMem_RawFree(text);

    /* A truncated sequence at the end escapes each of its bytes. */
    text = Py_DecodeLocale("x\xe2\x82", &size);
    CHECK(size == 3);
    CHECK(text != NULL && text[1] == 0xDCE2 && text[2] == 0xDC82);
    PyMem_RawFree(text);
    CHECK(!PyErr_Occurred());
}

static void test_encode_locale_round_trip(void)
{
    const char *bytes = "ab\xc3\xa9\xf0\x9f\x90\x8d\xff\xc0\x80\xed\xa0\x80z";
    wchar_t *text = Py_DecodeLocale(bytes, NULL);
    size_t error_pos = 999;
    char *back = Py_EncodeLocale(text, &error_pos);
    CHECK(back != NULL && strcmp(back, bytes) == 0);
    CHECK(error_pos == 999);          /* untouched on success */
    PyMem_Free(back);
    PyMem_RawFree(text);

    back = Py_EncodeLocale(L"\x20ac 100", NULL);
    CHECK(back != NULL && strcmp(back, "\xe2\x82\xac 100") == 0);
    PyMem_Free(back);
}

static void test_encode_locale_errors(void)
{
    /* Only U+DC80..U+DCFF are escaped bytes; other surrogates fail. */
    const wchar_t lone_high[] = { L'a', L'b', 0xD800, L'c', 0 };
    size_t error_pos = 0;
    CHECK(Py_EncodeLocale(lone_high, &error_pos) == NULL);
    CHECK(error_pos == 2);
    const wchar_t low_ascii_escape[] = { 0xDC41, 0 };
    CHECK(Py_EncodeLocale(low_ascii_escape, &error_pos) == NULL);
    CHECK(error_pos == 0);
    const wchar_t too_big[] = { L'x', (wchar_t)0x110000, 0 };
    CHECK(Py_EncodeLocale(too_big, &error_pos) == NULL);
    CHECK(error_pos == 1);
    CHECK(Py_EncodeLocale(lone_high, NULL) == NULL);
    CHECK(!PyErr_Occurred());
}

static void test_unicode_locale_functions(void)
{
    PyObject *s = PyUnicode_DecodeLocale("caf\xc3\xa9\xff", "surrogateescape");
    PyObject *expected = PyUnicode_FromWideChar(L"caf\xe9\xdcff", -1);
    CHECK(s != NULL && PyUnicode_Compare(s, expected) == 0);
    PyObject *b = s ? PyUnicode_EncodeLocale(s, "surrogateescape") : NULL;
    CHECK(b != NULL && strcmp(PyBytes_AsString(b), "caf\xc3\xa9\xff") == 0);
    Py_XDECREF(b);
    Py_XDECREF(s);
    Py_DECREF(expected);

    CHECK(PyUnicode_DecodeLocale("\xff", "strict") == NULL);
    CHECK_RAISES(PyExc_UnicodeDecodeError);
}

/* ---- formatting and parsing ------------------------------------------ */

static void test_snprintf_truncation(void)
{
    char buf[8];
    memset(buf, 'X', sizeof(buf));
    CHECK(PyOS_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 42) == 9);
    CHECK(strcmp(buf, "abcdef-") == 0);
    CHECK(PyOS_snprintf(buf, sizeof(buf), "%d", 7) == 1);
    CHECK(strcmp(buf, "7") == 0);
    CHECK(PyOS_snprintf(buf, 1, "%s", "abc") == 3);
    CHECK(buf[0] == '\0');
    /* size 0 writes nothing and still reports the full length. */
    buf[0] = 'Q';
    CHECK(PyOS_snprintf(buf, 0, "%s", "abc") == 3);
    CHECK(buf[0] == 'Q');
}

static void test_string_to_double(void)
{
    char *end = NULL;
    CHECK(PyOS_string_to_double("2.5", NULL, NULL) == 2.5);
    CHECK(PyOS_string_to_double("-1e3xyz", &end, NULL) == -1000.0);
    CHECK(end != NULL && strcmp(end, "xyz") == 0);

    CHECK(PyOS_string_to_double("2.5xyz", NULL, NULL) == -1.0);
    CHECK_ERROR(PyExc_ValueError, "could not convert string to float: '2.5xyz'");
    CHECK(PyOS_string_to_double("abc", &end, NULL) == -1.0);
    CHECK_ERROR(PyExc_ValueError, "could not convert string to float: 'abc'");
    CHECK(PyOS_string_to_double(" 1", NULL, NULL) == -1.0);
    CHECK_ERROR(PyExc_ValueError, "could not convert string to float: ' 1'");

    /* Overflow: an exception when asked for one, else +-HUGE_VAL. */
    CHECK(PyOS_string_to_double("1e500", NULL, PyExc_OverflowError) == -1.0);
    CHECK_ERROR(PyExc_OverflowError, "value too large to convert to float: '1e500'");
    CHECK(PyOS_string_to_double("-1e500", NULL, NULL) == -Py_HUGE_VAL);
    CHECK(!PyErr_Occurred());
    CHECK(Py_IS_NAN(PyOS_string_to_double("nan", NULL, NULL)));
    CHECK(PyOS_string_to_double("-inf", NULL, NULL) == -Py_HUGE_VAL);
}

static void test_double_to_string(void)
{
    int type = -1;
    char *text = PyOS_double_to_string(0.1, 'r', 0, 0, &type);
    CHECK(text != NULL && strcmp(text, "0.1") == 0);
    CHECK(type == Py_DTST_FINITE);
    PyMem_Free(text);
    text = PyOS_double_to_string(2.0, 'r', 0, Py_DTSF_ADD_DOT_0 | Py_DTSF_SIGN,
                                 NULL);
    CHECK(text != NULL && strcmp(text, "+2.0") == 0);
    PyMem_Free(text);
    text = PyOS_double_to_string(Py_HUGE_VAL, 'f', 2, 0, &type);
    CHECK(text != NULL && strcmp(text, "inf") == 0);
    CHECK(type == Py_DTST_INFINITE);
    PyMem_Free(text);
}

static void test_strtol(void)
{
    char *end;
    CHECK(PyOS_strtol("0x1F rest", &end, 0) == 31);
    CHECK(strcmp(end, " rest") == 0);
    CHECK(PyOS_strtol("  -120", &end, 10) == -120);
    CHECK(PyOS_strtoul("777", &end, 8) == 511);
    CHECK(PyOS_strtoul("0b101", NULL, 0) == 5);
}

static void test_stricmp(void)
{
    CHECK(PyOS_mystricmp("Hello", "hELLO") == 0);
    CHECK(PyOS_stricmp("abc", "abd") < 0);
    CHECK(PyOS_stricmp("abc", "ab") > 0);
    CHECK(PyOS_mystrnicmp("ABCd", "abcE", 3) == 0);
    CHECK(PyOS_strnicmp("ABCd", "abcE", 4) < 0);
    CHECK(PyOS_strnicmp("x", "y", 0) == 0);
    CHECK(PyOS_strnicmp("ab", "AB", 10) == 0);
}

/* ---- signals ------------------------------------------------------------ */

static volatile sig_atomic_t usr2_count;

static void count_usr2(int Py_UNUSED(sig))
{
    usr2_count++;
}

static void test_setsig_getsig(void)
{
    PyOS_sighandler_t original = PyOS_getsig(SIGUSR2);
    CHECK(original != SIG_ERR);
    CHECK(PyOS_setsig(SIGUSR2, count_usr2) == original);
    CHECK(PyOS_getsig(SIGUSR2) == count_usr2);
    usr2_count = 0;
    raise(SIGUSR2);
    CHECK(usr2_count == 1);
    CHECK(PyOS_setsig(SIGUSR2, SIG_IGN) == count_usr2);
    raise(SIGUSR2);
    CHECK(usr2_count == 1);
    CHECK(PyOS_setsig(SIGUSR2, original) == SIG_IGN);
    CHECK(PyOS_getsig(SIGUSR2) == original);

    CHECK(PyOS_getsig(-1) == SIG_ERR);
    CHECK(PyOS_setsig(-1, SIG_IGN) == SIG_ERR);
    CHECK(PyOS_setsig(SIGKILL, count_usr2) == SIG_ERR);
}

static void test_interrupt_occurred(void)
{
    CHECK(PyOS_InterruptOccurred() == 0);
    PyErr_SetInterrupt();
    CHECK(PyOS_InterruptOccurred() == 1);
    /* Consumed: neither a second poll nor the handlers see it again. */
    CHECK(PyOS_InterruptOccurred() == 0);
    CHECK(PyErr_CheckSignals() == 0);
    CHECK(!PyErr_Occurred());
}

/* ---- files -------------------------------------------------------------- */

static void test_fd_is_interactive(void)
{
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (fp != NULL) {
        CHECK(Py_FdIsInteractive(fp, "<stdin>") == 0);
        CHECK(Py_FdIsInteractive(fp, NULL) == 0);
        fclose(fp);
    }
}

static void test_fspath(void)
{
    PyObject *path = PyUnicode_FromString("/tmp/x");
    PyObject *result = PyOS_FSPath(path);
    CHECK(result == path);
    Py_XDECREF(result);
    Py_DECREF(path);
    PyObject *number = PyLong_FromLong(3);
    CHECK(PyOS_FSPath(number) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "expected str, bytes or os.PathLike object, not int");
    Py_DECREF(number);
}

/* ---- other gaps closed with this suite -------------------------------- */

static void test_import_helpers(void)
{
    PyObject *magic = PyImport_ImportModuleAttrString("importlib.util",
                                                      "MAGIC_NUMBER");
    CHECK(magic != NULL && PyBytes_Check(magic) && PyBytes_GET_SIZE(magic) == 4);
    if (magic != NULL) {
        const unsigned char *m = (const unsigned char *)PyBytes_AS_STRING(magic);
        long expected = m[0] | (m[1] << 8) | ((long)m[2] << 16) | ((long)m[3] << 24);
        CHECK(PyImport_GetMagicNumber() == expected);
        CHECK(m[2] == '\r' && m[3] == '\n');
    }
    Py_XDECREF(magic);
    PyObject *impl = PySys_GetObject("implementation");
    CHECK_STR(PyObject_GetAttrString(impl, "cache_tag"), PyImport_GetMagicTag());

    PyObject *os = PyImport_ImportModuleEx("os", NULL, NULL, NULL);
    CHECK(os != NULL && PyModule_Check(os));
    PyObject *keyword = PyImport_ImportModule("keyword");
    CHECK(keyword != NULL && PyObject_SetAttrString(keyword, "weft_mark", Py_True) == 0);
    PyObject *again = keyword ? PyImport_ReloadModule(keyword) : NULL;
    CHECK(again == keyword);
    /* Reloading re-ran the module's code in the same namespace. */
    CHECK(again != NULL && PyObject_HasAttrString(again, "weft_mark"));
    CHECK(again != NULL && PyObject_HasAttrString(again, "iskeyword"));
    Py_XDECREF(again);
    Py_XDECREF(keyword);

    /* The finder for the standard library's folder is cached. */
    PyObject *file = os ? PyObject_GetAttrString(os, "__file__") : NULL;
    PyObject *path = file ? PyObject_CallMethod(file, "rpartition", "s", "/") : NULL;
    PyObject *folder = path ? Py_NewRef(PyTuple_GET_ITEM(path, 0)) : NULL;
    PyObject *finder = folder ? PyImport_GetImporter(folder) : NULL;
    CHECK(finder != NULL && finder != Py_None);
    PyObject *cache = PySys_GetObject("path_importer_cache");
    CHECK(folder != NULL && PyDict_GetItemWithError(cache, folder) == finder);
    PyObject *second = folder ? PyImport_GetImporter(folder) : NULL;
    CHECK(second == finder);
    Py_XDECREF(second);
    Py_XDECREF(finder);
    Py_XDECREF(folder);
    Py_XDECREF(path);
    Py_XDECREF(file);
    Py_XDECREF(os);
    CHECK(PyImport_ReloadModule(Py_None) == NULL);
    CHECK_RAISES(PyExc_TypeError);
}

static PyModuleDef state_def = {
    PyModuleDef_HEAD_INIT, .m_name = "weft_state_test", .m_size = -1,
};
static PyModuleDef_Slot no_slots[] = {{0, NULL}};
static PyModuleDef slots_def = {
    PyModuleDef_HEAD_INIT, .m_name = "weft_slots_test", .m_slots = no_slots,
};

static void test_state_find_module(void)
{
    CHECK(PyState_FindModule(&state_def) == NULL && !PyErr_Occurred());
    PyObject *module = PyModule_Create(&state_def);
    CHECK(module != NULL);
    CHECK(PyState_AddModule(module, &state_def) == 0);
    CHECK(PyState_FindModule(&state_def) == module);
    CHECK(PyState_AddModule(module, &state_def) == 0);   /* idempotent */
    CHECK(PyState_RemoveModule(&state_def) == 0);
    CHECK(PyState_FindModule(&state_def) == NULL && !PyErr_Occurred());
    CHECK(PyState_RemoveModule(&state_def) == -1);
    CHECK_RAISES(PyExc_SystemError);
    CHECK(PyState_AddModule(module, &slots_def) == -1);
    CHECK_ERROR(PyExc_SystemError, "PyState_AddModule called on module with slots");
    CHECK(PyState_FindModule(&slots_def) == NULL && !PyErr_Occurred());
    Py_XDECREF(module);
}

static void test_small_additions(void)
{
    PyObject *target = PySet_New(NULL);
    PyObject *ref = PyWeakref_NewRef(target, NULL);
    CHECK(PyWeakref_IsDead(ref) == 0);
    Py_DECREF(target);
    CHECK(PyWeakref_IsDead(ref) == 1);
    Py_DECREF(ref);
    CHECK(PyWeakref_IsDead(Py_None) == -1);
    CHECK_RAISES(PyExc_TypeError);

    PyObject *info = PyLong_GetInfo();
    CHECK(info != NULL && info == PySys_GetObject("int_info"));
    Py_XDECREF(info);

    CHECK(PyInterpreterState_Main() == PyInterpreterState_Get());
    CHECK_STR(Py_NewRef(PySys_GetObject("copyright")), Py_GetCopyright());

    /* PyRun_FileFlags: the new shorthand over PyRun_FileExFlags. */
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (fp != NULL) {
        fputs("6 * 7\n", fp);
        rewind(fp);
        PyObject *globals = PyDict_New();
        PyObject *result = PyRun_FileFlags(fp, "<tmp>", Py_eval_input,
                                           globals, globals, NULL);
        CHECK(result != NULL && PyLong_AsLong(result) == 42);
        Py_XDECREF(result);
        Py_DECREF(globals);
        fclose(fp);
    }
}

static int
bytes_equal(PyObject *b, const char *expected, Py_ssize_t size)
{
    return b != NULL && PyBytes_Check(b) && PyBytes_GET_SIZE(b) == size
           && memcmp(PyBytes_AS_STRING(b), expected, (size_t)size) == 0;
}

static void test_bytes_writer(void)
{
    /* Create(n) hands out n bytes to fill. */
    PyBytesWriter *w = PyBytesWriter_Create(3);
    CHECK(w != NULL && PyBytesWriter_GetSize(w) == 3);
    memcpy(PyBytesWriter_GetData(w), "abc", 3);
    CHECK(PyBytesWriter_WriteBytes(w, "de", 2) == 0);
    CHECK(PyBytesWriter_WriteBytes(w, "f", -1) == 0);
    CHECK(PyBytesWriter_Format(w, "-%d-%s", 42, "x") == 0);
    CHECK(PyBytesWriter_GetSize(w) == 11);
    PyObject *b = PyBytesWriter_Finish(w);
    CHECK(bytes_equal(b, "abcdef-42-x", 11));
    Py_XDECREF(b);

    /* Growing keeps the content; the pointer form follows the move. */
    w = PyBytesWriter_Create(0);
    char *p = PyBytesWriter_GetData(w);
    for (int i = 0; i < 1000; i++) {
        p = PyBytesWriter_GrowAndUpdatePointer(w, 1, p);
        CHECK(p != NULL);
        if (p == NULL) {
            break;
        }
        *p++ = (char)('a' + i % 26);
    }
    CHECK(PyBytesWriter_GetSize(w) == 1000);
    b = PyBytesWriter_FinishWithPointer(w, p);
    CHECK(b != NULL && PyBytes_GET_SIZE(b) == 1000
          && PyBytes_AS_STRING(b)[999] == (char)('a' + 999 % 26));
    Py_XDECREF(b);

    /* Shrinking, FinishWithSize and the empty result. */
    w = PyBytesWriter_Create(10);
    memcpy(PyBytesWriter_GetData(w), "0123456789", 10);
    CHECK(PyBytesWriter_Resize(w, 6) == 0);
    CHECK(PyBytesWriter_Grow(w, -2) == 0);
    b = PyBytesWriter_FinishWithSize(w, 3);
    CHECK(bytes_equal(b, "012", 3));
    Py_XDECREF(b);
    b = PyBytesWriter_Finish(PyBytesWriter_Create(0));
    CHECK(bytes_equal(b, "", 0));
    Py_XDECREF(b);

    /* Errors. */
    CHECK(PyBytesWriter_Create(-1) == NULL);
    CHECK_ERROR(PyExc_ValueError, "size must be >= 0");
    w = PyBytesWriter_Create(2);
    CHECK(PyBytesWriter_Resize(w, -5) == -1);
    CHECK_ERROR(PyExc_ValueError, "size must be >= 0");
    CHECK(PyBytesWriter_Grow(w, -3) == -1);
    CHECK_ERROR(PyExc_ValueError, "size must be >= 0");
    CHECK(PyBytesWriter_GetSize(w) == 2);
    CHECK(PyBytesWriter_FinishWithSize(w, 3) == NULL);   /* frees w too */
    CHECK_RAISES(PyExc_ValueError);
    PyBytesWriter_Discard(PyBytesWriter_Create(100));
    PyBytesWriter_Discard(NULL);
}

/* ---- built-in modules and the GIL ------------------------------------- */

/* Built-in modules are not gated at import (as extension files are), so
   check their declarations directly: in the free-threaded build every
   module of the inittab must carry Py_MOD_GIL_NOT_USED (multi-phase
   Py_mod_gil slot, or PyUnstable_Module_SetGIL).  Default build: each
   must at least import. */
static void test_builtin_modules_declare_gil_not_used(void)
{
    int checked = 0;
    for (struct _inittab *entry = PyImport_Inittab; entry->name != NULL; entry++) {
        if (entry->initfunc == NULL) {
            continue;                   /* sys, builtins: the runtime's own */
        }
        PyObject *module = PyImport_ImportModule(entry->name);
        CHECK(module != NULL);
        if (module == NULL) {
            fprintf(stderr, "    cannot import built-in module %s\n", entry->name);
            PyErr_Clear();
            continue;
        }
#ifdef Py_GIL_DISABLED
        int declared = PyModule_Check(module)
            && ((PyModuleObject *)module)->md_gil == Py_MOD_GIL_NOT_USED;
        if (!declared) {
            fprintf(stderr, "    built-in module %s does not declare "
                    "Py_MOD_GIL_NOT_USED\n", entry->name);
        }
        CHECK(declared);
#endif
        checked++;
        Py_DECREF(module);
    }
    CHECK(checked > 30);
#ifdef Py_GIL_DISABLED
    PyObject *enabled = PySys_GetObject("_is_gil_enabled");
    PyObject *result = enabled ? PyObject_CallNoArgs(enabled) : NULL;
    CHECK(result == Py_False);
    Py_XDECREF(result);
#endif
}

void suite_pyos(void)
{
    RUN(test_decode_locale);
    RUN(test_encode_locale_round_trip);
    RUN(test_encode_locale_errors);
    RUN(test_unicode_locale_functions);
    RUN(test_snprintf_truncation);
    RUN(test_string_to_double);
    RUN(test_double_to_string);
    RUN(test_strtol);
    RUN(test_stricmp);
    RUN(test_setsig_getsig);
    RUN(test_interrupt_occurred);
    RUN(test_fd_is_interactive);
    RUN(test_fspath);
    RUN(test_import_helpers);
    RUN(test_state_find_module);
    RUN(test_small_additions);
    RUN(test_bytes_writer);
    RUN(test_builtin_modules_declare_gil_not_used);
}
