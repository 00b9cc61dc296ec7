/* The select module (Linux): select(), poll objects and epoll objects.

   Every wait runs with the thread state detached and, when a signal
   interrupts it (EINTR), is retried after the signal handlers have run,
   with the remaining time recomputed from a monotonic deadline (PEP 475);
   a handler that raises (Ctrl-C) ends the wait with its exception.

   Thread safety: select() keeps no state.  A poll object's registry (a
   dict fd -> event mask) is mutated only inside the registry's critical
   section; poll() copies it into a private pollfd array under that
   section and waits without holding anything.  A flag taken by atomic
   exchange refuses a second concurrent poll() on one poll object, as
   CPython does.  An epoll object's one field, its file descriptor, is
   read with atomic loads and retired with an atomic exchange, so exactly
   one caller closes it. */
#include "Python.h"
#include "pycore_fileobject.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_SEC 1000000000LL
#define NS_PER_MS 1000000LL

/* ---- time ------------------------------------------------------------- */

static long long
monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* A timeout given in units of unit_ns nanoseconds (an int or a float;
   None means "no timeout") to nanoseconds, rounded up so that a wait
   never ends early.  None gives -1; negative values come back negative
   for the caller to judge.  type_msg is the TypeError for other types. */
static int
timeout_to_ns(PyObject *obj, long long unit_ns, const char *type_msg,
              long long *ns)
{
    if (obj == NULL || obj == Py_None) {
        *ns = -1;
        return 0;
    }
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double scaled = ceil(d * (double)unit_ns);
        if (!(scaled >= -9.2e18 && scaled <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp out of range for platform time_t");
            return -1;
        }
        *ns = (long long)scaled;
        return 0;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, type_msg);
        return -1;
    }
    int overflow;
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        return -1;
    }
    long long units = PyLong_AsLongLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (units == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || units > LLONG_MAX / unit_ns || units < LLONG_MIN / unit_ns) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp out of range for platform time_t");
        return -1;
    }
    *ns = units * unit_ns;
    return 0;
}

/* Deadline for a wait of ns nanoseconds (-1: none). */
static long long
deadline_after(long long ns)
{
    return ns < 0 ? -1 : monotonic_ns() + ns;
}

/* What is left of a wait until deadline (-1: unbounded), never negative. */
static long long
remaining_ns(long long deadline)
{
    if (deadline < 0) {
        return -1;
    }
    long long left = deadline - monotonic_ns();
    return left > 0 ? left : 0;
}

/* Milliseconds for poll()/epoll_wait(), rounded up; -1 waits forever. */
static int
ns_to_ms(long long ns)
{
    if (ns < 0) {
        return -1;
    }
    long long ms = (ns + NS_PER_MS - 1) / NS_PER_MS;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* ---- file descriptors ------------------------------------------------- */

#define fd_converter _PyObject_FileDescriptorConverter

/* ---- select() --------------------------------------------------------- */

/* One argument list of select(): the objects (owned references) and their
   descriptors, in the caller's order. */
typedef struct {
    PyObject **objects;
    int *fds;
    Py_ssize_t count;
} fd_list;

static void
fd_list_clear(fd_list *list)
{
    for (Py_ssize_t i = 0; i < list->count; i++) {
        Py_DECREF(list->objects[i]);
    }
    PyMem_Free(list->objects);
    PyMem_Free(list->fds);
    list->objects = NULL;
    list->fds = NULL;
    list->count = 0;
}

/* Fill list from a sequence and add its descriptors to set. */
static int
fd_list_fill(fd_list *list, PyObject *seq, fd_set *set, int *max_fd)
{
    PyObject *fast = PySequence_Fast(seq, "arguments 1-3 must be sequences");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    list->objects = PyMem_Calloc(n ? n : 1, sizeof(PyObject *));
    list->fds = PyMem_Calloc(n ? n : 1, sizeof(int));
    if (list->objects == NULL || list->fds == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    /* A list argument is not copied, and an item's fileno() may shrink
       (or grow) it: re-read the size each time, never past the arrays,
       and hold the item while its fileno() runs. */
    for (Py_ssize_t i = 0; i < n && i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyObject *item = Py_NewRef(PySequence_Fast_GET_ITEM(fast, i));
        int fd = PyObject_AsFileDescriptor(item);
        if (fd < 0) {
            Py_DECREF(item);
            Py_DECREF(fast);
            return -1;
        }
        if (fd >= FD_SETSIZE) {
            Py_DECREF(item);
            Py_DECREF(fast);
            PyErr_SetString(PyExc_ValueError,
                            "filedescriptor out of range in select()");
            return -1;
        }
        list->objects[i] = item;
        list->fds[i] = fd;
        list->count = i + 1;
        FD_SET(fd, set);
        if (fd > *max_fd) {
            *max_fd = fd;
        }
    }
    Py_DECREF(fast);
    return 0;
}

/* The objects of list whose descriptor is ready in set, as a new list. */
static PyObject *
fd_list_ready(fd_list *list, fd_set *set)
{
    PyObject *ready = PyList_New(0);
    if (ready == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < list->count; i++) {
        if (FD_ISSET(list->fds[i], set)
            && PyList_Append(ready, list->objects[i]) < 0) {
            Py_DECREF(ready);
            return NULL;
        }
    }
    return ready;
}

/* Waits detached in select(2) on copies of sets, retrying after signals.
   Returns the count of ready descriptors, -1 with an exception. */
static int
select_wait(int nfds, fd_set sets[3], long long timeout_ns)
{
    long long deadline = deadline_after(timeout_ns);
    fd_set saved[3] = {sets[0], sets[1], sets[2]};
    for (;;) {
        long long left = remaining_ns(deadline);
        struct timeval tv, *tvp = NULL;
        if (left >= 0) {
            tv.tv_sec = (time_t)(left / NS_PER_SEC);
            tv.tv_usec = (suseconds_t)((left % NS_PER_SEC + 999) / 1000);
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec += 1;
                tv.tv_usec -= 1000000;
            }
            tvp = &tv;
        }
        int n, err;
        Py_BEGIN_ALLOW_THREADS
        n = select(nfds, &sets[0], &sets[1], &sets[2], tvp);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
        sets[0] = saved[0];
        sets[1] = saved[1];
        sets[2] = saved[2];
    }
}

static PyObject *
select_select(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *seqs[3], *timeout_obj = Py_None;
    if (!PyArg_UnpackTuple(args, "select", 3, 4,
                           &seqs[0], &seqs[1], &seqs[2], &timeout_obj)) {
        return NULL;
    }
    long long timeout_ns;
    if (timeout_to_ns(timeout_obj, NS_PER_SEC,
                      "timeout must be a float or None", &timeout_ns) < 0) {
        return NULL;
    }
    if (timeout_obj != Py_None && timeout_ns < 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    fd_list lists[3] = {{NULL, NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}};
    fd_set sets[3];
    int max_fd = -1;
    PyObject *result = NULL;
    for (int i = 0; i < 3; i++) {
        FD_ZERO(&sets[i]);
        if (fd_list_fill(&lists[i], seqs[i], &sets[i], &max_fd) < 0) {
            goto done;
        }
    }
    if (select_wait(max_fd + 1, sets, timeout_ns) < 0) {
        goto done;
    }
    PyObject *ready[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        ready[i] = fd_list_ready(&lists[i], &sets[i]);
        if (ready[i] == NULL) {
            Py_XDECREF(ready[0]);
            Py_XDECREF(ready[1]);
            goto done;
        }
    }
    result = PyTuple_Pack(3, ready[0], ready[1], ready[2]);
    for (int i = 0; i < 3; i++) {
        Py_DECREF(ready[i]);
    }
done:
    for (int i = 0; i < 3; i++) {
        fd_list_clear(&lists[i]);
    }
    return result;
}

/* ---- poll objects ----------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *registry;   /* dict: fd (int) -> event mask (int); mutated
                             inside its own critical section */
    int polling;          /* atomic: 1 while a poll() call is in progress */
} pollobject;

static PyTypeObject Poll_Type;

/* An event mask argument: an int that fits an unsigned short. */
static int
ushort_events_converter(PyObject *obj, void *out)
{
    long value = PyLong_AsLong(obj);
    if (value == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (value < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    if (value > USHRT_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large for C unsigned short");
        return 0;
    }
    *(unsigned short *)out = (unsigned short)value;
    return 1;
}

static PyObject *
select_poll(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    pollobject *self = PyObject_GC_New(pollobject, &Poll_Type);
    if (self == NULL) {
        return NULL;
    }
    self->registry = PyDict_New();
    self->polling = 0;
    if (self->registry == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static void
poll_dealloc(PyObject *op)
{
    pollobject *self = (pollobject *)op;
    PyObject_GC_UnTrack(op);
    Py_CLEAR(self->registry);
    PyObject_GC_Del(op);
}

static int
poll_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((pollobject *)op)->registry);
    return 0;
}

/* Store fd -> events; must_exist makes a missing fd an ENOENT error
   (modify), checked and stored under the registry's critical section. */
static PyObject *
poll_store(pollobject *self, int fd, unsigned short events, int must_exist)
{
    PyObject *key = PyLong_FromLong(fd);
    PyObject *value = PyLong_FromLong(events);
    int status = -1;
    if (key != NULL && value != NULL) {
        Py_BEGIN_CRITICAL_SECTION(self->registry);
        status = must_exist ? PyDict_Contains(self->registry, key) : 1;
        if (status == 0) {
            errno = ENOENT;
            PyErr_SetFromErrno(PyExc_OSError);
            status = -1;
        }
        else if (status > 0) {
            status = PyDict_SetItem(self->registry, key, value);
        }
        Py_END_CRITICAL_SECTION();
    }
    Py_XDECREF(key);
    Py_XDECREF(value);
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
poll_register(PyObject *op, PyObject *args)
{
    int fd;
    unsigned short events = POLLIN | POLLPRI | POLLOUT;
    if (!PyArg_ParseTuple(args, "O&|O&:register", fd_converter, &fd,
                          ushort_events_converter, &events)) {
        return NULL;
    }
    return poll_store((pollobject *)op, fd, events, 0);
}

static PyObject *
poll_modify(PyObject *op, PyObject *args)
{
    int fd;
    unsigned short events;
    if (!PyArg_ParseTuple(args, "O&O&:modify", fd_converter, &fd,
                          ushort_events_converter, &events)) {
        return NULL;
    }
    return poll_store((pollobject *)op, fd, events, 1);
}

static PyObject *
poll_unregister(PyObject *op, PyObject *arg)
{
    pollobject *self = (pollobject *)op;
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0) {
        return NULL;
    }
    PyObject *key = PyLong_FromLong(fd);
    if (key == NULL) {
        return NULL;
    }
    int status = PyDict_DelItem(self->registry, key);
    Py_DECREF(key);
    return status < 0 ? NULL : Py_NewRef(Py_None);
}

/* The registry as a pollfd array (PyMem; *count entries), copied under
   the registry's critical section. */
static struct pollfd *
poll_snapshot(pollobject *self, Py_ssize_t *count)
{
    struct pollfd *fds = NULL;
    Py_BEGIN_CRITICAL_SECTION(self->registry);
    Py_ssize_t n = PyDict_GET_SIZE(self->registry);
    fds = PyMem_Calloc(n ? n : 1, sizeof(struct pollfd));
    if (fds != NULL) {
        Py_ssize_t pos = 0, i = 0;
        PyObject *key, *value;
        while (PyDict_Next(self->registry, &pos, &key, &value)) {
            fds[i].fd = (int)PyLong_AsLong(key);
            fds[i].events = (short)PyLong_AsLong(value);
            i++;
        }
        *count = i;
    }
    Py_END_CRITICAL_SECTION();
    if (fds == NULL) {
        PyErr_NoMemory();
    }
    return fds;
}

/* poll(2) detached, retried after signals with the remaining time. */
static int
poll_wait(struct pollfd *fds, Py_ssize_t count, long long timeout_ns)
{
    long long deadline = deadline_after(timeout_ns);
    for (;;) {
        int ms = ns_to_ms(remaining_ns(deadline));
        int n, err;
        Py_BEGIN_ALLOW_THREADS
        n = poll(fds, (nfds_t)count, ms);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

/* [(fd, revents), ...] for the entries of fds with events. */
static PyObject *
poll_results(struct pollfd *fds, Py_ssize_t count)
{
    PyObject *result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i < count; i++) {
        if (fds[i].revents == 0) {
            continue;
        }
        PyObject *pair = Py_BuildValue("(iH)", fds[i].fd,
                                       (unsigned short)fds[i].revents);
        if (pair == NULL || PyList_Append(result, pair) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(pair);
    }
    return result;
}

static PyObject *
poll_poll(PyObject *op, PyObject *args)
{
    pollobject *self = (pollobject *)op;
    PyObject *timeout_obj = Py_None;
    long long timeout_ns;
    if (!PyArg_UnpackTuple(args, "poll", 0, 1, &timeout_obj)
        || timeout_to_ns(timeout_obj, NS_PER_MS,
                         "timeout must be an integer or None",
                         &timeout_ns) < 0) {
        return NULL;
    }
    if (__atomic_exchange_n(&self->polling, 1, __ATOMIC_ACQ_REL)) {
        PyErr_SetString(PyExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t count = 0;
    struct pollfd *fds = poll_snapshot(self, &count);
    if (fds != NULL && poll_wait(fds, count, timeout_ns) >= 0) {
        result = poll_results(fds, count);
    }
    PyMem_Free(fds);
    __atomic_store_n(&self->polling, 0, __ATOMIC_RELEASE);
    return result;
}

static PyMethodDef poll_methods[] = {
    {"register", poll_register, METH_VARARGS,
     "register($self, fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)\n--\n\n"
     "Register a file descriptor with the polling object."},
    {"modify", poll_modify, METH_VARARGS,
     "modify($self, fd, eventmask, /)\n--\n\n"
     "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_O,
     "unregister($self, fd, /)\n--\n\n"
     "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, METH_VARARGS,
     "poll($self, timeout=None, /)\n--\n\n"
     "Poll the registered file descriptors; timeout is in milliseconds.\n\n"
     "Returns a list of (fd, event) 2-tuples."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Poll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(pollobject),
    .tp_dealloc = poll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = poll_traverse,
    .tp_methods = poll_methods,
};

/* ---- epoll objects ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int epfd;   /* atomic; -1 once closed */
} epollobject;

static PyTypeObject Epoll_Type;

static int
epoll_fd(epollobject *self)
{
    return __atomic_load_n(&self->epfd, __ATOMIC_ACQUIRE);
}

/* The open epoll descriptor, or -1 with ValueError when closed. */
static int
epoll_open_fd(epollobject *self)
{
    int fd = epoll_fd(self);
    if (fd < 0) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed epoll object");
    }
    return fd;
}

static PyObject *
epoll_wrap(PyTypeObject *type, int fd)
{
    epollobject *self = (epollobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->epfd = fd;
    return (PyObject *)self;
}

static PyObject *
epoll_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"sizehint", "flags", NULL};
    int sizehint = -1, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ii:epoll", keywords,
                                     &sizehint, &flags)) {
        return NULL;
    }
    if (sizehint == 0 || sizehint < -1) {
        PyErr_SetString(PyExc_ValueError, "negative sizehint");
        return NULL;
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        PyErr_SetString(PyExc_OSError, "invalid flags");
        return NULL;
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *self = epoll_wrap(type, fd);
    if (self == NULL) {
        close(fd);
    }
    return self;
}

static PyObject *
epoll_fromfd(PyObject *cls, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return epoll_wrap((PyTypeObject *)cls, fd);
}

/* Retire the descriptor exactly once; 0, or -1 with errno. */
static int
epoll_release(epollobject *self)
{
    int fd = __atomic_exchange_n(&self->epfd, -1, __ATOMIC_ACQ_REL);
    return fd >= 0 ? close(fd) : 0;
}

static void
epoll_dealloc(PyObject *op)
{
    epoll_release((epollobject *)op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
epoll_close(PyObject *op, PyObject *Py_UNUSED(args))
{
    if (epoll_release((epollobject *)op) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *
epoll_get_closed(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(epoll_fd((epollobject *)op) < 0);
}

static PyObject *
epoll_fileno(PyObject *op, PyObject *Py_UNUSED(args))
{
    int fd = epoll_open_fd((epollobject *)op);
    return fd < 0 ? NULL : PyLong_FromLong(fd);
}

/* epoll_ctl(op, fd, events); a result or errno becomes None or OSError. */
static PyObject *
epoll_control(epollobject *self, int ctl_op, int fd, unsigned int events)
{
    int epfd = epoll_open_fd(self);
    if (epfd < 0) {
        return NULL;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof(ev));
    ev.events = events;
    ev.data.fd = fd;
    int status, err;
    Py_BEGIN_ALLOW_THREADS
    status = epoll_ctl(epfd, ctl_op, fd, &ev);
    err = errno;
    Py_END_ALLOW_THREADS
    if (status < 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *
epoll_register(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"fd", "eventmask", NULL};
    int fd;
    unsigned int events = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|I:register", keywords,
                                     fd_converter, &fd, &events)) {
        return NULL;
    }
    return epoll_control((epollobject *)op, EPOLL_CTL_ADD, fd, events);
}

static PyObject *
epoll_modify(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"fd", "eventmask", NULL};
    int fd;
    unsigned int events;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&I:modify", keywords,
                                     fd_converter, &fd, &events)) {
        return NULL;
    }
    return epoll_control((epollobject *)op, EPOLL_CTL_MOD, fd, events);
}

static PyObject *
epoll_unregister(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&:unregister", keywords,
                                     fd_converter, &fd)) {
        return NULL;
    }
    return epoll_control((epollobject *)op, EPOLL_CTL_DEL, fd, 0);
}

/* epoll_wait(2) detached, retried after signals with the remaining time. */
static int
epoll_wait_events(int epfd, struct epoll_event *events, int maxevents,
                  long long timeout_ns)
{
    long long deadline = deadline_after(timeout_ns);
    for (;;) {
        int ms = ns_to_ms(remaining_ns(deadline));
        int n, err;
        Py_BEGIN_ALLOW_THREADS
        n = epoll_wait(epfd, events, maxevents, ms);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

static PyObject *
epoll_poll(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"timeout", "maxevents", NULL};
    PyObject *timeout_obj = Py_None;
    int maxevents = -1;
    long long timeout_ns;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:poll", keywords,
                                     &timeout_obj, &maxevents)) {
        return NULL;
    }
    int epfd = epoll_open_fd((epollobject *)op);
    if (epfd < 0) {
        return NULL;
    }
    if (timeout_to_ns(timeout_obj, NS_PER_SEC,
                      "timeout must be an integer or None", &timeout_ns) < 0) {
        return NULL;
    }
    if (maxevents == -1) {
        maxevents = FD_SETSIZE - 1;
    }
    else if (maxevents < 1) {
        PyErr_Format(PyExc_ValueError,
                     "maxevents must be greater than 0, got %d", maxevents);
        return NULL;
    }
    struct epoll_event *events = PyMem_Calloc((size_t)maxevents,
                                              sizeof(struct epoll_event));
    if (events == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    int n = epoll_wait_events(epfd, events, maxevents, timeout_ns);
    if (n >= 0) {
        result = PyList_New(n);
        for (int i = 0; result != NULL && i < n; i++) {
            PyObject *pair = Py_BuildValue("(iI)", events[i].data.fd,
                                           (unsigned int)events[i].events);
            if (pair == NULL) {
                Py_CLEAR(result);
                break;
            }
            PyList_SET_ITEM(result, i, pair);
        }
    }
    PyMem_Free(events);
    return result;
}

static PyObject *
epoll_enter(PyObject *op, PyObject *Py_UNUSED(args))
{
    if (epoll_open_fd((epollobject *)op) < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
epoll_exit(PyObject *op, PyObject *Py_UNUSED(args))
{
    return epoll_close(op, NULL);
}

static PyMethodDef epoll_methods[] = {
    {"fromfd", epoll_fromfd, METH_O | METH_CLASS,
     "fromfd($type, fd, /)\n--\n\nCreate an epoll object from a file descriptor."},
    {"close", epoll_close, METH_NOARGS,
     "close($self, /)\n--\n\nClose the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_NOARGS,
     "fileno($self, /)\n--\n\nReturn the epoll control file descriptor."},
    {"register", _PyCFunction_CAST(epoll_register), METH_VARARGS | METH_KEYWORDS,
     "register($self, /, fd, eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)\n--\n\n"
     "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", _PyCFunction_CAST(epoll_modify), METH_VARARGS | METH_KEYWORDS,
     "modify($self, /, fd, eventmask)\n--\n\nModify event mask for a registered file descriptor."},
    {"unregister", _PyCFunction_CAST(epoll_unregister), METH_VARARGS | METH_KEYWORDS,
     "unregister($self, /, fd)\n--\n\nRemove a registered file descriptor from the epoll object."},
    {"poll", _PyCFunction_CAST(epoll_poll), METH_VARARGS | METH_KEYWORDS,
     "poll($self, /, timeout=None, maxevents=-1)\n--\n\n"
     "Wait for events on the epoll file descriptor.\n\n"
     "Returns a list containing any descriptors that have events to report,\n"
     "as a list of (fd, events) 2-tuples."},
    {"__enter__", epoll_enter, METH_NOARGS, NULL},
    {"__exit__", epoll_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Epoll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(epollobject),
    .tp_dealloc = epoll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "select.epoll(sizehint=-1, flags=0)\n\n"
              "Returns an epolling object.",
    .tp_methods = epoll_methods,
    .tp_getset = epoll_getset,
    .tp_new = epoll_new,
};

/* ---- module ----------------------------------------------------------- */

static PyMethodDef select_methods[] = {
    {"select", select_select, METH_VARARGS,
     "select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\n"
     "Wait until one or more file descriptors are ready for some kind of I/O.\n\n"
     "Returns a tuple of three lists, the ready subsets of the arguments."},
    {"poll", select_poll, METH_NOARGS,
     "poll($module, /)\n--\n\n"
     "Returns a polling object that supports registering and unregistering\n"
     "file descriptors, and then polling them for I/O events."},
    {NULL, NULL, 0, NULL},
};

static int
select_exec(PyObject *module)
{
    static const struct {
        const char *name;
        long value;
    } constants[] = {
        {"PIPE_BUF", PIPE_BUF},
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
        {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
        {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
        {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
        {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP},
        {"EPOLLET", (long)(unsigned int)EPOLLET},
        {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
        {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
        {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
        {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
        {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(constants); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name,
                                    constants[i].value) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0
        || PyType_Ready(&Poll_Type) < 0
        || PyType_Ready(&Epoll_Type) < 0
        || PyModule_AddObjectRef(module, "epoll", (PyObject *)&Epoll_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot select_slots[] = {
    {Py_mod_exec, select_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef select_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "select",
    .m_doc = "This module supports asynchronous I/O on multiple file descriptors.",
    .m_size = 0,
    .m_methods = select_methods,
    .m_slots = select_slots,
};

PyMODINIT_FUNC
PyInit_select(void)
{
    return PyModuleDef_Init(&select_module);
}
