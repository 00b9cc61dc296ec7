/* Shared between the _socket module's two files: Modules/socketmodule.c
   (the socket type, its methods and the module functions) and
   Modules/socket_address.c (socket addresses <-> Python objects, host
   name resolution and the module's exception classes). */
#ifndef WEFT_SOCKETMODULE_H
#define WEFT_SOCKETMODULE_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/vm_sockets.h>

/* Room for any address the module handles. */
typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_vm vm;
    struct sockaddr_storage storage;
} sock_addr_t;

/* CLOCK_MONOTONIC in nanoseconds: the clock of socket deadlines. */
long long _PySocket_MonotonicNs(void);

/* Waits detached in poll(2) until fd is ready (for writing or reading)
   or the deadline (a _PySocket_MonotonicNs time; -1: none) passes.
   1 ready, 0 timed out, -1 with an exception (a signal handler raised,
   or poll failed).  Touches no shared state. */
int _PySocket_WaitReady(int fd, int writing, long long deadline);

/* herror and gaierror (subclasses of OSError), created by the first
   _socket exec under the import lock and never replaced: read freely. */
extern PyObject *_PySocket_HError;
extern PyObject *_PySocket_GaiError;

/* Create the two exception classes once; -1 with an exception. */
int _PySocket_InitErrors(void);

/* Raise gaierror for a getaddrinfo()/getnameinfo() result code
   (EAI_SYSTEM becomes OSError from errno); returns NULL. */
PyObject *_PySocket_SetGaiError(int code);

/* A Python address for `family` (what bind/connect/sendto take) to a
   sockaddr.  caller names the method in messages ("bind", "connect").
   Host names are resolved (detached).  0 on success, -1 with an
   exception. */
int _PySocket_ParseAddress(int family, PyObject *obj, const char *caller,
                           sock_addr_t *addr, socklen_t *len);

/* A sockaddr as the Python address for its family: (host, port) for
   AF_INET, (host, port, flowinfo, scope_id) for AF_INET6, str or bytes
   (abstract namespace) for AF_UNIX, (family, bytes) otherwise.  len 0
   (an unbound peer) gives None. */
PyObject *_PySocket_MakeAddress(const struct sockaddr *addr, socklen_t len);

/* Resolve a host string (numeric, "" for any, "<broadcast>", or a name)
   to an address of `family` (AF_INET, AF_INET6 or AF_UNSPEC), filling
   addr (port 0); -1 with gaierror/OSError.  Detaches while resolving. */
int _PySocket_ResolveHost(PyObject *host, int family, sock_addr_t *addr,
                          socklen_t *len);

/* The numeric text of an IPv4/IPv6 address, as str. */
PyObject *_PySocket_HostString(const struct sockaddr *addr);

/* What the capsule _socket.CAPI points to, for C code that works with
   socket objects (the layout CPython's socket module exports). */
typedef struct {
    PyTypeObject *Sock_Type;
    PyObject *error;
    PyObject *timeout_error;
} PySocketModule_APIObject;

#define PySocket_CAPSULE_NAME "_socket.CAPI"

#endif /* WEFT_SOCKETMODULE_H */
