/* string.templatelib.Interpolation (PEP 750): one `{value!c:spec}` part of
   a template string.  Immutable: its four fields are set at creation and
   only read afterwards, so instances need no locking.

   The type is readied on first use rather than from the start-up table,
   because its class attribute __match_args__ must be in its dict before
   PyType_Ready: a static type's dict is not written once it is ready.
   Every way to reach the type goes through _PyInterpolation_Build (the
   VM, and string.templatelib, which takes the type from a t-string). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_opcode.h"
#include "pycore_template.h"
#include "pycore_typeobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *value;            /* owned; any object */
    PyObject *expression;       /* owned str */
    PyObject *conversion;       /* owned: None, or 's', 'r' or 'a' */
    PyObject *format_spec;      /* owned str */
} interpolationobject;

#define INTERP(op) ((interpolationobject *)(op))

/* Readiness of _PyInterpolation_Type: 0 until ready, then 1 (published
   with a release store; readers load with acquire).  ready_lock
   serialises the one-time set-up between racing first users. */
static int type_is_ready;
static PyMutex ready_lock;

static int
build_type_dict(void)
{
    PyObject *match_args = Py_BuildValue("(ssss)", "value", "expression",
                                         "conversion", "format_spec");
    PyObject *dict = match_args ? PyDict_New() : NULL;
    if (dict == NULL
            || PyDict_SetItemString(dict, "__match_args__", match_args) < 0) {
        Py_XDECREF(match_args);
        Py_XDECREF(dict);
        return -1;
    }
    Py_DECREF(match_args);
    _PyInterpolation_Type.tp_dict = dict;
    return 0;
}

static int
ensure_type_ready(void)
{
    if (__atomic_load_n(&type_is_ready, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    int rc = 0;
    PyMutex_Lock(&ready_lock);
    if (!type_is_ready) {
        rc = _PyInterpolation_Type.tp_dict == NULL ? build_type_dict() : 0;
        if (rc == 0) {
            rc = PyType_Ready(&_PyInterpolation_Type);
        }
        if (rc == 0) {
            __atomic_store_n(&type_is_ready, 1, __ATOMIC_RELEASE);
        }
    }
    PyMutex_Unlock(&ready_lock);
    return rc;
}

/* Takes new references to all four fields. */
static PyObject *
interpolation_alloc(PyTypeObject *type, PyObject *value, PyObject *expression,
                    PyObject *conversion, PyObject *format_spec)
{
    interpolationobject *self = (interpolationobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->value = Py_NewRef(value);
    self->expression = Py_NewRef(expression);
    self->conversion = Py_NewRef(conversion);
    self->format_spec = Py_NewRef(format_spec);
    return (PyObject *)self;
}

static const char *const conversion_letters[] = {NULL, "s", "r", "a"};

PyObject *
_PyInterpolation_Build(PyObject *value, PyObject *expression, int conversion,
                       PyObject *format_spec)
{
    if (ensure_type_ready() < 0) {
        return NULL;
    }
    PyObject *conv;
    if (conversion > FVC_NONE && conversion <= FVC_ASCII) {
        conv = PyUnicode_FromString(conversion_letters[conversion]);
        if (conv == NULL) {
            return NULL;
        }
    }
    else {
        conv = Py_NewRef(Py_None);
    }
    PyObject *spec = format_spec != NULL ? Py_NewRef(format_spec)
                                         : PyUnicode_FromString("");
    PyObject *res = spec == NULL ? NULL
        : interpolation_alloc(&_PyInterpolation_Type, value, expression,
                              conv, spec);
    Py_DECREF(conv);
    Py_XDECREF(spec);
    return res;
}

PyObject *
_PyInterpolation_GetValue(PyObject *interpolation)
{
    return INTERP(interpolation)->value;
}

static int
check_str_argument(PyObject *arg, const char *name)
{
    if (PyUnicode_Check(arg)) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError,
                 "Interpolation() argument '%s' must be str, not %T", name, arg);
    return -1;
}

static int
check_conversion(PyObject *conversion)
{
    if (conversion == Py_None) {
        return 0;
    }
    if (check_str_argument(conversion, "conversion") < 0) {
        return -1;
    }
    if (PyUnicode_GET_LENGTH(conversion) == 1) {
        Py_UCS4 c = PyUnicode_READ_CHAR(conversion, 0);
        if (c == 's' || c == 'r' || c == 'a') {
            return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError,
                    "Interpolation() argument 'conversion' must be one of "
                    "'s', 'a' or 'r'");
    return -1;
}

/* Interpolation(value, expression='', conversion=None, format_spec='') */
static PyObject *
interpolation_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "expression", "conversion",
                             "format_spec", NULL};
    PyObject *value, *expression = NULL, *conversion = Py_None;
    PyObject *format_spec = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOO:Interpolation", kwlist,
                                     &value, &expression, &conversion,
                                     &format_spec)) {
        return NULL;
    }
    if ((expression != NULL && check_str_argument(expression, "expression") < 0)
            || check_conversion(conversion) < 0
            || (format_spec != NULL
                && check_str_argument(format_spec, "format_spec") < 0)) {
        return NULL;
    }
    PyObject *empty = PyUnicode_FromString("");
    if (empty == NULL) {
        return NULL;
    }
    PyObject *res = interpolation_alloc(type, value,
                                        expression ? expression : empty,
                                        conversion,
                                        format_spec ? format_spec : empty);
    Py_DECREF(empty);
    return res;
}

static void
interpolation_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(INTERP(self)->value);
    Py_CLEAR(INTERP(self)->expression);
    Py_CLEAR(INTERP(self)->conversion);
    Py_CLEAR(INTERP(self)->format_spec);
    Py_TYPE(self)->tp_free(self);
}

static int
interpolation_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(INTERP(self)->value);
    Py_VISIT(INTERP(self)->expression);
    Py_VISIT(INTERP(self)->conversion);
    Py_VISIT(INTERP(self)->format_spec);
    return 0;
}

static int
interpolation_clear(PyObject *self)
{
    Py_CLEAR(INTERP(self)->value);
    return 0;
}

static PyObject *
interpolation_repr(PyObject *self)
{
    interpolationobject *ip = INTERP(self);
    return PyUnicode_FromFormat("%s(%R, %R, %R, %R)", _PyType_Name(Py_TYPE(self)),
                                ip->value ? ip->value : Py_None, ip->expression,
                                ip->conversion, ip->format_spec);
}

static PyObject *
interpolation_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    interpolationobject *ip = INTERP(self);
    return Py_BuildValue("O(OOOO)", (PyObject *)Py_TYPE(self),
                         ip->value ? ip->value : Py_None, ip->expression,
                         ip->conversion, ip->format_spec);
}

static PyMethodDef interpolation_methods[] = {
    {"__reduce__", interpolation_reduce, METH_NOARGS,
     "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef interpolation_members[] = {
    {"value", Py_T_OBJECT_EX, offsetof(interpolationobject, value),
     Py_READONLY, "Value"},
    {"expression", Py_T_OBJECT_EX, offsetof(interpolationobject, expression),
     Py_READONLY, "Expression"},
    {"conversion", Py_T_OBJECT_EX, offsetof(interpolationobject, conversion),
     Py_READONLY, "Conversion"},
    {"format_spec", Py_T_OBJECT_EX, offsetof(interpolationobject, format_spec),
     Py_READONLY, "Format specifier"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyInterpolation_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "string.templatelib.Interpolation",
    .tp_doc = "Interpolation object",
    .tp_basicsize = sizeof(interpolationobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = interpolation_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_dealloc = interpolation_dealloc,
    .tp_free = PyObject_GC_Del,
    .tp_repr = interpolation_repr,
    .tp_members = interpolation_members,
    .tp_methods = interpolation_methods,
    .tp_traverse = interpolation_traverse,
    .tp_clear = interpolation_clear,
};
