/* Core-only interface of code objects (Objects/codeobject.c): the
   compiler's constructor and the VM's exception-table and location
   look-ups.  Code objects are immutable, so all of this is thread-safe. */
#ifndef Py_INTERNAL_CODE_H
#define Py_INTERNAL_CODE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "cpython/code.h"
#include "pycore_opcode.h"

/* Everything a code object is made of.  The constructor takes new
   references to each object field (the caller keeps its own). */
struct _PyCodeConstructor {
    PyObject *filename;
    PyObject *name;
    PyObject *qualname;
    int flags;
    PyObject *code;             /* bytes: 16-bit code units */
    int firstlineno;
    PyObject *linetable;        /* bytes */
    PyObject *consts;           /* tuple */
    PyObject *names;            /* tuple of str */
    PyObject *localsplusnames;  /* tuple of str */
    PyObject *localspluskinds;  /* bytes */
    int argcount;
    int posonlyargcount;
    int kwonlyargcount;
    int stacksize;
    PyObject *exceptiontable;   /* bytes */
};

/* 0 if the description is consistent, else -1 with ValueError. */
PyAPI_FUNC(int) _PyCode_Validate(struct _PyCodeConstructor *con);
/* A new code object (validated first), or NULL with an exception. */
PyAPI_FUNC(PyCodeObject *) _PyCode_New(struct _PyCodeConstructor *con);

static inline _PyLocals_Kind
_PyLocals_GetKind(PyObject *kinds, int i)
{
    return (_PyLocals_Kind)PyBytes_AS_STRING(kinds)[i];
}

/* The exception handler covering the instruction at code-unit index
   `index`: returns the handler's code-unit index and stores the stack
   depth to unwind to and whether to push the instruction offset (lasti)
   before the exception; returns -1 when no handler covers it. */
PyAPI_FUNC(int) _PyCode_FindHandler(PyCodeObject *co, int index,
                                    int *depth, int *lasti);

/* One decoded exception-table entry (for tests and dis). */
typedef struct {
    int start;                  /* code units, inclusive */
    int end;                    /* code units, exclusive */
    int target;
    int depth;
    int lasti;
} _PyExceptionTableEntry;
/* Decode entry number `n`: 1 if it exists, 0 past the end. */
PyAPI_FUNC(int) _PyCode_ExceptionTableEntry(PyCodeObject *co, int n,
                                            _PyExceptionTableEntry *entry);

/* Location-table entry codes (bits 3-6 of an entry's first byte). */
enum _PyCodeLocationInfoKind {
    PY_CODE_LOCATION_INFO_SHORT0 = 0,   /* 0-9: short forms */
    PY_CODE_LOCATION_INFO_ONE_LINE0 = 10,
    PY_CODE_LOCATION_INFO_ONE_LINE1 = 11,
    PY_CODE_LOCATION_INFO_ONE_LINE2 = 12,
    PY_CODE_LOCATION_INFO_NO_COLUMNS = 13,
    PY_CODE_LOCATION_INFO_LONG = 14,
    PY_CODE_LOCATION_INFO_NONE = 15
};

/* The location table's varints: 6 bits a byte, low bits first, bit 6 set
   while more follow.  Writes at most 6 bytes at p; returns how many.
   Shared by the assembler and the code object's column stripping. */
static inline int
_PyLineTable_PutVarint(unsigned char *p, unsigned int val)
{
    int n = 0;
    while (val >= 64) {
        p[n++] = (unsigned char)(64 | (val & 63));
        val >>= 6;
    }
    p[n++] = (unsigned char)val;
    return n;
}

/* A signed value as the table stores it: magnitude shifted, sign in bit 0. */
static inline unsigned int
_PyLineTable_ZigZag(int val)
{
    return val < 0 ? ((unsigned int)(-val) << 1) | 1 : (unsigned int)val << 1;
}

#endif /* Py_INTERNAL_CODE_H */
