# os, posix, time and errno from the command line (sourced by run.sh).

# Uncaught OSErrors name the file as CPython does.
expect_err os-stat-missing \
    "FileNotFoundError: [Errno 2] No such file or directory: '$tmp/nope'" \
    "$PY" -c "import os; os.stat('$tmp/nope')"
expect_err os-rename-two-names \
    "FileNotFoundError: [Errno 2] No such file or directory: '$tmp/a' -> '$tmp/b'" \
    "$PY" -c "import os; os.rename('$tmp/a', '$tmp/b')"
expect_err os-mkdir-exists "FileExistsError: [Errno 17] File exists: '$tmp'" \
    "$PY" -c "import os; os.mkdir('$tmp')"
expect_err os-open-bytes "No such file or directory: b'$tmp/nope'" \
    "$PY" -c "import os; os.open(b'$tmp/nope', os.O_RDONLY)"

# The environment reaches os.environ, and changes reach child processes.
expect os-environ-in "hello" env WEFT_OS_CASE=hello "$PY" -c \
    'import os; print(os.environ["WEFT_OS_CASE"])'
expect os-environ-out "child=set" "$PY" -c \
    'import os; os.environ["WEFT_OS_CASE"] = "set"; os.execv("/bin/sh", ["sh", "-c", "echo child=$WEFT_OS_CASE"])'
expect os-getpid-matches-shell yes sh -c \
    "\"$PY\" -c 'import os; print(\"yes\" if os.getppid() == '\$\$' else \"no\")'"

# _exit skips clean-up: buffered output is lost, the status is kept.
expect_status os-exit-status 5 "$PY" -c 'import os; os._exit(5)'

# os.path is the posixpath module, importable under both names.
expect os-path-module "posixpath True" "$PY" -c \
    'import os, sys, os.path; print(os.path.__name__, sys.modules["os.path"] is os.path)'

# time.sleep is interrupted by nothing here and keeps its duration.
expect time-sleep-duration True "$PY" -c \
    'import time; t = time.monotonic(); time.sleep(0.05); print(time.monotonic() - t >= 0.05)'
expect time-tz "EST -18000 True" env TZ=EST5EDT "$PY" -c \
    'import time; print(time.tzname[0], -time.timezone, time.daylight == 1)'
expect errno-names "2 ENOENT EAGAIN" "$PY" -c \
    'import errno; print(errno.ENOENT, errno.errorcode[2], errno.errorcode[errno.EWOULDBLOCK])'
