/* _ssl._SSLContext: an SSL_CTX with its settings, certificates, trust
   store and callbacks; ssl.SSLContext subclasses it.

   Thread safety: every setter and every method that changes the SSL_CTX
   runs inside the context's critical section; getters read single
   words.  The callbacks that read Python-level state (ALPN selection,
   SNI, key log) run while a socket's handshake holds that socket's
   mutex, re-attach first (_PySSL_CallbackEnter) and then take the
   context's critical section, so they never see a half-written
   protocol list.  No context method takes a socket's mutex, so the
   order socket mutex -> context section cannot deadlock. */
#include "_ssl.h"

#include <errno.h>
#include <openssl/dh.h>
#include <openssl/pem.h>

/* The cipher list new contexts start with: forward secrecy, AEAD first,
   nothing anonymous, exportable or SHA-1-based. */
#define DEFAULT_CIPHERS \
    "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:" \
    "!eNULL:!aDSS:!SHA1:!AESCCM"

#define CONTEXT(op) ((PySSLContext *)(op))

/* ---- creation ----------------------------------------------------------- */

static const SSL_METHOD *method_for(int protocol)
{
    switch (protocol) {
    case PY_SSL_VERSION_TLS:
    case PY_SSL_VERSION_TLS1:
    case PY_SSL_VERSION_TLS1_1:
    case PY_SSL_VERSION_TLS1_2:
        return TLS_method();
    case PY_SSL_VERSION_TLS_CLIENT:
        return TLS_client_method();
    case PY_SSL_VERSION_TLS_SERVER:
        return TLS_server_method();
    default:
        return NULL;
    }
}

/* The fixed version of the old single-version protocols; 0 for any. */
static int fixed_version(int protocol)
{
    switch (protocol) {
    case PY_SSL_VERSION_TLS1:
        return TLS1_VERSION;
    case PY_SSL_VERSION_TLS1_1:
        return TLS1_1_VERSION;
    case PY_SSL_VERSION_TLS1_2:
        return TLS1_2_VERSION;
    default:
        return 0;
    }
}

static int deprecated_protocol_warning(int protocol)
{
    const char *name = NULL;
    switch (protocol) {
    case PY_SSL_VERSION_TLS:
        name = "ssl.PROTOCOL_TLS is deprecated";
        break;
    case PY_SSL_VERSION_TLS1:
        name = "ssl.PROTOCOL_TLSv1 is deprecated";
        break;
    case PY_SSL_VERSION_TLS1_1:
        name = "ssl.PROTOCOL_TLSv1_1 is deprecated";
        break;
    case PY_SSL_VERSION_TLS1_2:
        name = "ssl.PROTOCOL_TLSv1_2 is deprecated";
        break;
    default:
        return 0;
    }
    return PyErr_WarnEx(PyExc_DeprecationWarning, name, 2);
}

static int setup_new_ctx(PySSLContext *self, int protocol)
{
    SSL_CTX *ctx = self->ctx;
    int client = protocol == PY_SSL_VERSION_TLS_CLIENT;
    self->protocol = protocol;
    self->check_hostname = client;
    self->host_flags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    SSL_CTX_set_verify(ctx, client ? SSL_VERIFY_PEER
                                     | SSL_VERIFY_FAIL_IF_NO_PEER_CERT
                                   : SSL_VERIFY_NONE, NULL);
    uint64_t options = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)
                       | SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3
                       | SSL_OP_NO_COMPRESSION
                       | SSL_OP_CIPHER_SERVER_PREFERENCE
                       | SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE;
    SSL_CTX_set_options(ctx, options);
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS
                          | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
                          | SSL_MODE_AUTO_RETRY);
    int fixed = fixed_version(protocol);
    if (fixed != 0) {
        SSL_CTX_set_min_proto_version(ctx, fixed);
        SSL_CTX_set_max_proto_version(ctx, fixed);
    }
    else {
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    }
    if (!SSL_CTX_set_cipher_list(ctx, DEFAULT_CIPHERS)) {
        ERR_clear_error();
        PyErr_SetString(PySSLErrorObject, "No cipher can be selected.");
        return -1;
    }
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_TRUSTED_FIRST);
    X509_VERIFY_PARAM_set_hostflags(param, self->host_flags);
    SSL_CTX_set_session_id_context(ctx, (const unsigned char *)"Python",
                                   6);
    return 0;
}

static void keylog_callback(const SSL *ssl, const char *line);

static PyObject *context_new(PyTypeObject *type, PyObject *args,
                             PyObject *kwds)
{
    int protocol;
    if (!_PyArg_NoKeywords("_SSLContext", kwds)
        || !PyArg_ParseTuple(args, "i:_SSLContext", &protocol)) {
        return NULL;
    }
    const SSL_METHOD *method = method_for(protocol);
    if (method == NULL) {
        PyErr_SetString(PyExc_ValueError, "invalid or unsupported protocol "
                        "version");
        return NULL;
    }
    if (deprecated_protocol_warning(protocol) < 0) {
        return NULL;
    }
    SSL_CTX *ctx = SSL_CTX_new(method);
    if (ctx == NULL) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    PySSLContext *self = (PySSLContext *)type->tp_alloc(type, 0);
    if (self == NULL) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    self->ctx = ctx;
    if (setup_new_ctx(self, protocol) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int context_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(CONTEXT(op)->sni_callback);
    Py_VISIT(CONTEXT(op)->psk_client_callback);
    Py_VISIT(CONTEXT(op)->psk_server_callback);
    return 0;
}

static int context_clear(PyObject *op)
{
    Py_CLEAR(CONTEXT(op)->sni_callback);
    Py_CLEAR(CONTEXT(op)->psk_client_callback);
    Py_CLEAR(CONTEXT(op)->psk_server_callback);
    return 0;
}

static void context_dealloc(PyObject *op)
{
    PySSLContext *self = CONTEXT(op);
    PyObject_GC_UnTrack(op);
    context_clear(op);
    Py_CLEAR(self->keylog_filename);
    if (self->keylog_bio != NULL) {
        BIO_free_all(self->keylog_bio);
    }
    SSL_CTX_free(self->ctx);
    PyMem_Free(self->alpn);
    Py_TYPE(op)->tp_free(op);
}

/* ---- wrapping ----------------------------------------------------------- */

static PyObject *context_wrap_socket(PyObject *op, PyObject *args,
                                     PyObject *kwds)
{
    static char *kwlist[] = {"sock", "server_side", "server_hostname",
                             "owner", "session", NULL};
    PyObject *sock, *hostname = Py_None, *owner = Py_None;
    PyObject *session = Py_None;
    int server_side;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Op|O$OO:_wrap_socket",
                                     kwlist, &sock, &server_side, &hostname,
                                     &owner, &session)) {
        return NULL;
    }
    return _PySSL_NewSocket(CONTEXT(op), sock, NULL, NULL, server_side,
                            hostname, owner, session);
}

static PyObject *context_wrap_bio(PyObject *op, PyObject *args,
                                  PyObject *kwds)
{
    static char *kwlist[] = {"incoming", "outgoing", "server_side",
                             "server_hostname", "owner", "session", NULL};
    PyObject *incoming, *outgoing, *hostname = Py_None;
    PyObject *owner = Py_None, *session = Py_None;
    int server_side;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!p|O$OO:_wrap_bio",
                                     kwlist, &PySSLMemoryBIO_Type, &incoming,
                                     &PySSLMemoryBIO_Type, &outgoing,
                                     &server_side, &hostname, &owner,
                                     &session)) {
        return NULL;
    }
    return _PySSL_NewSocket(CONTEXT(op), NULL, (PySSLMemoryBIO *)incoming,
                            (PySSLMemoryBIO *)outgoing, server_side,
                            hostname, owner, session);
}

/* ---- ciphers ------------------------------------------------------------ */

static PyObject *context_set_ciphers(PyObject *op, PyObject *arg)
{
    const char *list = PyUnicode_Check(arg) ? PyUnicode_AsUTF8(arg) : NULL;
    if (list == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "set_ciphers() argument must be "
                         "str, not %.100s", Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = SSL_CTX_set_cipher_list(CONTEXT(op)->ctx, list);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        /* OpenSSL's error says nothing more useful than this. */
        ERR_clear_error();
        PyErr_SetString(PySSLErrorObject, "No cipher can be selected.");
        return NULL;
    }
    Py_RETURN_NONE;
}

static const char *nid_long_name(int nid)
{
    return nid == NID_undef ? NULL : OBJ_nid2ln(nid);
}

static PyObject *cipher_to_dict(const SSL_CIPHER *cipher)
{
    char desc[256];
    int alg_bits = 0;
    SSL_CIPHER_description(cipher, desc, sizeof(desc));
    size_t len = strlen(desc);
    while (len > 0 && (desc[len - 1] == '\n' || desc[len - 1] == ' ')) {
        desc[--len] = '\0';
    }
    int strength = SSL_CIPHER_get_bits(cipher, &alg_bits);
    return Py_BuildValue(
        "{sksssssssisiszszszszsN}",
        "id", (unsigned long)SSL_CIPHER_get_id(cipher),
        "name", SSL_CIPHER_get_name(cipher),
        "protocol", SSL_CIPHER_get_version(cipher),
        "description", desc,
        "strength_bits", strength,
        "alg_bits", alg_bits,
        "symmetric", nid_long_name(SSL_CIPHER_get_cipher_nid(cipher)),
        "digest", nid_long_name(SSL_CIPHER_get_digest_nid(cipher)),
        "kea", nid_long_name(SSL_CIPHER_get_kx_nid(cipher)),
        "auth", nid_long_name(SSL_CIPHER_get_auth_nid(cipher)),
        "aead", PyBool_FromLong(SSL_CIPHER_is_aead(cipher)));
}

static PyObject *context_get_ciphers(PyObject *op,
                                     PyObject *Py_UNUSED(ignored))
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    SSL *ssl = SSL_new(CONTEXT(op)->ctx);
    if (ssl == NULL) {
        _PySSL_SetError(NULL, __LINE__);
    }
    else {
        /* The SSL's list has the context's order and drops ciphers that
           the protocol range excludes. */
        STACK_OF(SSL_CIPHER) *ciphers = SSL_get_ciphers(ssl);
        result = PyList_New(0);
        for (int i = 0; result != NULL && i < sk_SSL_CIPHER_num(ciphers);
             i++) {
            PyObject *d = cipher_to_dict(sk_SSL_CIPHER_value(ciphers, i));
            if (d == NULL || PyList_Append(result, d) < 0) {
                Py_CLEAR(result);
            }
            Py_XDECREF(d);
        }
        SSL_free(ssl);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ---- ALPN --------------------------------------------------------------- */

/* Server side: pick the first of our protocols the client offers. */
static int alpn_select_callback(SSL *ssl, const unsigned char **out,
                                unsigned char *outlen,
                                const unsigned char *client,
                                unsigned int client_len, void *arg)
{
    PySSLContext *ctx = arg;
    PySSLSocket *s = _PySSL_SocketFromSSL(ssl);
    int status = SSL_TLSEXT_ERR_NOACK;
    PyThreadState *tstate = s ? _PySSL_CallbackEnter(s) : NULL;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    if (ctx->alpn != NULL
        && SSL_select_next_proto((unsigned char **)out, outlen, ctx->alpn,
                                 ctx->alpn_len, client, client_len)
           == OPENSSL_NPN_NEGOTIATED) {
        status = SSL_TLSEXT_ERR_OK;
    }
    Py_END_CRITICAL_SECTION();
    if (s != NULL) {
        _PySSL_CallbackLeave(s, tstate);
    }
    return status;
}

static PyObject *context_set_alpn_protocols(PyObject *op, PyObject *arg)
{
    PySSLContext *self = CONTEXT(op);
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf.len > UINT_MAX) {
        PyErr_Format(PyExc_OverflowError, "protocols longer than %u bytes",
                     UINT_MAX);
        PyBuffer_Release(&buf);
        return NULL;
    }
    unsigned char *copy = PyMem_Malloc(buf.len ? buf.len : 1);
    if (copy == NULL) {
        PyBuffer_Release(&buf);
        return PyErr_NoMemory();
    }
    memcpy(copy, buf.buf, buf.len);
    int failed;
    Py_BEGIN_CRITICAL_SECTION(op);
    PyMem_Free(self->alpn);
    self->alpn = copy;
    self->alpn_len = (unsigned int)buf.len;
    /* SSL_CTX_set_alpn_protos returns 0 on success. */
    failed = SSL_CTX_set_alpn_protos(self->ctx, copy, self->alpn_len);
    SSL_CTX_set_alpn_select_cb(self->ctx, alpn_select_callback, self);
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&buf);
    if (failed) {
        return PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

/* ---- certificates and keys ---------------------------------------------- */

/* What the password callback works with while load_cert_chain runs
   (attached, so it may call Python). */
typedef struct {
    PyObject *password;       /* borrowed: str, bytes-like or callable */
    int raised;               /* the callback set a Python exception */
} PasswordInfo;

/* The password as bytes (new reference); NULL with TypeError/ValueError. */
static PyObject *password_bytes(PyObject *value, int from_callable)
{
    if (PyUnicode_Check(value)) {
        return PyUnicode_AsUTF8String(value);
    }
    if (PyBytes_Check(value)) {
        return Py_NewRef(value);
    }
    if (PyByteArray_Check(value)) {
        return PyBytes_FromStringAndSize(PyByteArray_AS_STRING(value),
                                         PyByteArray_GET_SIZE(value));
    }
    PyErr_SetString(PyExc_TypeError, from_callable
                    ? "password callback must return a string"
                    : "password should be a string or callable");
    return NULL;
}

static int password_callback(char *buf, int size, int rwflag, void *userdata)
{
    (void)rwflag;
    PasswordInfo *info = userdata;
    if (info->raised) {
        return -1;
    }
    PyObject *value;
    int from_callable = PyCallable_Check(info->password);
    if (from_callable) {
        PyObject *ret = PyObject_CallNoArgs(info->password);
        value = ret ? password_bytes(ret, 1) : NULL;
        Py_XDECREF(ret);
    }
    else {
        value = password_bytes(info->password, 0);
    }
    if (value == NULL) {
        info->raised = 1;
        return -1;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(value);
    if (len > size) {
        PyErr_Format(PyExc_ValueError,
                     "password cannot be longer than %d bytes", size);
        Py_DECREF(value);
        info->raised = 1;
        return -1;
    }
    memcpy(buf, PyBytes_AS_STRING(value), len);
    Py_DECREF(value);
    return (int)len;
}

/* Raise OSError when OpenSSL failed opening a file (errno set), else
   SSLError from the queue. */
static PyObject *file_error(int saved_errno)
{
    if (saved_errno != 0) {
        ERR_clear_error();
        errno = saved_errno;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return _PySSL_SetError(NULL, __LINE__);
}

static PyObject *fs_path(PyObject *obj, const char *what)
{
    PyObject *bytes = NULL;
    if (!PyUnicode_FSConverter(obj, &bytes)) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "%s should be a valid filesystem "
                         "path", what);
        }
        return NULL;
    }
    return bytes;
}

static PyObject *context_load_cert_chain(PyObject *op, PyObject *args,
                                         PyObject *kwds)
{
    static char *kwlist[] = {"certfile", "keyfile", "password", NULL};
    PyObject *certfile, *keyfile = Py_None, *password = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:load_cert_chain",
                                     kwlist, &certfile, &keyfile,
                                     &password)) {
        return NULL;
    }
    if (password != Py_None && !PyCallable_Check(password)
        && !PyUnicode_Check(password) && !PyObject_CheckBuffer(password)) {
        PyErr_SetString(PyExc_TypeError,
                        "password should be a string or callable");
        return NULL;
    }
    PyObject *cert = fs_path(certfile, "certfile");
    if (cert == NULL) {
        return NULL;
    }
    PyObject *key = keyfile == Py_None ? Py_NewRef(cert)
                                       : fs_path(keyfile, "keyfile");
    if (key == NULL) {
        Py_DECREF(cert);
        return NULL;
    }
    PySSLContext *self = CONTEXT(op);
    PasswordInfo info = {password, 0};
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    SSL_CTX *ctx = self->ctx;
    pem_password_cb *old_cb = SSL_CTX_get_default_passwd_cb(ctx);
    void *old_data = SSL_CTX_get_default_passwd_cb_userdata(ctx);
    if (password != Py_None) {
        SSL_CTX_set_default_passwd_cb(ctx, password_callback);
        SSL_CTX_set_default_passwd_cb_userdata(ctx, &info);
    }
    errno = 0;
    if (SSL_CTX_use_certificate_chain_file(ctx, PyBytes_AS_STRING(cert))
        != 1) {
        if (!info.raised) {
            file_error(errno);
        }
    }
    else if (errno = 0,
             SSL_CTX_use_PrivateKey_file(ctx, PyBytes_AS_STRING(key),
                                         SSL_FILETYPE_PEM) != 1) {
        if (!info.raised) {
            file_error(errno);
        }
    }
    else if (SSL_CTX_check_private_key(ctx) != 1) {
        _PySSL_SetError(NULL, __LINE__);
    }
    else {
        result = Py_NewRef(Py_None);
    }
    if (info.raised) {
        ERR_clear_error();
    }
    SSL_CTX_set_default_passwd_cb(ctx, old_cb);
    SSL_CTX_set_default_passwd_cb_userdata(ctx, old_data);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(cert);
    Py_DECREF(key);
    return result;
}

/* Add every certificate of cadata to the store: PEM text (str) or
   concatenated DER (bytes-like). */
static int load_cadata(PySSLContext *self, const char *data, Py_ssize_t len,
                       int pem)
{
    if (len == 0) {
        PyErr_SetString(PyExc_ValueError, "Empty certificate data");
        return -1;
    }
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    if (bio == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(self->ctx);
    int loaded = 0;
    for (;;) {
        X509 *cert = pem ? PEM_read_bio_X509(bio, NULL, NULL, NULL)
                         : d2i_X509_bio(bio, NULL);
        if (cert == NULL) {
            break;
        }
        int ok = X509_STORE_add_cert(store, cert);
        X509_free(cert);
        if (!ok) {
            unsigned long err = ERR_peek_last_error();
            if (ERR_GET_LIB(err) != ERR_LIB_X509
                || ERR_GET_REASON(err) != X509_R_CERT_ALREADY_IN_HASH_TABLE) {
                BIO_free(bio);
                _PySSL_SetError(NULL, __LINE__);
                return -1;
            }
            ERR_clear_error();
        }
        loaded++;
    }
    BIO_free(bio);
    unsigned long err = ERR_peek_last_error();
    int at_end = pem ? ERR_GET_LIB(err) == ERR_LIB_PEM
                       && ERR_GET_REASON(err) == PEM_R_NO_START_LINE
                     : ERR_GET_LIB(err) == ERR_LIB_ASN1
                       && (ERR_GET_REASON(err) == ASN1_R_HEADER_TOO_LONG
                           || ERR_GET_REASON(err) == ASN1_R_NOT_ENOUGH_DATA);
    if (loaded == 0) {
        ERR_clear_error();
        PyErr_SetString(PySSLErrorObject, pem
                        ? "no start line: cadata does not contain a "
                          "certificate"
                        : "not enough data: cadata does not contain a "
                          "certificate");
        return -1;
    }
    if (err != 0 && !at_end) {
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    ERR_clear_error();
    return 0;
}

static int load_cadata_object(PySSLContext *self, PyObject *cadata)
{
    if (PyUnicode_Check(cadata)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(cadata, &len);
        if (text == NULL) {
            return -1;
        }
        if (!PyUnicode_IS_ASCII(cadata)) {
            PyErr_SetString(PyExc_TypeError, "cadata should be an ASCII "
                            "string or a bytes-like object");
            return -1;
        }
        return load_cadata(self, text, len, 1);
    }
    Py_buffer buf;
    if (PyObject_GetBuffer(cadata, &buf, PyBUF_SIMPLE) < 0) {
        PyErr_SetString(PyExc_TypeError, "cadata should be an ASCII string "
                        "or a bytes-like object");
        return -1;
    }
    int status = load_cadata(self, buf.buf, buf.len, 0);
    PyBuffer_Release(&buf);
    return status;
}

static PyObject *context_load_verify_locations(PyObject *op, PyObject *args,
                                               PyObject *kwds)
{
    static char *kwlist[] = {"cafile", "capath", "cadata", NULL};
    PyObject *cafile = Py_None, *capath = Py_None, *cadata = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:load_verify_locations",
                                     kwlist, &cafile, &capath, &cadata)) {
        return NULL;
    }
    if (cafile == Py_None && capath == Py_None && cadata == Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "cafile, capath and cadata cannot be all omitted");
        return NULL;
    }
    PyObject *file = NULL, *path = NULL, *result = NULL;
    if ((cafile != Py_None && (file = fs_path(cafile, "cafile")) == NULL)
        || (capath != Py_None
            && (path = fs_path(capath, "capath")) == NULL)) {
        goto done;
    }
    PySSLContext *self = CONTEXT(op);
    Py_BEGIN_CRITICAL_SECTION(op);
    int ok = 1;
    if (cadata != Py_None) {
        ok = load_cadata_object(self, cadata) == 0;
    }
    if (ok && (file != NULL || path != NULL)) {
        errno = 0;
        if (SSL_CTX_load_verify_locations(
                self->ctx, file ? PyBytes_AS_STRING(file) : NULL,
                path ? PyBytes_AS_STRING(path) : NULL) != 1) {
            file_error(errno);
            ok = 0;
        }
    }
    if (ok) {
        result = Py_NewRef(Py_None);
    }
    Py_END_CRITICAL_SECTION();
done:
    Py_XDECREF(file);
    Py_XDECREF(path);
    return result;
}

static PyObject *context_set_default_verify_paths(
    PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = SSL_CTX_set_default_verify_paths(CONTEXT(op)->ctx);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    Py_RETURN_NONE;
}

static PyObject *context_load_dh_params(PyObject *op, PyObject *arg)
{
    PyObject *path = fs_path(arg, "path");
    if (path == NULL) {
        return NULL;
    }
    errno = 0;
    BIO *bio = BIO_new_file(PyBytes_AS_STRING(path), "r");
    Py_DECREF(path);
    if (bio == NULL) {
        return file_error(errno ? errno : ENOENT);
    }
    EVP_PKEY *params = PEM_read_bio_Parameters(bio, NULL);
    BIO_free(bio);
    if (params == NULL) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    /* On success the context owns params. */
    ok = SSL_CTX_set0_tmp_dh_pkey(CONTEXT(op)->ctx, params);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        EVP_PKEY_free(params);
        return _PySSL_SetError(NULL, __LINE__);
    }
    Py_RETURN_NONE;
}

static PyObject *context_set_ecdh_curve(PyObject *op, PyObject *arg)
{
    PyObject *bytes;
    if (!PyUnicode_FSConverter(arg, &bytes)) {
        return NULL;
    }
    int nid = OBJ_sn2nid(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    if (nid == NID_undef) {
        PyErr_Format(PyExc_ValueError, "unknown elliptic curve name %R",
                     arg);
        return NULL;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = SSL_CTX_set1_groups(CONTEXT(op)->ctx, &nid, 1);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    Py_RETURN_NONE;
}

/* ---- statistics and the trust store ------------------------------------- */

static PyObject *context_session_stats(PyObject *op,
                                       PyObject *Py_UNUSED(ignored))
{
    SSL_CTX *ctx = CONTEXT(op)->ctx;
    return Py_BuildValue(
        "{slslslslslslslslslslsl}",
        "number", SSL_CTX_sess_number(ctx),
        "connect", SSL_CTX_sess_connect(ctx),
        "connect_good", SSL_CTX_sess_connect_good(ctx),
        "connect_renegotiate", SSL_CTX_sess_connect_renegotiate(ctx),
        "accept", SSL_CTX_sess_accept(ctx),
        "accept_good", SSL_CTX_sess_accept_good(ctx),
        "accept_renegotiate", SSL_CTX_sess_accept_renegotiate(ctx),
        "hits", SSL_CTX_sess_hits(ctx),
        "misses", SSL_CTX_sess_misses(ctx),
        "timeouts", SSL_CTX_sess_timeouts(ctx),
        "cache_full", SSL_CTX_sess_cache_full(ctx));
}

static PyObject *context_cert_store_stats(PyObject *op,
                                          PyObject *Py_UNUSED(ignored))
{
    long x509 = 0, ca = 0, crl = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    X509_STORE *store = SSL_CTX_get_cert_store(CONTEXT(op)->ctx);
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *obj = sk_X509_OBJECT_value(objs, i);
        switch (X509_OBJECT_get_type(obj)) {
        case X509_LU_X509:
            x509++;
            if (X509_check_ca(X509_OBJECT_get0_X509(obj))) {
                ca++;
            }
            break;
        case X509_LU_CRL:
            crl++;
            break;
        default:
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return Py_BuildValue("{slslsl}", "x509", x509, "crl", crl, "x509_ca",
                         ca);
}

static PyObject *context_get_ca_certs(PyObject *op, PyObject *args,
                                      PyObject *kwds)
{
    static char *kwlist[] = {"binary_form", NULL};
    int binary = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:get_ca_certs", kwlist,
                                     &binary)) {
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    X509_STORE *store = SSL_CTX_get_cert_store(CONTEXT(op)->ctx);
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    for (int i = 0; list != NULL && i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *obj = sk_X509_OBJECT_value(objs, i);
        if (X509_OBJECT_get_type(obj) != X509_LU_X509) {
            continue;
        }
        X509 *cert = X509_OBJECT_get0_X509(obj);
        if (!X509_check_ca(cert)) {
            continue;
        }
        PyObject *item = binary ? _PySSL_CertToDER(cert)
                                : _PySSL_DecodeCertificate(cert);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(item);
    }
    Py_END_CRITICAL_SECTION();
    return list;
}

/* ---- properties --------------------------------------------------------- */

static int int_value(PyObject *value, const char *name, long *out)
{
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "cannot delete %s", name);
        return -1;
    }
    *out = PyLong_AsLong(value);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *get_verify_mode(PyObject *op, void *Py_UNUSED(c))
{
    int mode = SSL_CTX_get_verify_mode(CONTEXT(op)->ctx);
    if (mode & SSL_VERIFY_FAIL_IF_NO_PEER_CERT) {
        return PyLong_FromLong(PY_SSL_CERT_REQUIRED);
    }
    return PyLong_FromLong(mode & SSL_VERIFY_PEER ? PY_SSL_CERT_OPTIONAL
                                                  : PY_SSL_CERT_NONE);
}

static int set_verify_mode_locked(PySSLContext *self, long mode)
{
    int flags;
    switch (mode) {
    case PY_SSL_CERT_NONE:
        flags = SSL_VERIFY_NONE;
        break;
    case PY_SSL_CERT_OPTIONAL:
        flags = SSL_VERIFY_PEER;
        break;
    case PY_SSL_CERT_REQUIRED:
        flags = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "invalid value for verify_mode");
        return -1;
    }
    if (mode == PY_SSL_CERT_NONE && self->check_hostname) {
        PyErr_SetString(PyExc_ValueError, "Cannot set verify_mode to "
                        "CERT_NONE when check_hostname is enabled.");
        return -1;
    }
    SSL_CTX_set_verify(self->ctx, flags, NULL);
    return 0;
}

static int set_verify_mode(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    long mode;
    if (int_value(value, "verify_mode", &mode) < 0) {
        return -1;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(op);
    status = set_verify_mode_locked(CONTEXT(op), mode);
    Py_END_CRITICAL_SECTION();
    return status;
}

static PyObject *get_check_hostname(PyObject *op, void *Py_UNUSED(c))
{
    return PyBool_FromLong(CONTEXT(op)->check_hostname);
}

static int set_check_hostname(PyObject *op, PyObject *value,
                              void *Py_UNUSED(c))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete check_hostname");
        return -1;
    }
    int on = PyObject_IsTrue(value);
    if (on < 0) {
        return -1;
    }
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    PySSLContext *self = CONTEXT(op);
    /* Checking a name without checking the chain means nothing. */
    if (on && SSL_CTX_get_verify_mode(self->ctx) == SSL_VERIFY_NONE) {
        status = set_verify_mode_locked(self, PY_SSL_CERT_REQUIRED);
    }
    self->check_hostname = on;
    Py_END_CRITICAL_SECTION();
    return status;
}

static PyObject *get_host_flags(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromUnsignedLong(CONTEXT(op)->host_flags);
}

static int set_host_flags(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    long flags;
    if (int_value(value, "_host_flags", &flags) < 0) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    PySSLContext *self = CONTEXT(op);
    self->host_flags = (unsigned int)flags;
    X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(self->ctx),
                                    self->host_flags);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *get_verify_flags(PyObject *op, void *Py_UNUSED(c))
{
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(CONTEXT(op)->ctx);
    return PyLong_FromUnsignedLong(X509_VERIFY_PARAM_get_flags(param));
}

static int set_verify_flags(PyObject *op, PyObject *value,
                            void *Py_UNUSED(c))
{
    long flags;
    if (int_value(value, "verify_flags", &flags) < 0) {
        return -1;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(CONTEXT(op)->ctx);
    unsigned long old = X509_VERIFY_PARAM_get_flags(param);
    unsigned long clear = old & ~(unsigned long)flags;
    unsigned long set = ~old & (unsigned long)flags;
    ok = (clear == 0 || X509_VERIFY_PARAM_clear_flags(param, clear))
         && (set == 0 || X509_VERIFY_PARAM_set_flags(param, set));
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        _PySSL_SetError(NULL, __LINE__);
        return -1;
    }
    return 0;
}

static PyObject *get_options(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromUnsignedLongLong(SSL_CTX_get_options(CONTEXT(op)->ctx));
}

static int set_options(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete options");
        return -1;
    }
    unsigned long long wanted = PyLong_AsUnsignedLongLong(value);
    if (wanted == (unsigned long long)-1 && PyErr_Occurred()) {
        return -1;
    }
    const uint64_t deprecated = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3
                                | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1
                                | SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
    uint64_t old = SSL_CTX_get_options(CONTEXT(op)->ctx);
    if ((~old & wanted & deprecated)
        && PyErr_WarnEx(PyExc_DeprecationWarning, "ssl.OP_NO_SSL*/ssl.OP_NO_"
                        "TLS* options are deprecated", 2) < 0) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    SSL_CTX *ctx = CONTEXT(op)->ctx;
    old = SSL_CTX_get_options(ctx);
    SSL_CTX_clear_options(ctx, old & ~wanted);
    SSL_CTX_set_options(ctx, wanted & ~old);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *get_protocol(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(CONTEXT(op)->protocol);
}

static PyObject *version_value(int version, int minimum)
{
    if (version == 0) {
        return PyLong_FromLong(minimum ? -2 : -1);
    }
    return PyLong_FromLong(version);
}

static PyObject *get_minimum_version(PyObject *op, void *Py_UNUSED(c))
{
    return version_value(SSL_CTX_get_min_proto_version(CONTEXT(op)->ctx), 1);
}

static PyObject *get_maximum_version(PyObject *op, void *Py_UNUSED(c))
{
    return version_value(SSL_CTX_get_max_proto_version(CONTEXT(op)->ctx), 0);
}

static int set_version(PyObject *op, PyObject *value, int minimum)
{
    long v;
    if (int_value(value, minimum ? "minimum_version" : "maximum_version",
                  &v) < 0) {
        return -1;
    }
    PySSLContext *self = CONTEXT(op);
    if (fixed_version(self->protocol) != 0) {
        PyErr_SetString(PyExc_ValueError, "The context's protocol doesn't "
                        "support modification of highest and lowest "
                        "version.");
        return -1;
    }
    int version;
    if (v == -2 || v == -1) {
        /* PROTO_MINIMUM_SUPPORTED and PROTO_MAXIMUM_SUPPORTED mean
           OpenSSL's own limit at either end. */
        version = (v == -2) == minimum ? 0 : (v == -2 ? SSL3_VERSION
                                                      : TLS1_3_VERSION);
    }
    else if (v == SSL3_VERSION || v == TLS1_VERSION || v == TLS1_1_VERSION
             || v == TLS1_2_VERSION || v == TLS1_3_VERSION) {
        version = (int)v;
    }
    else {
        PyErr_Format(PyExc_ValueError, "Unsupported TLS/SSL version 0x%x",
                     (unsigned int)v);
        return -1;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = minimum ? SSL_CTX_set_min_proto_version(self->ctx, version)
                 : SSL_CTX_set_max_proto_version(self->ctx, version);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        ERR_clear_error();
        PyErr_Format(PyExc_ValueError, "Unsupported protocol version 0x%x",
                     (unsigned int)v);
        return -1;
    }
    return 0;
}

static int set_minimum_version(PyObject *op, PyObject *v, void *Py_UNUSED(c))
{
    return set_version(op, v, 1);
}

static int set_maximum_version(PyObject *op, PyObject *v, void *Py_UNUSED(c))
{
    return set_version(op, v, 0);
}

static PyObject *get_num_tickets(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromSize_t(SSL_CTX_get_num_tickets(CONTEXT(op)->ctx));
}

static int set_num_tickets(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    long n;
    if (int_value(value, "num_tickets", &n) < 0) {
        return -1;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be non-negative");
        return -1;
    }
    if (CONTEXT(op)->protocol != PY_SSL_VERSION_TLS_SERVER) {
        PyErr_SetString(PyExc_ValueError, "SSLContext is not a server "
                        "context.");
        return -1;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = SSL_CTX_set_num_tickets(CONTEXT(op)->ctx, (size_t)n);
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "failed to set num tickets.");
        return -1;
    }
    return 0;
}

static PyObject *get_security_level(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(SSL_CTX_get_security_level(CONTEXT(op)->ctx));
}

static PyObject *get_post_handshake_auth(PyObject *op, void *Py_UNUSED(c))
{
    return PyBool_FromLong(CONTEXT(op)->post_handshake_auth);
}

static int set_post_handshake_auth(PyObject *op, PyObject *value,
                                   void *Py_UNUSED(c))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int on = PyObject_IsTrue(value);
    if (on < 0) {
        return -1;
    }
    CONTEXT(op)->post_handshake_auth = on;
    return 0;
}

/* ---- SNI ---------------------------------------------------------------- */

/* Calls sni_callback(ssl_object, server_name, context) during a server
   handshake; its int result is an alert to send. */
static int servername_callback(SSL *ssl, int *alert, void *arg)
{
    PySSLContext *ctx = arg;
    PySSLSocket *s = _PySSL_SocketFromSSL(ssl);
    if (s == NULL) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    int status = SSL_TLSEXT_ERR_OK;
    PyThreadState *tstate = _PySSL_CallbackEnter(s);
    PyObject *callback = NULL;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    callback = Py_XNewRef(ctx->sni_callback);
    Py_END_CRITICAL_SECTION();
    if (callback == NULL) {
        goto done;
    }
    PyObject *target = NULL;
    if (s->owner != NULL) {
        PyWeakref_GetRef(s->owner, &target);
    }
    if (target == NULL) {
        target = Py_NewRef((PyObject *)s);
    }
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    PyObject *py_name = name ? PyUnicode_DecodeASCII(name, strlen(name),
                                                     "strict")
                             : Py_NewRef(Py_None);
    PyObject *ret = py_name ? PyObject_CallFunctionObjArgs(
                                  callback, target, py_name, (PyObject *)ctx,
                                  NULL)
                            : NULL;
    Py_XDECREF(py_name);
    Py_DECREF(target);
    if (ret == NULL) {
        PyErr_FormatUnraisable("Exception ignored in the SNI callback %R",
                               callback);
        *alert = SSL_AD_HANDSHAKE_FAILURE;
        status = SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    else if (ret != Py_None) {
        long value = PyLong_Check(ret) ? PyLong_AsLong(ret) : -1;
        if (value == -1 && (PyErr_Occurred() || !PyLong_Check(ret))) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "servername callback must "
                                "return None or an integer");
            }
            PyErr_FormatUnraisable("Exception ignored in the SNI callback "
                                   "%R", callback);
            value = SSL_AD_INTERNAL_ERROR;
        }
        *alert = (int)value;
        status = SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    Py_XDECREF(ret);
    Py_DECREF(callback);
done:
    _PySSL_CallbackLeave(s, tstate);
    return status;
}

static PyObject *get_sni_callback(PyObject *op, void *Py_UNUSED(c))
{
    PyObject *cb;
    Py_BEGIN_CRITICAL_SECTION(op);
    cb = Py_XNewRef(CONTEXT(op)->sni_callback);
    Py_END_CRITICAL_SECTION();
    return cb ? cb : Py_NewRef(Py_None);
}

static int set_sni_callback(PyObject *op, PyObject *value,
                            void *Py_UNUSED(c))
{
    if (CONTEXT(op)->protocol == PY_SSL_VERSION_TLS_CLIENT) {
        PyErr_SetString(PyExc_ValueError,
                        "sni_callback cannot be set on TLS_CLIENT context");
        return -1;
    }
    if (value != NULL && value != Py_None && !PyCallable_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "not a callable object");
        return -1;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    PySSLContext *self = CONTEXT(op);
    old = self->sni_callback;
    if (value == NULL || value == Py_None) {
        self->sni_callback = NULL;
        SSL_CTX_set_tlsext_servername_callback(self->ctx, NULL);
    }
    else {
        self->sni_callback = Py_NewRef(value);
        SSL_CTX_set_tlsext_servername_callback(self->ctx,
                                               servername_callback);
        SSL_CTX_set_tlsext_servername_arg(self->ctx, self);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return 0;
}

/* ---- key log ------------------------------------------------------------ */

/* Appends one NSS key log line; lines of concurrent handshakes are kept
   whole by keylog_mutex. */
static void keylog_callback(const SSL *ssl, const char *line)
{
    PySSLSocket *s = _PySSL_SocketFromSSL(ssl);
    if (s == NULL) {
        return;
    }
    PyThreadState *tstate = _PySSL_CallbackEnter(s);
    PySSLContext *ctx = s->ctx;
    PyMutex_Lock(&ctx->keylog_mutex);
    if (ctx->keylog_bio != NULL) {
        BIO_printf(ctx->keylog_bio, "%s\n", line);
        BIO_flush(ctx->keylog_bio);
    }
    PyMutex_Unlock(&ctx->keylog_mutex);
    _PySSL_CallbackLeave(s, tstate);
}

static PyObject *get_keylog_filename(PyObject *op, void *Py_UNUSED(c))
{
    PyObject *name;
    Py_BEGIN_CRITICAL_SECTION(op);
    name = Py_XNewRef(CONTEXT(op)->keylog_filename);
    Py_END_CRITICAL_SECTION();
    return name ? name : Py_NewRef(Py_None);
}

static int set_keylog_filename(PyObject *op, PyObject *value,
                               void *Py_UNUSED(c))
{
    PySSLContext *self = CONTEXT(op);
    BIO *bio = NULL;
    if (value != NULL && value != Py_None) {
        PyObject *path = fs_path(value, "keylog_filename");
        if (path == NULL) {
            return -1;
        }
        errno = 0;
        bio = BIO_new_file(PyBytes_AS_STRING(path), "a");
        Py_DECREF(path);
        if (bio == NULL) {
            file_error(errno ? errno : EACCES);
            return -1;
        }
        if (BIO_tell(bio) == 0) {
            BIO_puts(bio, "# TLS secrets log file, generated by OpenSSL / "
                          "Python\n");
            BIO_flush(bio);
        }
    }
    PyObject *old_name;
    BIO *old_bio;
    Py_BEGIN_CRITICAL_SECTION(op);
    PyMutex_Lock(&self->keylog_mutex);
    old_bio = self->keylog_bio;
    old_name = self->keylog_filename;
    self->keylog_bio = bio;
    self->keylog_filename = bio ? Py_NewRef(value) : NULL;
    PyMutex_Unlock(&self->keylog_mutex);
    SSL_CTX_set_keylog_callback(self->ctx, bio ? keylog_callback : NULL);
    Py_END_CRITICAL_SECTION();
    if (old_bio != NULL) {
        BIO_free_all(old_bio);
    }
    Py_XDECREF(old_name);
    return 0;
}

/* ---- the type ----------------------------------------------------------- */

static PyMethodDef context_methods[] = {
    {"_wrap_socket", _PyCFunction_CAST(context_wrap_socket),
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"_wrap_bio", _PyCFunction_CAST(context_wrap_bio),
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"set_ciphers", context_set_ciphers, METH_O,
     "set_ciphers($self, cipherlist, /)\n--\n\nSet the available ciphers "
     "(an OpenSSL cipher list string)."},
    {"get_ciphers", context_get_ciphers, METH_NOARGS,
     "get_ciphers($self, /)\n--\n\nA list of dicts describing the enabled "
     "ciphers, in priority order."},
    {"_set_alpn_protocols", context_set_alpn_protocols, METH_O, NULL},
    {"load_cert_chain", _PyCFunction_CAST(context_load_cert_chain),
     METH_VARARGS | METH_KEYWORDS,
     "load_cert_chain($self, /, certfile, keyfile=None, password=None)\n"
     "--\n\nLoad a certificate chain and its private key."},
    {"load_verify_locations", _PyCFunction_CAST(context_load_verify_locations),
     METH_VARARGS | METH_KEYWORDS,
     "load_verify_locations($self, /, cafile=None, capath=None, "
     "cadata=None)\n--\n\nLoad CA certificates to verify peers with."},
    {"set_default_verify_paths", context_set_default_verify_paths,
     METH_NOARGS,
     "set_default_verify_paths($self, /)\n--\n\nLoad CA certificates from "
     "OpenSSL's default locations."},
    {"load_dh_params", context_load_dh_params, METH_O,
     "load_dh_params($self, path, /)\n--\n\nLoad Diffie-Hellman parameters "
     "from a PEM file."},
    {"set_ecdh_curve", context_set_ecdh_curve, METH_O,
     "set_ecdh_curve($self, name, /)\n--\n\nSet the curve for ECDH key "
     "exchange."},
    {"session_stats", context_session_stats, METH_NOARGS,
     "session_stats($self, /)\n--\n\nSession cache statistics."},
    {"cert_store_stats", context_cert_store_stats, METH_NOARGS,
     "cert_store_stats($self, /)\n--\n\nCounts of loaded certificates and "
     "CRLs."},
    {"get_ca_certs", _PyCFunction_CAST(context_get_ca_certs),
     METH_VARARGS | METH_KEYWORDS,
     "get_ca_certs($self, /, binary_form=False)\n--\n\nThe loaded CA "
     "certificates, as dicts or as DER bytes."},
    {"set_psk_client_callback", _PyCFunction_CAST(_PySSL_SetPskClientCallback),
     METH_VARARGS | METH_KEYWORDS,
     "set_psk_client_callback($self, /, callback)\n--\n\nTLS-PSK on the "
     "client side: callback(hint) returns (identity, psk)."},
    {"set_psk_server_callback", _PyCFunction_CAST(_PySSL_SetPskServerCallback),
     METH_VARARGS | METH_KEYWORDS,
     "set_psk_server_callback($self, /, callback, identity_hint=None)\n--\n"
     "\nTLS-PSK on the server side: callback(identity) returns the psk."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef context_getset[] = {
    {"check_hostname", get_check_hostname, set_check_hostname, NULL, NULL},
    {"_host_flags", get_host_flags, set_host_flags, NULL, NULL},
    {"minimum_version", get_minimum_version, set_minimum_version, NULL,
     NULL},
    {"maximum_version", get_maximum_version, set_maximum_version, NULL,
     NULL},
    {"keylog_filename", get_keylog_filename, set_keylog_filename, NULL,
     NULL},
    {"num_tickets", get_num_tickets, set_num_tickets, NULL, NULL},
    {"options", get_options, set_options, NULL, NULL},
    {"post_handshake_auth", get_post_handshake_auth, set_post_handshake_auth,
     NULL, NULL},
    {"protocol", get_protocol, NULL, NULL, NULL},
    {"security_level", get_security_level, NULL, NULL, NULL},
    {"sni_callback", get_sni_callback, set_sni_callback, NULL, NULL},
    {"verify_flags", get_verify_flags, set_verify_flags, NULL, NULL},
    {"verify_mode", get_verify_mode, set_verify_mode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PySSLContext_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ssl._SSLContext",
    .tp_basicsize = sizeof(PySSLContext),
    .tp_dealloc = context_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = context_traverse,
    .tp_clear = context_clear,
    .tp_methods = context_methods,
    .tp_getset = context_getset,
    .tp_new = context_new,
};
