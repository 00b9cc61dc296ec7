"""JSON (JavaScript Object Notation) encoder and decoder.

dumps()/dump() turn Python objects into JSON text; loads()/load() parse
JSON text back.  JSONEncoder and JSONDecoder are the classes behind them
and may be subclassed to extend the mapping between the two worlds.
"""

__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]
__author__ = 'Weft'

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder
import codecs

# Shared instances used when the caller passes no customisation; both are
# immutable after construction, so sharing them between threads is safe.
_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def _uses_defaults(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                   indent, separators, default, sort_keys, kw):
    return (not skipkeys and ensure_ascii and check_circular and allow_nan
            and cls is None and indent is None and separators is None
            and default is None and not sort_keys and not kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize obj as a JSON formatted stream to fp (a .write()-supporting
    file-like object).  The keyword arguments mean the same as for dumps().
    """
    if _uses_defaults(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                      indent, separators, default, sort_keys, kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan,
                       indent=indent, separators=separators, default=default,
                       sort_keys=sort_keys, **kw).iterencode(obj)
    # Writing chunk by chunk keeps memory flat for large documents.
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str.

    skipkeys: skip dict keys that are not str, int, float, bool or None
    instead of raising TypeError.  ensure_ascii: escape every non-ASCII
    character.  check_circular: detect reference cycles (ValueError)
    instead of recursing forever.  allow_nan: emit NaN/Infinity instead of
    raising ValueError.  indent: pretty-print with this indent (an int
    counts spaces, a str is used as is).  separators: an (item_separator,
    key_separator) pair.  default: called for objects that cannot
    otherwise be serialized.  sort_keys: output dicts sorted by key.
    cls: a JSONEncoder subclass to use.
    """
    if _uses_defaults(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                      indent, separators, default, sort_keys, kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def detect_encoding(b):
    """Guess the encoding of JSON bytes from a BOM or the NUL-byte layout
    of the first characters (JSON text starts with ASCII)."""
    bstartswith = b.startswith
    if bstartswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE)):
        return 'utf-32'
    if bstartswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return 'utf-16'
    if bstartswith(codecs.BOM_UTF8):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            # 00 00 -- -- is UTF-32-BE, 00 XX -- -- is UTF-16-BE
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            # XX 00 00 00 is UTF-32-LE, XX 00 00 XX or XX 00 XX -- UTF-16-LE
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None,
         array_hook=None, **kw):
    """Deserialize fp (a .read()-supporting file-like object holding a JSON
    document) to a Python object.  The keyword arguments mean the same as
    for loads()."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, array_hook=array_hook,
                 **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None,
          array_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document) to
    a Python object.

    object_hook is called with every decoded object (a dict) and its
    result used instead; object_pairs_hook likewise with the ordered list
    of pairs, and wins over object_hook.  array_hook likewise replaces
    the list built for each array.  parse_float, parse_int and
    parse_constant convert the text of floats, integers and of
    -Infinity/Infinity/NaN.  cls: a JSONDecoder subclass to use.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = s.decode(detect_encoding(s), 'surrogatepass')
    else:
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')

    if (cls is None and object_hook is None and parse_int is None
            and parse_float is None and parse_constant is None
            and object_pairs_hook is None and array_hook is None
            and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if array_hook is not None:
        kw['array_hook'] = array_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
