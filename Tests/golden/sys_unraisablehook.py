# sys.unraisablehook: called for exceptions nobody can catch, with an
# UnraisableHookArgs; the default hook writes to sys.stderr.
import io
import sys

print(sys.unraisablehook is sys.__unraisablehook__)

calls = []

def hook(unraisable):
    calls.append(unraisable)

class Noisy:
    def __del__(self):
        1 / 0

sys.unraisablehook = hook
Noisy()
args = calls[0]
print(len(calls), args.exc_type.__name__, repr(args.exc_value))
print(args.exc_traceback is not None, type(args).__name__, len(args))
HookArgs = type(args)
print(args.exc_value.__traceback__ is args.exc_traceback)

# A failing hook is reported about itself by the default hook.
def broken_hook(unraisable):
    raise ValueError("hook failed")

sys.unraisablehook = broken_hook
saved_stderr = sys.stderr
sys.stderr = captured = io.StringIO()
try:
    Noisy()
finally:
    sys.stderr = saved_stderr
text = captured.getvalue()
print("Exception ignored in sys.unraisablehook" in text, "ValueError: hook failed" in text)

# The default hook, writing to a replaced sys.stderr.
sys.unraisablehook = sys.__unraisablehook__
sys.stderr = captured = io.StringIO()
try:
    Noisy()
finally:
    sys.stderr = saved_stderr
text = captured.getvalue()
print(text.startswith("Exception ignored"), "ZeroDivisionError: division by zero" in text)
print("Traceback (most recent call last):" in text)

# sys.stderr set to None: the default hook prints nothing, and no crash.
sys.stderr = None
try:
    Noisy()
finally:
    sys.stderr = saved_stderr

# Called directly with a hand-made argument.
made = HookArgs((KeyError, KeyError("k"), None, "custom message", None))
sys.stderr = captured = io.StringIO()
try:
    sys.__unraisablehook__(made)
finally:
    sys.stderr = saved_stderr
print(captured.getvalue().splitlines()[0], captured.getvalue().splitlines()[-1])
try:
    sys.__unraisablehook__(42)
except TypeError as exc:
    print("TypeError:", exc)
