/* The codec registry (Python/codecs.c): search functions that map an
   encoding name to a CodecInfo, and the error handlers codecs call. */
#ifndef Py_CODECS_H
#define Py_CODECS_H

/* Add a search function: called with a normalised encoding name, it
   returns a CodecInfo (a 4-tuple) or None. */
PyAPI_FUNC(int) PyCodec_Register(PyObject *search_function);
/* Remove a search function and forget every cached lookup. */
PyAPI_FUNC(int) PyCodec_Unregister(PyObject *search_function);
/* 1 if a codec for encoding is found, else 0 (never raises). */
PyAPI_FUNC(int) PyCodec_KnownEncoding(const char *encoding);

/* Run the codec's stateless encoder/decoder; errors may be NULL. */
PyAPI_FUNC(PyObject *) PyCodec_Encode(PyObject *object, const char *encoding,
                                      const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_Decode(PyObject *object, const char *encoding,
                                      const char *errors);

/* Parts of the codec found for encoding (new references). */
PyAPI_FUNC(PyObject *) PyCodec_Encoder(const char *encoding);
PyAPI_FUNC(PyObject *) PyCodec_Decoder(const char *encoding);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalEncoder(const char *encoding,
                                                  const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalDecoder(const char *encoding,
                                                  const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_StreamReader(const char *encoding,
                                            PyObject *stream,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_StreamWriter(const char *encoding,
                                            PyObject *stream,
                                            const char *errors);

/* Error handlers: callables taking a UnicodeEncodeError, DecodeError or
   TranslateError and returning (replacement, new position). */
PyAPI_FUNC(int) PyCodec_RegisterError(const char *name, PyObject *error);
PyAPI_FUNC(PyObject *) PyCodec_LookupError(const char *name);

PyAPI_FUNC(PyObject *) PyCodec_StrictErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_IgnoreErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_ReplaceErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_XMLCharRefReplaceErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_BackslashReplaceErrors(PyObject *exc);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyAPI_FUNC(PyObject *) PyCodec_NameReplaceErrors(PyObject *exc);
#endif

#ifndef Py_LIMITED_API
PyAPI_DATA(const char *) Py_hexdigits;
#endif

#endif /* Py_CODECS_H */
