/* The _bisect module: C versions of bisect.py's searches and insertions,
   which bisect.py imports over its own definitions.

   Thread safety: nothing here is shared; the sequence is read through
   its public protocol (PySequence_GetItem), each item read on its own,
   as the Python code does, so a sequence changed by another thread (or
   by a comparison) gives a result from some state of it, never a crash.
   The module has no state. */
#include "Python.h"

/* Parse (a, x, lo=0, hi=None, *, key=None) and return the search
   bounds.  Borrowed references; 0 or -1 with an exception set. */
static int parse_args(const char *name, PyObject *args, PyObject *kwds,
                      PyObject **a, PyObject **x, Py_ssize_t *lo,
                      Py_ssize_t *hi, PyObject **key)
{
    static char *keywords[] = {"a", "x", "lo", "hi", "key", NULL};
    PyObject *hi_obj = Py_None;
    char format[32];
    PyOS_snprintf(format, sizeof(format), "OO|nO$O:%s", name);
    *lo = 0;
    *key = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, format, keywords, a, x,
                                     lo, &hi_obj, key)) {
        return -1;
    }
    if (*lo < 0) {
        PyErr_SetString(PyExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi_obj == Py_None) {
        *hi = PySequence_Size(*a);
        if (*hi < 0) {
            return -1;
        }
    }
    else {
        *hi = PyNumber_AsSsize_t(hi_obj, PyExc_OverflowError);
        if (*hi == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

/* The element a[i], through key when key is not None.  New reference. */
static PyObject *element(PyObject *a, Py_ssize_t i, PyObject *key)
{
    PyObject *item = PySequence_GetItem(a, i);
    if (item == NULL || key == Py_None) {
        return item;
    }
    PyObject *keyed = PyObject_CallOneArg(key, item);
    Py_DECREF(item);
    return keyed;
}

/* Binary search of x in a[lo:hi].  right: after equal elements.
   -1 with an exception set on error. */
static Py_ssize_t search(PyObject *a, PyObject *x, Py_ssize_t lo,
                         Py_ssize_t hi, PyObject *key, int right)
{
    while (lo < hi) {
        /* lo + (hi - lo) / 2 cannot overflow, unlike (lo + hi) / 2. */
        Py_ssize_t mid = lo + (hi - lo) / 2;
        PyObject *item = element(a, mid, key);
        if (item == NULL) {
            return -1;
        }
        int goes_left = right ? PyObject_RichCompareBool(x, item, Py_LT)
                              : !PyObject_RichCompareBool(item, x, Py_LT);
        Py_DECREF(item);
        if (PyErr_Occurred()) {
            return -1;
        }
        if (goes_left) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return lo;
}

static PyObject *bisect_common(const char *name, PyObject *args,
                               PyObject *kwds, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (parse_args(name, args, kwds, &a, &x, &lo, &hi, &key) < 0) {
        return NULL;
    }
    Py_ssize_t i = search(a, x, lo, hi, key, right);
    return i < 0 ? NULL : PyLong_FromSsize_t(i);
}

static PyObject *insort_common(const char *name, PyObject *args,
                               PyObject *kwds, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (parse_args(name, args, kwds, &a, &x, &lo, &hi, &key) < 0) {
        return NULL;
    }
    PyObject *probe = key == Py_None ? Py_NewRef(x)
                                     : PyObject_CallOneArg(key, x);
    if (probe == NULL) {
        return NULL;
    }
    Py_ssize_t i = search(a, probe, lo, hi, key, right);
    Py_DECREF(probe);
    if (i < 0) {
        return NULL;
    }
    if (PyList_CheckExact(a)) {
        if (PyList_Insert(a, i, x) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(a, "insert", "OO", index, x);
    Py_DECREF(index);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    Py_RETURN_NONE;
}

static PyObject *bisect_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common("bisect_right", args, kwds, 1);
}

static PyObject *bisect_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common("bisect_left", args, kwds, 0);
}

static PyObject *insort_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common("insort_right", args, kwds, 1);
}

static PyObject *insort_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common("insort_left", args, kwds, 0);
}

static PyMethodDef bisect_functions[] = {
    {"bisect_right", _PyCFunction_CAST(bisect_right),
     METH_VARARGS | METH_KEYWORDS,
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Index after the last element of a[lo:hi] that is <= x."},
    {"bisect_left", _PyCFunction_CAST(bisect_left),
     METH_VARARGS | METH_KEYWORDS,
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Index of the first element of a[lo:hi] that is >= x."},
    {"insort_right", _PyCFunction_CAST(insort_right),
     METH_VARARGS | METH_KEYWORDS,
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert x into a, kept sorted, after any elements equal to it."},
    {"insort_left", _PyCFunction_CAST(insort_left),
     METH_VARARGS | METH_KEYWORDS,
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert x into a, kept sorted, before any elements equal to it."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot bisect_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef bisect_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_bisect",
    .m_doc = "Bisection algorithms (the C part of bisect).",
    .m_size = 0,
    .m_methods = bisect_functions,
    .m_slots = bisect_slots,
};

PyMODINIT_FUNC
PyInit__bisect(void)
{
    return PyModuleDef_Init(&bisect_module);
}
