/* File objects seen from C: file descriptors of Python objects and the
   PyFile_* helpers over the io module (Objects/fileobject.c). */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H

#define PY_STDIOTEXTMODE "b"

/* An int, or an object with a fileno() method returning one: the file
   descriptor (>= 0), or -1 with an exception. */
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *obj);

/* io.open(fd, mode, buffering, encoding, errors, newline, closefd);
   NULL strings leave io.open's defaults. */
PyAPI_FUNC(PyObject *) PyFile_FromFd(int fd, const char *name,
                                     const char *mode, int buffering,
                                     const char *encoding, const char *errors,
                                     const char *newline, int closefd);

/* f.readline() (n <= 0) or f.readline(n); EOFError at end of file when
   n < 0, as CPython's input() relies on. */
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *f, int n);

/* f.write(str(obj)), or f.write(repr(obj)) without Py_PRINT_RAW. */
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *obj, PyObject *f, int flags);
PyAPI_FUNC(int) PyFile_WriteString(const char *s, PyObject *f);

#ifndef Py_PRINT_RAW
#  define Py_PRINT_RAW 1
#endif

#endif /* !Py_FILEOBJECT_H */
