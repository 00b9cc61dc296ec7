# python -m base64, and the binary-data modules keeping the GIL off in the
# free-threaded build (sourced by run.sh).

printf 'hello world\n' > "$tmp/bin_plain.txt"
expect base64-encode-file "aGVsbG8gd29ybGQK" "$PY" -m base64 "$tmp/bin_plain.txt"
expect base64-encode-stdin "aGVsbG8gd29ybGQK" sh -c "printf 'hello world\n' | '$PY' -m base64 -e"
expect base64-decode-stdin "hello world" sh -c "printf 'aGVsbG8gd29ybGQK\n' | '$PY' -m base64 -d"
expect base64-decode-u "hi" sh -c "printf 'aGk=\n' | '$PY' -m base64 -u -"
expect base64-help-status "0" sh -c "'$PY' -m base64 -h >/dev/null; echo \$?"
expect_status base64-bad-option 2 "$PY" -m base64 -x
if [ "$FT" = "t" ]; then
    expect bin-modules-gil-off "False" "$PY" -W error -c \
        "import zlib, _struct, array, binascii, cmath, sys; print(sys._is_gil_enabled())"
fi
