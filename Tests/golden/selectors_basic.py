# selectors: every selector class with pipes; keys, maps, errors.
import os
import selectors
import time


def show(f, fd=None):
    try:
        print(repr(f()))
    except Exception as e:
        text = str(e)
        if fd is not None:
            text = text.replace(str(fd), "FD")
        print(type(e).__name__, text)


class Pipe:
    def __init__(self, fd, name):
        self.fd = fd
        self.name = name

    def fileno(self):
        if self.fd is None:
            raise ValueError("closed")
        return self.fd

    def __repr__(self):
        return f"<Pipe {self.name}>"


print(selectors.DefaultSelector is selectors.EpollSelector)
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
key = selectors.SelectorKey("f", 3, selectors.EVENT_READ, None)
print(key, key._fields)

for cls in (selectors.SelectSelector, selectors.PollSelector,
            selectors.EpollSelector, selectors.DefaultSelector):
    print("--", cls.__name__)
    r, w = os.pipe()
    rp, wp = Pipe(r, "r"), Pipe(w, "w")
    with cls() as sel:
        print(isinstance(sel, selectors.BaseSelector))
        k = sel.register(rp, selectors.EVENT_READ, "reader")
        print(k.fileobj, k.fd == r, k.events, k.data)
        sel.register(w, selectors.EVENT_WRITE)
        show(lambda: sel.register(rp, selectors.EVENT_READ), r)
        show(lambda: sel.register(r, selectors.EVENT_WRITE), r)
        show(lambda: sel.register(wp, 0))
        show(lambda: sel.register(wp, 4))
        show(lambda: sel.register(-1, selectors.EVENT_READ))
        show(lambda: sel.register("x", selectors.EVENT_READ))
        show(lambda: sel.unregister(99))
        show(lambda: sel.get_key(99))
        show(lambda: sel.modify(99, selectors.EVENT_READ))
        m = sel.get_map()
        print(len(m), sorted(m) == sorted([r, w]), m[rp].data, m[w].events)
        print(rp in m, 99 in m, m.get(99), m.get(rp).data)
        print(sel.get_key(rp) is k)
        # Only the write end is ready.
        ready = sel.select(0)
        print([(key.fd == w, ev) for key, ev in ready])
        os.write(w, b"x")
        ready = sorted(sel.select(0.1), key=lambda kv: kv[0].fd == w)
        print([(key.data, ev) for key, ev in ready])
        # modify: data only keeps events, events change is seen by select.
        k2 = sel.modify(rp, selectors.EVENT_READ, "new data")
        print(k2.data, k2.events, sel.get_key(r).data)
        sel.modify(w, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
        ready = sel.select(0)
        print(sorted(ev for key, ev in ready))
        os.read(r, 1)
        k3 = sel.unregister(w)
        print(k3.data, len(sel.get_map()))
        t0 = time.monotonic()
        print(sel.select(0.05), time.monotonic() - t0 >= 0.05)
        print(sel.select(-1))
        # A file object that can no longer give its fd is still found.
        rp.fd = None
        print(sel.get_key(rp).fd == r)
        print(sel.unregister(rp).data)
        print(len(sel.get_map()))
        if hasattr(sel, "fileno"):
            print("fileno", sel.fileno() >= 0)
    print(sel.get_map())
    show(lambda: sel.get_key(r))
    os.close(r)
    os.close(w)

# Hang-up counts as readable.
r, w = os.pipe()
sel = selectors.DefaultSelector()
sel.register(r, selectors.EVENT_READ)
os.close(w)
print([ev for key, ev in sel.select(0)])
sel.close()
os.close(r)

show(lambda: selectors.BaseSelector())


class Minimal(selectors.BaseSelector):
    def __init__(self):
        self.keys = {}

    def register(self, fileobj, events, data=None):
        key = selectors.SelectorKey(fileobj, fileobj, events, data)
        self.keys[fileobj] = key
        return key

    def unregister(self, fileobj):
        return self.keys.pop(fileobj)

    def select(self, timeout=None):
        return []

    def get_map(self):
        return self.keys


m = Minimal()
m.register(5, selectors.EVENT_READ, "a")
print(m.modify(5, selectors.EVENT_WRITE, "b"))
print(m.get_key(5).data)
show(lambda: m.get_key(6))
