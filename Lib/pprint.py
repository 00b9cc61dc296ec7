"""Pretty-printing of Python data structures.

pformat() and pprint() lay out containers over several lines when their
one-line repr does not fit in the requested width; saferepr(), isreadable()
and isrecursive() inspect the one-line form with recursion protection.
"""

import collections as _collections
import collections.abc
import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, expand=False, sort_dicts=True,
           underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default)."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width,
                            depth=depth, compact=compact, expand=expand,
                            sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False,
            expand=False, sort_dicts=True, underscore_numbers=False):
    """Return the pretty-printed representation of object as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         compact=compact, expand=expand,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print object, keeping dictionaries in insertion order."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() that guards against recursive structures."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """True if the repr of object can rebuild it with eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """True if object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key that orders objects of mutually unorderable types by type
    name and id, so sorting mixed dict keys or set members never fails."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(pair):
    return _safe_key(pair[0]), _safe_key(pair[1])


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _words_with_spaces(line):
    """Split line into chunks, each a run of non-space characters followed
    by the whitespace after it (the last chunk may be all whitespace)."""
    parts = []
    n = len(line)
    i = 0
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


def _wrap_bytes_repr(object, width, allowance):
    current = b''
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i: i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)


_builtin_scalars = frozenset({str, bytes, bytearray, float, complex,
                              bool, type(None)})


def _dataclass_repr_is_generated(object):
    """True for a dataclass instance whose __repr__ is the generated one
    (a hand-written __repr__ must be honoured as it is)."""
    if isinstance(object, type):
        return False
    cls = type(object)
    params = getattr(cls, '__dataclass_params__', None)
    if params is None or not getattr(params, 'repr', False):
        return False
    if not hasattr(cls, '__dataclass_fields__'):
        return False
    rep = getattr(cls, '__repr__', None)
    wrapped = getattr(rep, '__wrapped__', None)
    if wrapped is not None:
        return '__create_fn__' in getattr(wrapped, '__qualname__', '')
    # Without the wrapper marker, accept a __repr__ defined by the class
    # itself only when it carries the generated qualified name.
    qualname = getattr(rep, '__qualname__', '')
    return qualname.endswith('__repr__') and (
        '__create_fn__' in qualname or
        getattr(rep, '__module__', None) in (None, 'dataclasses'))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, expand=False, sort_dicts=True,
                 underscore_numbers=False):
        """Handle pretty printing operations onto a stream.

        indent: spaces added per nesting level; width: the desired maximum
        line width; depth: the number of levels shown (None: all);
        stream: the output file (sys.stdout when None); compact: pack
        sequence items on lines; expand: JSON-like layout with opening
        brackets followed by a newline; sort_dicts: sort dict keys;
        underscore_numbers: group integer digits with underscores.
        """
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        if compact and expand:
            raise ValueError('compact and expand are mutually exclusive')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        if stream is not None:
            self._stream = stream
        else:
            self._stream = _sys.stdout
        self._compact = bool(compact)
        self._expand = bool(expand)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        sio = _StringIO()
        self._format(object, sio, 0, 0, {}, 0)
        return sio.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    # -- layout -----------------------------------------------------------

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            printer = self._dispatch.get(type(object).__repr__, None)
            if printer is None and _dataclass_repr_is_generated(object):
                printer = PrettyPrinter._pprint_dataclass
            if printer is not None:
                context[objid] = 1
                printer(self, object, stream, indent, allowance, context,
                        level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _child_indent(self, indent, prefix_len):
        """Indent of contents that follow a prefix of prefix_len columns:
        aligned after it, or (expand mode) at the line's own indent."""
        return indent if self._expand else indent + prefix_len

    def _open(self, stream, indent):
        """In expand mode, break the line after an opening bracket and
        return the indent of the contents; otherwise pad as usual."""
        if self._expand:
            inner = indent + self._indent_per_level
            stream.write('\n' + ' ' * inner)
            return inner
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * ' ')
        return indent + self._indent_per_level

    def _close(self, stream, indent):
        if self._expand:
            stream.write(',\n' + ' ' * indent)

    def _pprint_dataclass(self, object, stream, indent, allowance, context,
                          level):
        import dataclasses
        cls_name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name))
                 for f in dataclasses.fields(object) if f.repr]
        stream.write(cls_name + '(')
        self._format_namespace_items(items, stream, indent + len(cls_name) + 1,
                                     allowance, context, level, indent)
        stream.write(')')

    _dispatch = {}

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        if len(object):
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = list(object.items())
            self._format_dict_items(items, stream, indent, allowance + 1,
                                    context, level)
        elif self._indent_per_level > 1 and not self._expand:
            # CPython pads even an empty dict forced onto its own layout.
            stream.write((self._indent_per_level - 1) * ' ')
        stream.write('}')

    _dispatch[dict.__repr__] = _pprint_dict

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context,
                             level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + '(')
        self._format(list(object.items()), stream,
                     self._child_indent(indent, len(cls.__name__) + 1),
                     allowance + 1,
                     context, level)
        stream.write(')')

    _dispatch[_collections.OrderedDict.__repr__] = _pprint_ordered_dict

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._format_items(object, stream, indent, allowance + 1,
                           context, level)
        stream.write(']')

    _dispatch[list.__repr__] = _pprint_list

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        endchar = ',)' if len(object) == 1 else ')'
        if self._expand and len(object) == 1:
            endchar = ')'
        self._format_items(object, stream, indent, allowance + len(endchar),
                           context, level)
        stream.write(endchar)

    _dispatch[tuple.__repr__] = _pprint_tuple

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        typ = object.__class__
        if typ is set:
            stream.write('{')
            endchar = '}'
            base = indent
        else:
            stream.write(typ.__name__ + '({')
            endchar = '})'
            base = indent
            indent = self._child_indent(indent, len(typ.__name__) + 1)
        items = sorted(object, key=_safe_key)
        self._format_items(items, stream, indent, allowance + len(endchar),
                           context, level, base)
        stream.write(endchar)

    _dispatch[set.__repr__] = _pprint_set
    _dispatch[frozenset.__repr__] = _pprint_set

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if not len(object):
            write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
                continue
            parts = _words_with_spaces(line)
            max_width2 = max_width
            current = ''
            for j, part in enumerate(parts):
                candidate = current + part
                if j == len(parts) - 1 and i == len(lines) - 1:
                    max_width2 -= allowance
                if len(repr(candidate)) > max_width2:
                    if current:
                        chunks.append(repr(current))
                    current = part
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            write(rep)
            return
        if level == 1:
            write('(')
        for i, rep in enumerate(chunks):
            if i > 0:
                write('\n' + ' ' * indent)
            write(rep)
        if level == 1:
            write(')')

    _dispatch[str.__repr__] = _pprint_str

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if len(object) <= 4:
            write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            write('(')
        delim = ''
        for rep in _wrap_bytes_repr(object, self._width - indent, allowance):
            write(delim)
            write(rep)
            if not delim:
                delim = '\n' + ' ' * indent
        if parens:
            write(')')

    _dispatch[bytes.__repr__] = _pprint_bytes

    def _pprint_bytearray(self, object, stream, indent, allowance, context,
                          level):
        stream.write('bytearray(')
        self._pprint_bytes(bytes(object), stream, indent + 10,
                           allowance + 1, context, level + 1)
        stream.write(')')

    _dispatch[bytearray.__repr__] = _pprint_bytearray

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context,
                             level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, self._child_indent(indent, 13),
                     allowance + 1, context, level)
        stream.write(')')

    _dispatch[_types.MappingProxyType.__repr__] = _pprint_mappingproxy

    def _pprint_simplenamespace(self, object, stream, indent, allowance,
                                context, level):
        if type(object) is _types.SimpleNamespace:
            cls_name = 'namespace'
        else:
            cls_name = object.__class__.__name__
        items = list(object.__dict__.items())
        stream.write(cls_name + '(')
        self._format_namespace_items(items, stream, indent + len(cls_name) + 1,
                                     allowance, context, level, indent)
        stream.write(')')

    _dispatch[_types.SimpleNamespace.__repr__] = _pprint_simplenamespace

    def _format_dict_items(self, items, stream, indent, allowance, context,
                           level):
        write = stream.write
        base = indent
        indent = self._open(stream, indent)
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            write(rep)
            write(': ')
            self._format(ent, stream,
                         self._child_indent(indent, len(rep) + 2),
                         allowance if last and not self._expand else 1,
                         context, level)
            if not last:
                write(delimnl)
        self._close(stream, base)

    def _format_namespace_items(self, items, stream, indent, allowance,
                                context, level, base=None):
        write = stream.write
        if self._expand:
            indent = (base or 0) + self._indent_per_level
            write('\n' + ' ' * indent)
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            write(key)
            write('=')
            if id(ent) in context:
                # A dataclass's own repr shows recursion as '...'.
                write('...')
            else:
                self._format(ent, stream,
                             self._child_indent(indent, len(key) + 1),
                             allowance if last and not self._expand else 1,
                             context, level)
            if not last:
                write(delimnl)
        if self._expand:
            write(',\n' + ' ' * (base or 0))

    def _format_items(self, items, stream, indent, allowance, context, level,
                      base=None):
        write = stream.write
        if base is None:
            base = indent
        if self._expand:
            indent = base + self._indent_per_level
            write('\n' + ' ' * indent)
        else:
            indent += self._indent_per_level
            if self._indent_per_level > 1:
                write((self._indent_per_level - 1) * ' ')
        delimnl = ',\n' + ' ' * indent
        delim = ''
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                if not self._expand:
                    max_width -= allowance
                    width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    write(delim)
                    delim = ', '
                    write(rep)
                    continue
            write(delim)
            delim = delimnl
            self._format(ent, stream, indent,
                         allowance if last and not self._expand else 1,
                         context, level)
        if self._expand:
            write(',\n' + ' ' * base)

    def _repr(self, object, context, level):
        repr, readable, recursive = self.format(object, context.copy(),
                                                self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return repr

    def format(self, object, context, maxlevels, level):
        """Return (repr string, readable flag, recursive flag) for object.

        context maps the ids of the containers being formatted to 1."""
        return self._safe_repr(object, context, maxlevels, level)

    def _pprint_default_dict(self, object, stream, indent, allowance, context,
                             level):
        if not len(object):
            stream.write(repr(object))
            return
        rdf = self._repr(object.default_factory, context, level)
        cls = object.__class__
        indent = self._child_indent(indent, len(cls.__name__) + 1)
        stream.write('%s(%s,\n%s' % (cls.__name__, rdf, ' ' * indent))
        self._pprint_dict(object, stream, indent, allowance + 1, context,
                          level)
        stream.write(')')

    _dispatch[_collections.defaultdict.__repr__] = _pprint_default_dict

    def _pprint_counter(self, object, stream, indent, allowance, context,
                        level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + '({')
        items = object.most_common()
        self._format_dict_items(items, stream,
                                self._child_indent(indent,
                                                   len(cls.__name__) + 1),
                                allowance + 2, context, level)
        stream.write('})')

    _dispatch[_collections.Counter.__repr__] = _pprint_counter

    def _pprint_chain_map(self, object, stream, indent, allowance, context,
                          level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + '(')
        indent = self._child_indent(indent, len(cls.__name__) + 1)
        for i, m in enumerate(object.maps):
            if i == len(object.maps) - 1:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(')')
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    _dispatch[_collections.ChainMap.__repr__] = _pprint_chain_map

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + '(')
        indent = self._child_indent(indent, len(cls.__name__) + 1)
        stream.write('[')
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2,
                               context, level)
            stream.write('])')
        else:
            self._format_items(object, stream, indent, 2, context, level)
            rml = self._repr(object.maxlen, context, level)
            stream.write('],\n%smaxlen=%s)' % (' ' * indent, rml))

    _dispatch[_collections.deque.__repr__] = _pprint_deque

    def _pprint_user_dict(self, object, stream, indent, allowance, context,
                          level):
        self._format(object.data, stream, indent, allowance, context,
                     level - 1)

    _dispatch[_collections.UserDict.__repr__] = _pprint_user_dict
    _dispatch[_collections.UserList.__repr__] = _pprint_user_dict
    _dispatch[_collections.UserString.__repr__] = _pprint_user_dict

    _dict_keys_view = type({}.keys())
    _dict_values_view = type({}.values())
    _dict_items_view = type({}.items())

    def _pprint_dict_view(self, object, stream, indent, allowance, context,
                          level):
        """Dict views print as their type name around a (sorted) list."""
        stream.write(type(object).__name__ + '([')
        if self._indent_per_level > 1 and not self._expand:
            stream.write((self._indent_per_level - 1) * ' ')
        if len(object):
            entries = object
            if self._sort_dicts:
                entries = sorted(object, key=self._view_sort_key(type(object)))
            self._format_items(entries, stream, indent, allowance + 1,
                               context, level)
        stream.write('])')

    def _view_sort_key(self, typ):
        if issubclass(typ, (self._dict_items_view, _collections.abc.ItemsView)):
            return _safe_tuple
        return _safe_key

    def _pprint_mapping_abc_view(self, object, stream, indent, allowance,
                                 context, level):
        stream.write(type(object).__name__ + '(')
        self._format(object._mapping, stream, indent, allowance, context,
                     level)
        stream.write(')')

    _dispatch[_dict_keys_view.__repr__] = _pprint_dict_view
    _dispatch[_dict_values_view.__repr__] = _pprint_dict_view
    _dispatch[_dict_items_view.__repr__] = _pprint_dict_view
    _dispatch[_collections.abc.MappingView.__repr__] = _pprint_mapping_abc_view

    _view_reprs = {_dict_keys_view.__repr__, _dict_values_view.__repr__,
                   _dict_items_view.__repr__,
                   _collections.abc.MappingView.__repr__}

    # -- one-line form ----------------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False

        r = getattr(typ, "__repr__", None)

        if issubclass(typ, int) and r is int.__repr__:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False

        if issubclass(typ, dict) and r is dict.__repr__:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = object.items()
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels,
                                                       level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels,
                                                       level)
                components.append("%s: %s" % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{%s}" % ", ".join(components), readable, recursive

        if ((issubclass(typ, list) and r is list.__repr__) or
                (issubclass(typ, tuple) and r is tuple.__repr__)):
            if issubclass(typ, list):
                if not object:
                    return "[]", True, False
                fmt = "[%s]"
            elif len(object) == 1:
                fmt = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                fmt = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return fmt % "...", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels,
                                                       level)
                components.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return fmt % ", ".join(components), readable, recursive

        if (issubclass(typ, _collections.abc.MappingView) and
                r in self._view_reprs):
            return self._safe_view_repr(object, context, maxlevels, level)

        rep = repr(object)
        return rep, bool(rep and not rep.startswith('<')), False

    def _safe_view_repr(self, object, context, maxlevels, level):
        typ = type(object)
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return "{...}", False, objid in context
        if objid in context:
            return _recursion(object), False, True
        if hasattr(object, "_mapping"):
            mapping_repr, readable, recursive = self.format(
                object._mapping, context, maxlevels, level)
            return typ.__name__ + '(%s)' % mapping_repr, readable, recursive
        if hasattr(typ, "_mapping"):
            # A view that lost its mapping: let repr() raise the real error.
            return repr(object), True, False
        if self._sort_dicts:
            object = sorted(object, key=self._view_sort_key(typ))
        context[objid] = 1
        readable = True
        recursive = False
        components = []
        level += 1
        for value in object:
            vrepr, vreadable, vrecur = self.format(value, context, maxlevels,
                                                   level)
            components.append(vrepr)
            readable = readable and vreadable
            if vrecur:
                recursive = True
        del context[objid]
        return typ.__name__ + '([%s])' % ", ".join(components), readable, recursive
