"""XML processing: the Expat parser bindings (xml.parsers.expat), the
ElementTree API (xml.etree.ElementTree), a DOM (xml.dom.minidom) and the
SAX interfaces (xml.sax)."""

__all__ = ["dom", "parsers", "sax", "etree"]
