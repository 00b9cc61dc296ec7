/* Full-API operating-system helpers (Python/fileutils.c). */
#ifndef Py_CPYTHON_FILEUTILS_H
#define Py_CPYTHON_FILEUTILS_H

/* ASCII case-insensitive comparison of at most size bytes (mystrnicmp)
   or of whole NUL-terminated strings (mystricmp): <0, 0 or >0 like
   strcmp.  Locale-independent: only A-Z and a-z are folded. */
PyAPI_FUNC(int) PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t size);
PyAPI_FUNC(int) PyOS_mystricmp(const char *a, const char *b);
#define PyOS_strnicmp PyOS_mystrnicmp
#define PyOS_stricmp PyOS_mystricmp

/* Whether fp should be treated as interactive: it is a terminal, or the
   interpreter runs with -i and filename is NULL, "<stdin>" or "???". */
PyAPI_FUNC(int) Py_FdIsInteractive(FILE *fp, const char *filename);

/* The interactive input hooks, defined with the line editor
   (Parser/line_editor.c; Include/internal/pycore_readline.h declares
   them identically).  CPython declares them in cpython/pythonrun.h. */
PyAPI_DATA(int) (*PyOS_InputHook)(void);
PyAPI_DATA(char *) (*PyOS_ReadlineFunctionPointer)(FILE *, FILE *,
                                                    const char *);

#endif /* Py_CPYTHON_FILEUTILS_H */
