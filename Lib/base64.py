"""Base16, Base32, Base64 (RFC 4648), Base85 and Ascii85 data encodings.

The Base64 and hexadecimal work is done by binascii; Base32 and the
Base85 family are implemented here."""

import binascii
import struct

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'z85encode', 'z85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    """Decoders accept ASCII str as well as bytes-like objects."""
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII '
                             'characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % s.__class__.__name__) from None


def _wrap(encoded, wrapcol):
    """Insert a newline after every wrapcol characters."""
    if not wrapcol or not encoded:
        return encoded
    return b'\n'.join(encoded[i:i + wrapcol]
                      for i in range(0, len(encoded), wrapcol))


# ---- Base64 -------------------------------------------------------------

def b64encode(s, altchars=None, *, wrapcol=0):
    """Encode the bytes-like object s using Base64 and return bytes.

    altchars, if given, is a 2-byte bytes-like object that replaces the
    '+' and '/' characters.  A non-zero wrapcol inserts a newline after
    at most every wrapcol characters."""
    encoded = binascii.b2a_base64(s, wrapcol=wrapcol, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s.

    With validate false, characters outside the alphabet are discarded
    before the padding check; with validate true they raise
    binascii.Error."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=bool(validate))


def standard_b64encode(s):
    """Encode bytes-like object s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode s, encoded with the standard Base64 alphabet."""
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Encode s using the URL- and filesystem-safe Base64 alphabet
    ('-' instead of '+' and '_' instead of '/')."""
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    """Decode s, encoded with the URL- and filesystem-safe alphabet."""
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


# ---- Base32 -------------------------------------------------------------

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Padding characters for the number of bytes (0-4) in a final group.
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}


def _b32encode(alphabet, s, wrapcol=0):
    s = memoryview(s).tobytes() if not isinstance(s, bytes_types) else s
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        word = int.from_bytes(chunk.ljust(5, b'\0'), 'big')
        group = bytes(alphabet[(word >> (35 - 5 * k)) & 31]
                      for k in range(8))
        pads = _B32_PADDING[len(chunk) % 5]
        if pads:
            group = group[:8 - pads] + b'=' * pads
        out += group
    return _wrap(bytes(out), wrapcol)


def _strip_ignored(s, ignorechars):
    if ignorechars:
        s = s.translate(None, _bytes_from_decode_data(ignorechars))
    return s


def _b32decode(alphabet, s, casefold=False, map01=None, ignorechars=b''):
    s = _strip_ignored(_bytes_from_decode_data(s), ignorechars)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b'=')
    pads = len(s) - len(stripped)
    if pads not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    values = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for i in range(0, len(stripped), 8):
        word = 0
        group = stripped[i:i + 8]
        for c in group:
            try:
                word = (word << 5) | values[c]
            except KeyError:
                raise binascii.Error('Non-base32 digit found') from None
        word <<= 5 * (8 - len(group))
        out += word.to_bytes(5, 'big')
    if pads:
        keep = {1: 4, 3: 3, 4: 2, 6: 1}[pads]
        del out[len(out) - 5 + keep:]
    return bytes(out)


def b32encode(s, *, wrapcol=0):
    """Encode the bytes-like object s using Base32 and return bytes."""
    return _b32encode(_B32_ALPHABET, s, wrapcol)


def b32decode(s, casefold=False, map01=None, *, ignorechars=b''):
    """Decode the Base32 encoded bytes-like object or ASCII string s.

    casefold accepts a lowercase alphabet; map01, if given, is the letter
    the digit 1 maps to (0 always maps to O); characters in ignorechars
    are skipped."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01, ignorechars)


def b32hexencode(s, *, wrapcol=0):
    """Encode s using the Extended Hex Base32 alphabet (RFC 4648)."""
    return _b32encode(_B32HEX_ALPHABET, s, wrapcol)


def b32hexdecode(s, casefold=False, *, ignorechars=b''):
    """Decode s, encoded with the Extended Hex Base32 alphabet."""
    return _b32decode(_B32HEX_ALPHABET, s, casefold, None, ignorechars)


# ---- Base16 -------------------------------------------------------------

def b16encode(s, *, wrapcol=0):
    """Encode the bytes-like object s using Base16 and return bytes."""
    return _wrap(binascii.hexlify(s).upper(), wrapcol)


def b16decode(s, casefold=False, *, ignorechars=b''):
    """Decode the Base16 encoded bytes-like object or ASCII string s."""
    s = _strip_ignored(_bytes_from_decode_data(s), ignorechars)
    if casefold:
        s = s.upper()
    if s.translate(None, b'0123456789ABCDEF'):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---- Ascii85 and Base85 --------------------------------------------------

def _words(b):
    """The big-endian 32-bit words of b padded with zeros, and the count
    of padding bytes."""
    if not isinstance(b, bytes_types):
        b = memoryview(b).tobytes()
    padding = (-len(b)) % 4
    if padding:
        b = b + b'\0' * padding
    return struct.unpack('!%dI' % (len(b) // 4), b), padding


def _encode85(b, alphabet, pad, fold_nuls=False, fold_spaces=False):
    words, padding = _words(b)
    chunks = []
    for word in words:
        if fold_nuls and word == 0:
            chunks.append(b'z')
        elif fold_spaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digits[k] = divmod(word, 85)
            chunks.append(bytes(alphabet[d] for d in digits))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = bytes([alphabet[0]]) * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


_A85_ALPHABET = bytes(range(33, 118))
_A85_START = b'<~'
_A85_END = b'~>'


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode the bytes-like object b using Ascii85 and return bytes.

    foldspaces writes 4 spaces as 'y'; wrapcol wraps lines; pad pads the
    input to a multiple of 4 bytes; adobe frames the result with <~ ~>."""
    result = _encode85(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85_START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol]
                  for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85_END
    return result


def a85decode(b, *, foldspaces=False, adobe=False,
              ignorechars=b' \t\n\r\v'):
    """Decode the Ascii85 encoded bytes-like object or ASCII string b.

    foldspaces accepts 'y' for 4 spaces; adobe expects the <~ ~> framing;
    ignorechars are skipped."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85_END):
            raise ValueError('Ascii85 encoded byte sequences must end '
                             'with {!r}'.format(_A85_END))
        if b.startswith(_A85_START):
            b = b[2:-2]
        else:
            b = b[:-2]
    decoded = []
    group = []
    for x in b + b'u' * 4:
        if 33 <= x <= 117:
            group.append(x - 33)
            if len(group) == 5:
                word = 0
                for d in group:
                    word = word * 85 + d
                if word > 0xffffffff:
                    raise ValueError('Ascii85 overflow') from None
                decoded.append(word.to_bytes(4, 'big'))
                group = []
        elif x == 122:  # z
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            decoded.append(b'\0\0\0\0')
        elif foldspaces and x == 121:  # y
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            decoded.append(b'    ')
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    result = b''.join(decoded)
    padding = 4 - len(group)
    if padding:
        result = result[:-padding]
    return result


_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_Z85_ALPHABET = (b'0123456789abcdefghijklmnopqrstuvwxyz'
                 b'ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#')


def _decode85(b, alphabet, name):
    values = [None] * 256
    for i, c in enumerate(alphabet):
        values[c] = i
    padding = (-len(b)) % 5
    b = b + bytes([alphabet[-1]]) * padding
    out = []
    for i in range(0, len(b), 5):
        word = 0
        for j, c in enumerate(b[i:i + 5]):
            v = values[c]
            if v is None:
                raise ValueError('bad %s character at position %d'
                                 % (name, i + j)) from None
            word = word * 85 + v
        if word > 0xffffffff:
            raise ValueError('%s overflow in hunk starting at byte %d'
                             % (name, i)) from None
        out.append(word.to_bytes(4, 'big'))
    result = b''.join(out)
    if padding:
        result = result[:-padding]
    return result


def b85encode(b, pad=False, *, wrapcol=0):
    """Encode the bytes-like object b in base85 (as used in git-style
    binary diffs) and return bytes."""
    return _wrap(_encode85(b, _B85_ALPHABET, pad), wrapcol)


def b85decode(b, *, ignorechars=b''):
    """Decode the base85-encoded bytes-like object or ASCII string b."""
    b = _strip_ignored(_bytes_from_decode_data(b), ignorechars)
    return _decode85(b, _B85_ALPHABET, 'base85')


def z85encode(s, pad=False, *, wrapcol=0):
    """Encode the bytes-like object s in Z85 (ZeroMQ) and return bytes."""
    return _wrap(_encode85(s, _Z85_ALPHABET, pad), wrapcol)


def z85decode(s, *, ignorechars=b''):
    """Decode the Z85-encoded bytes-like object or ASCII string s."""
    s = _strip_ignored(_bytes_from_decode_data(s), ignorechars)
    return _decode85(s, _Z85_ALPHABET, 'z85')


# ---- legacy interface -------------------------------------------------------

MAXLINESIZE = 76  # Excluding the CRLF
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode a binary file object into a base64 file object, one line
    of at most MAXLINESIZE characters per MAXBINSIZE input bytes."""
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            break
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    """Decode a base64 file object line by line into a binary file."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        msg = 'expected bytes-like object, not %s' % s.__class__.__name__
        raise TypeError(msg) from err
    if m.format not in ('c', 'b', 'B'):
        msg = ('expected single byte elements, not %r from %s'
               % (m.format, s.__class__.__name__))
        raise TypeError(msg)
    if m.ndim != 1:
        msg = ('expected 1-D data, not %d-D data from %s'
               % (m.ndim, s.__class__.__name__))
        raise TypeError(msg)


def encodebytes(s):
    """Encode a bytestring into a bytes object of base64 lines, each
    ending in a newline."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE])
                    for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode a bytestring of base64 lines."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def main():
    """Encode or decode a file or standard input to standard output."""
    import getopt
    import sys
    usage = f"""usage: {sys.argv[0]} [-h|-d|-e|-u] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)"""
    try:
        opts, args = getopt.getopt(sys.argv[1:], 'hdeu')
    except getopt.error as msg:
        sys.stdout = sys.stderr
        print(msg)
        print(usage)
        sys.exit(2)
    func = encode
    for o, _ in opts:
        if o == '-e':
            func = encode
        if o in ('-d', '-u'):
            func = decode
        if o == '-h':
            print(usage)
            return
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.flush()


if __name__ == '__main__':
    main()
