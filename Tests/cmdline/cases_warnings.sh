# -W, PYTHONWARNINGS, -X dev, -b and how warnings are shown (sourced by
# run.sh).

# Invalid options are reported and ignored; the program still runs.
for opt_msg in \
    "bogus|invalid action: 'bogus'" \
    "ignore::Foo|unknown warning category: 'Foo'" \
    "ignore::int|invalid warning category: 'int'" \
    "a:b:c:d:e:f|too many fields (max 5): 'a:b:c:d:e:f'" \
    "ignore:::m:-1|invalid lineno -1" \
    "ignore:::m:x|invalid lineno 'x'" \
    "ignore::no_such_mod.Warn|invalid module name: 'no_such_mod'"
do
    opt=${opt_msg%%|*} msg=${opt_msg#*|}
    expect_err "W-invalid-$opt" "Invalid -W option ignored: $msg" "$PY" -W "$opt" -c pass
done
expect W-invalid-runs "ran" "$PY" -W bogus -c 'print("ran")'
expect_err W-env-invalid "Invalid -W option ignored: invalid action: 'nope'" \
    env PYTHONWARNINGS=nope "$PY" -c pass

# sys.warnoptions: PYTHONWARNINGS first, then -W; -X dev adds "default"
# first and -b / -bb the BytesWarning filter last.
expect W-warnoptions "['error', 'ignore::UserWarning', 'always']" \
    env PYTHONWARNINGS=error,ignore::UserWarning "$PY" -W always \
    -c 'import sys; print(sys.warnoptions)'
expect X-dev-warnoptions "['default']" "$PY" -X dev -c 'import sys; print(sys.warnoptions)'
expect b-warnoptions "['default::BytesWarning']" "$PY" -b -c 'import sys; print(sys.warnoptions)'
expect bb-warnoptions "['default', 'ignore', 'error::BytesWarning']" \
    "$PY" -bb -X dev -W ignore -c 'import sys; print(sys.warnoptions)'
expect W-filters-installed "('always', None, <class 'Warning'>, None, 0)" \
    "$PY" -W always -c 'import warnings; print(warnings.filters[0])'
expect W-message-literal "True" "$PY" -W 'ignore:a.b' \
    -c 'import warnings; print(warnings.filters[0][1].match("A.B and more") is not None and warnings.filters[0][1].match("axb") is None)'
expect W-module-literal "True" "$PY" -W 'ignore:::m.x' \
    -c 'import warnings; m = warnings.filters[0][3]; print(bool(m.match("m.x")) and not m.match("m.xy") and not m.match("mzx"))'
expect W-regex-message "1" "$PY" -W 'ignore:/b.*m/' \
    -c 'import warnings
with warnings.catch_warnings(record=True) as log:
    warnings.warn("boom"); warnings.warn("other")
print(len(log))'

# Actions from the command line.
expect_status W-error-status 1 "$PY" -W error -c 'import warnings; warnings.warn("x")'
expect_err W-error-traceback "UserWarning: boom" "$PY" -W error -c 'import warnings; warnings.warn("boom")'
expect_err W-prefix-action "UserWarning: shown" "$PY" -W d -c 'import warnings; warnings.warn("shown")'
expect W-ignore-silent "" sh -c "'$PY' -W ignore -c 'import warnings; warnings.warn(\"x\")' 2>&1"
expect W-category-filter "<string>:1: RuntimeWarning: r" sh -c "'$PY' -W ignore::UserWarning -c 'import warnings; warnings.warn(\"u\"); warnings.warn(\"r\", RuntimeWarning)' 2>&1"
expect W-once "1" sh -c "'$PY' -W once -c 'import warnings
for i in range(3): warnings.warn(\"same\")
warnings.warn(\"same\")' 2>&1 | grep -c same"

# How a warning looks: file:line: Category: message, then the source line.
printf 'import warnings\n\ndef f():\n    warnings.warn("careful")\nf()\nf()\nwarnings.warn("dep", DeprecationWarning)\n' > "$tmp/warnme.py"
expect warn-format "$tmp/warnme.py:4: UserWarning: careful
  warnings.warn(\"careful\")
$tmp/warnme.py:7: DeprecationWarning: dep
  warnings.warn(\"dep\", DeprecationWarning)" sh -c "'$PY' '$tmp/warnme.py' 2>&1"
expect warn-default-ignores-deprecation "" sh -c "cd '$tmp' && '$PY' -c 'import warnme' 2>&1 | grep Deprecation"
expect warn-dev-shows-deprecation "1" sh -c "cd '$tmp' && '$PY' -X dev -c 'import warnme' 2>&1 | grep -c \"DeprecationWarning: dep\""
expect warn-no-frame "<sys>:0: UserWarning: deep" sh -c "'$PY' -c 'import warnings; warnings.warn(\"deep\", stacklevel=9)' 2>&1"
# Warnings from C go through the same filters.
expect warn-from-c "<string>:1: SyntaxWarning: assertion is always true, perhaps remove parentheses?" \
    sh -c "'$PY' -c 'compile(\"assert (1, 2)\", \"<string>\", \"exec\")' 2>&1"
expect warn-from-c-ignored "" sh -c "'$PY' -W ignore::SyntaxWarning -c 'compile(\"assert (1, 2)\", \"<string>\", \"exec\")' 2>&1"
# As an error, the compiler's SyntaxWarning is reported as a SyntaxError.
expect warn-from-c-error "SyntaxError: assertion is always true, perhaps remove parentheses?" sh -c "'$PY' -W error::SyntaxWarning -c 'compile(\"assert (1, 2)\", \"<string>\", \"exec\")' 2>&1 | grep -o 'SyntaxError: .*' | head -1"
