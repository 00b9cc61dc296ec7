/* Code objects (Include/cpython/code.h, Include/internal/pycore_code.h).

   A code object's visible state never changes after _PyCode_New returns,
   so readers need no locks.  Lazily filled: _co_cached_code (the co_code
   bytes, normally kept from construction) and _co_hash, published with
   atomic compare-and-swap / store so a racing reader sees either nothing
   or a complete value.  The VM rewrites opcodes in co_code_adaptive with
   atomic 16-bit stores (Python/specialize.c); everything here that shows,
   compares or hashes the instructions reads them unspecialized, through
   _PyOpcode_Deopt. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_code.h"
#include "pycore_specialize.h"
#include "pycore_initconfig.h"   /* code_debug_ranges */

static PyObject *strip_columns(PyObject *table);

/* ---- construction ------------------------------------------------------ */

static int
all_str(PyObject *tuple)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(tuple, i))) {
            return 0;
        }
    }
    return 1;
}

int
_PyCode_Validate(struct _PyCodeConstructor *con)
{
    if (con->filename == NULL || !PyUnicode_Check(con->filename) ||
        con->name == NULL || !PyUnicode_Check(con->name) ||
        con->qualname == NULL || !PyUnicode_Check(con->qualname) ||
        con->code == NULL || !PyBytes_Check(con->code) ||
        con->linetable == NULL || !PyBytes_Check(con->linetable) ||
        con->exceptiontable == NULL || !PyBytes_Check(con->exceptiontable) ||
        con->consts == NULL || !PyTuple_Check(con->consts) ||
        con->names == NULL || !PyTuple_Check(con->names) ||
        !all_str(con->names) ||
        con->localsplusnames == NULL || !PyTuple_Check(con->localsplusnames) ||
        !all_str(con->localsplusnames) ||
        con->localspluskinds == NULL || !PyBytes_Check(con->localspluskinds) ||
        PyTuple_GET_SIZE(con->localsplusnames) !=
            PyBytes_GET_SIZE(con->localspluskinds) ||
        con->argcount < con->posonlyargcount || con->posonlyargcount < 0 ||
        con->kwonlyargcount < 0 || con->stacksize < 0)
    {
        PyErr_SetString(PyExc_ValueError, "code: invalid arguments");
        return -1;
    }
    if (PyBytes_GET_SIZE(con->code) % (Py_ssize_t)sizeof(_Py_CODEUNIT) != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "code: co_code is malformed");
        return -1;
    }
    int nargs = con->argcount + con->kwonlyargcount +
                ((con->flags & CO_VARARGS) != 0) +
                ((con->flags & CO_VARKEYWORDS) != 0);
    if (nargs > PyTuple_GET_SIZE(con->localsplusnames)) {
        PyErr_SetString(PyExc_ValueError,
                        "code: co_varnames is too small");
        return -1;
    }
    return 0;
}

/* Counts of each slot kind, from co_localspluskinds. */
static void
count_kinds(PyCodeObject *co)
{
    int nlocals = 0, ncells = 0, nfree = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        if (kind & CO_FAST_FREE) {
            nfree++;
        }
        else {
            if (kind & CO_FAST_LOCAL) {
                nlocals++;
            }
            if (kind & CO_FAST_CELL) {
                ncells++;
            }
        }
    }
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfree;
}

static int
first_traceable(PyCodeObject *co)
{
    _Py_CODEUNIT *code = _PyCode_CODE(co);
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        if (_Py_OPCODE(code[i]) == RESUME) {
            return (int)i + 1;
        }
    }
    return 0;
}

static uint32_t next_code_version = 1;

/* True for a str made only of ASCII letters, digits and underscores: the
   constants that are likely to be attribute or key names. */
static int
looks_like_name(PyObject *s)
{
    if (!PyUnicode_IS_ASCII(s)) {
        return 0;
    }
    const unsigned char *p = PyUnicode_1BYTE_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!(Py_ISALNUM(p[i]) || p[i] == '_')) {
            return 0;
        }
    }
    return 1;
}

/* Intern the name-like str constants of `consts`, also inside nested
   tuples, as CPython does: an attribute or dict key built from such a
   constant is then the very object the interned names in instance dicts
   and co_names are, so lookups match by identity.  Replacing an item by
   an equal str is invisible; the tuple belongs to the code object being
   built (or to the unmarshalled data feeding it), which no other thread
   can reach yet. */
static void
intern_string_constants(PyObject *consts)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *item = PyTuple_GET_ITEM(consts, i);
        if (PyUnicode_CheckExact(item)) {
            if (!PyUnicode_CHECK_INTERNED(item) && looks_like_name(item)) {
                PyObject *interned = Py_NewRef(item);
                PyUnicode_InternInPlace(&interned);
                PyTuple_SET_ITEM(consts, i, interned);
                Py_DECREF(item);
            }
        }
        else if (PyTuple_CheckExact(item)) {
            intern_string_constants(item);
        }
    }
}

PyCodeObject *
_PyCode_New(struct _PyCodeConstructor *con)
{
    if (_PyCode_Validate(con) < 0) {
        return NULL;
    }
    Py_ssize_t nunits = PyBytes_GET_SIZE(con->code) /
                        (Py_ssize_t)sizeof(_Py_CODEUNIT);
    PyCodeObject *co = PyObject_NewVar(PyCodeObject, &PyCode_Type, nunits);
    if (co == NULL) {
        return NULL;
    }
    _PyObject_SetDeferredRefcount((PyObject *)co);
    PyObject *filename = Py_NewRef(con->filename);
    PyObject *name = Py_NewRef(con->name);
    PyObject *qualname = Py_NewRef(con->qualname);
    PyUnicode_InternInPlace(&filename);
    PyUnicode_InternInPlace(&name);
    PyUnicode_InternInPlace(&qualname);
    co->co_filename = filename;
    co->co_name = name;
    co->co_qualname = qualname;
    intern_string_constants(con->consts);
    co->co_consts = Py_NewRef(con->consts);
    co->co_names = Py_NewRef(con->names);
    co->co_exceptiontable = Py_NewRef(con->exceptiontable);
    co->co_localsplusnames = Py_NewRef(con->localsplusnames);
    co->co_localspluskinds = Py_NewRef(con->localspluskinds);
    co->co_linetable = _Py_GetConfig()->code_debug_ranges
                       ? Py_NewRef(con->linetable) : strip_columns(con->linetable);
    if (co->co_linetable == NULL) {
        PyErr_Clear();      /* no memory for the copy: keep the columns */
        co->co_linetable = Py_NewRef(con->linetable);
    }
    co->co_flags = con->flags;
    co->co_argcount = con->argcount;
    co->co_posonlyargcount = con->posonlyargcount;
    co->co_kwonlyargcount = con->kwonlyargcount;
    co->co_stacksize = con->stacksize;
    co->co_firstlineno = con->firstlineno;
    co->co_nlocalsplus = (int)PyTuple_GET_SIZE(con->localsplusnames);
    count_kinds(co);
    co->co_version = __atomic_fetch_add(&next_code_version, 1,
                                        __ATOMIC_RELAXED);
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    /* co_code is the compiler's bytes as they are, whatever the VM
       later does to co_code_adaptive. */
    co->_co_cached_code = PyBytes_CheckExact(con->code)
                          ? Py_NewRef(con->code) : NULL;
    co->_co_hash = -1;
    co->_co_warmup = _PY_SPEC_CODE_WARMUP;
    co->_co_spec = NULL;
    memcpy(co->co_code_adaptive, PyBytes_AS_STRING(con->code),
           (size_t)PyBytes_GET_SIZE(con->code));
    co->_co_firsttraceable = first_traceable(co);
    return co;
}

/* Slots from the pre-3.11 description: arguments and locals (varnames),
   cells (cellvars; a name also in varnames is an argument cell) and free
   variables.  Returns 0, or -1 with an exception. */
static int
build_localsplus(PyObject *varnames, PyObject *cellvars, PyObject *freevars,
                 int nargs, PyObject **names_out, PyObject **kinds_out)
{
    Py_ssize_t nvar = PyTuple_GET_SIZE(varnames);
    Py_ssize_t ncell = PyTuple_GET_SIZE(cellvars);
    Py_ssize_t nfree = PyTuple_GET_SIZE(freevars);
    PyObject *names = PyTuple_New(nvar + ncell + nfree);
    PyObject *kinds = PyBytes_FromStringAndSize(NULL, nvar + ncell + nfree);
    if (names == NULL || kinds == NULL) {
        Py_XDECREF(names);
        Py_XDECREF(kinds);
        return -1;
    }
    unsigned char *k = (unsigned char *)PyBytes_AS_STRING(kinds);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nvar; i++, n++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(varnames, i)));
        k[n] = CO_FAST_LOCAL | (i < nargs ? CO_FAST_ARG_POS : 0);
    }
    for (Py_ssize_t i = 0; i < ncell; i++) {
        PyObject *name = PyTuple_GET_ITEM(cellvars, i);
        Py_ssize_t j;
        for (j = 0; j < nvar; j++) {
            int eq = PyUnicode_Compare(name, PyTuple_GET_ITEM(varnames, j));
            if (eq == 0) {
                break;
            }
        }
        if (j < nvar) {
            k[j] |= CO_FAST_CELL;
            continue;
        }
        PyTuple_SET_ITEM(names, n, Py_NewRef(name));
        k[n++] = CO_FAST_CELL;
    }
    for (Py_ssize_t i = 0; i < nfree; i++, n++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(freevars, i)));
        k[n] = CO_FAST_FREE;
    }
    if (n < nvar + ncell + nfree) {
        PyObject *short_names = PyTuple_GetSlice(names, 0, n);
        PyObject *short_kinds = PyBytes_FromStringAndSize((char *)k, n);
        Py_DECREF(names);
        Py_DECREF(kinds);
        if (short_names == NULL || short_kinds == NULL) {
            Py_XDECREF(short_names);
            Py_XDECREF(short_kinds);
            return -1;
        }
        names = short_names;
        kinds = short_kinds;
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

/* Mark the argument kinds properly once the counts are known. */
static void
mark_arg_kinds(PyObject *kinds, int argcount, int posonly, int kwonly,
               int flags)
{
    unsigned char *k = (unsigned char *)PyBytes_AS_STRING(kinds);
    Py_ssize_t n = PyBytes_GET_SIZE(kinds);
    int i = 0;
    for (; i < argcount && i < n; i++) {
        k[i] = (unsigned char)((k[i] & ~CO_FAST_ARG) |
               (i < posonly ? CO_FAST_ARG_POS
                            : CO_FAST_ARG_POS | CO_FAST_ARG_KW));
    }
    for (int j = 0; j < kwonly && i < n; j++, i++) {
        k[i] = (unsigned char)((k[i] & ~CO_FAST_ARG) | CO_FAST_ARG_KW);
    }
    if ((flags & CO_VARARGS) && i < n) {
        k[i] = (unsigned char)((k[i] & ~CO_FAST_ARG) | CO_FAST_ARG_VAR);
        i++;
    }
    if ((flags & CO_VARKEYWORDS) && i < n) {
        k[i] = (unsigned char)((k[i] & ~CO_FAST_ARG) | CO_FAST_ARG_VAR);
        i++;
    }
    for (; i < n; i++) {
        if (k[i] & CO_FAST_LOCAL) {
            k[i] &= (unsigned char)~CO_FAST_ARG;
        }
    }
}

PyCodeObject *
PyUnstable_Code_NewWithPosOnlyArgs(
    int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
    int stacksize, int flags, PyObject *code, PyObject *consts,
    PyObject *names, PyObject *varnames, PyObject *freevars,
    PyObject *cellvars, PyObject *filename, PyObject *name,
    PyObject *qualname, int firstlineno, PyObject *linetable,
    PyObject *exceptiontable)
{
    (void)nlocals;  /* derived from varnames, as in CPython 3.11+ */
    if (varnames == NULL || !PyTuple_Check(varnames) ||
        freevars == NULL || !PyTuple_Check(freevars) ||
        cellvars == NULL || !PyTuple_Check(cellvars) ||
        !all_str(varnames) || !all_str(freevars) || !all_str(cellvars))
    {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *lp_names, *lp_kinds;
    if (build_localsplus(varnames, cellvars, freevars, 0,
                         &lp_names, &lp_kinds) < 0) {
        return NULL;
    }
    mark_arg_kinds(lp_kinds, argcount, posonlyargcount, kwonlyargcount,
                   flags);
    struct _PyCodeConstructor con = {
        .filename = filename, .name = name,
        .qualname = qualname != NULL ? qualname : name,
        .flags = flags, .code = code, .firstlineno = firstlineno,
        .linetable = linetable, .consts = consts, .names = names,
        .localsplusnames = lp_names, .localspluskinds = lp_kinds,
        .argcount = argcount, .posonlyargcount = posonlyargcount,
        .kwonlyargcount = kwonlyargcount, .stacksize = stacksize,
        .exceptiontable = exceptiontable,
    };
    PyCodeObject *co = _PyCode_New(&con);
    Py_DECREF(lp_names);
    Py_DECREF(lp_kinds);
    return co;
}

PyCodeObject *
PyUnstable_Code_New(
    int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
    PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
    PyObject *freevars, PyObject *cellvars, PyObject *filename,
    PyObject *name, PyObject *qualname, int firstlineno,
    PyObject *linetable, PyObject *exceptiontable)
{
    return PyUnstable_Code_NewWithPosOnlyArgs(
        argcount, 0, kwonlyargcount, nlocals, stacksize, flags, code, consts,
        names, varnames, freevars, cellvars, filename, name, qualname,
        firstlineno, linetable, exceptiontable);
}

PyCodeObject *
PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    /* RESUME 0; LOAD_CONST 0 (None); RETURN_VALUE, all on firstlineno. */
    _Py_CODEUNIT units[3] = {
        _Py_MAKE_CODEUNIT(RESUME, 0),
        _Py_MAKE_CODEUNIT(LOAD_CONST, 0),
        _Py_MAKE_CODEUNIT(RETURN_VALUE, 0),
    };
    /* One "no columns" entry of 3 units with line delta 0. */
    const char table[2] = { (char)(0x80 | (PY_CODE_LOCATION_INFO_NO_COLUMNS << 3) | 2), 0 };
    PyCodeObject *result = NULL;
    PyObject *fn = PyUnicode_FromString(filename);
    PyObject *name = PyUnicode_FromString(funcname);
    PyObject *code = PyBytes_FromStringAndSize((const char *)units,
                                               sizeof(units));
    PyObject *linetable = PyBytes_FromStringAndSize(table, 2);
    PyObject *consts = PyTuple_Pack(1, Py_None);
    PyObject *empty_tuple = PyTuple_New(0);
    PyObject *empty_bytes = PyBytes_FromStringAndSize(NULL, 0);
    if (fn && name && code && linetable && consts && empty_tuple &&
        empty_bytes) {
        struct _PyCodeConstructor con = {
            .filename = fn, .name = name, .qualname = name, .flags = 0,
            .code = code, .firstlineno = firstlineno,
            .linetable = linetable, .consts = consts, .names = empty_tuple,
            .localsplusnames = empty_tuple, .localspluskinds = empty_bytes,
            .stacksize = 1, .exceptiontable = empty_bytes,
        };
        result = _PyCode_New(&con);
    }
    Py_XDECREF(fn);
    Py_XDECREF(name);
    Py_XDECREF(code);
    Py_XDECREF(linetable);
    Py_XDECREF(consts);
    Py_XDECREF(empty_tuple);
    Py_XDECREF(empty_bytes);
    return result;
}

/* ---- derived name tuples ---------------------------------------------- */

static PyObject *
names_of_kind(PyCodeObject *co, int kind)
{
    int count = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (_PyLocals_GetKind(co->co_localspluskinds, i) & kind) {
            count++;
        }
    }
    PyObject *result = PyTuple_New(count);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0, n = 0; i < co->co_nlocalsplus; i++) {
        if (_PyLocals_GetKind(co->co_localspluskinds, i) & kind) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            PyTuple_SET_ITEM(result, n++, Py_NewRef(name));
        }
    }
    return result;
}

PyObject *
PyCode_GetVarnames(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_LOCAL);
}

PyObject *
PyCode_GetCellvars(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_CELL);
}

PyObject *
PyCode_GetFreevars(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_FREE);
}

PyObject *
PyCode_GetCode(PyCodeObject *co)
{
    PyObject *cached = __atomic_load_n(&co->_co_cached_code,
                                       __ATOMIC_ACQUIRE);
    if (cached != NULL) {
        return Py_NewRef(cached);
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, _PyCode_NBYTES(co));
    if (bytes == NULL) {
        return NULL;
    }
    _PyCode_CopyUnspecialized(co, (_Py_CODEUNIT *)PyBytes_AS_STRING(bytes));
    PyObject *expected = NULL;
    /* The cache holds its own reference; a loser of the race keeps its
       bytes only for the caller. */
    Py_INCREF(bytes);
    if (!__atomic_compare_exchange_n(&co->_co_cached_code, &expected, bytes,
                                     0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        Py_DECREF(bytes);
    }
    return bytes;
}

/* ---- the location table ----------------------------------------------- */

static int
read_varint(const uint8_t **p)
{
    unsigned int value = 0;
    int shift = 0;
    uint8_t byte;
    do {
        byte = *(*p)++;
        value |= (unsigned int)(byte & 63) << shift;
        shift += 6;
    } while (byte & 64);
    return (int)value;
}

static int
read_signed_varint(const uint8_t **p)
{
    unsigned int uval = (unsigned int)read_varint(p);
    return (uval & 1) ? -(int)(uval >> 1) : (int)(uval >> 1);
}

/* One decoded location entry. */
typedef struct {
    int length;                 /* code units */
    int line, end_line, col, end_col;   /* line -1 / col -1: none */
} location_entry;

/* Decode the entry at *p, whose line is relative to *line (updated). */
static void
decode_location(const uint8_t **p, int *line, location_entry *e)
{
    uint8_t first = *(*p)++;
    int code = (first >> 3) & 15;
    e->length = (first & 7) + 1;
    e->col = e->end_col = -1;
    if (code == PY_CODE_LOCATION_INFO_NONE) {
        e->line = e->end_line = -1;
        return;
    }
    if (code == PY_CODE_LOCATION_INFO_LONG) {
        *line += read_signed_varint(p);
        e->line = *line;
        e->end_line = *line + read_varint(p);
        e->col = read_varint(p) - 1;
        e->end_col = read_varint(p) - 1;
        return;
    }
    if (code == PY_CODE_LOCATION_INFO_NO_COLUMNS) {
        *line += read_signed_varint(p);
        e->line = e->end_line = *line;
        return;
    }
    if (code >= PY_CODE_LOCATION_INFO_ONE_LINE0) {
        *line += code - PY_CODE_LOCATION_INFO_ONE_LINE0;
        e->line = e->end_line = *line;
        e->col = *(*p)++;
        e->end_col = *(*p)++;
        return;
    }
    /* Short forms: same line, column group `code`. */
    uint8_t second = *(*p)++;
    e->line = e->end_line = *line;
    e->col = code * 8 + ((second >> 4) & 7);
    e->end_col = e->col + (second & 15);
}

/* -X no_debug_ranges (PYTHONNODEBUGRANGES): a code object keeps lines
   only, as in CPython.  Every entry of `table` in its no-columns form (a
   "no location" entry stays); a new bytes object, or NULL. */
static PyObject *
strip_columns(PyObject *table)
{
    Py_ssize_t size = PyBytes_GET_SIZE(table);
    /* An entry becomes at most 1 + 6 bytes, and takes at least 1. */
    PyObject *out = PyBytes_FromStringAndSize(NULL, size * 7);
    if (out == NULL) {
        return NULL;
    }
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(table);
    const uint8_t *end = p + size;
    uint8_t *w = (uint8_t *)PyBytes_AS_STRING(out);
    int line = 0;
    while (p < end) {
        int before = line;
        location_entry e;
        decode_location(&p, &line, &e);
        if (e.line < 0) {
            *w++ = (uint8_t)(0x80 | (PY_CODE_LOCATION_INFO_NONE << 3) |
                             (e.length - 1));
            continue;
        }
        *w++ = (uint8_t)(0x80 | (PY_CODE_LOCATION_INFO_NO_COLUMNS << 3) |
                         (e.length - 1));
        w += _PyLineTable_PutVarint(w, _PyLineTable_ZigZag(line - before));
    }
    if (_PyBytes_Resize(&out, w - (uint8_t *)PyBytes_AS_STRING(out)) < 0) {
        return NULL;
    }
    return out;
}

int
PyCode_Addr2Location(PyCodeObject *co, int addr, int *start_line,
                     int *start_column, int *end_line, int *end_column)
{
    *start_line = *end_line = co->co_firstlineno;
    *start_column = *end_column = -1;
    if (addr < 0) {
        *start_column = *end_column = 0;
        return 1;
    }
    int unit = addr / (int)sizeof(_Py_CODEUNIT);
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_linetable);
    int line = co->co_firstlineno, pos = 0;
    while (p < end) {
        location_entry e;
        decode_location(&p, &line, &e);
        if (unit < pos + e.length) {
            *start_line = e.line;
            *end_line = e.end_line;
            *start_column = e.col < 0 ? 0 : e.col;
            *end_column = e.end_col < 0 ? 0 : e.end_col;
            if (e.line < 0) {
                *start_line = *end_line = 0;
                return 0;
            }
            return 1;
        }
        pos += e.length;
    }
    *start_line = *end_line = 0;
    *start_column = *end_column = 0;
    return 0;
}

int
PyCode_Addr2Line(PyCodeObject *co, int addr)
{
    if (addr < 0) {
        return co->co_firstlineno;
    }
    int unit = addr / (int)sizeof(_Py_CODEUNIT);
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_linetable);
    int line = co->co_firstlineno, pos = 0;
    while (p < end) {
        location_entry e;
        decode_location(&p, &line, &e);
        if (unit < pos + e.length) {
            return e.line;
        }
        pos += e.length;
    }
    return -1;
}

/* Address ranges: one per location entry, in bytes. */
void
_PyLineTable_InitAddressRange(const char *linetable, Py_ssize_t length,
                              int firstlineno, PyCodeAddressRange *range)
{
    range->opaque.lo_next = (const uint8_t *)linetable;
    range->opaque.limit = range->opaque.lo_next + length;
    range->opaque.computed_line = firstlineno;
    range->ar_start = -1;
    range->ar_end = 0;
    range->ar_line = -1;
}

int
_PyLineTable_NextAddressRange(PyCodeAddressRange *range)
{
    if (range->opaque.lo_next >= range->opaque.limit) {
        return 0;
    }
    location_entry e;
    decode_location(&range->opaque.lo_next, &range->opaque.computed_line,
                    &e);
    range->ar_start = range->ar_end;
    range->ar_end = range->ar_start + e.length * (int)sizeof(_Py_CODEUNIT);
    range->ar_line = e.line;
    return 1;
}

int
_PyCode_InitAddressRange(PyCodeObject *co, PyCodeAddressRange *bounds)
{
    _PyLineTable_InitAddressRange(PyBytes_AS_STRING(co->co_linetable),
                                  PyBytes_GET_SIZE(co->co_linetable),
                                  co->co_firstlineno, bounds);
    return bounds->ar_line;
}

int
_PyCode_CheckLineNumber(int lasti, PyCodeAddressRange *bounds)
{
    while (bounds->ar_end <= lasti) {
        if (!_PyLineTable_NextAddressRange(bounds)) {
            return -1;
        }
    }
    return bounds->ar_line;
}

/* ---- the exception table ---------------------------------------------- */

/* Exception-table varints: 6-bit groups, most significant first, bit 6
   marks continuation; bit 7 marks the first byte of an entry. */
static int
read_exc_varint(const uint8_t **p)
{
    uint8_t byte = *(*p)++;
    int value = byte & 63;
    while (byte & 64) {
        byte = *(*p)++;
        value = (value << 6) | (byte & 63);
    }
    return value;
}

int
_PyCode_ExceptionTableEntry(PyCodeObject *co, int n,
                            _PyExceptionTableEntry *entry)
{
    const uint8_t *p =
        (const uint8_t *)PyBytes_AS_STRING(co->co_exceptiontable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    for (int i = 0; p < end; i++) {
        int start = read_exc_varint(&p);
        int length = read_exc_varint(&p);
        int target = read_exc_varint(&p);
        int dl = read_exc_varint(&p);
        if (i == n) {
            entry->start = start;
            entry->end = start + length;
            entry->target = target;
            entry->depth = dl >> 1;
            entry->lasti = dl & 1;
            return 1;
        }
    }
    return 0;
}

/* Tables up to this many bytes are scanned from their start; longer
   ones are first narrowed by bisection (a handful of entries). */
#define EXC_TABLE_LINEAR_BYTES 40

/* The first byte of the entry holding *p, at or after base: the nearest
   byte at or before p with the entry mark. */
static const uint8_t *
exc_entry_start(const uint8_t *base, const uint8_t *p)
{
    while (p > base && !(*p & 0x80)) {
        p--;
    }
    return p;
}

/* Where the linear search for index may begin in the table [p, end):
   an entry starting at or before index, or p itself.  Bisection on the
   entries' start offsets (sorted, and each entry's first byte marked),
   so unwinding through a long function's table does not decode every
   entry before the one that covers index. */
static const uint8_t *
exc_table_seek(const uint8_t *p, const uint8_t *end, int index)
{
    while (end - p > EXC_TABLE_LINEAR_BYTES) {
        const uint8_t *mid = exc_entry_start(p, p + (end - p) / 2);
        if (mid == p) {
            break;
        }
        const uint8_t *q = mid;
        if (read_exc_varint(&q) > index) {
            end = mid;
        }
        else {
            p = mid;
        }
    }
    return p;
}

int
_PyCode_FindHandler(PyCodeObject *co, int index, int *depth, int *lasti)
{
    const uint8_t *p =
        (const uint8_t *)PyBytes_AS_STRING(co->co_exceptiontable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    /* Entries are sorted by start and do not overlap. */
    p = exc_table_seek(p, end, index);
    while (p < end) {
        int start = read_exc_varint(&p);
        int length = read_exc_varint(&p);
        if (index < start) {
            return -1;
        }
        int target = read_exc_varint(&p);
        int dl = read_exc_varint(&p);
        if (index < start + length) {
            *depth = dl >> 1;
            *lasti = dl & 1;
            return target;
        }
    }
    return -1;
}

/* ---- the Python type -------------------------------------------------- */

static void
code_dealloc(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_exceptiontable);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_localspluskinds);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    Py_XDECREF(co->_co_cached_code);
    _PySpec_FreeTable(co->_co_spec);
    PyObject_Free(self);
}

static PyObject *
code_repr(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_firstlineno != 0) {
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, self, co->co_filename,
                                    co->co_firstlineno);
    }
    return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line ?\?\?>",
                                co->co_name, self, co->co_filename);
}

/* Constants compare by type as well as value (so 0, 0.0 and False, or
   0.0 and -0.0, make different code objects), recursively in tuples and
   frozensets. */
static int
consts_equal(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 1;
    }
    if (Py_TYPE(a) != Py_TYPE(b)) {
        return 0;
    }
    if (PyTuple_CheckExact(a)) {
        Py_ssize_t n = PyTuple_GET_SIZE(a);
        if (n != PyTuple_GET_SIZE(b)) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            int r = consts_equal(PyTuple_GET_ITEM(a, i), PyTuple_GET_ITEM(b, i));
            if (r <= 0) {
                return r;
            }
        }
        return 1;
    }
    if (PyFloat_CheckExact(a)) {
        double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
        return memcmp(&x, &y, sizeof(double)) == 0;
    }
    if (PyComplex_CheckExact(a)) {
        Py_complex x = PyComplex_AsCComplex(a), y = PyComplex_AsCComplex(b);
        return memcmp(&x, &y, sizeof(x)) == 0;
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

static int
code_equal(PyCodeObject *a, PyCodeObject *b)
{
    if (a->co_argcount != b->co_argcount ||
        a->co_posonlyargcount != b->co_posonlyargcount ||
        a->co_kwonlyargcount != b->co_kwonlyargcount ||
        a->co_flags != b->co_flags ||
        a->co_firstlineno != b->co_firstlineno ||
        Py_SIZE(a) != Py_SIZE(b)) {
        return 0;
    }
    PyObject *code_a = PyCode_GetCode(a);
    PyObject *code_b = code_a ? PyCode_GetCode(b) : NULL;
    if (code_b == NULL) {
        Py_XDECREF(code_a);
        return -1;
    }
    int same_code = memcmp(PyBytes_AS_STRING(code_a), PyBytes_AS_STRING(code_b),
                           (size_t)_PyCode_NBYTES(a)) == 0;
    Py_DECREF(code_a);
    Py_DECREF(code_b);
    if (!same_code) {
        return 0;
    }
    PyObject *pairs[][2] = {
        { a->co_name, b->co_name },
        { a->co_qualname, b->co_qualname },
        { a->co_names, b->co_names },
        { a->co_localsplusnames, b->co_localsplusnames },
        { a->co_linetable, b->co_linetable },
        { a->co_exceptiontable, b->co_exceptiontable },
        { a->co_localspluskinds, b->co_localspluskinds },
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        int r = PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_EQ);
        if (r <= 0) {
            return r;
        }
    }
    return consts_equal(a->co_consts, b->co_consts);
}

static PyObject *
code_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(a) || !PyCode_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int eq = code_equal((PyCodeObject *)a, (PyCodeObject *)b);
    if (eq < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t
code_hash(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_hash_t cached = __atomic_load_n(&co->_co_hash, __ATOMIC_RELAXED);
    if (cached != -1) {
        return cached;
    }
    Py_uhash_t h = 0x345678UL;
    PyObject *parts[] = { co->co_name, co->co_names, co->co_localsplusnames };
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        Py_hash_t ph = PyObject_Hash(parts[i]);
        if (ph == -1) {
            return -1;
        }
        h = (h ^ (Py_uhash_t)ph) * 1000003UL;
    }
    PyObject *bytecode = PyCode_GetCode(co);
    if (bytecode == NULL) {
        return -1;
    }
    h = (h ^ (Py_uhash_t)_Py_HashBytes(PyBytes_AS_STRING(bytecode),
                                       _PyCode_NBYTES(co))) * 1000003UL;
    Py_DECREF(bytecode);
    h ^= (Py_uhash_t)co->co_argcount ^ ((Py_uhash_t)co->co_flags << 8) ^
         ((Py_uhash_t)co->co_firstlineno << 16) ^
         ((Py_uhash_t)PyTuple_GET_SIZE(co->co_consts) << 24);
    Py_hash_t result = (Py_hash_t)h;
    if (result == -1) {
        result = -2;
    }
    __atomic_store_n(&co->_co_hash, result, __ATOMIC_RELAXED);
    return result;
}

#define CODE_MEMBER(name, type) \
    { #name, type, offsetof(PyCodeObject, name), Py_READONLY, NULL }
static PyMemberDef code_members[] = {
    CODE_MEMBER(co_argcount, Py_T_INT),
    CODE_MEMBER(co_posonlyargcount, Py_T_INT),
    CODE_MEMBER(co_kwonlyargcount, Py_T_INT),
    CODE_MEMBER(co_stacksize, Py_T_INT),
    CODE_MEMBER(co_flags, Py_T_INT),
    CODE_MEMBER(co_nlocals, Py_T_INT),
    CODE_MEMBER(co_firstlineno, Py_T_INT),
    CODE_MEMBER(co_consts, _Py_T_OBJECT),
    CODE_MEMBER(co_names, _Py_T_OBJECT),
    CODE_MEMBER(co_filename, _Py_T_OBJECT),
    CODE_MEMBER(co_name, _Py_T_OBJECT),
    CODE_MEMBER(co_qualname, _Py_T_OBJECT),
    CODE_MEMBER(co_linetable, _Py_T_OBJECT),
    CODE_MEMBER(co_exceptiontable, _Py_T_OBJECT),
    { NULL, 0, 0, 0, NULL },
};
#undef CODE_MEMBER

static PyObject *
code_get_code(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetCode((PyCodeObject *)self);
}

static PyObject *
code_get_varnames(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetVarnames((PyCodeObject *)self);
}

static PyObject *
code_get_cellvars(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetCellvars((PyCodeObject *)self);
}

static PyObject *
code_get_freevars(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetFreevars((PyCodeObject *)self);
}

static PyGetSetDef code_getset[] = {
    { "co_code", code_get_code, NULL, NULL, NULL },
    { "co_varnames", code_get_varnames, NULL, NULL, NULL },
    { "co_cellvars", code_get_cellvars, NULL, NULL, NULL },
    { "co_freevars", code_get_freevars, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static PyObject *
int_or_none(int value)
{
    if (value < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(value);
}

/* co_lines(): (start, end, line) byte ranges, merging neighbours with the
   same line as CPython does. */
static PyObject *
code_co_lines(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyCodeAddressRange range;
    _PyCode_InitAddressRange(co, &range);
    int start = -1, end = 0, line = -2;
    while (_PyLineTable_NextAddressRange(&range)) {
        if (start >= 0 && range.ar_line == line) {
            end = range.ar_end;
            continue;
        }
        if (start >= 0) {
            PyObject *item = Py_BuildValue("(iiN)", start, end,
                                           int_or_none(line));
            if (item == NULL || PyList_Append(list, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(item);
        }
        start = range.ar_start;
        end = range.ar_end;
        line = range.ar_line;
    }
    if (start >= 0) {
        PyObject *item = Py_BuildValue("(iiN)", start, end, int_or_none(line));
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* co_positions(): one (line, end_line, col, end_col) per code unit. */
static PyObject *
code_co_positions(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_linetable);
    int line = co->co_firstlineno;
    while (p < end) {
        location_entry e;
        decode_location(&p, &line, &e);
        for (int i = 0; i < e.length; i++) {
            PyObject *item = Py_BuildValue("(NNNN)", int_or_none(e.line),
                                           int_or_none(e.end_line),
                                           int_or_none(e.col),
                                           int_or_none(e.end_col));
            if (item == NULL || PyList_Append(list, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(item);
        }
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* replace(**changes): a copy with some co_* fields changed. */
static PyObject *
code_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "replace() takes no positional arguments");
        return NULL;
    }
    int argcount = co->co_argcount, posonly = co->co_posonlyargcount;
    int kwonly = co->co_kwonlyargcount, stacksize = co->co_stacksize;
    int flags = co->co_flags, firstlineno = co->co_firstlineno;
    int nlocals = co->co_nlocals;
    PyObject *code = PyCode_GetCode(co);
    PyObject *varnames = PyCode_GetVarnames(co);
    PyObject *cellvars = PyCode_GetCellvars(co);
    PyObject *freevars = PyCode_GetFreevars(co);
    PyObject *result = NULL;
    if (code == NULL || varnames == NULL || cellvars == NULL ||
        freevars == NULL) {
        goto done;
    }
    PyObject *consts = co->co_consts, *names = co->co_names;
    PyObject *filename = co->co_filename, *name = co->co_name;
    PyObject *qualname = co->co_qualname, *linetable = co->co_linetable;
    PyObject *exctable = co->co_exceptiontable;
    PyObject *new_code = code, *new_varnames = varnames;
    PyObject *new_cellvars = cellvars, *new_freevars = freevars;
    struct { const char *key; int *target; } ints[] = {
        { "co_argcount", &argcount }, { "co_posonlyargcount", &posonly },
        { "co_kwonlyargcount", &kwonly }, { "co_nlocals", &nlocals },
        { "co_stacksize", &stacksize }, { "co_flags", &flags },
        { "co_firstlineno", &firstlineno },
    };
    struct { const char *key; PyObject **target; } objs[] = {
        { "co_code", &new_code }, { "co_consts", &consts },
        { "co_names", &names }, { "co_varnames", &new_varnames },
        { "co_freevars", &new_freevars }, { "co_cellvars", &new_cellvars },
        { "co_filename", &filename }, { "co_name", &name },
        { "co_qualname", &qualname }, { "co_linetable", &linetable },
        { "co_exceptiontable", &exctable },
    };
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (kwargs != NULL && PyDict_Next(kwargs, &pos, &key, &value)) {
        const char *k = PyUnicode_AsUTF8(key);
        if (k == NULL) {
            goto done;
        }
        int found = 0;
        for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
            if (strcmp(k, ints[i].key) == 0) {
                long v = PyLong_AsLong(value);
                if (v == -1 && PyErr_Occurred()) {
                    goto done;
                }
                *ints[i].target = (int)v;
                found = 1;
            }
        }
        for (size_t i = 0; !found && i < sizeof(objs) / sizeof(objs[0]); i++) {
            if (strcmp(k, objs[i].key) == 0) {
                *objs[i].target = value;
                found = 1;
            }
        }
        if (!found) {
            PyErr_Format(PyExc_TypeError,
                         "replace() got an unexpected keyword argument '%s'", k);
            goto done;
        }
    }
    /* nlocals is derived from varnames: a different one is refused, as
       in CPython. */
    if (!PyTuple_Check(new_varnames) ||
        nlocals != PyTuple_GET_SIZE(new_varnames)) {
        PyErr_SetString(PyExc_ValueError, PyTuple_Check(new_varnames)
                        ? "code: co_nlocals != len(co_varnames)"
                        : "co_varnames must be a tuple");
        goto done;
    }
    result = (PyObject *)PyUnstable_Code_NewWithPosOnlyArgs(
        argcount, posonly, kwonly, nlocals, stacksize, flags, new_code,
        consts, names, new_varnames, new_freevars, new_cellvars, filename,
        name, qualname, firstlineno, linetable, exctable);
done:
    Py_XDECREF(code);
    Py_XDECREF(varnames);
    Py_XDECREF(cellvars);
    Py_XDECREF(freevars);
    return result;
}

static PyObject *
code_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)offsetof(PyCodeObject, co_code_adaptive)
                              + _PyCode_NBYTES((PyCodeObject *)self));
}

static PyMethodDef code_methods[] = {
    { "co_lines", code_co_lines, METH_NOARGS, NULL },
    { "co_positions", code_co_positions, METH_NOARGS, NULL },
    { "replace", (PyCFunction)(void (*)(void))code_replace,
      METH_VARARGS | METH_KEYWORDS, NULL },
    { "__replace__", (PyCFunction)(void (*)(void))code_replace,
      METH_VARARGS | METH_KEYWORDS, NULL },
    { "__sizeof__", code_sizeof, METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

/* code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
        flags, codestring, constants, names, varnames, filename, name,
        qualname, firstlineno, linetable, exceptiontable, freevars=(),
        cellvars=(), /) */
static PyObject *
code_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    (void)type;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "code() takes no keyword arguments");
        return NULL;
    }
    int argcount, posonly, kwonly, nlocals, stacksize, flags, firstlineno;
    PyObject *code, *consts, *names, *varnames, *filename, *name, *qualname;
    PyObject *linetable, *exctable;
    PyObject *freevars = NULL, *cellvars = NULL;
    if (!PyArg_ParseTuple(args, "iiiiiiSO!O!O!UUUiSS|O!O!:code",
                          &argcount, &posonly, &kwonly, &nlocals, &stacksize,
                          &flags, &code, &PyTuple_Type, &consts,
                          &PyTuple_Type, &names, &PyTuple_Type, &varnames,
                          &filename, &name, &qualname, &firstlineno,
                          &linetable, &exctable, &PyTuple_Type, &freevars,
                          &PyTuple_Type, &cellvars)) {
        return NULL;
    }
    if (argcount < 0 || posonly < 0 || kwonly < 0 || nlocals < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "code: argument counts must not be negative");
        return NULL;
    }
    if (nlocals != PyTuple_GET_SIZE(varnames)) {
        PyErr_SetString(PyExc_ValueError,
                        "code: co_nlocals != len(co_varnames)");
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return NULL;
    }
    PyObject *result = (PyObject *)PyUnstable_Code_NewWithPosOnlyArgs(
        argcount, posonly, kwonly, nlocals, stacksize, flags, code, consts,
        names, varnames, freevars ? freevars : empty,
        cellvars ? cellvars : empty, filename, name, qualname, firstlineno,
        linetable, exctable);
    Py_DECREF(empty);
    return result;
}

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = offsetof(PyCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(_Py_CODEUNIT),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_new = code_new,
};
