"""Secure hashes and message digests: hashlib's interface to OpenSSL.

Named constructors (md5(), sha256(), blake2b(), ...) and new(name) return
hash objects with update(), digest(), hexdigest() and copy(), and the
attributes name, digest_size and block_size.  The digests themselves are
computed by the _hashlib extension on OpenSSL's libcrypto.

    >>> import hashlib
    >>> hashlib.sha256(b"abc").hexdigest()[:16]
    'ba7816bf8f01cfea'
"""

try:
    import _hashlib
except ImportError:
    # Without the OpenSSL extension no algorithm is available: the named
    # constructors are missing (each reported through logging, as CPython
    # reports a guaranteed algorithm it has no code for), new() raises
    # ValueError and pbkdf2_hmac() and scrypt() do not exist.
    _hashlib = None

__all__ = (
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
    'blake2b', 'blake2s',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
    'shake_128', 'shake_256',
    'new', 'algorithms_guaranteed', 'algorithms_available',
    'file_digest',
)

_guaranteed_names = (
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
    'blake2b', 'blake2s',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
    'shake_128', 'shake_256',
)

algorithms_guaranteed = set(_guaranteed_names)
algorithms_available = set(_guaranteed_names)

# The BLAKE2 constructors take their own keyword arguments, so new()
# sends those names to the classes rather than to _hashlib.new.
_blake2_classes = {}

if _hashlib is not None:
    algorithms_available |= set(_hashlib.openssl_md_meth_names)
    blake2b = _hashlib.blake2b
    blake2s = _hashlib.blake2s
    _blake2_classes = {'blake2b': blake2b, 'blake2s': blake2s}
    md5 = _hashlib.openssl_md5
    sha1 = _hashlib.openssl_sha1
    sha224 = _hashlib.openssl_sha224
    sha256 = _hashlib.openssl_sha256
    sha384 = _hashlib.openssl_sha384
    sha512 = _hashlib.openssl_sha512
    sha3_224 = _hashlib.openssl_sha3_224
    sha3_256 = _hashlib.openssl_sha3_256
    sha3_384 = _hashlib.openssl_sha3_384
    sha3_512 = _hashlib.openssl_sha3_512
    shake_128 = _hashlib.openssl_shake_128
    shake_256 = _hashlib.openssl_shake_256
    pbkdf2_hmac = _hashlib.pbkdf2_hmac
    scrypt = _hashlib.scrypt
    __all__ += ('pbkdf2_hmac', 'scrypt')
else:
    import logging
    for _name in _guaranteed_names:
        logging.error('code for hash %s was not found.', _name)
    del logging, _name


def new(name, data=b'', **kwargs):
    """A new hash object for the algorithm *name*, fed *data*.

    Keyword arguments go to the constructor (BLAKE2's parameters,
    usedforsecurity).  An unknown name raises ValueError.
    """
    if not isinstance(name, str):
        raise TypeError(f"new() argument 'name' must be str, "
                        f"not {type(name).__name__}")
    cls = _blake2_classes.get(name.lower())
    if cls is not None:
        return cls(data, **kwargs)
    if _hashlib is not None:
        try:
            return _hashlib.new(name, data, **kwargs)
        except _hashlib.UnsupportedDigestmodError:
            pass
    raise ValueError('unsupported hash type ' + name)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash everything *fileobj* yields and return the hash object.

    *fileobj* is a binary file opened for reading (or an in-memory binary
    stream); *digest* is an algorithm name or a callable returning a new
    hash object.
    """
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()

    if hasattr(fileobj, 'getbuffer'):
        # An in-memory binary stream: hash its buffer without copying.
        digestobj.update(fileobj.getbuffer())
        return digestobj

    if not (hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable')
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode."
        )

    buf = bytearray(_bufsize)
    view = memoryview(buf)
    while True:
        size = fileobj.readinto(buf)
        if size is None:
            raise BlockingIOError("I/O operation would block.")
        if size == 0:
            break
        digestobj.update(view[:size])
    return digestobj
