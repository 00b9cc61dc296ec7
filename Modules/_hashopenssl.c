/* The _hashlib module: message digests, HMAC and key derivation on
   OpenSSL 3's libcrypto, behind Lib/hashlib.py and Lib/hmac.py.

   Every object here (HASH, HASHXOF, HMAC, blake2b, blake2s) wraps one
   context: an OpenSSL EVP_MD_CTX for plain digests, an EVP_MAC_CTX for
   HMAC, and a state of Modules/blake2.c for BLAKE2 (OpenSSL's BLAKE2
   takes no tree parameters, nor unkeyed salt or person).  Reading a
   digest finalizes a duplicate of the context, so the object can go on
   being updated.

   Thread safety: the context of an object is reached only with the
   object's `mutex` held (hash_lock / hash_unlock), in both builds.
   Large updates run detached with the mutex held, so other threads run
   meanwhile and a second updater of the same object waits (detached)
   for the first.  The table of fetched digests is published with
   atomic compare-and-swap and never freed, so lookups take no lock. */
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_long.h"           /* the unsigned converters */

#include <string.h>
#include <limits.h>
#include <stdint.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

/* Inputs at least this long are hashed with the thread detached. */
#define DETACH_MIN_SIZE 2048

#define BLAKE2B_MAX_BYTES 64
#define BLAKE2S_MAX_BYTES 32
#define BLAKE2B_SALT_SIZE 16
#define BLAKE2S_SALT_SIZE 8
#define BLAKE2B_PERSON_SIZE 16
#define BLAKE2S_PERSON_SIZE 8

/* Modules/blake2.c, which defines the state and these functions. */
typedef struct _PyBlake2State _PyBlake2State;
extern _PyBlake2State *_PyBlake2_New(
    int wide, int digest_size, const unsigned char *key, size_t key_len,
    const unsigned char *salt, size_t salt_len, const unsigned char *person,
    size_t person_len, int fanout, int depth, uint32_t leaf_size,
    uint64_t node_offset, int node_depth, int inner_size, int last_node);
extern _PyBlake2State *_PyBlake2_Copy(const _PyBlake2State *state);
extern void _PyBlake2_Free(_PyBlake2State *state);
extern void _PyBlake2_Update(_PyBlake2State *state,
                             const unsigned char *data, size_t len);
extern void _PyBlake2_Final(const _PyBlake2State *state,
                            unsigned char *out);

/* ---- digest names ------------------------------------------------------- */

typedef struct {
    const char *py_name;        /* hashlib's name */
    const char *ossl_name;      /* OpenSSL's fetch name */
    EVP_MD *fetched[2];         /* [usedforsecurity]; atomic, never freed */
} DigestEntry;

static DigestEntry digest_table[] = {
    {"md5", "MD5", {NULL, NULL}},
    {"sha1", "SHA1", {NULL, NULL}},
    {"sha224", "SHA2-224", {NULL, NULL}},
    {"sha256", "SHA2-256", {NULL, NULL}},
    {"sha384", "SHA2-384", {NULL, NULL}},
    {"sha512", "SHA2-512", {NULL, NULL}},
    {"sha512_224", "SHA2-512/224", {NULL, NULL}},
    {"sha512_256", "SHA2-512/256", {NULL, NULL}},
    {"sha3_224", "SHA3-224", {NULL, NULL}},
    {"sha3_256", "SHA3-256", {NULL, NULL}},
    {"sha3_384", "SHA3-384", {NULL, NULL}},
    {"sha3_512", "SHA3-512", {NULL, NULL}},
    {"shake_128", "SHAKE-128", {NULL, NULL}},
    {"shake_256", "SHAKE-256", {NULL, NULL}},
    {"blake2b", "BLAKE2B-512", {NULL, NULL}},
    {"blake2s", "BLAKE2S-256", {NULL, NULL}},
    {"md5-sha1", "MD5-SHA1", {NULL, NULL}},
    {"sm3", "SM3", {NULL, NULL}},
    {"ripemd160", "RIPEMD-160", {NULL, NULL}},
};
#define DIGEST_COUNT (sizeof(digest_table) / sizeof(digest_table[0]))

/* The names hashlib guarantees; each has an openssl_<name> constructor. */
static const char *const constructor_names[] = {
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
    "sha3_224", "sha3_256", "sha3_384", "sha3_512",
    "shake_128", "shake_256",
};
#define CONSTRUCTOR_COUNT \
    (sizeof(constructor_names) / sizeof(constructor_names[0]))

static PyObject *UnsupportedDigestmodError;   /* set once by module exec */

static DigestEntry *find_entry_by_py_name(const char *name)
{
    for (size_t i = 0; i < DIGEST_COUNT; i++) {
        if (strcasecmp(digest_table[i].py_name, name) == 0) {
            return &digest_table[i];
        }
    }
    return NULL;
}

static EVP_MD *fetch_md(const char *ossl_name, int usedforsecurity)
{
    return EVP_MD_fetch(NULL, ossl_name, usedforsecurity ? NULL : "-fips");
}

/* The entry's digest, fetched on first use.  Racing threads may both
   fetch; the loser of the compare-and-swap frees its copy, so the
   published pointer is never replaced (and lives until exit). */
static EVP_MD *entry_md(DigestEntry *entry, int usedforsecurity)
{
    EVP_MD **slot = &entry->fetched[usedforsecurity ? 1 : 0];
    EVP_MD *md = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (md != NULL) {
        return md;
    }
    EVP_MD *fresh = fetch_md(entry->ossl_name, usedforsecurity);
    if (fresh == NULL) {
        return NULL;
    }
    EVP_MD *expected = NULL;
    if (__atomic_compare_exchange_n(slot, &expected, fresh, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        return fresh;
    }
    EVP_MD_free(fresh);
    return expected;
}

static PyObject *set_unsupported(const char *name)
{
    ERR_clear_error();
    PyErr_Format(UnsupportedDigestmodError, "unsupported hash type %s", name);
    return NULL;
}

/* Set an exception from OpenSSL's error queue (or `fallback`). */
static PyObject *set_openssl_error(PyObject *type, const char *fallback)
{
    unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code != 0) {
        const char *reason = ERR_reason_error_string(code);
        const char *lib = ERR_lib_error_string(code);
        if (reason != NULL && lib != NULL) {
            PyErr_Format(type, "[%s] %s", lib, reason);
            return NULL;
        }
    }
    PyErr_SetString(type, fallback);
    return NULL;
}

/* Resolve a digest name to a new reference to its EVP_MD (caller frees
   with EVP_MD_free) and hashlib's name for it (a new str). */
static EVP_MD *resolve_digest(const char *name, int usedforsecurity,
                              PyObject **py_name)
{
    DigestEntry *entry = find_entry_by_py_name(name);
    EVP_MD *md;
    if (entry != NULL) {
        md = entry_md(entry, usedforsecurity);
        if (md == NULL || !EVP_MD_up_ref(md)) {
            set_unsupported(name);
            return NULL;
        }
    }
    else {
        md = fetch_md(name, usedforsecurity);
        if (md == NULL) {
            set_unsupported(name);
            return NULL;
        }
        for (size_t i = 0; i < DIGEST_COUNT && entry == NULL; i++) {
            if (EVP_MD_is_a(md, digest_table[i].ossl_name)) {
                entry = &digest_table[i];
            }
        }
    }
    if (entry != NULL) {
        *py_name = PyUnicode_FromString(entry->py_name);
    }
    else {
        PyObject *given = PyUnicode_FromString(name);
        *py_name = given ? PyObject_CallMethod(given, "lower", NULL) : NULL;
        Py_XDECREF(given);
    }
    if (*py_name == NULL) {
        EVP_MD_free(md);
        return NULL;
    }
    return md;
}

/* ---- the object --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards md_ctx / mac_ctx / blake2 */
    EVP_MD_CTX *md_ctx;         /* exactly one of the three contexts is set */
    EVP_MAC_CTX *mac_ctx;
    _PyBlake2State *blake2;
    PyObject *name;             /* str, immutable */
    int digest_size;            /* 0 for XOFs */
    int block_size;
} HashObject;

static PyTypeObject Hash_Type;
static PyTypeObject HashXOF_Type;
static PyTypeObject HMAC_Type;
static PyTypeObject Blake2b_Type;
static PyTypeObject Blake2s_Type;

/* Lock the object's mutex; waits detached so that a long update by
   another thread never blocks this one's stop-the-world or GIL peers. */
static void hash_lock(HashObject *self)
{
    if (_PyMutex_LockTimed(&self->mutex, 0)) {
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    PyMutex_Lock(&self->mutex);
    Py_END_ALLOW_THREADS
}

static void hash_unlock(HashObject *self)
{
    PyMutex_Unlock(&self->mutex);
}

static HashObject *hash_alloc(PyTypeObject *type, PyObject *name)
{
    HashObject *self = (HashObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->mutex = (PyMutex){0};
    self->md_ctx = NULL;
    self->mac_ctx = NULL;
    self->blake2 = NULL;
    self->name = Py_NewRef(name);
    return self;
}

static void hash_dealloc(PyObject *op)
{
    HashObject *self = (HashObject *)op;
    PyTypeObject *type = Py_TYPE(op);
    EVP_MD_CTX_free(self->md_ctx);
    EVP_MAC_CTX_free(self->mac_ctx);
    _PyBlake2_Free(self->blake2);
    Py_XDECREF(self->name);
    type->tp_free(op);
}

/* Borrow a buffer of `data` for hashing; str and non-buffers are
   refused with CPython's messages. */
static int get_hash_buffer(PyObject *data, Py_buffer *view)
{
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError,
                        "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(data)) {
        PyErr_SetString(PyExc_TypeError,
                        "object supporting the buffer API required");
        return -1;
    }
    if (PyObject_GetBuffer(data, view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    return 0;
}

static int context_update(HashObject *self, const void *data, size_t len)
{
    if (self->md_ctx != NULL) {
        return EVP_DigestUpdate(self->md_ctx, data, len);
    }
    if (self->blake2 != NULL) {
        _PyBlake2_Update(self->blake2, data, len);
        return 1;
    }
    return EVP_MAC_update(self->mac_ctx, data, len);
}

/* Feed `data` to the object; 0 or -1 with an exception set.  The
   context changes only with the object's mutex held; big inputs are
   hashed detached (the buffer export keeps `data` alive and unresized). */
static int hash_update_with(HashObject *self, PyObject *data)
{
    Py_buffer view;
    if (get_hash_buffer(data, &view) < 0) {
        return -1;
    }
    int ok;
    hash_lock(self);
    if (view.len >= DETACH_MIN_SIZE) {
        Py_BEGIN_ALLOW_THREADS
        ok = context_update(self, view.buf, (size_t)view.len);
        Py_END_ALLOW_THREADS
    }
    else {
        ok = context_update(self, view.buf, (size_t)view.len);
    }
    hash_unlock(self);
    PyBuffer_Release(&view);
    if (!ok) {
        set_openssl_error(PyExc_ValueError, "digest update failed");
        return -1;
    }
    return 0;
}

static PyObject *hash_update(PyObject *op, PyObject *data)
{
    if (hash_update_with((HashObject *)op, data) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Duplicate the object's context into `copy` (the caller holds no lock;
   the source is read under its mutex, `copy` is not shared yet). */
static int copy_context_into(HashObject *self, HashObject *copy)
{
    hash_lock(self);
    if (self->md_ctx != NULL) {
        copy->md_ctx = EVP_MD_CTX_new();
        if (copy->md_ctx != NULL
            && !EVP_MD_CTX_copy_ex(copy->md_ctx, self->md_ctx)) {
            EVP_MD_CTX_free(copy->md_ctx);
            copy->md_ctx = NULL;
        }
    }
    else if (self->blake2 != NULL) {
        copy->blake2 = _PyBlake2_Copy(self->blake2);
    }
    else {
        copy->mac_ctx = EVP_MAC_CTX_dup(self->mac_ctx);
    }
    hash_unlock(self);
    if (copy->md_ctx == NULL && copy->mac_ctx == NULL
        && copy->blake2 == NULL) {
        set_openssl_error(PyExc_ValueError, "could not copy the hash state");
        return -1;
    }
    return 0;
}

static PyObject *hash_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    HashObject *self = (HashObject *)op;
    HashObject *copy = hash_alloc(Py_TYPE(self), self->name);
    if (copy == NULL) {
        return NULL;
    }
    copy->digest_size = self->digest_size;
    copy->block_size = self->block_size;
    if (copy_context_into(self, copy) < 0) {
        Py_DECREF(copy);
        return NULL;
    }
    return (PyObject *)copy;
}

/* Finalize a duplicate of the state into out[0:length]; XOFs produce
   `length` bytes, other digests their digest_size.  The duplicate is
   made and finished under the mutex, so a concurrent update is either
   wholly in the digest or wholly after it. */
static int hash_finish(HashObject *self, unsigned char *out, size_t length)
{
    int ok = 0;
    hash_lock(self);
    if (self->md_ctx != NULL) {
        EVP_MD_CTX *tmp = EVP_MD_CTX_new();
        if (tmp != NULL && EVP_MD_CTX_copy_ex(tmp, self->md_ctx)) {
            if (EVP_MD_get_flags(EVP_MD_CTX_get0_md(tmp)) & EVP_MD_FLAG_XOF) {
                ok = EVP_DigestFinalXOF(tmp, out, length);
            }
            else {
                ok = EVP_DigestFinal_ex(tmp, out, NULL);
            }
        }
        EVP_MD_CTX_free(tmp);
    }
    else if (self->blake2 != NULL) {
        _PyBlake2_Final(self->blake2, out);
        ok = 1;
    }
    else {
        EVP_MAC_CTX *tmp = EVP_MAC_CTX_dup(self->mac_ctx);
        size_t written = 0;
        ok = tmp != NULL && EVP_MAC_final(tmp, out, &written, length);
        EVP_MAC_CTX_free(tmp);
    }
    hash_unlock(self);
    if (!ok) {
        set_openssl_error(PyExc_ValueError, "could not compute the digest");
        return -1;
    }
    return 0;
}

static PyObject *hex_from_bytes(const unsigned char *data, size_t len)
{
    static const char hexdigits[] = "0123456789abcdef";
    PyObject *result = PyUnicode_New((Py_ssize_t)(len * 2), 127);
    if (result == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(result);
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = (Py_UCS1)hexdigits[data[i] >> 4];
        out[2 * i + 1] = (Py_UCS1)hexdigits[data[i] & 15];
    }
    return result;
}

/* The digest as bytes (as_hex 0) or str (as_hex 1). */
static PyObject *hash_result(HashObject *self, size_t length, int as_hex)
{
    unsigned char small[EVP_MAX_MD_SIZE];
    unsigned char *out = small;
    if (length > sizeof(small)) {
        out = PyMem_Malloc(length);
        if (out == NULL) {
            return PyErr_NoMemory();
        }
    }
    PyObject *result = NULL;
    if (hash_finish(self, out, length) == 0) {
        result = as_hex ? hex_from_bytes(out, length)
                        : PyBytes_FromStringAndSize((char *)out,
                                                    (Py_ssize_t)length);
    }
    if (out != small) {
        PyMem_Free(out);
    }
    return result;
}

static PyObject *hash_digest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    HashObject *self = (HashObject *)op;
    return hash_result(self, (size_t)self->digest_size, 0);
}

static PyObject *hash_hexdigest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    HashObject *self = (HashObject *)op;
    return hash_result(self, (size_t)self->digest_size, 1);
}

static int parse_xof_length(PyObject *args, PyObject *kwds, const char *fmt,
                            Py_ssize_t *length)
{
    static char *keywords[] = {"length", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, keywords, length)) {
        return -1;
    }
    if (*length < 0) {
        PyErr_SetString(PyExc_ValueError, "length must be non-negative");
        return -1;
    }
    if ((size_t)*length >= ((size_t)1 << 29)) {
        PyErr_SetString(PyExc_ValueError, "digest length is too large");
        return -1;
    }
    return 0;
}

static PyObject *xof_digest(PyObject *op, PyObject *args, PyObject *kwds)
{
    Py_ssize_t length;
    if (parse_xof_length(args, kwds, "n:digest", &length) < 0) {
        return NULL;
    }
    return hash_result((HashObject *)op, (size_t)length, 0);
}

static PyObject *xof_hexdigest(PyObject *op, PyObject *args, PyObject *kwds)
{
    Py_ssize_t length;
    if (parse_xof_length(args, kwds, "n:hexdigest", &length) < 0) {
        return NULL;
    }
    return hash_result((HashObject *)op, (size_t)length, 1);
}

static PyObject *hash_get_name(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((HashObject *)op)->name);
}

static PyObject *hash_get_digest_size(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(((HashObject *)op)->digest_size);
}

static PyObject *hash_get_block_size(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(((HashObject *)op)->block_size);
}

static PyObject *hash_repr(PyObject *op)
{
    HashObject *self = (HashObject *)op;
    return PyUnicode_FromFormat("<%U %s object @ %p>", self->name,
                                Py_TYPE(op)->tp_name, op);
}

static PyObject *hmac_repr(PyObject *op)
{
    HashObject *self = (HashObject *)op;
    /* name is "hmac-<digest>"; the repr shows the digest alone. */
    PyObject *digest = PyUnicode_Substring(self->name, 5,
                                           PyUnicode_GET_LENGTH(self->name));
    if (digest == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("<%U HMAC object @ %p>",
                                            digest, op);
    Py_DECREF(digest);
    return result;
}

static PyMethodDef hash_methods[] = {
    {"update", hash_update, METH_O,
     "update($self, obj, /)\n--\n\nFeed the bytes-like obj to the hash."},
    {"copy", hash_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nAn independent hash object with this state."},
    {"digest", hash_digest, METH_NOARGS,
     "digest($self, /)\n--\n\nThe digest of the data so far, as bytes."},
    {"hexdigest", hash_hexdigest, METH_NOARGS,
     "hexdigest($self, /)\n--\n\nThe digest of the data so far, as hex "
     "digits."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef xof_methods[] = {
    {"digest", _PyCFunction_CAST(xof_digest), METH_VARARGS | METH_KEYWORDS,
     "digest($self, /, length)\n--\n\nThe first length bytes of the "
     "output."},
    {"hexdigest", _PyCFunction_CAST(xof_hexdigest),
     METH_VARARGS | METH_KEYWORDS,
     "hexdigest($self, /, length)\n--\n\nThe first length bytes of the "
     "output, as hex digits."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Hash_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HASH",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "A message digest computed by OpenSSL.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
    .tp_free = PyObject_Free,
};

static PyTypeObject HashXOF_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HASHXOF",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "An extendable-output function (SHAKE) computed by OpenSSL: "
              "digest() takes the output length.",
    .tp_methods = xof_methods,
    .tp_base = &Hash_Type,
    .tp_free = PyObject_Free,
};

static PyTypeObject HMAC_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HMAC",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hmac_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "An HMAC computed by OpenSSL.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
    .tp_free = PyObject_Free,
};

/* ---- constructing digest objects ---------------------------------------- */

/* A new HASH or HASHXOF over `md` (borrowed) fed with `data` (may be
   NULL).  Steals nothing; `name` is borrowed. */
static PyObject *new_hash_object(EVP_MD *md, PyObject *name, PyObject *data)
{
    int is_xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
    HashObject *self = hash_alloc(is_xof ? &HashXOF_Type : &Hash_Type, name);
    if (self == NULL) {
        return NULL;
    }
    self->digest_size = is_xof ? 0 : EVP_MD_get_size(md);
    self->block_size = EVP_MD_get_block_size(md);
    self->md_ctx = EVP_MD_CTX_new();
    if (self->md_ctx == NULL || !EVP_DigestInit_ex2(self->md_ctx, md, NULL)) {
        Py_DECREF(self);
        return set_openssl_error(PyExc_ValueError,
                                 "could not initialize the digest");
    }
    if (data != NULL && hash_update_with(self, data) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* `data` and its deprecated alias `string`: at most one may be given. */
static int pick_data(PyObject *data, PyObject *string, PyObject **chosen)
{
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "'data' and 'string' are mutually exclusive and "
                        "support for 'string' keyword parameter is slated "
                        "for removal in a future version.");
        return -1;
    }
    if (string != NULL
        && PyErr_WarnEx(PyExc_DeprecationWarning,
                        "the 'string' keyword parameter is deprecated since "
                        "Python 3.15 and slated for removal in Python 3.19; "
                        "use the 'data' keyword parameter or pass the data "
                        "to hash as a positional argument instead", 1) < 0) {
        return -1;
    }
    *chosen = data != NULL ? data : string;
    return 0;
}

static PyObject *hash_by_name(const char *name, PyObject *data,
                              int usedforsecurity)
{
    PyObject *py_name = NULL;
    EVP_MD *md = resolve_digest(name, usedforsecurity, &py_name);
    if (md == NULL) {
        return NULL;
    }
    PyObject *result = new_hash_object(md, py_name, data);
    EVP_MD_free(md);
    Py_DECREF(py_name);
    return result;
}

static PyObject *hashlib_new(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwds)
{
    static char *keywords[] = {"name", "data", "usedforsecurity", "string",
                               NULL};
    const char *name;
    PyObject *data = NULL, *string = NULL, *chosen;
    int usedforsecurity = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|O$pO:new", keywords,
                                     &name, &data, &usedforsecurity,
                                     &string)
        || pick_data(data, string, &chosen) < 0) {
        return NULL;
    }
    return hash_by_name(name, chosen, usedforsecurity);
}

/* openssl_<name>(data=b'', *, usedforsecurity=True, string=None): the
   digest name is the function's self (a str). */
static PyObject *named_constructor(PyObject *name, PyObject *args,
                                   PyObject *kwds)
{
    static char *keywords[] = {"data", "usedforsecurity", "string", NULL};
    PyObject *data = NULL, *string = NULL, *chosen;
    int usedforsecurity = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O$pO", keywords, &data,
                                     &usedforsecurity, &string)
        || pick_data(data, string, &chosen) < 0) {
        return NULL;
    }
    return hash_by_name(PyUnicode_AsUTF8(name), chosen, usedforsecurity);
}

/* ---- BLAKE2 ------------------------------------------------------------- */

typedef struct {
    const char *name;
    int wide;                   /* BLAKE2b: 64-bit words */
    int max_bytes, salt_size, person_size, block_size;
    unsigned long long max_node_offset;
} Blake2Kind;

static const Blake2Kind blake2b_kind = {
    "blake2b", 1, BLAKE2B_MAX_BYTES, BLAKE2B_SALT_SIZE, BLAKE2B_PERSON_SIZE,
    128, 0xFFFFFFFFFFFFFFFFULL,
};
static const Blake2Kind blake2s_kind = {
    "blake2s", 0, BLAKE2S_MAX_BYTES, BLAKE2S_SALT_SIZE, BLAKE2S_PERSON_SIZE,
    64, 0xFFFFFFFFFFFFULL,      /* BLAKE2s stores 48 bits of node offset */
};

typedef struct {
    int digest_size;
    Py_buffer key, salt, person;
    int fanout, depth;
    unsigned long leaf_size;
    unsigned long long node_offset;
    int node_depth, inner_size, last_node;
} Blake2Params;

/* CPython's checks, in its order, with its messages. */
static int check_blake2_params(const Blake2Kind *kind, Blake2Params *p)
{
    if (p->digest_size < 1 || p->digest_size > kind->max_bytes) {
        PyErr_Format(PyExc_ValueError,
                     "digest_size for %s must be between 1 and %d bytes, "
                     "here it is %d", kind->name, kind->max_bytes,
                     p->digest_size);
        return -1;
    }
    if (p->salt.len > kind->salt_size) {
        PyErr_Format(PyExc_ValueError, "maximum salt length is %d bytes",
                     kind->salt_size);
        return -1;
    }
    if (p->person.len > kind->person_size) {
        PyErr_Format(PyExc_ValueError,
                     "maximum person length is %d bytes", kind->person_size);
        return -1;
    }
    if (p->fanout < 0 || p->fanout > 255) {
        PyErr_SetString(PyExc_ValueError,
                        "fanout must be between 0 and 255");
        return -1;
    }
    if (p->depth <= 0 || p->depth > 255) {
        PyErr_SetString(PyExc_ValueError, "depth must be between 1 and 255");
        return -1;
    }
    if (p->leaf_size > 0xFFFFFFFFUL) {
        PyErr_SetString(PyExc_OverflowError, "leaf_size is too large");
        return -1;
    }
    if (p->node_offset > kind->max_node_offset) {
        PyErr_SetString(PyExc_OverflowError, "node_offset is too large");
        return -1;
    }
    if (p->node_depth < 0 || p->node_depth > 255) {
        PyErr_SetString(PyExc_ValueError,
                        "node_depth must be between 0 and 255");
        return -1;
    }
    if (p->inner_size < 0 || p->inner_size > kind->max_bytes) {
        PyErr_Format(PyExc_ValueError,
                     "inner_size must be between 0 and is %d",
                     kind->max_bytes);
        return -1;
    }
    if (p->key.len > kind->max_bytes) {
        PyErr_Format(PyExc_ValueError, "maximum key length is %d bytes",
                     kind->max_bytes);
        return -1;
    }
    return 0;
}

/* Set up `self` for the (checked) parameters.  Every BLAKE2 object
   hashes with Modules/blake2.c, so all parameter sets agree. */
static int blake2_init_context(HashObject *self, const Blake2Kind *kind,
                               Blake2Params *p)
{
    self->blake2 = _PyBlake2_New(
        kind->wide, p->digest_size, p->key.buf, (size_t)p->key.len,
        p->salt.buf, (size_t)p->salt.len, p->person.buf,
        (size_t)p->person.len, p->fanout, p->depth, (uint32_t)p->leaf_size,
        (uint64_t)p->node_offset, p->node_depth, p->inner_size,
        p->last_node);
    if (self->blake2 == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static PyObject *blake2_new(PyTypeObject *type, const Blake2Kind *kind,
                            PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {
        "data", "digest_size", "key", "salt", "person", "fanout", "depth",
        "leaf_size", "node_offset", "node_depth", "inner_size", "last_node",
        "usedforsecurity", "string", NULL,
    };
    Blake2Params p = {.digest_size = kind->max_bytes, .fanout = 1,
                      .depth = 1};
    PyObject *data = NULL, *string = NULL, *chosen;
    int usedforsecurity = 1;
    char fmt[64];
    PyOS_snprintf(fmt, sizeof(fmt), "|O$iy*y*y*iiO&O&iippO:%s",
                  kind->name);
    memset(&p.key, 0, sizeof(p.key));
    memset(&p.salt, 0, sizeof(p.salt));
    memset(&p.person, 0, sizeof(p.person));
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, keywords, &data,
                                     &p.digest_size, &p.key, &p.salt,
                                     &p.person, &p.fanout, &p.depth,
                                     _PyLong_UnsignedLong_Converter,
                                     &p.leaf_size,
                                     _PyLong_UnsignedLongLong_Converter,
                                     &p.node_offset,
                                     &p.node_depth, &p.inner_size,
                                     &p.last_node, &usedforsecurity,
                                     &string)) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *name = NULL;
    HashObject *self = NULL;
    if (pick_data(data, string, &chosen) < 0
        || check_blake2_params(kind, &p) < 0) {
        goto done;
    }
    name = PyUnicode_FromString(kind->name);
    self = name ? hash_alloc(type, name) : NULL;
    if (self == NULL) {
        goto done;
    }
    self->digest_size = p.digest_size;
    self->block_size = kind->block_size;
    /* BLAKE2 is not a FIPS algorithm either way: usedforsecurity is
       accepted and has no effect, as in CPython's own implementation. */
    (void)usedforsecurity;
    if (blake2_init_context(self, kind, &p) < 0
        || (chosen != NULL && hash_update_with(self, chosen) < 0)) {
        goto done;
    }
    result = (PyObject *)Py_NewRef(self);
done:
    Py_XDECREF(self);
    Py_XDECREF(name);
    PyBuffer_Release(&p.key);
    PyBuffer_Release(&p.salt);
    PyBuffer_Release(&p.person);
    return result;
}

static PyObject *blake2b_tp_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    return blake2_new(type, &blake2b_kind, args, kwds);
}

static PyObject *blake2s_tp_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    return blake2_new(type, &blake2s_kind, args, kwds);
}

static PyTypeObject Blake2b_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.blake2b",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "blake2b(data=b'', *, digest_size=64, key=b'', salt=b'',\n"
              "        person=b'', fanout=1, depth=1, leaf_size=0,\n"
              "        node_offset=0, node_depth=0, inner_size=0,\n"
              "        last_node=False, usedforsecurity=True, string=None)\n"
              "--\n\nReturn a new BLAKE2b hash object.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
    .tp_new = blake2b_tp_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

static PyTypeObject Blake2s_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.blake2s",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "blake2s(data=b'', *, digest_size=32, key=b'', salt=b'',\n"
              "        person=b'', fanout=1, depth=1, leaf_size=0,\n"
              "        node_offset=0, node_depth=0, inner_size=0,\n"
              "        last_node=False, usedforsecurity=True, string=None)\n"
              "--\n\nReturn a new BLAKE2s hash object.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
    .tp_new = blake2s_tp_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

static int add_blake2_constants(PyTypeObject *type, const Blake2Kind *kind)
{
    const struct { const char *name; int value; } constants[] = {
        {"SALT_SIZE", kind->salt_size},
        {"PERSON_SIZE", kind->person_size},
        {"MAX_KEY_SIZE", kind->max_bytes},
        {"MAX_DIGEST_SIZE", kind->max_bytes},
    };
    for (size_t i = 0; i < 4; i++) {
        PyObject *value = PyLong_FromLong(constants[i].value);
        int err = value == NULL
                  || PyDict_SetItemString(type->tp_dict, constants[i].name,
                                          value) < 0;
        Py_XDECREF(value);
        if (err) {
            return -1;
        }
    }
    return 0;
}

/* ---- HMAC --------------------------------------------------------------- */

static EVP_MAC *fetch_hmac(void)
{
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL) {
        set_openssl_error(PyExc_ValueError, "HMAC is not available");
    }
    return mac;
}

/* The digest for HMAC, named by a str or by one of the openssl_<name>
   constructors.  Returns a new reference to the resolved EVP_MD. */
static EVP_MD *hmac_digest_md(PyObject *digestmod, PyObject **py_name)
{
    if (digestmod == NULL || digestmod == Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "Missing required parameter 'digestmod'.");
        return NULL;
    }
    /* Our openssl_<name> constructors carry their name as self. */
    if (PyCFunction_Check(digestmod)
        && PyCFunction_GetFunction(digestmod)
               == (PyCFunction)(void (*)(void))named_constructor) {
        digestmod = PyCFunction_GetSelf(digestmod);
    }
    if (!PyUnicode_Check(digestmod)) {
        PyErr_Format(UnsupportedDigestmodError,
                     "unsupported digestmod %R", digestmod);
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(digestmod);
    if (name == NULL) {
        return NULL;
    }
    return resolve_digest(name, 1, py_name);
}

static int init_hmac_ctx(EVP_MAC_CTX *ctx, EVP_MD *md, Py_buffer *key)
{
    char *mdname = (char *)EVP_MD_get0_name(md);
    OSSL_PARAM params[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, mdname, 0),
        OSSL_PARAM_construct_end(),
    };
    /* An empty key is valid for HMAC; OpenSSL needs a non-NULL pointer. */
    static const unsigned char empty = 0;
    const unsigned char *keybuf = key->len ? key->buf : &empty;
    return EVP_MAC_init(ctx, keybuf, (size_t)key->len, params);
}

static PyObject *hmac_new_impl(Py_buffer *key, PyObject *msg,
                               PyObject *digestmod)
{
    PyObject *py_name = NULL;
    EVP_MD *md = hmac_digest_md(digestmod, &py_name);
    if (md == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    HashObject *self = NULL;
    PyObject *name = PyUnicode_FromFormat("hmac-%U", py_name);
    EVP_MAC *mac = name ? fetch_hmac() : NULL;
    if (mac == NULL) {
        goto done;
    }
    self = hash_alloc(&HMAC_Type, name);
    if (self == NULL) {
        goto done;
    }
    self->mac_ctx = EVP_MAC_CTX_new(mac);
    if (self->mac_ctx == NULL || !init_hmac_ctx(self->mac_ctx, md, key)) {
        set_openssl_error(PyExc_ValueError, "could not initialize HMAC");
        goto done;
    }
    self->digest_size = (int)EVP_MAC_CTX_get_mac_size(self->mac_ctx);
    self->block_size = EVP_MD_get_block_size(md);
    if (msg != NULL && msg != Py_None && hash_update_with(self, msg) < 0) {
        goto done;
    }
    result = Py_NewRef((PyObject *)self);
done:
    Py_XDECREF(self);
    EVP_MAC_free(mac);
    Py_XDECREF(name);
    Py_DECREF(py_name);
    EVP_MD_free(md);
    return result;
}

static PyObject *hashlib_hmac_new(PyObject *Py_UNUSED(module),
                                  PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"key", "msg", "digestmod", NULL};
    Py_buffer key;
    PyObject *msg = NULL, *digestmod = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|OO:hmac_new", keywords,
                                     &key, &msg, &digestmod)) {
        return NULL;
    }
    PyObject *result = hmac_new_impl(&key, msg, digestmod);
    PyBuffer_Release(&key);
    return result;
}

static PyObject *hashlib_hmac_digest(PyObject *Py_UNUSED(module),
                                     PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"key", "msg", "digest", NULL};
    Py_buffer key, msg;
    PyObject *digestmod;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*y*O:hmac_digest",
                                     keywords, &key, &msg, &digestmod)) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *py_name = NULL;
    EVP_MD *md = hmac_digest_md(digestmod, &py_name);
    EVP_MAC *mac = md ? fetch_hmac() : NULL;
    EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
    if (ctx != NULL) {
        unsigned char out[EVP_MAX_MD_SIZE];
        size_t outlen = 0;
        int ok;
        Py_BEGIN_ALLOW_THREADS
        ok = init_hmac_ctx(ctx, md, &key)
             && EVP_MAC_update(ctx, msg.buf, (size_t)msg.len)
             && EVP_MAC_final(ctx, out, &outlen, sizeof(out));
        Py_END_ALLOW_THREADS
        if (ok) {
            result = PyBytes_FromStringAndSize((char *)out,
                                               (Py_ssize_t)outlen);
        }
        else {
            set_openssl_error(PyExc_ValueError, "HMAC computation failed");
        }
    }
    else if (mac != NULL) {
        PyErr_NoMemory();
    }
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    EVP_MD_free(md);
    Py_XDECREF(py_name);
    PyBuffer_Release(&key);
    PyBuffer_Release(&msg);
    return result;
}

/* ---- key derivation ----------------------------------------------------- */

static PyObject *hashlib_pbkdf2_hmac(PyObject *Py_UNUSED(module),
                                     PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"hash_name", "password", "salt",
                               "iterations", "dklen", NULL};
    const char *hash_name;
    Py_buffer password, salt;
    long iterations;
    PyObject *dklen_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "sy*y*l|O:pbkdf2_hmac",
                                     keywords, &hash_name, &password, &salt,
                                     &iterations, &dklen_obj)) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *py_name = NULL;
    EVP_MD *md = NULL;
    if (iterations < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "iteration value must be greater than 0.");
        goto done;
    }
    if (iterations > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iteration value is too great.");
        goto done;
    }
    md = resolve_digest(hash_name, 1, &py_name);
    if (md == NULL) {
        goto done;
    }
    long dklen = EVP_MD_get_size(md);
    if (dklen_obj != Py_None) {
        dklen = PyLong_AsLong(dklen_obj);
        if (dklen == -1 && PyErr_Occurred()) {
            goto done;
        }
    }
    if (dklen < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "key length must be greater than 0.");
        goto done;
    }
    if (dklen > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "key length is too great.");
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, dklen);
    if (result == NULL) {
        goto done;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = PKCS5_PBKDF2_HMAC(password.buf, (int)password.len, salt.buf,
                           (int)salt.len, (int)iterations, md, (int)dklen,
                           (unsigned char *)PyBytes_AS_STRING(result));
    Py_END_ALLOW_THREADS
    if (!ok) {
        Py_CLEAR(result);
        set_openssl_error(PyExc_ValueError, "PBKDF2 failed");
    }
done:
    EVP_MD_free(md);
    Py_XDECREF(py_name);
    PyBuffer_Release(&password);
    PyBuffer_Release(&salt);
    return result;
}

static int check_scrypt_params(unsigned long long n, long maxmem, long dklen)
{
    if (n < 2 || (n & (n - 1)) != 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a power of 2.");
        return -1;
    }
    if (maxmem < 0 || maxmem > INT_MAX) {
        PyErr_Format(PyExc_ValueError,
                     "maxmem must be positive and smaller than %d", INT_MAX);
        return -1;
    }
    if (dklen < 1 || dklen > INT_MAX) {
        PyErr_Format(PyExc_ValueError,
                     "dklen must be greater than 0 and smaller than %d",
                     INT_MAX);
        return -1;
    }
    return 0;
}

static int scrypt_required(PyObject *given, const char *name)
{
    if (given == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "scrypt() missing required keyword-only argument: '%s'",
                     name);
        return -1;
    }
    return 0;
}

static int scrypt_uint(PyObject *obj, const char *name,
                       unsigned long long *out)
{
    if (scrypt_required(obj, name) < 0) {
        return -1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "'%s' must be int, not %.100s", name,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *out = PyLong_AsUnsignedLongLong(obj);
    return (*out == (unsigned long long)-1 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *hashlib_scrypt(PyObject *Py_UNUSED(module), PyObject *args,
                                PyObject *kwds)
{
    static char *keywords[] = {"password", "salt", "n", "r", "p", "maxmem",
                               "dklen", NULL};
    Py_buffer password, salt = {0};
    PyObject *n_obj = NULL, *r_obj = NULL, *p_obj = NULL;
    long maxmem = 0, dklen = 64;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|$y*OOOll:scrypt",
                                     keywords, &password, &salt, &n_obj,
                                     &r_obj, &p_obj, &maxmem, &dklen)) {
        return NULL;
    }
    PyObject *result = NULL;
    unsigned long long n = 0, r = 0, p = 0;
    if (scrypt_required(salt.obj, "salt") < 0
        || scrypt_uint(n_obj, "n", &n) < 0 || scrypt_uint(r_obj, "r", &r) < 0
        || scrypt_uint(p_obj, "p", &p) < 0
        || check_scrypt_params(n, maxmem, dklen) < 0) {
        goto done;
    }
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, (uint64_t)maxmem, NULL,
                        0)) {
        ERR_clear_error();
        PyErr_SetString(PyExc_ValueError,
                        "Invalid parameter combination for n, r, p, maxmem.");
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, dklen);
    if (result == NULL) {
        goto done;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = EVP_PBE_scrypt(password.buf, (size_t)password.len, salt.buf,
                        (size_t)salt.len, n, r, p, (uint64_t)maxmem,
                        (unsigned char *)PyBytes_AS_STRING(result),
                        (size_t)dklen);
    Py_END_ALLOW_THREADS
    if (!ok) {
        Py_CLEAR(result);
        set_openssl_error(PyExc_ValueError, "scrypt failed");
    }
done:
    PyBuffer_Release(&password);
    if (salt.obj != NULL) {
        PyBuffer_Release(&salt);
    }
    return result;
}

/* ---- compare_digest ----------------------------------------------------- */

/* Compare in time that depends only on the length of `b` (the secret
   side is conventionally `a`, whose length an attacker may know). */
static int constant_time_equal(const unsigned char *a, Py_ssize_t alen,
                               const unsigned char *b, Py_ssize_t blen)
{
    /* volatile keeps the compiler from ending the loop early. */
    volatile unsigned char diff = alen != blen;
    const unsigned char *left = alen == blen ? a : b;
    for (Py_ssize_t i = 0; i < blen; i++) {
        diff |= left[i] ^ b[i];
    }
    return diff == 0;
}

static PyObject *hashlib_compare_digest(PyObject *Py_UNUSED(module),
                                        PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:compare_digest", &a, &b)) {
        return NULL;
    }
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is "
                            "not supported");
            return NULL;
        }
        return PyBool_FromLong(constant_time_equal(
            PyUnicode_1BYTE_DATA(a), PyUnicode_GET_LENGTH(a),
            PyUnicode_1BYTE_DATA(b), PyUnicode_GET_LENGTH(b)));
    }
    if (PyUnicode_Check(a) || PyUnicode_Check(b)
        || !PyObject_CheckBuffer(a) || !PyObject_CheckBuffer(b)) {
        if (PyObject_CheckBuffer(a) || PyObject_CheckBuffer(b)) {
            PyObject *bad = PyObject_CheckBuffer(a) ? b : a;
            PyErr_Format(PyExc_TypeError,
                         "a bytes-like object is required, not '%.100s'",
                         Py_TYPE(bad)->tp_name);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand types(s) or combination of "
                         "types: '%.100s' and '%.100s'",
                         Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
        }
        return NULL;
    }
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    int equal = constant_time_equal(va.buf, va.len, vb.buf, vb.len);
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return PyBool_FromLong(equal);
}

static PyObject *hashlib_get_fips_mode(PyObject *Py_UNUSED(module),
                                       PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(EVP_default_properties_is_fips_enabled(NULL));
}

/* ---- module ------------------------------------------------------------- */

static PyMethodDef hashlib_functions[] = {
    {"new", _PyCFunction_CAST(hashlib_new), METH_VARARGS | METH_KEYWORDS,
     "new($module, /, name, data=b'', *, usedforsecurity=True, string=None)\n"
     "--\n\nA new hash object for the algorithm called name."},
    {"hmac_new", _PyCFunction_CAST(hashlib_hmac_new),
     METH_VARARGS | METH_KEYWORDS,
     "hmac_new($module, /, key, msg=b'', digestmod=None)\n--\n\n"
     "A new HMAC object over the named digest."},
    {"hmac_digest", _PyCFunction_CAST(hashlib_hmac_digest),
     METH_VARARGS | METH_KEYWORDS,
     "hmac_digest($module, /, key, msg, digest)\n--\n\n"
     "The HMAC of msg under key, in one call."},
    {"pbkdf2_hmac", _PyCFunction_CAST(hashlib_pbkdf2_hmac),
     METH_VARARGS | METH_KEYWORDS,
     "pbkdf2_hmac($module, /, hash_name, password, salt, iterations, "
     "dklen=None)\n--\n\nDerive a key from a password with PBKDF2 "
     "(PKCS #5 v2.0) over HMAC of the named digest."},
    {"scrypt", _PyCFunction_CAST(hashlib_scrypt),
     METH_VARARGS | METH_KEYWORDS,
     "scrypt($module, /, password, *, salt, n, r, p, maxmem=0, dklen=64)\n"
     "--\n\nDerive a key from a password with scrypt (RFC 7914)."},
    {"compare_digest", hashlib_compare_digest, METH_VARARGS,
     "compare_digest($module, a, b, /)\n--\n\nWhether a == b, in time "
     "that does not depend on where they differ (ASCII str or bytes-like)."},
    {"get_fips_mode", hashlib_get_fips_mode, METH_NOARGS,
     "get_fips_mode($module, /)\n--\n\n1 if OpenSSL runs in FIPS mode, "
     "else 0."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef constructor_def = {
    "", _PyCFunction_CAST(named_constructor), METH_VARARGS | METH_KEYWORDS,
    "Return a new hash object of this algorithm, fed data.",
};

/* openssl_<name> functions and the _constructors map {function: name}.
   Each function's self is its digest name.  The method definitions are
   filled in by the first exec only (execs of _hashlib are serialised by
   its import lock), so functions already handed out never see them
   written again. */
static int add_constructors(PyObject *module)
{
    static PyMethodDef defs[CONSTRUCTOR_COUNT];
    static char names[CONSTRUCTOR_COUNT][24];
    static char docs[CONSTRUCTOR_COUNT][160];
    static int defs_filled;
    if (!defs_filled) {
        for (size_t i = 0; i < CONSTRUCTOR_COUNT; i++) {
            PyOS_snprintf(names[i], sizeof(names[i]), "openssl_%s",
                          constructor_names[i]);
            PyOS_snprintf(docs[i], sizeof(docs[i]),
                          "%s($module, /, data=b'', *, usedforsecurity=True, "
                          "string=None)\n--\n\n%s", names[i],
                          constructor_def.ml_doc);
            defs[i] = constructor_def;
            defs[i].ml_name = names[i];
            defs[i].ml_doc = docs[i];
        }
        defs_filled = 1;
    }
    PyObject *map = PyDict_New();
    if (map == NULL) {
        return -1;
    }
    for (size_t i = 0; i < CONSTRUCTOR_COUNT; i++) {
        PyObject *name = PyUnicode_FromString(constructor_names[i]);
        PyObject *func = name ? PyCFunction_NewEx(&defs[i], name, NULL)
                              : NULL;
        int err = func == NULL
                  || PyModule_AddObjectRef(module, names[i], func) < 0
                  || PyDict_SetItem(map, func, name) < 0;
        Py_XDECREF(func);
        Py_XDECREF(name);
        if (err) {
            Py_DECREF(map);
            return -1;
        }
    }
    return PyModule_Add(module, "_constructors", map);
}

/* The names of every digest this OpenSSL provides, hashlib's spelling. */
static int add_md_names(PyObject *module)
{
    PyObject *names = PySet_New(NULL);
    if (names == NULL) {
        return -1;
    }
    for (size_t i = 0; i < DIGEST_COUNT; i++) {
        EVP_MD *md = entry_md(&digest_table[i], 1);
        if (md == NULL) {
            ERR_clear_error();
            continue;
        }
        PyObject *name = PyUnicode_FromString(digest_table[i].py_name);
        if (name == NULL || PySet_Add(names, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(names);
            return -1;
        }
        Py_DECREF(name);
    }
    PyObject *frozen = PyFrozenSet_New(names);
    Py_DECREF(names);
    return PyModule_Add(module, "openssl_md_meth_names", frozen);
}

/* Static types and the exception are created once; later module
   instances share them (exec runs under the import lock of _hashlib). */
static int hashlib_exec(PyObject *module)
{
    if (UnsupportedDigestmodError == NULL) {
        UnsupportedDigestmodError = PyErr_NewException(
            "_hashlib.UnsupportedDigestmodError", PyExc_ValueError, NULL);
        if (UnsupportedDigestmodError == NULL) {
            return -1;
        }
    }
    PyTypeObject *types[] = {&Hash_Type, &HashXOF_Type, &HMAC_Type,
                             &Blake2b_Type, &Blake2s_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    if (PyDict_GetItemString(Blake2b_Type.tp_dict, "SALT_SIZE") == NULL
        && (add_blake2_constants(&Blake2b_Type, &blake2b_kind) < 0
            || add_blake2_constants(&Blake2s_Type, &blake2s_kind) < 0)) {
        return -1;
    }
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(module, dot + 1,
                                  (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "UnsupportedDigestmodError",
                              UnsupportedDigestmodError) < 0
        || add_constructors(module) < 0 || add_md_names(module) < 0) {
        return -1;
    }
    return PyModule_AddIntConstant(module, "_GIL_MINSIZE", DETACH_MIN_SIZE);
}

static PyModuleDef_Slot hashlib_slots[] = {
    {Py_mod_exec, hashlib_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef hashlib_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_hashlib",
    .m_doc = "Message digests, HMAC and key derivation on OpenSSL (for hashlib).",
    .m_size = 0,
    .m_methods = hashlib_functions,
    .m_slots = hashlib_slots,
};

PyMODINIT_FUNC
PyInit__hashlib(void)
{
    return PyModuleDef_Init(&hashlib_module);
}
