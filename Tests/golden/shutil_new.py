# shutil features newer than 3.11: rmtree's onexc, onerror deprecated.
import os
import shutil
import tempfile
import warnings

top = tempfile.mkdtemp()
missing = os.path.join(top, "missing")

calls = []
def onexc(func, path, exc):
    calls.append((func.__name__, os.path.basename(path), type(exc).__name__))
shutil.rmtree(missing, onexc=onexc)
print(calls)

infos = []
def onerror(func, path, exc_info):
    infos.append((func.__name__, exc_info[0].__name__,
                  isinstance(exc_info[1], exc_info[0]),
                  exc_info[2] is exc_info[1].__traceback__))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shutil.rmtree(missing, onerror=onerror)
print(infos)
print([(w.category.__name__, str(w.message)) for w in caught])

# onexc wins over onerror when both are given
calls.clear()
infos.clear()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    shutil.rmtree(missing, onerror=onerror, onexc=onexc)
print(len(calls), len(infos))

# an onexc that raises stops the removal
def stop(func, path, exc):
    raise RuntimeError("stopped at " + func.__name__)
try:
    shutil.rmtree(missing, onexc=stop)
except RuntimeError as e:
    print(e)

os.makedirs(os.path.join(top, "a", "b"))
shutil.rmtree(os.path.join(top, "a"), onexc=stop)
print(os.listdir(top))
os.rmdir(top)
