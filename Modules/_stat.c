/* The _stat module: the C side of Lib/stat.py, with the file type and
   permission constants of this system and fast S_IS* tests and
   filemode().  stat.py falls back on its own definitions without it.

   Thread safety: no state. */
#include "Python.h"
#include <sys/stat.h>

/* The mode argument: any int that fits a mode_t. */
static int mode_arg(PyObject *arg, mode_t *mode)
{
    unsigned long value = PyLong_AsUnsignedLong(arg);
    if (value == (unsigned long)-1 && PyErr_Occurred()) {
        return -1;
    }
    if ((unsigned long)(mode_t)value != value) {
        PyErr_SetString(PyExc_OverflowError, "mode out of range");
        return -1;
    }
    *mode = (mode_t)value;
    return 0;
}

#define FILE_TYPE_TEST(NAME, TEST)                                         \
    static PyObject *stat_##NAME(PyObject *Py_UNUSED(module), PyObject *arg) \
    {                                                                      \
        mode_t mode;                                                       \
        if (mode_arg(arg, &mode) < 0) {                                    \
            return NULL;                                                   \
        }                                                                  \
        return PyBool_FromLong(TEST);                                      \
    }

FILE_TYPE_TEST(S_ISDIR, S_ISDIR(mode))
FILE_TYPE_TEST(S_ISCHR, S_ISCHR(mode))
FILE_TYPE_TEST(S_ISBLK, S_ISBLK(mode))
FILE_TYPE_TEST(S_ISREG, S_ISREG(mode))
FILE_TYPE_TEST(S_ISFIFO, S_ISFIFO(mode))
FILE_TYPE_TEST(S_ISLNK, S_ISLNK(mode))
FILE_TYPE_TEST(S_ISSOCK, S_ISSOCK(mode))
/* Doors, event ports and whiteouts do not exist on Linux. */
FILE_TYPE_TEST(S_ISDOOR, ((void)mode, 0))
FILE_TYPE_TEST(S_ISPORT, ((void)mode, 0))
FILE_TYPE_TEST(S_ISWHT, ((void)mode, 0))

static PyObject *stat_S_IMODE(PyObject *Py_UNUSED(module), PyObject *arg)
{
    mode_t mode;
    if (mode_arg(arg, &mode) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLong((unsigned long)(mode & 07777));
}

static PyObject *stat_S_IFMT(PyObject *Py_UNUSED(module), PyObject *arg)
{
    mode_t mode;
    if (mode_arg(arg, &mode) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLong((unsigned long)(mode & S_IFMT));
}

static char file_type_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
    }
}

/* One rwx triple; special is the setuid/setgid/sticky bit sharing the x
   position, shown as lower_special (with x) or upper_special (without). */
static void permission_triple(char *out, mode_t mode, mode_t r, mode_t w,
                              mode_t x, mode_t special, char lower_special,
                              char upper_special)
{
    out[0] = (mode & r) ? 'r' : '-';
    out[1] = (mode & w) ? 'w' : '-';
    if (mode & special) {
        out[2] = (mode & x) ? lower_special : upper_special;
    }
    else {
        out[2] = (mode & x) ? 'x' : '-';
    }
}

static PyObject *stat_filemode(PyObject *Py_UNUSED(module), PyObject *arg)
{
    mode_t mode;
    if (mode_arg(arg, &mode) < 0) {
        return NULL;
    }
    char buf[10];
    buf[0] = file_type_char(mode);
    permission_triple(buf + 1, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S');
    permission_triple(buf + 4, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S');
    permission_triple(buf + 7, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T');
    return PyUnicode_FromStringAndSize(buf, 10);
}

#define TEST_ENTRY(NAME, DOC) {#NAME, stat_##NAME, METH_O, DOC}

static PyMethodDef stat_methods[] = {
    TEST_ENTRY(S_ISDIR, "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."),
    TEST_ENTRY(S_ISCHR, "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."),
    TEST_ENTRY(S_ISBLK, "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."),
    TEST_ENTRY(S_ISREG, "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."),
    TEST_ENTRY(S_ISFIFO, "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."),
    TEST_ENTRY(S_ISLNK, "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."),
    TEST_ENTRY(S_ISSOCK, "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."),
    TEST_ENTRY(S_ISDOOR, "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."),
    TEST_ENTRY(S_ISPORT, "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."),
    TEST_ENTRY(S_ISWHT, "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."),
    TEST_ENTRY(S_IMODE, "Return the portion of the file's mode that can be set by os.chmod()."),
    TEST_ENTRY(S_IFMT, "Return the portion of the file's mode that describes the file type."),
    TEST_ENTRY(filemode, "Convert a file's mode to a string of the form '-rwxrwxrwx'"),
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    unsigned long value;
} stat_constants[] = {
    {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK},
    {"S_IFREG", S_IFREG}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
    {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX},
    {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO},
    {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    /* chflags() flags of the BSDs and macOS, exported everywhere. */
    {"UF_SETTABLE", 0x0000ffff}, {"UF_NODUMP", 0x00000001},
    {"UF_IMMUTABLE", 0x00000002}, {"UF_APPEND", 0x00000004},
    {"UF_OPAQUE", 0x00000008}, {"UF_NOUNLINK", 0x00000010},
    {"UF_COMPRESSED", 0x00000020}, {"UF_TRACKED", 0x00000040},
    {"UF_DATAVAULT", 0x00000080}, {"UF_HIDDEN", 0x00008000},
    {"SF_SETTABLE", 0xffff0000}, {"SF_ARCHIVED", 0x00010000},
    {"SF_IMMUTABLE", 0x00020000}, {"SF_APPEND", 0x00040000},
    {"SF_RESTRICTED", 0x00080000}, {"SF_NOUNLINK", 0x00100000},
    {"SF_SNAPSHOT", 0x00200000}, {"SF_FIRMLINK", 0x00800000},
    {"SF_DATALESS", 0x40000000}, {"SF_SUPPORTED", 0x009f0000},
    {"SF_SYNTHETIC", 0xc0000000},
    /* Windows file attributes, exported everywhere as in CPython. */
    {"FILE_ATTRIBUTE_ARCHIVE", 32}, {"FILE_ATTRIBUTE_COMPRESSED", 2048},
    {"FILE_ATTRIBUTE_DEVICE", 64}, {"FILE_ATTRIBUTE_DIRECTORY", 16},
    {"FILE_ATTRIBUTE_ENCRYPTED", 16384}, {"FILE_ATTRIBUTE_HIDDEN", 2},
    {"FILE_ATTRIBUTE_INTEGRITY_STREAM", 32768},
    {"FILE_ATTRIBUTE_NORMAL", 128},
    {"FILE_ATTRIBUTE_NOT_CONTENT_INDEXED", 8192},
    {"FILE_ATTRIBUTE_NO_SCRUB_DATA", 131072},
    {"FILE_ATTRIBUTE_OFFLINE", 4096}, {"FILE_ATTRIBUTE_READONLY", 1},
    {"FILE_ATTRIBUTE_REPARSE_POINT", 1024},
    {"FILE_ATTRIBUTE_SPARSE_FILE", 512}, {"FILE_ATTRIBUTE_SYSTEM", 4},
    {"FILE_ATTRIBUTE_TEMPORARY", 256}, {"FILE_ATTRIBUTE_VIRTUAL", 65536},
    {NULL, 0},
};

static int stat_exec(PyObject *module)
{
    for (int i = 0; stat_constants[i].name != NULL; i++) {
        PyObject *v = PyLong_FromUnsignedLong(stat_constants[i].value);
        if (PyModule_Add(module, stat_constants[i].name, v) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot stat_slots[] = {
    {Py_mod_exec, stat_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef stat_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_stat",
    .m_doc = "File type and permission constants and tests for the st_mode "
             "of os.stat() results\n(the accelerator behind the stat module).",
    .m_size = 0,
    .m_methods = stat_methods,
    .m_slots = stat_slots,
};

PyMODINIT_FUNC PyInit__stat(void)
{
    return PyModuleDef_Init(&stat_module);
}
