/* The bytecode cache (Include/internal/pycore_pyc.h).

   A module's compiled code is kept in __pycache__/NAME.TAG[.opt-N].pyc
   next to its source (or under sys.pycache_prefix), TAG being
   sys.implementation.cache_tag.  The file is a 16-byte header followed
   by the marshalled code object:

       0  magic      _PyPyc_MagicNumber: 2-byte little-endian number, "\r\n"
       4  flags      0: validated by the source's mtime and size;
                     bit 0: hash-based, bit 1: check the hash on import
       8  mtime      source modification time, seconds, low 32 bits
      12  size       source size in bytes, low 32 bits
                     (hash-based: 8..16 is _PyPyc_SourceHash of the
                     source, keyed by the magic number)

   Concurrency: several threads or processes may import one module at
   once.  A cache file is never written in place: the data goes to a new
   file with a unique name (O_EXCL) in the same directory, which is then
   renamed over the cache path, so a reader sees either the old file, the
   new one, or none, never a partial one.  A reader that still finds a
   bad file (truncated by a crash, corrupt, another build's) ignores it
   and recompiles.  No state here is shared between threads: every call
   works on its own buffers, and reads sys attributes as new references
   (another thread may replace them meanwhile). */
#include "Python.h"
#include "marshal.h"
#include "pycore_code.h"
#include "pycore_initconfig.h"
#include "pycore_pyc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

/* 0xF7xx: far above every CPython magic number, so neither
   implementation mistakes the other's files for its own.  Bumped
   whenever the bytecode, what the compiler emits for a construct, or the
   marshalled code layout changes, since a cache written by an older
   build would otherwise run under rules it was not compiled for.
   0xF758: session 8 (inlined comprehensions with nested scopes, borrowed
   call arguments, operator-dunder opcodes).
   0xF759: session 9 (match captures stored after the whole pattern,
   generator lambdas returning their value, the implicit re-raise's line,
   the mixed float/int forms' operands).
   0xF75A: session 10 (a class body's implicit cells apart from its free
   variables, lines of constant tests, jumps threaded through lineless
   jumps, lineless `return None` blocks inlined at the jumps to them,
   SyntaxWarnings raised as SyntaxErrors under -Werror).
   0xF75B: session 11 (class-body comprehensions reading __class__ run
   inline, RESUME and RETURN_GENERATOR positions).
   0xF75C: session 12 (an assert's raise is at the test's position).
   0xF75D: session 13 (a comprehension's iterator errors are at the
   iterable; an inlined comprehension reads a global that an earlier one
   bound as a hidden local with LOAD_GLOBAL).
   0xF75E: session 13 (a class body stores __classdictcell__; annotation
   and type scopes pass on names the class binds as free variables). */
const unsigned char _PyPyc_MagicNumber[4] = {0x5E, 0xF7, '\r', '\n'};

#define PYC_HEADER_SIZE 16
#define PYC_FLAG_HASH_BASED 0x1
#define PYC_FLAG_CHECK_SOURCE 0x2

/* ---- reading files ----------------------------------------------------- */

/* The whole file at path as bytes; with its stat data in *st when st is
   not NULL.  NULL with OSError on failure. */
static PyObject *
read_whole_file(PyObject *path, struct stat *st)
{
    PyObject *encoded = PyUnicode_EncodeFSDefault(path);
    if (encoded == NULL) {
        return NULL;
    }
    int fd;
    do {
        fd = open(PyBytes_AS_STRING(encoded), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    Py_DECREF(encoded);
    struct stat local;
    if (st == NULL) {
        st = &local;
    }
    if (fd < 0 || fstat(fd, st) < 0) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    if (S_ISDIR(st->st_mode)) {
        close(fd);
        errno = EISDIR;
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    /* st_size is a hint: the file may change while it is read. */
    Py_ssize_t capacity = st->st_size > 0 && st->st_size < PY_SSIZE_T_MAX
                          ? (Py_ssize_t)st->st_size + 1 : 4096;
    PyObject *data = PyBytes_FromStringAndSize(NULL, capacity);
    Py_ssize_t used = 0;
    while (data != NULL) {
        if (used == capacity) {
            capacity *= 2;
            if (_PyBytes_Resize(&data, capacity) < 0) {
                break;
            }
        }
        ssize_t n = read(fd, PyBytes_AS_STRING(data) + used,
                         (size_t)(capacity - used));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
            Py_CLEAR(data);
            break;
        }
        if (n == 0) {
            _PyBytes_Resize(&data, used);
            break;
        }
        used += n;
    }
    close(fd);
    return data;
}

static uint32_t
read_u32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static void
write_u32le(unsigned char *p, uint32_t x)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (unsigned char)(x >> (8 * i));
    }
}

/* ---- the source hash of hash-based pycs --------------------------------- */

static uint64_t
rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

/* One SipHash compression round over the state v[0..3]. */
static void
sip_round(uint64_t v[4])
{
    v[0] += v[1];
    v[1] = rotl64(v[1], 13) ^ v[0];
    v[0] = rotl64(v[0], 32);
    v[2] += v[3];
    v[3] = rotl64(v[3], 16) ^ v[2];
    v[0] += v[3];
    v[3] = rotl64(v[3], 21) ^ v[0];
    v[2] += v[1];
    v[1] = rotl64(v[1], 17) ^ v[2];
    v[2] = rotl64(v[2], 32);
}

/* SipHash-1-3 with the 128-bit key (key, 0): fast, and keyed by the magic
   number so that a new bytecode format also changes every hash. */
uint64_t
_PyPyc_SourceHash(uint64_t key, const char *data, Py_ssize_t len)
{
    uint64_t v[4] = {
        key ^ 0x736f6d6570736575ULL, 0x646f72616e646f6dULL,
        key ^ 0x6c7967656e657261ULL, 0x7465646279746573ULL,
    };
    const unsigned char *p = (const unsigned char *)data;
    Py_ssize_t whole = len - len % 8;
    for (Py_ssize_t i = 0; i < whole; i += 8) {
        uint64_t m = 0;
        for (int k = 7; k >= 0; k--) {
            m = m << 8 | p[i + k];
        }
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    uint64_t last = (uint64_t)len << 56;
    for (Py_ssize_t k = len % 8 - 1; k >= 0; k--) {
        last |= (uint64_t)p[whole + k] << (8 * k);
    }
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int r = 0; r < 3; r++) {
        sip_round(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

static uint64_t
source_hash_of(PyObject *source)
{
    return _PyPyc_SourceHash(read_u32le(_PyPyc_MagicNumber),
                             PyBytes_AS_STRING(source),
                             PyBytes_GET_SIZE(source));
}

/* ---- cache paths ------------------------------------------------------- */

/* "/".join(part.rstrip("/") for part in parts if part), as importlib's
   _path_join on POSIX. */
static PyObject *
path_join(PyObject *const *parts, int n)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(parts[i]);
        if (len == 0) {
            continue;
        }
        while (len > 0 && PyUnicode_READ_CHAR(parts[i], len - 1) == '/') {
            len--;
        }
        PyObject *part = PyUnicode_Substring(parts[i], 0, len);
        if (part == NULL || PyList_Append(list, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString("/");
    PyObject *joined = sep == NULL ? NULL : PyUnicode_Join(sep, list);
    Py_XDECREF(sep);
    Py_DECREF(list);
    return joined;
}

/* The optimization suffix: "" for none, else ".opt-" + the level, which
   must be alphanumeric (ValueError otherwise, as importlib). */
static PyObject *
optimization_suffix(PyObject *optimization)
{
    PyObject *opt;
    if (optimization == NULL || optimization == Py_None) {
        int level = _Py_GetConfig()->optimization_level;
        opt = level > 0 ? PyUnicode_FromFormat("%d", level)
                        : PyUnicode_FromString("");
    }
    else {
        opt = PyObject_Str(optimization);
    }
    if (opt == NULL || PyUnicode_GET_LENGTH(opt) == 0) {
        return opt;
    }
    PyObject *alnum = PyObject_CallMethod(opt, "isalnum", NULL);
    if (alnum == NULL) {
        Py_DECREF(opt);
        return NULL;
    }
    int ok = PyObject_IsTrue(alnum);
    Py_DECREF(alnum);
    if (ok <= 0) {
        if (ok == 0) {
            PyErr_Format(PyExc_ValueError, "%R is not alphanumeric", opt);
        }
        Py_DECREF(opt);
        return NULL;
    }
    PyObject *suffix = PyUnicode_FromFormat(".opt-%U", opt);
    Py_DECREF(opt);
    return suffix;
}

/* sys.implementation.cache_tag as a new str; NotImplementedError when it
   is None. */
static PyObject *
cache_tag(void)
{
    PyObject *impl = PySys_GetAttrString("implementation");
    if (impl == NULL) {
        return NULL;
    }
    PyObject *tag = PyObject_GetAttrString(impl, "cache_tag");
    Py_DECREF(impl);
    if (tag == NULL) {
        return NULL;
    }
    if (tag == Py_None) {
        Py_DECREF(tag);
        PyErr_SetString(PyExc_NotImplementedError,
                        "sys.implementation.cache_tag is None");
        return NULL;
    }
    if (!PyUnicode_Check(tag)) {
        Py_DECREF(tag);
        PyErr_SetString(PyExc_TypeError,
                        "sys.implementation.cache_tag must be a str");
        return NULL;
    }
    return tag;
}

/* Split path at its last "/": new references to head and tail. */
static int
split_path(PyObject *path, PyObject **head, PyObject **tail)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(path);
    Py_ssize_t slash = PyUnicode_FindChar(path, '/', 0, len, -1);
    if (slash == -2) {
        return -1;
    }
    *head = PyUnicode_Substring(path, 0, slash < 0 ? 0 : slash);
    *tail = PyUnicode_Substring(path, slash + 1, len);
    if (*head == NULL || *tail == NULL) {
        Py_CLEAR(*head);
        Py_CLEAR(*tail);
        return -1;
    }
    return 0;
}

/* The directory part under sys.pycache_prefix: head made absolute and
   stripped of its leading slashes. */
static PyObject *
prefixed_head(PyObject *prefix, PyObject *head)
{
    PyObject *absolute;
    if (PyUnicode_GET_LENGTH(head) > 0
            && PyUnicode_READ_CHAR(head, 0) == '/') {
        absolute = Py_NewRef(head);
    }
    else {
        char cwd[4096];
        if (getcwd(cwd, sizeof(cwd)) == NULL) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        PyObject *parts[2] = {PyUnicode_DecodeFSDefault(cwd), head};
        if (parts[0] == NULL) {
            return NULL;
        }
        absolute = path_join(parts, 2);
        Py_DECREF(parts[0]);
        if (absolute == NULL) {
            return NULL;
        }
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(absolute);
    Py_ssize_t start = 0;
    while (start < len && PyUnicode_READ_CHAR(absolute, start) == '/') {
        start++;
    }
    PyObject *parts[2] = {prefix, NULL};
    parts[1] = PyUnicode_Substring(absolute, start, len);
    Py_DECREF(absolute);
    if (parts[1] == NULL) {
        return NULL;
    }
    PyObject *joined = path_join(parts, 2);
    Py_DECREF(parts[1]);
    return joined;
}

PyObject *
_PyPyc_CacheFromSource(PyObject *source_path, PyObject *optimization)
{
    if (!PyUnicode_Check(source_path)) {
        PyErr_Format(PyExc_TypeError, "expected str, not %.100s",
                     Py_TYPE(source_path)->tp_name);
        return NULL;
    }
    PyObject *head = NULL, *tail = NULL, *tag = NULL, *suffix = NULL;
    PyObject *filename = NULL, *result = NULL;
    if (split_path(source_path, &head, &tail) < 0
            || (tag = cache_tag()) == NULL
            || (suffix = optimization_suffix(optimization)) == NULL) {
        goto done;
    }
    /* tail.rpartition("."): "mod.py" -> "mod." + tag; a name without a
       dot keeps its whole self and gets the tag appended directly. */
    Py_ssize_t len = PyUnicode_GET_LENGTH(tail);
    Py_ssize_t dot = PyUnicode_FindChar(tail, '.', 0, len, -1);
    if (dot == -2) {
        goto done;
    }
    if (dot < 0) {
        filename = PyUnicode_FromFormat("%U%U%U.pyc", tail, tag, suffix);
    }
    else {
        PyObject *base = PyUnicode_Substring(tail, 0, dot);
        if (base == NULL) {
            goto done;
        }
        PyObject *stem = PyUnicode_GET_LENGTH(base) > 0
                         ? Py_NewRef(base)
                         : PyUnicode_Substring(tail, dot + 1, len);
        Py_DECREF(base);
        if (stem == NULL) {
            goto done;
        }
        filename = PyUnicode_FromFormat("%U.%U%U.pyc", stem, tag, suffix);
        Py_DECREF(stem);
    }
    if (filename == NULL) {
        goto done;
    }
    PyObject *prefix;
    if (PySys_GetOptionalAttrString("pycache_prefix", &prefix) < 0) {
        goto done;
    }
    if (prefix != NULL && prefix != Py_None && PyUnicode_Check(prefix)) {
        PyObject *dir = prefixed_head(prefix, head);
        if (dir != NULL) {
            PyObject *parts[2] = {dir, filename};
            result = path_join(parts, 2);
            Py_DECREF(dir);
        }
    }
    else {
        PyObject *pycache = PyUnicode_FromString("__pycache__");
        if (pycache != NULL) {
            PyObject *parts[3] = {head, pycache, filename};
            result = path_join(parts, 3);
            Py_DECREF(pycache);
        }
    }
    Py_XDECREF(prefix);
done:
    Py_XDECREF(head);
    Py_XDECREF(tail);
    Py_XDECREF(tag);
    Py_XDECREF(suffix);
    Py_XDECREF(filename);
    return result;
}

/* ---- loading ----------------------------------------------------------- */

/* The code object in pyc bytes after the header, or NULL with the
   unmarshalling error (or ImportError for a non-code value). */
static PyObject *
code_from_pyc_data(PyObject *data, PyObject *name, PyObject *pyc_path)
{
    PyObject *code = PyMarshal_ReadObjectFromString(
        PyBytes_AS_STRING(data) + PYC_HEADER_SIZE,
        PyBytes_GET_SIZE(data) - PYC_HEADER_SIZE);
    if (code != NULL && !PyCode_Check(code)) {
        Py_DECREF(code);
        PyObject *msg = PyUnicode_FromFormat("Non-code object in %R",
                                             pyc_path);
        if (msg != NULL) {
            PyErr_SetImportError(msg, name, pyc_path);
            Py_DECREF(msg);
        }
        return NULL;
    }
    return code;
}

/* Point co_filename of co and its nested code objects at filename (the
   cache may have been written for the same file under another path).
   Only for code just unmarshalled, which no other thread can see yet. */
static void
fix_filenames(PyCodeObject *co, PyObject *old, PyObject *filename)
{
    if (co->co_filename != old
            && PyUnicode_Compare(co->co_filename, old) != 0) {
        return;
    }
    Py_SETREF(co->co_filename, Py_NewRef(filename));
    PyObject *consts = co->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *item = PyTuple_GET_ITEM(consts, i);
        if (PyCode_Check(item)) {
            fix_filenames((PyCodeObject *)item, old, filename);
        }
    }
}

/* Whether a cache header (with Weft's magic) still describes the source.
   Timestamp pycs (flags 0) record the source's mtime and size; hash
   pycs (flags bit 0) its hash, checked when flags bit 1 says so, unless
   --check-hash-based-pycs says "always" or "never". */
static int
header_matches(const unsigned char *header, const struct stat *st,
               PyObject *source)
{
    uint32_t flags = read_u32le(header + 4);
    if (flags == 0) {
        return read_u32le(header + 8) == (uint32_t)st->st_mtime
               && read_u32le(header + 12) == (uint32_t)st->st_size;
    }
    if (flags & ~(uint32_t)(PYC_FLAG_HASH_BASED | PYC_FLAG_CHECK_SOURCE)
            || !(flags & PYC_FLAG_HASH_BASED)) {
        return 0;
    }
    const wchar_t *mode = _Py_GetConfig()->check_hash_pycs_mode;
    int check = (flags & PYC_FLAG_CHECK_SOURCE) != 0;
    if (mode != NULL && wcscmp(mode, L"always") == 0) {
        check = 1;
    }
    else if (mode != NULL && wcscmp(mode, L"never") == 0) {
        check = 0;
    }
    if (!check) {
        return 1;
    }
    uint64_t stored = (uint64_t)read_u32le(header + 8)
                      | (uint64_t)read_u32le(header + 12) << 32;
    return stored == source_hash_of(source);
}

/* The cached code for a source (contents `source`, stat data st), or
   NULL without an exception when the cache is missing, stale or
   unreadable.  *flags receives the flags of a well-formed cache header
   (so that a stale hash-based pyc is replaced by another one), else 0. */
static PyObject *
load_fresh_cache(PyObject *cache_path, const struct stat *st,
                 PyObject *source, PyObject *source_path, PyObject *name,
                 uint32_t *flags)
{
    *flags = 0;
    PyObject *data = read_whole_file(cache_path, NULL);
    if (data == NULL) {
        PyErr_Clear();
        return NULL;
    }
    const unsigned char *header = (const unsigned char *)PyBytes_AS_STRING(data);
    PyObject *code = NULL;
    if (PyBytes_GET_SIZE(data) >= PYC_HEADER_SIZE
            && memcmp(header, _PyPyc_MagicNumber, 4) == 0) {
        uint32_t found = read_u32le(header + 4);
        *flags = found & ~(uint32_t)(PYC_FLAG_HASH_BASED
                                     | PYC_FLAG_CHECK_SOURCE) ? 0 : found;
        if (header_matches(header, st, source)) {
            code = code_from_pyc_data(data, name, cache_path);
            if (code == NULL) {
                PyErr_Clear();
            }
        }
    }
    Py_DECREF(data);
    if (code != NULL) {
        PyCodeObject *co = (PyCodeObject *)code;
        if (PyUnicode_Compare(co->co_filename, source_path) != 0) {
            PyObject *old = Py_NewRef(co->co_filename);
            fix_filenames(co, old, source_path);
            Py_DECREF(old);
        }
        if (_Py_GetConfig()->verbose) {
            PySys_FormatStderr("# code object from %R\n", cache_path);
        }
    }
    return code;
}

PyObject *
_PyPyc_LoadSourceless(PyObject *pyc_path, PyObject *module_name)
{
    PyObject *data = read_whole_file(pyc_path, NULL);
    if (data == NULL) {
        return NULL;
    }
    PyObject *code = NULL;
    Py_ssize_t size = PyBytes_GET_SIZE(data);
    const unsigned char *header = (const unsigned char *)PyBytes_AS_STRING(data);
    if (size < 4 || memcmp(header, _PyPyc_MagicNumber, 4) != 0) {
        PyObject *magic = PyBytes_FromStringAndSize((const char *)header,
                                                    size < 4 ? size : 4);
        PyObject *msg = magic == NULL ? NULL : PyUnicode_FromFormat(
            "bad magic number in %R: %R", module_name, magic);
        if (msg != NULL) {
            PyErr_SetImportError(msg, module_name, pyc_path);
        }
        Py_XDECREF(msg);
        Py_XDECREF(magic);
    }
    else if (size < PYC_HEADER_SIZE) {
        PyErr_Format(PyExc_EOFError,
                     "reached EOF while reading pyc header of %R",
                     module_name);
    }
    else if (read_u32le(header + 4) & ~(uint32_t)0x3) {
        PyObject *msg = PyUnicode_FromFormat(
            "invalid flags %lu in %R",
            (unsigned long)read_u32le(header + 4), module_name);
        if (msg != NULL) {
            PyErr_SetImportError(msg, module_name, pyc_path);
            Py_DECREF(msg);
        }
    }
    else {
        code = code_from_pyc_data(data, module_name, pyc_path);
    }
    Py_DECREF(data);
    return code;
}

/* ---- writing ----------------------------------------------------------- */

/* Create the directories of path's parent that are missing (the cache
   directory, or a tree under sys.pycache_prefix).  0, or -1. */
static int
make_parent_dirs(char *path)
{
    for (char *p = path + 1; *p != '\0'; p++) {
        if (*p != '/') {
            continue;
        }
        *p = '\0';
        int rc = mkdir(path, 0777);
        int err = errno;
        *p = '/';
        if (rc < 0 && err != EEXIST) {
            return -1;
        }
    }
    return 0;
}

static int
write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Write data to path atomically: into a new, uniquely named file in the
   same directory, then renamed over path.  0, or -1 (errno set; nothing
   is left behind). */
static int
write_atomic(const char *path, const char *data, size_t len, mode_t mode)
{
    static unsigned long counter;       /* only makes names differ */
    size_t pathlen = strlen(path);
    char *tmp = PyMem_Malloc(pathlen + 64);
    if (tmp == NULL) {
        errno = ENOMEM;
        return -1;
    }
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; attempt++) {
        unsigned long n = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        snprintf(tmp, pathlen + 64, "%s.%ld.%lu.tmp", path, (long)getpid(), n);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0 && errno != EEXIST && errno != EINTR) {
            break;
        }
    }
    if (fd < 0) {
        PyMem_Free(tmp);
        return -1;
    }
    int failed = write_all(fd, data, len) < 0;
    failed = close(fd) < 0 || failed;
    if (failed || rename(tmp, path) < 0) {
        int err = errno;
        unlink(tmp);
        errno = err;
        PyMem_Free(tmp);
        return -1;
    }
    PyMem_Free(tmp);
    return 0;
}

static int
bytecode_writing_disabled(void)
{
    PyObject *flag;
    if (PySys_GetOptionalAttrString("dont_write_bytecode", &flag) <= 0) {
        PyErr_Clear();
        return 0;
    }
    int disabled = PyObject_IsTrue(flag);
    Py_DECREF(flag);
    if (disabled < 0) {
        PyErr_Clear();
        return 1;
    }
    return disabled;
}

/* Best effort: any failure (read-only directory, full disk, an object
   marshal cannot write) leaves no file and no exception.  flags selects
   a timestamp pyc (0) or a hash-based one. */
static void
write_cache(PyObject *cache_path, PyObject *code, const struct stat *st,
            PyObject *source, uint32_t flags)
{
    PyObject *body = PyMarshal_WriteObjectToString(code, Py_MARSHAL_VERSION);
    PyObject *encoded = body == NULL ? NULL
                        : PyUnicode_EncodeFSDefault(cache_path);
    PyObject *file = encoded == NULL ? NULL : PyBytes_FromStringAndSize(
        NULL, PYC_HEADER_SIZE + PyBytes_GET_SIZE(body));
    if (file != NULL) {
        unsigned char *p = (unsigned char *)PyBytes_AS_STRING(file);
        memcpy(p, _PyPyc_MagicNumber, 4);
        write_u32le(p + 4, flags);
        if (flags & PYC_FLAG_HASH_BASED) {
            uint64_t hash = source_hash_of(source);
            write_u32le(p + 8, (uint32_t)hash);
            write_u32le(p + 12, (uint32_t)(hash >> 32));
        }
        else {
            write_u32le(p + 8, (uint32_t)st->st_mtime);
            write_u32le(p + 12, (uint32_t)st->st_size);
        }
        memcpy(p + PYC_HEADER_SIZE, PyBytes_AS_STRING(body),
               (size_t)PyBytes_GET_SIZE(body));
        /* The cache is as readable as its source, and writable by us. */
        mode_t mode = (st->st_mode | 0200) & 0666;
        char *path = PyBytes_AS_STRING(encoded);
        if (make_parent_dirs(path) == 0
                && write_atomic(path, PyBytes_AS_STRING(file),
                                (size_t)PyBytes_GET_SIZE(file), mode) == 0
                && _Py_GetConfig()->verbose) {
            PySys_FormatStderr("# wrote %R\n", cache_path);
        }
    }
    PyErr_Clear();
    Py_XDECREF(file);
    Py_XDECREF(encoded);
    Py_XDECREF(body);
}

/* Compile source bytes; SyntaxError for NUL bytes, as CPython. */
static PyObject *
compile_bytes(PyObject *source, PyObject *source_path)
{
    if (strlen(PyBytes_AS_STRING(source)) !=
            (size_t)PyBytes_GET_SIZE(source)) {
        PyErr_SetString(PyExc_SyntaxError,
                        "source code string cannot contain null bytes");
        return NULL;
    }
    return Py_CompileStringObject(PyBytes_AS_STRING(source), source_path,
                                  Py_file_input, NULL, -1);
}

PyObject *
_PyPyc_CompileSourceCached(PyObject *source_path, PyObject *module_name)
{
    struct stat st;
    PyObject *source = read_whole_file(source_path, &st);
    if (source == NULL) {
        return NULL;
    }
    /* No cache path (cache_tag None, odd name): just compile. */
    PyObject *cache_path = _PyPyc_CacheFromSource(source_path, NULL);
    if (cache_path == NULL) {
        PyErr_Clear();
    }
    PyObject *code = NULL;
    uint32_t flags = 0;
    if (cache_path != NULL) {
        code = load_fresh_cache(cache_path, &st, source, source_path,
                                module_name, &flags);
    }
    if (code == NULL) {
        code = compile_bytes(source, source_path);
        if (code != NULL && cache_path != NULL
                && !bytecode_writing_disabled()) {
            write_cache(cache_path, code, &st, source, flags);
        }
    }
    Py_DECREF(source);
    Py_XDECREF(cache_path);
    return code;
}
