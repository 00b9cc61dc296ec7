"""Token constants of the Python tokenizer (the numbers of Parser/token.c)."""

__all__ = ['tok_name', 'ISTERMINAL', 'ISNONTERMINAL', 'ISEOF',
           'EXACT_TOKEN_TYPES']

_NAMES = (
    'ENDMARKER', 'NAME', 'NUMBER', 'STRING', 'NEWLINE', 'INDENT', 'DEDENT',
    'LPAR', 'RPAR', 'LSQB', 'RSQB', 'COLON', 'COMMA', 'SEMI', 'PLUS',
    'MINUS', 'STAR', 'SLASH', 'VBAR', 'AMPER', 'LESS', 'GREATER', 'EQUAL',
    'DOT', 'PERCENT', 'LBRACE', 'RBRACE', 'EQEQUAL', 'NOTEQUAL',
    'LESSEQUAL', 'GREATEREQUAL', 'TILDE', 'CIRCUMFLEX', 'LEFTSHIFT',
    'RIGHTSHIFT', 'DOUBLESTAR', 'PLUSEQUAL', 'MINEQUAL', 'STAREQUAL',
    'SLASHEQUAL', 'PERCENTEQUAL', 'AMPEREQUAL', 'VBAREQUAL',
    'CIRCUMFLEXEQUAL', 'LEFTSHIFTEQUAL', 'RIGHTSHIFTEQUAL',
    'DOUBLESTAREQUAL', 'DOUBLESLASH', 'DOUBLESLASHEQUAL', 'AT', 'ATEQUAL',
    'RARROW', 'ELLIPSIS', 'COLONEQUAL', 'EXCLAMATION', 'OP', 'TYPE_IGNORE',
    'TYPE_COMMENT', 'SOFT_KEYWORD', 'FSTRING_START', 'FSTRING_MIDDLE',
    'FSTRING_END', 'TSTRING_START', 'TSTRING_MIDDLE', 'TSTRING_END',
    'COMMENT', 'NL', 'ERRORTOKEN', 'ENCODING', 'N_TOKENS',
)

for _number, _name in enumerate(_NAMES):
    globals()[_name] = _number
NT_OFFSET = 256
__all__.extend(_NAMES)
__all__.append('NT_OFFSET')

tok_name = {value: name for name, value in globals().items()
            if isinstance(value, int) and not name.startswith('_')}

# The operator strings and their exact token types.
EXACT_TOKEN_TYPES = {
    '!': EXCLAMATION, '!=': NOTEQUAL, '%': PERCENT, '%=': PERCENTEQUAL,
    '&': AMPER, '&=': AMPEREQUAL, '(': LPAR, ')': RPAR, '*': STAR,
    '**': DOUBLESTAR, '**=': DOUBLESTAREQUAL, '*=': STAREQUAL, '+': PLUS,
    '+=': PLUSEQUAL, ',': COMMA, '-': MINUS, '-=': MINEQUAL, '->': RARROW,
    '.': DOT, '...': ELLIPSIS, '/': SLASH, '//': DOUBLESLASH,
    '//=': DOUBLESLASHEQUAL, '/=': SLASHEQUAL, ':': COLON,
    ':=': COLONEQUAL, ';': SEMI, '<': LESS, '<<': LEFTSHIFT,
    '<<=': LEFTSHIFTEQUAL, '<=': LESSEQUAL, '=': EQUAL, '==': EQEQUAL,
    '>': GREATER, '>=': GREATEREQUAL, '>>': RIGHTSHIFT,
    '>>=': RIGHTSHIFTEQUAL, '@': AT, '@=': ATEQUAL, '[': LSQB, ']': RSQB,
    '^': CIRCUMFLEX, '^=': CIRCUMFLEXEQUAL, '{': LBRACE, '|': VBAR,
    '|=': VBAREQUAL, '}': RBRACE, '~': TILDE,
}


def ISTERMINAL(x):
    return x < NT_OFFSET


def ISNONTERMINAL(x):
    return x >= NT_OFFSET


def ISEOF(x):
    return x == ENDMARKER


del _number, _name
