/* resource: resource usage and limits (getrusage, getrlimit, setrlimit,
   prlimit, getpagesize).

   Thread safety: no module state besides a struct sequence type made
   once; every call is one system call, and limits are per process, so
   concurrent callers see the kernel's own ordering. */
#include "Python.h"
#include "structseq.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

static PyStructSequence_Field struct_rusage_fields[] = {
    {"ru_utime", "user time used"},
    {"ru_stime", "system time used"},
    {"ru_maxrss", "max. resident set size"},
    {"ru_ixrss", "shared memory size"},
    {"ru_idrss", "unshared data size"},
    {"ru_isrss", "unshared stack size"},
    {"ru_minflt", "page faults not requiring I/O"},
    {"ru_majflt", "page faults requiring I/O"},
    {"ru_nswap", "number of swap outs"},
    {"ru_inblock", "block input operations"},
    {"ru_oublock", "block output operations"},
    {"ru_msgsnd", "IPC messages sent"},
    {"ru_msgrcv", "IPC messages received"},
    {"ru_nsignals", "signals received"},
    {"ru_nvcsw", "voluntary context switches"},
    {"ru_nivcsw", "involuntary context switches"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_rusage_desc = {
    "resource.struct_rusage",
    "Resource usage from getrusage(), as a 16-tuple or by the attribute\n"
    "names ru_utime (seconds), ru_stime, ru_maxrss (KiB) and so on.",
    struct_rusage_fields, 16,
};

/* Made once, process-wide; module exec runs under the import lock. */
static PyTypeObject StructRusageType;

static double
seconds_of(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

static PyObject *
resource_getrusage(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int who = PyLong_AsInt(arg);
    if (who == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct rusage ru;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            PyErr_SetString(PyExc_ValueError, "invalid who parameter");
            return NULL;
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyStructSequence_New(&StructRusageType);
    if (result == NULL) {
        return NULL;
    }
    long counters[14] = {
        ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt,
        ru.ru_majflt, ru.ru_nswap, ru.ru_inblock, ru.ru_oublock,
        ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw,
    };
    PyStructSequence_SetItem(result, 0, PyFloat_FromDouble(seconds_of(ru.ru_utime)));
    PyStructSequence_SetItem(result, 1, PyFloat_FromDouble(seconds_of(ru.ru_stime)));
    for (int i = 0; i < 14; i++) {
        PyStructSequence_SetItem(result, 2 + i, PyLong_FromLong(counters[i]));
    }
    for (int i = 0; i < 16; i++) {
        if (PyStructSequence_GetItem(result, i) == NULL) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* A limit as Python sees it: RLIM_INFINITY is -1. */
static PyObject *
limit_to_object(rlim_t limit)
{
    if (limit == RLIM_INFINITY) {
        return PyLong_FromLong(-1);
    }
    return PyLong_FromUnsignedLongLong((unsigned long long)limit);
}

static PyObject *
limits_to_tuple(const struct rlimit *rl)
{
    PyObject *soft = limit_to_object(rl->rlim_cur);
    PyObject *hard = soft ? limit_to_object(rl->rlim_max) : NULL;
    if (hard == NULL) {
        Py_XDECREF(soft);
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, soft, hard);
    Py_DECREF(soft);
    Py_DECREF(hard);
    return pair;
}

static int
object_to_limit(PyObject *obj, rlim_t *limit)
{
    long long value = PyLong_AsLongLong(obj);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *limit = value < 0 ? RLIM_INFINITY : (rlim_t)value;
    return 0;
}

/* (soft, hard) from any 2-item sequence of integers. */
static int
tuple_to_limits(PyObject *limits, struct rlimit *rl)
{
    PyObject *seq = PySequence_Tuple(limits);
    if (seq == NULL) {
        return -1;
    }
    int rc = -1;
    if (PyTuple_GET_SIZE(seq) != 2) {
        PyErr_SetString(PyExc_ValueError, "expected a tuple of 2 integers");
    }
    else if (object_to_limit(PyTuple_GET_ITEM(seq, 0), &rl->rlim_cur) == 0
             && object_to_limit(PyTuple_GET_ITEM(seq, 1), &rl->rlim_max) == 0) {
        rc = 0;
    }
    Py_DECREF(seq);
    return rc;
}

static int
check_resource(int resource)
{
    if (resource < 0 || resource >= RLIM_NLIMITS) {
        PyErr_SetString(PyExc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

static PyObject *
resource_getrlimit(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int resource = PyLong_AsInt(arg);
    if ((resource == -1 && PyErr_Occurred()) || check_resource(resource) < 0) {
        return NULL;
    }
    struct rlimit rl;
    if (getrlimit(resource, &rl) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return limits_to_tuple(&rl);
}

/* The kernel's EINVAL/EPERM answers, as CPython words them. */
static PyObject *
limit_error(void)
{
    if (errno == EINVAL) {
        PyErr_SetString(PyExc_ValueError, "current limit exceeds maximum limit");
    }
    else if (errno == EPERM) {
        PyErr_SetString(PyExc_ValueError, "not allowed to raise maximum limit");
    }
    else {
        PyErr_SetFromErrno(PyExc_OSError);
    }
    return NULL;
}

static PyObject *
resource_setrlimit(PyObject *Py_UNUSED(module), PyObject *args)
{
    int resource;
    PyObject *limits;
    if (!PyArg_ParseTuple(args, "iO:setrlimit", &resource, &limits)
        || check_resource(resource) < 0) {
        return NULL;
    }
    struct rlimit rl;
    if (tuple_to_limits(limits, &rl) < 0) {
        return NULL;
    }
    if (setrlimit(resource, &rl) < 0) {
        return limit_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
resource_prlimit(PyObject *Py_UNUSED(module), PyObject *args)
{
    int pid, resource;
    PyObject *limits = Py_None;
    if (!PyArg_ParseTuple(args, "ii|O:prlimit", &pid, &resource, &limits)
        || check_resource(resource) < 0) {
        return NULL;
    }
    struct rlimit new_limits, old_limits;
    if (limits != Py_None && tuple_to_limits(limits, &new_limits) < 0) {
        return NULL;
    }
    if (PySys_Audit("resource.prlimit", "iiO", pid, resource, limits) < 0) {
        return NULL;
    }
    if (prlimit((pid_t)pid, resource,
                limits != Py_None ? &new_limits : NULL, &old_limits) < 0) {
        return limit_error();
    }
    return limits_to_tuple(&old_limits);
}

static PyObject *
resource_getpagesize(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(sysconf(_SC_PAGESIZE));
}

static PyMethodDef resource_methods[] = {
    {"getrusage", resource_getrusage, METH_O,
     "getrusage($module, who, /)\n--\n\n"},
    {"getrlimit", resource_getrlimit, METH_O,
     "getrlimit($module, resource, /)\n--\n\n"},
    {"setrlimit", resource_setrlimit, METH_VARARGS,
     "setrlimit($module, resource, limits, /)\n--\n\n"},
    {"prlimit", resource_prlimit, METH_VARARGS,
     "prlimit($module, pid, resource, [limits])\n--\n\n"},
    {"getpagesize", resource_getpagesize, METH_NOARGS,
     "getpagesize($module, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

#define C(name) {#name, name}

static const struct {
    const char *name;
    long value;
} resource_constants[] = {
    C(RLIMIT_CPU), C(RLIMIT_FSIZE), C(RLIMIT_DATA), C(RLIMIT_STACK),
    C(RLIMIT_CORE), C(RLIMIT_RSS), C(RLIMIT_NPROC), C(RLIMIT_NOFILE),
    C(RLIMIT_OFILE), C(RLIMIT_MEMLOCK), C(RLIMIT_AS), C(RLIMIT_MSGQUEUE),
    C(RLIMIT_NICE), C(RLIMIT_RTPRIO), C(RLIMIT_RTTIME), C(RLIMIT_SIGPENDING),
    C(RUSAGE_SELF), C(RUSAGE_CHILDREN), C(RUSAGE_THREAD),
};

#undef C

static int
resource_exec(PyObject *module)
{
    if (StructRusageType.tp_name == NULL
        && PyStructSequence_InitType2(&StructRusageType,
                                      &struct_rusage_desc) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "struct_rusage",
                              (PyObject *)&StructRusageType) < 0
        || PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0
        || PyModule_Add(module, "RLIM_INFINITY", PyLong_FromLong(-1)) < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(resource_constants); i++) {
        if (PyModule_AddIntConstant(module, resource_constants[i].name,
                                    resource_constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot resource_slots[] = {
    {Py_mod_exec, resource_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef resource_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "resource",
    .m_doc = NULL,
    .m_size = 0,
    .m_methods = resource_methods,
    .m_slots = resource_slots,
};

PyMODINIT_FUNC
PyInit_resource(void)
{
    return PyModuleDef_Init(&resource_module);
}
