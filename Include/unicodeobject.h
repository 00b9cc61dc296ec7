/* str: immutable Unicode text (Objects/unicodeobject.c).

   This is the Limited API part; the object layout (PEP 393 compact
   storage), the access macros and PyUnicodeWriter are in
   cpython/unicodeobject.h. */
#ifndef Py_UNICODEOBJECT_H
#define Py_UNICODEOBJECT_H

#include <stdarg.h>

typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

/* The largest code point, and U+FFFD for undecodable input. */
#define Py_UNICODE_SIZE 4
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)

PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;

#define PyUnicode_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)

/* ---- creation ------------------------------------------------------------ */

PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *u);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *str, Py_ssize_t start,
                                           Py_ssize_t end);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer,
                                       Py_ssize_t buflen, int copy_null);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *unicode);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *unicode);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index,
                                    Py_UCS4 character);
PyAPI_FUNC(int) PyUnicode_Resize(PyObject **unicode, Py_ssize_t length);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *obj,
                                                   const char *encoding,
                                                   const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *format, va_list vargs);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *format, ...);
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *u);
PyAPI_FUNC(void) PyUnicode_InternImmortal(PyObject **);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w,
                                            Py_ssize_t size);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *unicode,
                                                 Py_ssize_t *size);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int ordinal);

/* ---- codecs -------------------------------------------------------------- */

PyAPI_FUNC(const char *) PyUnicode_GetDefaultEncoding(void);
PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *s, Py_ssize_t size,
                                        const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedObject(PyObject *unicode,
                                                 const char *encoding,
                                                 const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *unicode,
                                                 const char *encoding,
                                                 const char *errors);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *string, Py_ssize_t length,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *string,
                                                    Py_ssize_t length,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *unicode);
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *unicode,
                                                 Py_ssize_t *size);
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *unicode);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32(const char *string, Py_ssize_t length,
                                             const char *errors, int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32Stateful(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF32String(PyObject *unicode);
/* capi (session 6): UTF-7 (Objects/unicode_utf7.c). */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7(const char *string, Py_ssize_t length,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7Stateful(const char *string,
                                                    Py_ssize_t length,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16(const char *string, Py_ssize_t length,
                                             const char *errors, int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16Stateful(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF16String(PyObject *unicode);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeUnicodeEscape(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsUnicodeEscapeString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeRawUnicodeEscape(const char *string,
                                                        Py_ssize_t length,
                                                        const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeCharmap(const char *string,
                                              Py_ssize_t length,
                                              PyObject *mapping,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsCharmapString(PyObject *unicode,
                                                 PyObject *mapping);
PyAPI_FUNC(PyObject *) PyUnicode_BuildEncodingMap(PyObject *string);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *string, Py_ssize_t length,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *string, Py_ssize_t length,
                                             const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *unicode);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *s);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *s,
                                                        Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *str, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocaleAndSize(const char *str,
                                                     Py_ssize_t len,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeLocale(PyObject *unicode,
                                              const char *errors);

/* ---- operations ---------------------------------------------------------- */

PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *left, PyObject *right);
PyAPI_FUNC(void) PyUnicode_Append(PyObject **pleft, PyObject *right);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *s, PyObject *sep,
                                       Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *s, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *s, PyObject *sep,
                                        Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Translate(PyObject *str, PyObject *table,
                                           const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *separator, PyObject *seq);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *str, PyObject *substr,
                                           Py_ssize_t start, Py_ssize_t end,
                                           int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *str, PyObject *substr,
                                      Py_ssize_t start, Py_ssize_t end,
                                      int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *str, Py_UCS4 ch,
                                          Py_ssize_t start, Py_ssize_t end,
                                          int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *str, PyObject *substr,
                                       Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *str, PyObject *substr,
                                         PyObject *replstr, Py_ssize_t maxcount);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *left, PyObject *right);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *left,
                                                 const char *right);
PyAPI_FUNC(int) PyUnicode_Equal(PyObject *a, PyObject *b);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8(PyObject *unicode, const char *string);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8AndSize(PyObject *unicode,
                                             const char *string,
                                             Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *left, PyObject *right,
                                             int op);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *container, PyObject *element);
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *s);

/* Conversion helpers for PyArg_Parse "O&". */
PyAPI_FUNC(int) PyUnicode_FSConverter(PyObject *, void *);
PyAPI_FUNC(int) PyUnicode_FSDecoder(PyObject *, void *);

#ifndef Py_LIMITED_API
#  include "cpython/unicodeobject.h"
#endif

#endif /* Py_UNICODEOBJECT_H */
