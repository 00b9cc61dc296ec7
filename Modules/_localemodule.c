/* _locale: the C library's locale support, under Lib/locale.py.

   Thread safety.  The locale is process-wide state owned by the C
   library, and as in CPython setlocale() is not thread-safe by the C
   library's contract: a program that changes the locale while other
   threads format or decode text under it races with them.  What this
   module guarantees is its own consistency: setlocale, localeconv and
   nl_langinfo return pointers into static buffers that the next
   setlocale may overwrite, so every call that reads or changes the
   locale runs under locale_lock, and the results are copied into local
   C buffers before the lock is released.  No Python API is called while
   the lock is held (a blocked waiter may be holding up a stop-the-world
   or the GIL hand-off otherwise).  The module's only other state is its
   Error class, created once per module object and never changed. */
#include "Python.h"

#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <wchar.h>

static PyMutex locale_lock;

typedef struct {
    PyObject *error;                /* locale.Error, strong */
} locale_state;

static locale_state *get_state(PyObject *module)
{
    return (locale_state *)PyModule_GetState(module);
}

/* Locale names and langinfo strings are short; longer ones are cut at
   a character boundary of this size, which no real locale reaches. */
#define TEXT_MAX 1024

static void copy_text(char *dst, const char *src)
{
    snprintf(dst, TEXT_MAX, "%s", src != NULL ? src : "");
}

static PyObject *decode_text(const char *text)
{
    return PyUnicode_DecodeLocale(text, "surrogateescape");
}

/* ---- setlocale ----------------------------------------------------- */

static PyObject *locale_setlocale(PyObject *module, PyObject *args)
{
    int category;
    PyObject *name_obj = Py_None;
    if (!PyArg_ParseTuple(args, "i|O:setlocale", &category, &name_obj)) {
        return NULL;
    }
    const char *name = NULL;
    if (name_obj != Py_None) {
        if (!PyUnicode_Check(name_obj)) {
            PyErr_Format(PyExc_TypeError,
                         "setlocale() argument 2 must be str or None, not %.50s",
                         Py_TYPE(name_obj)->tp_name);
            return NULL;
        }
        Py_ssize_t len;
        name = PyUnicode_AsUTF8AndSize(name_obj, &len);
        if (name == NULL) {
            return NULL;
        }
        if ((size_t)len != strlen(name)) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    char result[TEXT_MAX];
    int ok;
    PyMutex_Lock(&locale_lock);
    const char *answer = setlocale(category, name);
    ok = answer != NULL;
    if (ok) {
        copy_text(result, answer);
    }
    PyMutex_Unlock(&locale_lock);
    if (!ok) {
        PyErr_SetString(get_state(module)->error,
                        name != NULL ? "unsupported locale setting"
                                     : "locale query failed");
        return NULL;
    }
    return decode_text(result);
}

/* ---- localeconv ---------------------------------------------------- */

/* A copy of struct lconv taken under the lock. */
typedef struct {
    char decimal_point[TEXT_MAX];
    char thousands_sep[TEXT_MAX];
    char grouping[TEXT_MAX];
    char int_curr_symbol[TEXT_MAX];
    char currency_symbol[TEXT_MAX];
    char mon_decimal_point[TEXT_MAX];
    char mon_thousands_sep[TEXT_MAX];
    char mon_grouping[TEXT_MAX];
    char positive_sign[TEXT_MAX];
    char negative_sign[TEXT_MAX];
    char numbers[10];
} lconv_copy;

static const char *const number_fields[10] = {
    "int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space",
    "n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn",
    NULL, NULL,
};

static void snapshot_lconv(lconv_copy *copy)
{
    PyMutex_Lock(&locale_lock);
    struct lconv *lc = localeconv();
    copy_text(copy->decimal_point, lc->decimal_point);
    copy_text(copy->thousands_sep, lc->thousands_sep);
    copy_text(copy->grouping, lc->grouping);
    copy_text(copy->int_curr_symbol, lc->int_curr_symbol);
    copy_text(copy->currency_symbol, lc->currency_symbol);
    copy_text(copy->mon_decimal_point, lc->mon_decimal_point);
    copy_text(copy->mon_thousands_sep, lc->mon_thousands_sep);
    copy_text(copy->mon_grouping, lc->mon_grouping);
    copy_text(copy->positive_sign, lc->positive_sign);
    copy_text(copy->negative_sign, lc->negative_sign);
    copy->numbers[0] = lc->int_frac_digits;
    copy->numbers[1] = lc->frac_digits;
    copy->numbers[2] = lc->p_cs_precedes;
    copy->numbers[3] = lc->p_sep_by_space;
    copy->numbers[4] = lc->n_cs_precedes;
    copy->numbers[5] = lc->n_sep_by_space;
    copy->numbers[6] = lc->p_sign_posn;
    copy->numbers[7] = lc->n_sign_posn;
    PyMutex_Unlock(&locale_lock);
}

/* The grouping string as a list of ints: the sizes, then the final 0
   (repeat the last size) or CHAR_MAX (no further grouping) that ends
   it; an empty string gives an empty list. */
static PyObject *grouping_list(const char *grouping)
{
    PyObject *list = PyList_New(0);
    if (list == NULL || grouping[0] == '\0') {
        return list;
    }
    for (const char *p = grouping;; p++) {
        PyObject *size = PyLong_FromLong((unsigned char)*p);
        if (size == NULL || PyList_Append(list, size) < 0) {
            Py_XDECREF(size);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(size);
        if (*p == '\0' || (unsigned char)*p == CHAR_MAX) {
            return list;
        }
    }
}

/* Steals value. */
static int dict_put(PyObject *dict, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, key, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *locale_localeconv(PyObject *Py_UNUSED(module),
                                   PyObject *Py_UNUSED(ignored))
{
    lconv_copy *lc = PyMem_Malloc(sizeof(lconv_copy));
    if (lc == NULL) {
        return PyErr_NoMemory();
    }
    snapshot_lconv(lc);
    PyObject *dict = PyDict_New();
    int rc = dict == NULL ? -1 : 0;
    struct { const char *key; const char *text; } strings[] = {
        {"int_curr_symbol", lc->int_curr_symbol},
        {"currency_symbol", lc->currency_symbol},
        {"mon_decimal_point", lc->mon_decimal_point},
        {"mon_thousands_sep", lc->mon_thousands_sep},
        {"positive_sign", lc->positive_sign},
        {"negative_sign", lc->negative_sign},
        {"decimal_point", lc->decimal_point},
        {"thousands_sep", lc->thousands_sep},
    };
    for (size_t i = 0; rc == 0 && i < sizeof(strings) / sizeof(strings[0]);
         i++) {
        rc = dict_put(dict, strings[i].key, decode_text(strings[i].text));
    }
    if (rc == 0) {
        rc = dict_put(dict, "mon_grouping", grouping_list(lc->mon_grouping));
    }
    for (int i = 0; rc == 0 && number_fields[i] != NULL; i++) {
        rc = dict_put(dict, number_fields[i],
                      PyLong_FromLong((unsigned char)lc->numbers[i]));
    }
    if (rc == 0) {
        rc = dict_put(dict, "grouping", grouping_list(lc->grouping));
    }
    PyMem_Free(lc);
    if (rc < 0) {
        Py_XDECREF(dict);
        return NULL;
    }
    return dict;
}

/* ---- nl_langinfo --------------------------------------------------- */

typedef struct {
    const char *name;
    int value;
} langinfo_key;

#define LANGINFO(name) {#name, name}
static const langinfo_key langinfo_keys[] = {
    LANGINFO(CODESET),
    LANGINFO(D_T_FMT), LANGINFO(D_FMT), LANGINFO(T_FMT),
    LANGINFO(T_FMT_AMPM), LANGINFO(AM_STR), LANGINFO(PM_STR),
    LANGINFO(DAY_1), LANGINFO(DAY_2), LANGINFO(DAY_3), LANGINFO(DAY_4),
    LANGINFO(DAY_5), LANGINFO(DAY_6), LANGINFO(DAY_7),
    LANGINFO(ABDAY_1), LANGINFO(ABDAY_2), LANGINFO(ABDAY_3),
    LANGINFO(ABDAY_4), LANGINFO(ABDAY_5), LANGINFO(ABDAY_6),
    LANGINFO(ABDAY_7),
    LANGINFO(MON_1), LANGINFO(MON_2), LANGINFO(MON_3), LANGINFO(MON_4),
    LANGINFO(MON_5), LANGINFO(MON_6), LANGINFO(MON_7), LANGINFO(MON_8),
    LANGINFO(MON_9), LANGINFO(MON_10), LANGINFO(MON_11), LANGINFO(MON_12),
    LANGINFO(ABMON_1), LANGINFO(ABMON_2), LANGINFO(ABMON_3),
    LANGINFO(ABMON_4), LANGINFO(ABMON_5), LANGINFO(ABMON_6),
    LANGINFO(ABMON_7), LANGINFO(ABMON_8), LANGINFO(ABMON_9),
    LANGINFO(ABMON_10), LANGINFO(ABMON_11), LANGINFO(ABMON_12),
    LANGINFO(RADIXCHAR), LANGINFO(THOUSEP),
    LANGINFO(YESEXPR), LANGINFO(NOEXPR),
    LANGINFO(CRNCYSTR),
    LANGINFO(ERA), LANGINFO(ERA_D_FMT), LANGINFO(ERA_D_T_FMT),
    LANGINFO(ERA_T_FMT), LANGINFO(ALT_DIGITS),
    {NULL, 0},
};
#undef LANGINFO

static PyObject *locale_nl_langinfo(PyObject *Py_UNUSED(module),
                                    PyObject *arg)
{
    int overflow;
    long key = PyLong_AsLongAndOverflow(arg, &overflow);
    if (key == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int known = 0;
    for (int i = 0; !overflow && langinfo_keys[i].name != NULL; i++) {
        known |= langinfo_keys[i].value == key;
    }
    if (!known) {
        PyErr_SetString(PyExc_ValueError, "unsupported langinfo constant");
        return NULL;
    }
    char text[TEXT_MAX];
    PyMutex_Lock(&locale_lock);
    copy_text(text, nl_langinfo((nl_item)key));
    PyMutex_Unlock(&locale_lock);
    return decode_text(text);
}

/* ---- collation ----------------------------------------------------- */

/* A NUL-terminated wide copy of a str argument (PyMem_Free it). */
static wchar_t *wide_arg(PyObject *arg, const char *func, int argno)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument %d must be str, not %.50s",
                     func, argno, Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    wchar_t *wide = PyUnicode_AsWideCharString(arg, &len);
    if (wide != NULL && (size_t)len != wcslen(wide)) {
        PyMem_Free(wide);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return wide;
}

/* wcscoll and wcsxfrm read the collation locale; like every other
   reader of the locale they are not serialised against setlocale in
   other threads (see the file comment). */
static PyObject *locale_strcoll(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:strcoll", &a, &b)) {
        return NULL;
    }
    wchar_t *wa = wide_arg(a, "strcoll", 1);
    wchar_t *wb = wa ? wide_arg(b, "strcoll", 2) : NULL;
    PyObject *result = NULL;
    if (wb != NULL) {
        result = PyLong_FromLong(wcscoll(wa, wb));
    }
    PyMem_Free(wa);
    PyMem_Free(wb);
    return result;
}

static PyObject *locale_strxfrm(PyObject *Py_UNUSED(module), PyObject *arg)
{
    wchar_t *src = wide_arg(arg, "strxfrm", 1);
    if (src == NULL) {
        return NULL;
    }
    size_t cap = wcslen(src) + 1;
    wchar_t *buf = NULL;
    size_t need;
    for (;;) {
        wchar_t *grown = PyMem_Realloc(buf, cap * sizeof(wchar_t));
        if (grown == NULL) {
            PyMem_Free(buf);
            PyMem_Free(src);
            return PyErr_NoMemory();
        }
        buf = grown;
        errno = 0;
        need = wcsxfrm(buf, src, cap);
        if (errno != 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            PyMem_Free(buf);
            PyMem_Free(src);
            return NULL;
        }
        if (need < cap) {
            break;
        }
        cap = need + 1;
    }
    PyObject *result = PyUnicode_FromWideChar(buf, (Py_ssize_t)need);
    PyMem_Free(buf);
    PyMem_Free(src);
    return result;
}

/* ---- encodings ----------------------------------------------------- */

/* The encoding of the current LC_CTYPE.  The C/POSIX locale reports
   ASCII, which Weft (like CPython after PEP 538 coercion) treats as
   UTF-8, the same rule io uses for encoding="locale". */
static PyObject *locale_getencoding(PyObject *Py_UNUSED(module),
                                    PyObject *Py_UNUSED(ignored))
{
    char codeset[TEXT_MAX];
    PyMutex_Lock(&locale_lock);
    copy_text(codeset, nl_langinfo(CODESET));
    PyMutex_Unlock(&locale_lock);
    if (codeset[0] == '\0' || strcmp(codeset, "ANSI_X3.4-1968") == 0) {
        return PyUnicode_FromString("utf-8");
    }
    return PyUnicode_FromString(codeset);
}

/* ---- message catalogs ---------------------------------------------- */

/* The gettext family.  The C library keeps the current domain and the
   domain bindings in process-wide storage that textdomain() and
   bindtextdomain() replace, so every call runs under locale_lock and
   copies its answer (owned by the C library) into memory this module
   owns before the lock is released. */

/* The UTF-8 text of a str argument, or NULL for None when none_ok;
   sets *failed on a wrong type or an embedded NUL.  The pointer is
   borrowed from arg. */
static const char *text_arg(PyObject *arg, const char *func, int argno,
                            int none_ok, int *failed)
{
    *failed = 0;
    if (none_ok && arg == Py_None) {
        return NULL;
    }
    if (!PyUnicode_Check(arg)) {
        char where[32] = "";
        if (argno > 0) {
            snprintf(where, sizeof(where), " %d", argno);
        }
        PyErr_Format(PyExc_TypeError, "%s() argument%s must be str%s, not %.50s",
                     func, where, none_ok ? " or None" : "",
                     arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        *failed = 1;
        return NULL;
    }
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(arg, &len);
    if (text == NULL) {
        *failed = 1;
        return NULL;
    }
    if ((size_t)len != strlen(text)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        *failed = 1;
        return NULL;
    }
    return text;
}

/* A malloc'ed copy of a C library answer (NULL stays NULL); the caller
   frees it with PyMem_RawFree.  Called under locale_lock, so it must
   not touch Python objects. */
static char *copy_answer(const char *answer, int *nomem)
{
    *nomem = 0;
    if (answer == NULL) {
        return NULL;
    }
    size_t size = strlen(answer) + 1;
    char *copy = PyMem_RawMalloc(size);
    if (copy == NULL) {
        *nomem = 1;
        return NULL;
    }
    memcpy(copy, answer, size);
    return copy;
}

/* Turns an owned copy into the Python result: str, or None when the C
   library answered NULL with errno unset; OSError when errno is set. */
static PyObject *answer_result(char *copy, int nomem, int saved_errno)
{
    if (nomem) {
        return PyErr_NoMemory();
    }
    if (copy == NULL) {
        if (saved_errno != 0) {
            errno = saved_errno;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    PyObject *result = decode_text(copy);
    PyMem_RawFree(copy);
    return result;
}

/* domain NULL means the current domain; use_category 0 a plain lookup. */
static PyObject *lookup_message(const char *domain, const char *msgid,
                                int use_category, int category)
{
    int nomem;
    PyMutex_Lock(&locale_lock);
    const char *answer = use_category ? dcgettext(domain, msgid, category)
                                      : dgettext(domain, msgid);
    char *copy = copy_answer(answer, &nomem);
    PyMutex_Unlock(&locale_lock);
    return answer_result(copy, nomem, 0);
}

static PyObject *locale_gettext(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int failed;
    const char *msgid = text_arg(arg, "gettext", 0, 0, &failed);
    if (failed) {
        return NULL;
    }
    return lookup_message(NULL, msgid, 0, 0);
}

static PyObject *locale_dgettext(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *domain_obj, *msg_obj;
    if (!PyArg_UnpackTuple(args, "dgettext", 2, 2, &domain_obj, &msg_obj)) {
        return NULL;
    }
    int failed;
    const char *domain = text_arg(domain_obj, "dgettext", 1, 1, &failed);
    if (failed) {
        return NULL;
    }
    const char *msgid = text_arg(msg_obj, "dgettext", 2, 0, &failed);
    if (failed) {
        return NULL;
    }
    return lookup_message(domain, msgid, 0, 0);
}

static PyObject *locale_dcgettext(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *domain_obj, *msg_obj, *category_obj;
    if (!PyArg_UnpackTuple(args, "dcgettext", 3, 3, &domain_obj, &msg_obj,
                           &category_obj)) {
        return NULL;
    }
    int category = PyLong_AsInt(category_obj);
    if (category == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int failed;
    const char *domain = text_arg(domain_obj, "dcgettext", 1, 1, &failed);
    if (failed) {
        return NULL;
    }
    const char *msgid = text_arg(msg_obj, "dcgettext", 2, 0, &failed);
    if (failed) {
        return NULL;
    }
    return lookup_message(domain, msgid, 1, category);
}

static PyObject *locale_textdomain(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int failed, nomem;
    const char *domain = text_arg(arg, "textdomain", 0, 1, &failed);
    if (failed) {
        return NULL;
    }
    PyMutex_Lock(&locale_lock);
    errno = 0;
    char *copy = copy_answer(textdomain(domain), &nomem);
    int saved_errno = copy == NULL ? (errno ? errno : ENOMEM) : 0;
    PyMutex_Unlock(&locale_lock);
    return answer_result(copy, nomem, saved_errno);
}

static PyObject *locale_bindtextdomain(PyObject *module, PyObject *args)
{
    PyObject *domain_obj, *dir_obj, *dir_bytes = NULL;
    if (!PyArg_UnpackTuple(args, "bindtextdomain", 2, 2, &domain_obj,
                           &dir_obj)) {
        return NULL;
    }
    int failed, nomem;
    const char *domain = text_arg(domain_obj, "bindtextdomain", 1, 0, &failed);
    if (failed) {
        return NULL;
    }
    if (domain[0] == '\0') {
        PyErr_SetString(get_state(module)->error,
                        "domain must be a non-empty string");
        return NULL;
    }
    const char *dir = NULL;
    if (dir_obj != Py_None) {
        /* dir_bytes: owned, released below */
        if (!PyUnicode_FSConverter(dir_obj, &dir_bytes)) {
            return NULL;
        }
        dir = PyBytes_AS_STRING(dir_bytes);
    }
    PyMutex_Lock(&locale_lock);
    errno = 0;
    char *copy = copy_answer(bindtextdomain(domain, dir), &nomem);
    int saved_errno = copy == NULL ? (errno ? errno : ENOMEM) : 0;
    PyMutex_Unlock(&locale_lock);
    Py_XDECREF(dir_bytes);
    return answer_result(copy, nomem, saved_errno);
}

static PyObject *locale_bind_textdomain_codeset(PyObject *Py_UNUSED(module),
                                                PyObject *args)
{
    PyObject *domain_obj, *codeset_obj;
    if (!PyArg_UnpackTuple(args, "bind_textdomain_codeset", 2, 2, &domain_obj,
                           &codeset_obj)) {
        return NULL;
    }
    int failed, nomem;
    const char *domain = text_arg(domain_obj, "bind_textdomain_codeset", 1,
                                  0, &failed);
    if (failed) {
        return NULL;
    }
    const char *codeset = text_arg(codeset_obj, "bind_textdomain_codeset",
                                   2, 1, &failed);
    if (failed) {
        return NULL;
    }
    PyMutex_Lock(&locale_lock);
    errno = 0;
    char *copy = copy_answer(bind_textdomain_codeset(domain, codeset), &nomem);
    /* NULL with errno unset is the documented "no codeset set" answer */
    int saved_errno = copy == NULL ? errno : 0;
    PyMutex_Unlock(&locale_lock);
    return answer_result(copy, nomem, saved_errno);
}

/* ---- the module ---------------------------------------------------- */

static PyMethodDef locale_methods[] = {
    {"setlocale", locale_setlocale, METH_VARARGS,
     "setlocale($module, category, locale=None, /)\n--\n\n"
     "Set the locale of a category, or with locale None return its "
     "setting."},
    {"localeconv", locale_localeconv, METH_NOARGS,
     "localeconv($module, /)\n--\n\n"
     "The current locale's number and money formatting conventions, "
     "as a dict."},
    {"nl_langinfo", locale_nl_langinfo, METH_O,
     "nl_langinfo($module, key, /)\n--\n\n"
     "One item of the current locale's data, named by a constant of this "
     "module."},
    {"strcoll", locale_strcoll, METH_VARARGS,
     "strcoll($module, os1, os2, /)\n--\n\n"
     "Compare two strings in the collation order of LC_COLLATE: negative, "
     "zero\nor positive."},
    {"strxfrm", locale_strxfrm, METH_O,
     "strxfrm($module, string, /)\n--\n\n"
     "A sort key for string: comparing keys orders strings as strcoll() "
     "does."},
    {"getencoding", locale_getencoding, METH_NOARGS,
     "getencoding($module, /)\n--\n\n"
     "The encoding of the current LC_CTYPE locale."},
    {"gettext", locale_gettext, METH_O,
     "gettext($module, msg, /)\n--\n\n"
     "The translation of msg in the current message domain."},
    {"dgettext", locale_dgettext, METH_VARARGS,
     "dgettext($module, domain, msg, /)\n--\n\n"
     "The translation of msg in domain (None: the current domain)."},
    {"dcgettext", locale_dcgettext, METH_VARARGS,
     "dcgettext($module, domain, msg, category, /)\n--\n\n"
     "The translation of msg in domain for a locale category."},
    {"textdomain", locale_textdomain, METH_O,
     "textdomain($module, domain, /)\n--\n\n"
     "Set the current message domain (None: keep it) and return it."},
    {"bindtextdomain", locale_bindtextdomain, METH_VARARGS,
     "bindtextdomain($module, domain, dir, /)\n--\n\n"
     "Bind domain to the catalog directory dir (None: keep it) and "
     "return the binding."},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset, METH_VARARGS,
     "bind_textdomain_codeset($module, domain, codeset, /)\n--\n\n"
     "Set the encoding of domain's translations (None: keep it); return "
     "it, or None."},
    {NULL, NULL, 0, NULL},
};

static int add_int(PyObject *module, const char *name, long value)
{
    return PyModule_AddIntConstant(module, name, value);
}

static int locale_exec(PyObject *module)
{
    locale_state *state = get_state(module);
    state->error = PyErr_NewException("locale.Error", NULL, NULL);
    if (state->error == NULL
            || PyModule_AddObjectRef(module, "Error", state->error) < 0) {
        return -1;
    }
    if (add_int(module, "LC_CTYPE", LC_CTYPE) < 0
            || add_int(module, "LC_COLLATE", LC_COLLATE) < 0
            || add_int(module, "LC_TIME", LC_TIME) < 0
            || add_int(module, "LC_MONETARY", LC_MONETARY) < 0
            || add_int(module, "LC_NUMERIC", LC_NUMERIC) < 0
            || add_int(module, "LC_MESSAGES", LC_MESSAGES) < 0
            || add_int(module, "LC_ALL", LC_ALL) < 0
            || add_int(module, "CHAR_MAX", CHAR_MAX) < 0) {
        return -1;
    }
    for (int i = 0; langinfo_keys[i].name != NULL; i++) {
        if (add_int(module, langinfo_keys[i].name,
                    langinfo_keys[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int locale_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(get_state(module)->error);
    return 0;
}

static int locale_clear(PyObject *module)
{
    Py_CLEAR(get_state(module)->error);
    return 0;
}

static void locale_free(void *module)
{
    locale_clear((PyObject *)module);
}

static PyModuleDef_Slot locale_slots[] = {
    {Py_mod_exec, locale_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef locale_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_locale",
    .m_doc = "The C library's locale functions (used by the locale module).",
    .m_size = sizeof(locale_state),
    .m_methods = locale_methods,
    .m_slots = locale_slots,
    .m_traverse = locale_traverse,
    .m_clear = locale_clear,
    .m_free = locale_free,
};

PyMODINIT_FUNC PyInit__locale(void)
{
    return PyModuleDef_Init(&locale_module);
}
