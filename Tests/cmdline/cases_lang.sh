# lang: syntax error output of the language front end.

# "except" with the line ending before the ':'.
printf 'try:\n  pass\nexcept\n  pass\n' > "$tmp/lang_except.py"
expect_err lang-except-colon "SyntaxError: expected ':'" "$PY" "$tmp/lang_except.py"
printf 'try:\n  pass\nexcept*\n  pass\n' > "$tmp/lang_except_star.py"
expect_err lang-except-star-types \
    "SyntaxError: expected one or more exception types" "$PY" "$tmp/lang_except_star.py"

# A backslash continuation in the indentation followed by an empty line
# leaves a blank line, not an indented one.
printf '\\\npass\n        \\\n\nprint("ok")\n' > "$tmp/lang_cont_blank.py"
expect lang-cont-blank "ok" "$PY" "$tmp/lang_cont_blank.py"
printf 'def f(n):\n    \\\n"""doc"""\n    \\\nreturn n\nprint(f(3), f.__doc__)\n' \
    > "$tmp/lang_cont_indent.py"
expect lang-cont-indent "3 doc" "$PY" "$tmp/lang_cont_indent.py"

# An unexpected keyword argument of a C function, with a suggestion.
expect_err lang-kw-suggest \
    "TypeError: print() got an unexpected keyword argument 'sepp'. Did you mean 'sep'?" \
    "$PY" -c 'print(1, sepp="")'

# A script is parsed from the file: a NUL byte is an error at its line
# (not the end of the program), undecodable bytes get the file wording.
printf 'print("before")\nprint("a")\000print("b")\n' > "$tmp/nulbyte.py"
expect lang-nul-nothing-runs "" "$PY" "$tmp/nulbyte.py"
expect_err lang-nul-message "SyntaxError: source code cannot contain null bytes" \
    "$PY" "$tmp/nulbyte.py"
expect_err lang-nul-line "nulbyte.py\", line 2" "$PY" "$tmp/nulbyte.py"
expect_status lang-nul-status 1 "$PY" "$tmp/nulbyte.py"
printf 'x = 1\ny = "\351"\n' > "$tmp/latin1.py"
expect_err lang-nonutf8-file \
    "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file $tmp/latin1.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details" \
    "$PY" "$tmp/latin1.py"
printf '# -*- coding: latin-1 -*-\nprint(len("\351"))\n' > "$tmp/latin1ok.py"
expect lang-latin1-declared "1" "$PY" "$tmp/latin1ok.py"
expect lang-stdin-x "2" sh -c "printf 'junk line\nimport sys; print(sys._getframe().f_lineno)\n' | \"$PY\" -x -"

# compile()'s default optimize=-1 is the interpreter's -O level.
expect lang-compile-O "False False" "$PY" -O -c \
    'print(__debug__, eval(compile("__debug__", "s", "eval")))'
expect lang-compile-O-explicit "True" "$PY" -O -c \
    'print(eval(compile("__debug__", "s", "eval", optimize=0)))'
expect lang-compile-noO "True" "$PY" -c \
    'print(eval(compile("__debug__", "s", "eval")))'
# The script file is closed once parsed, before the program runs.
printf 'import os\nopen_files = []\nfor fd in os.listdir("/proc/self/fd"):\n    try:\n        open_files.append(os.readlink("/proc/self/fd/" + fd))\n    except OSError:\n        pass\nprint(any(p.endswith("ownfd.py") for p in open_files))\n' > "$tmp/ownfd.py"
expect lang-script-closed "False" "$PY" "$tmp/ownfd.py"
# Compiler nesting limits as CPython 3.11's (about 3000 levels): a chain of
# 2500 operators compiles, 3100 raises RecursionError (never a crash).
expect lang-deep-2500 "ok" "$PY" -c \
    'compile("x = x or " + "-x" * 2500, "s", "exec"); print("ok")'
expect lang-deep-3100 "RecursionError" "$PY" -c '
try:
    compile("x = x or " + "-x" * 3100, "s", "exec")
except RecursionError as e:
    print(type(e).__name__)'

# -X dev checks an encoding and an error handler even when nothing needs
# them (empty input, no encoding error), as CPython does (bpo-37388);
# without it an empty input decodes whatever the names.
expect dev-mode-checks-encoding-names "LookupError LookupError LookupError LookupError ok" \
    "$PY" -X dev -c "
out = []
for call in (lambda: str(b'', 'no-such-codec'), lambda: str(b'x', errors='no-such-handler'),
             lambda: ''.encode(errors='no-such-handler'), lambda: b''.decode('ascii', 'no-such-handler')):
    try:
        call()
        out.append('passed')
    except LookupError:
        out.append('LookupError')
str(b'', 'cp1252'); 'x'.encode('latin1', 'surrogateescape')
print(*out, 'ok')"
expect release-mode-empty-decodes "'' '' '' ''" "$PY" -c \
    "print(repr(str(b'', 'cp1252')), repr(str(bytearray(), 'koi8-r')), repr(b''.decode('cp437')), repr(str(b'', 'no-such-codec')))"
# -X no_debug_ranges / PYTHONNODEBUGRANGES: code objects keep lines only
# (co_positions gives no columns, end line = line), as in CPython.
nodebug_check='
def f(x):
    return [x +
            1]
ok = all(l == e and c is None and ec is None for l, e, c, ec in f.__code__.co_positions())
code = compile("a = 1\nb = (a,\n a)\n", "s", "exec")
print(ok, all(c is None for _, _, c, _ in code.co_positions()), [l for _, _, l in f.__code__.co_lines()][:2])'
expect lang-no-debug-ranges "True True [2, 3]" "$PY" -X no_debug_ranges -c "$nodebug_check"
expect lang-no-debug-ranges-env "True True [2, 3]" env PYTHONNODEBUGRANGES=1 "$PY" -c "$nodebug_check"
expect lang-debug-ranges-default "False False [2, 3]" "$PY" -c "$nodebug_check"
expect lang-no-debug-ranges-E "False False [2, 3]" env PYTHONNODEBUGRANGES=1 "$PY" -E -c "$nodebug_check"
