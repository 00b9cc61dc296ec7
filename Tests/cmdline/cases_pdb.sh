# breakpoint(), PYTHONBREAKPOINT and python -m pdb driven by commands on
# stdin (sourced by run.sh).

mkdir -p "$tmp/pdbcase"
printf 'x = 1\ndef f():\n    y = x + 1\n    breakpoint()\n    return y * 2\nprint("result", f())\n' \
    > "$tmp/pdbcase/bp.py"
bp="$tmp/pdbcase/bp.py"

# breakpoint() stops at once in the caller's frame.
expect pdb-breakpoint "> $bp(4)f()
-> breakpoint()
(Pdb) 2
(Pdb) > $bp(5)f()
-> return y * 2
(Pdb) 20
(Pdb) result 4" sh -c "printf 'p y\nn\np y * 10\nc\n' | '$PY' '$bp'"

expect pdb-breakpoint-where "(Pdb)   $bp(6)<module>()
-> print(\"result\", f())
> $bp(4)f()
-> breakpoint()
(Pdb) result 4" sh -c "printf 'w\nc\n' | '$PY' '$bp' | tail -n +3"

expect pdb-breakpoint-quit "(Pdb) " sh -c "printf 'q\n' | '$PY' '$bp' | tail -n 1"
expect_err pdb-breakpoint-quit-error "BdbQuit" sh -c "printf 'q\n' | '$PY' '$bp'"
expect pdb-breakpoint-eof "done" sh -c "'$PY' '$bp' </dev/null >/dev/null 2>&1; echo done"

# PYTHONBREAKPOINT: 0 disables, a dotted name picks the hook, a bad one warns.
expect pdb-env-disabled "result 4" env PYTHONBREAKPOINT=0 "$PY" "$bp"
expect pdb-env-print "1-2" env PYTHONBREAKPOINT=print "$PY" -c 'breakpoint(1, 2, sep="-")'
expect pdb-env-dotted "a/b" env PYTHONBREAKPOINT=os.path.join "$PY" -c 'print(breakpoint("a", "b"))'
expect_err pdb-env-unimportable 'RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: "no_such_mod.hook"' \
    env PYTHONBREAKPOINT=no_such_mod.hook "$PY" "$bp"
expect pdb-sys-hooks "True" "$PY" -c 'import sys; print(sys.breakpointhook is sys.__breakpointhook__)'

# python -m pdb: stops on the first line, breakpoints, restart at the end.
expect pdb-m-script "> $bp(1)<module>()
-> x = 1
(Pdb) > $bp(2)<module>()
-> def f():
(Pdb) Breakpoint 1 at $bp:3
(Pdb) > $bp(3)f()
-> y = x + 1
(Pdb) 1
(Pdb) result 4
The program finished and will be restarted
> $bp(1)<module>()
-> x = 1
(Pdb) " sh -c "printf 'n\nb 3\nc\np x\nc\n' | PYTHONBREAKPOINT=0 '$PY' -m pdb '$bp'"
expect_status pdb-m-missing 1 "$PY" -m pdb "$tmp/pdbcase/missing.py"

# `commands` attached to breakpoints (silent, ended by continue or end),
# and `run`/`restart` with new arguments.
cm="$tmp/pdbcase/commands.py"
printf 'import sys\ndef f(x):\n    y = x * 2\n    return y\nfor i in range(2):\n    f(i)\nprint("argv", sys.argv[1:])\n' > "$cm"
expect pdb-commands "> $cm(1)<module>()
-> import sys
(Pdb) Breakpoint 1 at $cm:3
(Pdb) (com) (com) (com) (Pdb) Breakpoint 2 at $cm:4
(Pdb) (com) (com) (Pdb) 0
0
> $cm(4)f()
-> return y
(Pdb) 1
2
> $cm(4)f()
-> return y
(Pdb) argv []
The program finished and will be restarted
> $cm(1)<module>()
-> import sys
(Pdb) " sh -c "printf 'break 3\ncommands 1\nsilent\np x\ncontinue\nbreak 4\ncommands\np y\nend\ncontinue\ncontinue\ncontinue\nquit\n' | '$PY' -m pdb '$cm'"
expect pdb-restart "> $cm(1)<module>()
-> import sys
(Pdb) Restarting $cm with arguments:
	a b c
> $cm(1)<module>()
-> import sys
(Pdb) argv ['a', 'b c']
The program finished and will be restarted
> $cm(1)<module>()
-> import sys
(Pdb) " sh -c "printf 'run a \"b c\"\ncontinue\nquit\n' | '$PY' -m pdb '$cm'"
rm -rf "$tmp/pdbcase"
