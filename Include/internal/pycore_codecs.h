/* Core-only parts of the codec registry (Python/codecs.c). */
#ifndef Py_INTERNAL_CODECS_H
#define Py_INTERNAL_CODECS_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The CodecInfo registered for encoding (new reference), or NULL with
   LookupError "unknown encoding: NAME".  The first lookup imports the
   encodings package, which registers the standard search function. */
PyAPI_FUNC(PyObject *) _PyCodec_Lookup(const char *encoding);
/* The same, under the name this implementation's brief gave it. */
PyAPI_FUNC(PyObject *) PyCodec_Lookup(const char *encoding);
/* Drop encoding's cached CodecInfo: 0, or -1 with an exception. */
PyAPI_FUNC(int) _PyCodec_Forget(const char *encoding);

/* Like _PyCodec_Lookup, but a codec whose CodecInfo has a false
   _is_text_encoding raises LookupError "'NAME' is not a text encoding;
   use ALTERNATE_COMMAND to handle arbitrary codecs". */
PyAPI_FUNC(PyObject *) _PyCodec_LookupTextEncoding(
    const char *encoding, const char *alternate_command);
/* str <-> bytes through a text encoding (str.encode, bytes.decode). */
PyAPI_FUNC(PyObject *) _PyCodec_EncodeText(PyObject *object,
                                           const char *encoding,
                                           const char *errors);
PyAPI_FUNC(PyObject *) _PyCodec_DecodeText(PyObject *object,
                                           const char *encoding,
                                           const char *errors);
/* str.encode() and bytes.decode() for an encoding the built-in codecs
   of Objects/unicode_codecs.c do not know: through the registry, with
   CPython's errors when the codec returns something else than bytes
   (bytearray is accepted with a RuntimeWarning) or str. */
PyAPI_FUNC(PyObject *) _PyCodec_EncodeStrViaRegistry(PyObject *unicode,
                                                     const char *encoding,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) _PyCodec_DecodeBytesViaRegistry(const char *s,
                                                       Py_ssize_t size,
                                                       const char *encoding,
                                                       const char *errors);
/* An incremental encoder/decoder from a CodecInfo already looked up
   (io.TextIOWrapper keeps the CodecInfo); errors may be NULL. */
PyAPI_FUNC(PyObject *) _PyCodecInfo_GetIncrementalEncoder(
    PyObject *codec_info, const char *errors);
PyAPI_FUNC(PyObject *) _PyCodecInfo_GetIncrementalDecoder(
    PyObject *codec_info, const char *errors);

/* Remove a handler registered with PyCodec_RegisterError: 1 if one was
   removed, 0 if there was none, -1 with ValueError for the standard
   handlers (which cannot be removed) or another exception. */
PyAPI_FUNC(int) _PyCodec_UnregisterError(const char *name);

/* Error handlers registered by name for the built-in codecs of
   Objects/unicode_codecs.c (a name they do not know themselves).

   Encoding: call the handler for str[start:end]; on success *replacement
   is a new reference to a str or bytes and *newpos a position in
   0..len(str).  Decoding: the same for input[start:end], *replacement a
   str.  Return 0, or -1 with an exception set (LookupError for an
   unknown handler, the handler's own exception, or TypeError for a
   malformed result). */
PyAPI_FUNC(int) _PyCodec_CallEncodeErrorHandler(
    const char *errors, const char *encoding, const char *reason,
    PyObject *str, Py_ssize_t start, Py_ssize_t end,
    PyObject **replacement, Py_ssize_t *newpos);
/* *new_input: NULL, or (new reference) the bytes the handler put in
   exc.object for decoding to go on with; *newpos is then in it. */
PyAPI_FUNC(int) _PyCodec_CallDecodeErrorHandler(
    const char *errors, const char *encoding, const char *reason,
    const char *input, Py_ssize_t insize, Py_ssize_t start, Py_ssize_t end,
    PyObject **replacement, Py_ssize_t *newpos, PyObject **new_input);

#endif /* Py_INTERNAL_CODECS_H */
