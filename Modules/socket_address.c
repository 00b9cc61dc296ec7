/* Socket addresses for the _socket module: Python address objects to
   struct sockaddr and back, host name resolution, and the module's
   herror/gaierror classes.

   Thread safety: the functions keep no state; resolution runs detached
   through getaddrinfo(3), which is thread-safe.  The two exception
   classes are created once (first exec, under the import lock) and only
   read afterwards. */
#include "Python.h"
#include "socketmodule.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <string.h>

PyObject *_PySocket_HError = NULL;
PyObject *_PySocket_GaiError = NULL;

int
_PySocket_InitErrors(void)
{
    if (_PySocket_GaiError != NULL) {
        return 0;
    }
    _PySocket_HError = PyErr_NewException("socket.herror", PyExc_OSError, NULL);
    if (_PySocket_HError == NULL) {
        return -1;
    }
    _PySocket_GaiError = PyErr_NewException("socket.gaierror", PyExc_OSError, NULL);
    if (_PySocket_GaiError == NULL) {
        Py_CLEAR(_PySocket_HError);
        return -1;
    }
    return 0;
}

PyObject *
_PySocket_SetGaiError(int code)
{
    if (code == EAI_SYSTEM) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *value = Py_BuildValue("(is)", code, gai_strerror(code));
    if (value != NULL) {
        PyErr_SetObject(_PySocket_GaiError, value);
        Py_DECREF(value);
    }
    return NULL;
}

/* ---- sockaddr -> Python ---------------------------------------------- */

PyObject *
_PySocket_HostString(const struct sockaddr *addr)
{
    char text[INET6_ADDRSTRLEN];
    const void *raw = addr->sa_family == AF_INET6
        ? (const void *)&((const struct sockaddr_in6 *)addr)->sin6_addr
        : (const void *)&((const struct sockaddr_in *)addr)->sin_addr;
    if (inet_ntop(addr->sa_family, raw, text, sizeof(text)) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_FromString(text);
}

/* An AF_UNIX address: a str path, bytes for the abstract namespace
   (leading NUL), '' for an unnamed socket. */
static PyObject *
make_unix_address(const struct sockaddr_un *un, socklen_t len)
{
    size_t offset = offsetof(struct sockaddr_un, sun_path);
    if (len <= offset) {
        return PyUnicode_FromStringAndSize("", 0);
    }
    size_t path_len = len - offset;
    if (un->sun_path[0] == '\0') {
        return PyBytes_FromStringAndSize(un->sun_path, (Py_ssize_t)path_len);
    }
    path_len = strnlen(un->sun_path, path_len);
    return PyUnicode_DecodeFSDefaultAndSize(un->sun_path, (Py_ssize_t)path_len);
}

PyObject *
_PySocket_MakeAddress(const struct sockaddr *addr, socklen_t len)
{
    if (len == 0) {
        Py_RETURN_NONE;
    }
    switch (addr->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)addr;
        PyObject *host = _PySocket_HostString(addr);
        if (host == NULL) {
            return NULL;
        }
        return Py_BuildValue("(Ni)", host, ntohs(in4->sin_port));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;
        PyObject *host = _PySocket_HostString(addr);
        if (host == NULL) {
            return NULL;
        }
        return Py_BuildValue("(NiII)", host, ntohs(in6->sin6_port),
                             (unsigned int)ntohl(in6->sin6_flowinfo),
                             (unsigned int)in6->sin6_scope_id);
    }
    case AF_UNIX:
        return make_unix_address((const struct sockaddr_un *)addr, len);
    case AF_VSOCK: {
        const struct sockaddr_vm *vm = (const struct sockaddr_vm *)addr;
        return Py_BuildValue("(II)", vm->svm_cid, vm->svm_port);
    }
    default: {
        Py_ssize_t data_len = (Py_ssize_t)len - (Py_ssize_t)sizeof(addr->sa_family);
        return Py_BuildValue("(iy#)", addr->sa_family, addr->sa_data,
                             data_len > 0 ? data_len : 0);
    }
    }
}

/* ---- host names ------------------------------------------------------- */

/* The host argument as UTF-8/ASCII bytes: str (IDNA-encoded when not
   ASCII), bytes or bytearray.  New reference or NULL. */
static PyObject *
host_bytes(PyObject *host)
{
    if (PyUnicode_Check(host)) {
        PyObject *encoded = PyUnicode_AsEncodedString(host, "idna", NULL);
        if (encoded == NULL && PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            encoded = PyUnicode_AsEncodedString(host, "ascii", NULL);
        }
        return encoded;
    }
    if (PyBytes_Check(host)) {
        return Py_NewRef(host);
    }
    if (PyByteArray_Check(host)) {
        return PyBytes_FromStringAndSize(PyByteArray_AS_STRING(host),
                                         PyByteArray_GET_SIZE(host));
    }
    PyErr_Format(PyExc_TypeError, "str, bytes or bytearray expected, not %s",
                 Py_TYPE(host)->tp_name);
    return NULL;
}

/* Fill addr with the wildcard or broadcast address, or a literal. */
static int
special_host(const char *name, int family, sock_addr_t *addr, socklen_t *len)
{
    int want6 = family == AF_INET6;
    memset(addr, 0, sizeof(*addr));
    if (name[0] == '\0' || strcmp(name, "<broadcast>") == 0) {
        if (want6) {
            if (name[0] != '\0') {
                return 0;   /* no IPv6 broadcast: resolve it as a name */
            }
            addr->in6.sin6_family = AF_INET6;
            addr->in6.sin6_addr = in6addr_any;
            *len = sizeof(addr->in6);
            return 1;
        }
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_addr.s_addr = htonl(name[0] ? INADDR_BROADCAST : INADDR_ANY);
        *len = sizeof(addr->in4);
        return 1;
    }
    if (!want6 && inet_pton(AF_INET, name, &addr->in4.sin_addr) == 1) {
        addr->in4.sin_family = AF_INET;
        *len = sizeof(addr->in4);
        return 1;
    }
    if (family != AF_INET && strchr(name, '%') == NULL
        && inet_pton(AF_INET6, name, &addr->in6.sin6_addr) == 1) {
        addr->in6.sin6_family = AF_INET6;
        *len = sizeof(addr->in6);
        return 1;
    }
    return 0;
}

int
_PySocket_ResolveHost(PyObject *host, int family, sock_addr_t *addr,
                      socklen_t *len)
{
    PyObject *bytes = host_bytes(host);
    if (bytes == NULL) {
        return -1;
    }
    const char *name = PyBytes_AS_STRING(bytes);
    if ((Py_ssize_t)strlen(name) != PyBytes_GET_SIZE(bytes)) {
        Py_DECREF(bytes);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    if (special_host(name, family, addr, len)) {
        Py_DECREF(bytes);
        return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family;
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = getaddrinfo(name, NULL, &hints, &res);
    Py_END_ALLOW_THREADS
    Py_DECREF(bytes);
    if (code != 0) {
        _PySocket_SetGaiError(code);
        return -1;
    }
    memset(addr, 0, sizeof(*addr));
    size_t size = res->ai_addrlen < sizeof(*addr) ? res->ai_addrlen : sizeof(*addr);
    memcpy(addr, res->ai_addr, size);
    *len = (socklen_t)size;
    freeaddrinfo(res);
    return 0;
}

/* ---- Python -> sockaddr ---------------------------------------------- */

/* A port number 0-65535 for caller; -1 with an exception. */
static int
parse_port(PyObject *obj, const char *caller)
{
    int overflow;
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        return -1;
    }
    long port = PyLong_AsLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (port == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || port < 0 || port > 0xffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    return (int)port;
}

static int
parse_inet(PyObject *obj, const char *caller, sock_addr_t *addr, socklen_t *len)
{
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_INET address must be tuple, not %.200s",
                     caller, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(obj) != 2) {
        PyErr_SetString(PyExc_TypeError, "AF_INET address must be a pair (host, port)");
        return -1;
    }
    if (_PySocket_ResolveHost(PyTuple_GET_ITEM(obj, 0), AF_INET, addr, len) < 0) {
        return -1;
    }
    int port = parse_port(PyTuple_GET_ITEM(obj, 1), caller);
    if (port < 0) {
        return -1;
    }
    addr->in4.sin_port = htons((unsigned short)port);
    return 0;
}

static int
parse_inet6(PyObject *obj, const char *caller, sock_addr_t *addr, socklen_t *len)
{
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_INET6 address must be tuple, not %.200s",
                     caller, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(obj);
    if (n < 2 || n > 4) {
        PyErr_SetString(PyExc_TypeError,
                        "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    unsigned long flowinfo = 0, scope_id = 0;
    if (n > 2) {
        flowinfo = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(obj, 2));
        if (flowinfo == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        if (flowinfo > 0xfffff) {
            PyErr_Format(PyExc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
    }
    if (n > 3) {
        scope_id = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(obj, 3));
        if (scope_id == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
    }
    if (_PySocket_ResolveHost(PyTuple_GET_ITEM(obj, 0), AF_INET6, addr, len) < 0) {
        return -1;
    }
    int port = parse_port(PyTuple_GET_ITEM(obj, 1), caller);
    if (port < 0) {
        return -1;
    }
    addr->in6.sin6_port = htons((unsigned short)port);
    addr->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
    if (n > 3) {
        addr->in6.sin6_scope_id = (uint32_t)scope_id;
    }
    return 0;
}

/* The bytes of an AF_UNIX address: str (encoded with the filesystem
   encoding, NUL bytes kept for the abstract namespace), a path-like
   object, or any bytes-like object.  New reference or NULL. */
static PyObject *
unix_path_object(PyObject *obj)
{
    if (!PyUnicode_Check(obj) && PyObject_HasAttrString(obj, "__fspath__")) {
        PyObject *path = PyOS_FSPath(obj);
        if (path == NULL) {
            return NULL;
        }
        PyObject *res = PyUnicode_Check(path) ? PyUnicode_EncodeFSDefault(path)
                                              : Py_NewRef(path);
        Py_DECREF(path);
        return res;
    }
    if (PyUnicode_Check(obj)) {
        return PyUnicode_EncodeFSDefault(obj);
    }
    return Py_NewRef(obj);
}

/* A leading NUL byte selects Linux's abstract namespace, whose name has
   an exact length (no terminator, may fill sun_path); an empty address
   asks the kernel to pick an abstract name (autobind). */
static int
parse_unix(PyObject *obj, sock_addr_t *addr, socklen_t *len)
{
    PyObject *path = unix_path_object(obj);
    if (path == NULL) {
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(path, &view, PyBUF_SIMPLE) < 0) {
        Py_DECREF(path);
        return -1;
    }
    int abstract = view.len == 0 || ((const char *)view.buf)[0] == '\0';
    size_t limit = sizeof(addr->un.sun_path) - (abstract ? 0 : 1);
    int status = -1;
    if ((size_t)view.len > limit) {
        PyErr_SetString(PyExc_OSError, "AF_UNIX path too long");
    }
    else {
        memset(addr, 0, sizeof(*addr));
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, view.buf, (size_t)view.len);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)view.len);
        if (!abstract) {
            *len += 1;   /* the terminating NUL of a filesystem path */
        }
        status = 0;
    }
    PyBuffer_Release(&view);
    Py_DECREF(path);
    return status;
}

/* An AF_VSOCK address: (cid, port), both unsigned 32-bit. */
static int
parse_vsock(PyObject *obj, const char *caller, sock_addr_t *addr, socklen_t *len)
{
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_VSOCK address must be tuple, not %.200s",
                     caller, Py_TYPE(obj)->tp_name);
        return -1;
    }
    unsigned int cid, port;
    if (!PyArg_ParseTuple(obj, "II;AF_VSOCK address must be a pair (cid, port)",
                          &cid, &port)) {
        return -1;
    }
    memset(addr, 0, sizeof(*addr));
    addr->vm.svm_family = AF_VSOCK;
    addr->vm.svm_cid = cid;
    addr->vm.svm_port = port;
    *len = (socklen_t)sizeof(addr->vm);
    return 0;
}

int
_PySocket_ParseAddress(int family, PyObject *obj, const char *caller,
                       sock_addr_t *addr, socklen_t *len)
{
    switch (family) {
    case AF_INET:
        return parse_inet(obj, caller, addr, len);
    case AF_INET6:
        return parse_inet6(obj, caller, addr, len);
    case AF_UNIX:
        return parse_unix(obj, addr, len);
    case AF_VSOCK:
        return parse_vsock(obj, caller, addr, len);
    default:
        PyErr_Format(PyExc_OSError, "%s(): bad family", caller);
        return -1;
    }
}
