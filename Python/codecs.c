/* The codec registry: search functions mapping encoding names to
   CodecInfo objects, a cache of their answers, and the registry of
   error handlers with the standard handlers (strict, ignore, replace,
   backslashreplace, xmlcharrefreplace, namereplace, surrogateescape,
   surrogatepass).

   The registry is per interpreter.  Its three containers live in one
   tuple stored in the interpreter's dict (PyInterpreterState_GetDict)
   under "_codecs_registry":

     search_path     list of search functions, in registration order
     search_cache    dict: normalised name -> CodecInfo
     error_registry  dict: handler name -> callable
     flags           dict: "encodings" once the package import began

   Thread safety without the GIL: the tuple is published once with
   PyDict_SetDefaultRef, so racing creators agree on one registry.  The
   dicts are thread-safe on their own (each operation is atomic).
   Changes to the search path take the list's critical section (its
   PyMutex), and lookups call the search functions over a snapshot, so
   no lock is held while Python code runs. */
#include "Python.h"
#include "pycore_codecs.h"
#include "pycore_typeobject.h"      /* _Py_INTERNED_ID */
#include "pycore_unicodectype.h"

const char *Py_hexdigits = "0123456789abcdef";

enum {
    SEARCH_PATH,
    SEARCH_CACHE,
    ERROR_REGISTRY,
    FLAGS,
    REGISTRY_SIZE
};

static int register_standard_error_handlers(PyObject *error_registry);

/* A new registry tuple with the standard error handlers registered. */
static PyObject *
new_registry(void)
{
    PyObject *registry = Py_BuildValue("(NNNN)", PyList_New(0), PyDict_New(),
                                       PyDict_New(), PyDict_New());
    if (registry == NULL) {
        return NULL;
    }
    if (register_standard_error_handlers(
            PyTuple_GET_ITEM(registry, ERROR_REGISTRY)) < 0) {
        Py_DECREF(registry);
        return NULL;
    }
    return registry;
}

/* The interpreter's registry tuple (new reference), created on first
   use; racing creators publish through PyDict_SetDefaultRef, so all of
   them return the same tuple. */
static PyObject *
get_registry(void)
{
    PyObject *interp_dict = PyInterpreterState_GetDict(PyInterpreterState_Get());
    if (interp_dict == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "codec registry: no interpreter dict");
        return NULL;
    }
    /* An immortal interned str: the key costs nothing to make. */
    PyObject *key = _Py_INTERNED_ID(_codecs_registry);
    PyObject *registry;
    int found = PyDict_GetItemRef(interp_dict, key, &registry);
    if (found != 0) {
        return found > 0 ? registry : NULL;
    }
    PyObject *fresh = new_registry();
    if (fresh == NULL) {
        return NULL;
    }
    int rc = PyDict_SetDefaultRef(interp_dict, key, fresh, &registry);
    Py_DECREF(fresh);
    return rc < 0 ? NULL : registry;
}

/* One of the registry's containers (new reference). */
static PyObject *
registry_part(int which)
{
    PyObject *registry = get_registry();
    if (registry == NULL) {
        return NULL;
    }
    PyObject *part = Py_NewRef(PyTuple_GET_ITEM(registry, which));
    Py_DECREF(registry);
    return part;
}

/* Import the encodings package once per interpreter: it registers the
   standard search function.  flags["encodings"] is absent before, the
   importing thread's id while the import runs, True after.  A lookup
   that the package itself makes while it runs (same thread) goes on
   without it; a lookup from another thread imports too, which waits
   for the first import (the import system locks each module).  A
   failed import drops the mark so that the next lookup retries. */
static int
ensure_encodings_imported(void)
{
    PyObject *flags = registry_part(FLAGS);
    if (flags == NULL) {
        return -1;
    }
    PyObject *key = _Py_INTERNED_ID(encodings);
    PyObject *me = PyLong_FromUnsignedLongLong(
        PyThreadState_GetID(PyThreadState_Get()));
    PyObject *state = NULL;
    int rc = me == NULL ? -1 : PyDict_SetDefaultRef(flags, key, me, &state);
    if (rc > 0 && state != Py_True) {
        int mine = PyObject_RichCompareBool(state, me, Py_EQ);
        rc = mine < 0 ? -1 : mine ? 2 : 0;     /* 2: our own import */
    }
    if (rc == 0) {
        /* We made the mark, or another thread's import is running. */
        PyObject *module = PyImport_Import(key);
        if (module == NULL) {
            PyObject *exc = PyErr_GetRaisedException();
            (void)PyDict_DelItem(flags, key);
            PyErr_Clear();
            PyErr_SetRaisedException(exc);
            rc = -1;
        }
        else {
            Py_DECREF(module);
            rc = PyDict_SetItem(flags, key, Py_True);
        }
    }
    Py_XDECREF(state);
    Py_XDECREF(me);
    Py_DECREF(flags);
    return rc < 0 ? -1 : 0;
}

/* ---- search functions ----------------------------------------------------- */

int
PyCodec_Register(PyObject *search_function)
{
    if (!PyCallable_Check(search_function)) {
        PyErr_SetString(PyExc_TypeError, "argument must be callable");
        return -1;
    }
    PyObject *search_path = registry_part(SEARCH_PATH);
    if (search_path == NULL) {
        return -1;
    }
    int rc = PyList_Append(search_path, search_function);
    Py_DECREF(search_path);
    return rc;
}

/* Remove the first entry that is search_function; 1 if one was removed.
   The list's critical section makes the find-and-delete atomic. */
static int
remove_search_function(PyObject *search_path, PyObject *search_function)
{
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(search_path);
    Py_ssize_t n = PyList_GET_SIZE(search_path);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(search_path, i) == search_function) {
            rc = PyList_SetSlice(search_path, i, i + 1, NULL) < 0 ? -1 : 1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
PyCodec_Unregister(PyObject *search_function)
{
    PyObject *registry = get_registry();
    if (registry == NULL) {
        return -1;
    }
    int rc = remove_search_function(PyTuple_GET_ITEM(registry, SEARCH_PATH),
                                    search_function);
    if (rc > 0) {
        /* Cached answers may have come from the function just removed. */
        PyDict_Clear(PyTuple_GET_ITEM(registry, SEARCH_CACHE));
    }
    Py_DECREF(registry);
    return rc < 0 ? -1 : 0;
}

/* The encoding name as search functions receive it: ASCII letters
   lowered, each run of characters other than ASCII letters, digits and
   '.' replaced by one '_' between two kept characters (leading and
   trailing runs are dropped), non-ASCII bytes dropped.  As CPython,
   "Latin-1", "latin 1" and "LATIN_1" are all "latin_1". */
static PyObject *
normalize_encoding_name(const char *encoding)
{
    size_t len = strlen(encoding);
    char *buf = PyMem_Malloc(len + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    size_t n = 0;
    int pending_separator = 0;
    for (const unsigned char *p = (const unsigned char *)encoding; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x80) {
            continue;
        }
        if (Py_ISALNUM(c) || c == '.') {
            if (pending_separator && n > 0) {
                buf[n++] = '_';
            }
            pending_separator = 0;
            buf[n++] = (char)Py_TOLOWER(c);
        }
        else {
            pending_separator = 1;
        }
    }
    PyObject *name = PyUnicode_FromStringAndSize(buf, (Py_ssize_t)n);
    PyMem_Free(buf);
    return name;
}

/* Ask each search function in turn; the first CodecInfo wins. */
static PyObject *
search_codec(PyObject *search_path, PyObject *name, const char *encoding)
{
    PyObject *functions = PyList_AsTuple(search_path);
    if (functions == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(functions); i++) {
        result = PyObject_CallOneArg(PyTuple_GET_ITEM(functions, i), name);
        if (result == NULL) {
            break;
        }
        if (result == Py_None) {
            Py_CLEAR(result);
            continue;
        }
        if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 4) {
            PyErr_SetString(PyExc_TypeError,
                            "codec search functions must return 4-tuples");
            Py_CLEAR(result);
        }
        break;
    }
    Py_DECREF(functions);
    if (result == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
    }
    return result;
}

PyObject *
_PyCodec_Lookup(const char *encoding)
{
    if (encoding == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *registry = get_registry();
    if (registry == NULL) {
        return NULL;
    }
    PyObject *cache = PyTuple_GET_ITEM(registry, SEARCH_CACHE);
    PyObject *result = NULL;
    PyObject *name = normalize_encoding_name(encoding);
    if (name == NULL) {
        goto done;
    }
    if (PyDict_GetItemRef(cache, name, &result) != 0) {
        goto done;
    }
    /* Only a miss can be the first lookup, which needs the package. */
    if (ensure_encodings_imported() < 0) {
        goto done;
    }
    result = search_codec(PyTuple_GET_ITEM(registry, SEARCH_PATH), name,
                          encoding);
    if (result != NULL && PyDict_SetItem(cache, name, result) < 0) {
        Py_CLEAR(result);
    }
done:
    Py_XDECREF(name);
    Py_DECREF(registry);
    return result;
}

PyObject *
PyCodec_Lookup(const char *encoding)
{
    return _PyCodec_Lookup(encoding);
}

int
_PyCodec_Forget(const char *encoding)
{
    PyObject *cache = registry_part(SEARCH_CACHE);
    if (cache == NULL) {
        return -1;
    }
    PyObject *name = normalize_encoding_name(encoding);
    int rc = name == NULL ? -1 : PyDict_Pop(cache, name, NULL);
    Py_XDECREF(name);
    Py_DECREF(cache);
    return rc < 0 ? -1 : 0;
}

int
PyCodec_KnownEncoding(const char *encoding)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(codec);
    return 1;
}

/* ---- using a codec ------------------------------------------------------- */

/* Item `index` of the CodecInfo found for encoding (new reference). */
static PyObject *
codec_item(const char *encoding, Py_ssize_t index)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL) {
        return NULL;
    }
    PyObject *item = Py_NewRef(PyTuple_GET_ITEM(codec, index));
    Py_DECREF(codec);
    return item;
}

/* Tell where a codec failed: "encoding with 'NAME' codec failed" as a
   note on the pending exception (PEP 678, as CPython 3.12+). */
static void
add_codec_note(const char *operation, const char *encoding)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    if (PyExceptionInstance_Check(exc)) {
        PyObject *note = PyUnicode_FromFormat("%s with '%s' codec failed",
                                              operation, encoding);
        if (note == NULL || _PyException_AddNote(exc, note) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(note);
    }
    PyErr_SetRaisedException(exc);
}

/* Call a stateless encoder or decoder and take the object out of the
   (object, length consumed) pair it returns. */
static PyObject *
run_codec(PyObject *function, PyObject *object, const char *encoding,
          const char *errors, int encode)
{
    PyObject *result;
    if (errors != NULL) {
        result = PyObject_CallFunction(function, "Os", object, errors);
    }
    else {
        result = PyObject_CallOneArg(function, object);
    }
    if (result == NULL) {
        add_codec_note(encode ? "encoding" : "decoding", encoding);
        return NULL;
    }
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 2) {
        PyErr_SetString(PyExc_TypeError,
                        encode ? "encoder must return a tuple (object, integer)"
                               : "decoder must return a tuple (object, integer)");
        Py_DECREF(result);
        return NULL;
    }
    PyObject *value = Py_NewRef(PyTuple_GET_ITEM(result, 0));
    Py_DECREF(result);
    return value;
}

PyObject *
PyCodec_Encoder(const char *encoding)
{
    return codec_item(encoding, 0);
}

PyObject *
PyCodec_Decoder(const char *encoding)
{
    return codec_item(encoding, 1);
}

PyObject *
PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *encoder = PyCodec_Encoder(encoding);
    if (encoder == NULL) {
        return NULL;
    }
    PyObject *result = run_codec(encoder, object, encoding, errors, 1);
    Py_DECREF(encoder);
    return result;
}

PyObject *
PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *decoder = PyCodec_Decoder(encoding);
    if (decoder == NULL) {
        return NULL;
    }
    PyObject *result = run_codec(decoder, object, encoding, errors, 0);
    Py_DECREF(decoder);
    return result;
}

/* Instantiate codec_info.<attribute>(errors) (no argument when errors
   is NULL). */
static PyObject *
make_incremental(PyObject *codec_info, const char *attribute,
                 const char *errors)
{
    PyObject *factory = PyObject_GetAttrString(codec_info, attribute);
    if (factory == NULL) {
        return NULL;
    }
    PyObject *codec;
    if (errors != NULL) {
        codec = PyObject_CallFunction(factory, "s", errors);
    }
    else {
        codec = PyObject_CallNoArgs(factory);
    }
    Py_DECREF(factory);
    return codec;
}

PyObject *
_PyCodecInfo_GetIncrementalEncoder(PyObject *codec_info, const char *errors)
{
    return make_incremental(codec_info, "incrementalencoder", errors);
}

PyObject *
_PyCodecInfo_GetIncrementalDecoder(PyObject *codec_info, const char *errors)
{
    return make_incremental(codec_info, "incrementaldecoder", errors);
}

static PyObject *
lookup_incremental(const char *encoding, const char *attribute,
                   const char *errors)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL) {
        return NULL;
    }
    PyObject *result = make_incremental(codec, attribute, errors);
    Py_DECREF(codec);
    return result;
}

PyObject *
PyCodec_IncrementalEncoder(const char *encoding, const char *errors)
{
    return lookup_incremental(encoding, "incrementalencoder", errors);
}

PyObject *
PyCodec_IncrementalDecoder(const char *encoding, const char *errors)
{
    return lookup_incremental(encoding, "incrementaldecoder", errors);
}

/* The codec's stream reader (index 2) or writer (index 3) over stream. */
static PyObject *
make_stream_codec(const char *encoding, Py_ssize_t index, PyObject *stream,
                  const char *errors)
{
    PyObject *factory = codec_item(encoding, index);
    if (factory == NULL) {
        return NULL;
    }
    PyObject *result;
    if (errors != NULL) {
        result = PyObject_CallFunction(factory, "Os", stream, errors);
    }
    else {
        result = PyObject_CallOneArg(factory, stream);
    }
    Py_DECREF(factory);
    return result;
}

PyObject *
PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors)
{
    return make_stream_codec(encoding, 2, stream, errors);
}

PyObject *
PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors)
{
    return make_stream_codec(encoding, 3, stream, errors);
}

/* ---- text encodings (str.encode, bytes.decode, io) ------------------------- */

PyObject *
_PyCodec_LookupTextEncoding(const char *encoding, const char *alternate_command)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL) {
        return NULL;
    }
    /* A plain tuple from a legacy search function counts as text. */
    if (PyTuple_CheckExact(codec)) {
        return codec;
    }
    PyObject *flag;
    if (PyObject_GetOptionalAttrString(codec, "_is_text_encoding", &flag) < 0) {
        Py_DECREF(codec);
        return NULL;
    }
    if (flag == NULL) {
        return codec;
    }
    int is_text = PyObject_IsTrue(flag);
    Py_DECREF(flag);
    if (is_text <= 0) {
        if (is_text == 0) {
            PyErr_Format(PyExc_LookupError,
                         "'%.400s' is not a text encoding; "
                         "use %s to handle arbitrary codecs",
                         encoding, alternate_command);
        }
        Py_DECREF(codec);
        return NULL;
    }
    return codec;
}

static PyObject *
run_text_codec(PyObject *object, const char *encoding, const char *errors,
               int encode)
{
    PyObject *codec = _PyCodec_LookupTextEncoding(
        encoding, encode ? "codecs.encode()" : "codecs.decode()");
    if (codec == NULL) {
        return NULL;
    }
    PyObject *result = run_codec(PyTuple_GET_ITEM(codec, encode ? 0 : 1),
                                 object, encoding, errors, encode);
    Py_DECREF(codec);
    return result;
}

PyObject *
_PyCodec_EncodeText(PyObject *object, const char *encoding, const char *errors)
{
    return run_text_codec(object, encoding, errors, 1);
}

PyObject *
_PyCodec_DecodeText(PyObject *object, const char *encoding, const char *errors)
{
    return run_text_codec(object, encoding, errors, 0);
}

/* ---- the error handler registry ------------------------------------------ */

int
PyCodec_RegisterError(const char *name, PyObject *error)
{
    if (!PyCallable_Check(error)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    PyObject *error_registry = registry_part(ERROR_REGISTRY);
    if (error_registry == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(error_registry, name, error);
    Py_DECREF(error_registry);
    return rc;
}

PyObject *
PyCodec_LookupError(const char *name)
{
    if (name == NULL) {
        name = "strict";
    }
    PyObject *error_registry = registry_part(ERROR_REGISTRY);
    if (error_registry == NULL) {
        return NULL;
    }
    PyObject *handler;
    int found = PyDict_GetItemStringRef(error_registry, name, &handler);
    Py_DECREF(error_registry);
    if (found == 0) {
        PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'",
                     name);
    }
    return found > 0 ? handler : NULL;
}

static int is_standard_error_handler(const char *name);

int
_PyCodec_UnregisterError(const char *name)
{
    if (is_standard_error_handler(name)) {
        PyErr_Format(PyExc_ValueError,
                     "cannot un-register built-in error handler '%s'", name);
        return -1;
    }
    PyObject *error_registry = registry_part(ERROR_REGISTRY);
    if (error_registry == NULL) {
        return -1;
    }
    int rc = PyDict_PopString(error_registry, name, NULL);
    Py_DECREF(error_registry);
    return rc;
}

/* ---- the standard error handlers ------------------------------------------- */

typedef enum { EXC_OTHER, EXC_ENCODE, EXC_DECODE, EXC_TRANSLATE } exc_kind;

static exc_kind
kind_of(PyObject *exc)
{
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeEncodeError)) {
        return EXC_ENCODE;
    }
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeDecodeError)) {
        return EXC_DECODE;
    }
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeTranslateError)) {
        return EXC_TRANSLATE;
    }
    return EXC_OTHER;
}

static PyObject *
wrong_exception_type(PyObject *exc)
{
    PyErr_Format(PyExc_TypeError,
                 "don't know how to handle %.200s in error callback",
                 Py_TYPE(exc)->tp_name);
    return NULL;
}

/* The failing object (new reference) and range of a Unicode error. */
static int
read_unicode_error(PyObject *exc, exc_kind kind, PyObject **object,
                   Py_ssize_t *start, Py_ssize_t *end)
{
    int rc;
    switch (kind) {
    case EXC_ENCODE:
        *object = PyUnicodeEncodeError_GetObject(exc);
        rc = PyUnicodeEncodeError_GetStart(exc, start) < 0
             || PyUnicodeEncodeError_GetEnd(exc, end) < 0;
        break;
    case EXC_DECODE:
        *object = PyUnicodeDecodeError_GetObject(exc);
        rc = PyUnicodeDecodeError_GetStart(exc, start) < 0
             || PyUnicodeDecodeError_GetEnd(exc, end) < 0;
        break;
    default:
        *object = PyUnicodeTranslateError_GetObject(exc);
        rc = PyUnicodeTranslateError_GetStart(exc, start) < 0
             || PyUnicodeTranslateError_GetEnd(exc, end) < 0;
        break;
    }
    if (*object == NULL || rc) {
        Py_CLEAR(*object);
        return -1;
    }
    if (*end < *start) {
        *end = *start;
    }
    return 0;
}

/* (replacement, position): the handler result; steals replacement. */
static PyObject *
handler_result(PyObject *replacement, Py_ssize_t position)
{
    if (replacement == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", replacement, position);
}

PyObject *
PyCodec_StrictErrors(PyObject *exc)
{
    if (PyExceptionInstance_Check(exc)) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    }
    return NULL;
}

PyObject *
PyCodec_IgnoreErrors(PyObject *exc)
{
    exc_kind kind = kind_of(exc);
    if (kind == EXC_OTHER) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, kind, &object, &start, &end) < 0) {
        return NULL;
    }
    Py_DECREF(object);
    return handler_result(PyUnicode_New(0, 0), end);
}

/* A str of n copies of ch. */
static PyObject *
repeat_char(Py_UCS4 ch, Py_ssize_t n)
{
    PyObject *str = PyUnicode_New(n, ch);
    if (str == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(str);
    void *data = PyUnicode_DATA(str);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyUnicode_WRITE(kind, data, i, ch);
    }
    return str;
}

PyObject *
PyCodec_ReplaceErrors(PyObject *exc)
{
    exc_kind kind = kind_of(exc);
    if (kind == EXC_OTHER) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, kind, &object, &start, &end) < 0) {
        return NULL;
    }
    Py_DECREF(object);
    PyObject *replacement;
    if (kind == EXC_ENCODE) {
        replacement = repeat_char('?', end - start);
    }
    else if (kind == EXC_DECODE) {
        replacement = repeat_char(Py_UNICODE_REPLACEMENT_CHARACTER, 1);
    }
    else {
        replacement = repeat_char(Py_UNICODE_REPLACEMENT_CHARACTER, end - start);
    }
    return handler_result(replacement, end);
}

PyObject *
PyCodec_XMLCharRefReplaceErrors(PyObject *exc)
{
    if (kind_of(exc) != EXC_ENCODE) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, EXC_ENCODE, &object, &start, &end) < 0) {
        return NULL;
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    if (writer == NULL) {
        Py_DECREF(object);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(object);
    for (Py_ssize_t i = start; i < end && i < len; i++) {
        char buf[16];
        int n = snprintf(buf, sizeof buf, "&#%u;",
                         (unsigned)PyUnicode_READ_CHAR(object, i));
        if (PyUnicodeWriter_WriteASCII(writer, buf, n) < 0) {
            PyUnicodeWriter_Discard(writer);
            Py_DECREF(object);
            return NULL;
        }
    }
    Py_DECREF(object);
    return handler_result(PyUnicodeWriter_Finish(writer), end);
}

/* \xhh, \uhhhh or \Uhhhhhhhh: the shortest escape that holds ch. */
static int
write_backslash_escape(PyUnicodeWriter *writer, Py_UCS4 ch)
{
    char buf[16];
    int n;
    if (ch < 0x100) {
        n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)ch);
    }
    else if (ch < 0x10000) {
        n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)ch);
    }
    else {
        n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)ch);
    }
    return PyUnicodeWriter_WriteASCII(writer, buf, n);
}

/* Escape object[start:end] (a str, or bytes for a decode error);
   with_names writes \N{NAME} where the character has a name. */
static PyObject *
escape_range(PyObject *object, Py_ssize_t start, Py_ssize_t end, int with_names)
{
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    if (writer == NULL) {
        return NULL;
    }
    int is_bytes = PyBytes_Check(object);
    Py_ssize_t len = is_bytes ? PyBytes_GET_SIZE(object)
                              : PyUnicode_GET_LENGTH(object);
    for (Py_ssize_t i = start; i < end && i < len; i++) {
        Py_UCS4 ch = is_bytes ? (unsigned char)PyBytes_AS_STRING(object)[i]
                              : PyUnicode_READ_CHAR(object, i);
        char name[256];
        int rc;
        if (with_names && _PyUnicode_GetName(ch, name, sizeof name)) {
            rc = PyUnicodeWriter_WriteASCII(writer, "\\N{", 3) < 0
                 || PyUnicodeWriter_WriteASCII(writer, name, (Py_ssize_t)strlen(name)) < 0
                 || PyUnicodeWriter_WriteChar(writer, '}') < 0 ? -1 : 0;
        }
        else {
            rc = write_backslash_escape(writer, ch);
        }
        if (rc < 0) {
            PyUnicodeWriter_Discard(writer);
            return NULL;
        }
    }
    return PyUnicodeWriter_Finish(writer);
}

PyObject *
PyCodec_BackslashReplaceErrors(PyObject *exc)
{
    exc_kind kind = kind_of(exc);
    if (kind == EXC_OTHER) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, kind, &object, &start, &end) < 0) {
        return NULL;
    }
    PyObject *replacement = escape_range(object, start, end, 0);
    Py_DECREF(object);
    return handler_result(replacement, end);
}

PyObject *
PyCodec_NameReplaceErrors(PyObject *exc)
{
    if (kind_of(exc) != EXC_ENCODE) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, EXC_ENCODE, &object, &start, &end) < 0) {
        return NULL;
    }
    PyObject *replacement = escape_range(object, start, end, 1);
    Py_DECREF(object);
    return handler_result(replacement, end);
}

/* The UTF form named by a Unicode error's encoding, for surrogatepass. */
typedef enum {
    UTF_UNKNOWN, UTF_8, UTF_16LE, UTF_16BE, UTF_32LE, UTF_32BE
} utf_form;

static utf_form
utf_form_of(PyObject *exc, int *width)
{
    PyObject *encoding = PyObject_GetAttrString(exc, "encoding");
    if (encoding == NULL || !PyUnicode_Check(encoding)) {
        Py_XDECREF(encoding);
        PyErr_Clear();
        return UTF_UNKNOWN;
    }
    const char *name = PyUnicode_AsUTF8(encoding);
    char lower[32];
    size_t n = 0;
    for (; name != NULL && name[n] != '\0' && n + 1 < sizeof lower; n++) {
        lower[n] = (char)Py_TOLOWER(name[n]);
    }
    lower[n] = '\0';
    Py_DECREF(encoding);
    PyErr_Clear();
    const char *p = lower;
    int big = 0;
    if (strncmp(p, "utf", 3) != 0) {
        return UTF_UNKNOWN;
    }
    p += 3;
    if (*p == '-' || *p == '_') {
        p++;
    }
    if (strcmp(p, "8") == 0) {
        *width = 3;
        return UTF_8;
    }
    int bits = strncmp(p, "16", 2) == 0 ? 16 : strncmp(p, "32", 2) == 0 ? 32 : 0;
    if (bits == 0) {
        return UTF_UNKNOWN;
    }
    p += 2;
    if (*p == '-' || *p == '_') {
        p++;
    }
    if (strcmp(p, "be") == 0) {
        big = 1;
    }
    else if (strcmp(p, "le") == 0 || *p == '\0') {
        /* Without a suffix the codec writes the machine's order. */
        big = *p == '\0' && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
    }
    else {
        return UTF_UNKNOWN;
    }
    *width = bits / 8;
    if (bits == 16) {
        return big ? UTF_16BE : UTF_16LE;
    }
    return big ? UTF_32BE : UTF_32LE;
}

/* Store ch in form at out (width bytes). */
static void
put_surrogate(unsigned char *out, utf_form form, Py_UCS4 ch)
{
    switch (form) {
    case UTF_8:
        out[0] = (unsigned char)(0xE0 | (ch >> 12));
        out[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (ch & 0x3F));
        break;
    case UTF_16LE:
        out[0] = (unsigned char)ch;
        out[1] = (unsigned char)(ch >> 8);
        break;
    case UTF_16BE:
        out[0] = (unsigned char)(ch >> 8);
        out[1] = (unsigned char)ch;
        break;
    case UTF_32LE:
        out[0] = (unsigned char)ch;
        out[1] = (unsigned char)(ch >> 8);
        out[2] = (unsigned char)(ch >> 16);
        out[3] = 0;
        break;
    default:
        out[0] = 0;
        out[1] = (unsigned char)(ch >> 16);
        out[2] = (unsigned char)(ch >> 8);
        out[3] = (unsigned char)ch;
        break;
    }
}

/* The code point encoded at p in form (width bytes available). */
static Py_UCS4
get_code_point(const unsigned char *p, utf_form form)
{
    switch (form) {
    case UTF_8:
        if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80
            || (p[2] & 0xC0) != 0x80) {
            return 0;
        }
        return ((Py_UCS4)(p[0] & 0x0F) << 12) | ((Py_UCS4)(p[1] & 0x3F) << 6)
               | (p[2] & 0x3F);
    case UTF_16LE:
        return (Py_UCS4)p[0] | ((Py_UCS4)p[1] << 8);
    case UTF_16BE:
        return ((Py_UCS4)p[0] << 8) | p[1];
    case UTF_32LE:
        return (Py_UCS4)p[0] | ((Py_UCS4)p[1] << 8) | ((Py_UCS4)p[2] << 16)
               | ((Py_UCS4)p[3] << 24);
    default:
        return ((Py_UCS4)p[0] << 24) | ((Py_UCS4)p[1] << 16)
               | ((Py_UCS4)p[2] << 8) | p[3];
    }
}

/* The original error again: what a handler does with input it cannot
   repair. */
static PyObject *
reraise(PyObject *exc)
{
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    return NULL;
}

static PyObject *
surrogatepass_encode(PyObject *exc, PyObject *object, Py_ssize_t start,
                     Py_ssize_t end, utf_form form, int width)
{
    if (end > PyUnicode_GET_LENGTH(object)) {
        end = PyUnicode_GET_LENGTH(object);
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, (end - start) * width);
    if (bytes == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(bytes);
    for (Py_ssize_t i = start; i < end; i++, out += width) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(object, i);
        if (!Py_UNICODE_IS_SURROGATE(ch)) {
            Py_DECREF(bytes);
            return reraise(exc);
        }
        put_surrogate(out, form, ch);
    }
    return handler_result(bytes, end);
}

static PyObject *
surrogatepass_decode(PyObject *exc, PyObject *object, Py_ssize_t start,
                     utf_form form, int width)
{
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(object);
    if (PyBytes_GET_SIZE(object) - start < width) {
        return reraise(exc);
    }
    Py_UCS4 ch = get_code_point(p + start, form);
    if (!Py_UNICODE_IS_SURROGATE(ch)) {
        return reraise(exc);
    }
    return handler_result(PyUnicode_FromOrdinal((int)ch), start + width);
}

/* surrogatepass: let lone surrogates through UTF-8/16/32 as if they
   were ordinary code points. */
static PyObject *
surrogatepass_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    exc_kind kind = kind_of(exc);
    if (kind != EXC_ENCODE && kind != EXC_DECODE) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, kind, &object, &start, &end) < 0) {
        return NULL;
    }
    int width = 0;
    utf_form form = utf_form_of(exc, &width);
    PyObject *result;
    if (form == UTF_UNKNOWN) {
        result = reraise(exc);
    }
    else if (kind == EXC_ENCODE) {
        result = surrogatepass_encode(exc, object, start, end, form, width);
    }
    else {
        result = surrogatepass_decode(exc, object, start, form, width);
    }
    Py_DECREF(object);
    return result;
}

/* surrogateescape: undecodable bytes 0x80..0xFF become U+DC80..U+DCFF
   and are turned back into those bytes on encoding (PEP 383). */
static PyObject *
surrogateescape_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    exc_kind kind = kind_of(exc);
    if (kind != EXC_ENCODE && kind != EXC_DECODE) {
        return wrong_exception_type(exc);
    }
    PyObject *object;
    Py_ssize_t start, end;
    if (read_unicode_error(exc, kind, &object, &start, &end) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    if (kind == EXC_ENCODE) {
        if (end > PyUnicode_GET_LENGTH(object)) {
            end = PyUnicode_GET_LENGTH(object);
        }
        PyObject *bytes = PyBytes_FromStringAndSize(NULL, end - start);
        for (Py_ssize_t i = start; bytes != NULL && i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(object, i);
            if (ch < 0xDC80 || ch > 0xDCFF) {
                Py_CLEAR(bytes);
                reraise(exc);
                break;
            }
            PyBytes_AS_STRING(bytes)[i - start] = (char)(ch - 0xDC00);
        }
        result = handler_result(bytes, end);
    }
    else {
        /* At most four bytes: the longest sequence a decoder rejects. */
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(object);
        Py_UCS4 escaped[4];
        Py_ssize_t n = 0;
        while (n < 4 && start + n < end && start + n < PyBytes_GET_SIZE(object)
               && p[start + n] >= 0x80) {
            escaped[n] = 0xDC00 + p[start + n];
            n++;
        }
        if (n == 0) {
            result = reraise(exc);
        }
        else {
            result = handler_result(
                PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, escaped, n),
                start + n);
        }
    }
    Py_DECREF(object);
    return result;
}

static PyObject *
strict_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_StrictErrors(exc);
}

static PyObject *
ignore_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_IgnoreErrors(exc);
}

static PyObject *
replace_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_ReplaceErrors(exc);
}

static PyObject *
xmlcharrefreplace_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_XMLCharRefReplaceErrors(exc);
}

static PyObject *
backslashreplace_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_BackslashReplaceErrors(exc);
}

static PyObject *
namereplace_errors(PyObject *Py_UNUSED(module), PyObject *exc)
{
    return PyCodec_NameReplaceErrors(exc);
}

static struct {
    const char *name;
    PyMethodDef def;
} standard_error_handlers[] = {
    {"strict", {"strict_errors", strict_errors, METH_O,
                "The 'strict' error handler: raise the error."}},
    {"ignore", {"ignore_errors", ignore_errors, METH_O,
                "The 'ignore' error handler: drop what cannot be coded."}},
    {"replace", {"replace_errors", replace_errors, METH_O,
                 "The 'replace' error handler: '?' when encoding, U+FFFD "
                 "when decoding."}},
    {"xmlcharrefreplace", {"xmlcharrefreplace_errors", xmlcharrefreplace_errors,
                           METH_O,
                           "The 'xmlcharrefreplace' error handler (encoding "
                           "only): &#NNN; for each character."}},
    {"backslashreplace", {"backslashreplace_errors", backslashreplace_errors,
                          METH_O,
                          "The 'backslashreplace' error handler: \\xhh, "
                          "\\uhhhh or \\Uhhhhhhhh escapes."}},
    {"namereplace", {"namereplace_errors", namereplace_errors, METH_O,
                     "The 'namereplace' error handler (encoding only): "
                     "\\N{NAME} escapes, backslash escapes for characters "
                     "without a name."}},
    {"surrogatepass", {"surrogatepass", surrogatepass_errors, METH_O, NULL}},
    {"surrogateescape", {"surrogateescape", surrogateescape_errors, METH_O,
                         NULL}},
};

static int
is_standard_error_handler(const char *name)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(standard_error_handlers); i++) {
        if (strcmp(name, standard_error_handlers[i].name) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
register_standard_error_handlers(PyObject *error_registry)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(standard_error_handlers); i++) {
        PyObject *function = PyCFunction_New(&standard_error_handlers[i].def,
                                             NULL);
        if (function == NULL
            || PyDict_SetItemString(error_registry,
                                    standard_error_handlers[i].name,
                                    function) < 0) {
            Py_XDECREF(function);
            return -1;
        }
        Py_DECREF(function);
    }
    return 0;
}

/* ---- calling handlers for the built-in codecs ------------------------------ */

/* Check a handler's (replacement, position) result and resolve the
   position against the input length (negative counts from the end). */
static int
unpack_handler_result(PyObject *result, int allow_bytes, Py_ssize_t length,
                      PyObject **replacement, Py_ssize_t *newpos)
{
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 2
        || !(PyUnicode_Check(PyTuple_GET_ITEM(result, 0))
             || (allow_bytes && PyBytes_Check(PyTuple_GET_ITEM(result, 0))))
        || !PyLong_Check(PyTuple_GET_ITEM(result, 1))) {
        PyErr_SetString(PyExc_TypeError,
                        allow_bytes
                        ? "encoding error handler must return (str/bytes, int) tuple"
                        : "decoding error handler must return (str, int) tuple");
        return -1;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(result, 1));
    if (pos == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (pos < 0) {
        pos += length;
    }
    if (pos < 0 || pos > length) {
        PyErr_Format(PyExc_IndexError,
                     "position %zd from error handler out of bounds", pos);
        return -1;
    }
    *replacement = Py_NewRef(PyTuple_GET_ITEM(result, 0));
    *newpos = pos;
    return 0;
}

/* Call the handler registered as `errors` with exc (a new reference,
   consumed) and unpack its answer. */
static int
call_error_handler(const char *errors, PyObject *exc, int allow_bytes,
                   Py_ssize_t length, PyObject **replacement,
                   Py_ssize_t *newpos)
{
    if (exc == NULL) {
        return -1;
    }
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        Py_DECREF(exc);
        return -1;
    }
    PyObject *result = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    Py_DECREF(exc);
    if (result == NULL) {
        return -1;
    }
    int rc = unpack_handler_result(result, allow_bytes, length, replacement,
                                   newpos);
    Py_DECREF(result);
    return rc;
}

int
_PyCodec_CallEncodeErrorHandler(const char *errors, const char *encoding,
                                const char *reason, PyObject *str,
                                Py_ssize_t start, Py_ssize_t end,
                                PyObject **replacement, Py_ssize_t *newpos)
{
    PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns",
                                          encoding, str, start, end, reason);
    return call_error_handler(errors, exc, 1, PyUnicode_GET_LENGTH(str),
                              replacement, newpos);
}

int
_PyCodec_CallDecodeErrorHandler(const char *errors, const char *encoding,
                                const char *reason, const char *input,
                                Py_ssize_t insize, Py_ssize_t start,
                                Py_ssize_t end, PyObject **replacement,
                                Py_ssize_t *newpos, PyObject **new_input)
{
    *new_input = NULL;
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, insize,
                                                start, end, reason);
    if (exc == NULL) {
        return -1;
    }
    PyObject *handler = PyCodec_LookupError(errors);
    PyObject *original = handler ? PyUnicodeDecodeError_GetObject(exc) : NULL;
    PyObject *result = original ? PyObject_CallOneArg(handler, exc) : NULL;
    Py_XDECREF(handler);
    /* A handler may give the exception another input to go on with
       (exc.object = ...), as CPython allows: positions then count in it. */
    PyObject *current = result ? PyUnicodeDecodeError_GetObject(exc) : NULL;
    Py_DECREF(exc);
    int rc = -1;
    if (current != NULL) {
        Py_ssize_t length = current == original ? insize
                                                : PyBytes_GET_SIZE(current);
        rc = unpack_handler_result(result, 0, length, replacement, newpos);
        if (rc == 0 && current != original) {
            *new_input = Py_NewRef(current);
        }
    }
    Py_XDECREF(original);
    Py_XDECREF(current);
    Py_XDECREF(result);
    return rc;
}

/* ---- str.encode and bytes.decode for the encodings not built in ------------ */

PyObject *
_PyCodec_EncodeStrViaRegistry(PyObject *unicode, const char *encoding,
                              const char *errors)
{
    PyObject *result = _PyCodec_EncodeText(unicode, encoding, errors);
    if (result == NULL || PyBytes_Check(result)) {
        return result;
    }
    if (PyByteArray_Check(result)) {
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                             "encoder %s returned bytearray instead of bytes; "
                             "use codecs.encode() to encode to arbitrary types",
                             encoding) < 0) {
            Py_DECREF(result);
            return NULL;
        }
        PyObject *bytes = PyBytes_FromStringAndSize(
            PyByteArray_AS_STRING(result), PyByteArray_GET_SIZE(result));
        Py_DECREF(result);
        return bytes;
    }
    PyErr_Format(PyExc_TypeError,
                 "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                 "use codecs.encode() to encode to arbitrary types",
                 encoding, Py_TYPE(result)->tp_name);
    Py_DECREF(result);
    return NULL;
}

PyObject *
_PyCodec_DecodeBytesViaRegistry(const char *s, Py_ssize_t size,
                                const char *encoding, const char *errors)
{
    /* Codecs get a memoryview, as in CPython, but over a copy of s: a
       Python codec may keep its input beyond this call. */
    PyObject *copy = PyBytes_FromStringAndSize(s, size);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *input = PyMemoryView_FromObject(copy);
    Py_DECREF(copy);
    if (input == NULL) {
        return NULL;
    }
    PyObject *result = _PyCodec_DecodeText(input, encoding, errors);
    Py_DECREF(input);
    if (result == NULL || PyUnicode_Check(result)) {
        return result;
    }
    PyErr_Format(PyExc_TypeError,
                 "'%.400s' decoder returned '%.400s' instead of 'str'; "
                 "use codecs.decode() to decode to arbitrary types",
                 encoding, Py_TYPE(result)->tp_name);
    Py_DECREF(result);
    return NULL;
}
