/* The Python 3.15 tokenizer (Parser/tokenizer.c, Parser/tokenizer_input.c).

   Input: source bytes (with PEP 263 coding cookie and BOM handling) or
   UTF-8 text.  The whole source is decoded once into a private UTF-8
   buffer with universal newlines ("\r\n" and "\r" become "\n") and a
   final newline; tokens point into that buffer, so they stay valid for
   the tokenizer's lifetime.

   Output: one token per call with its exact type (pycore_token.h) and
   position: 1-based lines, 0-based UTF-8 byte columns.  f-strings and
   t-strings are split as PEP 701 describes: FSTRING_START "f'", then
   FSTRING_MIDDLE literal parts (escapes left undecoded, a doubled brace
   kept once) and, for each replacement field, '{' expression tokens
   [EXCLAMATION NAME] [':' FSTRING_MIDDLE/fields] '}', then FSTRING_END.
   With `extra_tokens` the tokenizer also reports COMMENT and NL tokens and
   gives NEWLINE its "\n" text, which is what the `tokenize` module needs
   (it converts byte columns to character columns itself).
   With `type_comments` a comment "# type: TEXT" (spaces optional around
   "type" and ':') is a TYPE_COMMENT token spanning TEXT, and "# type:
   ignore" not followed by a letter or digit a TYPE_IGNORE token spanning
   the tag after "ignore"; a TYPE_IGNORE alone on its line takes the line's
   end with it, a TYPE_COMMENT alone on its line is followed by NEWLINE.

   Errors: a bad token raises SyntaxError / IndentationError / TabError
   carrying filename, line, offset, end position and source line, and the
   call returns ERRORTOKEN; every later call returns ERRORTOKEN again
   without raising.  At the end of input inside open brackets the
   tokenizer returns ERRORTOKEN with `done == E_EOF` and no exception, so
   the parser can report the unclosed bracket.

   Thread safety: a tokenizer is private to its creator; the only shared
   data are const tables. */
#ifndef Py_INTERNAL_TOKENIZER_H
#define Py_INTERNAL_TOKENIZER_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_token.h"

#define MAXINDENT 100           /* indentation levels */
#define MAXLEVEL 200            /* nested brackets ("too many nested parentheses") */
#define MAXFSTRINGLEVEL 150     /* nested f-strings */
#define MAXFIELDLEVEL 3         /* fields nested in format specs, two deep (as CPython) */
#define TABSIZE 8

/* Why tokenizing stopped (tok->done). */
#define E_OK 10
#define E_EOF 11                /* end of input */
#define E_ERROR 17              /* an exception was raised */

/* One replacement field of an f-string being tokenized. */
typedef struct {
    int level;                  /* tok->level before its '{' */
    int in_format_spec;         /* after its top-level ':' */
    /* Where (line, byte column) the last literal part of its format spec
       ended, so that tokenize mode reports one, possibly empty, literal
       part before the closing '}' (as CPython); line 0 when none yet. */
    int spec_text_lineno;
    int spec_text_col;
} _PyTokField;

/* One f-string or t-string being tokenized. */
typedef struct {
    char quote;                 /* ' or " */
    char quote_size;            /* 1 or 3 */
    char raw;
    char is_tstring;
    char in_literal;            /* scanning literal text, not an expression */
    int nfields;                /* open replacement fields */
    _PyTokField fields[MAXFIELDLEVEL];
    const char *start;          /* the prefix */
    const char *start_line;     /* start of its first line */
    int first_lineno;
} _PyTokFString;

typedef struct {
    int type;
    const char *start;          /* the token's text in tok->buf */
    const char *end;
    int lineno, col_offset;     /* col offsets are UTF-8 byte offsets */
    int end_lineno, end_col_offset;
    int level;                  /* bracket nesting before the token */
} _PyToken;

typedef struct _PyTokenizer {
    /* The decoded source: UTF-8, universal newlines, NUL-terminated,
       ending with "\n" (unless empty).  Owned. */
    char *buf;
    const char *end;
    const char *cur;            /* next character */
    const char *line_start;     /* start of the line holding cur */
    int lineno;                 /* line of cur */

    /* Indentation. */
    int indent;                 /* index into indstack */
    int indstack[MAXINDENT];    /* columns, tabs to multiples of TABSIZE */
    int altindstack[MAXINDENT]; /* columns, tabs counted as 1 (TabError) */
    int pendin;                 /* > 0: INDENTs, < 0: DEDENTs to emit */
    int atbol;                  /* at the beginning of a logical line */
    int blankline;              /* the current line is blank or a comment */
    int cont_line;              /* the line continues the previous one */

    /* Brackets: the opener, its line and column. */
    int level;
    char parenstack[MAXLEVEL];
    int parenlinenostack[MAXLEVEL];
    int parencolstack[MAXLEVEL];

    /* Open f-strings and t-strings, innermost last. */
    int nfstrings;
    _PyTokFString fstrings[MAXFSTRINGLEVEL];

    int done;                   /* E_OK, E_EOF or E_ERROR */
    int extra_tokens;           /* report COMMENT and NL (tokenize) */
    int type_comments;          /* report TYPE_COMMENT and TYPE_IGNORE
                                   (PyCF_TYPE_COMMENTS, PEP 484) */
    int no_dedent_at_eof;       /* the end of input closes no block: the
                                   source lacked a final newline and the
                                   parser was given PyCF_DONT_IMPLY_DEDENT */
    int eof_incomplete;         /* stopped by the end of input inside a
                                   token (a triple-quoted string, a line
                                   continuation): more input may help */
    PyObject *filename;         /* str, owned; "<string>" by default */
    char *encoding;             /* the cookie's normalized name or NULL;
                                   PyMem-owned */
} _PyTokenizer;

/* New tokenizers; NULL with an exception (SyntaxError for bad encodings,
   MemoryError).  filename may be NULL ("<string>"); it is not stolen.

   _FromString: `str` is source bytes: a BOM and a coding cookie decide
   its encoding (UTF-8 by default); with ignore_cookie it must be UTF-8.
   _FromUTF8: `str` is already UTF-8 (a str object's text).
   _FromFile: reads the whole stream, then as _FromString. */
PyAPI_FUNC(_PyTokenizer *) _PyTokenizer_FromString(const char *str,
        Py_ssize_t len, int ignore_cookie, PyObject *filename);
PyAPI_FUNC(_PyTokenizer *) _PyTokenizer_FromUTF8(const char *str,
        Py_ssize_t len, PyObject *filename);
PyAPI_FUNC(_PyTokenizer *) _PyTokenizer_FromFile(FILE *fp, PyObject *filename);
PyAPI_FUNC(void) _PyTokenizer_Free(_PyTokenizer *tok);

/* The next token into *token; returns its type (ERRORTOKEN on error or at
   end of input inside brackets, see above). */
PyAPI_FUNC(int) _PyTokenizer_Get(_PyTokenizer *tok, _PyToken *token);

/* Raise SyntaxError (or `errtype`) at tok's lines: col_offset and
   end_col_offset are byte offsets within their lines (-1: none).  The
   error's text is the source line of `lineno`, its offsets 1-based
   character offsets.  Always returns -1. */
PyAPI_FUNC(int) _PyTokenizer_RaiseAt(_PyTokenizer *tok, PyObject *errtype,
        int lineno, int col_offset, int end_lineno, int end_col_offset,
        const char *format, ...);

/* Raise errtype(msg) with the SyntaxError attributes exactly as given:
   1-based character offsets (0 or -1 where CPython reports those), the
   text being line `lineno` (with its newline when with_newline).  msg is
   not stolen.  Returns -1. */
PyAPI_FUNC(int) _PyTokenizer_RaiseLocated(_PyTokenizer *tok, PyObject *errtype,
        PyObject *msg, int lineno, Py_ssize_t offset, int end_lineno,
        Py_ssize_t end_offset, int with_newline);
/* Characters (not bytes) in the UTF-8 text line[0:nbytes]. */
PyAPI_FUNC(Py_ssize_t) _PyTokenizer_CharCount(const char *line,
                                              Py_ssize_t nbytes);

/* Start of line `lineno` in tok->buf (or of the last line), and its
   length without the newline. */
PyAPI_FUNC(const char *) _PyTokenizer_LineStart(_PyTokenizer *tok, int lineno,
                                                Py_ssize_t *len);

/* Decoding helpers of Parser/tokenizer_input.c, shared with the tokenizer. */

/* Decode source bytes to the tokenizer's UTF-8 form: BOM and cookie
   handling, encoding, universal newlines, final newline.  New PyMem buffer
   (NUL-terminated) and *out_len; NULL with SyntaxError or MemoryError.
   *encoding receives the cookie's normalized encoding (PyMem) or NULL. */
char *_PyTokenizer_DecodeSource(const char *str, Py_ssize_t len,
                                int ignore_cookie, PyObject *filename,
                                Py_ssize_t *out_len, char **encoding);

#endif /* Py_INTERNAL_TOKENIZER_H */
