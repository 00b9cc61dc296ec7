"""Abstract base classes (PEP 3119): ABCMeta and the abstractmethod
decorator.  The caches and the registry are kept by the _abc module."""


def abstractmethod(funcobj):
    """Mark a method (or property, or other descriptor) abstract.

    A class whose metaclass is ABCMeta cannot be instantiated while any
    of its abstract methods is not overridden.  The abstract method may
    still be called through super().  Apply it innermost when combined
    with other decorators:

        class Shape(ABC):
            @abstractmethod
            def area(self):
                ...
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """An abstract classmethod.

    Deprecated: stack classmethod on abstractmethod instead.
    """

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """An abstract staticmethod.

    Deprecated: stack staticmethod on abstractmethod instead.
    """

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """An abstract property.

    Deprecated: stack property on abstractmethod instead.
    """

    __isabstractmethod__ = True


try:
    from _abc import (get_cache_token, _abc_init, _abc_register,
                      _abc_instancecheck, _abc_subclasscheck, _get_dump,
                      _reset_registry, _reset_caches)
except ImportError:
    # Without the _abc accelerator (blocked, as in tests), the pure
    # Python ABCMeta stands in under this module's name.
    from _py_abc import ABCMeta, get_cache_token
    ABCMeta.__module__ = 'abc'
else:
    class ABCMeta(type):
        """The metaclass of abstract base classes.

        An ABC can be subclassed like any class, its concrete methods then
        serving as mix-ins.  Unrelated classes, built-in ones included, can
        also be registered as virtual subclasses: issubclass() and
        isinstance() then accept them (and their subclasses), although the
        ABC is not in their MRO and its methods are not inherited.
        """

        def __new__(mcls, name, bases, namespace, /, **kwargs):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            _abc_init(cls)
            return cls

        def register(cls, subclass):
            """Make subclass a virtual subclass of this ABC and return it
            (so that register can decorate a class).
            """
            return _abc_register(cls, subclass)

        def __instancecheck__(cls, instance):
            """Override for isinstance(instance, cls)."""
            return _abc_instancecheck(cls, instance)

        def __subclasscheck__(cls, subclass):
            """Override for issubclass(subclass, cls)."""
            return _abc_subclasscheck(cls, subclass)

        def _dump_registry(cls, file=None):
            """Debug helper to print the ABC registry."""
            print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
            print(f"Inv. counter: {get_cache_token()}", file=file)
            (registry, cache, negative_cache,
             negative_cache_version) = _get_dump(cls)
            print(f"_abc_registry: {registry!r}", file=file)
            print(f"_abc_cache: {cache!r}", file=file)
            print(f"_abc_negative_cache: {negative_cache!r}", file=file)
            print(f"_abc_negative_cache_version: {negative_cache_version!r}",
                  file=file)

        def _abc_registry_clear(cls):
            """Clear the registry (for debugging or testing)."""
            _reset_registry(cls)

        def _abc_caches_clear(cls):
            """Clear the caches (for debugging or testing)."""
            _reset_caches(cls)


def update_abstractmethods(cls):
    """Compute cls.__abstractmethods__ again and return cls.

    An ABC decides which of its methods are abstract when it is created.
    A class decorator that adds or implements methods afterwards calls
    this so that the set matches the class again.  Classes that are not
    ABCs are returned unchanged.
    """
    if not hasattr(cls, '__abstractmethods__'):
        # Only classes made by ABCMeta (or that copy its protocol) keep
        # the set; anything else is left alone.
        return cls

    abstracts = set()
    # Names a base still declares abstract stay abstract unless cls now
    # provides something concrete under that name.
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    # Names the class itself defines abstractly.
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Inherit from ABC to make an abstract base class without naming
    the metaclass."""
    __slots__ = ()
