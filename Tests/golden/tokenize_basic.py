# The tokenize module: token streams, exact types, untokenize, encodings.
import io
import tokenize
import token

SOURCE = '''\
# -*- coding: utf-8 -*-
def f(a, b=2, *args, **kw) -> int:
    """doc
    string"""
    x = [1, 2,
         3]  # trailing
    if a >= b and not x:
        return a ** 2 // 3
    elif a:
        y = 0x_ff + 1_000 + 1.5e-3j
    return {k: v for k, v in kw.items()}

class C:
    @property
    def p(self): return self.__dict__ ; pass
    async def g(self):
        await self.h()
x = 'é' + "\\\\" + r'\\d' + b'x' \\
    + 'y'
print(x, ..., lambda q: q @ q, (a := 3) if True else ~-4)
'''

def show(tokens):
    for t in tokens:
        print(token.tok_name[t.type], token.tok_name[t.exact_type],
              repr(t.string), t.start, t.end, repr(t.line))

show(tokenize.generate_tokens(io.StringIO(SOURCE).readline))
toks = list(tokenize.tokenize(io.BytesIO(SOURCE.encode()).readline))
print(toks[0])
print(toks[1])
print(tokenize.untokenize(toks).decode() == SOURCE)
pairs = [(t.type, t.string) for t in toks]
again = tokenize.untokenize(pairs)
print([(t.type, t.string) for t in tokenize.tokenize(io.BytesIO(again).readline)
       if t.type not in (tokenize.NL, tokenize.NEWLINE)] ==
      [p for p in pairs if p[0] not in (tokenize.NL, tokenize.NEWLINE)])

for src in ["if x:\n    if y:\n        z\nw\n", "", "\n\n", "a = (1,\n  2)\n",
            "s = '''a\nb'''\n", "def f():\n\tpass\n"]:
    print(repr(src))
    show(tokenize.generate_tokens(io.StringIO(src).readline))

# detect_encoding
for data in [b"# coding: latin-1\nx = 1\n", b"\xef\xbb\xbfx = 1\n",
             b"#!/usr/bin/python\n# vim: set fileencoding=ascii :\n", b"x = 1\n",
             b"\n\n# coding: latin-1\n"]:
    enc, lines = tokenize.detect_encoding(io.BytesIO(data).readline)
    print(enc, lines)
for data in [b"# coding: nosuchcodec\n", b"\xef\xbb\xbf# coding: latin-1\n"]:
    try:
        tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        print("SyntaxError:", e)

# errors
try:
    list(tokenize.generate_tokens(io.StringIO("if x:\n  y\n z\n").readline))
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
try:
    list(tokenize.generate_tokens(io.StringIO("x = '''abc\n").readline))
except tokenize.TokenError as e:
    print("TokenError:", e.args[0])
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(token.NAME),
      token.ISEOF(token.ENDMARKER), token.EXACT_TOKEN_TYPES['**='] == token.DOUBLESTAREQUAL)

# f-strings and t-strings (PEP 701 token streams, as in 3.12+)
FSRC = "f'a{{b}}c{x!r:>{w}} {y=}'\nt\"x{a}\"\nf\"\"\"ab\ncd{e}\"\"\"\n"
show(tokenize.generate_tokens(io.StringIO(FSRC).readline))
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(FSRC).readline)) == FSRC)

# CRLF newlines are reported as written (3.12+)
CRLF = "x = 1 + \\\r\n1\r\n\r\n# c\r\ny"
show(tokenize.generate_tokens(io.StringIO(CRLF, newline='').readline))
print(tokenize.untokenize(
    tokenize.generate_tokens(io.StringIO(CRLF, newline='').readline)) == CRLF)

# literal parts next to doubled braces and ending with a newline (3.12+)
for src in ['f"{{{1+1}}}"', "f'''__{\n    x:a\n}__'''", 'f"abc\\\ndef"']:
    print(repr(src))
    show(tokenize.generate_tokens(io.StringIO(src).readline))
