"""The Document node and the DOMImplementation of xml.dom.minidom, with
node cloning and the parse()/parseString() entry points."""

import xml.dom
from xml.dom import EMPTY_NAMESPACE, XMLNS_NAMESPACE, XML_NAMESPACE, Node

from .minidom import (Attr, CDATASection, Comment, DocumentFragment,
                      DocumentType, Element, Entity, Node as _MiniNode,
                      NodeList, Notation, ProcessingInstruction, Text,
                      _elements_by_tag_name, _elements_by_tag_name_ns,
                      _split_qname)


class ElementInfo:
    """What the DTD says about one element type: its attribute
    declarations (for ID attributes) and its content model."""
    __slots__ = ('tagName', '_attr_info', '_model')

    def __init__(self, name, model=None):
        self.tagName = name
        self._attr_info = []
        self._model = model

    def getAttributeType(self, aname):
        for info in self._attr_info:
            if info[1] == aname:
                return info[2]
        return None

    def getAttributeTypeNS(self, namespaceURI, localName):
        return None

    def isElementContent(self):
        if self._model is None:
            return False
        from xml.parsers import expat
        return self._model[0] not in (expat.model.XML_CTYPE_ANY,
                                      expat.model.XML_CTYPE_MIXED)

    def isEmpty(self):
        if self._model is None:
            return False
        from xml.parsers import expat
        return self._model[0] == expat.model.XML_CTYPE_EMPTY

    def isId(self, aname):
        return self.getAttributeType(aname) == "ID"

    def isIdNS(self, euri, ename, auri=None, aname=None):
        return False


class Document(_MiniNode):
    """A whole document: the root of a tree and the factory of its nodes."""

    nodeType = Node.DOCUMENT_NODE
    nodeName = "#document"
    nodeValue = None
    attributes = None
    parentNode = None
    previousSibling = nextSibling = None
    actualEncoding = None
    encoding = None
    standalone = None
    version = None
    strictErrorChecking = False
    errorHandler = None
    documentURI = None
    _magic_id_count = 0
    _child_types = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE,
                    Node.COMMENT_NODE, Node.DOCUMENT_TYPE_NODE)

    def __init__(self):
        self.doctype = None
        self.implementation = DOMImplementation()
        self.childNodes = NodeList()
        self._elem_info = {}
        self._id_cache = {}
        self._id_search_stack = None

    @property
    def documentElement(self):
        for node in self.childNodes:
            if node.nodeType == Node.ELEMENT_NODE:
                return node
        return None

    def _get_elem_info(self, element):
        if element.namespaceURI:
            key = (element.namespaceURI, element.localName)
        else:
            key = element.tagName
        return self._elem_info.get(key)

    def appendChild(self, node):
        if node.nodeType not in self._child_types:
            raise xml.dom.HierarchyRequestErr(
                "%s cannot be child of %s" % (repr(node), repr(self)))
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        if node.nodeType == Node.ELEMENT_NODE and self.documentElement:
            raise xml.dom.HierarchyRequestErr(
                "two document elements disallowed")
        return _MiniNode.appendChild(self, node)

    def removeChild(self, oldChild):
        try:
            self.childNodes.remove(oldChild)
        except ValueError:
            raise xml.dom.NotFoundErr() from None
        oldChild.nextSibling = oldChild.previousSibling = None
        oldChild.parentNode = None
        if self.doctype is oldChild:
            self.doctype = None
        return oldChild

    def unlink(self):
        if self.doctype is not None:
            self.doctype.unlink()
            self.doctype = None
        _MiniNode.unlink(self)

    def cloneNode(self, deep):
        if not deep:
            return None
        clone = self.implementation.createDocument(None, None, None)
        clone.encoding = self.encoding
        clone.standalone = self.standalone
        clone.version = self.version
        for node in self.childNodes:
            child = _clone_node(node, deep, clone)
            if child.nodeType == Node.DOCUMENT_TYPE_NODE:
                clone.doctype = child
            child.parentNode = clone
            clone._append(child)
        self._call_user_data_handler(xml.dom.UserDataHandler.NODE_CLONED,
                                     self, clone)
        return clone

    # -- factories --

    def createDocumentFragment(self):
        fragment = DocumentFragment()
        fragment.ownerDocument = self
        return fragment

    def createElement(self, tagName):
        element = Element(tagName)
        element.ownerDocument = self
        return element

    def createTextNode(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        text = Text()
        text.data = data
        text.ownerDocument = self
        return text

    def createCDATASection(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        section = CDATASection()
        section.data = data
        section.ownerDocument = self
        return section

    def createComment(self, data):
        comment = Comment(data)
        comment.ownerDocument = self
        return comment

    def createProcessingInstruction(self, target, data):
        pi = ProcessingInstruction(target, data)
        pi.ownerDocument = self
        return pi

    def createAttribute(self, qName):
        attr = Attr(qName)
        attr.ownerDocument = self
        attr.value = ""
        return attr

    def createElementNS(self, namespaceURI, qualifiedName):
        prefix, localName = _split_qname(qualifiedName)
        element = Element(qualifiedName, namespaceURI, prefix)
        element.ownerDocument = self
        return element

    def createAttributeNS(self, namespaceURI, qualifiedName):
        prefix, localName = _split_qname(qualifiedName)
        attr = Attr(qualifiedName, namespaceURI, localName, prefix)
        attr.ownerDocument = self
        attr.value = ""
        return attr

    def _create_entity(self, name, publicId, systemId, notationName):
        entity = Entity(name, publicId, systemId, notationName)
        entity.ownerDocument = self
        return entity

    def _create_notation(self, name, publicId, systemId):
        notation = Notation(name, publicId, systemId)
        notation.ownerDocument = self
        return notation

    # -- queries --

    def getElementById(self, id):
        """The element whose ID-typed attribute (declared in the DTD or by
        setIdAttribute) has value `id`, or None."""
        if id in self._id_cache:
            return self._id_cache[id]
        if not (self._elem_info or self._magic_id_count):
            return None
        stack = [self.documentElement] if self.documentElement else []
        while stack:
            node = stack.pop()
            if node.nodeType != Node.ELEMENT_NODE:
                continue
            stack.extend(reversed([child for child in node.childNodes
                                   if child.nodeType == Node.ELEMENT_NODE]))
            info = self._get_elem_info(node)
            for attr in node._attrs.values():
                is_id = attr._is_id or (
                    info is not None and (
                        info.isIdNS(attr.namespaceURI, attr.localName)
                        if attr.namespaceURI else info.isId(attr.name)))
                if is_id:
                    self._id_cache[attr.value] = node
                    if attr.value == id:
                        return node
        return None

    def getElementsByTagName(self, name):
        return _elements_by_tag_name(self, name, NodeList())

    def getElementsByTagNameNS(self, namespaceURI, localName):
        return _elements_by_tag_name_ns(self, namespaceURI, localName,
                                        NodeList())

    def isSupported(self, feature, version):
        return self.implementation.hasFeature(feature, version)

    def importNode(self, node, deep):
        if node.nodeType == Node.DOCUMENT_NODE:
            raise xml.dom.NotSupportedErr("cannot import document nodes")
        if node.nodeType == Node.DOCUMENT_TYPE_NODE:
            raise xml.dom.NotSupportedErr("cannot import document type nodes")
        return _clone_node(node, deep, self)

    def renameNode(self, n, namespaceURI, name):
        if n.nodeType not in (Node.ELEMENT_NODE, Node.ATTRIBUTE_NODE):
            raise xml.dom.NotSupportedErr(
                "renameNode() only applies to element and attribute nodes")
        if n.ownerDocument is not self:
            raise xml.dom.WrongDocumentErr()
        prefix, localName = _split_qname(name)
        if prefix == "xmlns" and namespaceURI != XMLNS_NAMESPACE:
            raise xml.dom.NamespaceErr(
                "illegal use of 'xmlns' prefix")
        if n.nodeType == Node.ELEMENT_NODE:
            n.tagName = n.nodeName = name
            n.prefix = prefix
            n._localName = localName
        else:
            element = n.ownerElement
            if element is not None:
                element.removeAttributeNode(n)
            n._name = name
            n._prefix = prefix
            n._localName = localName
            if element is not None:
                element.setAttributeNode(n)
        n.namespaceURI = namespaceURI
        n._call_user_data_handler(xml.dom.UserDataHandler.NODE_RENAMED, n, None)
        return n

    def writexml(self, writer, indent="", addindent="", newl="", encoding=None,
                 standalone=None):
        """Write the XML declaration and every top-level node."""
        declarations = []
        if encoding:
            declarations.append(f'encoding="{encoding}"')
        if standalone is not None:
            declarations.append(f'standalone="{"yes" if standalone else "no"}"')
        writer.write(f'<?xml version="1.0" {" ".join(declarations)}?>{newl}')
        for node in self.childNodes:
            node.writexml(writer, indent, addindent, newl)

    def __repr__(self):
        return "<xml.dom.minidom.Document object at %#x>" % id(self)


def _clone_node(node, deep, owner):
    """A copy of `node` owned by `owner` (children too when `deep`)."""
    kind = node.nodeType
    if kind == Node.ELEMENT_NODE:
        clone = owner.createElementNS(node.namespaceURI, node.nodeName)
        for attr in node._attrs.values():
            clone.setAttributeNS(attr.namespaceURI, attr.nodeName, attr.value)
            copied = clone.getAttributeNodeNS(attr.namespaceURI, attr.localName)
            copied._is_id = attr._is_id
        if deep:
            for child in node.childNodes:
                clone.appendChild(_clone_node(child, deep, owner))
    elif kind == Node.DOCUMENT_FRAGMENT_NODE:
        clone = owner.createDocumentFragment()
        if deep:
            for child in node.childNodes:
                clone.appendChild(_clone_node(child, deep, owner))
    elif kind == Node.TEXT_NODE:
        clone = owner.createTextNode(node.data)
    elif kind == Node.CDATA_SECTION_NODE:
        clone = owner.createCDATASection(node.data)
    elif kind == Node.PROCESSING_INSTRUCTION_NODE:
        clone = owner.createProcessingInstruction(node.target, node.data)
    elif kind == Node.COMMENT_NODE:
        clone = owner.createComment(node.data)
    elif kind == Node.ATTRIBUTE_NODE:
        clone = owner.createAttributeNS(node.namespaceURI, node.nodeName)
        clone.value = node.value
    elif kind == Node.DOCUMENT_TYPE_NODE:
        clone = DocumentType(node.name)
        clone.publicId = node.publicId
        clone.systemId = node.systemId
        clone.internalSubset = node.internalSubset
        clone.ownerDocument = owner
        if deep:
            clone.entities._seq = []
            clone.notations._seq = []
            for notation in node.notations._seq:
                copy = Notation(notation.nodeName, notation.publicId,
                                notation.systemId)
                copy.ownerDocument = owner
                clone.notations._seq.append(copy)
            for entity in node.entities._seq:
                copy = Entity(entity.nodeName, entity.publicId,
                              entity.systemId, entity.notationName)
                copy.actualEncoding = entity.actualEncoding
                copy.encoding = entity.encoding
                copy.version = entity.version
                copy.ownerDocument = owner
                clone.entities._seq.append(copy)
    else:
        raise xml.dom.NotSupportedErr("Cannot clone node %s" % repr(node))
    operation = (xml.dom.UserDataHandler.NODE_CLONED
                 if node.ownerDocument is owner
                 else xml.dom.UserDataHandler.NODE_IMPORTED)
    node._call_user_data_handler(operation, node, clone)
    return clone


class DOMImplementation:
    """Creates documents and document types; answers hasFeature()."""

    _features = [("core", "1.0"), ("core", "2.0"), ("core", None),
                 ("xml", "1.0"), ("xml", "2.0"), ("xml", None),
                 ("ls-load", "3.0"), ("ls-load", None)]

    def hasFeature(self, feature, version):
        if version == "":
            version = None
        return (feature.lower(), version) in self._features

    def createDocument(self, namespaceURI, qualifiedName, doctype):
        if doctype and doctype.parentNode is not None:
            raise xml.dom.WrongDocumentErr(
                "doctype object owned by another DOM tree")
        doc = Document()
        add_root_element = not (namespaceURI is None and qualifiedName is None
                                and doctype is None)
        if not qualifiedName and add_root_element:
            raise xml.dom.InvalidCharacterErr("Element with no name")
        if add_root_element:
            prefix, localname = _split_qname(qualifiedName)
            if prefix == "xml" and namespaceURI != XML_NAMESPACE:
                raise xml.dom.NamespaceErr("illegal use of 'xml' prefix")
            if prefix and not namespaceURI:
                raise xml.dom.NamespaceErr(
                    "illegal use of prefix without namespaces")
            element = doc.createElementNS(namespaceURI, qualifiedName)
            if doctype:
                doc.appendChild(doctype)
            doc.appendChild(element)
        if doctype:
            doctype.parentNode = doctype.ownerDocument = doc
        doc.doctype = doctype
        doc.implementation = self
        return doc

    def createDocumentType(self, qualifiedName, publicId, systemId):
        doctype = DocumentType(qualifiedName)
        doctype.publicId = publicId
        doctype.systemId = systemId
        return doctype

    def getInterface(self, feature):
        if self.hasFeature(feature, None):
            return self
        return None


def getDOMImplementation(features=None):
    """The minidom implementation (None if it lacks `features`)."""
    implementation = DOMImplementation()
    if features:
        if isinstance(features, str):
            from xml.dom.domreg import _parse_feature_string
            features = _parse_feature_string(features)
        for feature, version in features:
            if not implementation.hasFeature(feature, version):
                return None
    return implementation


def parse(file, parser=None, bufsize=None):
    """Parse a file name or binary file object into a Document."""
    if parser is None and not bufsize:
        from xml.dom import expatbuilder
        return expatbuilder.parse(file)
    from xml.dom import pulldom
    return _do_pulldom_parse(pulldom.parse, (file,),
                             {'parser': parser, 'bufsize': bufsize})


def parseString(string, parser=None):
    """Parse a document given as str or bytes into a Document."""
    if parser is None:
        from xml.dom import expatbuilder
        return expatbuilder.parseString(string)
    from xml.dom import pulldom
    return _do_pulldom_parse(pulldom.parseString, (string,),
                             {'parser': parser})


def _do_pulldom_parse(func, args, kwargs):
    events = func(*args, **kwargs)
    event, root = events.getEvent()
    events.expandNode(root)
    events.clear()
    return root
