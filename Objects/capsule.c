/* Capsule objects (Include/pycapsule.h): a C pointer, a name, a context
   pointer and a destructor, carried by a Python object so that extension
   modules can exchange C APIs through module attributes.

   A capsule is valid while its pointer is not NULL; PyCapsule_New refuses
   NULL, so only a capsule made elsewhere (or a non-capsule) is invalid.

   Thread safety (free-threaded build): the four fields may be changed
   by the Set functions while other threads read them, so every access is
   an atomic load or store of one word.  The fields are independent (as
   in CPython, no setter updates two of them together), so no lock is
   needed; the destructor runs from dealloc, when no other thread can hold
   a reference. */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    void *pointer;                      /* atomic; never NULL once valid */
    const char *name;                   /* atomic; borrowed, may be NULL */
    void *context;                      /* atomic */
    PyCapsule_Destructor destructor;    /* atomic; may be NULL */
} PyCapsuleObject;

#define LOAD(field) __atomic_load_n(&(field), __ATOMIC_ACQUIRE)
#define STORE(field, value) __atomic_store_n(&(field), (value), __ATOMIC_RELEASE)

static int
names_match(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

/* The capsule behind op, or NULL with ValueError "<caller> called with
   invalid PyCapsule object" when op is not a valid capsule. */
static PyCapsuleObject *
valid_capsule(PyObject *op, const char *caller)
{
    if (op == NULL || !PyCapsule_CheckExact(op)
            || LOAD(((PyCapsuleObject *)op)->pointer) == NULL) {
        PyErr_Format(PyExc_ValueError,
                     "%s called with invalid PyCapsule object", caller);
        return NULL;
    }
    return (PyCapsuleObject *)op;
}

PyObject *
PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)
{
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "PyCapsule_New called with null pointer");
        return NULL;
    }
    PyCapsuleObject *capsule = PyObject_New(PyCapsuleObject, &PyCapsule_Type);
    if (capsule == NULL) {
        return NULL;
    }
    capsule->pointer = pointer;
    capsule->name = name;
    capsule->context = NULL;
    capsule->destructor = destructor;
    return (PyObject *)capsule;
}

int
PyCapsule_IsValid(PyObject *op, const char *name)
{
    if (op == NULL || !PyCapsule_CheckExact(op)) {
        return 0;
    }
    PyCapsuleObject *capsule = (PyCapsuleObject *)op;
    return LOAD(capsule->pointer) != NULL
           && names_match(LOAD(capsule->name), name);
}

void *
PyCapsule_GetPointer(PyObject *op, const char *name)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_GetPointer");
    if (capsule == NULL) {
        return NULL;
    }
    if (!names_match(LOAD(capsule->name), name)) {
        PyErr_SetString(PyExc_ValueError,
                        "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return LOAD(capsule->pointer);
}

const char *
PyCapsule_GetName(PyObject *op)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_GetName");
    return capsule ? LOAD(capsule->name) : NULL;
}

PyCapsule_Destructor
PyCapsule_GetDestructor(PyObject *op)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_GetDestructor");
    return capsule ? LOAD(capsule->destructor) : NULL;
}

void *
PyCapsule_GetContext(PyObject *op)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_GetContext");
    return capsule ? LOAD(capsule->context) : NULL;
}

int
PyCapsule_SetPointer(PyObject *op, void *pointer)
{
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_SetPointer");
    if (capsule == NULL) {
        return -1;
    }
    STORE(capsule->pointer, pointer);
    return 0;
}

int
PyCapsule_SetName(PyObject *op, const char *name)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_SetName");
    if (capsule == NULL) {
        return -1;
    }
    STORE(capsule->name, name);
    return 0;
}

int
PyCapsule_SetDestructor(PyObject *op, PyCapsule_Destructor destructor)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_SetDestructor");
    if (capsule == NULL) {
        return -1;
    }
    STORE(capsule->destructor, destructor);
    return 0;
}

int
PyCapsule_SetContext(PyObject *op, void *context)
{
    PyCapsuleObject *capsule = valid_capsule(op, "PyCapsule_SetContext");
    if (capsule == NULL) {
        return -1;
    }
    STORE(capsule->context, context);
    return 0;
}

/* New reference to attribute `attr` of `object`.  When the attribute is
   missing and `object` is a module, the submodule `dotted` (the path up to
   and including attr) is imported instead: a package need not import its
   submodules for their capsules to be reachable.  If there is no such
   submodule either, the error is the attribute lookup's. */
static PyObject *
import_step(PyObject *object, const char *attr, const char *dotted)
{
    PyObject *value;
    if (PyObject_GetOptionalAttrString(object, attr, &value) != 0) {
        return value;           /* found, or an error other than AttributeError */
    }
    if (PyModule_Check(object)) {
        value = PyImport_ImportModule(dotted);
        if (value != NULL || !PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
            return value;
        }
        PyErr_Clear();
    }
    return PyObject_GetAttrString(object, attr);
}

void *
PyCapsule_Import(const char *name, int Py_UNUSED(no_block))
{
    size_t length = strlen(name);
    /* path holds name with the dot after the current component replaced by
       NUL, so that path is the dotted prefix and path + start the
       component. */
    char *path = PyMem_Malloc(length + 1);
    if (path == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(path, name, length + 1);

    PyObject *object = NULL;
    void *result = NULL;
    size_t start = 0;
    while (start <= length) {
        char *dot = strchr(path + start, '.');
        if (dot != NULL) {
            *dot = '\0';
        }
        if (object == NULL) {
            object = PyImport_ImportModule(path);
            if (object == NULL) {
                PyErr_Format(PyExc_ImportError,
                             "PyCapsule_Import could not import module \"%s\"",
                             path);
                goto done;
            }
        }
        else {
            Py_SETREF(object, import_step(object, path + start, path));
            if (object == NULL) {
                goto done;
            }
        }
        if (dot == NULL) {
            break;
        }
        *dot = '.';
        start = (size_t)(dot - path) + 1;
    }
    if (PyCapsule_IsValid(object, name)) {
        result = LOAD(((PyCapsuleObject *)object)->pointer);
    }
    else {
        PyErr_Format(PyExc_AttributeError,
                     "PyCapsule_Import \"%s\" is not valid", name);
    }
done:
    Py_XDECREF(object);
    PyMem_Free(path);
    return result;
}

static void
capsule_dealloc(PyObject *op)
{
    PyCapsuleObject *capsule = (PyCapsuleObject *)op;
    if (capsule->destructor != NULL) {
        capsule->destructor(op);
    }
    PyObject_Free(op);
}

static PyObject *
capsule_repr(PyObject *op)
{
    const char *name = LOAD(((PyCapsuleObject *)op)->name);
    if (name == NULL) {
        return PyUnicode_FromFormat("<capsule object NULL at %p>", op);
    }
    return PyUnicode_FromFormat("<capsule object \"%s\" at %p>", name, op);
}

PyTypeObject PyCapsule_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "PyCapsule",
    .tp_basicsize = sizeof(PyCapsuleObject),
    .tp_dealloc = capsule_dealloc,
    .tp_repr = capsule_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A C pointer with a name, handed from one extension module to\n"
              "another through a module attribute (see PyCapsule_Import).",
};
