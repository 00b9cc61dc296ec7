"""The punycode codec (RFC 3492): Unicode strings as ASCII, the basic
code points first, then the others encoded as variable-length integers
describing where to insert them."""

import codecs

_BASE = 36
_TMIN = 1
_TMAX = 26
_SKEW = 38
_DAMP = 700
_INITIAL_BIAS = 72
_INITIAL_N = 0x80
_DIGITS = b"abcdefghijklmnopqrstuvwxyz0123456789"


def _adapt(delta, numpoints, first):
    """The bias for the next integer, from the size of the last delta."""
    delta = delta // _DAMP if first else delta // 2
    delta += delta // numpoints
    k = 0
    while delta > ((_BASE - _TMIN) * _TMAX) // 2:
        delta //= _BASE - _TMIN
        k += _BASE
    return k + ((_BASE - _TMIN + 1) * delta) // (delta + _SKEW)


def _threshold(k, bias):
    if k <= bias:
        return _TMIN
    if k >= bias + _TMAX:
        return _TMAX
    return k - bias


def _encode_integer(value, bias):
    """`value` as generalized variable-length base-36 digits."""
    out = bytearray()
    k = _BASE
    while True:
        t = _threshold(k, bias)
        if value < t:
            out.append(_DIGITS[value])
            return bytes(out)
        out.append(_DIGITS[t + (value - t) % (_BASE - t)])
        value = (value - t) // (_BASE - t)
        k += _BASE


def punycode_encode(text):
    basic = bytes(ord(c) for c in text if ord(c) < 0x80)
    output = bytearray(basic)
    if basic:
        output.append(ord("-"))
    n = _INITIAL_N
    delta = 0
    bias = _INITIAL_BIAS
    handled = len(basic)
    codepoints = [ord(c) for c in text]
    first = True
    while handled < len(codepoints):
        m = min(c for c in codepoints if c >= n)
        delta += (m - n) * (handled + 1)
        n = m
        for c in codepoints:
            if c < n:
                delta += 1
            elif c == n:
                output += _encode_integer(delta, bias)
                bias = _adapt(delta, handled + 1, first)
                first = False
                delta = 0
                handled += 1
        delta += 1
        n += 1
    return bytes(output)


def _digit_value(data, position, errors):
    byte = data[position]
    if 0x61 <= byte <= 0x7A:          # a-z
        return byte - 0x61
    if 0x41 <= byte <= 0x5A:          # A-Z
        return byte - 0x41
    if 0x30 <= byte <= 0x39:          # 0-9
        return byte - 22
    if errors == "strict":
        raise UnicodeDecodeError("punycode", data, position, position + 1,
                                 f"Invalid extended code point '{chr(byte)}'")
    return None


def punycode_decode(data, errors):
    if isinstance(data, str):
        data = data.encode("ascii")
    data = bytes(data)
    split = data.rfind(b"-")
    if split == -1:
        base, extended = b"", data.upper()
        extended_start = 0
    else:
        base = data[:split]
        extended = data[split + 1:].upper()
        extended_start = split + 1
    try:
        output = list(base.decode("ascii"))
    except UnicodeDecodeError as exc:
        if errors == "strict":
            # Still an ascii error, but over the whole input, as CPython.
            raise UnicodeDecodeError("ascii", data, exc.start, exc.end,
                                     exc.reason) from None
        output = list(base.decode("ascii", errors))
    n = _INITIAL_N
    i = 0
    bias = _INITIAL_BIAS
    pos = 0
    first = True
    while pos < len(extended):
        old_i = i
        weight = 1
        k = _BASE
        while True:
            if pos >= len(extended):
                if errors == "strict":
                    raise UnicodeDecodeError("punycode", data,
                                             extended_start + pos - 1,
                                             len(data), "incomplete punycode "
                                             "string")
                return "".join(output)
            digit = _digit_value(data, extended_start + pos, errors)
            pos += 1
            if digit is None:
                return "".join(output)
            i += digit * weight
            t = _threshold(k, bias)
            if digit < t:
                break
            weight *= _BASE - t
            k += _BASE
        bias = _adapt(i - old_i, len(output) + 1, first)
        first = False
        n += i // (len(output) + 1)
        if n > 0x10FFFF:
            if errors == "strict":
                raise UnicodeDecodeError("punycode", data, 0, len(data),
                                         f"Invalid character U+{n:x}")
            n = ord("?")
        i %= len(output) + 1
        output.insert(i, chr(n))
        i += 1
    return "".join(output)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        result = punycode_encode(input)
        return result, len(input)

    def decode(self, input, errors='strict'):
        if errors not in ('strict', 'replace', 'ignore'):
            raise UnicodeError(f"Unsupported error handling: {errors}")
        result = punycode_decode(input, errors)
        return result, len(input)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return punycode_encode(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        if self.errors not in ('strict', 'replace', 'ignore'):
            raise UnicodeError(f"Unsupported error handling: {self.errors}")
        return punycode_decode(input, self.errors)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='punycode',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
