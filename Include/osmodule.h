/* The os module's C API (Modules/posixmodule.c). */
#ifndef Py_OSMODULE_H
#define Py_OSMODULE_H

/* os.fspath(path): a new reference to a str or bytes, else NULL with
   TypeError. */
PyAPI_FUNC(PyObject *) PyOS_FSPath(PyObject *path);

#endif /* Py_OSMODULE_H */
