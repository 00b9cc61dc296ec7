"""The limited XPath of ElementTree's find, findall, findtext and iterfind.

A path is compiled once (and cached) into a list of steps.  Each step is a
function taking an iterable of context elements and yielding the selected
elements; the path's result is the last step applied to the first's.
Supported: tags (with {uri}, {*}, {} and prefix: forms), '*', '.', '..',
'//', and the predicates [@a], [@a='v'], [@a!='v'], [tag], [tag='t'],
[tag!='t'], [.='t'], [.!='t'], [n], [last()] and [last()-n].
"""

import re

__all__ = []   # internal to xml.etree.ElementTree

_TOKEN = re.compile(r"""
      (?P<string>'[^']*'|"[^"]*")
    | (?P<symbol>//|/|\.\.|\(\)|!=|[.*\[\]()@=])
    | (?P<name>(?:\{[^}]*\})?[^/\[\]()@!=\s'"]+)
    | (?P<space>\s+)
""", re.VERBOSE)

# Compiled paths by (path, namespaces).  Shared by all threads without a
# lock: each get, store and clear is one dict operation, and compiled steps
# are never mutated, so a race only compiles a path twice or drops the
# cache early.
_cache = {}
_CACHE_LIMIT = 100


class _Context:
    """What a compiled step needs besides its input: the root (for '..')."""

    def __init__(self, root):
        self.root = root
        self._parents = None

    def parent_of(self, elem):
        if self._parents is None:
            self._parents = {}
            for parent in self.root.iter():
                for child in parent:
                    self._parents[child] = parent
        return self._parents.get(elem)


def _tokens(path, namespaces):
    pos = 0
    result = []
    while pos < len(path):
        m = _TOKEN.match(path, pos)
        if m is None:
            raise SyntaxError("invalid path")
        pos = m.end()
        kind = m.lastgroup
        if kind == 'space':
            continue
        text = m.group()
        if kind == 'name':
            text = _expand_name(text, namespaces)
        result.append((kind, text))
    return result


def _expand_name(name, namespaces):
    if name.startswith('{') or ':' not in name:
        if (not name.startswith('{') and namespaces and '' in namespaces
                and name != '*'):
            return '{%s}%s' % (namespaces[''], name)
        return name
    prefix, _, local = name.partition(':')
    try:
        return '{%s}%s' % (namespaces[prefix], local)
    except (KeyError, TypeError):
        raise SyntaxError("prefix %r not found in prefix map" % prefix) from None


def _tag_matcher(tag):
    """A predicate on an element's tag for a step's name (with wildcards)."""
    if tag == '*':
        return lambda elem: True
    if tag == '{*}*':
        return lambda elem: isinstance(elem.tag, str)
    if tag == '{}*':
        return lambda elem: isinstance(elem.tag, str) and not elem.tag.startswith('{')
    if tag.startswith('{*}'):
        local = tag[3:]
        return lambda elem: (isinstance(elem.tag, str)
                             and (elem.tag == local or elem.tag.endswith('}' + local)))
    if tag.startswith('{}'):
        local = tag[2:]
        return lambda elem: elem.tag == local
    if tag.endswith('}*'):
        prefix = tag[:-1]
        return lambda elem: isinstance(elem.tag, str) and elem.tag.startswith(prefix)
    return lambda elem: elem.tag == tag


def _child_step(tag):
    match = _tag_matcher(tag)

    def step(context, elems):
        for elem in elems:
            for child in elem:
                if match(child):
                    yield child
    return step


def _descendant_step(tag):
    match = _tag_matcher(tag)

    def step(context, elems):
        seen = set()
        for elem in elems:
            for node in elem.iter():
                if node is not elem and match(node) and id(node) not in seen:
                    seen.add(id(node))
                    yield node
    return step


def _self_step(context, elems):
    yield from elems


def _parent_step(context, elems):
    seen = set()
    for elem in elems:
        parent = context.parent_of(elem)
        if parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            yield parent


def _unquote(token):
    kind, text = token
    if kind != 'string':
        raise SyntaxError("invalid predicate")
    return text[1:-1]


def _predicate_step(tokens):
    """Compile the tokens between '[' and ']' into a filtering step."""
    kinds = tuple(kind if kind != 'symbol' else text for kind, text in tokens)
    texts = [text for _, text in tokens]
    if kinds == ('@', 'name'):
        key = texts[1]
        return _filter(lambda e: e.get(key) is not None)
    if kinds[:2] == ('@', 'name') and len(kinds) == 4 and kinds[2] in ('=', '!='):
        key, value = texts[1], _unquote(tokens[3])
        if kinds[2] == '=':
            return _filter(lambda e: e.get(key) == value)
        return _filter(lambda e: e.get(key) is not None and e.get(key) != value)
    if kinds == ('name',):
        match = _tag_matcher(texts[0])
        if texts[0].lstrip('-').isdigit():
            return _position_step(int(texts[0]), False)
        return _filter(lambda e: any(match(c) for c in e))
    if len(kinds) == 3 and kinds[1] in ('=', '!=') and kinds[0] in ('name', '.'):
        value = _unquote(tokens[2])
        equal = kinds[1] == '='
        if kinds[0] == '.':
            return _filter(lambda e: ("".join(e.itertext()) == value) == equal)
        match = _tag_matcher(texts[0])

        def test(elem):
            for child in elem:
                if match(child) and ("".join(child.itertext()) == value) == equal:
                    return True
            return False
        return _filter(test)
    if kinds[:2] == ('name', '()') and texts[0] == 'last':
        if len(kinds) == 2:
            return _position_step(-1, True)
        if len(kinds) == 3 and kinds[2] == 'name' and texts[2].startswith('-') \
                and texts[2][1:].isdigit():
            return _position_step(-1 - int(texts[2][1:]), True)
    raise SyntaxError("invalid predicate")


def _filter(test):
    def step(context, elems):
        for elem in elems:
            if test(elem):
                yield elem
    return step


def _position_step(index, from_end):
    """[n] (1-based) or [last()-n]: the n-th of each parent's matches."""
    if not from_end:
        if index < 1:
            raise SyntaxError("XPath position >= 1 expected")
        index -= 1

    def step(context, elems):
        groups = {}
        order = []
        for elem in elems:
            parent = context.parent_of(elem)
            key = id(parent)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(elem)
        for key in order:
            group = groups[key]
            if -len(group) <= index < len(group):
                yield group[index]
    return step


def _compile(path, namespaces):
    if path[-1:] == '/':
        path += '*'
    tokens = _tokens(path, namespaces)
    if tokens and tokens[0] == ('symbol', '/'):
        raise SyntaxError("cannot use absolute path on element")
    steps = []
    i = 0
    expect_step = True
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == 'symbol' and text == '/':
            if expect_step:
                raise SyntaxError("invalid path")
            expect_step = True
            i += 1
            continue
        if kind == 'symbol' and text == '//':
            i += 1
            if i >= len(tokens):
                raise SyntaxError("invalid descendant")
            kind, text = tokens[i]
            if kind == 'name' or (kind == 'symbol' and text == '*'):
                steps.append(_descendant_step(text))
            elif kind == 'symbol' and text == '.':
                steps.append(_descendant_step('*'))
            else:
                raise SyntaxError("invalid descendant")
            i += 1
            expect_step = False
            continue
        if kind == 'symbol' and text == '[':
            if not steps:
                raise SyntaxError("invalid path")
            end = i + 1
            while end < len(tokens) and tokens[end] != ('symbol', ']'):
                end += 1
            if end == len(tokens):
                raise SyntaxError("unbalanced brackets")
            steps.append(_predicate_step(tokens[i + 1:end]))
            i = end + 1
            continue
        if not expect_step:
            raise SyntaxError("invalid path")
        if kind == 'name' or (kind == 'symbol' and text == '*'):
            steps.append(_child_step(text))
        elif kind == 'symbol' and text == '.':
            steps.append(_self_step)
        elif kind == 'symbol' and text == '..':
            steps.append(_parent_step)
        else:
            raise SyntaxError("cannot use %r in a path" % text)
        expect_step = False
        i += 1
    if not steps:
        raise SyntaxError("empty path")
    return steps


def _steps(path, namespaces):
    key = (path, tuple(sorted(namespaces.items())) if namespaces else None)
    steps = _cache.get(key)
    if steps is None:
        steps = _compile(path, namespaces)
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        _cache[key] = steps
    return steps


def iterfind(elem, path, namespaces=None):
    steps = _steps(path, namespaces)
    context = _Context(elem)
    result = iter((elem,))
    for step in steps:
        result = step(context, result)
    return result


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    found = find(elem, path, namespaces)
    if found is None:
        return default
    return found.text or ""
