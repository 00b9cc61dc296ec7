/* Locale-independent ASCII character classes (CPython's Py_IS* / Py_TO*).
   Bytes >= 128 belong to no class and map to themselves. */
#ifndef Py_CPYTHON_PYCTYPE_H
#define Py_CPYTHON_PYCTYPE_H

static inline int _Py_ascii_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int _Py_ascii_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int _Py_ascii_is_digit(int c) { return c >= '0' && c <= '9'; }

#define Py_ISLOWER(c) _Py_ascii_is_lower(Py_CHARMASK(c))
#define Py_ISUPPER(c) _Py_ascii_is_upper(Py_CHARMASK(c))
#define Py_ISALPHA(c) (Py_ISLOWER(c) || Py_ISUPPER(c))
#define Py_ISDIGIT(c) _Py_ascii_is_digit(Py_CHARMASK(c))
#define Py_ISXDIGIT(c) (Py_ISDIGIT(c) || (Py_CHARMASK(c) >= 'a' && Py_CHARMASK(c) <= 'f') \
                        || (Py_CHARMASK(c) >= 'A' && Py_CHARMASK(c) <= 'F'))
#define Py_ISALNUM(c) (Py_ISALPHA(c) || Py_ISDIGIT(c))
#define Py_ISSPACE(c) (Py_CHARMASK(c) == ' ' || (Py_CHARMASK(c) >= '\t' && Py_CHARMASK(c) <= '\r'))
#define Py_TOLOWER(c) (Py_ISUPPER(c) ? Py_CHARMASK(c) + ('a' - 'A') : Py_CHARMASK(c))
#define Py_TOUPPER(c) (Py_ISLOWER(c) ? Py_CHARMASK(c) - ('a' - 'A') : Py_CHARMASK(c))

#endif /* Py_CPYTHON_PYCTYPE_H */
