/* The terminal line editor behind PyOS_Readline, and the readline module
   that exposes its history and completion to Python.

   Layers, bottom up:
     - the edit buffer (_PyLineBuffer_*): UTF-8 text and a cursor;
     - display widths (wide and combining characters);
     - the history (_PyHistory_*): entered lines and browsing;
     - the editor core (_PyLineEditor_Edit): reads key bytes from a file
       descriptor, applies them to a buffer and redraws the line;
     - the terminal driver (_PyLineEditor_ReadLine): raw mode around the
       core, restored on return, at exit and on fatal signals;
     - the readline module.

   The editor runs without the GIL (PyOS_Readline detaches).  It touches
   the interpreter's history only under history_lock and calls Python (the
   completer) only after PyGILState_Ensure. */
#include "Python.h"
#include "pycore_readline.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* ---- the edit buffer ------------------------------------------------------ */

static int is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static int buffer_reserve(_PyLineBuffer *buf, size_t extra)
{
    if (buf->len + extra + 1 <= buf->cap) {
        return 0;
    }
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < buf->len + extra + 1) {
        cap *= 2;
    }
    char *text = realloc(buf->text, cap);
    if (text == NULL) {
        return -1;
    }
    buf->text = text;
    buf->cap = cap;
    return 0;
}

int _PyLineBuffer_Init(_PyLineBuffer *buf)
{
    buf->text = NULL;
    buf->len = buf->cap = buf->cursor = 0;
    if (buffer_reserve(buf, 0) < 0) {
        return -1;
    }
    buf->text[0] = '\0';
    return 0;
}

void _PyLineBuffer_Free(_PyLineBuffer *buf)
{
    free(buf->text);
    buf->text = NULL;
    buf->len = buf->cap = buf->cursor = 0;
}

int _PyLineBuffer_Set(_PyLineBuffer *buf, const char *text)
{
    size_t n = strlen(text);
    if (n + 1 > buf->cap) {
        size_t old_len = buf->len;
        buf->len = 0;
        if (buffer_reserve(buf, n) < 0) {
            buf->len = old_len;
            return -1;
        }
    }
    memcpy(buf->text, text, n + 1);
    buf->len = buf->cursor = n;
    return 0;
}

int _PyLineBuffer_Insert(_PyLineBuffer *buf, const char *bytes, size_t n)
{
    if (buffer_reserve(buf, n) < 0) {
        return -1;
    }
    memmove(buf->text + buf->cursor + n, buf->text + buf->cursor,
            buf->len - buf->cursor + 1);
    memcpy(buf->text + buf->cursor, bytes, n);
    buf->len += n;
    buf->cursor += n;
    return 0;
}

static size_t prev_char(const _PyLineBuffer *buf, size_t at)
{
    if (at == 0) {
        return 0;
    }
    at--;
    while (at > 0 && is_continuation((unsigned char)buf->text[at])) {
        at--;
    }
    return at;
}

static size_t next_char(const char *text, size_t len, size_t at)
{
    if (at >= len) {
        return len;
    }
    at++;
    while (at < len && is_continuation((unsigned char)text[at])) {
        at++;
    }
    return at;
}

/* Remove bytes [from, to) and leave the cursor at `from`. */
static int remove_range(_PyLineBuffer *buf, size_t from, size_t to)
{
    if (from >= to) {
        return 0;
    }
    memmove(buf->text + from, buf->text + to, buf->len - to + 1);
    buf->len -= to - from;
    buf->cursor = from;
    return 1;
}

int _PyLineBuffer_Left(_PyLineBuffer *buf)
{
    size_t old = buf->cursor;
    buf->cursor = prev_char(buf, buf->cursor);
    return buf->cursor != old;
}

int _PyLineBuffer_Right(_PyLineBuffer *buf)
{
    size_t old = buf->cursor;
    buf->cursor = next_char(buf->text, buf->len, buf->cursor);
    return buf->cursor != old;
}

int _PyLineBuffer_Home(_PyLineBuffer *buf)
{
    size_t old = buf->cursor;
    buf->cursor = 0;
    return old != 0;
}

int _PyLineBuffer_End(_PyLineBuffer *buf)
{
    size_t old = buf->cursor;
    buf->cursor = buf->len;
    return old != buf->len;
}

static int is_word_byte(char c)
{
    /* Any non-ASCII byte counts as a letter, as in identifiers. */
    return c == '_' || (unsigned char)c >= 0x80 || (c >= '0' && c <= '9')
           || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Start of the word before `at` (emacs M-b): skip non-word, then word. */
static size_t word_start_before(const _PyLineBuffer *buf, size_t at)
{
    while (at > 0 && !is_word_byte(buf->text[at - 1])) {
        at--;
    }
    while (at > 0 && is_word_byte(buf->text[at - 1])) {
        at--;
    }
    return at;
}

int _PyLineBuffer_WordLeft(_PyLineBuffer *buf)
{
    size_t old = buf->cursor;
    buf->cursor = word_start_before(buf, buf->cursor);
    return buf->cursor != old;
}

int _PyLineBuffer_WordRight(_PyLineBuffer *buf)
{
    size_t at = buf->cursor, old = at;
    while (at < buf->len && !is_word_byte(buf->text[at])) {
        at++;
    }
    while (at < buf->len && is_word_byte(buf->text[at])) {
        at++;
    }
    buf->cursor = at;
    return at != old;
}

int _PyLineBuffer_Backspace(_PyLineBuffer *buf)
{
    return remove_range(buf, prev_char(buf, buf->cursor), buf->cursor);
}

int _PyLineBuffer_Delete(_PyLineBuffer *buf)
{
    size_t at = buf->cursor;
    int removed = remove_range(buf, at, next_char(buf->text, buf->len, at));
    buf->cursor = at;
    return removed;
}

int _PyLineBuffer_KillToEnd(_PyLineBuffer *buf)
{
    size_t at = buf->cursor;
    int removed = remove_range(buf, at, buf->len);
    buf->cursor = at;
    return removed;
}

int _PyLineBuffer_KillToStart(_PyLineBuffer *buf)
{
    return remove_range(buf, 0, buf->cursor);
}

/* Ctrl-W: the whitespace before the cursor, then the non-blank run before
   that (unix-word-rubout). */
int _PyLineBuffer_KillWordBack(_PyLineBuffer *buf)
{
    size_t at = buf->cursor;
    while (at > 0 && (buf->text[at - 1] == ' ' || buf->text[at - 1] == '\t')) {
        at--;
    }
    while (at > 0 && buf->text[at - 1] != ' ' && buf->text[at - 1] != '\t') {
        at--;
    }
    return remove_range(buf, at, buf->cursor);
}

/* ---- display widths --------------------------------------------------------- */

/* Inclusive code point ranges, sorted. */
typedef struct { unsigned int first, last; } cp_range;

static const cp_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF},
};

static const cp_range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x26AA, 0x26AB},
    {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26F2, 0x26F5}, {0x2705, 0x2705},
    {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C}, {0x2753, 0x2755},
    {0x2795, 0x2797}, {0x2B1B, 0x2B1C}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int in_ranges(unsigned int cp, const cp_range *ranges, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < ranges[mid].first) {
            hi = mid;
        }
        else if (cp > ranges[mid].last) {
            lo = mid + 1;
        }
        else {
            return 1;
        }
    }
    return 0;
}

int _PyLineEditor_CharWidth(unsigned int cp)
{
    if (cp == 0 || in_ranges(cp, zero_width, Py_ARRAY_LENGTH(zero_width))) {
        return 0;
    }
    if (cp < 0x20 || cp == 0x7F) {
        return 2;                       /* shown as ^X */
    }
    return in_ranges(cp, wide, Py_ARRAY_LENGTH(wide)) ? 2 : 1;
}

/* The code point starting at text[0] (n bytes available) and its length;
   a malformed byte decodes as itself (one column, like a replacement). */
static unsigned int decode_utf8(const char *text, size_t n, size_t *used)
{
    unsigned char c = (unsigned char)text[0];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2
                 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (len > n) {
        len = 1;
    }
    unsigned int cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if (!is_continuation((unsigned char)text[i])) {
            *used = 1;
            return c;
        }
        cp = (cp << 6) | ((unsigned char)text[i] & 0x3F);
    }
    *used = len;
    return cp;
}

size_t _PyLineEditor_TextWidth(const char *text, size_t n)
{
    size_t width = 0, at = 0;
    while (at < n) {
        size_t used;
        unsigned int cp = decode_utf8(text + at, n - at, &used);
        width += (size_t)_PyLineEditor_CharWidth(cp);
        at += used;
    }
    return width;
}

/* ---- history ------------------------------------------------------------------ */

void _PyHistory_Init(_PyHistory *h)
{
    memset(h, 0, sizeof(*h));
    h->max_length = -1;
}

void _PyHistory_EndBrowse(_PyHistory *h)
{
    free(h->pending);
    h->pending = NULL;
    h->browse = h->count;
}

void _PyHistory_Clear(_PyHistory *h)
{
    for (size_t i = 0; i < h->count; i++) {
        free(h->entries[i]);
    }
    free(h->entries);
    free(h->pending);
    long max_length = h->max_length;
    _PyHistory_Init(h);
    h->max_length = max_length;
}

/* Drop the oldest entries beyond max_length. */
static void history_trim(_PyHistory *h)
{
    if (h->max_length < 0 || h->count <= (size_t)h->max_length) {
        return;
    }
    size_t drop = h->count - (size_t)h->max_length;
    for (size_t i = 0; i < drop; i++) {
        free(h->entries[i]);
    }
    memmove(h->entries, h->entries + drop,
            (h->count - drop) * sizeof(char *));
    h->count -= drop;
    h->browse = h->count;
}

static int history_append(_PyHistory *h, const char *line)
{
    if (h->count == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        char **entries = realloc(h->entries, cap * sizeof(char *));
        if (entries == NULL) {
            return -1;
        }
        h->entries = entries;
        h->cap = cap;
    }
    char *copy = strdup(line);
    if (copy == NULL) {
        return -1;
    }
    h->entries[h->count++] = copy;
    history_trim(h);
    _PyHistory_EndBrowse(h);
    return 0;
}

int _PyHistory_Add(_PyHistory *h, const char *line)
{
    if (line[0] == '\0'
            || (h->count > 0 && strcmp(h->entries[h->count - 1], line) == 0)) {
        _PyHistory_EndBrowse(h);
        return 0;
    }
    return history_append(h, line);
}

int _PyHistory_Previous(_PyHistory *h, _PyLineBuffer *buf)
{
    if (h->browse > h->count) {
        h->browse = h->count;
    }
    if (h->browse == 0) {
        return 0;
    }
    if (h->browse == h->count) {
        char *pending = strdup(buf->text);
        if (pending == NULL) {
            return -1;
        }
        free(h->pending);
        h->pending = pending;
    }
    if (_PyLineBuffer_Set(buf, h->entries[h->browse - 1]) < 0) {
        return -1;
    }
    h->browse--;
    return 1;
}

int _PyHistory_Next(_PyHistory *h, _PyLineBuffer *buf)
{
    if (h->browse >= h->count) {
        return 0;
    }
    h->browse++;
    const char *text = h->browse == h->count
                       ? (h->pending ? h->pending : "")
                       : h->entries[h->browse];
    if (_PyLineBuffer_Set(buf, text) < 0) {
        return -1;
    }
    if (h->browse == h->count) {
        free(h->pending);
        h->pending = NULL;
    }
    return 1;
}

long _PyHistory_Search(_PyHistory *h, const char *needle, long start)
{
    if (start >= (long)h->count) {
        start = (long)h->count - 1;
    }
    for (long i = start; i >= 0; i--) {
        if (strstr(h->entries[i], needle) != NULL) {
            return i;
        }
    }
    return -1;
}

/* ---- the interpreter's history and completer ------------------------------------- */

/* history_lock guards `history`, history_file, auto_history and the
   completer fields; no Python code runs while it is held. */
static PyMutex history_lock;
static _PyHistory history = {NULL, 0, 0, -1, 0, NULL};
static char *history_file;          /* appended to as lines are entered */
static int auto_history = 1;
static PyObject *completer;         /* strong, or NULL */
static char completer_delims[256] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
/* Set while a completion runs, for get_line_buffer/get_begidx/get_endidx. */
static char *completion_line;
static int completion_begin, completion_end;

int _PyLineEditor_AddHistory(const char *line)
{
    PyMutex_Lock(&history_lock);
    int result = _PyHistory_Add(&history, line);
    PyMutex_Unlock(&history_lock);
    return result;
}

/* Record a line the user entered: history, then the history file. */
static void record_entered_line(const char *line)
{
    PyMutex_Lock(&history_lock);
    size_t before = history.count;
    const char *last = before ? history.entries[before - 1] : NULL;
    int is_new = auto_history && line[0] != '\0'
                 && (last == NULL || strcmp(last, line) != 0);
    if (auto_history) {
        (void)_PyHistory_Add(&history, line);
    }
    else {
        _PyHistory_EndBrowse(&history);
    }
    if (is_new && history_file != NULL) {
        int fd = open(history_file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
                      0600);
        if (fd >= 0) {
            /* A lost history line is not worth failing the input over. */
            ssize_t w = write(fd, line, strlen(line));
            w = w >= 0 ? write(fd, "\n", 1) : w;
            (void)w;
            close(fd);
        }
    }
    PyMutex_Unlock(&history_lock);
}

/* ---- the editor core ---------------------------------------------------------------- */

typedef struct {
    const char *prompt;
    int in_fd, out_fd;
    _PyLineBuffer buf;
    char *out;                      /* pending output */
    size_t out_len, out_cap;
} editor;

static void emit(editor *ed, const char *bytes, size_t n)
{
    if (ed->out_fd < 0 || n == 0) {
        return;
    }
    if (ed->out_len + n > ed->out_cap) {
        size_t cap = ed->out_cap ? ed->out_cap : 256;
        while (cap < ed->out_len + n) {
            cap *= 2;
        }
        char *out = realloc(ed->out, cap);
        if (out == NULL) {
            return;                 /* the screen is stale; input still works */
        }
        ed->out = out;
        ed->out_cap = cap;
    }
    memcpy(ed->out + ed->out_len, bytes, n);
    ed->out_len += n;
}

static void emit_str(editor *ed, const char *s)
{
    emit(ed, s, strlen(s));
}

static void flush_output(editor *ed)
{
    size_t done = 0;
    while (ed->out_fd >= 0 && done < ed->out_len) {
        ssize_t n = write(ed->out_fd, ed->out + done, ed->out_len - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += (size_t)n;
    }
    ed->out_len = 0;
}

static int terminal_columns(int fd)
{
    struct winsize ws;
    if (fd >= 0 && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    return 80;
}

/* Text bytes [from, to) as the terminal shows them (controls as ^X). */
static void emit_text(editor *ed, const char *text, size_t from, size_t to)
{
    for (size_t at = from; at < to; at++) {
        unsigned char c = (unsigned char)text[at];
        if (c < 0x20 || c == 0x7F) {
            char caret[2] = {'^', (char)(c == 0x7F ? '?' : c + '@')};
            emit(ed, caret, 2);
        }
        else {
            emit(ed, text + at, 1);
        }
    }
}

/* Redraw prompt and line on the current terminal row.  A line wider than
   the terminal scrolls horizontally to keep the cursor visible. */
static void refresh(editor *ed)
{
    const char *text = ed->buf.text;
    size_t len = ed->buf.len, cursor = ed->buf.cursor;
    size_t prompt_width = _PyLineEditor_TextWidth(ed->prompt, strlen(ed->prompt));
    size_t columns = (size_t)terminal_columns(ed->out_fd);
    size_t room = columns > prompt_width + 1 ? columns - prompt_width - 1 : 1;
    size_t start = 0;
    while (start < cursor && _PyLineEditor_TextWidth(text + start,
                                                     cursor - start) > room) {
        start = next_char(text, len, start);
    }
    size_t end = start, width = 0;
    while (end < len) {
        size_t next = next_char(text, len, end);
        size_t w = _PyLineEditor_TextWidth(text + end, next - end);
        if (width + w > room) {
            break;
        }
        width += w;
        end = next;
    }
    emit_str(ed, "\r");
    emit_str(ed, ed->prompt);
    emit_text(ed, text, start, end);
    emit_str(ed, "\x1b[0K\r");
    size_t column = prompt_width + _PyLineEditor_TextWidth(text + start,
                                                           cursor - start);
    if (column > 0) {
        char move[32];
        snprintf(move, sizeof(move), "\x1b[%zuC", column);
        emit_str(ed, move);
    }
    flush_output(ed);
}

/* One byte of input: 1, 0 at end of input, -1 on error.  PyOS_InputHook
   (defined with PyOS_Readline) runs every 0.1 s while waiting. */
static int read_byte(editor *ed, unsigned char *c)
{
    for (;;) {
        if (PyOS_InputHook != NULL) {
            struct pollfd pfd = {ed->in_fd, POLLIN, 0};
            int ready = poll(&pfd, 1, 100);
            if (ready == 0 || (ready < 0 && errno == EINTR)) {
                PyOS_InputHook();
                continue;
            }
        }
        ssize_t n = read(ed->in_fd, c, 1);
        if (n == 1) {
            return 1;
        }
        if (n == 0) {
            return 0;
        }
        if (errno != EINTR) {
            return -1;
        }
    }
}

/* The rest of a UTF-8 character whose first byte is `lead`. */
static int read_utf8(editor *ed, unsigned char lead, char *out, size_t *n)
{
    size_t len = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
                 : (lead & 0xF8) == 0xF0 ? 4 : 1;
    out[0] = (char)lead;
    *n = 1;
    while (*n < len) {
        unsigned char c;
        int got = read_byte(ed, &c);
        if (got <= 0) {
            return got;
        }
        if (!is_continuation(c)) {
            /* Malformed: keep what we have; the stray byte is dropped. */
            break;
        }
        out[(*n)++] = (char)c;
    }
    return 1;
}

/* Key codes for escape sequences (above the byte range). */
enum {
    KEY_NONE = 0x100, KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_HOME,
    KEY_END, KEY_DELETE, KEY_WORD_LEFT, KEY_WORD_RIGHT, KEY_KILL_WORD,
};

/* After ESC: CSI ("ESC [" params final), SS3 ("ESC O" x) or Alt-x. */
static int read_escape(editor *ed)
{
    unsigned char c;
    if (read_byte(ed, &c) <= 0) {
        return KEY_NONE;
    }
    if (c == 'b' || c == 'B') {
        return KEY_WORD_LEFT;
    }
    if (c == 'f' || c == 'F') {
        return KEY_WORD_RIGHT;
    }
    if (c == 0x7F || c == 0x08) {
        return KEY_KILL_WORD;
    }
    if (c != '[' && c != 'O') {
        return KEY_NONE;
    }
    int param = 0, modifier = 0, seen_semicolon = 0;
    for (;;) {
        if (read_byte(ed, &c) <= 0) {
            return KEY_NONE;
        }
        if (c >= '0' && c <= '9') {
            if (seen_semicolon) {
                modifier = modifier * 10 + (c - '0');
            }
            else {
                param = param * 10 + (c - '0');
            }
            continue;
        }
        if (c == ';') {
            seen_semicolon = 1;
            continue;
        }
        break;
    }
    int ctrl = modifier == 5;
    switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return ctrl ? KEY_WORD_RIGHT : KEY_RIGHT;
    case 'D': return ctrl ? KEY_WORD_LEFT : KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
        switch (param) {
        case 1: case 7: return KEY_HOME;
        case 4: case 8: return KEY_END;
        case 3: return KEY_DELETE;
        }
        return KEY_NONE;
    }
    return KEY_NONE;
}

/* ---- completion ------------------------------------------------------------------ */

static int is_delimiter(char c)
{
    return c != '\0' && strchr(completer_delims, c) != NULL;
}

/* The completer's candidates for `word`, as a list of str (new
   reference), or NULL.  Called with the GIL held. */
static PyObject *collect_matches(PyObject *function, const char *word)
{
    PyObject *matches = PyList_New(0);
    if (matches == NULL) {
        return NULL;
    }
    for (int state = 0; state < 1000; state++) {
        PyObject *match = PyObject_CallFunction(function, "si", word, state);
        if (match == NULL) {
            /* A failing completer completes nothing (as in CPython). */
            PyErr_Clear();
            break;
        }
        if (match == Py_None || !PyUnicode_Check(match)) {
            Py_DECREF(match);
            break;
        }
        int rc = PyList_Append(matches, match);
        Py_DECREF(match);
        if (rc < 0) {
            PyErr_Clear();
            break;
        }
    }
    return matches;
}

/* Longest common prefix (in bytes) of the UTF-8 forms of matches. */
static size_t common_prefix(PyObject *matches, const char **first)
{
    size_t prefix = 0;
    *first = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(matches); i++) {
        const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(matches, i));
        if (s == NULL) {
            PyErr_Clear();
            return 0;
        }
        if (*first == NULL) {
            *first = s;
            prefix = strlen(s);
            continue;
        }
        size_t k = 0;
        while (k < prefix && s[k] == (*first)[k]) {
            k++;
        }
        prefix = k;
    }
    return prefix;
}

/* Tab with a completer set: replace the word before the cursor by the
   matches' common prefix; with several matches and nothing to add, list
   them below the line.  Returns 0 when there is no completer (the caller
   then indents). */
static int complete(editor *ed)
{
    PyMutex_Lock(&history_lock);
    int have_completer = completer != NULL;
    PyMutex_Unlock(&history_lock);
    if (!have_completer || !Py_IsInitialized()) {
        return 0;
    }
    size_t begin = ed->buf.cursor;
    while (begin > 0 && !is_delimiter(ed->buf.text[begin - 1])) {
        begin--;
    }
    size_t word_len = ed->buf.cursor - begin;
    char *word = strndup(ed->buf.text + begin, word_len);
    if (word == NULL) {
        return 1;
    }
    PyGILState_STATE gil = PyGILState_Ensure();
    PyMutex_Lock(&history_lock);
    PyObject *function = Py_XNewRef(completer);
    completion_line = ed->buf.text;
    completion_begin = (int)begin;
    completion_end = (int)ed->buf.cursor;
    PyMutex_Unlock(&history_lock);
    PyObject *matches = function ? collect_matches(function, word) : NULL;
    Py_XDECREF(function);
    PyMutex_Lock(&history_lock);
    completion_line = NULL;
    PyMutex_Unlock(&history_lock);
    if (matches == NULL) {
        PyErr_Clear();
    }
    const char *first = NULL;
    size_t prefix = matches ? common_prefix(matches, &first) : 0;
    Py_ssize_t count = matches ? PyList_GET_SIZE(matches) : 0;
    if (count > 0 && prefix > word_len) {
        remove_range(&ed->buf, begin, ed->buf.cursor);
        (void)_PyLineBuffer_Insert(&ed->buf, first, prefix);
    }
    else if (count > 1) {
        emit_str(ed, "\r\n");
        for (Py_ssize_t i = 0; i < count; i++) {
            const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(matches, i));
            if (s == NULL) {
                PyErr_Clear();
                continue;
            }
            emit_str(ed, s);
            emit_str(ed, i + 1 < count ? "  " : "\r\n");
        }
    }
    Py_XDECREF(matches);
    PyGILState_Release(gil);
    free(word);
    return 1;
}

/* ---- reverse search (Ctrl-R) --------------------------------------------------------- */

static void show_search(editor *ed, const char *needle, const char *found)
{
    emit_str(ed, "\r(reverse-i-search)`");
    emit_str(ed, needle);
    emit_str(ed, "': ");
    emit_text(ed, found, 0, strlen(found));
    emit_str(ed, "\x1b[0K");
    flush_output(ed);
}

/* Incremental search through the history; leaves the found line in the
   buffer.  Returns the key that ended the search (to be processed by the
   caller), or -1 at end of input. */
static int reverse_search(editor *ed)
{
    char needle[256] = "";
    size_t needle_len = 0;
    long at = -1;
    char *found = strdup(ed->buf.text);
    if (found == NULL) {
        return -1;
    }
    PyMutex_Lock(&history_lock);
    long start = (long)history.count - 1;
    PyMutex_Unlock(&history_lock);
    show_search(ed, needle, found);
    int key;
    for (;;) {
        unsigned char c;
        if (read_byte(ed, &c) <= 0) {
            key = -1;
            break;
        }
        long from = start;
        if (c == 0x12) {                    /* Ctrl-R: the next older match */
            from = at >= 0 ? at - 1 : start;
        }
        else if (c == 0x7F || c == 0x08) {
            if (needle_len > 0) {
                needle[--needle_len] = '\0';
            }
        }
        else if (c >= 0x20 && needle_len + 1 < sizeof(needle)) {
            needle[needle_len++] = (char)c;
            needle[needle_len] = '\0';
            from = at >= 0 ? at : start;
        }
        else {
            key = c == 0x07 ? KEY_NONE : c;     /* Ctrl-G just ends it */
            break;
        }
        PyMutex_Lock(&history_lock);
        long hit = needle_len ? _PyHistory_Search(&history, needle, from) : -1;
        if (hit >= 0) {
            char *copy = strdup(history.entries[hit]);
            if (copy != NULL) {
                free(found);
                found = copy;
                at = hit;
            }
        }
        PyMutex_Unlock(&history_lock);
        show_search(ed, needle, found);
    }
    (void)_PyLineBuffer_Set(&ed->buf, found);
    free(found);
    return key;
}

/* ---- the editing loop ------------------------------------------------------------------- */

static int is_blank_before_cursor(const _PyLineBuffer *buf)
{
    for (size_t i = 0; i < buf->cursor; i++) {
        if (buf->text[i] != ' ' && buf->text[i] != '\t') {
            return 0;
        }
    }
    return 1;
}

/* Called for Ctrl-Z by the terminal driver; NULL when editing a pipe. */
static void (*suspend_hook)(editor *ed);

static char *accept_line(editor *ed)
{
    ed->buf.cursor = ed->buf.len;
    refresh(ed);
    emit_str(ed, "\r\n");
    flush_output(ed);
    char *line = strdup(ed->buf.text);
    if (line != NULL) {
        record_entered_line(line);
    }
    return line;
}

/* Apply one key; returns 0 to go on, 1 when the line is done (accepted:
   *result set), 2 at end of input, 3 on Ctrl-C, -1 out of memory. */
static int handle_key(editor *ed, int key, char **result)
{
    _PyLineBuffer *buf = &ed->buf;
    int rc = 0;
    switch (key) {
    case '\r': case '\n':
        *result = accept_line(ed);
        return *result ? 1 : -1;
    case 0x01: case KEY_HOME: _PyLineBuffer_Home(buf); break;       /* ^A */
    case 0x05: case KEY_END: _PyLineBuffer_End(buf); break;         /* ^E */
    case 0x02: case KEY_LEFT: _PyLineBuffer_Left(buf); break;       /* ^B */
    case 0x06: case KEY_RIGHT: _PyLineBuffer_Right(buf); break;     /* ^F */
    case KEY_WORD_LEFT: _PyLineBuffer_WordLeft(buf); break;
    case KEY_WORD_RIGHT: _PyLineBuffer_WordRight(buf); break;
    case 0x0B: _PyLineBuffer_KillToEnd(buf); break;                 /* ^K */
    case 0x15: _PyLineBuffer_KillToStart(buf); break;               /* ^U */
    case 0x17: case KEY_KILL_WORD: _PyLineBuffer_KillWordBack(buf); break;
    case 0x7F: case 0x08: _PyLineBuffer_Backspace(buf); break;
    case KEY_DELETE: _PyLineBuffer_Delete(buf); break;
    case 0x04:                                                      /* ^D */
        if (buf->len == 0) {
            /* The caller prints any newline (the REPL does, input()
               leaves the cursor after the prompt, as CPython). */
            return 2;
        }
        _PyLineBuffer_Delete(buf);
        break;
    case 0x03:                                                      /* ^C */
        ed->buf.cursor = ed->buf.len;
        refresh(ed);
        emit_str(ed, "^C\r\n");
        flush_output(ed);
        PyMutex_Lock(&history_lock);
        _PyHistory_EndBrowse(&history);
        PyMutex_Unlock(&history_lock);
        return 3;
    case 0x0C:                                                      /* ^L */
        emit_str(ed, "\x1b[H\x1b[2J");
        break;
    case 0x10: case KEY_UP:                                         /* ^P */
    case 0x0E: case KEY_DOWN:                                       /* ^N */
        PyMutex_Lock(&history_lock);
        rc = key == 0x10 || key == KEY_UP ? _PyHistory_Previous(&history, buf)
                                          : _PyHistory_Next(&history, buf);
        PyMutex_Unlock(&history_lock);
        if (rc < 0) {
            return -1;
        }
        break;
    case 0x12: {                                                    /* ^R */
        int next = reverse_search(ed);
        if (next < 0) {
            return 2;
        }
        refresh(ed);
        return next == KEY_NONE ? 0 : handle_key(ed, next, result);
    }
    case 0x1A:                                                      /* ^Z */
        if (suspend_hook != NULL) {
            suspend_hook(ed);
        }
        break;
    case '\t':
        if (is_blank_before_cursor(buf) || !complete(ed)) {
            rc = _PyLineBuffer_Insert(buf, "    ", 4);
        }
        break;
    default:
        if (key >= 0x20 && key < 0x80) {
            char c = (char)key;
            rc = _PyLineBuffer_Insert(buf, &c, 1);
        }
        break;
    }
    if (rc < 0) {
        return -1;
    }
    refresh(ed);
    return 0;
}

char *_PyLineEditor_Edit(const char *prompt, int in_fd, int out_fd,
                         int *status)
{
    editor ed = {prompt ? prompt : "", in_fd, out_fd, {NULL, 0, 0, 0},
                 NULL, 0, 0};
    *status = 0;
    if (_PyLineBuffer_Init(&ed.buf) < 0) {
        *status = -1;
        return NULL;
    }
    PyMutex_Lock(&history_lock);
    _PyHistory_EndBrowse(&history);
    PyMutex_Unlock(&history_lock);
    refresh(&ed);
    char *result = NULL;
    for (;;) {
        unsigned char c;
        int got = read_byte(&ed, &c);
        if (got <= 0) {
            /* End of input mid-line: the line so far is the last one. */
            if (ed.buf.len > 0) {
                result = accept_line(&ed);
                *status = result ? 0 : -1;
            }
            else {
                *status = 1;
            }
            break;
        }
        int key = c;
        char bytes[4];
        size_t n;
        if (c == 0x1B) {
            key = read_escape(&ed);
        }
        else if (c >= 0x80) {
            if (read_utf8(&ed, c, bytes, &n) < 0
                    || _PyLineBuffer_Insert(&ed.buf, bytes, n) < 0) {
                *status = -1;
                break;
            }
            refresh(&ed);
            continue;
        }
        int done = handle_key(&ed, key, &result);
        if (done == 0) {
            continue;
        }
        *status = done == 1 ? 0 : done == 2 ? 1 : done == 3 ? 2 : -1;
        break;
    }
    _PyLineBuffer_Free(&ed.buf);
    free(ed.out);
    return result;
}

/* ---- the terminal driver ------------------------------------------------------------------ */

/* The terminal settings to restore, valid while raw_fd >= 0.  Only the
   thread reading the terminal changes them (one reader at a time: the
   REPL and input() read on the main thread); signal handlers and the
   exit hook only read them. */
static struct termios saved_termios;
static volatile sig_atomic_t raw_fd = -1;
static int exit_hook_installed;

static void restore_terminal(void)
{
    if (raw_fd >= 0) {
        tcsetattr(raw_fd, TCSADRAIN, &saved_termios);
        raw_fd = -1;
    }
}

static int enter_raw_mode(int fd)
{
    struct termios raw;
    if (tcgetattr(fd, &saved_termios) < 0) {
        return -1;
    }
    raw = saved_termios;
    raw.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_cflag |= CS8;
    /* ISIG off: Ctrl-C and Ctrl-Z arrive as keys and are handled above. */
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (!exit_hook_installed) {
        atexit(restore_terminal);
        exit_hook_installed = 1;
    }
    if (tcsetattr(fd, TCSADRAIN, &raw) < 0) {
        return -1;
    }
    raw_fd = fd;
    return 0;
}

/* Signals that end the process: restore the terminal first, then let
   the previous disposition act. */
static const int fatal_signals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGABRT};
static struct sigaction previous_actions[Py_ARRAY_LENGTH(fatal_signals)];

static void on_fatal_signal(int signum)
{
    restore_terminal();
    for (size_t i = 0; i < Py_ARRAY_LENGTH(fatal_signals); i++) {
        if (fatal_signals[i] == signum) {
            sigaction(signum, &previous_actions[i], NULL);
        }
    }
    raise(signum);
}

static void install_signal_handlers(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < Py_ARRAY_LENGTH(fatal_signals); i++) {
        sigaction(fatal_signals[i], &action, &previous_actions[i]);
    }
}

static void remove_signal_handlers(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(fatal_signals); i++) {
        sigaction(fatal_signals[i], &previous_actions[i], NULL);
    }
}

/* Ctrl-Z: give the terminal back, stop, and resume editing. */
static void suspend_terminal(editor *ed)
{
    int fd = raw_fd;
    restore_terminal();
    emit_str(ed, "\r\n");
    flush_output(ed);
    kill(getpid(), SIGTSTP);
    if (fd >= 0) {
        enter_raw_mode(fd);
    }
}

char *_PyLineEditor_ReadLine(const char *prompt, int in_fd, int out_fd,
                             int *status)
{
    if (enter_raw_mode(in_fd) < 0) {
        *status = -1;
        return NULL;
    }
    install_signal_handlers();
    suspend_hook = suspend_terminal;
    char *line = _PyLineEditor_Edit(prompt, in_fd, out_fd, status);
    suspend_hook = NULL;
    restore_terminal();
    remove_signal_handlers();
    return line;
}

/* ---- the readline module ------------------------------------------------------------------- */

static PyObject *history_item_or_none(Py_ssize_t index)
{
    PyObject *item = NULL;
    PyMutex_Lock(&history_lock);
    char *copy = index >= 0 && (size_t)index < history.count
                 ? strdup(history.entries[index]) : NULL;
    PyMutex_Unlock(&history_lock);
    if (copy == NULL) {
        Py_RETURN_NONE;
    }
    item = PyUnicode_DecodeUTF8(copy, (Py_ssize_t)strlen(copy),
                                "surrogateescape");
    free(copy);
    return item;
}

static PyObject *readline_add_history(PyObject *module, PyObject *arg)
{
    (void)module;
    const char *line = PyUnicode_Check(arg) ? PyUnicode_AsUTF8(arg) : NULL;
    if (line == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "add_history() argument must be "
                         "str, not %.200s", Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    /* add_history() keeps even repeats and empty strings, like readline. */
    PyMutex_Lock(&history_lock);
    int rc = history_append(&history, line);
    PyMutex_Unlock(&history_lock);
    if (rc < 0) {
        return PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

static PyObject *readline_clear_history(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    _PyHistory_Clear(&history);
    PyMutex_Unlock(&history_lock);
    Py_RETURN_NONE;
}

static PyObject *readline_get_current_history_length(PyObject *module,
                                                     PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    size_t count = history.count;
    PyMutex_Unlock(&history_lock);
    return PyLong_FromSize_t(count);
}

/* 1-based, as GNU readline's history_get. */
static PyObject *readline_get_history_item(PyObject *module, PyObject *arg)
{
    (void)module;
    int index = PyLong_AsInt(arg);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return history_item_or_none((Py_ssize_t)index - 1);
}

static PyObject *history_edit(PyObject *args, int replace)
{
    int pos;
    PyObject *line = NULL;
    const char *text = NULL;
    if (replace ? !PyArg_ParseTuple(args, "iU:replace_history_item", &pos, &line)
                : !PyArg_ParseTuple(args, "i:remove_history_item", &pos)) {
        return NULL;
    }
    if (line != NULL && (text = PyUnicode_AsUTF8(line)) == NULL) {
        return NULL;
    }
    char *copy = text ? strdup(text) : NULL;
    if (text != NULL && copy == NULL) {
        return PyErr_NoMemory();
    }
    PyMutex_Lock(&history_lock);
    int ok = pos >= 0 && (size_t)pos < history.count;
    if (ok && replace) {
        free(history.entries[pos]);
        history.entries[pos] = copy;
        copy = NULL;
    }
    else if (ok) {
        free(history.entries[pos]);
        memmove(history.entries + pos, history.entries + pos + 1,
                (history.count - (size_t)pos - 1) * sizeof(char *));
        history.count--;
        _PyHistory_EndBrowse(&history);
    }
    PyMutex_Unlock(&history_lock);
    free(copy);
    if (!ok) {
        PyErr_Format(PyExc_ValueError, "No history item at position %d", pos);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *readline_remove_history_item(PyObject *module, PyObject *args)
{
    (void)module;
    return history_edit(args, 0);
}

static PyObject *readline_replace_history_item(PyObject *module, PyObject *args)
{
    (void)module;
    return history_edit(args, 1);
}

static PyObject *readline_get_history_length(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    long length = history.max_length;
    PyMutex_Unlock(&history_lock);
    return PyLong_FromLong(length);
}

static PyObject *readline_set_history_length(PyObject *module, PyObject *arg)
{
    (void)module;
    long length = PyLong_AsLong(arg);
    if (length == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyMutex_Lock(&history_lock);
    history.max_length = length < 0 ? -1 : length;
    history_trim(&history);
    PyMutex_Unlock(&history_lock);
    Py_RETURN_NONE;
}

static PyObject *readline_set_auto_history(PyObject *module, PyObject *arg)
{
    (void)module;
    int enabled = PyObject_IsTrue(arg);
    if (enabled < 0) {
        return NULL;
    }
    PyMutex_Lock(&history_lock);
    auto_history = enabled;
    PyMutex_Unlock(&history_lock);
    Py_RETURN_NONE;
}

/* The file name argument of the history file functions (default
   ~/.history, as GNU readline), as a new bytes object. */
static PyObject *history_path(PyObject *arg)
{
    if (arg != NULL && arg != Py_None) {
        PyObject *path = NULL;
        if (!PyUnicode_FSConverter(arg, &path)) {
            return NULL;
        }
        return path;
    }
    const char *home = getenv("HOME");
    return PyBytes_FromFormat("%s/.history", home ? home : "");
}

static PyObject *readline_read_history_file(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *arg = Py_None;
    if (!PyArg_ParseTuple(args, "|O:read_history_file", &arg)) {
        return NULL;
    }
    PyObject *path = history_path(arg);
    if (path == NULL) {
        return NULL;
    }
    FILE *fp = NULL;
    Py_BEGIN_ALLOW_THREADS
    fp = fopen(PyBytes_AS_STRING(path), "rb");
    Py_END_ALLOW_THREADS
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, arg == Py_None
                                             ? path : arg);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int failed = 0;
    PyMutex_Lock(&history_lock);
    while ((n = getline(&line, &cap, fp)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') {
            line[--n] = '\0';
        }
        if (history_append(&history, line) < 0) {
            failed = 1;
            break;
        }
    }
    PyMutex_Unlock(&history_lock);
    free(line);
    fclose(fp);
    if (failed) {
        return PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

/* Write the newest `last` entries (all when negative) to path. */
static PyObject *write_history(PyObject *arg, const char *mode, long last)
{
    PyObject *path = history_path(arg);
    if (path == NULL) {
        return NULL;
    }
    FILE *fp = fopen(PyBytes_AS_STRING(path), mode);
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, arg == Py_None
                                             ? path : arg);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    PyMutex_Lock(&history_lock);
    size_t first = 0;
    if (history.max_length >= 0 && history.count > (size_t)history.max_length) {
        first = history.count - (size_t)history.max_length;
    }
    if (last >= 0 && history.count - first > (size_t)last) {
        first = history.count - (size_t)last;
    }
    for (size_t i = first; i < history.count; i++) {
        fputs(history.entries[i], fp);
        fputc('\n', fp);
    }
    PyMutex_Unlock(&history_lock);
    if (fclose(fp) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *readline_write_history_file(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *arg = Py_None;
    if (!PyArg_ParseTuple(args, "|O:write_history_file", &arg)) {
        return NULL;
    }
    return write_history(arg, "wb", -1);
}

static PyObject *readline_append_history_file(PyObject *module, PyObject *args)
{
    (void)module;
    int count;
    PyObject *arg = Py_None;
    if (!PyArg_ParseTuple(args, "i|O:append_history_file", &count, &arg)) {
        return NULL;
    }
    return write_history(arg, "ab", count < 0 ? 0 : count);
}

/* Weft: lines entered at the prompt are appended to `path` as they are
   accepted (None stops it).  site's interactive hook uses this in place
   of an atexit handler writing the whole history. */
static PyObject *readline_set_history_file(PyObject *module, PyObject *arg)
{
    (void)module;
    char *copy = NULL;
    if (arg != Py_None) {
        PyObject *path = history_path(arg);
        if (path == NULL) {
            return NULL;
        }
        copy = strdup(PyBytes_AS_STRING(path));
        Py_DECREF(path);
        if (copy == NULL) {
            return PyErr_NoMemory();
        }
    }
    PyMutex_Lock(&history_lock);
    free(history_file);
    history_file = copy;
    PyMutex_Unlock(&history_lock);
    Py_RETURN_NONE;
}

static PyObject *readline_set_completer(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *function = Py_None;
    if (!PyArg_ParseTuple(args, "|O:set_completer", &function)) {
        return NULL;
    }
    if (function != Py_None && !PyCallable_Check(function)) {
        PyErr_SetString(PyExc_TypeError, "set_completer(func): argument not "
                        "callable");
        return NULL;
    }
    PyObject *fresh = function == Py_None ? NULL : Py_NewRef(function);
    PyMutex_Lock(&history_lock);
    PyObject *old = completer;
    completer = fresh;
    PyMutex_Unlock(&history_lock);
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *readline_get_completer(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    PyObject *function = Py_XNewRef(completer);
    PyMutex_Unlock(&history_lock);
    if (function == NULL) {
        Py_RETURN_NONE;
    }
    return function;
}

static PyObject *readline_set_completer_delims(PyObject *module, PyObject *arg)
{
    (void)module;
    const char *delims = PyUnicode_Check(arg) ? PyUnicode_AsUTF8(arg) : NULL;
    if (delims == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "set_completer_delims() argument "
                            "must be str");
        }
        return NULL;
    }
    if (strlen(delims) >= sizeof(completer_delims)) {
        PyErr_SetString(PyExc_ValueError, "too many completer delimiters");
        return NULL;
    }
    PyMutex_Lock(&history_lock);
    strcpy(completer_delims, delims);
    PyMutex_Unlock(&history_lock);
    Py_RETURN_NONE;
}

static PyObject *readline_get_completer_delims(PyObject *module,
                                               PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    PyObject *delims = PyUnicode_FromString(completer_delims);
    PyMutex_Unlock(&history_lock);
    return delims;
}

static PyObject *readline_get_line_buffer(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    PyMutex_Lock(&history_lock);
    char *copy = strdup(completion_line ? completion_line : "");
    PyMutex_Unlock(&history_lock);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *text = PyUnicode_DecodeUTF8(copy, (Py_ssize_t)strlen(copy),
                                          "surrogateescape");
    free(copy);
    return text;
}

static PyObject *readline_get_begidx(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLong(completion_begin);
}

static PyObject *readline_get_endidx(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLong(completion_end);
}

/* Hidden test hook: run the editor on `keys` as if typed at a terminal
   and return the accepted line; EOFError at end of input (Ctrl-D on an
   empty line), KeyboardInterrupt on Ctrl-C.  Screen output is dropped
   unless `echo` is true, in which case it is returned too, as
   (line, output bytes). */
static PyObject *readline_edit_keys(PyObject *module, PyObject *args)
{
    (void)module;
    const char *prompt;
    Py_buffer keys;
    int echo = 0;
    if (!PyArg_ParseTuple(args, "sy*|p:_edit_keys", &prompt, &keys, &echo)) {
        return NULL;
    }
    int in_pipe[2], out_pipe[2] = {-1, -1};
    if (keys.len > 60000 || pipe(in_pipe) < 0
            || (echo && pipe(out_pipe) < 0)) {
        PyBuffer_Release(&keys);
        PyErr_SetString(PyExc_OSError, "cannot make the key pipe");
        return NULL;
    }
    /* Fits the pipe buffer: written whole before the editor reads. */
    ssize_t w = write(in_pipe[1], keys.buf, (size_t)keys.len);
    close(in_pipe[1]);
    PyBuffer_Release(&keys);
    if (echo) {
        fcntl(out_pipe[1], F_SETFL, O_NONBLOCK);
    }
    int status = 0;
    char *line = NULL;
    if (w >= 0) {
        Py_BEGIN_ALLOW_THREADS
        line = _PyLineEditor_Edit(prompt, in_pipe[0], out_pipe[1], &status);
        Py_END_ALLOW_THREADS
    }
    close(in_pipe[0]);
    PyObject *output = NULL;
    if (echo) {
        close(out_pipe[1]);
        char chunk[65536];
        ssize_t got = read(out_pipe[0], chunk, sizeof(chunk));
        close(out_pipe[0]);
        output = PyBytes_FromStringAndSize(chunk, got > 0 ? got : 0);
        if (output == NULL) {
            free(line);
            return NULL;
        }
    }
    if (line == NULL) {
        Py_XDECREF(output);
        if (status == 1) {
            PyErr_SetNone(PyExc_EOFError);
        }
        else if (status == 2) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        }
        else {
            PyErr_NoMemory();
        }
        return NULL;
    }
    PyObject *text = PyUnicode_DecodeUTF8(line, (Py_ssize_t)strlen(line),
                                          "surrogateescape");
    free(line);
    if (!echo || text == NULL) {
        Py_XDECREF(output);
        return text;
    }
    PyObject *pair = PyTuple_Pack(2, text, output);
    Py_DECREF(text);
    Py_DECREF(output);
    return pair;
}

static PyMethodDef readline_methods[] = {
    {"add_history", readline_add_history, METH_O,
     "add_history($module, string, /)\n--\n\nAdd an item to the history buffer."},
    {"clear_history", readline_clear_history, METH_NOARGS,
     "clear_history($module, /)\n--\n\nClear the current readline history."},
    {"get_current_history_length", readline_get_current_history_length,
     METH_NOARGS, "get_current_history_length($module, /)\n--\n\n"
     "Return the current (not the maximum) length of history."},
    {"get_history_item", readline_get_history_item, METH_O,
     "get_history_item($module, index, /)\n--\n\n"
     "Return the current contents of history item at one-based index."},
    {"remove_history_item", readline_remove_history_item, METH_VARARGS,
     "remove_history_item($module, pos, /)\n--\n\n"
     "Remove history item given by its zero-based position."},
    {"replace_history_item", readline_replace_history_item, METH_VARARGS,
     "replace_history_item($module, pos, line, /)\n--\n\n"
     "Replaces history item given by its position with contents of line."},
    {"get_history_length", readline_get_history_length, METH_NOARGS,
     "get_history_length($module, /)\n--\n\n"
     "Return the maximum number of lines that will be written to the "
     "history file."},
    {"set_history_length", readline_set_history_length, METH_O,
     "set_history_length($module, length, /)\n--\n\n"
     "Set the maximal number of lines which will be written to the history "
     "file.\n\nA negative length is used to inhibit history truncation."},
    {"set_auto_history", readline_set_auto_history, METH_O,
     "set_auto_history($module, enabled, /)\n--\n\n"
     "Enables or disables automatic history."},
    {"read_history_file", readline_read_history_file, METH_VARARGS,
     "read_history_file($module, filename=None, /)\n--\n\n"
     "Load a readline history file.\n\nThe default filename is ~/.history."},
    {"write_history_file", readline_write_history_file, METH_VARARGS,
     "write_history_file($module, filename=None, /)\n--\n\n"
     "Save a readline history file.\n\nThe default filename is ~/.history."},
    {"append_history_file", readline_append_history_file, METH_VARARGS,
     "append_history_file($module, nelements, filename=None, /)\n--\n\n"
     "Append the last nelements items of the history list to file."},
    {"_set_history_file", readline_set_history_file, METH_O, NULL},
    {"set_completer", readline_set_completer, METH_VARARGS,
     "set_completer($module, function=None, /)\n--\n\n"
     "Set or remove the completer function."},
    {"get_completer", readline_get_completer, METH_NOARGS,
     "get_completer($module, /)\n--\n\nGet the current completer function."},
    {"set_completer_delims", readline_set_completer_delims, METH_O,
     "set_completer_delims($module, string, /)\n--\n\n"
     "Set the word delimiters for completion."},
    {"get_completer_delims", readline_get_completer_delims, METH_NOARGS,
     "get_completer_delims($module, /)\n--\n\n"
     "Get the word delimiters for completion."},
    {"get_line_buffer", readline_get_line_buffer, METH_NOARGS,
     "get_line_buffer($module, /)\n--\n\nReturn the current contents of the "
     "line buffer."},
    {"get_begidx", readline_get_begidx, METH_NOARGS,
     "get_begidx($module, /)\n--\n\nGet the beginning index of the completion "
     "scope."},
    {"get_endidx", readline_get_endidx, METH_NOARGS,
     "get_endidx($module, /)\n--\n\nGet the ending index of the completion "
     "scope."},
    {"_edit_keys", readline_edit_keys, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int readline_exec(PyObject *module)
{
    return PyModule_AddStringConstant(module, "backend", "weft");
}

static PyModuleDef_Slot readline_slots[] = {
    {Py_mod_exec, readline_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef readline_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "readline",
    .m_doc = "Importing this module enables command line editing using the "
             "interpreter's own line editor.",
    .m_size = 0,
    .m_methods = readline_methods,
    .m_slots = readline_slots,
};

PyObject *PyInit_readline(void)
{
    return PyModuleDef_Init(&readline_module);
}
