"""ABCMeta written in Python: the fallback abc uses when the C module
_abc is missing, and a readable account of what it does.

Each abstract base class keeps three weak sets: the classes registered
as its virtual subclasses, the classes known to be subclasses (the
cache) and the classes known not to be (the negative cache).  Every
register() call anywhere bumps a global counter, which empties the
negative caches lazily, since a new registration can make a class a
subclass of any ABC above the registered one.
"""

from _weakrefset import WeakSet


def get_cache_token():
    """Return the current ABC cache token: it changes whenever a class
    is registered with any ABC, so a value cached against it can be
    invalidated."""
    return ABCMeta._abc_invalidation_counter


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


class ABCMeta(type):
    """Metaclass for abstract base classes.

    A class made with it may declare abstract methods (with
    abc.abstractmethod); it cannot be instantiated until a subclass
    overrides them all.  Unrelated classes become virtual subclasses
    through register(), or through the ABC's __subclasshook__.
    """

    # Bumped by every register(); read by the negative caches.
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items()
                     if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = WeakSet()
        cls._abc_cache = WeakSet()
        cls._abc_negative_cache = WeakSet()
        cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        return cls

    def register(cls, subclass):
        """Make *subclass* a virtual subclass of this ABC and return it,
        so that register can decorate a class."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass        # Already a subclass: nothing to do.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def _dump_registry(cls, file=None):
        """Print the ABC's registry and caches, for debugging."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for name in sorted(cls.__dict__):
            if name.startswith("_abc_"):
                value = getattr(cls, name)
                if isinstance(value, WeakSet):
                    value = set(value)
                print(f"{name}: {value!r}", file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass (for tests)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Empty both caches (for tests)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), honouring virtual subclasses."""
        klass = instance.__class__
        if klass in cls._abc_cache:
            return True
        kind = type(instance)
        if kind is not klass:
            # A proxy may claim a __class__ its type does not have.
            return (cls.__subclasscheck__(klass)
                    or cls.__subclasscheck__(kind))
        if (cls._abc_negative_cache_version
                == ABCMeta._abc_invalidation_counter
                and klass in cls._abc_negative_cache):
            return False
        return cls.__subclasscheck__(klass)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), honouring virtual subclasses."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < ABCMeta._abc_invalidation_counter:
            # Some register() happened since: the old "no"s may be wrong.
            cls._abc_negative_cache = WeakSet()
            cls._abc_negative_cache_version = (
                ABCMeta._abc_invalidation_counter)
        elif subclass in cls._abc_negative_cache:
            return False
        answer = cls._decide_subclass(subclass)
        if answer:
            cls._abc_cache.add(subclass)
        else:
            cls._abc_negative_cache.add(subclass)
        return answer

    def _decide_subclass(cls, subclass):
        """The uncached answer: the hook first, then real inheritance,
        then the registry, then the subclasses' own answers."""
        hooked = cls.__subclasshook__(subclass)
        if hooked is not NotImplemented:
            if not isinstance(hooked, bool):
                raise TypeError("__subclasshook__ must return either False,"
                                " True, or NotImplemented")
            return hooked
        if cls in getattr(subclass, "__mro__", ()):
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for child in cls.__subclasses__():
            if issubclass(subclass, child):
                return True
        return False
