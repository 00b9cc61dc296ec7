/* Core-only access to the Unicode character database tables
   (Objects/unicodectype.c, generated data in Objects/unicode_db.h).

   The tables are const data built at compile time, so every function
   here is safe to call from any thread without locking. */
#ifndef Py_INTERNAL_UNICODECTYPE_H
#define Py_INTERNAL_UNICODECTYPE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The Unicode version of the tables, e.g. "15.0.0" (unicodedata.unidata_version). */
extern const char _PyUnicode_UnidataVersion[];

/* Properties for unicodedata: the general category ("Lu", ..., "Cn" for
   unassigned), the bidirectional class ("" when unassigned), the
   canonical combining class and the mirrored flag. */
PyAPI_FUNC(const char *) _PyUnicode_CategoryName(Py_UCS4 ch);
PyAPI_FUNC(const char *) _PyUnicode_BidirectionalName(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_CombiningClass(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsMirrored(Py_UCS4 ch);
/* unicodedata.numeric(): 1 and *value set, or 0 when ch has no value. */
PyAPI_FUNC(int) _PyUnicode_GetNumericValue(Py_UCS4 ch, double *value);

/* The name of ch ("LATIN SMALL LETTER A"), NUL-terminated in buf: 1, or
   0 when ch has no name (or buf is too small; 256 bytes always suffice). */
PyAPI_FUNC(int) _PyUnicode_GetName(Py_UCS4 ch, char *buf, size_t buflen);
/* The code point named name[0:namelen] (case-insensitive; with_aliases
   also accepts NameAliases.txt names, as "\N{...}" does): 1 and *ch, or
   0 if there is no such name. */
PyAPI_FUNC(int) _PyUnicode_LookupName(const char *name, size_t namelen,
                                      int with_aliases, Py_UCS4 *ch);

/* The longest result of a full case mapping (_PyUnicode_ToLowerFull ...). */
#define _PyUnicode_FULL_CASE_MAX 3

#endif /* Py_INTERNAL_UNICODECTYPE_H */
