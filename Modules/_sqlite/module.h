/* Shared declarations of the _sqlite3 module (Modules/_sqlite/).

   Locking model (both builds): every Connection owns one recursive lock,
   `lock`, and all use of its sqlite3 handle, its statements, and the
   mutable state of the Connection and of its Cursors and Blobs happens
   with that lock held.  The lock is recursive because SQLite calls back
   into Python (user functions, authorizers, ...) while a statement runs,
   and such a callback may use the connection again from the same thread.
   A thread waiting for the lock waits detached, and the lock stays held
   while sqlite3_step/sqlite3_prepare run detached, so other threads go on
   meanwhile but cannot touch this connection.  Module-level registries
   (adapters, converters) are dicts, whose own per-object locking makes
   each single lookup or store safe. */
#ifndef WEFT_SQLITE_MODULE_H
#define WEFT_SQLITE_MODULE_H

#include "Python.h"

#ifdef HAVE_LIBSQLITE3

#include "pycore_pystate.h"       /* _PyMutex_LockDetached */
#include "pycore_lock.h"
#include "pythread.h"
#include <sqlite3.h>

#define PARSE_DECLTYPES 1
#define PARSE_COLNAMES 2
#define LEGACY_TRANSACTION_CONTROL (-1)

/* A PyMutex that its owning thread may take again. `owner` is read
   without the mutex only to compare with the caller's own id, which
   another thread can never store, so a relaxed load suffices. */
typedef struct {
    PyMutex mutex;
    unsigned long owner;
    int depth;                  /* written only by the owner */
} SqlLock;

static inline void sql_lock(SqlLock *l)
{
    unsigned long me = PyThread_get_thread_ident();
    if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == me) {
        l->depth++;
        return;
    }
    _PyMutex_LockDetached(&l->mutex);
    __atomic_store_n(&l->owner, me, __ATOMIC_RELAXED);
    l->depth = 1;
}

static inline void sql_unlock(SqlLock *l)
{
    if (--l->depth == 0) {
        __atomic_store_n(&l->owner, 0UL, __ATOMIC_RELAXED);
        PyMutex_Unlock(&l->mutex);
    }
}

typedef struct {
    PyObject_HEAD
    sqlite3 *db;                /* NULL before __init__ and after close() */
    SqlLock lock;
    int initialized;
    int check_same_thread;
    unsigned long thread_ident; /* creator; fixed by __init__ */
    int detect_types;
    int autocommit;             /* LEGACY_TRANSACTION_CONTROL, 0 or 1 */
    const char *begin_statement; /* NULL: isolation_level None */
    int cached_statements;
    PyObject *isolation_level;  /* str or None */
    PyObject *statement_cache;  /* dict: sql str -> Statement */
    PyObject *blobs;            /* list of weakrefs to open Blobs */
    PyObject *row_factory;
    PyObject *text_factory;
    /* Strong references to the Python callables of the callbacks that
       SQLite holds only as raw pointers (NULL when not set). */
    PyObject *trace_ctx;
    PyObject *progress_ctx;
    PyObject *authorizer_ctx;
    PyObject *weakreflist;
} ConnectionObject;

typedef struct {
    PyObject_HEAD
    sqlite3_stmt *st;
    int is_dml;                 /* INSERT/UPDATE/DELETE/REPLACE */
} StatementObject;

typedef struct {
    PyObject_HEAD
    ConnectionObject *connection; /* NULL before __init__ */
    PyObject *description;
    PyObject *row_cast_map;     /* list of converters or None per column */
    int arraysize;
    int closed;
    int locked;                 /* a call on this cursor is running */
    long rowcount;
    PyObject *lastrowid;
    PyObject *row_factory;
    StatementObject *statement; /* positioned on a row, or NULL */
    PyObject *weakreflist;
} CursorObject;

typedef struct {
    PyObject_HEAD
    PyObject *data;             /* tuple */
    PyObject *description;      /* tuple or None */
} RowObject;

typedef struct {
    PyObject_HEAD
    ConnectionObject *connection;
    sqlite3_blob *blob;         /* NULL once closed */
    int offset;
    PyObject *weakreflist;
} BlobObject;

extern PyTypeObject pysqlite_ConnectionType;
extern PyTypeObject pysqlite_CursorType;
extern PyTypeObject pysqlite_RowType;
extern PyTypeObject pysqlite_BlobType;
extern PyTypeObject pysqlite_StatementType;
extern PyTypeObject pysqlite_PrepareProtocolType;

/* Exception classes, created once by the module's exec. */
extern PyObject *pysqlite_Warning, *pysqlite_Error, *pysqlite_InterfaceError,
    *pysqlite_DatabaseError, *pysqlite_InternalError,
    *pysqlite_OperationalError, *pysqlite_ProgrammingError,
    *pysqlite_IntegrityError, *pysqlite_DataError,
    *pysqlite_NotSupportedError;

extern PyObject *pysqlite_adapters;    /* {(type, proto): callable} */
extern PyObject *pysqlite_converters;  /* {NAME: callable} */
extern int pysqlite_callback_tracebacks;
/* Set (atomically, never cleared) once an adapter is registered for int,
   float, str or bytearray: values of those types are then adapted too. */
extern int pysqlite_base_type_adapted;

/* module.c */
void pysqlite_set_error(sqlite3 *db);
void pysqlite_set_error_code(int code, const char *msg);
PyObject *pysqlite_adapt(PyObject *obj, PyObject *proto, PyObject *alt);
void pysqlite_report_callback_error(PyObject *callable);

/* connection.c */
int pysqlite_check_thread(ConnectionObject *self);
int pysqlite_connection_enter(ConnectionObject *self);
void pysqlite_connection_leave(ConnectionObject *self);
int pysqlite_begin_if_needed(ConnectionObject *self, StatementObject *st);
int pysqlite_exec_simple(ConnectionObject *self, const char *sql);

/* statement.c */
StatementObject *pysqlite_statement_create(ConnectionObject *conn,
                                           PyObject *sql);
StatementObject *pysqlite_statement_get(ConnectionObject *self,
                                        PyObject *sql);
int pysqlite_step(sqlite3_stmt *st);
int pysqlite_bind_parameters(sqlite3_stmt *st, PyObject *params);

/* cursor.c */
PyObject *pysqlite_cursor_execute_impl(CursorObject *self, PyObject *sql,
                                       PyObject *params, int multiple);
PyObject *pysqlite_cursor_executescript_impl(CursorObject *self,
                                             PyObject *script);

#endif /* HAVE_LIBSQLITE3 */
#endif /* WEFT_SQLITE_MODULE_H */
