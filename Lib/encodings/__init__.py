"""The standard codecs, one module per encoding.

The package registers a search function with the codec registry.
Given a normalised encoding name, it looks the name up in
encodings.aliases, imports encodings.<module> and returns what that
module's getregentry() gives: a codecs.CodecInfo (or an old-style tuple
of 4 to 7 items, converted here).  A module may also define
getaliases(), returning more names for itself.
"""

import codecs
from . import aliases

# normalised encoding name -> CodecInfo, or None when no module has it
_cache = {}
_unknown = '--unknown--'
_import_tail = ['*']
_aliases = aliases.aliases


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """The encoding name in the form used for module names: each run of
    characters other than letters, digits and '.' becomes one '_'
    (none at either end), and non-ASCII characters are dropped.  Case
    is kept.
    """
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")

    chars = []
    pending_separator = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if pending_separator and chars:
                chars.append('_')
            if c.isascii():
                chars.append(c)
            pending_separator = False
        else:
            pending_separator = True
    return ''.join(chars)


def _import_codec_module(names):
    """The first encodings.NAME module that imports, or None."""
    for name in names:
        # A dotted name would reach outside the package.
        if not name or '.' in name:
            continue
        try:
            return name, __import__('encodings.' + name,
                                    fromlist=_import_tail, level=0)
        except ImportError:
            # No codec of that name, or a helper it needs is missing.
            pass
    return None, None


def _as_codec_info(entry, mod):
    """Turn the tuple an old-style getregentry() returns into a
    CodecInfo, checking its parts."""
    if isinstance(entry, codecs.CodecInfo):
        return entry
    if not 4 <= len(entry) <= 7:
        raise CodecRegistryError('module "%s" (%s) failed to register'
                                 % (mod.__name__, mod.__file__))
    for index, part in enumerate(entry[:6]):
        if not callable(part) and (index < 2 or part is not None):
            raise CodecRegistryError('incompatible codecs in module "%s" (%s)'
                                     % (mod.__name__, mod.__file__))
    if len(entry) < 7 or entry[6] is None:
        entry = (tuple(entry) + (None,) * (6 - len(entry))
                 + (mod.__name__.split(".", 1)[1],))
    return codecs.CodecInfo(*entry)


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry

    # Try the alias table first, then the name itself as a module name.
    norm_encoding = normalize_encoding(encoding)
    aliased = (_aliases.get(norm_encoding)
               or _aliases.get(norm_encoding.replace('.', '_')))
    candidates = [norm_encoding]
    if aliased is not None:
        candidates.insert(0, aliased)

    modname, mod = _import_codec_module(candidates)
    getregentry = getattr(mod, 'getregentry', None)
    if getregentry is None:
        _cache[encoding] = None
        return None

    entry = _as_codec_info(getregentry(), mod)
    _cache[encoding] = entry

    # Learn the aliases the module declares, without overriding the table.
    getaliases = getattr(mod, 'getaliases', None)
    if getaliases is not None:
        for alias in getaliases():
            if alias not in _aliases:
                _aliases[alias] = modname

    return entry


codecs.register(search_function)
