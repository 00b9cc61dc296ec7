/* Shared between the files of the _ssl module (TLS on OpenSSL's libssl,
   behind Lib/ssl.py):

     _ssl.c          module functions, constants and initialisation
     _ssl_errors.c   the exception classes and OpenSSL errors -> exceptions
     _ssl_context.c  _SSLContext (an SSL_CTX)
     _ssl_socket.c   _SSLSocket (an SSL over a socket or two MemoryBIOs)
     _ssl_bio.c      MemoryBIO and SSLSession
     _ssl_cert.c     certificates -> the dicts getpeercert() returns
     _ssl_psk.c      TLS-PSK callbacks of _SSLContext

   Thread safety, in short (Doc/internals/locking.md has the long form):
   an _SSLContext's settings are changed inside its critical section; an
   _SSLSocket's SSL is used only with the socket's `mutex` held, a PyMutex
   kept across the OpenSSL call, which may run detached; a MemoryBIO's
   buffer is used inside the BIO object's critical section. */
#ifndef WEFT_SSL_H
#define WEFT_SSL_H

#include "Python.h"
#include "pycore_lock.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* PROTOCOL_* values of the Python API. */
enum py_ssl_version {
    PY_SSL_VERSION_SSL2 = 0,
    PY_SSL_VERSION_SSL3 = 1,
    PY_SSL_VERSION_TLS = 2,
    PY_SSL_VERSION_TLS1 = 3,
    PY_SSL_VERSION_TLS1_1 = 4,
    PY_SSL_VERSION_TLS1_2 = 5,
    PY_SSL_VERSION_TLS_CLIENT = 0x10,
    PY_SSL_VERSION_TLS_SERVER = 0x11,
};

/* CERT_* values. */
enum py_ssl_cert_requirements {
    PY_SSL_CERT_NONE = 0,
    PY_SSL_CERT_OPTIONAL = 1,
    PY_SSL_CERT_REQUIRED = 2,
};

/* SSL_ERROR_* values of the Python API (OpenSSL's, plus EOF and
   INVALID_ERROR_CODE of our own). */
enum py_ssl_error {
    PY_SSL_ERROR_NONE = 0,
    PY_SSL_ERROR_SSL = 1,
    PY_SSL_ERROR_WANT_READ = 2,
    PY_SSL_ERROR_WANT_WRITE = 3,
    PY_SSL_ERROR_WANT_X509_LOOKUP = 4,
    PY_SSL_ERROR_SYSCALL = 5,
    PY_SSL_ERROR_ZERO_RETURN = 6,
    PY_SSL_ERROR_WANT_CONNECT = 7,
    PY_SSL_ERROR_EOF = 8,
    PY_SSL_ERROR_NO_SOCKET = 9,
    PY_SSL_ERROR_INVALID_ERROR_CODE = 10,
};

typedef struct {
    PyObject_HEAD
    SSL_CTX *ctx;
    int protocol;                 /* PROTOCOL_* it was made with */
    int check_hostname;
    int post_handshake_auth;
    unsigned int host_flags;      /* X509_CHECK_FLAG_* for new sockets */
    /* The rest is written inside the context's critical section and
       read by callbacks that run attached. */
    unsigned char *alpn;          /* wire format, PyMem; NULL when unset */
    unsigned int alpn_len;
    PyObject *sni_callback;       /* strong or NULL */
    PyObject *psk_client_callback;    /* strong or NULL */
    PyObject *psk_server_callback;    /* strong or NULL */
    PyObject *keylog_filename;    /* strong or NULL */
    BIO *keylog_bio;              /* append-mode file, or NULL */
    PyMutex keylog_mutex;         /* serialises lines written to it */
} PySSLContext;

typedef struct {
    PyObject_HEAD
    BIO *bio;                     /* a memory BIO; we own one reference */
    int eof_written;
} PySSLMemoryBIO;

typedef struct {
    PyObject_HEAD
    SSL *ssl;
    PySSLContext *ctx;            /* strong; may be replaced (SNI) */
    PyObject *sock;               /* weakref to the socket, or NULL (BIO) */
    PySSLMemoryBIO *incoming;     /* strong, BIO mode only */
    PySSLMemoryBIO *outgoing;
    PyObject *owner;              /* weakref to the ssl.SSLSocket/SSLObject */
    PyObject *server_hostname;    /* str or None */
    int server_side;
    int handshake_done;
    /* Guards `ssl` (and the fields above once the object is shared):
       held across every OpenSSL call on it, also while detached. */
    PyMutex mutex;
    unsigned long lock_owner;     /* thread ident holding mutex, or 0 */
    /* The thread state saved while an OpenSSL call runs detached, so
       that callbacks (SNI, key log) can re-attach; NULL when attached. */
    PyThreadState *saved_tstate;
} PySSLSocket;

typedef struct {
    PyObject_HEAD
    SSL_SESSION *session;         /* one reference */
    PySSLContext *ctx;            /* strong */
} PySSLSession;

extern PyTypeObject PySSLContext_Type;
extern PyTypeObject PySSLSocket_Type;
extern PyTypeObject PySSLMemoryBIO_Type;
extern PyTypeObject PySSLSession_Type;

/* The exception classes, created by the first module exec (under the
   import lock) and never replaced: read freely. */
extern PyObject *PySSLErrorObject;
extern PyObject *PySSLCertVerificationErrorObject;
extern PyObject *PySSLZeroReturnErrorObject;
extern PyObject *PySSLWantReadErrorObject;
extern PyObject *PySSLWantWriteErrorObject;
extern PyObject *PySSLSyscallErrorObject;
extern PyObject *PySSLEOFErrorObject;

/* _ssl_errors.c */
int _PySSL_InitErrors(PyObject *module);
/* Raise the exception for the error an SSL_* call on `s` returned
   (ret is that call's return value); NULL.  Clears OpenSSL's queue. */
PyObject *_PySSL_SetSocketError(PySSLSocket *s, int ret, int line);
/* Raise `type` (SSLError if NULL) from the first error in OpenSSL's
   queue, or OSError from errno when it is a system error; NULL. */
PyObject *_PySSL_SetError(PyObject *type, int line);
/* Raise SSLError(code, "[lib: reason] message (_ssl.c:line)")-style for
   a Python-side failure with no OpenSSL error; NULL. */
PyObject *_PySSL_SetErrorMessage(int code, const char *msg, int line);

/* _ssl_cert.c */
PyObject *_PySSL_DecodeCertificate(X509 *cert);
PyObject *_PySSL_CertToDER(X509 *cert);
PyObject *_PySSL_ChainToList(STACK_OF(X509) *chain);
PyObject *_PySSL_Asn1ObjToTuple(ASN1_OBJECT *obj);


/* _ssl_psk.c: the set_psk_*_callback methods of _SSLContext. */
PyObject *_PySSL_SetPskClientCallback(PyObject *op, PyObject *args,
                                      PyObject *kwds);
PyObject *_PySSL_SetPskServerCallback(PyObject *op, PyObject *args,
                                      PyObject *kwds);

/* _ssl_socket.c: a new _SSLSocket over a socket (sock != NULL) or two
   BIOs; NULL with an exception. */
PyObject *_PySSL_NewSocket(PySSLContext *ctx, PyObject *sock,
                           PySSLMemoryBIO *incoming,
                           PySSLMemoryBIO *outgoing, int server_side,
                           PyObject *server_hostname, PyObject *owner,
                           PyObject *session);
/* The _SSLSocket an SSL belongs to (borrowed; set as ex_data). */
PySSLSocket *_PySSL_SocketFromSSL(const SSL *ssl);
/* Re-attach inside an OpenSSL callback that may run detached; returns
   the state to hand to _PySSL_CallbackLeave. */
PyThreadState *_PySSL_CallbackEnter(PySSLSocket *s);
void _PySSL_CallbackLeave(PySSLSocket *s, PyThreadState *tstate);
void _PySSL_SetContext(PySSLSocket *s, PySSLContext *ctx);

/* Create the never-blocking socket BIO method once; -1 with an
   exception. */
int _PySSL_InitSocketBIO(void);

/* SSL ex_data index holding the PySSLSocket (set once at exec). */
extern int _PySSL_ExDataIndex;

#endif /* WEFT_SSL_H */
