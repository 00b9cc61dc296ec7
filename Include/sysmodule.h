/* The sys module's C API (Python/sysmodule.c). */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H

/* sys.<name> as a borrowed reference, or NULL (no exception) when missing. */
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);
/* Set sys.<name>; a NULL value deletes it.  0 or -1 with an exception. */
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *value);
/* Write formatted text to sys.stdout / sys.stderr (falling back to the C
   streams); exceptions raised while writing are discarded. */
PyAPI_FUNC(void) PySys_WriteStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_WriteStderr(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *format, ...);
/* Raise an audit event (PEP 578): the hooks added by sys.addaudithook
   are called with (event, args).  0, or -1 with the exception of the
   first hook that raised.  PySys_Audit builds args with Py_BuildValue's
   format (which must describe a tuple's items). */
PyAPI_FUNC(int) PySys_Audit(const char *event, const char *format, ...);
PyAPI_FUNC(int) PySys_AuditTuple(const char *event, PyObject *args);

#ifndef Py_LIMITED_API
/* New references to sys attributes; -1/NULL with an exception when the
   call fails, 0/NULL without one when the attribute is missing. */
PyAPI_FUNC(int) PySys_GetOptionalAttrString(const char *name,
                                            PyObject **result);
PyAPI_FUNC(PyObject *) PySys_GetAttrString(const char *name);
#endif

#endif /* Py_SYSMODULE_H */
