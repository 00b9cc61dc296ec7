/* The _heapq module: C versions of heapq.py's list operations, which
   heapq.py imports over its own definitions.  Both use the same sifts
   (a hole moved down to a leaf, then the item moved up: the fewest
   comparisons), so a heap has the same layout either way.

   Thread safety: each function works inside the heap list's critical
   section, as list methods do.  A comparison runs arbitrary code, which
   may suspend the section or change the list: items are held by owned
   references across it, and the size is checked again after it. */
#include "Python.h"

/* a must sit nearer the root than b: a < b in a min-heap, b < a in a
   max-heap.  1, 0, or -1 with an exception set. */
static int before(PyObject *a, PyObject *b, int max_heap)
{
    Py_INCREF(a);
    Py_INCREF(b);
    int r = max_heap ? PyObject_RichCompareBool(b, a, Py_LT)
                     : PyObject_RichCompareBool(a, b, Py_LT);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static int size_changed(PyObject *heap, Py_ssize_t size)
{
    if (PyList_GET_SIZE(heap) != size) {
        PyErr_SetString(PyExc_RuntimeError,
                        "list changed size during iteration");
        return 1;
    }
    return 0;
}

/* Swap heap[i] and heap[j] (the list owns both references). */
static void swap(PyObject *heap, Py_ssize_t i, Py_ssize_t j)
{
    PyObject **items = ((PyListObject *)heap)->ob_item;
    PyObject *t = items[i];
    items[i] = items[j];
    items[j] = t;
}

/* Move heap[pos] towards the root (not above `start`) while it comes
   before its parent.  0, or -1 with an exception set. */
static int sift_toward_root(PyObject *heap, Py_ssize_t start, Py_ssize_t pos,
                            int max_heap)
{
    Py_ssize_t size = PyList_GET_SIZE(heap);
    while (pos > start) {
        Py_ssize_t parent = (pos - 1) >> 1;
        int r = before(PyList_GET_ITEM(heap, pos),
                       PyList_GET_ITEM(heap, parent), max_heap);
        if (r < 0 || size_changed(heap, size)) {
            return -1;
        }
        if (!r) {
            break;
        }
        swap(heap, pos, parent);
        pos = parent;
    }
    return 0;
}

/* Move heap[pos] down to a leaf along the path of the children that
   come first, then back up to its place. */
static int sift_toward_leaves(PyObject *heap, Py_ssize_t pos, int max_heap)
{
    Py_ssize_t size = PyList_GET_SIZE(heap);
    Py_ssize_t start = pos;
    Py_ssize_t limit = size / 2;    /* positions below have a child */
    while (pos < limit) {
        Py_ssize_t child = 2 * pos + 1;
        if (child + 1 < size) {
            int r = before(PyList_GET_ITEM(heap, child),
                           PyList_GET_ITEM(heap, child + 1), max_heap);
            if (r < 0 || size_changed(heap, size)) {
                return -1;
            }
            if (!r) {
                child++;
            }
        }
        swap(heap, pos, child);
        pos = child;
    }
    return sift_toward_root(heap, start, pos, max_heap);
}

static int check_list(PyObject *heap, const char *name, int positional)
{
    if (PyList_Check(heap)) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() %s must be list, not %.200s", name,
                 positional ? "argument 1" : "argument",
                 heap == Py_None ? "None" : Py_TYPE(heap)->tp_name);
    return -1;
}

static PyObject *push(PyObject *const *args, Py_ssize_t nargs,
                      const char *name, int max_heap)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2)
        || check_list(args[0], name, 1) < 0) {
        return NULL;
    }
    PyObject *heap = args[0];
    int status;
    Py_BEGIN_CRITICAL_SECTION(heap);
    status = PyList_Append(heap, args[1]);
    if (status == 0) {
        status = sift_toward_root(heap, 0, PyList_GET_SIZE(heap) - 1,
                                  max_heap);
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Pop the top item.  Critical section held. */
static PyObject *pop_locked(PyObject *heap, int max_heap)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyObject *last = Py_NewRef(PyList_GET_ITEM(heap, n - 1));
    if (PyList_SetSlice(heap, n - 1, n, NULL) < 0) {
        Py_DECREF(last);
        return NULL;
    }
    if (n == 1) {
        return last;
    }
    PyObject *top = Py_NewRef(PyList_GET_ITEM(heap, 0));
    /* The list's reference to top moves to us; last's to the list. */
    PyList_SET_ITEM(heap, 0, last);
    Py_DECREF(top);
    if (sift_toward_leaves(heap, 0, max_heap) < 0) {
        Py_DECREF(top);
        return NULL;
    }
    return top;
}

static PyObject *pop(PyObject *heap, const char *name, int max_heap)
{
    if (check_list(heap, name, 0) < 0) {
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(heap);
    result = pop_locked(heap, max_heap);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Put item at the top and sift it; return the old top.  The critical
   section is held. */
static PyObject *replace_top(PyObject *heap, PyObject *item, int max_heap)
{
    PyObject *top = PyList_GET_ITEM(heap, 0);    /* list's ref: ours now */
    PyList_SET_ITEM(heap, 0, Py_NewRef(item));
    if (sift_toward_leaves(heap, 0, max_heap) < 0) {
        Py_DECREF(top);
        return NULL;
    }
    return top;
}

static PyObject *replace(PyObject *const *args, Py_ssize_t nargs,
                         const char *name, int max_heap)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2)
        || check_list(args[0], name, 1) < 0) {
        return NULL;
    }
    PyObject *heap = args[0], *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(heap);
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
    }
    else {
        result = replace_top(heap, args[1], max_heap);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *pushpop(PyObject *const *args, Py_ssize_t nargs,
                         const char *name, int max_heap)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2)
        || check_list(args[0], name, 1) < 0) {
        return NULL;
    }
    PyObject *heap = args[0], *item = args[1], *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(heap);
    if (PyList_GET_SIZE(heap) == 0) {
        result = Py_NewRef(item);
    }
    else {
        int r = before(PyList_GET_ITEM(heap, 0), item, max_heap);
        if (r == 0) {
            result = Py_NewRef(item);
        }
        else if (r > 0) {
            if (PyList_GET_SIZE(heap) == 0) {
                PyErr_SetString(PyExc_IndexError, "index out of range");
            }
            else {
                result = replace_top(heap, item, max_heap);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *heapify(PyObject *heap, const char *name, int max_heap)
{
    if (check_list(heap, name, 0) < 0) {
        return NULL;
    }
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(heap);
    for (Py_ssize_t i = PyList_GET_SIZE(heap) / 2 - 1; i >= 0; i--) {
        if (sift_toward_leaves(heap, i, max_heap) < 0) {
            status = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

#define FASTCALL(fn, name, max) \
    static PyObject *fn(PyObject *m, PyObject *const *args, Py_ssize_t n) \
    { return name(args, n, #fn, max); }
#define ONEARG(fn, name, max) \
    static PyObject *fn(PyObject *m, PyObject *heap) \
    { return name(heap, #fn, max); }

FASTCALL(heappush, push, 0)
FASTCALL(heappush_max, push, 1)
FASTCALL(heapreplace, replace, 0)
FASTCALL(heapreplace_max, replace, 1)
FASTCALL(heappushpop, pushpop, 0)
FASTCALL(heappushpop_max, pushpop, 1)
ONEARG(heappop, pop, 0)
ONEARG(heappop_max, pop, 1)
ONEARG(heapify_max, heapify, 1)

/* Named by hand: ONEARG(heapify, ...) would clash with the helper. */
static PyObject *heapify_plain(PyObject *m, PyObject *heap)
{
    return heapify(heap, "heapify", 0);
}

static PyMethodDef heapq_functions[] = {
    {"heappush", _PyCFunction_CAST(heappush), METH_FASTCALL,
     "heappush($module, heap, item, /)\n--\n\n"
     "Push item onto heap, keeping the heap invariant."},
    {"heappop", heappop, METH_O,
     "heappop($module, heap, /)\n--\n\n"
     "Pop and return the smallest item; IndexError if heap is empty."},
    {"heapreplace", _PyCFunction_CAST(heapreplace), METH_FASTCALL,
     "heapreplace($module, heap, item, /)\n--\n\n"
     "Pop and return the smallest item, then push item (one step)."},
    {"heappushpop", _PyCFunction_CAST(heappushpop), METH_FASTCALL,
     "heappushpop($module, heap, item, /)\n--\n\n"
     "Push item, then pop and return the smallest item (one step)."},
    {"heapify", heapify_plain, METH_O,
     "heapify($module, heap, /)\n--\n\n"
     "Turn the list into a min-heap in place, in linear time."},
    {"heappush_max", _PyCFunction_CAST(heappush_max), METH_FASTCALL,
     "heappush_max($module, heap, item, /)\n--\n\n"
     "Push item onto a max-heap, keeping the max-heap invariant."},
    {"heappop_max", heappop_max, METH_O,
     "heappop_max($module, heap, /)\n--\n\n"
     "Pop and return the largest item of a max-heap."},
    {"heapreplace_max", _PyCFunction_CAST(heapreplace_max), METH_FASTCALL,
     "heapreplace_max($module, heap, item, /)\n--\n\n"
     "Pop and return the largest item of a max-heap, then push item."},
    {"heappushpop_max", _PyCFunction_CAST(heappushpop_max), METH_FASTCALL,
     "heappushpop_max($module, heap, item, /)\n--\n\n"
     "Push item onto a max-heap, then pop and return the largest item."},
    {"heapify_max", heapify_max, METH_O,
     "heapify_max($module, heap, /)\n--\n\n"
     "Turn the list into a max-heap in place, in linear time."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot heapq_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef heapq_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_heapq",
    .m_doc = "Heap queue algorithm (the C part of heapq).",
    .m_size = 0,
    .m_methods = heapq_functions,
    .m_slots = heapq_slots,
};

PyMODINIT_FUNC
PyInit__heapq(void)
{
    return PyModuleDef_Init(&heapq_module);
}
