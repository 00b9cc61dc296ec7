"""Names for the types of the interpreter's own objects (functions, code,
frames, generators, ...) that have no built-in name, and helpers for
creating classes dynamically.
"""

import sys

# Each type is taken from an object of that type: most of them have no
# other public name.


def _f(): pass


FunctionType = type(_f)
LambdaType = type(lambda: None)         # FunctionType again
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(sys.implementation)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


async def _c(): pass


_c = _c()
CoroutineType = type(_c)
_c.close()  # never awaited: do not warn about it


async def _ag():
    yield


_ag = _ag()
AsyncGeneratorType = type(_ag)


class _C:
    def _m(self): pass


MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # BuiltinFunctionType again

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])

ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
    FrameType = type(exc.__traceback__.tb_frame)

GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)


def _frame_locals_proxy_type():
    # Inside a function, frame.f_locals is a write-through proxy.
    return type(sys._getframe().f_locals)


FrameLocalsProxyType = _frame_locals_proxy_type()

def _lazy_import_type():
    # A lazy import (PEP 810) binds a proxy until the name is first used;
    # read from the namespace directly, the proxy is not resolved.
    ns = {}
    exec("lazy import sys as probe", ns)
    return type(ns["probe"])


LazyImportType = _lazy_import_type()


def __getattr__(name):
    # CapsuleType is found through a capsule, _socket.CAPI, only when asked
    # for, so that importing types does not import _socket.
    if name == "CapsuleType":
        import _socket
        capsule_type = type(_socket.CAPI)
        globals()["CapsuleType"] = capsule_type
        return capsule_type
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

GenericAlias = type(list[int])
UnionType = type(int | str)

EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del sys, _f, _g, _C, _c, _ag, _cell_factory, _frame_locals_proxy_type
del _lazy_import_type


# ---- dynamic class creation ------------------------------------------------

def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class as a class statement would: resolve the bases, find
    the metaclass, prepare the namespace, let exec_body(ns) fill it."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """Replace each base that is not a class but has __mro_entries__ by
    the entries it returns (PEP 560); bases itself if nothing changed."""
    new_bases = list(bases)
    updated = False
    shift = 0       # how far entries already expanded moved later ones
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """Find the metaclass for a class statement and prepare its namespace.

    Returns (metaclass, namespace, kwds): the most derived metaclass
    (from kwds['metaclass'] or the bases), the result of its
    __prepare__ (a dict if it has none), and a copy of kwds without the
    'metaclass' entry.
    """
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        # An explicit metaclass that is a class must still be the most
        # derived among the bases' metaclasses.
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    """The metaclass that is a subclass of meta and of every base's."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def get_original_bases(cls, /):
    """The bases a class statement named, before __mro_entries__ replaced
    them: cls.__orig_bases__ when the class has its own, else __bases__.

    For class B(list[int]): ... this is (list[int],) while B.__bases__
    is (list,).
    """
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(
            f"Expected an instance of type, not {type(cls).__name__!r}"
        ) from None


class DynamicClassAttribute:
    """A property that exists on instances only.

    Read through an instance it behaves like property.  Read through the
    class it raises AttributeError, so that the metaclass's __getattr__
    can answer instead: a class may then have a virtual attribute and
    its instances a real one under the same name (enum's members and
    their name/value properties use this).
    """
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # The docstring follows fget's unless one is given, as property's.
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__',
                                                 False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _copy_with(self, fget, fset, fdel, doc):
        result = type(self)(fget, fset, fdel, doc)
        result.overwrite_doc = self.overwrite_doc
        return result

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        return self._copy_with(fget, self.fset, self.fdel,
                               fdoc or self.__doc__)

    def setter(self, fset):
        return self._copy_with(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return self._copy_with(self.fget, self.fset, fdel, self.__doc__)


# ---- generator-based coroutines ------------------------------------------------

# Code flags (Include/cpython/code.h).
_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


class _GeneratorWrapper:
    """Make a generator-like object that is not a generator awaitable.

    It forwards the generator protocol and answers to the names of both
    the generator (gi_*) and the coroutine (cr_*) attributes.
    """

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def _wraps(wrapped, wrapper):
    """Give wrapper the identity of wrapped (functools.update_wrapper)."""
    for name in ('__module__', '__name__', '__qualname__', '__doc__',
                 '__type_params__'):
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    wrapper.__dict__.update(getattr(wrapped, '__dict__', {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def coroutine(func):
    """Make a generator function usable with await (a generator-based
    coroutine)."""

    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    if (func.__class__ is FunctionType and
            getattr(func, '__code__', None).__class__ is CodeType):

        co_flags = func.__code__.co_flags

        # Already a coroutine function (native or generator-based).
        if co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func

        # A generator function: mark its code so that its generators
        # may be awaited.
        if co_flags & _CO_GENERATOR:
            co = func.__code__
            func.__code__ = co.replace(
                co_flags=co.co_flags | _CO_ITERABLE_COROUTINE)
            return func

    # Anything else (say, a compiled function returning a generator-like
    # object) is wrapped: its results are checked at each call.
    import _collections_abc

    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if (coro.__class__ is CoroutineType or
                coro.__class__ is GeneratorType
                and coro.gi_code.co_flags & _CO_ITERABLE_COROUTINE):
            return coro
        if (isinstance(coro, _collections_abc.Generator) and
                not isinstance(coro, _collections_abc.Coroutine)):
            return _GeneratorWrapper(coro)
        return coro

    return _wraps(func, wrapped)


__all__ = [n for n in globals() if not n.startswith("_")] + ["CapsuleType"]  # for pydoc
