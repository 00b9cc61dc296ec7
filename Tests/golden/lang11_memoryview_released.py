# A memoryview released by the __index__ of a slice bound while the slice
# is assigned raises ValueError and writes nothing (gh-92888): the memory
# it described is freed by then.
size = 128
ba = None

def release():
    m.release()
    global ba
    ba = bytearray(size)

class MyIndex:
    def __index__(self):
        release()
        return 4

def attempt(label, func):
    try:
        func()
        print(label, "stored")
    except ValueError as e:
        print(label, "ValueError:", e)
    print(ba[:8])

def stop_releases():
    m[:MyIndex()] = b'spam'

def start_releases():
    m[MyIndex():8] = b'spam'

def step_releases():
    m[0:8:MyIndex()] = b'sp'

for func in (stop_releases, start_releases, step_releases):
    ba = None
    m = memoryview(bytearray(b'\xff' * size))
    attempt(func.__name__, func)
    # Many rounds: a write into the freed block would corrupt the heap.
    for i in range(200):
        m = memoryview(bytearray(b'\xff' * size))
        try:
            func()
        except ValueError:
            pass

m = memoryview(bytearray(b'\xff' * size))
m[:4] = b'spam'
print(bytes(m[:6]))
