"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)                # make a shallow copy of y
        x = copy.deepcopy(y)            # make a deep copy of y
        x = copy.replace(y, a=1, b=2)   # new object with fields replaced

For module specific errors, copy.Error is raised.

A class controls its copies with __copy__(), __deepcopy__(memo) and
__replace__(**changes); otherwise the pickling protocol (__reduce_ex__,
__reduce__, copyreg.dispatch_table) describes how to rebuild it.
"""

import types
import weakref
from copyreg import dispatch_table

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass

error = Error   # backward compatible alias


# Immutable values whose copies are the values themselves.
_atomic_types = frozenset({
    type(None), int, float, bool, complex, str, bytes, tuple, frozenset,
    frozendict,
    type, range, slice, property, types.BuiltinFunctionType,
    type(Ellipsis), type(NotImplemented), types.FunctionType,
    weakref.ref, types.CodeType, types.ModuleType,
})

# What deepcopy returns as it is: the immutable containers (and a slice,
# whose bounds may be any objects) may hold mutable values, so their deep
# copies are looked at.  One set test (a tuple's `in` compares each of
# its items).
_deep_atomic_types = _atomic_types - {tuple, frozenset, frozendict, slice}

# "Not in the memo", for memo.get (never stored there).
_absent = object()


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _atomic_types or issubclass(cls, type):
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x, cls, kind):
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    raise Error(f"un({kind})copyable object of type {cls}")


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _deep_atomic_types:
        return x

    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y

    if cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is frozendict:
        y = _deepcopy_frozendict(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)

    # A copy that is the original object needs no memo entry.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


# The container copiers below test for atomic items themselves: deepcopy
# would return such an item unchanged without touching the memo, and the
# test is much cheaper than the call.

def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    atomic = _deep_atomic_types
    for a in x:
        append(a if type(a) in atomic else deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    atomic = _deep_atomic_types
    y = [a if type(a) in atomic else deepcopy(a, memo) for a in x]
    # The tuple may have been copied while copying its own items.
    copied = memo.get(id(x), _absent)
    if copied is not _absent:
        return copied
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    atomic = _deep_atomic_types
    for key, value in x.items():
        # The value first, as in `y[deepcopy(key)] = deepcopy(value)`.
        if type(value) not in atomic:
            value = deepcopy(value, memo)
        if type(key) not in atomic:
            key = deepcopy(key, memo)
        y[key] = value
    return y


def _deepcopy_frozendict(x, memo):
    items = [(deepcopy(key, memo), deepcopy(value, memo))
             for key, value in x.items()]
    # Like a tuple: the frozendict may have been copied while copying its
    # own values, and one whose items all copy to themselves is its copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for (key, value), (new_key, new_value) in zip(x.items(), items):
        if key is not new_key or value is not new_value:
            return frozendict(items)
    return x


def _keep_alive(x, memo):
    """Keep x alive while memo is: memo is keyed by id(), and a freed
    object's id may be reused by a new one during the same copy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values.

    This is especially useful for immutable objects, like named tuples or
    frozen dataclasses.
    """
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
