/* The _ssl module: TLS on OpenSSL's libssl, behind Lib/ssl.py.  This
   file has the module functions (random bytes, OIDs, default paths,
   test certificate decoding), the constants and the initialisation;
   _ssl.h lists the other files.

   Module-level state is static and written only by the first exec,
   which runs under _ssl's import lock; afterwards it is only read. */
#include "_ssl.h"

#include <openssl/opensslv.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

/* ---- random numbers ----------------------------------------------------- */

static PyObject *ssl_rand_bytes(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int n = PyLong_AsInt(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "num must be positive");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, n);
    if (bytes == NULL) {
        return NULL;
    }
    if (RAND_bytes((unsigned char *)PyBytes_AS_STRING(bytes), n) != 1) {
        Py_DECREF(bytes);
        return _PySSL_SetError(NULL, __LINE__);
    }
    return bytes;
}

static PyObject *ssl_rand_status(PyObject *Py_UNUSED(module),
                                 PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(RAND_status());
}

static PyObject *ssl_rand_add(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer buf;
    double entropy;
    if (!PyArg_ParseTuple(args, "s*d:RAND_add", &buf, &entropy)) {
        return NULL;
    }
    const char *data = buf.buf;
    Py_ssize_t len = buf.len;
    do {
        int chunk = (int)Py_MIN(len, INT_MAX);
        RAND_add(data, chunk, entropy);
        data += chunk;
        len -= chunk;
    } while (len > 0);
    PyBuffer_Release(&buf);
    Py_RETURN_NONE;
}

/* ---- object identifiers ------------------------------------------------- */

static PyObject *ssl_txt2obj(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwds)
{
    static char *kwlist[] = {"txt", "name", NULL};
    const char *txt;
    int name = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|p:txt2obj", kwlist, &txt,
                                     &name)) {
        return NULL;
    }
    /* Without name=True only a dotted OID is accepted. */
    ASN1_OBJECT *obj = OBJ_txt2obj(txt, name ? 0 : 1);
    if (obj == NULL) {
        ERR_clear_error();
        PyErr_Format(PyExc_ValueError, "unknown object '%.100s'", txt);
        return NULL;
    }
    PyObject *result = _PySSL_Asn1ObjToTuple(obj);
    ASN1_OBJECT_free(obj);
    return result;
}

static PyObject *ssl_nid2obj(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int nid = PyLong_AsInt(arg);
    if (nid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (nid < NID_undef) {
        PyErr_SetString(PyExc_ValueError, "NID must be positive.");
        return NULL;
    }
    ASN1_OBJECT *obj = OBJ_nid2obj(nid);
    if (obj == NULL) {
        ERR_clear_error();
        PyErr_Format(PyExc_ValueError, "unknown NID %i", nid);
        return NULL;
    }
    PyObject *result = _PySSL_Asn1ObjToTuple(obj);
    ASN1_OBJECT_free(obj);
    return result;
}

/* ---- certificates and paths --------------------------------------------- */

static PyObject *ssl_get_default_verify_paths(PyObject *Py_UNUSED(module),
                                              PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(ssss)", X509_get_default_cert_file_env(),
                         X509_get_default_cert_file(),
                         X509_get_default_cert_dir_env(),
                         X509_get_default_cert_dir());
}

static PyObject *ssl_test_decode_cert(PyObject *Py_UNUSED(module),
                                      PyObject *arg)
{
    PyObject *path;
    if (!PyUnicode_FSConverter(arg, &path)) {
        return NULL;
    }
    BIO *bio = BIO_new_file(PyBytes_AS_STRING(path), "r");
    Py_DECREF(path);
    if (bio == NULL) {
        ERR_clear_error();
        PyErr_SetString(PySSLErrorObject, "Can't open file");
        return NULL;
    }
    X509 *cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
    if (cert == NULL) {
        ERR_clear_error();
        PyErr_SetString(PySSLErrorObject, "Error decoding PEM-encoded file");
        return NULL;
    }
    PyObject *result = _PySSL_DecodeCertificate(cert);
    X509_free(cert);
    return result;
}

static PyMethodDef ssl_functions[] = {
    {"RAND_bytes", ssl_rand_bytes, METH_O,
     "RAND_bytes($module, n, /)\n--\n\nn cryptographically strong "
     "pseudo-random bytes."},
    {"RAND_status", ssl_rand_status, METH_NOARGS,
     "RAND_status($module, /)\n--\n\nWhether the generator is seeded "
     "enough."},
    {"RAND_add", ssl_rand_add, METH_VARARGS,
     "RAND_add($module, string, entropy, /)\n--\n\nMix string into the "
     "generator's state; entropy is a lower bound of its randomness."},
    {"txt2obj", _PyCFunction_CAST(ssl_txt2obj), METH_VARARGS | METH_KEYWORDS,
     "txt2obj($module, /, txt, name=False)\n--\n\n(nid, shortname, "
     "longname, oid) of an OID, or of a name when name is true."},
    {"nid2obj", ssl_nid2obj, METH_O,
     "nid2obj($module, nid, /)\n--\n\n(nid, shortname, longname, oid) of "
     "a NID."},
    {"get_default_verify_paths", ssl_get_default_verify_paths, METH_NOARGS,
     "get_default_verify_paths($module, /)\n--\n\nOpenSSL's default CA "
     "file and directory and the variables that override them."},
    {"_test_decode_cert", ssl_test_decode_cert, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- constants ---------------------------------------------------------- */

typedef struct {
    const char *name;
    long long value;
} IntConstant;

static const IntConstant int_constants[] = {
    {"SSL_ERROR_ZERO_RETURN", PY_SSL_ERROR_ZERO_RETURN},
    {"SSL_ERROR_WANT_READ", PY_SSL_ERROR_WANT_READ},
    {"SSL_ERROR_WANT_WRITE", PY_SSL_ERROR_WANT_WRITE},
    {"SSL_ERROR_WANT_X509_LOOKUP", PY_SSL_ERROR_WANT_X509_LOOKUP},
    {"SSL_ERROR_SYSCALL", PY_SSL_ERROR_SYSCALL},
    {"SSL_ERROR_SSL", PY_SSL_ERROR_SSL},
    {"SSL_ERROR_WANT_CONNECT", PY_SSL_ERROR_WANT_CONNECT},
    {"SSL_ERROR_EOF", PY_SSL_ERROR_EOF},
    {"SSL_ERROR_INVALID_ERROR_CODE", PY_SSL_ERROR_INVALID_ERROR_CODE},
    {"CERT_NONE", PY_SSL_CERT_NONE},
    {"CERT_OPTIONAL", PY_SSL_CERT_OPTIONAL},
    {"CERT_REQUIRED", PY_SSL_CERT_REQUIRED},
    {"VERIFY_DEFAULT", 0},
    {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
    {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK
                               | X509_V_FLAG_CRL_CHECK_ALL},
    {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT},
    {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
    {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
    {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
    {"PROTOCOL_SSLv23", PY_SSL_VERSION_TLS},
    {"PROTOCOL_TLS", PY_SSL_VERSION_TLS},
    {"PROTOCOL_TLS_CLIENT", PY_SSL_VERSION_TLS_CLIENT},
    {"PROTOCOL_TLS_SERVER", PY_SSL_VERSION_TLS_SERVER},
    {"PROTOCOL_TLSv1", PY_SSL_VERSION_TLS1},
    {"PROTOCOL_TLSv1_1", PY_SSL_VERSION_TLS1_1},
    {"PROTOCOL_TLSv1_2", PY_SSL_VERSION_TLS1_2},
    {"OP_ALL", (long long)(SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)},
    {"OP_NO_SSLv2", (long long)SSL_OP_NO_SSLv2},
    {"OP_NO_SSLv3", (long long)SSL_OP_NO_SSLv3},
    {"OP_NO_TLSv1", (long long)SSL_OP_NO_TLSv1},
    {"OP_NO_TLSv1_1", (long long)SSL_OP_NO_TLSv1_1},
    {"OP_NO_TLSv1_2", (long long)SSL_OP_NO_TLSv1_2},
    {"OP_NO_TLSv1_3", (long long)SSL_OP_NO_TLSv1_3},
    {"OP_CIPHER_SERVER_PREFERENCE", (long long)SSL_OP_CIPHER_SERVER_PREFERENCE},
    {"OP_SINGLE_DH_USE", (long long)SSL_OP_SINGLE_DH_USE},
    {"OP_SINGLE_ECDH_USE", (long long)SSL_OP_SINGLE_ECDH_USE},
    {"OP_NO_TICKET", (long long)SSL_OP_NO_TICKET},
    {"OP_NO_COMPRESSION", (long long)SSL_OP_NO_COMPRESSION},
    {"OP_ENABLE_MIDDLEBOX_COMPAT", (long long)SSL_OP_ENABLE_MIDDLEBOX_COMPAT},
    {"OP_NO_RENEGOTIATION", (long long)SSL_OP_NO_RENEGOTIATION},
    {"OP_IGNORE_UNEXPECTED_EOF", (long long)SSL_OP_IGNORE_UNEXPECTED_EOF},
    {"OP_ENABLE_KTLS", (long long)SSL_OP_ENABLE_KTLS},
    {"OP_LEGACY_SERVER_CONNECT", (long long)SSL_OP_LEGACY_SERVER_CONNECT},
    {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
    {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
    {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
    {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
    {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
    {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS",
     X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
    {"PROTO_MINIMUM_SUPPORTED", -2},
    {"PROTO_MAXIMUM_SUPPORTED", -1},
    {"PROTO_SSLv3", SSL3_VERSION},
    {"PROTO_TLSv1", TLS1_VERSION},
    {"PROTO_TLSv1_1", TLS1_1_VERSION},
    {"PROTO_TLSv1_2", TLS1_2_VERSION},
    {"PROTO_TLSv1_3", TLS1_3_VERSION},
    {"ENCODING_PEM", X509_FILETYPE_PEM},
    {"ENCODING_DER", X509_FILETYPE_ASN1},
    {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
    {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
    {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
    {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
    {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
    {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
    {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE",
     SSL_AD_UNSUPPORTED_CERTIFICATE},
    {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
    {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
    {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
    {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
    {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
    {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
    {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
    {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
    {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
    {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
    {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
    {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
    {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE",
     SSL_AD_CERTIFICATE_UNOBTAINABLE},
    {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE",
     SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE",
     SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
    {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
};

#ifdef OPENSSL_NO_SSL3
#  define HAVE_SSL3 0
#else
#  define HAVE_SSL3 1
#endif
#ifdef OPENSSL_NO_TLS1
#  define HAVE_TLS1 0
#else
#  define HAVE_TLS1 1
#endif
#ifdef OPENSSL_NO_TLS1_1
#  define HAVE_TLS1_1 0
#else
#  define HAVE_TLS1_1 1
#endif

static const struct { const char *name; int value; } bool_constants[] = {
    {"HAS_SNI", 1},
    {"HAS_TLS_UNIQUE", 1},
    {"HAS_ECDH", 1},
    {"HAS_NPN", 0},
    {"HAS_ALPN", 1},
    {"HAS_NEVER_CHECK_COMMON_NAME", 1},
    {"HAS_SSLv2", 0},
    {"HAS_SSLv3", HAVE_SSL3},
    {"HAS_TLSv1", HAVE_TLS1},
    {"HAS_TLSv1_1", HAVE_TLS1_1},
    {"HAS_TLSv1_2", 1},
    {"HAS_TLSv1_3", 1},
    {"HAS_PHA", 1},
    {"HAS_PSK", 1},
    {"HAS_PSK_TLS13", 0},
};

/* (major, minor, fix, patch, status) of an OpenSSL version number. */
static PyObject *version_info(unsigned long n)
{
    return Py_BuildValue("(kkkkk)", n >> 28, (n >> 20) & 0xff,
                         (n >> 12) & 0xff, (n >> 4) & 0xff, n & 0xf);
}

static int add_constants(PyObject *module)
{
    for (size_t i = 0; i < sizeof(int_constants) / sizeof(int_constants[0]);
         i++) {
        PyObject *v = PyLong_FromLongLong(int_constants[i].value);
        if (PyModule_Add(module, int_constants[i].name, v) < 0) {
            return -1;
        }
    }
    for (size_t i = 0;
         i < sizeof(bool_constants) / sizeof(bool_constants[0]); i++) {
        if (PyModule_AddObjectRef(module, bool_constants[i].name,
                                  bool_constants[i].value ? Py_True
                                                          : Py_False) < 0) {
            return -1;
        }
    }
    unsigned long number = OpenSSL_version_num();
    if (PyModule_Add(module, "OPENSSL_VERSION_NUMBER",
                     PyLong_FromUnsignedLong(number)) < 0
        || PyModule_Add(module, "OPENSSL_VERSION_INFO",
                        version_info(number)) < 0
        || PyModule_Add(module, "OPENSSL_VERSION", PyUnicode_FromString(
                            OpenSSL_version(OPENSSL_VERSION))) < 0
        || PyModule_Add(module, "_OPENSSL_API_VERSION",
                        version_info(OPENSSL_VERSION_NUMBER)) < 0
        || PyModule_Add(module, "_DEFAULT_CIPHERS", PyUnicode_FromString(
                            "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:"
                            "DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM")) < 0) {
        return -1;
    }
    return 0;
}

/* ---- module ------------------------------------------------------------- */

static int ssl_exec(PyObject *module)
{
    if (_PySSL_ExDataIndex < 0) {
        _PySSL_ExDataIndex = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
        if (_PySSL_ExDataIndex < 0) {
            _PySSL_SetError(NULL, __LINE__);
            return -1;
        }
    }
    if (_PySSL_InitSocketBIO() < 0) {
        return -1;
    }
    PyTypeObject *types[] = {&PySSLContext_Type, &PySSLSocket_Type,
                             &PySSLMemoryBIO_Type, &PySSLSession_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(module, dot + 1,
                                  (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    if (_PySSL_InitErrors(module) < 0 || add_constants(module) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot ssl_slots[] = {
    {Py_mod_exec, ssl_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef ssl_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_ssl",
    .m_doc = "TLS/SSL wrapper for socket objects, on OpenSSL's libssl.",
    .m_size = 0,
    .m_methods = ssl_functions,
    .m_slots = ssl_slots,
};

PyMODINIT_FUNC
PyInit__ssl(void)
{
    return PyModuleDef_Init(&ssl_module);
}
