"""HMAC (Keyed-Hashing for Message Authentication), RFC 2104.

hmac.new(key, msg, digestmod) returns an HMAC object; hmac.digest() is the
one-shot form.  Digests that OpenSSL knows are computed by _hashlib;
any other hash constructor (or module with a new() function) is used
through the RFC's inner and outer padding here.
"""

import _hashlib
from _hashlib import compare_digest

__all__ = ('HMAC', 'new', 'digest', 'compare_digest', 'digest_size')

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# Kept for PEP 247; the real size is each HMAC object's digest_size.
digest_size = None


def _openssl_name(digestmod):
    """The digest name _hashlib can use for digestmod, or None."""
    if isinstance(digestmod, str):
        return digestmod
    try:
        return _hashlib._constructors.get(digestmod)
    except TypeError:
        return None


def _constructor_for(digestmod):
    """A callable returning a fresh hash object for digestmod."""
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        import hashlib
        return lambda data=b'': hashlib.new(digestmod, data)
    return digestmod.new


class HMAC:
    """A keyed hash (RFC 2104, RFC 4231) with the PEP 247 hash API."""

    blocksize = 64  # 512-bit HMAC; can be changed in subclasses.

    __slots__ = ('_hmac', '_inner', '_outer', 'block_size', 'digest_size')

    def __init__(self, key, msg=None, digestmod=''):
        """Start an HMAC of *msg* (if not None) under *key*.

        *key* is bytes or bytearray.  *digestmod* names the hash: a name
        hashlib.new() accepts, a hashlib constructor, or a PEP 247 module
        (anything with new()).  It must be given, although it comes after
        msg for historical reasons; pass it by keyword.
        """
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, "
                            f"but got {type(key).__name__!r}")
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")

        name = _openssl_name(digestmod)
        self._hmac = None
        if name is not None:
            try:
                self._hmac = _hashlib.hmac_new(key, msg, digestmod=name)
            except _hashlib.UnsupportedDigestmodError:
                # hashlib may still know it; if not, it raises ValueError.
                pass
        if self._hmac is not None:
            self.digest_size = self._hmac.digest_size
            self.block_size = self._hmac.block_size
        else:
            self._init_padded(key, msg, digestmod)

    def _init_padded(self, key, msg, digestmod):
        cons = _constructor_for(digestmod)
        self._inner = cons()
        self._outer = cons()
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, 'block_size', None)
        if blocksize is None or blocksize < 16:
            import warnings
            warnings.warn(f'block_size of {blocksize!r} seems too small; '
                          f'using our default of {self.blocksize}.',
                          RuntimeWarning, 2)
            blocksize = self.blocksize
        self.block_size = blocksize
        if len(key) > blocksize:
            key = cons(key).digest()
        key = key.ljust(blocksize, b'\0')
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        if self._hmac is not None:
            return self._hmac.name
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Add the bytes-like *msg* to the authenticated data."""
        (self._hmac or self._inner).update(msg)

    def copy(self):
        """An independent HMAC object with the same state as this one."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        if self._hmac is not None:
            other._hmac = self._hmac.copy()
        else:
            other._hmac = None
            other._inner = self._inner.copy()
            other._outer = self._outer.copy()
        return other

    def _current(self):
        """The outer hash object for the data so far."""
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        """The MAC of the data so far, as bytes; updating may continue."""
        if self._hmac is not None:
            return self._hmac.digest()
        return self._current().digest()

    def hexdigest(self):
        """The MAC of the data so far, as a str of hex digits."""
        if self._hmac is not None:
            return self._hmac.hexdigest()
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    """Return a new HMAC object; see HMAC for the arguments."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The MAC of *msg* under *key* in one call.

    *digest* is given as for HMAC's digestmod; a digest name OpenSSL
    knows is fastest.
    """
    name = _openssl_name(digest)
    if name is not None:
        try:
            return _hashlib.hmac_digest(key, msg, name)
        except _hashlib.UnsupportedDigestmodError:
            pass
    return HMAC(key, msg, digest).digest()
