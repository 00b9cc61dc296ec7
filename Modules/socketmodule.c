/* The _socket module: the socket type over BSD sockets, name resolution
   and conversion functions, and the constants.  Lib/socket.py builds the
   public socket module on top of it.  Address conversion lives in
   Modules/socket_address.c (see socketmodule.h).

   Timeouts: a socket's timeout is -1 (blocking), 0 (non-blocking) or a
   positive number of nanoseconds.  Whenever it is not -1 the descriptor
   is in O_NONBLOCK mode, and a call that would block waits in poll(2)
   for the remaining time, then raises TimeoutError.  Every blocking call
   runs detached and is retried after EINTR once the signal handlers have
   run (PEP 475).

   Thread safety: one socket may be used by several threads at once (one
   sending while another receives).  sock_fd and sock_timeout are read
   and written with atomic operations; nothing is held across a blocking
   call.  family/type/proto are written by __init__ before the object is
   shared.  The module's default timeout is an atomic too. */
#include "Python.h"
#include "socketmodule.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
/* Linux protocol families: constants only (their addresses are not
   supported by socket_address.c), so programs can test for them. */
#include <linux/can.h>
#include <linux/can/bcm.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <linux/if_alg.h>
#include <linux/netlink.h>
#include <linux/tipc.h>
#include <sys/ioctl.h>
#include <linux/vm_sockets.h>
#include <netpacket/packet.h>

/* UDP-Lite's checksum-coverage options: the kernel defines them but the C
   library's headers do not. */
#ifndef UDPLITE_SEND_CSCOV
#  define UDPLITE_SEND_CSCOV 10
#  define UDPLITE_RECV_CSCOV 11
#endif

#define NS_PER_SEC 1000000000LL

#ifndef SOL_UDP
#  define SOL_UDP IPPROTO_UDP   /* glibc defines it only with linux/ headers */
#endif

typedef struct {
    PyObject_HEAD
    int sock_fd;              /* atomic; -1 once closed or detached */
    int sock_family;
    int sock_type;            /* without SOCK_NONBLOCK / SOCK_CLOEXEC */
    int sock_proto;
    long long sock_timeout;   /* atomic; ns, -1 blocking, 0 non-blocking */
} PySocketSockObject;

static PyTypeObject PySocket_Type;

/* Timeout given to new sockets (same encoding as sock_timeout). */
static long long default_timeout = -1;

static int
sock_get_fd(PySocketSockObject *s)
{
    return __atomic_load_n(&s->sock_fd, __ATOMIC_ACQUIRE);
}

static long long
sock_get_timeout(PySocketSockObject *s)
{
    return __atomic_load_n(&s->sock_timeout, __ATOMIC_RELAXED);
}

/* ---- time ------------------------------------------------------------- */

long long
_PySocket_MonotonicNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* A timeout in seconds (None, int or float) to the encoding of
   sock_timeout; ValueError when negative. */
static int
parse_timeout(PyObject *obj, long long *ns)
{
    if (obj == Py_None) {
        *ns = -1;
        return 0;
    }
    double seconds;
    if (PyFloat_Check(obj)) {
        seconds = PyFloat_AsDouble(obj);
        if (isnan(seconds)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    }
    else {
        PyObject *index = PyNumber_Index(obj);
        if (index == NULL) {
            return -1;
        }
        seconds = PyLong_AsDouble(index);
        Py_DECREF(index);
        if (seconds == -1.0 && PyErr_Occurred()) {
            return -1;
        }
    }
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "Timeout value out of range");
        return -1;
    }
    double scaled = ceil(seconds * 1e9);
    if (scaled > 9.2e18) {
        PyErr_SetString(PyExc_OverflowError, "timeout doesn't fit into C timeval");
        return -1;
    }
    *ns = (long long)scaled;
    return 0;
}

static PyObject *
timeout_object(long long ns)
{
    if (ns < 0) {
        Py_RETURN_NONE;
    }
    return PyFloat_FromDouble((double)ns / 1e9);
}

/* ---- errors and waiting ---------------------------------------------- */

static PyObject *
error_from(int err)
{
    errno = err;
    return PyErr_SetFromErrno(PyExc_OSError);
}

/* Declared in socketmodule.h (the _ssl module waits with it too). */
int
_PySocket_WaitReady(int fd, int writing, long long deadline)
{
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            long long left = deadline - _PySocket_MonotonicNs();
            if (left <= 0) {
                return 0;
            }
            long long rounded = (left + 999999) / 1000000;
            ms = rounded > INT_MAX ? INT_MAX : (int)rounded;
        }
        struct pollfd pfd = {fd, (short)(writing ? POLLOUT : POLLIN), 0};
        int n, err;
        Py_BEGIN_ALLOW_THREADS
        n = poll(&pfd, 1, ms);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n > 0) {
            return 1;
        }
        if (n == 0) {
            return 0;
        }
        if (err != EINTR) {
            error_from(err);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

/* One system call on the socket's descriptor; -1 with errno. */
typedef Py_ssize_t (*sock_func)(int fd, void *ctx);

/* Runs func detached until it succeeds.  EINTR: handlers run, then it
   is retried.  EAGAIN with a timeout: wait until ready or the deadline
   (TimeoutError).  Returns func's result, or -1 with an exception. */
static Py_ssize_t
sock_call_until(PySocketSockObject *s, int writing, sock_func func,
                void *ctx, long long deadline)
{
    for (;;) {
        int fd = sock_get_fd(s);
        Py_ssize_t n;
        int err;
        Py_BEGIN_ALLOW_THREADS
        n = func(fd, ctx);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (err == EINTR) {
            if (PyErr_CheckSignals() < 0) {
                return -1;
            }
            continue;
        }
        if (sock_get_timeout(s) > 0 && (err == EAGAIN || err == EWOULDBLOCK)) {
            int ready = _PySocket_WaitReady(fd, writing, deadline);
            if (ready < 0) {
                return -1;
            }
            if (ready == 0) {
                PyErr_SetString(PyExc_TimeoutError, "timed out");
                return -1;
            }
            continue;
        }
        error_from(err);
        return -1;
    }
}

static long long
deadline_for(PySocketSockObject *s)
{
    long long timeout = sock_get_timeout(s);
    return timeout > 0 ? _PySocket_MonotonicNs() + timeout : -1;
}

static Py_ssize_t
sock_call(PySocketSockObject *s, int writing, sock_func func, void *ctx)
{
    return sock_call_until(s, writing, func, ctx, deadline_for(s));
}

/* ---- creation and life cycle ----------------------------------------- */

/* O_NONBLOCK on or off; -1 with an exception. */
static int
set_fd_blocking(int fd, int blocking)
{
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) {
        error_from(errno);
        return -1;
    }
    int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0) {
        error_from(errno);
        return -1;
    }
    return 0;
}

/* Store a timeout and put the descriptor in the matching mode.  The
   socket's critical section keeps the pair consistent when two threads
   change the timeout at once (fcntl does not block). */
static int
sock_apply_timeout(PySocketSockObject *s, long long timeout)
{
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(s);
    __atomic_store_n(&s->sock_timeout, timeout, __ATOMIC_RELAXED);
    int fd = sock_get_fd(s);
    if (fd >= 0) {
        status = set_fd_blocking(fd, timeout < 0);
    }
    Py_END_CRITICAL_SECTION();
    return status;
}

/* Fill a fresh socket object around fd (owned by it from now on). */
static int
sock_setup(PySocketSockObject *s, int fd, int family, int type, int proto)
{
    s->sock_family = family;
    s->sock_type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->sock_proto = proto;
    __atomic_store_n(&s->sock_fd, fd, __ATOMIC_RELEASE);
    long long timeout = (type & SOCK_NONBLOCK)
        ? 0 : __atomic_load_n(&default_timeout, __ATOMIC_RELAXED);
    return sock_apply_timeout(s, timeout);
}

/* A new _socket.socket around fd (which it then owns); NULL on error,
   fd closed. */
static PyObject *
sock_wrap_fd(int fd, int family, int type, int proto)
{
    PySocketSockObject *s = (PySocketSockObject *)PySocket_Type.tp_alloc(&PySocket_Type, 0);
    if (s == NULL) {
        close(fd);
        return NULL;
    }
    s->sock_fd = -1;
    if (sock_setup(s, fd, family, type, proto) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static PyObject *
sock_new(PyTypeObject *type, PyObject *Py_UNUSED(args), PyObject *Py_UNUSED(kwds))
{
    PySocketSockObject *s = (PySocketSockObject *)type->tp_alloc(type, 0);
    if (s != NULL) {
        s->sock_fd = -1;
        s->sock_timeout = -1;
    }
    return (PyObject *)s;
}

/* getsockopt(SOL_SOCKET, opt) as an int, for sockets made from a fd. */
static int
query_int_option(int fd, int opt, int *value)
{
    socklen_t len = sizeof(*value);
    return getsockopt(fd, SOL_SOCKET, opt, value, &len);
}

/* socket(family=-1, type=-1, proto=-1, fileno=None) */
static int
sock_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"family", "type", "proto", "fileno", NULL};
    PySocketSockObject *s = (PySocketSockObject *)op;
    int family = -1, type = -1, proto = -1;
    PyObject *fileno = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiiO:socket", keywords,
                                     &family, &type, &proto, &fileno)) {
        return -1;
    }
    int fd;
    if (fileno != Py_None) {
        fd = PyLong_AsInt(fileno);
        if (fd == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        /* getsockname() both proves fd is a socket (ENOTSOCK, EBADF
           otherwise, even when the caller gave every parameter) and
           tells its family. */
        sock_addr_t bound;
        socklen_t bound_len = sizeof(bound);
        memset(&bound, 0, sizeof(bound));
        if (getsockname(fd, (struct sockaddr *)&bound, &bound_len) < 0) {
            error_from(errno);
            return -1;
        }
        if (family == -1) {
            family = ((struct sockaddr *)&bound)->sa_family;
        }
        int value;
        if (type == -1) {
            if (query_int_option(fd, SO_TYPE, &value) < 0) {
                error_from(errno);
                return -1;
            }
            type = value;
        }
        if (proto == -1) {
            proto = query_int_option(fd, SO_PROTOCOL, &value) < 0 ? 0 : value;
        }
    }
    else {
        family = family == -1 ? AF_INET : family;
        type = type == -1 ? SOCK_STREAM : type;
        proto = proto == -1 ? 0 : proto;
        Py_BEGIN_ALLOW_THREADS
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        Py_END_ALLOW_THREADS
        if (fd < 0) {
            error_from(errno);
            return -1;
        }
    }
    int old = __atomic_exchange_n(&s->sock_fd, -1, __ATOMIC_ACQ_REL);
    if (old >= 0) {
        close(old);
    }
    return sock_setup(s, fd, family, type, proto);
}

static void
sock_finalize(PyObject *op)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    if (sock_get_fd(s) < 0) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyErr_ResourceWarning(op, 1, "unclosed %R", op) < 0) {
        PyErr_WriteUnraisable(op);
    }
    int fd = __atomic_exchange_n(&s->sock_fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0) {
        close(fd);
    }
    PyErr_SetRaisedException(exc);
}

static void
sock_dealloc(PyObject *op)
{
    if (PyObject_CallFinalizerFromDealloc(op) < 0) {
        return;
    }
    int fd = __atomic_exchange_n(&((PySocketSockObject *)op)->sock_fd, -1,
                                 __ATOMIC_ACQ_REL);
    if (fd >= 0) {
        close(fd);
    }
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
sock_repr(PyObject *op)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    return PyUnicode_FromFormat("<socket object, fd=%d, family=%d, type=%d, proto=%d>",
                                sock_get_fd(s), s->sock_family, s->sock_type,
                                s->sock_proto);
}

/* ---- simple methods -------------------------------------------------- */

static PyObject *
sock_close(PyObject *op, PyObject *Py_UNUSED(args))
{
    int fd = __atomic_exchange_n(&((PySocketSockObject *)op)->sock_fd, -1,
                                 __ATOMIC_ACQ_REL);
    if (fd >= 0) {
        int res;
        Py_BEGIN_ALLOW_THREADS
        res = close(fd);
        Py_END_ALLOW_THREADS
        /* ECONNRESET on close only means the peer went away first. */
        if (res < 0 && errno != ECONNRESET) {
            return error_from(errno);
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_detach(PyObject *op, PyObject *Py_UNUSED(args))
{
    int fd = __atomic_exchange_n(&((PySocketSockObject *)op)->sock_fd, -1,
                                 __ATOMIC_ACQ_REL);
    return PyLong_FromLong(fd);
}

static PyObject *
sock_fileno(PyObject *op, PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(sock_get_fd((PySocketSockObject *)op));
}

static PyObject *
sock_dup(PyObject *op, PyObject *Py_UNUSED(args))
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    int fd = fcntl(sock_get_fd(s), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        return error_from(errno);
    }
    return sock_wrap_fd(fd, s->sock_family, s->sock_type, s->sock_proto);
}

static PyObject *
sock_settimeout(PyObject *op, PyObject *arg)
{
    long long timeout;
    if (parse_timeout(arg, &timeout) < 0
        || sock_apply_timeout((PySocketSockObject *)op, timeout) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_gettimeout(PyObject *op, PyObject *Py_UNUSED(args))
{
    return timeout_object(sock_get_timeout((PySocketSockObject *)op));
}

static PyObject *
sock_get_timeout_attr(PyObject *op, void *Py_UNUSED(closure))
{
    return sock_gettimeout(op, NULL);
}

static PyObject *
sock_setblocking(PyObject *op, PyObject *arg)
{
    int blocking = PyObject_IsTrue(arg);
    if (blocking < 0
        || sock_apply_timeout((PySocketSockObject *)op, blocking ? -1 : 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_getblocking(PyObject *op, PyObject *Py_UNUSED(args))
{
    return PyBool_FromLong(sock_get_timeout((PySocketSockObject *)op) != 0);
}

static PyObject *
sock_bind(PyObject *op, PyObject *arg)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    sock_addr_t addr;
    socklen_t len;
    if (_PySocket_ParseAddress(s->sock_family, arg, "bind", &addr, &len) < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = bind(sock_get_fd(s), &addr.sa, len);
    Py_END_ALLOW_THREADS
    if (res < 0) {
        return error_from(errno);
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_listen(PyObject *op, PyObject *args)
{
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (!PyArg_ParseTuple(args, "|i:listen", &backlog)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = listen(sock_get_fd((PySocketSockObject *)op), backlog < 0 ? 0 : backlog);
    Py_END_ALLOW_THREADS
    if (res < 0) {
        return error_from(errno);
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_shutdown(PyObject *op, PyObject *arg)
{
    int how = PyLong_AsInt(arg);
    if (how == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = shutdown(sock_get_fd((PySocketSockObject *)op), how);
    Py_END_ALLOW_THREADS
    if (res < 0) {
        return error_from(errno);
    }
    Py_RETURN_NONE;
}

typedef int (*name_func)(int, struct sockaddr *, socklen_t *);

static PyObject *
sock_name(PySocketSockObject *s, name_func func)
{
    sock_addr_t addr;
    socklen_t len = sizeof(addr);
    memset(&addr, 0, sizeof(addr));
    if (func(sock_get_fd(s), &addr.sa, &len) < 0) {
        return error_from(errno);
    }
    return _PySocket_MakeAddress(&addr.sa, len);
}

static PyObject *
sock_getsockname(PyObject *op, PyObject *Py_UNUSED(args))
{
    return sock_name((PySocketSockObject *)op, getsockname);
}

static PyObject *
sock_getpeername(PyObject *op, PyObject *Py_UNUSED(args))
{
    return sock_name((PySocketSockObject *)op, getpeername);
}

/* setsockopt(level, option, value: int | buffer)
   setsockopt(level, option, None, optlen: int) */
static PyObject *
sock_setsockopt(PyObject *op, PyObject *args)
{
    int level, option, res;
    PyObject *value;
    unsigned int optlen = 0;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    int fd = sock_get_fd((PySocketSockObject *)op);
    if (nargs == 4) {
        if (!PyArg_ParseTuple(args, "iiO!I:setsockopt", &level, &option,
                              Py_TYPE(Py_None), &value, &optlen)) {
            return NULL;
        }
        res = setsockopt(fd, level, option, NULL, optlen);
    }
    else {
        if (!PyArg_ParseTuple(args, "iiO:setsockopt", &level, &option, &value)) {
            return NULL;
        }
        if (PyLong_Check(value)
                && ((PySocketSockObject *)op)->sock_family == AF_VSOCK) {
            /* vsock options (buffer sizes, timeouts) are 64-bit. */
            unsigned long long flag = PyLong_AsUnsignedLongLong(value);
            if (flag == (unsigned long long)-1 && PyErr_Occurred()) {
                return NULL;
            }
            uint64_t flag64 = (uint64_t)flag;
            res = setsockopt(fd, level, option, &flag64, sizeof(flag64));
        }
        else if (PyLong_Check(value)) {
            int flag = PyLong_AsInt(value);
            if (flag == -1 && PyErr_Occurred()) {
                return NULL;
            }
            res = setsockopt(fd, level, option, &flag, sizeof(flag));
        }
        else {
            Py_buffer view;
            if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
                return NULL;
            }
            res = setsockopt(fd, level, option, view.buf, (socklen_t)view.len);
            PyBuffer_Release(&view);
        }
    }
    if (res < 0) {
        return error_from(errno);
    }
    Py_RETURN_NONE;
}

/* getsockopt(level, option[, buflen]): an int, or buflen raw bytes. */
static PyObject *
sock_getsockopt(PyObject *op, PyObject *args)
{
    int level, option, buflen = 0;
    if (!PyArg_ParseTuple(args, "ii|i:getsockopt", &level, &option, &buflen)) {
        return NULL;
    }
    int fd = sock_get_fd((PySocketSockObject *)op);
    if (buflen == 0 && ((PySocketSockObject *)op)->sock_family == AF_VSOCK) {
        uint64_t flag = 0;
        socklen_t len = sizeof(flag);
        if (getsockopt(fd, level, option, &flag, &len) < 0) {
            return error_from(errno);
        }
        return PyLong_FromUnsignedLongLong((unsigned long long)flag);
    }
    if (buflen == 0) {
        int flag = 0;
        socklen_t len = sizeof(flag);
        if (getsockopt(fd, level, option, &flag, &len) < 0) {
            return error_from(errno);
        }
        return PyLong_FromLong(flag);
    }
    if (buflen < 0 || buflen > 1024) {
        PyErr_SetString(PyExc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, buflen);
    if (buf == NULL) {
        return NULL;
    }
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(fd, level, option, PyBytes_AS_STRING(buf), &len) < 0) {
        Py_DECREF(buf);
        return error_from(errno);
    }
    _PyBytes_Resize(&buf, (Py_ssize_t)len);
    return buf;
}

/* ---- connect and accept ---------------------------------------------- */

/* Connects; returns 0 or an errno value for connect_ex, or -1 with an
   exception (signal, timeout when raise_timeout, bad address).  A
   connect interrupted by a signal goes on asynchronously, so it is
   completed by waiting for writability and reading SO_ERROR. */
static int
sock_connect_impl(PySocketSockObject *s, PyObject *address, const char *caller,
                  int raise_timeout)
{
    sock_addr_t addr;
    socklen_t len;
    if (_PySocket_ParseAddress(s->sock_family, address, caller, &addr, &len) < 0) {
        return -1;
    }
    int fd = sock_get_fd(s), res, err;
    Py_BEGIN_ALLOW_THREADS
    res = connect(fd, &addr.sa, len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res == 0) {
        return 0;
    }
    long long timeout = sock_get_timeout(s);
    if (err == EINTR) {
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
        if (timeout == 0) {
            return err;
        }
    }
    else if (!(err == EINPROGRESS && timeout > 0)) {
        return err;
    }
    int ready = _PySocket_WaitReady(fd, 1, timeout > 0 ? _PySocket_MonotonicNs() + timeout : -1);
    if (ready < 0) {
        return -1;
    }
    if (ready == 0) {
        if (raise_timeout) {
            PyErr_SetString(PyExc_TimeoutError, "timed out");
            return -1;
        }
        return EWOULDBLOCK;
    }
    socklen_t size = sizeof(err);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &size) < 0) {
        return errno;
    }
    return err;
}

static PyObject *
sock_connect(PyObject *op, PyObject *arg)
{
    int err = sock_connect_impl((PySocketSockObject *)op, arg, "connect", 1);
    if (err < 0) {
        return NULL;
    }
    if (err > 0) {
        return error_from(err);
    }
    Py_RETURN_NONE;
}

static PyObject *
sock_connect_ex(PyObject *op, PyObject *arg)
{
    int err = sock_connect_impl((PySocketSockObject *)op, arg, "connect_ex", 0);
    return err < 0 ? NULL : PyLong_FromLong(err);
}

typedef struct {
    sock_addr_t addr;
    socklen_t len;
} accept_ctx;

static Py_ssize_t
accept_func(int fd, void *arg)
{
    accept_ctx *ctx = arg;
    ctx->len = sizeof(ctx->addr);
    return accept4(fd, &ctx->addr.sa, &ctx->len, SOCK_CLOEXEC);
}

/* _accept() -> (fd, address): the new descriptor is non-inheritable;
   socket.py wraps it. */
static PyObject *
sock_accept(PyObject *op, PyObject *Py_UNUSED(args))
{
    accept_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    Py_ssize_t fd = sock_call((PySocketSockObject *)op, 0, accept_func, &ctx);
    if (fd < 0) {
        return NULL;
    }
    PyObject *addr = _PySocket_MakeAddress(&ctx.addr.sa, ctx.len);
    if (addr == NULL) {
        close((int)fd);
        return NULL;
    }
    return Py_BuildValue("(nN)", fd, addr);
}

/* ---- send ------------------------------------------------------------ */

typedef struct {
    const char *buf;
    size_t len;
    int flags;
    const struct sockaddr *addr;
    socklen_t addrlen;
} send_ctx;

static Py_ssize_t
send_func(int fd, void *arg)
{
    send_ctx *ctx = arg;
    if (ctx->addr != NULL) {
        return sendto(fd, ctx->buf, ctx->len, ctx->flags | MSG_NOSIGNAL,
                      ctx->addr, ctx->addrlen);
    }
    return send(fd, ctx->buf, ctx->len, ctx->flags | MSG_NOSIGNAL);
}

static PyObject *
sock_send(PyObject *op, PyObject *args)
{
    Py_buffer view;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "y*|i:send", &view, &flags)) {
        return NULL;
    }
    send_ctx ctx = {view.buf, (size_t)view.len, flags, NULL, 0};
    Py_ssize_t n = sock_call((PySocketSockObject *)op, 1, send_func, &ctx);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

/* sendall(data[, flags]): one deadline for the whole transfer. */
static PyObject *
sock_sendall(PyObject *op, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    Py_buffer view;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "y*|i:sendall", &view, &flags)) {
        return NULL;
    }
    long long deadline = deadline_for(s);
    send_ctx ctx = {view.buf, (size_t)view.len, flags, NULL, 0};
    int ok = 1;
    while (ctx.len > 0) {
        Py_ssize_t n = sock_call_until(s, 1, send_func, &ctx, deadline);
        if (n < 0 || PyErr_CheckSignals() < 0) {
            ok = 0;
            break;
        }
        ctx.buf += n;
        ctx.len -= (size_t)n;
    }
    PyBuffer_Release(&view);
    if (!ok) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* sendto(data[, flags], address) */
static PyObject *
sock_sendto(PyObject *op, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    Py_buffer view;
    int flags = 0;
    PyObject *address;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 2) {
        if (!PyArg_ParseTuple(args, "y*O:sendto", &view, &address)) {
            return NULL;
        }
    }
    else if (nargs == 3) {
        if (!PyArg_ParseTuple(args, "y*iO:sendto", &view, &flags, &address)) {
            return NULL;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "sendto() takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    sock_addr_t addr;
    socklen_t len;
    if (_PySocket_ParseAddress(s->sock_family, address, "sendto", &addr, &len) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    send_ctx ctx = {view.buf, (size_t)view.len, flags, &addr.sa, len};
    Py_ssize_t n = sock_call(s, 1, send_func, &ctx);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

/* ---- receive --------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len;
    int flags;
    sock_addr_t addr;
    socklen_t addrlen;
    int want_addr;
} recv_ctx;

static Py_ssize_t
recv_func(int fd, void *arg)
{
    recv_ctx *ctx = arg;
    if (ctx->want_addr) {
        ctx->addrlen = sizeof(ctx->addr);
        return recvfrom(fd, ctx->buf, ctx->len, ctx->flags, &ctx->addr.sa,
                        &ctx->addrlen);
    }
    return recv(fd, ctx->buf, ctx->len, ctx->flags);
}

/* Receive up to bufsize bytes into a new bytes object (*addr the sender
   when want_addr). */
static PyObject *
recv_bytes(PySocketSockObject *s, Py_ssize_t bufsize, int flags,
           const char *caller, PyObject **addr)
{
    if (bufsize < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", caller);
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, bufsize);
    if (buf == NULL) {
        return NULL;
    }
    recv_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.buf = PyBytes_AS_STRING(buf);
    ctx.len = (size_t)bufsize;
    ctx.flags = flags;
    ctx.want_addr = addr != NULL;
    Py_ssize_t n = sock_call(s, 0, recv_func, &ctx);
    if (n < 0) {
        Py_DECREF(buf);
        return NULL;
    }
    if (addr != NULL) {
        *addr = _PySocket_MakeAddress(&ctx.addr.sa, ctx.addrlen);
        if (*addr == NULL) {
            Py_DECREF(buf);
            return NULL;
        }
    }
    if (n != bufsize && _PyBytes_Resize(&buf, n) < 0) {
        if (addr != NULL) {
            Py_CLEAR(*addr);
        }
        return NULL;
    }
    return buf;
}

static PyObject *
sock_recv(PyObject *op, PyObject *args)
{
    Py_ssize_t bufsize;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "n|i:recv", &bufsize, &flags)) {
        return NULL;
    }
    return recv_bytes((PySocketSockObject *)op, bufsize, flags, "recv", NULL);
}

static PyObject *
sock_recvfrom(PyObject *op, PyObject *args)
{
    Py_ssize_t bufsize;
    int flags = 0;
    PyObject *addr = NULL;
    if (!PyArg_ParseTuple(args, "n|i:recvfrom", &bufsize, &flags)) {
        return NULL;
    }
    PyObject *data = recv_bytes((PySocketSockObject *)op, bufsize, flags,
                                "recvfrom", &addr);
    return data == NULL ? NULL : Py_BuildValue("(NN)", data, addr);
}

/* Receive into a writable buffer; nbytes 0 means its whole length. */
static Py_ssize_t
recv_into_buffer(PySocketSockObject *s, Py_buffer *view, Py_ssize_t nbytes,
                 int flags, const char *caller, PyObject **addr)
{
    if (nbytes < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", caller);
        return -1;
    }
    if (nbytes == 0) {
        nbytes = view->len;
    }
    else if (nbytes > view->len) {
        PyErr_Format(PyExc_ValueError, "buffer too small for requested bytes");
        return -1;
    }
    recv_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.buf = view->buf;
    ctx.len = (size_t)nbytes;
    ctx.flags = flags;
    ctx.want_addr = addr != NULL;
    Py_ssize_t n = sock_call(s, 0, recv_func, &ctx);
    if (n >= 0 && addr != NULL) {
        *addr = _PySocket_MakeAddress(&ctx.addr.sa, ctx.addrlen);
        if (*addr == NULL) {
            return -1;
        }
    }
    return n;
}

static PyObject *
sock_recv_into(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"buffer", "nbytes", "flags", NULL};
    Py_buffer view;
    Py_ssize_t nbytes = 0;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "w*|ni:recv_into", keywords,
                                     &view, &nbytes, &flags)) {
        return NULL;
    }
    Py_ssize_t n = recv_into_buffer((PySocketSockObject *)op, &view, nbytes,
                                    flags, "recv_into", NULL);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *
sock_recvfrom_into(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"buffer", "nbytes", "flags", NULL};
    Py_buffer view;
    Py_ssize_t nbytes = 0;
    int flags = 0;
    PyObject *addr = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "w*|ni:recvfrom_into", keywords,
                                     &view, &nbytes, &flags)) {
        return NULL;
    }
    Py_ssize_t n = recv_into_buffer((PySocketSockObject *)op, &view, nbytes,
                                    flags, "recvfrom_into", &addr);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : Py_BuildValue("(nN)", n, addr);
}

/* ---- sendmsg / recvmsg ----------------------------------------------- */

/* Buffers and control data of one sendmsg() call; released by
   msg_parts_clear whatever happened. */
typedef struct {
    Py_buffer *views;
    struct iovec *iov;
    Py_ssize_t nviews;
    char *control;
    size_t controllen;
} msg_parts;

static void
msg_parts_clear(msg_parts *parts)
{
    for (Py_ssize_t i = 0; i < parts->nviews; i++) {
        PyBuffer_Release(&parts->views[i]);
    }
    PyMem_Free(parts->views);
    PyMem_Free(parts->iov);
    PyMem_Free(parts->control);
}

static int
msg_parts_buffers(msg_parts *parts, PyObject *buffers)
{
    PyObject *fast = PySequence_Fast(buffers, "sendmsg() argument 1 must be an iterable");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    parts->views = PyMem_Calloc(n ? n : 1, sizeof(Py_buffer));
    parts->iov = PyMem_Calloc(n ? n : 1, sizeof(struct iovec));
    if (parts->views == NULL || parts->iov == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(fast, i),
                               &parts->views[i], PyBUF_SIMPLE) < 0) {
            Py_DECREF(fast);
            return -1;
        }
        parts->nviews = i + 1;
        parts->iov[i].iov_base = parts->views[i].buf;
        parts->iov[i].iov_len = (size_t)parts->views[i].len;
    }
    Py_DECREF(fast);
    return 0;
}

/* ancdata: iterable of (level, type, data) to a control buffer. */
static int
msg_parts_control(msg_parts *parts, PyObject *ancdata)
{
    PyObject *fast = PySequence_Fast(ancdata, "sendmsg() argument 2 must be an iterable");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    int status = -1;
    Py_buffer *data = PyMem_Calloc(n ? n : 1, sizeof(Py_buffer));
    int *levels = PyMem_Calloc(n ? n : 1, 2 * sizeof(int));
    Py_ssize_t got = 0;
    size_t space = 0;
    if (data == NULL || levels == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (; got < n; got++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, got);
        if (!PySequence_Check(item)) {
            PyErr_Format(PyExc_TypeError, "[sendmsg() ancillary data items]() argument "
                         "must be sequence of length 3, not %.200s", Py_TYPE(item)->tp_name);
            goto done;
        }
        PyObject *triple = PySequence_Tuple(item);
        if (triple == NULL) {
            goto done;
        }
        if (PyTuple_GET_SIZE(triple) != 3) {
            PyErr_Format(PyExc_TypeError, "[sendmsg() ancillary data items]() argument "
                         "must be sequence of length 3, not %zd", PyTuple_GET_SIZE(triple));
            Py_DECREF(triple);
            goto done;
        }
        int parsed = PyArg_ParseTuple(triple, "iiy*:[sendmsg() ancillary data items]",
                                      &levels[2 * got], &levels[2 * got + 1], &data[got]);
        Py_DECREF(triple);
        if (!parsed) {
            goto done;
        }
        space += CMSG_SPACE((size_t)data[got].len);
    }
    if (n > 0) {
        parts->control = PyMem_Calloc(space, 1);
        if (parts->control == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        parts->controllen = space;
        struct msghdr msg;
        memset(&msg, 0, sizeof(msg));
        msg.msg_control = parts->control;
        msg.msg_controllen = space;
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        for (Py_ssize_t i = 0; i < n && cmsg != NULL; i++) {
            cmsg->cmsg_level = levels[2 * i];
            cmsg->cmsg_type = levels[2 * i + 1];
            cmsg->cmsg_len = CMSG_LEN((size_t)data[i].len);
            memcpy(CMSG_DATA(cmsg), data[i].buf, (size_t)data[i].len);
            cmsg = CMSG_NXTHDR(&msg, cmsg);
        }
    }
    status = 0;
done:
    for (Py_ssize_t i = 0; i < got; i++) {
        PyBuffer_Release(&data[i]);
    }
    PyMem_Free(data);
    PyMem_Free(levels);
    Py_DECREF(fast);
    return status;
}

typedef struct {
    struct msghdr msg;
    int flags;
} msg_ctx;

static Py_ssize_t
sendmsg_func(int fd, void *arg)
{
    msg_ctx *ctx = arg;
    return sendmsg(fd, &ctx->msg, ctx->flags | MSG_NOSIGNAL);
}

/* sendmsg(buffers[, ancdata[, flags[, address]]]) */
static PyObject *
sock_sendmsg(PyObject *op, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)op;
    PyObject *buffers, *ancdata = NULL, *address = Py_None;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "O|OiO:sendmsg", &buffers, &ancdata, &flags, &address)) {
        return NULL;
    }
    msg_parts parts;
    memset(&parts, 0, sizeof(parts));
    sock_addr_t addr;
    socklen_t addrlen = 0;
    msg_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    struct msghdr *msg = &ctx.msg;
    ctx.flags = flags;
    PyObject *result = NULL;
    if (msg_parts_buffers(&parts, buffers) < 0
        || (ancdata != NULL && msg_parts_control(&parts, ancdata) < 0)) {
        goto done;
    }
    if (address != Py_None) {
        if (_PySocket_ParseAddress(s->sock_family, address, "sendmsg", &addr, &addrlen) < 0) {
            goto done;
        }
        msg->msg_name = &addr;
        msg->msg_namelen = addrlen;
    }
    msg->msg_iov = parts.iov;
    msg->msg_iovlen = (size_t)parts.nviews;
    msg->msg_control = parts.control;
    msg->msg_controllen = parts.controllen;
    Py_ssize_t n = sock_call(s, 1, sendmsg_func, &ctx);
    if (n >= 0) {
        result = PyLong_FromSsize_t(n);
    }
done:
    msg_parts_clear(&parts);
    return result;
}

static Py_ssize_t
recvmsg_func(int fd, void *arg)
{
    msg_ctx *ctx = arg;
    return recvmsg(fd, &ctx->msg, ctx->flags);
}

/* The control messages of msg as [(level, type, data), ...]. */
static PyObject *
ancillary_list(struct msghdr *msg)
{
    PyObject *list = PyList_New(0);
    if (list == NULL || msg->msg_controllen == 0) {
        return list;
    }
    for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(msg); cmsg != NULL;
         cmsg = CMSG_NXTHDR(msg, cmsg)) {
        char *start = (char *)CMSG_DATA(cmsg);
        char *end = (char *)cmsg + cmsg->cmsg_len;
        char *limit = (char *)msg->msg_control + msg->msg_controllen;
        if (end > limit) {
            end = limit;   /* truncated (MSG_CTRUNC): keep what arrived */
        }
        PyObject *item = Py_BuildValue("(iiy#)", cmsg->cmsg_level, cmsg->cmsg_type,
                                       start, (Py_ssize_t)(end > start ? end - start : 0));
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
    }
    return list;
}

/* The shared part of recvmsg() and recvmsg_into(): receive into iov and
   return (ancdata, msg_flags, address), with the byte count in *n_out;
   NULL with an exception on failure.  The callers prepend the data or
   the count. */
static PyObject *
recvmsg_core(PySocketSockObject *s, struct iovec *iov, size_t iovcnt,
             Py_ssize_t ancbufsize, int flags, Py_ssize_t *n_out)
{
    if (ancbufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "invalid ancillary data buffer length");
        return NULL;
    }
    char *control = PyMem_Calloc(ancbufsize ? (size_t)ancbufsize : 1, 1);
    if (control == NULL) {
        return PyErr_NoMemory();
    }
    sock_addr_t addr;
    memset(&addr, 0, sizeof(addr));
    msg_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.msg.msg_name = &addr;
    ctx.msg.msg_namelen = sizeof(addr);
    ctx.msg.msg_iov = iov;
    ctx.msg.msg_iovlen = iovcnt;
    ctx.msg.msg_control = ancbufsize ? control : NULL;
    ctx.msg.msg_controllen = (size_t)ancbufsize;
    ctx.flags = flags;
    PyObject *result = NULL;
    Py_ssize_t n = sock_call(s, 0, recvmsg_func, &ctx);
    if (n >= 0) {
        PyObject *anc = ancillary_list(&ctx.msg);
        PyObject *address = anc == NULL ? NULL
            : _PySocket_MakeAddress(&addr.sa, ctx.msg.msg_namelen);
        if (address != NULL) {
            *n_out = n;
            result = Py_BuildValue("(OiO)", anc, ctx.msg.msg_flags, address);
        }
        Py_XDECREF(anc);
        Py_XDECREF(address);
    }
    PyMem_Free(control);
    return result;
}

/* (first,) + rest, consuming the references to first and rest. */
static PyObject *
prepend_item(PyObject *first, PyObject *rest)
{
    PyObject *result = NULL;
    if (first != NULL && rest != NULL) {
        result = Py_BuildValue("(OOOO)", first, PyTuple_GET_ITEM(rest, 0),
                               PyTuple_GET_ITEM(rest, 1), PyTuple_GET_ITEM(rest, 2));
    }
    Py_XDECREF(first);
    Py_XDECREF(rest);
    return result;
}

/* recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address) */
static PyObject *
sock_recvmsg(PyObject *op, PyObject *args)
{
    Py_ssize_t bufsize, ancbufsize = 0, n = 0;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "n|ni:recvmsg", &bufsize, &ancbufsize, &flags)) {
        return NULL;
    }
    if (bufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "negative buffer size in recvmsg()");
        return NULL;
    }
    PyObject *data = PyBytes_FromStringAndSize(NULL, bufsize);
    if (data == NULL) {
        return NULL;
    }
    struct iovec iov = {PyBytes_AS_STRING(data), (size_t)bufsize};
    PyObject *rest = recvmsg_core((PySocketSockObject *)op, &iov, 1, ancbufsize,
                                  flags, &n);
    if (rest == NULL || _PyBytes_Resize(&data, n) < 0) {
        Py_XDECREF(data);
        Py_XDECREF(rest);
        return NULL;
    }
    return prepend_item(data, rest);
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address) */
static PyObject *
sock_recvmsg_into(PyObject *op, PyObject *args)
{
    PyObject *buffers;
    Py_ssize_t ancbufsize = 0, n = 0;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "O|ni:recvmsg_into", &buffers, &ancbufsize, &flags)) {
        return NULL;
    }
    PyObject *fast = PySequence_Fast(buffers, "recvmsg_into() argument 1 must be an iterable");
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(fast), got = 0;
    Py_buffer *views = PyMem_Calloc(count ? count : 1, sizeof(Py_buffer));
    struct iovec *iov = PyMem_Calloc(count ? count : 1, sizeof(struct iovec));
    PyObject *result = NULL;
    if (views == NULL || iov == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (; got < count; got++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(fast, got), &views[got],
                               PyBUF_WRITABLE) < 0) {
            PyErr_SetString(PyExc_TypeError, "recvmsg_into() argument 1 must be an "
                            "iterable of single-segment read-write buffers");
            goto done;
        }
        iov[got].iov_base = views[got].buf;
        iov[got].iov_len = (size_t)views[got].len;
    }
    PyObject *rest = recvmsg_core((PySocketSockObject *)op, iov, (size_t)count,
                                  ancbufsize, flags, &n);
    if (rest != NULL) {
        result = prepend_item(PyLong_FromSsize_t(n), rest);
    }
done:
    for (Py_ssize_t i = 0; i < got; i++) {
        PyBuffer_Release(&views[i]);
    }
    PyMem_Free(views);
    PyMem_Free(iov);
    Py_DECREF(fast);
    return result;
}

/* ---- the socket type ------------------------------------------------- */

static PyMethodDef sock_methods[] = {
    {"_accept", sock_accept, METH_NOARGS,
     "_accept() -> (integer, address info)\n\n"
     "Wait for an incoming connection.  Return a new socket file descriptor\n"
     "representing the connection, and the address of the client."},
    {"bind", sock_bind, METH_O, "bind(address)\n\nBind the socket to a local address."},
    {"close", sock_close, METH_NOARGS, "close()\n\nClose the socket."},
    {"connect", sock_connect, METH_O, "connect(address)\n\nConnect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, METH_O,
     "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code instead of raising."},
    {"detach", sock_detach, METH_NOARGS,
     "detach()\n\nClose the socket object without closing the underlying file descriptor."},
    {"dup", sock_dup, METH_NOARGS, "dup() -> socket object\n\nDuplicate the socket."},
    {"fileno", sock_fileno, METH_NOARGS, "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, METH_NOARGS,
     "getpeername() -> address info\n\nReturn the address of the remote endpoint."},
    {"getsockname", sock_getsockname, METH_NOARGS,
     "getsockname() -> address info\n\nReturn the address of the local endpoint."},
    {"getsockopt", sock_getsockopt, METH_VARARGS,
     "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option."},
    {"setsockopt", sock_setsockopt, METH_VARARGS,
     "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\n"
     "setsockopt(level, option, None, optlen: int)\n\nSet a socket option."},
    {"getblocking", sock_getblocking, METH_NOARGS,
     "getblocking()\n\nReturns True if socket is in blocking mode."},
    {"setblocking", sock_setblocking, METH_O,
     "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false)."},
    {"gettimeout", sock_gettimeout, METH_NOARGS,
     "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) or None."},
    {"settimeout", sock_settimeout, METH_O,
     "settimeout(timeout)\n\nSet a timeout on socket operations (None: no timeout)."},
    {"listen", sock_listen, METH_VARARGS,
     "listen([backlog])\n\nEnable a server to accept connections."},
    {"recv", sock_recv, METH_VARARGS, "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes."},
    {"recv_into", _PyCFunction_CAST(sock_recv_into), METH_VARARGS | METH_KEYWORDS,
     "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nReceive into a buffer."},
    {"recvfrom", sock_recvfrom, METH_VARARGS,
     "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", _PyCFunction_CAST(sock_recvfrom_into), METH_VARARGS | METH_KEYWORDS,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"recvmsg", sock_recvmsg, METH_VARARGS,
     "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", sock_recvmsg_into, METH_VARARGS,
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"send", sock_send, METH_VARARGS, "send(data[, flags]) -> count\n\nSend a data string to the socket."},
    {"sendall", sock_sendall, METH_VARARGS, "sendall(data[, flags])\n\nSend all of data to the socket."},
    {"sendto", sock_sendto, METH_VARARGS, "sendto(data[, flags], address) -> count"},
    {"sendmsg", sock_sendmsg, METH_VARARGS,
     "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"shutdown", sock_shutdown, METH_O, "shutdown(flag)\n\nShut down the reading side (0), writing side (1) or both (2)."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef sock_members[] = {
    {"family", Py_T_INT, offsetof(PySocketSockObject, sock_family), Py_READONLY, "the socket family"},
    {"type", Py_T_INT, offsetof(PySocketSockObject, sock_type), Py_READONLY, "the socket type"},
    {"proto", Py_T_INT, offsetof(PySocketSockObject, sock_proto), Py_READONLY, "the socket protocol"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef sock_getset[] = {
    {"timeout", sock_get_timeout_attr, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject PySocket_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(PySocketSockObject),
    .tp_dealloc = sock_dealloc,
    .tp_repr = sock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)\n\n"
              "Open a socket of the given type.",
    .tp_methods = sock_methods,
    .tp_members = sock_members,
    .tp_getset = sock_getset,
    .tp_init = sock_init,
    .tp_new = sock_new,
    .tp_finalize = sock_finalize,
};

/* ---- module functions: resolution ------------------------------------ */

/* host for getaddrinfo: None, str (IDNA) or bytes; *out borrowed into
   *keep (owned by the caller) or NULL. */
static int
gai_host(PyObject *host, PyObject **keep, const char **out)
{
    *keep = NULL;
    *out = NULL;
    if (host == Py_None) {
        return 0;
    }
    if (PyUnicode_Check(host)) {
        *keep = PyUnicode_AsEncodedString(host, "idna", NULL);
        if (*keep == NULL && PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            *keep = PyUnicode_AsEncodedString(host, "ascii", NULL);
        }
    }
    else if (PyBytes_Check(host)) {
        *keep = Py_NewRef(host);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "getaddrinfo() argument 1 must be string or None");
        return -1;
    }
    if (*keep == NULL) {
        return -1;
    }
    *out = PyBytes_AS_STRING(*keep);
    return 0;
}

/* port for getaddrinfo: None, int, str or bytes. */
static int
gai_port(PyObject *port, PyObject **keep, const char **out)
{
    *keep = NULL;
    *out = NULL;
    if (port == Py_None) {
        return 0;
    }
    if (PyLong_Check(port)) {
        long value = PyLong_AsLong(port);
        if (value == -1 && PyErr_Occurred()) {
            return -1;
        }
        *keep = PyBytes_FromFormat("%ld", value);
    }
    else if (PyUnicode_Check(port)) {
        *keep = PyUnicode_AsUTF8String(port);
    }
    else if (PyBytes_Check(port)) {
        *keep = Py_NewRef(port);
    }
    else {
        PyErr_SetString(PyExc_OSError, "Int or String expected");
        return -1;
    }
    if (*keep == NULL) {
        return -1;
    }
    *out = PyBytes_AS_STRING(*keep);
    return 0;
}

static PyObject *
addrinfo_list(struct addrinfo *res)
{
    PyObject *list = PyList_New(0);
    for (struct addrinfo *ai = res; list != NULL && ai != NULL; ai = ai->ai_next) {
        PyObject *addr = _PySocket_MakeAddress(ai->ai_addr, ai->ai_addrlen);
        PyObject *item = addr == NULL ? NULL
            : Py_BuildValue("(iiisN)", ai->ai_family, ai->ai_socktype, ai->ai_protocol,
                            ai->ai_canonname ? ai->ai_canonname : "", addr);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(item);
    }
    return list;
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) */
static PyObject *
socket_getaddrinfo(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    PyObject *host, *port, *host_keep = NULL, *port_keep = NULL, *result = NULL;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|iiii:getaddrinfo", keywords,
                                     &host, &port, &hints.ai_family, &hints.ai_socktype,
                                     &hints.ai_protocol, &hints.ai_flags)) {
        return NULL;
    }
    const char *hostname, *service;
    if (gai_host(host, &host_keep, &hostname) < 0
        || gai_port(port, &port_keep, &service) < 0) {
        goto done;
    }
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = getaddrinfo(hostname, service, &hints, &res);
    Py_END_ALLOW_THREADS
    if (code != 0) {
        _PySocket_SetGaiError(code);
        goto done;
    }
    result = addrinfo_list(res);
    freeaddrinfo(res);
done:
    Py_XDECREF(host_keep);
    Py_XDECREF(port_keep);
    return result;
}

/* getnameinfo(sockaddr, flags) -> (host, port) */
static PyObject *
socket_getnameinfo(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *sa;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi:getnameinfo", &sa, &flags)) {
        return NULL;
    }
    if (!PyTuple_Check(sa)) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    PyObject *host;
    int port;
    unsigned int flowinfo = 0, scope_id = 0;
    if (!PyArg_ParseTuple(sa, "Oi|II;getnameinfo(): illegal sockaddr argument",
                          &host, &port, &flowinfo, &scope_id)) {
        return NULL;
    }
    if (flowinfo > 0xfffff) {
        PyErr_SetString(PyExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return NULL;
    }
    sock_addr_t addr;
    socklen_t len;
    if (_PySocket_ResolveHost(host, AF_UNSPEC, &addr, &len) < 0) {
        return NULL;
    }
    if (addr.sa.sa_family == AF_INET) {
        if (PyTuple_GET_SIZE(sa) != 2) {
            PyErr_SetString(PyExc_OSError, "IPv4 sockaddr must be 2 tuple");
            return NULL;
        }
        addr.in4.sin_port = htons((unsigned short)port);
    }
    else {
        addr.in6.sin6_port = htons((unsigned short)port);
        addr.in6.sin6_flowinfo = htonl(flowinfo);
        addr.in6.sin6_scope_id = scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = getnameinfo(&addr.sa, len, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf), flags);
    Py_END_ALLOW_THREADS
    if (code != 0) {
        return _PySocket_SetGaiError(code);
    }
    return Py_BuildValue("(ss)", hbuf, sbuf);
}

static PyObject *
socket_gethostname(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(args))
{
    char name[HOST_NAME_MAX + 1];
    if (gethostname(name, sizeof(name)) < 0) {
        return error_from(errno);
    }
    name[sizeof(name) - 1] = '\0';
    return PyUnicode_DecodeFSDefault(name);
}

/* sethostname(name): name is a str (file-system encoded) or a bytes-like
   object; the kernel's own check (EPERM without CAP_SYS_ADMIN) is what
   usually answers. */
static PyObject *
socket_sethostname(PyObject *Py_UNUSED(m), PyObject *arg)
{
    PyObject *encoded = NULL;
    Py_buffer view;
    if (PySys_Audit("socket.sethostname", "(O)", arg) < 0) {
        return NULL;
    }
    if (PyUnicode_Check(arg)) {
        if (!PyUnicode_FSConverter(arg, &encoded)) {
            return NULL;
        }
        arg = encoded;
    }
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        Py_XDECREF(encoded);
        return NULL;
    }
    int failed = sethostname(view.buf, (size_t)view.len) < 0;
    int saved_errno = errno;
    PyBuffer_Release(&view);
    Py_XDECREF(encoded);
    if (failed) {
        return error_from(saved_errno);
    }
    Py_RETURN_NONE;
}

static PyObject *
socket_gethostbyname(PyObject *Py_UNUSED(m), PyObject *arg)
{
    sock_addr_t addr;
    socklen_t len;
    if (!PyUnicode_Check(arg) && !PyBytes_Check(arg) && !PyByteArray_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "gethostbyname() argument 1 must be str, bytes or bytearray, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (_PySocket_ResolveHost(arg, AF_INET, &addr, &len) < 0) {
        return NULL;
    }
    return _PySocket_HostString(&addr.sa);
}

/* (hostname, aliases, addresses) from getaddrinfo with AI_CANONNAME;
   canonical is the name to report when resolution gives none. */
static PyObject *
host_triple(PyObject *name, int family, PyObject *canonical)
{
    PyObject *keep, *result = NULL;
    const char *hostname;
    if (gai_host(name, &keep, &hostname) < 0) {
        return NULL;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_CANONNAME;
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = getaddrinfo(hostname, NULL, &hints, &res);
    Py_END_ALLOW_THREADS
    Py_XDECREF(keep);
    if (code != 0) {
        return _PySocket_SetGaiError(code);
    }
    PyObject *addrs = PyList_New(0);
    PyObject *aliases = PyList_New(0);
    for (struct addrinfo *ai = res; addrs != NULL && ai != NULL; ai = ai->ai_next) {
        PyObject *text = _PySocket_HostString(ai->ai_addr);
        int seen = text == NULL ? -1 : PySequence_Contains(addrs, text);
        if (seen < 0 || (seen == 0 && PyList_Append(addrs, text) < 0)) {
            Py_CLEAR(addrs);
        }
        Py_XDECREF(text);
    }
    if (addrs != NULL && aliases != NULL) {
        if (canonical != NULL) {
            result = Py_BuildValue("(OOO)", canonical, aliases, addrs);
        }
        else {
            result = Py_BuildValue("(sOO)", res->ai_canonname ? res->ai_canonname : hostname,
                                   aliases, addrs);
        }
    }
    Py_XDECREF(addrs);
    Py_XDECREF(aliases);
    freeaddrinfo(res);
    return result;
}

static PyObject *
socket_gethostbyname_ex(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return host_triple(arg, AF_INET, NULL);
}

static PyObject *
socket_gethostbyaddr(PyObject *Py_UNUSED(m), PyObject *arg)
{
    sock_addr_t addr;
    socklen_t len;
    if (_PySocket_ResolveHost(arg, AF_UNSPEC, &addr, &len) < 0) {
        return NULL;
    }
    char hbuf[NI_MAXHOST];
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = getnameinfo(&addr.sa, len, hbuf, sizeof(hbuf), NULL, 0, NI_NAMEREQD);
    Py_END_ALLOW_THREADS
    if (code != 0) {
        PyObject *value = Py_BuildValue("(is)", 1, "Unknown host");
        if (value != NULL) {
            PyErr_SetObject(_PySocket_HError, value);
            Py_DECREF(value);
        }
        return NULL;
    }
    PyObject *ip = _PySocket_HostString(&addr.sa);
    if (ip == NULL) {
        return NULL;
    }
    return Py_BuildValue("(s[]N)", hbuf, Py_BuildValue("[N]", ip));
}

static PyObject *
socket_getservbyname(PyObject *Py_UNUSED(m), PyObject *args)
{
    const char *name, *proto = NULL;
    if (!PyArg_ParseTuple(args, "s|s:getservbyname", &name, &proto)) {
        return NULL;
    }
    struct servent entry, *found = NULL;
    char buf[1024];
    Py_BEGIN_ALLOW_THREADS
    getservbyname_r(name, proto, &entry, buf, sizeof(buf), &found);
    Py_END_ALLOW_THREADS
    if (found == NULL) {
        PyErr_SetString(PyExc_OSError, "service/proto not found");
        return NULL;
    }
    return PyLong_FromLong(ntohs((unsigned short)found->s_port));
}

static PyObject *
socket_getservbyport(PyObject *Py_UNUSED(m), PyObject *args)
{
    int port;
    const char *proto = NULL;
    if (!PyArg_ParseTuple(args, "i|s:getservbyport", &port, &proto)) {
        return NULL;
    }
    if (port < 0 || port > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    struct servent entry, *found = NULL;
    char buf[1024];
    Py_BEGIN_ALLOW_THREADS
    getservbyport_r(htons((unsigned short)port), proto, &entry, buf, sizeof(buf), &found);
    Py_END_ALLOW_THREADS
    if (found == NULL) {
        PyErr_SetString(PyExc_OSError, "port/proto not found");
        return NULL;
    }
    return PyUnicode_FromString(found->s_name);
}

static PyObject *
socket_getprotobyname(PyObject *Py_UNUSED(m), PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:getprotobyname", &name)) {
        return NULL;
    }
    struct protoent entry, *found = NULL;
    char buf[1024];
    Py_BEGIN_ALLOW_THREADS
    getprotobyname_r(name, &entry, buf, sizeof(buf), &found);
    Py_END_ALLOW_THREADS
    if (found == NULL) {
        PyErr_SetString(PyExc_OSError, "protocol not found");
        return NULL;
    }
    return PyLong_FromLong(found->p_proto);
}

/* ---- module functions: conversions ----------------------------------- */

static PyObject *
socket_inet_aton(PyObject *Py_UNUSED(m), PyObject *args)
{
    const char *text;
    if (!PyArg_ParseTuple(args, "s:inet_aton", &text)) {
        return NULL;
    }
    struct in_addr packed;
    if (inet_aton(text, &packed) == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)&packed, sizeof(packed));
}

static PyObject *
socket_inet_ntoa(PyObject *Py_UNUSED(m), PyObject *args)
{
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*:inet_ntoa", &view)) {
        return NULL;
    }
    if (view.len != 4) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, view.buf, text, sizeof(text));
    PyBuffer_Release(&view);
    return PyUnicode_FromString(text);
}

static PyObject *
socket_inet_pton(PyObject *Py_UNUSED(m), PyObject *args)
{
    int family;
    const char *text;
    if (!PyArg_ParseTuple(args, "is:inet_pton", &family, &text)) {
        return NULL;
    }
    unsigned char packed[sizeof(struct in6_addr)];
    int res = inet_pton(family, text, packed);
    if (res < 0) {
        return error_from(errno);
    }
    if (res == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)packed,
                                     family == AF_INET ? 4 : (Py_ssize_t)sizeof(packed));
}

static PyObject *
socket_inet_ntop(PyObject *Py_UNUSED(m), PyObject *args)
{
    int family;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "iy*:inet_ntop", &family, &view)) {
        return NULL;
    }
    PyObject *result = NULL;
    if (family != AF_INET && family != AF_INET6) {
        PyErr_SetString(PyExc_ValueError, "unknown address family");
    }
    else if (view.len != (family == AF_INET ? 4 : 16)) {
        PyErr_SetString(PyExc_ValueError, "invalid length of packed IP address string");
    }
    else {
        char text[INET6_ADDRSTRLEN];
        if (inet_ntop(family, view.buf, text, sizeof(text)) == NULL) {
            error_from(errno);
        }
        else {
            result = PyUnicode_FromString(text);
        }
    }
    PyBuffer_Release(&view);
    return result;
}

/* An int argument for htons/htonl and friends, range-checked. */
static int
unsigned_arg(PyObject *arg, unsigned long max, const char *name, unsigned long *out)
{
    if (!PyLong_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(arg, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow < 0 || (!overflow && value < 0)) {
        if (max == 0xffff) {
            PyErr_Format(PyExc_OverflowError,
                         "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
        }
        else {
            PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        }
        return -1;
    }
    if (overflow > 0 || (unsigned long long)value > max) {
        if (max == 0xffff) {
            PyErr_Format(PyExc_OverflowError,
                         "%s: Python int too large to convert to C 16-bit unsigned integer", name);
        }
        else {
            PyErr_SetString(PyExc_OverflowError, "int larger than 32 bits");
        }
        return -1;
    }
    *out = (unsigned long)value;
    return 0;
}

#define BYTE_ORDER_FUNC(NAME, MAX, CONV)                                  \
    static PyObject *socket_##NAME(PyObject *Py_UNUSED(m), PyObject *arg) \
    {                                                                     \
        unsigned long value;                                              \
        if (unsigned_arg(arg, MAX, #NAME, &value) < 0) {                  \
            return NULL;                                                  \
        }                                                                 \
        return PyLong_FromUnsignedLong((unsigned long)CONV(value));       \
    }

BYTE_ORDER_FUNC(htons, 0xffffUL, htons)
BYTE_ORDER_FUNC(ntohs, 0xffffUL, ntohs)
BYTE_ORDER_FUNC(htonl, 0xffffffffUL, htonl)
BYTE_ORDER_FUNC(ntohl, 0xffffffffUL, ntohl)

/* ---- module functions: sockets and misc ------------------------------ */

static PyObject *
socket_socketpair(PyObject *Py_UNUSED(m), PyObject *args)
{
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (!PyArg_ParseTuple(args, "|iii:socketpair", &family, &type, &proto)) {
        return NULL;
    }
    int fds[2], res;
    Py_BEGIN_ALLOW_THREADS
    res = socketpair(family, type | SOCK_CLOEXEC, proto, fds);
    Py_END_ALLOW_THREADS
    if (res < 0) {
        return error_from(errno);
    }
    PyObject *first = sock_wrap_fd(fds[0], family, type, proto);
    if (first == NULL) {
        close(fds[1]);
        return NULL;
    }
    PyObject *second = sock_wrap_fd(fds[1], family, type, proto);
    if (second == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    return Py_BuildValue("(NN)", first, second);
}

static PyObject *
socket_getdefaulttimeout(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(args))
{
    return timeout_object(__atomic_load_n(&default_timeout, __ATOMIC_RELAXED));
}

static PyObject *
socket_setdefaulttimeout(PyObject *Py_UNUSED(m), PyObject *arg)
{
    long long timeout;
    if (parse_timeout(arg, &timeout) < 0) {
        return NULL;
    }
    __atomic_store_n(&default_timeout, timeout, __ATOMIC_RELAXED);
    Py_RETURN_NONE;
}

static PyObject *
socket_if_nameindex(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(args))
{
    struct if_nameindex *ni = if_nameindex();
    if (ni == NULL) {
        return error_from(errno);
    }
    PyObject *list = PyList_New(0);
    for (struct if_nameindex *p = ni; list != NULL && p->if_index != 0; p++) {
        PyObject *item = Py_BuildValue("(IN)", p->if_index,
                                       PyUnicode_DecodeFSDefault(p->if_name));
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(item);
    }
    if_freenameindex(ni);
    return list;
}

static PyObject *
socket_if_nametoindex(PyObject *Py_UNUSED(m), PyObject *arg)
{
    PyObject *bytes;
    if (!PyUnicode_FSConverter(arg, &bytes)) {
        return NULL;
    }
    unsigned int index = if_nametoindex(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    if (index == 0) {
        PyErr_SetString(PyExc_OSError, "no interface with this name");
        return NULL;
    }
    return PyLong_FromUnsignedLong(index);
}

static PyObject *
socket_if_indextoname(PyObject *Py_UNUSED(m), PyObject *arg)
{
    if (!PyIndex_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    unsigned long index = PyLong_AsUnsignedLong(arg);
    if (index == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (index > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "index is too large");
        return NULL;
    }
    char name[IF_NAMESIZE + 1];
    if (if_indextoname((unsigned int)index, name) == NULL) {
        return error_from(errno);
    }
    return PyUnicode_DecodeFSDefault(name);
}

/* CMSG_LEN / CMSG_SPACE(length) */
static PyObject *
cmsg_size(PyObject *arg, int space, const char *name)
{
    Py_ssize_t length = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (length == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* The result must fit a socklen_t-sized int, as sendmsg() needs.
       For CMSG_SPACE the bound leaves room for the largest padding
       (that of a 1-byte payload), so it does not depend on alignment. */
    size_t overhead = space ? CMSG_SPACE(1) : CMSG_LEN(0);
    if (length < 0 || (size_t)length > (size_t)INT_MAX - overhead) {
        PyErr_Format(PyExc_OverflowError, "%s() argument out of range", name);
        return NULL;
    }
    size_t size = space ? CMSG_SPACE((size_t)length) : CMSG_LEN((size_t)length);
    return PyLong_FromSize_t(size);
}

static PyObject *
socket_CMSG_LEN(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return cmsg_size(arg, 0, "CMSG_LEN");
}

static PyObject *
socket_CMSG_SPACE(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return cmsg_size(arg, 1, "CMSG_SPACE");
}

static PyObject *
socket_close(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = close(fd);
    Py_END_ALLOW_THREADS
    if (res < 0 && errno != ECONNRESET) {
        return error_from(errno);
    }
    Py_RETURN_NONE;
}

static PyObject *
socket_dup(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) {
        return error_from(errno);
    }
    return PyLong_FromLong(copy);
}

static PyMethodDef socket_functions[] = {
    {"getaddrinfo", _PyCFunction_CAST(socket_getaddrinfo), METH_VARARGS | METH_KEYWORDS,
     "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)"},
    {"getnameinfo", socket_getnameinfo, METH_VARARGS, "getnameinfo(sockaddr, flags) --> (host, port)"},
    {"gethostname", socket_gethostname, METH_NOARGS, "gethostname() -> string"},
    {"sethostname", socket_sethostname, METH_O, "sethostname(name)\n\nSets the hostname to name."},
    {"gethostbyname", socket_gethostbyname, METH_O, "gethostbyname(host) -> address"},
    {"gethostbyname_ex", socket_gethostbyname_ex, METH_O,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)"},
    {"gethostbyaddr", socket_gethostbyaddr, METH_O,
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)"},
    {"getservbyname", socket_getservbyname, METH_VARARGS, "getservbyname(servicename[, protocolname]) -> integer"},
    {"getservbyport", socket_getservbyport, METH_VARARGS, "getservbyport(port[, protocolname]) -> string"},
    {"getprotobyname", socket_getprotobyname, METH_VARARGS, "getprotobyname(name) -> integer"},
    {"inet_aton", socket_inet_aton, METH_VARARGS, "Convert an IPv4 address to 32-bit packed binary format."},
    {"inet_ntoa", socket_inet_ntoa, METH_VARARGS, "Convert a 32-bit packed IPv4 address to dotted-quad form."},
    {"inet_pton", socket_inet_pton, METH_VARARGS, "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", socket_inet_ntop, METH_VARARGS, "inet_ntop(af, packed_ip) -> string formatted IP address"},
    {"htons", socket_htons, METH_O, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", socket_ntohs, METH_O, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", socket_htonl, METH_O, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", socket_ntohl, METH_O, "Convert a 32-bit integer from network to host byte order."},
    {"socketpair", socket_socketpair, METH_VARARGS,
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {"getdefaulttimeout", socket_getdefaulttimeout, METH_NOARGS,
     "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects."},
    {"setdefaulttimeout", socket_setdefaulttimeout, METH_O,
     "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects."},
    {"if_nameindex", socket_if_nameindex, METH_NOARGS, "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", socket_if_nametoindex, METH_O, "Returns the interface index corresponding to the interface name if_name."},
    {"if_indextoname", socket_if_indextoname, METH_O, "Returns the interface name corresponding to the interface index if_index."},
    {"CMSG_LEN", socket_CMSG_LEN, METH_O, "CMSG_LEN(length) -> control message length"},
    {"CMSG_SPACE", socket_CMSG_SPACE, METH_O, "CMSG_SPACE(length) -> buffer size"},
    {"close", socket_close, METH_O, "close(integer) -> None\n\nClose an integer socket file descriptor."},
    {"dup", socket_dup, METH_O, "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor."},
    {NULL, NULL, 0, NULL},
};

/* ---- constants and module -------------------------------------------- */

#define C(name) {#name, (long)(name)}
/* linux/can/bcm.h names its opcodes and flags without the CAN_BCM_ prefix
   the socket module gives them. */
#define BCM(name) {"CAN_BCM_" #name, (long)(name)}

static const struct {
    const char *name;
    long value;
} socket_constants[] = {
    C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX), C(AF_PACKET), C(AF_NETLINK),
    C(AF_APPLETALK), C(AF_BLUETOOTH), C(AF_CAN), C(AF_IPX), C(AF_X25), C(AF_ALG),
    C(AF_VSOCK), C(AF_ROUTE), C(AF_KEY), C(AF_IRDA), C(AF_LLC), C(AF_TIPC), C(AF_RDS),
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET),
    C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
    C(SOL_SOCKET), C(SOL_IP), C(SOL_TCP), C(SOL_UDP),
    C(SO_DEBUG), C(SO_ACCEPTCONN), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE),
    C(SO_DONTROUTE), C(SO_BROADCAST), C(SO_LINGER), C(SO_OOBINLINE), C(SO_SNDBUF),
    C(SO_RCVBUF), C(SO_SNDLOWAT), C(SO_RCVLOWAT), C(SO_SNDTIMEO), C(SO_RCVTIMEO),
    C(SO_ERROR), C(SO_TYPE), C(SO_PASSCRED), C(SO_PEERCRED), C(SO_PASSSEC),
    C(SO_PEERSEC), C(SO_BINDTODEVICE), C(SO_PRIORITY), C(SO_MARK), C(SO_DOMAIN),
    C(SO_PROTOCOL), C(SO_INCOMING_CPU),
    C(SOMAXCONN), C(SCM_RIGHTS), C(SCM_CREDENTIALS),
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC),
    C(MSG_CTRUNC), C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_ERRQUEUE),
    C(MSG_CONFIRM), C(MSG_MORE), C(MSG_FASTOPEN),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    C(IPPROTO_IP), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP),
    C(IPPROTO_TCP), C(IPPROTO_EGP), C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP),
    C(IPPROTO_TP), C(IPPROTO_IPV6), C(IPPROTO_ROUTING), C(IPPROTO_FRAGMENT),
    C(IPPROTO_RSVP), C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH), C(IPPROTO_ICMPV6),
    C(IPPROTO_NONE), C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP),
    C(IPPROTO_UDPLITE), C(IPPROTO_MPTCP), C(IPPROTO_RAW),
    C(IPPORT_RESERVED), C(IPPORT_USERRESERVED),
    {"INADDR_ANY", (long)INADDR_ANY}, {"INADDR_BROADCAST", (long)INADDR_BROADCAST},
    {"INADDR_LOOPBACK", (long)INADDR_LOOPBACK}, {"INADDR_NONE", (long)INADDR_NONE},
    {"INADDR_UNSPEC_GROUP", (long)INADDR_UNSPEC_GROUP},
    {"INADDR_ALLHOSTS_GROUP", (long)INADDR_ALLHOSTS_GROUP},
    {"INADDR_MAX_LOCAL_GROUP", (long)INADDR_MAX_LOCAL_GROUP},
    C(IP_OPTIONS), C(IP_HDRINCL), C(IP_TOS), C(IP_TTL), C(IP_RECVOPTS), C(IP_RECVRETOPTS),
    C(IP_RETOPTS), C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP),
    C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP), C(IP_DEFAULT_MULTICAST_TTL),
    C(IP_DEFAULT_MULTICAST_LOOP), C(IP_RECVTOS), C(IP_TRANSPARENT), C(IP_BIND_ADDRESS_NO_PORT),
    C(IP_PKTINFO), C(IP_RECVERR), C(IP_FREEBIND),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM),
    C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_NEXTHOP),
    C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT), C(IPV6_RECVHOPOPTS),
    C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS), C(IPV6_RTHDR),
    C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU), C(IPV6_TCLASS),
    C(IPV6_RECVERR),
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL),
    C(TCP_KEEPCNT), C(TCP_SYNCNT), C(TCP_LINGER2), C(TCP_DEFER_ACCEPT), C(TCP_WINDOW_CLAMP),
    C(TCP_INFO), C(TCP_QUICKACK), C(TCP_FASTOPEN), C(TCP_CONGESTION), C(TCP_USER_TIMEOUT),
    C(TCP_NOTSENT_LOWAT),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED),
    C(AI_ALL), C(AI_ADDRCONFIG),
    C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NOFQDN), C(NI_NAMEREQD), C(NI_DGRAM),
    C(NI_MAXHOST), C(NI_MAXSERV),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY),
    C(EAI_MEMORY), C(EAI_NODATA), C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE),
    C(EAI_SOCKTYPE), C(EAI_SYSTEM),
    C(AF_ASH), C(AF_ATMPVC), C(AF_ATMSVC), C(AF_AX25), C(AF_BRIDGE), C(AF_DECnet),
    C(AF_ECONET), C(AF_NETBEUI), C(AF_NETROM), C(AF_PPPOX), C(AF_QIPCRTR), C(AF_ROSE),
    C(AF_SECURITY), C(AF_SNA), C(AF_WANPIPE), C(PF_CAN), C(PF_PACKET), C(PF_RDS),
    C(IP_MAX_MEMBERSHIPS), C(IPV6_PATHMTU), C(SOL_RDS), C(SOL_TIPC), C(SOL_ALG),
    C(UDPLITE_SEND_CSCOV), C(UDPLITE_RECV_CSCOV),
    C(PACKET_HOST), C(PACKET_BROADCAST), C(PACKET_MULTICAST), C(PACKET_OTHERHOST),
    C(PACKET_OUTGOING), C(PACKET_LOOPBACK), C(PACKET_FASTROUTE),
    C(NETLINK_ROUTE), C(NETLINK_USERSOCK), C(NETLINK_FIREWALL), C(NETLINK_NFLOG),
    C(NETLINK_XFRM), C(NETLINK_IP6_FW), C(NETLINK_DNRTMSG), C(NETLINK_CRYPTO),
    C(ALG_SET_KEY), C(ALG_SET_IV), C(ALG_SET_OP), C(ALG_SET_AEAD_ASSOCLEN),
    C(ALG_SET_AEAD_AUTHSIZE), C(ALG_OP_DECRYPT), C(ALG_OP_ENCRYPT),
    C(VMADDR_CID_ANY), C(VMADDR_CID_HOST), C(VMADDR_PORT_ANY),
    C(VM_SOCKETS_INVALID_VERSION), C(SO_VM_SOCKETS_BUFFER_SIZE),
    C(SO_VM_SOCKETS_BUFFER_MIN_SIZE), C(SO_VM_SOCKETS_BUFFER_MAX_SIZE),
    C(IOCTL_VM_SOCKETS_GET_LOCAL_CID),
    C(TIPC_ADDR_NAMESEQ), C(TIPC_ADDR_NAME), C(TIPC_ADDR_ID), C(TIPC_ZONE_SCOPE),
    C(TIPC_CLUSTER_SCOPE), C(TIPC_NODE_SCOPE), C(TIPC_IMPORTANCE), C(TIPC_SRC_DROPPABLE),
    C(TIPC_DEST_DROPPABLE), C(TIPC_CONN_TIMEOUT), C(TIPC_LOW_IMPORTANCE),
    C(TIPC_MEDIUM_IMPORTANCE), C(TIPC_HIGH_IMPORTANCE), C(TIPC_CRITICAL_IMPORTANCE),
    C(TIPC_SUB_PORTS), C(TIPC_SUB_SERVICE), C(TIPC_SUB_CANCEL), C(TIPC_WAIT_FOREVER),
    C(TIPC_PUBLISHED), C(TIPC_WITHDRAWN), C(TIPC_SUBSCR_TIMEOUT), C(TIPC_CFG_SRV),
    C(TIPC_TOP_SRV),
    C(CAN_RAW), C(CAN_BCM), C(CAN_ISOTP), C(CAN_J1939), C(SOL_CAN_BASE), C(SOL_CAN_RAW),
    C(CAN_EFF_FLAG), C(CAN_RTR_FLAG), C(CAN_ERR_FLAG), C(CAN_SFF_MASK), C(CAN_EFF_MASK),
    C(CAN_ERR_MASK), C(CAN_RAW_FILTER), C(CAN_RAW_LOOPBACK), C(CAN_RAW_RECV_OWN_MSGS),
    C(CAN_RAW_FD_FRAMES), C(CAN_RAW_JOIN_FILTERS),
    BCM(TX_SETUP), BCM(TX_DELETE), BCM(TX_READ), BCM(TX_SEND), BCM(RX_SETUP),
    BCM(RX_DELETE), BCM(RX_READ), BCM(TX_STATUS), BCM(TX_EXPIRED), BCM(RX_STATUS),
    BCM(RX_TIMEOUT), BCM(RX_CHANGED), BCM(SETTIMER), BCM(STARTTIMER), BCM(TX_COUNTEVT),
    BCM(TX_ANNOUNCE), BCM(TX_CP_CAN_ID), BCM(RX_FILTER_ID), BCM(RX_CHECK_DLC),
    BCM(RX_NO_AUTOTIMER), BCM(RX_ANNOUNCE_RESUME), BCM(TX_RESET_MULTI_IDX),
    BCM(RX_RTR_FRAME), BCM(CAN_FD_FRAME),
    C(J1939_MAX_UNICAST_ADDR), C(J1939_IDLE_ADDR), C(J1939_NO_ADDR), C(J1939_NO_NAME),
    C(J1939_PGN_REQUEST), C(J1939_PGN_ADDRESS_CLAIMED), C(J1939_PGN_ADDRESS_COMMANDED),
    C(J1939_PGN_PDU1_MAX), C(J1939_PGN_MAX), C(J1939_NO_PGN), C(SO_J1939_FILTER),
    C(SO_J1939_PROMISC), C(SO_J1939_SEND_PRIO), C(SO_J1939_ERRQUEUE),
    C(SCM_J1939_DEST_ADDR), C(SCM_J1939_DEST_NAME), C(SCM_J1939_PRIO),
    C(SCM_J1939_ERRQUEUE), C(J1939_NLA_PAD), C(J1939_NLA_BYTES_ACKED),
    C(J1939_EE_INFO_NONE), C(J1939_EE_INFO_TX_ABORT), C(J1939_FILTER_MAX),
};

#undef C
#undef BCM

/* _socket.CAPI: static data, the same for every module object, written
   before the first capsule is made (module exec runs under the import
   lock). */
static PySocketModule_APIObject socket_c_api;

static int
add_c_api(PyObject *module)
{
    socket_c_api.Sock_Type = &PySocket_Type;
    socket_c_api.error = PyExc_OSError;
    socket_c_api.timeout_error = PyExc_TimeoutError;
    return PyModule_Add(module, "CAPI",
                        PyCapsule_New(&socket_c_api, PySocket_CAPSULE_NAME, NULL));
}

static int
socket_exec(PyObject *module)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(socket_constants); i++) {
        if (PyModule_AddIntConstant(module, socket_constants[i].name,
                                    socket_constants[i].value) < 0) {
            return -1;
        }
    }
    if (_PySocket_InitErrors() < 0
        || PyType_Ready(&PySocket_Type) < 0
        || PyModule_AddObjectRef(module, "socket", (PyObject *)&PySocket_Type) < 0
        || PyModule_AddObjectRef(module, "SocketType", (PyObject *)&PySocket_Type) < 0
        || PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0
        || PyModule_AddObjectRef(module, "timeout", PyExc_TimeoutError) < 0
        || PyModule_AddObjectRef(module, "herror", _PySocket_HError) < 0
        || PyModule_AddObjectRef(module, "gaierror", _PySocket_GaiError) < 0
        || PyModule_AddObjectRef(module, "has_ipv6", Py_True) < 0
        || add_c_api(module) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot socket_slots[] = {
    {Py_mod_exec, socket_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef socket_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_socket",
    .m_doc = "Implementation module for socket operations.\n\nSee the socket module for documentation.",
    .m_size = 0,
    .m_methods = socket_functions,
    .m_slots = socket_slots,
};

PyMODINIT_FUNC
PyInit__socket(void)
{
    return PyModuleDef_Init(&socket_module);
}
