# parser (prs6): an uncaught SyntaxError from a mistyped keyword, shown
# by the default excepthook through the traceback module (3.14's hint,
# located at the word); the script's file is read back for it.
printf 'import os\nx = 1\nwhille x:\n    pass\n' > "$tmp/prs6_typo.py"
expect_err prs6-keyword-typo "SyntaxError: invalid syntax. Did you mean 'while'?" \
    "$PY" "$tmp/prs6_typo.py"
expect_err prs6-keyword-typo-caret "    whille x:
    ^^^^^^" "$PY" "$tmp/prs6_typo.py"
expect_status prs6-keyword-typo-status 1 "$PY" "$tmp/prs6_typo.py"
# A plain error no keyword fixes keeps its message.
expect_err prs6-no-typo "SyntaxError: invalid syntax" "$PY" -c 'x = = 1'
# ast.parse's feature_version on the command line (python -m ast).
printf 'match x:\n    case 1:\n        pass\n' > "$tmp/prs6_match.py"
expect_err prs6-ast-feature-version \
    "Pattern matching is only supported in Python 3.10 and greater" \
    "$PY" -m ast --feature-version 3.9 "$tmp/prs6_match.py"
