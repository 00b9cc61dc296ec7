"""Generate special methods (__init__, __repr__, __eq__, ...) for classes
from their annotated fields (PEP 557).

    @dataclass
    class Point:
        x: int
        y: int = 0

The decorator reads the class annotations, builds one Field per
annotation and adds the methods as ordinary functions of the class.
"""

import sys
import types
import keyword
import itertools
import annotationlib
import abc
import reprlib

# Repr decorator that prints '...' for an object already being repr'd.
_recursive_repr = reprlib.recursive_repr()

__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',

           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError):
    """Raised when assigning to or deleting a field of a frozen dataclass."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


# Stands in for a default_factory argument the caller did not pass, so
# that the generated __init__ knows to call the factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


# "No value given": None is a legitimate default.
MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


# Annotating a pseudo-field with KW_ONLY makes the fields after it
# keyword-only.
KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'

# Types asdict()/astuple() return unchanged rather than deep-copying.
_ATOMIC_TYPES = frozenset({
    types.NoneType, bool, int, float, str, complex, bytes,
    types.EllipsisType, types.NotImplementedType, types.CodeType,
    types.BuiltinFunctionType, types.FunctionType, type, range, property,
})


class InitVar:
    """Marks an init-only pseudo-field: passed to __init__ and
    __post_init__, never stored on the instance."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass.  Created by field() or from a plain
    default; name and type are filled in by the decorator."""
    __slots__ = ('name',
                 'type',
                 'default',
                 'default_factory',
                 'repr',
                 'hash',
                 'init',
                 'compare',
                 'metadata',
                 'kw_only',
                 'doc',
                 '_field_type',
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only, doc):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else
                         types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self.doc = doc
        self._field_type = None

    @_recursive_repr
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'doc={self.doc!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # A descriptor used as a default learns its name as it would have
        # had it been assigned directly in the class body.
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    """The decorator arguments, kept in __dataclass_params__."""
    __slots__ = ('init',
                 'repr',
                 'eq',
                 'order',
                 'unsafe_hash',
                 'frozen',
                 'match_args',
                 'kw_only',
                 'slots',
                 'weakref_slot',
                 )

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen,
                 match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ('_DataclassParams(' +
                ','.join(f'{name}={getattr(self, name)!r}'
                         for name in self.__slots__) +
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING, doc=None):
    """Describe one dataclass field.

    default: the default value; default_factory: a zero-argument callable
    making the default (not both).  init, repr, compare: whether the field
    takes part in __init__, __repr__ and the comparison methods.  hash:
    whether it takes part in __hash__ (None: follow compare).  metadata: a
    mapping stored read-only on the Field.  kw_only: make the __init__
    parameter keyword-only.  doc: the field's docstring.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only, doc)


def _fields_in_init_order(fields):
    # Positional parameters first, then keyword-only ones.
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _tuple_str(obj_name, fields):
    # Source text of a tuple of obj_name's field values, e.g. "(self.x,)".
    if not fields:
        return '()'
    return f'({",".join(f"{obj_name}.{f.name}" for f in fields)},)'


class _FuncBuilder:
    """Collects the source of the methods to add to one class, then
    compiles them all with a single exec()."""

    def __init__(self, globals):
        self.names = []
        self.src = []
        self.globals = globals
        self.locals = {}
        self.overwrite_errors = {}
        self.unconditional_adds = {}
        self.annotations = {}

    def add_fn(self, name, args, body, *, locals=None, annotations=None,
               overwrite_error=False, unconditional_add=False,
               decorator=None):
        if locals is not None:
            self.locals.update(locals)
        if annotations is not None:
            self.annotations[name] = annotations
        if overwrite_error:
            self.overwrite_errors[name] = overwrite_error
        if unconditional_add:
            self.unconditional_adds[name] = True
        self.names.append(name)
        args = ','.join(args)
        body = '\n'.join(body)
        deco = f'  {decorator}\n' if decorator else ''
        self.src.append(f'{deco}  def {name}({args}):\n{body}')

    def add_fns_to_class(self, cls):
        if not self.names:
            return
        # The functions are nested in __create_fn__ so that the values in
        # self.locals reach them as closure variables, not globals.
        local_vars = ','.join(self.locals)
        txt = (f'def __create_fn__({local_vars}):\n'
               + '\n'.join(self.src)
               + f'\n  return ({",".join(self.names)},)')
        ns = {}
        exec(txt, self.globals, ns)
        fns = ns['__create_fn__'](**self.locals)
        for name, fn in zip(self.names, fns):
            if name in self.annotations:
                fn.__annotations__ = self.annotations[name]
            if name == '__repr__':
                fn = _recursive_repr(fn)
            fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
            if self.unconditional_adds.get(name, False):
                setattr(cls, name, fn)
            elif _set_new_attribute(cls, name, fn):
                error = self.overwrite_errors.get(name)
                if error:
                    if error is True:
                        error = (f'Cannot overwrite attribute {fn.__name__} '
                                 f'in class {cls.__name__}')
                    else:
                        error = error.format(name=name, cls=cls.__name__)
                    raise TypeError(error)


def _field_assign(frozen, name, value, self_name):
    # Frozen classes block __setattr__, so __init__ goes around it.
    if frozen:
        return (f'    __dataclass_builtins_object__.__setattr__('
                f'{self_name},{name!r},{value})')
    return f'    {self_name}.{name}={value}'


def _field_init(f, frozen, locals, self_name, slots):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        locals[default_name] = f.default_factory
        if f.init:
            value = (f'{default_name}() '
                     f'if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                     f'else {f.name}')
        else:
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            locals[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # With __slots__ the class attribute holding the default is gone.
        locals[default_name] = f.default
        value = default_name
    else:
        # The default stays a class attribute; nothing to store.
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default is not MISSING:
        return f'{f.name}=__dataclass_dflt_{f.name}__'
    return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, func_builder, slots):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument '
                                f'{seen_default.name!r}')

    locals = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
              '__dataclass_builtins_object__': object}
    body_lines = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name, slots)
        if line:
            body_lines.append(line)
    if has_post_init:
        params_str = ','.join(f.name for f in fields
                              if f._field_type is _FIELD_INITVAR)
        body_lines.append(f'    {self_name}.{_POST_INIT_NAME}({params_str})')
    if not body_lines:
        body_lines = ['    pass']

    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [_init_param(f) for f in kw_only_fields]
    annotations = {f.name: f.type for f in fields if f.init}
    annotations['return'] = None
    func_builder.add_fn('__init__', params, body_lines, locals=locals,
                        annotations=annotations)


def _repr_fn(fields, func_builder):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    func_builder.add_fn(
        '__repr__', ('self',),
        [f'    return f"{{self.__class__.__qualname__}}({parts})"'])


def _frozen_get_del_attr(cls_holder, fields, func_builder):
    # cls_holder is a one-item list so that _add_slots can point the
    # methods at the class it rebuilds.
    locals = {'__dataclass_cls_holder__': cls_holder,
              '__dataclass_FrozenInstanceError__': FrozenInstanceError,
              '__dataclass_field_names__': frozenset(f.name for f in fields)}
    condition = ('type(self) is __dataclass_cls_holder__[0] '
                 'or name in __dataclass_field_names__')
    func_builder.add_fn(
        '__setattr__', ('self', 'name', 'value'),
        [f'    if {condition}:',
         '     raise __dataclass_FrozenInstanceError__('
         'f"cannot assign to field {name!r}")',
         '    super(__dataclass_cls_holder__[0], self).__setattr__(name, value)'],
        locals=locals, overwrite_error=True)
    func_builder.add_fn(
        '__delattr__', ('self', 'name'),
        [f'    if {condition}:',
         '     raise __dataclass_FrozenInstanceError__('
         'f"cannot delete field {name!r}")',
         '    super(__dataclass_cls_holder__[0], self).__delattr__(name)'],
        locals=locals, overwrite_error=True)


def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or getattr(a_type, '__origin__', None) is typing.ClassVar)


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether the string annotation names a_type, as "ClassVar[...]" or
    "typing.ClassVar[...]" resolved in cls's module (without evaluating
    the rest of the annotation)."""
    import re
    match = re.match(r'^(?:\s*(\w+)\s*\.)?\s*(\w+)', annotation)
    if not match:
        return False
    module = sys.modules.get(cls.__module__)
    if module is None:
        return False
    ns = None
    module_name = match.group(1)
    if not module_name:
        ns = module.__dict__
    elif module.__dict__.get(module_name) is a_module:
        ns = a_module.__dict__
    return bool(ns) and is_type_predicate(ns.get(match.group(2)), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            # A __slots__ entry, not a default.
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    # Only look for ClassVar if typing has been imported: a ClassVar
    # annotation cannot exist otherwise.
    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar,
                                 _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses,
                                 dataclasses.InitVar, _is_initvar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies '
                        'kw_only')

    # A list, dict or set default would be shared by every instance.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_qualname(cls, value):
    if isinstance(value, types.FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    """Add name to cls unless the class itself defines it; True if it
    already did."""
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _hash_set_none(cls, fields, func_builder):
    cls.__hash__ = None


def _hash_add(cls, fields, func_builder):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    func_builder.add_fn('__hash__', ('self',),
                        [f'    return hash({_tuple_str("self", flds)})'],
                        unconditional_add=True)


def _hash_exception(cls, fields, func_builder):
    raise TypeError(f'Cannot overwrite attribute __hash__ '
                    f'in class {cls.__name__}')


# What to do about __hash__, keyed by (unsafe_hash, eq, frozen,
# has_explicit_hash).  None leaves the class alone.
_hash_action = {
    (False, False, False, False): None,
    (False, False, False, True): None,
    (False, False, True, False): None,
    (False, False, True, True): None,
    (False, True, False, False): _hash_set_none,
    (False, True, False, True): None,
    (False, True, True, False): _hash_add,
    (False, True, True, True): None,
    (True, False, False, False): _hash_add,
    (True, False, False, True): _hash_exception,
    (True, False, True, False): _hash_add,
    (True, False, True, True): _hash_exception,
    (True, True, False, False): _hash_add,
    (True, True, False, True): _hash_exception,
    (True, True, True, False): _hash_add,
    (True, True, True, True): _hash_exception,
}


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}
    module = sys.modules.get(cls.__module__)
    globals = module.__dict__ if module is not None else {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen, match_args,
                                           kw_only, slots, weakref_slot))

    # Fields of dataclass bases, in reverse MRO order so that nearer
    # classes override further ones.
    any_frozen_base = False
    all_frozen_bases = None
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(b, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen

    cls_annotations = annotationlib.get_annotations(
        cls, format=annotationlib.Format.FORWARDREF)

    cls_fields = []
    kw_only_seen = False
    dataclasses = sys.modules[__name__]
    for name, a_type in cls_annotations.items():
        if (_is_kw_only(a_type, dataclasses)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, dataclasses, dataclasses.KW_ONLY,
                                 _is_kw_only))):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # A Field object in the class body becomes the plain default (or
        # disappears when there is none).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(
        all_init_fields)

    func_builder = _FuncBuilder(globals)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _init_fn(all_init_fields, std_init_fields, kw_only_init_fields,
                 frozen, has_post_init, self_name, func_builder, slots)

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _repr_fn([f for f in field_list if f.repr], func_builder)

    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        terms = [f'self.{f.name}==other.{f.name}' for f in cmp_fields]
        field_comparisons = ' and '.join(terms) or 'True'
        func_builder.add_fn('__eq__', ('self', 'other'),
                            ['    if self is other:',
                             '     return True',
                             '    if other.__class__ is self.__class__:',
                             f'     return {field_comparisons}',
                             '    return NotImplemented'])

    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        for name, op in [('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')]:
            func_builder.add_fn(
                name, ('self', 'other'),
                ['    if other.__class__ is self.__class__:',
                 f'     return {self_tuple}{op}{other_tuple}',
                 '    return NotImplemented'],
                overwrite_error='Cannot overwrite attribute {name} in class '
                                '{cls}. Consider using functools.total_ordering')

    cls_holder = [cls]
    if frozen:
        _frozen_get_del_attr(cls_holder, field_list, func_builder)

    hash_action = _hash_action[bool(unsafe_hash), bool(eq), bool(frozen),
                               has_explicit_hash]
    if hash_action:
        hash_action(cls, field_list, func_builder)

    func_builder.add_fns_to_class(cls)

    if not getattr(cls, '__doc__'):
        try:
            import inspect
            text_sig = str(inspect.signature(cls)).replace(' -> None', '')
        except (TypeError, ValueError):
            text_sig = ''
        cls.__doc__ = cls.__name__ + text_sig

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot, fields)
        cls_holder[0] = cls

    _set_new_attribute(cls, '__replace__', _replace)

    abc.update_abstractmethods(cls)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        # Frozen instances reject setattr; go around it.
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        found = []
        if getattr(cls, '__weakrefoffset__', -1) != 0:
            found.append('__weakref__')
        if getattr(cls, '__dictoffset__', -1) != 0:
            found.append('__dict__')
        return found
    if isinstance(slots, str):
        return [slots]
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return list(slots)


def _update_class_cells(func, oldcls, newcls):
    # Methods using super() or __class__ close over the class cell; the
    # rebuilt class must replace the old one there.
    if isinstance(func, (classmethod, staticmethod)):
        func = func.__func__
    elif isinstance(func, property):
        for accessor in (func.fget, func.fset, func.fdel):
            _update_class_cells(accessor, oldcls, newcls)
        return
    closure = getattr(func, '__closure__', None)
    if not closure:
        return
    try:
        idx = func.__code__.co_freevars.index('__class__')
    except ValueError:
        return
    if closure[idx].cell_contents is oldcls:
        closure[idx].cell_contents = newcls


def _add_slots(cls, is_frozen, weakref_slot, defined_fields):
    """Return a new class like cls but with __slots__ for its fields (a
    class's __slots__ cannot be added after creation)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set(itertools.chain.from_iterable(
        map(_get_slots, cls.__mro__[1:-1])))
    names = [name for name in itertools.chain(
                 field_names, ('__weakref__',) if weakref_slot else ())
             if name not in inherited_slots]
    docs = {name: defined_fields[name].doc for name in names
            if name in defined_fields and defined_fields[name].doc is not None}
    if docs:
        cls_dict['__slots__'] = {name: docs.get(name) for name in names}
    else:
        cls_dict['__slots__'] = tuple(names)
    for field_name in field_names:
        # Slot descriptors replace the class attributes holding defaults.
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)

    qualname = getattr(cls, '__qualname__', None)
    newcls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        newcls.__qualname__ = qualname

    for value in newcls.__dict__.values():
        _update_class_cells(value, cls, newcls)

    if is_frozen:
        # Pickling needs these once there is no instance __dict__.
        if '__getstate__' not in cls_dict:
            newcls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            newcls.__setstate__ = _dataclass_setstate
    return newcls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Turn cls into a dataclass; usable as @dataclass or
    @dataclass(...).

    The fields are the class's annotated names (ClassVar pseudo-fields
    excluded).  init, repr, eq: generate __init__, __repr__, __eq__.
    order: generate <, <=, >, >=.  unsafe_hash: generate __hash__ even
    when it would not be safe.  frozen: instances reject attribute
    assignment.  match_args: set __match_args__.  kw_only: make every
    field keyword-only.  slots: return a copy of the class with
    __slots__; weakref_slot adds a __weakref__ slot to it.
    """

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    # Called as @dataclass(...) the class comes later.
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or dataclass instance, in
    definition order (ClassVar and InitVar pseudo-fields left out).
    """
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or '
                        'instance') from None
    # ClassVar and InitVar pseudo-fields are not fields.
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _copy_inner(obj, rebuild_dataclass, recurse):
    # Shared traversal of asdict() and astuple(): containers are rebuilt
    # with their own type, anything else is deep-copied.
    if type(obj) in _ATOMIC_TYPES:
        return obj
    if _is_dataclass_instance(obj):
        return rebuild_dataclass(obj)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A namedtuple takes its items positionally.
        return type(obj)(*[recurse(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(recurse(v) for v in obj)
    if isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            # defaultdict's constructor wants the factory first.
            result = type(obj)(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                result[recurse(k)] = recurse(v)
            return result
        return type(obj)((recurse(k), recurse(v)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary
    mapping field names to field values, recursing into dataclasses,
    dicts, lists and tuples.  dict_factory builds each dictionary from a
    list of (name, value) pairs."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')

    def rebuild(inst):
        pairs = [(f.name, recurse(getattr(inst, f.name)))
                 for f in fields(inst)]
        if dict_factory is dict:
            return dict(pairs)
        return dict_factory(pairs)

    def recurse(value):
        return _copy_inner(value, rebuild, recurse)

    return rebuild(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field
    values, recursing like asdict().  tuple_factory builds each tuple
    from a list of values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')

    def rebuild(inst):
        return tuple_factory([recurse(getattr(inst, f.name))
                              for f in fields(inst)])

    def recurse(value):
        return _copy_inner(value, rebuild, recurse)

    return rebuild(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None, decorator=dataclass):
    """Return a new dynamically created dataclass.

    fields is an iterable of name, (name, type) or (name, type, Field or
    default).  bases and namespace become the class's bases and body;
    module sets __module__; decorator (dataclass by default) is applied
    with the remaining arguments.
    """
    namespace = {} if namespace is None else namespace.copy()

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            import typing
            tp = typing.Any
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)

    if module is None:
        try:
            module = sys._getframemodulename(1) or '__main__'
        except AttributeError:
            try:
                module = sys._getframe(1).f_globals.get('__name__', '__main__')
            except (AttributeError, ValueError):
                pass
    if module is not None:
        cls.__module__ = module

    return decorator(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed and
    the others copied from obj; __init__ and __post_init__ run again.
    Fields declared with init=False cannot be changed this way.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    # Fields not in changes keep their current values; init=False fields
    # are recomputed by __init__/__post_init__ and cannot be changed.
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with '
                                f'init=False, it cannot be specified with '
                                f'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f'InitVar {f.name!r} '
                                f'must be specified with replace()')
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)
