/* The file-object C API: PyObject_AsFileDescriptor and the PyFile_*
   helpers.  Files are io objects; these call their methods, so they hold
   no state of their own and are as thread-safe as the objects they call. */
#include "Python.h"
#include "fileobject.h"
#include "pycore_fileobject.h"

int
PyObject_AsFileDescriptor(PyObject *obj)
{
    PyObject *number;
    if (PyLong_Check(obj)) {
        if (PyBool_Check(obj)
            && PyErr_WarnEx(PyExc_RuntimeWarning,
                            "bool is used as a file descriptor", 1) < 0) {
            return -1;
        }
        number = Py_NewRef(obj);
    }
    else {
        PyObject *method;
        if (PyObject_GetOptionalAttrString(obj, "fileno", &method) < 0) {
            return -1;
        }
        if (method == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "argument must be an int, or have a fileno() method.");
            return -1;
        }
        number = PyObject_CallNoArgs(method);
        Py_DECREF(method);
        if (number == NULL) {
            return -1;
        }
        if (!PyLong_Check(number)) {
            Py_DECREF(number);
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int fd = PyLong_AsInt(number);
    Py_DECREF(number);
    if (fd == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError,
                     "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

int
_PyObject_FileDescriptorConverter(PyObject *obj, void *out)
{
    int fd = PyObject_AsFileDescriptor(obj);
    if (fd < 0) {
        return 0;
    }
    *(int *)out = fd;
    return 1;
}

PyObject *
PyFile_FromFd(int fd, const char *Py_UNUSED(name), const char *mode,
              int buffering, const char *encoding, const char *errors,
              const char *newline, int closefd)
{
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL) {
        return NULL;
    }
    PyObject *file = PyObject_CallMethod(io, "open", "isizzzi", fd, mode,
                                         buffering, encoding, errors,
                                         newline, closefd);
    Py_DECREF(io);
    return file;
}

PyObject *
PyFile_GetLine(PyObject *f, int n)
{
    if (f == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *line = n <= 0 ? PyObject_CallMethod(f, "readline", NULL)
                            : PyObject_CallMethod(f, "readline", "i", n);
    if (line == NULL || n >= 0) {
        return line;
    }
    if (!PyBytes_Check(line) && !PyUnicode_Check(line)) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    Py_ssize_t len = PyBytes_Check(line) ? PyBytes_GET_SIZE(line)
                                         : PyUnicode_GET_LENGTH(line);
    if (len == 0) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    /* n < 0: the trailing newline is dropped. */
    int ends_in_newline = PyBytes_Check(line)
        ? PyBytes_AS_STRING(line)[len - 1] == '\n'
        : PyUnicode_READ_CHAR(line, len - 1) == '\n';
    if (!ends_in_newline) {
        return line;
    }
    PyObject *stripped = PyBytes_Check(line)
        ? PyBytes_FromStringAndSize(PyBytes_AS_STRING(line), len - 1)
        : PyUnicode_Substring(line, 0, len - 1);
    Py_DECREF(line);
    return stripped;
}

int
PyFile_WriteObject(PyObject *obj, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *text = (flags & Py_PRINT_RAW) ? PyObject_Str(obj)
                                            : PyObject_Repr(obj);
    if (text == NULL) {
        return -1;
    }
    PyObject *result = PyObject_CallMethod(f, "write", "O", text);
    Py_DECREF(text);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

int
PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *text = PyUnicode_FromString(s);
    if (text == NULL) {
        return -1;
    }
    int rc = PyFile_WriteObject(text, f, Py_PRINT_RAW);
    Py_DECREF(text);
    return rc;
}
