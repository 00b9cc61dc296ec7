"""Quoted-printable encoding and decoding (RFC 1521).

Encoding escapes '=', non-printable bytes and (optionally) spaces and
tabs as =XX, and breaks lines longer than 76 characters with soft line
breaks ('=' at the end of a line).  Decoding reverses both.
"""

__all__ = ['encode', 'decode', 'encodestring', 'decodestring']

try:
    from binascii import a2b_qp, b2a_qp
except ImportError:
    a2b_qp = b2a_qp = None

ESCAPE = b'='
MAXLINESIZE = 76
HEX = b'0123456789ABCDEF'
EMPTYSTRING = b''


def needsquoting(c, quotetabs, header):
    """Whether the byte value c must be written as =XX."""
    if c in b' \t':
        return quotetabs
    if c == ord('_'):
        return header
    return c == ord('=') or not (ord(' ') <= c <= ord('~'))


def quote(c):
    """=XX for the single byte c (an int or a bytes of length 1)."""
    if isinstance(c, bytes):
        c = c[0]
    return ESCAPE + bytes((HEX[c // 16], HEX[c % 16]))


def _encode_line(line, quotetabs, header):
    """Encode one line (without its line ending) as a list of output
    lines; all but the last end with a soft line break."""
    pieces = []
    for c in line:
        if header and c == ord(' '):
            pieces.append(b'_')
        elif needsquoting(c, quotetabs, header):
            pieces.append(quote(c))
        else:
            pieces.append(bytes((c,)))
    # Trailing whitespace would be lost in transport.
    if pieces and pieces[-1] in (b' ', b'\t'):
        pieces[-1] = quote(pieces[-1])
    out, current = [], b''
    for piece in pieces:
        if len(current) + len(piece) > MAXLINESIZE - 1:
            out.append(current + b'=')
            current = b''
        current += piece
    out.append(current)
    return out


def encodestring(s, quotetabs=False, header=False):
    """Quoted-printable form of the bytes s."""
    if b2a_qp is not None:
        return b2a_qp(s, quotetabs=quotetabs, header=header)
    result = []
    for line in s.splitlines(keepends=True):
        body = line.rstrip(b'\r\n')
        ending = line[len(body):]
        encoded = _encode_line(body, quotetabs, header)
        result.append(b'\n'.join(encoded) + (b'\n' if ending else b''))
    return b''.join(result)


def _is_hex_pair(pair):
    return len(pair) == 2 and all(c in b'0123456789abcdefABCDEF' for c in pair)


def decodestring(s, header=False):
    """Decode quoted-printable bytes s."""
    if a2b_qp is not None:
        return a2b_qp(s, header=header)
    out = bytearray()
    for line in s.splitlines(keepends=True):
        body = line.rstrip(b'\r\n').rstrip(b' \t')
        soft = body.endswith(b'=')
        if soft:
            body = body[:-1]
        i = 0
        while i < len(body):
            c = body[i]
            if header and c == ord('_'):
                out += b' '
            elif c == ord('=') and _is_hex_pair(body[i + 1:i + 3]):
                out.append(int(body[i + 1:i + 3], 16))
                i += 3
                continue
            else:
                out.append(c)
            i += 1
        if not soft and line != body and line.endswith((b'\n', b'\r')):
            out += b'\n'
    return bytes(out)


def encode(input, output, quotetabs, header=False):
    """Read binary file input and write its encoding to binary file output."""
    output.write(encodestring(input.read(), quotetabs, header))


def decode(input, output, header=False):
    """Read binary file input and write its decoding to binary file output."""
    output.write(decodestring(input.read(), header))


def main():
    import sys
    import getopt
    try:
        opts, args = getopt.getopt(sys.argv[1:], 'td')
    except getopt.error as msg:
        sys.stdout = sys.stderr
        print(msg)
        print('usage: quopri [-t | -d] [file] ...')
        print('-t: quote tabs')
        print('-d: decode; default encode')
        sys.exit(2)
    decoding = ('-d', '') in opts
    tabs = ('-t', '') in opts
    if tabs and decoding:
        sys.stdout = sys.stderr
        print('-t and -d are mutually exclusive')
        sys.exit(2)
    status = 0
    for name in args or ['-']:
        if name == '-':
            fp = sys.stdin.buffer
        else:
            try:
                fp = open(name, 'rb')
            except OSError as msg:
                sys.stderr.write("%s: can't open (%s)\n" % (name, msg))
                status = 1
                continue
        try:
            if decoding:
                decode(fp, sys.stdout.buffer)
            else:
                encode(fp, sys.stdout.buffer, tabs)
        finally:
            if name != '-':
                fp.close()
    if status:
        sys.exit(status)


if __name__ == '__main__':
    main()
