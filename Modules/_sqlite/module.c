/* The _sqlite3 module: the C half of the sqlite3 package, on the system
   SQLite library.  This file holds the exception classes, the mapping of
   SQLite result codes to them, adaptation, the module functions and
   constants.  See module.h for the locking model. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

#include <string.h>

PyObject *pysqlite_Warning, *pysqlite_Error, *pysqlite_InterfaceError,
    *pysqlite_DatabaseError, *pysqlite_InternalError,
    *pysqlite_OperationalError, *pysqlite_ProgrammingError,
    *pysqlite_IntegrityError, *pysqlite_DataError,
    *pysqlite_NotSupportedError;

PyObject *pysqlite_adapters;
PyObject *pysqlite_converters;
/* Read by callbacks on any thread; a plain int flag, written atomically. */
int pysqlite_callback_tracebacks;
int pysqlite_base_type_adapted;

/* ---- result codes ------------------------------------------------------- */

typedef struct {
    const char *name;
    int value;
} IntConstant;

#define C(name) {#name, name}
static const IntConstant error_codes[] = {
    C(SQLITE_OK), C(SQLITE_ERROR), C(SQLITE_INTERNAL), C(SQLITE_PERM),
    C(SQLITE_ABORT), C(SQLITE_BUSY), C(SQLITE_LOCKED), C(SQLITE_NOMEM),
    C(SQLITE_READONLY), C(SQLITE_INTERRUPT), C(SQLITE_IOERR),
    C(SQLITE_CORRUPT), C(SQLITE_NOTFOUND), C(SQLITE_FULL),
    C(SQLITE_CANTOPEN), C(SQLITE_PROTOCOL), C(SQLITE_EMPTY),
    C(SQLITE_SCHEMA), C(SQLITE_TOOBIG), C(SQLITE_CONSTRAINT),
    C(SQLITE_MISMATCH), C(SQLITE_MISUSE), C(SQLITE_NOLFS), C(SQLITE_AUTH),
    C(SQLITE_FORMAT), C(SQLITE_RANGE), C(SQLITE_NOTADB), C(SQLITE_NOTICE),
    C(SQLITE_WARNING), C(SQLITE_ROW), C(SQLITE_DONE),
    C(SQLITE_ERROR_MISSING_COLLSEQ), C(SQLITE_ERROR_RETRY),
    C(SQLITE_ERROR_SNAPSHOT), C(SQLITE_IOERR_READ),
    C(SQLITE_IOERR_SHORT_READ), C(SQLITE_IOERR_WRITE), C(SQLITE_IOERR_FSYNC),
    C(SQLITE_IOERR_DIR_FSYNC), C(SQLITE_IOERR_TRUNCATE),
    C(SQLITE_IOERR_FSTAT), C(SQLITE_IOERR_UNLOCK), C(SQLITE_IOERR_RDLOCK),
    C(SQLITE_IOERR_DELETE), C(SQLITE_IOERR_BLOCKED), C(SQLITE_IOERR_NOMEM),
    C(SQLITE_IOERR_ACCESS), C(SQLITE_IOERR_CHECKRESERVEDLOCK),
    C(SQLITE_IOERR_LOCK), C(SQLITE_IOERR_CLOSE), C(SQLITE_IOERR_DIR_CLOSE),
    C(SQLITE_IOERR_SHMOPEN), C(SQLITE_IOERR_SHMSIZE),
    C(SQLITE_IOERR_SHMLOCK), C(SQLITE_IOERR_SHMMAP), C(SQLITE_IOERR_SEEK),
    C(SQLITE_IOERR_DELETE_NOENT), C(SQLITE_IOERR_MMAP),
    C(SQLITE_IOERR_GETTEMPPATH), C(SQLITE_IOERR_CONVPATH),
    C(SQLITE_IOERR_VNODE), C(SQLITE_IOERR_AUTH),
    C(SQLITE_IOERR_BEGIN_ATOMIC), C(SQLITE_IOERR_COMMIT_ATOMIC),
    C(SQLITE_IOERR_ROLLBACK_ATOMIC), C(SQLITE_IOERR_DATA),
    C(SQLITE_IOERR_CORRUPTFS), C(SQLITE_LOCKED_SHAREDCACHE),
    C(SQLITE_LOCKED_VTAB), C(SQLITE_BUSY_RECOVERY), C(SQLITE_BUSY_SNAPSHOT),
    C(SQLITE_BUSY_TIMEOUT), C(SQLITE_CANTOPEN_NOTEMPDIR),
    C(SQLITE_CANTOPEN_ISDIR), C(SQLITE_CANTOPEN_FULLPATH),
    C(SQLITE_CANTOPEN_CONVPATH), C(SQLITE_CANTOPEN_DIRTYWAL),
    C(SQLITE_CANTOPEN_SYMLINK), C(SQLITE_CORRUPT_VTAB),
    C(SQLITE_CORRUPT_SEQUENCE), C(SQLITE_CORRUPT_INDEX),
    C(SQLITE_READONLY_RECOVERY), C(SQLITE_READONLY_CANTLOCK),
    C(SQLITE_READONLY_ROLLBACK), C(SQLITE_READONLY_DBMOVED),
    C(SQLITE_READONLY_CANTINIT), C(SQLITE_READONLY_DIRECTORY),
    C(SQLITE_ABORT_ROLLBACK), C(SQLITE_CONSTRAINT_CHECK),
    C(SQLITE_CONSTRAINT_COMMITHOOK), C(SQLITE_CONSTRAINT_FOREIGNKEY),
    C(SQLITE_CONSTRAINT_FUNCTION), C(SQLITE_CONSTRAINT_NOTNULL),
    C(SQLITE_CONSTRAINT_PRIMARYKEY), C(SQLITE_CONSTRAINT_TRIGGER),
    C(SQLITE_CONSTRAINT_UNIQUE), C(SQLITE_CONSTRAINT_VTAB),
    C(SQLITE_CONSTRAINT_ROWID), C(SQLITE_CONSTRAINT_PINNED),
    C(SQLITE_CONSTRAINT_DATATYPE), C(SQLITE_NOTICE_RECOVER_WAL),
    C(SQLITE_NOTICE_RECOVER_ROLLBACK), C(SQLITE_WARNING_AUTOINDEX),
    C(SQLITE_AUTH_USER), C(SQLITE_OK_LOAD_PERMANENTLY), C(SQLITE_OK_SYMLINK),
    {NULL, 0},
};

static const IntConstant other_constants[] = {
    C(SQLITE_DENY), C(SQLITE_IGNORE),
    C(SQLITE_CREATE_INDEX), C(SQLITE_CREATE_TABLE),
    C(SQLITE_CREATE_TEMP_INDEX), C(SQLITE_CREATE_TEMP_TABLE),
    C(SQLITE_CREATE_TEMP_TRIGGER), C(SQLITE_CREATE_TEMP_VIEW),
    C(SQLITE_CREATE_TRIGGER), C(SQLITE_CREATE_VIEW), C(SQLITE_DELETE),
    C(SQLITE_DROP_INDEX), C(SQLITE_DROP_TABLE), C(SQLITE_DROP_TEMP_INDEX),
    C(SQLITE_DROP_TEMP_TABLE), C(SQLITE_DROP_TEMP_TRIGGER),
    C(SQLITE_DROP_TEMP_VIEW), C(SQLITE_DROP_TRIGGER), C(SQLITE_DROP_VIEW),
    C(SQLITE_INSERT), C(SQLITE_PRAGMA), C(SQLITE_READ), C(SQLITE_SELECT),
    C(SQLITE_TRANSACTION), C(SQLITE_UPDATE), C(SQLITE_ATTACH),
    C(SQLITE_DETACH), C(SQLITE_ALTER_TABLE), C(SQLITE_REINDEX),
    C(SQLITE_ANALYZE), C(SQLITE_CREATE_VTABLE), C(SQLITE_DROP_VTABLE),
    C(SQLITE_FUNCTION), C(SQLITE_SAVEPOINT), C(SQLITE_RECURSIVE),
    C(SQLITE_LIMIT_LENGTH), C(SQLITE_LIMIT_SQL_LENGTH),
    C(SQLITE_LIMIT_COLUMN), C(SQLITE_LIMIT_EXPR_DEPTH),
    C(SQLITE_LIMIT_COMPOUND_SELECT), C(SQLITE_LIMIT_VDBE_OP),
    C(SQLITE_LIMIT_FUNCTION_ARG), C(SQLITE_LIMIT_ATTACHED),
    C(SQLITE_LIMIT_LIKE_PATTERN_LENGTH), C(SQLITE_LIMIT_VARIABLE_NUMBER),
    C(SQLITE_LIMIT_TRIGGER_DEPTH), C(SQLITE_LIMIT_WORKER_THREADS),
    C(SQLITE_DBCONFIG_ENABLE_FKEY), C(SQLITE_DBCONFIG_ENABLE_TRIGGER),
    C(SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER),
    C(SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION),
    C(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE), C(SQLITE_DBCONFIG_ENABLE_QPSG),
    C(SQLITE_DBCONFIG_TRIGGER_EQP), C(SQLITE_DBCONFIG_RESET_DATABASE),
    C(SQLITE_DBCONFIG_DEFENSIVE), C(SQLITE_DBCONFIG_WRITABLE_SCHEMA),
    C(SQLITE_DBCONFIG_LEGACY_ALTER_TABLE), C(SQLITE_DBCONFIG_DQS_DML),
    C(SQLITE_DBCONFIG_DQS_DDL), C(SQLITE_DBCONFIG_ENABLE_VIEW),
    C(SQLITE_DBCONFIG_LEGACY_FILE_FORMAT),
    C(SQLITE_DBCONFIG_TRUSTED_SCHEMA),
    {NULL, 0},
};
#undef C

static const char *error_name(int code)
{
    for (const IntConstant *c = error_codes; c->name != NULL; c++) {
        if (c->value == code) {
            return c->name;
        }
    }
    return "unknown";
}

static PyObject *exception_for(int code)
{
    switch (code & 0xff) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
        return pysqlite_InternalError;
    case SQLITE_NOMEM:
        return PyExc_MemoryError;
    case SQLITE_ERROR:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
        return pysqlite_OperationalError;
    case SQLITE_TOOBIG:
        return pysqlite_DataError;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return pysqlite_IntegrityError;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return pysqlite_InterfaceError;
    default:
        return pysqlite_DatabaseError;
    }
}

/* Raise the exception for `code` with text `msg`, carrying the code and
   its name as sqlite_errorcode / sqlite_errorname. */
void pysqlite_set_error_code(int code, const char *msg)
{
    PyObject *type = exception_for(code);
    if (type == PyExc_MemoryError) {
        PyErr_NoMemory();
        return;
    }
    PyObject *exc = PyObject_CallFunction(type, "s", msg);
    if (exc == NULL) {
        return;
    }
    PyObject *code_obj = PyLong_FromLong(code);
    int bad = code_obj == NULL
        || PyObject_SetAttrString(exc, "sqlite_errorcode", code_obj) < 0;
    Py_XDECREF(code_obj);
    if (!bad) {
        PyObject *name = PyUnicode_FromString(error_name(code));
        bad = name == NULL
            || PyObject_SetAttrString(exc, "sqlite_errorname", name) < 0;
        Py_XDECREF(name);
    }
    if (bad) {
        Py_DECREF(exc);
        return;
    }
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
}

/* Raise the error currently recorded on `db`.  A Python exception already
   set (by a callback) wins over SQLite's generic message. */
void pysqlite_set_error(sqlite3 *db)
{
    if (PyErr_Occurred()) {
        return;
    }
    int code = sqlite3_extended_errcode(db);
    if (code == SQLITE_OK) {
        code = SQLITE_ERROR;
    }
    pysqlite_set_error_code(code, sqlite3_errmsg(db));
}

/* A callback failed: show the error if enable_callback_tracebacks(True),
   as "Exception ignored on sqlite3 callback <callable>" (CPython's
   wording), else drop it; SQLite is told of the failure by the caller. */
void pysqlite_report_callback_error(PyObject *callable)
{
    if (__atomic_load_n(&pysqlite_callback_tracebacks, __ATOMIC_RELAXED)) {
        PyErr_FormatUnraisable("Exception ignored on sqlite3 callback %R",
                               callable);
    }
    else {
        PyErr_Clear();
    }
}

/* ---- adaptation --------------------------------------------------------- */

/* One PEP 246 hook: holder.<name>(arg).  Returns 1 with *result set (the
   adapted object, or NULL with an exception) when the hook decided, 0 when
   it does not apply: holder lacks it, it returned None, or it raised
   TypeError (which is cleared, as in CPython). */
static int adapt_hook(PyObject *holder, const char *name, PyObject *arg,
                      PyObject **result)
{
    PyObject *hook;
    if (PyObject_GetOptionalAttrString(holder, name, &hook) < 0) {
        *result = NULL;
        return 1;
    }
    if (hook == NULL) {
        return 0;
    }
    PyObject *res = PyObject_CallOneArg(hook, arg);
    Py_DECREF(hook);
    if (res == Py_None) {
        Py_DECREF(res);
        return 0;
    }
    if (res == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        return 0;
    }
    *result = res;
    return 1;
}

/* PEP 246-style adaptation: a registered adapter for (type(obj), proto),
   then proto.__adapt__(obj), then obj.__conform__(proto); `alt` (new
   reference) if none applies, or NULL with ProgrammingError "can't adapt"
   when alt is NULL.  The adapter dict is read with PyDict_GetItemRef, safe
   against a concurrent register_adapter() without the GIL. */
PyObject *pysqlite_adapt(PyObject *obj, PyObject *proto, PyObject *alt)
{
    PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(obj), proto);
    if (key == NULL) {
        return NULL;
    }
    PyObject *adapter;
    int found = PyDict_GetItemRef(pysqlite_adapters, key, &adapter);
    Py_DECREF(key);
    if (found < 0) {
        return NULL;
    }
    if (found) {
        PyObject *res = PyObject_CallOneArg(adapter, obj);
        Py_DECREF(adapter);
        return res;
    }
    PyObject *res;
    if (adapt_hook(proto, "__adapt__", obj, &res)
        || adapt_hook(obj, "__conform__", proto, &res)) {
        return res;
    }
    if (alt != NULL) {
        return Py_NewRef(alt);
    }
    PyErr_SetString(pysqlite_ProgrammingError, "can't adapt");
    return NULL;
}

static PyObject *module_adapt(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *obj, *alt = NULL;
    PyObject *proto = (PyObject *)&pysqlite_PrepareProtocolType;
    if (!PyArg_ParseTuple(args, "O|OO:adapt", &obj, &proto, &alt)) {
        return NULL;
    }
    return pysqlite_adapt(obj, proto, alt);
}

static PyObject *module_register_adapter(PyObject *Py_UNUSED(module),
                                         PyObject *args)
{
    PyObject *type, *caster;
    if (!PyArg_ParseTuple(args, "OO:register_adapter", &type, &caster)) {
        return NULL;
    }
    PyObject *key = PyTuple_Pack(2, type,
                                 (PyObject *)&pysqlite_PrepareProtocolType);
    if (key == NULL) {
        return NULL;
    }
    int rc = PyDict_SetItem(pysqlite_adapters, key, caster);
    Py_DECREF(key);
    if (rc < 0) {
        return NULL;
    }
    /* Binding skips the adapter lookup for these types until one of them
       gets an adapter. */
    if (type == (PyObject *)&PyLong_Type || type == (PyObject *)&PyFloat_Type
        || type == (PyObject *)&PyUnicode_Type
        || type == (PyObject *)&PyByteArray_Type) {
        __atomic_store_n(&pysqlite_base_type_adapted, 1, __ATOMIC_RELAXED);
    }
    Py_RETURN_NONE;
}

/* Converter names are matched case-insensitively: stored upper-cased. */
static PyObject *module_register_converter(PyObject *Py_UNUSED(module),
                                           PyObject *args)
{
    PyObject *name, *callable;
    if (!PyArg_ParseTuple(args, "UO:register_converter", &name, &callable)) {
        return NULL;
    }
    PyObject *upper = PyObject_CallMethod(name, "upper", NULL);
    if (upper == NULL) {
        return NULL;
    }
    int rc = PyDict_SetItem(pysqlite_converters, upper, callable);
    Py_DECREF(upper);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *module_complete_statement(PyObject *Py_UNUSED(module),
                                           PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"statement", NULL};
    const char *sql;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s:complete_statement",
                                     keywords, &sql)) {
        return NULL;
    }
    return PyBool_FromLong(sqlite3_complete(sql));
}

static PyObject *module_enable_callback_tracebacks(PyObject *Py_UNUSED(m),
                                                   PyObject *args)
{
    int enable;
    if (!PyArg_ParseTuple(args, "p:enable_callback_tracebacks", &enable)) {
        return NULL;
    }
    __atomic_store_n(&pysqlite_callback_tracebacks, enable,
                     __ATOMIC_RELAXED);
    Py_RETURN_NONE;
}

/* connect(database, ..., factory=Connection, ...): every argument but
   factory goes on to the factory, which is normally Connection. */
static PyObject *module_connect(PyObject *Py_UNUSED(module), PyObject *args,
                                PyObject *kwds)
{
    static const Py_ssize_t factory_pos = 5;
    PyObject *factory = NULL;
    PyObject *call_args = NULL;
    PyObject *call_kwds = NULL;
    PyObject *result = NULL;
    if (PyTuple_GET_SIZE(args) > factory_pos) {
        factory = PyTuple_GET_ITEM(args, factory_pos);
    }
    else if (kwds != NULL) {
        if (PyDict_GetItemStringRef(kwds, "factory", &factory) < 0) {
            return NULL;
        }
        if (factory != NULL) {
            Py_DECREF(factory);   /* kwds still holds it */
            call_kwds = PyDict_Copy(kwds);
            if (call_kwds == NULL
                || PyDict_DelItemString(call_kwds, "factory") < 0) {
                goto done;
            }
        }
    }
    if (factory == NULL) {
        factory = (PyObject *)&pysqlite_ConnectionType;
    }
    if (PyTuple_GET_SIZE(args) > factory_pos) {
        /* Drop the positional factory but keep the arguments after it. */
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        call_args = PyTuple_New(n - 1);
        if (call_args == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0, j = 0; i < n; i++) {
            if (i != factory_pos) {
                PyTuple_SET_ITEM(call_args, j++,
                                 Py_NewRef(PyTuple_GET_ITEM(args, i)));
            }
        }
    }
    else {
        call_args = Py_NewRef(args);
    }
    if (!PyCallable_Check(factory)) {
        PyErr_Format(PyExc_TypeError, "factory must be callable, not %.100s",
                     Py_TYPE(factory)->tp_name);
        goto done;
    }
    result = PyObject_Call(factory, call_args,
                           call_kwds != NULL ? call_kwds : kwds);
done:
    Py_XDECREF(call_args);
    Py_XDECREF(call_kwds);
    return result;
}

static PyMethodDef module_methods[] = {
    {"connect", _PyCFunction_CAST(module_connect),
     METH_VARARGS | METH_KEYWORDS,
     "connect($module, /, database, timeout=5.0, detect_types=0,\n"
     "        isolation_level='', check_same_thread=True,\n"
     "        factory=ConnectionType, cached_statements=128, uri=False, *,\n"
     "        autocommit=sqlite3.LEGACY_TRANSACTION_CONTROL)\n--\n\n"
     "Open a connection to the SQLite database file database."},
    {"complete_statement", _PyCFunction_CAST(module_complete_statement),
     METH_VARARGS | METH_KEYWORDS,
     "complete_statement($module, /, statement)\n--\n\n"
     "Return True if statement holds one or more complete SQL "
     "statements."},
    {"register_adapter", module_register_adapter, METH_VARARGS,
     "register_adapter($module, type, adapter, /)\n--\n\n"
     "Register adapter to turn values of type into SQLite types."},
    {"register_converter", module_register_converter, METH_VARARGS,
     "register_converter($module, typename, converter, /)\n--\n\n"
     "Register converter to turn SQLite values of typename into Python "
     "objects."},
    {"adapt", module_adapt, METH_VARARGS,
     "adapt($module, obj, proto=PrepareProtocolType, alt=<unrepresentable>,"
     " /)\n--\n\nAdapt obj to proto."},
    {"enable_callback_tracebacks", module_enable_callback_tracebacks,
     METH_VARARGS,
     "enable_callback_tracebacks($module, enable, /)\n--\n\n"
     "Enable or disable printing of tracebacks from user callbacks."},
    {NULL, NULL, 0, NULL},
};

/* ---- PrepareProtocol ---------------------------------------------------- */

static int prepare_protocol_init(PyObject *Py_UNUSED(self),
                                 PyObject *Py_UNUSED(args),
                                 PyObject *Py_UNUSED(kwds))
{
    return 0;
}

PyTypeObject pysqlite_PrepareProtocolType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.PrepareProtocol",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "PEP 246 style object adaption protocol type.",
    .tp_init = prepare_protocol_init,
    .tp_new = PyType_GenericNew,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- module ------------------------------------------------------------- */

static int add_exception(PyObject *module, PyObject **slot, const char *name,
                         PyObject *base)
{
    if (*slot == NULL) {
        char qualified[64];
        PyOS_snprintf(qualified, sizeof(qualified), "sqlite3.%s", name);
        *slot = PyErr_NewException(qualified, base, NULL);
        if (*slot == NULL) {
            return -1;
        }
    }
    return PyModule_AddObjectRef(module, name, *slot);
}

static int add_exceptions(PyObject *module)
{
    if (add_exception(module, &pysqlite_Warning, "Warning",
                      PyExc_Exception) < 0
        || add_exception(module, &pysqlite_Error, "Error",
                         PyExc_Exception) < 0
        || add_exception(module, &pysqlite_InterfaceError, "InterfaceError",
                         pysqlite_Error) < 0
        || add_exception(module, &pysqlite_DatabaseError, "DatabaseError",
                         pysqlite_Error) < 0
        || add_exception(module, &pysqlite_InternalError, "InternalError",
                         pysqlite_DatabaseError) < 0
        || add_exception(module, &pysqlite_OperationalError,
                         "OperationalError", pysqlite_DatabaseError) < 0
        || add_exception(module, &pysqlite_ProgrammingError,
                         "ProgrammingError", pysqlite_DatabaseError) < 0
        || add_exception(module, &pysqlite_IntegrityError, "IntegrityError",
                         pysqlite_DatabaseError) < 0
        || add_exception(module, &pysqlite_DataError, "DataError",
                         pysqlite_DatabaseError) < 0
        || add_exception(module, &pysqlite_NotSupportedError,
                         "NotSupportedError", pysqlite_DatabaseError) < 0) {
        return -1;
    }
    return 0;
}

static int add_types(PyObject *module)
{
    struct { PyTypeObject *type; const char *name; } types[] = {
        {&pysqlite_ConnectionType, "Connection"},
        {&pysqlite_CursorType, "Cursor"},
        {&pysqlite_RowType, "Row"},
        {&pysqlite_BlobType, "Blob"},
        {&pysqlite_PrepareProtocolType, "PrepareProtocol"},
        {&pysqlite_StatementType, NULL},
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i].type) < 0) {
            return -1;
        }
        if (types[i].name != NULL
            && PyModule_AddObjectRef(module, types[i].name,
                                     (PyObject *)types[i].type) < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_constants(PyObject *module)
{
    const IntConstant *tables[] = {error_codes, other_constants};
    for (size_t t = 0; t < 2; t++) {
        for (const IntConstant *c = tables[t]; c->name != NULL; c++) {
            if (PyModule_AddIntConstant(module, c->name, c->value) < 0) {
                return -1;
            }
        }
    }
    /* DB-API threadsafety level from how the library was compiled:
       single-thread 0, multi-thread 1, serialized 3. */
    int level;
    switch (sqlite3_threadsafe()) {
    case 0: level = 0; break;
    case 2: level = 1; break;
    default: level = 3; break;
    }
    if (PyModule_AddIntConstant(module, "PARSE_DECLTYPES",
                                PARSE_DECLTYPES) < 0
        || PyModule_AddIntConstant(module, "PARSE_COLNAMES",
                                   PARSE_COLNAMES) < 0
        || PyModule_AddIntConstant(module, "LEGACY_TRANSACTION_CONTROL",
                                   LEGACY_TRANSACTION_CONTROL) < 0
        || PyModule_AddIntConstant(module, "threadsafety", level) < 0
        || PyModule_AddStringConstant(module, "sqlite_version",
                                      sqlite3_libversion()) < 0) {
        return -1;
    }
    return 0;
}

static int sqlite_exec(PyObject *module)
{
    if (sqlite3_libversion_number() < 3015002) {
        PyErr_SetString(PyExc_ImportError,
                        "SQLite 3.15.2 or higher required");
        return -1;
    }
    if (pysqlite_adapters == NULL) {
        pysqlite_adapters = PyDict_New();
        pysqlite_converters = PyDict_New();
        if (pysqlite_adapters == NULL || pysqlite_converters == NULL) {
            return -1;
        }
    }
    if (add_exceptions(module) < 0 || add_types(module) < 0
        || add_constants(module) < 0
        || PyModule_AddObjectRef(module, "adapters", pysqlite_adapters) < 0
        || PyModule_AddObjectRef(module, "converters",
                                 pysqlite_converters) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot sqlite_slots[] = {
    {Py_mod_exec, sqlite_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef sqlite_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_sqlite3",
    .m_size = 0,
    .m_methods = module_methods,
    .m_slots = sqlite_slots,
};

PyMODINIT_FUNC
PyInit__sqlite3(void)
{
    return PyModuleDef_Init(&sqlite_module);
}

#endif /* HAVE_LIBSQLITE3 */
