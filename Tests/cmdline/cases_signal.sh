# sig: signal handling at start-up and at exit (sourced by run.sh).

# Start-up installs Python's SIGINT handler, unless SIGINT was ignored.
expect sig-default-int "True" "$PY" -c 'import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)'
expect sig-inherited-ign "1" sh -c "trap '' INT; '$PY' -c 'import signal; print(int(signal.getsignal(signal.SIGINT)))'"
# Ctrl-C while the main thread sleeps or waits: a KeyboardInterrupt traceback.
expect_err sig-ki-sleep "KeyboardInterrupt" "$PY" -c 'import os, signal, time; os.kill(os.getpid(), signal.SIGINT); time.sleep(5)'
printf 'import os, signal, threading, time\nev = threading.Event()\nt = threading.Thread(target=lambda: (time.sleep(0.05), os.kill(os.getpid(), signal.SIGINT)))\nt.start()\ntry:\n    ev.wait(5)\nexcept KeyboardInterrupt:\n    print("interrupted")\n' > "$tmp/sigwait.py"
expect sig-ki-event "interrupted" "$PY" "$tmp/sigwait.py"
# With SIG_DFL restored, SIGINT kills the process (the shell sees 128+2).
expect_status sig-dfl-kills 130 "$PY" -c 'import os, signal; signal.signal(signal.SIGINT, signal.SIG_DFL); os.kill(os.getpid(), signal.SIGINT); print("alive")'
# A Python handler for SIGTERM runs instead of the default action.
expect sig-term-handler "term 15" "$PY" -c 'import os, signal, sys
signal.signal(signal.SIGTERM, lambda s, f: (print("term", s), sys.exit(0)))
os.kill(os.getpid(), signal.SIGTERM)
print("not reached")'
# SIGALRM with its default action ends the process (128+14).
expect_status sig-alarm-default 142 "$PY" -c 'import signal, time; signal.setitimer(signal.ITIMER_REAL, 0.05); time.sleep(5)'
# An uncaught KeyboardInterrupt ends the process by SIGINT (status 130).
expect_status signal-uncaught-ki-130 130 "$PY" -c 'import os, signal; os.kill(os.getpid(), signal.SIGINT); import time; time.sleep(5)'
expect_err signal-uncaught-ki-traceback "KeyboardInterrupt" "$PY" -c 'import os, signal; os.kill(os.getpid(), signal.SIGINT); import time; time.sleep(5)'
# Signal handling stops before modules are torn down: interrupt_main() from
# a finalizer then is reported, not raised as KeyboardInterrupt (gh-102397).
expect_err sig-interrupt-main-at-exit "OSError: Signal 2 ignored due to race condition" "$PY" -c 'import _thread
class Foo:
    def __del__(self):
        _thread.interrupt_main()
x = Foo()'
# Under SIG_IGN, interrupt_main() does nothing at all.
expect sig-interrupt-main-ignored "ok" "$PY" -c 'import _thread, signal, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main(); time.sleep(0.01); print("ok")'
