/* The path-based half of the import system (CPython's
   importlib._bootstrap_external), written in C so that start-up imports
   no .py file: the loaders (FileLoader and its source, sourceless and
   extension subclasses, NamespaceLoader and _NamespacePath), the path
   helpers the finders share, and the _frozen_importlib_external module.
   The finders (PathFinder, FileFinder and its path hook) are in
   Python/import_finders.c.  They carry CPython's names and methods; Python
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
PyObject *_PyImport_SysAttr(const char *name)
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
PyObject *_PyImport_NameTail(PyObject *name)
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

PyObject *_PyImport_CurrentDir(void)
{
    char buf[4096];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

/* dir + "/" + tail, without doubling a trailing slash. */
PyObject *_PyImport_PathJoin(PyObject *dir, PyObject *tail)
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
PyObject *_PyImport_PathAbsolute(PyObject *path)
{
    if (PyUnicode_GET_LENGTH(path) > 0 && PyUnicode_READ_CHAR(path, 0) == '/') {
        return Py_NewRef(path);
    }
    PyObject *cwd = _PyImport_CurrentDir();
    if (cwd == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_GET_LENGTH(path) == 0 ? Py_NewRef(cwd)
                       : _PyImport_PathJoin(cwd, path);
    Py_DECREF(cwd);
    return result;
}

/* os.fspath(path) as a str (bytes are decoded), new reference. */
PyObject *_PyImport_FSPathStr(PyObject *path)
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
int _PyImport_StatPath(PyObject *path, struct stat *st)
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
    int found = _PyImport_StatPath(path, &st);
    if (found <= 0) {
        return found;
    }
    return (st.st_mode & S_IFMT) == kind;
}

int _PyImport_PathIsFile(PyObject *path) { return path_is_mode(path, S_IFREG); }

/* An empty path means the current directory, as in CPython. */
int _PyImport_PathIsDir(PyObject *path)
{
    if (PyUnicode_GET_LENGTH(path) == 0) {
        PyObject *cwd = _PyImport_CurrentDir();
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
PyObject *_PyImport_FileSpecNew(PyObject *name, PyObject *loader,
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

PyObject *_PyImport_LoaderNewExact(PyTypeObject *type, PyObject *name,
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
    PyObject *fspath = _PyImport_FSPathStr(path);
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
    PyObject *tail = stem && PyUnicode_Check(fullname) ? _PyImport_NameTail(fullname)
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
        PyObject *fspath = _PyImport_FSPathStr(path);
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

/* Python/import_extension.c runs the extension's entry point (and the
   GIL gate); these methods add what importlib's loader says under -v. */

static PyObject *extloader_create_module(PyObject *op, PyObject *spec)
{
    PyObject *module = _PyImport_CreateExtension(spec);
    if (module != NULL && _PyImport_Verbose()) {
        PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
        PyObject *path = _PyImport_LoadRef(op, &LOADER(op)->path);
        if (name != NULL && path != NULL) {
            PySys_FormatStderr("# extension module %R loaded from %R\n",
                               name, path);
        }
        Py_XDECREF(name);
        Py_XDECREF(path);
        PyErr_Clear();
    }
    return module;
}

static PyObject *extloader_exec_module(PyObject *op, PyObject *module)
{
    if (_PyImport_ExecExtension(module) < 0) {
        return NULL;
    }
    if (_PyImport_Verbose()) {
        PyObject *name = PyModule_Check(module) ? PyModule_GetNameObject(module)
                                                : NULL;
        PyObject *path = _PyImport_LoadRef(op, &LOADER(op)->path);
        if (name != NULL && path != NULL) {
            PySys_FormatStderr("# extension module %R executed from %R\n",
                               name, path);
        }
        Py_XDECREF(name);
        Py_XDECREF(path);
        PyErr_Clear();
    }
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

/* Bumped by PathFinder.invalidate_caches() (atomically); read without a
   lock. */
static long namespace_epoch;

void _PyImport_InvalidateNamespacePaths(void)
{
    __atomic_fetch_add(&namespace_epoch, 1, __ATOMIC_RELAXED);
}

static PyObject *nspath_parent_path(nspathobject *self)
{
    PyObject *parent = name_parent(self->name);
    if (parent == NULL) {
        return NULL;
    }
    PyObject *path;
    if (PyUnicode_GET_LENGTH(parent) == 0) {
        path = _PyImport_SysAttr("path");
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
        origin = _PyImport_FSPathStr(location);
        if (origin != NULL && PyBytes_Check(origin)) {
            Py_SETREF(origin, PyUnicode_DecodeFSDefaultAndSize(
                PyBytes_AS_STRING(origin), PyBytes_GET_SIZE(origin)));
        }
        if (origin != NULL) {
            PyObject *abs = _PyImport_PathAbsolute(origin);
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
    spec = _PyImport_FileSpecNew(name, loader, origin, NULL);
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
    PyObject *source = _PyImport_FSPathStr(path);
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
