/* MemoryBIO (a byte buffer OpenSSL reads from or writes to, for
   ssl.SSLObject) and SSLSession (a resumable TLS session).

   Thread safety: a MemoryBIO's buffer is touched only inside the BIO
   object's critical section, here and in _ssl_socket.c (which takes the
   sections of both of an SSLObject's BIOs around each OpenSSL call).
   Memory BIOs never block, so no call in a section detaches.  An
   SSLSession is immutable once made. */
#include "_ssl.h"

/* ---- MemoryBIO ---------------------------------------------------------- */

static PyObject *memory_bio_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    if (!_PyArg_NoKeywords("MemoryBIO", kwds)
        || !PyArg_ParseTuple(args, ":MemoryBIO")) {
        return NULL;
    }
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) {
        return PyErr_NoMemory();
    }
    /* An empty buffer means "try again", not end of file. */
    BIO_set_retry_read(bio);
    BIO_set_mem_eof_return(bio, -1);
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)type->tp_alloc(type, 0);
    if (self == NULL) {
        BIO_free(bio);
        return NULL;
    }
    self->bio = bio;
    self->eof_written = 0;
    return (PyObject *)self;
}

static void memory_bio_dealloc(PyObject *op)
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    BIO_free(self->bio);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *memory_bio_pending(PyObject *op, void *Py_UNUSED(closure))
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    size_t pending;
    Py_BEGIN_CRITICAL_SECTION(op);
    pending = BIO_ctrl_pending(self->bio);
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSize_t(pending);
}

static PyObject *memory_bio_eof(PyObject *op, void *Py_UNUSED(closure))
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    int eof;
    Py_BEGIN_CRITICAL_SECTION(op);
    eof = BIO_ctrl_pending(self->bio) == 0 && self->eof_written;
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(eof);
}

static PyObject *memory_bio_read(PyObject *op, PyObject *args)
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    int size = -1;
    if (!PyArg_ParseTuple(args, "|i:read", &size)) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    int avail = (int)Py_MIN(BIO_ctrl_pending(self->bio), (size_t)INT_MAX);
    if (size < 0 || size > avail) {
        size = avail;
    }
    result = PyBytes_FromStringAndSize(NULL, size);
    if (result != NULL && size > 0) {
        int got = BIO_read(self->bio, PyBytes_AS_STRING(result), size);
        if (got < 0) {
            Py_CLEAR(result);
            _PySSL_SetError(NULL, __LINE__);
        }
        else if (got != size) {
            _PyBytes_Resize(&result, got);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *memory_bio_write(PyObject *op, PyObject *arg)
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf.len > INT_MAX) {
        PyErr_Format(PyExc_OverflowError,
                     "string longer than %d bytes", INT_MAX);
        PyBuffer_Release(&buf);
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->eof_written) {
        PyErr_SetString(PySSLErrorObject, "cannot write() after write_eof()");
    }
    else {
        int written = buf.len > 0 ? BIO_write(self->bio, buf.buf,
                                              (int)buf.len) : 0;
        if (written < 0) {
            _PySSL_SetError(NULL, __LINE__);
        }
        else {
            result = PyLong_FromLong(written);
        }
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&buf);
    return result;
}

static PyObject *memory_bio_write_eof(PyObject *op,
                                      PyObject *Py_UNUSED(ignored))
{
    PySSLMemoryBIO *self = (PySSLMemoryBIO *)op;
    Py_BEGIN_CRITICAL_SECTION(op);
    self->eof_written = 1;
    /* From now on an empty buffer reads as end of file. */
    BIO_clear_retry_flags(self->bio);
    BIO_set_mem_eof_return(self->bio, 0);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyMethodDef memory_bio_methods[] = {
    {"read", memory_bio_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\nRead up to size bytes from the memory "
     "BIO (all of it by default)."},
    {"write", memory_bio_write, METH_O,
     "write($self, b, /)\n--\n\nWrite the bytes in b to the memory BIO; "
     "return how many were written."},
    {"write_eof", memory_bio_write_eof, METH_NOARGS,
     "write_eof($self, /)\n--\n\nMark the end of the data: once the "
     "buffer is read, the BIO reads as end of file."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef memory_bio_getset[] = {
    {"pending", memory_bio_pending, NULL,
     "The number of bytes pending in the memory BIO.", NULL},
    {"eof", memory_bio_eof, NULL,
     "Whether the memory BIO is at end of file.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PySSLMemoryBIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ssl.MemoryBIO",
    .tp_basicsize = sizeof(PySSLMemoryBIO),
    .tp_dealloc = memory_bio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "MemoryBIO()\n--\n\nA buffer that an SSLObject reads its "
              "input from or writes its output to.",
    .tp_methods = memory_bio_methods,
    .tp_getset = memory_bio_getset,
    .tp_new = memory_bio_new,
};

/* ---- SSLSession --------------------------------------------------------- */

static void session_dealloc(PyObject *op)
{
    PySSLSession *self = (PySSLSession *)op;
    PyObject_GC_UnTrack(op);
    SSL_SESSION_free(self->session);
    Py_XDECREF(self->ctx);
    PyObject_GC_Del(op);
}

static int session_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PySSLSession *)op)->ctx);
    return 0;
}

static PyObject *session_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(b, &PySSLSession_Type)
        || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int equal;
    if (a == b) {
        equal = 1;
    }
    else {
        unsigned int alen, blen;
        const unsigned char *aid = SSL_SESSION_get_id(
            ((PySSLSession *)a)->session, &alen);
        const unsigned char *bid = SSL_SESSION_get_id(
            ((PySSLSession *)b)->session, &blen);
        equal = alen == blen && memcmp(aid, bid, alen) == 0;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static PyObject *session_time(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(SSL_SESSION_get_time(
        ((PySSLSession *)op)->session));
}

static PyObject *session_timeout(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(SSL_SESSION_get_timeout(
        ((PySSLSession *)op)->session));
}

static PyObject *session_ticket_lifetime_hint(PyObject *op,
                                              void *Py_UNUSED(c))
{
    return PyLong_FromUnsignedLong(SSL_SESSION_get_ticket_lifetime_hint(
        ((PySSLSession *)op)->session));
}

static PyObject *session_id(PyObject *op, void *Py_UNUSED(c))
{
    unsigned int len;
    const unsigned char *id = SSL_SESSION_get_id(
        ((PySSLSession *)op)->session, &len);
    return PyBytes_FromStringAndSize((const char *)id, len);
}

static PyObject *session_has_ticket(PyObject *op, void *Py_UNUSED(c))
{
    return PyBool_FromLong(SSL_SESSION_has_ticket(
        ((PySSLSession *)op)->session));
}

static PyGetSetDef session_getset[] = {
    {"time", session_time, NULL, "Session creation time (seconds since "
     "epoch).", NULL},
    {"timeout", session_timeout, NULL, "Session timeout (delta in "
     "seconds).", NULL},
    {"ticket_lifetime_hint", session_ticket_lifetime_hint, NULL,
     "Ticket life time hint.", NULL},
    {"id", session_id, NULL, "Session ID.", NULL},
    {"has_ticket", session_has_ticket, NULL, "Does the session contain a "
     "ticket?", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PySSLSession_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ssl.SSLSession",
    .tp_basicsize = sizeof(PySSLSession),
    .tp_dealloc = session_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = session_traverse,
    .tp_richcompare = session_richcompare,
    .tp_getset = session_getset,
    .tp_doc = "A TLS session that a later connection can resume.",
};
