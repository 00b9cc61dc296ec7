"""Canonical XML 2.0 output (https://www.w3.org/TR/xml-c14n2/) for
xml.etree.ElementTree: C14NWriterTarget and canonicalize().

The writer is a parser target.  Namespace declarations are collected as
the parser reports them and written on the first element that uses them
(in its tag, an attribute name, or a QName-aware value); attributes are
sorted by namespace URI and local name, declarations by prefix.
"""

import io

__all__ = ["C14NWriterTarget", "canonicalize"]


def canonicalize(xml_data=None, *, out=None, from_file=None, **options):
    """Canonicalize a document given as a string (`xml_data`) or a file
    (`from_file`); write to `out`'s write() or return a str."""
    if xml_data is None and from_file is None:
        raise ValueError("Either 'xml_data' or 'from_file' must be provided "
                         "as input")
    from .ElementTree import XMLParser, parse
    sink = io.StringIO() if out is None else None
    write = sink.write if sink is not None else out.write
    parser = XMLParser(target=C14NWriterTarget(write, **options))
    if xml_data is not None:
        parser.feed(xml_data)
        parser.close()
    else:
        parse(from_file, parser=parser)
    return sink.getvalue() if sink is not None else None


def _escape_text(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\r", "&#xD;"))


def _escape_attribute(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace('"', "&quot;").replace("\t", "&#x9;")
            .replace("\n", "&#xA;").replace("\r", "&#xD;"))


def _split(qualified):
    """'{uri}local' -> (uri, local); a plain name has uri ''."""
    if qualified[:1] == "{":
        uri, _, local = qualified[1:].partition("}")
        return uri, local
    return "", qualified


class C14NWriterTarget:
    """A parser target that writes the canonical form through `write`."""

    def __init__(self, write, *, with_comments=False, strip_text=False,
                 rewrite_prefixes=False, qname_aware_tags=None,
                 qname_aware_attrs=None, exclude_attrs=None,
                 exclude_tags=None):
        self._write = write
        self._with_comments = with_comments
        self._strip_text = strip_text
        self._rewrite_prefixes = rewrite_prefixes
        self._qname_tags = set(qname_aware_tags or ())
        self._qname_attrs = set(qname_aware_attrs or ())
        self._exclude_attrs = set(exclude_attrs or ())
        self._exclude_tags = set(exclude_tags or ())
        self._data = []
        # Declared scopes, one list of (prefix, uri) per open element plus
        # the one collecting declarations for the next start().
        self._declared = [[("xml", "http://www.w3.org/XML/1998/namespace")]]
        self._pending = []
        # Output scopes: the {prefix: uri} in effect in the written text.
        self._written = [{"xml": "http://www.w3.org/XML/1998/namespace"}]
        self._rewritten = {}          # uri -> n<k> when rewriting prefixes
        self._excluded_depth = 0
        self._open = 0
        self._root_done = False
        self._preserve_space = [False]
        self._names = []              # (written name, QName-aware text)

    # -- namespaces --

    def start_ns(self, prefix, uri):
        if not self._excluded_depth:
            self._pending.append((prefix, uri))

    def end_ns(self, prefix):
        pass

    def _prefix_for(self, uri):
        """The output prefix for `uri` (None: no prefix needed)."""
        if uri == "http://www.w3.org/XML/1998/namespace":
            return "xml"
        if self._rewrite_prefixes:
            if uri not in self._rewritten:
                self._rewritten[uri] = "n%d" % len(self._rewritten)
            return self._rewritten[uri]
        for scope in reversed(self._declared):
            for prefix, declared_uri in reversed(scope):
                if declared_uri == uri:
                    return prefix
        raise ValueError("Namespace %r is not declared in scope" % uri)

    def _resolve_qname_value(self, value, declarations):
        prefix, colon, local = value.partition(":")
        if not colon:
            prefix, local = "", value
        for scope in reversed(self._declared):
            for declared_prefix, uri in reversed(scope):
                if declared_prefix == prefix:
                    out = self._use(uri, declarations, element=True)
                    return "%s:%s" % (out, local) if out else local
        return value

    def _use(self, uri, declarations, element):
        """Make `uri` usable in the current element; returns its prefix
        ('' for the default namespace of an element name)."""
        if not uri:
            if element and self._written[-1].get("", "") != "":
                declarations[""] = ""
            return ""
        prefix = self._prefix_for(uri)
        if prefix == "" and not element:
            raise ValueError("attribute in the default namespace %r" % uri)
        if self._written[-1].get(prefix) != uri or prefix in declarations:
            if declarations.get(prefix, uri) != uri:
                raise ValueError("prefix %r bound to two namespaces" % prefix)
            declarations[prefix] = uri
        return prefix

    # -- content --

    def data(self, data):
        if not self._excluded_depth:
            self._data.append(data)

    def _flush(self):
        data = "".join(self._data)
        self._data = []
        if self._strip_text and not self._preserve_space[-1]:
            data = data.strip()
        if data and self._open:
            self._write(_escape_text(data))

    def start(self, tag, attrs):
        if self._excluded_depth or tag in self._exclude_tags:
            self._excluded_depth += 1
            self._pending = []
            return
        self._flush()
        self._declared.append(self._pending)
        self._pending = []
        declarations = {}
        uri, local = _split(tag)
        prefix = self._use(uri, declarations, element=True)
        name = "%s:%s" % (prefix, local) if prefix else local
        attributes = []
        for key, value in attrs.items():
            if key in self._exclude_attrs:
                continue
            attr_uri, attr_local = _split(key)
            if attr_uri:
                attr_prefix = self._use(attr_uri, declarations, element=False)
                attr_name = "%s:%s" % (attr_prefix, attr_local)
            else:
                attr_name = attr_local
            if key in self._qname_attrs or attr_local in self._qname_attrs:
                value = self._resolve_qname_value(value, declarations)
            attributes.append(((attr_uri, attr_local), attr_name, value))
        scope = dict(self._written[-1])
        scope.update(declarations)
        self._written.append(scope)
        attributes.sort(key=lambda item: item[0])
        parts = ["<", name]
        for decl_prefix in sorted(declarations):
            decl_uri = _escape_attribute(declarations[decl_prefix])
            if decl_prefix:
                parts.append(' xmlns:%s="%s"' % (decl_prefix, decl_uri))
            else:
                parts.append(' xmlns="%s"' % decl_uri)
        for _, attr_name, value in attributes:
            parts.append(' %s="%s"' % (attr_name, _escape_attribute(value)))
        parts.append(">")
        self._write("".join(parts))
        self._names.append((name, tag in self._qname_tags))
        space = attrs.get("{http://www.w3.org/XML/1998/namespace}space")
        self._preserve_space.append(
            space == "preserve" if space is not None else self._preserve_space[-1])
        self._open += 1

    def end(self, tag):
        if self._excluded_depth:
            self._excluded_depth -= 1
            return
        name, qname_text = self._names.pop()
        if qname_text and self._data:
            text = "".join(self._data).strip()
            self._data = [self._resolve_qname_value(text, {})]
        self._flush()
        self._write("</%s>" % name)
        self._preserve_space.pop()
        self._written.pop()
        self._declared.pop()
        self._open -= 1
        if self._open == 0:
            self._root_done = True

    def _outside_root(self, text):
        if self._open:
            self._write(text)
        elif self._root_done:
            self._write("\n" + text)
        else:
            self._write(text + "\n")

    def comment(self, text):
        if not self._with_comments or self._excluded_depth:
            return
        self._flush()
        self._outside_root("<!--%s-->" % _escape_text(text))

    def pi(self, target, data):
        if self._excluded_depth:
            return
        self._flush()
        self._outside_root("<?%s %s?>" % (target, _escape_text(data))
                           if data else "<?%s?>" % target)

    def close(self):
        return None
