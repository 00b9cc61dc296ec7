/* Issuing warnings from C (Python/warnings.c).  PyErr_WarnEx,
   PyErr_WarnFormat, PyErr_ResourceWarning and PyErr_WarnExplicit are
   declared with the rest of the error API in pyerrors.h. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category,
                                         PyObject *message,
                                         PyObject *filename,
                                         int lineno,
                                         PyObject *module,
                                         PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicitFormat(PyObject *category,
                                         const char *filename, int lineno,
                                         const char *module,
                                         PyObject *registry,
                                         const char *format, ...);
#endif

#ifdef Py_BUILD_CORE
/* After sys is configured: complete sys.warnoptions for -X dev and -b and
   install them (Python/warnings.c).  0, or -1 with an exception. */
extern int _PyWarnings_InitFromConfig(void);
struct PyConfig;
/* The same, then `import site` unless -S (Python/pylifecycle.c); called
   once sys is configured from the PyConfig. */
extern void _Py_InitMainModules(const struct PyConfig *config);
#endif

/* The old spelling, kept for source compatibility. */
#define PyErr_Warn(category, msg) PyErr_WarnEx((category), (msg), 1)

#endif /* Py_WARNINGS_H */
