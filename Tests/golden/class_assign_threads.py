# obj.__class__ = C while other threads call methods on obj and read its
# type: each reader sees one class or the other, never a torn or freed
# one, and the class's reference count stays balanced (ThreadSanitizer
# runs this in CI: the store must not race with Py_TYPE readers).
import sys
import threading


class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pet = Cat()
pet.name = "rex"
stop = threading.Event()
seen = {"meow": 0, "woof": 0, "other": 0}
lock = threading.Lock()


def reader():
    local = {"meow": 0, "woof": 0, "other": 0}
    while not stop.is_set():
        said = pet.speak()
        kind = type(pet)
        if said in local and kind in (Cat, Dog) and pet.name == "rex":
            local[said] += 1
        else:
            local["other"] += 1
    with lock:
        for key, value in local.items():
            seen[key] += value


def flipper(rounds):
    for i in range(rounds):
        pet.__class__ = Dog if i % 2 == 0 else Cat


def racing_flippers():
    # Two threads assigning at once: each store checks the class it
    # replaces, so the old class's count drops once per store.
    before = sys.getrefcount(Cat) + sys.getrefcount(Dog)
    workers = [threading.Thread(target=flipper, args=(400,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    pet.__class__ = Cat
    after = sys.getrefcount(Cat) + sys.getrefcount(Dog)
    print("counts balanced:", before == after)


readers = [threading.Thread(target=reader) for _ in range(2)]
for r in readers:
    r.start()
flipper(1000)
stop.set()
for r in readers:
    r.join()
print("torn reads:", seen["other"])
racing_flippers()
print(type(pet).__name__, pet.speak(), pet.__dict__)
