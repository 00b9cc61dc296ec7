/* The _curses module: the core of curses (terminal screens, windows,
   keyboard input and colours) on the system ncursesw, behind
   Lib/curses.

   Thread safety: ncurses keeps global state (the screen, the terminal
   modes, the colour tables) and is not safe to call from two threads
   at once, so every ncurses call here happens with `curses_mutex` held,
   in both builds.  A blocking read (getch) keeps holding it, detached,
   so other threads' curses calls wait for the key; the mutex is always
   waited for detached.  Windows are freed under the mutex too, so no
   Python object is made or freed while it is held: a collection run by
   an allocation could free a window and take the mutex again. */
#include "Python.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#ifdef HAVE_LIBNCURSESW

#include "pycore_lock.h"

#include <curses.h>
#include <string.h>

static PyMutex curses_mutex;
static PyObject *CursesError;        /* created once by the module's exec */
static PyObject *curses_module;      /* for LINES/COLS/COLORS; strong */
static int initialised;              /* initscr() has run; mutex held */
static int colors_started;           /* start_color() has run; mutex held */

#define LOCK() _PyMutex_LockDetached(&curses_mutex)
#define UNLOCK() PyMutex_Unlock(&curses_mutex)

typedef struct {
    PyObject_HEAD
    WINDOW *win;                /* owned unless it is stdscr */
    PyObject *parent;           /* window a subwindow lives in, or NULL */
} WindowObject;

static PyTypeObject Window_Type;

/* The result of an ncurses call that returns OK or ERR, as None or
   curses.error naming the function. */
static PyObject *check(int code, const char *fname)
{
    if (code == ERR) {
        PyErr_Format(CursesError, "%s() returned ERR", fname);
        return NULL;
    }
    Py_RETURN_NONE;
}

static int require_initscr(void)
{
    if (!initialised) {
        PyErr_SetString(CursesError, "must call initscr() first");
        return -1;
    }
    return 0;
}

static PyObject *new_window(WINDOW *win, PyObject *parent)
{
    WindowObject *w = PyObject_New(WindowObject, &Window_Type);
    if (w == NULL) {
        LOCK();
        delwin(win);
        UNLOCK();
        return NULL;
    }
    w->win = win;
    w->parent = Py_XNewRef(parent);
    return (PyObject *)w;
}

static void window_dealloc(PyObject *op)
{
    WindowObject *w = (WindowObject *)op;
    LOCK();
    if (w->win != NULL && w->win != stdscr) {
        delwin(w->win);
    }
    UNLOCK();
    Py_XDECREF(w->parent);
    PyObject_Free(op);
}

/* ---- arguments ---------------------------------------------------------- */

/* Text for the terminal: str in the locale's encoding, or bytes.  New
   reference to a bytes object. */
static PyObject *text_bytes(PyObject *obj)
{
    if (PyUnicode_Check(obj)) {
        return PyUnicode_EncodeLocale(obj, "strict");
    }
    if (PyBytes_Check(obj)) {
        return Py_NewRef(obj);
    }
    PyErr_Format(PyExc_TypeError, "expect str or bytes, got %.100s",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

static int as_int(PyObject *obj, int *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < INT_MIN || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value out of range of C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int as_attr(PyObject *obj, attr_t *out)
{
    unsigned long v = PyLong_AsUnsignedLongMask(obj);
    if (v == (unsigned long)-1 && PyErr_Occurred()) {
        return -1;
    }
    *out = (attr_t)v;
    return 0;
}

/* Split the "[y, x,] middle... [, attr]" arguments of the output
   methods: `fixed` is how many middle arguments there are.  *has_yx and
   *has_attr say which optional parts were given. */
static int split_args(const char *fname, PyObject *args, int fixed,
                      int *has_yx, int *y, int *x, PyObject **middle,
                      int *has_attr, attr_t *attr)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < fixed || n > fixed + 3) {
        PyErr_Format(PyExc_TypeError, "%s requires %d to %d arguments",
                     fname, fixed, fixed + 3);
        return -1;
    }
    /* With 2 extra arguments they are y and x; with 1, it is attr. */
    *has_yx = n >= fixed + 2;
    *has_attr = n == fixed + 1 || n == fixed + 3;
    Py_ssize_t first = *has_yx ? 2 : 0;
    if (*has_yx && (as_int(PyTuple_GET_ITEM(args, 0), y) < 0
                    || as_int(PyTuple_GET_ITEM(args, 1), x) < 0)) {
        return -1;
    }
    for (int i = 0; i < fixed; i++) {
        middle[i] = PyTuple_GET_ITEM(args, first + i);
    }
    if (*has_attr && as_attr(PyTuple_GET_ITEM(args, n - 1), attr) < 0) {
        return -1;
    }
    return 0;
}

/* ---- output ------------------------------------------------------------- */

/* Write text (len bytes, all when negative) at the cursor or (y, x),
   with `attr` when has_attr.  Mutex held. */
static int put_text(WINDOW *win, int has_yx, int y, int x, const char *s,
                    int len, int has_attr, attr_t attr)
{
    attr_t saved_attrs = 0;
    short saved_pair = 0;
    if (has_attr) {
        wattr_get(win, &saved_attrs, &saved_pair, NULL);
        wattrset(win, (int)attr);
    }
    int code = has_yx ? mvwaddnstr(win, y, x, s, len)
                      : waddnstr(win, s, len);
    if (has_attr) {
        wattr_set(win, saved_attrs, saved_pair, NULL);
    }
    return code;
}

static PyObject *add_text(PyObject *op, PyObject *args, const char *fname,
                          int with_count)
{
    WindowObject *w = (WindowObject *)op;
    PyObject *middle[2];
    int has_yx, y = 0, x = 0, has_attr, count = -1;
    attr_t attr = 0;
    if (split_args(fname, args, with_count ? 2 : 1, &has_yx, &y, &x,
                   middle, &has_attr, &attr) < 0) {
        return NULL;
    }
    if (with_count && as_int(middle[1], &count) < 0) {
        return NULL;
    }
    PyObject *bytes = text_bytes(middle[0]);
    if (bytes == NULL) {
        return NULL;
    }
    if (PyBytes_GET_SIZE(bytes) > INT_MAX) {
        Py_DECREF(bytes);
        PyErr_SetString(PyExc_OverflowError, "string too long");
        return NULL;
    }
    int len = (int)PyBytes_GET_SIZE(bytes);
    if (count >= 0 && count < len) {
        len = count;
    }
    LOCK();
    int code = put_text(w->win, has_yx, y, x, PyBytes_AS_STRING(bytes), len,
                        has_attr, attr);
    UNLOCK();
    Py_DECREF(bytes);
    return check(code, fname);
}

static PyObject *window_addstr(PyObject *op, PyObject *args)
{
    return add_text(op, args, "addstr", 0);
}

static PyObject *window_addnstr(PyObject *op, PyObject *args)
{
    return add_text(op, args, "addnstr", 1);
}

static PyObject *window_addch(PyObject *op, PyObject *args)
{
    WindowObject *w = (WindowObject *)op;
    PyObject *ch;
    int has_yx, y = 0, x = 0, has_attr;
    attr_t attr = 0;
    if (split_args("addch", args, 1, &has_yx, &y, &x, &ch, &has_attr,
                   &attr) < 0) {
        return NULL;
    }
    if (PyLong_Check(ch)) {
        attr_t value;
        if (as_attr(ch, &value) < 0) {
            return NULL;
        }
        LOCK();
        int code = has_yx ? mvwaddch(w->win, y, x, value | attr)
                          : waddch(w->win, value | attr);
        UNLOCK();
        return check(code, "addch");
    }
    if (!((PyUnicode_Check(ch) && PyUnicode_GET_LENGTH(ch) == 1)
          || (PyBytes_Check(ch) && PyBytes_GET_SIZE(ch) == 1))) {
        PyErr_SetString(PyExc_TypeError,
                        "expect int or str of length 1, or bytes of "
                        "length 1");
        return NULL;
    }
    PyObject *bytes = text_bytes(ch);
    if (bytes == NULL) {
        return NULL;
    }
    LOCK();
    int code = put_text(w->win, has_yx, y, x, PyBytes_AS_STRING(bytes),
                        (int)PyBytes_GET_SIZE(bytes), has_attr, attr);
    UNLOCK();
    Py_DECREF(bytes);
    return check(code, "addch");
}

/* ---- input -------------------------------------------------------------- */

/* The name of key `key` copied out of ncurses' static buffer. */
static void copy_keyname(int key, char *buf, size_t size)
{
    LOCK();
    const char *name = keyname(key);
    PyOS_snprintf(buf, size, "%s", name ? name : "");
    UNLOCK();
}

/* wgetch at the cursor or after moving to (y, x).  The mutex is held,
   detached, while waiting for the key. */
static int read_key(WindowObject *w, PyObject *args, const char *fname,
                    int *key)
{
    int y = 0, x = 0;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n != 0 && n != 2) {
        PyErr_Format(PyExc_TypeError, "%s requires 0 or 2 arguments", fname);
        return -1;
    }
    if (n == 2 && (as_int(PyTuple_GET_ITEM(args, 0), &y) < 0
                   || as_int(PyTuple_GET_ITEM(args, 1), &x) < 0)) {
        return -1;
    }
    LOCK();
    int ch;
    Py_BEGIN_ALLOW_THREADS
    ch = n == 2 ? mvwgetch(w->win, y, x) : wgetch(w->win);
    Py_END_ALLOW_THREADS
    UNLOCK();
    *key = ch;
    return 0;
}

static PyObject *window_getch(PyObject *op, PyObject *args)
{
    int key;
    if (read_key((WindowObject *)op, args, "getch", &key) < 0) {
        return NULL;
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    return PyLong_FromLong(key);
}

static PyObject *window_getkey(PyObject *op, PyObject *args)
{
    int key;
    if (read_key((WindowObject *)op, args, "getkey", &key) < 0) {
        return NULL;
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    if (key == ERR) {
        PyErr_SetString(CursesError, "no input");
        return NULL;
    }
    if (key > 255) {
        char name[64];
        copy_keyname(key, name, sizeof(name));
        return PyUnicode_FromString(name);
    }
    return PyUnicode_FromOrdinal(key);
}

/* ---- window state ------------------------------------------------------- */

/* Methods that run one ncurses call on the window and report ERR. */
#define WINDOW_VOID(name, call) \
    static PyObject *window_##name(PyObject *op, PyObject *Py_UNUSED(a)) \
    { \
        WINDOW *win = ((WindowObject *)op)->win; \
        LOCK(); \
        int code = call; \
        UNLOCK(); \
        return check(code, #name); \
    }

WINDOW_VOID(refresh, wrefresh(win))
WINDOW_VOID(noutrefresh, wnoutrefresh(win))
WINDOW_VOID(clear, wclear(win))
WINDOW_VOID(erase, werase(win))
WINDOW_VOID(clrtoeol, wclrtoeol(win))
WINDOW_VOID(clrtobot, wclrtobot(win))

/* Methods taking one flag or number and running one call. */
#define WINDOW_INT(name, call) \
    static PyObject *window_##name(PyObject *op, PyObject *arg) \
    { \
        WINDOW *win = ((WindowObject *)op)->win; \
        int value; \
        if (as_int(arg, &value) < 0) { \
            return NULL; \
        } \
        LOCK(); \
        int code = call; \
        UNLOCK(); \
        return check(code, #name); \
    }

WINDOW_INT(keypad, keypad(win, value != 0))
WINDOW_INT(nodelay, nodelay(win, value != 0))
WINDOW_INT(scrollok, scrollok(win, value != 0))
WINDOW_INT(attron, wattron(win, value))
WINDOW_INT(attroff, wattroff(win, value))
WINDOW_INT(attrset, wattrset(win, value))

static PyObject *window_timeout(PyObject *op, PyObject *arg)
{
    int delay;
    if (as_int(arg, &delay) < 0) {
        return NULL;
    }
    LOCK();
    wtimeout(((WindowObject *)op)->win, delay);
    UNLOCK();
    Py_RETURN_NONE;
}

static PyObject *window_move(PyObject *op, PyObject *args)
{
    int y, x;
    if (!PyArg_ParseTuple(args, "ii:move", &y, &x)) {
        return NULL;
    }
    LOCK();
    int code = wmove(((WindowObject *)op)->win, y, x);
    UNLOCK();
    return check(code, "move");
}

/* getyx, getmaxyx, getbegyx: a pair of coordinates. */
#define WINDOW_YX(name, macro) \
    static PyObject *window_##name(PyObject *op, PyObject *Py_UNUSED(a)) \
    { \
        WINDOW *win = ((WindowObject *)op)->win; \
        int y, x; \
        LOCK(); \
        macro(win, y, x); \
        UNLOCK(); \
        return Py_BuildValue("(ii)", y, x); \
    }

WINDOW_YX(getyx, getyx)
WINDOW_YX(getmaxyx, getmaxyx)
WINDOW_YX(getbegyx, getbegyx)

static PyObject *window_bkgd(PyObject *op, PyObject *args)
{
    PyObject *ch;
    attr_t attr = A_NORMAL, value;
    unsigned long a = A_NORMAL;
    if (!PyArg_ParseTuple(args, "O|k:bkgd", &ch, &a)) {
        return NULL;
    }
    attr = (attr_t)a;
    if (PyLong_Check(ch)) {
        if (as_attr(ch, &value) < 0) {
            return NULL;
        }
    }
    else if (PyUnicode_Check(ch) && PyUnicode_GET_LENGTH(ch) == 1
             && PyUnicode_READ_CHAR(ch, 0) < 128) {
        value = (attr_t)PyUnicode_READ_CHAR(ch, 0);
    }
    else {
        PyErr_SetString(PyExc_TypeError,
                        "expect int or ASCII str of length 1");
        return NULL;
    }
    LOCK();
    int code = wbkgd(((WindowObject *)op)->win, value | attr);
    UNLOCK();
    return check(code, "bkgd");
}

static PyObject *window_border(PyObject *op, PyObject *args)
{
    attr_t ch[8] = {0};
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 8) {
        PyErr_SetString(PyExc_TypeError, "border requires 0 to 8 arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        if (PyUnicode_Check(item) && PyUnicode_GET_LENGTH(item) == 1) {
            ch[i] = (attr_t)PyUnicode_READ_CHAR(item, 0);
        }
        else if (as_attr(item, &ch[i]) < 0) {
            return NULL;
        }
    }
    LOCK();
    int code = wborder(((WindowObject *)op)->win, ch[0], ch[1], ch[2], ch[3],
                       ch[4], ch[5], ch[6], ch[7]);
    UNLOCK();
    return check(code, "border");
}

static PyObject *window_box(PyObject *op, PyObject *args)
{
    unsigned long vert = 0, horiz = 0;
    if (!PyArg_ParseTuple(args, "|kk:box", &vert, &horiz)) {
        return NULL;
    }
    LOCK();
    int code = box(((WindowObject *)op)->win, (chtype)vert, (chtype)horiz);
    UNLOCK();
    return check(code, "box");
}

/* instr([y, x,] [n]): the bytes on the screen from the cursor. */
static PyObject *window_instr(PyObject *op, PyObject *args)
{
    int y = 0, x = 0, n = 1023;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 || nargs == 3) {
        if (as_int(PyTuple_GET_ITEM(args, nargs - 1), &n) < 0) {
            return NULL;
        }
    }
    else if (nargs != 0 && nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "instr requires 0 to 3 arguments");
        return NULL;
    }
    if (nargs >= 2 && (as_int(PyTuple_GET_ITEM(args, 0), &y) < 0
                       || as_int(PyTuple_GET_ITEM(args, 1), &x) < 0)) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "'n' must be nonnegative");
        return NULL;
    }
    if (n > 1023) {
        n = 1023;
    }
    char buf[1024];
    LOCK();
    int code = nargs >= 2 ? mvwinnstr(((WindowObject *)op)->win, y, x, buf, n)
                          : winnstr(((WindowObject *)op)->win, buf, n);
    UNLOCK();
    if (code == ERR) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    return PyBytes_FromStringAndSize(buf, code);
}

static PyObject *window_subwin(PyObject *op, PyObject *args)
{
    WindowObject *w = (WindowObject *)op;
    int nlines = 0, ncols = 0, begin_y, begin_x;
    if (PyTuple_GET_SIZE(args) == 2) {
        if (!PyArg_ParseTuple(args, "ii:subwin", &begin_y, &begin_x)) {
            return NULL;
        }
    }
    else if (!PyArg_ParseTuple(args, "iiii:subwin", &nlines, &ncols,
                                &begin_y, &begin_x)) {
        return NULL;
    }
    LOCK();
    WINDOW *win = subwin(w->win, nlines, ncols, begin_y, begin_x);
    UNLOCK();
    if (win == NULL) {
        PyErr_SetString(CursesError, "curses function returned NULL");
        return NULL;
    }
    return new_window(win, op);
}

static PyMethodDef window_methods[] = {
    {"addstr", window_addstr, METH_VARARGS,
     "addstr([y, x,] str[, attr])\nWrite str at (y, x) or the cursor."},
    {"addnstr", window_addnstr, METH_VARARGS,
     "addnstr([y, x,] str, n[, attr])\nWrite at most n bytes of str."},
    {"addch", window_addch, METH_VARARGS,
     "addch([y, x,] ch[, attr])\nWrite one character."},
    {"getch", window_getch, METH_VARARGS,
     "getch([y, x])\nRead a key; an int (-1 when none in no-delay mode)."},
    {"getkey", window_getkey, METH_VARARGS,
     "getkey([y, x])\nRead a key; its character or its key name."},
    {"refresh", window_refresh, METH_NOARGS,
     "refresh()\nShow the window's changes on the terminal."},
    {"noutrefresh", window_noutrefresh, METH_NOARGS,
     "noutrefresh()\nMark changes for the next doupdate()."},
    {"clear", window_clear, METH_NOARGS,
     "clear()\nErase the window and repaint it entirely next refresh."},
    {"erase", window_erase, METH_NOARGS, "erase()\nErase the window."},
    {"clrtoeol", window_clrtoeol, METH_NOARGS,
     "clrtoeol()\nErase from the cursor to the end of the line."},
    {"clrtobot", window_clrtobot, METH_NOARGS,
     "clrtobot()\nErase from the cursor to the end of the window."},
    {"keypad", window_keypad, METH_O,
     "keypad(flag)\nReturn function keys as single KEY_* values."},
    {"nodelay", window_nodelay, METH_O,
     "nodelay(flag)\nMake getch() return -1 when no key is waiting."},
    {"scrollok", window_scrollok, METH_O,
     "scrollok(flag)\nScroll when output passes the bottom line."},
    {"timeout", window_timeout, METH_O,
     "timeout(delay)\nWait at most delay ms in getch (negative: forever)."},
    {"attron", window_attron, METH_O, "attron(attr)\nTurn attributes on."},
    {"attroff", window_attroff, METH_O,
     "attroff(attr)\nTurn attributes off."},
    {"attrset", window_attrset, METH_O,
     "attrset(attr)\nSet the attributes."},
    {"move", window_move, METH_VARARGS, "move(y, x)\nMove the cursor."},
    {"getyx", window_getyx, METH_NOARGS,
     "getyx()\nThe cursor position (y, x)."},
    {"getmaxyx", window_getmaxyx, METH_NOARGS,
     "getmaxyx()\nThe window's size (lines, columns)."},
    {"getbegyx", window_getbegyx, METH_NOARGS,
     "getbegyx()\nThe window's upper-left corner (y, x)."},
    {"bkgd", window_bkgd, METH_VARARGS,
     "bkgd(ch[, attr])\nSet the background and apply it everywhere."},
    {"border", window_border, METH_VARARGS,
     "border([ls[, rs[, ts[, bs[, tl[, tr[, bl[, br]]]]]]]])\n"
     "Draw a border; 0 means the default character."},
    {"box", window_box, METH_VARARGS,
     "box([vertch, horch])\nDraw a border with the default corners."},
    {"instr", window_instr, METH_VARARGS,
     "instr([y, x,] [n])\nThe bytes shown from (y, x) or the cursor."},
    {"subwin", window_subwin, METH_VARARGS,
     "subwin([nlines, ncols,] begin_y, begin_x)\n"
     "A window sharing this one's characters."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Window_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_curses.window",
    .tp_basicsize = sizeof(WindowObject),
    .tp_dealloc = window_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A curses window: a rectangle of the screen.",
    .tp_methods = window_methods,
};

/* ---- module functions --------------------------------------------------- */

static int set_module_int(const char *name, long value)
{
    LOCK();
    PyObject *module = Py_XNewRef(curses_module);
    UNLOCK();
    int status = module == NULL
        ? 0 : PyModule_AddIntConstant(module, name, value);
    Py_XDECREF(module);
    return status;
}

static PyObject *curses_initscr(PyObject *m, PyObject *Py_UNUSED(a))
{
    LOCK();
    if (initialised) {
        wrefresh(stdscr);
        UNLOCK();
        return new_window(stdscr, NULL);
    }
    /* initscr() exits the process on failure: newterm reports it. */
    const char *term = getenv("TERM");
    SCREEN *screen = newterm(term, stdout, stdin);
    if (screen == NULL) {
        UNLOCK();
        PyErr_SetString(CursesError, "setupterm: could not find terminal");
        return NULL;
    }
    initialised = 1;
    int lines = LINES, cols = COLS;
    UNLOCK();
    if (set_module_int("LINES", lines) < 0
        || set_module_int("COLS", cols) < 0) {
        return NULL;
    }
    return new_window(stdscr, NULL);
}

static PyObject *curses_isendwin(PyObject *m, PyObject *Py_UNUSED(a))
{
    LOCK();
    int result = initialised && isendwin();
    UNLOCK();
    return PyBool_FromLong(result);
}

static PyObject *curses_newwin(PyObject *m, PyObject *args)
{
    int nlines, ncols, begin_y = 0, begin_x = 0;
    if (!PyArg_ParseTuple(args, "ii|ii:newwin", &nlines, &ncols, &begin_y,
                          &begin_x)) {
        return NULL;
    }
    if (require_initscr() < 0) {
        return NULL;
    }
    LOCK();
    WINDOW *win = newwin(nlines, ncols, begin_y, begin_x);
    UNLOCK();
    if (win == NULL) {
        PyErr_SetString(CursesError, "curses function returned NULL");
        return NULL;
    }
    return new_window(win, NULL);
}

/* Terminal-mode switches: flag=True calls `on`, False `off`. */
#define MODE_FUNCTION(name, on, off) \
    static PyObject *curses_##name(PyObject *m, PyObject *args) \
    { \
        int flag = 1; \
        if (!PyArg_ParseTuple(args, "|p:" #name, &flag)) { \
            return NULL; \
        } \
        if (require_initscr() < 0) { \
            return NULL; \
        } \
        LOCK(); \
        int code = flag ? on() : off(); \
        UNLOCK(); \
        return check(code, #name); \
    }

MODE_FUNCTION(cbreak, cbreak, nocbreak)
MODE_FUNCTION(echo, echo, noecho)
MODE_FUNCTION(raw, raw, noraw)
MODE_FUNCTION(nl, nl, nonl)

#define SIMPLE_FUNCTION(name, call) \
    static PyObject *curses_##name(PyObject *m, PyObject *Py_UNUSED(a)) \
    { \
        if (require_initscr() < 0) { \
            return NULL; \
        } \
        LOCK(); \
        int code = call; \
        UNLOCK(); \
        return check(code, #name); \
    }

SIMPLE_FUNCTION(endwin, endwin())
SIMPLE_FUNCTION(nocbreak, nocbreak())
SIMPLE_FUNCTION(noecho, noecho())
SIMPLE_FUNCTION(noraw, noraw())
SIMPLE_FUNCTION(nonl, nonl())
SIMPLE_FUNCTION(beep, beep())
SIMPLE_FUNCTION(flash, flash())
SIMPLE_FUNCTION(doupdate, doupdate())
SIMPLE_FUNCTION(use_default_colors, use_default_colors())

static PyObject *curses_curs_set(PyObject *m, PyObject *arg)
{
    int visibility;
    if (as_int(arg, &visibility) < 0 || require_initscr() < 0) {
        return NULL;
    }
    LOCK();
    int previous = curs_set(visibility);
    UNLOCK();
    if (previous == ERR) {
        return check(ERR, "curs_set");
    }
    return PyLong_FromLong(previous);
}

static PyObject *curses_napms(PyObject *m, PyObject *arg)
{
    int ms;
    if (as_int(arg, &ms) < 0) {
        return NULL;
    }
    int code;
    Py_BEGIN_ALLOW_THREADS
    code = napms(ms);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(code);
}

/* Terminal capabilities, answered as a bool. */
#define QUERY_FUNCTION(name) \
    static PyObject *curses_##name(PyObject *m, PyObject *Py_UNUSED(a)) \
    { \
        if (require_initscr() < 0) { \
            return NULL; \
        } \
        LOCK(); \
        int result = name(); \
        UNLOCK(); \
        return PyBool_FromLong(result); \
    }

QUERY_FUNCTION(has_colors)
QUERY_FUNCTION(can_change_color)

static PyObject *curses_start_color(PyObject *m, PyObject *Py_UNUSED(a))
{
    if (require_initscr() < 0) {
        return NULL;
    }
    LOCK();
    int code = start_color();
    if (code != ERR) {
        colors_started = 1;
    }
    int colors = COLORS, pairs = COLOR_PAIRS;
    UNLOCK();
    if (code == ERR) {
        return check(code, "start_color");
    }
    if (set_module_int("COLORS", colors) < 0
        || set_module_int("COLOR_PAIRS", pairs) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static int require_colors(void)
{
    if (require_initscr() < 0) {
        return -1;
    }
    if (!colors_started) {
        PyErr_SetString(CursesError, "must call start_color() first");
        return -1;
    }
    return 0;
}

static PyObject *curses_init_pair(PyObject *m, PyObject *args)
{
    int pair, fg, bg;
    if (!PyArg_ParseTuple(args, "iii:init_pair", &pair, &fg, &bg)) {
        return NULL;
    }
    if (require_colors() < 0) {
        return NULL;
    }
    LOCK();
    int pairs = COLOR_PAIRS, colors = COLORS;
    int code = ERR;
    if (pair >= 1 && pair < pairs && fg >= -1 && fg < colors
        && bg >= -1 && bg < colors) {
        code = init_pair((short)pair, (short)fg, (short)bg);
    }
    UNLOCK();
    if (pair < 1 || pair >= pairs) {
        PyErr_Format(PyExc_ValueError,
                     "Color pair is greater than COLOR_PAIRS-1 (%d).",
                     pairs - 1);
        return NULL;
    }
    if (fg < -1 || fg >= colors || bg < -1 || bg >= colors) {
        PyErr_Format(PyExc_ValueError,
                     "Color number is greater than COLORS-1 (%d).",
                     colors - 1);
        return NULL;
    }
    return check(code, "init_pair");
}

static PyObject *curses_pair_content(PyObject *m, PyObject *arg)
{
    int pair;
    if (as_int(arg, &pair) < 0 || require_colors() < 0) {
        return NULL;
    }
    short fg, bg;
    LOCK();
    int code = pair >= 0 && pair < COLOR_PAIRS
        ? pair_content((short)pair, &fg, &bg) : ERR;
    UNLOCK();
    if (code == ERR) {
        PyErr_SetString(CursesError, "Argument 1 was out of range. "
                        "(0..COLOR_PAIRS-1)");
        return NULL;
    }
    return Py_BuildValue("(ii)", fg, bg);
}

static PyObject *curses_color_pair(PyObject *m, PyObject *arg)
{
    int pair;
    if (as_int(arg, &pair) < 0 || require_initscr() < 0) {
        return NULL;
    }
    return PyLong_FromLong((long)COLOR_PAIR(pair));
}

static PyObject *curses_pair_number(PyObject *m, PyObject *arg)
{
    attr_t attr;
    if (as_attr(arg, &attr) < 0 || require_initscr() < 0) {
        return NULL;
    }
    return PyLong_FromLong((long)PAIR_NUMBER(attr));
}

static PyObject *curses_keyname(PyObject *m, PyObject *arg)
{
    int key;
    if (as_int(arg, &key) < 0 || require_initscr() < 0) {
        return NULL;
    }
    if (key < 0) {
        PyErr_SetString(PyExc_ValueError, "invalid key number");
        return NULL;
    }
    char name[64];
    copy_keyname(key, name, sizeof(name));
    return PyBytes_FromString(name);
}

static PyMethodDef curses_functions[] = {
    {"initscr", curses_initscr, METH_NOARGS,
     "initscr()\nSet up the terminal; return the whole-screen window."},
    {"endwin", curses_endwin, METH_NOARGS,
     "endwin()\nGive the terminal back to normal mode."},
    {"isendwin", curses_isendwin, METH_NOARGS,
     "isendwin()\nTrue if endwin() was called (and no refresh since)."},
    {"newwin", curses_newwin, METH_VARARGS,
     "newwin(nlines, ncols[, begin_y, begin_x])\nA new window."},
    {"cbreak", curses_cbreak, METH_VARARGS,
     "cbreak(flag=True)\nPass keys on at once, not line by line."},
    {"nocbreak", curses_nocbreak, METH_NOARGS, "nocbreak()\ncbreak(False)"},
    {"echo", curses_echo, METH_VARARGS,
     "echo(flag=True)\nShow typed keys on the screen."},
    {"noecho", curses_noecho, METH_NOARGS, "noecho()\necho(False)"},
    {"raw", curses_raw, METH_VARARGS,
     "raw(flag=True)\nPass every key on, even interrupt keys."},
    {"noraw", curses_noraw, METH_NOARGS, "noraw()\nraw(False)"},
    {"nl", curses_nl, METH_VARARGS,
     "nl(flag=True)\nTranslate the return key into newline."},
    {"nonl", curses_nonl, METH_NOARGS, "nonl()\nnl(False)"},
    {"curs_set", curses_curs_set, METH_O,
     "curs_set(visibility)\nHide (0) or show (1, 2) the cursor; return "
     "the previous state."},
    {"napms", curses_napms, METH_O, "napms(ms)\nSleep ms milliseconds."},
    {"beep", curses_beep, METH_NOARGS, "beep()\nSound the bell."},
    {"flash", curses_flash, METH_NOARGS, "flash()\nFlash the screen."},
    {"doupdate", curses_doupdate, METH_NOARGS,
     "doupdate()\nShow what noutrefresh() marked."},
    {"has_colors", curses_has_colors, METH_NOARGS,
     "has_colors()\nTrue if the terminal has colours."},
    {"can_change_color", curses_can_change_color, METH_NOARGS,
     "can_change_color()\nTrue if the colours can be redefined."},
    {"start_color", curses_start_color, METH_NOARGS,
     "start_color()\nStart using colours; sets COLORS and COLOR_PAIRS."},
    {"use_default_colors", curses_use_default_colors, METH_NOARGS,
     "use_default_colors()\nLet colour -1 mean the terminal's default."},
    {"init_pair", curses_init_pair, METH_VARARGS,
     "init_pair(pair_number, fg, bg)\nDefine a colour pair."},
    {"pair_content", curses_pair_content, METH_O,
     "pair_content(pair_number)\nThe (fg, bg) of a colour pair."},
    {"color_pair", curses_color_pair, METH_O,
     "color_pair(pair_number)\nThe attribute that selects a colour pair."},
    {"pair_number", curses_pair_number, METH_O,
     "pair_number(attr)\nThe colour pair an attribute selects."},
    {"keyname", curses_keyname, METH_O,
     "keyname(k)\nThe name of key k, as bytes."},
    {NULL, NULL, 0, NULL},
};

/* ---- module ------------------------------------------------------------- */

static int add_constants(PyObject *module)
{
    static const struct { const char *name; long value; } table[] = {
        {"OK", OK}, {"ERR", ERR},
        {"A_NORMAL", A_NORMAL}, {"A_STANDOUT", A_STANDOUT},
        {"A_UNDERLINE", A_UNDERLINE}, {"A_REVERSE", A_REVERSE},
        {"A_BLINK", A_BLINK}, {"A_DIM", A_DIM}, {"A_BOLD", A_BOLD},
        {"A_ALTCHARSET", A_ALTCHARSET}, {"A_INVIS", A_INVIS},
        {"A_PROTECT", A_PROTECT}, {"A_ITALIC", A_ITALIC},
        {"A_CHARTEXT", A_CHARTEXT}, {"A_COLOR", A_COLOR},
        {"A_ATTRIBUTES", A_ATTRIBUTES},
        {"COLOR_BLACK", COLOR_BLACK}, {"COLOR_RED", COLOR_RED},
        {"COLOR_GREEN", COLOR_GREEN}, {"COLOR_YELLOW", COLOR_YELLOW},
        {"COLOR_BLUE", COLOR_BLUE}, {"COLOR_MAGENTA", COLOR_MAGENTA},
        {"COLOR_CYAN", COLOR_CYAN}, {"COLOR_WHITE", COLOR_WHITE},
        {"KEY_MIN", KEY_MIN}, {"KEY_MAX", KEY_MAX},
        {"KEY_BREAK", KEY_BREAK}, {"KEY_DOWN", KEY_DOWN},
        {"KEY_UP", KEY_UP}, {"KEY_LEFT", KEY_LEFT},
        {"KEY_RIGHT", KEY_RIGHT}, {"KEY_HOME", KEY_HOME},
        {"KEY_BACKSPACE", KEY_BACKSPACE}, {"KEY_F0", KEY_F0},
        {"KEY_DC", KEY_DC}, {"KEY_IC", KEY_IC}, {"KEY_NPAGE", KEY_NPAGE},
        {"KEY_PPAGE", KEY_PPAGE}, {"KEY_ENTER", KEY_ENTER},
        {"KEY_END", KEY_END}, {"KEY_BTAB", KEY_BTAB},
        {"KEY_RESIZE", KEY_RESIZE}, {"KEY_MOUSE", KEY_MOUSE},
        {NULL, 0},
    };
    for (int i = 0; table[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(module, table[i].name,
                                    table[i].value) < 0) {
            return -1;
        }
    }
    for (int n = 1; n <= 63; n++) {
        char name[16];
        PyOS_snprintf(name, sizeof(name), "KEY_F%d", n);
        if (PyModule_AddIntConstant(module, name, KEY_F(n)) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyMutex init_mutex;       /* guards the creation of CursesError */

static int curses_exec(PyObject *module)
{
    _PyMutex_LockDetached(&init_mutex);
    if (CursesError == NULL) {
        CursesError = PyErr_NewException("_curses.error", NULL, NULL);
    }
    PyMutex_Unlock(&init_mutex);
    if (CursesError == NULL || PyType_Ready(&Window_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "error", CursesError) < 0
        || PyModule_AddObjectRef(module, "window",
                                 (PyObject *)&Window_Type) < 0
        || PyModule_AddStringConstant(module, "ncurses_version_string",
                                      curses_version()) < 0
        || add_constants(module) < 0) {
        return -1;
    }
    PyObject *version = Py_BuildValue("(iii)", NCURSES_VERSION_MAJOR,
                                      NCURSES_VERSION_MINOR,
                                      NCURSES_VERSION_PATCH);
    if (PyModule_Add(module, "ncurses_version", version) < 0) {
        return -1;
    }
    /* The module whose LINES/COLS/COLORS initscr() and start_color()
       set: the latest one executed.  The old one is released after the
       mutex, since freeing it may free windows. */
    LOCK();
    PyObject *old = curses_module;
    curses_module = Py_NewRef(module);
    UNLOCK();
    Py_XDECREF(old);
    return 0;
}

static PyModuleDef_Slot curses_slots[] = {
    {Py_mod_exec, curses_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef curses_moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_curses",
    .m_doc = "Terminal screens, windows and keys on the system ncursesw.",
    .m_size = 0,
    .m_methods = curses_functions,
    .m_slots = curses_slots,
};

PyMODINIT_FUNC
PyInit__curses(void)
{
    return PyModuleDef_Init(&curses_moduledef);
}

#endif /* HAVE_LIBNCURSESW */
