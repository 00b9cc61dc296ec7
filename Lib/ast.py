"""Abstract Syntax Trees: parse Python source into node objects, inspect and
transform them, and turn them back into source (`unparse`) or code
(`compile`).

The node classes come from the _ast module; this module adds the helpers
documented for Python 3.15: parse, dump, literal_eval, unparse, the
visitors, location helpers, compare and the `python -m ast` command line.
"""
import sys
from _ast import *


# ---------------------------------------------------------------------------
# parsing

def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None, optimize=-1):
    """Parse the source into an AST node (compile() with PyCF_ONLY_AST).

    mode is 'exec', 'eval', 'single' or 'func_type'; type_comments keeps
    PEP 484 type comments; feature_version (a (3, minor) tuple or a minor
    number) asks for a grammar version; optimize > 0 returns the
    constant-folded tree."""
    flags = PyCF_ONLY_AST
    if optimize > 0:
        flags |= PyCF_OPTIMIZED_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if feature_version is None:
        minor = -1
    elif isinstance(feature_version, tuple):
        major, minor = feature_version
        if major != 3:
            raise ValueError(f"Unsupported major version: {major}; "
                             f"only 3 is supported")
    else:
        minor = feature_version
    return compile(source, filename, mode, flags,
                   _feature_version=minor, optimize=optimize)


def literal_eval(node_or_string):
    """Evaluate an expression node or a string holding only a Python
    literal or container display: strings, bytes, numbers, tuples, lists,
    dicts, sets, booleans, None and Ellipsis (and additions/subtractions of
    a real and an imaginary number).  Anything else raises ValueError."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body
    return _literal_value(node_or_string)


def _malformed(node):
    message = "malformed node or string"
    line = getattr(node, 'lineno', None)
    if line:
        message += f" on line {line}"
    raise ValueError(f"{message}: {node!r}")


def _literal_number(node):
    if isinstance(node, Constant) and type(node.value) in (int, float, complex):
        return node.value
    _malformed(node)


def _literal_signed_number(node):
    if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
        value = _literal_number(node.operand)
        return +value if isinstance(node.op, UAdd) else -value
    return _literal_number(node)


def _literal_value(node):
    if isinstance(node, Constant):
        return node.value
    if isinstance(node, Tuple):
        return tuple(_literal_value(item) for item in node.elts)
    if isinstance(node, List):
        return [_literal_value(item) for item in node.elts]
    if isinstance(node, Set):
        return {_literal_value(item) for item in node.elts}
    if (isinstance(node, Call) and isinstance(node.func, Name)
            and node.func.id == 'set' and node.args == [] == node.keywords):
        return set()
    if isinstance(node, Dict):
        if len(node.keys) != len(node.values):
            _malformed(node)
        return {_literal_value(k): _literal_value(v)
                for k, v in zip(node.keys, node.values)}
    if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
        left = _literal_signed_number(node.left)
        right = _literal_number(node.right)
        if isinstance(left, (int, float)) and isinstance(right, complex):
            return left + right if isinstance(node.op, Add) else left - right
    return _literal_signed_number(node)


# ---------------------------------------------------------------------------
# dumping

def dump(node, annotate_fields=True, include_attributes=False, *,
         indent=None, show_empty=False):
    """A formatted dump of the tree in node, for debugging.

    annotate_fields=False leaves field names out where that stays
    unambiguous; include_attributes adds line numbers and column offsets;
    indent (a number of spaces or a string) pretty-prints with one item
    per line; show_empty keeps fields that are None or []."""
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def fields_of(node, level):
        cls = type(node)
        parts = []
        pending_empty = []      # positional empties kept only if followed
        simple = True
        use_keywords = annotate_fields
        for name in node._fields:
            try:
                value = getattr(node, name)
            except AttributeError:
                use_keywords = True
                continue
            if value is None and getattr(cls, name, ...) is None:
                use_keywords = True
                continue
            if (not show_empty and (value is None or value == [])
                    and not isinstance(node, (Constant, MatchSingleton))):
                pending_empty.append(repr(value))
                continue
            if not use_keywords:
                parts.extend(pending_empty)
                pending_empty = []
            text, is_simple = format_value(value, level)
            simple = simple and is_simple
            parts.append(f"{name}={text}" if use_keywords else text)
        if include_attributes and node._attributes:
            for name in node._attributes:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    continue
                text, is_simple = format_value(value, level)
                simple = simple and is_simple
                parts.append(f"{name}={text}")
        return parts, simple

    def format_value(value, level=0):
        if indent is not None:
            level += 1
            opening = '\n' + indent * level
            separator = ',\n' + indent * level
        else:
            opening = ''
            separator = ', '
        if isinstance(value, AST):
            name = type(value).__name__
            parts, simple = fields_of(value, level)
            if simple and len(parts) <= 3:
                return f"{name}({', '.join(parts)})", not parts
            return f"{name}({opening}{separator.join(parts)})", False
        if isinstance(value, list):
            if not value:
                return '[]', True
            items = [format_value(item, level)[0] for item in value]
            return f"[{opening}{separator.join(items)}]", False
        return repr(value), True

    if not isinstance(node, AST):
        raise TypeError(f'expected AST, got {type(node).__name__!r}')
    return format_value(node)[0]


# ---------------------------------------------------------------------------
# locations

_LOCATIONS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


def copy_location(new_node, old_node):
    """Copy the source location (lineno, col_offset, end_lineno,
    end_col_offset) of old_node to new_node where both have them."""
    for name in _LOCATIONS:
        if name in old_node._attributes and name in new_node._attributes:
            value = getattr(old_node, name, None)
            if value is not None or (hasattr(old_node, name)
                                     and name.startswith('end_')):
                setattr(new_node, name, value)
    return new_node


def fix_missing_locations(node):
    """Give every node that lacks a location its parent's, starting from
    line 1 column 0 at the root, so compile() accepts the tree."""
    def fix(node, lineno, col_offset, end_lineno, end_col_offset):
        attributes = node._attributes
        if 'lineno' in attributes:
            if getattr(node, 'lineno', None) is None:
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in attributes:
            if getattr(node, 'col_offset', None) is None:
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col_offset, end_lineno, end_col_offset)
    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Add n to the line numbers of node and everything below it."""
    for child in walk(node):
        # TypeIgnore keeps its line number as a field, not an attribute.
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if ('end_lineno' in child._attributes
                and getattr(child, 'end_lineno', None) is not None):
            child.end_lineno += n
    return node


# ---------------------------------------------------------------------------
# walking

def iter_fields(node):
    """Yield (name, value) for each field of node that is set."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the direct child nodes of node: fields that are nodes and
    the nodes inside list fields."""
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node):
    """Yield node and all its descendants, in no particular order
    (breadth first)."""
    from collections import deque
    pending = deque([node])
    while pending:
        current = pending.popleft()
        pending.extend(iter_child_nodes(current))
        yield current


def get_docstring(node, clean=True):
    """The docstring of a module, class or function node, or None.  With
    clean, indentation is cleaned up with inspect.cleandoc."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError(f"{type(node).__name__!r} can't have docstrings")
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _split_source_lines(source):
    """Lines of source split at \\r\\n, \\r and \\n only (not at form
    feeds), ends kept."""
    lines = []
    start = 0
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == '\r' or c == '\n':
            if c == '\r' and i + 1 < n and source[i + 1] == '\n':
                i += 1
            lines.append(source[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        lines.append(source[start:])
    return lines


def _leading_whitespace(text):
    """text with every character but tabs and form feeds made a space."""
    return ''.join(c if c in '\f\t' else ' ' for c in text)


def get_source_segment(source, node, *, padded=False):
    """The source text node was parsed from, or None when the node lacks
    locations.  padded keeps the indentation of a multi-line statement's
    first line (spaces in place of the text before it)."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = _split_source_lines(source)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    padding = ''
    if padded:
        padding = _leading_whitespace(lines[lineno].encode()[:col_offset]
                                      .decode())
    first = lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    middle = lines[lineno + 1:end_lineno]
    return ''.join([padding + first, *middle, last])


def compare(a, b, /, *, compare_attributes=False):
    """Whether two trees are equal field by field (and, with
    compare_attributes, location by location)."""
    def same(x, y):
        if type(x) is not type(y):
            return False
        if isinstance(x, AST):
            return same_node(x, y)
        if isinstance(x, list):
            return len(x) == len(y) and all(map(same, x, y))
        return x == y

    def same_attributes(x, y, names):
        for name in names:
            missing = object()
            vx = getattr(x, name, missing)
            vy = getattr(y, name, missing)
            if vx is missing and vy is missing:
                continue
            if vx is missing or vy is missing or not same(vx, vy):
                return False
        return True

    def same_node(x, y):
        if not same_attributes(x, y, x._fields):
            return False
        return (not compare_attributes
                or same_attributes(x, y, x._attributes))

    return same(a, b)


class NodeVisitor:
    """Walks a tree calling visit_<ClassName>(node) for each node, or
    generic_visit(node) when there is no such method.  Subclass it and
    add visit_ methods."""

    def visit(self, node):
        method = getattr(self, 'visit_' + node.__class__.__name__,
                         self.generic_visit)
        return method(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit_ methods return the replacement for the
    node visited: the node itself, a new node, None to remove it, or (in
    a list field) a list of nodes to splice in."""

    def generic_visit(self, node):
        for name, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for item in old_value:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            new_values.extend(item)
                            continue
                    new_values.append(item)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, name)
                else:
                    setattr(node, name, new_node)
        return node


# Deprecated aliases kept by Python 3.15 for old code.

class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class.  Unused in Python 3.9+."""
    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class.  Unused in Python 3.9+."""
    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


# ---------------------------------------------------------------------------
# unparsing

# Operator precedence, weakest first: a subexpression needs parentheses
# when its precedence is below the one its position requires.
_NAMED_EXPR = 1     # :=
_TUPLE = 2          # a, b
_YIELD = 3          # yield
_TEST = 4           # if-else, lambda
_OR = 5
_AND = 6
_NOT = 7
_CMP = 8            # comparisons, in, is
_EXPR = 9           # also |
_BOR = _EXPR
_BXOR = 10
_BAND = 11
_SHIFT = 12
_ARITH = 13         # + -
_TERM = 14          # * / // % @
_FACTOR = 15        # unary + - ~
_POWER = 16
_AWAIT = 17
_ATOM = 18

_BINOPS = {
    'Add': ('+', _ARITH), 'Sub': ('-', _ARITH),
    'Mult': ('*', _TERM), 'MatMult': ('@', _TERM), 'Div': ('/', _TERM),
    'Mod': ('%', _TERM), 'FloorDiv': ('//', _TERM),
    'LShift': ('<<', _SHIFT), 'RShift': ('>>', _SHIFT),
    'BitOr': ('|', _BOR), 'BitXor': ('^', _BXOR), 'BitAnd': ('&', _BAND),
    'Pow': ('**', _POWER),
}
_UNARYOPS = {
    'Invert': ('~', _FACTOR), 'Not': ('not', _NOT),
    'UAdd': ('+', _FACTOR), 'USub': ('-', _FACTOR),
}
_CMPOPS = {
    'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>',
    'GtE': '>=', 'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in',
}
_BOOLOPS = {'And': ('and', _AND), 'Or': ('or', _OR)}

# An infinite float does not round-trip through repr(); this literal
# overflows to infinity when parsed.
_INFINITY = '1e' + repr(sys.float_info.max_10_exp + 1)

_SINGLE_QUOTES = ("'", '"')
_MULTI_QUOTES = ('"""', "'''")
_ALL_QUOTES = (*_SINGLE_QUOTES, *_MULTI_QUOTES)


def _escape_for_literal(text, escape_newlines):
    """text with backslashes and unprintable characters escaped (newlines
    and tabs kept unless escape_newlines)."""
    out = []
    for c in text:
        if c in '\n\t' and not escape_newlines:
            out.append(c)
        elif c == '\\' or not c.isprintable():
            out.append(c.encode('unicode_escape').decode('ascii'))
        else:
            out.append(c)
    return ''.join(out)


def _choose_quotes(text, quote_types=_ALL_QUOTES, escape_newlines=False):
    """(escaped body, usable quotes) for writing text inside a literal
    without backslash-escaped quotes where possible."""
    body = _escape_for_literal(text, escape_newlines)
    quotes = list(quote_types)
    if '\n' in body:
        quotes = [q for q in quotes if q in _MULTI_QUOTES]
    quotes = [q for q in quotes if q not in body]
    if not quotes:
        literal = repr(text)
        quote = next((q for q in quote_types if literal[0] in q), literal[0])
        return literal[1:-1], [quote]
    if body:
        # A quote character last in the body cannot touch the closing
        # quotes of the same kind: prefer the other kind, else escape it.
        quotes.sort(key=lambda q: q[0] == body[-1])
        if quotes[0][0] == body[-1]:
            body = body[:-1] + '\\' + body[-1]
    return body, quotes


class _Unparser(NodeVisitor):
    """Writes source text for a tree; see unparse()."""

    def __init__(self):
        self._source = []
        self._precedences = {}
        self._indent = 0
        self._in_try_star = False

    # -- output helpers

    def write(self, *texts):
        self._source.extend(texts)

    def fill(self, text=''):
        """Start a new line at the current indentation."""
        if self._source:
            self._source.append('\n')
        self._source.append('    ' * self._indent + text)

    def maybe_newline(self):
        if self._source:
            self._source.append('\n')

    def block(self, body, extra=None):
        """':' and the indented statements of body."""
        self.write(':')
        if extra:
            self.write(extra)
        self._indent += 1
        self.traverse(body)
        self._indent -= 1

    def interleave(self, between, each, items):
        first = True
        for item in items:
            if not first:
                between()
            first = False
            each(item)

    def items_view(self, each, items):
        """a, b, c -- with a trailing comma after a single item."""
        if len(items) == 1:
            each(items[0])
            self.write(',')
        else:
            self.interleave(lambda: self.write(', '), each, items)

    def comma_list(self, items):
        self.interleave(lambda: self.write(', '), self.traverse, items)

    def precedence(self, node):
        return self._precedences.get(node, _TEST)

    def set_precedence(self, value, *nodes):
        for node in nodes:
            self._precedences[node] = value

    def parens_if(self, condition, inner):
        if condition:
            self.write('(')
        inner()
        if condition:
            self.write(')')

    def needs_parens(self, level, node):
        return self.precedence(node) > level

    def traverse(self, node):
        if isinstance(node, list):
            for item in node:
                self.traverse(item)
        else:
            super().visit(node)

    def visit(self, node):
        self._source = []
        self.traverse(node)
        return ''.join(self._source)

    def type_comment(self, comment):
        if comment:
            self.write(f'  # type: {comment}')

    # -- modules and docstrings

    def docstring_and_body(self, node):
        body = node.body
        if (body and isinstance(body[0], Expr)
                and isinstance(body[0].value, Constant)
                and isinstance(body[0].value.value, str)):
            self.write_docstring(body[0].value)
            self.traverse(body[1:])
        else:
            self.traverse(body)

    def write_docstring(self, node):
        self.fill()
        if node.kind == 'u':
            self.write('u')
        body, quotes = _choose_quotes(node.value, _MULTI_QUOTES)
        self.write(quotes[0], body, quotes[0])

    def visit_Module(self, node):
        self.docstring_and_body(node)

    def visit_Interactive(self, node):
        self.traverse(node.body)

    def visit_Expression(self, node):
        self.traverse(node.body)

    def visit_FunctionType(self, node):
        self.write('(')
        self.comma_list(node.argtypes)
        self.write(') -> ')
        self.traverse(node.returns)

    # -- simple statements

    def visit_Expr(self, node):
        self.fill()
        self.set_precedence(_YIELD, node.value)
        self.traverse(node.value)

    def visit_NamedExpr(self, node):
        def inner():
            self.set_precedence(_ATOM, node.target, node.value)
            self.traverse(node.target)
            self.write(' := ')
            self.traverse(node.value)
        self.parens_if(self.needs_parens(_NAMED_EXPR, node), inner)

    def visit_Import(self, node):
        self.fill('lazy import ' if getattr(node, 'is_lazy', 0) else 'import ')
        self.comma_list(node.names)

    def visit_ImportFrom(self, node):
        self.fill('lazy from ' if getattr(node, 'is_lazy', 0) else 'from ')
        self.write('.' * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(' import ')
        self.comma_list(node.names)

    def visit_Assign(self, node):
        self.fill()
        for target in node.targets:
            self.set_precedence(_TUPLE, target)
            self.traverse(target)
            self.write(' = ')
        self.traverse(node.value)
        self.type_comment(node.type_comment)

    def visit_AugAssign(self, node):
        self.fill()
        self.traverse(node.target)
        self.write(' ' + _BINOPS[type(node.op).__name__][0] + '= ')
        self.traverse(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        self.parens_if(not node.simple and isinstance(node.target, Name),
                       lambda: self.traverse(node.target))
        self.write(': ')
        self.traverse(node.annotation)
        if node.value:
            self.write(' = ')
            self.traverse(node.value)

    def visit_Return(self, node):
        self.fill('return')
        if node.value:
            self.write(' ')
            self.traverse(node.value)

    def visit_Pass(self, node):
        self.fill('pass')

    def visit_Break(self, node):
        self.fill('break')

    def visit_Continue(self, node):
        self.fill('continue')

    def visit_Delete(self, node):
        self.fill('del ')
        self.comma_list(node.targets)

    def visit_Assert(self, node):
        self.fill('assert ')
        self.traverse(node.test)
        if node.msg:
            self.write(', ')
            self.traverse(node.msg)

    def visit_Global(self, node):
        self.fill('global ' + ', '.join(node.names))

    def visit_Nonlocal(self, node):
        self.fill('nonlocal ' + ', '.join(node.names))

    def visit_Await(self, node):
        def inner():
            self.write('await')
            if node.value:
                self.write(' ')
                self.set_precedence(_ATOM, node.value)
                self.traverse(node.value)
        self.parens_if(self.needs_parens(_AWAIT, node), inner)

    def visit_Yield(self, node):
        def inner():
            self.write('yield')
            if node.value:
                self.write(' ')
                self.set_precedence(_ATOM, node.value)
                self.traverse(node.value)
        self.parens_if(self.needs_parens(_YIELD, node), inner)

    def visit_YieldFrom(self, node):
        def inner():
            self.write('yield from ')
            if not node.value:
                raise ValueError("Node can't be used without a value "
                                 "attribute.")
            self.set_precedence(_ATOM, node.value)
            self.traverse(node.value)
        self.parens_if(self.needs_parens(_YIELD, node), inner)

    def visit_Raise(self, node):
        self.fill('raise')
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an "
                                 "exception.")
            return
        self.write(' ')
        self.traverse(node.exc)
        if node.cause:
            self.write(' from ')
            self.traverse(node.cause)

    def visit_TypeAlias(self, node):
        self.fill('type ')
        self.traverse(node.name)
        self.type_params(node.type_params)
        self.write(' = ')
        self.traverse(node.value)

    # -- compound statements

    def visit_Try(self, node):
        self.try_statement(node, star=False)

    def visit_TryStar(self, node):
        self.try_statement(node, star=True)

    def try_statement(self, node, star):
        saved = self._in_try_star
        self._in_try_star = star
        try:
            self.fill('try')
            self.block(node.body)
            for handler in node.handlers:
                self.traverse(handler)
            if node.orelse:
                self.fill('else')
                self.block(node.orelse)
            if node.finalbody:
                self.fill('finally')
                self.block(node.finalbody)
        finally:
            self._in_try_star = saved

    def visit_ExceptHandler(self, node):
        self.fill('except*' if self._in_try_star else 'except')
        if node.type:
            self.write(' ')
            self.traverse(node.type)
        if node.name:
            self.write(' as ', node.name)
        self.block(node.body)

    def visit_ClassDef(self, node):
        self.maybe_newline()
        for decorator in node.decorator_list:
            self.fill('@')
            self.traverse(decorator)
        self.fill('class ' + node.name)
        self.type_params(node.type_params)
        if node.bases or node.keywords:
            self.write('(')
            self.comma_list(node.bases + node.keywords)
            self.write(')')
        self.write(':')
        self._indent += 1
        self.docstring_and_body(node)
        self._indent -= 1

    def visit_FunctionDef(self, node):
        self.function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self.function(node, 'async def')

    def function(self, node, keyword):
        self.maybe_newline()
        for decorator in node.decorator_list:
            self.fill('@')
            self.traverse(decorator)
        self.fill(f'{keyword} {node.name}')
        self.type_params(node.type_params)
        self.write('(')
        self.traverse(node.args)
        self.write(')')
        if node.returns:
            self.write(' -> ')
            self.traverse(node.returns)
        self.write(':')
        self.type_comment(node.type_comment)
        self._indent += 1
        self.docstring_and_body(node)
        self._indent -= 1

    def type_params(self, params):
        if params:
            self.write('[')
            self.comma_list(params)
            self.write(']')

    def visit_TypeVar(self, node):
        self.write(node.name)
        if node.bound:
            self.write(': ')
            self.traverse(node.bound)
        if getattr(node, 'default_value', None):
            self.write(' = ')
            self.traverse(node.default_value)

    def visit_TypeVarTuple(self, node):
        self.write('*' + node.name)
        if getattr(node, 'default_value', None):
            self.write(' = ')
            self.traverse(node.default_value)

    def visit_ParamSpec(self, node):
        self.write('**' + node.name)
        if getattr(node, 'default_value', None):
            self.write(' = ')
            self.traverse(node.default_value)

    def visit_For(self, node):
        self.for_statement('for ', node)

    def visit_AsyncFor(self, node):
        self.for_statement('async for ', node)

    def for_statement(self, keyword, node):
        self.fill(keyword)
        self.set_precedence(_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.traverse(node.iter)
        self.block(node.body, extra=self.type_ignore_text(node))
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def type_ignore_text(self, node):
        comment = getattr(node, 'type_comment', None)
        return f'  # type: {comment}' if comment else None

    def visit_If(self, node):
        self.fill('if ')
        self.traverse(node.test)
        self.block(node.body)
        # else: if ... collapses into elif.
        while (node.orelse and len(node.orelse) == 1
               and isinstance(node.orelse[0], If)):
            node = node.orelse[0]
            self.fill('elif ')
            self.traverse(node.test)
            self.block(node.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def visit_While(self, node):
        self.fill('while ')
        self.traverse(node.test)
        self.block(node.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def visit_With(self, node):
        self.fill('with ')
        self.comma_list(node.items)
        self.block(node.body, extra=self.type_ignore_text(node))

    def visit_AsyncWith(self, node):
        self.fill('async with ')
        self.comma_list(node.items)
        self.block(node.body, extra=self.type_ignore_text(node))

    def visit_withitem(self, node):
        self.traverse(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.traverse(node.optional_vars)

    def visit_Match(self, node):
        self.fill('match ')
        self.traverse(node.subject)
        self.write(':')
        self._indent += 1
        for case in node.cases:
            self.traverse(case)
        self._indent -= 1

    def visit_match_case(self, node):
        self.fill('case ')
        self.traverse(node.pattern)
        if node.guard:
            self.write(' if ')
            self.traverse(node.guard)
        self.block(node.body)

    # -- strings

    def visit_JoinedStr(self, node):
        self.write_interpolated('f', node.values)

    def visit_TemplateStr(self, node):
        self.write_interpolated('t', node.values)

    def visit_FormattedValue(self, node):
        self.write_interpolated('f', [node])

    def visit_Interpolation(self, node):
        self.write_interpolated('t', [node])

    def write_interpolated(self, prefix, values):
        """An f-string or t-string literal: the literal parts and
        replacement fields are rendered first, then quotes are chosen that
        none of them contain."""
        pieces = []
        for value in values:
            if isinstance(value, Constant):
                text = value.value.replace('{', '{{').replace('}', '}}')
                pieces.append(('text', _escape_for_literal(text, True)))
            else:
                pieces.append(('field', self.replacement_field(value)))
        body = ''.join(text for _, text in pieces)
        quote = next((q for q in _ALL_QUOTES
                      if q not in body and not body.endswith(q[0])), None)
        if quote is None:
            # Python 3.12+ lets fields reuse the enclosing quote; only the
            # literal parts need theirs escaped.
            quote = "'"
            body = ''.join(text.replace("'", "\\'") if kind == 'text'
                           else text for kind, text in pieces)
        self.write(prefix, quote, body, quote)

    def replacement_field(self, node):
        """{expr!c:spec} for a FormattedValue or Interpolation."""
        inner = _Unparser()
        inner.set_precedence(_TEST + 1, node.value)
        if isinstance(node, Interpolation) and isinstance(node.str, str):
            expression = node.str
        else:
            expression = inner.visit(node.value)
        if expression.startswith('{'):
            # "{{" would read as an escaped brace.
            expression = ' ' + expression
        parts = ['{', expression]
        if node.conversion != -1:
            parts.append('!' + chr(node.conversion))
        if node.format_spec:
            parts.append(':' + self.format_spec_text(node.format_spec))
        parts.append('}')
        return ''.join(parts)

    def format_spec_text(self, spec):
        if isinstance(spec, JoinedStr):
            texts = []
            for value in spec.values:
                if isinstance(value, Constant):
                    text = value.value.replace('{', '{{').replace('}', '}}')
                    texts.append(_escape_for_literal(text, True))
                else:
                    texts.append(self.replacement_field(value))
            return ''.join(texts)
        if isinstance(spec, Constant):
            return spec.value
        return self.replacement_field(spec)

    # -- expressions

    def visit_Name(self, node):
        self.write(node.id)

    def write_constant(self, value):
        if isinstance(value, (float, complex)):
            # inf does not round-trip through repr; nan is inf - inf.
            text = repr(value).replace('inf', _INFINITY)
            self.write(text.replace('nan', f'({_INFINITY}-{_INFINITY})'))
        elif value is ...:
            self.write('...')
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            self.write('(')
            self.items_view(self.write_constant, list(value))
            self.write(')')
            return
        if node.kind == 'u':
            self.write('u')
        if (isinstance(value, (int, float, complex))
                and not isinstance(value, bool)
                and (value.real < 0 or repr(value).startswith('-'))
                and self.precedence(node) > _FACTOR):
            self.write('(')
            self.write_constant(value)
            self.write(')')
            return
        self.write_constant(value)

    def visit_List(self, node):
        self.write('[')
        self.comma_list(node.elts)
        self.write(']')

    def visit_ListComp(self, node):
        self.comprehension('[', ']', [node.elt], node.generators)

    def visit_GeneratorExp(self, node):
        self.comprehension('(', ')', [node.elt], node.generators)

    def visit_SetComp(self, node):
        self.comprehension('{', '}', [node.elt], node.generators)

    def visit_DictComp(self, node):
        self.write('{')
        if node.value is None:
            # {**mapping for ...} (PEP 798): the key is the unpacked part.
            self.write('**')
            self.set_precedence(_EXPR, node.key)
            self.traverse(node.key)
        else:
            self.traverse(node.key)
            self.write(': ')
            self.traverse(node.value)
        for generator in node.generators:
            self.traverse(generator)
        self.write('}')

    def comprehension(self, opening, closing, elements, generators):
        self.write(opening)
        for element in elements:
            self.traverse(element)
        for generator in generators:
            self.traverse(generator)
        self.write(closing)

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.set_precedence(_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.set_precedence(_TEST + 1, node.iter, *node.ifs)
        self.traverse(node.iter)
        for condition in node.ifs:
            self.write(' if ')
            self.traverse(condition)

    def visit_IfExp(self, node):
        def inner():
            self.set_precedence(_TEST + 1, node.body, node.test)
            self.traverse(node.body)
            self.write(' if ')
            self.traverse(node.test)
            self.write(' else ')
            self.set_precedence(_TEST, node.orelse)
            self.traverse(node.orelse)
        self.parens_if(self.needs_parens(_TEST, node), inner)

    def visit_Set(self, node):
        if node.elts:
            self.write('{')
            self.comma_list(node.elts)
            self.write('}')
        else:
            # {} is a dict: an empty set display needs a starred empty tuple.
            self.write('{*()}')

    def visit_Dict(self, node):
        def pair(item):
            key, value = item
            if key is None:
                self.write('**')
                self.set_precedence(_EXPR, value)
                self.traverse(value)
            else:
                self.traverse(key)
                self.write(': ')
                self.traverse(value)
        self.write('{')
        self.interleave(lambda: self.write(', '), pair,
                        list(zip(node.keys, node.values)))
        self.write('}')

    def visit_Tuple(self, node):
        self.parens_if(len(node.elts) == 0 or self.needs_parens(_TUPLE, node),
                       lambda: self.items_view(self.traverse, node.elts))

    def visit_UnaryOp(self, node):
        symbol, level = _UNARYOPS[type(node.op).__name__]

        def inner():
            self.write(symbol)
            if level == _NOT:
                self.write(' ')
            self.set_precedence(level, node.operand)
            self.traverse(node.operand)
        self.parens_if(self.needs_parens(level, node), inner)

    def visit_BinOp(self, node):
        symbol, level = _BINOPS[type(node.op).__name__]

        def inner():
            # ** groups to the right, every other operator to the left.
            if level == _POWER:
                left, right = level + 1, level
            else:
                left, right = level, level + 1
            self.set_precedence(left, node.left)
            self.traverse(node.left)
            self.write(f' {symbol} ')
            self.set_precedence(right, node.right)
            self.traverse(node.right)
        self.parens_if(self.needs_parens(level, node), inner)

    def visit_Compare(self, node):
        def inner():
            self.set_precedence(_CMP + 1, node.left, *node.comparators)
            self.traverse(node.left)
            for op, right in zip(node.ops, node.comparators):
                self.write(' ' + _CMPOPS[type(op).__name__] + ' ')
                self.traverse(right)
        self.parens_if(self.needs_parens(_CMP, node), inner)

    def visit_BoolOp(self, node):
        word, level = _BOOLOPS[type(node.op).__name__]

        def inner():
            # Each operand asks for a tighter level than the one before,
            # as CPython's unparse does ("a and (not b)" is its output).
            for index, value in enumerate(node.values):
                self.set_precedence(level + 1 + index, value)
            self.interleave(lambda: self.write(f' {word} '), self.traverse,
                            node.values)
        self.parens_if(self.needs_parens(level, node), inner)

    def visit_Attribute(self, node):
        self.set_precedence(_ATOM, node.value)
        self.traverse(node.value)
        # "1.real" would lex as the float "1." followed by "real".
        if (isinstance(node.value, Constant)
                and isinstance(node.value.value, int)):
            self.write(' ')
        self.write('.', node.attr)

    def visit_Call(self, node):
        self.set_precedence(_ATOM, node.func)
        self.traverse(node.func)
        self.write('(')
        self.comma_list(node.args + node.keywords)
        self.write(')')

    def visit_Subscript(self, node):
        self.set_precedence(_ATOM, node.value)
        self.traverse(node.value)
        self.write('[')
        index = node.slice
        if isinstance(index, Tuple) and index.elts:
            self.items_view(self.traverse, index.elts)
        else:
            self.traverse(index)
        self.write(']')

    def visit_Starred(self, node):
        self.write('*')
        self.set_precedence(_EXPR, node.value)
        self.traverse(node.value)

    def visit_Slice(self, node):
        if node.lower:
            self.traverse(node.lower)
        self.write(':')
        if node.upper:
            self.traverse(node.upper)
        if node.step:
            self.write(':')
            self.traverse(node.step)

    def visit_Lambda(self, node):
        def inner():
            self.write('lambda')
            with_args = _Unparser()
            with_args.traverse(node.args)
            text = ''.join(with_args._source)
            if text:
                self.write(' ', text)
            self.write(': ')
            self.set_precedence(_TEST, node.body)
            self.traverse(node.body)
        self.parens_if(self.needs_parens(_TEST, node), inner)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.traverse(node.annotation)

    def visit_arguments(self, node):
        first = True

        def separator():
            nonlocal first
            if not first:
                self.write(', ')
            first = False

        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults))
        defaults += node.defaults
        for index, (argument, default) in enumerate(zip(positional,
                                                        defaults)):
            separator()
            self.traverse(argument)
            if default:
                self.write('=')
                self.traverse(default)
            if index + 1 == len(node.posonlyargs):
                self.write(', /')
        if node.vararg or node.kwonlyargs:
            separator()
            self.write('*')
            if node.vararg:
                self.write(node.vararg.arg)
                if node.vararg.annotation:
                    self.write(': ')
                    self.traverse(node.vararg.annotation)
        for argument, default in zip(node.kwonlyargs, node.kw_defaults):
            separator()
            self.traverse(argument)
            if default:
                self.write('=')
                self.traverse(default)
        if node.kwarg:
            separator()
            self.write('**' + node.kwarg.arg)
            if node.kwarg.annotation:
                self.write(': ')
                self.traverse(node.kwarg.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write('**')
        else:
            self.write(node.arg, '=')
        self.traverse(node.value)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    # -- patterns

    def visit_MatchValue(self, node):
        self.traverse(node.value)

    def visit_MatchSingleton(self, node):
        self.write_constant(node.value)

    def visit_MatchSequence(self, node):
        self.write('[')
        self.comma_list(node.patterns)
        self.write(']')

    def visit_MatchStar(self, node):
        self.write('*' + (node.name if node.name is not None else '_'))

    def visit_MatchMapping(self, node):
        def pair(item):
            key, pattern = item
            self.traverse(key)
            self.write(': ')
            self.traverse(pattern)
        self.write('{')
        self.interleave(lambda: self.write(', '), pair,
                        list(zip(node.keys, node.patterns)))
        if node.rest is not None:
            if node.keys:
                self.write(', ')
            self.write('**' + node.rest)
        self.write('}')

    def visit_MatchClass(self, node):
        self.set_precedence(_ATOM, node.cls)
        self.traverse(node.cls)
        self.write('(')
        self.comma_list(node.patterns)
        for index, (attr, pattern) in enumerate(zip(node.kwd_attrs,
                                                    node.kwd_patterns)):
            if index or node.patterns:
                self.write(', ')
            self.write(attr, '=')
            self.traverse(pattern)
        self.write(')')

    def visit_MatchAs(self, node):
        if node.pattern is None:
            self.write(node.name if node.name is not None else '_')
            return
        if node.name is None:
            raise ValueError("MatchAs with a pattern needs a name")

        def inner():
            self.set_precedence(_BOR, node.pattern)
            self.traverse(node.pattern)
            self.write(' as ' + node.name)
        self.parens_if(self.needs_parens(_TEST, node), inner)

    def visit_MatchOr(self, node):
        def inner():
            self.set_precedence(_BOR + 1, *node.patterns)
            self.interleave(lambda: self.write(' | '), self.traverse,
                            node.patterns)
        self.parens_if(self.needs_parens(_BOR, node), inner)


def unparse(ast_obj):
    """Source text that parses back to an equal tree."""
    return _Unparser().visit(ast_obj)


# ---------------------------------------------------------------------------
# command line

def main(args=None):
    import argparse
    parser = argparse.ArgumentParser(
        prog='python -m ast',
        description='Parse a Python file and print its abstract syntax '
                    'tree.', color=True)
    parser.add_argument('infile', nargs='?', default='-',
                        help='the file to parse; defaults to stdin')
    parser.add_argument('-m', '--mode', default='exec',
                        choices=('exec', 'single', 'eval', 'func_type'),
                        help='specify what kind of code must be parsed')
    parser.add_argument('--no-type-comments', default=True,
                        action='store_false',
                        help="don't add information about type comments")
    parser.add_argument('-a', '--include-attributes', action='store_true',
                        help='include attributes such as line numbers and '
                             'column offsets')
    parser.add_argument('-i', '--indent', type=int, default=3,
                        help='indentation of nodes (number of spaces)')
    parser.add_argument('--feature-version', type=str, default=None,
                        metavar='VERSION',
                        help='Python version in the format 3.x '
                             '(for example, 3.10)')
    parser.add_argument('-O', '--optimize', type=int, default=-1,
                        metavar='LEVEL',
                        help='optimization level for parser (default -1)')
    parser.add_argument('--show-empty', default=False, action='store_true',
                        help='show empty lists and fields in dump output')
    options = parser.parse_args(args)

    if options.infile == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = options.infile
        with open(options.infile, 'rb') as infile:
            source = infile.read()

    feature_version = None
    if options.feature_version:
        major, _, minor = options.feature_version.partition('.')
        feature_version = (int(major), int(minor))

    tree = parse(source, name, options.mode,
                 type_comments=options.no_type_comments,
                 feature_version=feature_version,
                 optimize=options.optimize)
    print(dump(tree, include_attributes=options.include_attributes,
               indent=options.indent, show_empty=options.show_empty))


if __name__ == '__main__':
    main()
