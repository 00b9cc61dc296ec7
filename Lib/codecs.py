"""codecs -- Python Codec Registry, API and helpers.

The registry itself lives in C (_codecs); this module adds the base
classes codecs are written with, the stream wrappers, and conveniences
for looking codecs up.
"""

import builtins
import sys

try:
    from _codecs import *
except ImportError as why:
    raise SystemError('Failed to load the builtin codecs: %s' % why)

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error"]

# ---- byte order marks ---------------------------------------------------

BOM_UTF8 = b'\xef\xbb\xbf'

BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'

if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE

# Old names, kept for compatibility.
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


# ---- the codec description returned by lookup() --------------------------

class CodecInfo(tuple):
    """What lookup() returns: a 4-tuple (encode, decode, streamreader,
    streamwriter) that also names every part, and the codec, by attribute.
    """

    # Codecs that do not turn str into bytes and back (rot13, base64)
    # set this to False so str.encode() and bytes.decode() refuse them.
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \
                (self.__class__.__module__, self.__class__.__qualname__,
                 self.name, id(self))

    def __getnewargs__(self):
        return tuple(self)


# ---- base classes for codecs ----------------------------------------------

class Codec:
    """Base class of stateless codecs.

    encode() and decode() take the input and an error handler name
    ('strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape',
    'xmlcharrefreplace' and 'namereplace' for encoding only, or any name
    given to register_error) and return (output, length consumed).
    """

    def encode(self, input, errors='strict'):
        """Encode input; return (output, number of input items consumed).

        errors names the error handler ('strict' by default).  Must accept
        empty input, and must keep no state: stateful encoders are
        IncrementalEncoder or StreamWriter subclasses.
        """
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        """Decode input (any bytes-like object); return (output, number of
        bytes consumed).

        errors names the error handler ('strict' by default).  Must accept
        empty input, and must keep no state: stateful decoders are
        IncrementalDecoder or StreamReader subclasses.
        """
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes its input piece by piece: the state between calls to
    encode() stays in the encoder.
    """

    def __init__(self, errors='strict'):
        """errors names the error handler (see Codec)."""
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        """Encode input and return the output; final is true for the last
        piece.
        """
        raise NotImplementedError

    def reset(self):
        """Forget the state: the next encode() starts afresh."""

    def getstate(self):
        """The encoder's state (an int)."""
        return 0

    def setstate(self, state):
        """Restore a state getstate() returned."""


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An IncrementalEncoder that keeps input it could not encode yet in
    self.buffer; subclasses implement _buffer_encode().
    """

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        # Input not encoded yet: the encoder asked to see more first.
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        # Subclasses encode input here: (output, how much was used).
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder:
    """Decodes its input piece by piece: the state between calls to
    decode() stays in the decoder.
    """

    def __init__(self, errors='strict'):
        """errors names the error handler (see Codec)."""
        self.errors = errors

    def decode(self, input, final=False):
        """Decode input and return the output; final is true for the last
        piece.
        """
        raise NotImplementedError

    def reset(self):
        """Forget the state: the next decode() starts afresh."""

    def getstate(self):
        """The decoder's state: (bytes given to decode() but not decoded yet,
        an int describing the rest of the state as it was before those
        bytes).  (b"", 0) in the initial state.
        """
        return (b"", 0)

    def setstate(self, state):
        """Restore a state getstate() returned; setstate((b"", 0)) is reset()."""


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An IncrementalDecoder that keeps an incomplete sequence in
    self.buffer until more input arrives; subclasses implement
    _buffer_decode().
    """

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        # Bytes not decoded yet (an incomplete sequence at the end).
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        # Subclasses decode input here: (output, how many bytes were used).
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        # Only the buffer is state here.
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


# ---- stream wrappers --------------------------------------------------------

class StreamWriter(Codec):

    def __init__(self, stream, errors='strict'):
        """Wrap stream, a file-like object open for writing in binary
        mode.  errors names the error handler (see Codec).
        """
        self.stream = stream
        self.errors = errors

    def write(self, object):
        """Encode object and write the result to the stream."""
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        """Write the concatenation of the strings in list."""
        self.write(''.join(list))

    def reset(self):
        """Flush the codec's state so that the output is complete and new
        data can be appended on its own.
        """

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name, getattr=getattr):
        """Anything else is the stream's."""
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()

    def __reduce_ex__(self, proto):
        raise TypeError("can't serialize %s" % self.__class__.__name__)


class StreamReader(Codec):

    # The type decode() returns: str for text codecs, bytes for the
    # bytes-to-bytes ones.
    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        """Wrap stream, a file-like object open for reading in binary
        mode.  errors names the error handler (see Codec).
        """
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""           # read but not decoded yet
        self._empty_charbuffer = self.charbuffertype()
        self.charbuffer = self._empty_charbuffer   # decoded, not returned
        self.linebuffer = None          # lines split off, if ever set

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def _read_more(self, size, firstline=False):
        """Read from the stream (size < 0: everything) and decode what
        can be decoded into charbuffer.  False once the stream gave no
        more data.
        """
        newdata = self.stream.read() if size < 0 else self.stream.read(size)
        data = self.bytebuffer + newdata
        if not data:
            return False
        try:
            newchars, decodedbytes = self.decode(data, self.errors)
        except UnicodeDecodeError as exc:
            if not firstline:
                raise
            # readline() can still return the lines before the error;
            # the error is raised when reading reaches it.
            newchars, decodedbytes = self.decode(data[:exc.start], self.errors)
            if len(newchars.splitlines(True)) <= 1:
                raise
        self.bytebuffer = data[decodedbytes:]
        self.charbuffer += newchars
        return bool(newdata)

    def _merge_linebuffer(self):
        if self.linebuffer:
            self.charbuffer = self._empty_charbuffer.join(self.linebuffer)
            self.linebuffer = None

    def read(self, size=-1, chars=-1, firstline=False):
        """Read, decode and return text.

        chars is the number of characters wanted: never more are
        returned, fewer at the end of the stream.  size is only a hint
        for how many bytes to read from the stream at a time (-1: all at
        once).  Without chars, size also limits the result.  With
        firstline, a decoding error after the first line break is
        deferred so that the first line can still be returned.
        """
        self._merge_linebuffer()
        if chars < 0:
            # size is then the only limit
            chars = size
        while chars < 0 or len(self.charbuffer) < chars:
            if not self._read_more(size, firstline):
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def _take_line(self, keepends, at_end):
        """Remove and return the first complete line of charbuffer, or
        None if it holds none yet.
        """
        buffered = self.charbuffer
        if not buffered:
            return None
        lines = buffered.splitlines(True)
        first = lines[0]
        body = first.splitlines(False)[0]
        if first == body:
            return None         # no line break yet
        carriage_return = '\r' if isinstance(first, str) else b'\r'
        if len(lines) == 1 and first.endswith(carriage_return) and not at_end:
            return None         # may be the first half of '\r\n'
        self.charbuffer = buffered[len(first):]
        return first if keepends else body

    def readline(self, size=None, keepends=True):
        """Read and return one decoded line (with its line break unless
        keepends is false).  size, if given, is passed to read() and
        returns early with what was read.
        """
        self._merge_linebuffer()
        if size is not None and size < 0:
            # A negative size reads as much as the line needs.
            size = None
        readsize = size or 72
        line = self._take_line(keepends, False)
        while line is None:
            # Each round adds readsize characters (as read(readsize) would),
            # however many reads of readsize bytes that takes: a read can
            # end inside a multibyte character and decode to little.
            wanted = len(self.charbuffer) + readsize
            more = True
            while more and len(self.charbuffer) < wanted:
                more = self._read_more(readsize, firstline=True)
            line = self._take_line(keepends, not more)
            if line is not None:
                break
            if not more or size is not None:
                # No line break to be found: return what there is.
                line = self.charbuffer
                self.charbuffer = self._empty_charbuffer
                if line and not keepends:
                    line = line.splitlines(False)[0]
                break
            if readsize < 8000:
                readsize *= 2
        return line

    def readlines(self, sizehint=None, keepends=True):
        """Read everything and return it split into lines (sizehint is
        accepted and ignored).
        """
        data = self.read()
        return data.splitlines(keepends)

    def reset(self):
        """Drop the buffered bytes and text; the stream is not moved.
        Useful to recover from a decoding error.
        """
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def seek(self, offset, whence=0):
        """Move the stream and drop what was buffered."""
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        """The next line; StopIteration at the end."""
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name, getattr=getattr):
        """Anything else is the stream's."""
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()

    def __reduce_ex__(self, proto):
        raise TypeError("can't serialize %s" % self.__class__.__name__)


class StreamReaderWriter:
    """A stream wrapper for both reading and writing, made of a
    StreamReader and a StreamWriter over the same stream (for instance
    the streamreader and streamwriter of a CodecInfo).
    """
    # open() sets the encoding it was given.
    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        """Reader and Writer are StreamReader and StreamWriter classes or
        factories, called with (stream, errors).
        """
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        """The next line; StopIteration at the end."""
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name, getattr=getattr):
        """Anything else is the stream's."""
        return getattr(self.stream, name)

    # __getattr__ is not consulted for special methods: define them.

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()

    def __reduce_ex__(self, proto):
        raise TypeError("can't serialize %s" % self.__class__.__name__)


class StreamRecoder:
    """Translates between two encodings.

    Data written is decoded with `decode` and written to the stream by
    a Writer (in the stream's encoding); data read by a Reader from the
    stream is encoded with `encode` before it is returned.
    """
    # EncodedFile() sets the encodings it was given.
    data_encoding = 'unknown'
    file_encoding = 'unknown'

    def __init__(self, stream, encode, decode, Reader, Writer,
                 errors='strict'):
        """encode and decode work on the caller's side (the data given to
        write() and returned by read()); Reader and Writer work on the
        stream's side.  For instance, with the latin-1 codec's functions and
        the UTF-8 reader and writer, the caller sees latin-1 bytes while
        the stream holds UTF-8.
        """
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        data = self.reader.read(size)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def readline(self, size=None):
        if size is None:
            data = self.reader.readline()
        else:
            data = self.reader.readline(size)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def readlines(self, sizehint=None):
        data = self.reader.read()
        data, bytesencoded = self.encode(data, self.errors)
        return data.splitlines(keepends=True)

    def __next__(self):
        """The next line; StopIteration at the end."""
        data = next(self.reader)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def __iter__(self):
        return self

    def write(self, data):
        data, bytesdecoded = self.decode(data, self.errors)
        return self.writer.write(data)

    def writelines(self, list):
        data = b''.join(list)
        data, bytesdecoded = self.decode(data, self.errors)
        return self.writer.write(data)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        # Both sides keep buffers that a seek makes stale.
        self.reader.seek(offset, whence)
        self.writer.seek(offset, whence)

    def __getattr__(self, name, getattr=getattr):
        """Anything else is the stream's."""
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()

    def __reduce_ex__(self, proto):
        raise TypeError("can't serialize %s" % self.__class__.__name__)


# ---- shortcuts ----------------------------------------------------------------

def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open filename and wrap it to encode and decode transparently.

    With an encoding, the file is opened in binary mode ('b' is added
    to mode) and wrapped in a StreamReaderWriter whose encoding
    attribute names the encoding; without one, the plain file object is
    returned.  errors names the error handler; buffering is as for the
    built-in open().  Deprecated: use open().
    """
    import warnings
    warnings.warn("codecs.open() is deprecated. Use open() instead.",
                  DeprecationWarning, stacklevel=2)

    if encoding is not None and 'b' not in mode:
        # The codec does the text conversion: the file is binary.
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file

    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter,
                                 errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Wrap file to translate between two encodings.

    Data written is decoded from data_encoding and written encoded in
    file_encoding (data_encoding by default); data read is decoded from
    file_encoding and returned encoded in data_encoding.  The wrapper's
    data_encoding and file_encoding attributes name the two.
    """
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    sr = StreamRecoder(file, data_info.encode, data_info.decode,
                       file_info.streamreader, file_info.streamwriter, errors)
    sr.data_encoding = data_encoding
    sr.file_encoding = file_encoding
    return sr


# ---- helpers for codec lookup -------------------------------------------------

def getencoder(encoding):
    """The encoder function of the codec for encoding (LookupError if
    there is none).
    """
    return lookup(encoding).encode


def getdecoder(encoding):
    """The decoder function of the codec for encoding (LookupError if
    there is none).
    """
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    """The IncrementalEncoder class (or factory) of the codec for
    encoding; LookupError if there is no such codec or it has none.
    """
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    """The IncrementalDecoder class (or factory) of the codec for
    encoding; LookupError if there is no such codec or it has none.
    """
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    """The StreamReader class (or factory) of the codec for encoding."""
    return lookup(encoding).streamreader


def getwriter(encoding):
    """The StreamWriter class (or factory) of the codec for encoding."""
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encode the strings from iterator with an incremental encoder,
    yielding the non-empty results.  errors and kwargs go to the
    encoder's constructor.
    """
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decode the bytes from iterator with an incremental decoder,
    yielding the non-empty results.  errors and kwargs go to the
    decoder's constructor.
    """
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


# ---- helpers for charmap-based codecs -------------------------------------------

def make_identity_dict(rng):
    """A dict mapping each element of rng to itself."""
    return {i: i for i in rng}


def make_encoding_map(decoding_map):
    """The inverse of a charmap decoding map.  A character that several
    bytes decode to cannot be encoded: it maps to None.
    """
    encoding_map = {}
    for key, value in decoding_map.items():
        # A character two bytes decode to cannot be encoded back.
        encoding_map[value] = None if value in encoding_map else key
    return encoding_map


# ---- the standard error handlers ------------------------------------------------

strict_errors = lookup_error("strict")
ignore_errors = lookup_error("ignore")
replace_errors = lookup_error("replace")
xmlcharrefreplace_errors = lookup_error("xmlcharrefreplace")
backslashreplace_errors = lookup_error("backslashreplace")
namereplace_errors = lookup_error("namereplace")
