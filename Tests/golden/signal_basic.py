# The signal module's API: handlers, enums, errors, masks, timers, wakeup fd.
import signal, os, _signal, time

print(repr(signal.SIGINT), int(signal.SIGTERM), signal.NSIG)
print(repr(signal.Signals.SIGIOT), repr(signal.Signals(29)), repr(signal.SIGRTMIN), int(signal.SIGRTMAX))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), repr(signal.SIG_BLOCK), repr(signal.SIG_SETMASK))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR2)))
print(signal.default_int_handler.__name__, signal.default_int_handler.__module__)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)
valid = signal.valid_signals()
print(len(valid), signal.SIGKILL in valid, 32 in valid, max(valid))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGSEGV))
for bad in (0, -1, 65, 1000):
    for func in (signal.getsignal, signal.strsignal, signal.raise_signal):
        try:
            func(bad)
        except (ValueError, OSError) as e:
            print(func.__name__, bad, type(e).__name__, e)
for args in ((0, signal.SIG_DFL), (2, "x"), (2, 5), (signal.SIGKILL, signal.SIG_IGN),
             (signal.SIGSTOP, lambda s, f: None)):
    try:
        signal.signal(*args)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)

got = []
def record(signum, frame):
    got.append((signal.Signals(signum).name, frame is not None))
old = signal.signal(signal.SIGUSR1, record)
print(repr(old), signal.getsignal(signal.SIGUSR1) is record)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(3):
    pass
print(got)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)) == repr(record))
signal.raise_signal(signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# A handler exception propagates from the code that was running.
def boom(signum, frame):
    raise RuntimeError("boom %d" % signum)
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("raised:", e)

# Masks, pending signals, synchronous waits.
old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(sorted(old_mask))
signal.signal(signal.SIGUSR1, record)
got.clear()
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending() == {signal.SIGUSR1}, got)
info = signal.sigtimedwait([signal.SIGUSR1], 0.5)
print(type(info).__name__, info.si_signo == signal.SIGUSR1, info.si_pid == os.getpid(), len(info))
print(signal.sigtimedwait([signal.SIGUSR1], 0))
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.sigwait({signal.SIGUSR1})))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigwaitinfo([signal.SIGUSR1]).si_signo)
try:
    signal.sigtimedwait([signal.SIGUSR1], -1)
except ValueError as e:
    print(e)
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [0])
except ValueError as e:
    print(e)
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])))
print(got)

# Interval timers and alarm.
print(signal.getitimer(signal.ITIMER_REAL))
signal.setitimer(signal.ITIMER_REAL, 10, 2)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(9 < delay <= 10, interval)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1])
print(issubclass(signal.ItimerError, OSError))
try:
    signal.setitimer(12345, 1)
except signal.ItimerError as e:
    print("ItimerError", e.errno)
print(signal.alarm(0), signal.alarm(30), signal.alarm(0))

# The wakeup fd receives the signal number.
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print(e.args[0].replace(str(w), "W"))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w, warn_on_full_buffer=False))
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10) == bytes([signal.SIGUSR1]), got[-1])
print(signal.set_wakeup_fd(-1) == w)
os.close(r); os.close(w)

signal.siginterrupt(signal.SIGUSR1, False)
signal.siginterrupt(signal.SIGUSR1, True)
signal.pthread_kill(signal.threading_id if hasattr(signal, "threading_id") else __import__("threading").get_ident(), 0)
print(signal.signal.__name__, signal.getsignal.__doc__.splitlines()[0])
print(type(signal.struct_siginfo).__name__, signal.struct_siginfo.__name__)

# Only the main thread may set handlers; any thread may read them.
import threading
def worker():
    for call in (lambda: signal.signal(signal.SIGUSR1, signal.SIG_IGN),
                 lambda: signal.set_wakeup_fd(-1)):
        try:
            call()
        except ValueError as e:
            print(e)
    print(signal.getsignal(signal.SIGUSR1) is record)
t = threading.Thread(target=worker)
t.start(); t.join()
