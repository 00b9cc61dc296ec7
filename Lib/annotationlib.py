"""Introspection of annotations (PEP 649 and PEP 749).

Annotations are evaluated lazily: functions, classes and modules carry an
__annotate__ function that computes them in one of the formats of Format.
get_annotations() is the way to read them; ForwardRef stands for a name
that could not be resolved yet.
"""

import builtins
import enum
import sys
import types

__all__ = [
    "Format",
    "ForwardRef",
    "call_annotate_function",
    "call_evaluate_function",
    "get_annotate_from_class_namespace",
    "get_annotations",
    "annotations_to_string",
    "type_repr",
]


class Format(enum.IntEnum):
    VALUE = 1
    VALUE_WITH_FAKE_GLOBALS = 2
    FORWARDREF = 3
    STRING = 4


_sentinel = object()


class ForwardRef:
    """A reference to an object that may not exist yet, as the source text
    of an expression; evaluate() resolves it."""

    __slots__ = ('__forward_arg__', '__forward_module__',
                 '__forward_is_argument__', '__forward_is_class__',
                 '__globals__', '__owner__', '__cell__', '__code__',
                 '__extra_names__', '__stringifier_dict__')

    def __init__(self, arg, *, module=None, owner=None, is_argument=True,
                 is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__globals__ = None
        self.__owner__ = owner
        self.__cell__ = None
        self.__code__ = None
        self.__extra_names__ = None
        self.__stringifier_dict__ = None

    def __init_subclass__(cls, /, *args, **kwds):
        raise TypeError("Cannot subclass ForwardRef")

    def evaluate(self, *, globals=None, locals=None, type_params=None,
                 owner=None, format=Format.VALUE):
        """Evaluate the expression and return its value.  With
        format=Format.FORWARDREF a name that cannot be resolved gives back
        the ForwardRef; with Format.STRING the source text."""
        match format:
            case Format.STRING:
                return self.__forward_arg__
            case Format.VALUE:
                is_forwardref_format = False
            case Format.FORWARDREF:
                is_forwardref_format = True
            case _:
                raise NotImplementedError(format)
        if self.__cell__ is not None:
            try:
                return self.__cell__.cell_contents
            except ValueError:
                pass
        if owner is None:
            owner = self.__owner__
        if globals is None and self.__forward_module__ is not None:
            module = sys.modules.get(self.__forward_module__)
            globals = getattr(module, "__dict__", None)
        if globals is None:
            globals = self.__globals__
        if globals is None:
            if isinstance(owner, type):
                module = sys.modules.get(owner.__module__)
                globals = getattr(module, "__dict__", None)
            elif isinstance(owner, types.ModuleType):
                globals = getattr(owner, "__dict__", None)
            elif callable(owner):
                globals = getattr(owner, "__globals__", None)
        if locals is None:
            locals = {}
            if isinstance(owner, type):
                locals.update(vars(owner))
        if type_params is None and owner is not None:
            type_params = getattr(owner, "__type_params__", None)
        if type_params is not None:
            locals = dict(locals)
            for param in type_params:
                locals.setdefault(param.__name__, param)
        if self.__extra_names__:
            locals = {**locals, **self.__extra_names__}
        code = self.__forward_code__
        try:
            return eval(code, globals, locals)
        except NameError:
            if not is_forwardref_format:
                raise
            return self

    @property
    def __forward_code__(self):
        if self.__code__ is not None:
            return self.__code__
        arg = self.__forward_arg__
        if arg.startswith("*"):
            arg_to_compile = f"({arg},)[0]"
        else:
            arg_to_compile = arg
        try:
            self.__code__ = compile(arg_to_compile, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(
                f"Forward reference must be an expression -- got {arg!r}")
        return self.__code__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__
                and self.__forward_is_class__ == other.__forward_is_class__
                and self.__owner__ == other.__owner__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__,
                     self.__forward_is_class__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __repr__(self):
        extra = []
        if self.__forward_module__ is not None:
            extra.append(f", module={self.__forward_module__!r}")
        if self.__forward_is_class__:
            extra.append(", is_class=True")
        if self.__owner__ is not None:
            extra.append(f", owner={self.__owner__!r}")
        return f"ForwardRef({self.__forward_arg__!r}{''.join(extra)})"


def _union(left, right):
    # A | B where one side is a ForwardRef: typing's Union when available.
    try:
        import typing
    except ImportError:
        raise TypeError(
            f"unsupported operand type(s) for |: {type(left).__name__!r} "
            f"and {type(right).__name__!r}") from None
    return typing.Union[left, right]


# ---- the fake-globals machinery: run __annotate__ without the names ----------

class _Stringifier:
    """Stands for an unknown name while an __annotate__ function runs with
    fake globals: every operation on it records the source text."""

    def __init__(self, node_text, owner_dict, is_forwardref):
        self.__text = node_text
        self.__dict_owner = owner_dict
        self.__is_forwardref = is_forwardref

    def __text_of(self, other):
        if isinstance(other, _Stringifier):
            return other._Stringifier__text
        if isinstance(other, tuple):
            return "(" + ", ".join(self.__text_of(o) for o in other) + \
                   ("," if len(other) == 1 else "") + ")"
        return type_repr(other)

    def __make(self, text):
        return _Stringifier(text, self.__dict_owner, self.__is_forwardref)

    def __getattr__(self, name):
        if name.startswith('_Stringifier__'):
            raise AttributeError(name)
        return self.__make(f"{self.__text}.{name}")

    def __getitem__(self, item):
        if isinstance(item, tuple):
            inner = ", ".join(self.__text_of(i) for i in item)
        else:
            inner = self.__text_of(item)
        return self.__make(f"{self.__text}[{inner}]")

    def __call__(self, *args, **kwargs):
        parts = [self.__text_of(a) for a in args]
        parts += [f"{k}={self.__text_of(v)}" for k, v in kwargs.items()]
        return self.__make(f"{self.__text}({', '.join(parts)})")

    def __iter__(self):
        yield self.__make(f"*{self.__text}")

    def __repr__(self):
        return self.__text

    def __binop(op, reflected=False):
        def method(self, other):
            a, b = self.__text_of(self), self.__text_of(other)
            if reflected:
                a, b = b, a
            return self.__make(f"{a} {op} {b}")
        return method

    def __unop(op):
        def method(self):
            return self.__make(f"{op}{self.__text}")
        return method

    for _name, _op in (("add", "+"), ("sub", "-"), ("mul", "*"),
                       ("matmul", "@"), ("truediv", "/"), ("floordiv", "//"),
                       ("mod", "%"), ("pow", "**"), ("lshift", "<<"),
                       ("rshift", ">>"), ("and", "&"), ("xor", "^"),
                       ("or", "|")):
        locals()[f"__{_name}__"] = __binop(_op)
        locals()[f"__r{_name}__"] = __binop(_op, reflected=True)
    for _name, _op in (("lt", "<"), ("le", "<="), ("eq", "=="), ("ne", "!="),
                       ("gt", ">"), ("ge", ">=")):
        locals()[f"__{_name}__"] = __binop(_op)
    __neg__ = __unop("-")
    __pos__ = __unop("+")
    __invert__ = __unop("~")
    __hash__ = object.__hash__
    del _name, _op, __binop, __unop


class _StringifierDict(dict):
    """Globals that produce a _Stringifier for every name they lack."""

    def __init__(self, namespace, is_forwardref):
        super().__init__(namespace)
        self.is_forwardref = is_forwardref
        self.stringifiers = []

    def __missing__(self, key):
        # FORWARDREF keeps the real builtins; STRING renders them as text.
        if self.is_forwardref and hasattr(builtins, key):
            return getattr(builtins, key)
        value = _Stringifier(key, self, self.is_forwardref)
        self.stringifiers.append(value)
        return value


def _build_fake_function(annotate, globals_dict):
    closure = annotate.__closure__
    if closure is not None:
        new_cells = []
        for name, cell in zip(annotate.__code__.co_freevars, closure):
            try:
                cell.cell_contents
            except ValueError:
                cell = types.CellType(_Stringifier(name, globals_dict, False))
            new_cells.append(cell)
        closure = tuple(new_cells)
    return types.FunctionType(annotate.__code__, globals_dict, closure=closure,
                              argdefs=annotate.__defaults__,
                              kwdefaults=annotate.__kwdefaults__)


def _fake_globals_namespace(annotate, owner):
    namespace = {}
    globs = getattr(annotate, "__globals__", None)
    if globs is not None:
        namespace.update(globs)
    if isinstance(owner, type):
        namespace.update(vars(owner))
    return namespace


def call_annotate_function(annotate, format, *, owner=None):
    """Call an __annotate__ function in the given Format, emulating the
    formats it does not support itself."""
    format = Format(format)
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    try:
        return annotate(format)
    except NotImplementedError:
        pass
    if format == Format.STRING:
        # Every global becomes a stringifier, so that the result is the
        # source text of each annotation, not the repr of its value.
        globals_dict = _StringifierDict({}, is_forwardref=False)
        func = _build_fake_function(annotate, globals_dict)
        annos = func(Format.VALUE_WITH_FAKE_GLOBALS)
        return {key: _to_string(value) for key, value in annos.items()}
    if format == Format.FORWARDREF:
        try:
            return annotate(Format.VALUE)
        except NameError:
            pass
        globals_dict = _StringifierDict(
            _fake_globals_namespace(annotate, owner), is_forwardref=True)
        func = _build_fake_function(annotate, globals_dict)
        annos = func(Format.VALUE_WITH_FAKE_GLOBALS)
        return {key: _to_forwardref(value, annotate, owner)
                for key, value in annos.items()}
    raise ValueError(f"Invalid format: {format!r}")


def _to_string(value):
    if isinstance(value, _Stringifier):
        return repr(value)
    if isinstance(value, str):
        return value
    return type_repr(value)


def _to_forwardref(value, annotate, owner):
    """value with every unknown name in it, at the top or nested in the
    arguments of a generic alias (list[Undefined]), as a ForwardRef."""
    if isinstance(value, _Stringifier):
        ref = ForwardRef(repr(value), owner=owner)
        ref.__globals__ = getattr(annotate, "__globals__", None)
        return ref
    if isinstance(value, tuple):
        return tuple(_to_forwardref(v, annotate, owner) for v in value)
    if isinstance(value, list):
        return [_to_forwardref(v, annotate, owner) for v in value]
    args = getattr(value, "__args__", None)
    if not isinstance(args, tuple) or not any(
            _holds_stringifier(a) for a in args):
        return value
    new_args = tuple(_to_forwardref(a, annotate, owner) for a in args)
    if isinstance(value, types.GenericAlias):
        return types.GenericAlias(value.__origin__, new_args)
    copy_with = getattr(value, "copy_with", None)
    if copy_with is not None:
        try:
            return copy_with(new_args)
        except Exception:
            pass
    return value


def _holds_stringifier(value):
    if isinstance(value, _Stringifier):
        return True
    if isinstance(value, (tuple, list)):
        return any(_holds_stringifier(v) for v in value)
    args = getattr(value, "__args__", None)
    return isinstance(args, tuple) and any(_holds_stringifier(a) for a in args)


def call_evaluate_function(evaluate, format, *, owner=None):
    """Call an evaluate function (a type alias's __value__ or a type
    parameter's bound, say) in the given Format."""
    return call_annotate_function(evaluate, format, owner=owner)


def get_annotate_from_class_namespace(obj):
    """The __annotate__ function a class namespace (mapping) holds, or
    None."""
    try:
        return obj["__annotate__"]
    except KeyError:
        return obj.get("__annotate_func__", None)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False,
                    format=Format.VALUE):
    """The annotations dict of a class, module or callable, in the given
    Format; a new dict every call."""
    if eval_str and format != Format.VALUE:
        raise ValueError("eval_str=True is only supported with format=Format.VALUE")
    match format:
        case Format.VALUE:
            ann = _get_dunder_annotations(obj)
        case Format.FORWARDREF:
            try:
                ann = _get_dunder_annotations(obj)
            except NameError:
                pass
            else:
                if ann is not None:
                    return dict(ann)
            annotate = _get_annotate(obj)
            if annotate is not None:
                ann = call_annotate_function(annotate, format, owner=obj)
                if not isinstance(ann, dict):
                    raise ValueError(f"{obj!r}.__annotate__ returned a non-dict")
                return dict(ann)
            ann = _get_dunder_annotations(obj)
        case Format.STRING:
            annotate = _get_annotate(obj)
            if annotate is not None:
                ann = call_annotate_function(annotate, format, owner=obj)
                if not isinstance(ann, dict):
                    raise ValueError(f"{obj!r}.__annotate__ returned a non-dict")
                return dict(ann)
            ann = _get_dunder_annotations(obj)
            if ann is not None:
                return annotations_to_string(ann)
        case Format.VALUE_WITH_FAKE_GLOBALS:
            raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
        case _:
            raise ValueError(f"Unsupported format {format!r}")
    if ann is None:
        if isinstance(obj, type) or callable(obj) or isinstance(obj, types.ModuleType):
            return {}
        raise TypeError(f"{obj!r} does not have annotations")
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    return _eval_strings(obj, ann, globals, locals)


def _eval_strings(obj, ann, globals, locals):
    if isinstance(obj, type):
        obj_globals = None
        module_name = getattr(obj, '__module__', None)
        if module_name:
            module = sys.modules.get(module_name, None)
            if module:
                obj_globals = getattr(module, '__dict__', None)
        obj_locals = dict(vars(obj))
        unwrap = obj
    elif isinstance(obj, types.ModuleType):
        obj_globals = getattr(obj, '__dict__')
        obj_locals = None
        unwrap = None
    else:
        obj_globals = getattr(obj, '__globals__', None)
        obj_locals = None
        unwrap = obj
    if unwrap is not None:
        while True:
            if hasattr(unwrap, '__wrapped__'):
                unwrap = unwrap.__wrapped__
                continue
            if hasattr(unwrap, 'func') and hasattr(unwrap, 'args'):
                unwrap = unwrap.func
                continue
            break
        if hasattr(unwrap, "__globals__"):
            obj_globals = unwrap.__globals__
    if globals is None:
        globals = obj_globals
    if locals is None:
        locals = obj_locals
    type_params = getattr(obj, "__type_params__", ())
    if type_params:
        locals = {param.__name__: param for param in type_params} | dict(locals or {})
    return {key: value if not isinstance(value, str)
            else eval(value, globals, locals)
            for key, value in ann.items()}


def _get_annotate(obj):
    if isinstance(obj, type):
        try:
            return type.__dict__['__annotate__'].__get__(obj) \
                if '__annotate__' in type.__dict__ else \
                obj.__dict__.get('__annotate__', obj.__dict__.get('__annotate_func__'))
        except AttributeError:
            return None
    annotate = getattr(obj, "__annotate__", None)
    if annotate is not None and not callable(annotate):
        raise TypeError(f"{obj!r}.__annotate__ should be callable")
    return annotate


def _get_dunder_annotations(obj):
    if isinstance(obj, type):
        try:
            ann = type.__dict__['__annotations__'].__get__(obj)
        except AttributeError:
            return None
    else:
        ann = getattr(obj, "__annotations__", None)
        if ann is None:
            return None
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    return ann


def type_repr(value):
    """The source text for value as it would appear in an annotation."""
    if isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)):
        if value.__module__ == "builtins":
            return value.__qualname__
        return f"{value.__module__}.{value.__qualname__}"
    if value is ...:
        return "..."
    return repr(value)


def annotations_to_string(annotations):
    """A dict like annotations with every value turned into source text."""
    return {n: t if isinstance(t, str) else type_repr(t)
            for n, t in annotations.items()}
