/* _ssl._SSLSocket: one TLS connection (an SSL) over a socket, for
   ssl.SSLSocket, or over two MemoryBIOs, for ssl.SSLObject.

   Socket mode: the Python socket is reached through a weak reference;
   its descriptor and timeout are read before every operation.  OpenSSL
   does its I/O through a BIO that never blocks (below), so it answers
   WANT_READ/WANT_WRITE when the descriptor is not ready and we wait in
   poll(2), for the remaining time when the socket has a timeout, without
   limit when it is blocking; with timeout 0 those become
   SSLWantReadError/SSLWantWriteError.  OpenSSL calls run detached.

   Thread safety (both builds): `mutex` is held across every call into
   the SSL, including the detached ones, so two threads using one
   socket take turns and OpenSSL never sees concurrent calls on one SSL.
   A critical section would not do: it is released while detached.  The
   waits in poll(2) happen without the mutex, so a thread blocked reading
   lets another thread write meanwhile.  In
   BIO mode nothing blocks; the two BIO objects' critical sections are
   taken around each OpenSSL call (with the mutex held), so Python code
   feeding the BIOs from another thread never races OpenSSL. */
#include "_ssl.h"
#include "socketmodule.h"

#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>
#include <openssl/x509v3.h>

int _PySSL_ExDataIndex = -1;

#define SOCKET(op) ((PySSLSocket *)(op))

PySSLSocket *_PySSL_SocketFromSSL(const SSL *ssl)
{
    return SSL_get_ex_data(ssl, _PySSL_ExDataIndex);
}

PyThreadState *_PySSL_CallbackEnter(PySSLSocket *s)
{
    PyThreadState *tstate = s->saved_tstate;
    if (tstate != NULL) {
        s->saved_tstate = NULL;
        PyEval_RestoreThread(tstate);
    }
    return tstate;
}

void _PySSL_CallbackLeave(PySSLSocket *s, PyThreadState *tstate)
{
    if (tstate != NULL) {
        s->saved_tstate = PyEval_SaveThread();
    }
}

/* Take the socket's mutex, waiting detached when another thread has it.
   Returns 0 without locking when this thread holds it already: a
   callback that runs inside an OpenSSL call (SNI) may read and set the
   socket's properties.  Pass the result to socket_unlock. */
static int socket_lock(PySSLSocket *s)
{
    unsigned long me = PyThread_get_thread_ident();
    if (__atomic_load_n(&s->lock_owner, __ATOMIC_RELAXED) == me) {
        return 0;
    }
    if (!_PyMutex_LockTimed(&s->mutex, 0)) {
        Py_BEGIN_ALLOW_THREADS
        _PyMutex_LockTimed(&s->mutex, -1);
        Py_END_ALLOW_THREADS
    }
    __atomic_store_n(&s->lock_owner, me, __ATOMIC_RELAXED);
    return 1;
}

static void socket_unlock(PySSLSocket *s, int taken)
{
    if (taken) {
        __atomic_store_n(&s->lock_owner, 0, __ATOMIC_RELAXED);
        PyMutex_Unlock(&s->mutex);
    }
}

void _PySSL_SetContext(PySSLSocket *s, PySSLContext *ctx)
{
    PySSLContext *old = s->ctx;
    s->ctx = (PySSLContext *)Py_NewRef((PyObject *)ctx);
    SSL_set_SSL_CTX(s->ssl, ctx->ctx);
    Py_DECREF(old);
}

/* ---- creation ----------------------------------------------------------- */

/* Whether text is a literal IPv4 or IPv6 address. */
static int is_ip_address(const char *text)
{
    ASN1_OCTET_STRING *ip = a2i_IPADDRESS(text);
    if (ip == NULL) {
        ERR_clear_error();
        return 0;
    }
    ASN1_OCTET_STRING_free(ip);
    return 1;
}

/* SNI and the name the peer's certificate must carry. */
static int set_server_hostname(PySSLSocket *self, PyObject *hostname)
{
    PyObject *ascii;
    if (!PyUnicode_Check(hostname)) {
        PyErr_Format(PyExc_TypeError, "server_hostname must be str, not "
                     "%.100s", Py_TYPE(hostname)->tp_name);
        return -1;
    }
    ascii = PyUnicode_IS_ASCII(hostname)
            ? PyUnicode_AsASCIIString(hostname)
            : PyUnicode_AsEncodedString(hostname, "idna", "strict");
    if (ascii == NULL) {
        return -1;
    }
    const char *name = PyBytes_AS_STRING(ascii);
    if (PyBytes_GET_SIZE(ascii) == 0 || name[0] == '.') {
        PyErr_SetString(PyExc_ValueError, "server_hostname cannot be an "
                        "empty string or start with a leading dot.");
        Py_DECREF(ascii);
        return -1;
    }
    if (strlen(name) != (size_t)PyBytes_GET_SIZE(ascii)) {
        PyErr_SetString(PyExc_ValueError,
                        "server_hostname contains embedded null character");
        Py_DECREF(ascii);
        return -1;
    }
    int ip = is_ip_address(name);
    int ok = ip || SSL_set_tlsext_host_name(self->ssl, name);
    if (ok && self->ctx->check_hostname) {
        X509_VERIFY_PARAM *param = SSL_get0_param(self->ssl);
        X509_VERIFY_PARAM_set_hostflags(param, self->ctx->host_flags);
        ok = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name)
                : X509_VERIFY_PARAM_set1_host(param, name, 0);
    }
    if (!ok) {
        Py_DECREF(ascii);
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    self->server_hostname = PyUnicode_DecodeASCII(
        name, PyBytes_GET_SIZE(ascii), "strict");
    Py_DECREF(ascii);
    return self->server_hostname == NULL ? -1 : 0;
}

static int set_session_locked(PySSLSocket *self, PyObject *value);

static int check_side(PySSLContext *ctx, int server_side)
{
    if (server_side && ctx->protocol == PY_SSL_VERSION_TLS_CLIENT) {
        PyErr_SetString(PyExc_ValueError, "Cannot create a server socket "
                        "with a PROTOCOL_TLS_CLIENT context");
        return -1;
    }
    if (!server_side && ctx->protocol == PY_SSL_VERSION_TLS_SERVER) {
        PyErr_SetString(PyExc_ValueError, "Cannot create a client socket "
                        "with a PROTOCOL_TLS_SERVER context");
        return -1;
    }
    return 0;
}

/* ---- a never-blocking socket BIO ---------------------------------------- */

/* OpenSSL reads and writes the descriptor through this BIO, whose calls
   never block whatever the descriptor's mode: recv/send with
   MSG_DONTWAIT, "retry" when nothing can move now.  run_op then waits in
   poll(2) with the socket's mutex released, so even on a blocking socket
   a thread waiting for input does not keep another from writing.  The
   descriptor is the BIO's data (the SSL holds the only reference). */
static BIO_METHOD *nonblocking_socket_method;

static int bio_fd(BIO *bio)
{
    return (int)(intptr_t)BIO_get_data(bio);
}

static int nb_write(BIO *bio, const char *data, size_t len, size_t *written)
{
    BIO_clear_retry_flags(bio);
    ssize_t n = send(bio_fd(bio), data, len, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n >= 0) {
        *written = (size_t)n;
        return 1;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        BIO_set_retry_write(bio);
    }
    return 0;
}

static int nb_read(BIO *bio, char *data, size_t len, size_t *readbytes)
{
    BIO_clear_retry_flags(bio);
    ssize_t n = recv(bio_fd(bio), data, len, MSG_DONTWAIT);
    if (n > 0) {
        *readbytes = (size_t)n;
        return 1;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK
                  || errno == EINTR)) {
        BIO_set_retry_read(bio);
    }
    /* n == 0 without the retry flag: end of file. */
    return 0;
}

static long nb_ctrl(BIO *bio, int cmd, long num, void *ptr)
{
    (void)num;
    switch (cmd) {
    case BIO_C_GET_FD:
        if (ptr != NULL) {
            *(int *)ptr = bio_fd(bio);
        }
        return bio_fd(bio);
    case BIO_CTRL_FLUSH:
        return 1;
    default:
        return 0;
    }
}

static int nb_create(BIO *bio)
{
    BIO_set_data(bio, (void *)(intptr_t)-1);
    BIO_set_init(bio, 1);
    return 1;
}

/* Made once by the first module exec (under the import lock). */
int _PySSL_InitSocketBIO(void)
{
    if (nonblocking_socket_method != NULL) {
        return 0;
    }
    BIO_METHOD *method = BIO_meth_new(
        BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR,
        "weft nonblocking socket");
    if (method == NULL
        || !BIO_meth_set_write_ex(method, nb_write)
        || !BIO_meth_set_read_ex(method, nb_read)
        || !BIO_meth_set_ctrl(method, nb_ctrl)
        || !BIO_meth_set_create(method, nb_create)) {
        BIO_meth_free(method);
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    nonblocking_socket_method = method;
    return 0;
}

/* Attach the SSL to the socket's descriptor; -1 with an exception. */
static int attach_socket(PySSLSocket *self, PyObject *sock)
{
    PyObject *fileno = PyObject_CallMethod(sock, "fileno", NULL);
    if (fileno == NULL) {
        return -1;
    }
    int fd = PyLong_AsInt(fileno);
    Py_DECREF(fileno);
    if (fd == -1 && PyErr_Occurred()) {
        return -1;
    }
    self->sock = PyWeakref_NewRef(sock, NULL);
    if (self->sock == NULL) {
        return -1;
    }
    BIO *bio = BIO_new(nonblocking_socket_method);
    if (bio == NULL) {
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    BIO_set_data(bio, (void *)(intptr_t)fd);
    /* One BIO both ways: SSL_set_bio takes over our one reference. */
    SSL_set_bio(self->ssl, bio, bio);
    return 0;
}

static void attach_bios(PySSLSocket *self, PySSLMemoryBIO *incoming,
                        PySSLMemoryBIO *outgoing)
{
    self->incoming = (PySSLMemoryBIO *)Py_NewRef((PyObject *)incoming);
    self->outgoing = (PySSLMemoryBIO *)Py_NewRef((PyObject *)outgoing);
    /* SSL_set_bio takes over one reference of each. */
    BIO_up_ref(incoming->bio);
    BIO_up_ref(outgoing->bio);
    SSL_set_bio(self->ssl, incoming->bio, outgoing->bio);
}

/* Post-handshake authentication, as the context asks. */
static void setup_pha(PySSLSocket *self)
{
    if (!self->ctx->post_handshake_auth) {
        return;
    }
    if (!self->server_side) {
        SSL_set_post_handshake_auth(self->ssl, 1);
        return;
    }
    int mode = SSL_get_verify_mode(self->ssl);
    if (mode & SSL_VERIFY_PEER) {
        /* Ask for the certificate only after the handshake. */
        SSL_set_verify(self->ssl, mode | SSL_VERIFY_POST_HANDSHAKE, NULL);
    }
}

PyObject *_PySSL_NewSocket(PySSLContext *ctx, PyObject *sock,
                           PySSLMemoryBIO *incoming,
                           PySSLMemoryBIO *outgoing, int server_side,
                           PyObject *server_hostname, PyObject *owner,
                           PyObject *session)
{
    if (check_side(ctx, server_side) < 0) {
        return NULL;
    }
    PySSLSocket *self = PyObject_GC_New(PySSLSocket, &PySSLSocket_Type);
    if (self == NULL) {
        return NULL;
    }
    self->ssl = NULL;
    self->ctx = (PySSLContext *)Py_NewRef((PyObject *)ctx);
    self->sock = NULL;
    self->incoming = self->outgoing = NULL;
    self->owner = NULL;
    self->server_hostname = NULL;
    self->server_side = server_side;
    self->handshake_done = 0;
    self->mutex = (PyMutex){0};
    self->lock_owner = 0;
    self->saved_tstate = NULL;
    PyObject_GC_Track((PyObject *)self);
    Py_BEGIN_CRITICAL_SECTION(ctx);
    self->ssl = SSL_new(ctx->ctx);
    Py_END_CRITICAL_SECTION();
    if (self->ssl == NULL) {
        _PySSL_SetError(NULL, __LINE__);
        goto fail;
    }
    SSL_set_ex_data(self->ssl, _PySSL_ExDataIndex, self);
    if (sock != NULL ? attach_socket(self, sock) < 0
                     : (attach_bios(self, incoming, outgoing), 0)) {
        goto fail;
    }
    if (server_hostname != Py_None && !server_side
        && set_server_hostname(self, server_hostname) < 0) {
        goto fail;
    }
    setup_pha(self);
    if (server_side) {
        SSL_set_accept_state(self->ssl);
    }
    else {
        SSL_set_connect_state(self->ssl);
    }
    if (owner != Py_None
        && (self->owner = PyWeakref_NewRef(owner, NULL)) == NULL) {
        goto fail;
    }
    if (session != Py_None && set_session_locked(self, session) < 0) {
        goto fail;
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static int socket_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySSLSocket *self = SOCKET(op);
    Py_VISIT(self->ctx);
    Py_VISIT(self->sock);
    Py_VISIT(self->incoming);
    Py_VISIT(self->outgoing);
    Py_VISIT(self->owner);
    return 0;
}

static int socket_clear(PyObject *op)
{
    PySSLSocket *self = SOCKET(op);
    Py_CLEAR(self->owner);
    return 0;
}

static void socket_dealloc(PyObject *op)
{
    PySSLSocket *self = SOCKET(op);
    PyObject_GC_UnTrack(op);
    if (self->ssl != NULL) {
        /* Closing without a TLS shutdown must not make the session
           unresumable (OpenSSL drops sessions of unclean closes). */
        SSL_set_shutdown(self->ssl,
                         SSL_SENT_SHUTDOWN | SSL_get_shutdown(self->ssl));
        SSL_free(self->ssl);
    }
    socket_clear(op);
    Py_XDECREF(self->sock);
    Py_XDECREF(self->incoming);
    Py_XDECREF(self->outgoing);
    Py_XDECREF(self->server_hostname);
    Py_XDECREF(self->ctx);
    PyObject_GC_Del(op);
}

/* ---- waiting on the socket (socketmodule.h's _PySocket_WaitReady) ------- */

/* The descriptor and timeout (ns; -1 blocking) of the socket; -1 with
   an exception when the socket is gone or closed. */
static int socket_io_state(PySSLSocket *s, int *fd, long long *timeout)
{
    PyObject *sock = NULL;
    if (PyWeakref_GetRef(s->sock, &sock) <= 0) {
        if (!PyErr_Occurred()) {
            _PySSL_SetErrorMessage(PY_SSL_ERROR_NO_SOCKET,
                                   "Underlying socket connection gone",
                                   __LINE__);
        }
        return -1;
    }
    PyObject *fileno = PyObject_CallMethod(sock, "fileno", NULL);
    PyObject *t = fileno ? PyObject_CallMethod(sock, "gettimeout", NULL)
                         : NULL;
    Py_DECREF(sock);
    int status = -1;
    if (t != NULL) {
        *fd = PyLong_AsInt(fileno);
        if (t == Py_None) {
            *timeout = -1;
        }
        else {
            double secs = PyFloat_AsDouble(t);
            *timeout = secs < 0 ? -1 : (long long)(secs * 1e9);
        }
        if (!PyErr_Occurred()) {
            status = 0;
            if (*fd < 0) {
                _PySSL_SetErrorMessage(PY_SSL_ERROR_NO_SOCKET,
                                       "Underlying socket has been closed.",
                                       __LINE__);
                status = -1;
            }
        }
    }
    Py_XDECREF(fileno);
    Py_XDECREF(t);
    return status;
}

/* ---- running an OpenSSL call -------------------------------------------- */

typedef enum { OP_HANDSHAKE, OP_READ, OP_WRITE, OP_SHUTDOWN } OpKind;

typedef struct {
    OpKind kind;
    void *buf;
    int len;
} Op;

static int call_openssl(SSL *ssl, Op *op)
{
    switch (op->kind) {
    case OP_HANDSHAKE:
        return SSL_do_handshake(ssl);
    case OP_READ:
        return SSL_read(ssl, op->buf, op->len);
    case OP_WRITE:
        return SSL_write(ssl, op->buf, op->len);
    case OP_SHUTDOWN:
        return SSL_shutdown(ssl);
    }
    return -1;
}

static const char *timeout_message(OpKind kind)
{
    switch (kind) {
    case OP_HANDSHAKE:
        return "_ssl.c:983: The handshake operation timed out";
    case OP_READ:
        return "The read operation timed out";
    case OP_WRITE:
        return "The write operation timed out";
    default:
        return "The shutdown operation timed out";
    }
}

/* One call in BIO mode, with the mutex held: never blocks. */
static int run_bio_once(PySSLSocket *s, Op *op, int *err)
{
    int ret;
    Py_BEGIN_CRITICAL_SECTION2(s->incoming, s->outgoing);
    ERR_clear_error();
    ret = call_openssl(s->ssl, op);
    *err = ret > 0 ? SSL_ERROR_NONE : SSL_get_error(s->ssl, ret);
    Py_END_CRITICAL_SECTION2();
    return ret;
}

/* One call in socket mode, detached, with the mutex held. */
static int run_socket_once(PySSLSocket *s, Op *op, int *err, int *sys_errno)
{
    int ret;
    s->saved_tstate = PyEval_SaveThread();
    ERR_clear_error();
    errno = 0;
    ret = call_openssl(s->ssl, op);
    *err = ret > 0 ? SSL_ERROR_NONE : SSL_get_error(s->ssl, ret);
    *sys_errno = errno;
    PyThreadState *tstate = s->saved_tstate;
    s->saved_tstate = NULL;
    PyEval_RestoreThread(tstate);
    return ret;
}

/* Run op until it completes, waiting on the socket as its timeout
   allows.  Returns the call's result (> 0, or 0 for a clean end of
   file when op is a read, or SSL_shutdown's 0), or -1 with an
   exception.  Takes and releases the mutex itself. */
static int run_op(PySSLSocket *s, Op *op)
{
    int fd = -1;
    long long timeout = -1, deadline = -1;
    if (s->sock != NULL) {
        if (socket_io_state(s, &fd, &timeout) < 0) {
            return -1;
        }
        if (timeout >= 0) {
            deadline = _PySocket_MonotonicNs() + timeout;
        }
    }
    for (;;) {
        int err, sys_errno = 0, ret;
        int held = socket_lock(s);
        ret = s->sock != NULL ? run_socket_once(s, op, &err, &sys_errno)
                              : run_bio_once(s, op, &err);
        if (ret > 0 || (ret == 0 && op->kind == OP_SHUTDOWN
                        && err != SSL_ERROR_WANT_READ
                        && err != SSL_ERROR_WANT_WRITE
                        && ERR_peek_error() == 0)) {
            socket_unlock(s, held);
            return ret;
        }
        if (op->kind == OP_READ && err == SSL_ERROR_ZERO_RETURN
            && (SSL_get_shutdown(s->ssl) & SSL_RECEIVED_SHUTDOWN)) {
            socket_unlock(s, held);
            return 0;
        }
        int want_read = err == SSL_ERROR_WANT_READ;
        int want_write = err == SSL_ERROR_WANT_WRITE;
        int retry_signal = err == SSL_ERROR_SYSCALL && sys_errno == EINTR
                           && ERR_peek_error() == 0;
        if (s->sock == NULL || timeout == 0
            || !(want_read || want_write || retry_signal)) {
            errno = sys_errno;
            _PySSL_SetSocketError(s, ret, __LINE__);
            socket_unlock(s, held);
            return -1;
        }
        socket_unlock(s, held);
        if (retry_signal) {
            if (PyErr_CheckSignals() < 0) {
                return -1;
            }
            continue;
        }
        int ready = _PySocket_WaitReady(fd, !want_read, deadline);
        int waited = ready < 0 ? -1 : !ready;   /* 0 ready, 1 timed out */
        if (waited < 0) {
            return -1;
        }
        if (waited > 0) {
            PyErr_SetString(PyExc_TimeoutError, timeout_message(op->kind));
            return -1;
        }
    }
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *socket_do_handshake(PyObject *op,
                                     PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    Op call = {OP_HANDSHAKE, NULL, 0};
    if (run_op(self, &call) < 0) {
        return NULL;
    }
    self->handshake_done = 1;
    Py_RETURN_NONE;
}

static PyObject *socket_read(PyObject *op, PyObject *args)
{
    PySSLSocket *self = SOCKET(op);
    Py_ssize_t len;
    PyObject *buffer_obj = NULL;
    if (!PyArg_ParseTuple(args, "n|O:read", &len, &buffer_obj)) {
        return NULL;
    }
    Py_buffer buffer = {0};
    PyObject *bytes = NULL;
    if (buffer_obj != NULL && buffer_obj != Py_None) {
        if (PyObject_GetBuffer(buffer_obj, &buffer, PyBUF_WRITABLE) < 0) {
            return NULL;
        }
        if (len <= 0 || len > buffer.len) {
            len = buffer.len;
        }
    }
    else {
        buffer_obj = NULL;
        if (len < 0) {
            PyErr_SetString(PyExc_ValueError, "size should not be negative");
            return NULL;
        }
    }
    if (len == 0) {
        if (buffer_obj != NULL) {
            PyBuffer_Release(&buffer);
            return PyLong_FromLong(0);
        }
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (len > INT_MAX) {
        len = INT_MAX;
    }
    void *dest;
    if (buffer_obj != NULL) {
        dest = buffer.buf;
    }
    else {
        bytes = PyBytes_FromStringAndSize(NULL, len);
        if (bytes == NULL) {
            return NULL;
        }
        dest = PyBytes_AS_STRING(bytes);
    }
    Op call = {OP_READ, dest, (int)len};
    int got = run_op(self, &call);
    if (buffer_obj != NULL) {
        PyBuffer_Release(&buffer);
        return got < 0 ? NULL : PyLong_FromLong(got);
    }
    if (got < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    if (got != len) {
        _PyBytes_Resize(&bytes, got);
    }
    return bytes;
}

static PyObject *socket_write(PyObject *op, PyObject *arg)
{
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf.len > INT_MAX) {
        PyErr_Format(PyExc_OverflowError, "string longer than %d bytes",
                     INT_MAX);
        PyBuffer_Release(&buf);
        return NULL;
    }
    int written = 0;
    if (buf.len > 0) {
        Op call = {OP_WRITE, buf.buf, (int)buf.len};
        written = run_op(SOCKET(op), &call);
    }
    PyBuffer_Release(&buf);
    return written < 0 ? NULL : PyLong_FromLong(written);
}

static PyObject *socket_pending(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    int n = SSL_pending(self->ssl);
    socket_unlock(self, held);
    return PyLong_FromLong(n);
}

/* Send our close_notify and, the second time round, wait for the
   peer's; returns the socket (or None in BIO mode). */
static PyObject *socket_shutdown(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    PyObject *sock = NULL;
    if (self->sock != NULL && PyWeakref_GetRef(self->sock, &sock) <= 0) {
        if (!PyErr_Occurred()) {
            _PySSL_SetErrorMessage(PY_SSL_ERROR_NO_SOCKET,
                                   "Underlying socket connection gone",
                                   __LINE__);
        }
        return NULL;
    }
    int held = socket_lock(self);
    /* Read-ahead could swallow bytes meant for the unwrapped socket. */
    SSL_set_read_ahead(self->ssl, 0);
    socket_unlock(self, held);
    Op call = {OP_SHUTDOWN, NULL, 0};
    int ret = run_op(self, &call);
    if (ret == 0) {
        /* close_notify sent; now wait for the peer's. */
        ret = run_op(self, &call);
    }
    if (ret < 0) {
        Py_XDECREF(sock);
        return NULL;
    }
    return sock ? sock : Py_NewRef(Py_None);
}

static PyObject *socket_getpeercert(PyObject *op, PyObject *args,
                                    PyObject *kwds)
{
    static char *kwlist[] = {"binary_form", NULL};
    PySSLSocket *self = SOCKET(op);
    int binary = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:getpeercert", kwlist,
                                     &binary)) {
        return NULL;
    }
    int held = socket_lock(self);
    int done = SSL_is_init_finished(self->ssl);
    X509 *cert = done ? SSL_get1_peer_certificate(self->ssl) : NULL;
    int verified = SSL_get_verify_mode(self->ssl) & SSL_VERIFY_PEER;
    socket_unlock(self, held);
    if (!done) {
        PyErr_SetString(PyExc_ValueError, "handshake not done yet");
        return NULL;
    }
    if (cert == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *result;
    if (binary) {
        result = _PySSL_CertToDER(cert);
    }
    else if (!verified) {
        /* An unverified certificate's contents mean nothing. */
        result = PyDict_New();
    }
    else {
        result = _PySSL_DecodeCertificate(cert);
    }
    X509_free(cert);
    return result;
}

static PyObject *socket_get_verified_chain(PyObject *op,
                                           PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    STACK_OF(X509) *chain = SSL_get0_verified_chain(self->ssl);
    PyObject *result = chain ? _PySSL_ChainToList(chain) : PyList_New(0);
    socket_unlock(self, held);
    return result;
}

static PyObject *socket_get_unverified_chain(PyObject *op,
                                             PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(self->ssl);
    PyObject *result = NULL;
    if (chain == NULL) {
        result = PyList_New(0);
    }
    else if (self->server_side) {
        /* A server's view of the chain leaves out the peer's own
           certificate; put it first, as on the client side. */
        X509 *peer = SSL_get0_peer_certificate(self->ssl);
        result = _PySSL_ChainToList(chain);
        PyObject *der = peer && result ? _PySSL_CertToDER(peer) : NULL;
        if (der == NULL || PyList_Insert(result, 0, der) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(der);
    }
    else {
        result = _PySSL_ChainToList(chain);
    }
    socket_unlock(self, held);
    return result;
}

static PyObject *cipher_tuple(const SSL_CIPHER *cipher)
{
    if (cipher == NULL) {
        Py_RETURN_NONE;
    }
    return Py_BuildValue("(zzi)", SSL_CIPHER_get_name(cipher),
                         SSL_CIPHER_get_version(cipher),
                         SSL_CIPHER_get_bits(cipher, NULL));
}

static PyObject *socket_cipher(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    const SSL_CIPHER *cipher = SSL_get_current_cipher(self->ssl);
    socket_unlock(self, held);
    return cipher_tuple(cipher);
}

static PyObject *socket_shared_ciphers(PyObject *op,
                                       PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    PyObject *result = NULL;
    int held = socket_lock(self);
    STACK_OF(SSL_CIPHER) *ciphers = SSL_get_client_ciphers(self->ssl);
    STACK_OF(SSL_CIPHER) *ours = SSL_get_ciphers(self->ssl);
    if (ciphers == NULL || !self->server_side) {
        result = Py_NewRef(Py_None);
    }
    else {
        result = PyList_New(0);
        for (int i = 0; result != NULL && i < sk_SSL_CIPHER_num(ciphers);
             i++) {
            const SSL_CIPHER *c = sk_SSL_CIPHER_value(ciphers, i);
            if (ours != NULL && sk_SSL_CIPHER_find(ours, c) < 0) {
                continue;
            }
            PyObject *t = cipher_tuple(c);
            if (t == NULL || PyList_Append(result, t) < 0) {
                Py_CLEAR(result);
            }
            Py_XDECREF(t);
        }
    }
    socket_unlock(self, held);
    return result;
}

static PyObject *socket_version(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    int done = SSL_is_init_finished(self->ssl);
    const char *version = SSL_get_version(self->ssl);
    socket_unlock(self, held);
    if (!done || version == NULL || strcmp(version, "unknown") == 0) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(version);
}

static PyObject *socket_selected_alpn_protocol(PyObject *op,
                                               PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    const unsigned char *proto;
    unsigned int len;
    int held = socket_lock(self);
    SSL_get0_alpn_selected(self->ssl, &proto, &len);
    PyObject *result = proto == NULL || len == 0
        ? Py_NewRef(Py_None)
        : PyUnicode_DecodeASCII((const char *)proto, len, "strict");
    socket_unlock(self, held);
    return result;
}

static PyObject *socket_compression(PyObject *op,
                                    PyObject *Py_UNUSED(ignored))
{
    /* Contexts set OP_NO_COMPRESSION, and OpenSSL 3 builds without it. */
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    const COMP_METHOD *comp = SSL_get_current_compression(self->ssl);
    socket_unlock(self, held);
    if (comp == NULL) {
        Py_RETURN_NONE;
    }
    const char *name = OBJ_nid2sn(COMP_get_type(comp));
    return name ? PyUnicode_FromString(name) : Py_NewRef(Py_None);
}

static PyObject *socket_get_channel_binding(PyObject *op, PyObject *args,
                                            PyObject *kwds)
{
    static char *kwlist[] = {"cb_type", NULL};
    const char *cb_type = "tls-unique";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|s:get_channel_binding",
                                     kwlist, &cb_type)) {
        return NULL;
    }
    if (strcmp(cb_type, "tls-unique") != 0) {
        PyErr_Format(PyExc_ValueError, "'%s' channel binding type not "
                     "implemented", cb_type);
        return NULL;
    }
    PySSLSocket *self = SOCKET(op);
    char buf[EVP_MAX_MD_SIZE];
    size_t len;
    int held = socket_lock(self);
    /* tls-unique is the first Finished message of the handshake: ours
       when we spoke first (a client on a full handshake, a server on a
       resumed one). */
    int ours_first = SSL_session_reused(self->ssl) ? self->server_side
                                                   : !self->server_side;
    len = ours_first ? SSL_get_finished(self->ssl, buf, sizeof(buf))
                     : SSL_get_peer_finished(self->ssl, buf, sizeof(buf));
    socket_unlock(self, held);
    if (len == 0) {
        Py_RETURN_NONE;
    }
    return PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
}

static PyObject *socket_verify_client_post_handshake(
    PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    int ok = SSL_verify_client_post_handshake(self->ssl);
    socket_unlock(self, held);
    if (!ok) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    Py_RETURN_NONE;
}

/* ---- properties --------------------------------------------------------- */

static PyObject *get_context(PyObject *op, void *Py_UNUSED(c))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    PyObject *ctx = Py_NewRef((PyObject *)self->ctx);
    socket_unlock(self, held);
    return ctx;
}

static int set_context(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    if (value == NULL || !PyObject_TypeCheck(value, &PySSLContext_Type)) {
        PyErr_SetString(PyExc_TypeError, "The value must be a SSLContext");
        return -1;
    }
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    _PySSL_SetContext(self, (PySSLContext *)value);
    socket_unlock(self, held);
    return 0;
}

static PyObject *get_server_side(PyObject *op, void *Py_UNUSED(c))
{
    return PyBool_FromLong(SOCKET(op)->server_side);
}

static PyObject *get_server_hostname(PyObject *op, void *Py_UNUSED(c))
{
    PyObject *name = SOCKET(op)->server_hostname;
    return Py_NewRef(name ? name : Py_None);
}

static PyObject *get_owner(PyObject *op, void *Py_UNUSED(c))
{
    PySSLSocket *self = SOCKET(op);
    PyObject *owner = NULL;
    int held = socket_lock(self);
    PyObject *ref = Py_XNewRef(self->owner);
    socket_unlock(self, held);
    if (ref != NULL) {
        PyWeakref_GetRef(ref, &owner);
        Py_DECREF(ref);
    }
    return owner ? owner : Py_NewRef(Py_None);
}

static int set_owner(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    PyObject *ref = NULL;
    if (value != NULL && value != Py_None
        && (ref = PyWeakref_NewRef(value, NULL)) == NULL) {
        return -1;
    }
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    PyObject *old = self->owner;
    self->owner = ref;
    socket_unlock(self, held);
    Py_XDECREF(old);
    return 0;
}

static PyObject *get_session(PyObject *op, void *Py_UNUSED(c))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    SSL_SESSION *session = SSL_get1_session(self->ssl);
    socket_unlock(self, held);
    if (session == NULL) {
        Py_RETURN_NONE;
    }
    PySSLSession *obj = PyObject_GC_New(PySSLSession, &PySSLSession_Type);
    if (obj == NULL) {
        SSL_SESSION_free(session);
        return NULL;
    }
    obj->session = session;
    obj->ctx = (PySSLContext *)get_context(op, NULL);
    PyObject_GC_Track((PyObject *)obj);
    return (PyObject *)obj;
}

/* With the mutex held (or before the object is shared). */
static int set_session_locked(PySSLSocket *self, PyObject *value)
{
    if (!PyObject_TypeCheck(value, &PySSLSession_Type)) {
        PyErr_SetString(PyExc_TypeError, "Value is not a SSLSession.");
        return -1;
    }
    PySSLSession *session = (PySSLSession *)value;
    if (session->ctx->ctx != self->ctx->ctx) {
        PyErr_SetString(PyExc_ValueError,
                        "Session refers to a different SSLContext.");
        return -1;
    }
    if (self->server_side) {
        PyErr_SetString(PyExc_ValueError,
                        "Cannot set session for server-side SSLSocket.");
        return -1;
    }
    if (self->handshake_done) {
        PyErr_SetString(PyExc_ValueError,
                        "Cannot set session after handshake.");
        return -1;
    }
    if (!SSL_set_session(self->ssl, session->session)) {
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    return 0;
}

static int set_session(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete session");
        return -1;
    }
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    int status = set_session_locked(self, value);
    socket_unlock(self, held);
    return status;
}

static PyObject *get_session_reused(PyObject *op, void *Py_UNUSED(c))
{
    PySSLSocket *self = SOCKET(op);
    int held = socket_lock(self);
    int reused = SSL_session_reused(self->ssl);
    socket_unlock(self, held);
    return PyBool_FromLong(reused);
}

static PyMethodDef socket_methods[] = {
    {"do_handshake", socket_do_handshake, METH_NOARGS, NULL},
    {"read", socket_read, METH_VARARGS,
     "read($self, size, buffer=None, /)\n--\n\nRead up to size bytes, or "
     "into buffer."},
    {"write", socket_write, METH_O,
     "write($self, b, /)\n--\n\nWrite b; return the number of bytes "
     "written."},
    {"pending", socket_pending, METH_NOARGS,
     "pending($self, /)\n--\n\nThe number of decrypted bytes ready to "
     "read."},
    {"shutdown", socket_shutdown, METH_NOARGS,
     "shutdown($self, /)\n--\n\nClose the TLS layer; return the "
     "underlying socket."},
    {"getpeercert", _PyCFunction_CAST(socket_getpeercert),
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"get_verified_chain", socket_get_verified_chain, METH_NOARGS, NULL},
    {"get_unverified_chain", socket_get_unverified_chain, METH_NOARGS,
     NULL},
    {"cipher", socket_cipher, METH_NOARGS, NULL},
    {"shared_ciphers", socket_shared_ciphers, METH_NOARGS, NULL},
    {"version", socket_version, METH_NOARGS, NULL},
    {"selected_alpn_protocol", socket_selected_alpn_protocol, METH_NOARGS,
     NULL},
    {"compression", socket_compression, METH_NOARGS, NULL},
    {"get_channel_binding", _PyCFunction_CAST(socket_get_channel_binding),
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"verify_client_post_handshake", socket_verify_client_post_handshake,
     METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef socket_getset[] = {
    {"context", get_context, set_context, NULL, NULL},
    {"server_side", get_server_side, NULL, NULL, NULL},
    {"server_hostname", get_server_hostname, NULL, NULL, NULL},
    {"owner", get_owner, set_owner, NULL, NULL},
    {"session", get_session, set_session, NULL, NULL},
    {"session_reused", get_session_reused, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PySSLSocket_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ssl._SSLSocket",
    .tp_basicsize = sizeof(PySSLSocket),
    .tp_dealloc = socket_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = socket_traverse,
    .tp_clear = socket_clear,
    .tp_methods = socket_methods,
    .tp_getset = socket_getset,
};
