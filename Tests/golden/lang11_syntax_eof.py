# The end of the input right after a line continuation inside brackets
# names the bracket left open; a tokenizer error met while still inside an
# f-string (its "expecting '}'") does not hide the parser's error in the
# replacement field.
sources = [
    'x = (1,\\\n', 'x = [1, 2,\\\n', 'f(a,\\\n', 'x = {1:\\\n', 'x = 1 +\\\n',
    'f"""\n\n\n            {\n            6\n            0="""',
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg.removeprefix("f-string: "), e.lineno, e.offset, e.end_lineno, e.end_offset)
