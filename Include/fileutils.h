/* Operating-system helpers of the Limited API (Python/fileutils.c):
   locale text conversion for code that runs before (or without) Python
   objects, and signal dispositions.

   Weft always runs in UTF-8 mode, so "the locale encoding" is UTF-8 with
   the surrogateescape error handler: undecodable bytes 0x80-0xFF become
   U+DC80-U+DCFF and encode back to the same bytes.

   CPython declares PyOS_getsig/PyOS_setsig in pylifecycle.h and
   PyOS_InterruptOccurred/PyOS_AfterFork in intrcheck.h; every one of them
   reaches extension code through Python.h either way. */
#ifndef Py_FILEUTILS_H
#define Py_FILEUTILS_H

/* Decode a NUL-terminated byte string.  Returns a wide string allocated
   with PyMem_RawMalloc (free it with PyMem_RawFree), or NULL: then *size
   (if size is not NULL) is (size_t)-1 on memory exhaustion and
   (size_t)-2 on a decoding error.  On success *size is the number of wide
   characters, not counting the terminator.  Usable before Py_Initialize;
   never sets a Python exception. */
PyAPI_FUNC(wchar_t *) Py_DecodeLocale(const char *arg, size_t *size);

/* Encode a NUL-terminated wide string.  Returns a byte string allocated
   with PyMem_Malloc (free it with PyMem_Free), or NULL: then *error_pos
   (if not NULL) is (size_t)-1 on memory exhaustion, or the index of the
   first character that cannot be encoded.  Never sets a Python
   exception. */
PyAPI_FUNC(char *) Py_EncodeLocale(const wchar_t *text, size_t *error_pos);

typedef void (*PyOS_sighandler_t)(int);

/* The current C handler of signal sig, or SIG_ERR if sig is invalid. */
PyAPI_FUNC(PyOS_sighandler_t) PyOS_getsig(int sig);
/* Install handler for sig (sigaction, SA_ONSTACK, no signal blocked while
   it runs); returns the previous handler, or SIG_ERR on failure. */
PyAPI_FUNC(PyOS_sighandler_t) PyOS_setsig(int sig, PyOS_sighandler_t handler);

/* 1 if SIGINT arrived since the last check (and forget it), else 0.
   Only the main thread sees interrupts; other threads always get 0. */
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);

/* Deprecated since 3.7: the same as PyOS_AfterFork_Child. */
Py_DEPRECATED(3.7) PyAPI_FUNC(void) PyOS_AfterFork(void);

#ifndef Py_LIMITED_API
#  include "cpython/fileutils.h"
#endif

#endif /* Py_FILEUTILS_H */
