# python -m json / python -m json.tool (sourced by run.sh).

printf '{"b": [1, 2], "a": "\\u00e9"}' > "$tmp/in.json"
expect json-tool-pretty '{
    "b": [
        1,
        2
    ],
    "a": "\u00e9"
}' "$PY" -m json.tool "$tmp/in.json"
expect json-main-pretty '{
    "b": [
        1,
        2
    ],
    "a": "\u00e9"
}' "$PY" -m json "$tmp/in.json"
expect json-tool-sort-compact '{"a":"\u00e9","b":[1,2]}' \
    "$PY" -m json.tool --sort-keys --compact "$tmp/in.json"
expect json-tool-no-ascii '{"b": [1, 2], "a": "é"}' \
    env PYTHONIOENCODING=utf-8 "$PY" -m json.tool --no-indent --no-ensure-ascii "$tmp/in.json"
expect json-tool-indent2 '[
  1
]' sh -c "echo '[1]' | '$PY' -m json.tool --indent 2"
expect json-tool-tab "$(printf '[\n\t1\n]')" sh -c "echo '[1]' | '$PY' -m json.tool --tab"
expect json-tool-lines '{"x": 1}
[2]' sh -c "printf '{\"x\":1}\n\n[2]\n' | '$PY' -m json.tool --json-lines --no-indent"
"$PY" -m json.tool "$tmp/in.json" "$tmp/out.json"
expect json-tool-outfile '5' sh -c "grep -c '^    ' '$tmp/out.json'"
expect_status json-tool-invalid 1 sh -c "echo '[1,' | '$PY' -m json.tool"
expect_err json-tool-invalid-msg 'Expecting value: line 2 column 1 (char 4)' \
    sh -c "echo '[1,' | '$PY' -m json.tool"
expect_status json-tool-missing-file 2 "$PY" -m json.tool "$tmp/does-not-exist.json"
expect_status json-tool-bad-option 2 "$PY" -m json.tool --indent x
