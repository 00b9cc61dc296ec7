"""A small implementation of the W3C DOM (Level 1 core with the parts of
Level 2 namespaces programs use), built by parsing with Expat.

    doc = parseString("<a x='1'><b/>text</a>")
    doc.documentElement.getAttribute("x")
    doc.toprettyxml()

Trees are ordinary Python objects linked both ways (parentNode, siblings);
unlink() breaks the cycles early.  Like CPython's, a tree shared between
threads that modify it needs the caller's locking.
"""

import io
import xml.dom
from xml.dom import (EMPTY_NAMESPACE, EMPTY_PREFIX, XMLNS_NAMESPACE,
                     XML_NAMESPACE, Node)

__all__ = ["parse", "parseString", "getDOMImplementation", "Document",
           "Element", "Text", "Comment", "CDATASection",
           "ProcessingInstruction", "DocumentType", "DocumentFragment",
           "Attr", "NamedNodeMap", "Node", "NodeList", "EmptyNodeList",
           "DOMImplementation", "Entity", "Notation", "TypeInfo"]


class NodeList(list):
    """A list of nodes with the DOM's item() and length."""
    __slots__ = ()

    def item(self, index):
        if 0 <= index < len(self):
            return self[index]
        return None

    @property
    def length(self):
        return len(self)

    def __getstate__(self):
        return list(self)

    def __setstate__(self, state):
        self[:] = state or []


class EmptyNodeList(tuple):
    """The children of nodes that cannot have any."""
    __slots__ = ()

    def __add__(self, other):
        result = NodeList()
        result.extend(other)
        return result

    def __radd__(self, other):
        result = NodeList()
        result.extend(other)
        return result

    def item(self, index):
        return None

    @property
    def length(self):
        return 0


_NO_CHILDREN = EmptyNodeList()


def _write_data(writer, data, attr=False):
    """Write character data escaped for XML (attribute values also escape
    quotes and whitespace control characters, as CPython 3.13+ does)."""
    if data:
        data = data.replace("&", "&amp;").replace("<", "&lt;")
        data = data.replace(">", "&gt;")
        if attr:
            data = data.replace('"', "&quot;").replace("\r", "&#13;")
            data = data.replace("\n", "&#10;").replace("\t", "&#9;")
        writer.write(data)


# ---- Node --------------------------------------------------------------------

class Node(xml.dom.Node):
    """What every node has: its place in the tree and serialization."""

    namespaceURI = None
    parentNode = None
    ownerDocument = None
    nextSibling = None
    previousSibling = None
    prefix = EMPTY_PREFIX
    _child_types = ()

    def __bool__(self):
        return True

    def toxml(self, encoding=None, standalone=None):
        """The node as XML: str, or bytes in `encoding` if given."""
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None,
                    standalone=None):
        """The node as XML indented with `indent` per level and lines ended
        by `newl`: str, or bytes in `encoding` if given."""
        if encoding is None:
            writer = io.StringIO()
        else:
            writer = io.TextIOWrapper(io.BytesIO(), encoding=encoding,
                                      errors="xmlcharrefreplace",
                                      newline='\n')
        if self.nodeType == Node.DOCUMENT_NODE:
            self.writexml(writer, "", indent, newl, encoding, standalone)
        else:
            self.writexml(writer, "", indent, newl)
        if encoding is None:
            return writer.getvalue()
        return writer.detach().getvalue()

    def hasChildNodes(self):
        return bool(self.childNodes)

    def _get_childNodes(self):
        return self.childNodes

    @property
    def firstChild(self):
        children = self.childNodes
        return children[0] if children else None

    @property
    def lastChild(self):
        children = self.childNodes
        return children[-1] if children else None

    @property
    def localName(self):
        return None

    def _check_child(self, node):
        if node.nodeType not in self._child_types:
            raise xml.dom.HierarchyRequestErr(
                "%s cannot be child of %s" % (repr(node), repr(self)))
        ancestor = self
        while ancestor is not None:
            if ancestor is node:
                raise xml.dom.HierarchyRequestErr(
                    "a node cannot be inserted into itself or its descendant")
            ancestor = ancestor.parentNode

    def insertBefore(self, newChild, refChild):
        """Insert `newChild` before `refChild` (at the end if None); a
        document fragment inserts its children."""
        if newChild.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for child in tuple(newChild.childNodes):
                self.insertBefore(child, refChild)
            return newChild
        self._check_child(newChild)
        if newChild.parentNode is not None:
            newChild.parentNode.removeChild(newChild)
        if refChild is None:
            self._append(newChild)
        else:
            try:
                index = self.childNodes.index(refChild)
            except ValueError:
                raise xml.dom.NotFoundErr() from None
            if newChild.nodeType in _CHILD_NODE_TYPES:
                _clear_id_cache(self)
            self.childNodes.insert(index, newChild)
            newChild.nextSibling = refChild
            refChild.previousSibling = newChild
            if index:
                node = self.childNodes[index - 1]
                node.nextSibling = newChild
                newChild.previousSibling = node
            else:
                newChild.previousSibling = None
            newChild.parentNode = self
        return newChild

    def appendChild(self, node):
        """Append `node` (a fragment appends its children)."""
        if node.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for child in tuple(node.childNodes):
                self.appendChild(child)
            return node
        self._check_child(node)
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        self._append(node)
        node.nextSibling = None
        return node

    def _append(self, node):
        _clear_id_cache(self)
        children = self.childNodes
        if children:
            last = children[-1]
            node.previousSibling = last
            last.nextSibling = node
        else:
            node.previousSibling = None
        node.nextSibling = None
        children.append(node)
        node.parentNode = self

    def replaceChild(self, newChild, oldChild):
        """Put `newChild` where `oldChild` is; returns `oldChild`."""
        if newChild.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            refChild = oldChild.nextSibling
            self.removeChild(oldChild)
            return self.insertBefore(newChild, refChild)
        self._check_child(newChild)
        if newChild is oldChild:
            return None
        if newChild.parentNode is not None:
            newChild.parentNode.removeChild(newChild)
        try:
            index = self.childNodes.index(oldChild)
        except ValueError:
            raise xml.dom.NotFoundErr() from None
        self.childNodes[index] = newChild
        newChild.parentNode = self
        oldChild.parentNode = None
        if newChild.nodeType in _CHILD_NODE_TYPES or \
                oldChild.nodeType in _CHILD_NODE_TYPES:
            _clear_id_cache(self)
        newChild.nextSibling = oldChild.nextSibling
        newChild.previousSibling = oldChild.previousSibling
        oldChild.nextSibling = None
        oldChild.previousSibling = None
        if newChild.previousSibling:
            newChild.previousSibling.nextSibling = newChild
        if newChild.nextSibling:
            newChild.nextSibling.previousSibling = newChild
        return oldChild

    def removeChild(self, oldChild):
        """Detach and return `oldChild`."""
        try:
            self.childNodes.remove(oldChild)
        except ValueError:
            raise xml.dom.NotFoundErr() from None
        if oldChild.nextSibling is not None:
            oldChild.nextSibling.previousSibling = oldChild.previousSibling
        if oldChild.previousSibling is not None:
            oldChild.previousSibling.nextSibling = oldChild.nextSibling
        oldChild.nextSibling = oldChild.previousSibling = None
        if oldChild.nodeType in _CHILD_NODE_TYPES:
            _clear_id_cache(self)
        oldChild.parentNode = None
        return oldChild

    def normalize(self):
        """Merge adjacent text nodes and drop empty ones, recursively."""
        merged = []
        for child in self.childNodes:
            if child.nodeType == Node.TEXT_NODE:
                if not child.data:
                    if merged:
                        merged[-1].nextSibling = child.nextSibling
                    if child.nextSibling:
                        child.nextSibling.previousSibling = child.previousSibling
                    child.unlink()
                elif merged and merged[-1].nodeType == child.nodeType:
                    node = merged[-1]
                    node.data = node.data + child.data
                    node.nextSibling = child.nextSibling
                    if child.nextSibling:
                        child.nextSibling.previousSibling = node
                    child.unlink()
                else:
                    merged.append(child)
            else:
                merged.append(child)
                if child.nodeType == Node.ELEMENT_NODE:
                    child.normalize()
        self.childNodes[:] = merged

    def cloneNode(self, deep):
        return _clone_node(self, deep, self.ownerDocument or self)

    def isSupported(self, feature, version):
        return self.ownerDocument.implementation.hasFeature(feature, version)

    def isSameNode(self, other):
        return self is other

    def getInterface(self, feature):
        if self.isSupported(feature, None):
            return self
        return None

    def getUserData(self, key):
        try:
            return self._user_data[key][0]
        except (AttributeError, KeyError):
            return None

    def setUserData(self, key, data, handler):
        old = None
        try:
            user_data = self._user_data
        except AttributeError:
            user_data = {}
            self._user_data = user_data
        if key in user_data:
            old = user_data[key][0]
        if data is None:
            handler = None
            if old is not None:
                del user_data[key]
        else:
            user_data[key] = (data, handler)
        return old

    def _call_user_data_handler(self, operation, src, dst):
        for key, (data, handler) in getattr(self, "_user_data", {}).items():
            if handler is not None:
                handler.handle(operation, key, data, src, dst)

    def unlink(self):
        """Break the references between this subtree's nodes."""
        self.parentNode = self.ownerDocument = None
        if self.childNodes:
            for child in self.childNodes:
                child.unlink()
            self.childNodes = NodeList()
        self.previousSibling = None
        self.nextSibling = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.unlink()


_CHILD_NODE_TYPES = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE,
                     Node.COMMENT_NODE, Node.TEXT_NODE,
                     Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE)


def _clear_id_cache(node):
    while node is not None and node.nodeType != Node.DOCUMENT_NODE:
        node = node.parentNode
    if node is not None:
        node._id_cache = {}


class DocumentFragment(Node):
    nodeType = Node.DOCUMENT_FRAGMENT_NODE
    nodeName = "#document-fragment"
    nodeValue = None
    attributes = None
    parentNode = None
    _child_types = (Node.ELEMENT_NODE, Node.TEXT_NODE,
                    Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE,
                    Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE)

    def __init__(self):
        self.childNodes = NodeList()

    def writexml(self, writer, indent="", addindent="", newl=""):
        for node in self.childNodes:
            node.writexml(writer, indent, addindent, newl)


# ---- attributes ------------------------------------------------------------------

class Attr(Node):
    """An attribute node; its value is also available as nodeValue."""

    nodeType = Node.ATTRIBUTE_NODE
    attributes = None
    _is_id = False
    childNodes = _NO_CHILDREN

    def __init__(self, qName, namespaceURI=EMPTY_NAMESPACE, localName=None,
                 prefix=None):
        self.ownerElement = None
        self.ownerDocument = None
        self._name = qName
        self.namespaceURI = namespaceURI
        self._prefix = prefix
        self._localName = localName
        self._value = ""

    @property
    def localName(self):
        if self._localName is not None:
            return self._localName
        return self._name.split(":", 1)[-1]

    @property
    def name(self):
        return self._name

    @property
    def nodeName(self):
        return self._name

    @property
    def specified(self):
        return True

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value
        if self.ownerElement is not None:
            _clear_id_cache(self.ownerElement)

    nodeValue = value

    @property
    def prefix(self):
        return self._prefix

    @prefix.setter
    def prefix(self, prefix):
        namespace = self.namespaceURI
        if prefix == "xmlns" and namespace and namespace != XMLNS_NAMESPACE:
            raise xml.dom.NamespaceErr(
                "illegal use of 'xmlns' prefix for the wrong namespace")
        self._prefix = prefix
        new_name = self.localName if prefix is None else \
            "%s:%s" % (prefix, self.localName)
        if self.ownerElement is not None:
            _clear_id_cache(self.ownerElement)
        self._name = new_name

    @property
    def isId(self):
        if self._is_id:
            return True
        doc = self.ownerDocument
        elem = self.ownerElement
        if doc is None or elem is None:
            return False
        info = doc._get_elem_info(elem)
        if info is None:
            return False
        if self.namespaceURI:
            return info.isIdNS(self.namespaceURI, self.localName)
        return info.isId(self.nodeName)

    @property
    def schemaType(self):
        return _NO_TYPE

    def unlink(self):
        elem = self.ownerElement
        if elem is not None:
            del elem._attrs[self.nodeName]
            del elem._attrsNS[(self.namespaceURI, self.localName)]
            if self._is_id:
                self._is_id = False
                elem._magic_id_nodes -= 1
                self.ownerDocument._magic_id_count -= 1
        self.ownerElement = None
        self.ownerDocument = None

    def __repr__(self):
        return "<xml.dom.minidom.Attr %r>" % self._name


class NamedNodeMap:
    """An element's attributes, by qualified name or (namespace, local)."""
    __slots__ = ('_attrs', '_attrsNS', '_ownerElement')

    def __init__(self, attrs, attrsNS, ownerElement):
        self._attrs = attrs
        self._attrsNS = attrsNS
        self._ownerElement = ownerElement

    @property
    def length(self):
        return len(self._attrs)

    def item(self, index):
        try:
            return self[list(self._attrs.keys())[index]]
        except IndexError:
            return None

    def items(self):
        return [(node.nodeName, node.value) for node in self._attrs.values()]

    def itemsNS(self):
        return [((node.namespaceURI, node.localName), node.value)
                for node in self._attrs.values()]

    def __contains__(self, key):
        if isinstance(key, str):
            return key in self._attrs
        return key in self._attrsNS

    def keys(self):
        return self._attrs.keys()

    def keysNS(self):
        return self._attrsNS.keys()

    def values(self):
        return self._attrs.values()

    def get(self, name, value=None):
        return self._attrs.get(name, value)

    def __len__(self):
        return self.length

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def __getitem__(self, attname_or_tuple):
        if isinstance(attname_or_tuple, tuple):
            return self._attrsNS[attname_or_tuple]
        return self._attrs[attname_or_tuple]

    def __setitem__(self, attname, value):
        if isinstance(value, str):
            try:
                node = self._attrs[attname]
            except KeyError:
                node = Attr(attname)
                node.ownerDocument = self._ownerElement.ownerDocument
                self.setNamedItem(node)
            node.value = value
        else:
            if not isinstance(value, Attr):
                raise TypeError("value must be a string or Attr object")
            self.setNamedItem(value)

    def getNamedItem(self, name):
        return self._attrs.get(name)

    def getNamedItemNS(self, namespaceURI, localName):
        return self._attrsNS.get((namespaceURI, localName))

    def removeNamedItem(self, name):
        node = self.getNamedItem(name)
        if node is None:
            raise xml.dom.NotFoundErr()
        _clear_id_cache(self._ownerElement)
        del self._attrs[node.nodeName]
        del self._attrsNS[(node.namespaceURI, node.localName)]
        node.ownerElement = None
        return node

    def removeNamedItemNS(self, namespaceURI, localName):
        node = self.getNamedItemNS(namespaceURI, localName)
        if node is None:
            raise xml.dom.NotFoundErr()
        _clear_id_cache(self._ownerElement)
        del self._attrsNS[(node.namespaceURI, node.localName)]
        del self._attrs[node.nodeName]
        node.ownerElement = None
        return node

    def setNamedItem(self, node):
        if not isinstance(node, Attr):
            raise xml.dom.HierarchyRequestErr(
                "%s cannot be child of %s" % (repr(node), repr(self)))
        old = self._attrs.get(node.name)
        if old:
            old.unlink()
        self._attrs[node.name] = node
        self._attrsNS[(node.namespaceURI, node.localName)] = node
        node.ownerElement = self._ownerElement
        _clear_id_cache(node.ownerElement)
        return old

    setNamedItemNS = setNamedItem

    def __delitem__(self, attname_or_tuple):
        node = self[attname_or_tuple]
        _clear_id_cache(node.ownerElement)
        node.unlink()


AttributeList = NamedNodeMap


class TypeInfo:
    """The schema type of an element or attribute (none without a DTD)."""
    __slots__ = ('namespace', 'name')

    def __init__(self, namespace, name):
        self.namespace = namespace
        self.name = name

    def __repr__(self):
        if self.namespace:
            return "<%s %r (from %r)>" % (self.__class__.__name__, self.name,
                                          self.namespace)
        return "<%s %r>" % (self.__class__.__name__, self.name)


_NO_TYPE = TypeInfo(None, None)


# ---- elements ----------------------------------------------------------------

class Element(Node):
    """An element: a tag name, attributes and children."""

    nodeType = Node.ELEMENT_NODE
    nodeValue = None
    schemaType = _NO_TYPE
    _magic_id_nodes = 0
    _child_types = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE,
                    Node.COMMENT_NODE, Node.TEXT_NODE,
                    Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE)

    def __init__(self, tagName, namespaceURI=EMPTY_NAMESPACE, prefix=None,
                 localName=None):
        self.parentNode = None
        self.tagName = self.nodeName = tagName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.childNodes = NodeList()
        self.nextSibling = self.previousSibling = None
        self._attrs = {}
        self._attrsNS = {}
        self._localName = localName

    @property
    def localName(self):
        if self._localName is not None:
            return self._localName
        return self.tagName.split(":", 1)[-1]

    @property
    def attributes(self):
        return NamedNodeMap(self._attrs, self._attrsNS, self)

    def unlink(self):
        for attr in list(self._attrs.values()):
            attr.unlink()
        self._attrs = {}
        self._attrsNS = {}
        Node.unlink(self)

    def getAttribute(self, attname):
        """The attribute's value, or '' when absent."""
        attr = self._attrs.get(attname)
        return attr.value if attr is not None else ""

    def getAttributeNS(self, namespaceURI, localName):
        attr = self._attrsNS.get((namespaceURI, localName))
        return attr.value if attr is not None else ""

    def setAttribute(self, attname, value):
        attr = self.getAttributeNode(attname)
        if attr is None:
            attr = Attr(attname)
            attr.value = value
            attr.ownerDocument = self.ownerDocument
            self.setAttributeNode(attr)
        elif value != attr.value:
            attr.value = value
            if attr.isId:
                _clear_id_cache(self)

    def setAttributeNS(self, namespaceURI, qualifiedName, value):
        prefix, localname = _split_qname(qualifiedName)
        attr = self.getAttributeNodeNS(namespaceURI, localname)
        if attr is None:
            attr = Attr(qualifiedName, namespaceURI, localname, prefix)
            attr.value = value
            attr.ownerDocument = self.ownerDocument
            self.setAttributeNode(attr)
        else:
            if value != attr.value:
                attr.value = value
                if attr.isId:
                    _clear_id_cache(self)
            if attr.prefix != prefix:
                attr.prefix = prefix

    def getAttributeNode(self, attrname):
        return self._attrs.get(attrname)

    def getAttributeNodeNS(self, namespaceURI, localName):
        return self._attrsNS.get((namespaceURI, localName))

    def setAttributeNode(self, attr):
        if attr.ownerElement not in (None, self):
            raise xml.dom.InuseAttributeErr("attribute node already owned")
        _clear_id_cache(self)
        old1 = self._attrs.get(attr.name)
        if old1 is not None:
            self.removeAttributeNode(old1)
        old2 = self._attrsNS.get((attr.namespaceURI, attr.localName))
        if old2 is not None and old2 is not old1:
            self.removeAttributeNode(old2)
        self._attrs[attr.name] = attr
        self._attrsNS[(attr.namespaceURI, attr.localName)] = attr
        attr.ownerElement = self
        return old1 if old1 is not attr else None

    setAttributeNodeNS = setAttributeNode

    def removeAttribute(self, name):
        try:
            attr = self._attrs[name]
        except KeyError:
            raise xml.dom.NotFoundErr() from None
        self.removeAttributeNode(attr)

    def removeAttributeNS(self, namespaceURI, localName):
        try:
            attr = self._attrsNS[(namespaceURI, localName)]
        except KeyError:
            raise xml.dom.NotFoundErr() from None
        self.removeAttributeNode(attr)

    def removeAttributeNode(self, node):
        if node is None:
            raise xml.dom.NotFoundErr()
        try:
            self._attrs[node.name]
        except KeyError:
            raise xml.dom.NotFoundErr() from None
        _clear_id_cache(self)
        node.unlink()
        node.ownerDocument = self.ownerDocument
        return node

    def hasAttribute(self, name):
        return name in self._attrs

    def hasAttributeNS(self, namespaceURI, localName):
        return (namespaceURI, localName) in self._attrsNS

    def hasAttributes(self):
        return bool(self._attrs)

    def getElementsByTagName(self, name):
        """Every descendant element named `name` ('*' for all), in
        document order."""
        return _elements_by_tag_name(self, name, NodeList())

    def getElementsByTagNameNS(self, namespaceURI, localName):
        return _elements_by_tag_name_ns(self, namespaceURI, localName,
                                        NodeList())

    def __repr__(self):
        return "<DOM Element: %s at %#x>" % (self.tagName, id(self))

    def writexml(self, writer, indent="", addindent="", newl=""):
        """Write the element as XML: `indent` before it, `addindent` more
        for each child level, `newl` after each line."""
        writer.write(indent + "<" + self.tagName)
        for name, attr in self._attrs.items():
            writer.write(' %s="' % name)
            _write_data(writer, attr.value, attr=True)
            writer.write('"')
        if self.childNodes:
            writer.write(">")
            if (len(self.childNodes) == 1 and self.childNodes[0].nodeType in
                    (Node.TEXT_NODE, Node.CDATA_SECTION_NODE)):
                self.childNodes[0].writexml(writer, '', '', '')
            else:
                writer.write(newl)
                for node in self.childNodes:
                    node.writexml(writer, indent + addindent, addindent, newl)
                writer.write(indent)
            writer.write("</%s>%s" % (self.tagName, newl))
        else:
            writer.write("/>%s" % newl)

    def setIdAttribute(self, name):
        self.setIdAttributeNode(self.getAttributeNode(name))

    def setIdAttributeNS(self, namespaceURI, localName):
        self.setIdAttributeNode(self.getAttributeNodeNS(namespaceURI, localName))

    def setIdAttributeNode(self, idAttr):
        if idAttr is None or not self.isSameNode(idAttr.ownerElement):
            raise xml.dom.NotFoundErr()
        if not idAttr._is_id:
            idAttr._is_id = True
            self._magic_id_nodes += 1
            self.ownerDocument._magic_id_count += 1
            _clear_id_cache(self)


def _split_qname(qname):
    if ":" in qname:
        prefix, local = qname.split(":", 1)
        return prefix, local
    return None, qname


def _elements_by_tag_name(parent, name, result):
    for node in parent.childNodes:
        if node.nodeType == Node.ELEMENT_NODE:
            if name == "*" or node.tagName == name:
                result.append(node)
            _elements_by_tag_name(node, name, result)
    return result


def _elements_by_tag_name_ns(parent, namespaceURI, localName, result):
    for node in parent.childNodes:
        if node.nodeType == Node.ELEMENT_NODE:
            if ((localName == "*" or node.localName == localName) and
                    (namespaceURI == "*" or node.namespaceURI == namespaceURI)):
                result.append(node)
            _elements_by_tag_name_ns(node, namespaceURI, localName, result)
    return result


# ---- leaves ------------------------------------------------------------------

class Childless:
    """Mixin for nodes that cannot have children."""

    attributes = None
    childNodes = _NO_CHILDREN
    firstChild = None
    lastChild = None

    def appendChild(self, node):
        raise xml.dom.HierarchyRequestErr(
            self.nodeName + " nodes cannot have children")

    def hasChildNodes(self):
        return False

    def insertBefore(self, newChild, refChild):
        raise xml.dom.HierarchyRequestErr(
            self.nodeName + " nodes do not have children")

    def removeChild(self, oldChild):
        raise xml.dom.NotFoundErr(
            self.nodeName + " nodes do not have children")

    def normalize(self):
        pass

    def replaceChild(self, newChild, oldChild):
        raise xml.dom.HierarchyRequestErr(
            self.nodeName + " nodes do not have children")


class ProcessingInstruction(Childless, Node):
    nodeType = Node.PROCESSING_INSTRUCTION_NODE

    def __init__(self, target, data):
        self.target = target
        self.data = data

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    @property
    def nodeName(self):
        return self.target

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))


class CharacterData(Childless, Node):
    """Text-holding nodes: data, length and the substring operations."""

    def __init__(self):
        self.ownerDocument = self.parentNode = None
        self.previousSibling = self.nextSibling = None
        self._data = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        self._data = data

    nodeValue = data

    @property
    def length(self):
        return len(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        data = self.data
        dotdotdot = "..." if len(data) > 10 else ""
        return '<DOM %s node "%r%s">' % (self.__class__.__name__, data[0:10],
                                         dotdotdot)

    def _check_range(self, offset, count=0):
        if offset < 0:
            raise xml.dom.IndexSizeErr("offset cannot be negative")
        if offset > len(self.data):
            raise xml.dom.IndexSizeErr("offset cannot be beyond end of data")
        if count < 0:
            raise xml.dom.IndexSizeErr("count cannot be negative")

    def substringData(self, offset, count):
        self._check_range(offset, count)
        return self.data[offset:offset + count]

    def appendData(self, arg):
        self.data = self.data + arg

    def insertData(self, offset, arg):
        self._check_range(offset)
        if arg:
            self.data = "%s%s%s" % (self.data[:offset], arg, self.data[offset:])

    def deleteData(self, offset, count):
        self._check_range(offset, count)
        if count:
            self.data = self.data[:offset] + self.data[offset + count:]

    def replaceData(self, offset, count, arg):
        self._check_range(offset, count)
        if count:
            self.data = "%s%s%s" % (self.data[:offset], arg,
                                    self.data[offset + count:])


class Text(CharacterData):
    nodeType = Node.TEXT_NODE
    nodeName = "#text"
    attributes = None

    def splitText(self, offset):
        """Cut this node at `offset`; the rest becomes a new sibling."""
        if offset < 0 or offset > len(self.data):
            raise xml.dom.IndexSizeErr("illegal offset value")
        newText = self.__class__()
        newText.data = self.data[offset:]
        newText.ownerDocument = self.ownerDocument
        next_node = self.nextSibling
        if self.parentNode and self in self.parentNode.childNodes:
            if next_node is None:
                self.parentNode.appendChild(newText)
            else:
                self.parentNode.insertBefore(newText, next_node)
        self.data = self.data[:offset]
        return newText

    def writexml(self, writer, indent="", addindent="", newl=""):
        _write_data(writer, "%s%s%s" % (indent, self.data, newl))

    @property
    def isWhitespaceInElementContent(self):
        if self.data.strip():
            return False
        elem = _parent_element(self)
        if elem is None:
            return False
        info = self.ownerDocument._get_elem_info(elem)
        return info is not None and info.isElementContent()

    @property
    def wholeText(self):
        parts = [self.data]
        node = self.previousSibling
        while node is not None and node.nodeType in (Node.TEXT_NODE,
                                                     Node.CDATA_SECTION_NODE):
            parts.insert(0, node.data)
            node = node.previousSibling
        node = self.nextSibling
        while node is not None and node.nodeType in (Node.TEXT_NODE,
                                                     Node.CDATA_SECTION_NODE):
            parts.append(node.data)
            node = node.nextSibling
        return "".join(parts)

    def replaceWholeText(self, content):
        parent = self.parentNode
        for direction in ("previousSibling", "nextSibling"):
            node = getattr(self, direction)
            while node is not None and node.nodeType in (
                    Node.TEXT_NODE, Node.CDATA_SECTION_NODE):
                following = getattr(node, direction)
                parent.removeChild(node)
                node = following
        if not content:
            if parent is not None:
                parent.removeChild(self)
            return None
        self.data = content
        return self


def _parent_element(node):
    node = node.parentNode
    while node is not None:
        if node.nodeType == Node.ELEMENT_NODE:
            return node
        node = node.parentNode
    return None


class Comment(CharacterData):
    nodeType = Node.COMMENT_NODE
    nodeName = "#comment"

    def __init__(self, data):
        CharacterData.__init__(self)
        self._data = data

    def writexml(self, writer, indent="", addindent="", newl=""):
        if "--" in self.data:
            raise ValueError("'--' is not allowed in a comment node")
        writer.write("%s<!--%s-->%s" % (indent, self.data, newl))


class CDATASection(Text):
    nodeType = Node.CDATA_SECTION_NODE
    nodeName = "#cdata-section"

    def writexml(self, writer, indent="", addindent="", newl=""):
        if self.data.find("]]>") >= 0:
            raise ValueError("']]>' not allowed in a CDATA section")
        writer.write("<![CDATA[%s]]>" % self.data)


# ---- document type -----------------------------------------------------------

class ReadOnlySequentialNamedNodeMap:
    """The entities and notations of a document type."""
    __slots__ = ('_seq',)

    def __init__(self, seq=()):
        self._seq = seq

    def __len__(self):
        return len(self._seq)

    @property
    def length(self):
        return len(self._seq)

    def getNamedItem(self, name):
        for node in self._seq:
            if node.nodeName == name:
                return node
        return None

    def getNamedItemNS(self, namespaceURI, localName):
        for node in self._seq:
            if node.namespaceURI == namespaceURI and node.localName == localName:
                return node
        return None

    def __getitem__(self, name_or_tuple):
        if isinstance(name_or_tuple, tuple):
            node = self.getNamedItemNS(*name_or_tuple)
        else:
            node = self.getNamedItem(name_or_tuple)
        if node is None:
            raise KeyError(name_or_tuple)
        return node

    def item(self, index):
        if 0 <= index < len(self._seq):
            return self._seq[index]
        return None

    def _read_only(self, *args):
        raise xml.dom.NoModificationAllowedErr(
            "NamedNodeMap instance is read-only")

    removeNamedItem = removeNamedItemNS = setNamedItem = setNamedItemNS = \
        _read_only


class Identified:
    """publicId and systemId, for document types, entities, notations."""

    def _identified_mixin_init(self, publicId, systemId):
        self.publicId = publicId
        self.systemId = systemId


class DocumentType(Identified, Childless, Node):
    nodeType = Node.DOCUMENT_TYPE_NODE
    nodeValue = None
    name = None
    publicId = None
    systemId = None
    internalSubset = None

    def __init__(self, qualifiedName):
        self.entities = ReadOnlySequentialNamedNodeMap([])
        self.notations = ReadOnlySequentialNamedNodeMap([])
        if qualifiedName:
            prefix, localname = _split_qname(qualifiedName)
            self.name = localname
        self.nodeName = self.name

    def _get_internalSubset(self):
        return self.internalSubset

    def cloneNode(self, deep):
        if self.ownerDocument is not None:
            return None
        clone = DocumentType(None)
        clone.name = self.name
        clone.nodeName = self.name
        clone.publicId = self.publicId
        clone.systemId = self.systemId
        clone.internalSubset = self.internalSubset
        if deep:
            clone.entities._seq = list(self.entities._seq)
            clone.notations._seq = list(self.notations._seq)
        return clone

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("<!DOCTYPE ")
        writer.write(self.name)
        if self.publicId:
            writer.write("%s  PUBLIC '%s'%s  '%s'"
                         % (newl, self.publicId, newl, self.systemId))
        elif self.systemId:
            writer.write("%s  SYSTEM '%s'" % (newl, self.systemId))
        if self.internalSubset is not None:
            writer.write(" [")
            writer.write(self.internalSubset)
            writer.write("]")
        writer.write(">" + newl)


class Entity(Identified, Node):
    attributes = None
    nodeType = Node.ENTITY_NODE
    nodeValue = None
    actualEncoding = None
    encoding = None
    version = None

    def __init__(self, name, publicId, systemId, notation):
        self.nodeName = name
        self.notationName = notation
        self.childNodes = NodeList()
        self._identified_mixin_init(publicId, systemId)

    def appendChild(self, newChild):
        raise xml.dom.HierarchyRequestErr("cannot append children to an entity node")

    def insertBefore(self, newChild, refChild):
        raise xml.dom.HierarchyRequestErr("cannot insert children below an entity node")

    def removeChild(self, oldChild):
        raise xml.dom.HierarchyRequestErr("cannot remove children from an entity node")

    def replaceChild(self, newChild, oldChild):
        raise xml.dom.HierarchyRequestErr("cannot replace children of an entity node")


class Notation(Identified, Childless, Node):
    nodeType = Node.NOTATION_NODE
    nodeValue = None

    def __init__(self, name, publicId, systemId):
        self.nodeName = name
        self._identified_mixin_init(publicId, systemId)


from ._minidom_document import (Document, DOMImplementation,  # noqa: E402
                                ElementInfo, getDOMImplementation,
                                _clone_node, parse, parseString)
