/* The inittab: every C module built into the interpreter (DESIGN.md s.2).

   One line per module in BUILTIN_MODULES, X(name) for a module whose
   init function is PyInit_<name>.  builtins and sys are created by the
   runtime at start-up and live in sys.modules from then on, so their
   entries carry no init function.  The table is read-only after
   Py_Initialize except through PyImport_ExtendInittab, which CPython
   also allows only before start-up. */
#include "Python.h"
#include "pycore_import.h"

/* Modules over optional system libraries (configure decides). */
#ifdef HAVE_LIBBZ2
#  define OPTIONAL_BZ2(X) X(_bz2)
#else
#  define OPTIONAL_BZ2(X)
#endif
#ifdef HAVE_LIBLZMA
#  define OPTIONAL_LZMA(X) X(_lzma)
#else
#  define OPTIONAL_LZMA(X)
#endif
#ifdef HAVE_LIBZSTD
#  define OPTIONAL_ZSTD(X) X(_zstd)
#else
#  define OPTIONAL_ZSTD(X)
#endif
#ifdef HAVE_LIBGDBM
#  define OPTIONAL_GDBM(X) X(_gdbm)
#else
#  define OPTIONAL_GDBM(X)
#endif
#ifdef HAVE_LIBNDBM
#  define OPTIONAL_NDBM(X) X(_dbm)
#else
#  define OPTIONAL_NDBM(X)
#endif
#ifdef HAVE_LIBNCURSESW
#  define OPTIONAL_CURSES(X) X(_curses)
#else
#  define OPTIONAL_CURSES(X)
#endif
#ifdef HAVE_LIBEXPAT
#  define OPTIONAL_EXPAT(X) X(pyexpat)
#else
#  define OPTIONAL_EXPAT(X)
#endif
#ifdef HAVE_LIBSQLITE3
#  define OPTIONAL_SQLITE3(X) X(_sqlite3)
#else
#  define OPTIONAL_SQLITE3(X)
#endif

#ifdef HAVE_LIBFFI
#  define OPTIONAL_FFI(X) X(_ctypes)
#else
#  define OPTIONAL_FFI(X)
#endif

#define BUILTIN_MODULES(X) \
    X(_codecs) \
    X(_weakref) \
    X(_abc) \
    X(posix) \
    X(_typing) \
    X(_warnings) \
    X(marshal) \
    X(_imp) \
    X(_io) \
    X(errno) \
    X(_stat) \
    X(time) \
    X(readline) \
    X(_thread) \
    X(atexit) \
    X(math) \
    X(itertools) \
    X(_signal) \
    X(_collections) \
    X(_operator) \
    X(_functools) \
    X(_posixsubprocess) \
    X(_contextvars) \
    X(_sre) \
    X(_queue) \
    X(_random) \
    X(_locale) \
    X(_sysconfig) \
    X(select) \
    X(faulthandler) \
    X(_socket) \
    X(gc) \
    X(_ast) \
    X(_hashlib) \
    X(zlib) \
    X(_json) \
    OPTIONAL_BZ2(X) \
    OPTIONAL_LZMA(X) \
    X(_struct) \
    X(binascii) \
    X(array) \
    X(cmath) \
    X(_tokenize) \
    X(_opcode) \
    X(unicodedata) \
    X(pwd) \
    X(grp) \
    X(resource) \
    X(fcntl) \
    X(termios) \
    X(mmap) \
    X(_pickle) \
    OPTIONAL_SQLITE3(X) \
    OPTIONAL_EXPAT(X) \
    X(syslog) \
    X(_iconv_codec) \
    OPTIONAL_FFI(X) \
    X(_ssl) \
    X(_tracemalloc) \
    X(_symtable) \
    X(_multiprocessing) \
    X(_posixshmem) \
    OPTIONAL_ZSTD(X) \
    OPTIONAL_GDBM(X) \
    OPTIONAL_NDBM(X) \
    X(_bisect) \
    X(_decimal_core) \
    X(_heapq) \
    OPTIONAL_CURSES(X) \
    /* END builtin modules */

#define DECLARE_INIT(name) extern PyObject *PyInit_##name(void);
BUILTIN_MODULES(DECLARE_INIT)
#undef DECLARE_INIT
extern PyObject *PyInit__math_integer(void);

#define INITTAB_ENTRY(name) {#name, PyInit_##name},
struct _inittab _PyImport_Inittab[] = {
    {"builtins", NULL},
    {"sys", NULL},
    BUILTIN_MODULES(INITTAB_ENTRY)
    /* A dotted name cannot go through X(): the submodule of math. */
    {"math.integer", PyInit__math_integer},
    {NULL, NULL},
};
#undef INITTAB_ENTRY
