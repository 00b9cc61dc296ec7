/* Code objects: compiled bytecode with everything needed to run it
   (Objects/codeobject.c).  Include after Python.h.

   A code object is immutable once built, so any number of threads may read
   it without locks; the only lazily filled fields (the co_code bytes
   cache and the hash) are published with atomic stores.

   Layout of the tables (CPython 3.11+ formats, see InternalDocs):
   - the instructions are ob_size 16-bit code units (_Py_CODEUNIT in
     pycore_opcode.h) stored inline at co_code_adaptive;
   - co_localsplusnames (tuple of str) and co_localspluskinds (bytes of
     CO_FAST_* flags) describe the "fast locals plus" slots of a frame:
     arguments first, then other locals, cells and, last, free variables;
   - co_linetable is the location table (one entry per run of 1-8 code
     units: start line, end line, start and end column);
   - co_exceptiontable is the zero-cost exception table (entries of start,
     length, target, depth and lasti, varint coded). */
#ifndef Py_CPYTHON_CODE_H
#define Py_CPYTHON_CODE_H

#ifndef Py_LIMITED_API

#include <stdint.h>

/* co_flags. */
#define CO_OPTIMIZED            0x0001
#define CO_NEWLOCALS            0x0002
#define CO_VARARGS              0x0004
#define CO_VARKEYWORDS          0x0008
#define CO_NESTED               0x0010
#define CO_GENERATOR            0x0020
#define CO_COROUTINE            0x0080
#define CO_ITERABLE_COROUTINE   0x0100
#define CO_ASYNC_GENERATOR      0x0200
/* __future__ features (also compiler flags). */
#define CO_FUTURE_DIVISION      0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT  0x80000
#define CO_FUTURE_PRINT_FUNCTION  0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#ifndef CO_FUTURE_BARRY_AS_BDFL
#  define CO_FUTURE_BARRY_AS_BDFL 0x400000
#endif
#define CO_FUTURE_GENERATOR_STOP  0x800000
#define CO_FUTURE_ANNOTATIONS     0x1000000
/* The first constant is the docstring; the function is a method (defined
   directly in a class body). */
#define CO_HAS_DOCSTRING        0x4000000
#define CO_METHOD               0x8000000

#define CO_MAXBLOCKS 21         /* statically nested blocks */

/* co_localspluskinds: what each fast slot is (a slot can be both an
   argument or local and a cell). */
#define CO_FAST_ARG_POS  0x02   /* positional parameter */
#define CO_FAST_ARG_KW   0x04   /* keyword parameter */
#define CO_FAST_ARG_VAR  0x08   /* *args or **kwargs */
#define CO_FAST_ARG      (CO_FAST_ARG_POS | CO_FAST_ARG_KW | CO_FAST_ARG_VAR)
#define CO_FAST_HIDDEN   0x10   /* comprehension-inlined, not in locals() */
#define CO_FAST_LOCAL    0x20
#define CO_FAST_CELL     0x40
#define CO_FAST_FREE     0x80

typedef unsigned char _PyLocals_Kind;

typedef struct PyCodeObject {
    PyObject_VAR_HEAD               /* ob_size: number of code units */
    PyObject *co_consts;            /* tuple */
    PyObject *co_names;             /* tuple of str: globals/attributes */
    PyObject *co_exceptiontable;    /* bytes */
    int co_flags;
    int co_argcount;                /* positional, posonly included */
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;             /* len(co_localsplusnames) */
    int co_nlocals;                 /* slots with CO_FAST_LOCAL */
    int co_ncellvars;               /* cells that are not arguments too */
    int co_nfreevars;
    uint32_t co_version;            /* for the VM's caches */
    PyObject *co_localsplusnames;   /* tuple of str */
    PyObject *co_localspluskinds;   /* bytes of _PyLocals_Kind */
    PyObject *co_filename;          /* str */
    PyObject *co_name;              /* str */
    PyObject *co_qualname;          /* str */
    PyObject *co_linetable;         /* bytes: the location table */
    PyObject *co_weakreflist;
    void *co_extra;                 /* for PEP 523 users; unused */
    /* The co_code bytes: the unspecialized instructions, kept from
       construction (co_code_adaptive may hold specialized opcodes). */
    PyObject *_co_cached_code;
    Py_hash_t _co_hash;             /* -1 until computed; atomic */
    /* Index of the first code unit after RESUME at function start. */
    int _co_firsttraceable;
    /* The VM's specialization (pycore_specialize.h): RESUME and
       JUMP_BACKWARD count _co_warmup down (atomic, relaxed); at zero the
       cache table is built and published once in _co_spec (atomic
       compare-and-swap; freed with the code). */
    int _co_warmup;
    void *_co_spec;
    /* The instructions (ob_size code units, 2 bytes each). */
    char co_code_adaptive[1];
} PyCodeObject;

PyAPI_DATA(PyTypeObject) PyCode_Type;

#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

#define _PyCode_CODE(co) ((uint16_t *)(co)->co_code_adaptive)
#define _PyCode_NBYTES(co) (Py_SIZE(co) * (Py_ssize_t)sizeof(uint16_t))

static inline Py_ssize_t
PyCode_GetNumFree(PyCodeObject *op)
{
    return op->co_nfreevars;
}

static inline int
PyUnstable_Code_GetFirstFree(PyCodeObject *op)
{
    return op->co_nlocalsplus - op->co_nfreevars;
}

/* CPython 3.11+ constructors: code is bytes of 16-bit units, varnames
   the arguments and locals, cellvars and freevars as in co_cellvars and
   co_freevars (a name in both varnames and cellvars is an argument that
   is also a cell). */
PyAPI_FUNC(PyCodeObject *) PyUnstable_Code_New(
    int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
    PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
    PyObject *freevars, PyObject *cellvars, PyObject *filename,
    PyObject *name, PyObject *qualname, int firstlineno,
    PyObject *linetable, PyObject *exceptiontable);
PyAPI_FUNC(PyCodeObject *) PyUnstable_Code_NewWithPosOnlyArgs(
    int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
    int stacksize, int flags, PyObject *code, PyObject *consts,
    PyObject *names, PyObject *varnames, PyObject *freevars,
    PyObject *cellvars, PyObject *filename, PyObject *name,
    PyObject *qualname, int firstlineno, PyObject *linetable,
    PyObject *exceptiontable);
#define PyCode_New PyUnstable_Code_New
#define PyCode_NewWithPosOnlyArgs PyUnstable_Code_NewWithPosOnlyArgs

/* A code object that does nothing but return None. */
PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename,
                                           const char *funcname,
                                           int firstlineno);

/* The source line of the instruction at byte offset `addr` (-1 when it
   has none); and its full location (0 where unknown).  Return 1 when a
   location was found, 0 otherwise (Addr2Location). */
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *co, int addr);
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *co, int addr,
                                     int *start_line, int *start_column,
                                     int *end_line, int *end_column);

/* New references: co_code as bytes, and the name tuples. */
PyAPI_FUNC(PyObject *) PyCode_GetCode(PyCodeObject *co);
PyAPI_FUNC(PyObject *) PyCode_GetVarnames(PyCodeObject *co);
PyAPI_FUNC(PyObject *) PyCode_GetCellvars(PyCodeObject *co);
PyAPI_FUNC(PyObject *) PyCode_GetFreevars(PyCodeObject *co);

/* ---- location table iteration (for tracebacks, co_lines, dis) ---- */

/* Walks co_linetable: each step covers byte offsets [ar_start, ar_end)
   with line ar_line (-1: none).  Read-only over immutable data. */
typedef struct _opaque {
    int computed_line;
    const uint8_t *lo_next;
    const uint8_t *limit;
} _PyLineTable_Opaque;

typedef struct _line_offsets {
    int ar_start;
    int ar_end;
    int ar_line;
    _PyLineTable_Opaque opaque;
} PyCodeAddressRange;

PyAPI_FUNC(int) _PyCode_CheckLineNumber(int lasti, PyCodeAddressRange *bounds);
PyAPI_FUNC(int) _PyCode_InitAddressRange(PyCodeObject *co,
                                         PyCodeAddressRange *bounds);
PyAPI_FUNC(void) _PyLineTable_InitAddressRange(const char *linetable,
                                               Py_ssize_t length,
                                               int firstlineno,
                                               PyCodeAddressRange *range);
/* Advance to the next range; 0 at the end. */
PyAPI_FUNC(int) _PyLineTable_NextAddressRange(PyCodeAddressRange *range);

#endif /* !Py_LIMITED_API */
#endif /* Py_CPYTHON_CODE_H */
