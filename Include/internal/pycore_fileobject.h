/* Core-only helpers of the file-object API (Objects/fileobject.c). */
#ifndef Py_INTERNAL_FILEOBJECT_H
#define Py_INTERNAL_FILEOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* A PyArg_Parse "O&" converter: PyObject_AsFileDescriptor into the int
   at `out`. */
PyAPI_FUNC(int) _PyObject_FileDescriptorConverter(PyObject *obj, void *out);

#endif /* !Py_INTERNAL_FILEOBJECT_H */
