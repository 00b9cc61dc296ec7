/* Capsules: an opaque C pointer wrapped in a Python object, so that one
   extension module can hand a C API (a table of function pointers, say)
   to another through an ordinary module attribute (Objects/capsule.c).

   The whole family is in the Limited API and in both stable ABIs (abi3,
   abi3t): nothing here depends on the object layout. */
#ifndef Py_CAPSULE_H
#define Py_CAPSULE_H

PyAPI_DATA(PyTypeObject) PyCapsule_Type;

/* Called once, when the capsule is destroyed, with the capsule itself
   (its pointer, name and context are still readable). */
typedef void (*PyCapsule_Destructor)(PyObject *);

#define PyCapsule_CheckExact(op) Py_IS_TYPE((op), &PyCapsule_Type)

/* A new capsule around pointer (which must not be NULL).  name is not
   copied: it must outlive the capsule.  It should be the dotted path the
   capsule is reachable under ("module.attribute") so that
   PyCapsule_Import can find it. */
PyAPI_FUNC(PyObject *) PyCapsule_New(void *pointer, const char *name,
                                     PyCapsule_Destructor destructor);

/* The getters set ValueError and return NULL on a non-capsule or a
   capsule whose pointer is NULL; GetPointer also when name does not match
   the capsule's name (two NULL names match).  A NULL result of
   GetName/GetContext/GetDestructor is not an error by itself: check
   PyErr_Occurred(). */
PyAPI_FUNC(void *) PyCapsule_GetPointer(PyObject *capsule, const char *name);
PyAPI_FUNC(PyCapsule_Destructor) PyCapsule_GetDestructor(PyObject *capsule);
PyAPI_FUNC(const char *) PyCapsule_GetName(PyObject *capsule);
PyAPI_FUNC(void *) PyCapsule_GetContext(PyObject *capsule);

/* 1 if capsule is a capsule with a non-NULL pointer and the given name,
   else 0; never fails. */
PyAPI_FUNC(int) PyCapsule_IsValid(PyObject *capsule, const char *name);

/* 0 on success; -1 and ValueError on an invalid capsule (and, for
   SetPointer, on a NULL pointer). */
PyAPI_FUNC(int) PyCapsule_SetPointer(PyObject *capsule, void *pointer);
PyAPI_FUNC(int) PyCapsule_SetDestructor(PyObject *capsule,
                                        PyCapsule_Destructor destructor);
PyAPI_FUNC(int) PyCapsule_SetName(PyObject *capsule, const char *name);
PyAPI_FUNC(int) PyCapsule_SetContext(PyObject *capsule, void *context);

/* Import the capsule at the dotted path name ("package.module.attr") and
   return its pointer; the capsule's own name must equal name.  NULL with
   an exception on failure.  no_block is ignored, as in CPython. */
PyAPI_FUNC(void *) PyCapsule_Import(const char *name, int no_block);

#endif /* Py_CAPSULE_H */
