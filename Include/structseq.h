/* structseq.h: being written (session 2). */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H
#endif
