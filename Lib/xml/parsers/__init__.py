"""Python interfaces to XML parsers; Weft provides xml.parsers.expat."""
