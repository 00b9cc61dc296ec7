# PEP 688: Python classes exporting buffers with __buffer__/__release_buffer__.
import inspect
from collections.abc import Buffer

log = []

class Exporter:
    def __init__(self, data):
        self.data = bytearray(data)
        self.view = None
    def __buffer__(self, flags):
        log.append(("buffer", flags))
        self.view = memoryview(self.data)
        return self.view
    def __release_buffer__(self, view):
        log.append(("release", view is self.view))
        self.view.release()
        self.view = None

e = Exporter(b"hello")
with memoryview(e) as m:
    print(m.tobytes(), m.readonly, m.nbytes)
print(log)
log.clear()
print(bytes(e), bytearray(e), b"-".join([e, b"x"]))
print(len(log), log[0][0], log[-1])
log.clear()

# A writable export changes the underlying data.
m = memoryview(e)
m[0] = ord("J")
m.release()
print(e.data, log[-1])

print(isinstance(e, Buffer), isinstance(b"x", Buffer), isinstance(bytearray(), Buffer),
      isinstance(memoryview(b""), Buffer), isinstance("x", Buffer), isinstance(3, Buffer))
print(issubclass(Exporter, Buffer), issubclass(list, Buffer))

# Built-in exporters show __buffer__ and __release_buffer__.
for t in (bytes, bytearray, memoryview):
    print(t.__name__, hasattr(t, "__buffer__"), hasattr(t, "__release_buffer__"))
mv = b"abc".__buffer__(inspect.BufferFlags.SIMPLE)
print(type(mv).__name__, mv.tobytes(), mv.readonly)
ba = bytearray(b"xyz")
mv = ba.__buffer__(inspect.BufferFlags.WRITABLE)
mv[1] = ord("Y")
print(ba)
try:
    ba.append(1)
except BufferError as exc:
    print("BufferError", exc)
ba.__release_buffer__(mv)
ba.append(33)
print(ba, mv.__class__.__name__)
try:
    b"abc".__buffer__(inspect.BufferFlags.WRITABLE)
except BufferError as exc:
    print("BufferError", exc)
try:
    ba.__release_buffer__(b"no")
except TypeError as exc:
    print("TypeError", exc)
try:
    ba.__release_buffer__(memoryview(b"other"))
except ValueError as exc:
    print("ValueError", exc)

# super().__buffer__() in a subclass of a built-in exporter.
class Sub(bytearray):
    def __buffer__(self, flags):
        log.append("sub")
        return super().__buffer__(flags)
log.clear()
s = Sub(b"sub")
print(bytes(memoryview(s)), log)

class Bad:
    def __buffer__(self, flags):
        return b"not a view"
try:
    memoryview(Bad())
except TypeError as exc:
    print("TypeError", exc)

class Raising:
    def __buffer__(self, flags):
        raise KeyError("nope")
try:
    bytes(Raising())
except KeyError as exc:
    print("KeyError", exc)

print(inspect.BufferFlags.FULL_RO == inspect.BufferFlags.INDIRECT | inspect.BufferFlags.FORMAT)
print(int(inspect.BufferFlags.WRITABLE), int(inspect.BufferFlags.READ), int(inspect.BufferFlags.WRITE))

# __release_buffer__ defined over a built-in exporter: called with a
# memoryview of the buffer, then the base's own release runs.
class Tracked(bytearray):
    def __release_buffer__(self, view):
        print('release', type(view).__name__, bytes(view))
t = Tracked(b'qq')
m = memoryview(t)
m.release()
t.append(33)
print(t)

# A buffer kept alive by a reference cycle is collected.
import gc
class Cycle:
    def __init__(self):
        self.me = self
        self.data = bytearray(b'cyc')
    def __buffer__(self, flags):
        return memoryview(self.data)
c = Cycle()
c.view = memoryview(c)
del c
print(gc.collect() > 0)
