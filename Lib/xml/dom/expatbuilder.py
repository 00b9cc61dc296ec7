"""Build xml.dom.minidom trees with the Expat parser.

parse() and parseString() read a whole document; with namespaces (the
default) element and attribute nodes carry their namespace URI, prefix and
local name, and namespace declarations stay as xmlns attributes.
"""

import xml.dom
from xml.dom import XMLNS_NAMESPACE
from xml.dom import minidom
from xml.parsers import expat

__all__ = ["ExpatBuilder", "ExpatBuilderNS", "parse", "parseString"]


class ExpatBuilder:
    """Builds a Document from Expat's events (no namespace processing)."""

    namespaces = False

    def __init__(self, options=None):
        self.document = None
        self._parser = None

    def reset(self):
        self.document = minidom.getDOMImplementation().createDocument(
            None, None, None)
        self._current = self.document
        self._in_cdata = False
        self._pending_ns = []
        self._doctype_start = None
        self._raw = b""

    def _create_parser(self, encoding):
        if self.namespaces:
            parser = expat.ParserCreate(encoding, " ", intern={})
            parser.namespace_prefixes = True
            parser.StartNamespaceDeclHandler = self._start_namespace
        else:
            parser = expat.ParserCreate(encoding, intern={})
        parser.buffer_text = True
        parser.ordered_attributes = True
        parser.specified_attributes = True
        parser.StartElementHandler = self._start_element
        parser.EndElementHandler = self._end_element
        parser.CharacterDataHandler = self._character_data
        parser.CommentHandler = self._comment
        parser.ProcessingInstructionHandler = self._processing_instruction
        parser.StartCdataSectionHandler = self._start_cdata
        parser.EndCdataSectionHandler = self._end_cdata
        parser.XmlDeclHandler = self._xml_decl
        parser.StartDoctypeDeclHandler = self._start_doctype
        parser.EndDoctypeDeclHandler = self._end_doctype
        parser.EntityDeclHandler = self._entity_decl
        parser.NotationDeclHandler = self._notation_decl
        parser.ElementDeclHandler = self._element_decl
        parser.AttlistDeclHandler = self._attlist_decl
        return parser

    def parseFile(self, file):
        """Build a Document from a binary file object."""
        return self.parseString(file.read())

    def parseString(self, string):
        """Build a Document from str or bytes."""
        self.reset()
        if isinstance(string, str):
            data = string.encode("utf-8")
            parser = self._create_parser("utf-8")
        else:
            data = bytes(string)
            parser = self._create_parser(None)
        self._raw = data
        self._parser = parser
        try:
            parser.Parse(data, True)
        finally:
            self._parser = None
            self._raw = b""
        document = self.document
        self.document = self._current = None
        return document

    # -- tree building --

    def _append(self, node):
        node.ownerDocument = self.document
        self._current._append(node)

    def _qualified(self, name):
        """Expat's name -> (qualified name, uri, local name, prefix)."""
        if not self.namespaces:
            return name, None, None, None
        parts = name.split(" ")
        if len(parts) == 3:
            uri, local, prefix = parts
            return "%s:%s" % (prefix, local), uri, local, prefix
        if len(parts) == 2:
            uri, local = parts
            return local, uri, local, None
        return name, None, name, None

    def _start_namespace(self, prefix, uri):
        self._pending_ns.append((prefix, uri))

    def _start_element(self, name, attributes):
        qname, uri, local, prefix = self._qualified(name)
        if self.namespaces:
            node = minidom.Element(qname, uri, prefix, local)
        else:
            node = minidom.Element(qname)
        node.ownerDocument = self.document
        for ns_prefix, ns_uri in self._pending_ns:
            if ns_prefix:
                attr = minidom.Attr("xmlns:" + ns_prefix, XMLNS_NAMESPACE,
                                    ns_prefix, "xmlns")
            else:
                attr = minidom.Attr("xmlns", XMLNS_NAMESPACE, "xmlns", None)
            self._attach(node, attr, ns_uri or "")
        self._pending_ns = []
        for i in range(0, len(attributes), 2):
            aq, auri, alocal, aprefix = self._qualified(attributes[i])
            if self.namespaces:
                attr = minidom.Attr(aq, auri, alocal, aprefix)
            else:
                attr = minidom.Attr(aq)
            self._attach(node, attr, attributes[i + 1])
        self._current._append(node)
        self._current = node

    def _attach(self, element, attr, value):
        attr._value = value
        attr.ownerDocument = self.document
        attr.ownerElement = element
        element._attrs[attr.name] = attr
        element._attrsNS[(attr.namespaceURI, attr.localName)] = attr

    def _end_element(self, name):
        self._current = self._current.parentNode

    def _character_data(self, data):
        children = self._current.childNodes
        if self._in_cdata:
            if children and children[-1].nodeType == xml.dom.Node.CDATA_SECTION_NODE \
                    and self._cdata_open is children[-1]:
                children[-1]._data += data
                return
            node = minidom.CDATASection()
            node._data = data
            self._cdata_open = node
            self._append(node)
            return
        if children and children[-1].nodeType == xml.dom.Node.TEXT_NODE:
            children[-1]._data += data
            return
        if self._current is self.document:
            return
        node = minidom.Text()
        node._data = data
        self._append(node)

    def _start_cdata(self):
        self._in_cdata = True
        self._cdata_open = None

    def _end_cdata(self):
        self._in_cdata = False
        self._cdata_open = None

    def _comment(self, data):
        self._append(minidom.Comment(data))

    def _processing_instruction(self, target, data):
        self._append(minidom.ProcessingInstruction(target, data))

    # -- prolog and DTD --

    def _xml_decl(self, version, encoding, standalone):
        self.document.version = version
        self.document.encoding = encoding
        if standalone >= 0:
            self.document.standalone = bool(standalone)

    def _start_doctype(self, name, system_id, public_id, has_internal_subset):
        doctype = self.document.implementation.createDocumentType(
            name, public_id, system_id)
        doctype.ownerDocument = self.document
        self.document.doctype = doctype
        self._current._append(doctype)
        self._doctype_start = (self._parser.CurrentByteIndex
                               if has_internal_subset else None)

    def _end_doctype(self):
        start = self._doctype_start
        self._doctype_start = None
        if start is None:
            return
        # The internal subset is the raw text between the brackets.
        raw = self._raw
        end = self._parser.CurrentByteIndex
        opening = raw.find(b"[", start)
        closing = raw.rfind(b"]", start, max(end, opening) + 1)
        if closing < 0 or end < 0:
            closing = raw.find(b"]>", opening)
        if 0 <= opening < closing:
            encoding = self.document.encoding or "utf-8"
            try:
                subset = raw[opening + 1:closing].decode(encoding)
            except (LookupError, UnicodeDecodeError):
                subset = raw[opening + 1:closing].decode("utf-8", "replace")
            self.document.doctype.internalSubset = subset.strip()

    def _entity_decl(self, name, is_parameter_entity, value, base, system_id,
                     public_id, notation_name):
        if is_parameter_entity:
            return
        doctype = self.document.doctype
        node = self.document._create_entity(name, public_id, system_id,
                                            notation_name)
        if value is not None:
            text = self.document.createTextNode(value)
            node.childNodes.append(text)
        doctype.entities._seq.append(node)

    def _notation_decl(self, name, base, system_id, public_id):
        node = self.document._create_notation(name, public_id, system_id)
        self.document.doctype.notations._seq.append(node)

    def _element_info(self, name):
        info = self.document._elem_info.get(name)
        if info is None:
            info = minidom.ElementInfo(name)
            self.document._elem_info[name] = info
        return info

    def _element_decl(self, name, model):
        self._element_info(name)._model = model

    def _attlist_decl(self, element, name, attribute_type, default, required):
        self._element_info(element)._attr_info.append(
            (None, name, attribute_type, default, required))


class ExpatBuilderNS(ExpatBuilder):
    """Builds a Document with namespace processing."""

    namespaces = True


def parse(file, namespaces=True):
    """Parse a file name or binary file object into a Document."""
    builder = ExpatBuilderNS() if namespaces else ExpatBuilder()
    if isinstance(file, str) or hasattr(file, "__fspath__"):
        with open(file, "rb") as fp:
            return builder.parseFile(fp)
    return builder.parseFile(file)


def parseString(string, namespaces=True):
    """Parse a document given as str or bytes into a Document."""
    builder = ExpatBuilderNS() if namespaces else ExpatBuilder()
    return builder.parseString(string)
