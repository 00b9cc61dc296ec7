# Specialized operator sites run in four threads while another thread
# replaces the class's dunders, their code and their defaults: every
# result must be one the class could have given at some moment.
import threading

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return "add1"
    def __lt__(self, other):
        return True

def add_a(self, other):
    return "add1"
def add_b(self, other, tag="add2"):
    return tag
def add_c(self, other):
    return "add3"
add_a_code = add_a.__code__
def lt_a(self, other):
    return True
def lt_b(self, other):
    return False

ALLOWED_ADD = {"add1", "add2", "add3"}
stop = threading.Event()
errors = []
seen = set()
seen_lock = threading.Lock()

def worker():
    a, b = V(1), V(2)
    local = set()
    try:
        for i in range(3000):
            r = a + b
            if r not in ALLOWED_ADD:
                errors.append(r)
            r2 = a + 1.5
            if r2 not in ALLOWED_ADD:
                errors.append(r2)
            local.add(a < b)
            if a < b:
                local.add("branch")
    except Exception as e:
        errors.append(repr(e))
    with seen_lock:
        seen.update(local)

def mutator():
    n = 0
    while not stop.is_set():
        n += 1
        V.__add__ = add_b if n % 2 else add_a
        V.__lt__ = lt_b if n % 3 else lt_a
        add_b.__defaults__ = ("add3",) if n % 5 else ("add2",)
        add_a.__code__ = add_c.__code__ if n % 7 else add_a_code
        V.__add__ = add_a
        if n > 2000:
            break

threads = [threading.Thread(target=worker) for _ in range(4)]
m = threading.Thread(target=mutator)
m.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
m.join()
print("errors", errors[:5])
print("saw a bool", True in seen or False in seen)
