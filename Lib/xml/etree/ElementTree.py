"""The ElementTree XML API: a tree of Element objects, parsed from XML with
the Expat parser and written back as XML, HTML or text.

Thread safety: an Element is an ordinary Python object whose children live
in a list, so single operations (append, get, set) are as atomic as the
list and dict operations under them; a tree shared between threads that
modify it needs the caller's own locking, as in CPython.  The namespace
registry is a module-level dict changed only by register_namespace.
"""

import contextlib
import io
import re
import sys
import warnings
import weakref
from collections.abc import Mapping

from . import ElementPath

__all__ = [
    "C14NWriterTarget", "Comment", "dump", "Element", "ElementTree",
    "canonicalize", "fromstring", "fromstringlist", "indent", "iselement",
    "iterparse", "parse", "ParseError", "PI", "ProcessingInstruction",
    "QName", "SubElement", "tostring", "tostringlist", "TreeBuilder",
    "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """An XML document could not be parsed; `code` is the Expat error code
    and `position` a (line, column) pair."""


def iselement(element):
    """Whether `element` looks like an Element (has a tag)."""
    return hasattr(element, 'tag')


class Element:
    """One XML element: a tag, an attribute dict, text before its first
    child, tail text after its end tag, and a list of children."""

    tag = None
    attrib = None
    text = None
    tail = None

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s"
                            % type(attrib).__name__)
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._children = []

    def __repr__(self):
        return "<%s %r at %#x>" % (type(self).__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        """Create a new element of this element's type."""
        return self.__class__(tag, attrib)

    def __copy__(self):
        elem = self.makeelement(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def __deepcopy__(self, memo):
        from copy import deepcopy
        elem = self.makeelement(self.tag, deepcopy(self.attrib, memo))
        elem.text = self.text
        elem.tail = self.tail
        elem._children = [deepcopy(child, memo) for child in self._children]
        return elem

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        warnings.warn(
            "Testing an element's truth value will always return True in "
            "future versions.  Use specific 'len(elem)' or 'elem is not None' "
            "test instead.",
            DeprecationWarning, stacklevel=2)
        return len(self._children) != 0

    def __getitem__(self, index):
        return self._children[index]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            element = list(element)
            for elt in element:
                _check_element(elt)
        else:
            _check_element(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __getstate__(self):
        return {'tag': self.tag, 'attrib': self.attrib, 'text': self.text,
                'tail': self.tail, '_children': self._children}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def append(self, subelement):
        """Add `subelement` at the end of the children."""
        _check_element(subelement, "append() argument")
        self._children.append(subelement)

    def extend(self, elements):
        """Append each element of an iterable."""
        elements = list(elements)
        for element in elements:
            _check_element(element)
        self._children.extend(elements)

    def insert(self, index, subelement):
        """Insert `subelement` before position `index`."""
        _check_element(subelement, "insert() argument 2")
        self._children.insert(index, subelement)

    def remove(self, subelement):
        """Remove the first child that is `subelement` (by identity or
        equality, as list.remove)."""
        self._children.remove(subelement)

    def find(self, path, namespaces=None):
        """The first child element matching `path`, or None."""
        return ElementPath.find(self, path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        """The text of the first element matching `path` ('' when it has
        none), or `default` when nothing matches."""
        return ElementPath.findtext(self, path, default, namespaces)

    def findall(self, path, namespaces=None):
        """A list of the elements matching `path`, in document order."""
        return ElementPath.findall(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        """An iterator over the elements matching `path`."""
        return ElementPath.iterfind(self, path, namespaces)

    def clear(self):
        """Remove all children and attributes; text and tail become None."""
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        """The value of attribute `key`, or `default`."""
        return self.attrib.get(key, default)

    def set(self, key, value):
        """Set attribute `key` to `value`."""
        self.attrib[key] = value

    def keys(self):
        """The attribute names, in document order."""
        return self.attrib.keys()

    def items(self):
        """The (name, value) pairs of the attributes."""
        return self.attrib.items()

    def iter(self, tag=None):
        """Iterate depth first over this element and its descendants,
        only those with `tag` if given ('*' means every element)."""
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        for child in self._children:
            yield from child.iter(tag)

    def itertext(self):
        """Iterate over the text of this element and its descendants, in
        document order (comments and processing instructions excluded)."""
        tag = self.tag
        if not isinstance(tag, str) and tag is not None:
            return
        if self.text:
            yield self.text
        for child in self._children:
            yield from child.itertext()
            if child.tail:
                yield child.tail


def _check_element(obj, argument=None):
    """TypeError unless `obj` is an Element, worded as CPython's."""
    if isinstance(obj, Element):
        return
    if argument is None:
        raise TypeError('expected an Element, not "%s"' % type(obj).__name__)
    raise TypeError("%s must be xml.etree.ElementTree.Element, not %s"
                    % (argument, type(obj).__name__))


def SubElement(parent, tag, attrib={}, **extra):
    """Create an element and append it to `parent`."""
    _check_element(parent, "SubElement() argument 1")
    element = parent.makeelement(tag, {**attrib, **extra})
    parent.append(element)
    return element


def Comment(text=None):
    """A comment element; its text is the comment."""
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    """A processing-instruction element."""
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name, '{uri}local', usable as a tag or attribute value."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return '<%s %r>' % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _key(self, other):
        return other.text if isinstance(other, QName) else other

    def __le__(self, other):
        return self.text <= self._key(other)

    def __lt__(self, other):
        return self.text < self._key(other)

    def __ge__(self, other):
        return self.text >= self._key(other)

    def __gt__(self, other):
        return self.text > self._key(other)

    def __eq__(self, other):
        return self.text == self._key(other)


# ---- ElementTree -----------------------------------------------------------

class ElementTree:
    """A whole document: a root element, read from and written to files."""

    def __init__(self, element=None, file=None):
        if element is not None and not iselement(element):
            raise TypeError('expected an Element, not "%s"'
                            % type(element).__name__)
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        if not iselement(element):
            raise TypeError('expected an Element, not "%s"'
                            % type(element).__name__)
        self._root = element

    def parse(self, source, parser=None):
        """Read a document from a file name or binary file object and make
        its root this tree's root; returns the root."""
        with _open_source(source, "rb") as file:
            if parser is None:
                parser = XMLParser()
            while True:
                data = file.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _relative(self, path):
        if path[:1] == "/":
            path = "." + path
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be "
                "fixed in a future version.  If you rely on the current "
                "behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._relative(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._relative(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._relative(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._relative(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *,
              short_empty_elements=True):
        """Write the tree as XML ('xml'), HTML ('html') or text ('text') to
        a file name or file object, in `encoding` ('us-ascii' by default;
        'unicode' writes str to a text file)."""
        if self._root is None:
            raise TypeError('ElementTree not initialized')
        method = method or "xml"
        if method not in _SERIALIZERS:
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "utf-8" if method == "c14n" else "us-ascii"
        with _open_sink(file_or_filename, encoding) as write:
            if method == "xml" and (xml_declaration or (
                    xml_declaration is None
                    and encoding.lower() not in ("utf-8", "us-ascii", "unicode"))):
                declared = encoding
                if encoding.lower() == "unicode":
                    import locale
                    declared = locale.getencoding()
                write("<?xml version='1.0' encoding='%s'?>\n" % declared)
            if method == "text":
                _serialize_text(write, self._root)
            elif method == "c14n":
                _serialize_c14n(write, self._root)
            else:
                qnames, namespaces = _namespaces(self._root, default_namespace)
                _SERIALIZERS[method](write, self._root, qnames, namespaces,
                                     short_empty_elements=short_empty_elements)

    def write_c14n(self, file):
        return self.write(file, method="c14n")


@contextlib.contextmanager
def _open_source(source, mode):
    if hasattr(source, "read"):
        yield source
    else:
        with open(source, mode) as file:
            yield file


@contextlib.contextmanager
def _open_sink(target, encoding):
    """Yield a write(str) function over a file name or file object."""
    unicode_output = encoding.lower() == "unicode"
    if hasattr(target, "write"):
        if unicode_output:
            yield target.write
        elif isinstance(target, io.TextIOBase):
            yield _encoded_writer(target.write, None, encoding)
        else:
            yield _encoded_writer(target.write, encoding, encoding)
        return
    if unicode_output:
        with open(target, "w", encoding="utf-8") as file:
            yield file.write
        return
    with open(target, "wb") as file:
        yield _encoded_writer(file.write, encoding, encoding)


def _encoded_writer(write, codec, encoding):
    """A writer that encodes with xmlcharrefreplace (codec None: the target
    takes str, but characters outside `encoding` are still escaped)."""
    if codec is None:
        def write_text(text):
            write(text.encode(encoding, "xmlcharrefreplace").decode(encoding))
        return write_text

    def write_bytes(text):
        write(text.encode(codec, "xmlcharrefreplace"))
    return write_bytes


# ---- serialization ---------------------------------------------------------

_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    """Use `prefix` for namespace `uri` when serializing; replaces any
    earlier prefix for the uri."""
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for known_uri, known_prefix in list(_namespace_map.items()):
        if known_uri == uri or known_prefix == prefix:
            del _namespace_map[known_uri]
    _namespace_map[uri] = prefix


def _namespaces(root, default_namespace=None):
    """Map every tag and attribute name in the tree to its serialized form;
    returns (qnames, {uri: prefix}) for the namespaces used."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        if qname[:1] == "{":
            uri, tag = qname[1:].rsplit("}", 1)
            prefix = namespaces.get(uri)
            if prefix is None:
                prefix = _namespace_map.get(uri)
                if prefix is None:
                    prefix = "ns%d" % len(namespaces)
                if prefix != "xml":
                    namespaces[uri] = prefix
            qnames[qname] = "%s:%s" % (prefix, tag) if prefix else tag
        else:
            if default_namespace:
                raise ValueError(
                    "cannot use non-qualified names with "
                    "default_namespace option")
            qnames[qname] = qname

    for elem in root.iter():
        tag = elem.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        for key, value in elem.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add_qname(key)
            if isinstance(value, QName) and value.text not in qnames:
                add_qname(value.text)
        text = elem.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _raise_serialization_error(value):
    raise TypeError("cannot serialize %r (type %s)"
                    % (value, type(value).__name__))


def _escape_cdata(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib(text):
    try:
        for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                             ('"', "&quot;"), ("\r", "&#13;"),
                             ("\n", "&#10;"), ("\t", "&#09;")):
            if raw in text:
                text = text.replace(raw, escaped)
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_html(text):
    try:
        for raw, escaped in (("&", "&amp;"), (">", "&gt;"), ('"', "&quot;")):
            if raw in text:
                text = text.replace(raw, escaped)
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _attribute_text(qnames, value, escape):
    if isinstance(value, QName):
        return qnames[value.text]
    return escape(value)


def _write_namespace_declarations(write, namespaces):
    """The xmlns attributes of the root element, ordered by prefix."""
    if not namespaces:
        return
    for uri, prefix in sorted(namespaces.items(), key=lambda item: item[1]):
        if prefix:
            prefix = ":" + prefix
        write(' xmlns%s="%s"' % (prefix, _escape_attrib(uri)))


def _serialize_xml(write, elem, qnames, namespaces,
                   short_empty_elements, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for child in elem:
                _serialize_xml(write, child, qnames, None,
                               short_empty_elements=short_empty_elements)
        else:
            write("<" + tag)
            _write_namespace_declarations(write, namespaces)
            for key, value in elem.items():
                if isinstance(key, QName):
                    key = key.text
                write(' %s="%s"' % (qnames[key],
                                    _attribute_text(qnames, value, _escape_attrib)))
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for child in elem:
                    _serialize_xml(write, child, qnames, None,
                                   short_empty_elements=short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


_HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame",
               "hr", "img", "input", "isindex", "link", "meta", "param",
               "source", "track", "wbr"}


def _serialize_html(write, elem, qnames, namespaces, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for child in elem:
                _serialize_html(write, child, qnames, None)
        else:
            write("<" + tag)
            _write_namespace_declarations(write, namespaces)
            for key, value in elem.items():
                if isinstance(key, QName):
                    key = key.text
                write(' %s="%s"' % (qnames[key],
                                    _attribute_text(qnames, value,
                                                    _escape_attrib_html)))
            write(">")
            lowered = tag.lower()
            if text:
                if lowered in ("script", "style"):
                    write(text)
                else:
                    write(_escape_cdata(text))
            for child in elem:
                _serialize_html(write, child, qnames, None)
            if lowered not in _HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


def _serialize_c14n(write, elem):
    target = C14NWriterTarget(write)
    builder_feed(target, elem)
    target.close()


_SERIALIZERS = {
    "xml": _serialize_xml,
    "html": _serialize_html,
    "text": None,
    "c14n": _serialize_c14n,
}


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """Serialize `element` and its subtree: bytes in `encoding`
    ('us-ascii' by default), or str when encoding is 'unicode'."""
    stream = io.StringIO() if encoding == 'unicode' else io.BytesIO()
    ElementTree(element).write(stream, encoding,
                               xml_declaration=xml_declaration,
                               default_namespace=default_namespace,
                               method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


class _ListDataStream(io.BufferedIOBase):
    """A binary sink collecting what is written into a list."""

    def __init__(self, parts):
        self._parts = parts

    def writable(self):
        return True

    def seekable(self):
        return True

    def write(self, data):
        self._parts.append(data)
        return len(data)

    def tell(self):
        return len(self._parts)


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    """Like tostring(), but a list of pieces that join to the same output."""
    parts = []
    if encoding == 'unicode':
        class _Sink(io.TextIOBase):
            def writable(self):
                return True

            def write(self, text):
                parts.append(text)
                return len(text)
        stream = _Sink()
    else:
        stream = _ListDataStream(parts)
    ElementTree(element).write(stream, encoding,
                               xml_declaration=xml_declaration,
                               default_namespace=default_namespace,
                               method=method,
                               short_empty_elements=short_empty_elements)
    return parts


def dump(elem):
    """Write an element or tree to sys.stdout (for debugging)."""
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent the subtree in place with whitespace text and tails, `space`
    per level, starting at depth `level`."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if not len(tree):
        return
    indentations = ["\n" + level * space]

    def walk(elem, depth):
        child_depth = depth + 1
        try:
            child_indent = indentations[child_depth]
        except IndexError:
            child_indent = indentations[depth] + space
            indentations.append(child_indent)
        if not elem.text or not elem.text.strip():
            elem.text = child_indent
        for child in elem:
            if len(child):
                walk(child, child_depth)
            if not child.tail or not child.tail.strip():
                child.tail = child_indent
        if not child.tail.strip():
            child.tail = indentations[depth]

    walk(tree, 0)


# ---- parsing -----------------------------------------------------------------

def parse(source, parser=None):
    """Parse a file name or binary file object into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def iterparse(source, events=None, parser=None):
    """Parse incrementally, yielding (event, element) pairs for `events`
    (default ('end',)) of 'start', 'end', 'start-ns', 'end-ns', 'comment',
    'pi'; the iterator's `root` is set once the document is done."""
    pull = XMLPullParser(events=events, _parser=parser)
    owns_file = not hasattr(source, "read")
    file = open(source, "rb") if owns_file else source

    class IterParseIterator:
        root = None

        def __init__(self):
            self._gen = self._events()

        def _events(self):
            try:
                while True:
                    yield from pull.read_events()
                    data = file.read(16 * 1024)
                    if not data:
                        break
                    pull.feed(data)
                root = pull._close_and_return_root()
                yield from pull.read_events()
                self.root = root
            finally:
                if owns_file:
                    file.close()

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._gen)

        def close(self):
            self._gen.close()
            if owns_file and not file.closed:
                file.close()

        def __del__(self):
            if owns_file and not file.closed:
                file.close()

    return IterParseIterator()


class XMLPullParser:
    """A non-blocking parser: feed() data, then read_events()."""

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._index = 0
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        self._parser._setevents(self._events_queue, events)

    def feed(self, data):
        """Feed bytes or str to the parser."""
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        """Finish parsing; the remaining events stay readable."""
        self._close_and_return_root()

    def read_events(self):
        """Iterate over the events queued so far, consuming them."""
        events = self._events_queue
        while self._index < len(events):
            event = events[self._index]
            events[self._index] = None
            self._index += 1
            if isinstance(event, Exception):
                raise event
            yield event
        del events[:]
        self._index = 0

    def flush(self):
        if self._parser is None:
            raise ValueError("flush() called after end of stream")
        self._parser.flush()


def XML(text, parser=None):
    """Parse a document from a string (or bytes) and return its root."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def XMLID(text, parser=None):
    """Parse a document and return (root, {id attribute: element})."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    tree = parser.close()
    ids = {}
    for elem in tree.iter():
        identifier = elem.get("id")
        if identifier:
            ids[identifier] = elem
    return tree, ids


def fromstringlist(sequence, parser=None):
    """Parse a document given as a sequence of fragments."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


class TreeBuilder:
    """Builds a tree from start/data/end calls (an XMLParser target)."""

    def __init__(self, element_factory=None, *,
                 comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []
        self._elem = []
        self._last = None
        self._root = None
        self._tail = None
        self._comment_factory = comment_factory or Comment
        self.insert_comments = insert_comments
        self._pi_factory = pi_factory or ProcessingInstruction
        self.insert_pis = insert_pis
        self._factory = element_factory or Element

    def close(self):
        """Finish and return the root element."""
        if len(self._elem) != 0:
            raise AssertionError("missing end tags")
        if self._root is None:
            raise AssertionError("missing toplevel element")
        return self._root

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    if self._last.tail:
                        raise AssertionError("internal error (tail)")
                    self._last.tail = text
                else:
                    if self._last.text:
                        raise AssertionError("internal error (text)")
                    self._last.text = text
            self._data = []

    def data(self, data):
        """Add text to the current element."""
        self._data.append(data)

    def start(self, tag, attrs):
        """Open an element; returns it."""
        self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        """Close the current element; returns it."""
        self._flush()
        self._last = self._elem.pop()
        if self._last.tag != tag:
            raise AssertionError("end tag mismatch (expected %s, got %s)"
                                 % (self._last.tag, tag))
        self._tail = 1
        return self._last

    def comment(self, text):
        """Create a comment (inserted into the tree if insert_comments)."""
        return self._special(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        """Create a processing instruction (inserted if insert_pis)."""
        return self._special(self._pi_factory, self.insert_pis, target, text)

    def _special(self, factory, insert, *args):
        elem = factory(*args)
        if insert:
            self._flush()
            self._last = elem
            if self._elem:
                self._elem[-1].append(elem)
            self._tail = 1
        return elem


def builder_feed(target, elem):
    """Replay an existing tree as target calls (used by c14n output)."""
    tag = elem.tag
    if tag is Comment:
        if hasattr(target, "comment"):
            target.comment(elem.text)
    elif tag is ProcessingInstruction:
        if hasattr(target, "pi"):
            target_name, _, data = (elem.text or "").partition(" ")
            target.pi(target_name, data)
    else:
        target.start(tag, dict(elem.attrib))
        if elem.text:
            target.data(elem.text)
        for child in elem:
            builder_feed(target, child)
        target.end(tag)
    if elem.tail:
        target.data(elem.tail)


class XMLParser:
    """An Expat-based parser feeding a target (a TreeBuilder by default);
    close() returns the target's close() result."""

    def __init__(self, *, target=None, encoding=None):
        try:
            from xml.parsers import expat
        except ImportError:
            raise ImportError("No module named expat; use SimpleXMLTreeBuilder "
                              "instead")
        parser = expat.ParserCreate(encoding, "}")
        if target is None:
            target = TreeBuilder()
        self.parser = self._parser = parser
        self.target = self._target = target
        self._error = expat.error
        self._names = {}
        parser.DefaultHandlerExpand = self._default
        if hasattr(target, 'start'):
            parser.StartElementHandler = self._start
        if hasattr(target, 'end'):
            parser.EndElementHandler = self._end
        if hasattr(target, 'start_ns'):
            parser.StartNamespaceDeclHandler = self._start_ns
        if hasattr(target, 'end_ns'):
            parser.EndNamespaceDeclHandler = self._end_ns
        if hasattr(target, 'data'):
            parser.CharacterDataHandler = target.data
        if hasattr(target, 'comment'):
            parser.CommentHandler = target.comment
        if hasattr(target, 'pi'):
            parser.ProcessingInstructionHandler = target.pi
        parser.buffer_text = 1
        parser.ordered_attributes = 1
        self._doctype = None
        self.entity = {}
        try:
            self.version = "Expat %d.%d.%d" % expat.version_info
        except AttributeError:
            pass

    def _setevents(self, events_queue, events_to_report):
        """Report the named events into `events_queue` (for XMLPullParser
        and iterparse)."""
        parser = self._parser
        append = events_queue.append
        for event_name in events_to_report:
            if event_name == "start":
                parser.ordered_attributes = 1

                def handler(tag, attrib_in, event=event_name, append=append,
                            start=self._start):
                    append((event, start(tag, attrib_in)))
                parser.StartElementHandler = handler
            elif event_name == "end":
                def handler(tag, event=event_name, append=append,
                            end=self._end):
                    append((event, end(tag)))
                parser.EndElementHandler = handler
            elif event_name == "start-ns":
                if hasattr(self.target, "start_ns"):
                    def handler(prefix, uri, event=event_name, append=append,
                                start_ns=self._start_ns):
                        append((event, start_ns(prefix, uri)))
                else:
                    def handler(prefix, uri, event=event_name, append=append):
                        append((event, (prefix or '', uri or '')))
                parser.StartNamespaceDeclHandler = handler
            elif event_name == "end-ns":
                if hasattr(self.target, "end_ns"):
                    def handler(prefix, event=event_name, append=append,
                                end_ns=self._end_ns):
                        append((event, end_ns(prefix)))
                else:
                    def handler(prefix, event=event_name, append=append):
                        append((event, None))
                parser.EndNamespaceDeclHandler = handler
            elif event_name == 'comment':
                def handler(text, event=event_name, append=append, self=self):
                    append((event, self.target.comment(text)))
                parser.CommentHandler = handler
            elif event_name == 'pi':
                def handler(pi_target, data, event=event_name, append=append,
                            self=self):
                    append((event, self.target.pi(pi_target, data)))
                parser.ProcessingInstructionHandler = handler
            else:
                raise ValueError("unknown event %r" % event_name)

    def _raiseerror(self, value):
        err = ParseError(value)
        err.code = value.code
        err.position = value.lineno, value.offset
        raise err

    def _fixname(self, key):
        """'uri}local' (Expat's namespace form) becomes '{uri}local'."""
        try:
            return self._names[key]
        except KeyError:
            name = key
            if "}" in name:
                name = "{" + name
            self._names[key] = name
            return name

    def _start_ns(self, prefix, uri):
        return self.target.start_ns(prefix or '', uri or '')

    def _end_ns(self, prefix):
        return self.target.end_ns(prefix or '')

    def _start(self, tag, attr_list):
        fixname = self._fixname
        tag = fixname(tag)
        attrib = {}
        if attr_list:
            for i in range(0, len(attr_list), 2):
                attrib[fixname(attr_list[i])] = attr_list[i + 1]
        return self.target.start(tag, attrib)

    def _end(self, tag):
        return self.target.end(self._fixname(tag))

    def _default(self, text):
        prefix = text[:1]
        if prefix == "&":
            # An entity Expat could not resolve (only with an external DTD).
            data_handler = getattr(self.target, "data", None)
            if data_handler is None:
                return
            try:
                data_handler(self.entity[text[1:-1]])
            except KeyError:
                from xml.parsers import expat
                err = expat.error(
                    "undefined entity %s: line %d, column %d"
                    % (text, self.parser.ErrorLineNumber,
                       self.parser.ErrorColumnNumber))
                err.code = 11
                err.lineno = self.parser.ErrorLineNumber
                err.offset = self.parser.ErrorColumnNumber
                raise err
        elif prefix == "<" and text[:9] == "<!DOCTYPE":
            self._doctype = []
        elif self._doctype is not None:
            if prefix == ">":
                self._doctype = None
                return
            text = text.strip()
            if not text:
                return
            self._doctype.append(text)
            if len(self._doctype) > 2:
                kind = self._doctype[1]
                if kind == "PUBLIC" and len(self._doctype) == 4:
                    name, kind, pubid, system = self._doctype
                    pubid = pubid[1:-1] if pubid else pubid
                elif kind == "SYSTEM" and len(self._doctype) == 3:
                    name, kind, system = self._doctype
                    pubid = None
                else:
                    return
                if hasattr(self.target, "doctype"):
                    self.target.doctype(name, pubid, system[1:-1])
                self._doctype = None

    def feed(self, data):
        """Feed bytes or str to the parser."""
        try:
            self.parser.Parse(data, False)
        except self._error as v:
            self._raiseerror(v)

    def close(self):
        """Finish parsing and return the target's close() result."""
        try:
            self.parser.Parse(b"", True)
        except self._error as v:
            self._raiseerror(v)
        try:
            close_handler = self.target.close
        except AttributeError:
            pass
        else:
            return close_handler()
        finally:
            del self.parser, self._parser
            del self.target, self._target

    def flush(self):
        was_enabled = self.parser.GetReparseDeferralEnabled()
        try:
            self.parser.SetReparseDeferralEnabled(False)
            self.parser.Parse(b"", False)
        except self._error as v:
            self._raiseerror(v)
        finally:
            self.parser.SetReparseDeferralEnabled(was_enabled)


from ._c14n import C14NWriterTarget, canonicalize  # noqa: E402
