/* The start-up text streams behind sys.stdin/stdout/stderr
   (Python/stdio_stream.c) until io.TextIOWrapper replaces them. */
#ifndef Py_INTERNAL_STDIO_H
#define Py_INTERNAL_STDIO_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

extern PyTypeObject _PyStdioStream_Type;

/* A new stream over fd; `errors` is the codec error handler name. */
PyObject *_PyStdio_NewStream(int fd, int readable, const char *name,
                             const char *errors);
/* Flush sys.stdout and sys.stderr, keeping any raised exception. */
PyAPI_FUNC(void) _PyStdio_FlushAll(void);

#endif /* Py_INTERNAL_STDIO_H */
