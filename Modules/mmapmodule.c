/* mmap: memory-mapped files and anonymous memory, as mutable byte
   buffers with a file-like position.

   Thread safety: every method runs in the object's critical section, so
   the mapping, its size and the position change together; the buffer
   protocol counts exports under the same lock, and close() and resize()
   refuse while any exist, so exported memory is never unmapped. */
#include "Python.h"
#include "pycore_fileobject.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum {
    ACCESS_DEFAULT,
    ACCESS_READ,
    ACCESS_WRITE,
    ACCESS_COPY,
} access_mode;

static const char *const access_names[] = {
    "ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY",
};

typedef struct {
    PyObject_HEAD
    char *data;             /* NULL once closed */
    Py_ssize_t size;
    Py_ssize_t pos;
    long long offset;       /* of the mapping in the file */
    Py_ssize_t exports;     /* buffers handed out and not released */
    int fd;                 /* a dup of the file's descriptor, or -1 */
    int flags;
    int prot;
    access_mode access;
    int trackfd;
    PyObject *weakreflist;
} mmapobject;

static PyTypeObject mmap_type;

#define MMAP(op) ((mmapobject *)(op))

static int
check_valid(mmapobject *self)
{
    if (self->data == NULL) {
        PyErr_SetString(PyExc_ValueError, "mmap closed or invalid");
        return 0;
    }
    return 1;
}

static int
check_writable(mmapobject *self)
{
    if (self->access != ACCESS_READ) {
        return 1;
    }
    PyErr_SetString(PyExc_TypeError, "mmap can't modify a readonly memory map.");
    return 0;
}

static int
check_resizeable(mmapobject *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "mmap can't resize with extant buffers exported.");
        return 0;
    }
    if (self->access == ACCESS_WRITE || self->access == ACCESS_DEFAULT) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError,
                 "mmap can't resize a readonly or copy-on-write memory map.");
    return 0;
}

/* ---- construction -------------------------------------------------------- */

static PyObject *
mmap_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"fileno", "length", "flags", "prot", "access",
                               "offset", "trackfd", NULL};
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ;
    int access = ACCESS_DEFAULT, trackfd = 1;
    Py_ssize_t map_size;
    long long offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "in|iiiL$p:mmap", keywords,
                                     &fd, &map_size, &flags, &prot, &access,
                                     &offset, &trackfd)) {
        return NULL;
    }
    if (map_size < 0) {
        PyErr_SetString(PyExc_OverflowError, "memory mapped length must be positive");
        return NULL;
    }
    if (offset < 0) {
        PyErr_SetString(PyExc_OverflowError, "memory mapped offset must be positive");
        return NULL;
    }
    if (access != ACCESS_DEFAULT
        && ((flags != MAP_SHARED) || (prot != (PROT_WRITE | PROT_READ)))) {
        PyErr_SetString(PyExc_ValueError,
                        "mmap can't specify both access and flags, prot.");
        return NULL;
    }
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        /* A read-only mapping reads as ACCESS_READ. */
        if ((prot & PROT_READ) && !(prot & PROT_WRITE)) {
            access = ACCESS_READ;
        }
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "mmap invalid access parameter.");
        return NULL;
    }
    if (PySys_Audit("mmap.__new__", "inii", fd, map_size, access, offset) < 0) {
        return NULL;
    }

    if (fd != -1) {
        struct stat status;
        if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
            if (map_size == 0) {
                if (status.st_size == 0) {
                    PyErr_SetString(PyExc_ValueError, "cannot mmap an empty file");
                    return NULL;
                }
                if (offset >= status.st_size) {
                    PyErr_SetString(PyExc_ValueError,
                                    "mmap offset is greater than file size");
                    return NULL;
                }
                map_size = (Py_ssize_t)(status.st_size - offset);
            }
            else if (offset > status.st_size
                     || status.st_size - offset < (long long)map_size) {
                PyErr_SetString(PyExc_ValueError,
                                "mmap length is greater than file size");
                return NULL;
            }
        }
    }

    mmapobject *self = (mmapobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->size = map_size;
    self->offset = offset;
    self->fd = -1;
    self->flags = flags;
    self->prot = prot;
    self->access = (access_mode)access;
    self->trackfd = trackfd;
    if (fd == -1) {
        self->flags |= MAP_ANONYMOUS;
    }
    else if (trackfd) {
        self->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (self->fd == -1) {
            Py_DECREF(self);
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
    }
    void *data;
    Py_BEGIN_ALLOW_THREADS
    data = mmap(NULL, (size_t)map_size, prot, self->flags, fd, (off_t)offset);
    Py_END_ALLOW_THREADS
    if (data == MAP_FAILED) {
        int saved = errno;
        Py_DECREF(self);
        errno = saved;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    self->data = data;
    return (PyObject *)self;
}

/* Unmap and close; the caller holds the critical section. */
static int
release_mapping(mmapobject *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot close exported pointers exist");
        return -1;
    }
    if (self->data != NULL) {
        munmap(self->data, (size_t)self->size);
        self->data = NULL;
    }
    if (self->fd != -1) {
        close(self->fd);
        self->fd = -1;
    }
    return 0;
}

static void
mmap_dealloc(PyObject *op)
{
    mmapobject *self = MMAP(op);
    self->exports = 0;
    release_mapping(self);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    Py_TYPE(op)->tp_free(op);
}

/* ---- methods ----------------------------------------------------------- */

static PyObject *
mmap_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = release_mapping(MMAP(op));
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_closed(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(MMAP(op)->data == NULL);
}

/* Resolve [start, end) the way slices do, against size. */
static void
clamp_range(Py_ssize_t size, Py_ssize_t *start, Py_ssize_t *end)
{
    if (*start < 0) {
        *start += size;
        if (*start < 0) {
            *start = 0;
        }
    }
    else if (*start > size) {
        *start = size;
    }
    if (*end < 0) {
        *end += size;
        if (*end < 0) {
            *end = 0;
        }
    }
    else if (*end > size) {
        *end = size;
    }
}

static PyObject *
find_common(PyObject *op, PyObject *args, int reverse)
{
    mmapobject *self = MMAP(op);
    Py_buffer view;
    Py_ssize_t start = PY_SSIZE_T_MAX, end = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTuple(args, reverse ? "y*|nn:rfind" : "y*|nn:find",
                          &view, &start, &end)) {
        return NULL;
    }
    Py_ssize_t found = -2;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        Py_ssize_t lo = start == PY_SSIZE_T_MAX ? self->pos : start;
        Py_ssize_t hi = end == PY_SSIZE_T_MAX ? self->size : end;
        clamp_range(self->size, &lo, &hi);
        found = -1;
        if (hi - lo >= view.len) {
            if (reverse) {
                for (Py_ssize_t i = hi - view.len; i >= lo; i--) {
                    if (memcmp(self->data + i, view.buf, (size_t)view.len) == 0) {
                        found = i;
                        break;
                    }
                }
            }
            else {
                for (Py_ssize_t i = lo; i + view.len <= hi; i++) {
                    if (memcmp(self->data + i, view.buf, (size_t)view.len) == 0) {
                        found = i;
                        break;
                    }
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return found == -2 ? NULL : PyLong_FromSsize_t(found);
}

static PyObject *
mmap_find(PyObject *op, PyObject *args)
{
    return find_common(op, args, 0);
}

static PyObject *
mmap_rfind(PyObject *op, PyObject *args)
{
    return find_common(op, args, 1);
}

static PyObject *
mmap_flush(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    Py_ssize_t offset = 0, size = -1;
    if (!PyArg_ParseTuple(args, "|nn:flush", &offset, &size)) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        if (size == -1) {
            size = self->size - offset;
        }
        if (size < 0 || offset < 0 || self->size - offset < size) {
            PyErr_SetString(PyExc_ValueError, "flush values out of range");
        }
        else if (self->access == ACCESS_READ || self->access == ACCESS_COPY) {
            rc = 0;
        }
        else if (msync(self->data + offset, (size_t)size, MS_SYNC) < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        else {
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_madvise(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    int option;
    Py_ssize_t start = 0, length = -1;
    if (!PyArg_ParseTuple(args, "i|nn:madvise", &option, &start, &length)) {
        return NULL;
    }
    int length_given = PyTuple_GET_SIZE(args) > 2;
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        if (!length_given) {
            length = self->size;    /* the default: to the end */
        }
        if (start < 0 || start >= self->size) {
            PyErr_SetString(PyExc_ValueError, "madvise start out of bounds");
        }
        else if (length < 0) {
            PyErr_SetString(PyExc_ValueError, "madvise length invalid");
        }
        else if (length > PY_SSIZE_T_MAX - start) {
            PyErr_SetString(PyExc_OverflowError, "madvise length too large");
        }
        else {
            if (length > self->size - start) {
                length = self->size - start;
            }
            if (madvise(self->data + start, (size_t)length, option) != 0) {
                PyErr_SetFromErrno(PyExc_OSError);
            }
            else {
                rc = 0;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_move(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    Py_ssize_t dest, src, count;
    if (!PyArg_ParseTuple(args, "nnn:move", &dest, &src, &count)) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self) && check_writable(self)) {
        if (dest < 0 || src < 0 || count < 0
            || self->size - dest < count || self->size - src < count) {
            PyErr_SetString(PyExc_ValueError,
                            "source, destination, or count out of range");
        }
        else {
            memmove(self->data + dest, self->data + src, (size_t)count);
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_read(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    PyObject *arg = Py_None;
    if (!PyArg_ParseTuple(args, "|O:read", &arg)) {
        return NULL;
    }
    Py_ssize_t wanted = -1;
    if (arg != Py_None) {
        wanted = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (wanted == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        Py_ssize_t remaining = self->pos < self->size ? self->size - self->pos : 0;
        if (wanted < 0 || wanted > remaining) {
            wanted = remaining;
        }
        result = PyBytes_FromStringAndSize(self->data + self->pos, wanted);
        if (result != NULL) {
            self->pos += wanted;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_read_byte(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    mmapobject *self = MMAP(op);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        if (self->pos >= self->size) {
            PyErr_SetString(PyExc_ValueError, "read byte out of range");
        }
        else {
            result = PyLong_FromLong((unsigned char)self->data[self->pos++]);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_readline(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    mmapobject *self = MMAP(op);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        Py_ssize_t start = self->pos < self->size ? self->pos : self->size;
        char *newline = memchr(self->data + start, '\n',
                               (size_t)(self->size - start));
        Py_ssize_t end = newline ? (newline - self->data) + 1 : self->size;
        result = PyBytes_FromStringAndSize(self->data + start, end - start);
        if (result != NULL) {
            self->pos = end;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_resize(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    Py_ssize_t new_size;
    if (!PyArg_ParseTuple(args, "n:resize", &new_size)) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self) && check_resizeable(self)) {
        if (!self->trackfd) {
            /* No descriptor to truncate: the file could not follow. */
            PyErr_SetString(PyExc_ValueError,
                            "mmap can't resize with trackfd=False.");
        }
        else if (new_size < 0 || PY_SSIZE_T_MAX - new_size < self->offset) {
            PyErr_SetString(PyExc_ValueError, "new size out of range");
        }
        else if (self->fd != -1
                 && ftruncate(self->fd, (off_t)(self->offset + new_size)) == -1) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        else {
            void *data = mremap(self->data, (size_t)self->size,
                                (size_t)new_size, MREMAP_MAYMOVE);
            if (data == MAP_FAILED) {
                PyErr_SetFromErrno(PyExc_OSError);
            }
            else {
                self->data = data;
                self->size = new_size;
                rc = 0;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_seek(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    Py_ssize_t dist;
    int how = 0;
    if (!PyArg_ParseTuple(args, "n|i:seek", &dist, &how)) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        Py_ssize_t where = -1;
        int ok = 1;
        switch (how) {
        case 0:
            where = dist;
            break;
        case 1:
            ok = dist <= 0 || self->pos <= PY_SSIZE_T_MAX - dist;
            where = ok ? self->pos + dist : -1;
            break;
        case 2:
            ok = dist <= 0 || self->size <= PY_SSIZE_T_MAX - dist;
            where = ok ? self->size + dist : -1;
            break;
        default:
            PyErr_SetString(PyExc_ValueError, "unknown seek type");
            ok = -1;
        }
        if (ok == 1 && where >= 0 && where <= self->size) {
            self->pos = where;
            result = PyLong_FromSsize_t(where);
        }
        else if (ok != -1) {
            PyErr_SetString(PyExc_ValueError, "seek out of range");
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_seekable(PyObject *Py_UNUSED(op), PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
mmap_size(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    mmapobject *self = MMAP(op);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        if (self->fd != -1) {
            struct stat status;
            if (fstat(self->fd, &status) == -1) {
                PyErr_SetFromErrno(PyExc_OSError);
            }
            else {
                result = PyLong_FromLongLong((long long)status.st_size);
            }
        }
        else if (self->trackfd) {
            result = PyLong_FromSsize_t(self->size);
        }
        else {
            /* As CPython: it fstat()s the descriptor it did not keep. */
            errno = EBADF;
            PyErr_SetFromErrno(PyExc_OSError);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    mmapobject *self = MMAP(op);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        result = PyLong_FromSsize_t(self->pos);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
mmap_write(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*:write", &view)) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self) && check_writable(self)) {
        if (self->pos > self->size || self->size - self->pos < view.len) {
            PyErr_SetString(PyExc_ValueError, "data out of range");
        }
        else {
            memcpy(self->data + self->pos, view.buf, (size_t)view.len);
            self->pos += view.len;
            result = PyLong_FromSsize_t(view.len);
        }
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
mmap_write_byte(PyObject *op, PyObject *args)
{
    mmapobject *self = MMAP(op);
    unsigned char value;
    if (!PyArg_ParseTuple(args, "b:write_byte", &value)) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self) && check_writable(self)) {
        if (self->pos >= self->size) {
            PyErr_SetString(PyExc_ValueError, "write byte out of range");
        }
        else {
            self->data[self->pos++] = (char)value;
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mmap_enter(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (!check_valid(MMAP(op))) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
mmap_exit(PyObject *op, PyObject *Py_UNUSED(args))
{
    return mmap_close(op, NULL);
}

static PyObject *
mmap_repr(PyObject *op)
{
    mmapobject *self = MMAP(op);
    if (self->data == NULL) {
        return PyUnicode_FromFormat("<%s closed=True>", Py_TYPE(op)->tp_name);
    }
    return PyUnicode_FromFormat("<%s closed=False, access=%s, length=%zd, "
                                "pos=%zd, offset=%lld>",
                                Py_TYPE(op)->tp_name,
                                access_names[self->access], self->size,
                                self->pos, self->offset);
}

/* ---- sequence, mapping and buffer protocols ------------------------------ */

static Py_ssize_t
mmap_length(PyObject *op)
{
    mmapobject *self = MMAP(op);
    if (!check_valid(self)) {
        return -1;
    }
    return self->size;
}

static PyObject *
mmap_subscript(PyObject *op, PyObject *item)
{
    mmapobject *self = MMAP(op);
    PyObject *result = NULL;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        Py_BEGIN_CRITICAL_SECTION(op);
        if (check_valid(self)) {
            if (i < 0) {
                i += self->size;
            }
            if (i < 0 || i >= self->size) {
                PyErr_SetString(PyExc_IndexError, "mmap index out of range");
            }
            else {
                result = PyLong_FromLong((unsigned char)self->data[i]);
            }
        }
        Py_END_CRITICAL_SECTION();
        return result;
    }
    if (!PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "mmap indices must be integers");
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        Py_ssize_t n = PySlice_AdjustIndices(self->size, &start, &stop, step);
        if (step == 1) {
            result = PyBytes_FromStringAndSize(self->data + start, n);
        }
        else {
            result = PyBytes_FromStringAndSize(NULL, n);
            if (result != NULL) {
                char *out = PyBytes_AS_STRING(result);
                for (Py_ssize_t k = 0, at = start; k < n; k++, at += step) {
                    out[k] = self->data[at];
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* 0 if the map is open and index i (negative from the end) is inside it,
   else -1 with ValueError or IndexError.  Only orders the errors as
   CPython does (index before value): the write re-checks under the
   lock, since another thread may resize in between. */
static int
check_index(mmapobject *self, Py_ssize_t i)
{
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (check_valid(self)) {
        Py_ssize_t at = i < 0 ? i + self->size : i;
        if (at < 0 || at >= self->size) {
            PyErr_SetString(PyExc_IndexError, "mmap index out of range");
        }
        else {
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static int
assign_index(mmapobject *self, PyObject *item, PyObject *value)
{
    Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (check_index(self, i) < 0) {
        return -1;
    }
    if (!PyIndex_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "mmap item value must be an int");
        return -1;
    }
    Py_ssize_t byte = PyNumber_AsSsize_t(value, NULL);
    if (byte == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (byte < 0 || byte > 255) {
        PyErr_SetString(PyExc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (check_valid(self) && check_writable(self)) {
        if (i < 0) {
            i += self->size;
        }
        if (i < 0 || i >= self->size) {
            PyErr_SetString(PyExc_IndexError, "mmap index out of range");
        }
        else {
            self->data[i] = (char)byte;
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static int
assign_slice(mmapobject *self, PyObject *item, PyObject *value)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (check_valid(self) && check_writable(self)) {
        Py_ssize_t n = PySlice_AdjustIndices(self->size, &start, &stop, step);
        if (view.len != n) {
            PyErr_SetString(PyExc_IndexError,
                            "mmap slice assignment is wrong size");
        }
        else {
            const char *in = view.buf;
            for (Py_ssize_t k = 0, at = start; k < n; k++, at += step) {
                self->data[at] = in[k];
            }
            rc = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return rc;
}

static int
mmap_ass_subscript(PyObject *op, PyObject *item, PyObject *value)
{
    mmapobject *self = MMAP(op);
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (PyIndex_Check(item)) {
        return assign_index(self, item, value);
    }
    if (PySlice_Check(item)) {
        return assign_slice(self, item, value);
    }
    PyErr_SetString(PyExc_TypeError, "mmap indices must be integer");
    return -1;
}

static int
mmap_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    mmapobject *self = MMAP(op);
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_valid(self)) {
        rc = PyBuffer_FillInfo(view, op, self->data, self->size,
                               self->access == ACCESS_READ, flags);
        if (rc == 0) {
            self->exports++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static void
mmap_releasebuffer(PyObject *op, Py_buffer *Py_UNUSED(view))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    MMAP(op)->exports--;
    Py_END_CRITICAL_SECTION();
}

static PyMethodDef mmap_methods[] = {
    {"close", mmap_close, METH_NOARGS, NULL},
    {"find", mmap_find, METH_VARARGS, NULL},
    {"rfind", mmap_rfind, METH_VARARGS, NULL},
    {"flush", mmap_flush, METH_VARARGS, NULL},
    {"madvise", mmap_madvise, METH_VARARGS, NULL},
    {"move", mmap_move, METH_VARARGS, NULL},
    {"read", mmap_read, METH_VARARGS, NULL},
    {"read_byte", mmap_read_byte, METH_NOARGS, NULL},
    {"readline", mmap_readline, METH_NOARGS, NULL},
    {"resize", mmap_resize, METH_VARARGS, NULL},
    {"seek", mmap_seek, METH_VARARGS, NULL},
    {"seekable", mmap_seekable, METH_NOARGS, NULL},
    {"size", mmap_size, METH_NOARGS, NULL},
    {"tell", mmap_tell, METH_NOARGS, NULL},
    {"write", mmap_write, METH_VARARGS, NULL},
    {"write_byte", mmap_write_byte, METH_VARARGS, NULL},
    {"__enter__", mmap_enter, METH_NOARGS, NULL},
    {"__exit__", mmap_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef mmap_getset[] = {
    {"closed", mmap_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods mmap_as_mapping = {
    .mp_length = mmap_length,
    .mp_subscript = mmap_subscript,
    .mp_ass_subscript = mmap_ass_subscript,
};

static PySequenceMethods mmap_as_sequence = {
    .sq_length = mmap_length,
};

static PyBufferProcs mmap_as_buffer = {
    .bf_getbuffer = mmap_getbuffer,
    .bf_releasebuffer = mmap_releasebuffer,
};

static PyTypeObject mmap_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mmap.mmap",
    .tp_basicsize = sizeof(mmapobject),
    .tp_dealloc = mmap_dealloc,
    .tp_repr = mmap_repr,
    .tp_as_sequence = &mmap_as_sequence,
    .tp_as_mapping = &mmap_as_mapping,
    .tp_as_buffer = &mmap_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "mmap(fileno, length[, flags[, prot[, access[, offset[, trackfd]]]]])\n\n"
              "A memory mapping of length bytes of the file fileno (-1: anonymous\n"
              "memory), from offset; length 0 maps the whole file.",
    .tp_weaklistoffset = offsetof(mmapobject, weakreflist),
    .tp_methods = mmap_methods,
    .tp_getset = mmap_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = mmap_new,
    .tp_free = PyObject_Free,
};

/* ---- the module -------------------------------------------------------- */

#define C(name) {#name, (long)(name)}

static const struct {
    const char *name;
    long value;
} mmap_constants[] = {
    C(PROT_EXEC), C(PROT_READ), C(PROT_WRITE),
    C(MAP_SHARED), C(MAP_PRIVATE), C(MAP_DENYWRITE), C(MAP_EXECUTABLE),
    C(MAP_ANONYMOUS), {"MAP_ANON", (long)MAP_ANONYMOUS}, C(MAP_POPULATE),
    C(MAP_STACK), C(MAP_NORESERVE),
    {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
    {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
    C(MADV_NORMAL), C(MADV_RANDOM), C(MADV_SEQUENTIAL), C(MADV_WILLNEED),
    C(MADV_DONTNEED), C(MADV_REMOVE), C(MADV_DONTFORK), C(MADV_DOFORK),
    C(MADV_HWPOISON), C(MADV_MERGEABLE), C(MADV_UNMERGEABLE),
    C(MADV_HUGEPAGE), C(MADV_NOHUGEPAGE), C(MADV_DONTDUMP), C(MADV_DODUMP),
    C(MADV_FREE),
};

#undef C

static int
mmap_exec(PyObject *module)
{
    if (PyType_Ready(&mmap_type) < 0
        || PyModule_AddObjectRef(module, "mmap", (PyObject *)&mmap_type) < 0
        || PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0
        || PyModule_AddIntConstant(module, "PAGESIZE", sysconf(_SC_PAGESIZE)) < 0
        || PyModule_AddIntConstant(module, "ALLOCATIONGRANULARITY",
                                   sysconf(_SC_PAGESIZE)) < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(mmap_constants); i++) {
        if (PyModule_AddIntConstant(module, mmap_constants[i].name,
                                    mmap_constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot mmap_slots[] = {
    {Py_mod_exec, mmap_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef mmap_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "mmap",
    .m_doc = "Memory-mapped files: the mmap type and its constants.",
    .m_size = 0,
    .m_slots = mmap_slots,
};

PyMODINIT_FUNC
PyInit_mmap(void)
{
    return PyModuleDef_Init(&mmap_module);
}
