/* pycore_typevarobject.h: being written (session 2). */
#ifndef Py_PYCORE_TYPEVAROBJECT_H
#define Py_PYCORE_TYPEVAROBJECT_H
#endif
