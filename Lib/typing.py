"""Support for type hints (PEP 484 and its successors).

The type parameter objects (TypeVar, ParamSpec, TypeVarTuple,
TypeAliasType) and Generic live in C (_typing), because the PEP 695 syntax
creates them without importing this module.  This module adds the special
forms (Optional, Literal, Annotated, Callable, ...), the deprecated aliases
of builtin and collections.abc classes, Protocol, TypedDict, NamedTuple,
NewType and the introspection helpers.

Thread safety: the module's mutable state is the subscription caches
(functools.lru_cache, safe to share), the overload registry (plain dict
operations, each atomic) and the lazily created Pattern/Match/
ContextManager aliases (published with dict.setdefault).
"""

import collections
import collections.abc
import functools
import operator
import sys
import types
from abc import ABCMeta, abstractmethod
from types import GenericAlias

import annotationlib
from annotationlib import ForwardRef
from _typing import (
    TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs, TypeVarTuple,
    TypeAliasType, Generic, NoDefault, _idfunc,
)

Union = types.UnionType

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    'AbstractSet', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
    'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
    'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt',
    'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict',
    'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict',
    'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr',
    'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'evaluate_forward_ref', 'final', 'get_args',
    'get_origin', 'get_overloads', 'get_protocol_members', 'get_type_hints',
    'is_protocol', 'is_typeddict', 'LiteralString', 'Never', 'NewType',
    'no_type_check', 'no_type_check_decorator', 'NoDefault', 'NoReturn',
    'NoExtraItems', 'NotRequired', 'overload', 'override', 'ParamSpecArgs',
    'ParamSpecKwargs', 'ReadOnly', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias',
    'TypeAliasType', 'TypeGuard', 'TypeIs', 'Unpack',
]

TYPE_CHECKING = False


# ---- helpers ---------------------------------------------------------------

def _type_repr(obj):
    """How a type argument is spelled inside an alias's repr."""
    if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is type(None) or obj is None:
        return 'None'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


def _type_convert(arg, module=None, *, allow_special_forms=False):
    """None means NoneType; a string is a forward reference."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *,
                allow_special_forms=False):
    """Check that arg can stand for a type in a subscription; msg starts
    the TypeError raised otherwise."""
    invalid = (Generic, Protocol)
    if not allow_special_forms:
        invalid += (ClassVar,)
        if is_argument:
            invalid += (Final,)
    arg = _type_convert(arg, module, allow_special_forms=allow_special_forms)
    # Generic[T] and Protocol[T] are C aliases (_GenericClassAlias), the
    # others typing._GenericAlias: both carry __origin__.
    if (isinstance(arg, (_GenericAlias, _GenericClassAlias))
            and arg.__origin__ in invalid):
        raise TypeError(f"{arg} is not valid as type argument")
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _is_typevar_like(x):
    return isinstance(x, (TypeVar, ParamSpec, TypeVarTuple))


def _is_unpacked_typevartuple(x):
    return (not isinstance(x, type)
            and getattr(x, '__typing_is_unpacked_typevartuple__', False))


def _collect_parameters(args):
    """The type variables used in args, in order of first use."""
    params = []
    for arg in args:
        if isinstance(arg, type) and not isinstance(arg, types.GenericAlias):
            continue
        if _is_typevar_like(arg):
            if arg not in params:
                params.append(arg)
        elif isinstance(arg, (list, tuple)):
            for p in _collect_parameters(arg):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(arg, '__parameters__', ()) or ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _flatten_literal_params(params):
    flat = []
    for p in params:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return tuple(flat)


# The cache_clear of every subscription cache, so that test harnesses can
# drop cached aliases between runs.  Appended to only while this module
# is imported (under the import lock).
_cleanups = []


def _tp_cache(func):
    """Cache subscriptions; unhashable arguments skip the cache."""
    cached = functools.lru_cache(maxsize=256, typed=True)(func)
    _cleanups.append(cached.cache_clear)

    @functools.wraps(func)
    def inner(*args, **kwds):
        try:
            return cached(*args, **kwds)
        except TypeError:
            pass
        return func(*args, **kwds)
    return inner


# ---- Any and the special forms ---------------------------------------------

class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type: compatible with every
    type.  It may be subclassed (to mock unknown bases)."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


class _NotIterable:
    """Mixin: iter() of a special form or alias raises TypeError.

    __iter__ = None makes iter() refuse the object and keeps
    isinstance(x, collections.abc.Iterable) false.
    """

    __slots__ = ()
    __iter__ = None


class _Final:
    """Classes that cannot be subclassed outside this module."""
    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        if not _root:
            raise TypeError("Cannot subclass special typing classes")


class _SpecialForm(_Final, _NotIterable, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    @_tp_cache
    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _TypedCacheSpecialForm(_SpecialForm, _root=True):
    """A special form that always receives its arguments as a tuple."""

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return self._getitem(self, *parameters)


def _bare_form(name, doc):
    def getitem(self, parameters):
        raise TypeError(f"{self} is not subscriptable")
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


NoReturn = _bare_form('NoReturn', "Special type indicating that a function never returns.")
Never = _bare_form('Never', "The bottom type, a type that has no members.")
Self = _bare_form('Self', "The type of the enclosing class's instance.")
LiteralString = _bare_form('LiteralString', "Represents an arbitrary literal string.")
TypeAlias = _bare_form('TypeAlias', "Marks an explicit type alias (PEP 613).")


@_SpecialForm
def ClassVar(self, parameters):
    """Marks a class variable: ClassVar[int]."""
    item = _type_check(parameters, f'{self} accepts only single type.',
                       allow_special_forms=True)
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """A name that cannot be reassigned or overridden: Final[int]."""
    item = _type_check(parameters, f'{self} accepts only single type.',
                       allow_special_forms=True)
    return _GenericAlias(self, (item,))


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is X | None."""
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


@_TypedCacheSpecialForm
@_tp_cache
def Literal(self, *parameters):
    """A type whose values are exactly the given literals: Literal[1, 'a']."""
    parameters = _flatten_literal_params(parameters)
    try:
        unique = _deduplicate_literals(parameters)
    except TypeError:
        unique = parameters
    return _LiteralGenericAlias(self, tuple(unique))


def _deduplicate_literals(params):
    seen = set()
    res = []
    for p in params:
        key = (p, type(p))
        if key not in seen:
            seen.add(key)
            res.append(p)
    return res


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[int, P]: P's parameters with int prepended."""
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable or ellipsis.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]),
                  parameters[-1])
    return _ConcatenateGenericAlias(self, parameters)


def _single_type_form(name, doc):
    def getitem(self, parameters):
        item = _type_check(parameters, f'{self} accepts only single type.')
        return _GenericAlias(self, (item,))
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


TypeGuard = _single_type_form('TypeGuard', "A user-defined type guard: TypeGuard[int].")
TypeIs = _single_type_form('TypeIs', "A type narrowing predicate: TypeIs[int].")


def _key_qualifier(name, doc):
    def getitem(self, parameters):
        item = _type_check(parameters, f'{self._name} accepts only a single type.')
        return _GenericAlias(self, (item,))
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


Required = _key_qualifier('Required', "A TypedDict key that must be present.")
NotRequired = _key_qualifier('NotRequired', "A TypedDict key that may be absent.")
ReadOnly = _key_qualifier('ReadOnly', "A TypedDict key that cannot be changed.")


@_SpecialForm
def Unpack(self, parameters):
    """Unpack[Ts] is *Ts; Unpack[TD] types **kwargs with a TypedDict."""
    item = _type_check(parameters, f'{self._name} accepts only single type.')
    return _UnpackGenericAlias(origin=self, args=(item,))


@_TypedCacheSpecialForm
@_tp_cache
def Annotated(self, *params):
    """Annotated[T, x, ...]: the type T with context-specific metadata."""
    if len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two "
                        "arguments (a type and an annotation).")
    if _is_unpacked_typevartuple(params[0]):
        raise TypeError("Annotated[...] should not be used with an "
                        "unpacked TypeVarTuple")
    origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.",
                         allow_special_forms=True)
    return _AnnotatedAlias(origin, tuple(params[1:]))


# ---- aliases -----------------------------------------------------------------

class _BaseGenericAlias(_Final, _root=True):
    """Common part of X[...] and of the unsubscripted deprecated aliases:
    calling makes an instance of the origin, attributes come from it."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        if not any(_brings_generic(b, bases) for b in bases[i + 1:]):
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if _is_dunder(attr) or attr in {'_name', '_inst', '_nparams', '_defaults'}:
            super().__setattr__(attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __dir__(self):
        return list(set(super().__dir__()
                        + [a for a in dir(self.__origin__) if not _is_dunder(a)]))


def _issubclass_safe(b, cls):
    return isinstance(b, type) and issubclass(b, cls)


def _brings_generic(base, bases):
    """Whether a base listed after an alias puts Generic (or a subclass)
    into the class's bases: itself, or through its __mro_entries__ (a
    types.GenericAlias such as Seq[T] of a generic Sequence subclass).
    The alias then leaves Generic out, so it appears once in the MRO."""
    if isinstance(base, (_BaseGenericAlias, _GenericClassAlias)):
        return True
    if isinstance(base, type):
        return issubclass(base, Generic)
    entries = getattr(base, '__mro_entries__', None)
    new_bases = entries(bases) if entries is not None else None
    return isinstance(new_bases, tuple) and any(
        _issubclass_safe(b, Generic) for b in new_bases)


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


class _GenericAlias(_BaseGenericAlias, _root=True):
    """X[args] for a special form or deprecated alias X."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(self.__args__)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    @_tp_cache
    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        new_args = _substitute(self, self.__args__, self.__parameters__, args)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name,
                              inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return f'{name}[{args}]'

    def __reduce__(self):
        origin = globals()[self._name] if self._name else self.__origin__
        args = self.__args__
        if len(args) == 1 and not isinstance(args[0], tuple):
            args, = args
        return operator.getitem, (origin, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


# The C type of Generic[T] and of user generic classes' aliases.
_GenericClassAlias = type(Generic[TypeVar('T')])


class _TypingEllipsisType:
    """Internal marker for ... inside Tuple and Callable arguments."""


_TypingEllipsis = _TypingEllipsisType()


def _unpack_args(args):
    """args with each unpacked fixed-length tuple (*tuple[int, str])
    spliced in as its elements."""
    res = []
    for arg in args:
        sub = None
        if not isinstance(arg, type):
            sub = getattr(arg, '__typing_unpacked_tuple_args__', None)
        if sub is not None and not (sub and sub[-1] is ...):
            res.extend(sub)
        else:
            res.append(arg)
    return tuple(res)


def _typevartuple_prepare(tvt, alias, params, args):
    """Group the arguments that fall to the TypeVarTuple tvt into one tuple.
    An unpacked arbitrary-length tuple *tuple[X, ...] among the arguments
    also stands in (as X) for the parameters around tvt it cannot reach."""
    index = params.index(tvt)
    if any(isinstance(p, TypeVarTuple) for p in params[index + 1:]):
        raise TypeError(f"More than one TypeVarTuple parameter in {alias}")
    alen, plen = len(args), len(params)
    left, right = index, plen - index - 1
    var_index = fill = None
    for k, arg in enumerate(args):
        sub = None
        if not isinstance(arg, type):
            sub = getattr(arg, '__typing_unpacked_tuple_args__', None)
        if sub and len(sub) == 2 and sub[-1] is ...:
            if var_index is not None:
                raise TypeError("More than one unpacked "
                                "arbitrary-length tuple argument")
            var_index, fill = k, sub[0]
    if var_index is not None:
        left = min(left, var_index)
        right = min(right, alen - var_index - 1)
    elif left + right > alen:
        raise TypeError(f"Too few arguments for {alias}; actual {alen}, "
                        f"expected at least {plen - 1}")
    if left == alen - right and tvt.has_default():
        # The default *tuple[str, int] (or Unpack[Tuple[...]]) stands
        # for its elements.
        default = tvt.__default__
        group = _unpack_args(default if isinstance(default, tuple)
                             else (default,))
    else:
        group = tuple(args[left:alen - right])
    return (*args[:left], *([fill] * (index - left)), group,
            *([fill] * (plen - right - left - index - 1)),
            *args[alen - right:])


def _prepare_args(alias, params, args):
    args = _unpack_args(args)
    for param in params:
        if isinstance(param, TypeVarTuple):
            args = _typevartuple_prepare(param, alias, params, args)
            continue
        prepare = getattr(param, '__typing_prepare_subst__', None)
        if prepare is not None:
            args = prepare(alias, args)
    return args


def _substitute(alias, alias_args, params, args):
    """alias_args with each of params replaced by the matching argument."""
    args = _prepare_args(alias, params, args)
    if any(isinstance(p, TypeVarTuple) for p in params):
        if len(args) != len(params):
            raise TypeError(f"Too {'many' if len(args) > len(params) else 'few'}"
                            f" arguments for {alias}")
    elif len(args) != len(params):
        raise TypeError(f"Too {'many' if len(args) > len(params) else 'few'} "
                        f"arguments for {alias}; actual {len(args)}, "
                        f"expected {len(params)}")
    subst = dict(zip(params, args))
    new_args = []
    for old in alias_args:
        if isinstance(old, type) and not isinstance(old, types.GenericAlias):
            new_args.append(old)
            continue
        substfunc = getattr(old, '__typing_subst__', None)
        if substfunc is not None and old in subst:
            new_args.append(substfunc(subst[old]))
            continue
        if _is_unpacked_typevartuple(old):
            ts = old.__args__[0]
            if ts in subst:
                value = subst[ts]
                new_args.extend(value if isinstance(value, tuple) else (value,))
                continue
        new_args.append(_subst_nested(old, subst))
    return tuple(new_args)


def _subst_nested(old, subst):
    if isinstance(old, (list, tuple)):
        return type(old)(_subst_nested(a, subst) for a in old)
    sub_params = getattr(old, '__parameters__', ())
    if not sub_params:
        return old
    sub_args = []
    for p in sub_params:
        v = subst.get(p, p)
        if isinstance(p, TypeVarTuple) and isinstance(v, tuple):
            sub_args.extend(v)
        else:
            sub_args.append(v)
    return old[tuple(sub_args)]


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias, _root=True):
    """The deprecated unsubscripted alias, e.g. typing.List for list."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = (f'A generic version of '
                            f'{origin.__module__}.{origin.__qualname__}.')

    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if (self._defaults and len(params) < self._nparams
                and len(params) + len(self._defaults) >= self._nparams):
            params = (*params, *self._defaults[len(params) - self._nparams:])
        actual = len(params)
        if actual != self._nparams:
            if self._defaults:
                expected = (f"at least {self._nparams - len(self._defaults)}")
            else:
                expected = str(self._nparams)
            if not self._nparams:
                raise TypeError(f"{self} is not a generic class")
            raise TypeError(f"Too {'many' if actual > self._nparams else 'few'}"
                            f" arguments for {self};"
                            f" actual {actual}, expected {expected}")
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name,
                             inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_NotIterable, _GenericAlias, _root=True):
    def __repr__(self):
        assert self._name == 'Callable'
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        return (f'typing.Callable'
                f'[[{", ".join(_type_repr(a) for a in args[:-1])}], '
                f'{_type_repr(args[-1])}]')

    def __reduce__(self):
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return operator.getitem, (Callable, args)

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name,
                                     inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        # A lone ParamSpec parameter accepts its parameter list unbracketed.
        if (len(self.__parameters__) == 1
                and isinstance(self.__parameters__[0], ParamSpec)
                and params and not _is_param_expr(params[0])):
            params = (list(params),)
        new = super().__getitem__(params)
        # Flatten a substituted argument list back into the arguments.
        if not isinstance(new, _CallableGenericAlias):
            return new
        args = new.__args__
        first = args[0]
        if isinstance(first, (list, tuple)):
            return new.copy_with((*first, *args[1:]))
        return new


def _is_param_expr(arg):
    return (arg is ... or isinstance(arg, (tuple, list, ParamSpec,
                                           _ConcatenateGenericAlias)))


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    @_tp_cache
    def __getitem_inner__(self, params):
        args, result = params
        msg = "Callable[args, result]: result must be a type."
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        # Like CPython, the argument list is not checked further: whether
        # it is a proper ParamSpec expression is the type checker's job.
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with((*args, result))


class _TupleType(_SpecialGenericAlias, _root=True):
    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, args, inst=inst, name=name)
        self.__parameters__ = ()

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return _literal_key(self.__args__) == _literal_key(other.__args__)

    def __hash__(self):
        return hash(frozenset(_literal_key(self.__args__)))

    def __repr__(self):
        return ('typing.Literal['
                + ', '.join(_type_repr(a) for a in self.__args__) + ']')


def _literal_key(args):
    return {(a, type(a)) for a in args}


class _ConcatenateGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return (*params[:-1], *params[-1])
        if isinstance(params[-1], _ConcatenateGenericAlias):
            params = (*params[:-1], *params[-1].__args__)
        return super().copy_with(params)

    def __repr__(self):
        return ('typing.Concatenate['
                + ', '.join(_type_repr(a) for a in self.__args__) + ']')


class _UnpackGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, args, inst=inst, name=name)

    def __repr__(self):
        return f'typing.Unpack[{_type_repr(self.__args__[0])}]'

    def __getitem__(self, args):
        if self.__typing_is_unpacked_typevartuple__:
            return args
        return super().__getitem__(args)

    @property
    def __typing_unpacked_tuple_args__(self):
        arg, = self.__args__
        if isinstance(arg, (_GenericAlias, types.GenericAlias)):
            if arg.__origin__ is not tuple:
                raise TypeError("Unpack[...] must be used with a tuple type")
            return arg.__args__
        return None

    @property
    def __typing_is_unpacked_typevartuple__(self):
        return isinstance(self.__args__[0], TypeVarTuple)


class _AnnotatedAlias(_NotIterable, _GenericAlias, _root=True):
    """Annotated[T, meta...]: nested Annotated forms are flattened."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return (f"typing.Annotated[{_type_repr(self.__origin__)}, "
                f"{', '.join(repr(a) for a in self.__metadata__)}]")

    def __reduce__(self):
        return operator.getitem, (Annotated, (self.__origin__, *self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


# ---- the deprecated aliases ----------------------------------------------------

_alias = _SpecialGenericAlias
_abc = collections.abc

Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3, defaults=(types.NoneType, types.NoneType))
AsyncGenerator = _alias(_abc.AsyncGenerator, 2, defaults=(types.NoneType,))
Type = _alias(type, 1, inst=False, name='Type')

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


def _lazy_alias(modname, attr, nparams, name):
    """Aliases of classes in modules typing should not import eagerly."""
    module = sys.modules.get(modname)
    if module is None:
        try:
            module = __import__(modname)
            module = sys.modules[modname]
        except ImportError:
            return None
    return _alias(getattr(module, attr), nparams, name=name)


_BYTE_STRING_MSG = ("{name!r} and 'collections.abc.ByteString' are "
                    "deprecated and slated for removal in Python {remove}")


class _DeprecatedGenericAlias(_SpecialGenericAlias, _root=True):
    """typing.ByteString: isinstance() and issubclass() against it warn."""

    def __instancecheck__(self, obj):
        import warnings
        warnings._deprecated('typing.ByteString', _BYTE_STRING_MSG,
                             remove=(3, 17))
        return issubclass(type(obj), self.__origin__)

    def __subclasscheck__(self, cls):
        import warnings
        warnings._deprecated('typing.ByteString', _BYTE_STRING_MSG,
                             remove=(3, 17))
        return issubclass(cls, self.__origin__)


def __getattr__(name):
    """Pattern, Match, ContextManager and AsyncContextManager load re and
    contextlib only when first used; the deprecated ByteString warns when
    first looked up."""
    if name in ('Pattern', 'Match'):
        res = _lazy_alias('re', name, 1, name)
    elif name == 'ContextManager':
        res = _lazy_alias('contextlib', 'AbstractContextManager', 2, name)
        if res is not None:
            res._defaults = (bool | None,)
    elif name == 'AsyncContextManager':
        res = _lazy_alias('contextlib', 'AbstractAsyncContextManager', 2, name)
        if res is not None:
            res._defaults = (bool | None,)
    elif name == 'ByteString':
        import warnings
        warnings._deprecated('typing.ByteString', _BYTE_STRING_MSG,
                             remove=(3, 17))
        res = _DeprecatedGenericAlias(_abc._ByteString, 0)
    else:
        raise AttributeError(f"module 'typing' has no attribute {name!r}")
    if res is None:
        raise AttributeError(f"module 'typing' has no attribute {name!r}")
    # Two threads may both get here; setdefault is atomic, so every caller
    # receives the one alias that was published first.
    return globals().setdefault(name, res)


# ---- functions -------------------------------------------------------------

def cast(typ, val):
    """Tell the type checker val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask the type checker to confirm val has type typ; returns val."""
    return val


# How much of the value's repr assert_never() shows (CPython's name).
_ASSERT_NEVER_REPR_MAX_LENGTH = 100


def assert_never(arg: Never, /) -> Never:
    """Mark code the type checker should find unreachable."""
    value = repr(arg)
    if len(value) > _ASSERT_NEVER_REPR_MAX_LENGTH:
        value = value[:_ASSERT_NEVER_REPR_MAX_LENGTH] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    """Print the runtime type of obj to stderr and return obj."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


_overload_registry = collections.defaultdict(
    lambda: collections.defaultdict(dict))


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @typing.overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Register func as one signature of an overloaded function."""
    f = getattr(func, '__func__', func)
    try:
        _overload_registry[f.__module__][f.__qualname__][
            f.__code__.co_firstlineno] = func
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload-decorated definitions registered for func."""
    f = getattr(func, '__func__', func)
    if f.__module__ not in _overload_registry:
        return []
    by_name = _overload_registry[f.__module__]
    if f.__qualname__ not in by_name:
        return []
    return list(by_name[f.__qualname__].values())


def clear_overloads():
    """Forget every registered overload."""
    _overload_registry.clear()


def final(f):
    """Mark a method or class final (cannot be overridden or subclassed)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Mark a method as overriding one of a base class."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Type checkers should not check the decorated function or class."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
            if isinstance(obj, types.MethodType):
                obj.__func__.__no_type_check__ = True
            if isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Deprecated: make decorator give the effect of @no_type_check."""
    import warnings
    warnings.warn("'typing.no_type_check_decorator' is deprecated and slated "
                  "for removal in Python 3.15", DeprecationWarning, stacklevel=2)

    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        func = no_type_check(func)
        return func
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, frozen_default=False,
                        field_specifiers=(), **kwargs):
    """Mark a decorator, class or metaclass as making dataclass-like
    classes (PEP 681); records the arguments in __dataclass_transform__."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "frozen_default": frozen_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted form of tp: get_origin(List[int]) is list,
    get_origin(Annotated[int, x]) is Annotated; None otherwise."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, types.GenericAlias,
                       ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The arguments of tp with substitutions done: get_args(Dict[int, str])
    is (int, str); Callable's argument list comes back as a list."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        res = tp.__args__
        if _should_unflatten_callable_args(tp, res):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def _should_unflatten_callable_args(tp, args):
    return (tp.__origin__ is collections.abc.Callable
            and not (len(args) == 2 and _is_param_expr(args[0])))


# ---- NewType -------------------------------------------------------------------

class NewType:
    """NewType('UserId', int): a distinct type for the checker, an identity
    function at run time."""

    __call__ = _idfunc

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were "
                    f"looking for: `{subclass_name} = NewType("
                    f"{subclass_name!r}, {superclass_name})`")
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _caller(depth=2, default='__main__'):
    try:
        return sys._getframe(depth).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return default


# ---- Protocol --------------------------------------------------------------------

_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__match_args__', '__static_attributes__',
    '__firstlineno__', '__annotate__', '__annotate_func__',
    '__annotations_cache__',
})

# Attributes every class has that are not protocol members.
_EXCLUDED_ATTRS = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__',
    '__non_callable_proto_members__', '__type_params__', '__qualname__',
    '__init_subclass__', '__abstractmethods__', '_abc_impl',
}) | _SPECIAL_NAMES


def _get_protocol_attrs(cls):
    """The names a protocol class declares (its own and its protocol
    bases'), methods and annotated attributes alike."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in {'Protocol', 'Generic'}:
            continue
        annotations = base.__dict__.get('__annotations__', None)
        if annotations is None:
            try:
                annotations = annotationlib.get_annotations(
                    base, format=annotationlib.Format.FORWARDREF)
            except Exception:
                annotations = {}
        for attr in (*base.__dict__, *annotations):
            if not attr.startswith('_abc_') and attr not in _EXCLUDED_ATTRS:
                attrs.add(attr)
    return attrs


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # Reached through super().__init__() from a class that has its own
    # __init__ already: searching the MRO again would find that __init__
    # and recurse forever.
    if cls.__init__ is not _no_init_or_replace_init:
        return
    # A concrete subclass got this __init__ from the protocol: find the
    # first real __init__ further down the MRO and use it from now on.
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def _allow_reckless_class_checks(depth=2):
    """abc and functools may make class checks against any protocol."""
    return _caller(depth + 1) in {'abc', 'functools', None}


_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'AsyncIterator', 'Hashable', 'Sized', 'Container', 'Collection',
        'Reversible', 'Buffer',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
    'io': ['Reader', 'Writer'],
    'os': ['PathLike'],
}


class _ProtocolMeta(ABCMeta):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if name == "Protocol" and bases == (Generic,):
            pass
        elif Protocol in bases:
            for base in bases:
                if not (base in {object, Generic}
                        or base.__name__ in _PROTO_ALLOWLIST.get(base.__module__, [])
                        or (issubclass(base, Generic)
                            and getattr(base, '_is_protocol', False))):
                    raise TypeError(
                        f"Protocols can only inherit from other protocols, "
                        f"got {base!r}")
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __init__(cls, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(cls, "_is_protocol", False):
            cls.__protocol_attrs__ = _get_protocol_attrs(cls)

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if (getattr(cls, '_is_protocol', False)
                and not _allow_reckless_class_checks()):
            if not getattr(cls, '_is_runtime_protocol', False):
                _type_check_issubclass_arg_1(other)
                raise TypeError(
                    "Instance and class checks can only be used with "
                    "@runtime_checkable protocols")
            if (cls.__non_callable_proto_members__
                    and cls.__dict__.get("__subclasshook__") is _proto_hook):
                _type_check_issubclass_arg_1(other)
                non_method_attrs = sorted(cls.__non_callable_proto_members__)
                raise TypeError(
                    "Protocols with non-method members don't support issubclass()."
                    f" Non-method members: {str(non_method_attrs)[1:-1]}.")
        return super().__subclasscheck__(other)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, "_is_protocol", False):
            return super().__instancecheck__(instance)
        if (not getattr(cls, '_is_runtime_protocol', False)
                and not _allow_reckless_class_checks()):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if super().__instancecheck__(instance):
            return True
        getattr_static = _getattr_static()
        for attr in cls.__protocol_attrs__:
            try:
                val = getattr_static(instance, attr)
            except AttributeError:
                break
            if val is None and attr not in cls.__non_callable_proto_members__:
                break
        else:
            return True
        return False


@functools.cache
def _getattr_static():
    """inspect.getattr_static, imported on first use (inspect is large).
    Protocol instance checks look members up statically: no property,
    descriptor or __getattr__ of the instance runs.  functools.cache
    is thread-safe; a race only imports inspect twice over."""
    from inspect import getattr_static
    return getattr_static


def _type_check_issubclass_arg_1(arg):
    if not isinstance(arg, type):
        raise TypeError('issubclass() arg 1 must be a class')


@classmethod
def _proto_hook(cls, other):
    """Structural subclass check: every protocol member is found in
    other's MRO (a None method means "not implemented")."""
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            annotations = getattr(base, '__annotations__', {})
            if (isinstance(annotations, collections.abc.Mapping)
                    and attr in annotations
                    and issubclass(other, Generic) and getattr(other, '_is_protocol', False)):
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping, PEP 544).
    Decorate with @runtime_checkable to allow isinstance() checks."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False
    # Generic.__init_subclass__ refuses a plain Generic base; an explicit
    # empty __orig_bases__ tells it this class declares no parameters.
    __orig_bases__ = ()

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init

    def __class_getitem__(cls, params):
        if cls is not Protocol:
            return super(Protocol, cls).__class_getitem__(params)
        # Protocol[T, ...] declares parameters like Generic[T, ...] does;
        # the first checks are repeated here for messages naming Protocol.
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError("Parameter list to Protocol[...] cannot be empty")
        if not all(_is_typevar_like(p) for p in params):
            raise TypeError("Parameters to Protocol[...] must all be type "
                            "variables or parameter specification variables.")
        if len(set(params)) != len(params):
            raise TypeError("Parameters to Protocol[...] must all be unique")
        declared = Generic[params]
        return _GenericClassAlias(Protocol, declared.__args__)


del Protocol.__orig_bases__


def runtime_checkable(cls):
    """Allow isinstance() and issubclass() checks against a protocol class
    (checking only that the members exist)."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        f'classes, got {cls!r}')
    cls._is_runtime_protocol = True
    cls.__non_callable_proto_members__ = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception as e:
            raise TypeError(
                f"Failed to determine whether protocol member {attr!r} "
                "is a method member") from e
        if not is_callable:
            cls.__non_callable_proto_members__.add(attr)
    return cls


def is_protocol(tp, /):
    """Whether tp is a protocol class."""
    return (isinstance(tp, type) and getattr(tp, '_is_protocol', False)
            and tp is not Protocol)


def get_protocol_members(tp, /):
    """The frozenset of members a protocol class declares."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An ABC with one abstract method __abs__ that is covariant in its
    return type."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An ABC with one abstract method __round__ that is covariant in its
    return type."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0) -> T_co:
        pass


# ---- TypedDict ---------------------------------------------------------------------

def _strip_qualifiers(tp):
    """tp without Required/NotRequired/ReadOnly, and which of them wrapped
    it."""
    quals = set()
    while isinstance(tp, _GenericAlias) and tp.__origin__ in (
            Required, NotRequired, ReadOnly):
        quals.add(tp.__origin__)
        tp = tp.__args__[0]
    if isinstance(tp, _AnnotatedAlias):
        inner, inner_quals = _strip_qualifiers(tp.__origin__)
        quals |= inner_quals
    return tp, quals


class _NoExtraItemsType:
    """The type of NoExtraItems, the __extra_items__ of a TypedDict that
    declared no extra_items (PEP 728)."""
    __slots__ = ()
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return 'typing.NoExtraItems'

    def __reduce__(self):
        return 'NoExtraItems'


NoExtraItems = _NoExtraItemsType()


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True, closed=None,
                extra_items=NoExtraItems):
        if closed is True and extra_items is not NoExtraItems:
            raise TypeError("Cannot combine closed=True and extra_items")
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        # A generic TypedDict's subclasses (class B(A[T])) stay generic.
        generic_base = ((Generic,) if any(issubclass(b, Generic) for b in bases)
                        else ())
        if generic_base and '__orig_bases__' not in ns:
            # Generic, added to the real bases here, was not written by
            # the user: Generic.__init_subclass__ looks at these instead.
            ns = {**ns, '__orig_bases__': bases}
        tp_dict = type.__new__(_TypedDictMeta, name, (*generic_base, dict), ns)
        if not hasattr(tp_dict, '__orig_bases__'):
            tp_dict.__orig_bases__ = bases

        own = ns.get('__annotations__')
        if own is None:
            annotate = annotationlib.get_annotate_from_class_namespace(ns)
            if annotate is not None:
                own = annotationlib.call_annotate_function(
                    annotate, annotationlib.Format.FORWARDREF, owner=tp_dict)
            else:
                own = {}
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {n: _type_check(tp, msg, module=tp_dict.__module__,
                              allow_special_forms=True)
               for n, tp in own.items()}

        annotations = {}
        required, optional = set(), set()
        readonly, mutable = set(), set()
        for base in bases:
            if base is Generic or base is _TypedDict:
                continue
            annotations.update(base.__dict__.get('__annotations__', {}))
            # A key a later base declares again is required or not as
            # that base says, as its annotation wins in `annotations`.
            required = (required - base.__optional_keys__) | base.__required_keys__
            optional = (optional - base.__required_keys__) | base.__optional_keys__
            readonly |= base.__readonly_keys__
            mutable |= base.__mutable_keys__
        annotations.update(own)
        for key, tp in own.items():
            _, quals = _strip_qualifiers(tp)
            if Required in quals:
                is_required = True
            elif NotRequired in quals:
                is_required = False
            else:
                is_required = total
            if is_required:
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
            if ReadOnly in quals:
                if key in mutable:
                    raise TypeError(f"Cannot override mutable key {key!r}"
                                    " with read-only key")
                readonly.add(key)
                mutable.discard(key)
            else:
                mutable.add(key)
                readonly.discard(key)

        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__readonly_keys__ = frozenset(readonly)
        tp_dict.__mutable_keys__ = frozenset(mutable)
        tp_dict.__total__ = total
        tp_dict.__closed__ = closed
        tp_dict.__extra_items__ = extra_items
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields, /, *, total=True, closed=None,
              extra_items=NoExtraItems):
    """A dict type with a fixed set of typed keys:

        class Point2D(TypedDict):
            x: int
            y: int
            label: NotRequired[str]

    or Point2D = TypedDict('Point2D', {'x': int, 'y': int}).  Instances are
    plain dicts; total=False makes every key optional by default."""
    ns = {'__annotations__': dict(fields)}
    module = _caller()
    if module is not None:
        ns['__module__'] = module
    td = _TypedDictMeta(typename, (), ns, total=total, closed=closed,
                        extra_items=extra_items)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# ---- NamedTuple ---------------------------------------------------------------------

_prohibited_namedtuple = frozenset({
    '__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
    '_field_defaults', '_make', '_replace', '_asdict', '_source',
})
_special_namedtuple = frozenset({'__module__', '__name__', '__annotations__',
                                 '__annotate__', '__annotate_func__',
                                 '__annotations_cache__'})


def _make_nmtuple(name, fields, annotate_types, module, defaults=()):
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults,
                                    module=module)
    nm_tpl.__annotations__ = dict(annotate_types)
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type '
                                'and Generic')
        bases = tuple(tuple if base is _NamedTuple else base for base in bases)
        types_ = ns.get('__annotations__')
        if types_ is None:
            annotate = annotationlib.get_annotate_from_class_namespace(ns)
            if annotate is not None:
                types_ = annotationlib.call_annotate_function(
                    annotate, annotationlib.Format.FORWARDREF)
            else:
                types_ = {}
        msg = "NamedTuple('Name', [(f0, t0), (f1, t1), ...]); each t must be a type"
        types_ = {n: _type_check(t, msg, module=ns['__module__'])
                  for n, t in types_.items()}
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types_.keys(), types_,
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        nm_tpl.__bases__ = bases
        for key, val in ns.items():
            if key in _prohibited_namedtuple:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special_namedtuple:
                if key not in nm_tpl._fields:
                    setattr(nm_tpl, key, val)
                try:
                    set_name = type(val).__set_name__
                except AttributeError:
                    pass
                else:
                    try:
                        set_name(val, nm_tpl, key)
                    except BaseException as e:
                        # The note a class statement adds (type.__new__).
                        e.add_note(f"Error calling __set_name__ on "
                                   f"{type(val).__name__!r} instance "
                                   f"{key!r} in {typename!r}")
                        raise
        if Generic in bases:
            # tuple comes first in the MRO: without this, X[int] would be
            # tuple's plain GenericAlias, which checks no arguments.
            nm_tpl.__class_getitem__ = Generic.__dict__['__class_getitem__']
            nm_tpl.__init_subclass__()
        return nm_tpl


def NamedTuple(typename, fields, /):
    """A typed version of collections.namedtuple:

        class Employee(NamedTuple):
            name: str
            id: int = 3

    or Employee = NamedTuple('Employee', [('name', str), ('id', int)]).
    The fields are required (3.15): NamedTuple('Empty', []) has none."""
    types_ = {n: _type_check(t, f"field {n} annotation must be a type")
              for n, t in fields}
    nt = _make_nmtuple(typename, types_.keys(), types_, module=_caller())
    nt.__orig_bases__ = (NamedTuple,)
    return nt


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# ---- get_type_hints and forward references ----------------------------------------

def _strip_annotations(t):
    """t without Annotated, Required, NotRequired and ReadOnly wrappers."""
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (
            Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return t.copy_with(stripped)
    if isinstance(t, types.GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return types.GenericAlias(t.__origin__, stripped)
    if isinstance(t, types.UnionType):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return functools.reduce(operator.or_, stripped)
    return t


def _eval_type(t, globalns, localns, type_params=None, *, owner=None,
               recursive_guard=frozenset()):
    """Evaluate the forward references in t, recursively."""
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        if t.__forward_arg__ in recursive_guard:
            return t
        # A reference made in another module (a TypedDict base's string
        # annotation) is evaluated in that module's globals.
        if t.__forward_module__ is not None:
            globalns = None
        value = t.evaluate(globals=globalns, locals=localns,
                           type_params=type_params, owner=owner)
        if isinstance(value, str):
            value = ForwardRef(value)
        else:
            # A module's or function's string annotation may not be a
            # ClassVar (nor a function's a Final); a class's may.
            value = _type_check(value,
                                "Forward references must evaluate to types.",
                                is_argument=t.__forward_is_argument__,
                                allow_special_forms=t.__forward_is_class__)
        return _eval_type(value, globalns, localns, type_params, owner=owner,
                          recursive_guard=recursive_guard | {t.__forward_arg__})
    if isinstance(t, types.GenericAlias) and t.__unpacked__:
        # *tuple[int, str] in an annotation reads as Unpack[tuple[int, str]].
        packed = t.__origin__[t.__args__]
        return Unpack[_eval_type(packed, globalns, localns, type_params,
                                 owner=owner, recursive_guard=recursive_guard)]
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        if isinstance(t, _LiteralGenericAlias):
            return t
        args = t.__args__
        ev_args = tuple(
            _eval_type(a, globalns, localns, type_params, owner=owner,
                       recursive_guard=recursive_guard)
            if isinstance(a, (str, ForwardRef, _GenericAlias,
                              types.GenericAlias, types.UnionType)) else a
            for a in args)
        if ev_args == args:
            return t
        if isinstance(t, _AnnotatedAlias):
            return _AnnotatedAlias(ev_args[0], t.__metadata__)
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, ev_args)
        if isinstance(t, types.UnionType):
            return functools.reduce(operator.or_, ev_args)
        return t.copy_with(ev_args)
    return t


def evaluate_forward_ref(forward_ref, *, owner=None, globals=None,
                         locals=None, type_params=None,
                         format=annotationlib.Format.VALUE):
    """Evaluate a ForwardRef as a type hint, including nested references;
    with format=Format.FORWARDREF unresolvable names stay ForwardRefs."""
    if format == annotationlib.Format.STRING:
        return forward_ref.__forward_arg__
    try:
        value = forward_ref.evaluate(globals=globals, locals=locals,
                                     type_params=type_params, owner=owner,
                                     format=format)
    except NameError:
        if format == annotationlib.Format.FORWARDREF:
            return forward_ref
        raise
    if isinstance(value, ForwardRef) and value is forward_ref:
        return value
    return _eval_type(value, globals, locals, type_params, owner=owner,
                      recursive_guard=frozenset({forward_ref.__forward_arg__}))


def _none_as_type(hint):
    """None in a type hint means NoneType (also a string 'None')."""
    return type(None) if hint is None else hint


def _type_param_scope(globalns, localns, type_params, hidden_by=()):
    """The (globals, locals) that eval() sees an annotation with, given
    its owner's PEP 695 type parameters, which eval() has no scope for.
    A type parameter hides names of the same name in both namespaces,
    except the names in hidden_by: a class's body names, which hide its
    type parameters in its own annotations.  New dicts: the caller's
    namespaces are not changed."""
    if not type_params:
        return globalns, localns
    globalns = dict(globalns or {})
    localns = dict(localns or {})
    for param in type_params:
        name = param.__name__
        if name not in hidden_by:
            globalns[name] = param
            localns.pop(name, None)
    return globalns, localns


def get_type_hints(obj, globalns=None, localns=None, include_extras=False,
                   *, format=None):
    """The evaluated annotations of a module, class, method or function:
    strings and ForwardRefs are evaluated, a class's hints include its
    bases' (most derived last wins), and Annotated, Required, NotRequired
    and ReadOnly are stripped unless include_extras is true."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if format is None:
        format = annotationlib.Format.VALUE
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = annotationlib.get_annotations(base, format=format)
            if format == annotationlib.Format.STRING:
                hints.update(ann)
                continue
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None),
                                       '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # Class names shadow module names, but module names can't
                # see class names: evaluate with the class as locals.
                base_globals, base_locals = base_locals, base_globals
                base_globals = {**base_locals, **base_globals}
            base_globals, base_locals = _type_param_scope(
                base_globals, base_locals,
                getattr(base, '__type_params__', ()), hidden_by=vars(base))
            for name, value in ann.items():
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _none_as_type(_eval_type(
                    value, base_globals, base_locals, (), owner=obj))
        if include_extras or format == annotationlib.Format.STRING:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    hints = annotationlib.get_annotations(obj, format=format)
    if format == annotationlib.Format.STRING:
        return hints
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    globalns, localns = _type_param_scope(
        globalns, localns, getattr(obj, '__type_params__', ()))
    result = {}
    for name, value in hints.items():
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(
                obj, types.ModuleType), is_class=False)
        result[name] = _none_as_type(_eval_type(value, globalns, localns, (),
                                                owner=obj))
    if include_extras:
        return result
    return {k: _strip_annotations(t) for k, t in result.items()}


# ---- IO ---------------------------------------------------------------------------------

class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO: the interface of the
    objects open() returns."""

    __slots__ = ()

    @property
    @abstractmethod
    def mode(self) -> str:
        pass

    @property
    @abstractmethod
    def name(self) -> str:
        pass

    @abstractmethod
    def close(self) -> None:
        pass

    @property
    @abstractmethod
    def closed(self) -> bool:
        pass

    @abstractmethod
    def fileno(self) -> int:
        pass

    @abstractmethod
    def flush(self) -> None:
        pass

    @abstractmethod
    def isatty(self) -> bool:
        pass

    @abstractmethod
    def read(self, n: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readable(self) -> bool:
        pass

    @abstractmethod
    def readline(self, limit: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readlines(self, hint: int = -1) -> list[AnyStr]:
        pass

    @abstractmethod
    def seek(self, offset: int, whence: int = 0) -> int:
        pass

    @abstractmethod
    def seekable(self) -> bool:
        pass

    @abstractmethod
    def tell(self) -> int:
        pass

    @abstractmethod
    def truncate(self, size: int = None) -> int:
        pass

    @abstractmethod
    def writable(self) -> bool:
        pass

    @abstractmethod
    def write(self, s: AnyStr) -> int:
        pass

    @abstractmethod
    def writelines(self, lines: list[AnyStr]) -> None:
        pass

    @abstractmethod
    def __enter__(self) -> 'IO[AnyStr]':
        pass

    @abstractmethod
    def __exit__(self, type, value, traceback) -> None:
        pass


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""

    __slots__ = ()

    @abstractmethod
    def write(self, s: bytes | bytearray) -> int:
        pass

    @abstractmethod
    def __enter__(self) -> 'BinaryIO':
        pass


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""

    __slots__ = ()

    @property
    @abstractmethod
    def buffer(self) -> BinaryIO:
        pass

    @property
    @abstractmethod
    def encoding(self) -> str:
        pass

    @property
    @abstractmethod
    def errors(self) -> str | None:
        pass

    @property
    @abstractmethod
    def line_buffering(self) -> bool:
        pass

    @property
    @abstractmethod
    def newlines(self) -> object:
        pass

    @abstractmethod
    def __enter__(self) -> 'TextIO':
        pass
