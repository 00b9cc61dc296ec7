/* Internal bytes-object functions (Objects/bytesobject.c). */
#ifndef Py_INTERNAL_BYTESOBJECT_H
#define Py_INTERNAL_BYTESOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The escape decoder behind bytes literals and codecs.escape_decode: like
   PyBytes_DecodeEscape, but *first_invalid_escape points at the backslash
   of the first invalid escape ("\d" is kept as written, "\477" wraps to a
   byte) or is NULL if there is none, so that the caller can warn. */
PyAPI_FUNC(PyObject *) _PyBytes_DecodeEscape2(const char *s, Py_ssize_t len,
                                              const char *errors,
                                              const char **first_invalid_escape);

#endif /* !Py_INTERNAL_BYTESOBJECT_H */
