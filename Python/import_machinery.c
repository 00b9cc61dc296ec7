/* The path-based half of the import system (CPython's
   importlib._bootstrap_external), written in C so that start-up imports
   no .py file: PathFinder, FileFinder (and its path hook), FileLoader
   and its source, sourceless and extension subclasses, NamespaceLoader
   and _NamespacePath.  They carry CPython's names and methods; Python
   code sees them through _frozen_importlib_external (filled by
   _PyImport_FillExternalModule at start-up) and importlib.machinery.
   ModuleSpec and BuiltinImporter live with the algorithm in import.c.

   Fast paths: the import algorithm (Python/import.c) and PathFinder call
   these classes' C functions directly only when an object's type is
   exactly the C class; any subclass, or a replacement object, is called
   through its Python methods, so overrides are honoured.

   Thread safety (free-threaded build): the plain object attributes are
   member descriptors, which lock the object while they swap a field.
   The few fields written by C code after creation (a FileFinder's
   directory cache, a _NamespacePath's list) are read and written inside
   the owning object's critical section (_PyImport_LoadRef/StoreRef); a published directory cache set is never mutated, only
   replaced, so lookups in it need no lock.  sys.path_importer_cache is
   a dict; a finder is inserted with setdefault, so threads that race on
   a new path entry all end up using one finder.  Doc/internals/import.md
   has the whole picture. */
#include "Python.h"
#include "import.h"
#include "sysmodule.h"
#include "cpython/critical_section.h"
#include "pycore_compile.h"
#include "pycore_import.h"
#include "pycore_initconfig.h"
#include "pycore_pyc.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>


/* ---- small helpers -------------------------------------------------------- */

/* New reference to sys.<name>, or NULL (exception set only on error). */
static PyObject *sys_attr(const char *name)
{
    PyObject *value;
    if (PySys_GetOptionalAttrString(name, &value) < 0) {
        return NULL;
    }
    return value;
}

int _PyImport_Verbose(void)
{
    const PyConfig *config = _Py_GetConfig();
    return config != NULL ? config->verbose : 0;
}

static int str_endswith(PyObject *s, const char *suffix)
{
    Py_ssize_t n = (Py_ssize_t)strlen(suffix);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (len < n) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ_CHAR(s, len - n + i) != (Py_UCS4)(unsigned char)suffix[i]) {
            return 0;
        }
    }
    return 1;
}

/* The part of name after its last dot (new reference). */
static PyObject *name_tail(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    return dot < 0 ? Py_NewRef(name) : PyUnicode_Substring(name, dot + 1, len);
}

/* The part of name before its last dot, "" when there is none. */
static PyObject *name_parent(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    return PyUnicode_Substring(name, 0, dot < 0 ? 0 : dot);
}

static PyObject *current_dir(void)
{
    char buf[4096];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

/* dir + "/" + tail, without doubling a trailing slash. */
static PyObject *path_join(PyObject *dir, PyObject *tail)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(dir);
    if (len == 0 || PyUnicode_READ_CHAR(dir, len - 1) == '/') {
        return PyUnicode_Concat(dir, tail);
    }
    return PyUnicode_FromFormat("%U/%U", dir, tail);
}

/* The directory part of path ("" when it has no slash). */
static PyObject *path_dirname(PyObject *path)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(path);
    Py_ssize_t slash = PyUnicode_FindChar(path, '/', 0, len, -1);
    if (slash == -2) {
        return NULL;
    }
    if (slash < 0) {
        return PyUnicode_FromString("");
    }
    return PyUnicode_Substring(path, 0, slash == 0 ? 1 : slash);
}

static PyObject *path_basename(PyObject *path)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(path);
    Py_ssize_t slash = PyUnicode_FindChar(path, '/', 0, len, -1);
    if (slash == -2) {
        return NULL;
    }
    return PyUnicode_Substring(path, slash + 1, len);
}

/* An absolute spelling of path (new reference). */
static PyObject *path_absolute(PyObject *path)
{
    if (PyUnicode_GET_LENGTH(path) > 0 && PyUnicode_READ_CHAR(path, 0) == '/') {
        return Py_NewRef(path);
    }
    PyObject *cwd = current_dir();
    if (cwd == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_GET_LENGTH(path) == 0 ? Py_NewRef(cwd)
                       : path_join(cwd, path);
    Py_DECREF(cwd);
    return result;
}

/* os.fspath(path) as a str (bytes are decoded), new reference. */
static PyObject *fspath_str(PyObject *path)
{
    PyObject *result;
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        result = Py_NewRef(path);
    }
    else {
        PyObject *method = _PyObject_LookupSpecial(path, _Py_INTERNED_ID(__fspath__));
        if (method == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "expected str, bytes or "
                             "os.PathLike object, not %.200s",
                             Py_TYPE(path)->tp_name);
            }
            return NULL;
        }
        result = PyObject_CallNoArgs(method);
        Py_DECREF(method);
        if (result == NULL) {
            return NULL;
        }
        if (!PyUnicode_Check(result) && !PyBytes_Check(result)) {
            PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to "
                         "return str or bytes, not %.200s",
                         Py_TYPE(path)->tp_name, Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
    }
    if (PyBytes_Check(result)) {
        Py_SETREF(result, PyUnicode_DecodeFSDefaultAndSize(
            PyBytes_AS_STRING(result), PyBytes_GET_SIZE(result)));
    }
    return result;
}

/* stat(path): 1 with *st filled, 0 when it does not exist (or cannot be
   reached), -1 with an exception when path cannot be encoded. */
static int stat_path(PyObject *path, struct stat *st)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        return -1;
    }
    int ok = stat(PyBytes_AS_STRING(bytes), st) == 0;
    Py_DECREF(bytes);
    return ok;
}

static int path_is_mode(PyObject *path, mode_t kind)
{
    struct stat st;
    int found = stat_path(path, &st);
    if (found <= 0) {
        return found;
    }
    return (st.st_mode & S_IFMT) == kind;
}

static int path_isfile(PyObject *path) { return path_is_mode(path, S_IFREG); }

/* An empty path means the current directory, as in CPython. */
static int path_isdir(PyObject *path)
{
    if (PyUnicode_GET_LENGTH(path) == 0) {
        PyObject *cwd = current_dir();
        if (cwd == NULL) {
            PyErr_Clear();
            return 0;
        }
        int res = path_is_mode(cwd, S_IFDIR);
        Py_DECREF(cwd);
        return res;
    }
    return path_is_mode(path, S_IFDIR);
}

/* Calls obj.<name>(args...) where name is an interned identifier. */
static PyObject *call_method(PyObject *obj, PyObject *name,
                             PyObject *const *args, size_t nargs)
{
    PyObject *stack[4];
    stack[0] = obj;
    for (size_t i = 0; i < nargs && i < 3; i++) {
        stack[i + 1] = args[i];
    }
    return PyObject_VectorcallMethod(name, stack, (nargs + 1)
                                     | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Does type's attribute name resolve to what base defines (no override
   by a subclass)? */
static int inherits_unchanged(PyTypeObject *type, PyTypeObject *base,
                              const char *name)
{
    PyObject *key = PyUnicode_InternFromString(name);
    if (key == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *mine = _PyType_Lookup(type, key);
    PyObject *theirs = _PyType_Lookup(base, key);
    Py_DECREF(key);
    return mine == theirs;
}

/* Runs code in module's namespace (adding __builtins__ when missing). */
int _PyImport_ExecCodeInModule(PyObject *module, PyObject *code)
{
    PyObject *dict = PyModule_Check(module)
        ? Py_XNewRef(PyModule_GetDict(module))
        : PyObject_GetAttr(module, _Py_INTERNED_ID(__dict__));
    if (dict == NULL) {
        return -1;
    }
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "module __dict__ must be a dict");
        Py_DECREF(dict);
        return -1;
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *existing = NULL;
    if (builtins != NULL
            && PyDict_SetDefaultRef(dict, _Py_INTERNED_ID(__builtins__),
                                    builtins, &existing) < 0) {
        Py_DECREF(dict);
        return -1;
    }
    Py_XDECREF(existing);
    PyObject *result = PyEval_EvalCode(code, dict, dict);
    Py_DECREF(dict);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}


/* ---- suffixes ---------------------------------------------------------------- */

/* The extension suffixes (DESIGN.md section 1): the version-specific tag,
   the stable ABIs this build loads, then plain .so. */
static const char *const extension_suffixes[] = {
    "." SOABI ".so",
#ifndef Py_GIL_DISABLED
    ".abi3.so",
#endif
    ".abi3t.so",
    ".so",
    NULL,
};

PyObject *_PyImport_ExtensionSuffixes(void)
{
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && extension_suffixes[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(extension_suffixes[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
    }
    return list;
}


/* ---- the bytecode cache path ----------------------------------------------- */

/* The bytecode cache itself is Python/pyc_cache.c. */
PyObject *_PyImport_CacheFromSource(PyObject *source, PyObject *optimization)
{
    return _PyPyc_CacheFromSource(source, optimization);
}

/* Source code: from the cache when it is fresh, else compiled. */
static PyObject *code_from_source_file(PyObject *path, PyObject *name)
{
    return _PyPyc_CompileSourceCached(path, name);
}

static PyObject *code_from_pyc_file(PyObject *path, PyObject *name)
{
    return _PyPyc_LoadSourceless(path, name);
}


/* ---- decoding source ---------------------------------------------------------- */

/* The encoding named by a PEP 263 cookie in one line, as a new str, or
   NULL (no exception) when the line has none. */
static PyObject *cookie_in_line(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) {
        i++;
    }
    if (i >= len || line[i] != '#') {
        return NULL;
    }
    for (; i + 6 < len; i++) {
        if (memcmp(line + i, "coding", 6) == 0
                && (line[i + 6] == ':' || line[i + 6] == '=')) {
            size_t start = i + 7;
            while (start < len && (line[start] == ' ' || line[start] == '\t')) {
                start++;
            }
            size_t end = start;
            while (end < len && (isalnum((unsigned char)line[end])
                                 || line[end] == '-' || line[end] == '_'
                                 || line[end] == '.')) {
                end++;
            }
            if (end > start) {
                return PyUnicode_DecodeASCII(line + start,
                                             (Py_ssize_t)(end - start), NULL);
            }
        }
    }
    return NULL;
}

/* Is the line blank or a comment only (so a cookie may follow)? */
static int line_is_blank_or_comment(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) {
        i++;
    }
    return i >= len || line[i] == '#' || line[i] == '\n' || line[i] == '\r';
}

/* importlib.util.decode_source: bytes to str with the PEP 263 encoding
   (UTF-8 by default, BOM honoured) and universal newlines. */
PyObject *_PyImport_DecodeSource(PyObject *data)
{
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const char *text = view.buf;
    size_t size = (size_t)view.len;
    PyObject *encoding = NULL;
    if (size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        size -= 3;
    }
    else {
        size_t pos = 0;
        for (int lineno = 0; lineno < 2 && pos < size && encoding == NULL;
             lineno++) {
            const char *nl = memchr(text + pos, '\n', size - pos);
            size_t len = nl ? (size_t)(nl - (text + pos)) + 1 : size - pos;
            encoding = cookie_in_line(text + pos, len);
            if (!line_is_blank_or_comment(text + pos, len)) {
                break;
            }
            pos += len;
        }
        if (encoding == NULL && PyErr_Occurred()) {
            PyBuffer_Release(&view);
            return NULL;
        }
    }
    const char *enc = encoding ? PyUnicode_AsUTF8(encoding) : "utf-8";
    PyObject *decoded = enc ? PyUnicode_Decode(text, (Py_ssize_t)size, enc,
                                               NULL) : NULL;
    Py_XDECREF(encoding);
    PyBuffer_Release(&view);
    if (decoded == NULL) {
        return NULL;
    }
    /* Universal newlines: \r\n and lone \r become \n. */
    if (PyUnicode_FindChar(decoded, '\r', 0, PyUnicode_GET_LENGTH(decoded), 1) < 0) {
        return decoded;
    }
    PyObject *crlf = PyUnicode_FromString("\r\n");
    PyObject *cr = PyUnicode_FromString("\r");
    PyObject *lf = PyUnicode_FromString("\n");
    PyObject *step = NULL, *result = NULL;
    if (crlf && cr && lf) {
        step = PyUnicode_Replace(decoded, crlf, lf, -1);
        result = step ? PyUnicode_Replace(step, cr, lf, -1) : NULL;
    }
    Py_XDECREF(step);
    Py_XDECREF(crlf);
    Py_XDECREF(cr);
    Py_XDECREF(lf);
    Py_DECREF(decoded);
    return result;
}


/* A spec for a file location: has_location true, so __file__ and
   __cached__ are set from it. */
static PyObject *file_spec_new(PyObject *name, PyObject *loader,
                               PyObject *origin, PyObject *locations)
{
    PyObject *spec = _PyModuleSpec_New(name, loader, origin, 0);
    if (spec == NULL) {
        return NULL;
    }
    if (_PyModuleSpec_SetHasLocation(spec, 1) < 0
            || (locations != NULL
                && _PyModuleSpec_SetLocations(spec, locations) < 0)) {
        Py_DECREF(spec);
        return NULL;
    }
    return spec;
}


/* ---- loaders: FileLoader and its subclasses ------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *path;
    PyObject *dict;
} loaderobject;

#define LOADER(op) ((loaderobject *)(op))

static int loader_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fullname", "path", NULL};
    PyObject *name, *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO", kwlist, &name, &path)) {
        return -1;
    }
    _PyImport_StoreRef(op, &LOADER(op)->name, name);
    _PyImport_StoreRef(op, &LOADER(op)->path, path);
    return 0;
}

static PyObject *loader_new_exact(PyTypeObject *type, PyObject *name,
                                  PyObject *path)
{
    PyObject *op = PyType_GenericAlloc(type, 0);
    if (op != NULL) {
        LOADER(op)->name = Py_NewRef(name);
        LOADER(op)->path = Py_NewRef(path);
    }
    return op;
}

static int loader_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(LOADER(op)->name);
    Py_VISIT(LOADER(op)->path);
    Py_VISIT(LOADER(op)->dict);
    return 0;
}

static int loader_clear(PyObject *op)
{
    Py_CLEAR(LOADER(op)->name);
    Py_CLEAR(LOADER(op)->path);
    Py_CLEAR(LOADER(op)->dict);
    return 0;
}

static void loader_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    loader_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* Loaders are equal when of one class with equal name and path. */
static PyObject *loader_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *fields[4] = {
        _PyImport_LoadRef(a, &LOADER(a)->name), _PyImport_LoadRef(b, &LOADER(b)->name),
        _PyImport_LoadRef(a, &LOADER(a)->path), _PyImport_LoadRef(b, &LOADER(b)->path),
    };
    int eq = PyObject_RichCompareBool(fields[0] ? fields[0] : Py_None,
                                      fields[1] ? fields[1] : Py_None, Py_EQ);
    if (eq > 0) {
        eq = PyObject_RichCompareBool(fields[2] ? fields[2] : Py_None,
                                      fields[3] ? fields[3] : Py_None, Py_EQ);
    }
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(fields[i]);
    }
    if (eq < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t loader_hash(PyObject *op)
{
    PyObject *name = _PyImport_LoadRef(op, &LOADER(op)->name);
    PyObject *path = _PyImport_LoadRef(op, &LOADER(op)->path);
    Py_hash_t h1 = PyObject_Hash(name ? name : Py_None);
    Py_hash_t h2 = h1 == -1 ? -1 : PyObject_Hash(path ? path : Py_None);
    Py_XDECREF(name);
    Py_XDECREF(path);
    if (h2 == -1) {
        return -1;
    }
    Py_hash_t h = h1 ^ h2;
    return h == -1 ? -2 : h;
}

/* The loader's name, after checking that fullname (when given) is it:
   CPython's _check_name. */
static PyObject *loader_checked_name(PyObject *op, PyObject *fullname)
{
    PyObject *name = _PyImport_LoadRef(op, &LOADER(op)->name);
    if (name == NULL) {
        PyErr_SetString(PyExc_AttributeError, "loader has no name");
        return NULL;
    }
    if (fullname == NULL || fullname == Py_None) {
        return name;
    }
    int same = PyObject_RichCompareBool(name, fullname, Py_EQ);
    if (same < 0) {
        Py_DECREF(name);
        return NULL;
    }
    if (!same) {
        PyObject *msg = PyUnicode_FromFormat("loader for %S cannot handle %S",
                                             name, fullname);
        if (msg != NULL) {
            PyErr_SetImportError(msg, fullname, NULL);
            Py_DECREF(msg);
        }
        Py_DECREF(name);
        return NULL;
    }
    return name;
}

static PyObject *loader_get_filename(PyObject *op, PyObject *args)
{
    PyObject *fullname = Py_None;
    if (!PyArg_ParseTuple(args, "|O:get_filename", &fullname)) {
        return NULL;
    }
    PyObject *name = loader_checked_name(op, fullname);
    if (name == NULL) {
        return NULL;
    }
    Py_DECREF(name);
    PyObject *path = _PyImport_LoadRef(op, &LOADER(op)->path);
    return path ? path : Py_NewRef(Py_None);
}

/* The whole file as bytes. */
static PyObject *read_file_bytes(PyObject *path)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        return NULL;
    }
    int fd = open(PyBytes_AS_STRING(bytes), O_RDONLY | O_CLOEXEC);
    Py_DECREF(bytes);
    if (fd < 0) {
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    struct stat st;
    Py_ssize_t cap = fstat(fd, &st) == 0 && st.st_size > 0
                     ? (Py_ssize_t)st.st_size : 4096;
    PyObject *data = PyBytes_FromStringAndSize(NULL, cap);
    Py_ssize_t used = 0;
    while (data != NULL) {
        if (used == cap) {
            cap *= 2;
            if (_PyBytes_Resize(&data, cap) < 0) {
                break;
            }
        }
        ssize_t n = read(fd, PyBytes_AS_STRING(data) + used, (size_t)(cap - used));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            Py_CLEAR(data);
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
            break;
        }
        if (n == 0) {
            if (_PyBytes_Resize(&data, used) < 0) {
                data = NULL;
            }
            break;
        }
        used += n;
    }
    close(fd);
    return data;
}

static PyObject *loader_get_data(PyObject *op, PyObject *path)
{
    (void)op;
    PyObject *fspath = fspath_str(path);
    if (fspath == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(fspath)) {
        PyObject *decoded = PyUnicode_DecodeFSDefaultAndSize(
            PyBytes_AS_STRING(fspath), PyBytes_GET_SIZE(fspath));
        Py_SETREF(fspath, decoded);
        if (fspath == NULL) {
            return NULL;
        }
    }
    PyObject *data = read_file_bytes(fspath);
    Py_DECREF(fspath);
    return data;
}

/* _LoaderBasics.is_package: the file is __init__.<ext> and the module is
   not itself called __init__. */
static PyObject *loader_is_package(PyObject *op, PyObject *fullname)
{
    PyObject *filename = PyObject_CallMethod(op, "get_filename", "O", fullname);
    if (filename == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(filename)) {
        Py_DECREF(filename);
        Py_RETURN_FALSE;
    }
    PyObject *base = path_basename(filename);
    Py_DECREF(filename);
    if (base == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(base);
    Py_ssize_t dot = PyUnicode_FindChar(base, '.', 0, len, -1);
    PyObject *stem = dot >= 0 ? PyUnicode_Substring(base, 0, dot) : Py_NewRef(base);
    Py_DECREF(base);
    PyObject *tail = stem && PyUnicode_Check(fullname) ? name_tail(fullname)
                                                       : NULL;
    int result = 0;
    if (stem != NULL && tail != NULL) {
        result = PyUnicode_CompareWithASCIIString(stem, "__init__") == 0
                 && PyUnicode_CompareWithASCIIString(tail, "__init__") != 0;
    }
    Py_XDECREF(stem);
    Py_XDECREF(tail);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(result);
}

static PyObject *loader_create_module(PyObject *op, PyObject *spec)
{
    (void)op;
    (void)spec;
    Py_RETURN_NONE;
}

static PyObject *sourceloader_get_code_impl(PyObject *op, PyObject *fullname);
static PyObject *sourceless_get_code_impl(PyObject *op, PyObject *fullname);

/* The code object for the module's name: straight from C for the exact
   C classes, through get_code() for anything else. */
static PyObject *loader_code_for(PyObject *op, PyObject *name)
{
    if (Py_IS_TYPE(op, &_PySourceFileLoader_Type)) {
        return sourceloader_get_code_impl(op, name);
    }
    if (Py_IS_TYPE(op, &_PySourcelessFileLoader_Type)) {
        return sourceless_get_code_impl(op, name);
    }
    return call_method(op, _Py_INTERNED_ID(get_code), &name, 1);
}

/* _LoaderBasics.exec_module: run get_code()'s result in the module. */
int _PyImport_LoaderExecCode(PyObject *op, PyObject *module)
{
    PyObject *name = PyObject_GetAttr(module, _Py_INTERNED_ID(__name__));
    if (name == NULL) {
        return -1;
    }
    PyObject *code = loader_code_for(op, name);
    if (code == NULL) {
        Py_DECREF(name);
        return -1;
    }
    if (code == Py_None) {
        PyObject *msg = PyUnicode_FromFormat("cannot load module %R when "
                                             "get_code() returns None", name);
        if (msg != NULL) {
            PyErr_SetImportError(msg, name, NULL);
            Py_DECREF(msg);
        }
        Py_DECREF(code);
        Py_DECREF(name);
        return -1;
    }
    Py_DECREF(name);
    int res = _PyImport_ExecCodeInModule(module, code);
    Py_DECREF(code);
    return res;
}

static PyObject *loader_exec_module(PyObject *op, PyObject *module)
{
    if (_PyImport_LoaderExecCode(op, module) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The deprecated load_module(): import through the spec machinery. */
static PyObject *loader_load_module(PyObject *op, PyObject *args)
{
    PyObject *fullname = Py_None;
    if (!PyArg_ParseTuple(args, "|O:load_module", &fullname)) {
        return NULL;
    }
    PyObject *name = loader_checked_name(op, fullname);
    if (name == NULL) {
        return NULL;
    }
    if (PyErr_WarnEx(PyExc_DeprecationWarning, "the load_module() method is "
                     "deprecated and slated for removal in Python 3.15; use "
                     "exec_module() instead", 1) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *module = _PyImport_LoadModuleShim(op, name);
    Py_DECREF(name);
    return module;
}

static PyMethodDef fileloader_methods[] = {
    {"get_filename", loader_get_filename, METH_VARARGS,
     "Return the path to the source file as found by the finder."},
    {"get_data", loader_get_data, METH_O,
     "Return the data from path as raw bytes."},
    {"is_package", loader_is_package, METH_O, NULL},
    {"create_module", loader_create_module, METH_O,
     "Use default semantics for module creation."},
    {"exec_module", loader_exec_module, METH_O, "Execute the module."},
    {"load_module", loader_load_module, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef loader_members[] = {
    {"name", _Py_T_OBJECT, offsetof(loaderobject, name), 0, NULL},
    {"path", _Py_T_OBJECT, offsetof(loaderobject, path), 0, NULL},
    {"__dict__", _Py_T_OBJECT, offsetof(loaderobject, dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define LOADER_TYPE_FIELDS                                                  \
    .tp_basicsize = sizeof(loaderobject),                                   \
    .tp_dealloc = loader_dealloc,                                           \
    .tp_getattro = PyObject_GenericGetAttr,                                 \
    .tp_setattro = PyObject_GenericSetAttr,                                 \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, \
    .tp_traverse = loader_traverse,                                         \
    .tp_clear = loader_clear,                                               \
    .tp_dictoffset = offsetof(loaderobject, dict),                          \
    .tp_init = loader_init,                                                 \
    .tp_alloc = PyType_GenericAlloc,                                        \
    .tp_new = PyType_GenericNew,                                            \
    .tp_free = PyObject_GC_Del

PyTypeObject _PyFileLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.FileLoader",
    LOADER_TYPE_FIELDS,
    .tp_doc = "Base file loader class which implements the loader protocol "
              "methods that require file system usage.",
    .tp_richcompare = loader_richcompare,
    .tp_hash = loader_hash,
    .tp_methods = fileloader_methods,
    .tp_members = loader_members,
};

/* -- SourceFileLoader -- */

static PyObject *source_to_code(PyObject *data, PyObject *path,
                                PyObject *optimize)
{
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *compile;
    if (PyDict_GetItemRef(builtins, _Py_INTERNED_ID(compile), &compile) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "builtins.compile is missing");
        }
        return NULL;
    }
    PyObject *mode = PyUnicode_FromString("exec");
    PyObject *kwnames = Py_BuildValue("(ss)", "dont_inherit", "optimize");
    PyObject *code = NULL;
    if (mode != NULL && kwnames != NULL) {
        PyObject *args[5] = {data, path, mode, Py_True,
                             optimize ? optimize : NULL};
        PyObject *minus_one = NULL;
        if (args[4] == NULL) {
            minus_one = PyLong_FromLong(-1);
            args[4] = minus_one;
        }
        if (args[4] != NULL) {
            code = PyObject_Vectorcall(compile, args, 3, kwnames);
        }
        Py_XDECREF(minus_one);
    }
    Py_XDECREF(mode);
    Py_XDECREF(kwnames);
    Py_DECREF(compile);
    return code;
}

static PyObject *sourceloader_source_to_code(PyObject *op, PyObject *args,
                                             PyObject *kwds)
{
    (void)op;
    static char *kwlist[] = {"data", "path", "_optimize", NULL};
    PyObject *data, *path, *optimize = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$O:source_to_code",
                                     kwlist, &data, &path, &optimize)) {
        return NULL;
    }
    return source_to_code(data, path, optimize);
}

static PyObject *sourceloader_path_stats(PyObject *op, PyObject *path)
{
    (void)op;
    if (!PyUnicode_Check(path)) {
        PyObject *fspath = fspath_str(path);
        if (fspath == NULL) {
            return NULL;
        }
        if (!PyUnicode_Check(fspath)) {
            Py_SETREF(fspath, PyUnicode_DecodeFSDefaultAndSize(
                PyBytes_AS_STRING(fspath), PyBytes_GET_SIZE(fspath)));
        }
        if (fspath == NULL) {
            return NULL;
        }
        PyObject *res = sourceloader_path_stats(op, fspath);
        Py_DECREF(fspath);
        return res;
    }
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        return NULL;
    }
    struct stat st;
    int err = stat(PyBytes_AS_STRING(bytes), &st);
    Py_DECREF(bytes);
    if (err < 0) {
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    double mtime = (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9;
    return Py_BuildValue("{s:d,s:L}", "mtime", mtime, "size",
                         (long long)st.st_size);
}

/* Writes data to path through a temporary file and a rename, creating
   a missing parent directory (__pycache__). */
static PyObject *sourceloader_set_data(PyObject *op, PyObject *args,
                                       PyObject *kwds)
{
    (void)op;
    static char *kwlist[] = {"path", "data", "_mode", NULL};
    PyObject *path;
    Py_buffer data;
    int mode = 0666;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Uy*|$i:set_data", kwlist,
                                     &path, &data, &mode)) {
        return NULL;
    }
    PyObject *dir = path_dirname(path);
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    PyObject *dirbytes = dir ? PyUnicode_EncodeFSDefault(dir) : NULL;
    PyObject *result = NULL;
    if (bytes != NULL && dirbytes != NULL) {
        if (PyBytes_GET_SIZE(dirbytes) > 0) {
            (void)mkdir(PyBytes_AS_STRING(dirbytes), 0777);
        }
        char tmp[4096];
        PyOS_snprintf(tmp, sizeof(tmp), "%s.%ld", PyBytes_AS_STRING(bytes),
                      (long)getpid());
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                      (mode_t)(mode & 0666));
        /* As CPython: a cache that cannot be written is no error. */
        if (fd >= 0) {
            const char *p = data.buf;
            Py_ssize_t left = data.len;
            int ok = 1;
            while (left > 0) {
                ssize_t n = write(fd, p, (size_t)left);
                if (n < 0 && errno == EINTR) {
                    continue;
                }
                if (n <= 0) {
                    ok = 0;
                    break;
                }
                p += n;
                left -= n;
            }
            close(fd);
            if (!ok || rename(tmp, PyBytes_AS_STRING(bytes)) < 0) {
                unlink(tmp);
            }
        }
        result = Py_NewRef(Py_None);
    }
    Py_XDECREF(bytes);
    Py_XDECREF(dirbytes);
    Py_XDECREF(dir);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *sourceloader_get_source(PyObject *op, PyObject *fullname)
{
    PyObject *path = PyObject_CallMethod(op, "get_filename", "O", fullname);
    if (path == NULL) {
        return NULL;
    }
    PyObject *data = call_method(op, _Py_INTERNED_ID(get_data), &path, 1);
    if (data == NULL) {
        if (PyErr_ExceptionMatches(PyExc_OSError)) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *msg = PyUnicode_FromString("source not available "
                                                 "through get_data()");
            if (msg != NULL) {
                PyErr_SetImportError(msg, fullname, NULL);
                Py_DECREF(msg);
                PyObject *err = PyErr_GetRaisedException();
                PyException_SetCause(err, exc);
                PyErr_SetRaisedException(err);
            }
            else {
                Py_DECREF(exc);
            }
        }
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    PyObject *text = _PyImport_DecodeSource(data);
    Py_DECREF(data);
    return text;
}

/* Are get_filename, get_data, path_stats, set_data and source_to_code
   the C ones, so the bytecode cache may be used directly? */
static int source_loader_is_plain(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    if (type == &_PySourceFileLoader_Type) {
        return 1;
    }
    static const char *const names[] = {
        "get_filename", "get_data", "path_stats", "set_data",
        "source_to_code", NULL,
    };
    for (size_t i = 0; names[i] != NULL; i++) {
        if (!inherits_unchanged(type, &_PySourceFileLoader_Type, names[i])) {
            return 0;
        }
    }
    return 1;
}

static PyObject *sourceloader_get_code_impl(PyObject *op, PyObject *fullname)
{
    if (source_loader_is_plain(op)) {
        PyObject *name = loader_checked_name(op, fullname);
        PyObject *path = name ? _PyImport_LoadRef(op, &LOADER(op)->path) : NULL;
        PyObject *code = NULL;
        if (path != NULL && PyUnicode_Check(path)) {
            code = code_from_source_file(path, name);
        }
        else if (path != NULL) {
            PyErr_SetString(PyExc_TypeError, "loader path must be a str");
        }
        Py_XDECREF(name);
        Py_XDECREF(path);
        return code;
    }
    /* A subclass with its own file access: go through its methods. */
    PyObject *path = PyObject_CallMethod(op, "get_filename", "O", fullname);
    if (path == NULL) {
        return NULL;
    }
    PyObject *data = call_method(op, _Py_INTERNED_ID(get_data), &path, 1);
    PyObject *code = NULL;
    if (data != NULL) {
        PyObject *args[2] = {data, path};
        code = call_method(op, _Py_INTERNED_ID(source_to_code), args, 2);
        Py_DECREF(data);
    }
    Py_DECREF(path);
    return code;
}

static PyObject *sourceloader_get_code(PyObject *op, PyObject *fullname)
{
    return sourceloader_get_code_impl(op, fullname);
}

static PyMethodDef sourceloader_methods[] = {
    {"get_code", sourceloader_get_code, METH_O,
     "Return the code object for the module (from the bytecode cache when "
     "it is up to date)."},
    {"get_source", sourceloader_get_source, METH_O,
     "Return the decoded source of the module."},
    {"source_to_code", _PyCFunction_CAST(sourceloader_source_to_code),
     METH_VARARGS | METH_KEYWORDS,
     "Return the code object compiled from source."},
    {"path_stats", sourceloader_path_stats, METH_O,
     "Return the metadata for the path."},
    {"set_data", _PyCFunction_CAST(sourceloader_set_data),
     METH_VARARGS | METH_KEYWORDS, "Write bytes data to a file."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PySourceFileLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.SourceFileLoader",
    LOADER_TYPE_FIELDS,
    .tp_doc = "Concrete implementation of SourceLoader using the file "
              "system.",
    .tp_methods = sourceloader_methods,
    .tp_base = &_PyFileLoader_Type,
};

/* -- SourcelessFileLoader -- */

static PyObject *sourceless_get_code_impl(PyObject *op, PyObject *fullname)
{
    PyObject *path = PyObject_CallMethod(op, "get_filename", "O", fullname);
    if (path == NULL) {
        return NULL;
    }
    PyObject *name = fullname != Py_None ? Py_NewRef(fullname)
                     : _PyImport_LoadRef(op, &LOADER(op)->name);
    PyObject *code = NULL;
    if (!PyUnicode_Check(path)) {
        PyErr_SetString(PyExc_TypeError, "loader path must be a str");
    }
    else {
        code = code_from_pyc_file(path, name ? name : Py_None);
    }
    Py_XDECREF(name);
    Py_DECREF(path);
    return code;
}

static PyObject *sourceless_get_code(PyObject *op, PyObject *fullname)
{
    return sourceless_get_code_impl(op, fullname);
}

static PyObject *return_none_o(PyObject *op, PyObject *arg)
{
    (void)op;
    (void)arg;
    Py_RETURN_NONE;
}

static PyMethodDef sourceless_methods[] = {
    {"get_code", sourceless_get_code, METH_O,
     "Return the code object stored in the bytecode file."},
    {"get_source", return_none_o, METH_O,
     "Return None as there is no source code."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PySourcelessFileLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.SourcelessFileLoader",
    LOADER_TYPE_FIELDS,
    .tp_doc = "Loader which handles sourceless file imports.",
    .tp_methods = sourceless_methods,
    .tp_base = &_PyFileLoader_Type,
};

/* -- ExtensionFileLoader -- */

/* Dynamic loading arrives with Python/dynload.c; until then loading an
   extension fails clearly, naming the file. */
static PyObject *extloader_create_module(PyObject *op, PyObject *spec)
{
    PyObject *name = PyObject_GetAttrString(spec, "name");
    PyObject *path = name ? PyObject_GetAttrString(spec, "origin") : NULL;
    if (path == NULL) {
        Py_XDECREF(name);
        return NULL;
    }
    (void)op;
    PyObject *msg = PyUnicode_FromFormat(
        "cannot load extension module %R from %R: this interpreter cannot "
        "load C extension modules yet", name, path);
    if (msg != NULL) {
        PyErr_SetImportError(msg, name, path);
        Py_DECREF(msg);
    }
    Py_DECREF(name);
    Py_DECREF(path);
    return NULL;
}

static PyObject *extloader_exec_module(PyObject *op, PyObject *module)
{
    (void)op;
    (void)module;
    Py_RETURN_NONE;
}

static PyObject *extloader_is_package(PyObject *op, PyObject *fullname)
{
    (void)fullname;
    PyObject *path = _PyImport_LoadRef(op, &LOADER(op)->path);
    if (path == NULL || !PyUnicode_Check(path)) {
        Py_XDECREF(path);
        Py_RETURN_FALSE;
    }
    PyObject *base = path_basename(path);
    Py_DECREF(path);
    if (base == NULL) {
        return NULL;
    }
    int result = 0;
    const char *utf8 = PyUnicode_AsUTF8(base);
    if (utf8 != NULL && strncmp(utf8, "__init__", 8) == 0) {
        for (size_t i = 0; extension_suffixes[i] != NULL; i++) {
            if (strcmp(utf8 + 8, extension_suffixes[i]) == 0) {
                result = 1;
            }
        }
    }
    Py_DECREF(base);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(result);
}

static PyMethodDef extloader_methods[] = {
    {"create_module", extloader_create_module, METH_O,
     "Create an uninitialized extension module."},
    {"exec_module", extloader_exec_module, METH_O,
     "Initialize an extension module."},
    {"is_package", extloader_is_package, METH_O,
     "Return True if the extension module is a package."},
    {"get_code", return_none_o, METH_O,
     "Return None as an extension module cannot create a code object."},
    {"get_source", return_none_o, METH_O,
     "Return None as extension modules have no source code."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyExtensionFileLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.ExtensionFileLoader",
    LOADER_TYPE_FIELDS,
    .tp_doc = "Loader for extension modules.",
    .tp_methods = extloader_methods,
    .tp_base = &_PyFileLoader_Type,
};

int _PyImport_IsFastLoader(PyObject *loader)
{
    PyTypeObject *type = Py_TYPE(loader);
    return type == &_PySourceFileLoader_Type
           || type == &_PySourcelessFileLoader_Type
           || type == &_PyNamespaceLoader_Type
           || loader == (PyObject *)&_PyBuiltinImporter_Type;
}

/* Fast dispatch for the import algorithm.  Returns 1 when loader is one
   of the exact C loaders and the step was done (*module may be NULL:
   default creation), 0 when loader must be called through Python, -1 on
   error. */
int _PyImport_FastCreateModule(PyObject *loader, PyObject *spec,
                               PyObject **module)
{
    *module = NULL;
    if (loader == (PyObject *)&_PyBuiltinImporter_Type) {
        *module = _PyImport_CreateBuiltin(spec);
        return *module == NULL ? -1 : 1;
    }
    return _PyImport_IsFastLoader(loader);
}

int _PyImport_FastExecModule(PyObject *loader, PyObject *module)
{
    PyTypeObject *type = Py_TYPE(loader);
    if (type == &_PySourceFileLoader_Type
            || type == &_PySourcelessFileLoader_Type) {
        return _PyImport_LoaderExecCode(loader, module) < 0 ? -1 : 1;
    }
    if (type == &_PyNamespaceLoader_Type) {
        return 1;
    }
    if (loader == (PyObject *)&_PyBuiltinImporter_Type) {
        return _PyImport_ExecBuiltin(module) < 0 ? -1 : 1;
    }
    return 0;
}


/* ---- _NamespacePath ------------------------------------------------------------ */

/* A namespace package's __path__: a list of portions recomputed, when
   the parent's path (or sys.path) changed or the caches were invalidated
   since the last look, by asking path_finder for the package again. */
typedef struct {
    PyObject_HEAD
    PyObject *name;             /* the package's full name */
    PyObject *path;             /* list: the current portions */
    PyObject *last_parent;      /* tuple: the parent path last seen */
    PyObject *finder;           /* callable(name, parent_path) -> spec */
    long epoch;                 /* invalidation epoch of `path` */
} nspathobject;

#define NSPATH(op) ((nspathobject *)(op))

/* Bumped by PathFinder.invalidate_caches(); read without a lock. */
static long namespace_epoch;

static PyObject *nspath_parent_path(nspathobject *self)
{
    PyObject *parent = name_parent(self->name);
    if (parent == NULL) {
        return NULL;
    }
    PyObject *path;
    if (PyUnicode_GET_LENGTH(parent) == 0) {
        path = sys_attr("path");
        if (path == NULL && !PyErr_Occurred()) {
            path = PyList_New(0);
        }
    }
    else {
        PyObject *module = PyImport_GetModule(parent);
        if (module == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_KeyError, "%R", parent);
            }
            Py_DECREF(parent);
            return NULL;
        }
        path = PyObject_GetAttr(module, _Py_INTERNED_ID(__path__));
        Py_DECREF(module);
    }
    Py_DECREF(parent);
    if (path == NULL) {
        return NULL;
    }
    PyObject *tuple = PySequence_Tuple(path);
    Py_DECREF(path);
    return tuple;
}

/* A new reference to the current portions list, recomputed if stale. */
static PyObject *nspath_current(PyObject *op)
{
    nspathobject *self = NSPATH(op);
    PyObject *parent = nspath_parent_path(self);
    if (parent == NULL) {
        return NULL;
    }
    long epoch = __atomic_load_n(&namespace_epoch, __ATOMIC_RELAXED);
    PyObject *last = _PyImport_LoadRef(op, &self->last_parent);
    int same = last == NULL ? 0 : PyObject_RichCompareBool(last, parent, Py_EQ);
    Py_XDECREF(last);
    long seen;
    Py_BEGIN_CRITICAL_SECTION(op);
    seen = self->epoch;
    Py_END_CRITICAL_SECTION();
    if (same < 0) {
        Py_DECREF(parent);
        return NULL;
    }
    if (!same || seen != epoch) {
        PyObject *args[2] = {self->name, parent};
        PyObject *spec = PyObject_Vectorcall(self->finder, args, 2, NULL);
        if (spec == NULL) {
            Py_DECREF(parent);
            return NULL;
        }
        PyObject *loader = spec == Py_None ? NULL
                           : _PyModuleSpec_Get(spec, _PySpec_LOADER);
        PyObject *locs = loader == NULL ? NULL
                         : _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
        if (spec != Py_None && locs == NULL) {
            Py_XDECREF(loader);
            Py_DECREF(spec);
            Py_DECREF(parent);
            return NULL;
        }
        PyObject *fresh = NULL;
        if (loader == Py_None && locs != Py_None) {
            fresh = PySequence_List(locs);
            if (fresh == NULL) {
                PyErr_Clear();
            }
        }
        Py_XDECREF(loader);
        Py_XDECREF(locs);
        Py_DECREF(spec);
        Py_BEGIN_CRITICAL_SECTION(op);
        if (fresh != NULL) {
            Py_SETREF(self->path, fresh);
            fresh = NULL;
        }
        Py_XSETREF(self->last_parent, Py_NewRef(parent));
        self->epoch = epoch;
        Py_END_CRITICAL_SECTION();
        Py_XDECREF(fresh);
    }
    Py_DECREF(parent);
    return _PyImport_LoadRef(op, &self->path);
}

PyObject *_PyImport_NamespacePathNew(PyObject *name, PyObject *path,
                                     PyObject *finder)
{
    PyObject *op = PyType_GenericAlloc(&_PyNamespacePath_Type, 0);
    if (op == NULL) {
        return NULL;
    }
    nspathobject *self = NSPATH(op);
    self->name = Py_NewRef(name);
    self->path = PySequence_List(path);
    self->finder = Py_NewRef(finder);
    self->epoch = __atomic_load_n(&namespace_epoch, __ATOMIC_RELAXED);
    if (self->path == NULL) {
        Py_DECREF(op);
        return NULL;
    }
    self->last_parent = nspath_parent_path(self);
    if (self->last_parent == NULL) {
        /* The parent is not importable yet: recompute on first use. */
        PyErr_Clear();
    }
    return op;
}

static PyObject *nspath_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)type;
    PyObject *name, *path, *finder;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "_NamespacePath() takes no keyword "
                        "arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "UOO:_NamespacePath", &name, &path, &finder)) {
        return NULL;
    }
    return _PyImport_NamespacePathNew(name, path, finder);
}

static int nspath_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(NSPATH(op)->name);
    Py_VISIT(NSPATH(op)->path);
    Py_VISIT(NSPATH(op)->last_parent);
    Py_VISIT(NSPATH(op)->finder);
    return 0;
}

static int nspath_clear(PyObject *op)
{
    Py_CLEAR(NSPATH(op)->name);
    Py_CLEAR(NSPATH(op)->path);
    Py_CLEAR(NSPATH(op)->last_parent);
    Py_CLEAR(NSPATH(op)->finder);
    return 0;
}

static void nspath_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    nspath_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *nspath_iter(PyObject *op)
{
    PyObject *list = nspath_current(op);
    if (list == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static Py_ssize_t nspath_len(PyObject *op)
{
    PyObject *list = nspath_current(op);
    if (list == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_Size(list);
    Py_DECREF(list);
    return n;
}

static PyObject *nspath_item(PyObject *op, PyObject *key)
{
    PyObject *list = nspath_current(op);
    if (list == NULL) {
        return NULL;
    }
    PyObject *item = PyObject_GetItem(list, key);
    Py_DECREF(list);
    return item;
}

/* Item assignment changes the stored list (not recomputed until the
   parent path changes), as in CPython. */
static int nspath_ass_item(PyObject *op, PyObject *key, PyObject *value)
{
    PyObject *list = _PyImport_LoadRef(op, &NSPATH(op)->path);
    int res = value == NULL ? PyObject_DelItem(list, key)
                            : PyObject_SetItem(list, key, value);
    Py_DECREF(list);
    return res;
}

static int nspath_contains(PyObject *op, PyObject *item)
{
    PyObject *list = nspath_current(op);
    if (list == NULL) {
        return -1;
    }
    int res = PySequence_Contains(list, item);
    Py_DECREF(list);
    return res;
}

static PyObject *nspath_repr(PyObject *op)
{
    PyObject *list = _PyImport_LoadRef(op, &NSPATH(op)->path);
    PyObject *res = PyUnicode_FromFormat("_NamespacePath(%R)", list);
    Py_XDECREF(list);
    return res;
}

static PyObject *nspath_append(PyObject *op, PyObject *item)
{
    PyObject *list = _PyImport_LoadRef(op, &NSPATH(op)->path);
    int res = PyList_Append(list, item);
    Py_DECREF(list);
    if (res < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef nspath_methods[] = {
    {"append", nspath_append, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef nspath_members[] = {
    {"_name", _Py_T_OBJECT, offsetof(nspathobject, name), Py_READONLY, NULL},
    {"_path", _Py_T_OBJECT, offsetof(nspathobject, path), 0, NULL},
    {"_path_finder", _Py_T_OBJECT, offsetof(nspathobject, finder), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

static PySequenceMethods nspath_as_sequence = {
    .sq_length = nspath_len,
    .sq_contains = nspath_contains,
};

static PyMappingMethods nspath_as_mapping = {
    .mp_length = nspath_len,
    .mp_subscript = nspath_item,
    .mp_ass_subscript = nspath_ass_item,
};

PyTypeObject _PyNamespacePath_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external._NamespacePath",
    .tp_basicsize = sizeof(nspathobject),
    .tp_dealloc = nspath_dealloc,
    .tp_repr = nspath_repr,
    .tp_as_sequence = &nspath_as_sequence,
    .tp_as_mapping = &nspath_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Represents a namespace package's path.",
    .tp_traverse = nspath_traverse,
    .tp_clear = nspath_clear,
    .tp_iter = nspath_iter,
    .tp_methods = nspath_methods,
    .tp_members = nspath_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = nspath_new,
    .tp_free = PyObject_GC_Del,
};


/* ---- NamespaceLoader ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *path;             /* `_path`: the _NamespacePath */
    PyObject *dict;
} nsloaderobject;

static int nsloader_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "path", "path_finder", NULL};
    PyObject *name, *path, *finder;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "UOO:NamespaceLoader", kwlist,
                                     &name, &path, &finder)) {
        return -1;
    }
    PyObject *nspath = _PyImport_NamespacePathNew(name, path, finder);
    if (nspath == NULL) {
        return -1;
    }
    _PyImport_StoreRef(op, &((nsloaderobject *)op)->path, nspath);
    Py_DECREF(nspath);
    return 0;
}

PyObject *_PyImport_NamespaceLoaderFor(PyObject *path)
{
    PyObject *op = PyType_GenericAlloc(&_PyNamespaceLoader_Type, 0);
    if (op != NULL) {
        ((nsloaderobject *)op)->path = Py_NewRef(path);
    }
    return op;
}

static int nsloader_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((nsloaderobject *)op)->path);
    Py_VISIT(((nsloaderobject *)op)->dict);
    return 0;
}

static int nsloader_clear(PyObject *op)
{
    Py_CLEAR(((nsloaderobject *)op)->path);
    Py_CLEAR(((nsloaderobject *)op)->dict);
    return 0;
}

static void nsloader_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    nsloader_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *return_true_o(PyObject *op, PyObject *arg)
{
    (void)op;
    (void)arg;
    Py_RETURN_TRUE;
}

static PyObject *nsloader_get_source(PyObject *op, PyObject *arg)
{
    (void)op;
    (void)arg;
    return PyUnicode_FromString("");
}

static PyObject *nsloader_get_code(PyObject *op, PyObject *arg)
{
    (void)op;
    (void)arg;
    PyObject *empty = PyUnicode_FromString("");
    PyObject *where = PyUnicode_FromString("<string>");
    PyObject *code = empty && where ? source_to_code(empty, where, NULL) : NULL;
    Py_XDECREF(empty);
    Py_XDECREF(where);
    return code;
}

static PyObject *nsloader_load_module(PyObject *op, PyObject *fullname)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning, "the load_module() method is "
                     "deprecated and slated for removal in Python 3.15; use "
                     "exec_module() instead", 1) < 0) {
        return NULL;
    }
    return _PyImport_LoadModuleShim(op, fullname);
}

static PyMethodDef nsloader_methods[] = {
    {"is_package", return_true_o, METH_O, NULL},
    {"get_source", nsloader_get_source, METH_O, NULL},
    {"get_code", nsloader_get_code, METH_O, NULL},
    {"create_module", loader_create_module, METH_O,
     "Use default semantics for module creation."},
    {"exec_module", return_none_o, METH_O, NULL},
    {"load_module", nsloader_load_module, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef nsloader_members[] = {
    {"_path", _Py_T_OBJECT, offsetof(nsloaderobject, path), 0, NULL},
    {"__dict__", _Py_T_OBJECT, offsetof(nsloaderobject, dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyNamespaceLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.NamespaceLoader",
    .tp_basicsize = sizeof(nsloaderobject),
    .tp_dealloc = nsloader_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "NamespaceLoader(name, path, path_finder)",
    .tp_traverse = nsloader_traverse,
    .tp_clear = nsloader_clear,
    .tp_methods = nsloader_methods,
    .tp_members = nsloader_members,
    .tp_dictoffset = offsetof(nsloaderobject, dict),
    .tp_init = nsloader_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};


/* ---- FileFinder ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *path;             /* absolute directory */
    PyObject *loaders;          /* `_loaders`: list of (suffix, loader class) */
    PyObject *cache;            /* `_path_cache`: set of names, never mutated
                                   once published; under the critical section */
    PyObject *stems;            /* dict: the part of each cached name before
                                   its first dot -> list of those names;
                                   published with `cache`; NULL when
                                   `_path_cache` was assigned from outside */
    double mtime;               /* `_path_mtime`, -1 when invalid */
    struct timespec stamp;      /* exact directory mtime of `cache` */
    int stamp_valid;
} finderobject;

#define FINDER(op) ((finderobject *)(op))

/* (loader, [suffix...]) pairs flattened into (suffix, loader) tuples. */
static PyObject *flatten_loader_details(PyObject *details)
{
    PyObject *loaders = PyList_New(0);
    Py_ssize_t n = PyTuple_GET_SIZE(details);
    for (Py_ssize_t i = 0; loaders != NULL && i < n; i++) {
        PyObject *loader, *suffixes;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(details, i),
                              "OO;loader details must be (loader, suffixes) pairs",
                              &loader, &suffixes)) {
            Py_CLEAR(loaders);
            break;
        }
        PyObject *seq = PySequence_Fast(suffixes, "suffixes must be a sequence");
        for (Py_ssize_t j = 0; seq != NULL && j < PySequence_Fast_GET_SIZE(seq); j++) {
            PyObject *pair = PyTuple_Pack(2, PySequence_Fast_GET_ITEM(seq, j),
                                          loader);
            if (pair == NULL || PyList_Append(loaders, pair) < 0) {
                Py_XDECREF(pair);
                Py_CLEAR(seq);
                break;
            }
            Py_DECREF(pair);
        }
        if (seq == NULL) {
            Py_CLEAR(loaders);
            break;
        }
        Py_DECREF(seq);
    }
    return loaders;
}

static int finder_setup(PyObject *op, PyObject *path, PyObject *details)
{
    PyObject *loaders = flatten_loader_details(details);
    if (loaders == NULL) {
        return -1;
    }
    PyObject *abs;
    if (PyUnicode_GET_LENGTH(path) == 0
            || PyUnicode_CompareWithASCIIString(path, ".") == 0) {
        abs = current_dir();
    }
    else {
        abs = path_absolute(path);
    }
    PyObject *cache = abs ? PySet_New(NULL) : NULL;
    if (cache == NULL) {
        Py_XDECREF(abs);
        Py_DECREF(loaders);
        return -1;
    }
    finderobject *self = FINDER(op);
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_XSETREF(self->path, abs);
    Py_XSETREF(self->loaders, loaders);
    Py_XSETREF(self->cache, cache);
    Py_CLEAR(self->stems);
    self->mtime = -1;
    self->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static int finder_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "FileFinder() takes no keyword "
                        "arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "FileFinder() missing required "
                        "argument 'path' (pos 1)");
        return -1;
    }
    PyObject *path = fspath_str(PyTuple_GET_ITEM(args, 0));
    if (path == NULL) {
        return -1;
    }
    if (!PyUnicode_Check(path)) {
        Py_SETREF(path, PyUnicode_DecodeFSDefaultAndSize(
            PyBytes_AS_STRING(path), PyBytes_GET_SIZE(path)));
        if (path == NULL) {
            return -1;
        }
    }
    PyObject *details = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    int res = details ? finder_setup(op, path, details) : -1;
    Py_XDECREF(details);
    Py_DECREF(path);
    return res;
}

static int finder_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(FINDER(op)->path);
    Py_VISIT(FINDER(op)->loaders);
    Py_VISIT(FINDER(op)->cache);
    Py_VISIT(FINDER(op)->stems);
    return 0;
}

static int finder_clear(PyObject *op)
{
    Py_CLEAR(FINDER(op)->path);
    Py_CLEAR(FINDER(op)->loaders);
    Py_CLEAR(FINDER(op)->cache);
    Py_CLEAR(FINDER(op)->stems);
    return 0;
}

static void finder_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    finder_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *finder_repr(PyObject *op)
{
    PyObject *path = _PyImport_LoadRef(op, &FINDER(op)->path);
    PyObject *res = PyUnicode_FromFormat("FileFinder(%R)", path ? path : Py_None);
    Py_XDECREF(path);
    return res;
}

/* The names in directory path as a new set (empty when it cannot be
   listed, as CPython). */
static PyObject *list_directory(PyObject *path)
{
    PyObject *names = PySet_New(NULL);
    PyObject *bytes = names ? PyUnicode_EncodeFSDefault(path) : NULL;
    if (bytes == NULL) {
        Py_XDECREF(names);
        return NULL;
    }
    DIR *dir = opendir(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    if (dir == NULL) {
        return names;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *n = entry->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        PyObject *name = PyUnicode_DecodeFSDefault(n);
        if (name == NULL || PySet_Add(names, name) < 0) {
            Py_XDECREF(name);
            Py_CLEAR(names);
            break;
        }
        Py_DECREF(name);
    }
    closedir(dir);
    return names;
}

/* Groups names by their part before the first dot, so a lookup finds
   name + suffix without building the string: a module file's name is
   its module name followed by a suffix that starts with a dot. */
static PyObject *index_by_stem(PyObject *names)
{
    PyObject *stems = PyDict_New();
    PyObject *it = stems ? PyObject_GetIter(names) : NULL;
    if (it == NULL) {
        Py_XDECREF(stems);
        return NULL;
    }
    PyObject *name;
    while (stems != NULL && (name = PyIter_Next(it)) != NULL) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
        PyObject *stem = dot > 0 ? PyUnicode_Substring(name, 0, dot) : NULL;
        PyObject *group = NULL;
        int ok = dot <= 0;
        if (stem != NULL) {
            ok = PyDict_SetDefaultRef(stems, stem, Py_None, &group) >= 0;
            if (ok && group == Py_None) {
                Py_SETREF(group, PyList_New(0));
                ok = group != NULL && PyDict_SetItem(stems, stem, group) == 0;
            }
            ok = ok && PyList_Append(group, name) == 0;
        }
        Py_XDECREF(group);
        Py_XDECREF(stem);
        Py_DECREF(name);
        if (!ok) {
            Py_CLEAR(stems);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_CLEAR(stems);
    }
    return stems;
}

/* Refills the cache under the finder's critical section. */
static int finder_fill_cache_locked(finderobject *self)
{
    PyObject *names = list_directory(self->path);
    PyObject *stems = names ? index_by_stem(names) : NULL;
    if (stems == NULL) {
        Py_XDECREF(names);
        return -1;
    }
    Py_XSETREF(self->cache, names);
    Py_XSETREF(self->stems, stems);
    return 0;
}

static PyObject *finder_fill_cache(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = finder_fill_cache_locked(FINDER(op));
    Py_END_CRITICAL_SECTION();
    if (res < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* A new reference to the directory listing, refreshed when the
   directory's mtime changed (or invalidate_caches() was called) since it
   was read, and in *stems its index by stem (NULL when there is none).
   The listing happens inside the critical section so two threads do not
   both list one directory. */
static PyObject *finder_current_cache(PyObject *op, PyObject **stems)
{
    *stems = NULL;
    finderobject *self = FINDER(op);
    PyObject *path = _PyImport_LoadRef(op, &self->path);
    if (path == NULL) {
        PyErr_SetString(PyExc_ValueError, "FileFinder is not initialized");
        return NULL;
    }
    struct stat st;
    int found = stat_path(path, &st);
    Py_DECREF(path);
    if (found < 0) {
        return NULL;
    }
    PyObject *cache = NULL;
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    double mtime = found ? (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9
                         : -1.0;
    int fresh = self->stamp_valid && found && self->mtime == mtime
                && self->stamp.tv_sec == st.st_mtim.tv_sec
                && self->stamp.tv_nsec == st.st_mtim.tv_nsec;
    if (!fresh) {
        err = finder_fill_cache_locked(self);
        self->mtime = mtime;
        self->stamp = st.st_mtim;
        self->stamp_valid = found;
    }
    if (!err) {
        cache = Py_NewRef(self->cache);
        *stems = Py_XNewRef(self->stems);
    }
    Py_END_CRITICAL_SECTION();
    return cache;
}

/* Is tail + suffix among the directory's names?  With the stem index no
   string is built. */
static int listed_with_suffix(PyObject *cache, PyObject *group,
                              PyObject *tail, PyObject *suffix)
{
    if (group == NULL) {
        PyObject *file = PyUnicode_Concat(tail, suffix);
        if (file == NULL) {
            return -1;
        }
        int listed = PySet_Contains(cache, file);
        Py_DECREF(file);
        return listed;
    }
    if (group == Py_None) {
        return 0;
    }
    Py_ssize_t want = PyUnicode_GET_LENGTH(tail) + PyUnicode_GET_LENGTH(suffix);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(group); i++) {
        PyObject *name = PyList_GET_ITEM(group, i);
        if (PyUnicode_GET_LENGTH(name) == want
                && PyUnicode_Tailmatch(name, suffix, 0, want, 1) == 1) {
            return 1;
        }
    }
    return 0;
}

/* The spec for a file the finder found: built directly for the C loader
   classes, through spec_from_file_location semantics otherwise. */
static PyObject *finder_make_spec(PyObject *loader_class, PyObject *fullname,
                                  PyObject *path, PyObject *locations)
{
    PyTypeObject *lt = (PyTypeObject *)loader_class;
    PyObject *loader;
    if (lt == &_PySourceFileLoader_Type || lt == &_PySourcelessFileLoader_Type
            || lt == &_PyExtensionFileLoader_Type) {
        loader = loader_new_exact(lt, fullname, path);
    }
    else {
        PyObject *args[2] = {fullname, path};
        loader = PyObject_Vectorcall(loader_class, args, 2, NULL);
    }
    if (loader == NULL) {
        return NULL;
    }
    PyObject *spec = file_spec_new(fullname, loader, path, locations);
    Py_DECREF(loader);
    return spec;
}

static void verbose_trying(PyObject *path)
{
    if (_PyImport_Verbose() >= 2) {
        PySys_FormatStderr("# trying %U\n", path);
    }
}

/* FileFinder.find_spec for the exact class. */
static PyObject *finder_find(PyObject *op, PyObject *fullname)
{
    finderobject *self = FINDER(op);
    PyObject *stems;
    PyObject *cache = finder_current_cache(op, &stems);
    if (cache == NULL) {
        return NULL;
    }
    PyObject *group = NULL;     /* the names with tail's stem; None: none */
    PyObject *tail = name_tail(fullname);
    PyObject *dir = _PyImport_LoadRef(op, &self->path);
    PyObject *loaders = _PyImport_LoadRef(op, &self->loaders);
    PyObject *result = NULL, *base = NULL;
    int is_namespace = 0;
    if (tail == NULL || dir == NULL || loaders == NULL) {
        goto done;
    }
    int present = PySet_Contains(cache, tail);
    if (present < 0) {
        goto done;
    }
    if (stems != NULL) {
        if (PyDict_GetItemRef(stems, tail, &group) < 0) {
            goto done;
        }
        if (group == NULL) {
            group = Py_NewRef(Py_None);
        }
    }
    if (present) {
        base = path_join(dir, tail);
        if (base == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(loaders); i++) {
            PyObject *pair = PyList_GET_ITEM(loaders, i);
            PyObject *init = PyUnicode_FromFormat("%U/__init__%S", base,
                                                  PyTuple_GET_ITEM(pair, 0));
            int isfile = init ? path_isfile(init) : -1;
            if (isfile != 0) {
                if (isfile > 0) {
                    PyObject *locs = PyList_New(1);
                    if (locs != NULL) {
                        PyList_SET_ITEM(locs, 0, Py_NewRef(base));
                        result = finder_make_spec(PyTuple_GET_ITEM(pair, 1),
                                                  fullname, init, locs);
                        Py_DECREF(locs);
                    }
                }
                Py_XDECREF(init);
                goto done;
            }
            Py_DECREF(init);
        }
        is_namespace = path_isdir(base);
        if (is_namespace < 0) {
            goto done;
        }
    }
    int verbose = _PyImport_Verbose() >= 2;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(loaders); i++) {
        PyObject *pair = PyList_GET_ITEM(loaders, i);
        PyObject *suffix = PyTuple_GET_ITEM(pair, 0);
        if (!PyUnicode_Check(suffix)) {
            PyErr_SetString(PyExc_TypeError, "FileFinder suffixes must be str");
            goto done;
        }
        int listed = listed_with_suffix(cache, group, tail, suffix);
        /* The full path is built only when it will be used. */
        PyObject *file = listed < 0 ? NULL
                         : listed || verbose ? PyUnicode_Concat(tail, suffix)
                         : Py_NewRef(Py_None);
        PyObject *full = file == NULL || file == Py_None ? Py_XNewRef(file)
                         : path_join(dir, file);
        Py_XDECREF(file);
        if (full == NULL) {
            goto done;
        }
        if (full == Py_None) {
            Py_DECREF(full);
            continue;
        }
        verbose_trying(full);
        int isfile = listed > 0 ? path_isfile(full) : 0;
        if (isfile != 0) {
            if (isfile > 0) {
                result = finder_make_spec(PyTuple_GET_ITEM(pair, 1),
                                          fullname, full, NULL);
            }
            Py_DECREF(full);
            goto done;
        }
        Py_DECREF(full);
    }
    if (is_namespace) {
        if (_PyImport_Verbose() >= 2) {
            PySys_FormatStderr("# possible namespace for %U\n", base);
        }
        result = _PyModuleSpec_New(fullname, Py_None, Py_None, 0);
        PyObject *locs = result ? PyList_New(1) : NULL;
        if (locs == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(locs, 0, Py_NewRef(base));
        int err = _PyModuleSpec_SetLocations(result, locs);
        Py_DECREF(locs);
        if (err < 0) {
            Py_CLEAR(result);
        }
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(base);
    Py_XDECREF(tail);
    Py_XDECREF(dir);
    Py_XDECREF(loaders);
    Py_XDECREF(group);
    Py_XDECREF(stems);
    Py_DECREF(cache);
    return result;
}

static PyObject *finder_find_spec(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fullname", "target", NULL};
    PyObject *fullname, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:find_spec", kwlist,
                                     &fullname, &target)) {
        return NULL;
    }
    return finder_find(op, fullname);
}

static PyObject *finder_invalidate_caches(PyObject *op,
                                          PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    FINDER(op)->mtime = -1;
    FINDER(op)->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *pathhook_new(PyObject *cls, PyObject *details);

static PyObject *finder_path_hook(PyObject *cls, PyObject *args)
{
    return pathhook_new(cls, args);
}

static PyObject *finder_get_cache(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *cache = _PyImport_LoadRef(op, &FINDER(op)->cache);
    return cache ? cache : PySet_New(NULL);
}

static int finder_set_cache(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyAnySet_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "_path_cache must be a set");
        return -1;
    }
    /* A listing from outside has no stem index: lookups use the set. */
    PyObject *old_cache, *old_stems;
    Py_BEGIN_CRITICAL_SECTION(op);
    old_cache = FINDER(op)->cache;
    old_stems = FINDER(op)->stems;
    FINDER(op)->cache = Py_NewRef(value);
    FINDER(op)->stems = NULL;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old_cache);
    Py_XDECREF(old_stems);
    return 0;
}

static PyObject *finder_get_mtime(PyObject *op, void *closure)
{
    (void)closure;
    double mtime;
    Py_BEGIN_CRITICAL_SECTION(op);
    mtime = FINDER(op)->stamp_valid ? FINDER(op)->mtime : -1.0;
    Py_END_CRITICAL_SECTION();
    if (mtime == -1.0) {
        return PyLong_FromLong(-1);
    }
    return PyFloat_FromDouble(mtime);
}

/* Assigning _path_mtime (tests do, to force a refresh) invalidates. */
static int finder_set_mtime(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    double mtime = value ? PyFloat_AsDouble(value) : -1.0;
    if (mtime == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    FINDER(op)->mtime = mtime;
    FINDER(op)->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *finder_get_relaxed(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PySet_New(NULL);
}

static PyGetSetDef finder_getsets[] = {
    {"_path_cache", finder_get_cache, finder_set_cache, NULL, NULL},
    {"_path_mtime", finder_get_mtime, finder_set_mtime, NULL, NULL},
    {"_relaxed_path_cache", finder_get_relaxed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef finder_members[] = {
    {"path", _Py_T_OBJECT, offsetof(finderobject, path), 0, NULL},
    {"_loaders", _Py_T_OBJECT, offsetof(finderobject, loaders), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef finder_methods[] = {
    {"find_spec", _PyCFunction_CAST(finder_find_spec),
     METH_VARARGS | METH_KEYWORDS,
     "Try to find a spec for the specified module."},
    {"invalidate_caches", finder_invalidate_caches, METH_NOARGS,
     "Invalidate the directory mtime."},
    {"_fill_cache", finder_fill_cache, METH_NOARGS,
     "Fill the cache of potential modules and packages for this directory."},
    {"path_hook", finder_path_hook, METH_VARARGS | METH_CLASS,
     "A class method which returns a closure to use on sys.path_hook which "
     "will return an instance using the specified loaders and the path "
     "called on the closure."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyFileFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.FileFinder",
    .tp_basicsize = sizeof(finderobject),
    .tp_dealloc = finder_dealloc,
    .tp_repr = finder_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "FileFinder(path, *loader_details)\n--\n\n"
              "File-based finder.\n\nInteractions with the file system are "
              "cached for performance, being refreshed when the directory "
              "the finder is handling has been modified.",
    .tp_traverse = finder_traverse,
    .tp_clear = finder_clear,
    .tp_methods = finder_methods,
    .tp_members = finder_members,
    .tp_getset = finder_getsets,
    .tp_init = finder_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};


/* ---- FileFinder.path_hook's closure ------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *cls;              /* the FileFinder class (or subclass) */
    PyObject *details;          /* tuple of (loader, suffixes) */
} hookobject;

static PyObject *pathhook_new(PyObject *cls, PyObject *details)
{
    hookobject *hook = PyObject_GC_New(hookobject, &_PyFileFinderHook_Type);
    if (hook == NULL) {
        return NULL;
    }
    hook->cls = Py_NewRef(cls);
    hook->details = Py_NewRef(details);
    PyObject_GC_Track(hook);
    return (PyObject *)hook;
}

static PyObject *pathhook_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    hookobject *hook = (hookobject *)op;
    PyObject *path;
    static char *kwlist[] = {"path", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:path_hook_for_FileFinder",
                                     kwlist, &path)) {
        return NULL;
    }
    int isdir = PyUnicode_Check(path) ? path_isdir(path) : 0;
    if (isdir < 0) {
        return NULL;
    }
    if (!isdir) {
        PyObject *msg = PyUnicode_FromString("only directories are supported");
        if (msg != NULL) {
            PyErr_SetImportError(msg, NULL, path);
            Py_DECREF(msg);
        }
        return NULL;
    }
    if (hook->cls == (PyObject *)&_PyFileFinder_Type) {
        PyObject *finder = PyType_GenericAlloc(&_PyFileFinder_Type, 0);
        if (finder != NULL && finder_setup(finder, path, hook->details) < 0) {
            Py_CLEAR(finder);
        }
        return finder;
    }
    PyObject *call_args = PyTuple_New(1 + PyTuple_GET_SIZE(hook->details));
    if (call_args == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(call_args, 0, Py_NewRef(path));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(hook->details); i++) {
        PyTuple_SET_ITEM(call_args, i + 1,
                         Py_NewRef(PyTuple_GET_ITEM(hook->details, i)));
    }
    PyObject *finder = PyObject_Call(hook->cls, call_args, NULL);
    Py_DECREF(call_args);
    return finder;
}

static int pathhook_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((hookobject *)op)->cls);
    Py_VISIT(((hookobject *)op)->details);
    return 0;
}

static int pathhook_clear(PyObject *op)
{
    Py_CLEAR(((hookobject *)op)->cls);
    Py_CLEAR(((hookobject *)op)->details);
    return 0;
}

static void pathhook_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    pathhook_clear(op);
    PyObject_GC_Del(op);
}

static PyObject *pathhook_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<function FileFinder.path_hook.<locals>."
                                "path_hook_for_FileFinder at %p>", op);
}

static PyObject *pathhook_get_name(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PyUnicode_FromString("path_hook_for_FileFinder");
}

static PyObject *pathhook_get_qualname(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PyUnicode_FromString(
        "FileFinder.path_hook.<locals>.path_hook_for_FileFinder");
}

static PyGetSetDef pathhook_getsets[] = {
    {"__name__", pathhook_get_name, NULL, NULL, NULL},
    {"__qualname__", pathhook_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef pathhook_members[] = {
    {"_finder_class", _Py_T_OBJECT, offsetof(hookobject, cls), Py_READONLY, NULL},
    {"_loader_details", _Py_T_OBJECT, offsetof(hookobject, details),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyFileFinderHook_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.path_hook_for_FileFinder",
    .tp_basicsize = sizeof(hookobject),
    .tp_dealloc = pathhook_dealloc,
    .tp_repr = pathhook_repr,
    .tp_call = pathhook_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Path hook for FileFinder.",
    .tp_traverse = pathhook_traverse,
    .tp_clear = pathhook_clear,
    .tp_getset = pathhook_getsets,
    .tp_members = pathhook_members,
};

/* The (loader, suffixes) pairs FileFinder uses by default. */
PyObject *_PyImport_SupportedFileLoaders(void)
{
    PyObject *ext = _PyImport_ExtensionSuffixes();
    if (ext == NULL) {
        return NULL;
    }
    return Py_BuildValue("[(ON)(O[s])(O[s])]",
                         &_PyExtensionFileLoader_Type, ext,
                         &_PySourceFileLoader_Type, ".py",
                         &_PySourcelessFileLoader_Type, ".pyc");
}

PyObject *_PyImport_DefaultPathHook(void)
{
    PyObject *loaders = _PyImport_SupportedFileLoaders();
    if (loaders == NULL) {
        return NULL;
    }
    PyObject *details = PyList_AsTuple(loaders);
    Py_DECREF(loaders);
    if (details == NULL) {
        return NULL;
    }
    PyObject *hook = pathhook_new((PyObject *)&_PyFileFinder_Type, details);
    Py_DECREF(details);
    return hook;
}


/* ---- PathFinder ------------------------------------------------------------------- */

/* Asks each of sys.path_hooks for a finder for path entry. */
static PyObject *path_hooks_finder(PyObject *entry)
{
    PyObject *hooks = sys_attr("path_hooks");
    if (hooks == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *list = hooks == Py_None ? PyList_New(0) : PySequence_List(hooks);
    if (list == NULL) {
        Py_DECREF(hooks);
        return NULL;
    }
    if (hooks != Py_None && PyList_GET_SIZE(list) == 0
            && PyErr_WarnEx(PyExc_ImportWarning, "sys.path_hooks is empty", 1) < 0) {
        Py_DECREF(list);
        Py_DECREF(hooks);
        return NULL;
    }
    Py_DECREF(hooks);
    PyObject *finder = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        finder = PyObject_CallOneArg(PyList_GET_ITEM(list, i), entry);
        if (finder != NULL) {
            break;
        }
        if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
            Py_DECREF(list);
            return NULL;
        }
        PyErr_Clear();
    }
    Py_DECREF(list);
    return finder ? finder : Py_NewRef(Py_None);
}

/* sys.path_importer_cache[entry], computed through the path hooks when
   missing ('' stands for the current directory).  setdefault makes
   racing threads share the first finder stored. */
static PyObject *path_importer_cache(PyObject *entry)
{
    PyObject *key;
    if (PyUnicode_GET_LENGTH(entry) == 0) {
        key = current_dir();
        if (key == NULL) {
            if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
                PyErr_Clear();
                Py_RETURN_NONE;
            }
            return NULL;
        }
    }
    else {
        key = Py_NewRef(entry);
    }
    PyObject *cache = sys_attr("path_importer_cache");
    if (cache == NULL) {
        Py_DECREF(key);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.path_importer_cache");
        }
        return NULL;
    }
    PyObject *finder = NULL;
    int found = PyDict_Check(cache) ? PyDict_GetItemRef(cache, key, &finder)
                                    : -2;
    if (found == -2) {
        finder = PyObject_GetItem(cache, key);
        found = finder ? 1 : PyErr_ExceptionMatches(PyExc_KeyError) ? 0 : -1;
        if (found == 0) {
            PyErr_Clear();
        }
    }
    if (found == 0) {
        finder = path_hooks_finder(key);
        if (finder != NULL) {
            if (PyDict_Check(cache)) {
                PyObject *stored;
                if (PyDict_SetDefaultRef(cache, key, finder, &stored) < 0) {
                    Py_CLEAR(finder);
                }
                else {
                    Py_SETREF(finder, stored);
                }
            }
            else if (PyObject_SetItem(cache, key, finder) < 0) {
                Py_CLEAR(finder);
            }
        }
    }
    Py_DECREF(cache);
    Py_DECREF(key);
    return finder;
}

/* finder.find_spec(fullname, target) for one path entry's finder. */
static PyObject *entry_find_spec(PyObject *finder, PyObject *fullname,
                                 PyObject *target)
{
    if (Py_IS_TYPE(finder, &_PyFileFinder_Type)) {
        return finder_find(finder, fullname);
    }
    PyObject *method;
    if (PyObject_GetOptionalAttr(finder, _Py_INTERNED_ID(find_spec), &method) <= 0) {
        return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
    }
    PyObject *args[2] = {fullname, target ? target : Py_None};
    PyObject *spec = PyObject_Vectorcall(method, args, 2, NULL);
    Py_DECREF(method);
    return spec;
}

/* PathFinder._get_spec: the first entry's spec with a loader, or a
   namespace spec (loader None) gathering every entry's portions. */
static PyObject *pathfinder_get_spec(PyObject *fullname, PyObject *path,
                                     PyObject *target)
{
    PyObject *entries = PySequence_List(path);
    PyObject *portions = entries ? PyList_New(0) : NULL;
    if (portions == NULL) {
        Py_XDECREF(entries);
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(entries); i++) {
        PyObject *entry = PyList_GET_ITEM(entries, i);
        if (!PyUnicode_Check(entry)) {
            continue;
        }
        PyObject *finder = path_importer_cache(entry);
        if (finder == NULL) {
            goto done;
        }
        if (finder == Py_None) {
            Py_DECREF(finder);
            continue;
        }
        PyObject *spec = entry_find_spec(finder, fullname, target);
        Py_DECREF(finder);
        if (spec == NULL) {
            goto done;
        }
        if (spec == Py_None) {
            Py_DECREF(spec);
            continue;
        }
        PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
        if (loader == NULL) {
            Py_DECREF(spec);
            goto done;
        }
        Py_DECREF(loader);
        if (loader != Py_None) {
            result = spec;
            goto done;
        }
        PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
        Py_DECREF(spec);
        if (locs == NULL) {
            goto done;
        }
        if (locs == Py_None) {
            Py_DECREF(locs);
            PyErr_SetString(PyExc_ImportError, "spec missing loader");
            goto done;
        }
        int extended = PyList_Extend(portions, locs);
        Py_DECREF(locs);
        if (extended < 0) {
            goto done;
        }
    }
    result = _PyModuleSpec_New(fullname, Py_None, Py_None, 0);
    if (result != NULL) {
        if (_PyModuleSpec_SetLocations(result, portions) < 0) {
            Py_CLEAR(result);
        }
    }
done:
    Py_DECREF(portions);
    Py_DECREF(entries);
    return result;
}

static PyObject *pathfinder_get_spec_method(PyObject *cls, PyObject *args,
                                            PyObject *kwds)
{
    (void)cls;
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:_get_spec", kwlist,
                                     &fullname, &path, &target)) {
        return NULL;
    }
    return pathfinder_get_spec(fullname, path, target);
}

/* PathFinder.find_spec over path (sys.path when None). */
PyObject *_PyImport_PathFinderFindSpec(PyObject *fullname, PyObject *path,
                                       PyObject *target)
{
    PyObject *search = path != NULL && path != Py_None ? Py_NewRef(path)
                       : sys_attr("path");
    if (search == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *spec = pathfinder_get_spec(fullname, search, target);
    Py_DECREF(search);
    if (spec == NULL || spec == Py_None) {
        return spec;
    }
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    if (loader == NULL) {
        Py_DECREF(spec);
        return NULL;
    }
    Py_DECREF(loader);
    if (loader != Py_None) {
        return spec;
    }
    PyObject *portions = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
    int nonempty = portions == NULL ? -1 : PyObject_IsTrue(portions);
    PyObject *getter = nonempty > 0
        ? PyObject_GetAttrString((PyObject *)&_PyPathFinder_Type, "_get_spec")
        : NULL;
    PyObject *nspath = getter ? _PyImport_NamespacePathNew(fullname, portions,
                                                          getter) : NULL;
    Py_XDECREF(getter);
    Py_XDECREF(portions);
    if (nonempty <= 0) {
        Py_DECREF(spec);
        return nonempty < 0 ? NULL : Py_NewRef(Py_None);
    }
    if (nspath == NULL || PyObject_SetAttrString(spec, "origin", Py_None) < 0
            || PyObject_SetAttrString(spec, "submodule_search_locations",
                                      nspath) < 0) {
        Py_XDECREF(nspath);
        Py_DECREF(spec);
        return NULL;
    }
    Py_DECREF(nspath);
    return spec;
}

static PyObject *pathfinder_find_spec(PyObject *cls, PyObject *args,
                                      PyObject *kwds)
{
    (void)cls;
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path = Py_None, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:find_spec", kwlist,
                                     &fullname, &path, &target)) {
        return NULL;
    }
    return _PyImport_PathFinderFindSpec(fullname, path, target);
}

/* Drops cached None / relative-path finders and asks the others to
   invalidate their caches. */
static PyObject *pathfinder_invalidate_caches(PyObject *unused,
                                              PyObject *Py_UNUSED(ignored))
{
    (void)unused;
    PyObject *cache = sys_attr("path_importer_cache");
    if (cache == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *items = PyMapping_Items(cache);
    if (items == NULL) {
        Py_DECREF(cache);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, i), 0);
        PyObject *finder = PyTuple_GET_ITEM(PyList_GET_ITEM(items, i), 1);
        int relative = !PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0
                       || PyUnicode_READ_CHAR(key, 0) != '/';
        if (finder == Py_None || relative) {
            if (PyObject_DelItem(cache, key) < 0) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                    goto error;
                }
                PyErr_Clear();
            }
            continue;
        }
        PyObject *method;
        int has = PyObject_GetOptionalAttr(finder, _Py_INTERNED_ID(invalidate_caches),
                                           &method);
        if (has < 0) {
            goto error;
        }
        if (has) {
            PyObject *res = PyObject_CallNoArgs(method);
            Py_DECREF(method);
            if (res == NULL) {
                goto error;
            }
            Py_DECREF(res);
        }
    }
    Py_DECREF(items);
    Py_DECREF(cache);
    __atomic_fetch_add(&namespace_epoch, 1, __ATOMIC_RELAXED);
    Py_RETURN_NONE;
error:
    Py_DECREF(items);
    Py_DECREF(cache);
    return NULL;
}

static PyObject *pathfinder_importer_cache(PyObject *cls, PyObject *path)
{
    (void)cls;
    if (!PyUnicode_Check(path)) {
        PyErr_SetString(PyExc_TypeError, "path entry must be a str");
        return NULL;
    }
    return path_importer_cache(path);
}

static PyObject *pathfinder_path_hooks(PyObject *unused, PyObject *path)
{
    (void)unused;
    return path_hooks_finder(path);
}

static PyMethodDef pathfinder_methods[] = {
    {"find_spec", _PyCFunction_CAST(pathfinder_find_spec),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Try to find a spec for 'fullname' on sys.path or 'path'."},
    {"invalidate_caches", pathfinder_invalidate_caches, METH_NOARGS | METH_STATIC,
     "Call the invalidate_caches() method on all path entry finders stored "
     "in sys.path_importer_cache (where implemented)."},
    {"_path_importer_cache", pathfinder_importer_cache, METH_O | METH_CLASS,
     "Get the finder for the path entry from sys.path_importer_cache."},
    {"_path_hooks", pathfinder_path_hooks, METH_O | METH_STATIC,
     "Search sys.path_hooks for a finder for 'path'."},
    {"_get_spec", _PyCFunction_CAST(pathfinder_get_spec_method),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Find the loader or namespace_path for this module/package name."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyPathFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.PathFinder",
    .tp_basicsize = sizeof(PyObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Meta path finder for sys.path and package __path__ attributes.",
    .tp_methods = pathfinder_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};


/* ---- spec_from_file_location ------------------------------------------------------- */

/* importlib.util.spec_from_file_location: locations is NULL for "work
   it out from the loader's is_package()". */
PyObject *_PyImport_SpecFromFileLocation(PyObject *name, PyObject *location,
                                         PyObject *loader, PyObject *locations)
{
    PyObject *origin;
    if (location == NULL || location == Py_None) {
        origin = PyUnicode_FromString("<unknown>");
        PyObject *getter;
        if (origin != NULL && loader != NULL && loader != Py_None
                && PyObject_GetOptionalAttrString(loader, "get_filename",
                                                  &getter) > 0) {
            PyObject *found = PyObject_CallOneArg(getter, name);
            Py_DECREF(getter);
            if (found != NULL) {
                Py_SETREF(origin, found);
            }
            else if (PyErr_ExceptionMatches(PyExc_ImportError)) {
                PyErr_Clear();
            }
            else {
                Py_CLEAR(origin);
            }
        }
    }
    else {
        origin = fspath_str(location);
        if (origin != NULL && PyBytes_Check(origin)) {
            Py_SETREF(origin, PyUnicode_DecodeFSDefaultAndSize(
                PyBytes_AS_STRING(origin), PyBytes_GET_SIZE(origin)));
        }
        if (origin != NULL) {
            PyObject *abs = path_absolute(origin);
            if (abs != NULL) {
                Py_SETREF(origin, abs);
            }
            else {
                PyErr_Clear();
            }
        }
    }
    if (origin == NULL || PyErr_Occurred()) {
        Py_XDECREF(origin);
        return NULL;
    }
    PyObject *spec = NULL, *owned_loader = NULL;
    if (loader == NULL || loader == Py_None) {
        PyObject *table = PyUnicode_Check(origin)
                          ? _PyImport_SupportedFileLoaders() : PyList_New(0);
        if (table == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; owned_loader == NULL && i < PyList_GET_SIZE(table); i++) {
            PyObject *pair = PyList_GET_ITEM(table, i);
            PyObject *suffixes = PyTuple_GET_ITEM(pair, 1);
            for (Py_ssize_t j = 0; j < PyList_GET_SIZE(suffixes); j++) {
                const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(suffixes, j));
                if (s != NULL && str_endswith(origin, s)) {
                    PyObject *args[2] = {name, origin};
                    owned_loader = PyObject_Vectorcall(PyTuple_GET_ITEM(pair, 0),
                                                       args, 2, NULL);
                    break;
                }
            }
        }
        Py_DECREF(table);
        if (owned_loader == NULL) {
            if (!PyErr_Occurred()) {
                spec = Py_NewRef(Py_None);
            }
            goto done;
        }
        loader = owned_loader;
    }
    spec = file_spec_new(name, loader, origin, NULL);
    if (spec == NULL) {
        goto done;
    }
    if (locations == NULL) {
        PyObject *is_package;
        int has = PyObject_GetOptionalAttrString(loader, "is_package", &is_package);
        if (has < 0) {
            Py_CLEAR(spec);
            goto done;
        }
        if (has) {
            PyObject *res = PyObject_CallOneArg(is_package, name);
            Py_DECREF(is_package);
            int truth = res == NULL ? -1 : PyObject_IsTrue(res);
            Py_XDECREF(res);
            if (truth < 0 && PyErr_ExceptionMatches(PyExc_ImportError)) {
                PyErr_Clear();
                truth = 0;
            }
            if (truth < 0) {
                Py_CLEAR(spec);
                goto done;
            }
            if (truth) {
                PyObject *empty = PyList_New(0);
                if (empty == NULL) {
                    Py_CLEAR(spec);
                    goto done;
                }
                int err = _PyModuleSpec_SetLocations(spec, empty);
                Py_DECREF(empty);
                if (err < 0) {
                    Py_CLEAR(spec);
                    goto done;
                }
            }
        }
    }
    else {
        if (_PyModuleSpec_SetLocations(spec, locations) < 0) {
            Py_CLEAR(spec);
            goto done;
        }
    }
    /* An empty location list gets the file's directory. */
    PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
    if (locs == NULL) {
        Py_CLEAR(spec);
        goto done;
    }
    if (PyList_CheckExact(locs) && PyList_GET_SIZE(locs) == 0
            && PyUnicode_Check(origin) && PyUnicode_GET_LENGTH(origin) > 0) {
        PyObject *dir = path_dirname(origin);
        if (dir == NULL || PyList_Append(locs, dir) < 0) {
            Py_CLEAR(spec);
        }
        Py_XDECREF(dir);
    }
    Py_DECREF(locs);
done:
    Py_XDECREF(owned_loader);
    Py_DECREF(origin);
    return spec;
}


/* ---- _frozen_importlib_external ------------------------------------------------- */

/* The marker for "submodule_search_locations not given". */
static PyObject *ext_spec_from_file_location(PyObject *self, PyObject *args,
                                             PyObject *kwds)
{
    (void)self;
    static char *kwlist[] = {"name", "location", "loader",
                             "submodule_search_locations", NULL};
    PyObject *name, *location = Py_None, *loader = Py_None, *locations = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     "O|O$OO:spec_from_file_location", kwlist,
                                     &name, &location, &loader, &locations)) {
        return NULL;
    }
    return _PyImport_SpecFromFileLocation(name, location, loader, locations);
}

static PyObject *ext_decode_source(PyObject *self, PyObject *data)
{
    (void)self;
    return _PyImport_DecodeSource(data);
}

static PyObject *ext_cache_from_source(PyObject *self, PyObject *args,
                                       PyObject *kwds)
{
    (void)self;
    static char *kwlist[] = {"path", "debug_override", "optimization", NULL};
    PyObject *path, *debug = Py_None, *optimization = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:cache_from_source",
                                     kwlist, &path, &debug, &optimization)) {
        return NULL;
    }
    if (debug != Py_None) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning, "the debug_override "
                         "parameter is deprecated; use 'optimization' "
                         "instead", 1) < 0) {
            return NULL;
        }
        if (optimization != Py_None) {
            PyErr_SetString(PyExc_TypeError, "debug_override or optimization "
                            "must be set to None");
            return NULL;
        }
        int truth = PyObject_IsTrue(debug);
        if (truth < 0) {
            return NULL;
        }
        optimization = truth ? NULL : Py_None;
    }
    PyObject *source = fspath_str(path);
    if (source == NULL) {
        return NULL;
    }
    PyObject *opt = NULL;
    if (optimization == NULL) {
        opt = PyUnicode_FromString("");
    }
    else if (optimization != Py_None) {
        opt = PyObject_Str(optimization);
        for (Py_ssize_t i = 0; opt != NULL && i < PyUnicode_GET_LENGTH(opt); i++) {
            if (!Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(opt, i))) {
                PyErr_Format(PyExc_ValueError, "%R is not alphanumeric", opt);
                Py_CLEAR(opt);
            }
        }
        if (opt == NULL) {
            Py_DECREF(source);
            return NULL;
        }
    }
    PyObject *result = _PyImport_CacheFromSource(source, opt);
    Py_XDECREF(opt);
    Py_DECREF(source);
    return result;
}

static PyObject *ext_supported_loaders(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)self;
    return _PyImport_SupportedFileLoaders();
}

static PyMethodDef external_functions[] = {
    {"spec_from_file_location", _PyCFunction_CAST(ext_spec_from_file_location),
     METH_VARARGS | METH_KEYWORDS,
     "Return a module spec based on a file location."},
    {"decode_source", ext_decode_source, METH_O,
     "Decode bytes representing source code and return the string, with "
     "universal newline support."},
    {"cache_from_source", _PyCFunction_CAST(ext_cache_from_source),
     METH_VARARGS | METH_KEYWORDS,
     "Given the path to a .py file, return the path to its .pyc file."},
    {"_get_supported_file_loaders", ext_supported_loaders, METH_NOARGS,
     "Returns a list of file-based module loaders."},
    {NULL, NULL, 0, NULL},
};

static int add_str_list(PyObject *module, const char *name,
                        const char *const *items)
{
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && items[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
    }
    return PyModule_Add(module, name, list);
}

int _PyImport_FillExternalModule(PyObject *module)
{
    static const char *const source[] = {".py", NULL};
    static const char *const bytecode[] = {".pyc", NULL};
    static PyTypeObject *const types[] = {
        &_PyPathFinder_Type, &_PyFileFinder_Type, &_PyFileLoader_Type,
        &_PySourceFileLoader_Type, &_PySourcelessFileLoader_Type,
        &_PyExtensionFileLoader_Type, &_PyNamespaceLoader_Type,
        &_PyNamespacePath_Type, NULL,
    };
    for (size_t i = 0; types[i] != NULL; i++) {
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(module, dot + 1, (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddFunctions(module, external_functions) < 0
            || add_str_list(module, "SOURCE_SUFFIXES", source) < 0
            || add_str_list(module, "BYTECODE_SUFFIXES", bytecode) < 0
            || add_str_list(module, "DEBUG_BYTECODE_SUFFIXES", bytecode) < 0
            || add_str_list(module, "OPTIMIZED_BYTECODE_SUFFIXES", bytecode) < 0
            || PyModule_Add(module, "EXTENSION_SUFFIXES",
                            _PyImport_ExtensionSuffixes()) < 0
            || PyModule_Add(module, "MAGIC_NUMBER", PyBytes_FromStringAndSize(
                   (const char *)_PyPyc_MagicNumber, 4)) < 0) {
        return -1;
    }
    return 0;
}
