# warnings: filters, registries, actions, catch_warnings, display.
import sys
import warnings


def show(log):
    for w in log:
        print(" ", w.category.__name__, str(w.message), w.lineno,
              w.filename == __file__)
    log.clear()


def warn_here(text="hello", category=UserWarning):
    warnings.warn(text, category)


print(warnings.filters[:5] == [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0)])
print(warnings.defaultaction, type(warnings.onceregistry).__name__)

with warnings.catch_warnings(record=True) as log:
    # The default action shows a warning once per location.
    for _ in range(3):
        warn_here()
    show(log)
    warnings.warn("main dep", DeprecationWarning)
    show(log)
    warnings.warn("pending", PendingDeprecationWarning)
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for _ in range(2):
        warn_here()
    show(log)
    warnings.simplefilter("once")
    warn_here("x")
    warn_here("x")
    warnings.warn("x")
    show(log)
    warnings.simplefilter("module")
    warn_here("m")
    warn_here("m")
    show(log)
    warnings.simplefilter("ignore")
    warn_here()
    show(log)
    warnings.filterwarnings("error", message="boo", category=RuntimeWarning)
    try:
        warnings.warn("BOOM here", RuntimeWarning)
    except RuntimeWarning as exc:
        print("raised", type(exc).__name__, exc)
    warnings.warn("other", RuntimeWarning)
    show(log)
    warnings.resetwarnings()
    # With no filters at all, even ImportWarning (ignored by the built-in
    # filters) is shown.
    warnings.warn("after reset", ImportWarning)
    print("after reset", [str(w.message) for w in log[-1:]])
    warnings.filterwarnings("always", module="__ma")
    warn_here("module regex")
    show(log)
    warnings.filterwarnings("ignore", lineno=14)
    warn_here("line 14 ignored")
    show(log)

print("restored", len(warnings.filters) >= 5)

# A Warning instance carries its category; stacklevel picks the frame.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn(FutureWarning("instance"))

    def inner():
        warnings.warn("level2", stacklevel=2)

    inner()
    warnings.warn("deep", stacklevel=50)
    print(" ", log[-1].filename, log[-1].lineno)
    show(log)
    warnings.warn_explicit("explicit", SyntaxWarning, "mod.py", 7,
                           module="mod", registry={})
    show(log)

# Registry bookkeeping.
reg = {}
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    warnings.warn_explicit("r", UserWarning, "f.py", 3, registry=reg)
    warnings.warn_explicit("r", UserWarning, "f.py", 3, registry=reg)
    print(len(log), sorted(k for k in reg if k != "version"))
    print(type(reg["version"]).__name__)

# formatwarning and showwarning.
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  x = 1  "),
      end="")
print(repr(warnings.formatwarning("msg", UserWarning, "<string>", 3)))
warnings.showwarning("shown", UserWarning, "f.py", 9, file=sys.stdout,
                     line="source()")


def my_show(message, category, filename, lineno, file=None, line=None):
    print("custom:", category.__name__, message)


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    warnings.warn("through the hook")
    # Warnings from C (the compiler) use the same hook.
    compile("x = 1\nassert (x, 'msg')\n", "<test>", "exec")

# catch_warnings restores showwarning only when the filters are
# module-global (sys.flags.context_aware_warnings off); put it back here.
restored = warnings.showwarning is warnings._showwarning_orig
print(restored != bool(sys.flags.context_aware_warnings))
warnings.showwarning = warnings._showwarning_orig
print(str(warnings.WarningMessage("m", UserWarning, "f.py", 1)))
print(repr(warnings.catch_warnings(record=True)))

# Bad arguments.
for call in (lambda: warnings.simplefilter("bogus"),
             lambda: warnings.filterwarnings("ignore", category=int),
             lambda: warnings.filterwarnings("ignore", lineno=-1),
             lambda: warnings.warn("x", category=5),
             lambda: warnings.warn_explicit("x", UserWarning, "f", 1,
                                            registry=[])):
    try:
        call()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)

cm = warnings.catch_warnings()
try:
    cm.__exit__(None, None, None)
except RuntimeError as exc:
    print("RuntimeError:", exc)
with cm:
    try:
        cm.__enter__()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

with warnings.catch_warnings(action="error", category=UserWarning):
    try:
        warnings.warn("as error")
    except UserWarning as exc:
        print("catch_warnings(action=...):", exc)
