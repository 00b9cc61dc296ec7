# Standard streams and start-up fixes found with CPython's own tests
# (sourced by run.sh).

# A PYTHONIOENCODING codec from the encodings package is importable when
# the streams are made (it used to abort start-up).
expect oslib-ioencoding-cp424 "4a25" env PYTHONIOENCODING=cp424 sh -c \
    "\"$PY\" -c 'print(chr(0xa2))' | od -An -tx1 | tr -d ' \n'"
expect oslib-ioencoding-ascii-replace "?" env PYTHONIOENCODING=ascii:replace \
    "$PY" -c 'print(chr(0xa2))'
expect_err oslib-ioencoding-ascii-strict "UnicodeEncodeError" \
    env PYTHONIOENCODING=ascii "$PY" -c 'print(chr(0xa2))'

# Without UTF-8 Mode: the locale's encoding, and surrogateescape on stdin
# and stdout in the C locale (and the UTF-8 locale it is coerced to).
expect oslib-c-locale-stdio "ascii surrogateescape surrogateescape backslashreplace" \
    env LC_ALL=C PYTHONCOERCECLOCALE=0 "$PY" -X utf8=0 -c \
    'import sys; print(sys.stdout.encoding, sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)'
expect oslib-utf8-mode-stdio "utf-8 surrogateescape surrogateescape" \
    env LC_ALL=C "$PY" -c \
    'import sys; print(sys.stdout.encoding, sys.stdin.errors, sys.stdout.errors)'

# An encoding named in PYTHONIOENCODING without an error handler means
# strict; naming only the handler (or nothing) keeps the defaults.
expect oslib-ioencoding-named-strict "strict strict backslashreplace" \
    env PYTHONIOENCODING=latin-1: "$PY" -c \
    'import sys; print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)'
expect oslib-ioencoding-colon-only "surrogateescape surrogateescape" \
    env PYTHONIOENCODING=: "$PY" -c 'import sys; print(sys.stdin.errors, sys.stdout.errors)'

# io.text_encoding(None): "utf-8" in UTF-8 Mode, else "locale" (PEP 597).
expect oslib-text-encoding-utf8 "utf-8" "$PY" -c 'import io; print(io.text_encoding(None))'
expect oslib-text-encoding-locale "locale" "$PY" -X utf8=0 -c 'import io; print(io.text_encoding(None))'
