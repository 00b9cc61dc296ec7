"""Generate Python documentation in text form for help().

help(thing) describes modules, classes, functions, methods and other
objects; help('name') looks the name up as a module, a dotted path, a
keyword or a topic; help() alone starts an interactive help session.

Signatures are computed from code objects (co_varnames, the argument
counts and flags, __defaults__, __kwdefaults__, __annotations__) and
from the __text_signature__ of built-in functions, since this
interpreter has no inspect module yet.
"""

import sys
import builtins

__all__ = ["help", "render_doc", "getdoc", "describe", "locate", "pager",
           "plain", "Helper", "TextDoc"]

# Code object flags (the same bits as CPython's).
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


# ---- introspection helpers --------------------------------------------------

def _is_function(obj):
    return type(obj) is type(_is_function)


def _is_builtin(obj):
    return type(obj).__name__ == "builtin_function_or_method"


def _is_routine(obj):
    return (_is_function(obj) or _is_builtin(obj)
            or type(obj).__name__ in ("method", "method_descriptor",
                                      "classmethod_descriptor",
                                      "wrapper_descriptor", "method-wrapper"))


def _is_module(obj):
    return type(obj) is type(sys)


def getdoc(obj):
    """The docstring of obj, cleaned of indentation, or "" if it has none.

    Methods without a docstring inherit the one of the method they
    override, as pydoc does."""
    doc = _docstring(obj)
    if doc is None:
        doc = _inherited_doc(obj)
    if not isinstance(doc, str):
        return ""
    return _cleandoc(doc)


def _docstring(obj):
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    # A class's docstring is its own, never its metaclass's.
    if isinstance(obj, type) and doc is type.__doc__ and obj is not type:
        return None
    return doc


def _inherited_doc(obj):
    name = getattr(obj, "__name__", None)
    owner = _owner_class(obj)
    if name is None or owner is None:
        return None
    for base in owner.__mro__[1:]:
        attr = base.__dict__.get(name)
        if attr is not None:
            doc = _docstring(attr)
            if doc is not None:
                return doc
    return None


def _owner_class(obj):
    """The class a function or method was defined in, if it can be told."""
    func = getattr(obj, "__func__", obj)
    objclass = getattr(func, "__objclass__", None)
    if isinstance(objclass, type):
        return objclass
    qualname = getattr(func, "__qualname__", "")
    module = sys.modules.get(getattr(func, "__module__", None) or "")
    if module is None or "." not in qualname or "<locals>" in qualname:
        return None
    owner = module
    for part in qualname.split(".")[:-1]:
        owner = getattr(owner, part, None)
    return owner if isinstance(owner, type) else None


def _cleandoc(doc):
    """Strip a docstring's common indentation (as inspect.cleandoc)."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _format_annotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    if isinstance(annotation, str):
        return annotation
    return repr(annotation)


def _annotations(func):
    try:
        annotations = func.__annotations__
    except Exception:
        return {}
    return annotations if isinstance(annotations, dict) else {}


def _code_signature(func, skip_first=False):
    """'(a, b=1, *args, c, **kw) -> T' from a function's code object."""
    code = func.__code__
    names = code.co_varnames
    positional = code.co_argcount
    posonly = getattr(code, "co_posonlyargcount", 0)
    kwonly = code.co_kwonlyargcount
    flags = code.co_flags
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = _annotations(func)

    def param(name, default=None, has_default=False):
        text = name
        if name in annotations:
            text += ": " + _format_annotation(annotations[name])
            if has_default:
                text += " = " + repr(default)
        elif has_default:
            text += "=" + repr(default)
        return text

    parts = []
    first_default = positional - len(defaults)
    for i in range(positional):
        has_default = i >= first_default
        parts.append(param(names[i], defaults[i - first_default]
                           if has_default else None, has_default))
        if posonly and i == posonly - 1:
            parts.append("/")
    index = positional + kwonly
    if flags & _CO_VARARGS:
        name = names[index]
        star = "*" + name
        if name in annotations:
            star += ": " + _format_annotation(annotations[name])
        parts.append(star)
        index += 1
    elif kwonly:
        parts.append("*")
    for i in range(positional, positional + kwonly):
        name = names[i]
        parts.append(param(name, kwdefaults.get(name), name in kwdefaults))
    if flags & _CO_VARKEYWORDS:
        name = names[index]
        star = "**" + name
        if name in annotations:
            star += ": " + _format_annotation(annotations[name])
        parts.append(star)
    if skip_first and parts and parts[0] not in ("/", "*") \
            and not parts[0].startswith("*"):
        parts.pop(0)
        if parts and parts[0] == "/":
            parts.pop(0)
    text = "(" + ", ".join(parts) + ")"
    if "return" in annotations:
        text += " -> " + _format_annotation(annotations["return"])
    return text


def _text_signature(obj, skip_first=False):
    """The signature recorded in a built-in's __text_signature__."""
    sig = getattr(obj, "__text_signature__", None)
    if not isinstance(sig, str) or not sig.startswith("("):
        return None
    inner = sig[1:-1] if sig.endswith(")") else sig[1:]
    params = [p.strip() for p in _split_params(inner)]
    if params and params[0].startswith("$"):
        # $module and $type are supplied by the call; $self is shown for
        # an unbound method descriptor.
        if params[0] == "$self" and not skip_first:
            params[0] = "self"
        else:
            params.pop(0)
    elif skip_first and params:
        params.pop(0)
    if params and params[0] == "/":
        params.pop(0)
    return "(" + ", ".join(params) + ")"


def _split_params(text):
    depth = 0
    current = ""
    for c in text:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            yield current
            current = ""
        else:
            current += c
    if current.strip():
        yield current


def signature(obj, skip_first=False):
    """The parenthesised signature of a callable, or None if unknown."""
    func = getattr(obj, "__func__", obj)
    if _is_function(func):
        try:
            return _code_signature(func, skip_first)
        except (AttributeError, IndexError, TypeError):
            return None
    return _text_signature(func, skip_first)


def _class_signature(cls):
    """'(args)' for calling the class: inspect.signature() as CPython's pydoc
    (it honours __signature__, metaclass __call__ and enum's (*values)),
    else from its __init__ or __new__."""
    import inspect
    try:
        return str(inspect.signature(cls))
    except (ValueError, TypeError):
        pass
    for name in ("__init__", "__new__"):
        for klass in cls.__mro__:
            if name in klass.__dict__:
                attr = klass.__dict__[name]
                if klass is object:
                    break
                attr = getattr(attr, "__func__", attr)
                if _is_function(attr):
                    return _code_signature(attr, skip_first=True)
                sig = _text_signature(attr, skip_first=True)
                if sig is not None and sig != "(*args, **kwargs)":
                    return sig
                break
    return None


def classname(obj, modname):
    name = obj.__name__
    if obj.__module__ != modname:
        name = obj.__module__ + "." + name
    return name


def describe(thing):
    """Produce a short description of the given thing."""
    if _is_module(thing):
        if hasattr(thing, "__path__"):
            return "package " + thing.__name__
        return "module " + thing.__name__
    if _is_builtin(thing):
        return "built-in function " + thing.__name__
    if isinstance(thing, property):
        return "property"
    if isinstance(thing, type):
        return "class " + thing.__name__
    if _is_function(thing):
        return "function " + thing.__name__
    if type(thing).__name__ == "method":
        return "method " + thing.__name__
    if type(thing).__name__ in ("method_descriptor", "classmethod_descriptor"):
        return "method_descriptor"
    return type(thing).__name__


def _safe_import(path):
    """Import a module by dotted path and return it (the leaf), or None
    when it does not exist.  Errors raised while importing propagate."""
    try:
        module = __import__(path)
    except ImportError as err:
        if err.name is not None and path.startswith(err.name) \
                or err.name is None:
            return None
        raise
    for part in path.split(".")[1:]:
        module = getattr(module, part, None)
        if module is None:
            return None
    return module


def locate(path, forceload=0):
    """Locate an object by name or dotted path, importing as necessary."""
    parts = [part for part in path.split(".") if part]
    module, n = None, 0
    while n < len(parts):
        next_module = _safe_import(".".join(parts[:n + 1]))
        if next_module is None:
            break
        module, n = next_module, n + 1
    obj = module if module is not None else builtins
    for part in parts[n:]:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None
    return obj


# ---- the text renderer ----------------------------------------------------------

def _indent(text, prefix="    "):
    """Indent text by prefix, without trailing whitespace on any line."""
    if not text:
        return ""
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def _bar(text):
    """The ' |  ' margin of a class body."""
    return "\n".join((" |  " + line).rstrip() for line in text.split("\n"))


class TextDoc:
    """Formatter class for text documentation.

    Names are emboldened terminal-style (each character, a backspace,
    the character again); plain() removes that for non-terminals."""

    def bold(self, text):
        return "".join(ch + "\b" + ch for ch in text)

    def section(self, title, contents):
        return self.bold(title) + "\n" + _indent(contents.rstrip()) + "\n\n"

    def document(self, obj, name=None, *args):
        if _is_module(obj):
            return self.docmodule(obj, name)
        if isinstance(obj, type):
            return self.docclass(obj, name, *args)
        if _is_routine(obj):
            return self.docroutine(obj, name, *args)
        if isinstance(obj, property):
            return self.docproperty(obj, name, *args)
        return self.docother(obj, name, *args) + "\n"

    # -- routines

    def docroutine(self, obj, name=None, mod=None, cl=None, homecls=None):
        realname = getattr(obj, "__name__", name)
        name = name or realname
        note = ""
        skip_first = False
        func = getattr(obj, "__func__", None)
        bound = getattr(obj, "__self__", None)
        if func is not None and bound is not None:
            # A bound method: the first argument is supplied.  As in
            # CPython 3.13, one bound to the class documented says nothing
            # more.
            skip_first = True
            if bound is cl:
                pass
            elif isinstance(bound, type):
                note = " class method of " + classname(bound, mod)
            elif cl is None or not isinstance(bound, cl):
                note = " method of %s instance" % classname(type(bound), mod)
        elif _is_builtin(obj) and bound is not None and not _is_module(bound):
            if bound is cl:
                pass
            elif isinstance(bound, type):
                note = " class method of " + classname(bound, mod)
            elif cl is None:
                note = " method of %s instance" % classname(type(bound), mod)
        if name == realname:
            title = self.bold(name)
        else:
            title = self.bold(name) + " = " + realname
        if realname == "<lambda>":
            title = self.bold(name) + " lambda "
        sig = signature(obj, skip_first)
        if sig is None:
            sig = "(...)"
        if realname == "<lambda>":
            sig = sig[1:-1]
        decl = title + sig + note
        doc = getdoc(obj) or ""
        return decl + "\n" + (_indent(doc) + "\n" if doc else "")

    # -- classes

    def docclass(self, obj, name=None, mod=None, *ignored):
        realname = obj.__name__
        name = name or realname
        bases = obj.__bases__
        if mod is None:
            mod = obj.__module__

        if name == realname:
            title = "class " + self.bold(realname)
        else:
            title = self.bold(name) + " = class " + realname
        if bases:
            title += "(%s)" % ", ".join(classname(b, mod) for b in bases)

        contents = []
        sig = _class_signature(obj)
        if sig and sig != "()":
            contents.append(realname + sig + "\n")
        elif sig == "()" and "__init__" in obj.__dict__:
            contents.append(realname + sig + "\n")
        doc = getdoc(obj)
        if doc:
            contents.append(doc + "\n")

        mro = list(obj.__mro__)
        if len(mro) > 2:
            lines = ["Method resolution order:"]
            lines.extend("    " + classname(base, obj.__module__)
                         for base in mro)
            contents.append("\n".join(lines) + "\n")

        if obj.__module__ == "builtins":
            subclasses = sorted((sub.__name__ for sub in type.__subclasses__(obj)
                                 if not sub.__name__.startswith("_")
                                 and sub.__module__ == "builtins"),
                                key=str.lower)
            if subclasses:
                lines = ["Built-in subclasses:"]
                lines.extend("    " + sub for sub in subclasses[:4])
                if len(subclasses) > 4:
                    lines.append("    ... and %d other subclasses"
                                 % (len(subclasses) - 4))
                contents.append("\n".join(lines) + "\n")

        attrs = self._classify(obj)
        sections = []
        # The metaclass's attributes come after the class's own MRO.
        owners = mro + [a[3] for a in attrs if a[3] not in mro]
        owners = list(dict.fromkeys(owners))
        for owner in owners:
            if owner is builtins.object and owner is not obj:
                continue
            own = [a for a in attrs if a[3] is owner]
            if not own:
                continue
            where = "defined here" if owner is obj else \
                "inherited from " + classname(owner, obj.__module__)
            for kind, heading in (("method", "Methods"),
                                  ("class method", "Class methods"),
                                  ("static method", "Static methods"),
                                  ("readonly property", "Readonly properties"),
                                  ("data descriptor", "Data descriptors"),
                                  ("data", "Data and other attributes")):
                group = [a for a in own if a[1] == kind]
                if not group:
                    continue
                body = []
                for attr_name, _, value, _ in group:
                    body.append(self._class_member(attr_name, kind, value,
                                                   obj, mod))
                sections.append(heading + " " + where + ":\n\n"
                                + "\n".join(body))
        if sections:
            contents.append(("\n" + "-" * 70 + "\n").join(sections))

        text = "\n".join(contents).rstrip("\n")
        return title + "\n" + _bar(text) + "\n"

    def _class_member(self, name, kind, value, cls, mod):
        if kind in ("method", "class method", "static method"):
            if kind == "class method":
                shown = getattr(cls, name)
            elif kind == "static method" and not _is_bound_to_class(value):
                shown = value.__func__ if hasattr(value, "__func__") else value
            else:
                shown = value
            return self.docroutine(shown, name, mod, cls)
        if kind in ("readonly property", "data descriptor"):
            doc = getdoc(value) or ""
            return self.bold(name) + "\n" + (_indent(doc) + "\n" if doc else "")
        text = repr(value)
        if len(text) > 70:
            text = text[:33] + "..." + text[-34:]
        return self.bold(name) + " = " + text + "\n"

    def _classify(self, cls):
        """(name, kind, value, defining class) for the documented
        attributes of cls, sorted by name: inspect.classify_class_attrs(),
        which follows dir() (a metaclass __dir__ such as EnumType's decides
        what is listed) and includes the metaclass's attributes, with
        pydoc's kinds as in CPython."""
        import inspect
        result = []
        for attr in sorted(inspect.classify_class_attrs(cls),
                           key=lambda a: a.name):
            if not _visible_name(attr.name, attr.defining_class):
                continue
            kind = _attribute_kind(attr.object)
            if kind is None:
                continue
            if attr.kind == "method" and _is_bound_to_class(attr.object):
                # A metaclass method reached through the class.
                kind = "static method"
            result.append((attr.name, kind, attr.object,
                           attr.defining_class))
        return result

    # -- modules

    def docmodule(self, obj, name=None, mod=None):
        name = obj.__name__
        doc = getdoc(obj)
        synopsis, _, rest = (doc or "").partition("\n")
        result = self.section("NAME", name + (synopsis and " - " + synopsis))
        if rest.strip():
            result += self.section("DESCRIPTION", rest.strip("\n"))

        classes, functions, data = [], [], []
        exported = getattr(obj, "__all__", None)
        for key, value in sorted(obj.__dict__.items()):
            if exported is not None:
                if key not in exported:
                    continue
            elif not _visible_name(key, None):
                continue
            if isinstance(value, type):
                if exported is None and value.__module__ != name:
                    continue
                classes.append((key, value))
            elif _is_routine(value):
                if exported is None and getattr(value, "__module__",
                                                name) not in (name, None):
                    continue
                functions.append((key, value))
            elif not _is_module(value):
                data.append((key, value))

        if classes:
            tree = self._class_tree([c for _, c in classes], name)
            body = [tree] + [self.document(value, key, name)
                             for key, value in classes]
            result += self.section("CLASSES", "\n".join(body))
        if functions:
            body = [self.document(value, key, name)
                    for key, value in functions]
            result += self.section("FUNCTIONS", "\n".join(body))
        if data:
            body = [self.docother(value, key, name, maxlen=70)
                    for key, value in data]
            result += self.section("DATA", "\n".join(body))
        version = obj.__dict__.get("__version__")
        if version is not None:
            result += self.section("VERSION", str(version))
        file = obj.__dict__.get("__file__")
        result += self.section("FILE", file if file else "(built-in)")
        return result

    def _class_tree(self, classes, modname):
        lines = []
        done = set()

        def walk(cls, depth):
            lines.append("    " * depth + classname(cls, modname))
            for sub in classes:
                if sub not in done and cls in sub.__bases__:
                    done.add(sub)
                    walk(sub, depth + 1)

        roots = []
        for cls in classes:
            for base in cls.__bases__:
                if base not in classes and base not in roots:
                    roots.append(base)
        for root in roots:
            walk(root, 0)
        return "\n".join(lines) + "\n"

    # -- everything else

    def docproperty(self, obj, name=None, mod=None, cl=None):
        doc = getdoc(obj) or ""
        return self.bold(name or "") + "\n" + (_indent(doc) + "\n" if doc else "")

    def docother(self, obj, name=None, mod=None, parent=None, maxlen=None,
                 doc=None):
        text = repr(obj)
        if maxlen and len(text) > maxlen - len(name or "") - 3:
            keep = max(maxlen - len(name or "") - 6, 0)
            text = text[:keep // 2] + "..." + text[len(text) - keep // 2:]
        return (self.bold(name) + " = " if name else "") + text


def _visible_name(name, owner):
    """Whether pydoc lists this name (public names and useful dunders)."""
    if name in {"__author__", "__builtins__", "__cached__", "__credits__",
                "__date__", "__doc__", "__file__", "__spec__", "__loader__",
                "__module__", "__name__", "__package__", "__path__",
                "__qualname__", "__slots__", "__version__", "__firstlineno__",
                "__static_attributes__", "__annotations__", "__annotate__",
                "__annotations_cache__", "__annotate_func__",
                "__type_params__", "__orig_bases__", "__parameters__",
                "__match_args__", "__classdictcell__", "__classcell__",
                "__weakrefoffset__", "__dictoffset__"}:
        return False
    if name.startswith("__") and name.endswith("__"):
        return True
    return not name.startswith("_")


def _is_bound_to_class(value):
    """Whether value is a method bound to a class (its metaclass's method
    looked up on the class)."""
    bound = getattr(value, "__self__", None)
    return isinstance(bound, type) and (hasattr(value, "__func__")
                                        or _is_builtin(value))


def _attribute_kind(value):
    tname = type(value).__name__
    if isinstance(value, staticmethod):
        return "static method"
    if isinstance(value, classmethod) or tname == "classmethod_descriptor":
        return "class method"
    if isinstance(value, property):
        return "readonly property" if value.fset is None and \
            value.fdel is None else "data descriptor"
    if tname in ("getset_descriptor", "member_descriptor"):
        return "data descriptor"
    if tname == "builtin_function_or_method" and \
            getattr(value, "__name__", None) == "__new__":
        return "static method"
    if _is_function(value) or tname in ("method_descriptor",
                                        "wrapper_descriptor",
                                        "builtin_function_or_method"):
        return "method"
    if hasattr(type(value), "__get__") and (hasattr(type(value), "__set__")
                                            or hasattr(type(value),
                                                       "__delete__")):
        return "data descriptor"
    return "data"


text = TextDoc()


def plain(text):
    """Remove boldface formatting from text."""
    result = []
    i = 0
    while i < len(text):
        if i + 1 < len(text) and text[i + 1] == "\b":
            i += 2
            continue
        result.append(text[i])
        i += 1
    return "".join(result)


def render_doc(thing, title="Python Library Documentation: %s", forceload=0,
               renderer=None):
    """Render text documentation, given an object or a path to an object."""
    if renderer is None:
        renderer = text
    obj, name = resolve(thing, forceload)
    desc = describe(obj)
    module = sys.modules.get(getattr(obj, "__module__", None) or "")
    if name and "." in name:
        desc += " in " + name[:name.rfind(".")]
    elif module and module is not obj and not _is_module(obj):
        desc += " in module " + module.__name__
    if not (_is_module(obj) or isinstance(obj, type) or _is_routine(obj)
            or isinstance(obj, property)):
        # An instance: document its type instead.
        if hasattr(obj, "__origin__"):
            obj = obj.__origin__
        else:
            obj = type(obj)
            desc += " object"
    return title % desc + "\n\n" + renderer.document(obj, name)


def resolve(thing, forceload=0):
    """Given an object or a path to an object, get the object and its name."""
    if isinstance(thing, str):
        obj = locate(thing, forceload)
        if obj is None:
            raise ImportError("""\
No Python documentation found for %r.
Use help() to get the interactive help utility.
Use help(str) for help on the str class.""" % thing)
        return obj, thing
    name = getattr(thing, "__name__", None)
    return thing, name if isinstance(name, str) else None


def pager(text, title=""):
    """Show text: through the terminal page by page, or plainly."""
    out = sys.stdout
    try:
        interactive = out.isatty() and sys.stdin.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if not interactive:
        out.write(plain(text))
        return
    lines = plain(text).split("\n")
    page = 23
    i = 0
    while i < len(lines):
        out.write("\n".join(lines[i:i + page]) + "\n")
        i += page
        if i < len(lines):
            try:
                answer = input("-- more (Return to go on, q to quit) --")
            except (EOFError, KeyboardInterrupt):
                break
            if answer.strip().lower().startswith("q"):
                break


def doc(thing, title="Python Library Documentation: %s", forceload=0,
        output=None):
    """Display text documentation, given an object or a path to an object."""
    if output is None:
        pager(render_doc(thing, title, forceload))
    else:
        output.write(plain(render_doc(thing, title, forceload)))


# ---- help() ------------------------------------------------------------------------

# Short descriptions of the keywords, written for this interpreter.
_KEYWORDS = {
    "False": "The false value of the bool type.",
    "None": "The sole value of NoneType: the absence of a value.",
    "True": "The true value of the bool type.",
    "and": "Boolean AND: x and y is x if x is false, else y.",
    "as": "Names the target in import, with, except and case clauses.",
    "assert": "assert expr[, msg] raises AssertionError when expr is false\n"
              "(the statement is removed under -O).",
    "async": "Marks a coroutine function (async def), an asynchronous\n"
             "loop (async for) or context manager (async with).",
    "await": "Suspends a coroutine until the awaitable operand is done.",
    "break": "Leaves the innermost for or while loop.",
    "class": "class Name(bases): block -- defines a class.",
    "continue": "Goes on with the next iteration of the innermost loop.",
    "def": "def name(parameters): block -- defines a function.",
    "del": "Deletes names, items, slices or attributes.",
    "elif": "An additional condition of an if statement.",
    "else": "The branch taken when the if/elif conditions are false, a\n"
            "loop ends without break, or a try block raises nothing.",
    "except": "A handler clause of a try statement.",
    "finally": "A try clause that always runs on the way out.",
    "for": "for target in iterable: block -- iterates over the items.",
    "from": "from module import names; also raise ... from cause and\n"
            "yield from iterable.",
    "global": "Declares names that refer to the module's namespace.",
    "if": "if condition: block [elif condition: block] [else: block]",
    "import": "Finds and loads modules and binds them to names.",
    "in": "Membership test (x in y) and the iterable in a for loop.",
    "is": "Identity test: x is y is true when both are the same object.",
    "lambda": "lambda parameters: expression -- an anonymous function.",
    "nonlocal": "Declares names that refer to an enclosing function's "
                "scope.",
    "not": "Boolean NOT; also the 'not in' and 'is not' operators.",
    "or": "Boolean OR: x or y is x if x is true, else y.",
    "pass": "Does nothing; a placeholder where a statement is required.",
    "raise": "Raises an exception (re-raises the current one when bare).",
    "return": "Leaves a function, giving back a value (None by default).",
    "try": "try: block followed by except, else and finally clauses.",
    "while": "while condition: block -- repeats while the condition holds.",
    "with": "with expr as target: block -- runs the block inside a\n"
            "context manager's __enter__ and __exit__.",
    "yield": "Makes a function a generator and produces its next value.",
}

_SOFT_KEYWORDS = ("_", "case", "match", "type")

# The pydoc_data.topics label that explains a keyword, where it is not
# the keyword itself.
_KEYWORD_TOPICS = {
    "and": "booleans", "as": "with", "def": "function", "elif": "if",
    "else": "if", "except": "try", "finally": "try", "from": "import",
    "is": "comparisons", "not": "booleans", "or": "booleans",
    "case": "match", "match": "match",
}

# The upper-case topic names help() accepts, with their label.
_TOPICS = {
    "ASSERTION": "assert", "ASSIGNMENT": "assignment",
    "ATTRIBUTEMETHODS": "attribute-access", "ATTRIBUTES": "attribute-references",
    "AUGMENTEDASSIGNMENT": "augassign", "BINARY": "binary",
    "BOOLEAN": "booleans", "CALLS": "calls", "CLASSES": "class",
    "COMPARISON": "comparisons", "CONDITIONAL": "conditional",
    "CONTEXTMANAGERS": "context-managers", "DELETION": "del",
    "DICTIONARIES": "dict", "EXCEPTIONS": "exceptions",
    "FORMATTING": "formatstrings", "FUNCTIONS": "function",
    "IDENTIFIERS": "identifiers", "IMPORTING": "import", "INTEGER": "integers",
    "LISTS": "lists", "LITERALS": "atom-literals", "NAMESPACES": "naming",
    "NUMBERS": "numbers", "POWER": "power", "SLICINGS": "slicings",
    "SPECIALATTRIBUTES": "specialattrs", "SPECIALMETHODS": "specialnames",
    "STRINGS": "strings", "TRUTHVALUE": "truth", "TYPES": "types",
}


def _topic_text(label):
    """The explanation pydoc_data.topics holds for label, or None."""
    try:
        from pydoc_data.topics import topics
    except ImportError:
        return None
    return topics.get(label)


class Helper:
    """help(): documentation on objects, modules, keywords and topics."""

    def __init__(self, input=None, output=None):
        self._input = input
        self._output = output

    @property
    def input(self):
        return self._input or sys.stdin

    @property
    def output(self):
        return self._output or sys.stdout

    def __repr__(self):
        return "<%s.%s instance>" % (self.__class__.__module__,
                                     self.__class__.__qualname__)

    _GoInteractive = object()

    def __call__(self, request=_GoInteractive):
        if request is not self._GoInteractive:
            self.help(request)
        else:
            self.intro()
            self.interact()
            self.output.write("""
You are now leaving help and returning to the Python interpreter.
If you want to ask for help on a particular object directly from the
interpreter, you can type "help(object)".  Executing "help('string')"
has the same effect as typing a particular string at the help> prompt.
""")

    def intro(self):
        version = "%d.%d" % sys.version_info[:2]
        self.output.write(f"""\
Welcome to Python {version}'s help utility!

Enter the name of any module, keyword, or topic to get help on writing
Python programs and using Python modules.  To get a list of available
modules, keywords, symbols, or topics, enter "modules", "keywords",
"symbols", or "topics".  To quit this help utility and return to the
interpreter, enter "q", "quit" or "exit".
""")

    def interact(self):
        self.output.write("\n")
        while True:
            try:
                request = self.getline("help> ")
            except (KeyboardInterrupt, EOFError):
                break
            request = request.strip()
            if not request:
                continue
            if (len(request) > 2 and request[0] == request[-1] in ("'", '"')
                    and request[0] not in request[1:-1]):
                request = request[1:-1]
            if request.lower() in ("q", "quit", "exit"):
                break
            if request == "help":
                self.intro()
            else:
                self.help(request)

    def getline(self, prompt):
        if self._input is None:
            return input(prompt)
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if not line:
            raise EOFError
        return line

    def help(self, request):
        if isinstance(request, str):
            request = request.strip()
            if request == "keywords":
                self.listkeywords()
            elif request == "symbols":
                self.listsymbols()
            elif request == "topics":
                self.listtopics()
            elif request == "modules":
                self.listmodules()
            elif request.startswith("modules "):
                self.listmodules(request.split()[1])
            elif request in _KEYWORDS:
                self.showkeyword(request)
            elif request in _TOPICS and _topic_text(_TOPICS[request]):
                self.output.write(_topic_text(_TOPICS[request]))
            elif request in _SOFT_KEYWORDS:
                text = _topic_text(_KEYWORD_TOPICS.get(request, ""))
                self.output.write(text or f"{request!r} is a soft keyword.\n")
            elif request in ("True", "False", "None"):
                self.showkeyword(request)
            else:
                self._document(request)
        elif isinstance(request, Helper):
            self()
        else:
            self._document(request)
        self.output.write("\n")

    def _document(self, request):
        title = "Help on %s:"
        try:
            rendered = render_doc(request, title)
        except ImportError as err:
            self.output.write(f"{err}\n")
            return
        if self._output is None:
            pager(rendered)
        else:
            self.output.write(plain(rendered))

    def _columns(self, items, columns):
        items = sorted(items)
        rows = (len(items) + columns - 1) // columns
        for row in range(rows):
            line = ""
            for col in range(columns):
                i = row + col * rows
                if i < len(items):
                    line += items[i].ljust(80 // columns - 1) + " "
            self.output.write(line.rstrip() + "\n")

    def listkeywords(self):
        self.output.write("""
Here is a list of the Python keywords.  Enter any keyword to get more help.

""")
        self._columns(_KEYWORDS.keys(), 4)

    def listsymbols(self):
        self.output.write("""
Here is a list of the punctuation symbols which Python assigns special meaning
to. Enter any symbol to get more help.

""")
        self._columns(["%", "%=", "&", "&=", "*", "**", "**=", "*=", "+",
                       "+=", "-", "-=", ".", "...", "/", "//", "//=", "/=",
                       "<", "<<", "<<=", "<=", "==", ">", ">=", ">>",
                       ">>=", "@", "@=", "^", "^=", "|", "|=", "~", "->",
                       ":=", "!="], 4)

    def listtopics(self):
        self.output.write("""
Here is a list of available topics.  Enter any topic name to get more help.

""")
        topics = [name for name, label in _TOPICS.items() if _topic_text(label)]
        self._columns(topics or ["KEYWORDS", "MODULES", "SYMBOLS"], 4)

    def showkeyword(self, keyword):
        """The keyword's section of the language reference when
        pydoc_data has it, else its one-line summary."""
        text = _topic_text(_KEYWORD_TOPICS.get(keyword, keyword))
        self.output.write(text or _KEYWORDS[keyword] + "\n")

    def listmodules(self, key=""):
        if key:
            self.output.write(f"""
Here is a list of modules whose name or summary contains '{key}'.
If there are any, enter a module name to get more help.

""")
            for name in sorted(_all_module_names()):
                if key.lower() in name.lower():
                    self.output.write(name + "\n")
            return
        self.output.write("""
Please wait a moment while I gather a list of all available modules...

""")
        self._columns(_all_module_names(), 4)
        self.output.write("""
Enter any module name to get more help.  Or, type "modules spam" to search
for modules whose name or summary contain the string "spam".
""")


def _all_module_names():
    names = set(sys.builtin_module_names)
    try:
        import os
    except ImportError:
        return sorted(names)
    for directory in sys.path:
        try:
            entries = os.listdir(directory or ".")
        except (OSError, TypeError):
            continue
        for entry in entries:
            if entry.endswith(".py") and entry[:-3].isidentifier():
                names.add(entry[:-3])
            elif entry.isidentifier() and os.path.isfile(
                    os.path.join(directory or ".", entry, "__init__.py")):
                names.add(entry)
    names.discard("__init__")
    names.discard("__main__")
    return sorted(names)


help = Helper()
