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

/* unicodedata.east_asian_width(): "N", "A", "F", "H", "Na" or "W". */
PyAPI_FUNC(const char *) _PyUnicode_EastAsianWidthName(Py_UCS4 ch);
/* The decomposition mapping of UnicodeData.txt: its length (0 if none)
   with the code points in buf (room for _PyUnicode_DECOMPOSITION_MAX)
   and *tag "" for a canonical mapping or "<compat>", "<font>", ...
   Hangul syllables have none here; they decompose algorithmically. */
#define _PyUnicode_DECOMPOSITION_MAX 18
PyAPI_FUNC(int) _PyUnicode_GetDecomposition(Py_UCS4 ch, const char **tag,
                                            Py_UCS4 *buf);
/* Normalization quick check of ch for form 0 NFC, 1 NFKC, 2 NFD, 3 NFKD:
   0 yes, 1 no, 2 maybe. */
PyAPI_FUNC(int) _PyUnicode_QuickCheck(Py_UCS4 ch, int form);
/* Full_Composition_Exclusion. */
PyAPI_FUNC(int) _PyUnicode_IsCompositionExclusion(Py_UCS4 ch);
/* The primary composite of the pair (Hangul included), or 0. */
PyAPI_FUNC(Py_UCS4) _PyUnicode_Compose(Py_UCS4 first, Py_UCS4 second);

/* The longest result of a full case mapping (_PyUnicode_ToLowerFull ...). */
#define _PyUnicode_FULL_CASE_MAX 3

#endif /* Py_INTERNAL_UNICODECTYPE_H */
