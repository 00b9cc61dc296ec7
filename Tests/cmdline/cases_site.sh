# The site module at start-up: -S, -s, -I, PYTHONNOUSERSITE, user site
# .pth files, and the builtins it adds (sourced by run.sh).

expect site-imported "True True" "$PY" -c 'import sys; print("site" in sys.modules, callable(exit))'
expect site-S "False False" "$PY" -S -c 'import sys, builtins; print("site" in sys.modules, hasattr(builtins, "exit"))'
expect site-S-import-later "False True" "$PY" -S -c 'import site, builtins; e = hasattr(builtins, "exit"); site.main(); print(e, hasattr(builtins, "exit"))'
expect site-exit-repr "Use exit() or Ctrl-D (i.e. EOF) to exit" "$PY" -c 'print(repr(exit))'
expect site-quit-repr "Use quit() or Ctrl-D (i.e. EOF) to exit" "$PY" -c 'print(repr(quit))'
expect_status site-exit-code 4 "$PY" -c 'exit(4)'
expect_status site-quit-code 0 "$PY" -c 'quit()'
expect_err site-exit-message "bye" "$PY" -c 'exit("bye")'
expect site-help-repr "Type help() for interactive help, or help(object) for help about object." \
    "$PY" -c 'print(repr(help))'
expect site-help-call "Help on built-in function len in module builtins:" \
    sh -c "'$PY' -c 'help(len)' | head -1"
expect site-path0-kept "''" "$PY" -c 'import sys; print(repr(sys.path[0]))'

# The per-user site directory and its .pth files.
ub="$tmp/userbase"
us=$("$PY" -c 'import sys; t = "t" if "t" in sys.abiflags else ""; print(f"lib/python3.15{t}/site-packages")')
mkdir -p "$ub/$us/extra_dir"
printf 'extra_dir\nimport sys; sys.pth_seen = 1\n' > "$ub/$us/demo.pth"
expect user-site-added "True True 1" env PYTHONUSERBASE="$ub" "$PY" -c \
    "import sys, site; print(site.USER_SITE in sys.path, site.USER_SITE + '/extra_dir' in sys.path, sys.pth_seen)"
expect user-site-values "$ub $ub/$us True" env PYTHONUSERBASE="$ub" "$PY" -c \
    'import site; print(site.USER_BASE, site.USER_SITE, site.ENABLE_USER_SITE)'
expect user-site-s "False False" env PYTHONUSERBASE="$ub" "$PY" -s -c \
    'import sys, site; print(site.ENABLE_USER_SITE, site.USER_SITE in sys.path)'
expect user-site-env "False" env PYTHONUSERBASE="$ub" PYTHONNOUSERSITE=1 "$PY" -c \
    'import site; print(site.ENABLE_USER_SITE)'
expect user-site-I "False True" env PYTHONUSERBASE="$ub" "$PY" -I -c \
    'import sys, site; print(site.ENABLE_USER_SITE, sys.flags.no_user_site == 1)'
expect user-site-script "$ub" env PYTHONUSERBASE="$ub" "$PY" -c \
    'import sys, site; sys.argv[1:] = ["--user-base"]; site._script()'
expect_status user-site-script-status 1 env PYTHONUSERBASE="$ub" "$PY" -s -c \
    'import sys, site; sys.argv[1:] = ["--user-site"]; site._script()'
printf 'import nonexistent_module_for_pth\n' > "$ub/$us/broken.pth"
expect_err pth-error "Error processing line 1 of $ub/$us/broken.pth" \
    env PYTHONUSERBASE="$ub" "$PY" -c pass
expect pth-error-continues "ok" env PYTHONUSERBASE="$ub" "$PY" -c 'print("ok")'
rm -f "$ub/$us/broken.pth"

# sitecustomize runs at start-up; its failure is reported, not fatal.
mkdir -p "$tmp/custom"
printf 'import builtins; builtins.customized = "yes"\n' > "$tmp/custom/sitecustomize.py"
expect sitecustomize "yes" env PYTHONPATH="$tmp/custom" "$PY" -c 'print(customized)'
printf 'raise RuntimeError("bad custom")\n' > "$tmp/custom/sitecustomize.py"
expect_err sitecustomize-error "Error in sitecustomize; set PYTHONVERBOSE for traceback:
RuntimeError: bad custom" env PYTHONPATH="$tmp/custom" "$PY" -c pass
rm -f "$tmp/custom/sitecustomize.py"

# The history file of the interactive hook: PYTHON_HISTORY wins.
expect history-file "$tmp/hist" env PYTHON_HISTORY="$tmp/hist" "$PY" -c 'import site; print(site.gethistoryfile())'
expect history-file-default "$tmp/.python_history" env HOME="$tmp" "$PY" -c 'import site; print(site.gethistoryfile())'
expect history-file-E "$tmp/.python_history" env HOME="$tmp" PYTHON_HISTORY="$tmp/hist" "$PY" -E -c 'import site; print(site.gethistoryfile())'
