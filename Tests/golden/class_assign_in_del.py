# __del__ that assigns __class__: the dying instance holds a reference to
# its new class, so deallocation must drop that one (not the class it was
# created with), however many instances do it.
import gc


class Target:
    pass


class Dying:
    def __del__(self):
        self.__class__ = Target


class DyingSlots:
    __slots__ = ("a",)

    def __del__(self):
        self.__class__ = TargetSlots


class TargetSlots:
    __slots__ = ("a",)


items = [Dying() for _ in range(200)]
del items
slotted = [DyingSlots() for _ in range(200)]
for obj in slotted:
    obj.a = [1, 2, 3]
del slotted, obj
cycle = Dying()
cycle.me = cycle
del cycle
gc.collect()
print(Dying.__name__, Target.__name__, TargetSlots.__name__)
print("instances:", sum(type(o) in (Dying, Target) for o in gc.get_objects()))
