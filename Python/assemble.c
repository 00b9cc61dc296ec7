/* The assembler: a finished control-flow graph to a code object.
   Lays out the blocks, resolves jump offsets (with EXTENDED_ARG
   prefixes), and writes the location table and the exception table in
   CPython 3.11+'s formats (see Include/cpython/code.h).  Private to the
   compiling thread. */
#include "Python.h"
#include "pycore_flowgraph.h"
#include "pycore_code.h"

typedef struct {
    unsigned char *data;
    Py_ssize_t len, cap;
} bytebuf;

static int
buf_put(bytebuf *buf, int byte)
{
    if (buf->len >= buf->cap) {
        Py_ssize_t newcap = buf->cap ? buf->cap * 2 : 64;
        unsigned char *mem = PyMem_Realloc(buf->data, (size_t)newcap);
        if (mem == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buf->data = mem;
        buf->cap = newcap;
    }
    buf->data[buf->len++] = (unsigned char)byte;
    return 0;
}

static PyObject *
buf_finish(bytebuf *buf)
{
    PyObject *b = PyBytes_FromStringAndSize((const char *)buf->data, buf->len);
    PyMem_Free(buf->data);
    buf->data = NULL;
    return b;
}

/* Code units an instruction takes with its EXTENDED_ARG prefixes. */
static int
instr_size(cfg_instr *in)
{
    unsigned int arg = (unsigned int)in->i_oparg;
    if (!OPCODE_HAS_ARG(in->i_opcode)) {
        arg = 0;
    }
    return arg <= 0xFF ? 1 : arg <= 0xFFFF ? 2 : arg <= 0xFFFFFF ? 3 : 4;
}

/* Real jump opcode and oparg for `in` placed at offset `pos`. */
static void
resolve_jump(cfg_instr *in, int pos)
{
    int size = instr_size(in);
    int next = pos + size;
    int target = in->i_target->b_offset;
    int op = in->i_opcode;
    if (op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD ||
        op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT) {
        if (target >= next) {
            in->i_opcode = JUMP_FORWARD;
            in->i_oparg = target - next;
        }
        else {
            int nointerrupt = op == JUMP_NO_INTERRUPT ||
                              op == JUMP_BACKWARD_NO_INTERRUPT;
            in->i_opcode = nointerrupt ? JUMP_BACKWARD_NO_INTERRUPT
                                       : JUMP_BACKWARD;
            in->i_oparg = next - target;
        }
    }
    else {
        in->i_oparg = target - next;
    }
}

/* Iterate layout until every jump's size is stable. */
static int
assign_offsets(cfg_builder *g)
{
    for (int iteration = 0; iteration < 100; iteration++) {
        int pos = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            b->b_offset = pos;
            for (int i = 0; i < b->b_iused; i++) {
                pos += instr_size(&b->b_instr[i]);
            }
        }
        int changed = 0;
        pos = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            for (int i = 0; i < b->b_iused; i++) {
                cfg_instr *in = &b->b_instr[i];
                int before = instr_size(in);
                if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
                    resolve_jump(in, pos);
                    if (instr_size(in) != before) {
                        changed = 1;
                    }
                }
                pos += instr_size(in);
            }
        }
        if (!changed) {
            return 0;
        }
    }
    PyErr_SetString(PyExc_SystemError, "compiler: jump offsets do not settle");
    return -1;
}

/* Code units are stored in native byte order. */
static int
put_unit(bytebuf *buf, int opcode, unsigned int arg)
{
    _Py_CODEUNIT u = _Py_MAKE_CODEUNIT(opcode, arg & 0xFF);
    unsigned char bytes[2];
    memcpy(bytes, &u, 2);
    if (buf_put(buf, bytes[0]) < 0 || buf_put(buf, bytes[1]) < 0) {
        return -1;
    }
    return 0;
}

static int
emit_code(cfg_builder *g, bytebuf *code)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            unsigned int arg = OPCODE_HAS_ARG(in->i_opcode)
                               ? (unsigned int)in->i_oparg : 0;
            int size = instr_size(in);
            for (int k = size - 1; k > 0; k--) {
                if (put_unit(code, EXTENDED_ARG, arg >> (8 * k)) < 0) {
                    return -1;
                }
            }
            if (put_unit(code, in->i_opcode, arg) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* ---- location table ---------------------------------------------------- */

static int
write_varint(bytebuf *buf, unsigned int val)
{
    unsigned char bytes[6];
    int n = _PyLineTable_PutVarint(bytes, val);
    for (int i = 0; i < n; i++) {
        if (buf_put(buf, bytes[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
write_svarint(bytebuf *buf, int val)
{
    return write_varint(buf, _PyLineTable_ZigZag(val));
}

/* One entry covering `length` (1..8) code units at `loc`; *prevline is
   the line the next delta is relative to. */
static int
write_location_entry(bytebuf *buf, _Py_SourceLocation loc, int length,
                     int *prevline)
{
    int head = 0x80 | (length - 1);
    if (loc.lineno < 0) {
        return buf_put(buf, head | (PY_CODE_LOCATION_INFO_NONE << 3));
    }
    int delta = loc.lineno - *prevline;
    *prevline = loc.lineno;
    int end_line = loc.end_lineno < loc.lineno ? loc.lineno : loc.end_lineno;
    if (loc.col_offset < 0 || loc.end_col_offset < 0) {
        if (buf_put(buf, head | (PY_CODE_LOCATION_INFO_NO_COLUMNS << 3)) < 0) {
            return -1;
        }
        return write_svarint(buf, delta);
    }
    int col = loc.col_offset, end_col = loc.end_col_offset;
    if (end_line == loc.lineno) {
        if (delta == 0 && col < 80 && end_col >= col && end_col - col < 16) {
            int group = col / 8;
            if (buf_put(buf, head | (group << 3)) < 0) {
                return -1;
            }
            return buf_put(buf, ((col % 8) << 4) | (end_col - col));
        }
        if (delta >= 0 && delta < 3 && col < 128 && end_col < 128) {
            if (buf_put(buf, head | ((PY_CODE_LOCATION_INFO_ONE_LINE0 + delta) << 3)) < 0 ||
                buf_put(buf, col) < 0 || buf_put(buf, end_col) < 0) {
                return -1;
            }
            return 0;
        }
    }
    if (buf_put(buf, head | (PY_CODE_LOCATION_INFO_LONG << 3)) < 0 ||
        write_svarint(buf, delta) < 0 ||
        write_varint(buf, (unsigned int)(end_line - loc.lineno)) < 0 ||
        write_varint(buf, (unsigned int)(col + 1)) < 0 ||
        write_varint(buf, (unsigned int)(end_col + 1)) < 0) {
        return -1;
    }
    return 0;
}

static int
same_location(_Py_SourceLocation a, _Py_SourceLocation b)
{
    return a.lineno == b.lineno && a.end_lineno == b.end_lineno &&
           a.col_offset == b.col_offset && a.end_col_offset == b.end_col_offset;
}

static int
write_location_run(bytebuf *buf, _Py_SourceLocation loc, int units,
                   int *prevline)
{
    while (units > 0) {
        int n = units > 8 ? 8 : units;
        if (write_location_entry(buf, loc, n, prevline) < 0) {
            return -1;
        }
        units -= n;
    }
    return 0;
}

static int
emit_linetable(cfg_builder *g, int firstlineno, bytebuf *table)
{
    int prevline = firstlineno;
    _Py_SourceLocation run = NO_LOCATION;
    int runlen = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            int size = instr_size(in);
            if (runlen > 0 && same_location(run, in->i_loc)) {
                runlen += size;
                continue;
            }
            if (runlen > 0 && write_location_run(table, run, runlen, &prevline) < 0) {
                return -1;
            }
            run = in->i_loc;
            runlen = size;
        }
    }
    if (runlen > 0) {
        return write_location_run(table, run, runlen, &prevline);
    }
    return 0;
}

/* ---- exception table --------------------------------------------------- */

static int
write_except_varint(bytebuf *buf, unsigned int val, int first)
{
    int shifts[] = { 24, 18, 12, 6 };
    int started = 0;
    int mark = first ? 0x80 : 0;
    for (int k = 0; k < 4; k++) {
        if (val >= (1u << shifts[k]) || started) {
            if (buf_put(buf, mark | 64 | ((val >> shifts[k]) & 63)) < 0) {
                return -1;
            }
            mark = 0;
            started = 1;
        }
    }
    return buf_put(buf, mark | (int)(val & 63));
}

static int
write_except_entry(bytebuf *buf, int start, int end, basicblock *handler)
{
    int depth = handler->b_startdepth - 1 - (handler->b_preserve_lasti ? 1 : 0);
    if (depth < 0) {
        depth = 0;
    }
    unsigned int dl = ((unsigned int)depth << 1) | handler->b_preserve_lasti;
    if (write_except_varint(buf, (unsigned int)start, 1) < 0 ||
        write_except_varint(buf, (unsigned int)(end - start), 0) < 0 ||
        write_except_varint(buf, (unsigned int)handler->b_offset, 0) < 0 ||
        write_except_varint(buf, dl, 0) < 0) {
        return -1;
    }
    return 0;
}

static int
emit_exception_table(cfg_builder *g, bytebuf *table)
{
    basicblock *current = NULL;
    int start = 0, pos = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_except != current) {
                if (current != NULL && pos > start &&
                    write_except_entry(table, start, pos, current) < 0) {
                    return -1;
                }
                current = in->i_except;
                start = pos;
            }
            pos += instr_size(in);
        }
    }
    if (current != NULL && pos > start) {
        return write_except_entry(table, start, pos, current);
    }
    return 0;
}

PyObject *
_PyAssemble_MakeCode(cfg_builder *g, _PyAssembleInfo *info)
{
    bytebuf code = {0}, lines = {0}, excs = {0};
    PyObject *result = NULL, *codebytes = NULL, *linetable = NULL;
    PyObject *exctable = NULL, *consts = NULL, *names = NULL;
    if (assign_offsets(g) < 0 || emit_code(g, &code) < 0 ||
        emit_linetable(g, info->firstlineno, &lines) < 0 ||
        emit_exception_table(g, &excs) < 0) {
        PyMem_Free(code.data);
        PyMem_Free(lines.data);
        PyMem_Free(excs.data);
        return NULL;
    }
    codebytes = buf_finish(&code);
    linetable = buf_finish(&lines);
    exctable = buf_finish(&excs);
    consts = PyList_AsTuple(info->consts);
    names = PyList_AsTuple(info->names);
    if (codebytes && linetable && exctable && consts && names) {
        struct _PyCodeConstructor con = {
            .filename = info->filename, .name = info->name,
            .qualname = info->qualname, .flags = info->flags,
            .code = codebytes, .firstlineno = info->firstlineno,
            .linetable = linetable, .consts = consts, .names = names,
            .localsplusnames = info->localsplusnames,
            .localspluskinds = info->localspluskinds,
            .argcount = info->argcount,
            .posonlyargcount = info->posonlyargcount,
            .kwonlyargcount = info->kwonlyargcount,
            .stacksize = info->stacksize, .exceptiontable = exctable,
        };
        result = (PyObject *)_PyCode_New(&con);
    }
    Py_XDECREF(codebytes);
    Py_XDECREF(linetable);
    Py_XDECREF(exctable);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    return result;
}
