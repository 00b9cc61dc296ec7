"""XInclude processing for ElementTree: replace xi:include elements with
the documents (or text) they name."""

import copy
from urllib.parse import urljoin

from . import ElementTree

XINCLUDE = "{http://www.w3.org/2001/XInclude}"
XINCLUDE_INCLUDE = XINCLUDE + "include"
XINCLUDE_FALLBACK = XINCLUDE + "fallback"

DEFAULT_MAX_INCLUSION_DEPTH = 6


class FatalIncludeError(SyntaxError):
    """An include could not be processed."""


class LimitedRecursiveIncludeError(FatalIncludeError):
    """Includes nested deeper than max_depth."""


def default_loader(href, parse, encoding=None):
    """Load `href` as an element tree ('xml') or as text ('text')."""
    if parse == "xml":
        with open(href, 'rb') as file:
            return ElementTree.parse(file).getroot()
    if not encoding:
        encoding = 'UTF-8'
    with open(href, 'r', encoding=encoding) as file:
        return file.read()


def include(elem, loader=None, base_url=None,
            max_depth=DEFAULT_MAX_INCLUSION_DEPTH):
    """Expand the xi:include elements below `elem` in place."""
    if max_depth is None:
        max_depth = -1
    elif max_depth < 0:
        raise ValueError("expected non-negative depth or None for "
                         "'max_depth', got %r" % max_depth)
    if hasattr(elem, 'getroot'):
        elem = elem.getroot()
    if loader is None:
        loader = default_loader
    _include(elem, loader, base_url, max_depth, set())


def _include(elem, loader, base_url, max_depth, seen):
    i = 0
    while i < len(elem):
        child = elem[i]
        if child.tag == XINCLUDE_INCLUDE:
            href = child.get("href")
            if base_url:
                href = urljoin(base_url, href)
            parse = child.get("parse", "xml")
            if parse == "xml":
                if href in seen:
                    raise FatalIncludeError("recursive include of %s" % href)
                if max_depth == 0:
                    raise LimitedRecursiveIncludeError(
                        "maximum xinclude depth reached when including "
                        "file %s" % href)
                seen.add(href)
                node = loader(href, parse)
                if node is None:
                    raise FatalIncludeError(
                        "cannot load %r as %r" % (href, parse))
                node = copy.copy(node)
                _include(node, loader, href, max_depth - 1, seen)
                seen.remove(href)
                if child.tail:
                    node.tail = (node.tail or "") + child.tail
                elem[i] = node
            elif parse == "text":
                text = loader(href, parse, child.get("encoding"))
                if text is None:
                    raise FatalIncludeError(
                        "cannot load %r as %r" % (href, parse))
                if child.tail:
                    text += child.tail
                if i:
                    node = elem[i - 1]
                    node.tail = (node.tail or "") + text
                else:
                    elem.text = (elem.text or "") + text
                del elem[i]
                continue
            else:
                raise FatalIncludeError(
                    "unknown parse type in xi:include tag (%r)" % parse)
        elif child.tag == XINCLUDE_FALLBACK:
            raise FatalIncludeError(
                "xi:fallback tag must be child of xi:include (%r)" % child.tag)
        else:
            _include(child, loader, base_url, max_depth, seen)
        i += 1
