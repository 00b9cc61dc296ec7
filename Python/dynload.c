/* Opening extension module files (DESIGN.md sections 1 and 10).

   This file knows about shared objects and symbol names, nothing about
   modules: it dlopen()s a file with sys.getdlopenflags(), finds the
   module's entry point (PEP 793's PyModExport_<name> first, then PEP
   489's PyInit_<name>), and recognises extension files built for the
   other build's ABI so that FileFinder can say why it refused them.
   Running the entry point is Python/import_extension.c's job.

   Handles are never closed: a module's code and static data (its
   PyModuleDef, method tables, types) must outlive every object that
   points into them, which is the process.  dlopen() is thread-safe and
   counts repeated opens of one file, so two threads loading the same
   file get the same handle and need no lock here. */
#include "Python.h"
#include "pycore_import.h"
#include "pycore_sysmodule.h"

#include <dlfcn.h>
#include <string.h>


/* ---- entry-point names --------------------------------------------------- */

/* RFC 3492 (punycode) parameters, used by PEP 489 for non-ASCII names. */
enum { PUNY_BASE = 36, PUNY_TMIN = 1, PUNY_TMAX = 26, PUNY_SKEW = 38,
       PUNY_DAMP = 700, PUNY_INITIAL_BIAS = 72, PUNY_INITIAL_N = 128 };

static Py_UCS4 puny_digit(Py_ssize_t d)
{
    return d < 26 ? (Py_UCS4)('a' + d) : (Py_UCS4)('0' + d - 26);
}

static Py_ssize_t puny_adapt(Py_ssize_t delta, Py_ssize_t points, int first)
{
    delta = first ? delta / PUNY_DAMP : delta / 2;
    delta += delta / points;
    Py_ssize_t k = 0;
    while (delta > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) / 2) {
        delta /= PUNY_BASE - PUNY_TMIN;
        k += PUNY_BASE;
    }
    return k + (PUNY_BASE - PUNY_TMIN + 1) * delta / (delta + PUNY_SKEW);
}

/* Writes the variable-length integer q with threshold bias.  '-' never
   occurs among the digits, so the caller's '_' for '-' is safe. */
static int puny_put_number(PyUnicodeWriter *w, Py_ssize_t q, Py_ssize_t bias)
{
    for (Py_ssize_t k = PUNY_BASE; ; k += PUNY_BASE) {
        Py_ssize_t t = k <= bias ? PUNY_TMIN
                       : k >= bias + PUNY_TMAX ? PUNY_TMAX : k - bias;
        if (q < t) {
            break;
        }
        if (PyUnicodeWriter_WriteChar(w, puny_digit(t + (q - t) % (PUNY_BASE - t))) < 0) {
            return -1;
        }
        q = (q - t) / (PUNY_BASE - t);
    }
    return PyUnicodeWriter_WriteChar(w, puny_digit(q));
}

/* The punycode form of s (what Python's "punycode" codec gives), with the
   '-' that ends the basic code points written as '_' so that the result
   can be part of a C identifier (PEP 489). */
static PyObject *punycode_identifier(PyObject *s)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    PyUnicodeWriter *w = PyUnicodeWriter_Create(len * 2);
    if (w == NULL) {
        return NULL;
    }
    Py_ssize_t basic = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 0x80) {
            if (PyUnicodeWriter_WriteChar(w, c == '-' ? '_' : c) < 0) {
                goto error;
            }
            basic++;
        }
    }
    if (basic > 0 && PyUnicodeWriter_WriteChar(w, '_') < 0) {
        goto error;
    }
    Py_UCS4 n = PUNY_INITIAL_N;
    Py_ssize_t delta = 0, bias = PUNY_INITIAL_BIAS, handled = basic;
    while (handled < len) {
        Py_UCS4 m = 0x10FFFF + 1;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
            if (c >= n && c < m) {
                m = c;
            }
        }
        delta += (Py_ssize_t)(m - n) * (handled + 1);
        n = m;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
            if (c < n) {
                delta++;
            }
            else if (c == n) {
                if (puny_put_number(w, delta, bias) < 0) {
                    goto error;
                }
                bias = puny_adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
        }
        delta++;
        n++;
    }
    return PyUnicodeWriter_Finish(w);
error:
    PyUnicodeWriter_Discard(w);
    return NULL;
}

/* The symbol for hook ("PyInit", "PyModExport") of a module whose short
   name is tail: HOOK_tail, or HOOKU_<punycode> for a non-ASCII name. */
static PyObject *entry_symbol(const char *hook, PyObject *tail)
{
    if (PyUnicode_IS_ASCII(tail)) {
        return PyUnicode_FromFormat("%s_%U", hook, tail);
    }
    PyObject *encoded = punycode_identifier(tail);
    if (encoded == NULL) {
        return NULL;
    }
    PyObject *symbol = PyUnicode_FromFormat("%sU_%U", hook, encoded);
    Py_DECREF(encoded);
    return symbol;
}

static void *lookup_symbol(void *handle, PyObject *symbol)
{
    const char *utf8 = PyUnicode_AsUTF8(symbol);
    return utf8 == NULL ? NULL : dlsym(handle, utf8);
}


/* ---- opening a file --------------------------------------------------------- */

static void set_import_error(PyObject *name, PyObject *path, PyObject *msg)
{
    if (msg != NULL) {
        PyErr_SetImportError(msg, name, path);
        Py_DECREF(msg);
    }
}

/* dlopen(path); on failure an ImportError carrying dlerror()'s text, as
   CPython reports it. */
static void *open_file(PyObject *name, PyObject *path)
{
    PyObject *fspath = PyUnicode_EncodeFSDefault(path);
    if (fspath == NULL) {
        return NULL;
    }
    void *handle;
    const char *why;
    /* dlerror() is per-thread; the detached call keeps a slow load (disk,
       relocations, the library's constructors) from stopping the world. */
    Py_BEGIN_ALLOW_THREADS
    handle = dlopen(PyBytes_AS_STRING(fspath), _PySys_GetDlopenFlags());
    why = handle == NULL ? dlerror() : NULL;
    Py_END_ALLOW_THREADS
    Py_DECREF(fspath);
    if (handle == NULL) {
        set_import_error(name, path, why != NULL
                         ? PyUnicode_DecodeFSDefault(why)
                         : PyUnicode_FromFormat("cannot open shared object %R",
                                                path));
    }
    return handle;
}

/* Opens the extension at path and returns its entry point for the
   module called name: *is_export is 1 for a PEP 793 export hook
   (PyModExport_<tail>, returning a slot array) and 0 for a PyInit_<tail>
   function.  NULL with ImportError(name=, path=) when the file cannot be
   opened or defines neither symbol. */
void *_PyImport_FindExtensionEntry(PyObject *name, PyObject *path,
                                   int *is_export)
{
    PyObject *tail = _PyImport_NameTail(name);
    if (tail == NULL) {
        return NULL;
    }
    void *entry = NULL;
    PyObject *export_name = entry_symbol("PyModExport", tail);
    PyObject *init_name = export_name ? entry_symbol("PyInit", tail) : NULL;
    void *handle = init_name ? open_file(name, path) : NULL;
    if (handle == NULL) {
        goto done;
    }
    entry = lookup_symbol(handle, export_name);
    *is_export = entry != NULL;
    if (entry == NULL && !PyErr_Occurred()) {
        entry = lookup_symbol(handle, init_name);
    }
    if (entry == NULL && !PyErr_Occurred()) {
        set_import_error(name, path, PyUnicode_FromFormat(
            "dynamic module does not define module export function "
            "(%U or %U)", export_name, init_name));
    }
done:
    Py_XDECREF(export_name);
    Py_XDECREF(init_name);
    Py_DECREF(tail);
    return entry;
}


/* ---- files built for the other build ------------------------------------ */

/* What this build says about a file built for the other one.  The other
   build's version-specific tag is SOABI with the other ABI flags
   ("weft-315-..." vs "weft-315t-..."). */
#ifdef Py_GIL_DISABLED
#  define OTHER_ABIFLAGS ""
#  define THIS_BUILD "the free-threaded build"
#  define OTHER_BUILD "the default (GIL) build"
#  define REBUILD "rebuild it for abi3t or for the free-threaded build"
#else
#  define OTHER_ABIFLAGS "t"
#  define THIS_BUILD "the default build"
#  define OTHER_BUILD "the free-threaded build"
#  define REBUILD "rebuild it for abi3t, abi3 or for the default build"
#endif

/* The file names for tail this build refuses, each with its ABI's
   description: a new list of (file name, description) tuples. */
static PyObject *foreign_files(PyObject *tail)
{
    /* The platform part of SOABI: what follows "weft-<version><flags>". */
    const char *platform = strchr(SOABI + sizeof("weft"), '-');
    PyObject *tag = PyUnicode_FromFormat("weft-%d%d%s%s", PY_MAJOR_VERSION,
                                         PY_MINOR_VERSION, OTHER_ABIFLAGS,
                                         platform ? platform : "");
    if (tag == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyObject *files = Py_BuildValue(
        "[(NN)(Ns)]",
        PyUnicode_FromFormat("%U.%U.so", tail, tag),
        PyUnicode_FromFormat("version-specific ABI (%U)", tag),
        PyUnicode_FromFormat("%U.abi3.so", tail), "stable ABI (abi3)");
#else
    PyObject *files = Py_BuildValue(
        "[(NN)]",
        PyUnicode_FromFormat("%U.%U.so", tail, tag),
        PyUnicode_FromFormat("version-specific ABI (%U)", tag));
#endif
    Py_DECREF(tag);
    return files;
}

/* Does the finder's list of (suffix, loader) pairs load extensions? */
static int finder_loads_extensions(PyObject *loaders)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(loaders); i++) {
        PyObject *pair = PyList_GET_ITEM(loaders, i);
        if (PyTuple_GET_ITEM(pair, 1) == (PyObject *)&_PyExtensionFileLoader_Type) {
            return 1;
        }
    }
    return 0;
}

/* Called by FileFinder when it found nothing for tail in dir (listing is
   the set of the directory's names, loaders its (suffix, loader) list):
   if the finder loads extensions and a file for tail built for the other
   build's ABI is there, raise ImportError saying why it is not loaded
   and return -1; else return 0.  Like a module found, this ends the
   search along sys.path.  Files tagged for another platform or version
   are not this build's to judge. */
int _PyImport_RefuseForeignExtension(PyObject *fullname, PyObject *dir,
                                     PyObject *tail, PyObject *listing,
                                     PyObject *loaders)
{
    if (!finder_loads_extensions(loaders)) {
        return 0;
    }
    PyObject *files = foreign_files(tail);
    if (files == NULL) {
        return -1;
    }
    int result = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(files) && result == 0; i++) {
        PyObject *file = PyTuple_GET_ITEM(PyList_GET_ITEM(files, i), 0);
        PyObject *abi = PyTuple_GET_ITEM(PyList_GET_ITEM(files, i), 1);
        int listed = PySet_Contains(listing, file);
        if (listed == 0) {
            continue;
        }
        result = -1;
        PyObject *path = listed > 0 ? PyUnicode_FromFormat("%U/%U", dir, file)
                         : NULL;
        if (path != NULL) {
            set_import_error(fullname, path, PyUnicode_FromFormat(
                "cannot load extension module %R from %R: it was built for "
                "the %U of " OTHER_BUILD ", which " THIS_BUILD " cannot "
                "load; " REBUILD, fullname, path, abi));
            Py_DECREF(path);
        }
    }
    Py_DECREF(files);
    return result;
}
