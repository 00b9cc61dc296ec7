# A daemon thread still running the program's code at exit keeps the
# module's namespace alive; the program's objects are finalized anyway,
# names starting with one underscore first.
import threading


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


def spin():
    while True:
        pass


threading.Thread(target=spin, daemon=True).start()
resource = Resource("public")
_private = Resource("private")
print("program done")
