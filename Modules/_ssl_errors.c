/* The _ssl exception classes, and OpenSSL's errors turned into them.

   An SSLError's args are (code, message) with the message formatted as
   "[LIBRARY: REASON] reason text (_ssl.c:LINE)"; `library` and `reason`
   carry the two names.  OpenSSL 3 has no table of reason *names*, only
   of reason texts ("certificate verify failed"), and for the SSL, X509
   and PEM libraries the names are the texts upper-cased with spaces as
   underscores; the few exceptions are listed in reason_overrides. */
#include "_ssl.h"

#include <errno.h>

PyObject *PySSLErrorObject;
PyObject *PySSLCertVerificationErrorObject;
PyObject *PySSLZeroReturnErrorObject;
PyObject *PySSLWantReadErrorObject;
PyObject *PySSLWantWriteErrorObject;
PyObject *PySSLSyscallErrorObject;
PyObject *PySSLEOFErrorObject;

typedef struct {
    int lib;
    const char *name;
} LibName;

static const LibName lib_names[] = {
    {ERR_LIB_SSL, "SSL"},       {ERR_LIB_X509, "X509"},
    {ERR_LIB_PEM, "PEM"},       {ERR_LIB_ASN1, "ASN1"},
    {ERR_LIB_EVP, "EVP"},       {ERR_LIB_SYS, "SYS"},
    {ERR_LIB_BIO, "BIO"},       {ERR_LIB_BUF, "BUF"},
    {ERR_LIB_PKCS12, "PKCS12"}, {ERR_LIB_PKCS7, "PKCS7"},
    {ERR_LIB_X509V3, "X509V3"}, {ERR_LIB_CRYPTO, "CRYPTO"},
    {ERR_LIB_RAND, "RAND"},     {ERR_LIB_RSA, "RSA"},
    {ERR_LIB_DH, "DH"},         {ERR_LIB_EC, "EC"},
    {ERR_LIB_DSA, "DSA"},       {ERR_LIB_OBJ, "OBJ"},
    {ERR_LIB_CONF, "CONF"},     {ERR_LIB_OSSL_STORE, "OSSL_STORE"},
    {ERR_LIB_OSSL_DECODER, "OSSL_DECODER"},
    {ERR_LIB_PROV, "PROV"},
};

typedef struct {
    int lib;
    int reason;
    const char *name;
} ReasonName;

/* Reasons whose name is not their text in capitals. */
static const ReasonName reason_overrides[] = {
    {ERR_LIB_PEM, PEM_R_NO_START_LINE, "NO_START_LINE"},
    {ERR_LIB_SSL, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE,
     "SSLV3_ALERT_HANDSHAKE_FAILURE"},
    {ERR_LIB_SSL, SSL_R_TLSV1_ALERT_UNKNOWN_CA, "TLSV1_ALERT_UNKNOWN_CA"},
    {ERR_LIB_SSL, SSL_R_UNEXPECTED_EOF_WHILE_READING,
     "UNEXPECTED_EOF_WHILE_READING"},
};

static const char *lib_name(int lib)
{
    for (size_t i = 0; i < sizeof(lib_names) / sizeof(lib_names[0]); i++) {
        if (lib_names[i].lib == lib) {
            return lib_names[i].name;
        }
    }
    return NULL;
}

/* The reason's name as a new str, or None when OpenSSL has no text. */
static PyObject *reason_name(int lib, int reason)
{
    for (size_t i = 0;
         i < sizeof(reason_overrides) / sizeof(reason_overrides[0]); i++) {
        if (reason_overrides[i].lib == lib
            && reason_overrides[i].reason == reason) {
            return PyUnicode_FromString(reason_overrides[i].name);
        }
    }
    const char *text = ERR_reason_error_string(
        ERR_PACK(lib, 0, reason));
    if (text == NULL) {
        Py_RETURN_NONE;
    }
    char name[128];
    size_t n = 0;
    for (; text[n] != '\0' && n < sizeof(name) - 1; n++) {
        char c = text[n];
        name[n] = c == ' ' || c == '-' ? '_'
                  : (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    name[n] = '\0';
    return PyUnicode_FromString(name);
}

/* Raise `type`(code, message) with library, reason and, for
   verification failures, verify_code/verify_message set.  Steals
   nothing; every argument may be NULL/None. */
static PyObject *raise_ssl(PyObject *type, int code, const char *text,
                           PyObject *library, PyObject *reason,
                           PyObject *verify_code, PyObject *verify_message,
                           int line)
{
    PyObject *msg;
    int has_lib = library != NULL && library != Py_None;
    int has_reason = reason != NULL && reason != Py_None;
    int has_verify = verify_message != NULL && verify_message != Py_None;
    if (has_lib && has_reason && has_verify) {
        msg = PyUnicode_FromFormat("[%S: %S] %s: %S (_ssl.c:%d)", library,
                                   reason, text, verify_message, line);
    }
    else if (has_lib && has_reason) {
        msg = PyUnicode_FromFormat("[%S: %S] %s (_ssl.c:%d)", library,
                                   reason, text, line);
    }
    else if (has_lib) {
        msg = PyUnicode_FromFormat("[%S] %s (_ssl.c:%d)", library, text,
                                   line);
    }
    else {
        msg = PyUnicode_FromFormat("%s (_ssl.c:%d)", text, line);
    }
    if (msg == NULL) {
        return NULL;
    }
    PyObject *exc = PyObject_CallFunction(type, "iN", code, msg);
    if (exc == NULL) {
        return NULL;
    }
    if (PyObject_SetAttrString(exc, "library",
                               library ? library : Py_None) < 0
        || PyObject_SetAttrString(exc, "reason",
                                  reason ? reason : Py_None) < 0
        || (verify_code != NULL
            && (PyObject_SetAttrString(exc, "verify_code", verify_code) < 0
                || PyObject_SetAttrString(exc, "verify_message",
                                          verify_message) < 0))) {
        Py_DECREF(exc);
        return NULL;
    }
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
    return NULL;
}

/* The verify_message of a failed certificate check of `s`. */
static PyObject *verify_message_for(PySSLSocket *s, long code)
{
    if (code == X509_V_ERR_HOSTNAME_MISMATCH && s != NULL
        && s->server_hostname != NULL && s->server_hostname != Py_None) {
        return PyUnicode_FromFormat(
            "Hostname mismatch, certificate is not valid for '%S'.",
            s->server_hostname);
    }
    if (code == X509_V_ERR_IP_ADDRESS_MISMATCH && s != NULL
        && s->server_hostname != NULL && s->server_hostname != Py_None) {
        return PyUnicode_FromFormat(
            "IP address mismatch, certificate is not valid for '%S'.",
            s->server_hostname);
    }
    return PyUnicode_FromString(X509_verify_cert_error_string(code));
}

/* Raise from a packed OpenSSL error code (the first of the queue). */
static PyObject *raise_packed(PyObject *type, int code, unsigned long err,
                              PySSLSocket *s, const char *fallback,
                              int line)
{
    int lib = ERR_GET_LIB(err);
    int reason = ERR_GET_REASON(err);
    const char *lname = lib_name(lib);
    PyObject *library = lname ? PyUnicode_FromString(lname)
                              : (Py_NewRef(Py_None));
    PyObject *rname = reason_name(lib, reason);
    PyObject *vcode = NULL, *vmsg = NULL, *result = NULL;
    if (library == NULL || rname == NULL) {
        goto done;
    }
    const char *text = ERR_reason_error_string(err);
    if (text == NULL) {
        text = fallback;
    }
    if (lib == ERR_LIB_SSL && reason == SSL_R_CERTIFICATE_VERIFY_FAILED
        && s != NULL) {
        long vc = SSL_get_verify_result(s->ssl);
        vcode = PyLong_FromLong(vc);
        vmsg = vcode ? verify_message_for(s, vc) : NULL;
        if (vmsg == NULL) {
            goto done;
        }
        type = PySSLCertVerificationErrorObject;
    }
    result = raise_ssl(type, code, text, library, rname, vcode, vmsg, line);
done:
    Py_XDECREF(library);
    Py_XDECREF(rname);
    Py_XDECREF(vcode);
    Py_XDECREF(vmsg);
    return result;
}

PyObject *_PySSL_SetError(PyObject *type, int line)
{
    if (type == NULL) {
        type = PySSLErrorObject;
    }
    unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    if (err == 0) {
        return raise_ssl(type, PY_SSL_ERROR_SSL, "unknown error", NULL,
                         NULL, NULL, NULL, line);
    }
    if (ERR_SYSTEM_ERROR(err)) {
        errno = ERR_GET_REASON(err);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return raise_packed(type, ERR_GET_REASON(err), err, NULL,
                        "unknown error", line);
}

PyObject *_PySSL_SetErrorMessage(int code, const char *msg, int line)
{
    return raise_ssl(PySSLErrorObject, code, msg, NULL, NULL, NULL, NULL,
                     line);
}

PyObject *_PySSL_SetSocketError(PySSLSocket *s, int ret, int line)
{
    int err = SSL_get_error(s->ssl, ret);
    unsigned long e = ERR_peek_last_error();
    int saved_errno = errno;
    PyObject *type = PySSLErrorObject;
    const char *text;
    int code = err;
    switch (err) {
    case SSL_ERROR_ZERO_RETURN:
        type = PySSLZeroReturnErrorObject;
        text = "TLS/SSL connection has been closed (EOF)";
        code = PY_SSL_ERROR_ZERO_RETURN;
        break;
    case SSL_ERROR_WANT_READ:
        type = PySSLWantReadErrorObject;
        text = "The operation did not complete (read)";
        break;
    case SSL_ERROR_WANT_WRITE:
        type = PySSLWantWriteErrorObject;
        text = "The operation did not complete (write)";
        break;
    case SSL_ERROR_WANT_X509_LOOKUP:
        text = "The operation did not complete (X509 lookup)";
        break;
    case SSL_ERROR_WANT_CONNECT:
        text = "The operation did not complete (connect)";
        break;
    case SSL_ERROR_SYSCALL:
        if (e == 0) {
            if (ret == 0 || saved_errno == 0) {
                type = PySSLEOFErrorObject;
                code = PY_SSL_ERROR_EOF;
                text = "EOF occurred in violation of protocol";
            }
            else {
                ERR_clear_error();
                errno = saved_errno;
                return PyErr_SetFromErrno(PyExc_OSError);
            }
        }
        else {
            type = PySSLSyscallErrorObject;
            text = "Some I/O error occurred";
        }
        break;
    case SSL_ERROR_SSL:
        code = PY_SSL_ERROR_SSL;
        if (e != 0 && ERR_GET_LIB(e) == ERR_LIB_SSL
            && ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
            type = PySSLEOFErrorObject;
            code = PY_SSL_ERROR_EOF;
        }
        text = "A failure in the SSL library occurred";
        break;
    default:
        code = PY_SSL_ERROR_INVALID_ERROR_CODE;
        text = "Invalid error code";
        break;
    }
    ERR_clear_error();
    if (e != 0 && (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL)) {
        return raise_packed(type, code, e, s, text, line);
    }
    return raise_ssl(type, code, text, NULL, NULL, NULL, NULL, line);
}

/* SSLError.__str__: the message alone, not "[Errno n] message". */
static PyObject *ssl_error_str(PyObject *self, PyObject *Py_UNUSED(arg))
{
    PyObject *strerror = PyObject_GetAttrString(self, "strerror");
    if (strerror == NULL) {
        return NULL;
    }
    if (PyUnicode_Check(strerror)) {
        return strerror;
    }
    Py_DECREF(strerror);
    PyObject *args = PyObject_GetAttrString(self, "args");
    if (args == NULL) {
        return NULL;
    }
    PyObject *result;
    if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
        result = PyObject_Str(PyTuple_GET_ITEM(args, 0));
    }
    else if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 0) {
        result = PyUnicode_FromString("");
    }
    else {
        result = PyObject_Str(args);
    }
    Py_DECREF(args);
    return result;
}

static PyMethodDef ssl_error_str_def = {
    "__str__", ssl_error_str, METH_NOARGS, NULL,
};

static int make_error(PyObject **slot, const char *name, const char *doc,
                      PyObject *bases)
{
    if (*slot == NULL) {
        *slot = PyErr_NewExceptionWithDoc(name, doc, bases, NULL);
        if (*slot == NULL) {
            return -1;
        }
    }
    return 0;
}

static int add_errors(PyObject *module)
{
    struct { const char *name; PyObject *obj; } errors[] = {
        {"SSLError", PySSLErrorObject},
        {"SSLCertVerificationError", PySSLCertVerificationErrorObject},
        {"SSLZeroReturnError", PySSLZeroReturnErrorObject},
        {"SSLWantReadError", PySSLWantReadErrorObject},
        {"SSLWantWriteError", PySSLWantWriteErrorObject},
        {"SSLSyscallError", PySSLSyscallErrorObject},
        {"SSLEOFError", PySSLEOFErrorObject},
    };
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
        if (PyModule_AddObjectRef(module, errors[i].name, errors[i].obj)
            < 0) {
            return -1;
        }
    }
    return 0;
}

/* Created once: later module instances share the classes (exec runs
   under _ssl's import lock). */
int _PySSL_InitErrors(PyObject *module)
{
    if (PySSLErrorObject == NULL) {
        if (make_error(&PySSLErrorObject, "ssl.SSLError",
                       "An error occurred in the SSL implementation.",
                       PyExc_OSError) < 0) {
            return -1;
        }
        PyObject *str = PyDescr_NewMethod((PyTypeObject *)PySSLErrorObject,
                                          &ssl_error_str_def);
        if (str == NULL
            || PyObject_SetAttrString(PySSLErrorObject, "__str__", str)
               < 0) {
            Py_XDECREF(str);
            return -1;
        }
        Py_DECREF(str);
        PyObject *verify_bases = PyTuple_Pack(2, PySSLErrorObject,
                                              PyExc_ValueError);
        if (verify_bases == NULL) {
            return -1;
        }
        int err = make_error(&PySSLCertVerificationErrorObject,
                             "ssl.SSLCertVerificationError",
                             "A certificate could not be verified.",
                             verify_bases);
        Py_DECREF(verify_bases);
        if (err < 0
            || make_error(&PySSLZeroReturnErrorObject,
                          "ssl.SSLZeroReturnError",
                          "SSL/TLS session closed cleanly.",
                          PySSLErrorObject) < 0
            || make_error(&PySSLWantReadErrorObject, "ssl.SSLWantReadError",
                          "Non-blocking SSL socket needs to read more data\n"
                          "before the requested operation can be completed.",
                          PySSLErrorObject) < 0
            || make_error(&PySSLWantWriteErrorObject,
                          "ssl.SSLWantWriteError",
                          "Non-blocking SSL socket needs to write more data\n"
                          "before the requested operation can be completed.",
                          PySSLErrorObject) < 0
            || make_error(&PySSLSyscallErrorObject, "ssl.SSLSyscallError",
                          "System error when attempting SSL operation.",
                          PySSLErrorObject) < 0
            || make_error(&PySSLEOFErrorObject, "ssl.SSLEOFError",
                          "SSL/TLS connection terminated abruptly.",
                          PySSLErrorObject) < 0) {
            return -1;
        }
    }
    return add_errors(module);
}
