/* sqlite3.Connection: one open SQLite database handle, its transaction
   control, and the Python callbacks SQLite may run (functions,
   aggregates, collations, authorizer, progress and trace handlers).

   Thread safety: see module.h.  Methods take the connection lock through
   pysqlite_connection_enter(), which also enforces check_same_thread.
   Callbacks run on the thread that stepped the statement, which holds the
   lock; they attach with PyGILState_Ensure because the step runs
   detached. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

#include <string.h>

static const char *const begin_statements[] = {
    "BEGIN ", "BEGIN DEFERRED", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE", NULL,
};

/* ---- entering and leaving ----------------------------------------------- */

static int check_initialized(ConnectionObject *self)
{
    if (!__atomic_load_n(&self->initialized, __ATOMIC_ACQUIRE)) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Base Connection.__init__ not called.");
        return -1;
    }
    return 0;
}

/* check_same_thread and thread_ident are fixed once __init__ has run. */
int pysqlite_check_thread(ConnectionObject *self)
{
    if (self->check_same_thread
        && PyThread_get_thread_ident() != self->thread_ident) {
        PyErr_Format(pysqlite_ProgrammingError,
                     "SQLite objects created in a thread can only be used in "
                     "that same thread. The object was created in thread id "
                     "%lu and this is thread id %lu.",
                     self->thread_ident, PyThread_get_thread_ident());
        return -1;
    }
    return 0;
}

/* Check the caller may use the connection, lock it, and check it is open.
   On success the caller must call pysqlite_connection_leave(). */
int pysqlite_connection_enter(ConnectionObject *self)
{
    if (check_initialized(self) < 0 || pysqlite_check_thread(self) < 0) {
        return -1;
    }
    sql_lock(&self->lock);
    if (self->db == NULL) {
        sql_unlock(&self->lock);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Cannot operate on a closed database.");
        return -1;
    }
    return 0;
}

void pysqlite_connection_leave(ConnectionObject *self)
{
    sql_unlock(&self->lock);
}

/* Run one parameterless statement to completion.  Lock held. */
int pysqlite_exec_simple(ConnectionObject *self, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_prepare_v2(self->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
    }
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        pysqlite_set_error(self->db);
        sqlite3_finalize(st);
        return -1;
    }
    sqlite3_finalize(st);
    return 0;
}

/* Legacy transaction control opens a transaction before DML when none is
   open and isolation_level is not None.  Lock held. */
int pysqlite_begin_if_needed(ConnectionObject *self, StatementObject *st)
{
    if (self->autocommit == LEGACY_TRANSACTION_CONTROL
        && self->begin_statement != NULL && st->is_dml
        && sqlite3_get_autocommit(self->db)) {
        return pysqlite_exec_simple(self, self->begin_statement);
    }
    return 0;
}

/* ---- construction ------------------------------------------------------- */

/* Map an isolation_level value to its BEGIN statement (NULL for None).
   Returns -1 with an exception for anything else. */
static int parse_isolation_level(PyObject *level, const char **begin)
{
    if (level == Py_None) {
        *begin = NULL;
        return 0;
    }
    if (!PyUnicode_Check(level)) {
        PyErr_SetString(PyExc_TypeError,
                        "isolation_level must be str or None");
        return -1;
    }
    const char *text = PyUnicode_AsUTF8(level);
    if (text == NULL) {
        return -1;
    }
    static const char *const names[] = {"", "DEFERRED", "IMMEDIATE",
                                        "EXCLUSIVE"};
    for (int i = 0; i < 4; i++) {
        if (sqlite3_stricmp(text, names[i]) == 0) {
            *begin = begin_statements[i];
            return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError,
                    "isolation_level string must be '', 'DEFERRED', "
                    "'IMMEDIATE', or 'EXCLUSIVE'");
    return -1;
}

static int parse_autocommit(PyObject *value, int *autocommit)
{
    if (value == Py_True) {
        *autocommit = 1;
        return 0;
    }
    if (value == Py_False) {
        *autocommit = 0;
        return 0;
    }
    if (PyLong_Check(value)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(value, &overflow);
        if (!overflow && v == LEGACY_TRANSACTION_CONTROL) {
            *autocommit = LEGACY_TRANSACTION_CONTROL;
            return 0;
        }
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    PyErr_SetString(PyExc_ValueError,
                    "autocommit must be True, False, or "
                    "sqlite3.LEGACY_TRANSACTION_CONTROL");
    return -1;
}

/* Close the handle and drop what depends on it.  Lock held (or the object
   is being deallocated).  Destructors of registered functions run here, so
   the thread stays attached. */
static void close_handle(ConnectionObject *self)
{
    if (self->blobs != NULL) {
        Py_ssize_t n = PyList_GET_SIZE(self->blobs);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *blob;
            if (PyWeakref_GetRef(PyList_GET_ITEM(self->blobs, i), &blob) > 0) {
                BlobObject *b = (BlobObject *)blob;
                if (b->blob != NULL) {
                    sqlite3_blob_close(b->blob);
                    b->blob = NULL;
                }
                Py_DECREF(blob);
            }
        }
        Py_CLEAR(self->blobs);
    }
    Py_CLEAR(self->statement_cache);
    if (self->db != NULL) {
        /* v2 defers the real close until statements still held by cursors
           are finalized. */
        sqlite3_close_v2(self->db);
        /* interrupt() reads db without the lock. */
        __atomic_store_n(&self->db, (sqlite3 *)NULL, __ATOMIC_RELEASE);
    }
    Py_CLEAR(self->trace_ctx);
    Py_CLEAR(self->progress_ctx);
    Py_CLEAR(self->authorizer_ctx);
}

static int connection_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {
        "database", "timeout", "detect_types", "isolation_level",
        "check_same_thread", "factory", "cached_statements", "uri",
        "autocommit", NULL,
    };
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *path = NULL;
    double timeout = 5.0;
    int detect_types = 0;
    PyObject *isolation_level = NULL;
    int check_same_thread = 1;
    PyObject *factory = NULL;
    int cached_statements = 128;
    int uri = 0;
    PyObject *autocommit_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|diOpOip$O:Connection",
                                     keywords, PyUnicode_FSConverter, &path,
                                     &timeout, &detect_types,
                                     &isolation_level, &check_same_thread,
                                     &factory, &cached_statements, &uri,
                                     &autocommit_obj)) {
        return -1;
    }
    const char *begin = begin_statements[0];
    int autocommit = LEGACY_TRANSACTION_CONTROL;
    if ((isolation_level != NULL
         && parse_isolation_level(isolation_level, &begin) < 0)
        || (autocommit_obj != NULL
            && parse_autocommit(autocommit_obj, &autocommit) < 0)) {
        Py_DECREF(path);
        return -1;
    }
    if (__atomic_load_n(&self->initialized, __ATOMIC_ACQUIRE)) {
        /* Re-initialising: the old database goes first. */
        if (pysqlite_check_thread(self) < 0) {
            Py_DECREF(path);
            return -1;
        }
        sql_lock(&self->lock);
        close_handle(self);
        /* Until the new database is open the object is uninitialised: a
           failed re-init leaves "Base Connection.__init__ not called."
           (as in CPython), not a closed connection. */
        __atomic_store_n(&self->initialized, 0, __ATOMIC_RELEASE);
        sql_unlock(&self->lock);
    }
    sqlite3 *db = NULL;
    int rc;
    const char *filename = PyBytes_AS_STRING(path);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                | (uri ? SQLITE_OPEN_URI : 0);
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_open_v2(filename, &db, flags, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, (int)(timeout * 1000.0));
        /* Extension loading is off until enable_load_extension(True),
           whatever default the library was built with. */
        sqlite3_enable_load_extension(db, 0);
    }
    Py_END_ALLOW_THREADS
    Py_DECREF(path);
    if (rc != SQLITE_OK) {
        if (db == NULL) {
            PyErr_NoMemory();
        }
        else {
            pysqlite_set_error(db);
            sqlite3_close_v2(db);
        }
        return -1;
    }
    PyObject *cache = PyDict_New();
    PyObject *blobs = PyList_New(0);
    if (cache == NULL || blobs == NULL) {
        Py_XDECREF(cache);
        Py_XDECREF(blobs);
        sqlite3_close_v2(db);
        return -1;
    }
    sql_lock(&self->lock);
    __atomic_store_n(&self->db, db, __ATOMIC_RELEASE);
    self->statement_cache = cache;
    self->blobs = blobs;
    self->cached_statements = cached_statements;
    self->detect_types = detect_types;
    self->check_same_thread = check_same_thread;
    self->thread_ident = PyThread_get_thread_ident();
    self->autocommit = autocommit;
    self->begin_statement = isolation_level == Py_None ? NULL : begin;
    if (isolation_level != NULL) {
        Py_XSETREF(self->isolation_level, Py_NewRef(isolation_level));
    }
    else {
        /* The default '' (DEFERRED); the empty str is created only here. */
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        if (empty != NULL) {
            Py_XSETREF(self->isolation_level, empty);
        }
    }
    Py_XSETREF(self->row_factory, Py_NewRef(Py_None));
    Py_XSETREF(self->text_factory, Py_NewRef((PyObject *)&PyUnicode_Type));
    int result = 0;
    if (autocommit == 0) {
        result = pysqlite_exec_simple(self, "BEGIN");
    }
    sql_unlock(&self->lock);
    __atomic_store_n(&self->initialized, 1, __ATOMIC_RELEASE);
    return result;
}

static PyObject *connection_new(PyTypeObject *type, PyObject *Py_UNUSED(a),
                                PyObject *Py_UNUSED(k))
{
    ConnectionObject *self = (ConnectionObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->isolation_level = Py_NewRef(Py_None);
    self->row_factory = Py_NewRef(Py_None);
    self->text_factory = Py_NewRef((PyObject *)&PyUnicode_Type);
    self->autocommit = LEGACY_TRANSACTION_CONTROL;
    return (PyObject *)self;
}

static int connection_traverse(PyObject *op, visitproc visit, void *arg)
{
    ConnectionObject *self = (ConnectionObject *)op;
    Py_VISIT(self->statement_cache);
    Py_VISIT(self->blobs);
    Py_VISIT(self->row_factory);
    Py_VISIT(self->text_factory);
    Py_VISIT(self->trace_ctx);
    Py_VISIT(self->progress_ctx);
    Py_VISIT(self->authorizer_ctx);
    return 0;
}

/* Breaks cycles through the factories by restoring their defaults, so
   the fields are never NULL while cursors may still use them. */
static int connection_clear(PyObject *op)
{
    ConnectionObject *self = (ConnectionObject *)op;
    Py_XSETREF(self->row_factory, Py_NewRef(Py_None));
    Py_XSETREF(self->text_factory, Py_NewRef((PyObject *)&PyUnicode_Type));
    return 0;
}

/* A connection collected while still open gets a ResourceWarning, as in
   CPython 3.13+.  Nothing else refers to the object any more, so reading
   db needs no lock. */
static void connection_finalize(PyObject *op)
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (self->db == NULL) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyErr_ResourceWarning(op, 1, "unclosed database in %R", op) < 0) {
        PyErr_WriteUnraisable(op);
    }
    PyErr_SetRaisedException(exc);
}

static void connection_dealloc(PyObject *op)
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (PyObject_CallFinalizerFromDealloc(op) < 0) {
        return;     /* resurrected by a warnings filter */
    }
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    close_handle(self);
    Py_CLEAR(self->isolation_level);
    Py_CLEAR(self->row_factory);
    Py_CLEAR(self->text_factory);
    Py_TYPE(op)->tp_free(op);
}

/* ---- transactions ------------------------------------------------------- */

/* COMMIT or ROLLBACK as the transaction control mode asks.  Lock held. */
static int end_transaction(ConnectionObject *self, const char *how)
{
    if (self->autocommit == LEGACY_TRANSACTION_CONTROL) {
        if (!sqlite3_get_autocommit(self->db)) {
            return pysqlite_exec_simple(self, how);
        }
        return 0;
    }
    if (self->autocommit == 0) {
        if (pysqlite_exec_simple(self, how) < 0) {
            return -1;
        }
        return pysqlite_exec_simple(self, "BEGIN");
    }
    return 0;
}

static PyObject *transaction_method(ConnectionObject *self, const char *how)
{
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc = end_transaction(self, how);
    pysqlite_connection_leave(self);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_commit(PyObject *op, PyObject *Py_UNUSED(a))
{
    return transaction_method((ConnectionObject *)op, "COMMIT");
}

static PyObject *connection_rollback(PyObject *op, PyObject *Py_UNUSED(a))
{
    return transaction_method((ConnectionObject *)op, "ROLLBACK");
}

static PyObject *connection_close(PyObject *op, PyObject *Py_UNUSED(a))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (check_initialized(self) < 0 || pysqlite_check_thread(self) < 0) {
        return NULL;
    }
    sql_lock(&self->lock);
    int rc = 0;
    if (self->lock.depth > 1 && self->db != NULL) {
        /* Called from a callback of a statement this thread is running:
           the handle must outlive that statement. */
        sql_unlock(&self->lock);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Cannot close the connection from within one of "
                        "its own callbacks.");
        return NULL;
    }
    if (self->db != NULL) {
        /* With autocommit=False an open transaction is rolled back. */
        if (self->autocommit == 0 && !sqlite3_get_autocommit(self->db)) {
            rc = pysqlite_exec_simple(self, "ROLLBACK");
        }
        close_handle(self);
    }
    sql_unlock(&self->lock);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_enter_cm(PyObject *op, PyObject *Py_UNUSED(a))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    pysqlite_connection_leave(self);
    return Py_NewRef(op);
}

/* Commit when the block succeeded, roll back when it raised; never
   swallows the block's exception. */
static PyObject *connection_exit_cm(PyObject *op, PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *exc_type, *exc_value, *exc_tb;
    if (!PyArg_UnpackTuple(args, "__exit__", 3, 3, &exc_type, &exc_value,
                           &exc_tb)) {
        return NULL;
    }
    int ok = exc_type == Py_None && exc_value == Py_None && exc_tb == Py_None;
    PyObject *res = transaction_method(self, ok ? "COMMIT" : "ROLLBACK");
    if (res == NULL) {
        if (ok) {
            /* A failed commit leaves the transaction open: roll it back but
               report the commit's error. */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *rb = transaction_method(self, "ROLLBACK");
            if (rb == NULL) {
                PyErr_Clear();
            }
            Py_XDECREF(rb);
            PyErr_SetRaisedException(exc);
        }
        return NULL;
    }
    Py_DECREF(res);
    Py_RETURN_FALSE;
}

/* ---- cursors and execution ---------------------------------------------- */

static PyObject *connection_cursor(PyObject *op, PyObject *args,
                                   PyObject *kwds)
{
    static char *keywords[] = {"factory", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *factory = (PyObject *)&pysqlite_CursorType;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:cursor", keywords,
                                     &factory)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    pysqlite_connection_leave(self);
    PyObject *cursor = PyObject_CallOneArg(factory, op);
    if (cursor == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(cursor, &pysqlite_CursorType)) {
        PyErr_Format(PyExc_TypeError,
                     "factory must return a cursor, not %.100s",
                     Py_TYPE(cursor)->tp_name);
        Py_DECREF(cursor);
        return NULL;
    }
    sql_lock(&self->lock);
    CursorObject *c = (CursorObject *)cursor;
    if (self->row_factory != Py_None) {
        Py_XSETREF(c->row_factory, Py_NewRef(self->row_factory));
    }
    sql_unlock(&self->lock);
    return cursor;
}

static PyObject *new_cursor(PyObject *self)
{
    PyObject *cursor = PyObject_CallMethod(self, "cursor", NULL);
    if (cursor != NULL && !PyObject_TypeCheck(cursor, &pysqlite_CursorType)) {
        PyErr_Format(PyExc_TypeError,
                     "factory must return a cursor, not %.100s",
                     Py_TYPE(cursor)->tp_name);
        Py_CLEAR(cursor);
    }
    return cursor;
}

static PyObject *execute_on_new_cursor(PyObject *self, PyObject *sql,
                                       PyObject *params, int multiple)
{
    PyObject *cursor = new_cursor(self);
    if (cursor == NULL) {
        return NULL;
    }
    PyObject *res = pysqlite_cursor_execute_impl((CursorObject *)cursor, sql,
                                                 params, multiple);
    if (res == NULL) {
        Py_DECREF(cursor);
        return NULL;
    }
    Py_DECREF(res);
    return cursor;
}

static PyObject *connection_execute(PyObject *self, PyObject *args)
{
    PyObject *sql, *params = NULL;
    if (!PyArg_ParseTuple(args, "U|O:execute", &sql, &params)) {
        return NULL;
    }
    return execute_on_new_cursor(self, sql, params, 0);
}

static PyObject *connection_executemany(PyObject *self, PyObject *args)
{
    PyObject *sql, *params;
    if (!PyArg_ParseTuple(args, "UO:executemany", &sql, &params)) {
        return NULL;
    }
    return execute_on_new_cursor(self, sql, params, 1);
}

static PyObject *connection_executescript(PyObject *self, PyObject *script)
{
    PyObject *cursor = new_cursor(self);
    if (cursor == NULL) {
        return NULL;
    }
    PyObject *res = pysqlite_cursor_executescript_impl(
        (CursorObject *)cursor, script);
    if (res == NULL) {
        Py_DECREF(cursor);
        return NULL;
    }
    Py_DECREF(res);
    return cursor;
}

/* ---- values crossing into and out of callbacks -------------------------- */

/* The Python arguments of a user function: SQLite's values converted. */
static PyObject **build_callback_args(int argc, sqlite3_value **argv)
{
    PyObject **args = PyMem_New(PyObject *, argc > 0 ? argc : 1);
    if (args == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i < argc; i++) {
        sqlite3_value *v = argv[i];
        PyObject *obj;
        switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER:
            obj = PyLong_FromLongLong(sqlite3_value_int64(v));
            break;
        case SQLITE_FLOAT:
            obj = PyFloat_FromDouble(sqlite3_value_double(v));
            break;
        case SQLITE_TEXT: {
            const char *text = (const char *)sqlite3_value_text(v);
            if (text == NULL) {
                obj = PyErr_NoMemory();
                break;
            }
            obj = PyUnicode_FromStringAndSize(text, sqlite3_value_bytes(v));
            break;
        }
        case SQLITE_BLOB: {
            const void *blob = sqlite3_value_blob(v);
            obj = PyBytes_FromStringAndSize(blob, sqlite3_value_bytes(v));
            break;
        }
        default:
            obj = Py_NewRef(Py_None);
            break;
        }
        if (obj == NULL) {
            for (int j = 0; j < i; j++) {
                Py_DECREF(args[j]);
            }
            PyMem_Free(args);
            return NULL;
        }
        args[i] = obj;
    }
    return args;
}

static void free_callback_args(PyObject **args, int argc)
{
    for (int i = 0; i < argc; i++) {
        Py_DECREF(args[i]);
    }
    PyMem_Free(args);
}

/* Hand a Python result to SQLite; -1 with an exception if it has no SQLite
   equivalent. */
static int set_sqlite_result(sqlite3_context *ctx, PyObject *value)
{
    if (value == Py_None) {
        sqlite3_result_null(ctx);
    }
    else if (PyLong_Check(value)) {
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
        sqlite3_result_int64(ctx, v);
    }
    else if (PyFloat_Check(value)) {
        sqlite3_result_double(ctx, PyFloat_AsDouble(value));
    }
    else if (PyUnicode_Check(value)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(value, &len);
        if (text == NULL) {
            return -1;
        }
        sqlite3_result_text64(ctx, text, (sqlite3_uint64)len,
                              SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    else if (PyObject_CheckBuffer(value)) {
        Py_buffer view;
        if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
            return -1;
        }
        sqlite3_result_blob64(ctx, view.buf, (sqlite3_uint64)view.len,
                              SQLITE_TRANSIENT);
        PyBuffer_Release(&view);
    }
    else {
        PyErr_Format(pysqlite_ProgrammingError,
                     "User-defined functions cannot return '%.100s' values "
                     "to SQLite", Py_TYPE(value)->tp_name);
        return -1;
    }
    return 0;
}

/* SQLite's destructor for the callables it was given a reference to. */
static void release_callable(void *ptr)
{
    PyGILState_STATE g = PyGILState_Ensure();
    Py_DECREF((PyObject *)ptr);
    PyGILState_Release(g);
}

/* ---- user functions ----------------------------------------------------- */

/* A user-defined function or aggregate failed: SQLite gets "out of
   memory" for a MemoryError, "string or blob too big" (DataError) for an
   OverflowError (e.g. an int result beyond 64 bits), else msg; the
   exception itself is reported, then cleared, as CPython's
   set_sqlite_error.  GIL (or thread state) held. */
static void set_callback_error(sqlite3_context *ctx, PyObject *func,
                               const char *msg)
{
    int nomem = PyErr_ExceptionMatches(PyExc_MemoryError);
    int toobig = !nomem && PyErr_ExceptionMatches(PyExc_OverflowError);
    pysqlite_report_callback_error(func);
    if (nomem) {
        sqlite3_result_error_nomem(ctx);
    }
    else if (toobig) {
        sqlite3_result_error_toobig(ctx);
    }
    else {
        sqlite3_result_error(ctx, msg, -1);
    }
}

static void set_function_error(sqlite3_context *ctx, PyObject *func)
{
    set_callback_error(ctx, func, "user-defined function raised exception");
}

static void function_callback(sqlite3_context *ctx, int argc,
                              sqlite3_value **argv)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *func = sqlite3_user_data(ctx);
    PyObject *result = NULL;
    PyObject **args = build_callback_args(argc, argv);
    if (args != NULL) {
        result = PyObject_Vectorcall(func, args, (size_t)argc, NULL);
        free_callback_args(args, argc);
    }
    if (result == NULL || set_sqlite_result(ctx, result) < 0) {
        set_function_error(ctx, func);
    }
    Py_XDECREF(result);
    PyGILState_Release(g);
}

static int check_callable(PyObject *func)
{
    if (func != Py_None && !PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "parameter must be callable");
        return -1;
    }
    return 0;
}

static PyObject *connection_create_function(PyObject *op, PyObject *args,
                                            PyObject *kwds)
{
    static char *keywords[] = {"name", "narg", "func", "deterministic",
                               NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    const char *name;
    int narg, deterministic = 0;
    PyObject *func;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "siO|$p:create_function",
                                     keywords, &name, &narg, &func,
                                     &deterministic)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    /* Like CPython, any object is accepted; a non-callable fails when
       the SQL function is used. */
    int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
    int rc = sqlite3_create_function_v2(self->db, name, narg, flags,
                                        Py_NewRef(func), function_callback,
                                        NULL, NULL, release_callable);
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        PyErr_SetString(pysqlite_OperationalError, "Error creating function");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- aggregates and window functions ------------------------------------ */

/* Call instance.<method>(*args) for an aggregate; on failure tell SQLite,
   naming the method as CPython's messages do.  Returns the result or
   NULL (error already reported). */
static PyObject *call_aggregate_method(sqlite3_context *ctx,
                                       PyObject *instance, const char *method,
                                       int argc, sqlite3_value **argv)
{
    PyObject *result = NULL;
    PyObject *bound = PyObject_GetAttrString(instance, method);
    if (bound != NULL) {
        PyObject **args = build_callback_args(argc, argv);
        if (args != NULL) {
            result = PyObject_Vectorcall(bound, args, (size_t)argc, NULL);
            free_callback_args(args, argc);
        }
        Py_DECREF(bound);
    }
    if (result == NULL) {
        char msg[128];
        int missing = PyErr_ExceptionMatches(PyExc_AttributeError);
        PyOS_snprintf(msg, sizeof(msg),
                      missing ? "user-defined aggregate's '%s' method not "
                                "defined"
                              : "user-defined aggregate's '%s' method raised "
                                "error", method);
        set_callback_error(ctx, sqlite3_user_data(ctx), msg);
    }
    return result;
}

/* The aggregate instance of this group, created on first use; NULL when
   creating it failed (reported to SQLite). */
static PyObject *aggregate_instance(sqlite3_context *ctx)
{
    PyObject **slot = sqlite3_aggregate_context(ctx, sizeof(PyObject *));
    if (slot == NULL) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    if (*slot == NULL) {
        *slot = PyObject_CallNoArgs(sqlite3_user_data(ctx));
        if (*slot == NULL) {
            set_callback_error(ctx, sqlite3_user_data(ctx),
                               "user-defined aggregate's '__init__' "
                               "method raised error");
            return NULL;
        }
    }
    return *slot;
}

static void aggregate_step(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *instance = aggregate_instance(ctx);
    if (instance != NULL) {
        PyObject *r = call_aggregate_method(ctx, instance, "step", argc,
                                            argv);
        Py_XDECREF(r);
    }
    PyGILState_Release(g);
}

static void aggregate_inverse(sqlite3_context *ctx, int argc,
                              sqlite3_value **argv)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *instance = aggregate_instance(ctx);
    if (instance != NULL) {
        PyObject *r = call_aggregate_method(ctx, instance, "inverse", argc,
                                            argv);
        Py_XDECREF(r);
    }
    PyGILState_Release(g);
}

static void aggregate_result(sqlite3_context *ctx, PyObject *instance,
                             const char *method)
{
    PyObject *r = call_aggregate_method(ctx, instance, method, 0, NULL);
    if (r != NULL && set_sqlite_result(ctx, r) < 0) {
        char msg[128];
        PyOS_snprintf(msg, sizeof(msg), "user-defined aggregate's '%s' "
                      "method raised error", method);
        set_callback_error(ctx, sqlite3_user_data(ctx), msg);
    }
    Py_XDECREF(r);
}

static void aggregate_value(sqlite3_context *ctx)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *instance = aggregate_instance(ctx);
    if (instance != NULL) {
        aggregate_result(ctx, instance, "value");
    }
    PyGILState_Release(g);
}

/* With no rows the instance was never made and the result is NULL, as in
   CPython; the instance dies with its group here. */
static void aggregate_final(sqlite3_context *ctx)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject **slot = sqlite3_aggregate_context(ctx, 0);
    if (slot != NULL && *slot != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        aggregate_result(ctx, *slot, "finalize");
        Py_CLEAR(*slot);
        if (exc != NULL) {
            PyErr_SetRaisedException(exc);
        }
    }
    PyGILState_Release(g);
}

static PyObject *connection_create_aggregate(PyObject *op, PyObject *args,
                                             PyObject *kwds)
{
    static char *keywords[] = {"name", "n_arg", "aggregate_class", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    const char *name;
    int narg;
    PyObject *cls;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "siO:create_aggregate",
                                     keywords, &name, &narg, &cls)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc = sqlite3_create_function_v2(self->db, name, narg, SQLITE_UTF8,
                                        Py_NewRef(cls), NULL, aggregate_step,
                                        aggregate_final, release_callable);
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        PyErr_SetString(pysqlite_OperationalError,
                        "Error creating aggregate");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_create_window_function(PyObject *op,
                                                   PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    const char *name;
    int narg;
    PyObject *cls;
    if (!PyArg_ParseTuple(args, "siO:create_window_function", &name, &narg,
                          &cls)) {
        return NULL;
    }
    if (check_callable(cls) < 0 || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc;
    if (cls == Py_None) {
        rc = sqlite3_create_window_function(self->db, name, narg,
                                            SQLITE_UTF8, NULL, NULL, NULL,
                                            NULL, NULL, NULL);
    }
    else {
        rc = sqlite3_create_window_function(
            self->db, name, narg, SQLITE_UTF8, Py_NewRef(cls),
            aggregate_step, aggregate_final, aggregate_value,
            aggregate_inverse, release_callable);
    }
    if (rc != SQLITE_OK) {
        /* SQLite records no error on the connection for a bad definition
           (e.g. an argument count out of range): name the code. */
        PyErr_SetString(pysqlite_ProgrammingError, sqlite3_errstr(rc));
    }
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- collations --------------------------------------------------------- */

static int collation_callback(void *func, int len1, const void *s1, int len2,
                              const void *s2)
{
    PyGILState_STATE g = PyGILState_Ensure();
    int order = 0;
    PyObject *a = PyUnicode_DecodeUTF8(s1, len1, "replace");
    PyObject *b = PyUnicode_DecodeUTF8(s2, len2, "replace");
    PyObject *r = NULL;
    if (a != NULL && b != NULL) {
        r = PyObject_CallFunctionObjArgs((PyObject *)func, a, b, NULL);
    }
    if (r != NULL) {
        if (!PyLong_Check(r)) {
            PyErr_SetString(PyExc_TypeError,
                            "collation callable must return an int");
        }
        else {
            int overflow;
            long long v = PyLong_AsLongLongAndOverflow(r, &overflow);
            order = overflow ? overflow : (v > 0) - (v < 0);
        }
    }
    if (PyErr_Occurred()) {
        pysqlite_report_callback_error(func);
        order = 0;
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(r);
    PyGILState_Release(g);
    return order;
}

static PyObject *connection_create_collation(PyObject *op, PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *name;
    PyObject *func;
    if (!PyArg_ParseTuple(args, "UO:create_collation", &name, &func)) {
        return NULL;
    }
    if (check_callable(func) < 0) {
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc;
    if (func == Py_None) {
        rc = sqlite3_create_collation_v2(self->db, cname, SQLITE_UTF8, NULL,
                                         NULL, NULL);
    }
    else {
        rc = sqlite3_create_collation_v2(self->db, cname, SQLITE_UTF8,
                                         Py_NewRef(func), collation_callback,
                                         release_callable);
    }
    if (rc != SQLITE_OK) {
        pysqlite_set_error(self->db);
    }
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- authorizer, progress, trace ---------------------------------------- */

static PyObject *optional_str(const char *s)
{
    return s == NULL ? Py_NewRef(Py_None) : PyUnicode_FromString(s);
}

static int authorizer_callback(void *func, int action, const char *a1,
                               const char *a2, const char *dbname,
                               const char *source)
{
    PyGILState_STATE g = PyGILState_Ensure();
    int verdict = SQLITE_DENY;
    PyObject *r = PyObject_CallFunction((PyObject *)func, "iO&O&O&O&",
                                        action, optional_str, a1,
                                        optional_str, a2, optional_str,
                                        dbname, optional_str, source);
    if (r != NULL && PyLong_Check(r)) {
        /* A result outside C int is an error (OverflowError, reported like
           any callback error), not a value truncated into some verdict. */
        int v = PyLong_AsInt(r);
        if (!(v == -1 && PyErr_Occurred())) {
            verdict = v;
        }
    }
    if (PyErr_Occurred()) {
        pysqlite_report_callback_error(func);
        verdict = SQLITE_DENY;
    }
    Py_XDECREF(r);
    PyGILState_Release(g);
    return verdict;
}

static int progress_callback(void *func)
{
    PyGILState_STATE g = PyGILState_Ensure();
    int abort = 1;
    PyObject *r = PyObject_CallNoArgs((PyObject *)func);
    if (r != NULL) {
        abort = PyObject_IsTrue(r);
        Py_DECREF(r);
    }
    if (abort < 0 || PyErr_Occurred()) {
        pysqlite_report_callback_error(func);
        abort = 1;
    }
    PyGILState_Release(g);
    return abort;
}

/* The trace callback gets the statement unexpanded: report why (as
   CPython does, through the callback error hook), most likely a text
   longer than SQLITE_LIMIT_LENGTH.  Called with the thread attached. */
static void report_unexpanded(sqlite3_stmt *stmt, void *func)
{
    if (sqlite3_errcode(sqlite3_db_handle(stmt)) == SQLITE_NOMEM) {
        PyErr_NoMemory();
    }
    else {
        PyErr_SetString(pysqlite_DataError, "Expanded SQL string exceeds "
                        "the maximum string length");
    }
    pysqlite_report_callback_error(func);
}

/* The statement text with bound values filled in, unless it is a
   trigger's "-- ..." comment or too long to expand. */
static int trace_callback(unsigned type, void *func, void *p, void *x)
{
    if (type != SQLITE_TRACE_STMT) {
        return 0;
    }
    PyGILState_STATE g = PyGILState_Ensure();
    const char *unexpanded = x;
    PyObject *text;
    char *expanded = NULL;
    if (unexpanded != NULL && strncmp(unexpanded, "--", 2) == 0) {
        text = PyUnicode_FromString(unexpanded);
    }
    else {
        expanded = sqlite3_expanded_sql((sqlite3_stmt *)p);
        if (expanded == NULL) {
            report_unexpanded((sqlite3_stmt *)p, func);
        }
        text = PyUnicode_FromString(expanded != NULL
                                    ? expanded
                                    : sqlite3_sql((sqlite3_stmt *)p));
        sqlite3_free(expanded);
    }
    PyObject *r = NULL;
    if (text != NULL) {
        r = PyObject_CallOneArg((PyObject *)func, text);
        Py_DECREF(text);
    }
    if (r == NULL) {
        pysqlite_report_callback_error(func);
    }
    Py_XDECREF(r);
    PyGILState_Release(g);
    return 0;
}

static PyObject *connection_set_authorizer(PyObject *op, PyObject *args,
                                           PyObject *kwds)
{
    static char *keywords[] = {"authorizer_callback", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *func;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:set_authorizer",
                                     keywords, &func)
        || check_callable(func) < 0
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc = func == Py_None
        ? sqlite3_set_authorizer(self->db, NULL, NULL)
        : sqlite3_set_authorizer(self->db, authorizer_callback, func);
    if (rc == SQLITE_OK) {
        /* SQLite keeps only the raw pointer: our reference keeps it alive
           until it is replaced. */
        Py_XSETREF(self->authorizer_ctx,
                   func == Py_None ? NULL : Py_NewRef(func));
    }
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        PyErr_SetString(pysqlite_OperationalError,
                        "Error setting authorizer callback");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_set_progress_handler(PyObject *op,
                                                 PyObject *args,
                                                 PyObject *kwds)
{
    static char *keywords[] = {"progress_handler", "n", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *func;
    int n;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi:set_progress_handler",
                                     keywords, &func, &n)
        || check_callable(func) < 0
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    if (func == Py_None) {
        sqlite3_progress_handler(self->db, 0, NULL, NULL);
        Py_CLEAR(self->progress_ctx);
    }
    else {
        sqlite3_progress_handler(self->db, n, progress_callback, func);
        Py_XSETREF(self->progress_ctx, Py_NewRef(func));
    }
    pysqlite_connection_leave(self);
    Py_RETURN_NONE;
}

static PyObject *connection_set_trace_callback(PyObject *op, PyObject *args,
                                               PyObject *kwds)
{
    static char *keywords[] = {"trace_callback", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *func;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:set_trace_callback",
                                     keywords, &func)
        || check_callable(func) < 0
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    if (func == Py_None) {
        sqlite3_trace_v2(self->db, 0, NULL, NULL);
        Py_CLEAR(self->trace_ctx);
    }
    else {
        sqlite3_trace_v2(self->db, SQLITE_TRACE_STMT, trace_callback, func);
        Py_XSETREF(self->trace_ctx, Py_NewRef(func));
    }
    pysqlite_connection_leave(self);
    Py_RETURN_NONE;
}

/* ---- extensions, interrupt, dump ---------------------------------------- */

static PyObject *connection_enable_load_extension(PyObject *op,
                                                  PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    int enable;
    if (!PyArg_ParseTuple(args, "p:enable_load_extension", &enable)
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int rc = sqlite3_enable_load_extension(self->db, enable);
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        PyErr_SetString(pysqlite_OperationalError,
                        "Error enabling load extension");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_load_extension(PyObject *op, PyObject *args,
                                           PyObject *kwds)
{
    static char *keywords[] = {"", "entrypoint", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *path;
    const char *entrypoint = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|$z:load_extension",
                                     keywords, PyUnicode_FSConverter, &path,
                                     &entrypoint)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        Py_DECREF(path);
        return NULL;
    }
    char *errmsg = NULL;
    int rc = sqlite3_load_extension(self->db, PyBytes_AS_STRING(path),
                                    entrypoint, &errmsg);
    pysqlite_connection_leave(self);
    Py_DECREF(path);
    if (rc != SQLITE_OK) {
        PyErr_SetString(pysqlite_OperationalError,
                        errmsg != NULL ? errmsg : "error loading extension");
        sqlite3_free(errmsg);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Callable from any thread, without the lock (another thread holds it
   while it runs the statement to interrupt); sqlite3_interrupt is
   documented as safe to call concurrently. */
static PyObject *connection_interrupt(PyObject *op, PyObject *Py_UNUSED(a))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (check_initialized(self) < 0) {
        return NULL;
    }
    sqlite3 *db = __atomic_load_n(&self->db, __ATOMIC_ACQUIRE);
    if (db == NULL) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Cannot operate on a closed database.");
        return NULL;
    }
    sqlite3_interrupt(db);
    Py_RETURN_NONE;
}

static PyObject *connection_iterdump(PyObject *op, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"filter", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *filter = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$O:iterdump", keywords,
                                     &filter)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    pysqlite_connection_leave(self);
    PyObject *dump = PyImport_ImportModuleAttrString("sqlite3.dump",
                                                     "_iterdump");
    if (dump == NULL) {
        return NULL;
    }
    PyObject *kw = Py_BuildValue("{sO}", "filter", filter);
    PyObject *posargs = PyTuple_Pack(1, op);
    PyObject *res = NULL;
    if (kw != NULL && posargs != NULL) {
        res = PyObject_Call(dump, posargs, kw);
    }
    Py_XDECREF(kw);
    Py_XDECREF(posargs);
    Py_DECREF(dump);
    return res;
}

/* ---- backup, blobs, serialization --------------------------------------- */

/* Copy this database into `target` page batch by page batch, both
   connections locked (this one, then the target). */
static int backup_locked(ConnectionObject *self, ConnectionObject *target,
                         int pages, PyObject *progress, const char *name,
                         int sleep_ms)
{
    sqlite3_backup *bck;
    Py_BEGIN_ALLOW_THREADS
    bck = sqlite3_backup_init(target->db, "main", self->db, name);
    Py_END_ALLOW_THREADS
    if (bck == NULL) {
        pysqlite_set_error(target->db);
        return -1;
    }
    int rc;
    do {
        Py_BEGIN_ALLOW_THREADS
        rc = sqlite3_backup_step(bck, pages);
        Py_END_ALLOW_THREADS
        if (progress != Py_None) {
            PyObject *r = PyObject_CallFunction(
                progress, "iii", rc, sqlite3_backup_remaining(bck),
                sqlite3_backup_pagecount(bck));
            if (r == NULL) {
                sqlite3_backup_finish(bck);
                return -1;
            }
            Py_DECREF(r);
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            Py_BEGIN_ALLOW_THREADS
            sqlite3_sleep(sleep_ms);
            Py_END_ALLOW_THREADS
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_backup_finish(bck);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        pysqlite_set_error_code(rc, sqlite3_errstr(rc));
        return -1;
    }
    return 0;
}

static PyObject *connection_backup(PyObject *op, PyObject *args,
                                   PyObject *kwds)
{
    static char *keywords[] = {"target", "pages", "progress", "name",
                               "sleep", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *target_obj;
    int pages = -1;
    PyObject *progress = Py_None;
    const char *name = "main";
    double sleep = 0.250;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$iOsd:backup", keywords,
                                     &target_obj, &pages, &progress, &name,
                                     &sleep)) {
        return NULL;
    }
    if (!PyObject_TypeCheck(target_obj, &pysqlite_ConnectionType)) {
        PyErr_Format(PyExc_TypeError,
                     "backup() argument 'target' must be sqlite3.Connection, "
                     "not %.100s", Py_TYPE(target_obj)->tp_name);
        return NULL;
    }
    ConnectionObject *target = (ConnectionObject *)target_obj;
    if (target == self) {
        PyErr_SetString(PyExc_ValueError,
                        "target cannot be the same connection instance");
        return NULL;
    }
    if (progress != Py_None && !PyCallable_Check(progress)) {
        PyErr_SetString(PyExc_TypeError,
                        "progress argument must be a callable");
        return NULL;
    }
    if (pages == 0) {
        pages = -1;
    }
    int sleep_ms = sleep < 0 ? 0 : (int)(sleep * 1000.0);
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    if (pysqlite_connection_enter(target) < 0) {
        pysqlite_connection_leave(self);
        return NULL;
    }
    int rc = backup_locked(self, target, pages, progress, name, sleep_ms);
    pysqlite_connection_leave(target);
    pysqlite_connection_leave(self);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Drop weak references to blobs already gone, so the list stays as long
   as the number of live blobs.  Lock held. */
static int prune_dead_blobs(ConnectionObject *self)
{
    Py_ssize_t n = PyList_GET_SIZE(self->blobs);
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        PyObject *blob;
        int alive = PyWeakref_GetRef(PyList_GET_ITEM(self->blobs, i), &blob);
        if (alive < 0) {
            return -1;
        }
        if (alive) {
            Py_DECREF(blob);
        }
        else if (PyList_SetSlice(self->blobs, i, i + 1, NULL) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *connection_blobopen(PyObject *op, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"", "", "", "readonly", "name", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    const char *table, *column, *name = "main";
    long long row;
    int readonly = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ssL|$ps:blobopen",
                                     keywords, &table, &column, &row,
                                     &readonly, &name)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    sqlite3_blob *blob = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_blob_open(self->db, name, table, column, row, !readonly,
                           &blob);
    Py_END_ALLOW_THREADS
    PyObject *result = NULL;
    if (rc != SQLITE_OK) {
        pysqlite_set_error(self->db);
        goto done;
    }
    BlobObject *b = PyObject_GC_New(BlobObject, &pysqlite_BlobType);
    if (b == NULL) {
        sqlite3_blob_close(blob);
        goto done;
    }
    b->connection = (ConnectionObject *)Py_NewRef(op);
    b->blob = blob;
    b->offset = 0;
    b->weakreflist = NULL;
    PyObject_GC_Track(b);
    PyObject *ref = PyWeakref_NewRef((PyObject *)b, NULL);
    if (ref == NULL || prune_dead_blobs(self) < 0
        || PyList_Append(self->blobs, ref) < 0) {
        Py_XDECREF(ref);
        Py_DECREF(b);
        goto done;
    }
    Py_DECREF(ref);
    result = (PyObject *)b;
done:
    pysqlite_connection_leave(self);
    return result;
}

static PyObject *connection_serialize(PyObject *op, PyObject *args,
                                      PyObject *kwds)
{
    static char *keywords[] = {"name", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    const char *name = "main";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$s:serialize", keywords,
                                     &name)
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    sqlite3_int64 size = 0;
    unsigned char *data;
    Py_BEGIN_ALLOW_THREADS
    data = sqlite3_serialize(self->db, name, &size, 0);
    Py_END_ALLOW_THREADS
    pysqlite_connection_leave(self);
    if (data == NULL) {
        PyErr_Format(pysqlite_OperationalError, "unable to serialize '%s'",
                     name);
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize((const char *)data,
                                              (Py_ssize_t)size);
    sqlite3_free(data);
    return res;
}

static PyObject *connection_deserialize(PyObject *op, PyObject *args,
                                        PyObject *kwds)
{
    static char *keywords[] = {"", "name", NULL};
    ConnectionObject *self = (ConnectionObject *)op;
    Py_buffer view;
    const char *name = "main";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|$s:deserialize",
                                     keywords, &view, &name)) {
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    int rc = SQLITE_NOMEM;
    unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)view.len + 1);
    if (copy != NULL) {
        memcpy(copy, view.buf, (size_t)view.len);
        Py_BEGIN_ALLOW_THREADS
        /* SQLite owns `copy` from here on, even when this fails. */
        rc = sqlite3_deserialize(self->db, name, copy, view.len, view.len,
                                 SQLITE_DESERIALIZE_FREEONCLOSE
                                 | SQLITE_DESERIALIZE_RESIZEABLE);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&view);
    if (rc == SQLITE_NOMEM) {
        PyErr_NoMemory();
    }
    else if (rc != SQLITE_OK) {
        pysqlite_set_error(self->db);
    }
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- limits and configuration ------------------------------------------- */

static PyObject *connection_getlimit(PyObject *op, PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    int category;
    if (!PyArg_ParseTuple(args, "i:getlimit", &category)
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int limit = sqlite3_limit(self->db, category, -1);
    pysqlite_connection_leave(self);
    if (limit < 0) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "'category' is out of bounds");
        return NULL;
    }
    return PyLong_FromLong(limit);
}

static PyObject *connection_setlimit(PyObject *op, PyObject *args)
{
    ConnectionObject *self = (ConnectionObject *)op;
    int category, limit;
    if (!PyArg_ParseTuple(args, "ii:setlimit", &category, &limit)
        || pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int old = sqlite3_limit(self->db, category, limit);
    pysqlite_connection_leave(self);
    if (old < 0) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "'category' is out of bounds");
        return NULL;
    }
    return PyLong_FromLong(old);
}

static int is_boolean_config(int op)
{
    switch (op) {
    case SQLITE_DBCONFIG_ENABLE_FKEY:
    case SQLITE_DBCONFIG_ENABLE_TRIGGER:
    case SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER:
    case SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION:
    case SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE:
    case SQLITE_DBCONFIG_ENABLE_QPSG:
    case SQLITE_DBCONFIG_TRIGGER_EQP:
    case SQLITE_DBCONFIG_RESET_DATABASE:
    case SQLITE_DBCONFIG_DEFENSIVE:
    case SQLITE_DBCONFIG_WRITABLE_SCHEMA:
    case SQLITE_DBCONFIG_LEGACY_ALTER_TABLE:
    case SQLITE_DBCONFIG_DQS_DML:
    case SQLITE_DBCONFIG_DQS_DDL:
    case SQLITE_DBCONFIG_ENABLE_VIEW:
    case SQLITE_DBCONFIG_LEGACY_FILE_FORMAT:
    case SQLITE_DBCONFIG_TRUSTED_SCHEMA:
        return 1;
    default:
        return 0;
    }
}

static PyObject *config_common(ConnectionObject *self, int op, int value)
{
    if (!is_boolean_config(op)) {
        PyErr_Format(PyExc_ValueError, "unknown config 'op': %d", op);
        return NULL;
    }
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int actual = 0;
    int rc = sqlite3_db_config(self->db, op, value, &actual);
    if (rc != SQLITE_OK) {
        pysqlite_set_error_code(rc, sqlite3_errstr(rc));
    }
    pysqlite_connection_leave(self);
    if (rc != SQLITE_OK) {
        return NULL;
    }
    return PyBool_FromLong(actual);
}

static PyObject *connection_getconfig(PyObject *op, PyObject *args)
{
    int cfg;
    if (!PyArg_ParseTuple(args, "i:getconfig", &cfg)) {
        return NULL;
    }
    return config_common((ConnectionObject *)op, cfg, -1);
}

static PyObject *connection_setconfig(PyObject *op, PyObject *args)
{
    int cfg, enable = 1;
    if (!PyArg_ParseTuple(args, "i|p:setconfig", &cfg, &enable)) {
        return NULL;
    }
    return config_common((ConnectionObject *)op, cfg, enable);
}

/* ---- attributes --------------------------------------------------------- */

static PyObject *get_isolation_level(PyObject *op, void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (check_initialized(self) < 0) {
        return NULL;
    }
    sql_lock(&self->lock);
    PyObject *res = Py_NewRef(self->isolation_level);
    sql_unlock(&self->lock);
    return res;
}

static int set_isolation_level(PyObject *op, PyObject *value,
                               void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    const char *begin;
    if (parse_isolation_level(value, &begin) < 0
        || pysqlite_connection_enter(self) < 0) {
        return -1;
    }
    int rc = 0;
    if (value == Py_None) {
        /* Leaving legacy implicit transactions: finish the open one. */
        if (self->autocommit == LEGACY_TRANSACTION_CONTROL
            && !sqlite3_get_autocommit(self->db)) {
            rc = pysqlite_exec_simple(self, "COMMIT");
        }
        begin = NULL;
    }
    if (rc == 0) {
        self->begin_statement = begin;
        Py_XSETREF(self->isolation_level, Py_NewRef(value));
    }
    pysqlite_connection_leave(self);
    return rc;
}

static PyObject *get_in_transaction(PyObject *op, void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int autocommit = sqlite3_get_autocommit(self->db);
    pysqlite_connection_leave(self);
    return PyBool_FromLong(!autocommit);
}

static PyObject *get_total_changes(PyObject *op, void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int changes = sqlite3_total_changes(self->db);
    pysqlite_connection_leave(self);
    return PyLong_FromLong(changes);
}

static PyObject *get_autocommit(PyObject *op, void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    int mode = self->autocommit;
    pysqlite_connection_leave(self);
    if (mode == LEGACY_TRANSACTION_CONTROL) {
        return PyLong_FromLong(LEGACY_TRANSACTION_CONTROL);
    }
    return PyBool_FromLong(mode);
}

/* Switching to True commits an open transaction; to False opens one. */
static int set_autocommit(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int mode;
    if (parse_autocommit(value, &mode) < 0
        || pysqlite_connection_enter(self) < 0) {
        return -1;
    }
    int rc = 0;
    self->autocommit = mode;
    if (mode == 1 && !sqlite3_get_autocommit(self->db)) {
        rc = pysqlite_exec_simple(self, "COMMIT");
    }
    else if (mode == 0 && sqlite3_get_autocommit(self->db)) {
        rc = pysqlite_exec_simple(self, "BEGIN");
    }
    pysqlite_connection_leave(self);
    return rc;
}

/* row_factory and text_factory: any object, swapped under the lock. */
static PyObject *get_factory(PyObject *op, void *which)
{
    ConnectionObject *self = (ConnectionObject *)op;
    sql_lock(&self->lock);
    PyObject *v = which ? self->text_factory : self->row_factory;
    PyObject *res = Py_NewRef(v != NULL ? v : Py_None);
    sql_unlock(&self->lock);
    return res;
}

static int set_factory(PyObject *op, PyObject *value, void *which)
{
    ConnectionObject *self = (ConnectionObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    sql_lock(&self->lock);
    if (which) {
        Py_XSETREF(self->text_factory, Py_NewRef(value));
    }
    else {
        Py_XSETREF(self->row_factory, Py_NewRef(value));
    }
    sql_unlock(&self->lock);
    return 0;
}

/* Connection.Error and friends, as DB-API's optional extension has it. */
static PyObject *get_exception(PyObject *Py_UNUSED(op), void *slot)
{
    return Py_NewRef(*(PyObject **)slot);
}

#define EXC_GETTER(name) \
    {#name, get_exception, NULL, NULL, &pysqlite_##name}

static PyGetSetDef connection_getset[] = {
    {"isolation_level", get_isolation_level, set_isolation_level,
     "The BEGIN mode of implicit transactions, or None.", NULL},
    {"in_transaction", get_in_transaction, NULL,
     "True while a transaction is open.", NULL},
    {"total_changes", get_total_changes, NULL,
     "Rows changed since the connection was opened.", NULL},
    {"autocommit", get_autocommit, set_autocommit,
     "Transaction control mode (PEP 249 autocommit).", NULL},
    {"row_factory", get_factory, set_factory,
     "Callable building each row from (cursor, tuple).", NULL},
    {"text_factory", get_factory, set_factory,
     "Callable turning TEXT values (as bytes) into objects.", (void *)1},
    EXC_GETTER(Warning), EXC_GETTER(Error), EXC_GETTER(InterfaceError),
    EXC_GETTER(DatabaseError), EXC_GETTER(DataError),
    EXC_GETTER(OperationalError), EXC_GETTER(IntegrityError),
    EXC_GETTER(InternalError), EXC_GETTER(ProgrammingError),
    EXC_GETTER(NotSupportedError),
    {NULL, NULL, NULL, NULL, NULL},
};
#undef EXC_GETTER

static PyMethodDef connection_methods[] = {
    {"cursor", _PyCFunction_CAST(connection_cursor),
     METH_VARARGS | METH_KEYWORDS,
     "cursor($self, /, factory=Cursor)\n--\n\nReturn a new cursor."},
    {"close", connection_close, METH_NOARGS,
     "close($self, /)\n--\n\nClose the database connection."},
    {"commit", connection_commit, METH_NOARGS,
     "commit($self, /)\n--\n\nCommit any pending transaction."},
    {"rollback", connection_rollback, METH_NOARGS,
     "rollback($self, /)\n--\n\nRoll back any pending transaction."},
    {"execute", connection_execute, METH_VARARGS,
     "execute($self, sql, parameters=(), /)\n--\n\n"
     "Execute sql on a new cursor and return the cursor."},
    {"executemany", connection_executemany, METH_VARARGS,
     "executemany($self, sql, parameters, /)\n--\n\n"
     "Execute sql once per parameter set on a new cursor."},
    {"executescript", connection_executescript, METH_O,
     "executescript($self, sql_script, /)\n--\n\n"
     "Execute several SQL statements on a new cursor."},
    {"create_function", _PyCFunction_CAST(connection_create_function),
     METH_VARARGS | METH_KEYWORDS,
     "create_function($self, /, name, narg, func, *, deterministic=False)"
     "\n--\n\nCreate or remove a user-defined SQL function."},
    {"create_aggregate", _PyCFunction_CAST(connection_create_aggregate),
     METH_VARARGS | METH_KEYWORDS,
     "create_aggregate($self, /, name, n_arg, aggregate_class)\n--\n\n"
     "Create or remove a user-defined SQL aggregate function."},
    {"create_window_function", connection_create_window_function,
     METH_VARARGS,
     "create_window_function($self, name, num_params, aggregate_class, /)"
     "\n--\n\nCreate or remove an aggregate window function."},
    {"create_collation", connection_create_collation, METH_VARARGS,
     "create_collation($self, name, callback, /)\n--\n\n"
     "Create or remove a collation."},
    {"set_authorizer", _PyCFunction_CAST(connection_set_authorizer),
     METH_VARARGS | METH_KEYWORDS,
     "set_authorizer($self, /, authorizer_callback)\n--\n\n"
     "Set the authorizer callback (None removes it)."},
    {"set_progress_handler",
     _PyCFunction_CAST(connection_set_progress_handler),
     METH_VARARGS | METH_KEYWORDS,
     "set_progress_handler($self, /, progress_handler, n)\n--\n\n"
     "Call progress_handler every n SQLite VM instructions."},
    {"set_trace_callback", _PyCFunction_CAST(connection_set_trace_callback),
     METH_VARARGS | METH_KEYWORDS,
     "set_trace_callback($self, /, trace_callback)\n--\n\n"
     "Call trace_callback with each SQL statement executed."},
    {"enable_load_extension", connection_enable_load_extension, METH_VARARGS,
     "enable_load_extension($self, enable, /)\n--\n\n"
     "Enable or disable loading SQLite extensions."},
    {"load_extension", _PyCFunction_CAST(connection_load_extension),
     METH_VARARGS | METH_KEYWORDS,
     "load_extension($self, name, /, *, entrypoint=None)\n--\n\n"
     "Load an SQLite extension from a shared library."},
    {"interrupt", connection_interrupt, METH_NOARGS,
     "interrupt($self, /)\n--\n\nAbort any pending database operation."},
    {"iterdump", _PyCFunction_CAST(connection_iterdump),
     METH_VARARGS | METH_KEYWORDS,
     "iterdump($self, /, *, filter=None)\n--\n\n"
     "Return an iterator over the SQL text dump of the database."},
    {"backup", _PyCFunction_CAST(connection_backup),
     METH_VARARGS | METH_KEYWORDS,
     "backup($self, /, target, *, pages=-1, progress=None, name='main',\n"
     "       sleep=0.25)\n--\n\nCopy the database into target."},
    {"blobopen", _PyCFunction_CAST(connection_blobopen),
     METH_VARARGS | METH_KEYWORDS,
     "blobopen($self, table, column, row, /, *, readonly=False,\n"
     "         name='main')\n--\n\nOpen a Blob handle to an existing BLOB."},
    {"serialize", _PyCFunction_CAST(connection_serialize),
     METH_VARARGS | METH_KEYWORDS,
     "serialize($self, /, *, name='main')\n--\n\n"
     "Serialize a database into a bytes object."},
    {"deserialize", _PyCFunction_CAST(connection_deserialize),
     METH_VARARGS | METH_KEYWORDS,
     "deserialize($self, data, /, *, name='main')\n--\n\n"
     "Load a serialized database into this connection."},
    {"getlimit", connection_getlimit, METH_VARARGS,
     "getlimit($self, category, /)\n--\n\nGet a connection run-time limit."},
    {"setlimit", connection_setlimit, METH_VARARGS,
     "setlimit($self, category, limit, /)\n--\n\n"
     "Set a connection run-time limit; return the previous one."},
    {"getconfig", connection_getconfig, METH_VARARGS,
     "getconfig($self, op, /)\n--\n\nQuery a boolean configuration option."},
    {"setconfig", connection_setconfig, METH_VARARGS,
     "setconfig($self, op, enable=True, /)\n--\n\n"
     "Set a boolean configuration option."},
    {"__enter__", connection_enter_cm, METH_NOARGS,
     "__enter__($self, /)\n--\n\n"},
    {"__exit__", connection_exit_cm, METH_VARARGS,
     "__exit__($self, type, value, traceback, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

/* connection(sql): compile one statement into an (uncached)
   sqlite3.Statement, as CPython's undocumented Connection.__call__ does;
   compilation errors are those of execute().  The connection lock is held
   while compiling. */
static PyObject *connection_call(PyObject *op, PyObject *args, PyObject *kwargs)
{
    ConnectionObject *self = (ConnectionObject *)op;
    PyObject *sql;
    /* The connection is checked first (a closed one is a ProgrammingError
       whatever the arguments), as in CPython. */
    if (pysqlite_connection_enter(self) < 0) {
        return NULL;
    }
    StatementObject *stmt = NULL;
    if (_PyArg_NoKeywords("sqlite3.Connection", kwargs)
        && PyArg_ParseTuple(args, "U", &sql)) {
        stmt = pysqlite_statement_create(self, sql);
    }
    pysqlite_connection_leave(self);
    return (PyObject *)stmt;
}

PyTypeObject pysqlite_ConnectionType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Connection",
    .tp_basicsize = sizeof(ConnectionObject),
    .tp_dealloc = connection_dealloc,
    .tp_finalize = connection_finalize,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SQLite database connection object.",
    .tp_traverse = connection_traverse,
    .tp_clear = connection_clear,
    .tp_weaklistoffset = offsetof(ConnectionObject, weakreflist),
    .tp_methods = connection_methods,
    .tp_getset = connection_getset,
    .tp_init = connection_init,
    .tp_call = connection_call,
    .tp_new = connection_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

#endif /* HAVE_LIBSQLITE3 */
