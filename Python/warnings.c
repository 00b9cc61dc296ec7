/* Issuing warnings from C.

   Until the `warnings` module exists this is the whole machinery: the
   filters are the interpreter's fixed defaults (DeprecationWarning shown
   only for __main__; PendingDeprecationWarning, ImportWarning and
   ResourceWarning ignored; everything else shown once per location), and
   a shown warning is written to the C stderr as

       filename:lineno: Category: message

   A warning raised from C with no Python frame to blame is attributed to
   module "sys", line 1, as CPython does.  -W options, the filters list
   and showwarning() arrive with the warnings module. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_exceptions.h"

typedef enum {
    ACTION_DEFAULT,     /* show once per (text, category, line) */
    ACTION_IGNORE,
    ACTION_ERROR,       /* raise the warning as an exception */
} warn_action;

/* The default filters, first match wins.  module NULL matches any. */
static const struct {
    warn_action action;
    PyObject **category;
    const char *module;
} default_filters[] = {
    {ACTION_DEFAULT, &PyExc_DeprecationWarning, "__main__"},
    {ACTION_IGNORE, &PyExc_DeprecationWarning, NULL},
    {ACTION_IGNORE, &PyExc_PendingDeprecationWarning, NULL},
    {ACTION_IGNORE, &PyExc_ImportWarning, NULL},
    {ACTION_IGNORE, &PyExc_ResourceWarning, NULL},
};

static warn_action find_action(PyObject *category, PyObject *module)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(default_filters); i++) {
        PyObject *filter_category = *default_filters[i].category;
        if (!PyType_IsSubtype((PyTypeObject *)category,
                              (PyTypeObject *)filter_category)) {
            continue;
        }
        const char *wanted = default_filters[i].module;
        if (wanted != NULL && !(module != NULL && PyUnicode_Check(module)
                                && PyUnicode_EqualToUTF8(module, wanted))) {
            continue;
        }
        return default_filters[i].action;
    }
    return ACTION_DEFAULT;
}

/* The registry of warnings already shown by code that has no module of
   its own (C code without a Python frame): the stand-in for the sys
   module's __warningregistry__.  Created once; registry_lock makes the
   check-and-record of a key atomic so a warning racing on two threads is
   shown once. */
static PyObject *sys_registry;
static PyMutex registry_lock;

static PyObject *get_sys_registry(void)
{
    PyObject *registry = __atomic_load_n(&sys_registry, __ATOMIC_ACQUIRE);
    if (registry != NULL) {
        return registry;
    }
    PyObject *fresh = PyDict_New();
    if (fresh == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    if (!__atomic_compare_exchange_n(&sys_registry, &expected, fresh, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        Py_DECREF(fresh);
        return expected;
    }
    return fresh;
}

/* 1 if key was already in the registry; otherwise records it and returns
   0.  -1 on error. */
static int already_warned(PyObject *registry, PyObject *key)
{
    int result;
    PyMutex_Lock(&registry_lock);
    result = PyDict_Contains(registry, key);
    if (result == 0 && PyDict_SetItem(registry, key, Py_True) < 0) {
        result = -1;
    }
    PyMutex_Unlock(&registry_lock);
    return result;
}

/* Who issued the warning: filename, line and module of the frame
   `stack_level` levels up.  There are no Python frames yet, so every
   warning comes from "sys", line 1.  New references. */
static int setup_context(Py_ssize_t stack_level, PyObject **filename,
                         int *lineno, PyObject **module)
{
    (void)stack_level;
    *filename = PyUnicode_FromString("sys");
    *module = *filename == NULL ? NULL : Py_NewRef(*filename);
    *lineno = 1;
    return *filename == NULL ? -1 : 0;
}

static void show_warning(PyObject *filename, int lineno, PyObject *text,
                         PyObject *category)
{
    PyObject *name = PyObject_GetAttrString(category, "__name__");
    if (name == NULL) {
        PyErr_Clear();
    }
    const char *file_text = PyUnicode_Check(filename)
                            ? PyUnicode_AsUTF8(filename) : NULL;
    const char *category_text = name != NULL && PyUnicode_Check(name)
                                ? PyUnicode_AsUTF8(name)
                                : ((PyTypeObject *)category)->tp_name;
    const char *message_text = PyUnicode_AsUTF8(text);
    if (file_text == NULL || category_text == NULL || message_text == NULL) {
        /* Unprintable (e.g. lone surrogates): the warning is lost, but
           issuing it must not fail. */
        PyErr_Clear();
    }
    else {
        fflush(stdout);
        fprintf(stderr, "%s:%d: %s: %s\n", file_text, lineno, category_text,
                message_text);
        fflush(stderr);
    }
    Py_XDECREF(name);
}

/* The core: decide from the filters, deduplicate through the registry
   (when there is one), then show or raise.  Returns -1 with an exception
   set when the warning became an error or something failed. */
static int warn_explicit(PyObject *category, PyObject *message,
                         PyObject *filename, int lineno, PyObject *module,
                         PyObject *registry)
{
    if (registry != NULL && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_Format(PyExc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    PyObject *text, *instance;
    if (PyObject_TypeCheck(message, (PyTypeObject *)PyExc_Warning)) {
        /* A Warning instance carries its own category. */
        category = (PyObject *)Py_TYPE(message);
        instance = Py_NewRef(message);
        text = PyObject_Str(message);
        if (text == NULL) {
            Py_DECREF(instance);
            return -1;
        }
    }
    else {
        if (category == NULL || category == Py_None) {
            category = PyExc_UserWarning;
        }
        if (!PyType_Check(category)
            || !PyType_IsSubtype((PyTypeObject *)category,
                                 (PyTypeObject *)PyExc_Warning)) {
            PyErr_Format(PyExc_TypeError,
                         "category must be a Warning subclass, not '%s'",
                         Py_TYPE(category)->tp_name);
            return -1;
        }
        text = Py_NewRef(message);
        instance = PyObject_CallOneArg(category, message);
        if (instance == NULL) {
            Py_DECREF(text);
            return -1;
        }
    }

    int result = 0;
    switch (find_action(category, module)) {
    case ACTION_IGNORE:
        break;
    case ACTION_ERROR:
        PyErr_SetObject(category, instance);
        result = -1;
        break;
    case ACTION_DEFAULT: {
        int seen = 0;
        if (registry != NULL && registry != Py_None) {
            PyObject *line = PyLong_FromLong(lineno);
            PyObject *key = line ? PyTuple_Pack(3, text, category, line) : NULL;
            Py_XDECREF(line);
            seen = key != NULL ? already_warned(registry, key) : -1;
            Py_XDECREF(key);
        }
        if (seen < 0) {
            result = -1;
        }
        else if (!seen) {
            show_warning(filename, lineno, text, category);
        }
        break;
    }
    }
    Py_DECREF(text);
    Py_DECREF(instance);
    return result;
}

/* Warn about message (a str) on behalf of the code stack_level frames up. */
static int warn_unicode(PyObject *category, PyObject *message,
                        Py_ssize_t stack_level)
{
    PyObject *filename, *module;
    int lineno;
    if (setup_context(stack_level, &filename, &lineno, &module) < 0) {
        return -1;
    }
    PyObject *registry = get_sys_registry();
    int result = registry == NULL ? -1
                 : warn_explicit(category, message, filename, lineno, module,
                                 registry);
    Py_DECREF(filename);
    Py_XDECREF(module);
    return result;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL) {
        return -1;
    }
    int result = warn_unicode(category, message, stack_level);
    Py_DECREF(message);
    return result;
}

static int warn_format_v(PyObject *category, Py_ssize_t stack_level,
                         const char *format, va_list va)
{
    PyObject *message = PyUnicode_FromFormatV(format, va);
    if (message == NULL) {
        return -1;
    }
    int result = warn_unicode(category, message, stack_level);
    Py_DECREF(message);
    return result;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                     const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int result = warn_format_v(category, stack_level, format, va);
    va_end(va);
    return result;
}

/* source is the object the resource belonged to; it is shown by the
   tracemalloc-aware display of the warnings module, not here. */
int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                          const char *format, ...)
{
    (void)source;
    va_list va;
    va_start(va, format);
    int result = warn_format_v(PyExc_ResourceWarning, stack_level, format, va);
    va_end(va);
    return result;
}

/* The module a file defines when none is named: its name without ".py". */
static PyObject *module_from_filename(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GetLength(filename);
    if (len < 0) {
        return NULL;
    }
    if (len == 0) {
        return PyUnicode_FromString("<unknown>");
    }
    if (len >= 3 && PyUnicode_ReadChar(filename, len - 3) == '.'
        && PyUnicode_ReadChar(filename, len - 2) == 'p'
        && PyUnicode_ReadChar(filename, len - 1) == 'y') {
        return PyUnicode_Substring(filename, 0, len - 3);
    }
    return Py_NewRef(filename);
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message,
                             PyObject *filename, int lineno, PyObject *module,
                             PyObject *registry)
{
    if (filename == NULL || !PyUnicode_Check(filename)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *own_module = module != NULL ? Py_NewRef(module)
                                          : module_from_filename(filename);
    if (own_module == NULL) {
        return -1;
    }
    int result = warn_explicit(category, message, filename, lineno, own_module,
                               registry);
    Py_DECREF(own_module);
    return result;
}

int PyErr_WarnExplicit(PyObject *category, const char *text,
                       const char *filename_str, int lineno,
                       const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = NULL;
    int result = -1;
    if (message == NULL || filename == NULL) {
        goto done;
    }
    if (module_str != NULL) {
        module = PyUnicode_FromString(module_str);
        if (module == NULL) {
            goto done;
        }
    }
    result = PyErr_WarnExplicitObject(category, message, filename, lineno,
                                      module, registry);
done:
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return result;
}

int PyErr_WarnExplicitFormat(PyObject *category, const char *filename_str,
                             int lineno, const char *module_str,
                             PyObject *registry, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL) {
        return -1;
    }
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int result = -1;
    if (filename != NULL && (module_str == NULL || module != NULL)) {
        result = PyErr_WarnExplicitObject(category, message, filename, lineno,
                                          module, registry);
    }
    Py_DECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return result;
}
