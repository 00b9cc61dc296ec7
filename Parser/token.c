/* Token names and operator recognition (pycore_token.h).

   Thread safety: everything here is const data or pure functions. */
#include "Python.h"
#include "pycore_token.h"

const char * const _PyParser_TokenNames[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS",
    "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL",
    "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL",
    "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT",
    "RIGHTSHIFT", "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL",
    "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL",
    "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL",
    "DOUBLESTAREQUAL", "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL",
    "RARROW", "ELLIPSIS", "COLONEQUAL", "EXCLAMATION", "OP", "TYPE_IGNORE",
    "TYPE_COMMENT", "SOFT_KEYWORD", "FSTRING_START", "FSTRING_MIDDLE",
    "FSTRING_END", "TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END",
    "COMMENT", "NL", "ERRORTOKEN", "ENCODING",
};

/* Operator texts indexed by token type; NULL for non-operators. */
static const char * const operator_text[N_TOKENS] = {
    [LPAR] = "(", [RPAR] = ")", [LSQB] = "[", [RSQB] = "]", [COLON] = ":",
    [COMMA] = ",", [SEMI] = ";", [PLUS] = "+", [MINUS] = "-", [STAR] = "*",
    [SLASH] = "/", [VBAR] = "|", [AMPER] = "&", [LESS] = "<",
    [GREATER] = ">", [EQUAL] = "=", [DOT] = ".", [PERCENT] = "%",
    [LBRACE] = "{", [RBRACE] = "}", [EQEQUAL] = "==", [NOTEQUAL] = "!=",
    [LESSEQUAL] = "<=", [GREATEREQUAL] = ">=", [TILDE] = "~",
    [CIRCUMFLEX] = "^", [LEFTSHIFT] = "<<", [RIGHTSHIFT] = ">>",
    [DOUBLESTAR] = "**", [PLUSEQUAL] = "+=", [MINEQUAL] = "-=",
    [STAREQUAL] = "*=", [SLASHEQUAL] = "/=", [PERCENTEQUAL] = "%=",
    [AMPEREQUAL] = "&=", [VBAREQUAL] = "|=", [CIRCUMFLEXEQUAL] = "^=",
    [LEFTSHIFTEQUAL] = "<<=", [RIGHTSHIFTEQUAL] = ">>=",
    [DOUBLESTAREQUAL] = "**=", [DOUBLESLASH] = "//",
    [DOUBLESLASHEQUAL] = "//=", [AT] = "@", [ATEQUAL] = "@=",
    [RARROW] = "->", [ELLIPSIS] = "...", [COLONEQUAL] = ":=",
    [EXCLAMATION] = "!",
};

const char *
_PyToken_OperatorText(int type)
{
    if (type < 0 || type >= N_TOKENS) {
        return NULL;
    }
    return operator_text[type];
}

int
_PyToken_OneChar(int c1)
{
    switch (c1) {
    case '!': return EXCLAMATION;
    case '%': return PERCENT;
    case '&': return AMPER;
    case '(': return LPAR;
    case ')': return RPAR;
    case '*': return STAR;
    case '+': return PLUS;
    case ',': return COMMA;
    case '-': return MINUS;
    case '.': return DOT;
    case '/': return SLASH;
    case ':': return COLON;
    case ';': return SEMI;
    case '<': return LESS;
    case '=': return EQUAL;
    case '>': return GREATER;
    case '@': return AT;
    case '[': return LSQB;
    case ']': return RSQB;
    case '^': return CIRCUMFLEX;
    case '{': return LBRACE;
    case '|': return VBAR;
    case '}': return RBRACE;
    case '~': return TILDE;
    }
    return OP;
}

int
_PyToken_TwoChars(int c1, int c2)
{
    /* Every two-character operator but "->" and "<<"/">>"/"**"/"//" is
       some character followed by '='. */
    if (c2 == '=') {
        switch (c1) {
        case '!': return NOTEQUAL;
        case '%': return PERCENTEQUAL;
        case '&': return AMPEREQUAL;
        case '*': return STAREQUAL;
        case '+': return PLUSEQUAL;
        case '-': return MINEQUAL;
        case '/': return SLASHEQUAL;
        case ':': return COLONEQUAL;
        case '<': return LESSEQUAL;
        case '=': return EQEQUAL;
        case '>': return GREATEREQUAL;
        case '@': return ATEQUAL;
        case '^': return CIRCUMFLEXEQUAL;
        case '|': return VBAREQUAL;
        }
        return OP;
    }
    if (c1 == c2) {
        switch (c1) {
        case '*': return DOUBLESTAR;
        case '/': return DOUBLESLASH;
        case '<': return LEFTSHIFT;
        case '>': return RIGHTSHIFT;
        }
        return OP;
    }
    if (c1 == '-' && c2 == '>') {
        return RARROW;
    }
    if (c1 == '<' && c2 == '>') {
        /* "<>" exists only under "from __future__ import barry_as_FLUFL";
           as CPython does, it is NOTEQUAL here and the parser rejects it. */
        return NOTEQUAL;
    }
    return OP;
}

int
_PyToken_ThreeChars(int c1, int c2, int c3)
{
    if (c3 == '=') {
        if (c1 == '*' && c2 == '*') {
            return DOUBLESTAREQUAL;
        }
        if (c1 == '/' && c2 == '/') {
            return DOUBLESLASHEQUAL;
        }
        if (c1 == '<' && c2 == '<') {
            return LEFTSHIFTEQUAL;
        }
        if (c1 == '>' && c2 == '>') {
            return RIGHTSHIFTEQUAL;
        }
    }
    if (c1 == '.' && c2 == '.' && c3 == '.') {
        return ELLIPSIS;
    }
    return OP;
}
