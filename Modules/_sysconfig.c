/* The _sysconfig module: the build's configuration values that only the C
   compiler knows (pyconfig.h and the -D flags of the build), for
   Lib/sysconfig.  Values that depend on where the interpreter is
   installed (prefix, LIBDIR, ...) are computed there from sys.

   Thread safety: config_vars() builds a new dict on every call from
   compile-time constants; the module has no state. */
#include "Python.h"

#include <string.h>

#ifndef SOABI
#  error "pyconfig.h must define SOABI"
#endif

#ifdef Py_GIL_DISABLED
#  define GIL_DISABLED_VALUE 1
#else
#  define GIL_DISABLED_VALUE 0
#endif

/* libtool compiles the shared library's objects with -DPIC. */
#ifdef PIC
#  define ENABLE_SHARED_VALUE 1
#else
#  define ENABLE_SHARED_VALUE 0
#endif

#if defined(__linux__)
#  define MACHDEP "linux"
#elif defined(__APPLE__)
#  define MACHDEP "darwin"
#elif defined(__FreeBSD__)
#  define MACHDEP "freebsd"
#elif defined(__OpenBSD__)
#  define MACHDEP "openbsd"
#elif defined(__NetBSD__)
#  define MACHDEP "netbsd"
#else
#  define MACHDEP "unknown"
#endif

#ifdef Py_DEBUG
#  define DEBUG_VALUE 1
#else
#  define DEBUG_VALUE 0
#endif

/* Store a str value; 0 or -1 with an exception. */
static int set_str(PyObject *d, const char *key, const char *value)
{
    PyObject *v = PyUnicode_FromString(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return rc;
}

static int set_int(PyObject *d, const char *key, long value)
{
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return rc;
}

/* MULTIARCH: the "<cpu>-<os>" tail of SOABI ("weft-315t-x86_64-linux-gnu"),
   i.e. what follows its second '-'. */
static const char *multiarch(void)
{
    const char *first = strchr(SOABI, '-');
    const char *second = first ? strchr(first + 1, '-') : NULL;
    return second ? second + 1 : "";
}

static int add_strings(PyObject *d)
{
    static const struct { const char *key, *value; } strings[] = {
        {"ABIFLAGS", ABIFLAGS},
        {"SOABI", SOABI},
        {"EXT_SUFFIX", "." SOABI ".so"},
        {"SHLIB_SUFFIX", ".so"},
        {"LDVERSION", PY_LDVERSION},
        {"VERSION", Py_STRINGIFY(PY_MAJOR_VERSION) "." Py_STRINGIFY(PY_MINOR_VERSION)},
        {"py_version_nodot",
         Py_STRINGIFY(PY_MAJOR_VERSION) Py_STRINGIFY(PY_MINOR_VERSION)},
        {"MACHDEP", MACHDEP},
#ifdef WEFT_SRCDIR
        {"srcdir", WEFT_SRCDIR},
#endif
#ifdef __VERSION__
        {"CC_VERSION", __VERSION__},
#endif
        /* The compiler's family, from its predefined macros; its exact
           command and flags are not visible to the code. */
#if defined(__clang__)
        {"CC", "clang"},
#elif defined(__GNUC__)
        {"CC", "gcc"},
#endif
#ifdef PACKAGE_VERSION
        {"WEFT_VERSION", PACKAGE_VERSION},
#endif
        /* configure's directories and flags (Makefile.am, CORE_CPPFLAGS);
           Lib/sysconfig moves the directories with the installation. */
#ifdef WEFT_LIBDIR
        {"CONFIG_prefix", WEFT_PREFIX},
        {"CONFIG_exec_prefix", WEFT_EXEC_PREFIX},
        {"CONFIG_LIBDIR", WEFT_LIBDIR},
        {"CONFIG_INCLUDEDIR", WEFT_INCLUDEDIR},
        {"CONFIG_BINDIR", WEFT_BINDIR},
        {"CFLAGS", WEFT_CFLAGS},
        {"LDFLAGS", WEFT_LDFLAGS},
#endif
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(strings); i++) {
        if (set_str(d, strings[i].key, strings[i].value) < 0) {
            return -1;
        }
    }
    return set_str(d, "MULTIARCH", multiarch());
}

static int add_numbers(PyObject *d)
{
    static const struct { const char *key; long value; } numbers[] = {
        {"Py_GIL_DISABLED", GIL_DISABLED_VALUE},
        {"Py_DEBUG", DEBUG_VALUE},
        {"Py_ENABLE_SHARED", ENABLE_SHARED_VALUE},
        {"WITH_DOC_STRINGS", 1},
        {"SIZEOF_LONG", SIZEOF_LONG},
        {"SIZEOF_SIZE_T", SIZEOF_SIZE_T},
        {"SIZEOF_VOID_P", SIZEOF_VOID_P},
        {"SIZEOF_INT", (long)sizeof(int)},
        {"SIZEOF_DOUBLE", (long)sizeof(double)},
        {"SIZEOF_WCHAR_T", (long)sizeof(wchar_t)},
        /* os.urandom() and the hash seed use getrandom(2) (posixmodule.c,
           pyhash.c), never a file descriptor. */
        {"HAVE_GETRANDOM", 1},
        {"HAVE_GETRANDOM_SYSCALL", 1},
#ifdef NDEBUG
        {"NDEBUG", 1},
#endif
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(numbers); i++) {
        if (set_int(d, numbers[i].key, numbers[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *sysconfig_config_vars(PyObject *Py_UNUSED(module),
                                       PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (add_strings(d) < 0 || add_numbers(d) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef sysconfig_methods[] = {
    {"config_vars", sysconfig_config_vars, METH_NOARGS,
     "config_vars($module, /)\n--\n\n"
     "Returns a dictionary containing build variables intended to be "
     "exposed by sysconfig."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot sysconfig_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef sysconfig_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_sysconfig",
    .m_doc = "A helper for the sysconfig module.",
    .m_size = 0,
    .m_methods = sysconfig_methods,
    .m_slots = sysconfig_slots,
};

PyMODINIT_FUNC
PyInit__sysconfig(void)
{
    return PyModuleDef_Init(&sysconfig_module);
}
