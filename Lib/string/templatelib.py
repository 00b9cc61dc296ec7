"""Support for template string literals (t-strings, PEP 750).

``Template`` and ``Interpolation`` are built-in types (the values t-string
literals evaluate to); this module gives them their public names.
"""

__all__ = ["Interpolation", "Template", "convert"]

# The types have no other public binding: take them from a t-string.
_sample = t"{None}"
Template = type(_sample)
Interpolation = type(_sample.interpolations[0])
del _sample


def convert(obj, /, conversion):
    """Apply an f-string conversion to *obj*: None leaves it unchanged,
    's' applies str(), 'r' repr() and 'a' ascii()."""
    match conversion:
        case None:
            return obj
        case 's':
            return str(obj)
        case 'r':
            return repr(obj)
        case 'a':
            return ascii(obj)
    raise ValueError(f"invalid conversion specifier: {conversion}")
