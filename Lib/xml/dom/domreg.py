"""The registry of DOM implementations behind getDOMImplementation()."""

import sys

well_known_implementations = {
    'minidom': 'xml.dom.minidom',
}

registered = {}


def registerDOMImplementation(name, factory):
    """Register `factory` (a callable returning a DOMImplementation)."""
    registered[name] = factory


def _good_enough(dom, features):
    for feature, version in features:
        if not dom.hasFeature(feature, version):
            return False
    return True


def getDOMImplementation(name=None, features=()):
    """A DOM implementation by name, or the first one supporting
    `features` (a sequence of (feature, version) pairs or a string)."""
    import os
    creator = None
    module = well_known_implementations.get(name)
    if module:
        module = __import__(module, {}, {}, ['getDOMImplementation'])
        return module.getDOMImplementation()
    if name:
        return registered[name]()
    if not sys.flags.ignore_environment and "PYTHON_DOM" in os.environ:
        return getDOMImplementation(name=os.environ["PYTHON_DOM"])
    if isinstance(features, str):
        features = _parse_feature_string(features)
    for creator in registered.values():
        dom = creator()
        if _good_enough(dom, features):
            return dom
    for creator in well_known_implementations.keys():
        try:
            dom = getDOMImplementation(name=creator)
        except Exception:
            continue
        if _good_enough(dom, features):
            return dom
    raise ImportError("no suitable DOM implementation found")


def _parse_feature_string(s):
    features = []
    parts = s.split()
    i = 0
    while i < len(parts):
        feature = parts[i]
        if feature[0] in "0123456789":
            raise ValueError("bad feature name: %r" % (feature,))
        i += 1
        version = None
        if i < len(parts) and parts[i][0] in "0123456789":
            version = parts[i]
            i += 1
        features.append((feature, version))
    return tuple(features)
