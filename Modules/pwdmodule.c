/* pwd: the Unix password database (getpwuid, getpwnam, getpwall).

   Thread safety: lookups by uid and name use the reentrant getpw*_r
   calls with a per-call buffer, detached (NSS may read files or ask a
   daemon).  getpwall walks the C library's one shared enumeration
   cursor, so walks are serialised by enumeration_lock. */
#include "Python.h"
#include "structseq.h"
#include "pycore_lock.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static PyStructSequence_Field struct_passwd_fields[] = {
    {"pw_name", "user name"},
    {"pw_passwd", "password"},
    {"pw_uid", "user id"},
    {"pw_gid", "group id"},
    {"pw_gecos", "real name"},
    {"pw_dir", "home directory"},
    {"pw_shell", "shell program"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_passwd_desc = {
    "pwd.struct_passwd",
    "A password database entry, as a 7-tuple or by the attribute names\n"
    "pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.",
    struct_passwd_fields, 7,
};

/* Made once, process-wide; module exec runs under the import lock. */
static PyTypeObject StructPasswdType;

static PyMutex enumeration_lock;

static PyObject *
passwd_entry(const struct passwd *p)
{
    PyObject *v = PyStructSequence_New(&StructPasswdType);
    if (v == NULL) {
        return NULL;
    }
    PyObject *items[7] = {
        PyUnicode_DecodeFSDefault(p->pw_name),
        PyUnicode_DecodeFSDefault(p->pw_passwd ? p->pw_passwd : ""),
        PyLong_FromUnsignedLong((unsigned long)p->pw_uid),
        PyLong_FromUnsignedLong((unsigned long)p->pw_gid),
        PyUnicode_DecodeFSDefault(p->pw_gecos ? p->pw_gecos : ""),
        PyUnicode_DecodeFSDefault(p->pw_dir),
        PyUnicode_DecodeFSDefault(p->pw_shell),
    };
    int failed = 0;
    for (int i = 0; i < 7; i++) {
        if (items[i] == NULL) {
            failed = 1;
            items[i] = Py_NewRef(Py_None);
        }
        PyStructSequence_SetItem(v, i, items[i]);
    }
    if (failed) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

/* A buffer size for the _r calls; grown on ERANGE by the callers. */
static size_t
initial_buffer_size(void)
{
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    return size > 0 ? (size_t)size : 1024;
}

/* *result is the entry (pointing into *buffer, which the caller frees) or
   NULL when there is none; -1 with MemoryError or OSError. */
static int
lookup(uid_t uid, const char *name, struct passwd *entry, char **buffer,
       struct passwd **result)
{
    size_t size = initial_buffer_size();
    for (;;) {
        char *grown = PyMem_RawRealloc(*buffer, size);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *buffer = grown;
        int err;
        Py_BEGIN_ALLOW_THREADS
        err = name != NULL ? getpwnam_r(name, entry, *buffer, size, result)
                           : getpwuid_r(uid, entry, *buffer, size, result);
        Py_END_ALLOW_THREADS
        if (err == ERANGE && size < ((size_t)1 << 24)) {
            size *= 2;
            continue;
        }
        if (err != 0 && err != ENOENT && err != ESRCH && err != EBADF
            && err != EPERM) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (err != 0) {
            *result = NULL;
        }
        return 0;
    }
}

static PyObject *
pwd_getpwuid(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (!PyLong_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "uid should be integer, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(arg, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* -1 is (uid_t)-1, as for os.chown; anything else out of range is
       simply not found. */
    if (overflow != 0 || value < -1 || value > (long long)(uid_t)-1) {
        PyErr_SetString(PyExc_KeyError, "getpwuid(): uid not found");
        return NULL;
    }
    struct passwd entry, *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    if (lookup((uid_t)value, NULL, &entry, &buffer, &result) == 0) {
        if (result != NULL) {
            v = passwd_entry(result);
        }
        else {
            PyErr_Format(PyExc_KeyError, "getpwuid(): uid not found: %S", arg);
        }
    }
    PyMem_RawFree(buffer);
    return v;
}

static PyObject *
pwd_getpwnam(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "getpwnam() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *encoded;
    if (!PyUnicode_FSConverter(arg, &encoded)) {
        return NULL;
    }
    struct passwd entry, *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    if (lookup(0, PyBytes_AS_STRING(encoded), &entry, &buffer, &result) == 0) {
        if (result != NULL) {
            v = passwd_entry(result);
        }
        else {
            PyErr_Format(PyExc_KeyError, "getpwnam(): name not found: %R", arg);
        }
    }
    PyMem_RawFree(buffer);
    Py_DECREF(encoded);
    return v;
}

static PyObject *
pwd_getpwall(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyMutex_Lock(&enumeration_lock);
    setpwent();
    struct passwd *p;
    while ((p = getpwent()) != NULL) {
        PyObject *v = passwd_entry(p);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(v);
    }
    endpwent();
    PyMutex_Unlock(&enumeration_lock);
    return list;
}

static PyMethodDef pwd_methods[] = {
    {"getpwuid", pwd_getpwuid, METH_O,
     "getpwuid($module, uidobj, /)\n--\n\n"
     "The password database entry of a user id; KeyError if there is none."},
    {"getpwnam", pwd_getpwnam, METH_O,
     "getpwnam($module, name, /)\n--\n\n"
     "The password database entry of a user name; KeyError if there is none."},
    {"getpwall", pwd_getpwall, METH_NOARGS,
     "getpwall($module, /)\n--\n\nAll password database entries, in no particular order."},
    {NULL, NULL, 0, NULL},
};

static int
pwd_exec(PyObject *module)
{
    if (StructPasswdType.tp_name == NULL
        && PyStructSequence_InitType2(&StructPasswdType,
                                      &struct_passwd_desc) < 0) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "struct_passwd",
                                 (PyObject *)&StructPasswdType);
}

static PyModuleDef_Slot pwd_slots[] = {
    {Py_mod_exec, pwd_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef pwd_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pwd",
    .m_doc = "The password database: entries (struct_passwd) by user id, by name,\n"
             "or all of them.",
    .m_size = 0,
    .m_methods = pwd_methods,
    .m_slots = pwd_slots,
};

PyMODINIT_FUNC
PyInit_pwd(void)
{
    return PyModuleDef_Init(&pwd_module);
}
