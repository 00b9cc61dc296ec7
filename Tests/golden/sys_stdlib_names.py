# sys.stdlib_module_names, and the "Did you forget to import" hint that
# uses it.
import sys
import traceback

names = sys.stdlib_module_names
print(type(names).__name__, all(isinstance(n, str) for n in names))
print([n in names for n in ("os", "sys", "asyncio", "json", "re", "typing",
                             "collections", "xml", "numpy", "os.path")])
try:
    os.getcwd()
except NameError as exc:
    print(traceback.format_exception_only(exc)[-1], end="")
try:
    sys.exitt
except AttributeError as exc:
    print(traceback.format_exception_only(exc)[-1], end="")
