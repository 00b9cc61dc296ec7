# Sourced by Tests/cmdline/run.sh: loading C extension modules and the GIL
# gate (DESIGN.md sections 1, 7 and 10).  The fixtures are built by
# make check into the build directory's Tests/capi/ext (Makefile.am).

ext=$(dirname "$PY")/Tests/capi/ext
soabi=weft-315$FT-x86_64-linux-gnu
usepath="import sys; sys.path.insert(0, '$ext')"
gilwarning="RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module 'ext_multi_gil', which has not declared that it can run safely without the GIL. To override this behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0."

# ---- suffixes and the loader class -------------------------------------------
if [ "$FT" = t ]; then
    expect ext-suffixes "['.$soabi.so', '.abi3t.so', '.so']" \
        "$PY" -c 'import importlib.machinery as m; print(m.EXTENSION_SUFFIXES)'
else
    expect ext-suffixes "['.$soabi.so', '.abi3.so', '.abi3t.so', '.so']" \
        "$PY" -c 'import importlib.machinery as m; print(m.EXTENSION_SUFFIXES)'
fi
expect ext-imp-suffixes "True" "$PY" -c \
    'import _imp, importlib.machinery as m; print(_imp.extension_suffixes() == m.EXTENSION_SUFFIXES)'

# ---- multi-phase, declares Py_MOD_GIL_NOT_USED ---------------------------------
if [ "$FT" = t ]; then gil_default=False; else gil_default=True; fi
expect ext-multi-safe "42 9 ['0', '1', '2'] 1 2 $gil_default" "$PY" -c "$usepath
import ext_multi_safe as m
print(m.ANSWER, m.call(max, 3, 9), m.map(str, range(3)), m.bump(), m.bump(), sys._is_gil_enabled())"
expect ext-multi-attrs "True ExtensionFileLoader True False ext_multi_safe multi-phase, declares Py_MOD_GIL_NOT_USED" "$PY" -c "$usepath
import ext_multi_safe as m
print(m.__file__ == m.__spec__.origin, type(m.__loader__).__name__,
      m.__file__.endswith('ext_multi_safe.$soabi.so'), m.__loader__.is_package('ext_multi_safe'),
      m.__name__, m.__doc__)"
expect ext-multi-errors "Error boom True|KeyError 'k'|ZeroDivisionError|ValueError invalid literal for int() with base 10: 'x'|TypeError" "$PY" -c "$usepath
import ext_multi_safe as m
out = []
for f in (lambda: m.fail('boom'), lambda: m.raise_(KeyError, 'k'), lambda: m.call(lambda: 1 / 0),
          lambda: m.map(int, ['1', 'x']), lambda: m.raise_(3, 'not a class')):
    try:
        f()
    except Exception as e:
        out.append(type(e).__name__ + (' ' + str(e) if not isinstance(e, (ZeroDivisionError, TypeError)) else '')
                   + (' ' + str(isinstance(e, ValueError)) if type(e).__name__ == 'Error' else ''))
print('|'.join(out))"
# A second import after removal makes a new module with fresh state; the
# first one keeps its own state (its Error class survives a collection).
expect ext-multi-state "False 1 2 True" "$PY" -c "$usepath
import gc, ext_multi_safe as a
a.bump()
del sys.modules['ext_multi_safe']
import ext_multi_safe as b
gc.collect()
print(a is b, b.bump(), a.bump(), a.Error is not b.Error)"
expect ext-spec-from-file "ExtensionFileLoader 42 True" "$PY" -c "
import importlib.util
spec = importlib.util.spec_from_file_location('ext_multi_safe', '$ext/ext_multi_safe.$soabi.so')
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(type(spec.loader).__name__, m.ANSWER, m.__spec__ is spec)"
expect ext-imp-dynamic "42 0" "$PY" -c "
import _imp, importlib.machinery as mach
spec = mach.ModuleSpec('ext_multi_safe', None, origin='$ext/ext_multi_safe.$soabi.so')
m = _imp.create_dynamic(spec)
print(_imp.exec_dynamic(m) or m.ANSWER, _imp.exec_dynamic(m))"
expect ext-verbose-loaded "# extension module 'ext_multi_safe' loaded from '$ext/ext_multi_safe.$soabi.so'" \
    sh -c "'$PY' -v -c \"$usepath; import ext_multi_safe\" 2>&1 | grep '^# extension module .ext_multi_safe. loaded'"

# ---- single-phase modules --------------------------------------------------------
expect ext-single-safe "True $gil_default single-phase 1 6 2" "$PY" -c "$usepath
import ext_single_safe as s
print(s.GIL_DURING_INIT, sys._is_gil_enabled(), s.KIND, s.init_count(), s.call(sum, [1, 2, 3]), end=' ')
del sys.modules['ext_single_safe']
import ext_single_safe as s
print(s.init_count())"
# m_size -1: the second import copies the first namespace; PyInit runs once.
expect ext-single-reimport "False 1 single-phase 3 True" "$PY" -W ignore -c "$usepath
import ext_single_gil as a
del sys.modules['ext_single_gil']
import ext_single_gil as b
print(a is b, b.init_count(), b.KIND, b.call(len, 'abc'), b.__file__ == a.__file__)"
expect ext-single-error "ValueError: bad" "$PY" -W ignore -c "$usepath
import ext_single_gil as s
try:
    s.raise_(ValueError, 'bad')
except ValueError as e:
    print('ValueError:', e)"

# ---- the GIL gate -------------------------------------------------------------------
if [ "$FT" = t ]; then
    expect ext-gate-multi "False True" "$PY" -W ignore -c "$usepath
before = sys._is_gil_enabled()
import ext_multi_gil
print(before, sys._is_gil_enabled())"
    expect ext-gate-single "False True" "$PY" -W ignore -c "$usepath
before = sys._is_gil_enabled()
import ext_single_gil
print(before, sys._is_gil_enabled())"
    expect ext-gate-safe-stays-off "False False False" "$PY" -W error -c "$usepath
before = sys._is_gil_enabled()
import ext_multi_safe
middle = sys._is_gil_enabled()
import ext_single_safe
print(before, middle, sys._is_gil_enabled())"
    expect_err ext-gate-warning "$gilwarning" "$PY" -c "$usepath; import ext_multi_gil"
    expect ext-gate-warning-once "1 RuntimeWarning ext_multi_gil True" "$PY" -c "$usepath
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    import ext_multi_gil, ext_single_gil
print(len(w), w[0].category.__name__, str(w[0].message).split(\"'\")[1],
      str(w[0].message).startswith('The global interpreter lock (GIL) has been enabled'))"
    expect ext-gate-single-warning "ext_single_gil" "$PY" -c "$usepath
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    import ext_single_safe, ext_single_gil
print(*[str(x.message).split(\"'\")[1] for x in w])"
    expect ext-gate-warning-error "RuntimeWarning True" "$PY" -W error::RuntimeWarning -c "$usepath
try:
    import ext_multi_gil
except RuntimeWarning as e:
    print(type(e).__name__, sys._is_gil_enabled())"
    expect ext-gate-verbose "# loading module 'ext_multi_gil', which requires the GIL
# loading module 'ext_single_gil', which requires the GIL" \
        sh -c "'$PY' -v -c \"$usepath; import ext_multi_safe, ext_multi_gil, ext_single_safe, ext_single_gil\" 2>&1 | grep 'requires the GIL'"
    expect ext-gate-env0 "False False" env PYTHON_GIL=0 "$PY" -W error -c "$usepath
before = sys._is_gil_enabled()
import ext_multi_gil, ext_single_gil
print(before, sys._is_gil_enabled())"
    expect ext-gate-X0 "False False" "$PY" -X gil=0 -W error -c "$usepath
before = sys._is_gil_enabled()
import ext_multi_gil, ext_single_gil
print(before, sys._is_gil_enabled())"
    expect ext-gate-X0-wins "False" env PYTHON_GIL=1 "$PY" -X gil=0 -c "$usepath
import ext_multi_gil; print(sys._is_gil_enabled())"
    expect ext-gate-X0-quiet "0" sh -c "'$PY' -X gil=0 -v -c \"$usepath; import ext_multi_gil\" 2>&1 | grep -c -e 'requires the GIL' -e RuntimeWarning"
    expect ext-gate-env1 "True True" env PYTHON_GIL=1 "$PY" -W error -c "$usepath
before = sys._is_gil_enabled()
import ext_multi_gil
print(before, sys._is_gil_enabled())"
    # Two threads importing GIL-using modules at once: one warning.
    expect ext-gate-threads-once "1" sh -c "'$PY' -W always -c \"$usepath
import threading
ts = [threading.Thread(target=__import__, args=(n,)) for n in ('ext_multi_gil', 'ext_single_gil')]
for t in ts: t.start()
for t in ts: t.join()
assert sys._is_gil_enabled()\" 2>&1 | grep -c 'RuntimeWarning: The global interpreter lock'"
    # Turning the GIL on stops the world while other threads run Python.
    expect ext-gate-threads "True 4" "$PY" -W ignore -c "$usepath
import threading
stop = False
counts = []
def spin():
    n = 0
    while not stop:
        n += 1
    counts.append(n)
threads = [threading.Thread(target=spin, daemon=True) for _ in range(4)]
for t in threads: t.start()
try:
    import ext_multi_gil
finally:
    stop = True
for t in threads: t.join()
print(sys._is_gil_enabled(), len(counts))"
else
    expect ext-default-all "True True 42" "$PY" -W error -c "$usepath
import ext_multi_safe, ext_multi_gil, ext_single_safe, ext_single_gil
print(sys._is_gil_enabled(), ext_single_safe.GIL_DURING_INIT, ext_multi_gil.ANSWER)"
    expect ext-default-quiet "0" sh -c "'$PY' -v -c \"$usepath; import ext_multi_gil, ext_single_gil\" 2>&1 | grep -c -e 'requires the GIL' -e RuntimeWarning"
fi

# ---- files that cannot be loaded ------------------------------------------------------
mkdir -p "$tmp/extdir"
cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/other.so"
cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/tëst.so"
printf 'not an ELF file\n' > "$tmp/extdir/junk.so"
tryimport="import sys; sys.path.insert(0, '$tmp/extdir')
def attempt(name):
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e.name, e.path.replace('$tmp/extdir/', ''), '|', str(e).replace('$tmp/extdir/', ''))
    else:
        print('imported', name)"
expect ext-no-entry "ImportError other other.so | dynamic module does not define module export function (PyModExport_other or PyInit_other)" \
    "$PY" -c "$tryimport
attempt('other')"
expect ext-no-entry-unicode "ImportError tëst tëst.so | dynamic module does not define module export function (PyModExportU_tst_jma or PyInitU_tst_jma)" \
    "$PY" -c "$tryimport
attempt('tëst')"
expect ext-not-elf "ImportError junk junk.so True" "$PY" -c "import sys; sys.path.insert(0, '$tmp/extdir')
try:
    import junk
except ImportError as e:
    print(type(e).__name__, e.name, e.path.rsplit('/', 1)[1], 'junk.so' in str(e))"
# Entry points that break the rules; in the free-threaded build the GIL
# enabled around each PyInit is off again afterwards.
for n in silent raises both notmodule export; do
    cp "$ext/ext_broken.$soabi.so" "$tmp/extdir/ext_broken_$n.so"
done
expect ext-broken-hooks "SystemError: initialization of ext_broken_silent failed without raising an exception
RuntimeError: init refuses
SystemError: initialization of ext_broken_both raised unreported exception
SystemError: initialization of ext_broken_notmodule did not return an extension module
SystemError: module export hook of ext_broken_export failed without raising an exception
$gil_default" "$PY" -c "import sys; sys.path.insert(0, '$tmp/extdir')
for n in ('silent', 'raises', 'both', 'notmodule', 'export'):
    try:
        __import__('ext_broken_' + n)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('imported', n)
print(sys._is_gil_enabled())"
if [ "$FT" = t ]; then
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/gilabi.weft-315-x86_64-linux-gnu.so"
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/limited.abi3.so"
    expect ext-refuse-default-abi "ImportError gilabi gilabi.weft-315-x86_64-linux-gnu.so | cannot load extension module 'gilabi' from 'gilabi.weft-315-x86_64-linux-gnu.so': it was built for the version-specific ABI (weft-315-x86_64-linux-gnu) of the default (GIL) build, which the free-threaded build cannot load; rebuild it for abi3t or for the free-threaded build" \
        "$PY" -c "$tryimport
attempt('gilabi')"
    expect ext-refuse-abi3 "ImportError limited limited.abi3.so | cannot load extension module 'limited' from 'limited.abi3.so': it was built for the stable ABI (abi3) of the default (GIL) build, which the free-threaded build cannot load; rebuild it for abi3t or for the free-threaded build" \
        "$PY" -c "$tryimport
attempt('limited')"
    # A loadable candidate in the same directory wins over a refused file.
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/ext_multi_safe.abi3.so"
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/ext_multi_safe.$soabi.so"
    expect ext-refuse-only-alone "42 ext_multi_safe.$soabi.so" "$PY" -c "import sys; sys.path.insert(0, '$tmp/extdir')
import ext_multi_safe; print(ext_multi_safe.ANSWER, ext_multi_safe.__file__.rsplit('/', 1)[1])"
    expect ext-not-found-plain "ModuleNotFoundError" "$PY" -c "import sys; sys.path.insert(0, '$tmp/extdir')
try:
    import nosuchext
except ImportError as e:
    print(type(e).__name__)"
else
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/ftabi.weft-315t-x86_64-linux-gnu.so"
    expect ext-refuse-ft-abi "ImportError ftabi ftabi.weft-315t-x86_64-linux-gnu.so | cannot load extension module 'ftabi' from 'ftabi.weft-315t-x86_64-linux-gnu.so': it was built for the version-specific ABI (weft-315t-x86_64-linux-gnu) of the free-threaded build, which the default build cannot load; rebuild it for abi3t, abi3 or for the default build" \
        "$PY" -c "$tryimport
attempt('ftabi')"
    cp "$ext/ext_multi_safe.$soabi.so" "$tmp/extdir/limited.abi3.so"
    expect ext-abi3-loads "ImportError limited limited.abi3.so | dynamic module does not define module export function (PyModExport_limited or PyInit_limited)" \
        "$PY" -c "$tryimport
attempt('limited')"
fi
rm -rf "$tmp/extdir"
