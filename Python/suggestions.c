/* "Did you mean" for errors raised in C: the name nearest to a misspelt
   one by edit distance.  Lib/traceback.py computes the same for NameError
   and AttributeError reports with the same measure (insertions,
   deletions and substitutions cost 2, a change of case only 1) and the
   same limits.  Uses no shared state. */
#include "Python.h"
#include "pycore_exceptions.h"
#include "cpython/funcobject.h"

#define MOVE_COST 2
#define CASE_COST 1
/* Longer names are never typos worth correcting. */
#define MAX_STRING_SIZE 40
/* Larger candidate lists are not searched: the error path stays cheap. */
#define MAX_CANDIDATE_ITEMS 750

static Py_ssize_t
substitution_cost(char a, char b)
{
    if (a == b) {
        return 0;
    }
    return Py_TOLOWER(a) == Py_TOLOWER(b) ? CASE_COST : MOVE_COST;
}

/* The distance between a[:na] and b[:nb] (UTF-8 bytes), or max_cost + 1
   once it is known to exceed max_cost.  `row` has room for
   MAX_STRING_SIZE entries. */
static Py_ssize_t
edit_distance(const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb,
              Py_ssize_t max_cost, Py_ssize_t *row)
{
    while (na > 0 && nb > 0 && a[0] == b[0]) {
        a++; b++; na--; nb--;
    }
    while (na > 0 && nb > 0 && a[na - 1] == b[nb - 1]) {
        na--; nb--;
    }
    if (na == 0 || nb == 0) {
        return (na + nb) * MOVE_COST;
    }
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) {
        return max_cost + 1;
    }
    if (nb < na) {
        const char *t = a; a = b; b = t;
        Py_ssize_t n = na; na = nb; nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    /* row[i]: distance between the part of b seen so far and a[:i+1]. */
    for (Py_ssize_t i = 0; i < na; i++) {
        row[i] = (i + 1) * MOVE_COST;
    }
    for (Py_ssize_t j = 0; j < nb; j++) {
        Py_ssize_t diagonal = j * MOVE_COST;
        Py_ssize_t left = (j + 1) * MOVE_COST;
        Py_ssize_t best = left;
        for (Py_ssize_t i = 0; i < na; i++) {
            Py_ssize_t up = row[i];
            Py_ssize_t d = diagonal + substitution_cost(a[i], b[j]);
            if (up + MOVE_COST < d) {
                d = up + MOVE_COST;
            }
            if (left + MOVE_COST < d) {
                d = left + MOVE_COST;
            }
            diagonal = up;
            row[i] = left = d;
            if (d < best) {
                best = d;
            }
        }
        if (best > max_cost) {
            return max_cost + 1;
        }
    }
    return row[na - 1];
}

PyObject *
_Py_CalculateSuggestions(PyObject *candidates, PyObject *name)
{
    Py_ssize_t count = PyList_GET_SIZE(candidates);
    if (count > MAX_CANDIDATE_ITEMS) {
        return NULL;
    }
    Py_ssize_t name_size;
    const char *name_text = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_text == NULL) {
        return NULL;
    }
    if (name_size > MAX_STRING_SIZE) {
        return NULL;
    }
    Py_ssize_t row[MAX_STRING_SIZE];
    /* Unlike Lib/traceback.py (which starts from the name's length, as
       CPython's does), no bound before the first match: CPython's C
       search behaves so too. */
    Py_ssize_t best_distance = PY_SSIZE_T_MAX;
    PyObject *best = NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *item = PyList_GET_ITEM(candidates, k);
        if (!PyUnicode_Check(item)) {
            continue;
        }
        Py_ssize_t item_size;
        const char *item_text = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_text == NULL) {
            return NULL;
        }
        if (item_size == name_size &&
            memcmp(item_text, name_text, (size_t)name_size) == 0) {
            continue;
        }
        Py_ssize_t max_distance = (item_size + name_size + 3) * MOVE_COST / 6;
        if (max_distance > best_distance - 1) {
            max_distance = best_distance - 1;
        }
        Py_ssize_t distance = edit_distance(name_text, name_size, item_text,
                                            item_size, max_distance, row);
        if (distance > max_distance) {
            continue;
        }
        if (best == NULL || distance < best_distance) {
            best = item;
            best_distance = distance;
        }
    }
    return Py_XNewRef(best);
}

void
_PyErr_UnexpectedKeyword(PyThreadState *tstate, PyFunctionObject *func,
                         PyObject *keyword)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    int first = co->co_posonlyargcount;
    int last = co->co_argcount + co->co_kwonlyargcount;
    PyObject *names = PyList_New(0);
    PyObject *suggestion = NULL;
    for (int i = first; names != NULL && i < last; i++) {
        if (PyList_Append(names,
                          PyTuple_GET_ITEM(co->co_localsplusnames, i)) < 0) {
            Py_CLEAR(names);
        }
    }
    if (names != NULL) {
        suggestion = _Py_CalculateSuggestions(names, keyword);
        Py_DECREF(names);
    }
    /* A failed search only loses the hint. */
    _PyErr_Clear(tstate);
    if (suggestion != NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%U() got an unexpected keyword argument '%S'. "
                      "Did you mean '%S'?",
                      func->func_qualname, keyword, suggestion);
        Py_DECREF(suggestion);
        return;
    }
    _PyErr_Format(tstate, PyExc_TypeError,
                  "%U() got an unexpected keyword argument '%S'",
                  func->func_qualname, keyword);
}
