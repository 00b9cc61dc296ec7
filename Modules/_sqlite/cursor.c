/* sqlite3.Cursor: runs statements on its connection and fetches rows.

   Thread safety: all cursor state is guarded by the connection's lock
   (module.h); `locked` marks a call in progress so that a callback that
   reuses the same cursor gets "Recursive use of cursors not allowed."
   instead of corrupting it. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

#include <string.h>

/* Check the cursor may be used, take the connection lock and mark the
   cursor busy.  On success call cursor_leave(). */
static int cursor_enter(CursorObject *self)
{
    if (self->connection == NULL) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Base Cursor.__init__ not called.");
        return -1;
    }
    if (pysqlite_connection_enter(self->connection) < 0) {
        return -1;
    }
    const char *problem = NULL;
    if (self->closed) {
        problem = "Cannot operate on a closed cursor.";
    }
    else if (self->locked) {
        problem = "Recursive use of cursors not allowed.";
    }
    if (problem != NULL) {
        pysqlite_connection_leave(self->connection);
        PyErr_SetString(pysqlite_ProgrammingError, problem);
        return -1;
    }
    self->locked = 1;
    return 0;
}

static void cursor_leave(CursorObject *self)
{
    self->locked = 0;
    pysqlite_connection_leave(self->connection);
}

/* Stop using the current statement (leaving it reusable).  Lock held. */
static void drop_statement(CursorObject *self)
{
    if (self->statement != NULL) {
        sqlite3_reset(self->statement->st);
        Py_CLEAR(self->statement);
    }
}

/* ---- description and converters ----------------------------------------- */

/* The column name as shown in description: with PARSE_COLNAMES, the text
   before a " [type]" suffix. */
static PyObject *column_name(ConnectionObject *conn, const char *name)
{
    if (name == NULL) {
        return PyErr_NoMemory();
    }
    size_t len = strlen(name);
    if (conn->detect_types & PARSE_COLNAMES) {
        const char *bracket = strchr(name, '[');
        if (bracket != NULL) {
            len = (size_t)(bracket - name);
            if (len > 0 && name[len - 1] == ' ') {
                len--;
            }
        }
    }
    return PyUnicode_FromStringAndSize(name, (Py_ssize_t)len);
}

/* converters[NAME] for name[0:len] upper-cased, or None. */
static PyObject *find_converter(const char *name, size_t len)
{
    PyObject *key = PyUnicode_FromStringAndSize(name, (Py_ssize_t)len);
    if (key == NULL) {
        return NULL;
    }
    PyObject *upper = PyObject_CallMethod(key, "upper", NULL);
    Py_DECREF(key);
    if (upper == NULL) {
        return NULL;
    }
    PyObject *conv;
    int rc = PyDict_GetItemRef(pysqlite_converters, upper, &conv);
    Py_DECREF(upper);
    if (rc < 0) {
        return NULL;
    }
    return rc ? conv : Py_NewRef(Py_None);
}

/* The converter for column i: "[type]" in its name wins (PARSE_COLNAMES),
   then the first word of its declared type (PARSE_DECLTYPES). */
static PyObject *column_converter(ConnectionObject *conn, sqlite3_stmt *st,
                                  int i)
{
    if (conn->detect_types & PARSE_COLNAMES) {
        const char *name = sqlite3_column_name(st, i);
        const char *open = name != NULL ? strchr(name, '[') : NULL;
        const char *close = open != NULL ? strchr(open + 1, ']') : NULL;
        if (close != NULL) {
            PyObject *conv = find_converter(open + 1,
                                            (size_t)(close - open - 1));
            if (conv != Py_None) {
                return conv;
            }
            Py_DECREF(conv);
        }
    }
    if (conn->detect_types & PARSE_DECLTYPES) {
        const char *decl = sqlite3_column_decltype(st, i);
        if (decl != NULL) {
            size_t len = strcspn(decl, " (");
            return find_converter(decl, len);
        }
    }
    return Py_NewRef(Py_None);
}

/* Build description and the per-column converters for a freshly prepared
   statement.  Lock held. */
static int describe_columns(CursorObject *self, sqlite3_stmt *st)
{
    ConnectionObject *conn = self->connection;
    int ncols = sqlite3_column_count(st);
    Py_CLEAR(self->row_cast_map);
    Py_SETREF(self->description, Py_NewRef(Py_None));
    if (ncols == 0) {
        return 0;
    }
    PyObject *desc = PyTuple_New(ncols);
    PyObject *casts = conn->detect_types ? PyList_New(ncols) : NULL;
    if (desc == NULL || (conn->detect_types && casts == NULL)) {
        goto error;
    }
    for (int i = 0; i < ncols; i++) {
        PyObject *name = column_name(conn, sqlite3_column_name(st, i));
        if (name == NULL) {
            goto error;
        }
        PyObject *item = PyTuple_Pack(7, name, Py_None, Py_None, Py_None,
                                      Py_None, Py_None, Py_None);
        Py_DECREF(name);
        if (item == NULL) {
            goto error;
        }
        PyTuple_SET_ITEM(desc, i, item);
        if (casts != NULL) {
            PyObject *conv = column_converter(conn, st, i);
            if (conv == NULL) {
                goto error;
            }
            PyList_SET_ITEM(casts, i, conv);
        }
    }
    Py_SETREF(self->description, desc);
    self->row_cast_map = casts;
    return 0;
error:
    Py_XDECREF(desc);
    Py_XDECREF(casts);
    return -1;
}

/* ---- rows --------------------------------------------------------------- */

static PyObject *text_value(ConnectionObject *conn, sqlite3_stmt *st, int i)
{
    const char *text = (const char *)sqlite3_column_text(st, i);
    int nbytes = sqlite3_column_bytes(st, i);
    if (text == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *factory = conn->text_factory;
    if (factory == (PyObject *)&PyUnicode_Type) {
        PyObject *s = PyUnicode_DecodeUTF8(text, nbytes, NULL);
        if (s == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
            PyErr_Clear();
            PyErr_Format(pysqlite_OperationalError,
                         "Could not decode to UTF-8 column '%s' with text "
                         "'%s'", sqlite3_column_name(st, i), text);
        }
        return s;
    }
    PyObject *raw = PyBytes_FromStringAndSize(text, nbytes);
    if (raw == NULL || factory == (PyObject *)&PyBytes_Type) {
        return raw;
    }
    PyObject *res = PyObject_CallOneArg(factory, raw);
    Py_DECREF(raw);
    return res;
}

static PyObject *column_value(CursorObject *self, sqlite3_stmt *st, int i)
{
    PyObject *conv = NULL;
    if (self->row_cast_map != NULL
        && i < PyList_GET_SIZE(self->row_cast_map)) {
        conv = PyList_GET_ITEM(self->row_cast_map, i);
        if (conv == Py_None) {
            conv = NULL;
        }
    }
    int type = sqlite3_column_type(st, i);
    if (conv != NULL && type != SQLITE_NULL) {
        const char *blob = sqlite3_column_blob(st, i);
        if (blob == NULL) {
            /* A zero-sized value has no blob: like NULL, it converts to
               None without calling the converter (as in CPython). */
            if (sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM) {
                return PyErr_NoMemory();
            }
            return Py_NewRef(Py_None);
        }
        PyObject *raw = PyBytes_FromStringAndSize(
            blob, sqlite3_column_bytes(st, i));
        if (raw == NULL) {
            return NULL;
        }
        PyObject *res = PyObject_CallOneArg(conv, raw);
        Py_DECREF(raw);
        return res;
    }
    switch (type) {
    case SQLITE_NULL:
        return Py_NewRef(Py_None);
    case SQLITE_INTEGER:
        return PyLong_FromLongLong(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT:
        return PyFloat_FromDouble(sqlite3_column_double(st, i));
    case SQLITE_TEXT:
        return text_value(self->connection, st, i);
    default: {
        const char *blob = sqlite3_column_blob(st, i);
        return PyBytes_FromStringAndSize(blob, sqlite3_column_bytes(st, i));
    }
    }
}

/* The current row, through converters and row_factory.  Lock held. */
static PyObject *build_row(CursorObject *self)
{
    sqlite3_stmt *st = self->statement->st;
    int n = sqlite3_data_count(st);
    PyObject *row = PyTuple_New(n);
    if (row == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *v = column_value(self, st, i);
        if (v == NULL) {
            Py_DECREF(row);
            return NULL;
        }
        PyTuple_SET_ITEM(row, i, v);
    }
    if (self->row_factory != NULL && self->row_factory != Py_None) {
        PyObject *args[2] = {(PyObject *)self, row};
        PyObject *res = PyObject_Vectorcall(self->row_factory, args, 2,
                                            NULL);
        Py_DECREF(row);
        return res;
    }
    return row;
}

/* Take the current row and advance.  NULL without an exception when the
   rows are exhausted.  Cursor entered. */
static PyObject *next_row_locked(CursorObject *self)
{
    if (self->statement == NULL) {
        return NULL;
    }
    PyObject *row = build_row(self);
    if (row == NULL) {
        drop_statement(self);
        return NULL;
    }
    sqlite3_stmt *st = self->statement->st;
    int rc = pysqlite_step(st);
    if (rc == SQLITE_DONE) {
        if (self->statement->is_dml) {
            self->rowcount += sqlite3_changes(self->connection->db);
        }
        drop_statement(self);
    }
    else if (rc != SQLITE_ROW) {
        pysqlite_set_error(self->connection->db);
        drop_statement(self);
        Py_DECREF(row);
        return NULL;
    }
    return row;
}

static PyObject *next_row(CursorObject *self)
{
    if (cursor_enter(self) < 0) {
        return NULL;
    }
    PyObject *row = next_row_locked(self);
    cursor_leave(self);
    return row;
}

/* ---- execution ---------------------------------------------------------- */

/* Bind one parameter set and run the statement to its first row (kept in
   `rc`).  Cursor entered. */
static int run_once(CursorObject *self, StatementObject *stmt,
                    PyObject *params, int multiple)
{
    ConnectionObject *conn = self->connection;
    sqlite3_reset(stmt->st);
    if (pysqlite_bind_parameters(stmt->st, params) < 0) {
        return -1;
    }
    int rc = pysqlite_step(stmt->st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        pysqlite_set_error(conn->db);
        sqlite3_reset(stmt->st);
        return -1;
    }
    if (rc == SQLITE_ROW && multiple) {
        sqlite3_reset(stmt->st);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "executemany() can only execute DML statements.");
        return -1;
    }
    if (self->description == Py_None && describe_columns(self, stmt->st) < 0) {
        sqlite3_reset(stmt->st);
        return -1;
    }
    if (rc == SQLITE_DONE && stmt->is_dml) {
        self->rowcount += sqlite3_changes(conn->db);
    }
    if (!multiple) {
        PyObject *rowid = PyLong_FromLongLong(
            sqlite3_last_insert_rowid(conn->db));
        if (rowid == NULL) {
            return -1;
        }
        Py_SETREF(self->lastrowid, rowid);
    }
    if (rc == SQLITE_ROW) {
        self->statement = (StatementObject *)Py_NewRef(stmt);
    }
    else {
        sqlite3_reset(stmt->st);
    }
    return 0;
}

static int execute_locked(CursorObject *self, PyObject *sql,
                          PyObject *params, int multiple)
{
    ConnectionObject *conn = self->connection;
    drop_statement(self);
    Py_CLEAR(self->row_cast_map);
    Py_SETREF(self->description, Py_NewRef(Py_None));
    self->rowcount = -1;
    StatementObject *stmt = pysqlite_statement_get(conn, sql);
    if (stmt == NULL) {
        return -1;
    }
    int result = -1;
    int is_dml = stmt->is_dml;
    PyObject *iter = NULL;
    if (stmt->st == NULL) {
        result = 0;             /* empty SQL: nothing to run */
        goto done;
    }
    if (multiple && sqlite3_stmt_readonly(stmt->st)) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "executemany() can only execute DML statements.");
        goto done;
    }
    /* The columns are described after the first step (run_once): that
       step re-prepares a cached statement whose schema changed. */
    Py_CLEAR(self->row_cast_map);
    Py_SETREF(self->description, Py_NewRef(Py_None));
    if (pysqlite_begin_if_needed(conn, stmt) < 0) {
        goto done;
    }
    self->rowcount = stmt->is_dml ? 0 : -1;
    if (!multiple) {
        result = run_once(self, stmt, params, 0);
        goto done;
    }
    iter = PyObject_GetIter(params);
    if (iter == NULL) {
        goto done;
    }
    PyObject *item;
    while ((item = PyIter_Next(iter)) != NULL) {
        int rc = run_once(self, stmt, item, 1);
        Py_DECREF(item);
        if (rc < 0) {
            goto done;
        }
    }
    result = PyErr_Occurred() ? -1 : 0;
done:
    Py_XDECREF(iter);
    Py_DECREF(stmt);
    if (result < 0 && is_dml) {
        self->rowcount = -1;
    }
    return result;
}

PyObject *pysqlite_cursor_execute_impl(CursorObject *self, PyObject *sql,
                                       PyObject *params, int multiple)
{
    if (cursor_enter(self) < 0) {
        return NULL;
    }
    int rc = execute_locked(self, sql, params, multiple);
    cursor_leave(self);
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef((PyObject *)self);
}

/* Run every statement of `script` to completion.  Cursor entered. */
static int executescript_locked(CursorObject *self, const char *script)
{
    ConnectionObject *conn = self->connection;
    drop_statement(self);
    /* Legacy mode commits a pending transaction first; nothing else is
       implicit here. */
    if (conn->autocommit == LEGACY_TRANSACTION_CONTROL
        && !sqlite3_get_autocommit(conn->db)
        && pysqlite_exec_simple(conn, "COMMIT") < 0) {
        return -1;
    }
    const char *tail = script;
    while (*tail != '\0') {
        sqlite3_stmt *st = NULL;
        const char *next = NULL;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = sqlite3_prepare_v2(conn->db, tail, -1, &st, &next);
        if (rc == SQLITE_OK && st != NULL) {
            do {
                rc = sqlite3_step(st);
            } while (rc == SQLITE_ROW);
        }
        Py_END_ALLOW_THREADS
        if (rc != SQLITE_OK && rc != SQLITE_DONE) {
            pysqlite_set_error(conn->db);
            sqlite3_finalize(st);
            return -1;
        }
        sqlite3_finalize(st);
        if (next == NULL || next == tail) {
            break;
        }
        tail = next;
    }
    return 0;
}

PyObject *pysqlite_cursor_executescript_impl(CursorObject *self,
                                             PyObject *script)
{
    if (!PyUnicode_Check(script)) {
        PyErr_Format(PyExc_TypeError,
                     "executescript() argument must be str, not %.100s",
                     Py_TYPE(script)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(script, &len);
    if (text == NULL) {
        return NULL;
    }
    if (strlen(text) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    if (cursor_enter(self) < 0) {
        return NULL;
    }
    if (len > sqlite3_limit(self->connection->db, SQLITE_LIMIT_SQL_LENGTH,
                            -1)) {
        cursor_leave(self);
        PyErr_SetString(pysqlite_DataError, "query string is too large");
        return NULL;
    }
    int rc = executescript_locked(self, text);
    cursor_leave(self);
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef((PyObject *)self);
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *cursor_execute(PyObject *op, PyObject *args)
{
    PyObject *sql, *params = NULL;
    if (!PyArg_ParseTuple(args, "U|O:execute", &sql, &params)) {
        return NULL;
    }
    return pysqlite_cursor_execute_impl((CursorObject *)op, sql, params, 0);
}

static PyObject *cursor_executemany(PyObject *op, PyObject *args)
{
    PyObject *sql, *params;
    if (!PyArg_ParseTuple(args, "UO:executemany", &sql, &params)) {
        return NULL;
    }
    return pysqlite_cursor_execute_impl((CursorObject *)op, sql, params, 1);
}

static PyObject *cursor_executescript(PyObject *op, PyObject *script)
{
    return pysqlite_cursor_executescript_impl((CursorObject *)op, script);
}

static PyObject *cursor_fetchone(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyObject *row = next_row((CursorObject *)op);
    if (row == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return row;
}

/* Up to `limit` rows (all when negative) into a list. */
static PyObject *fetch_rows(CursorObject *self, long limit)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (long n = 0; limit < 0 || n < limit; n++) {
        PyObject *row = next_row(self);
        if (row == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(list);
                return NULL;
            }
            break;
        }
        int rc = PyList_Append(list, row);
        Py_DECREF(row);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyObject *cursor_fetchmany(PyObject *op, PyObject *args,
                                  PyObject *kwds)
{
    static char *keywords[] = {"size", NULL};
    CursorObject *self = (CursorObject *)op;
    int size = __atomic_load_n(&self->arraysize, __ATOMIC_RELAXED);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:fetchmany", keywords,
                                     &size)) {
        return NULL;
    }
    return fetch_rows(self, size);
}

static PyObject *cursor_fetchall(PyObject *op, PyObject *Py_UNUSED(a))
{
    return fetch_rows((CursorObject *)op, -1);
}

static PyObject *cursor_iternext(PyObject *op)
{
    return next_row((CursorObject *)op);
}

static PyObject *cursor_close(PyObject *op, PyObject *Py_UNUSED(a))
{
    CursorObject *self = (CursorObject *)op;
    if (self->connection == NULL) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Base Cursor.__init__ not called.");
        return NULL;
    }
    if (pysqlite_check_thread(self->connection) < 0) {
        return NULL;
    }
    sql_lock(&self->connection->lock);
    if (self->locked) {
        sql_unlock(&self->connection->lock);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Recursive use of cursors not allowed.");
        return NULL;
    }
    drop_statement(self);
    self->closed = 1;
    sql_unlock(&self->connection->lock);
    Py_RETURN_NONE;
}

/* DB-API hooks that SQLite has no use for. */
static PyObject *cursor_setinputsizes(PyObject *Py_UNUSED(op),
                                      PyObject *Py_UNUSED(sizes))
{
    Py_RETURN_NONE;
}

static PyObject *cursor_setoutputsize(PyObject *Py_UNUSED(op),
                                      PyObject *args)
{
    PyObject *size, *column = Py_None;
    if (!PyArg_ParseTuple(args, "O|O:setoutputsize", &size, &column)) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- attributes --------------------------------------------------------- */

/* Read an object field under the connection lock (if any). */
static PyObject *locked_read(CursorObject *self, PyObject **field)
{
    if (self->connection == NULL) {
        return Py_NewRef(*field != NULL ? *field : Py_None);
    }
    sql_lock(&self->connection->lock);
    PyObject *v = Py_NewRef(*field != NULL ? *field : Py_None);
    sql_unlock(&self->connection->lock);
    return v;
}

static PyObject *get_description(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    return locked_read(self, &self->description);
}

static PyObject *get_lastrowid(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    return locked_read(self, &self->lastrowid);
}

static PyObject *get_connection(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    return Py_NewRef(self->connection != NULL ? (PyObject *)self->connection
                                              : Py_None);
}

static PyObject *get_row_factory(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    return locked_read(self, &self->row_factory);
}

static int set_row_factory(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (self->connection != NULL) {
        sql_lock(&self->connection->lock);
    }
    Py_XSETREF(self->row_factory, Py_NewRef(value));
    if (self->connection != NULL) {
        sql_unlock(&self->connection->lock);
    }
    return 0;
}

static PyObject *get_rowcount(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    if (self->connection == NULL) {
        return PyLong_FromLong(self->rowcount);
    }
    sql_lock(&self->connection->lock);
    long count = self->rowcount;
    sql_unlock(&self->connection->lock);
    return PyLong_FromLong(count);
}

/* arraysize is a plain int: atomic loads and stores. */
static PyObject *get_arraysize(PyObject *op, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    return PyLong_FromLong(__atomic_load_n(&self->arraysize,
                                           __ATOMIC_RELAXED));
}

static int set_arraysize(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    CursorObject *self = (CursorObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    __atomic_store_n(&self->arraysize, (int)v, __ATOMIC_RELAXED);
    return 0;
}

static PyGetSetDef cursor_getset[] = {
    {"description", get_description, NULL,
     "Column names of the last query, as 7-tuples.", NULL},
    {"lastrowid", get_lastrowid, NULL, "Row id of the last inserted row.",
     NULL},
    {"rowcount", get_rowcount, NULL,
     "Rows modified by the last execute*() DML, else -1.", NULL},
    {"arraysize", get_arraysize, set_arraysize,
     "Default number of rows fetchmany() returns.", NULL},
    {"connection", get_connection, NULL, "The cursor's connection.", NULL},
    {"row_factory", get_row_factory, set_row_factory,
     "Callable building each row from (cursor, tuple).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef cursor_methods[] = {
    {"execute", cursor_execute, METH_VARARGS,
     "execute($self, sql, parameters=(), /)\n--\n\n"
     "Execute one SQL statement."},
    {"executemany", cursor_executemany, METH_VARARGS,
     "executemany($self, sql, seq_of_parameters, /)\n--\n\n"
     "Execute one DML statement for each parameter set."},
    {"executescript", cursor_executescript, METH_O,
     "executescript($self, sql_script, /)\n--\n\n"
     "Execute several SQL statements at once."},
    {"fetchone", cursor_fetchone, METH_NOARGS,
     "fetchone($self, /)\n--\n\nFetch the next row, or None."},
    {"fetchmany", _PyCFunction_CAST(cursor_fetchmany),
     METH_VARARGS | METH_KEYWORDS,
     "fetchmany($self, /, size=1)\n--\n\n"
     "Fetch up to size rows (default: arraysize)."},
    {"fetchall", cursor_fetchall, METH_NOARGS,
     "fetchall($self, /)\n--\n\nFetch all remaining rows."},
    {"close", cursor_close, METH_NOARGS,
     "close($self, /)\n--\n\nClose the cursor."},
    {"setinputsizes", cursor_setinputsizes, METH_O,
     "setinputsizes($self, sizes, /)\n--\n\nRequired by DB-API; does "
     "nothing."},
    {"setoutputsize", cursor_setoutputsize, METH_VARARGS,
     "setoutputsize($self, size, column=None, /)\n--\n\nRequired by DB-API;"
     " does nothing."},
    {NULL, NULL, 0, NULL},
};

/* ---- life cycle --------------------------------------------------------- */

static int cursor_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    CursorObject *self = (CursorObject *)op;
    PyObject *conn;
    if (!_PyArg_NoKeywords("Cursor", kwds)
        || !PyArg_ParseTuple(args, "O!:Cursor", &pysqlite_ConnectionType,
                             &conn)) {
        return -1;
    }
    /* A cursor in use (__init__ called from a converter or adapter during
       its own execute or fetch) keeps its connection entered: swapping the
       connection under it would leave the wrong one. */
    if (self->locked) {
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Recursive use of cursors not allowed.");
        return -1;
    }
    Py_XSETREF(self->connection, (ConnectionObject *)Py_NewRef(conn));
    Py_XSETREF(self->description, Py_NewRef(Py_None));
    Py_XSETREF(self->lastrowid, Py_NewRef(Py_None));
    Py_XSETREF(self->row_factory, Py_NewRef(Py_None));
    self->arraysize = 1;
    self->rowcount = -1;
    self->closed = 0;
    return 0;
}

static int cursor_traverse(PyObject *op, visitproc visit, void *arg)
{
    CursorObject *self = (CursorObject *)op;
    Py_VISIT(self->connection);
    Py_VISIT(self->description);
    Py_VISIT(self->row_cast_map);
    Py_VISIT(self->lastrowid);
    Py_VISIT(self->row_factory);
    return 0;
}

static int cursor_clear(PyObject *op)
{
    CursorObject *self = (CursorObject *)op;
    Py_CLEAR(self->description);
    Py_CLEAR(self->row_cast_map);
    Py_CLEAR(self->lastrowid);
    Py_CLEAR(self->row_factory);
    if (self->statement != NULL) {
        /* sqlite3_reset takes the database mutex itself. */
        sqlite3_reset(self->statement->st);
        Py_CLEAR(self->statement);
    }
    Py_CLEAR(self->connection);
    return 0;
}

static void cursor_dealloc(PyObject *op)
{
    CursorObject *self = (CursorObject *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    cursor_clear(op);
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject pysqlite_CursorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Cursor",
    .tp_basicsize = sizeof(CursorObject),
    .tp_dealloc = cursor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SQLite database cursor class.",
    .tp_traverse = cursor_traverse,
    .tp_clear = cursor_clear,
    .tp_weaklistoffset = offsetof(CursorObject, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cursor_iternext,
    .tp_methods = cursor_methods,
    .tp_getset = cursor_getset,
    .tp_init = cursor_init,
    .tp_new = PyType_GenericNew,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

#endif /* HAVE_LIBSQLITE3 */
