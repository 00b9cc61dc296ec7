# ImportError / ModuleNotFoundError cases and their messages.
import sys

here = sys.path[0]


def show(exc):
    print(type(exc).__name__, '|', str(exc).replace(here, '<dir>'), '|',
          getattr(exc, 'name', None))


try:
    import no_such_module_xyz
except ModuleNotFoundError as exc:
    show(exc)
try:
    import import_pkg.nosuch
except ModuleNotFoundError as exc:
    show(exc)
try:
    import import_pkg.plain.below
except ModuleNotFoundError as exc:
    show(exc)
try:
    from import_pkg.plain import missing
except ImportError as exc:
    show(exc)
try:
    from import_pkg import nosub
except ImportError as exc:
    show(exc)
try:
    from . import anything
except ImportError as exc:
    show(exc)
try:
    from .sibling import anything
except ImportError as exc:
    show(exc)
try:
    import import_pkg.toofar
except ImportError as exc:
    show(exc)
print('import_pkg.toofar' in sys.modules)
try:
    __import__('')
except ValueError as exc:
    print('ValueError', exc)
try:
    __import__('import_pkg', level=-1)
except ValueError as exc:
    print('ValueError', exc)

for attempt in range(2):
    try:
        import import_pkg.broken
    except RuntimeError as exc:
        print('attempt', attempt, exc, 'import_pkg.broken' in sys.modules)
try:
    import import_pkg.badsyntax
except SyntaxError as exc:
    print('SyntaxError', exc.lineno, 'import_pkg.badsyntax' in sys.modules)

sys.modules['blocked_module'] = None
try:
    import blocked_module
except ModuleNotFoundError as exc:
    show(exc)
print(issubclass(ModuleNotFoundError, ImportError))
