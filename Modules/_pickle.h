/* Declarations shared by the two halves of the _pickle accelerator:
   Modules/_pickle.c (module, shared state, Pickler) and
   Modules/_unpickler.c (Unpickler, load, loads). */
#ifndef Py_MODULES_PICKLE_H
#define Py_MODULES_PICKLE_H

#include "Python.h"

/* Opcodes of protocols 0 to 5 (pickletools documents each one). */
enum pickle_opcode {
    OP_MARK = '(', OP_STOP = '.', OP_POP = '0', OP_POP_MARK = '1',
    OP_DUP = '2', OP_FLOAT = 'F', OP_INT = 'I', OP_BININT = 'J',
    OP_BININT1 = 'K', OP_LONG = 'L', OP_BININT2 = 'M', OP_NONE = 'N',
    OP_PERSID = 'P', OP_BINPERSID = 'Q', OP_REDUCE = 'R', OP_STRING = 'S',
    OP_BINSTRING = 'T', OP_SHORT_BINSTRING = 'U', OP_UNICODE = 'V',
    OP_BINUNICODE = 'X', OP_APPEND = 'a', OP_BUILD = 'b', OP_GLOBAL = 'c',
    OP_DICT = 'd', OP_EMPTY_DICT = '}', OP_APPENDS = 'e', OP_GET = 'g',
    OP_BINGET = 'h', OP_INST = 'i', OP_LONG_BINGET = 'j', OP_LIST = 'l',
    OP_EMPTY_LIST = ']', OP_OBJ = 'o', OP_PUT = 'p', OP_BINPUT = 'q',
    OP_LONG_BINPUT = 'r', OP_SETITEM = 's', OP_TUPLE = 't',
    OP_EMPTY_TUPLE = ')', OP_SETITEMS = 'u', OP_BINFLOAT = 'G',
    /* protocol 2 */
    OP_PROTO = 0x80, OP_NEWOBJ = 0x81, OP_EXT1 = 0x82, OP_EXT2 = 0x83,
    OP_EXT4 = 0x84, OP_TUPLE1 = 0x85, OP_TUPLE2 = 0x86, OP_TUPLE3 = 0x87,
    OP_NEWTRUE = 0x88, OP_NEWFALSE = 0x89, OP_LONG1 = 0x8a, OP_LONG4 = 0x8b,
    /* protocol 3 */
    OP_BINBYTES = 'B', OP_SHORT_BINBYTES = 'C',
    /* protocol 4 */
    OP_SHORT_BINUNICODE = 0x8c, OP_BINUNICODE8 = 0x8d, OP_BINBYTES8 = 0x8e,
    OP_EMPTY_SET = 0x8f, OP_ADDITEMS = 0x90, OP_FROZENSET = 0x91,
    OP_NEWOBJ_EX = 0x92, OP_STACK_GLOBAL = 0x93, OP_MEMOIZE = 0x94,
    OP_FRAME = 0x95,
    /* protocol 5 */
    OP_BYTEARRAY8 = 0x96, OP_NEXT_BUFFER = 0x97, OP_READONLY_BUFFER = 0x98,
};

enum {
    PICKLE_HIGHEST_PROTOCOL = 5,
    PICKLE_DEFAULT_PROTOCOL = 5,
    PICKLE_BATCHSIZE = 1000,
    PICKLE_FRAME_SIZE_TARGET = 64 * 1024,
    PICKLE_FRAME_SIZE_MIN = 4,
    PICKLE_FRAME_HEADER_SIZE = 9,
};

/* Objects the module needs from copyreg, _compat_pickle, builtins and
   functools, plus its exception classes.  Filled once by the first
   execution of the module (under pickle_state_lock) and never changed
   afterwards, so any thread may read them once `ready` is set.  The
   mappings are the live objects of those modules: changes made to them
   later (copyreg.add_extension) are seen, as in CPython. */
typedef struct {
    int ready;
    PyObject *PickleError;
    PyObject *PicklingError;
    PyObject *UnpicklingError;
    PyObject *dispatch_table;      /* copyreg.dispatch_table */
    PyObject *extension_registry;  /* copyreg._extension_registry */
    PyObject *inverted_registry;   /* copyreg._inverted_registry */
    PyObject *extension_cache;     /* copyreg._extension_cache */
    PyObject *name_mapping_2to3;   /* _compat_pickle.NAME_MAPPING */
    PyObject *import_mapping_2to3; /* _compat_pickle.IMPORT_MAPPING */
    PyObject *name_mapping_3to2;   /* _compat_pickle.REVERSE_NAME_MAPPING */
    PyObject *import_mapping_3to2; /* _compat_pickle.REVERSE_IMPORT_MAPPING */
    PyObject *codecs_encode;       /* codecs.encode */
    PyObject *getattr;             /* builtins.getattr */
    PyObject *latin1;              /* 'latin1', one object so it memoizes */
    PyObject *partial;             /* functools.partial */
} PickleState;

extern PickleState _Py_pickle_state;

/* Pickler half (Modules/_pickle.c). */
extern PyTypeObject _PyPickler_Type;
extern PyTypeObject _PyPicklerMemoProxy_Type;
PyObject *_Py_pickle_dump(PyObject *module, PyObject *args, PyObject *kwargs);
PyObject *_Py_pickle_dumps(PyObject *module, PyObject *args, PyObject *kwargs);

/* Unpickler half (Modules/_unpickler.c). */
extern PyTypeObject _PyUnpickler_Type;
extern PyTypeObject _PyUnpicklerMemoProxy_Type;
PyObject *_Py_pickle_load(PyObject *module, PyObject *args, PyObject *kwargs);
PyObject *_Py_pickle_loads(PyObject *module, PyObject *args, PyObject *kwargs);

/* Shared helpers (Modules/_pickle.c). */

/* pickle.PickleBuffer (Modules/_picklebuffer.c). */
extern PyTypeObject _PyPickleBuffer_Type;

/* "module.qualname" of type(obj), as pickle.py's _T() spells it.  New
   reference or NULL with an exception. */
PyObject *_Py_pickle_type_name(PyObject *obj);

/* getattr applied along a dotted path split into a list of str. */
PyObject *_Py_pickle_get_dotted(PyObject *obj, PyObject *path);

#endif /* Py_MODULES_PICKLE_H */
