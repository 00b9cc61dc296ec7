"""unittest.mock: objects that stand in for others in tests and record how
they are used, and patch() to put them in place for a test's duration."""

__all__ = (
    'Mock',
    'MagicMock',
    'patch',
    'sentinel',
    'DEFAULT',
    'ANY',
    'call',
    'create_autospec',
    'AsyncMock',
    'ThreadingMock',
    'FILTER_DIR',
    'NonCallableMock',
    'NonCallableMagicMock',
    'mock_open',
    'PropertyMock',
    'seal',
)

import builtins
import io
import sys
import threading
from functools import wraps, partial
from types import CodeType, ModuleType, MethodType

from .util import safe_repr

# Marks the module's frames as unittest's, so failure tracebacks hide them.
__unittest = True

# When true, dir() of a mock lists only its useful attributes.
FILTER_DIR = True

_builtins = {name for name in dir(builtins) if not name.startswith('_')}

# What autospec treats as a function: plain functions and bound methods.
FunctionTypes = (type(lambda: None), MethodType)

# code.co_flags bits (the values inspect exposes under these names).
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def _inspect():
    import inspect
    return inspect


def iscoroutinefunction(obj):
    return _inspect().iscoroutinefunction(obj)


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = getattr(obj, '__func__')
    inspect = _inspect()
    return inspect.iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _is_async_func(func):
    if getattr(func, '__code__', None):
        return iscoroutinefunction(func)
    return False


def _is_instance_mock(obj):
    # Works for the per-instance subclasses mocks are made of, and does not
    # trust __class__, which a spec changes.
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    return (isinstance(obj, BaseException) or
            (isinstance(obj, type) and issubclass(obj, BaseException)))


def _extract_mock(obj):
    # An autospecced function carries its mock in a .mock attribute.
    if isinstance(obj, FunctionTypes) and hasattr(obj, 'mock'):
        return obj.mock
    return obj


def _get_signature_object(func, as_instance, eat_self):
    """(the callable whose signature counts, its signature) for a spec, or
    None when it has none that inspect can tell."""
    if isinstance(func, type) and not as_instance:
        # Calling a class calls its __init__, minus self.
        func = func.__init__
        eat_self = True
    elif isinstance(func, (classmethod, staticmethod)):
        if isinstance(func, classmethod):
            eat_self = True
        func = func.__func__
    elif not isinstance(func, FunctionTypes):
        try:
            func = func.__call__
        except AttributeError:
            return None
    sig_func = partial(func, None) if eat_self else func
    try:
        return func, _inspect().signature(sig_func)
    except ValueError:
        return None


def _check_sig(spec, mock, skipfirst, instance=False):
    result = _get_signature_object(spec, instance, skipfirst)
    if result is None:
        return
    func, sig = result

    def checksig(self, /, *args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)
    type(mock)._mock_check_sig = checksig
    type(mock).__signature__ = sig


def _copy_func_details(func, funcopy):
    for attribute in ('__name__', '__doc__', '__text_signature__',
                      '__module__', '__defaults__', '__kwdefaults__'):
        try:
            setattr(funcopy, attribute, getattr(func, attribute))
        except AttributeError:
            pass


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, MethodType)):
        return _callable(obj.__func__)
    return getattr(obj, '__call__', None) is not None


def _is_list(obj):
    # Only exact lists and tuples: a subclass may be a spec object.
    return type(obj) in (list, tuple)


def _instance_callable(obj):
    """Whether instances of obj (a class) are callable."""
    if not isinstance(obj, type):
        return getattr(obj, '__call__', None) is not None
    for base in (obj,) + obj.__mro__:
        if base.__dict__.get('__call__') is not None:
            return True
    return False


def _set_signature(mock, original, instance=False):
    """A function with original's signature that checks its arguments and
    delegates to mock; the mock's state lives on the function."""
    skipfirst = isinstance(original, type)
    result = _get_signature_object(original, instance, skipfirst)
    if result is None:
        return mock
    func, sig = result

    def checksig(*args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)

    def funcopy(*args, **kwargs):
        checksig(*args, **kwargs)
        return mock(*args, **kwargs)
    name = original.__name__
    funcopy.__name__ = name if name.isidentifier() else 'funcopy'
    funcopy.__qualname__ = funcopy.__name__
    _setup_func(funcopy, mock, sig)
    return funcopy


def _set_async_signature(mock, original, instance=False, is_async_mock=False):
    """Like _set_signature for a coroutine function."""
    skipfirst = isinstance(original, type)
    func, sig = _get_signature_object(original, instance, skipfirst)

    async def funcopy(*args, **kwargs):
        sig.bind(*args, **kwargs)
        return await mock(*args, **kwargs)
    name = original.__name__
    funcopy.__name__ = name if name.isidentifier() else 'funcopy'
    funcopy.__qualname__ = funcopy.__name__
    _setup_func(funcopy, mock, sig)
    _setup_async_mock(funcopy)
    return funcopy


def _setup_func(funcopy, mock, sig):
    funcopy.mock = mock

    def assert_called_with(*args, **kwargs):
        return mock.assert_called_with(*args, **kwargs)

    def assert_called(*args, **kwargs):
        return mock.assert_called(*args, **kwargs)

    def assert_not_called(*args, **kwargs):
        return mock.assert_not_called(*args, **kwargs)

    def assert_called_once(*args, **kwargs):
        return mock.assert_called_once(*args, **kwargs)

    def assert_called_once_with(*args, **kwargs):
        return mock.assert_called_once_with(*args, **kwargs)

    def assert_has_calls(*args, **kwargs):
        return mock.assert_has_calls(*args, **kwargs)

    def assert_any_call(*args, **kwargs):
        return mock.assert_any_call(*args, **kwargs)

    def reset_mock():
        funcopy.method_calls = _CallList()
        funcopy.mock_calls = _CallList()
        mock.reset_mock()
        ret = funcopy.return_value
        if _is_instance_mock(ret) and ret is not mock:
            ret.reset_mock()

    funcopy.called = False
    funcopy.call_count = 0
    funcopy.call_args = None
    funcopy.call_args_list = _CallList()
    funcopy.method_calls = _CallList()
    funcopy.mock_calls = _CallList()
    funcopy.return_value = mock.return_value
    funcopy.side_effect = mock.side_effect
    funcopy._mock_children = mock._mock_children
    funcopy.assert_called_with = assert_called_with
    funcopy.assert_called_once_with = assert_called_once_with
    funcopy.assert_has_calls = assert_has_calls
    funcopy.assert_any_call = assert_any_call
    funcopy.reset_mock = reset_mock
    funcopy.assert_called = assert_called
    funcopy.assert_not_called = assert_not_called
    funcopy.assert_called_once = assert_called_once
    funcopy.__signature__ = sig
    mock._mock_delegate = funcopy


def _setup_async_mock(mock):
    mock._is_coroutine = _inspect_coroutine_mark()
    mock.await_count = 0
    mock.await_args = None
    mock.await_args_list = _CallList()

    # The function's await assertions forward to its mock.
    def wrapper(attr, /, *args, **kwargs):
        return getattr(mock.mock, attr)(*args, **kwargs)
    for attribute in ('assert_awaited', 'assert_awaited_once',
                      'assert_awaited_with', 'assert_awaited_once_with',
                      'assert_any_await', 'assert_has_awaits',
                      'assert_not_awaited'):
        setattr(mock, attribute, partial(wrapper, attribute))


def _inspect_coroutine_mark():
    return getattr(_inspect(), '_is_coroutine_mark', None)


def _is_magic(name):
    return '__%s__' % name[2:-2] == name


class _SentinelObject(object):
    """A unique named object, for use as a sentinel in tests."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name

    def __reduce__(self):
        return 'sentinel.%s' % self.name


class _Sentinel(object):
    """Hands out one _SentinelObject per attribute name."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            # help() probes this; a sentinel named __bases__ confuses it.
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()

DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED

_allowed_names = {
    'return_value', '_mock_return_value', 'side_effect',
    '_mock_side_effect', '_mock_parent', '_mock_new_parent',
    '_mock_name', '_mock_new_name',
}


def _delegating_property(name):
    """A property reading name from the mock's delegate (an autospecced
    function) when it has one, else from _mock_<name>."""
    _allowed_names.add(name)
    stored_name = '_mock_' + name

    def _get(self):
        delegate = self._mock_delegate
        if delegate is None:
            return getattr(self, stored_name)
        return getattr(delegate, name)

    def _set(self, value):
        delegate = self._mock_delegate
        if delegate is None:
            self.__dict__[stored_name] = value
        else:
            setattr(delegate, name, value)
    return property(_get, _set)


class _CallList(list):
    """A list of calls; `sublist in calls` finds a contiguous run."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        if width > len(self):
            return False
        for start in range(len(self) - width + 1):
            if self[start:start + width] == value:
                return True
        return False

    def __repr__(self):
        import pprint
        return pprint.pformat(list(self))


def _check_and_set_parent(parent, value, name, new_name):
    """Adopt value (a mock without a name or parent) as parent's child or
    return value, so its calls are recorded in parent's lists."""
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    if ((value._mock_name or value._mock_new_name) or
            (value._mock_parent is not None) or
            (value._mock_new_parent is not None)):
        return False
    ancestor = parent
    while ancestor is not None:
        # A mock never becomes its own descendant.
        if ancestor is value:
            return False
        ancestor = ancestor._mock_new_parent
    if new_name:
        value._mock_new_parent = parent
        value._mock_new_name = new_name
    if name:
        value._mock_parent = parent
        value._mock_name = name
    return True


class _MockIter(object):
    def __init__(self, obj):
        self.obj = iter(obj)

    def __next__(self):
        return next(self.obj)


class Base(object):
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, /, *args, **kwargs):
        pass


_ASSERT_TYPOS = ('assert', 'assret', 'asert', 'aseert', 'assrt')


class NonCallableMock(Base):
    """A mock that cannot be called: the base of every mock.

    Attributes are created on first access as child mocks; spec (an object
    or a list of names) limits them, spec_set also limits assignment;
    wraps passes calls through to a real object; name appears in the repr.
    Other keyword arguments configure attributes, as configure_mock does.
    """

    # Protects the creation of child mocks against concurrent first access.
    _lock = threading.RLock()

    def __new__(cls, /, *args, **kw):
        # Each instance gets a class of its own, so that magic methods can
        # be set on one mock without affecting the others.
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            # The spec may come positionally (Mock(async_func)).
            spec_arg = kw.get('spec_set', kw.get('spec'))
            if args:
                spec_arg = args[0]
            if spec_arg is not None and _is_async_obj(spec_arg):
                bases = (AsyncMockMixin, cls)
        new = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        return super(NonCallableMock, cls).__new__(new)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='',
                 _new_parent=None, _spec_as_instance=False, _eat_self=None,
                 unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        __dict__ = self.__dict__
        __dict__['_mock_parent'] = parent
        __dict__['_mock_name'] = name
        __dict__['_mock_new_name'] = _new_name
        __dict__['_mock_new_parent'] = _new_parent
        __dict__['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        __dict__['_mock_children'] = {}
        __dict__['_mock_wraps'] = wraps
        __dict__['_mock_delegate'] = None
        __dict__['_mock_called'] = False
        __dict__['_mock_call_args'] = None
        __dict__['_mock_call_count'] = 0
        __dict__['_mock_call_args_list'] = _CallList()
        __dict__['_mock_mock_calls'] = _CallList()
        __dict__['method_calls'] = _CallList()
        __dict__['_mock_unsafe'] = unsafe
        if kwargs:
            self.configure_mock(**kwargs)
        super(NonCallableMock, self).__init__(
            spec, wraps, name, spec_set, parent, _spec_state)

    def attach_mock(self, mock, attribute):
        """Make mock the child attribute of this mock, recording its calls
        in this mock's method_calls and mock_calls."""
        inner = _extract_mock(mock)
        inner._mock_parent = None
        inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        """Limit the mock's attributes to those of spec; only attributes
        already set on the mock are kept."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False,
                       _eat_self=False):
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec a Mock object. [object={spec!r}]')
        spec_class = None
        spec_signature = None
        spec_asyncs = []
        if spec is not None and not _is_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            result = _get_signature_object(spec, _spec_as_instance, _eat_self)
            spec_signature = result and result[1]
            names = dir(spec)
            inspect = _inspect()
            for attr in names:
                static = inspect.getattr_static(spec, attr, None)
                try:
                    static = inspect.unwrap(static)
                except ValueError:
                    pass
                if iscoroutinefunction(static):
                    spec_asyncs.append(attr)
            spec = names
        __dict__ = self.__dict__
        __dict__['_spec_class'] = spec_class
        __dict__['_spec_set'] = spec_set
        __dict__['_spec_signature'] = spec_signature
        __dict__['_mock_methods'] = spec
        __dict__['_spec_asyncs'] = spec_asyncs

    def __get_return_value(self):
        ret = self._mock_return_value
        if self._mock_delegate is not None:
            ret = self._mock_delegate.return_value
        if ret is DEFAULT and self._mock_wraps is None:
            ret = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = ret
        return ret

    def __set_return_value(self, value):
        if self._mock_delegate is not None:
            self._mock_delegate.return_value = value
        else:
            self._mock_return_value = value
            _check_and_set_parent(self, value, None, '()')

    __return_value_doc = "The value to be returned when the mock is called."
    return_value = property(__get_return_value, __set_return_value,
                            __return_value_doc)

    @property
    def __class__(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    called = _delegating_property('called')
    call_count = _delegating_property('call_count')
    call_args = _delegating_property('call_args')
    call_args_list = _delegating_property('call_args_list')
    mock_calls = _delegating_property('mock_calls')

    def __get_side_effect(self):
        delegated = self._mock_delegate
        if delegated is None:
            return self._mock_side_effect
        effect = delegated.side_effect
        if (effect is not None and not callable(effect)
                and not isinstance(effect, _MockIter)
                and not _is_exception(effect)):
            effect = _MockIter(effect)
            delegated.side_effect = effect
        return effect

    def __set_side_effect(self, value):
        value = _try_iter(value)
        delegated = self._mock_delegate
        if delegated is None:
            self._mock_side_effect = value
        else:
            delegated.side_effect = value

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False,
                   side_effect=False):
        """Forget all calls, of this mock and its children; optionally also
        the configured return value and side effect."""
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        self.called = False
        self.call_args = None
        self.call_count = 0
        self.mock_calls = _CallList()
        self.call_args_list = _CallList()
        self.method_calls = _CallList()
        if return_value:
            self._mock_return_value = DEFAULT
        if side_effect:
            self._mock_side_effect = None
        for child in self._mock_children.values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value,
                             side_effect=side_effect)
        ret = self._mock_return_value
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    def configure_mock(self, /, **kwargs):
        """Set attributes from keyword arguments; dotted names reach child
        mocks: configure_mock(**{'method.return_value': 3})."""
        for arg, val in sorted(kwargs.items(),
                               key=lambda entry: entry[0].count('.')):
            path = arg.split('.')
            final = path.pop()
            obj = self
            for entry in path:
                obj = getattr(obj, entry)
            setattr(obj, final, val)

    def __getattr__(self, name):
        if name in {'_mock_methods', '_mock_unsafe', '_mock_check_sig'}:
            raise AttributeError(name)
        elif self._mock_methods is not None:
            if name not in self._mock_methods or name in _all_magics:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not self._mock_methods or
                                      name not in self._mock_methods):
            if name.startswith(_ASSERT_TYPOS) or name in _ATTRIB_DENY_LIST:
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec "
                    f"for the mock if {name!r} is meant to be an attribute.")
        with NonCallableMock._lock:
            result = self._mock_children.get(name)
            if result is _deleted:
                raise AttributeError(name)
            elif result is None:
                wraps = None
                if self._mock_wraps is not None:
                    wraps = getattr(self._mock_wraps, name)
                result = self._get_child_mock(
                    parent=self, name=name, wraps=wraps, _new_name=name,
                    _new_parent=self)
                self._mock_children[name] = result
            elif isinstance(result, _SpecState):
                try:
                    result = create_autospec(
                        result.spec, result.spec_set, result.instance,
                        result.parent, result.name)
                except InvalidSpecError:
                    target_name = self.__dict__['_mock_name'] or self
                    raise InvalidSpecError(
                        f'Cannot autospec attr {result.name!r} from target '
                        f'{target_name!r} as it has already been mocked out. '
                        f'[target={self!r}, attr={result.spec!r}]')
                self._mock_children[name] = result
        return result

    def _extract_mock_name(self):
        """The dotted name the mock is reached by, e.g. 'mock.a().b'."""
        names = [self._mock_new_name]
        parent = self._mock_new_parent
        last = self
        dot = '' if names == ['()'] else '.'
        while parent is not None:
            last = parent
            names.append(parent._mock_new_name + dot)
            dot = '' if parent._mock_new_name == '()' else '.'
            parent = parent._mock_new_parent
        names.reverse()
        first = last._mock_name or 'mock'
        if len(names) > 1 and names[1] not in ('()', '().'):
            first += '.'
        names[0] = first
        return ''.join(names)

    def __repr__(self):
        name = self._extract_mock_name()
        name_string = ''
        if name not in ('mock', 'mock.'):
            name_string = ' name=%r' % name
        spec_string = ''
        if self._spec_class is not None:
            spec_string = ' spec_set=%r' if self._spec_set else ' spec=%r'
            spec_string = spec_string % self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_string,
                                     spec_string, id(self))

    def __dir__(self):
        """Only the useful names: the spec's, the public ones and the
        children."""
        if not FILTER_DIR:
            return object.__dir__(self)
        extras = self._mock_methods or []
        from_type = [e for e in dir(type(self)) if not e.startswith('_')]
        from_dict = [e for e in self.__dict__
                     if not e.startswith('_') or _is_magic(e)]
        from_children = [name for name, value in self._mock_children.items()
                         if value is not _deleted]
        return sorted(set(extras + from_type + from_dict + from_children))

    def __setattr__(self, name, value):
        if name in _allowed_names:
            # The properties' setters land here.
            return object.__setattr__(self, name, value)
        elif (self._spec_set and self._mock_methods is not None and
              name not in self._mock_methods and
              name not in self.__dict__):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        elif name in _unsupported_magics:
            raise AttributeError(
                'Attempting to set unsupported magic method %r.' % name)
        elif name in _all_magics:
            if (self._mock_methods is not None and
                    name not in self._mock_methods):
                raise AttributeError(
                    "Mock object has no attribute '%s'" % name)
            if not _is_instance_mock(value):
                setattr(type(self), name, _get_method(name, value))
                original = value
                value = lambda *args, **kw: original(self, *args, **kw)
            else:
                # Record the magic's calls in mock_calls only, not
                # method_calls: set _new_name but not name.
                _check_and_set_parent(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
        elif name == '__class__':
            self._spec_class = value
            return
        elif _check_and_set_parent(self, value, name, name):
            self._mock_children[name] = value
        if self._mock_sealed and not hasattr(self, name):
            mock_name = f'{self._extract_mock_name()}.{name}'
            raise AttributeError(f'Cannot set {mock_name}')
        if isinstance(value, PropertyMock):
            # Stored as is: going through object.__setattr__ would call a
            # PropertyMock set on the class (attach_mock of a property).
            self.__dict__[name] = value
            return
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                # A magic still served by its MagicProxy.
                return
        obj = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            super(NonCallableMock, self).__delattr__(name)
        elif obj is _deleted:
            raise AttributeError(name)
        if obj is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        name = self._mock_name or 'mock'
        return _format_call_signature(name, args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        message = 'expected %s not found.\nExpected: %s\n  Actual: %s'
        expected_string = self._format_mock_call_signature(args, kwargs)
        actual_string = self._format_mock_call_signature(*self.call_args)
        return message % (action, expected_string, actual_string)

    def _get_call_signature_from_name(self, name):
        """The signature of the child reached by the dotted name, if it is
        spec'd; None otherwise."""
        if not name:
            return self._spec_signature
        sig = None
        names = name.replace('()', '').split('.')
        children = self._mock_children
        for name in names:
            child = children.get(name)
            if child is None or isinstance(child, _SpecState):
                break
            child = _extract_mock(child)
            children = child._mock_children
            sig = child._spec_signature
        return sig

    def _call_matcher(self, _call):
        """A call with its arguments bound to the spec's signature, so that
        equivalent positional and keyword forms compare equal; the binding
        error if the call does not fit the signature."""
        if isinstance(_call, tuple) and len(_call) > 2:
            sig = self._get_call_signature_from_name(_call[0])
        else:
            sig = self._spec_signature
        if sig is None:
            return _call
        if len(_call) == 2:
            name = ''
            args, kwargs = _call
        else:
            name, args, kwargs = _call
        try:
            bound = sig.bind(*args, **kwargs)
            return call(name, bound.args, bound.kwargs)
        except TypeError as e:
            return e.with_traceback(None)

    def assert_not_called(self):
        if self.call_count != 0:
            raise AssertionError(
                "Expected '%s' to not have been called. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called(self):
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." %
                                 (self._mock_name or 'mock'))

    def assert_called_once(self):
        if not self.call_count == 1:
            raise AssertionError(
                "Expected '%s' to have been called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called_with(self, /, *args, **kwargs):
        """Fail unless the last call had these arguments."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(
                'expected call not found.\nExpected: %s\n  Actual: %s'
                % (expected, 'not called.'))
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(
                self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, /, *args, **kwargs):
        if not self.call_count == 1:
            raise AssertionError(
                "Expected '%s' to be called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless mock_calls contains calls: as a contiguous run, or
        in any order if any_order is true."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_calls = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if expected not in all_calls:
                if cause is None:
                    problem = 'Calls not found.'
                else:
                    problem = ('Error processing expected calls.\n'
                               'Errors: {}').format(
                                   [e if isinstance(e, Exception) else None
                                    for e in expected])
                raise AssertionError(
                    f'{problem}\n'
                    f'Expected: {_CallList(calls)}\n'
                    f'  Actual: {safe_repr(self.mock_calls)}') from cause
            return
        all_calls = list(all_calls)
        not_found = []
        for kall in expected:
            try:
                all_calls.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError(
                '%r does not contain all of %r in its call list, '
                'found %r instead' % (self._mock_name or 'mock',
                                      tuple(not_found), all_calls)
            ) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fail unless some call, not only the last, had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if cause or expected not in _AnyComparer(actual):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(
                '%s call not found' % expected_string) from cause

    def _get_child_mock(self, /, **kw):
        """Make a child mock; subclasses override this to choose its type.
        By default it is the mock's own (callable) class."""
        if self._mock_sealed:
            attribute = f".{kw['name']}" if "name" in kw else "()"
            raise AttributeError(self._extract_mock_name() + attribute)
        new_name = kw.get("_new_name")
        if new_name in self.__dict__['_spec_asyncs']:
            return AsyncMock(**kw)
        own_type = type(self)
        if issubclass(own_type, MagicMock) and new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own_type, AsyncMockMixin):
            if (new_name in _all_sync_magics or
                    self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own_type, CallableMixin):
            if issubclass(own_type, NonCallableMagicMock):
                klass = MagicMock
            elif issubclass(own_type, NonCallableMock):
                klass = Mock
        else:
            # The per-instance class's base is the class the user chose.
            klass = own_type.__mro__[1]
        return klass(**kw)

    def _calls_repr(self):
        if not self.mock_calls:
            return ""
        return f"\nCalls: {safe_repr(self.mock_calls)}."

    def _mock_check_sig(self, /, *args, **kwargs):
        """Replaced by a signature check when the mock is autospecced."""


# Attribute names that look like misspelt assertions (mock.called_once).
_ATTRIB_DENY_LIST = frozenset({
    name.removeprefix("assert_")
    for name in dir(NonCallableMock)
    if name.startswith("assert_")
})


class _AnyComparer(list):
    """A list whose `in` compares the wanted item on the left, so that ANY
    inside it matches."""

    def __contains__(self, item):
        for _call in self:
            assert len(item) == len(_call)
            if all([expected == actual
                    for expected, actual in zip(item, _call)]):
                return True
        return False


def _try_iter(obj):
    if obj is None or _is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        # Not iterable: calling the mock will fail on next().
        return obj


class CallableMixin(Base):

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        super(CallableMixin, self).__init__(
            spec, wraps, name, spec_set, parent, _spec_state, _new_name,
            _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        """Replaced by a signature check when the mock is autospecced."""

    def __call__(self, /, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        """Record the call here and in every ancestor's lists."""
        self.called = True
        self.call_count += 1
        # Recorded before running, so that an awaited call's arguments can
        # be asserted before it is awaited.
        this_call = _Call((args, kwargs), two=True)
        self.call_args = this_call
        self.call_args_list.append(this_call)

        do_method_calls = self._mock_parent is not None
        method_call_name = self._mock_name
        mock_call_name = self._mock_new_name
        is_a_call = mock_call_name == '()'
        self.mock_calls.append(_Call(('', args, kwargs)))

        parent = self._mock_new_parent
        while parent is not None:
            if do_method_calls:
                parent.method_calls.append(
                    _Call((method_call_name, args, kwargs)))
                do_method_calls = parent._mock_parent is not None
                if do_method_calls:
                    method_call_name = (parent._mock_name + '.'
                                        + method_call_name)
            parent.mock_calls.append(_Call((mock_call_name, args, kwargs)))
            if parent._mock_new_name:
                dot = '' if is_a_call else '.'
                is_a_call = parent._mock_new_name == '()'
                mock_call_name = parent._mock_new_name + dot + mock_call_name
            parent = parent._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if (self._mock_delegate and
                self._mock_delegate.return_value is not DEFAULT):
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: calling it records the call and returns
    return_value (a new child mock unless set), unless side_effect (an
    exception to raise, an iterable of results, or a function computing
    the result) says otherwise.  See NonCallableMock for the other
    arguments."""


# ---- patch ---------------------------------------------------------------

def _dot_lookup(thing, component, import_path):
    try:
        return getattr(thing, component)
    except AttributeError:
        __import__(import_path)
        return getattr(thing, component)


def _importer(target):
    components = target.split('.')
    import_path = components.pop(0)
    thing = __import__(import_path)
    for component in components:
        import_path += ".%s" % component
        thing = _dot_lookup(thing, component, import_path)
    return thing


def _check_spec_arg_typos(kwargs_to_check):
    for typo in ("autospect", "auto_spec", "set_spec"):
        if typo in kwargs_to_check:
            raise RuntimeError(
                f"{typo!r} might be a typo; use unsafe=True if this is "
                f"intended")


class _patch(object):
    """A patcher: a decorator, context manager, or start()/stop() pair that
    replaces getter().attribute for its duration."""

    attribute_name = None
    # Patches started with start(), for patch.stopall.
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set,
                 autospec, new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError(
                    "Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError(
                    "Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _check_spec_arg_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec '
                f'has already been mocked out. [spec={spec!r}]')
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec_set '
                f'target has already been mocked out. '
                f'[spec_set={spec_set!r}]')
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []
        self.is_started = False

    def copy(self):
        patcher = _patch(self.getter, self.attribute, self.new, self.spec,
                         self.create, self.spec_set, self.autospec,
                         self.new_callable, self.kwargs)
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [
            p.copy() for p in self.additional_patchers]
        return patcher

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            attr_value = getattr(klass, attr)
            if not hasattr(attr_value, "__call__"):
                continue
            patcher = self.copy()
            setattr(klass, attr, patcher(attr_value))
        return klass

    def decorate_callable(self, func):
        if hasattr(func, 'patchings'):
            # Stacked patch decorators share one wrapper.
            func.patchings.append(self)
            return func

        @wraps(func)
        def patched(*args, **keywargs):
            helper = _PatchingHelper(patched.patchings, args, keywargs)
            newargs, newkeywargs = helper.enter()
            try:
                result = func(*newargs, **newkeywargs)
            except BaseException:
                if not helper.exit(*sys.exc_info()):
                    raise
                return None
            helper.exit(None, None, None)
            return result

        patched.patchings = [self]
        return patched

    def decorate_async_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @wraps(func)
        async def patched(*args, **keywargs):
            helper = _PatchingHelper(patched.patchings, args, keywargs)
            newargs, newkeywargs = helper.enter()
            try:
                result = await func(*newargs, **newkeywargs)
            except BaseException:
                if not helper.exit(*sys.exc_info()):
                    raise
                return None
            helper.exit(None, None, None)
            return result

        patched.patchings = [self]
        return patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        original = DEFAULT
        local = False
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
        else:
            local = True
        if name in _builtins and isinstance(target, ModuleType):
            # A module may shadow a builtin without defining it first.
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError(
                "%s does not have the attribute %r" % (target, name))
        return original, local

    def _make_new(self, original):
        """The mock to patch in when new is DEFAULT and no autospec."""
        spec, spec_set = self.spec, self.spec_set
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        new_callable = self.new_callable
        inherit = False
        if spec is True:
            spec = original
            if spec_set is True:
                spec_set = original
                spec = None
        elif spec is not None:
            if spec_set is True:
                spec_set = spec
                spec = None
        elif spec_set is True:
            spec_set = original
        if spec is not None or spec_set is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            if isinstance(original, type):
                # The mock's return value stands for an instance.
                inherit = True
        this_spec = spec_set if spec_set is not None else spec
        if new_callable is not None:
            klass = new_callable
        elif spec is None and _is_async_obj(original):
            klass = AsyncMock
        elif this_spec is not None:
            if _is_list(this_spec):
                not_callable = '__call__' not in this_spec
            else:
                not_callable = not callable(this_spec)
            if _is_async_func(this_spec):
                klass = AsyncMock
            elif not_callable:
                klass = NonCallableMagicMock
            else:
                klass = MagicMock
        else:
            klass = MagicMock
        kwargs = {}
        if spec is not None:
            kwargs['spec'] = spec
        if spec_set is not None:
            kwargs['spec_set'] = spec_set
        if (isinstance(klass, type) and issubclass(klass, NonCallableMock)
                and self.attribute):
            kwargs['name'] = self.attribute
        kwargs.update(self.kwargs)
        new = klass(**kwargs)
        if inherit and _is_instance_mock(new):
            if not _is_list(this_spec) and not _instance_callable(this_spec):
                klass = NonCallableMagicMock
            kwargs.pop('name')
            new.return_value = klass(_new_parent=new, _new_name='()',
                                     **kwargs)
        return new

    def _make_autospec(self, original, autospec):
        if self.new is not DEFAULT:
            raise TypeError("autospec creates the mock for you. Can't "
                            "specify autospec and new.")
        if original is DEFAULT:
            raise TypeError("Can't use 'autospec' with create=True")
        spec_set = bool(self.spec_set)
        if autospec is True:
            autospec = original
        if _is_instance_mock(self.target):
            raise InvalidSpecError(
                f'Cannot autospec attr {self.attribute!r} as the patch '
                f'target has already been mocked out. '
                f'[target={self.target!r}, attr={autospec!r}]')
        if _is_instance_mock(autospec):
            target_name = getattr(self.target, '__name__', self.target)
            raise InvalidSpecError(
                f'Cannot autospec attr {self.attribute!r} from target '
                f'{target_name!r} as it has already been mocked out. '
                f'[target={self.target!r}, attr={autospec!r}]')
        return create_autospec(autospec, spec_set=spec_set,
                               _name=self.attribute, **self.kwargs)

    def __enter__(self):
        """Perform the patch; return the new object (or, for
        patch.multiple, a dict of the mocks created)."""
        if self.is_started:
            raise RuntimeError("Patch is already started")
        new, spec, spec_set = self.new, self.spec, self.spec_set
        autospec = self.autospec
        self.target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if ((spec is not None or autospec is not None) and
                spec_set not in (True, None)):
            raise TypeError("Can't provide explicit spec_set *and* spec or "
                            "autospec")
        original, local = self.get_original()
        if new is DEFAULT and autospec is None:
            new = self._make_new(original)
        elif autospec is not None:
            new = self._make_autospec(original, autospec)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")

        self.temp_original = original
        self.is_local = local
        self._entered_patchers = []
        self.is_started = True
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is None:
                return new
            extra_args = {}
            if self.new is DEFAULT:
                extra_args[self.attribute_name] = new
            for patching in self.additional_patchers:
                arg = patching.__enter__()
                self._entered_patchers.append(patching)
                if patching.new is DEFAULT:
                    extra_args.update(arg)
            return extra_args
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        """Undo the patch."""
        if not self.is_started:
            return None
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (
                    not hasattr(self.target, self.attribute) or
                    self.attribute in ('__doc__', '__module__',
                                       '__defaults__', '__annotations__',
                                       '__kwdefaults__')):
                # Proxy objects may need the original set back explicitly.
                setattr(self.target, self.attribute, self.temp_original)
        del self.temp_original
        del self.is_local
        del self.target
        entered = self._entered_patchers
        del self._entered_patchers
        self.is_started = False
        return _exit_all(entered, exc_info)

    def start(self):
        """Activate the patch, returning any mock created."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Undo a patch activated with start()."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _exit_all(entered, exc_info):
    """Exit the context managers in entered, last first, as nested with
    statements would; True if the exception in exc_info was suppressed."""
    suppressed = False
    pending = exc_info
    raised = None
    for manager in reversed(entered):
        try:
            if manager.__exit__(*pending):
                suppressed = True
                pending = (None, None, None)
        except BaseException as exc:
            raised = exc
            pending = (type(exc), exc, exc.__traceback__)
            suppressed = False
    if raised is not None and pending[1] is raised:
        raise raised
    return suppressed


class _PatchingHelper:
    """Enters the patchings of a decorated function and extends its
    arguments with the mocks they create."""

    def __init__(self, patchings, args, keywargs):
        self.patchings = patchings
        self.args = args
        self.keywargs = keywargs
        self.entered = []

    def enter(self):
        extra_args = []
        try:
            for patching in self.patchings:
                arg = patching.__enter__()
                self.entered.append(patching)
                if patching.attribute_name is not None:
                    self.keywargs.update(arg)
                elif patching.new is DEFAULT:
                    extra_args.append(arg)
        except BaseException:
            if not _exit_all(self.entered, sys.exc_info()):
                raise
        return self.args + tuple(extra_args), self.keywargs

    def exit(self, *exc_info):
        return _exit_all(self.entered, exc_info)


def _get_target(target):
    try:
        target, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(
            f"Need a valid target to patch. You supplied: {target!r}")
    return partial(_importer, target), attribute


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False,
                  spec_set=None, autospec=None, new_callable=None, *,
                  unsafe=False, **kwargs):
    """patch.object(target, attribute, ...): patch the named attribute of
    an object rather than an importable name."""
    if type(target) is str:
        raise TypeError(
            f"{target!r} must be the actual object to be patched, not a str")
    getter = lambda: target
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """patch.multiple(target, name=value, ...): patch several attributes
    at once; values of DEFAULT create mocks, passed to the decorated
    function as keyword arguments."""
    if type(target) is str:
        getter = partial(_importer, target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError(
            'Must supply at least one keyword argument with patch.multiple')
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set,
                     autospec, new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        this_patcher = _patch(getter, attribute, new, spec, create, spec_set,
                              autospec, new_callable, {})
        this_patcher.attribute_name = attribute
        patcher.additional_patchers.append(this_patcher)
    return patcher


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None,
          autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object named by target ('package.module.name') with new
    (by default a MagicMock, made with spec, spec_set, autospec or
    new_callable and configured by kwargs) while the decorated function
    or class, or the with block, runs; or from start() to stop().

    The name is looked up when the patch starts.  create=True allows
    patching a missing attribute.  A mock created for a decorated function
    is passed to it as an extra positional argument.
    """
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


class _patch_dict(object):
    """patch.dict(in_dict, values=(), clear=False, **kwargs): set values in
    a dictionary (or the dictionary named by a string) and restore it
    afterwards; clear=True empties it first."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if iscoroutinefunction(f):
            return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f):
        @wraps(f)
        def _inner(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_async_callable(self, f):
        @wraps(f)
        async def _inner(*args, **kw):
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            if (attr.startswith(patch.TEST_PREFIX) and
                    hasattr(attr_value, "__call__")):
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, decorator(attr_value))
        return klass

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        in_dict = self.in_dict
        try:
            original = in_dict.copy()
        except AttributeError:
            # A mapping without copy(): iterating its keys must work.
            original = {key: in_dict[key] for key in in_dict}
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        try:
            in_dict.update(self.values)
        except AttributeError:
            for key in self.values:
                in_dict[key] = self.values[key]

    def _unpatch_dict(self):
        in_dict = self.in_dict
        original = self._original
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(self, *args):
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


def _patch_stopall():
    """Stop every patch started with start(), the latest first."""
    for active in reversed(_patch._active_patches):
        active.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


# ---- magic methods -------------------------------------------------------

magic_methods = (
    "lt le gt ge eq ne "
    "getitem setitem delitem "
    "len contains iter "
    "hash str sizeof "
    "enter exit "
    # divmod is here rather than with the numerics: there is no idivmod.
    "divmod rdivmod neg pos abs invert "
    "complex int float index "
    "round trunc floor ceil "
    "bool next "
    "fspath "
    "aiter "
)

numerics = (
    "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
)
inplace = ' '.join('i%s' % n for n in numerics.split())
right = ' '.join('r%s' % n for n in numerics.split())

# Supported when set explicitly, but given no default implementation.
_non_defaults = {
    '__get__', '__set__', '__delete__', '__reversed__', '__missing__',
    '__reduce__', '__reduce_ex__', '__getinitargs__', '__getnewargs__',
    '__getstate__', '__setstate__', '__getformat__',
    '__repr__', '__dir__', '__subclasses__', '__format__',
    '__getnewargs_ex__', '__buffer__', '__release_buffer__',
}


def _get_method(name, func):
    """A real function calling func, to put a magic method on a class."""
    def method(self, /, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


_magics = {
    '__%s__' % method for method in
    ' '.join([magic_methods, numerics, inplace, right]).split()
}

# The async magics that are coroutine functions.
_async_method_magics = {"__aenter__", "__aexit__", "__anext__"}
# __aiter__ belongs to async iteration but is an ordinary function.
_sync_async_magics = {"__aiter__"}
_async_magics = _async_method_magics | _sync_async_magics

_all_sync_magics = _magics | _non_defaults
_all_magics = _all_sync_magics | _async_magics

_unsupported_magics = {
    '__getattr__', '__setattr__',
    '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__',
    '__del__'
}

_calculate_return_value = {
    '__hash__': lambda self: object.__hash__(self),
    '__str__': lambda self: object.__str__(self),
    '__sizeof__': lambda self: object.__sizeof__(self),
    '__fspath__': lambda self: (f"{type(self).__name__}/"
                                f"{self._extract_mock_name()}/{id(self)}"),
}

_return_values = {
    '__lt__': NotImplemented,
    '__gt__': NotImplemented,
    '__le__': NotImplemented,
    '__ge__': NotImplemented,
    '__int__': 1,
    '__contains__': False,
    '__len__': 0,
    '__exit__': False,
    '__complex__': 1j,
    '__float__': 1.0,
    '__bool__': True,
    '__index__': 1,
    '__aexit__': False,
}


def _get_eq(self):
    def __eq__(other):
        ret_val = self.__eq__._mock_return_value
        if ret_val is not DEFAULT:
            return ret_val
        if self is other:
            return True
        return NotImplemented
    return __eq__


def _get_ne(self):
    def __ne__(other):
        if self.__ne__._mock_return_value is not DEFAULT:
            # Let the configured return value through.
            return DEFAULT
        if self is other:
            return False
        return NotImplemented
    return __ne__


def _get_iter(self):
    def __iter__():
        ret_val = self.__iter__._mock_return_value
        if ret_val is DEFAULT:
            return iter([])
        return iter(ret_val)
    return __iter__


def _get_async_iter(self):
    def __aiter__():
        ret_val = self.__aiter__._mock_return_value
        if ret_val is DEFAULT:
            return _AsyncIterator(iter([]))
        return _AsyncIterator(iter(ret_val))
    return __aiter__


_side_effect_methods = {
    '__eq__': _get_eq,
    '__ne__': _get_ne,
    '__iter__': _get_iter,
    '__aiter__': _get_async_iter,
}


def _set_return_value(mock, method, name):
    """Give a new magic method mock its default behaviour."""
    fixed = _return_values.get(name, DEFAULT)
    if fixed is not DEFAULT:
        method.return_value = fixed
        return
    calculator = _calculate_return_value.get(name)
    if calculator is not None:
        method.return_value = calculator(mock)
        return
    side_effector = _side_effect_methods.get(name)
    if side_effector is not None:
        method.side_effect = side_effector(mock)


class MagicMixin(Base):
    def __init__(self, /, *args, **kw):
        # Set up the magics first so that kw can configure them, and again
        # after, for the ones the base __init__ replaced.
        self._mock_set_magics()
        super(MagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        orig_magics = _magics | _async_method_magics
        these_magics = orig_magics
        if getattr(self, "_mock_methods", None) is not None:
            these_magics = orig_magics.intersection(self._mock_methods)
            for entry in orig_magics - these_magics:
                if entry in type(self).__dict__:
                    delattr(self, entry)
        # Keep the magics set by an earlier call or by the user.
        these_magics = these_magics - set(type(self).__dict__)
        own_type = type(self)
        for entry in these_magics:
            setattr(own_type, entry, MagicProxy(entry, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A version of MagicMock that isn't callable."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    pass


class MagicMock(MagicMixin, Mock):
    """A Mock with default implementations of the magic methods (len() is
    0, int() is 1, iteration is empty, ...), each a configurable mock."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()

    def reset_mock(self, /, *args, return_value=False, **kwargs):
        # A magic method's mock keeps its computed return value (str() of
        # a MagicMock stays a str), whatever return_value asks.
        if return_value and self._mock_name and _is_magic(self._mock_name):
            return_value = False
        super().reset_mock(*args, return_value=return_value, **kwargs)


class MagicProxy(Base):
    """Placed on a MagicMock's class: makes the magic method's mock on
    first use."""

    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        entry = self.name
        parent = self.parent
        m = parent._get_child_mock(name=entry, _new_name=entry,
                                   _new_parent=parent)
        setattr(parent, entry, m)
        _set_return_value(parent, m, entry)
        return m

    def __get__(self, obj, _type=None):
        return self.create_mock()


# ---- async mocks ---------------------------------------------------------

class AsyncMockMixin(Base):
    await_count = _delegating_property('await_count')
    await_args = _delegating_property('await_args')
    await_args_list = _delegating_property('await_args_list')

    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # inspect.iscoroutinefunction treats an object with function-like
        # attributes and a code object flagged CO_COROUTINE as a coroutine
        # function.  Set through __dict__: a spec_set may not allow them.
        mark = _inspect_coroutine_mark()
        if mark is not None:
            self.__dict__['_is_coroutine_marker'] = mark
        self.__dict__['_mock_await_count'] = 0
        self.__dict__['_mock_await_args'] = None
        self.__dict__['_mock_await_args_list'] = _CallList()
        code_mock = NonCallableMock(spec_set=CodeType)
        code_mock.__dict__["_spec_class"] = CodeType
        code_mock.__dict__["_spec_signature"] = None
        code_mock.co_flags = _CO_COROUTINE + _CO_VARARGS + _CO_VARKEYWORDS
        code_mock.co_argcount = 0
        code_mock.co_varnames = ('args', 'kwargs')
        code_mock.co_posonlyargcount = 0
        code_mock.co_kwonlyargcount = 0
        self.__dict__['__code__'] = code_mock
        self.__dict__['__name__'] = 'AsyncMock'
        self.__dict__['__defaults__'] = tuple()
        self.__dict__['__kwdefaults__'] = {}
        self.__dict__['__annotations__'] = None

    async def _execute_mock_call(self, /, *args, **kwargs):
        this_call = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = this_call
        self.await_args_list.append(this_call)
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    # A StopIteration cannot leave a coroutine (PEP 479).
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def _awaited_times(self):
        return (f"Expected {self._mock_name or 'mock'} to have been awaited "
                f"once. Awaited {self.await_count} times.")

    def assert_awaited(self):
        if self.await_count == 0:
            raise AssertionError(
                f"Expected {self._mock_name or 'mock'} to have been awaited.")

    def assert_awaited_once(self):
        if not self.await_count == 1:
            raise AssertionError(self._awaited_times())

    def assert_awaited_with(self, /, *args, **kwargs):
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.await_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(
                args, kwargs, action='await')) from cause

    def assert_awaited_once_with(self, /, *args, **kwargs):
        if not self.await_count == 1:
            raise AssertionError(self._awaited_times())
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.await_args_list]
        if cause or expected not in _AnyComparer(actual):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(
                '%s await not found' % expected_string) from cause

    def assert_has_awaits(self, calls, any_order=False):
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_awaits = _CallList(self._call_matcher(c)
                               for c in self.await_args_list)
        if not any_order:
            if expected not in all_awaits:
                if cause is None:
                    problem = 'Awaits not found.'
                else:
                    problem = ('Error processing expected awaits.\n'
                               'Errors: {}').format(
                                   [e if isinstance(e, Exception) else None
                                    for e in expected])
                raise AssertionError(
                    f'{problem}\n'
                    f'Expected: {_CallList(calls)}\n'
                    f'Actual: {self.await_args_list}') from cause
            return
        all_awaits = list(all_awaits)
        not_found = []
        for kall in expected:
            try:
                all_awaits.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError(
                '%r not all found in await list' % (tuple(not_found),)
            ) from cause

    def assert_not_awaited(self):
        if self.await_count != 0:
            raise AssertionError(
                f"Expected {self._mock_name or 'mock'} to not have been "
                f"awaited. Awaited {self.await_count} times.")

    def reset_mock(self, /, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock whose call returns a coroutine: awaiting it runs side_effect
    (a coroutine function is awaited) or returns return_value, and counts
    the await in await_count, await_args and await_args_list.  Its
    synchronous magic methods and spec'd synchronous methods are
    MagicMocks."""


class _ANY(object):
    "A helper object that compares equal to everything."

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _format_call_signature(name, args, kwargs):
    parts = [repr(arg) for arg in args]
    parts.extend('%s=%r' % (key, value) for key, value in kwargs.items())
    return '%s(%s)' % (name, ', '.join(parts))


class _Call(tuple):
    """A recorded call: (args, kwargs) or (name, args, kwargs).

    Compares equal to tuples of those shapes, and to other calls ignoring
    a missing name.  call.method(1).attr(2) builds chained calls, whose
    call_list() lists every call in the chain.
    """

    def __new__(cls, value=(), name='', parent=None, two=False,
                from_kall=True):
        args = ()
        kwargs = {}
        size = len(value)
        if size == 3:
            name, args, kwargs = value
        elif size == 2:
            first, second = value
            if isinstance(first, str):
                name = first
                if isinstance(second, tuple):
                    args = second
                else:
                    kwargs = second
            else:
                args, kwargs = first, second
        elif size == 1:
            value, = value
            if isinstance(value, str):
                name = value
            elif isinstance(value, tuple):
                args = value
            else:
                kwargs = value
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False,
                 from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def __eq__(self, other):
        try:
            other_size = len(other)
        except TypeError:
            return NotImplemented
        self_name = ''
        if len(self) == 2:
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        if (getattr(self, '_mock_parent', None) and
                getattr(other, '_mock_parent', None) and
                self._mock_parent != other._mock_parent):
            return False
        other_name = ''
        if other_size == 0:
            other_args, other_kwargs = (), {}
        elif other_size == 3:
            other_name, other_args, other_kwargs = other
        elif other_size == 1:
            value, = other
            if isinstance(value, tuple):
                other_args, other_kwargs = value, {}
            elif isinstance(value, str):
                other_name = value
                other_args, other_kwargs = (), {}
            else:
                other_args, other_kwargs = (), value
        elif other_size == 2:
            first, second = other
            if isinstance(first, str):
                other_name = first
                if isinstance(second, tuple):
                    other_args, other_kwargs = second, {}
                else:
                    other_args, other_kwargs = (), second
            else:
                other_args, other_kwargs = first, second
        else:
            return False
        if self_name and other_name != self_name:
            return False
        # The other side first, so that an ANY in self's args still decides
        # when the other side's items define __eq__.
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    __ne__ = object.__ne__

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        name = self._mock_name + '()'
        return _Call((self._mock_name, args, kwargs), name=name, parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        name = '%s.%s' % (self._mock_name, attr)
        return _Call(name=name, parent=self, from_kall=False)

    def __getattribute__(self, attr):
        # call.count(...) and call.index(...) are calls, not tuple methods.
        if attr in tuple.__dict__:
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    def _get_call_arguments(self):
        if len(self) == 2:
            args, kwargs = self
        else:
            name, args, kwargs = self
        return tuple(args), kwargs

    @property
    def args(self):
        return self._get_call_arguments()[0]

    @property
    def kwargs(self):
        return self._get_call_arguments()[1]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call%s' % name
            return name
        if len(self) == 2:
            name = 'call'
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = 'call'
            elif not name.startswith('()'):
                name = 'call.%s' % name
            else:
                name = 'call%s' % name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """Every call in a chained call, e.g. call(1).method(2) gives
        [call(1), call().method(2)]."""
        calls = []
        thing = self
        while thing is not None:
            if thing._mock_from_kall:
                calls.append(thing)
            thing = thing._mock_parent
        return _CallList(reversed(calls))


call = _Call(from_kall=False)


# ---- autospec ------------------------------------------------------------

def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """A mock shaped like spec: its attributes are autospecced on access,
    and calling it or its methods checks the arguments against the real
    signatures.  A class's mock returns an instance mock (instance=True
    mocks an instance directly); a function's mock is a function.
    spec_set=True also forbids setting attributes spec lacks."""
    if _is_list(spec):
        # A list spec would be taken as a list of names.
        spec = type(spec)
    is_type = isinstance(spec, type)
    if _is_instance_mock(spec):
        raise InvalidSpecError(f'Cannot autospec a Mock object. '
                               f'[object={spec!r}]')
    is_async_func = _is_async_func(spec)
    _kwargs = {'spec': spec}
    if spec_set:
        _kwargs = {'spec_set': spec}
    elif spec is None:
        _kwargs = {}
    if _kwargs and instance:
        _kwargs['_spec_as_instance'] = True
    if not unsafe:
        _check_spec_arg_typos(kwargs)
    _name = kwargs.pop('name', _name)
    _new_name = _name
    if _parent is None:
        # The top level mock's calls are recorded unnamed.
        _new_name = ''
    _kwargs.update(kwargs)

    klass = MagicMock
    if _inspect().isdatadescriptor(spec):
        # What a descriptor returns is unknown: no spec.
        _kwargs = {}
    elif is_async_func:
        if instance:
            raise RuntimeError('Instance can not be True when '
                               'create_autospec is mocking an async '
                               'function')
        klass = AsyncMock
    elif not _callable(spec):
        klass = NonCallableMagicMock
    elif is_type and instance and not _instance_callable(spec):
        klass = NonCallableMagicMock

    mock = klass(parent=_parent, _new_parent=_parent, _new_name=_new_name,
                 name=_name, **_kwargs)
    if isinstance(spec, FunctionTypes):
        # Only at the top level: attributes that are functions are handled
        # in the loop below.
        if is_async_func:
            mock = _set_async_signature(mock, spec)
        else:
            mock = _set_signature(mock, spec)
    else:
        _check_sig(spec, mock, is_type, instance)

    if _parent is not None and not instance:
        _parent._mock_children[_name] = mock

    wrapped = kwargs.pop('wraps', None)
    if is_type and not instance and 'return_value' not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=mock,
                                            wraps=wrapped)

    for entry in dir(spec):
        if _is_magic(entry):
            # MagicMock provides the useful magic methods already.
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        child_kwargs = {'spec': original}
        if wrapped and hasattr(wrapped, entry):
            child_kwargs.update(wraps=original)
        if spec_set:
            child_kwargs = {'spec_set': original}
        if not isinstance(original, FunctionTypes):
            # Autospecced lazily, on first access.
            new = _SpecState(original, spec_set, mock, entry, instance)
            mock._mock_children[entry] = new
        else:
            parent = mock
            if isinstance(spec, FunctionTypes):
                parent = mock.mock
            skipfirst = _must_skip(spec, entry, is_type)
            child_kwargs['_eat_self'] = skipfirst
            if iscoroutinefunction(original):
                child_klass = AsyncMock
            else:
                child_klass = MagicMock
            new = child_klass(parent=parent, name=entry, _new_name=entry,
                              _new_parent=parent, **child_kwargs)
            mock._mock_children[entry] = new
            new.return_value = child_klass()
            _check_sig(original, new, skipfirst=skipfirst)
        if isinstance(new, FunctionTypes):
            setattr(mock, entry, new)
    # The caller's configuration is for this (top level) mock; applied
    # last, so that return_value.* reaches the autospecced return value.
    if _is_instance_mock(mock) and kwargs:
        mock.configure_mock(**kwargs)
    return mock


def _must_skip(spec, entry, is_type):
    """Whether the method entry of spec takes a self the mock must not."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            # An instance attribute: a plain function.
            return False
        spec = spec.__class__
    for klass in spec.__mro__:
        result = klass.__dict__.get(entry, DEFAULT)
        if result is DEFAULT:
            continue
        if isinstance(result, (staticmethod, classmethod)):
            return False
        elif isinstance(result, FunctionTypes):
            # Looked up on an instance, self is already bound.
            return is_type
        else:
            return False
    # A dynamically provided attribute.
    return is_type


class _SpecState(object):
    """What create_autospec needs to autospec an attribute later."""

    def __init__(self, spec, spec_set=False, parent=None, name=None,
                 ids=None, instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


# ---- mock_open -----------------------------------------------------------

file_spec = None
open_spec = None


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=''):
    """A mock for open() (or configure mock for it) whose file handle
    reads read_data through read, readline, readlines and iteration, and
    can be used as a context manager."""
    global file_spec, open_spec
    state = [_to_stream(read_data), None]

    def _readlines_side_effect(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state[0].readlines(*args, **kwargs)

    def _read_side_effect(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state[0].read(*args, **kwargs)

    def _readline_side_effect(*args, **kwargs):
        yield from _iter_side_effect()
        while True:
            yield state[0].readline(*args, **kwargs)

    def _iter_side_effect():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        for line in state[0]:
            yield line

    def _next_side_effect():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state[0])

    def _exit_side_effect(exctype, excinst, exctb):
        handle.close()

    if file_spec is None:
        import _io
        file_spec = list(set(dir(_io.TextIOWrapper)).union(
            set(dir(_io.BytesIO))))
    if open_spec is None:
        import _io
        open_spec = list(set(dir(_io.open)))
    if mock is None:
        mock = MagicMock(name='open', spec=open_spec)

    handle = MagicMock(spec=file_spec)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None
    handle.read.side_effect = _read_side_effect
    state[1] = _readline_side_effect()
    handle.readline.side_effect = state[1]
    handle.readlines.side_effect = _readlines_side_effect
    handle.__iter__.side_effect = _iter_side_effect
    handle.__next__.side_effect = _next_side_effect
    handle.__exit__.side_effect = _exit_side_effect

    def reset_data(*args, **kwargs):
        # Each open() call reads the data from the start again.
        state[0] = _to_stream(read_data)
        if handle.readline.side_effect == state[1]:
            state[1] = _readline_side_effect()
            handle.readline.side_effect = state[1]
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock


class PropertyMock(Mock):
    """A mock to patch in as a property on a class: getting the attribute
    calls the mock with no arguments, setting it calls it with the
    value."""

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


# ---- ThreadingMock -------------------------------------------------------

_timeout_unset = sentinel.TIMEOUT_UNSET


class ThreadingMixin(Base):

    DEFAULT_TIMEOUT = None

    def _get_child_mock(self, /, **kw):
        if isinstance(kw.get("parent"), ThreadingMixin):
            kw["timeout"] = kw["parent"]._mock_wait_timeout
        elif isinstance(kw.get("_new_parent"), ThreadingMixin):
            kw["timeout"] = kw["_new_parent"]._mock_wait_timeout
        return super()._get_child_mock(**kw)

    def __init__(self, *args, timeout=_timeout_unset, **kwargs):
        super().__init__(*args, **kwargs)
        if timeout is _timeout_unset:
            timeout = self.DEFAULT_TIMEOUT
        # _mock_event is set by any call; _mock_calls_events holds one
        # (args, kwargs, event) per distinct call awaited or made, guarded
        # by _mock_calls_events_lock since calls come from other threads.
        self.__dict__["_mock_event"] = threading.Event()
        self.__dict__["_mock_calls_events"] = []
        self.__dict__["_mock_calls_events_lock"] = threading.Lock()
        self.__dict__["_mock_wait_timeout"] = timeout

    def reset_mock(self, /, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.__dict__["_mock_event"] = threading.Event()
        self.__dict__["_mock_calls_events"] = []

    def _event_for(self, expected_args, expected_kwargs):
        with self._mock_calls_events_lock:
            for args, kwargs, event in self._mock_calls_events:
                if (args, kwargs) == (expected_args, expected_kwargs):
                    return event
            new_event = threading.Event()
            self._mock_calls_events.append(
                (expected_args, expected_kwargs, new_event))
        return new_event

    def _mock_call(self, *args, **kwargs):
        ret_value = super()._mock_call(*args, **kwargs)
        self._event_for(args, kwargs).set()
        self._mock_event.set()
        return ret_value

    def wait_until_called(self, *, timeout=_timeout_unset):
        """Wait until the mock is called, failing after timeout seconds
        (default: the mock's timeout; None waits forever)."""
        if timeout is _timeout_unset:
            timeout = self._mock_wait_timeout
        if not self._mock_event.wait(timeout=timeout):
            raise AssertionError(f"{self._mock_name or 'mock'} was not "
                                 f"called before timeout({timeout}).")

    def wait_until_any_call_with(self, *args, **kwargs):
        """Wait until the mock has been called with these arguments."""
        event = self._event_for(args, kwargs)
        if not event.wait(timeout=self._mock_wait_timeout):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'{expected_string} call not found')


class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
    """A MagicMock whose calls can be waited for from another thread with
    wait_until_called and wait_until_any_call_with; timeout (default
    ThreadingMock.DEFAULT_TIMEOUT) bounds the waits."""


def seal(mock):
    """Forbid the creation of new attributes on mock and its child mocks:
    accessing one raises AttributeError."""
    mock._mock_sealed = True
    for attr in dir(mock):
        try:
            m = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(m, NonCallableMock):
            continue
        if isinstance(m._mock_children.get(attr), _SpecState):
            continue
        if m._mock_new_parent is mock:
            seal(m)


class _AsyncIterator:
    """The asynchronous iterator a MagicMock's __aiter__ returns."""

    def __init__(self, iterator):
        self.iterator = iterator
        code_mock = NonCallableMock(spec_set=CodeType)
        code_mock.co_flags = _CO_ITERABLE_COROUTINE
        self.__dict__['__code__'] = code_mock

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration
