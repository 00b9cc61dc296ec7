"""Names for the classes and functions the codec factories make
(encodings._charmap_codec, _bom_codec, _transform_codec, _multibyte).

A codec module binds what build() returns to module-level names, as
CPython's codec modules define them; adopt() gives each object made
inside a factory that module and name as __module__ and __qualname__, so
pickle and copy find it by reference (pickle.dumps(codecs.lookup(...))).
"""

import sys


def _codec_module():
    """The name of the module that called the factory: the first caller
    outside the private encodings._* modules."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith("encodings._"):
            return module
        frame = frame.f_back
    return None


def adopt(**objects):
    """Give the factory-made objects among `objects` ({module-level name:
    class or function}) the calling codec module's name.  Runs while the
    codec module is imported, before any other thread can see them."""
    module = _codec_module()
    if module is None:
        return
    for name, obj in objects.items():
        if "<locals>" in obj.__qualname__:
            obj.__module__ = module
            obj.__qualname__ = name
