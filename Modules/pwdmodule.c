/* pwd: the Unix password database (getpwuid, getpwnam, getpwall).

   Thread safety: lookups by uid and name use the reentrant getpw*_r
   calls with a per-call buffer, detached (NSS may read files or ask a
   daemon).  getpwall walks the C library's one shared enumeration
   cursor, so walks are serialised by enumeration_lock. */
#include "Python.h"
#include "structseq.h"
#include "pycore_lock.h"
#include "nss_lookup.h"

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
    PyObject *fields = Py_BuildValue(
        "(O&O&kkO&O&O&)", nss_decode, p->pw_name, nss_decode, p->pw_passwd,
        (unsigned long)p->pw_uid, (unsigned long)p->pw_gid,
        nss_decode, p->pw_gecos, nss_decode, p->pw_dir, nss_decode, p->pw_shell);
    if (fields == NULL) {
        return NULL;
    }
    PyObject *entry = PyObject_CallOneArg((PyObject *)&StructPasswdType, fields);
    Py_DECREF(fields);
    return entry;
}

static int
call_getpwuid(const void *key, void *entry, char *buffer, size_t size,
              void **result)
{
    return getpwuid_r(*(const uid_t *)key, entry, buffer, size,
                      (struct passwd **)result);
}

static int
call_getpwnam(const void *key, void *entry, char *buffer, size_t size,
              void **result)
{
    return getpwnam_r(key, entry, buffer, size, (struct passwd **)result);
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
    struct passwd entry;
    void *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    uid_t uid = (uid_t)value;
    if (nss_lookup(call_getpwuid, &uid, &entry, _SC_GETPW_R_SIZE_MAX,
                   &buffer, &result) == 0) {
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
    struct passwd entry;
    void *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    if (nss_lookup(call_getpwnam, PyBytes_AS_STRING(encoded), &entry,
                   _SC_GETPW_R_SIZE_MAX, &buffer, &result) == 0) {
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
