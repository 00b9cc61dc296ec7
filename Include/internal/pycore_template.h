/* PEP 750 template strings: string.templatelib.Template and Interpolation
   (Objects/templateobject.c, Objects/interpolationobject.c), and the
   constructors BUILD_TEMPLATE / BUILD_INTERPOLATION call. */
#ifndef Py_PYCORE_TEMPLATE_H
#define Py_PYCORE_TEMPLATE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

extern PyTypeObject _PyTemplate_Type;
extern PyTypeObject _PyTemplateIter_Type;
extern PyTypeObject _PyInterpolation_Type;

#define _PyTemplate_CheckExact(op) Py_IS_TYPE((op), &_PyTemplate_Type)
#define _PyInterpolation_CheckExact(op) \
    Py_IS_TYPE((op), &_PyInterpolation_Type)

/* A template from a tuple of n+1 str and a tuple of n Interpolation
   (the layout the compiler builds; not re-checked).  Borrows both
   arguments; returns a new reference. */
PyAPI_FUNC(PyObject *) _PyTemplate_Build(PyObject *strings,
                                         PyObject *interpolations);

/* An interpolation for t'{value!c:spec}': `expression` is the source text
   (str), `conversion` an FVC_* code (FVC_NONE: none), `format_spec` a
   str or NULL for ''.  Borrows its arguments; returns a new reference. */
PyAPI_FUNC(PyObject *) _PyInterpolation_Build(PyObject *value,
                                              PyObject *expression,
                                              int conversion,
                                              PyObject *format_spec);

/* The value of an Interpolation (borrowed). */
PyObject *_PyInterpolation_GetValue(PyObject *interpolation);

#endif /* Py_PYCORE_TEMPLATE_H */
