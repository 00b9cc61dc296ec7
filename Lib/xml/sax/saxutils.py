"""Helpers for SAX applications: escaping, an XML writer (XMLGenerator), a
pass-through filter base (XMLFilterBase) and input-source preparation."""

import codecs
import io
import os
import sys
import urllib.parse

from . import handler
from . import xmlreader


def _replace_all(text, replacements):
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def escape(data, entities={}):
    """Escape &, < and > (and any keys of `entities`) in character data."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    if entities:
        data = _replace_all(data, entities)
    return data


def unescape(data, entities={}):
    """Undo escape(): &lt;, &gt;, &amp; and `entities`' values."""
    data = data.replace("&lt;", "<").replace("&gt;", ">")
    if entities:
        data = _replace_all(data, entities)
    return data.replace("&amp;", "&")


def quoteattr(data, entities={}):
    """Escape `data` for use as an attribute value and add the quotes,
    choosing the quote character that needs no escaping when possible."""
    entities = {**entities, '\n': '&#10;', '\r': '&#13;', '\t': '&#9;'}
    data = escape(data, entities)
    if '"' in data:
        if "'" in data:
            return '"%s"' % data.replace('"', "&quot;")
        return "'%s'" % data
    return '"%s"' % data


class _ByteSink(io.BufferedIOBase):
    """Lets a TextIOWrapper write into any object with a write() method."""

    def __init__(self, write):
        self._write = write

    def writable(self):
        return True

    def write(self, data):
        self._write(data)
        return len(data)


def _text_writer(out, encoding):
    if out is None:
        return sys.stdout
    if isinstance(out, (io.TextIOBase, codecs.StreamWriter,
                        codecs.StreamReaderWriter)):
        return out
    if isinstance(out, io.RawIOBase):
        buffer = io.BufferedWriter(out)
        buffer.close = lambda: None
    else:
        buffer = _ByteSink(out.write)
    return io.TextIOWrapper(buffer, encoding=encoding,
                            errors='xmlcharrefreplace', newline='\n',
                            write_through=True)


class XMLGenerator(handler.ContentHandler):
    """A ContentHandler that writes the events it receives as XML."""

    def __init__(self, out=None, encoding="iso-8859-1",
                 short_empty_elements=False):
        handler.ContentHandler.__init__(self)
        out = _text_writer(out, encoding)
        self._write = out.write
        self._flush = out.flush
        self._ns_contexts = [{}]
        self._current_context = self._ns_contexts[-1]
        self._undeclared_ns_maps = []
        self._encoding = encoding
        self._short_empty_elements = short_empty_elements
        self._pending_start_element = False

    def _qname(self, name):
        """(uri, localname) -> the qualified name to write."""
        if name[0]:
            if 'http://www.w3.org/XML/1998/namespace' == name[0]:
                return 'xml:' + name[1]
            prefix = self._current_context[name[0]]
            if prefix:
                return prefix + ":" + name[1]
        return name[1]

    def _finish_pending_start_element(self, end_element=False):
        if self._pending_start_element:
            self._write('>')
            self._pending_start_element = False

    def startDocument(self):
        self._write('<?xml version="1.0" encoding="%s"?>\n' % self._encoding)

    def endDocument(self):
        self._flush()

    def startPrefixMapping(self, prefix, uri):
        self._ns_contexts.append(self._current_context.copy())
        self._current_context[uri] = prefix
        self._undeclared_ns_maps.append((prefix, uri))

    def endPrefixMapping(self, prefix):
        self._current_context = self._ns_contexts[-1]
        del self._ns_contexts[-1]

    def startElement(self, name, attrs):
        self._finish_pending_start_element()
        self._write('<' + name)
        for attr_name, value in attrs.items():
            self._write(' %s=%s' % (attr_name, quoteattr(value)))
        if self._short_empty_elements:
            self._pending_start_element = True
        else:
            self._write(">")

    def endElement(self, name):
        if self._pending_start_element:
            self._write('/>')
            self._pending_start_element = False
        else:
            self._write('</%s>' % name)

    def startElementNS(self, name, qname, attrs):
        self._finish_pending_start_element()
        self._write('<' + self._qname(name))
        for prefix, uri in self._undeclared_ns_maps:
            if prefix:
                self._write(' xmlns:%s="%s"' % (prefix, uri))
            else:
                self._write(' xmlns="%s"' % uri)
        self._undeclared_ns_maps = []
        for attr_name, value in attrs.items():
            self._write(' %s=%s' % (self._qname(attr_name), quoteattr(value)))
        if self._short_empty_elements:
            self._pending_start_element = True
        else:
            self._write(">")

    def endElementNS(self, name, qname):
        if self._pending_start_element:
            self._write('/>')
            self._pending_start_element = False
        else:
            self._write('</%s>' % self._qname(name))

    def characters(self, content):
        if content:
            self._finish_pending_start_element()
            if not isinstance(content, str):
                content = str(content, self._encoding)
            self._write(escape(content))

    def ignorableWhitespace(self, content):
        if content:
            self._finish_pending_start_element()
            if not isinstance(content, str):
                content = str(content, self._encoding)
            self._write(content)

    def processingInstruction(self, target, data):
        self._finish_pending_start_element()
        self._write('<?%s %s?>' % (target, data))


class XMLFilterBase(xmlreader.XMLReader):
    """An XMLReader between a parent reader and the application's handlers,
    passing every event through unchanged; subclasses override events."""

    def __init__(self, parent=None):
        xmlreader.XMLReader.__init__(self)
        self._parent = parent

    # ErrorHandler
    def error(self, exception):
        self._err_handler.error(exception)

    def fatalError(self, exception):
        self._err_handler.fatalError(exception)

    def warning(self, exception):
        self._err_handler.warning(exception)

    # ContentHandler
    def setDocumentLocator(self, locator):
        self._cont_handler.setDocumentLocator(locator)

    def startDocument(self):
        self._cont_handler.startDocument()

    def endDocument(self):
        self._cont_handler.endDocument()

    def startPrefixMapping(self, prefix, uri):
        self._cont_handler.startPrefixMapping(prefix, uri)

    def endPrefixMapping(self, prefix):
        self._cont_handler.endPrefixMapping(prefix)

    def startElement(self, name, attrs):
        self._cont_handler.startElement(name, attrs)

    def endElement(self, name):
        self._cont_handler.endElement(name)

    def startElementNS(self, name, qname, attrs):
        self._cont_handler.startElementNS(name, qname, attrs)

    def endElementNS(self, name, qname):
        self._cont_handler.endElementNS(name, qname)

    def characters(self, content):
        self._cont_handler.characters(content)

    def ignorableWhitespace(self, chars):
        self._cont_handler.ignorableWhitespace(chars)

    def processingInstruction(self, target, data):
        self._cont_handler.processingInstruction(target, data)

    def skippedEntity(self, name):
        self._cont_handler.skippedEntity(name)

    # DTDHandler
    def notationDecl(self, name, publicId, systemId):
        self._dtd_handler.notationDecl(name, publicId, systemId)

    def unparsedEntityDecl(self, name, publicId, systemId, ndata):
        self._dtd_handler.unparsedEntityDecl(name, publicId, systemId, ndata)

    # EntityResolver
    def resolveEntity(self, publicId, systemId):
        return self._ent_handler.resolveEntity(publicId, systemId)

    # XMLReader
    def parse(self, source):
        self._parent.setContentHandler(self)
        self._parent.setErrorHandler(self)
        self._parent.setEntityResolver(self)
        self._parent.setDTDHandler(self)
        self._parent.parse(source)

    def setLocale(self, locale):
        self._parent.setLocale(locale)

    def getFeature(self, name):
        return self._parent.getFeature(name)

    def setFeature(self, name, state):
        self._parent.setFeature(name, state)

    def getProperty(self, name):
        return self._parent.getProperty(name)

    def setProperty(self, name, value):
        self._parent.setProperty(name, value)

    def getParent(self):
        return self._parent

    def setParent(self, parent):
        self._parent = parent


def prepare_input_source(source, base=""):
    """Turn a path, URL, file object or InputSource into an InputSource
    with an open stream, resolving relative system ids against `base`."""
    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    if isinstance(source, str):
        source = xmlreader.InputSource(source)
    elif hasattr(source, "read"):
        file = source
        source = xmlreader.InputSource()
        if isinstance(file.read(0), str):
            source.setCharacterStream(file)
        else:
            source.setByteStream(file)
        name = getattr(file, "name", None)
        if isinstance(name, str):
            source.setSystemId(name)
    if source.getCharacterStream() is None and source.getByteStream() is None:
        system_id = source.getSystemId()
        base_dir = os.path.dirname(os.path.normpath(base))
        path = os.path.join(base_dir, system_id)
        if os.path.isfile(path):
            source.setSystemId(path)
            stream = open(path, "rb")
        else:
            import urllib.request
            source.setSystemId(urllib.parse.urljoin(base, system_id))
            stream = urllib.request.urlopen(source.getSystemId())
        source.setByteStream(stream)
    return source
