/* Tests of capsule objects (Objects/capsule.c) through the C API.  The
   error messages are CPython's. */
#include "testlib.h"

#include <string.h>

/* The pending exception's str(), as a new reference; clears it.  NULL if
   none is pending or it is not of type `type`. */
static PyObject *
take_error_message(PyObject *type)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return NULL;
    }
    PyObject *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, type)) {
        msg = PyObject_Str(exc);
    }
    Py_DECREF(exc);
    return msg;
}

#define CHECK_ERROR(type, text) CHECK_STR(take_error_message(type), (text))

static int payload = 42;
static int other_payload = 7;
static int destructor_calls;
static void *destructor_saw_pointer;
static const char *destructor_saw_name;
static void *destructor_saw_context;

static void
record_destruction(PyObject *capsule)
{
    destructor_calls++;
    destructor_saw_pointer = PyCapsule_GetPointer(capsule,
                                                  PyCapsule_GetName(capsule));
    destructor_saw_name = PyCapsule_GetName(capsule);
    destructor_saw_context = PyCapsule_GetContext(capsule);
}

static void
other_destructor(PyObject *Py_UNUSED(capsule))
{
}

static void test_new_and_getters(void)
{
    PyObject *c = PyCapsule_New(&payload, "weft.test.api", NULL);
    CHECK(c != NULL);
    CHECK(PyCapsule_CheckExact(c));
    CHECK(Py_IS_TYPE(c, &PyCapsule_Type));
    CHECK(PyCapsule_GetPointer(c, "weft.test.api") == &payload);
    CHECK(strcmp(PyCapsule_GetName(c), "weft.test.api") == 0);
    CHECK(PyCapsule_GetContext(c) == NULL && !PyErr_Occurred());
    CHECK(PyCapsule_GetDestructor(c) == NULL && !PyErr_Occurred());
    CHECK_STR(PyObject_GetAttrString((PyObject *)Py_TYPE(c), "__name__"),
              "PyCapsule");
    Py_DECREF(c);
}

static void test_null_pointer_refused(void)
{
    CHECK(PyCapsule_New(NULL, "x", NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError, "PyCapsule_New called with null pointer");
}

static void test_name_checks(void)
{
    PyObject *c = PyCapsule_New(&payload, "weft.test.api", NULL);
    CHECK(PyCapsule_GetPointer(c, "weft.test.other") == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with incorrect name");
    CHECK(PyCapsule_GetPointer(c, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with incorrect name");
    CHECK(PyCapsule_IsValid(c, "weft.test.api") == 1);
    CHECK(PyCapsule_IsValid(c, "weft.test") == 0);
    CHECK(PyCapsule_IsValid(c, NULL) == 0);
    Py_DECREF(c);

    /* Two NULL names match; a NULL name does not match a string. */
    PyObject *anonymous = PyCapsule_New(&payload, NULL, NULL);
    CHECK(PyCapsule_GetPointer(anonymous, NULL) == &payload);
    CHECK(PyCapsule_GetName(anonymous) == NULL && !PyErr_Occurred());
    CHECK(PyCapsule_IsValid(anonymous, NULL) == 1);
    CHECK(PyCapsule_IsValid(anonymous, "x") == 0);
    CHECK(PyCapsule_GetPointer(anonymous, "x") == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with incorrect name");
    Py_DECREF(anonymous);

    /* Names compare by content, not by address. */
    char copy[] = "weft.test.api";
    c = PyCapsule_New(&payload, "weft.test.api", NULL);
    CHECK(PyCapsule_GetPointer(c, copy) == &payload);
    Py_DECREF(c);
}

static void test_invalid_objects(void)
{
    PyObject *not_capsule = PyLong_FromLong(5);
    CHECK(PyCapsule_IsValid(not_capsule, NULL) == 0);
    CHECK(PyCapsule_IsValid(NULL, NULL) == 0);
    CHECK(!PyErr_Occurred());
    CHECK(!PyCapsule_CheckExact(not_capsule));
    CHECK(PyCapsule_GetPointer(not_capsule, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with invalid PyCapsule object");
    CHECK(PyCapsule_GetName(not_capsule) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetName called with invalid PyCapsule object");
    CHECK(PyCapsule_GetContext(not_capsule) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetContext called with invalid PyCapsule object");
    CHECK(PyCapsule_GetDestructor(not_capsule) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetDestructor called with invalid PyCapsule object");
    CHECK(PyCapsule_SetPointer(not_capsule, &payload) == -1);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_SetPointer called with invalid PyCapsule object");
    CHECK(PyCapsule_SetName(not_capsule, "x") == -1);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_SetName called with invalid PyCapsule object");
    CHECK(PyCapsule_SetContext(not_capsule, &payload) == -1);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_SetContext called with invalid PyCapsule object");
    CHECK(PyCapsule_SetDestructor(not_capsule, other_destructor) == -1);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_SetDestructor called with invalid PyCapsule object");
    CHECK(PyCapsule_GetPointer(NULL, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with invalid PyCapsule object");
    Py_DECREF(not_capsule);
}

static void test_setters(void)
{
    PyObject *c = PyCapsule_New(&payload, "first", NULL);
    CHECK(PyCapsule_SetPointer(c, NULL) == -1);
    CHECK_ERROR(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
    CHECK(PyCapsule_GetPointer(c, "first") == &payload);

    CHECK(PyCapsule_SetPointer(c, &other_payload) == 0);
    CHECK(PyCapsule_SetName(c, "second") == 0);
    CHECK(PyCapsule_SetContext(c, &payload) == 0);
    CHECK(PyCapsule_SetDestructor(c, other_destructor) == 0);
    CHECK(PyCapsule_GetPointer(c, "first") == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "PyCapsule_GetPointer called with incorrect name");
    CHECK(PyCapsule_GetPointer(c, "second") == &other_payload);
    CHECK(PyCapsule_GetContext(c) == &payload);
    CHECK(PyCapsule_GetDestructor(c) == other_destructor);
    CHECK(PyCapsule_SetName(c, NULL) == 0);
    CHECK(PyCapsule_GetName(c) == NULL && !PyErr_Occurred());
    CHECK(PyCapsule_SetDestructor(c, NULL) == 0);
    Py_DECREF(c);
}

static void test_destructor_called_once(void)
{
    destructor_calls = 0;
    PyObject *c = PyCapsule_New(&payload, "weft.test.destroyed",
                                record_destruction);
    CHECK(PyCapsule_SetContext(c, &other_payload) == 0);
    PyObject *extra = Py_NewRef(c);
    Py_DECREF(c);
    CHECK(destructor_calls == 0);
    Py_DECREF(extra);
    CHECK(destructor_calls == 1);
    CHECK(destructor_saw_pointer == &payload);
    CHECK(destructor_saw_name != NULL
          && strcmp(destructor_saw_name, "weft.test.destroyed") == 0);
    CHECK(destructor_saw_context == &other_payload);

    /* A destructor replaced before destruction is the one called. */
    destructor_calls = 0;
    c = PyCapsule_New(&payload, NULL, other_destructor);
    CHECK(PyCapsule_SetDestructor(c, record_destruction) == 0);
    Py_DECREF(c);
    CHECK(destructor_calls == 1);
}

static void test_repr(void)
{
    char expected[128];
    PyObject *c = PyCapsule_New(&payload, "weft.test.api", NULL);
    snprintf(expected, sizeof(expected), "%p", (void *)c);
    PyObject *want = PyUnicode_FromFormat("<capsule object \"weft.test.api\" at %p>", c);
    PyObject *got = PyObject_Repr(c);
    CHECK(got != NULL && PyUnicode_Compare(got, want) == 0);
    Py_XDECREF(got);
    Py_DECREF(want);
    CHECK(PyCapsule_SetName(c, NULL) == 0);
    want = PyUnicode_FromFormat("<capsule object NULL at %p>", c);
    got = PyObject_Repr(c);
    CHECK(got != NULL && PyUnicode_Compare(got, want) == 0);
    Py_XDECREF(got);
    Py_DECREF(want);
    /* The address is the usual 0x... form. */
    CHECK(strncmp(expected, "0x", 2) == 0);
    Py_DECREF(c);
}

/* Put a capsule at os.path.weft_test_capsule and import it by name. */
static void test_import_dotted_name(void)
{
    PyObject *posixpath = PyImport_ImportModule("os.path");
    CHECK(posixpath != NULL);
    PyObject *c = PyCapsule_New(&payload, "os.path.weft_test_capsule", NULL);
    CHECK(PyObject_SetAttrString(posixpath, "weft_test_capsule", c) == 0);
    CHECK(PyCapsule_Import("os.path.weft_test_capsule", 0) == &payload);
    CHECK(PyCapsule_Import("os.path.weft_test_capsule", 1) == &payload);

    /* The capsule's own name must be the path it was imported by. */
    CHECK(PyCapsule_SetName(c, "elsewhere.api") == 0);
    CHECK(PyCapsule_Import("os.path.weft_test_capsule", 0) == NULL);
    CHECK_ERROR(PyExc_AttributeError,
                "PyCapsule_Import \"os.path.weft_test_capsule\" is not valid");
    CHECK(PyObject_DelAttrString(posixpath, "weft_test_capsule") == 0);
    Py_DECREF(c);

    CHECK(PyCapsule_Import("os.path.weft_test_capsule", 0) == NULL);
    CHECK_ERROR(PyExc_AttributeError,
                "module 'posixpath' has no attribute 'weft_test_capsule'");
    Py_DECREF(posixpath);
}

static void test_import_errors(void)
{
    CHECK(PyCapsule_Import("weft_no_such_module_xyz.api", 0) == NULL);
    CHECK_ERROR(PyExc_ImportError,
                "PyCapsule_Import could not import module \"weft_no_such_module_xyz\"");
    /* Not a capsule at all. */
    CHECK(PyCapsule_Import("os.sep", 0) == NULL);
    CHECK_ERROR(PyExc_AttributeError, "PyCapsule_Import \"os.sep\" is not valid");
    /* A submodule the package did not import is imported on the way. */
    CHECK(PyCapsule_Import("concurrent.futures.Future", 0) == NULL);
    CHECK_ERROR(PyExc_AttributeError,
                "PyCapsule_Import \"concurrent.futures.Future\" is not valid");
}

void suite_capsule(void)
{
    RUN(test_new_and_getters);
    RUN(test_null_pointer_refused);
    RUN(test_name_checks);
    RUN(test_invalid_objects);
    RUN(test_setters);
    RUN(test_destructor_called_once);
    RUN(test_repr);
    RUN(test_import_dotted_name);
    RUN(test_import_errors);
}
