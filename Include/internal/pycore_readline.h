/* Reading interactive input: PyOS_Readline (Parser/myreadline.c) and the
   terminal line editor behind it (Parser/line_editor.c).

   The editor is split into pure parts (an edit buffer, a history list,
   display widths) and the terminal driver that feeds them key presses;
   the pure parts are declared here so the C-API driver can test them
   without a terminal. */
#ifndef Py_PYCORE_READLINE_H
#define Py_PYCORE_READLINE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include <stddef.h>
#include <stdio.h>

/* ---- the public hooks (CPython declares them in cpython/pythonrun.h) ---- */

/* Read a line after showing prompt: a PyMem_RawMalloc'd string ending in
   a newline, "" at end of input, NULL with KeyboardInterrupt set after
   Ctrl-C.  Releases the GIL while waiting. */
PyAPI_FUNC(char *) PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout,
                                 const char *prompt);
/* Called repeatedly while waiting for terminal input (e.g. by GUI
   toolkits); NULL for none. */
PyAPI_DATA(int) (*PyOS_InputHook)(void);
/* The reader PyOS_Readline uses when stdin and stdout are terminals;
   defaults to the line editor.  Replaceable by embedders. */
PyAPI_DATA(char *) (*PyOS_ReadlineFunctionPointer)(FILE *, FILE *,
                                                    const char *);
/* Plain reader: prompt to stderr, fgets-style read (no editing). */
PyAPI_FUNC(char *) PyOS_StdioReadline(FILE *sys_stdin, FILE *sys_stdout,
                                      const char *prompt);

/* ---- the edit buffer ---------------------------------------------------- */

/* One line being edited: UTF-8 text, NUL-terminated, with the cursor at a
   byte offset that is always on a character boundary.  Owned by one
   reader (the thread reading the terminal). */
typedef struct {
    char *text;
    size_t len;                 /* bytes, excluding the NUL */
    size_t cap;
    size_t cursor;
} _PyLineBuffer;

/* 0, or -1 when out of memory (the buffer is then unchanged). */
int _PyLineBuffer_Init(_PyLineBuffer *buf);
void _PyLineBuffer_Free(_PyLineBuffer *buf);
int _PyLineBuffer_Set(_PyLineBuffer *buf, const char *text);
int _PyLineBuffer_Insert(_PyLineBuffer *buf, const char *bytes, size_t n);
/* Cursor motion; each returns 1 if the cursor moved. */
int _PyLineBuffer_Left(_PyLineBuffer *buf);
int _PyLineBuffer_Right(_PyLineBuffer *buf);
int _PyLineBuffer_Home(_PyLineBuffer *buf);
int _PyLineBuffer_End(_PyLineBuffer *buf);
int _PyLineBuffer_WordLeft(_PyLineBuffer *buf);
int _PyLineBuffer_WordRight(_PyLineBuffer *buf);
/* Deletions; each returns 1 if text was removed. */
int _PyLineBuffer_Backspace(_PyLineBuffer *buf);
int _PyLineBuffer_Delete(_PyLineBuffer *buf);
int _PyLineBuffer_KillToEnd(_PyLineBuffer *buf);
int _PyLineBuffer_KillToStart(_PyLineBuffer *buf);
int _PyLineBuffer_KillWordBack(_PyLineBuffer *buf);

/* Display columns of a code point (0 for combining marks, 2 for East
   Asian wide and emoji) and of a UTF-8 byte range. */
int _PyLineEditor_CharWidth(unsigned int cp);
size_t _PyLineEditor_TextWidth(const char *text, size_t n);

/* ---- history ------------------------------------------------------------ */

/* The entered lines, oldest first, and the browsing position: `browse`
   is count while editing a fresh line, else the entry shown.  `pending`
   keeps the fresh line while browsing.  The interpreter's history is
   guarded by a PyMutex in line_editor.c; a history used alone (tests)
   needs no lock. */
typedef struct {
    char **entries;
    size_t count;
    size_t cap;
    long max_length;            /* < 0: unlimited */
    size_t browse;
    char *pending;
} _PyHistory;

void _PyHistory_Init(_PyHistory *h);
void _PyHistory_Clear(_PyHistory *h);
/* Appends a copy (empty lines and repeats of the last entry are not
   kept); 0, or -1 when out of memory. */
int _PyHistory_Add(_PyHistory *h, const char *line);
/* Move to the previous (older) or next entry, replacing buf's text with
   it; 1 if moved, 0 at either end, -1 when out of memory. */
int _PyHistory_Previous(_PyHistory *h, _PyLineBuffer *buf);
int _PyHistory_Next(_PyHistory *h, _PyLineBuffer *buf);
/* Back to a fresh line: browsing forgets the pending text. */
void _PyHistory_EndBrowse(_PyHistory *h);
/* Index of the newest entry at or before `start` that contains `needle`,
   or -1 (Ctrl-R). */
long _PyHistory_Search(_PyHistory *h, const char *needle, long start);

/* ---- the editor ---------------------------------------------------------- */

/* Key presses as a byte stream in, the edited line out: the editor's core,
   run on `input` (what a terminal would send) with output written to
   out_fd (-1: none).  Returns the accepted line (malloc'd, without the
   newline), or NULL with *status set to 1 at end of input (Ctrl-D on an
   empty line), 2 on Ctrl-C, -1 when out of memory.  The interpreter's
   own history is used.  This is what the terminal driver runs, and the
   hidden test hook readline._edit_keys() exposes it. */
char *_PyLineEditor_Edit(const char *prompt, int in_fd, int out_fd,
                         int *status);

/* Read one line from the terminal on in_fd/out_fd in raw mode (restored
   afterwards, at exit and on fatal signals).  Same results as above. */
char *_PyLineEditor_ReadLine(const char *prompt, int in_fd, int out_fd,
                             int *status);

/* The interpreter's history (locks internally). */
int _PyLineEditor_AddHistory(const char *line);

/* ---- the REPL and input() ------------------------------------------------ */

/* One line for the interactive loop: the prompt is str(sys.<prompt_name>)
   (fallback when unset), read through PyOS_Readline.  Returns a malloc'd
   line with its newline, NULL at end of input, or NULL with
   KeyboardInterrupt set after Ctrl-C.  Runs sys.__interactivehook__
   before the first prompt. */
char *_PyOS_InteractiveReadLine(const char *prompt_name, const char *fallback);

/* input() when sys.stdin and sys.stdout are the process's terminal: 1 if
   so.  _PyOS_ReadConsoleInput then reads the line (without its newline)
   through PyOS_Readline, raising EOFError or KeyboardInterrupt. */
int _PyOS_IsConsole(PyObject *fin, PyObject *fout);
PyObject *_PyOS_ReadConsoleInput(PyObject *prompt, PyObject *fin);

#endif /* Py_PYCORE_READLINE_H */
