/* Prepared statements of _sqlite3: compiling SQL (with the per-connection
   statement cache), binding parameters, stepping.

   Every function here runs with the owning connection's lock held (see
   module.h); the cache dict is only read and written under that lock. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

#include <string.h>

static void statement_dealloc(PyObject *op)
{
    StatementObject *self = (StatementObject *)op;
    if (self->st != NULL) {
        /* Safe without the connection lock: sqlite3_finalize takes the
           database mutex itself, and no one else can reach this object. */
        sqlite3_finalize(self->st);
    }
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject pysqlite_StatementType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Statement",
    .tp_basicsize = sizeof(StatementObject),
    .tp_dealloc = statement_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* Skip blanks and SQL comments; return where real text starts. */
static const char *skip_space_and_comments(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'
               || *p == '\f') {
            p++;
        }
        if (p[0] == '-' && p[1] == '-') {
            while (*p != '\0' && *p != '\n') {
                p++;
            }
        }
        else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (end == NULL) {
                return p + strlen(p);
            }
            p = end + 2;
        }
        else {
            return p;
        }
    }
}

static int starts_with_word(const char *p, const char *word)
{
    size_t n = strlen(word);
    return sqlite3_strnicmp(p, word, (int)n) == 0;
}

static int is_dml_statement(const char *sql)
{
    const char *p = skip_space_and_comments(sql);
    return starts_with_word(p, "insert") || starts_with_word(p, "update")
        || starts_with_word(p, "delete") || starts_with_word(p, "replace");
}

/* Compile `sql` (a str) into a new Statement, not cached.  Connection
   lock held; the compilation itself runs detached. */
StatementObject *pysqlite_statement_create(ConnectionObject *conn,
                                           PyObject *sql)
{
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(sql, &size);
    if (text == NULL) {
        return NULL;
    }
    if (strlen(text) != (size_t)size) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "the query contains a null character");
        return NULL;
    }
    if (size > sqlite3_limit(conn->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        PyErr_SetString(pysqlite_DataError, "query string is too large");
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_prepare_v2(conn->db, text, (int)size + 1, &st, &tail);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        pysqlite_set_error(conn->db);
        return NULL;
    }
    if (tail != NULL && *skip_space_and_comments(tail) != '\0') {
        sqlite3_finalize(st);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "You can only execute one statement at a time.");
        return NULL;
    }
    StatementObject *self = PyObject_New(StatementObject,
                                         &pysqlite_StatementType);
    if (self == NULL) {
        sqlite3_finalize(st);
        return NULL;
    }
    self->st = st;
    self->is_dml = is_dml_statement(text);
    return self;
}

/* Remember `stmt` under `sql`, dropping the oldest entry when the cache
   is full.  Connection lock held. */
static int cache_store(ConnectionObject *conn, PyObject *sql,
                       StatementObject *stmt)
{
    PyObject *cache = conn->statement_cache;
    if (cache == NULL || conn->cached_statements <= 0) {
        return 0;
    }
    if (PyDict_GET_SIZE(cache) >= conn->cached_statements) {
        Py_ssize_t pos = 0;
        PyObject *oldest, *value;
        if (PyDict_Next(cache, &pos, &oldest, &value)) {
            Py_INCREF(oldest);
            int rc = PyDict_DelItem(cache, oldest);
            Py_DECREF(oldest);
            if (rc < 0) {
                return -1;
            }
        }
    }
    return PyDict_SetItem(cache, sql, (PyObject *)stmt);
}

/* A statement for `sql`, reset and with no bindings: from the cache if one
   is there and idle, else newly compiled (and cached).  Connection lock
   held.  Returns a new reference. */
StatementObject *pysqlite_statement_get(ConnectionObject *conn,
                                        PyObject *sql)
{
    if (!PyUnicode_Check(sql)) {
        PyErr_Format(PyExc_TypeError,
                     "execute() argument 1 must be str, not %.100s",
                     Py_TYPE(sql)->tp_name);
        return NULL;
    }
    if (conn->statement_cache != NULL) {
        PyObject *cached;
        if (PyDict_GetItemRef(conn->statement_cache, sql, &cached) < 0) {
            return NULL;
        }
        if (cached != NULL) {
            StatementObject *stmt = (StatementObject *)cached;
            if (stmt->st == NULL || !sqlite3_stmt_busy(stmt->st)) {
                if (stmt->st != NULL) {
                    sqlite3_reset(stmt->st);
                    sqlite3_clear_bindings(stmt->st);
                }
                return stmt;
            }
            /* In use by another cursor: compile a private copy. */
            Py_DECREF(cached);
            return pysqlite_statement_create(conn, sql);
        }
    }
    StatementObject *stmt = pysqlite_statement_create(conn, sql);
    if (stmt != NULL && cache_store(conn, sql, stmt) < 0) {
        Py_CLEAR(stmt);
    }
    return stmt;
}

/* sqlite3_step, detached.  Connection lock held. */
int pysqlite_step(sqlite3_stmt *st)
{
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_step(st);
    Py_END_ALLOW_THREADS
    return rc;
}

/* ---- binding ------------------------------------------------------------ */

/* Exact int, float, str and bytearray values bind as they are unless an
   adapter was ever registered for one of those types (CPython's shortcut);
   everything else, None included, goes through adaptation. */
static int needs_adaptation(PyObject *value)
{
    if (__atomic_load_n(&pysqlite_base_type_adapted, __ATOMIC_RELAXED)) {
        return 1;
    }
    return !(PyLong_CheckExact(value) || PyFloat_CheckExact(value)
             || PyUnicode_CheckExact(value) || PyByteArray_CheckExact(value));
}

static int bind_value(sqlite3_stmt *st, int pos, PyObject *value)
{
    if (value == Py_None) {
        return sqlite3_bind_null(st, pos);
    }
    if (PyLong_Check(value)) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow) {
            PyErr_SetString(PyExc_OverflowError,
                            "Python int too large to convert to SQLite "
                            "INTEGER");
            return -1;
        }
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        return sqlite3_bind_int64(st, pos, (sqlite3_int64)v);
    }
    if (PyFloat_Check(value)) {
        double d = PyFloat_AsDouble(value);
        if (d == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return sqlite3_bind_double(st, pos, d);
    }
    if (PyUnicode_Check(value)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(value, &len);
        if (text == NULL) {
            return -1;
        }
        if (len > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "string longer than INT_MAX "
                            "bytes");
            return -1;
        }
        return sqlite3_bind_text(st, pos, text, (int)len, SQLITE_TRANSIENT);
    }
    if (PyObject_CheckBuffer(value)) {
        Py_buffer view;
        if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
            return -1;
        }
        if (view.len > INT_MAX) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_OverflowError, "BLOB longer than INT_MAX "
                            "bytes");
            return -1;
        }
        int rc = sqlite3_bind_blob(st, pos, view.buf, (int)view.len,
                                   SQLITE_TRANSIENT);
        PyBuffer_Release(&view);
        return rc;
    }
    PyErr_Format(pysqlite_ProgrammingError,
                 "Error binding parameter %d: type '%.100s' is not supported",
                 pos, Py_TYPE(value)->tp_name);
    return -1;
}

/* Adapt and bind one parameter; -1 with an exception on failure. */
static int bind_parameter(sqlite3_stmt *st, int pos, PyObject *value)
{
    PyObject *adapted;
    if (needs_adaptation(value)) {
        adapted = pysqlite_adapt(value,
                                 (PyObject *)&pysqlite_PrepareProtocolType,
                                 value);
        if (adapted == NULL) {
            return -1;
        }
    }
    else {
        adapted = Py_NewRef(value);
    }
    int rc = bind_value(st, pos, adapted);
    Py_DECREF(adapted);
    if (rc < 0) {
        return -1;
    }
    if (rc != SQLITE_OK) {
        pysqlite_set_error(sqlite3_db_handle(st));
        return -1;
    }
    return 0;
}

static int bind_sequence(sqlite3_stmt *st, PyObject *params, int needed)
{
    Py_ssize_t given = PySequence_Size(params);
    if (given < 0) {
        return -1;
    }
    if (given != needed) {
        PyErr_Format(pysqlite_ProgrammingError,
                     "Incorrect number of bindings supplied. The current "
                     "statement uses %d, and there are %zd supplied.",
                     needed, given);
        return -1;
    }
    for (int i = 1; i <= needed; i++) {
        const char *name = sqlite3_bind_parameter_name(st, i);
        if (name != NULL && name[0] != '?') {
            PyErr_Format(pysqlite_ProgrammingError,
                         "Binding %d ('%s') is a named parameter, but you "
                         "supplied a sequence which requires nameless (qmark) "
                         "placeholders.", i, name);
            return -1;
        }
        PyObject *value = PySequence_GetItem(params, i - 1);
        if (value == NULL) {
            return -1;
        }
        int rc = bind_parameter(st, i, value);
        Py_DECREF(value);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int bind_mapping(sqlite3_stmt *st, PyObject *params, int needed)
{
    for (int i = 1; i <= needed; i++) {
        const char *name = sqlite3_bind_parameter_name(st, i);
        if (name == NULL) {
            PyErr_Format(pysqlite_ProgrammingError,
                         "Binding %d has no name, but you supplied a "
                         "dictionary (which has only names).", i);
            return -1;
        }
        PyObject *key = PyUnicode_FromString(name + 1);
        if (key == NULL) {
            return -1;
        }
        PyObject *value = PyObject_GetItem(params, key);
        Py_DECREF(key);
        if (value == NULL) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Format(pysqlite_ProgrammingError,
                             "You did not supply a value for binding "
                             "parameter :%s.", name + 1);
            }
            return -1;
        }
        int rc = bind_parameter(st, i, value);
        Py_DECREF(value);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* Bind `params` (a sequence for qmark placeholders, a mapping for named
   ones, or NULL for none) to `st`.  Connection lock held. */
int pysqlite_bind_parameters(sqlite3_stmt *st, PyObject *params)
{
    int needed = sqlite3_bind_parameter_count(st);
    if (params == NULL) {
        if (needed == 0) {
            return 0;
        }
        PyErr_Format(pysqlite_ProgrammingError,
                     "Incorrect number of bindings supplied. The current "
                     "statement uses %d, and there are 0 supplied.", needed);
        return -1;
    }
    if (PyTuple_CheckExact(params) || PyList_CheckExact(params)
        || (!PyDict_Check(params) && PySequence_Check(params))) {
        return bind_sequence(st, params, needed);
    }
    if (PyDict_Check(params) || PyMapping_Check(params)) {
        return bind_mapping(st, params, needed);
    }
    PyErr_SetString(pysqlite_ProgrammingError,
                    "parameters are of unsupported type");
    return -1;
}

#endif /* HAVE_LIBSQLITE3 */
