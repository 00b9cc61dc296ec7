/* TLS-PSK: _SSLContext.set_psk_client_callback() and
   set_psk_server_callback(), keys shared out of band instead of
   certificates (RFC 4279 cipher suites under TLS 1.2).

   The client callback is called with the server's identity hint (str or
   None) and returns (identity, psk): identity a str or None, psk a
   bytes-like object.  The server callback is called with the client's
   identity (str or None) and returns the psk (empty for an unknown
   identity, which fails the handshake).  Both run inside the handshake,
   re-attached like the other callbacks (_ssl_socket.c); an exception in
   one is reported as unraisable and fails the handshake.

   Thread safety: the callbacks are stored and read inside the context's
   critical section (see _ssl_context.c for the lock order). */
#include "_ssl.h"

#include <string.h>

/* The callback set on the context of `ssl` (new reference or NULL). */
static PyObject *get_callback(PySSLSocket *s, int server)
{
    PyObject *callback;
    PySSLContext *ctx = s->ctx;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    callback = Py_XNewRef(server ? ctx->psk_server_callback
                                 : ctx->psk_client_callback);
    Py_END_CRITICAL_SECTION();
    return callback;
}

static PyObject *optional_str(const char *text)
{
    if (text == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeUTF8(text, strlen(text), "strict");
}

/* Copy a bytes-like psk into out; its length, or -1 with an exception
   when it is not bytes-like or longer than max. */
static long copy_psk(PyObject *psk, unsigned char *out, unsigned int max)
{
    Py_buffer buf;
    if (PyObject_GetBuffer(psk, &buf, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    long len = (long)buf.len;
    if (buf.len > (Py_ssize_t)max) {
        PyErr_Format(PyExc_ValueError, "psk must be less than %u bytes",
                     max + 1);
        len = -1;
    }
    else {
        memcpy(out, buf.buf, buf.len);
    }
    PyBuffer_Release(&buf);
    return len;
}

static unsigned int client_callback(SSL *ssl, const char *hint,
                                    char *identity,
                                    unsigned int max_identity_len,
                                    unsigned char *psk,
                                    unsigned int max_psk_len)
{
    PySSLSocket *s = _PySSL_SocketFromSSL(ssl);
    if (s == NULL) {
        return 0;
    }
    PyThreadState *tstate = _PySSL_CallbackEnter(s);
    PyObject *callback = get_callback(s, 0);
    PyObject *py_hint = callback ? optional_str(hint) : NULL;
    PyObject *ret = py_hint ? PyObject_CallOneArg(callback, py_hint) : NULL;
    long psk_len = -1;
    PyObject *py_identity, *py_psk;
    if (ret != NULL && (!PyTuple_Check(ret) || PyTuple_GET_SIZE(ret) != 2)) {
        PyErr_SetString(PyExc_TypeError, "psk client callback must return "
                        "a tuple (identity, psk)");
    }
    else if (ret != NULL) {
        py_identity = PyTuple_GET_ITEM(ret, 0);
        py_psk = PyTuple_GET_ITEM(ret, 1);
        const char *id = "";
        Py_ssize_t id_len = 0;
        if (py_identity != Py_None) {
            id = PyUnicode_Check(py_identity)
                 ? PyUnicode_AsUTF8AndSize(py_identity, &id_len) : NULL;
            if (id == NULL && !PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError,
                                "identity must be a str or None");
            }
        }
        if (id != NULL && (size_t)id_len + 1 > max_identity_len) {
            PyErr_Format(PyExc_ValueError, "identity must be less than %u "
                         "bytes", max_identity_len);
        }
        else if (id != NULL) {
            psk_len = copy_psk(py_psk, psk, max_psk_len);
            if (psk_len >= 0) {
                memcpy(identity, id, id_len + 1);
            }
        }
    }
    if (callback != NULL && psk_len < 0) {
        PyErr_FormatUnraisable("Exception ignored in the PSK client "
                               "callback %R", callback);
    }
    Py_XDECREF(ret);
    Py_XDECREF(py_hint);
    Py_XDECREF(callback);
    _PySSL_CallbackLeave(s, tstate);
    return psk_len < 0 ? 0 : (unsigned int)psk_len;
}

static unsigned int server_callback(SSL *ssl, const char *identity,
                                    unsigned char *psk,
                                    unsigned int max_psk_len)
{
    PySSLSocket *s = _PySSL_SocketFromSSL(ssl);
    if (s == NULL) {
        return 0;
    }
    PyThreadState *tstate = _PySSL_CallbackEnter(s);
    PyObject *callback = get_callback(s, 1);
    PyObject *py_identity = callback ? optional_str(identity) : NULL;
    PyObject *ret = py_identity ? PyObject_CallOneArg(callback, py_identity)
                                : NULL;
    long psk_len = ret ? copy_psk(ret, psk, max_psk_len) : -1;
    if (callback != NULL && psk_len < 0) {
        PyErr_FormatUnraisable("Exception ignored in the PSK server "
                               "callback %R", callback);
    }
    Py_XDECREF(ret);
    Py_XDECREF(py_identity);
    Py_XDECREF(callback);
    _PySSL_CallbackLeave(s, tstate);
    return psk_len < 0 ? 0 : (unsigned int)psk_len;
}

static int check_callback(PyObject *callback)
{
    if (callback != Py_None && !PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return -1;
    }
    return 0;
}

PyObject *_PySSL_SetPskClientCallback(PyObject *op, PyObject *args,
                                      PyObject *kwds)
{
    static char *kwlist[] = {"callback", NULL};
    PyObject *callback;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     "O:set_psk_client_callback", kwlist,
                                     &callback)
        || check_callback(callback) < 0) {
        return NULL;
    }
    PySSLContext *self = (PySSLContext *)op;
    if (self->protocol == PY_SSL_VERSION_TLS_SERVER) {
        PyErr_SetString(PySSLErrorObject, "Cannot add PSK client "
                        "callback to a PROTOCOL_TLS_SERVER context");
        return NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    old = self->psk_client_callback;
    self->psk_client_callback = callback == Py_None ? NULL
                                                    : Py_NewRef(callback);
    SSL_CTX_set_psk_client_callback(self->ctx, callback == Py_None
                                               ? NULL : client_callback);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

PyObject *_PySSL_SetPskServerCallback(PyObject *op, PyObject *args,
                                      PyObject *kwds)
{
    static char *kwlist[] = {"callback", "identity_hint", NULL};
    PyObject *callback;
    const char *hint = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     "O|z:set_psk_server_callback", kwlist,
                                     &callback, &hint)
        || check_callback(callback) < 0) {
        return NULL;
    }
    PySSLContext *self = (PySSLContext *)op;
    if (self->protocol == PY_SSL_VERSION_TLS_CLIENT) {
        PyErr_SetString(PySSLErrorObject, "Cannot add PSK server "
                        "callback to a PROTOCOL_TLS_CLIENT context");
        return NULL;
    }
    PyObject *old = NULL;
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = SSL_CTX_use_psk_identity_hint(self->ctx, hint);
    if (ok) {
        old = self->psk_server_callback;
        self->psk_server_callback = callback == Py_None
                                    ? NULL : Py_NewRef(callback);
        SSL_CTX_set_psk_server_callback(self->ctx, callback == Py_None
                                                   ? NULL : server_callback);
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "failed to set identity hint");
        return NULL;
    }
    Py_XDECREF(old);
    Py_RETURN_NONE;
}
