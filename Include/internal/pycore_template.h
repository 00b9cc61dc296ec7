/* pycore_template.h: being written (session 2). */
#ifndef Py_PYCORE_TEMPLATE_H
#define Py_PYCORE_TEMPLATE_H
#endif
