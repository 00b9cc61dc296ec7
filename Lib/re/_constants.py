"""Numbers shared by the re parser, the re compiler and the _sre engine.

The opcode and item numbers mirror Modules/_sre/sre.h and must change only
together with it.  The error class lives here so that every part of the
package raises the same one.
"""

from _sre import MAXREPEAT, MAXGROUPS

# Opcodes of a compiled program.
FAILURE = 0
SUCCESS = 1
ANY = 2
ANY_ALL = 3
LITERAL = 4
NOT_LITERAL = 5
LITERAL_I = 6
NOT_LITERAL_I = 7
IN = 8
IN_I = 9
AT = 10
JUMP = 11
SPLIT = 12
MARK = 13
REPEAT_ONE = 14
REPEAT_INIT = 15
REPEAT_LOOP = 16
GROUPREF = 17
GROUPREF_I = 18
GROUPREF_EXISTS = 19
ASSERT = 20
ASSERT_END = 21

# Items of a character set.
SET_END = 0
SET_LITERAL = 1
SET_RANGE = 2
SET_CATEGORY = 3
SET_NEGATE = 4
SET_BITMAP = 5

# Repeat modes.
GREEDY = 0
LAZY = 1
POSSESSIVE = 2

# Assertion kinds.
ASSERT_AHEAD = 0
ASSERT_NOT_AHEAD = 1
ASSERT_BEHIND = 2
ASSERT_NOT_BEHIND = 3
ASSERT_ATOMIC = 4

# Position kinds.
AT_BEGINNING = 0
AT_BEGINNING_LINE = 1
AT_END = 2
AT_END_LINE = 3
AT_END_STRING = 4
AT_BOUNDARY = 5
AT_NON_BOUNDARY = 6

# Character kinds: how \d \s \w are defined and how case folds.
KIND_ASCII = 0
KIND_UNICODE = 1
KIND_LOCALE = 2

# Categories (add 8 * kind).
CAT_DIGIT = 0
CAT_NOT_DIGIT = 1
CAT_SPACE = 2
CAT_NOT_SPACE = 3
CAT_WORD = 4
CAT_NOT_WORD = 5

# Flag bits, as in CPython.
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256


class PatternError(Exception):
    """Exception raised for an invalid regular expression.

    Attributes: msg (the unformatted message), pattern, pos (index into
    the pattern where it failed), lineno and colno (1-based).
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            msg = f'{msg} at position {pos}'
            if newline in pattern:
                msg = f'{msg} (line {self.lineno}, column {self.colno})'
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = 're'
error = PatternError
