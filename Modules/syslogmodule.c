/* The syslog module: the C library's syslog(3) interface.

   openlog(3) keeps a pointer to the identity string instead of copying it,
   so the module owns that string (`ident_owned`) until the next openlog or
   closelog.  Module-level state, guarded by `ident_mutex` in both builds.
   The mutex is held only around openlog/closelog, which do not block, so
   waiting for it attached is safe (Doc/internals/locking.md); syslog(3)
   itself is thread-safe in glibc, so messages are sent without the lock,
   detached. */
#include "Python.h"

#include <string.h>
#include <syslog.h>

static PyMutex ident_mutex;
static char *ident_owned;        /* malloc'ed; NULL before openlog */
static int log_opened;

/* The default identity: the program's base name from sys.argv[0]; a new
   reference or NULL without an error when there is none. */
static PyObject *default_ident(void)
{
    PyObject *argv;
    if (PySys_GetOptionalAttrString("argv", &argv) <= 0) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *result = NULL;
    if (PyList_Check(argv) && PyList_GET_SIZE(argv) > 0) {
        PyObject *first = PyList_GET_ITEM(argv, 0);
        if (PyUnicode_Check(first) && PyUnicode_GET_LENGTH(first) > 0) {
            Py_ssize_t slash = PyUnicode_FindChar(
                first, '/', 0, PyUnicode_GET_LENGTH(first), -1);
            result = slash >= 0
                     ? PyUnicode_Substring(first, slash + 1,
                                           PyUnicode_GET_LENGTH(first))
                     : Py_NewRef(first);
        }
    }
    Py_DECREF(argv);
    if (result == NULL) {
        PyErr_Clear();
    }
    return result;
}

/* Open the log with `ident` (str or NULL); the caller holds no lock. */
static int open_log(PyObject *ident, long logoption, long facility)
{
    char *copy = NULL;
    if (ident != NULL) {
        const char *text = PyUnicode_AsUTF8(ident);
        if (text == NULL) {
            return -1;
        }
        copy = strdup(text);
        if (copy == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    PyMutex_Lock(&ident_mutex);
    char *old = ident_owned;
    ident_owned = copy;
    openlog(copy, (int)logoption, (int)facility);
    log_opened = 1;
    PyMutex_Unlock(&ident_mutex);
    free(old);
    return 0;
}

static PyObject *syslog_openlog(PyObject *module, PyObject *args,
                                PyObject *kwargs)
{
    static char *keywords[] = {"ident", "logoption", "facility", NULL};
    PyObject *ident = NULL;
    long logoption = 0, facility = LOG_USER;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|Ull:openlog", keywords,
                                     &ident, &logoption, &facility)) {
        return NULL;
    }
    PyObject *chosen = ident != NULL ? Py_NewRef(ident) : default_ident();
    if (PySys_Audit("syslog.openlog", "Oll", chosen ? chosen : Py_None,
                    logoption, facility) < 0) {
        Py_XDECREF(chosen);
        return NULL;
    }
    int rc = open_log(chosen, logoption, facility);
    Py_XDECREF(chosen);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *syslog_syslog(PyObject *module, PyObject *args)
{
    PyObject *message;
    int priority = LOG_INFO;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 2) {
        if (!PyArg_ParseTuple(args, "iU:syslog", &priority, &message)) {
            return NULL;
        }
    }
    else if (nargs == 1) {
        if (!PyArg_ParseTuple(args, "U:syslog", &message)) {
            return NULL;
        }
    }
    else {
        PyErr_SetString(PyExc_TypeError,
                        "syslog.syslog requires 1 to 2 arguments");
        return NULL;
    }
    const char *text = PyUnicode_AsUTF8(message);
    if (text == NULL) {
        return NULL;
    }
    if (PySys_Audit("syslog.syslog", "iO", priority, message) < 0) {
        return NULL;
    }
    PyMutex_Lock(&ident_mutex);
    int opened = log_opened;
    PyMutex_Unlock(&ident_mutex);
    if (!opened) {
        PyObject *ident = default_ident();
        int rc = open_log(ident, 0, LOG_USER);
        Py_XDECREF(ident);
        if (rc < 0) {
            return NULL;
        }
    }
    /* The message stays alive: `message` is borrowed from args. */
    Py_BEGIN_ALLOW_THREADS
    syslog(priority, "%s", text);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *syslog_closelog(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (PySys_Audit("syslog.closelog", NULL) < 0) {
        return NULL;
    }
    PyMutex_Lock(&ident_mutex);
    char *old = NULL;
    if (log_opened) {
        closelog();
        old = ident_owned;
        ident_owned = NULL;
        log_opened = 0;
    }
    PyMutex_Unlock(&ident_mutex);
    free(old);
    Py_RETURN_NONE;
}

static PyObject *syslog_setlogmask(PyObject *module, PyObject *arg)
{
    long mask = PyLong_AsLong(arg);
    if (mask == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (PySys_Audit("syslog.setlogmask", "l", mask) < 0) {
        return NULL;
    }
    return PyLong_FromLong(setlogmask((int)mask));
}

static PyObject *syslog_log_mask(PyObject *module, PyObject *arg)
{
    long priority = PyLong_AsLong(arg);
    if (priority == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(LOG_MASK(priority));
}

static PyObject *syslog_log_upto(PyObject *module, PyObject *arg)
{
    long priority = PyLong_AsLong(arg);
    if (priority == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(LOG_UPTO(priority));
}

static PyMethodDef syslog_methods[] = {
    {"openlog", _PyCFunction_CAST(syslog_openlog), METH_VARARGS | METH_KEYWORDS,
     "openlog(ident=<unset>, logoption=0, facility=LOG_USER)\n--\n\n"
     "Set the identity, options and default facility of later messages."},
    {"syslog", syslog_syslog, METH_VARARGS,
     "syslog([priority=LOG_INFO,] message)\n\nSend a message to the system "
     "logger, opening the log first if needed."},
    {"closelog", syslog_closelog, METH_NOARGS,
     "closelog()\n--\n\nClose the log and forget its identity."},
    {"setlogmask", syslog_setlogmask, METH_O,
     "setlogmask(maskpri, /)\n--\n\nSet the priority mask; returns the "
     "previous one (0 only reads it)."},
    {"LOG_MASK", syslog_log_mask, METH_O,
     "LOG_MASK(pri, /)\n--\n\nThe mask bit of one priority."},
    {"LOG_UPTO", syslog_log_upto, METH_O,
     "LOG_UPTO(pri, /)\n--\n\nThe mask of every priority up to `pri`."},
    {NULL, NULL, 0, NULL},
};

static int syslog_exec(PyObject *module)
{
    static const struct { const char *name; long value; } constants[] = {
#define C(n) {#n, n}
        C(LOG_EMERG), C(LOG_ALERT), C(LOG_CRIT), C(LOG_ERR), C(LOG_WARNING),
        C(LOG_NOTICE), C(LOG_INFO), C(LOG_DEBUG),
        C(LOG_PID), C(LOG_CONS), C(LOG_NDELAY), C(LOG_ODELAY), C(LOG_NOWAIT),
        C(LOG_PERROR),
        C(LOG_KERN), C(LOG_USER), C(LOG_MAIL), C(LOG_DAEMON), C(LOG_AUTH),
        C(LOG_LPR), C(LOG_LOCAL0), C(LOG_LOCAL1), C(LOG_LOCAL2),
        C(LOG_LOCAL3), C(LOG_LOCAL4), C(LOG_LOCAL5), C(LOG_LOCAL6),
        C(LOG_LOCAL7), C(LOG_SYSLOG), C(LOG_CRON), C(LOG_UUCP), C(LOG_NEWS),
        C(LOG_AUTHPRIV), C(LOG_FTP),
#undef C
    };
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name,
                                    constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot syslog_slots[] = {
    {Py_mod_exec, syslog_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef syslog_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "syslog",
    .m_doc = "An interface to the Unix syslog library routines.",
    .m_size = 0,
    .m_methods = syslog_methods,
    .m_slots = syslog_slots,
};

PyMODINIT_FUNC
PyInit_syslog(void)
{
    return PyModuleDef_Init(&syslog_module);
}
