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
