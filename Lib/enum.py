"""Enumerations: sets of symbolic names bound to unique values.

Enum, IntEnum, StrEnum, Flag and IntFlag, the EnumType metaclass, and the
helpers auto, unique, verify, member, nonmember, property and global_enum,
as the enum module of Python 3.15 documents them.
"""

import sys
import builtins as bltns
from types import MappingProxyType, DynamicClassAttribute

__all__ = [
    'EnumType', 'EnumMeta', 'EnumDict',
    'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
    'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    'pickle_by_global_name', 'pickle_by_enum_name', 'show_flag_values',
]

# Defined once the classes below exist; the metaclass checks for them.
Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None


class nonmember(object):
    """Protect a value in a class body from becoming a member."""

    def __init__(self, value):
        self.value = value


class member(object):
    """Force a value in a class body to become a member."""

    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_internal_class(cls_name, obj):
    # A class defined in the enum's body, e.g. a nested helper class.
    if not isinstance(obj, type):
        return False
    qualname = getattr(obj, '__qualname__', '')
    s_pattern = cls_name + '.' + getattr(obj, '__name__', '')
    e_pattern = '.' + s_pattern
    return qualname == s_pattern or qualname.endswith(e_pattern)


def _is_private(cls_name, name):
    # _ClassName__member, as name mangling produces
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    pat_len = len(pattern)
    return (len(name) > pat_len and name.startswith(pattern)
            and (name[-1] != '_' or name[-2] != '_'))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    # Each set bit of a non-negative int (or int-valued member), lowest first.
    given = num
    if isinstance(num, Enum):
        num = num._value_
    if num < 0:
        raise ValueError('%r is not a positive integer' % given)
    while num:
        bit = num & (~num + 1)
        yield bit
        num ^= bit


def _bit_count(num):
    return bin(num).count('1')


def show_flag_values(value):
    """The single-bit values that make up a flag value, lowest first."""
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Like builtins.bin, but negative numbers are shown in two's
    complement with a sign bit ('0b1' prefix)."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = bltns.bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bltns.bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _dedent(text):
    lines = text.split('\n')
    for i, ch in enumerate(lines[0]):
        if ch != ' ':
            break
    for j, line in enumerate(lines):
        lines[j] = line[i:]
    return '\n'.join(lines)


class _not_given:
    def __repr__(self):
        return '<not given>'


_not_given = _not_given()


class _auto_null:
    def __repr__(self):
        return '_auto_null'


_auto_null = _auto_null()


class auto:
    """Stand-in for a member value: the enum chooses it
    (_generate_next_value_)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


class property(DynamicClassAttribute):
    """A property for enum members: on the class it looks up the member of
    that name, on a member it runs the getter (enum's name and value are
    such properties)."""

    member = None
    _attr_type = None
    _cls_type = None

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError(
                '%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        if self._attr_type == 'attr':
            return getattr(self._cls_type, self.name)
        if self._attr_type == 'desc':
            return getattr(instance._value_, self.name)
        try:
            return instance.__dict__[self.name]
        except KeyError:
            raise AttributeError(
                '%r member has no attribute %r' % (ownerclass, self.name)
            ) from None

    def __set__(self, instance, value):
        if self.fset is not None:
            return self.fset(instance, value)
        raise AttributeError(
            "<enum %r> cannot set attribute %r" % (self.clsname, self.name))

    def __delete__(self, instance):
        if self.fdel is not None:
            return self.fdel(instance)
        raise AttributeError(
            "<enum %r> cannot delete attribute %r" % (self.clsname, self.name))

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


class _proto_member:
    """A member value while the class is being created: turns itself into
    a real member in __set_name__."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        # Drop the placeholder from the class namespace.
        delattr(enum_class, member_name)
        value = self.value
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        if enum_class._member_type_ is tuple:
            args = (args,)
        if not enum_class._use_args_:
            enum_member = enum_class._new_member_(enum_class)
        else:
            enum_member = enum_class._new_member_(enum_class, *args)
        if not hasattr(enum_member, '_value_'):
            if enum_class._member_type_ is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = enum_class._member_type_(*args)
                except Exception as exc:
                    new_exc = TypeError(
                        '_value_ not set in __new__, unable to create it')
                    new_exc.__cause__ = exc
                    raise new_exc
        value = enum_member._value_
        enum_member._name_ = member_name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)

        if Flag is not None and issubclass(enum_class, Flag):
            if isinstance(value, int):
                enum_class._flag_mask_ |= value
                if _is_single_bit(value):
                    enum_class._singles_mask_ |= value
            enum_class._all_bits_ = 2 ** ((enum_class._flag_mask_).bit_length()) - 1

        # An alias: a later name whose value equals an existing member's.
        try:
            try:
                enum_member = enum_class._value2member_map_[value]
            except TypeError:
                for name, canonical in enum_class._member_map_.items():
                    if canonical._value_ == value:
                        enum_member = canonical
                        break
                else:
                    raise KeyError
        except KeyError:
            # A new value.  Flags iterate over single bits only: a
            # multi-bit or zero flag is a member but not listed.
            if (Flag is None or not issubclass(enum_class, Flag)
                    or isinstance(value, int) and _is_single_bit(value)):
                enum_class._member_names_.append(member_name)
        enum_class._add_member_(member_name, enum_member)
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
            if value not in enum_class._hashable_values_:
                enum_class._hashable_values_.append(value)
        except TypeError:
            enum_class._unhashable_values_.append(value)
            enum_class._unhashable_values_map_.setdefault(
                member_name, []).append(value)


class EnumDict(dict):
    """The class namespace of an enum while its body runs: records member
    names in order and refuses reuse of names."""

    def __init__(self, cls_name=None):
        super().__init__()
        self._member_names = {}     # a dict keeps insertion order
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = cls_name

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass    # private names are not members
        elif _is_sunder(key):
            if key not in (
                    '_order_', '_generate_next_value_', '_numeric_repr_',
                    '_missing_', '_ignore_', '_iter_member_',
                    '_iter_member_by_value_', '_iter_member_by_def_',
                    '_add_alias_', '_add_value_alias_'):
                raise ValueError(
                    '_sunder_ names, such as %r, are reserved for future '
                    'Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined "
                                    "before members")
                _gnv = value.__func__ if isinstance(value, staticmethod) else value
                setattr(self, '_generate_next_value', _gnv)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(
                        '_ignore_ cannot specify already set names: %r'
                        % (already,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        elif self._cls_name is not None and _is_internal_class(self._cls_name, value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            elif isinstance(value, member):
                value = value.value
            non_auto_store = True
            single = False
            if isinstance(value, auto):
                single = True
                value = (value,)
            if isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                auto_valued = []
                t = type(value)
                for v in value:
                    if isinstance(v, auto):
                        non_auto_store = False
                        if v.value == _auto_null:
                            v.value = self._generate_next_value(
                                key, 1, len(self._member_names),
                                self._last_values[:])
                            self._auto_called = True
                        v = v.value
                        self._last_values.append(v)
                    auto_valued.append(v)
                if single:
                    value = auto_valued[0]
                else:
                    try:
                        value = t(auto_valued)
                    except TypeError:
                        value = t(*auto_valued)
            self._member_names[key] = None
            if non_auto_store:
                self._last_values.append(value)
        super().__setitem__(key, value)

    @bltns.property
    def member_names(self):
        return list(self._member_names)

    def update(self, members, **more_members):
        try:
            for name in members.keys():
                self[name] = members[name]
        except AttributeError:
            for name, value in members:
                self[name] = value
        for name, value in more_members.items():
            self[name] = value


_EnumDict = EnumDict


class EnumType(type):
    """The metaclass of Enum and its subclasses."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(
                first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None,
                _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        classdict.setdefault('_ignore_', []).append('_ignore_')
        ignore = classdict['_ignore_']
        for key in ignore:
            classdict.pop(key, None)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        __new__, save_new, use_args = metacls._find_new_(
            classdict, member_type, first_enum)
        member_names = list(classdict._member_names)
        _order_ = classdict.pop('_order_', None)
        # From here on a plain dict: the internal names below are not
        # subject to EnumDict's rules.
        classdict = dict(classdict.items())
        invalid_names = set(member_names) & {'mro', ''}
        if invalid_names:
            raise ValueError('invalid enum member name(s) %s' % (
                ','.join(repr(n) for n in invalid_names)))
        # Members become _proto_members, resolved by __set_name__ as
        # type.__new__ creates the class.
        for name in member_names:
            value = classdict[name]
            classdict[name] = _proto_member(value)
        classdict['_new_member_'] = __new__
        classdict['_use_args_'] = use_args
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        classdict['_hashable_values_'] = []
        classdict['_unhashable_values_'] = []
        classdict['_unhashable_values_map_'] = {}
        classdict['_member_type_'] = member_type
        classdict['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        classdict['_boundary_'] = (
            boundary or getattr(first_enum, '_boundary_', None))
        classdict['_flag_mask_'] = 0
        classdict['_singles_mask_'] = 0
        classdict['_all_bits_'] = 0
        classdict['_inverted_'] = None
        try:
            classdict['_numeric_repr_'] = classdict.get(
                '_numeric_repr_', getattr(first_enum, '_numeric_repr_', None))
        except AttributeError:
            pass
        _gnv = classdict.get('_generate_next_value_')
        if _gnv is not None and not isinstance(_gnv, staticmethod):
            classdict['_generate_next_value_'] = staticmethod(_gnv)
        # Set only while type.__new__ makes the members (in this thread:
        # no other thread can see the class before it is returned).
        classdict['_creating_members_'] = True
        try:
            enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        except Exception as e:
            # Report the error of a member's creation, not type.__new__'s
            # wrapping of it.
            cause = e.__cause__ if isinstance(e, RuntimeError) and e.__cause__ else e
            raise cause from None
        del enum_class._creating_members_
        # repr() and friends resolved to the data type's or object's would
        # break the enum (and pickling): use the enum base's instead,
        # unless this class defines them itself.
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict:
                    continue
                found = getattr(enum_class, name)
                if found in (getattr(member_type, name), getattr(object, name)):
                    setattr(enum_class, name, getattr(first_enum, name))
        # A flag mixed with int must combine as a flag, not as an int.
        if Flag is not None and issubclass(enum_class, Flag):
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                       '__rxor__', '__invert__'):
                if op not in classdict:
                    setattr(enum_class, op, getattr(Flag, op))
        if ReprEnum is not None and ReprEnum in bases \
                and member_type is not object:
            # str() and format() are the data type's, repr() the enum's;
            # set only on a direct ReprEnum subclass (IntEnum, StrEnum...),
            # so that subclasses inherit whatever their parent defines.
            if '__format__' not in classdict:
                enum_class.__format__ = member_type.__format__
            if '__str__' not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                enum_class.__str__ = method
        if save_new:
            enum_class.__new_member__ = __new__
        enum_class.__new__ = Enum.__new__ if Enum is not None else enum_class.__new__
        if _order_ is not None:
            metacls._check_order_(enum_class, _order_)
        if Flag is not None and issubclass(enum_class, Flag):
            metacls._finish_flag_(enum_class)
        return enum_class

    @staticmethod
    def _finish_flag_(enum_class):
        single_bits = multi_bits = 0
        for name, value in enum_class._member_map_.items():
            v = value._value_
            if not isinstance(v, int):
                continue
            if _is_single_bit(v):
                single_bits |= v
            else:
                multi_bits |= v
        enum_class._flag_mask_ = single_bits | multi_bits
        enum_class._singles_mask_ = single_bits
        enum_class._all_bits_ = 2 ** (enum_class._flag_mask_.bit_length()) - 1
        # Members in definition order, aliases and multi-bit values last.
        member_list = [m._value_ for m in enum_class]
        if member_list != sorted(member_list):
            enum_class._iter_member_ = enum_class._iter_member_by_def_

    @staticmethod
    def _check_order_(enum_class, order):
        """Raise TypeError unless order (the _order_ names, as a string or
        a list) lists the canonical members in definition order.  Aliases
        and, in a Flag, multi-bit values are left out of the comparison."""
        if isinstance(order, str):
            order = order.replace(',', ' ').split()
        members = enum_class._member_map_
        names = enum_class._member_names_
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        order = [
            o for o in order
            if o not in members
            or (o in names
                and (not is_flag or _is_single_bit(members[o]._value_)))
        ]
        if order != names:
            raise TypeError(
                'member order does not match _order_:\n  %r\n  %r'
                % (names, order))

    @property
    def __signature__(cls):
        """What calling the class takes: a value lookup once it has
        members, the functional API (which creates a new enum) before."""
        from inspect import Parameter, Signature
        if cls._member_names_:
            return Signature([Parameter('values', Parameter.VAR_POSITIONAL)])
        kw = Parameter.KEYWORD_ONLY
        return Signature([
            Parameter('new_class_name', Parameter.POSITIONAL_ONLY),
            Parameter('names', Parameter.POSITIONAL_OR_KEYWORD),
            Parameter('module', kw, default=None),
            Parameter('qualname', kw, default=None),
            Parameter('type', kw, default=None),
            Parameter('start', kw, default=1),
            Parameter('boundary', kw, default=None),
        ])

    def __bool__(cls):
        return True

    def __call__(cls, value, names=_not_given, *values, module=None,
                 qualname=None, type=None, start=1, boundary=None):
        """Look a member up by value, or (with names) create a new enum
        class through the functional API."""
        if cls._member_map_:
            if names is not _not_given:
                value = (value, names) + values
            return cls.__new__(cls, value)
        if names is _not_given and type is None:
            raise TypeError(
                f"{cls} has no members; specify `names=()` if you meant to "
                f"create a new, empty, enum")
        return cls._create_(
            class_name=value,
            names=None if names is _not_given else names,
            module=module, qualname=qualname, type=type, start=start,
            boundary=boundary)

    def __contains__(cls, value):
        """True for a member of cls, or a value of one of its members."""
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return (value in cls._unhashable_values_
                    or value in cls._hashable_values_)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r."
                                 % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set([
            '__class__', '__contains__', '__doc__', '__getitem__',
            '__iter__', '__len__', '__members__', '__module__', '__name__',
            '__qualname__'] + cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add('__init_subclass__')
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getitem__(cls, name):
        """The member called name."""
        return cls._member_map_[name]

    def __iter__(cls):
        """The members in definition order, without aliases."""
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @bltns.property
    def __members__(cls):
        """A read-only mapping of every member name (aliases included) to
        its member."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def _add_member_(cls, name, member):
        if name in cls._member_map_:
            if cls._member_map_[name] is not member:
                raise NameError('%r is already bound: %r'
                                % (name, cls._member_map_[name]))
            return
        # Expose the member through an enum.property unless a class in
        # the MRO defines the name as something else.
        found_descriptor = None
        descriptor_type = None
        class_type = None
        for base in cls.__mro__[1:]:
            attr = base.__dict__.get(name)
            if attr is not None:
                if isinstance(attr, (bltns.property, DynamicClassAttribute)):
                    found_descriptor = attr
                    class_type = base
                    descriptor_type = 'enum'
                    break
                elif _is_descriptor(attr):
                    found_descriptor = attr
                    descriptor_type = descriptor_type or 'desc'
                    class_type = class_type or base
                    continue
                else:
                    descriptor_type = 'attr'
                    class_type = base
        if found_descriptor:
            redirect = property()
            redirect.member = member
            redirect.__set_name__(cls, name)
            if descriptor_type in ('enum', 'desc'):
                redirect.fget = getattr(found_descriptor, 'fget', None)
                redirect._get = getattr(found_descriptor, '__get__', None)
                redirect.fset = getattr(found_descriptor, 'fset', None)
                redirect._set = getattr(found_descriptor, '__set__', None)
                redirect.fdel = getattr(found_descriptor, 'fdel', None)
                redirect._del = getattr(found_descriptor, '__delete__', None)
            redirect._attr_type = descriptor_type
            redirect._cls_type = class_type
            type.__setattr__(cls, name, redirect)
        else:
            type.__setattr__(cls, name, member)
        cls._member_map_[name] = member

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(
                    name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is None:
            _make_class_unpicklable(classdict)
        else:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict,
                               boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None,
                  as_global=False):
        """Make an enum from the module-level constants of module that
        filter(name) accepts, and replace them in the module."""
        module_globals = sys.modules[module].__dict__
        if source:
            source = source.__dict__
        else:
            source = module_globals
        members = [(name, value) for name, value in source.items()
                   if filter(name)]
        try:
            members.sort(key=lambda t: (t[1], t[0]))
        except TypeError:
            members.sort(key=lambda t: t[0])
        body = {t[0]: t[1] for t in members}
        body['__module__'] = module
        tmp_cls = type(name, (object,), body)
        cls = _simple_enum(etype=cls, boundary=boundary or KEEP)(tmp_cls)
        if as_global:
            global_enum(cls)
        else:
            sys.modules[cls.__module__].__dict__.update(cls.__members__)
        module_globals[name] = cls
        return cls

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(
                        "<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """The data type mixed in (object if none) and the last Enum base."""
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    return base._value_repr_
                elif '__repr__' in base.__dict__:
                    # A dataclass's generated __repr__ (not one written
                    # in the class body with repr=False) gives way to
                    # the field-only form.
                    params = base.__dict__.get('__dataclass_params__')
                    if ('__dataclass_fields__' in base.__dict__
                            and params is not None and params.repr):
                        return _dataclass_repr
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        # The one non-enum, non-object base providing the member values:
        # a class that defines __new__, or a dataclass.  A mixin with only
        # __init__ (or methods) leaves the members plain objects.
        data_types = set()
        base_chain = set()
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                base_chain.add(base)
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif ('__new__' in base.__dict__
                      or '__dataclass_fields__' in base.__dict__):
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r'
                            % (class_name, data_types))
        elif data_types:
            return data_types.pop()
        return None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """The __new__ that creates members, whether to keep it as
        __new_member__, and whether it takes the value as arguments."""
        __new__ = classdict.get('__new__', None)
        save_new = first_enum is not None and __new__ is not None
        if __new__ is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in {
                            None,
                            None.__new__,
                            object.__new__,
                            Enum.__new__ if Enum is not None else None,
                            }:
                        __new__ = target
                        break
                if __new__ is not None:
                    break
            else:
                __new__ = object.__new__
        if first_enum is None or __new__ in (Enum.__new__, object.__new__):
            use_args = False
        else:
            use_args = True
        return __new__, save_new, use_args


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    >>> class Color(Enum):
    ...     RED = 1
    ...     GREEN = 2

    Color.RED is a member: Color.RED.name == 'RED', Color.RED.value == 1,
    Color(1) is Color.RED and Color['RED'] is Color.RED.
    """

    def __new__(cls, value):
        # Member lookup by value (class creation uses _new_member_).
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for name, unhashable_values in cls._unhashable_values_map_.items():
                if value in unhashable_values:
                    return cls[name]
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        if not cls._member_map_:
            if cls.__dict__.get('_creating_members_'):
                # A member-creating __new__ called super().__new__, which
                # looks members up instead of making them.
                raise TypeError('do not use `super().__new__; call the '
                                'appropriate __new__ directly') from None
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            elif (Flag is not None and issubclass(cls, Flag)
                    and cls._boundary_ is EJECT and isinstance(result, int)):
                return result
            else:
                ve_exc = ValueError("%r is not a valid %s"
                                    % (value, cls.__qualname__))
                if result is None and exc is None:
                    raise ve_exc
                elif exc is None:
                    exc = TypeError(
                        'error in %s._missing_: returned %r instead of None '
                        'or a valid member' % (cls.__name__, result))
                if not isinstance(exc, ValueError):
                    exc.__context__ = ve_exc
                raise exc
        finally:
            exc = None
            ve_exc = None

    def __init__(self, *args, **kwds):
        pass

    def _add_alias_(self, name):
        self.__class__._add_member_(name, self)

    def _add_value_alias_(self, value):
        cls = self.__class__
        try:
            if value in cls._value2member_map_:
                if cls._value2member_map_[value] is not self:
                    raise ValueError('%r is already bound: %r'
                                     % (value, cls._value2member_map_[value]))
                return
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    if m is not self:
                        raise ValueError('%r is already bound: %r' % (value, m))
                    return
        try:
            cls._value2member_map_.setdefault(value, self)
            cls._hashable_values_.append(value)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(self.name, []).append(value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The value auto() gives a member: one more than the largest
        integer value so far, or start."""
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last_value,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_,
                                v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        if self._member_type_ is object:
            interesting = set(['__class__', '__doc__', '__eq__', '__hash__',
                               '__module__', 'name', 'value'])
        else:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_' and name not in self._member_map_:
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in self._member_map_:
                    interesting.add(name)
        names = sorted(
            set(['__class__', '__doc__', '__eq__', '__hash__', '__module__'])
            | interesting)
        return names

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are those of the mixed-in type;
    only repr() shows the enum."""


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r'
                                % (values[1],))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r'
                                % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the lower-cased member name."""
        return name.lower()


def pickle_by_global_name(self, proto):
    """Pickle members of a global enum by their bare name."""
    return self.name


_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    """Pickle members by getattr(enum_class, name)."""
    return getattr, (self.__class__, self._name_)


class FlagBoundary(StrEnum):
    """What Flag does with values that have bits outside the members':
    STRICT raises ValueError, CONFORM drops the bits, EJECT returns a plain
    int, KEEP keeps them."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """An enum whose members combine with the bitwise operators."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the next power of two above the highest value."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length()
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** high_bit

    @classmethod
    def _iter_member_by_value_(cls, value):
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value),
                          key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        """Create a pseudo-member for a combination of flags."""
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if (not ~all_bits <= value <= all_bits
                or value & (all_bits ^ flag_mask)):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    "%r invalid value %r\n    given %s\n  allowed %s" % (
                        cls, value, bin(value, max_bits),
                        bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = (max(all_bits + 1, 2 ** (value.bit_length()))
                             + value)
            else:
                raise ValueError('%r unknown flag boundary %r'
                                 % (cls, cls._boundary_))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pv in cls._member_map_.items():
                    if pv not in members and pv._value_ and pv._value_ & value == pv._value_:
                        members.append(pv)
                        combined_value |= pv._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r'
                                 % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        """Whether every bit of other is set in self."""
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        """The single-flag members contained in this value."""
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return _bit_count(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        elif self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def _check_combinable(self, other, op):
        # A member whose value is None (allowed in a Flag) takes part in
        # no bit operation.
        for flag in self, other:
            if self._get_value(flag) is None:
                raise TypeError(
                    f"'{flag}' cannot be combined with other flags with {op}")

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        self._check_combinable(other, '|')
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        self._check_combinable(other, '&')
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        self._check_combinable(other, '^')
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._value_ is None:
            raise TypeError(f"'{self}' cannot be inverted")
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(
                    self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints."""


def _high_bit(value):
    return value.bit_length() - 1


def unique(enumeration):
    """Class decorator: ValueError if the enumeration has aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, alias_details))
    return enumeration


def _dataclass_repr(self):
    dcf = self.__dataclass_fields__
    return ', '.join(
        '%s=%r' % (k, getattr(self, k))
        for k in dcf.keys()
        if dcf[k].repr)


def global_enum_repr(self):
    """repr() of a global enum's member: module.NAME."""
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    """repr() of a global flag's member: module.NAME|module.OTHER."""
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return "%s.%s(%r)" % (module, cls_name, self._value_)
    if _is_single_bit(self._value_):
        return '%s.%s' % (module, self._name_)
    if self._boundary_ is not FlagBoundary.KEEP:
        return '|'.join(['%s.%s' % (module, name)
                         for name in self.name.split('|')])
    name = []
    for n in self._name_.split('|'):
        if n[0].isdigit():
            name.append(n)
        else:
            name.append('%s.%s' % (module, n))
    return '|'.join(name)


def global_str(self):
    """str() of a global enum's member: NAME."""
    if self._name_ is None:
        cls_name = self.__class__.__name__
        return "%s(%r)" % (cls_name, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: the members become module globals and their repr() is
    module.NAME."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator: build an enum of type etype from a plain class's
    attributes (faster than the metaclass, used for generated enums)."""
    def convert_class(cls):
        body = {}
        for name, value in cls.__dict__.items():
            if name in ('__dict__', '__weakref__'):
                continue
            if _is_dunder(name) or _is_private(cls.__name__, name) or \
                    _is_sunder(name) or _is_descriptor(value):
                body[name] = value
            else:
                body[name] = value
        bases = (etype,)
        classdict = EnumType.__prepare__(cls.__name__, bases)
        for name, value in body.items():
            if name in ('__qualname__',):
                continue
            classdict[name] = value
        new = EnumType.__new__(EnumType, cls.__name__, bases, classdict,
                               boundary=boundary)
        new.__qualname__ = cls.__qualname__
        if issubclass(new, Flag) and new._boundary_ is not KEEP:
            # Generated flags must name every bit their aliases use (a class
            # statement accepts such aliases; lookups enforce the boundary).
            missed = list(_iter_bits_lsb(new._flag_mask_
                                         & ~new._singles_mask_))
            if missed:
                raise TypeError(
                    'invalid Flag %r -- missing values: %s'
                    % (new.__name__, ', '.join(str(i) for i in missed)))
        return new
    return convert_class


def _test_simple_enum(checked_enum, simple_enum):
    """Check that simple_enum (made by @_simple_enum) matches checked_enum
    (made by the ordinary class statement): same members in the same order
    with equal names and values, same class-level names and enum settings.
    Returns None; raises TypeError('enum mismatch: ...') listing each
    difference."""
    problems = []
    checked_members = list(checked_enum._member_map_.items())
    simple_members = list(simple_enum._member_map_.items())
    checked_names = [name for name, _ in checked_members]
    simple_names = [name for name, _ in simple_members]
    if checked_names != simple_names:
        problems.append(f"member names {checked_names!r} != {simple_names!r}")
    if [m._name_ for m in checked_enum] != [m._name_ for m in simple_enum]:
        problems.append("canonical members differ")
    for name, checked in checked_members:
        simple = simple_enum._member_map_.get(name)
        if simple is None:
            continue
        for attr in ("_name_", "_value_"):
            a, b = getattr(checked, attr), getattr(simple, attr)
            if a != b or type(a) is not type(b):
                problems.append(f"{name}.{attr}: {a!r} != {b!r}")
        a = checked._member_map_[name] is checked
        b = simple._member_map_[name] is simple
        if a != b:
            problems.append(f"{name} is an alias in only one enum")
    ignored = {"__module__", "__qualname__", "__doc__", "__firstlineno__",
               "__static_attributes__", "_member_map_", "_value2member_map_",
               "_unhashable_values_", "_member_names_", "_new_member_"}
    checked_keys = set(checked_enum.__dict__) - ignored
    simple_keys = set(simple_enum.__dict__) - ignored
    if checked_keys != simple_keys:
        problems.append("class attributes differ: "
                        f"{sorted(checked_keys ^ simple_keys)!r}")
    for attr in ("_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_",
                 "_inverted_"):
        a = checked_enum.__dict__.get(attr)
        b = simple_enum.__dict__.get(attr)
        if a != b:
            problems.append(f"{attr}: {a!r} != {b!r}")
    if problems:
        raise TypeError("enum mismatch:\n   " + "\n   ".join(problems))
    return None


class EnumCheck(StrEnum):
    """The properties verify() checks."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator: check the enumeration for the given EnumCheck
    properties, ValueError when one does not hold."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        checks = self.checks
        cls_name = enumeration.__name__
        if Flag is not None and issubclass(enumeration, Flag):
            enum_type = 'flag'
        elif issubclass(enumeration, Enum):
            enum_type = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in checks:
            if check is UNIQUE:
                duplicates = []
                for name, member in enumeration.__members__.items():
                    if name != member.name:
                        duplicates.append((name, member.name))
                if duplicates:
                    alias_details = ', '.join(
                        ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
                    raise ValueError('aliases found in %r: %s'
                                     % (enumeration, alias_details))
            elif check is CONTINUOUS:
                values = set(e.value for e in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                missing = []
                if enum_type == 'flag':
                    for i in range(_high_bit(low) + 1, _high_bit(high)):
                        if 2 ** i not in values:
                            missing.append(2 ** i)
                elif enum_type == 'enum':
                    for i in range(low + 1, high):
                        if i not in values:
                            missing.append(i)
                if missing:
                    raise ValueError(('invalid %s %r: missing values %s' % (
                        enum_type, cls_name,
                        ', '.join((str(m) for m in missing))))[:256])
            elif check is NAMED_FLAGS:
                member_names = enumeration._member_names_
                member_values = [m.value for m in enumeration]
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in member_names:
                        continue
                    if alias.value < 0:
                        continue
                    values = list(_iter_bits_lsb(alias.value))
                    missed = [v for v in values if v not in member_values]
                    if missed:
                        missing_names.append(name)
                        for val in missed:
                            missing_value |= val
                if missing_names:
                    if len(missing_names) == 1:
                        alias = 'alias %s is missing' % missing_names[0]
                    else:
                        alias = 'aliases %s and %s are missing' % (
                            ', '.join(missing_names[:-1]), missing_names[-1])
                    if _is_single_bit(missing_value):
                        value = 'value 0x%x' % missing_value
                    else:
                        value = 'combined values of 0x%x' % missing_value
                    raise ValueError('invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]'
                                     % (cls_name, alias, value))
        return enumeration


def _make_class_unpicklable(obj):
    """Make an enum class (or its namespace) refuse pickling."""
    def _break_on_call_reduce(self, proto):
        raise TypeError('%r cannot be pickled' % self)
    if isinstance(obj, dict):
        obj['__reduce_ex__'] = _break_on_call_reduce
        obj['__module__'] = '<unknown>'
    else:
        setattr(obj, '__reduce_ex__', _break_on_call_reduce)
        setattr(obj, '__module__', '<unknown>')
