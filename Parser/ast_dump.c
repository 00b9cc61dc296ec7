/* _PyAST_Dump: a tree as the text Python 3.15's ast.dump() gives with its
   default arguments, e.g. "Module(body=[Expr(value=Constant(value=1))])".

   The walk is driven by the node description tables (Parser/ast_nodes.c):
   every field is printed as name=value, except that fields holding None
   or an empty list are left out (3.13+ rule; a Constant's or
   MatchSingleton's value is an object, so Constant(value=None) stays).
   Leaf objects are printed with repr(), ints in decimal, enumeration
   members as "Load()".

   Thread safety: reads a tree owned by the caller; the tables are const. */
#include "Python.h"
#include "pycore_ast.h"

/* Deeper trees raise RecursionError instead of exhausting the C stack. */
#define MAX_DUMP_DEPTH 3000

typedef struct {
    PyUnicodeWriter *w;
    int include_attributes;
} Dumper;

static int dump_node(Dumper *d, int type, const void *node, int depth);

static int
write_str(PyUnicodeWriter *w, const char *s)
{
    return PyUnicodeWriter_WriteUTF8(w, s, (Py_ssize_t)strlen(s));
}

/* One value of ASDL type `type` stored at `slot`. */
static int
dump_value(Dumper *d, int type, const void *slot, int depth)
{
    PyUnicodeWriter *w = d->w;
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    switch (t->category) {
    case _PyAST_CAT_BUILTIN:
        if (type == _PyAST_T_int) {
            char buf[32];
            snprintf(buf, sizeof(buf), "%d", *(const int *)slot);
            return write_str(w, buf);
        }
        else {
            PyObject *obj = *(PyObject * const *)slot;
            if (obj == NULL) {
                return write_str(w, "None");
            }
            return PyUnicodeWriter_WriteRepr(w, obj);
        }
    case _PyAST_CAT_ENUM: {
        int value = *(const int *)slot;
        if (value < 1 || value > t->count) {
            PyErr_Format(PyExc_ValueError, "invalid %s value %d", t->name,
                         value);
            return -1;
        }
        if (write_str(w, _PyAST_Nodes[t->first + value - 1].name) < 0) {
            return -1;
        }
        return write_str(w, "()");
    }
    default: {
        const void *node = *(void * const *)slot;
        if (node == NULL) {
            return write_str(w, "None");
        }
        return dump_node(d, type, node, depth + 1);
    }
    }
}

/* Whether a field's value is None or [] (left out by ast.dump). */
static int
is_empty(const _PyAST_Field *f, const char *base)
{
    const void *slot = base + f->offset;
    if (f->quantifier == _PyAST_Q_SEQ || f->quantifier == _PyAST_Q_SEQ_OPT) {
        const asdl_seq *seq = *(asdl_seq * const *)slot;
        return asdl_seq_LEN(seq) == 0;
    }
    int cat = _PyAST_Types[f->type].category;
    if (cat == _PyAST_CAT_BUILTIN && f->type == _PyAST_T_int) {
        return 0;
    }
    if (cat == _PyAST_CAT_ENUM) {
        return *(const int *)slot == 0;
    }
    return *(void * const *)slot == NULL;
}

static int
dump_sequence(Dumper *d, const _PyAST_Field *f, const void *slot, int depth)
{
    PyUnicodeWriter *w = d->w;
    if (PyUnicodeWriter_WriteChar(w, '[') < 0) {
        return -1;
    }
    if (f->type == _PyAST_T_int || _PyAST_Types[f->type].category ==
        _PyAST_CAT_ENUM) {
        const asdl_int_seq *seq = *(asdl_int_seq * const *)slot;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
            if ((i && write_str(w, ", ") < 0) ||
                dump_value(d, f->type, &seq->typed_elements[i], depth) < 0) {
                return -1;
            }
        }
    }
    else {
        const asdl_seq *seq = *(asdl_seq * const *)slot;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
            if ((i && write_str(w, ", ") < 0) ||
                dump_value(d, f->type, &seq->typed_elements[i], depth) < 0) {
                return -1;
            }
        }
    }
    return PyUnicodeWriter_WriteChar(w, ']');
}

static int
dump_node(Dumper *d, int type, const void *node, int depth)
{
    PyUnicodeWriter *w = d->w;
    if (depth > MAX_DUMP_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during ast.dump()");
        return -1;
    }
    const _PyAST_NodeInfo *info = _PyAST_NodeInfoOf(type, node);
    if (info == NULL) {
        PyErr_Format(PyExc_ValueError, "invalid %s node",
                     _PyAST_Types[type].name);
        return -1;
    }
    if (write_str(w, info->name) < 0 || PyUnicodeWriter_WriteChar(w, '(') < 0) {
        return -1;
    }
    const char *base = node;
    int written = 0;
    for (int i = 0; i < info->nfields; i++) {
        const _PyAST_Field *f = &info->fields[i];
        if (is_empty(f, base)) {
            continue;
        }
        if ((written && write_str(w, ", ") < 0) || write_str(w, f->name) < 0 ||
            PyUnicodeWriter_WriteChar(w, '=') < 0) {
            return -1;
        }
        const void *slot = base + f->offset;
        int r = (f->quantifier == _PyAST_Q_SEQ ||
                 f->quantifier == _PyAST_Q_SEQ_OPT)
                ? dump_sequence(d, f, slot, depth)
                : dump_value(d, f->type, slot, depth);
        if (r < 0) {
            return -1;
        }
        written = 1;
    }
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    if (d->include_attributes && t->has_location) {
        static const char * const names[4] = {
            "lineno", "col_offset", "end_lineno", "end_col_offset"};
        for (int i = 0; i < 4; i++) {
            char buf[64];
            snprintf(buf, sizeof(buf), "%s%s=%d", written ? ", " : "",
                     names[i], *(const int *)(base + t->location[i]));
            if (write_str(w, buf) < 0) {
                return -1;
            }
            written = 1;
        }
    }
    return PyUnicodeWriter_WriteChar(w, ')');
}

PyObject *
_PyAST_DumpNodeEx(int type, const void *node, int include_attributes)
{
    if (type < 0 || type >= _PyAST_T_COUNT || node == NULL ||
        (_PyAST_Types[type].category != _PyAST_CAT_SUM &&
         _PyAST_Types[type].category != _PyAST_CAT_PRODUCT)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Dumper d = {PyUnicodeWriter_Create(0), include_attributes};
    if (d.w == NULL) {
        return NULL;
    }
    if (dump_node(&d, type, node, 0) < 0) {
        PyUnicodeWriter_Discard(d.w);
        return NULL;
    }
    return PyUnicodeWriter_Finish(d.w);
}

PyObject *
_PyAST_DumpNode(int type, const void *node)
{
    return _PyAST_DumpNodeEx(type, node, 0);
}

PyObject *
_PyAST_Dump(mod_ty tree)
{
    return _PyAST_DumpNode(_PyAST_T_mod, tree);
}
