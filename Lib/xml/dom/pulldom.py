"""Pull parsing into DOM nodes: iterate over (event, node) pairs from a
SAX parser and expand only the subtrees you want into full minidom trees.

    for event, node in pulldom.parseString(text):
        if event == pulldom.START_ELEMENT and node.tagName == "item":
            events.expandNode(node)
"""

import xml.sax
import xml.sax.handler

START_ELEMENT = "START_ELEMENT"
END_ELEMENT = "END_ELEMENT"
COMMENT = "COMMENT"
START_DOCUMENT = "START_DOCUMENT"
END_DOCUMENT = "END_DOCUMENT"
PROCESSING_INSTRUCTION = "PROCESSING_INSTRUCTION"
IGNORABLE_WHITESPACE = "IGNORABLE_WHITESPACE"
CHARACTERS = "CHARACTERS"

__all__ = ["PullDOM", "DOMEventStream", "SAX2DOM", "parse", "parseString",
           START_ELEMENT, END_ELEMENT, COMMENT, START_DOCUMENT, END_DOCUMENT,
           PROCESSING_INSTRUCTION, IGNORABLE_WHITESPACE, CHARACTERS]


class PullDOM(xml.sax.ContentHandler):
    """A SAX handler turning events into (event, node) pairs queued in
    `events`; nodes belong to one document but are not linked to parents
    (expandNode does that)."""

    _locator = None
    document = None

    def __init__(self, documentFactory=None):
        from xml.dom import XML_NAMESPACE
        self.documentFactory = documentFactory
        self.events = []
        self.elementStack = []
        self._ns_contexts = [{XML_NAMESPACE: 'xml'}]
        self._current_context = self._ns_contexts[-1]
        self.pending_events = []

    def pop(self):
        result = self.elementStack[-1]
        del self.elementStack[-1]
        return result

    def setDocumentLocator(self, locator):
        self._locator = locator

    def startPrefixMapping(self, prefix, uri):
        if not hasattr(self, '_xmlns_attrs'):
            self._xmlns_attrs = []
        self._xmlns_attrs.append((prefix or 'xmlns', uri))
        self._ns_contexts.append(self._current_context.copy())
        self._current_context[uri] = prefix or None

    def endPrefixMapping(self, prefix):
        self._current_context = self._ns_contexts.pop()

    def startElementNS(self, name, tagName, attrs):
        xmlns_uri = 'http://www.w3.org/2000/xmlns/'
        xmlns_attrs = getattr(self, '_xmlns_attrs', None)
        if xmlns_attrs is not None:
            for aname, value in xmlns_attrs:
                attrs._attrs[(xmlns_uri, aname)] = value
            self._xmlns_attrs = []
        uri, localname = name
        if uri:
            if tagName is None:
                prefix = self._current_context[uri]
                tagName = prefix + ":" + localname if prefix else localname
            node = self.document.createElementNS(uri, tagName) \
                if self.document else self.buildDocument(uri, tagName)
        else:
            node = self.document.createElement(localname) \
                if self.document else self.buildDocument(None, localname)
        for aname, value in attrs.items():
            a_uri, a_localname = aname
            if a_uri == xmlns_uri:
                qname = 'xmlns' if a_localname == 'xmlns' else 'xmlns:' + a_localname
                attr = self.document.createAttributeNS(a_uri, qname)
                node.setAttributeNodeNS(attr)
            elif a_uri:
                prefix = self._current_context[a_uri]
                qname = prefix + ":" + a_localname if prefix else a_localname
                attr = self.document.createAttributeNS(a_uri, qname)
                node.setAttributeNodeNS(attr)
            else:
                attr = self.document.createAttribute(a_localname)
                node.setAttributeNode(attr)
            attr.value = value
        self.events.append((START_ELEMENT, node))
        self.elementStack.append(node)

    def endElementNS(self, name, tagName):
        self.events.append((END_ELEMENT, self.pop()))

    def startElement(self, name, attrs):
        node = self.document.createElement(name) if self.document \
            else self.buildDocument(None, name)
        for aname, value in attrs.items():
            attr = self.document.createAttribute(aname)
            attr.value = value
            node.setAttributeNode(attr)
        self.events.append((START_ELEMENT, node))
        self.elementStack.append(node)

    def endElement(self, name):
        self.events.append((END_ELEMENT, self.pop()))

    def comment(self, s):
        if self.document:
            self.events.append((COMMENT, self.document.createComment(s)))
        else:
            self.pending_events.append((COMMENT, s))

    def processingInstruction(self, target, data):
        if self.document:
            node = self.document.createProcessingInstruction(target, data)
            self.events.append((PROCESSING_INSTRUCTION, node))
        else:
            self.pending_events.append((PROCESSING_INSTRUCTION, (target, data)))

    def ignorableWhitespace(self, chars):
        self.events.append((IGNORABLE_WHITESPACE,
                            self.document.createTextNode(chars)))

    def characters(self, chars):
        self.events.append((CHARACTERS, self.document.createTextNode(chars)))

    def startDocument(self):
        if self.documentFactory is None:
            import xml.dom.minidom
            self.documentFactory = xml.dom.minidom.Document.implementation \
                if hasattr(xml.dom.minidom.Document, "implementation") \
                else xml.dom.minidom.getDOMImplementation()

    def buildDocument(self, uri, tagname):
        """Create the document when the root element arrives (its name is
        needed), then replay the comments and PIs seen before it."""
        factory = self.documentFactory
        if factory is None:
            import xml.dom.minidom
            factory = xml.dom.minidom.getDOMImplementation()
        document = factory.createDocument(uri, tagname, None)
        self.document = document
        self.events.append((START_DOCUMENT, document))
        for kind, data in self.pending_events:
            if kind == PROCESSING_INSTRUCTION:
                node = document.createProcessingInstruction(*data)
            else:
                node = document.createComment(data)
            document.insertBefore(node, document.documentElement)
            self.events.append((kind, node))
        self.pending_events = []
        return document.documentElement

    def endDocument(self):
        self.events.append((END_DOCUMENT, self.document))
        self.clear()

    def clear(self):
        """Drop the reference to the document."""
        self.document = None


class ErrorHandler:
    def warning(self, exception):
        print(exception)

    def error(self, exception):
        raise exception

    def fatalError(self, exception):
        raise exception


class DOMEventStream:
    """Iterates over (event, node) pairs, reading the stream as needed."""

    def __init__(self, stream, parser, bufsize):
        self.stream = stream
        self.parser = parser
        self.bufsize = bufsize
        if not hasattr(self.parser, 'feed'):
            self.getEvent = self._slurp
        self.reset()

    def reset(self):
        self.pulldom = PullDOM()
        self.parser.setFeature(xml.sax.handler.feature_namespaces, 1)
        self.parser.setContentHandler(self.pulldom)

    def __iter__(self):
        return self

    def __next__(self):
        event = self.getEvent()
        if event:
            return event
        raise StopIteration

    def expandNode(self, node):
        """Read events up to the end of `node`, attaching everything
        between as its subtree."""
        event = self.getEvent()
        parents = [node]
        while event:
            token, cur_node = event
            if cur_node is node:
                return
            if token != END_ELEMENT:
                parents[-1].appendChild(cur_node)
            if token == START_ELEMENT:
                parents.append(cur_node)
            elif token == END_ELEMENT:
                del parents[-1]
            event = self.getEvent()

    def getEvent(self):
        """The next (event, node) pair, or None at the end."""
        events = self.pulldom.events
        while not events:
            buf = self.stream.read(self.bufsize)
            if not buf:
                # Events made by close() (END_DOCUMENT) are not delivered,
                # as in CPython.
                self.parser.close()
                return None
            self.parser.feed(buf)
        return events.pop(0)

    def _slurp(self):
        """For parsers without feed(): parse everything at once."""
        self.parser.parse(self.stream)
        self.getEvent = self._emit
        return self._emit()

    def _emit(self):
        events = self.pulldom.events
        return events.pop(0) if events else None

    def clear(self):
        """Drop every reference, so the tree can be collected."""
        self.pulldom.clear()
        del self.pulldom
        self.parser = None
        self.stream = None


class SAX2DOM(PullDOM):
    """A PullDOM that links every node to its parent as it goes, building
    the whole tree."""

    def startElementNS(self, name, tagName, attrs):
        PullDOM.startElementNS(self, name, tagName, attrs)
        self._link(self.elementStack[-1], parent_index=-2)

    def startElement(self, name, attrs):
        PullDOM.startElement(self, name, attrs)
        self._link(self.elementStack[-1], parent_index=-2)

    def _link(self, node, parent_index=-1):
        stack = self.elementStack
        if len(stack) >= -parent_index:
            parent = stack[parent_index]
            parent.appendChild(node)

    def processingInstruction(self, target, data):
        PullDOM.processingInstruction(self, target, data)
        if self.document and self.elementStack:
            self.elementStack[-1].appendChild(self.events[-1][1])

    def ignorableWhitespace(self, chars):
        PullDOM.ignorableWhitespace(self, chars)
        if self.elementStack:
            self.elementStack[-1].appendChild(self.events[-1][1])

    def characters(self, chars):
        PullDOM.characters(self, chars)
        if self.elementStack:
            self.elementStack[-1].appendChild(self.events[-1][1])


default_bufsize = (2 ** 14) - 20


def parse(stream_or_string, parser=None, bufsize=None):
    """A DOMEventStream over a file name or file object."""
    if bufsize is None:
        bufsize = default_bufsize
    if isinstance(stream_or_string, str):
        stream = open(stream_or_string, 'rb')
    else:
        stream = stream_or_string
    if not parser:
        parser = xml.sax.make_parser()
    return DOMEventStream(stream, parser, bufsize)


def parseString(string, parser=None):
    """A DOMEventStream over a document in a string."""
    from io import StringIO
    bufsize = len(string)
    buf = StringIO(string)
    if not parser:
        parser = xml.sax.make_parser()
    return DOMEventStream(buf, parser, bufsize)
