/* Serialising Python values in the marshal format (Python/marshal.c).

   The format of every non-code value is CPython's, so the same value
   marshals to the same bytes; code objects use Weft's own field list.
   Not part of the Limited API. */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#ifndef Py_LIMITED_API

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The format version marshal.dumps uses by default (5: slices). */
#define Py_MARSHAL_VERSION 5

/* Write a 4-byte little-endian integer (the low 32 bits of x). */
PyAPI_FUNC(void) PyMarshal_WriteLongToFile(long x, FILE *fp, int version);
/* Write x marshalled; on failure nothing is written and an exception is
   set (check PyErr_Occurred). */
PyAPI_FUNC(void) PyMarshal_WriteObjectToFile(PyObject *x, FILE *fp,
                                             int version);
/* A new bytes object holding x marshalled, or NULL with an exception. */
PyAPI_FUNC(PyObject *) PyMarshal_WriteObjectToString(PyObject *x,
                                                     int version);

/* A 4-byte signed / 2-byte signed little-endian integer; -1 with
   EOFError at the end of the file. */
PyAPI_FUNC(long) PyMarshal_ReadLongFromFile(FILE *fp);
PyAPI_FUNC(int) PyMarshal_ReadShortFromFile(FILE *fp);
/* A new reference to the next value in the file, or NULL with an
   exception. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromFile(FILE *fp);
/* Like PyMarshal_ReadObjectFromFile, for a value that is the last thing
   in the file: the rest of the file is read in one go. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadLastObjectFromFile(FILE *fp);
/* A new reference to the value marshalled at the start of data[0:len]
   (bytes after it are ignored), or NULL with an exception. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromString(const char *data,
                                                      Py_ssize_t len);

#ifdef __cplusplus
}
#endif

#endif /* !Py_LIMITED_API */
#endif /* Py_MARSHAL_H */
