/* grp: the Unix group database (getgrgid, getgrnam, getgrall).

   Thread safety: as in pwd (Modules/pwdmodule.c): reentrant getgr*_r
   lookups with a per-call buffer, detached; getgrall's walk of the C
   library's shared enumeration cursor is serialised by enumeration_lock. */
#include "Python.h"
#include "structseq.h"
#include "pycore_lock.h"
#include "nss_lookup.h"

#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static PyStructSequence_Field struct_group_fields[] = {
    {"gr_name", "group name"},
    {"gr_passwd", "password"},
    {"gr_gid", "group id"},
    {"gr_mem", "group members"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_group_desc = {
    "grp.struct_group",
    "A group database entry, as a 4-tuple or by the attribute names\n"
    "gr_name, gr_passwd, gr_gid, gr_mem (a list of member names).",
    struct_group_fields, 4,
};

/* Made once, process-wide; module exec runs under the import lock. */
static PyTypeObject StructGroupType;

static PyMutex enumeration_lock;

static PyObject *
member_list(char **members)
{
    PyObject *list = PyList_New(0);
    for (char **m = members; list != NULL && m != NULL && *m != NULL; m++) {
        PyObject *name = PyUnicode_DecodeFSDefault(*m);
        if (name == NULL || PyList_Append(list, name) < 0) {
            Py_XDECREF(name);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(name);
    }
    return list;
}

static PyObject *
group_entry(const struct group *g)
{
    PyObject *fields = Py_BuildValue(
        "(O&O&kN)", nss_decode, g->gr_name, nss_decode, g->gr_passwd,
        (unsigned long)g->gr_gid, member_list(g->gr_mem));
    if (fields == NULL) {
        return NULL;
    }
    PyObject *entry = PyObject_CallOneArg((PyObject *)&StructGroupType, fields);
    Py_DECREF(fields);
    return entry;
}

static int
call_getgrgid(const void *key, void *entry, char *buffer, size_t size,
              void **result)
{
    return getgrgid_r(*(const gid_t *)key, entry, buffer, size,
                      (struct group **)result);
}

static int
call_getgrnam(const void *key, void *entry, char *buffer, size_t size,
              void **result)
{
    return getgrnam_r(key, entry, buffer, size, (struct group **)result);
}

static PyObject *
grp_getgrgid(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"id", NULL};
    PyObject *id;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:getgrgid", keywords,
                                     &id)) {
        return NULL;
    }
    if (!PyLong_Check(id)) {
        PyErr_Format(PyExc_TypeError, "gid should be integer, not %.200s",
                     Py_TYPE(id)->tp_name);
        return NULL;
    }
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(id, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow != 0 || value < -1 || value > (long long)(gid_t)-1) {
        PyErr_SetString(PyExc_KeyError, "getgrgid(): gid not found");
        return NULL;
    }
    struct group entry;
    void *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    gid_t gid = (gid_t)value;
    if (nss_lookup(call_getgrgid, &gid, &entry, _SC_GETGR_R_SIZE_MAX,
                   &buffer, &result) == 0) {
        if (result != NULL) {
            v = group_entry(result);
        }
        else {
            PyErr_Format(PyExc_KeyError, "getgrgid(): gid not found: %S", id);
        }
    }
    PyMem_RawFree(buffer);
    return v;
}

static PyObject *
grp_getgrnam(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"name", NULL};
    PyObject *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U:getgrnam", keywords,
                                     &name)) {
        return NULL;
    }
    PyObject *encoded;
    if (!PyUnicode_FSConverter(name, &encoded)) {
        return NULL;
    }
    struct group entry;
    void *result = NULL;
    char *buffer = NULL;
    PyObject *v = NULL;
    if (nss_lookup(call_getgrnam, PyBytes_AS_STRING(encoded), &entry,
                   _SC_GETGR_R_SIZE_MAX, &buffer, &result) == 0) {
        if (result != NULL) {
            v = group_entry(result);
        }
        else {
            PyErr_Format(PyExc_KeyError, "getgrnam(): name not found: %R", name);
        }
    }
    PyMem_RawFree(buffer);
    Py_DECREF(encoded);
    return v;
}

static PyObject *
grp_getgrall(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyMutex_Lock(&enumeration_lock);
    setgrent();
    struct group *g;
    while ((g = getgrent()) != NULL) {
        PyObject *v = group_entry(g);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(v);
    }
    endgrent();
    PyMutex_Unlock(&enumeration_lock);
    return list;
}

#define VARKW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef grp_methods[] = {
    {"getgrgid", VARKW(grp_getgrgid),
     "getgrgid($module, /, id)\n--\n\n"
     "The group database entry of a group id; KeyError if there is none."},
    {"getgrnam", VARKW(grp_getgrnam),
     "getgrnam($module, /, name)\n--\n\n"
     "The group database entry of a group name; KeyError if there is none."},
    {"getgrall", grp_getgrall, METH_NOARGS,
     "getgrall($module, /)\n--\n\nAll group database entries, in no particular order."},
    {NULL, NULL, 0, NULL},
};

static int
grp_exec(PyObject *module)
{
    if (StructGroupType.tp_name == NULL
        && PyStructSequence_InitType2(&StructGroupType,
                                      &struct_group_desc) < 0) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "struct_group",
                                 (PyObject *)&StructGroupType);
}

static PyModuleDef_Slot grp_slots[] = {
    {Py_mod_exec, grp_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef grp_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "grp",
    .m_doc = "The group database: entries (struct_group) by group id, by name,\n"
             "or all of them.",
    .m_size = 0,
    .m_methods = grp_methods,
    .m_slots = grp_slots,
};

PyMODINIT_FUNC
PyInit_grp(void)
{
    return PyModuleDef_Init(&grp_module);
}
