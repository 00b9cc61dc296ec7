# python -m ast: dump a file or stdin with the command line's options
# (sourced by run.sh).

printf 'x = 1\n' > "$tmp/ast_in.py"
expect ast-file "Module(
   body=[
      Assign(
         targets=[
            Name(id='x', ctx=Store())],
         value=Constant(value=1))])" "$PY" -m ast "$tmp/ast_in.py"
expect ast-stdin-eval "Expression(
  body=Call(
    func=Name(id='f', ctx=Load()),
    args=[
      Name(id='a', ctx=Load())]))" sh -c "echo 'f(a)' | '$PY' -m ast -m eval -i 2"
expect ast-attributes "Expression(
body=Name(
id='v',
ctx=Load(),
lineno=1,
col_offset=0,
end_lineno=1,
end_col_offset=1))" sh -c "echo v | '$PY' -m ast --mode=eval --include-attributes --indent 0"
expect ast-show-empty-optimize "Module(
   body=[
      Expr(
         value=Constant(value=False))],
   type_ignores=[])" sh -c "echo '__debug__' | '$PY' -m ast --show-empty -O 1"
expect_status ast-bad-mode 2 "$PY" -m ast -m bogus "$tmp/ast_in.py"
expect_err ast-bad-mode-msg "argument -m/--mode: invalid choice: 'bogus'" \
    "$PY" -m ast -m bogus "$tmp/ast_in.py"
printf 'x = (\n' > "$tmp/ast_bad.py"
expect_err ast-syntax-error "SyntaxError" "$PY" -m ast "$tmp/ast_bad.py"
expect_status ast-syntax-status 1 "$PY" -m ast "$tmp/ast_bad.py"
rm -f "$tmp/ast_in.py" "$tmp/ast_bad.py"
