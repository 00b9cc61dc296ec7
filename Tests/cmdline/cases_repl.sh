# The interactive prompt on a terminal: line editing, history, Ctrl-C,
# Ctrl-D, input(), the history file and restoring the terminal (sourced
# by run.sh).  A pseudo-terminal comes from script(1); without it these
# checks are skipped.  Keys are sent once the interpreter has run its
# PYTHONSTARTUP file (so the editor, not the tty, sees them).

if command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1 \
        && script -qec true /dev/null >/dev/null 2>&1 </dev/null; then

# The startup file does the interactive hook's imports first, so that the
# editor takes over the terminal right after it signals readiness.
printf 'import readline, rlcompleter\nopen(%s, "w").close()\n' "'$tmp/repl_ready'" > "$tmp/repl_startup.py"

# repl_session COMMAND CHUNK...: run COMMAND (./python by default) under a
# pseudo-terminal, typing each CHUNK (printf format) 0.15 s apart once the
# interpreter is ready; prints the transcript without carriage returns.
repl_session() {
    cmd=$1
    shift
    rm -f "$tmp/repl_ready"
    {
        i=0
        while [ ! -f "$tmp/repl_ready" ] && [ $i -lt 100 ]; do
            sleep 0.1
            i=$((i + 1))
        done
        sleep 0.3
        for chunk in "$@"; do
            printf "$chunk"
            sleep 0.15
        done
        sleep 0.3
    } | PYTHONSTARTUP="$tmp/repl_startup.py" HOME="$tmp" TERM=dumb \
        timeout 20 script -qec "$cmd" /dev/null 2>&1 | tr -d '\r'
}

# expect_repl NAME TEXT COMMAND CHUNK...: the transcript contains TEXT.
expect_repl() {
    name=$1 want=$2 cmd=$3
    shift 3
    got=$(repl_session "$cmd" "$@")
    case $got in
        *"$want"*) ok ;;
        *) fail "$name" "transcript containing: $want" "$got" ;;
    esac
}

P="'$PY' -q"
nl='
'
# One session, many edits; each result is checked on its own line.
session=$(repl_session "$P" '6*7\r' "ab'\001'x\005\r" "'ab\033[D1\033[C2'\r" \
    "'keep' + 'drop'\002\002\002\002\002\002\002\002\002\013\r" \
    "'abx\177\177c'\r" 'n = 1000\r' 'n + 1\r' 'n += 1\r' '\033[A\033[A\r' \
    "'é世x'\033[D\033[D\177\177ü\033[F\r" 'if True:\r' '\tprint("inside")\r' '\r' \
    'if True:\r' '  1\003' 'x = (\003' 'print("after")\r' \
    "print('got', repr(input('? ')))\r" 'typed\001\006\006\006\006\006 text\r' '\004')
for check in "expr|${nl}42${nl}" "ctrl-a|${nl}'xab'${nl}" "arrows|${nl}'a1b2'${nl}" \
        "ctrl-k|${nl}'keep'${nl}" "backspace|${nl}'ac'${nl}" "history|${nl}1001${nl}" \
        "utf8|${nl}'üx'${nl}" "indent|${nl}inside${nl}" \
        "ctrl-c|^C${nl}KeyboardInterrupt${nl}" "after-ctrl-c|${nl}after${nl}" \
        "input|${nl}got 'typed text'${nl}"; do
    name=${check%%|*} want=${check#*|}
    case $session in
        *"$want"*) ok ;;
        *) fail "repl-tty-$name" "transcript containing: $want" "$session" ;;
    esac
done
expect_repl repl-tty-input-eof "EOFError: EOF when reading a line" "$P" "input('? ')\r" '\004' '\004'
expect_repl repl-tty-ctrl-d "status=0 modes=icanon echo" \
    "sh -c '$P; printf status=\$?; stty -a | grep -o -- \"-\\{0,1\\}icanon\" | head -1 | sed \"s/^/ modes=/\" | tr \"\\n\" \" \"; stty -a | grep -o -- \" -\\{0,1\\}echo \" | head -1 | tr -d \" \"'" \
    '\004'
expect_repl repl-tty-exit-call "status=3" "sh -c '$P; echo status=\$?'" 'exit(3)\r'

# History persists in $HOME/.python_history (or PYTHON_HISTORY) across
# sessions.
rm -f "$tmp/.python_history"
repl_session "$P" 'persisted = 7\r' '\004' >/dev/null
expect repl-history-file "persisted = 7" sh -c "grep persisted '$tmp/.python_history'"
expect_repl repl-history-recalled "'recalled', 7" "$P" '\033[A\r' "'recalled', persisted\r" '\004'
expect_repl repl-history-env "'env'" "PYTHON_HISTORY='$tmp/other_history' $P" "'env'\r" '\004'
expect repl-history-env-file "'env'" cat "$tmp/other_history"
expect repl-history-isolated "absent" sh -c "test -e '$tmp/iso_history' && echo present || echo absent"
repl_session "PYTHON_HISTORY='$tmp/iso_history' '$PY' -q -I" "'iso'\r" '\004' >/dev/null
expect repl-history-I "absent" sh -c "test -e '$tmp/iso_history' && echo present || echo absent"

# Not a terminal: plain reads, no editing (the bytes arrive as typed).
expect repl-pipe-plain "'a\\x01b'" sh -c "printf \"'a\\001b'\\n\" | '$PY' -q -i 2>/dev/null"

fi

# Statements typed at the prompt are kept in linecache under "<stdin>-N"
# (CPython 3.13), so inspect.getsource() finds functions defined there;
# tracebacks and syntax errors still name "<stdin>".
printf 'def f():\n    print(0)\n    return 1 + 2\n\nimport inspect\nprint(inspect.getsource(f), end="|")\nprint(f.__code__.co_filename)\n' > "$tmp/repl_src.txt"
expect repl-getsource "def f():
    print(0)
    return 1 + 2
|<stdin>-0" sh -c "'$PY' -i -q < '$tmp/repl_src.txt'"
expect_err repl-traceback-name '  File "<stdin>", line 2, in g' \
    sh -c "printf 'def g():\n    1/0\n\ng()\n' | '$PY' -i -q"
expect_err repl-syntax-name '  File "<stdin>", line 1' sh -c "printf '1 +\n' | '$PY' -i -q"
rm -f "$tmp/repl_src.txt"
