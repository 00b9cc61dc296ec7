# conform5: python DIR runs DIR/__main__.py as __main__ with DIR (absolute)
# as sys.path[0]; a directory without one is an error; -m entry points.
mkdir -p "$tmp/c5dir/c5dir_app" "$tmp/c5dir/c5dir_empty"
printf 'import sys, os\nprint(__name__, os.path.basename(__file__), sys.argv[1:], sys.path[0] == os.path.abspath(os.path.dirname(__file__)))\n' \
    > "$tmp/c5dir/c5dir_app/__main__.py"
expect c5-run-directory "__main__ __main__.py ['x', 'y'] True" \
    sh -c 'cd "$1" && "$2" c5dir_app x y' sh "$tmp/c5dir" "$PY"
expect_err c5-run-empty-directory "can't find '__main__' module in" \
    "$PY" "$tmp/c5dir/c5dir_empty"
expect_status c5-run-empty-directory-status 1 "$PY" "$tmp/c5dir/c5dir_empty"
expect c5-timeit-help-trailing-space "True" \
    sh -c '"$1" -m timeit -h | "$1" -c "import sys; print(sys.stdin.read().endswith(\".\\n \"))"' sh "$PY"
expect c5-random-int "1" "$PY" -m random -i 1
expect c5-random-choice "a" "$PY" -m random -c a
