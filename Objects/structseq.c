/* Struct sequences: tuples whose items also have names.

   Layout.  An instance is a PyTupleObject whose ob_size counts only the
   visible items (n_sequence_fields), so every tuple operation (len,
   indexing, hash, comparison, iteration) sees just those.  The hidden
   items (fields reachable by name only, such as st_atime_ns) follow the
   visible ones in ob_item.  Room for them comes from the type's
   tp_basicsize, which is the tuple header plus one pointer per hidden
   field; so the number of items an instance really holds is

       ob_size + (tp_basicsize - tuple basicsize) / sizeof(PyObject *)

   and needs no dictionary lookup on the hot paths (dealloc, traverse).

   Names.  Each named field is a read-only member descriptor on the type
   at its item's offset, in field order; unnamed fields
   (PyStructSequence_UnnamedField) have none.  The type dict also holds
   n_sequence_fields, n_fields, n_unnamed_fields and __match_args__, as in
   CPython.

   Thread safety: instances are immutable once their creator has filled
   them; the type's layout is fixed when it is made. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

static const char unnamed_field_name[] = "unnamed field";
const char * const PyStructSequence_UnnamedField = unnamed_field_name;

#define TUPLE_BASICSIZE ((Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *)))

static Py_ssize_t hidden_count(PyTypeObject *type)
{
    return (type->tp_basicsize - TUPLE_BASICSIZE) / (Py_ssize_t)sizeof(PyObject *);
}

static Py_ssize_t real_size(PyObject *op)
{
    return Py_SIZE(op) + hidden_count(Py_TYPE(op));
}

/* An int stored in the type dict by PyStructSequence_InitType2 /
   NewType (name is an interned identifier); -1 with an exception if it
   is missing.  Type dicts are only read here, never changed after the
   type is made. */
static Py_ssize_t type_dict_size(PyTypeObject *type, PyObject *name)
{
    PyObject *value = PyDict_GetItemWithError(type->tp_dict, name);
    if (value == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "Missed attribute '%U' of type %s",
                         name, type->tp_name);
        }
        return -1;
    }
    return PyLong_AsSsize_t(value);
}

#define N_SEQUENCE_FIELDS _Py_INTERNED_ID(n_sequence_fields)
#define N_FIELDS _Py_INTERNED_ID(n_fields)
#define N_UNNAMED_FIELDS _Py_INTERNED_ID(n_unnamed_fields)

/* ---- the C API ------------------------------------------------------ */

PyObject *PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t visible = type_dict_size(type, N_SEQUENCE_FIELDS);
    if (visible < 0) {
        return NULL;
    }
    PyObject *op = PyType_GenericAlloc(type, visible);
    if (op == NULL) {
        return NULL;
    }
    ((PyTupleObject *)op)->ob_hash = -1;
    return op;
}

void PyStructSequence_SetItem(PyObject *op, Py_ssize_t pos, PyObject *value)
{
    assert(0 <= pos && pos < real_size(op));
    PyObject *old = ((PyTupleObject *)op)->ob_item[pos];
    ((PyTupleObject *)op)->ob_item[pos] = value;
    Py_XDECREF(old);
}

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t pos)
{
    assert(0 <= pos && pos < real_size(op));
    return ((PyTupleObject *)op)->ob_item[pos];
}

/* ---- lifetime ----------------------------------------------------------- */

/* Whether this dealloc and traverse answer for op's reference to its
   type: only when the struct sequence type itself (the nearest type in
   op's bases that uses them) is a heap type.  For a Python subclass of a
   static struct sequence, subtype_dealloc and subtype_traverse do it. */
static int owns_type_reference(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    while (type->tp_dealloc != _PyStructSequence_Dealloc
           && type->tp_base != NULL) {
        type = type->tp_base;
    }
    return (type->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

void _PyStructSequence_Dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    int drop_type = owns_type_reference(op);
    PyObject_GC_UnTrack(op);
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    }
    type->tp_free(op);
    if (drop_type) {
        Py_DECREF(type);
    }
}

int _PyStructSequence_Traverse(PyObject *op, visitproc visit, void *arg)
{
    if (owns_type_reference(op)) {
        Py_VISIT(Py_TYPE(op));
    }
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    }
    return 0;
}

/* ---- construction from Python ------------------------------------------- */

/* The name of field i (visible or hidden), or NULL for an unnamed one.
   Members list the named fields in order, so field i is member
   i - n_unnamed once past the unnamed ones, which are all visible. */
static const char *hidden_field_name(PyTypeObject *type, Py_ssize_t i,
                                     Py_ssize_t n_unnamed)
{
    return type->tp_members[i - n_unnamed].name;
}

static int size_error(PyTypeObject *type, Py_ssize_t given,
                      Py_ssize_t min_len, Py_ssize_t max_len)
{
    if (min_len == max_len) {
        PyErr_Format(PyExc_TypeError,
                     "%.500s() takes a %zd-sequence (%zd-sequence given)",
                     type->tp_name, min_len, given);
    }
    else if (given < min_len) {
        PyErr_Format(PyExc_TypeError,
                     "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                     type->tp_name, min_len, given);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                     type->tp_name, max_len, given);
    }
    return -1;
}

/* Fill the fields of a fresh instance from items[0:len] and, for hidden
   fields past len, from dict (missing ones become None). */
static int fill_from_sequence(PyObject *result, PyObject *const *items,
                              Py_ssize_t len, PyObject *dict,
                              Py_ssize_t n_fields, Py_ssize_t n_unnamed)
{
    PyTupleObject *tup = (PyTupleObject *)result;
    for (Py_ssize_t i = 0; i < len; i++) {
        tup->ob_item[i] = Py_NewRef(items[i]);
    }
    for (Py_ssize_t i = len; i < n_fields; i++) {
        PyObject *value = NULL;
        if (dict != NULL) {
            const char *name = hidden_field_name(Py_TYPE(result), i, n_unnamed);
            if (PyDict_GetItemStringRef(dict, name, &value) < 0) {
                return -1;
            }
        }
        tup->ob_item[i] = value != NULL ? value : Py_NewRef(Py_None);
    }
    return 0;
}

/* structseq(sequence, dict=None) */
static PyObject *structseq_new(PyTypeObject *type, PyObject *args,
                               PyObject *kwargs)
{
    static char *keywords[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    char format[64];
    snprintf(format, sizeof(format), "O|O:%.40s", type->tp_name);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, keywords,
                                     &arg, &dict)) {
        return NULL;
    }
    if (dict == Py_None) {
        dict = NULL;
    }
    if (dict != NULL && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError,
                     "%.500s() takes a dict as second arg, if any",
                     type->tp_name);
        return NULL;
    }
    Py_ssize_t min_len = type_dict_size(type, N_SEQUENCE_FIELDS);
    Py_ssize_t max_len = type_dict_size(type, N_FIELDS);
    Py_ssize_t n_unnamed = type_dict_size(type, N_UNNAMED_FIELDS);
    if (min_len < 0 || max_len < 0 || n_unnamed < 0) {
        return NULL;
    }
    if (max_len != min_len + hidden_count(type) || n_unnamed > min_len) {
        PyErr_Format(PyExc_SystemError, "%s: corrupted struct sequence type",
                     type->tp_name);
        return NULL;
    }
    PyObject *seq = PySequence_Fast(arg, "constructor requires a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(seq);
    if (len < min_len || len > max_len) {
        size_error(type, len, min_len, max_len);
        Py_DECREF(seq);
        return NULL;
    }
    PyObject *result = PyType_GenericAlloc(type, min_len);
    if (result == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    ((PyTupleObject *)result)->ob_hash = -1;
    int rc = fill_from_sequence(result, PySequence_Fast_ITEMS(seq), len,
                                dict, max_len, n_unnamed);
    Py_DECREF(seq);
    if (rc < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* ---- methods ---------------------------------------------------------- */

/* "name(field=value, ...)" over the visible items.  As in CPython the
   i-th visible item is labelled with the i-th member's name, so types
   with unnamed visible fields (os.stat_result) show the later names. */
PyObject *_PyStructSequence_Repr(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    Py_ssize_t n_members = 0;
    while (type->tp_members != NULL && type->tp_members[n_members].name != NULL) {
        n_members++;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(op) && i < n_members; i++) {
        PyObject *part = PyUnicode_FromFormat(
            "%s=%R", type->tp_members[i].name, PyTuple_GET_ITEM(op, i));
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep != NULL ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (body == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U)", type->tp_name, body);
    Py_DECREF(body);
    return result;
}

/* (type, (visible items, {hidden name: value})) */
static PyObject *structseq_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *type = Py_TYPE(op);
    Py_ssize_t n_unnamed = type_dict_size(type, N_UNNAMED_FIELDS);
    if (n_unnamed < 0) {
        return NULL;
    }
    PyObject *visible = PyTuple_FromArray(_PyTuple_ITEMS(op), Py_SIZE(op));
    PyObject *hidden = PyDict_New();
    if (visible == NULL || hidden == NULL) {
        goto error;
    }
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = Py_SIZE(op); i < n; i++) {
        PyObject *value = PyTuple_GET_ITEM(op, i);
        const char *name = hidden_field_name(type, i, n_unnamed);
        if (value != NULL && PyDict_SetItemString(hidden, name, value) < 0) {
            goto error;
        }
    }
    return Py_BuildValue("(O(NN))", (PyObject *)type, visible, hidden);
error:
    Py_XDECREF(visible);
    Py_XDECREF(hidden);
    return NULL;
}

/* copy.replace(): a new instance with the named fields replaced.  Only
   for types without unnamed fields, whose member i is field i. */
static PyObject *structseq_replace(PyObject *op, PyObject *args,
                                   PyObject *kwargs)
{
    PyTypeObject *type = Py_TYPE(op);
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "__replace__() takes no positional arguments");
        return NULL;
    }
    Py_ssize_t n_unnamed = type_dict_size(type, N_UNNAMED_FIELDS);
    if (n_unnamed < 0) {
        return NULL;
    }
    if (n_unnamed > 0) {
        PyErr_Format(PyExc_TypeError,
                     "__replace__() is not supported for %.500s "
                     "because it has unnamed field(s)", type->tp_name);
        return NULL;
    }
    PyObject *changes = kwargs != NULL ? PyDict_Copy(kwargs) : PyDict_New();
    if (changes == NULL) {
        return NULL;
    }
    PyObject *result = PyType_GenericAlloc(type, Py_SIZE(op));
    if (result == NULL) {
        Py_DECREF(changes);
        return NULL;
    }
    ((PyTupleObject *)result)->ob_hash = -1;
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyUnicode_FromString(type->tp_members[i].name);
        PyObject *value = NULL;
        if (name == NULL || PyDict_Pop(changes, name, &value) < 0) {
            Py_XDECREF(name);
            goto error;
        }
        Py_DECREF(name);
        if (value == NULL) {
            value = Py_XNewRef(PyTuple_GET_ITEM(op, i));
        }
        ((PyTupleObject *)result)->ob_item[i] = value;
    }
    if (PyDict_GET_SIZE(changes) > 0) {
        PyObject *names = PyDict_Keys(changes);
        if (names != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "Got unexpected field name(s): %R", names);
            Py_DECREF(names);
        }
        goto error;
    }
    Py_DECREF(changes);
    return result;
error:
    Py_DECREF(changes);
    Py_DECREF(result);
    return NULL;
}

PyMethodDef _PyStructSequence_Methods[] = {
    {"__reduce__", structseq_reduce, METH_NOARGS, NULL},
    {"__replace__", (PyCFunction)(void (*)(void))structseq_replace,
     METH_VARARGS | METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\n"
     "Return a copy of the structure with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

/* ---- making the types -------------------------------------------------- */

static void count_fields(PyStructSequence_Desc *desc, Py_ssize_t *n_fields,
                         Py_ssize_t *n_unnamed)
{
    *n_fields = 0;
    *n_unnamed = 0;
    for (PyStructSequence_Field *f = desc->fields; f->name != NULL; f++) {
        (*n_fields)++;
        if (f->name == PyStructSequence_UnnamedField) {
            (*n_unnamed)++;
        }
    }
}

/* A PyMem_Malloc'ed member table for the named fields, NULL-terminated;
   the caller owns it. */
static PyMemberDef *make_members(PyStructSequence_Desc *desc,
                                 Py_ssize_t n_fields, Py_ssize_t n_unnamed)
{
    Py_ssize_t n_members = n_fields - n_unnamed;
    PyMemberDef *members = PyMem_Calloc((size_t)n_members + 1,
                                        sizeof(PyMemberDef));
    if (members == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n_fields; i++) {
        PyStructSequence_Field *f = &desc->fields[i];
        if (f->name == PyStructSequence_UnnamedField) {
            continue;
        }
        members[k].name = f->name;
        members[k].type = Py_T_OBJECT_EX;
        members[k].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item)
                                         + (size_t)i * sizeof(PyObject *));
        members[k].flags = Py_READONLY;
        members[k].doc = f->doc;
        k++;
    }
    return members;
}

static int set_dict_size(PyObject *dict, const char *name, Py_ssize_t value)
{
    PyObject *v = PyLong_FromSsize_t(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, name, v);
    Py_DECREF(v);
    return rc;
}

/* n_sequence_fields, n_fields, n_unnamed_fields and __match_args__ (the
   names of the visible named fields). */
static int fill_type_dict(PyTypeObject *type, PyStructSequence_Desc *desc,
                          Py_ssize_t n_fields, Py_ssize_t n_unnamed)
{
    PyObject *dict = type->tp_dict;
    if (set_dict_size(dict, "n_sequence_fields", desc->n_in_sequence) < 0
        || set_dict_size(dict, "n_fields", n_fields) < 0
        || set_dict_size(dict, "n_unnamed_fields", n_unnamed) < 0) {
        return -1;
    }
    PyObject *match_args = PyList_New(0);
    if (match_args == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; i++) {
        const char *name = desc->fields[i].name;
        if (name == PyStructSequence_UnnamedField) {
            continue;
        }
        PyObject *s = PyUnicode_InternFromString(name);
        if (s == NULL || PyList_Append(match_args, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(match_args);
            return -1;
        }
        Py_DECREF(s);
    }
    PyObject *tuple = PyList_AsTuple(match_args);
    Py_DECREF(match_args);
    if (tuple == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, "__match_args__", tuple);
    Py_DECREF(tuple);
    return rc;
}

static int check_desc(PyStructSequence_Desc *desc, Py_ssize_t n_fields)
{
    if (desc->n_in_sequence < 0 || desc->n_in_sequence > n_fields) {
        PyErr_Format(PyExc_SystemError,
                     "struct sequence %s: n_in_sequence out of range",
                     desc->name);
        return -1;
    }
    for (Py_ssize_t i = desc->n_in_sequence; i < n_fields; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            PyErr_Format(PyExc_SystemError,
                         "struct sequence %s: hidden fields must be named",
                         desc->name);
            return -1;
        }
    }
    return 0;
}

static Py_ssize_t basicsize_for(PyStructSequence_Desc *desc,
                                Py_ssize_t n_fields)
{
    return TUPLE_BASICSIZE
           + (n_fields - desc->n_in_sequence) * (Py_ssize_t)sizeof(PyObject *);
}

/* Static types: fills in a zeroed (or partly filled) PyTypeObject.
   Runs at module initialisation; a second call on a ready type is a
   no-op. */
int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    if (type->tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    Py_ssize_t n_fields, n_unnamed;
    count_fields(desc, &n_fields, &n_unnamed);
    if (check_desc(desc, n_fields) < 0) {
        return -1;
    }
    PyMemberDef *members = make_members(desc, n_fields, n_unnamed);
    if (members == NULL) {
        return -1;
    }
    Py_SET_TYPE(type, &PyType_Type);
    type->tp_name = desc->name;
    type->tp_doc = desc->doc;
    type->tp_basicsize = basicsize_for(desc, n_fields);
    type->tp_itemsize = sizeof(PyObject *);
    type->tp_dealloc = _PyStructSequence_Dealloc;
    type->tp_repr = _PyStructSequence_Repr;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                     | Py_TPFLAGS_TUPLE_SUBCLASS;
    type->tp_traverse = _PyStructSequence_Traverse;
    type->tp_methods = _PyStructSequence_Methods;
    type->tp_members = members;
    /* A constructor the caller installed beforehand is kept (posix's
       sched_param takes keywords). */
    if (type->tp_new == NULL) {
        type->tp_new = structseq_new;
    }
    type->tp_base = &PyTuple_Type;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;
    if (PyType_Ready(type) < 0
        || fill_type_dict(type, desc, n_fields, n_unnamed) < 0) {
        /* The member table stays with the type: descriptors point into it. */
        return -1;
    }
    PyType_Modified(type);
    return 0;
}

/* A statically defined struct sequence type (structseq.h): ready it if
   the static type table has not, then add what the static initializer
   could not hold: the member descriptors (their table is owned by the
   type for ever) and the class attributes.  Runs single-threaded at
   start-up, before any other code can look the type up. */
int _PyStructSequence_FinishBuiltin(PyTypeObject *type,
                                    PyStructSequence_Desc *desc)
{
    Py_ssize_t n_fields, n_unnamed;
    count_fields(desc, &n_fields, &n_unnamed);
    if (check_desc(desc, n_fields) < 0) {
        return -1;
    }
    if (type->tp_basicsize != basicsize_for(desc, n_fields)) {
        PyErr_Format(PyExc_SystemError,
                     "struct sequence %s: static type with hidden fields",
                     desc->name);
        return -1;
    }
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    if (type->tp_members == NULL) {
        PyMemberDef *members = make_members(desc, n_fields, n_unnamed);
        if (members == NULL) {
            return -1;
        }
        for (PyMemberDef *m = members; m->name != NULL; m++) {
            PyObject *descr = PyDescr_NewMember(type, m);
            int rc = descr == NULL ? -1
                     : PyDict_SetItemString(type->tp_dict, m->name, descr);
            Py_XDECREF(descr);
            if (rc < 0) {
                return -1;
            }
        }
        type->tp_members = members;
    }
    if (fill_type_dict(type, desc, n_fields, n_unnamed) < 0) {
        return -1;
    }
    PyType_Modified(type);
    return 0;
}

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    if (PyStructSequence_InitType2(type, desc) < 0) {
        Py_FatalError("PyStructSequence_InitType: cannot initialize type");
    }
}

PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    Py_ssize_t n_fields, n_unnamed;
    count_fields(desc, &n_fields, &n_unnamed);
    if (check_desc(desc, n_fields) < 0) {
        return NULL;
    }
    PyMemberDef *members = make_members(desc, n_fields, n_unnamed);
    if (members == NULL) {
        return NULL;
    }
    PyType_Slot slots[] = {
        {Py_tp_dealloc, (void *)_PyStructSequence_Dealloc},
        {Py_tp_repr, (void *)_PyStructSequence_Repr},
        {Py_tp_doc, (void *)desc->doc},
        {Py_tp_methods, _PyStructSequence_Methods},
        {Py_tp_new, (void *)structseq_new},
        {Py_tp_traverse, (void *)_PyStructSequence_Traverse},
        {Py_tp_members, members},
        {Py_tp_base, &PyTuple_Type},
        {0, NULL},
    };
    PyType_Spec spec = {
        .name = desc->name,
        .basicsize = (int)basicsize_for(desc, n_fields),
        .itemsize = sizeof(PyObject *),
        /* Immutable: the class attributes describe the layout. */
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                 | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_IMMUTABLETYPE,
        .slots = slots,
    };
    /* The spec's members are copied into the heap type. */
    PyObject *type = PyType_FromSpec(&spec);
    PyMem_Free(members);
    if (type == NULL) {
        return NULL;
    }
    if (fill_type_dict((PyTypeObject *)type, desc, n_fields, n_unnamed) < 0) {
        Py_DECREF(type);
        return NULL;
    }
    PyType_Modified((PyTypeObject *)type);
    return (PyTypeObject *)type;
}
