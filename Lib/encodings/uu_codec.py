"""Python 'uu_codec' Codec: bytes to a uuencoded block ("begin 666
<data>" ... "end") and back.  Not a text encoding: use
codecs.encode(data, 'uu')."""

import binascii
from encodings._transform_codec import _check_errors, build


def uu_encode(input, errors='strict', filename='<data>', mode=0o666):
    """The uuencoded block of input, with the given file name and mode."""
    _check_errors(errors)
    data = bytes(input)
    lines = [b'begin %o %s\n' % (mode & 0o777, filename.encode('latin-1'))]
    # binascii.b2a_uu takes at most 45 bytes per line.
    for start in range(0, len(data), 45):
        lines.append(binascii.b2a_uu(data[start:start + 45]))
    lines.append(b' \nend\n')
    return b''.join(lines), len(input)


def uu_decode(input, errors='strict'):
    """The data of the first uuencoded block of input."""
    _check_errors(errors)
    lines = iter(bytes(input).splitlines(keepends=True))
    for line in lines:
        if line.startswith(b'begin'):
            break
    else:
        raise ValueError('Missing "begin" line in input data')
    out = []
    for line in lines:
        if not line or line.startswith(b'end'):
            break
        try:
            chunk = binascii.a2b_uu(line)
        except binascii.Error:
            # Some encoders pad lines with garbage: decode the length the
            # line's first character announces.
            count = (((line[0] - 32) & 63) * 4 + 5) // 3
            chunk = binascii.a2b_uu(line[:count])
        out.append(chunk)
    else:
        raise ValueError('Truncated input data')
    return b''.join(out), len(input)


(_, _, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
 StreamReader, getregentry) = build('uu', lambda data: uu_encode(data)[0],
                                    lambda data: uu_decode(data)[0],
                                    whole=(uu_encode, uu_decode))
