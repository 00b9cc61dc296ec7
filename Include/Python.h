/* The umbrella header of the Weft C API: include it first. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "pyconfig.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 15
#define PY_MICRO_VERSION 0
#define PY_RELEASE_LEVEL_ALPHA 0xA
#define PY_RELEASE_LEVEL_FINAL 0xF
#define PY_RELEASE_LEVEL PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.15.0"
#define PY_VERSION_HEX 0x030F00F0

#include "pyport.h"
#include "pymacro.h"
#include "pymath.h"
#include "pymem.h"
#include "object.h"
#include "objimpl.h"
#include "pyhash.h"
#include "pyerrors.h"
#include "methodobject.h"
#include "descrobject.h"
#include "abstract.h"
#include "boolobject.h"
#include "longobject.h"
#include "floatobject.h"
#include "pystrtod.h"
#include "complexobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "bytearrayobject.h"
#include "memoryobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "genericaliasobject.h"
#include "setobject.h"
#include "rangeobject.h"
#include "sliceobject.h"
#include "iterobject.h"
#include "cellobject.h"
#include "weakrefobject.h"
#include "moduleobject.h"
#include "modsupport.h"
#include "warnings.h"
#include "pystate.h"
#include "ceval.h"
#include "pylifecycle.h"
#include "compile.h"
#include "pythonrun.h"
#include "import.h"
#include "sysmodule.h"
#include "bltinmodule.h"
#include "enumobject.h"
#include "codecs.h"
#include "structseq.h"
#include "marshal.h"
#include "pythread.h"
#include "osmodule.h"
#include "intrcheck.h"
#include "fileobject.h"        /* lead: PyObject_AsFileDescriptor, PyFile_* */
#include "pycapsule.h"        /* capi: capsules */
#include "fileutils.h"        /* capi: Py_DecodeLocale, PyOS_setsig */
#ifndef Py_LIMITED_API
#  include "cpython/critical_section.h"
#  include "cpython/pyctype.h"
#  include "cpython/code.h"
#  include "cpython/funcobject.h"
#  include "cpython/classobject.h"
#  include "cpython/genobject.h"
#  include "cpython/frameobject.h"
#  include "cpython/initconfig.h"
#  include "cpython/context.h"      /* contextvars */
#  include "cpython/pytime.h"       /* PyTime_t clocks */
#  include "cpython/sentinelobject.h" /* lead: PEP 661 */
#endif

#endif /* Py_PYTHON_H */
