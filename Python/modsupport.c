/* Building Python values from C (Py_BuildValue) and populating module
   objects (PyModule_Add*).

   Py_BuildValue reads a format string and the matching C arguments.  A
   build that fails part-way still walks the rest of the format, so every
   argument is consumed and every 'N' reference it was given is released:
   the caller gave those away whatever the outcome.

   Nothing here touches shared state; module namespaces are dicts, which
   lock themselves. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"

typedef PyObject *(*converter_to_object)(void *);

/* ---- Counting ------------------------------------------------------------ */

static int
is_separator(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ':';
}

/* How many values the format makes before `endchar` at nesting level 0;
   -1 with SystemError when the brackets do not balance. */
static Py_ssize_t
count_format_items(const char *format, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;
    for (const char *p = format; level > 0 || *p != endchar; p++) {
        switch (*p) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(':
        case '[':
        case '{':
            if (level == 0) {
                count++;
            }
            level++;
            break;
        case ')':
        case ']':
        case '}':
            level--;
            break;
        case '#':
        case '&':
            break;
        default:
            if (level == 0 && !is_separator(*p)) {
                count++;
            }
            break;
        }
    }
    return count;
}

/* ---- Building ------------------------------------------------------------ */

static PyObject *build_value(const char **p_format, va_list *p_va,
                             int discard);

/* Build n values into items[] (new references).  On failure every item is
   released and set to NULL, the rest of the arguments are still consumed,
   and -1 is returned with the first error set. */
static int
build_items(PyObject **items, Py_ssize_t n, const char **p_format,
            va_list *p_va, int discard)
{
    int failed = discard;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = build_value(p_format, p_va, failed);
        items[i] = item;
        if (item == NULL && !failed) {
            failed = 1;
        }
    }
    if (failed) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_CLEAR(items[i]);
        }
        return -1;
    }
    return 0;
}

/* After a bracketed group, skip its closing bracket. */
static int
expect_close(const char **p_format, char endchar, int discard)
{
    if (**p_format != endchar) {
        if (!discard) {
            PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        }
        return -1;
    }
    (*p_format)++;
    return 0;
}

/* Consume n values' arguments without building anything. */
static void
skip_items(Py_ssize_t n, const char **p_format, va_list *p_va)
{
    PyObject *scratch;
    for (Py_ssize_t i = 0; i < n; i++) {
        build_items(&scratch, 1, p_format, p_va, 1);
    }
}

/* (...) or [...]: a tuple or a list of the items. */
static PyObject *
build_tuple_or_list(const char **p_format, va_list *p_va, char endchar,
                    int discard)
{
    Py_ssize_t n = count_format_items(*p_format, endchar);
    if (n < 0) {
        return NULL;
    }
    PyObject *seq = NULL;
    if (!discard) {
        seq = endchar == ')' ? PyTuple_New(n) : PyList_New(n);
    }
    if (seq == NULL) {
        skip_items(n, p_format, p_va);
        expect_close(p_format, endchar, 1);
        return NULL;
    }
    /* A fresh tuple's or list's slots are NULL: fill them in place. */
    PyObject **items = endchar == ')' ? ((PyTupleObject *)seq)->ob_item
                                      : ((PyListObject *)seq)->ob_item;
    if (build_items(items, n, p_format, p_va, 0) < 0) {
        Py_DECREF(seq);
        expect_close(p_format, endchar, 1);
        return NULL;
    }
    if (expect_close(p_format, endchar, 0) < 0) {
        Py_DECREF(seq);
        return NULL;
    }
    return seq;
}

/* {k:v, ...}: a dict. */
static PyObject *
build_dict(const char **p_format, va_list *p_va, int discard)
{
    Py_ssize_t n = count_format_items(*p_format, '}');
    if (n < 0) {
        return NULL;
    }
    if (n % 2 != 0) {
        if (!discard) {
            PyErr_SetString(PyExc_SystemError, "Bad dict format");
        }
        discard = 1;
    }
    PyObject *small[8];
    PyObject **items = small;
    if (!discard && n > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        items = PyMem_New(PyObject *, n);
        if (items == NULL) {
            PyErr_NoMemory();
            discard = 1;
        }
    }
    if (discard) {
        skip_items(n, p_format, p_va);
        expect_close(p_format, '}', 1);
        return NULL;
    }
    PyObject *dict = NULL;
    if (build_items(items, n, p_format, p_va, 0) == 0) {
        dict = PyDict_New();
        for (Py_ssize_t i = 0; dict != NULL && i < n; i += 2) {
            if (PyDict_SetItem(dict, items[i], items[i + 1]) < 0) {
                Py_CLEAR(dict);
            }
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(items[i]);
        }
    }
    if (items != small) {
        PyMem_Free(items);
    }
    if (expect_close(p_format, '}', dict == NULL) < 0) {
        Py_XDECREF(dict);
        return NULL;
    }
    return dict;
}

/* The optional '#' length after s, z, U, y and u; -1 when absent. */
static Py_ssize_t
read_length(const char **p_format, va_list *p_va)
{
    if (**p_format != '#') {
        return -1;
    }
    (*p_format)++;
    return va_arg(*p_va, Py_ssize_t);
}

static PyObject *
build_text(char code, const char **p_format, va_list *p_va, int discard)
{
    if (code == 'u') {
        const wchar_t *w = va_arg(*p_va, const wchar_t *);
        Py_ssize_t n = read_length(p_format, p_va);
        if (discard) {
            return NULL;
        }
        if (w == NULL) {
            Py_RETURN_NONE;
        }
        return PyUnicode_FromWideChar(w, n < 0 ? -1 : n);
    }
    const char *s = va_arg(*p_va, const char *);
    Py_ssize_t n = read_length(p_format, p_va);
    if (discard) {
        return NULL;
    }
    if (s == NULL) {
        Py_RETURN_NONE;
    }
    if (n < 0) {
        size_t len = strlen(s);
        if (len > (size_t)PY_SSIZE_T_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "string too long for Python string");
            return NULL;
        }
        n = (Py_ssize_t)len;
    }
    if (code == 'y') {
        return PyBytes_FromStringAndSize(s, n);
    }
    return PyUnicode_FromStringAndSize(s, n);
}

static PyObject *
build_object(char code, const char **p_format, va_list *p_va, int discard)
{
    if (**p_format == '&') {
        (*p_format)++;
        converter_to_object convert = va_arg(*p_va, converter_to_object);
        void *arg = va_arg(*p_va, void *);
        return discard ? NULL : convert(arg);
    }
    PyObject *v = va_arg(*p_va, PyObject *);
    if (discard) {
        if (code == 'N') {
            Py_XDECREF(v);
        }
        return NULL;
    }
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError,
                            "NULL object passed to Py_BuildValue");
        }
        return NULL;
    }
    return code == 'N' ? v : Py_NewRef(v);
}

/* One value from the format.  With `discard` set the arguments are only
   consumed ('N' references released) and NULL is returned without an
   exception. */
static PyObject *
build_value(const char **p_format, va_list *p_va, int discard)
{
    for (;;) {
        char code = *(*p_format)++;
        switch (code) {
        case '(':
            return build_tuple_or_list(p_format, p_va, ')', discard);
        case '[':
            return build_tuple_or_list(p_format, p_va, ']', discard);
        case '{':
            return build_dict(p_format, p_va, discard);
        case 'b':
        case 'B':
        case 'h':
        case 'H':
        case 'i': {
            /* char and short arguments arrive promoted to int. */
            int v = va_arg(*p_va, int);
            if (code == 'B') {
                v = (unsigned char)v;
            }
            else if (code == 'H') {
                v = (unsigned short)v;
            }
            return discard ? NULL : PyLong_FromLong(v);
        }
        case 'I': {
            unsigned int v = va_arg(*p_va, unsigned int);
            return discard ? NULL : PyLong_FromUnsignedLong(v);
        }
        case 'n': {
            Py_ssize_t v = va_arg(*p_va, Py_ssize_t);
            return discard ? NULL : PyLong_FromSsize_t(v);
        }
        case 'l': {
            long v = va_arg(*p_va, long);
            return discard ? NULL : PyLong_FromLong(v);
        }
        case 'k': {
            unsigned long v = va_arg(*p_va, unsigned long);
            return discard ? NULL : PyLong_FromUnsignedLong(v);
        }
        case 'L': {
            long long v = va_arg(*p_va, long long);
            return discard ? NULL : PyLong_FromLongLong(v);
        }
        case 'K': {
            unsigned long long v = va_arg(*p_va, unsigned long long);
            return discard ? NULL : PyLong_FromUnsignedLongLong(v);
        }
        case 'p': {
            int v = va_arg(*p_va, int);
            return discard ? NULL : PyBool_FromLong(v);
        }
        case 'f':
        case 'd': {
            /* float arguments arrive promoted to double. */
            double v = va_arg(*p_va, double);
            return discard ? NULL : PyFloat_FromDouble(v);
        }
        case 'D': {
            Py_complex *v = va_arg(*p_va, Py_complex *);
            return discard ? NULL : PyComplex_FromCComplex(*v);
        }
        case 'c': {
            char v = (char)va_arg(*p_va, int);
            return discard ? NULL : PyBytes_FromStringAndSize(&v, 1);
        }
        case 'C': {
            int v = va_arg(*p_va, int);
            return discard ? NULL : PyUnicode_FromOrdinal(v);
        }
        case 's':
        case 'z':
        case 'U':
        case 'y':
        case 'u':
            return build_text(code, p_format, p_va, discard);
        case 'N':
        case 'S':
        case 'O':
            return build_object(code, p_format, p_va, discard);
        case ' ':
        case '\t':
        case ',':
        case ':':
            break;
        default:
            if (!discard) {
                PyErr_SetString(PyExc_SystemError,
                                "bad format char passed to Py_BuildValue");
            }
            return NULL;
        }
    }
}

PyObject *
Py_VaBuildValue(const char *format, va_list va)
{
    Py_ssize_t n = count_format_items(format, '\0');
    if (n < 0) {
        return NULL;
    }
    if (n == 0) {
        Py_RETURN_NONE;
    }
    va_list lva;
    va_copy(lva, va);
    const char *f = format;
    PyObject *result;
    if (n == 1) {
        result = build_value(&f, &lva, 0);
    }
    else {
        result = PyTuple_New(n);
        if (result == NULL) {
            skip_items(n, &f, &lva);
        }
        else if (build_items(((PyTupleObject *)result)->ob_item, n, &f, &lva,
                             0) < 0) {
            Py_CLEAR(result);
        }
    }
    va_end(lva);
    return result;
}

PyObject *
_Py_VaBuildValue_SizeT(const char *format, va_list va)
{
    return Py_VaBuildValue(format, va);
}

PyObject *
Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = Py_VaBuildValue(format, va);
    va_end(va);
    return result;
}

PyObject *
_Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = Py_VaBuildValue(format, va);
    va_end(va);
    return result;
}

PyObject **
_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_len,
                 const char *format, va_list va, Py_ssize_t *p_nargs)
{
    Py_ssize_t n = count_format_items(format, '\0');
    if (n < 0) {
        return NULL;
    }
    *p_nargs = n;
    if (n == 0) {
        return small_stack;
    }
    PyObject **stack = small_stack;
    if (n > small_len) {
        stack = PyMem_New(PyObject *, n);
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    va_list lva;
    va_copy(lva, va);
    const char *f = format;
    int rc = build_items(stack, n, &f, &lva, 0);
    va_end(lva);
    if (rc < 0) {
        if (stack != small_stack) {
            PyMem_Free(stack);
        }
        return NULL;
    }
    return stack;
}

/* ---- Populating modules -------------------------------------------------- */

int
PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError,
                        "PyModule_AddObjectRef() first argument "
                        "must be a module");
        return -1;
    }
    if (value == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError,
                            "PyModule_AddObjectRef() must be called "
                            "with an exception raised if value is NULL");
        }
        return -1;
    }
    PyObject *dict = PyModule_GetDict(mod);
    if (dict == NULL) {
        /* Internal error -- modules must have a dict! */
        PyErr_Format(PyExc_SystemError, "module '%s' has no __dict__",
                     PyModule_GetName(mod));
        return -1;
    }
    return PyDict_SetItemString(dict, name, value);
}

int
PyModule_Add(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    Py_XDECREF(value);
    return res;
}

int
PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    if (res == 0) {
        Py_DECREF(value);
    }
    return res;
}

int
PyModule_AddIntConstant(PyObject *mod, const char *name, long value)
{
    return PyModule_Add(mod, name, PyLong_FromLong(value));
}

int
PyModule_AddStringConstant(PyObject *mod, const char *name, const char *value)
{
    return PyModule_Add(mod, name, PyUnicode_FromString(value));
}

int
PyModule_AddType(PyObject *module, PyTypeObject *type)
{
    if (!PyType_HasFeature(type, Py_TPFLAGS_READY)
            && PyType_Ready(type) < 0) {
        return -1;
    }
    const char *name = _PyType_Name(type);
    return PyModule_AddObjectRef(module, name, (PyObject *)type);
}

int
PyModule_SetDocString(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL) {
        return -1;
    }
    int rc = PyObject_SetAttrString(m, "__doc__", v);
    Py_DECREF(v);
    return rc;
}

int
PyModule_AddFunctions(PyObject *module, PyMethodDef *functions)
{
    PyObject *modname = PyModule_GetNameObject(module);
    if (modname == NULL) {
        return -1;
    }
    int rc = _PyModule_AddFunctionsToObject(module, modname, functions);
    Py_DECREF(modname);
    return rc;
}
