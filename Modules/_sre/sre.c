/* The _sre module: the C half of the re package, with its object types
   re.Pattern, re.Match and _sre.SRE_Scanner.

   Lib/re parses and compiles a pattern in Python and hands the resulting
   code words to _sre.compile(), which checks them (sre_compile.c) and
   wraps them in a Pattern.  Matching runs the engine of sre_engine.c.

   Thread safety:
   - A Pattern never changes after construction (its program, pattern
     string, flags and group tables are written once, before the object is
     published), so threads share it without locks.
   - Every match keeps its state in a local SreState of the calling thread.
     The subject is an immutable str, or a bytes-like object whose buffer
     is held (so it cannot be resized) for the whole match.
   - A Match is immutable once built.
   - A Scanner's position advances with each call: those fields are only
     touched inside the scanner's critical section.
   The module itself has no mutable state. */
#include "sre.h"
#include "pycore_unicodectype.h"

/* Method table shorthands for METH_VARARGS | METH_KEYWORDS functions. */
#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWFUNC(f) (PyCFunction)(void (*)(void))(f)

/* The subject of one match: where its characters are and how wide. */
typedef struct {
    const void *data;
    int charsize;
    Py_ssize_t length;
    Py_buffer view;
    int has_view;
} Subject;

typedef struct {
    PyObject_HEAD
    SreProgram prog;
    PyObject *pattern;      /* str or bytes, or None */
    PyObject *groupindex;   /* dict: group name -> number (private copy) */
    PyObject *indexgroup;   /* tuple: number -> name or None */
    long flags;
    int isbytes;
    PyObject *weakreflist;
} PatternObject;

typedef struct {
    PyObject_VAR_HEAD
    PatternObject *pattern;  /* strong */
    PyObject *string;        /* strong: the subject as given */
    Py_ssize_t pos, endpos;
    Py_ssize_t lastindex;    /* -1 for None */
    Py_ssize_t marks[1];     /* 2 * (groups + 1), -1 where unmatched */
} MatchObject;

typedef struct {
    PyObject_HEAD
    PatternObject *pattern;
    PyObject *string;
    Py_ssize_t first, last;  /* pos and endpos, clamped, as Matches report */
    /* Mutable: protected by the scanner's critical section. */
    Py_ssize_t pos;
    int must_advance;
    int done;
    /* A buffer export of a bytes-like subject, held until the scanner is
       exhausted or freed: a bytearray cannot be resized under a pending
       finditer() (BufferError), as in CPython.  Released under the
       critical section, or in clear/dealloc when no other thread can
       reach the scanner. */
    Subject pinned;
} ScannerObject;

static PyTypeObject Pattern_Type;
static PyTypeObject Match_Type;
static PyTypeObject Scanner_Type;

#define SRE_FLAG_UNICODE 32

/* ---- subjects -------------------------------------------------------- */

static int
subject_open(Subject *s, PyObject *string)
{
    s->has_view = 0;
    if (PyUnicode_Check(string)) {
        s->data = PyUnicode_DATA(string);
        s->charsize = PyUnicode_KIND(string);
        s->length = PyUnicode_GET_LENGTH(string);
        return 0;
    }
    if (PyObject_GetBuffer(string, &s->view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError,
                     "expected string or bytes-like object, got '%.200s'",
                     Py_TYPE(string)->tp_name);
        return -1;
    }
    s->has_view = 1;
    s->data = s->view.buf;
    s->charsize = 1;
    s->length = s->view.len;
    return 0;
}

static void
subject_close(Subject *s)
{
    if (s->has_view) {
        PyBuffer_Release(&s->view);
        s->has_view = 0;
    }
}

/* A str pattern takes only str subjects, a bytes pattern only bytes-like
   ones; anything else is a TypeError with CPython's wording. */
static int
check_subject(const PatternObject *self, PyObject *string)
{
    if (self->isbytes) {
        if (PyUnicode_Check(string)) {
            PyErr_SetString(PyExc_TypeError,
                            "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        return 0;
    }
    if (PyUnicode_Check(string)) {
        return 0;
    }
    if (PyObject_CheckBuffer(string)) {
        PyErr_SetString(PyExc_TypeError,
                        "cannot use a string pattern on a bytes-like object");
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "expected string or bytes-like object, got '%.200s'",
                     Py_TYPE(string)->tp_name);
    }
    return -1;
}

static void
clamp(Py_ssize_t length, Py_ssize_t *pos, Py_ssize_t *endpos)
{
    if (*pos < 0) {
        *pos = 0;
    }
    if (*pos > length) {
        *pos = length;
    }
    if (*endpos < 0) {
        *endpos = 0;
    }
    if (*endpos > length) {
        *endpos = length;
    }
}

/* string[start:end] as str or bytes (bytes for every bytes-like subject). */
static PyObject *
slice_subject(PyObject *string, const Subject *s, Py_ssize_t start, Py_ssize_t end)
{
    if (PyUnicode_Check(string)) {
        return PyUnicode_Substring(string, start, end);
    }
    if (PyBytes_CheckExact(string) && start == 0 && end == s->length) {
        return Py_NewRef(string);
    }
    return PyBytes_FromStringAndSize((const char *)s->data + start, end - start);
}

static PyObject *
empty_like(const PatternObject *self)
{
    return self->isbytes ? PyBytes_FromStringAndSize(NULL, 0)
                         : PyUnicode_New(0, 0);
}

/* ---- Match ----------------------------------------------------------- */

/* A new Match for the marks in st; the subject is string. */
static PyObject *
match_new(PatternObject *pattern, PyObject *string, Py_ssize_t pos,
          Py_ssize_t endpos, const SreState *st)
{
    Py_ssize_t nmarks = 2 * (pattern->prog.ngroups + 1);
    MatchObject *m = PyObject_GC_NewVar(MatchObject, &Match_Type, nmarks);
    if (m == NULL) {
        return NULL;
    }
    m->pattern = (PatternObject *)Py_NewRef(pattern);
    m->string = Py_NewRef(string);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->lastindex;
    for (Py_ssize_t i = 0; i < nmarks; i += 2) {
        Py_ssize_t start = st->marks[i], end = st->marks[i + 1];
        /* A group is matched only when both of its ends are set. */
        if (start < 0 || end < 0) {
            start = end = -1;
        }
        m->marks[i] = start;
        m->marks[i + 1] = end;
    }
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

static int
match_traverse(PyObject *op, visitproc visit, void *arg)
{
    MatchObject *m = (MatchObject *)op;
    Py_VISIT(m->pattern);
    Py_VISIT(m->string);
    return 0;
}

static int
match_clear(PyObject *op)
{
    MatchObject *m = (MatchObject *)op;
    Py_CLEAR(m->pattern);
    Py_CLEAR(m->string);
    return 0;
}

static void
match_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    match_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static Py_ssize_t
match_ngroups(const MatchObject *m)
{
    return m->pattern->prog.ngroups;
}

/* The number of the group named or numbered by index, or -1 with
   IndexError("no such group"). */
static Py_ssize_t
match_index(const MatchObject *m, PyObject *index)
{
    Py_ssize_t number = -1;
    if (PyIndex_Check(index)) {
        number = PyNumber_AsSsize_t(index, NULL);
        if (number == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
    }
    else {
        PyObject *found = PyDict_GetItemWithError(m->pattern->groupindex, index);
        if (found != NULL && PyLong_Check(found)) {
            number = PyLong_AsSsize_t(found);
        }
        if (PyErr_Occurred()) {
            PyErr_Clear();
        }
    }
    if (number < 0 || number > match_ngroups(m)) {
        PyErr_SetString(PyExc_IndexError, "no such group");
        return -1;
    }
    return number;
}

/* Group number's text, or dflt (new reference) when it did not match. */
static PyObject *
match_group_text(const MatchObject *m, Py_ssize_t number, PyObject *dflt)
{
    Py_ssize_t start = m->marks[2 * number], end = m->marks[2 * number + 1];
    Subject s;
    PyObject *result;
    if (start < 0) {
        return Py_NewRef(dflt);
    }
    if (PyUnicode_Check(m->string)) {
        return PyUnicode_Substring(m->string, start, end);
    }
    if (subject_open(&s, m->string) < 0) {
        return NULL;
    }
    if (end > s.length) {
        /* The bytes-like subject shrank since the match. */
        end = s.length;
        start = start < end ? start : end;
    }
    result = slice_subject(m->string, &s, start, end);
    subject_close(&s);
    return result;
}

static PyObject *
match_group_by_index(const MatchObject *m, PyObject *index)
{
    Py_ssize_t number = match_index(m, index);
    if (number < 0) {
        return NULL;
    }
    return match_group_text(m, number, Py_None);
}

static PyObject *
match_group(PyObject *op, PyObject *args)
{
    MatchObject *m = (MatchObject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        return match_group_text(m, 0, Py_None);
    }
    if (n == 1) {
        return match_group_by_index(m, PyTuple_GET_ITEM(args, 0));
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = match_group_by_index(m, PyTuple_GET_ITEM(args, i));
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *
match_subscript(PyObject *op, PyObject *index)
{
    return match_group_by_index((MatchObject *)op, index);
}

static PyObject *
match_groups(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"default", NULL};
    MatchObject *m = (MatchObject *)op;
    PyObject *dflt = Py_None, *result;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:groups", kwlist, &dflt)) {
        return NULL;
    }
    result = PyTuple_New(match_ngroups(m));
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 1; g <= match_ngroups(m); g++) {
        PyObject *item = match_group_text(m, g, dflt);
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, g - 1, item);
    }
    return result;
}

static PyObject *
match_groupdict(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"default", NULL};
    MatchObject *m = (MatchObject *)op;
    PyObject *dflt = Py_None, *result, *name, *number;
    Py_ssize_t i = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:groupdict", kwlist, &dflt)) {
        return NULL;
    }
    result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    /* The pattern's groupindex is never mutated after compile. */
    while (PyDict_Next(m->pattern->groupindex, &i, &name, &number)) {
        PyObject *item = match_group_text(m, PyLong_AsSsize_t(number), dflt);
        if (item == NULL || PyDict_SetItem(result, name, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(item);
    }
    return result;
}

/* Parse the optional group argument of start/end/span. */
static Py_ssize_t
match_optional_group(const MatchObject *m, PyObject *args, const char *name)
{
    PyObject *group = NULL;
    if (!PyArg_UnpackTuple(args, name, 0, 1, &group)) {
        return -1;
    }
    if (group == NULL) {
        return 0;
    }
    return match_index(m, group);
}

static PyObject *
match_start(PyObject *op, PyObject *args)
{
    MatchObject *m = (MatchObject *)op;
    Py_ssize_t g = match_optional_group(m, args, "start");
    return g < 0 ? NULL : PyLong_FromSsize_t(m->marks[2 * g]);
}

static PyObject *
match_end(PyObject *op, PyObject *args)
{
    MatchObject *m = (MatchObject *)op;
    Py_ssize_t g = match_optional_group(m, args, "end");
    return g < 0 ? NULL : PyLong_FromSsize_t(m->marks[2 * g + 1]);
}

static PyObject *
span_tuple(Py_ssize_t start, Py_ssize_t end)
{
    return Py_BuildValue("(nn)", start, end);
}

static PyObject *
match_span(PyObject *op, PyObject *args)
{
    MatchObject *m = (MatchObject *)op;
    Py_ssize_t g = match_optional_group(m, args, "span");
    return g < 0 ? NULL : span_tuple(m->marks[2 * g], m->marks[2 * g + 1]);
}

/* Call re.<name>(args...): the template helpers live in Python. */
static PyObject *
call_re_helper(const char *name, PyObject *a, PyObject *b)
{
    PyObject *module = PyImport_ImportModule("re");
    PyObject *result;
    if (module == NULL) {
        return NULL;
    }
    result = PyObject_CallMethod(module, name, "OO", a, b);
    Py_DECREF(module);
    return result;
}

/* Append the expansion of template (a tuple of literals and group
   numbers, from re._compile_template) for match m to pieces. */
static int
expand_into(PyObject *pieces, PyObject *template, const MatchObject *m,
            PyObject *empty)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(template); i++) {
        PyObject *part = PyTuple_GET_ITEM(template, i), *text;
        if (PyLong_Check(part)) {
            Py_ssize_t g = PyLong_AsSsize_t(part);
            if (g < 0 || g > match_ngroups(m)) {
                PyErr_SetString(PyExc_IndexError, "no such group");
                return -1;
            }
            text = match_group_text(m, g, empty);
        }
        else {
            text = Py_NewRef(part);
        }
        if (text == NULL || PyList_Append(pieces, text) < 0) {
            Py_XDECREF(text);
            return -1;
        }
        Py_DECREF(text);
    }
    return 0;
}

static PyObject *
join_pieces(const PatternObject *self, PyObject *pieces)
{
    PyObject *empty = empty_like(self), *result;
    if (empty == NULL) {
        return NULL;
    }
    result = self->isbytes ? PyBytes_Join(empty, pieces)
                           : PyUnicode_Join(empty, pieces);
    Py_DECREF(empty);
    return result;
}

static PyObject *
match_expand(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"template", NULL};
    MatchObject *m = (MatchObject *)op;
    PyObject *template_text, *template, *pieces, *empty, *result = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:expand", kwlist,
                                     &template_text)) {
        return NULL;
    }
    template = call_re_helper("_compile_template", (PyObject *)m->pattern,
                              template_text);
    if (template == NULL) {
        return NULL;
    }
    pieces = PyList_New(0);
    empty = empty_like(m->pattern);
    if (pieces != NULL && empty != NULL && PyTuple_Check(template)
        && expand_into(pieces, template, m, empty) == 0) {
        result = join_pieces(m->pattern, pieces);
    }
    Py_XDECREF(pieces);
    Py_XDECREF(empty);
    Py_DECREF(template);
    return result;
}

static PyObject *
match_repr(PyObject *op)
{
    MatchObject *m = (MatchObject *)op;
    PyObject *text = match_group_text(m, 0, Py_None), *result;
    if (text == NULL) {
        return NULL;
    }
    result = PyUnicode_FromFormat("<re.Match object; span=(%zd, %zd), match=%.50R>",
                                  m->marks[0], m->marks[1], text);
    Py_DECREF(text);
    return result;
}

static PyObject *
return_self(PyObject *op, PyObject *Py_UNUSED(arg))
{
    return Py_NewRef(op);
}

static PyObject *
match_get_lastindex(PyObject *op, void *Py_UNUSED(closure))
{
    MatchObject *m = (MatchObject *)op;
    if (m->lastindex < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(m->lastindex);
}

static PyObject *
match_get_lastgroup(PyObject *op, void *Py_UNUSED(closure))
{
    MatchObject *m = (MatchObject *)op;
    PyObject *indexgroup = m->pattern->indexgroup;
    if (m->lastindex < 0 || m->lastindex >= PyTuple_GET_SIZE(indexgroup)) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(PyTuple_GET_ITEM(indexgroup, m->lastindex));
}

static PyObject *
match_get_regs(PyObject *op, void *Py_UNUSED(closure))
{
    MatchObject *m = (MatchObject *)op;
    PyObject *regs = PyTuple_New(match_ngroups(m) + 1);
    if (regs == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 0; g <= match_ngroups(m); g++) {
        PyObject *span = span_tuple(m->marks[2 * g], m->marks[2 * g + 1]);
        if (span == NULL) {
            Py_DECREF(regs);
            return NULL;
        }
        PyTuple_SET_ITEM(regs, g, span);
    }
    return regs;
}

static PyObject *
match_get_re(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((MatchObject *)op)->pattern);
}

static PyObject *
match_get_string(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((MatchObject *)op)->string);
}

static PyObject *
match_get_pos(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(((MatchObject *)op)->pos);
}

static PyObject *
match_get_endpos(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(((MatchObject *)op)->endpos);
}

static PyMethodDef match_methods[] = {
    {"group", match_group, METH_VARARGS,
     "group([group1, ...]) -> str or tuple.\n"
     "    Return subgroup(s) of the match by indices or names.\n"
     "    For 0 returns the entire match."},
    {"groups", (PyCFunction)(void (*)(void))match_groups,
     METH_VARARGS | METH_KEYWORDS,
     "groups($self, /, default=None)\n--\n\n"
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", (PyCFunction)(void (*)(void))match_groupdict,
     METH_VARARGS | METH_KEYWORDS,
     "groupdict($self, /, default=None)\n--\n\n"
     "Return a dictionary containing all the named subgroups of the match."},
    {"start", match_start, METH_VARARGS,
     "start($self, group=0, /)\n--\n\n"
     "Return index of the start of the substring matched by group."},
    {"end", match_end, METH_VARARGS,
     "end($self, group=0, /)\n--\n\n"
     "Return index of the end of the substring matched by group."},
    {"span", match_span, METH_VARARGS,
     "span($self, group=0, /)\n--\n\n"
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"expand", KWFUNC(match_expand), KW,
     "expand($self, /, template)\n--\n\n"
     "Return the string obtained by doing backslash substitution on the\n"
     "string template, as done by the sub() method."},
    {"__copy__", return_self, METH_NOARGS, "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", return_self, METH_O, "__deepcopy__($self, memo, /)\n--\n\n"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL,
     "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", match_get_lastgroup, NULL,
     "The name of the last matched capturing group.", NULL},
    {"regs", match_get_regs, NULL, NULL, NULL},
    {"re", match_get_re, NULL,
     "The regular expression object.", NULL},
    {"string", match_get_string, NULL,
     "The string passed to match() or search().", NULL},
    {"pos", match_get_pos, NULL,
     "The index into the string at which the RE engine started looking "
     "for a match.", NULL},
    {"endpos", match_get_endpos, NULL,
     "The index into the string beyond which the RE engine will not go.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods match_as_mapping = {
    .mp_subscript = match_subscript,
};

static PyTypeObject Match_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Match",
    .tp_basicsize = offsetof(MatchObject, marks),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = match_dealloc,
    .tp_repr = match_repr,
    .tp_as_mapping = &match_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The result of re.match() and re.search().\n"
              "Match objects always have a boolean value of True.",
    .tp_traverse = match_traverse,
    .tp_clear = match_clear,
    .tp_methods = match_methods,
    .tp_getset = match_getset,
    .tp_free = PyObject_GC_Del,
};

/* ---- matching -------------------------------------------------------- */

/* Run the pattern once over string[pos:endpos] in mode; a Match or None. */
static PyObject *
pattern_run(PatternObject *self, PyObject *string, Py_ssize_t pos,
            Py_ssize_t endpos, int mode)
{
    Subject subject;
    SreState st;
    PyObject *result = NULL;
    int found;
    if (check_subject(self, string) < 0 || subject_open(&subject, string) < 0) {
        return NULL;
    }
    clamp(subject.length, &pos, &endpos);
    if (endpos < pos) {
        subject_close(&subject);
        Py_RETURN_NONE;
    }
    if (_PySre_StateInit(&st, &self->prog, subject.data, subject.charsize,
                         endpos) < 0) {
        subject_close(&subject);
        return NULL;
    }
    found = _PySre_Run(&st, pos, mode);
    if (found > 0) {
        result = match_new(self, string, pos, endpos, &st);
    }
    else if (found == 0) {
        result = Py_NewRef(Py_None);
    }
    _PySre_StateFini(&st);
    subject_close(&subject);
    return result;
}

static int
parse_match_args(PyObject *args, PyObject *kwds, const char *format,
                 PyObject **string, Py_ssize_t *pos, Py_ssize_t *endpos)
{
    static char *kwlist[] = {"string", "pos", "endpos", NULL};
    *pos = 0;
    *endpos = PY_SSIZE_T_MAX;
    return PyArg_ParseTupleAndKeywords(args, kwds, format, kwlist,
                                       string, pos, endpos);
}

static PyObject *
pattern_match(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *string;
    Py_ssize_t pos, endpos;
    if (!parse_match_args(args, kwds, "O|nn:match", &string, &pos, &endpos)) {
        return NULL;
    }
    return pattern_run((PatternObject *)op, string, pos, endpos, SRE_MODE_MATCH);
}

static PyObject *
pattern_fullmatch(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *string;
    Py_ssize_t pos, endpos;
    if (!parse_match_args(args, kwds, "O|nn:fullmatch", &string, &pos, &endpos)) {
        return NULL;
    }
    return pattern_run((PatternObject *)op, string, pos, endpos,
                       SRE_MODE_FULLMATCH);
}

static PyObject *
pattern_search(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *string;
    Py_ssize_t pos, endpos;
    if (!parse_match_args(args, kwds, "O|nn:search", &string, &pos, &endpos)) {
        return NULL;
    }
    return pattern_run((PatternObject *)op, string, pos, endpos, SRE_MODE_SEARCH);
}

/* ---- whole-subject loops (findall, split, sub) ----------------------- */

/* One pass over the successive non-overlapping matches of a subject. */
typedef struct {
    PatternObject *pattern;
    PyObject *string;
    Subject subject;
    SreState st;
    Py_ssize_t pos, endpos;
    int mode;                 /* -1 once there are no more matches */
} Scan;

static int
scan_open(Scan *sc, PatternObject *pattern, PyObject *string,
          Py_ssize_t pos, Py_ssize_t endpos)
{
    sc->pattern = pattern;
    sc->string = string;
    if (check_subject(pattern, string) < 0 || subject_open(&sc->subject, string) < 0) {
        return -1;
    }
    clamp(sc->subject.length, &pos, &endpos);
    sc->mode = SRE_MODE_SEARCH;
    if (endpos < pos) {
        endpos = pos;
        sc->mode = -1;
    }
    sc->pos = pos;
    sc->endpos = endpos;
    if (_PySre_StateInit(&sc->st, &pattern->prog, sc->subject.data,
                         sc->subject.charsize, endpos) < 0) {
        subject_close(&sc->subject);
        return -1;
    }
    return 0;
}

static void
scan_close(Scan *sc)
{
    _PySre_StateFini(&sc->st);
    subject_close(&sc->subject);
}

/* 1 with st.marks set, 0 when there are no more matches, -1 error.  An
   empty match forbids another empty match at the same place. */
static int
scan_next(Scan *sc)
{
    int found;
    if (sc->mode < 0) {
        return 0;
    }
    found = _PySre_Run(&sc->st, sc->pos, sc->mode);
    if (found <= 0) {
        sc->mode = -1;
        return found;
    }
    sc->pos = sc->st.marks[1];
    sc->mode = SRE_MODE_SEARCH;
    if (sc->st.marks[0] == sc->st.marks[1]) {
        sc->mode |= SRE_MODE_MUST_ADVANCE;
    }
    return 1;
}

static PyObject *
scan_group(const Scan *sc, Py_ssize_t group, PyObject *dflt)
{
    Py_ssize_t start = sc->st.marks[2 * group], end = sc->st.marks[2 * group + 1];
    if (start < 0 || end < 0) {
        return Py_NewRef(dflt);
    }
    return slice_subject(sc->string, &sc->subject, start, end);
}

static int
append_new(PyObject *list, PyObject *item)
{
    int r;
    if (item == NULL) {
        return -1;
    }
    r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

/* The findall item of the current match: the whole match, the one
   group, or a tuple of all groups ('' for those that did not match). */
static PyObject *
findall_item(const Scan *sc, PyObject *empty)
{
    Py_ssize_t groups = sc->pattern->prog.ngroups;
    if (groups <= 1) {
        return scan_group(sc, groups, empty);
    }
    PyObject *tuple = PyTuple_New(groups);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 1; g <= groups; g++) {
        PyObject *item = scan_group(sc, g, empty);
        if (item == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
        PyTuple_SET_ITEM(tuple, g - 1, item);
    }
    return tuple;
}

static PyObject *
pattern_findall(PyObject *op, PyObject *args, PyObject *kwds)
{
    PatternObject *self = (PatternObject *)op;
    PyObject *string, *list, *empty;
    Py_ssize_t pos, endpos;
    Scan sc;
    int found;
    if (!parse_match_args(args, kwds, "O|nn:findall", &string, &pos, &endpos)
        || scan_open(&sc, self, string, pos, endpos) < 0) {
        return NULL;
    }
    list = PyList_New(0);
    empty = empty_like(self);
    if (list == NULL || empty == NULL) {
        goto error;
    }
    while ((found = scan_next(&sc)) > 0) {
        if (append_new(list, findall_item(&sc, empty)) < 0) {
            goto error;
        }
    }
    if (found < 0) {
        goto error;
    }
    Py_DECREF(empty);
    scan_close(&sc);
    return list;

error:
    Py_XDECREF(list);
    Py_XDECREF(empty);
    scan_close(&sc);
    return NULL;
}

static PyObject *
pattern_split(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"string", "maxsplit", NULL};
    PatternObject *self = (PatternObject *)op;
    PyObject *string, *list;
    Py_ssize_t maxsplit = 0, splits = 0, last = 0;
    Scan sc;
    int found = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:split", kwlist,
                                     &string, &maxsplit)
        || scan_open(&sc, self, string, 0, PY_SSIZE_T_MAX) < 0) {
        return NULL;
    }
    list = PyList_New(0);
    if (list == NULL) {
        goto error;
    }
    while (maxsplit >= 0 && (maxsplit == 0 || splits < maxsplit)
           && (found = scan_next(&sc)) > 0) {
        if (append_new(list, slice_subject(string, &sc.subject, last,
                                           sc.st.marks[0])) < 0) {
            goto error;
        }
        for (Py_ssize_t g = 1; g <= self->prog.ngroups; g++) {
            if (append_new(list, scan_group(&sc, g, Py_None)) < 0) {
                goto error;
            }
        }
        last = sc.st.marks[1];
        splits++;
    }
    if (found < 0 || append_new(list, slice_subject(string, &sc.subject, last,
                                                    sc.subject.length)) < 0) {
        goto error;
    }
    scan_close(&sc);
    return list;

error:
    Py_XDECREF(list);
    scan_close(&sc);
    return NULL;
}

/* sub/subn: returns (result, count). */
static PyObject *
pattern_subx(PatternObject *self, PyObject *repl, PyObject *string,
             Py_ssize_t count)
{
    PyObject *template = NULL, *pieces = NULL, *empty = NULL, *result;
    Py_ssize_t made = 0, last = 0;
    int is_callable = PyCallable_Check(repl);
    Scan sc;
    int found = 0;
    if (check_subject(self, string) < 0) {
        return NULL;
    }
    if (!is_callable) {
        template = call_re_helper("_compile_template", (PyObject *)self, repl);
        if (template == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(template)) {
            PyErr_SetString(PyExc_TypeError, "bad template");
            Py_DECREF(template);
            return NULL;
        }
    }
    if (scan_open(&sc, self, string, 0, PY_SSIZE_T_MAX) < 0) {
        Py_XDECREF(template);
        return NULL;
    }
    pieces = PyList_New(0);
    empty = empty_like(self);
    if (pieces == NULL || empty == NULL) {
        goto error;
    }
    /* count 0 means all; a negative count makes no substitution. */
    while ((count == 0 || made < count) && (found = scan_next(&sc)) > 0) {
        /* Empty stretches are left out, so the indexes in a join error
           are CPython's. */
        if (last < sc.st.marks[0]
            && append_new(pieces, slice_subject(string, &sc.subject, last,
                                                sc.st.marks[0])) < 0) {
            goto error;
        }
        if (is_callable) {
            PyObject *m = match_new(self, string, 0, sc.subject.length, &sc.st);
            PyObject *item = m ? PyObject_CallOneArg(repl, m) : NULL;
            Py_XDECREF(m);
            if (item == NULL) {
                goto error;
            }
            /* Items of the wrong type make the final join fail, with the
               join's message (as in CPython). */
            if (item != Py_None) {
                if (append_new(pieces, item) < 0) {
                    goto error;
                }
            }
            else {
                Py_DECREF(item);
            }
        }
        else {
            for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(template); i++) {
                PyObject *part = PyTuple_GET_ITEM(template, i);
                if (!PyLong_Check(part)) {
                    if (PyList_Append(pieces, part) < 0) {
                        goto error;
                    }
                    continue;
                }
                Py_ssize_t g = PyLong_AsSsize_t(part);
                if (g < 0 || g > self->prog.ngroups) {
                    PyErr_SetString(PyExc_IndexError, "no such group");
                    goto error;
                }
                if (append_new(pieces, scan_group(&sc, g, empty)) < 0) {
                    goto error;
                }
            }
        }
        last = sc.st.marks[1];
        made++;
    }
    if (found < 0 || (last < sc.subject.length
                      && append_new(pieces, slice_subject(string, &sc.subject, last,
                                                          sc.subject.length)) < 0)) {
        goto error;
    }
    scan_close(&sc);
    result = join_pieces(self, pieces);
    Py_DECREF(pieces);
    Py_DECREF(empty);
    Py_XDECREF(template);
    if (result == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", result, made);

error:
    scan_close(&sc);
    Py_XDECREF(pieces);
    Py_XDECREF(empty);
    Py_XDECREF(template);
    return NULL;
}

static int
parse_sub_args(PyObject *args, PyObject *kwds, const char *format,
               PyObject **repl, PyObject **string, Py_ssize_t *count)
{
    static char *kwlist[] = {"repl", "string", "count", NULL};
    *count = 0;
    return PyArg_ParseTupleAndKeywords(args, kwds, format, kwlist,
                                       repl, string, count);
}

static PyObject *
pattern_sub(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *repl, *string, *pair, *result;
    Py_ssize_t count;
    if (!parse_sub_args(args, kwds, "OO|n:sub", &repl, &string, &count)) {
        return NULL;
    }
    pair = pattern_subx((PatternObject *)op, repl, string, count);
    if (pair == NULL) {
        return NULL;
    }
    result = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
    Py_DECREF(pair);
    return result;
}

static PyObject *
pattern_subn(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *repl, *string;
    Py_ssize_t count;
    if (!parse_sub_args(args, kwds, "OO|n:subn", &repl, &string, &count)) {
        return NULL;
    }
    return pattern_subx((PatternObject *)op, repl, string, count);
}

/* ---- Scanner --------------------------------------------------------- */

static PyObject *
scanner_create(PatternObject *pattern, PyObject *string, Py_ssize_t pos,
               Py_ssize_t endpos)
{
    Subject subject;
    ScannerObject *sc;
    if (check_subject(pattern, string) < 0 || subject_open(&subject, string) < 0) {
        return NULL;
    }
    clamp(subject.length, &pos, &endpos);
    sc = PyObject_GC_New(ScannerObject, &Scanner_Type);
    if (sc == NULL) {
        subject_close(&subject);
        return NULL;
    }
    sc->pattern = (PatternObject *)Py_NewRef(pattern);
    sc->string = Py_NewRef(string);
    sc->first = sc->pos = pos;
    sc->last = endpos;
    sc->must_advance = 0;
    sc->done = endpos < pos;
    sc->pinned = subject;       /* the scanner owns this export now */
    if (sc->done) {
        subject_close(&sc->pinned);
    }
    PyObject_GC_Track(sc);
    return (PyObject *)sc;
}

/* The next match, or None; advances the scanner.  The scanner's fields
   are read and written only inside its critical section, so threads
   sharing one scanner each get distinct matches. */
static PyObject *
scanner_next(ScannerObject *self, int mode)
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Subject subject;
    SreState st;
    int found = 0;
    if (self->done) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (subject_open(&subject, self->string) < 0) {
        goto done;
    }
    if (self->last > subject.length || self->pos > self->last) {
        subject_close(&subject);
        self->done = 1;
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (_PySre_StateInit(&st, &self->pattern->prog, subject.data,
                         subject.charsize, self->last) == 0) {
        found = _PySre_Run(&st, self->pos,
                           mode | (self->must_advance ? SRE_MODE_MUST_ADVANCE : 0));
        if (found > 0) {
            result = match_new(self->pattern, self->string, self->first,
                               self->last, &st);
            self->must_advance = st.marks[0] == st.marks[1];
            self->pos = st.marks[1];
        }
        else if (found == 0) {
            self->done = 1;
            result = Py_NewRef(Py_None);
        }
        _PySre_StateFini(&st);
    }
    subject_close(&subject);
done:;
    if (self->done) {
        subject_close(&self->pinned);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
scanner_match(PyObject *op, PyObject *Py_UNUSED(arg))
{
    return scanner_next((ScannerObject *)op, SRE_MODE_MATCH);
}

static PyObject *
scanner_search(PyObject *op, PyObject *Py_UNUSED(arg))
{
    return scanner_next((ScannerObject *)op, SRE_MODE_SEARCH);
}

static int
scanner_traverse(PyObject *op, visitproc visit, void *arg)
{
    ScannerObject *sc = (ScannerObject *)op;
    Py_VISIT(sc->pattern);
    Py_VISIT(sc->string);
    return 0;
}

static int
scanner_clear(PyObject *op)
{
    ScannerObject *sc = (ScannerObject *)op;
    subject_close(&sc->pinned);
    Py_CLEAR(sc->pattern);
    Py_CLEAR(sc->string);
    return 0;
}

static void
scanner_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    scanner_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
scanner_get_pattern(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((ScannerObject *)op)->pattern);
}

static PyMethodDef scanner_methods[] = {
    {"match", scanner_match, METH_NOARGS,
     "match($self, /)\n--\n\n"
     "The next match at the current position, or None."},
    {"search", scanner_search, METH_NOARGS,
     "search($self, /)\n--\n\n"
     "The next match at or after the current position, or None."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Scanner_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_dealloc = scanner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_methods = scanner_methods,
    .tp_getset = scanner_getset,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
pattern_scanner(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *string;
    Py_ssize_t pos, endpos;
    if (!parse_match_args(args, kwds, "O|nn:scanner", &string, &pos, &endpos)) {
        return NULL;
    }
    return scanner_create((PatternObject *)op, string, pos, endpos);
}

static PyObject *
pattern_finditer(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *string, *scanner, *search, *iterator;
    Py_ssize_t pos, endpos;
    if (!parse_match_args(args, kwds, "O|nn:finditer", &string, &pos, &endpos)) {
        return NULL;
    }
    scanner = scanner_create((PatternObject *)op, string, pos, endpos);
    if (scanner == NULL) {
        return NULL;
    }
    search = PyObject_GetAttrString(scanner, "search");
    Py_DECREF(scanner);
    if (search == NULL) {
        return NULL;
    }
    iterator = PyCallIter_New(search, Py_None);
    Py_DECREF(search);
    return iterator;
}

/* ---- Pattern --------------------------------------------------------- */

static void
pattern_dealloc(PyObject *op)
{
    PatternObject *self = (PatternObject *)op;
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    _PySre_FreeProgram(&self->prog);
    PyMem_Free(self->prog.code);
    Py_XDECREF(self->pattern);
    Py_XDECREF(self->groupindex);
    Py_XDECREF(self->indexgroup);
    Py_TYPE(op)->tp_free(op);
}

static const struct {
    long bit;
    const char *name;
} flag_names[] = {
    {2, "re.IGNORECASE"}, {4, "re.LOCALE"}, {8, "re.MULTILINE"},
    {16, "re.DOTALL"}, {32, "re.UNICODE"}, {64, "re.VERBOSE"},
    {128, "re.DEBUG"}, {256, "re.ASCII"},
};

static PyObject *
pattern_repr(PyObject *op)
{
    PatternObject *self = (PatternObject *)op;
    PyObject *text, *flags_text = NULL, *result;
    long flags = self->flags;
    text = PyObject_Repr(self->pattern);
    if (text == NULL) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(text) > 200) {
        Py_SETREF(text, PyUnicode_Substring(text, 0, 200));
        if (text == NULL) {
            return NULL;
        }
    }
    if (!self->isbytes) {
        flags &= ~SRE_FLAG_UNICODE;
    }
    if (flags == 0) {
        result = PyUnicode_FromFormat("re.compile(%U)", text);
        Py_DECREF(text);
        return result;
    }
    /* Named flags in bit order, then any unknown bits in hex. */
    for (size_t i = 0; i < Py_ARRAY_LENGTH(flag_names); i++) {
        if (!(flags & flag_names[i].bit)) {
            continue;
        }
        flags &= ~flag_names[i].bit;
        if (flags_text == NULL) {
            flags_text = PyUnicode_FromString(flag_names[i].name);
        }
        else {
            Py_SETREF(flags_text, PyUnicode_FromFormat("%U|%s", flags_text,
                                                       flag_names[i].name));
        }
        if (flags_text == NULL) {
            Py_DECREF(text);
            return NULL;
        }
    }
    if (flags) {
        if (flags_text == NULL) {
            flags_text = PyUnicode_FromFormat("0x%lx", flags);
        }
        else {
            Py_SETREF(flags_text, PyUnicode_FromFormat("%U|0x%lx", flags_text, flags));
        }
        if (flags_text == NULL) {
            Py_DECREF(text);
            return NULL;
        }
    }
    result = PyUnicode_FromFormat("re.compile(%U, %U)", text, flags_text);
    Py_DECREF(text);
    Py_DECREF(flags_text);
    return result;
}

static PyObject *
pattern_richcompare(PyObject *a, PyObject *b, int op)
{
    PatternObject *x = (PatternObject *)a, *y = (PatternObject *)b;
    int equal;
    if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, &Pattern_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (a == b) {
        equal = 1;
    }
    else if (x->flags != y->flags || x->isbytes != y->isbytes
             || x->prog.length != y->prog.length) {
        equal = 0;
    }
    else {
        equal = PyObject_RichCompareBool(x->pattern, y->pattern, Py_EQ);
        if (equal < 0) {
            return NULL;
        }
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static Py_hash_t
pattern_hash(PyObject *op)
{
    PatternObject *self = (PatternObject *)op;
    Py_hash_t hash = PyObject_Hash(self->pattern);
    if (hash == -1) {
        return -1;
    }
    hash ^= (Py_hash_t)self->flags * 1000003;
    return hash == -1 ? -2 : hash;
}

static PyObject *
pattern_get_pattern(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((PatternObject *)op)->pattern);
}

static PyObject *
pattern_get_flags(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(((PatternObject *)op)->flags);
}

static PyObject *
pattern_get_groups(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(((PatternObject *)op)->prog.ngroups);
}

static PyObject *
pattern_get_groupindex(PyObject *op, void *Py_UNUSED(closure))
{
    /* A read-only view: the dict itself is never handed out. */
    return PyDictProxy_New(((PatternObject *)op)->groupindex);
}

static PyObject *
pattern_get_code(PyObject *op, void *Py_UNUSED(closure))
{
    const SreProgram *prog = &((PatternObject *)op)->prog;
    PyObject *list = PyList_New(prog->length);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < prog->length; i++) {
        PyObject *word = PyLong_FromUnsignedLong(prog->code[i]);
        if (word == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, word);
    }
    return list;
}


static PyMethodDef pattern_methods[] = {
    {"match", KWFUNC(pattern_match), KW,
     "match($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", KWFUNC(pattern_fullmatch), KW,
     "fullmatch($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "Matches against all of the string."},
    {"search", KWFUNC(pattern_search), KW,
     "search($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "Scan through string looking for a match, and return a corresponding\n"
     "match object instance.\n\nReturn None if no position in the string "
     "matches."},
    {"findall", KWFUNC(pattern_findall), KW,
     "findall($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", KWFUNC(pattern_finditer), KW,
     "finditer($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "Return an iterator over all non-overlapping matches for the RE\n"
     "pattern in string.\n\nFor each match, the iterator returns a match "
     "object."},
    {"split", KWFUNC(pattern_split), KW,
     "split($self, /, string, maxsplit=0)\n--\n\n"
     "Split string by the occurrences of pattern."},
    {"sub", KWFUNC(pattern_sub), KW,
     "sub($self, /, repl, string, count=0)\n--\n\n"
     "Return the string obtained by replacing the leftmost non-overlapping\n"
     "occurrences of pattern in string by the replacement repl."},
    {"subn", KWFUNC(pattern_subn), KW,
     "subn($self, /, repl, string, count=0)\n--\n\n"
     "Return the tuple (new_string, number_of_subs_made) found by replacing\n"
     "the leftmost non-overlapping occurrences of pattern with the\n"
     "replacement repl."},
    {"scanner", KWFUNC(pattern_scanner), KW,
     "scanner($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n"
     "An object whose match() and search() step through string."},
    {"__copy__", return_self, METH_NOARGS, "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", return_self, METH_O, "__deepcopy__($self, memo, /)\n--\n\n"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef pattern_getset[] = {
    {"pattern", pattern_get_pattern, NULL,
     "The pattern string from which the RE object was compiled.", NULL},
    {"flags", pattern_get_flags, NULL, "The regex matching flags.", NULL},
    {"groups", pattern_get_groups, NULL,
     "The number of capturing groups in the pattern.", NULL},
    {"groupindex", pattern_get_groupindex, NULL,
     "A dictionary mapping group names to group numbers.", NULL},
    {"_code", pattern_get_code, NULL, "the program, as a new list", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Pattern_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(PatternObject),
    .tp_dealloc = pattern_dealloc,
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Compiled regular expression object.",
    .tp_richcompare = pattern_richcompare,
    .tp_weaklistoffset = offsetof(PatternObject, weakreflist),
    .tp_methods = pattern_methods,
    .tp_getset = pattern_getset,
    .tp_free = PyObject_Free,
};

/* Copy the code words out of a sequence of ints into a fresh array. */
static SreCode *
code_from_sequence(PyObject *seq, Py_ssize_t *length)
{
    PyObject *fast = PySequence_Fast(seq, "code must be a sequence of ints");
    SreCode *code;
    Py_ssize_t n;
    if (fast == NULL) {
        return NULL;
    }
    n = PySequence_Fast_GET_SIZE(fast);
    code = PyMem_Malloc(sizeof(SreCode) * (n ? n : 1));
    if (code == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned long word = PyLong_AsUnsignedLong(PySequence_Fast_GET_ITEM(fast, i));
        if (word == (unsigned long)-1 && PyErr_Occurred()) {
            goto error;
        }
        if (word > 0xFFFFFFFFUL) {
            PyErr_SetString(PyExc_OverflowError, "code word out of range");
            goto error;
        }
        code[i] = (SreCode)word;
    }
    Py_DECREF(fast);
    *length = n;
    return code;

error:
    Py_DECREF(fast);
    PyMem_Free(code);
    return NULL;
}

/* compile(pattern, flags, code, groups, groupindex, indexgroup,
           prefix_char=-1, anchored=False) -> Pattern

   The Pattern is complete before it is returned and never changes
   afterwards. */
static PyObject *
sre_compile(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"pattern", "flags", "code", "groups", "groupindex",
                             "indexgroup", "prefix_char", "anchored", NULL};
    PyObject *pattern, *code, *groupindex, *indexgroup;
    long flags;
    Py_ssize_t groups, prefix = -1;
    int anchored = 0;
    PatternObject *self;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OlOnO!O!|np:compile", kwlist,
                                     &pattern, &flags, &code, &groups,
                                     &PyDict_Type, &groupindex,
                                     &PyTuple_Type, &indexgroup,
                                     &prefix, &anchored)) {
        return NULL;
    }
    if (groups < 0 || groups > SRE_MAXGROUPS) {
        PyErr_SetString(PyExc_ValueError, "bad group count");
        return NULL;
    }
    self = PyObject_New(PatternObject, &Pattern_Type);
    if (self == NULL) {
        return NULL;
    }
    self->prog.code = NULL;
    self->prog.set_map_of = NULL;
    self->prog.set_maps = NULL;
    self->pattern = Py_NewRef(pattern);
    self->groupindex = PyDict_Copy(groupindex);
    self->indexgroup = Py_NewRef(indexgroup);
    self->flags = flags;
    self->isbytes = !PyUnicode_Check(pattern);
    self->weakreflist = NULL;
    if (self->groupindex == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->prog.code = code_from_sequence(code, &self->prog.length);
    if (self->prog.code == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->prog.ngroups = groups;
    self->prog.prefix_char = prefix < 0 || prefix > 0x10FFFF ? -1 : prefix;
    self->prog.anchored = anchored;
    if (_PySre_CheckProgram(&self->prog) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* ---- module functions ------------------------------------------------ */

static PyObject *
sre_fold(PyObject *Py_UNUSED(module), PyObject *args)
{
    unsigned long ch;
    int casemode;
    if (!PyArg_ParseTuple(args, "ki:fold", &ch, &casemode)) {
        return NULL;
    }
    if (ch > 0x10FFFF || casemode < SRE_KIND_ASCII || casemode > SRE_KIND_LOCALE) {
        PyErr_SetString(PyExc_ValueError, "bad character or case mode");
        return NULL;
    }
    return PyLong_FromUnsignedLong(_PySre_Fold((Py_UCS4)ch, casemode));
}

/* lookup_name(name) -> int: the code point of a Unicode character name
   or alias, as \N{name} in a pattern; KeyError if there is none. */
static PyObject *
sre_lookup_name(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_ssize_t size;
    const char *name;
    Py_UCS4 ch;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "lookup_name() argument must be str");
        return NULL;
    }
    name = PyUnicode_AsUTF8AndSize(arg, &size);
    if (name == NULL) {
        return NULL;
    }
    if (!_PyUnicode_LookupName(name, (size_t)size, 1, &ch)) {
        PyErr_SetObject(PyExc_KeyError, arg);
        return NULL;
    }
    return PyLong_FromUnsignedLong(ch);
}

static PyMethodDef sre_methods[] = {
    {"compile", KWFUNC(sre_compile), KW,
     "compile($module, /, pattern, flags, code, groups, groupindex,\n"
     "        indexgroup, prefix_char=-1, anchored=False)\n--\n\n"
     "Check a program made by re._compiler and wrap it in a Pattern."},
    {"fold", sre_fold, METH_VARARGS,
     "fold($module, ch, casemode, /)\n--\n\n"
     "The case-insensitive key of a code point."},
    {"lookup_name", sre_lookup_name, METH_O,
     "lookup_name($module, name, /)\n--\n\n"
     "The code point with this Unicode name."},
    {NULL, NULL, 0, NULL},
};

static int
sre_exec(PyObject *module)
{
    PyTypeObject *types[] = {&Pattern_Type, &Match_Type, &Scanner_Type};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "Pattern", (PyObject *)&Pattern_Type) < 0 ||
        PyModule_AddObjectRef(module, "Match", (PyObject *)&Match_Type) < 0 ||
        PyModule_AddObjectRef(module, "SRE_Scanner", (PyObject *)&Scanner_Type) < 0 ||
        PyModule_Add(module, "MAXREPEAT",
                     PyLong_FromUnsignedLong(SRE_MAXREPEAT)) < 0 ||
        PyModule_Add(module, "MAXGROUPS", PyLong_FromLong(SRE_MAXGROUPS)) < 0 ||
        PyModule_Add(module, "CODESIZE", PyLong_FromLong(sizeof(SreCode))) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot sre_slots[] = {
    {Py_mod_exec, sre_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef sre_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_sre",
    .m_doc = "The regular expression engine behind the re package.",
    .m_size = 0,
    .m_methods = sre_methods,
    .m_slots = sre_slots,
};

PyMODINIT_FUNC
PyInit__sre(void)
{
    return PyModuleDef_Init(&sre_module);
}
