"""Tools for people who read pickles: a description of every pickle opcode
of protocols 0 to 5, and three functions on top of it.

genops(pickle)   -- iterate over (opcode, argument, position) triples
dis(pickle, ...) -- print a symbolic disassembly, checking the stack and
                    memo use as it goes
optimize(pickle) -- a pickle without the PUT opcodes nothing GETs

The opcode table (`opcodes`) describes for each opcode its byte, its inline
argument (an ArgumentDescriptor: how to read it from the stream), what it
pops and pushes (StackObject lists), the protocol that introduced it, and
what it does.
"""

import codecs
import io
import pickle
import sys
from struct import unpack as _unpack

__all__ = ['dis', 'genops', 'optimize']

bytes_types = pickle.bytes_types

# How an argument's length is known, when it is not a fixed byte count.
UP_TO_NEWLINE = -1           # up to and including the next newline
TAKEN_FROM_ARGUMENT1 = -2    # a 1-byte unsigned length comes first
TAKEN_FROM_ARGUMENT4 = -3    # a 4-byte signed little-endian length
TAKEN_FROM_ARGUMENT4U = -4   # a 4-byte unsigned little-endian length
TAKEN_FROM_ARGUMENT8U = -5   # an 8-byte unsigned little-endian length


class ArgumentDescriptor(object):
    """How an opcode's inline argument is stored in the byte stream."""

    __slots__ = (
        'name',     # a short name for the argument's encoding
        'n',        # its size in bytes, or one of the negative codes above
        'reader',   # reader(file) -> the decoded argument
        'doc',      # the encoding, described
    )

    def __init__(self, name, n, reader, doc):
        assert isinstance(name, str)
        self.name = name
        assert isinstance(n, int) and (n >= 0 or n in (
            UP_TO_NEWLINE, TAKEN_FROM_ARGUMENT1, TAKEN_FROM_ARGUMENT4,
            TAKEN_FROM_ARGUMENT4U, TAKEN_FROM_ARGUMENT8U))
        self.n = n
        self.reader = reader
        assert isinstance(doc, str)
        self.doc = doc

    def __repr__(self):
        return self.name


# ---- readers of inline arguments -------------------------------------------

def _read_exactly(f, n, what):
    data = f.read(n)
    if len(data) != n:
        raise ValueError(f"not enough data in stream to read {what}")
    return data


def read_uint1(f):
    """A one-byte unsigned integer."""
    return _read_exactly(f, 1, "uint1")[0]


def read_uint2(f):
    """A two-byte little-endian unsigned integer."""
    return _unpack("<H", _read_exactly(f, 2, "uint2"))[0]


def read_int4(f):
    """A four-byte little-endian signed integer."""
    return _unpack("<i", _read_exactly(f, 4, "int4"))[0]


def read_uint4(f):
    """A four-byte little-endian unsigned integer."""
    return _unpack("<I", _read_exactly(f, 4, "uint4"))[0]


def read_uint8(f):
    """An eight-byte little-endian unsigned integer."""
    return _unpack("<Q", _read_exactly(f, 8, "uint8"))[0]


def _read_line(f, what):
    data = f.readline()
    if not data.endswith(b'\n'):
        raise ValueError(f"no newline found when trying to read {what}")
    return data[:-1]


def read_stringnl(f, decode=True, stripquotes=True):
    """A line ending in a newline (dropped).  With stripquotes it must be
    in matching single or double quotes (dropped too); with decode its
    backslash escapes are undone and the result is a str."""
    data = _read_line(f, "stringnl")
    if stripquotes:
        quote = data[:1]
        if quote not in (b'"', b"'"):
            raise ValueError("no string quotes around %r" % data)
        if len(data) < 2 or not data.endswith(quote):
            raise ValueError("strinq quote %r not found at both ends of %r"
                             % (quote, data))
        data = data[1:-1]
    if decode:
        data = codecs.escape_decode(data)[0].decode("ascii")
    return data


def read_stringnl_noescape(f):
    """A newline-terminated line without quotes, as a str."""
    return read_stringnl(f, stripquotes=False)


def read_stringnl_noescape_pair(f):
    """Two newline-terminated lines, returned joined by a space."""
    return "%s %s" % (read_stringnl_noescape(f), read_stringnl_noescape(f))


def _read_counted(f, n, what):
    data = f.read(n)
    if len(data) != n:
        raise ValueError("expected %d bytes in a %s, but only %d remain"
                         % (n, what, len(data)))
    return data


def _signed_count(f, what):
    n = read_int4(f)
    if n < 0:
        raise ValueError("%s byte count < 0: %d" % (what, n))
    return n


def _huge_count(f, what):
    n = read_uint8(f)
    if n > sys.maxsize:
        raise ValueError("%s byte count > sys.maxsize: %d" % (what, n))
    return n


def read_string1(f):
    """A one-byte length, then that many bytes, decoded as latin-1."""
    return _read_counted(f, read_uint1(f), "string1").decode("latin-1")


def read_string4(f):
    """A four-byte signed length, then that many bytes, as latin-1."""
    n = _signed_count(f, "string4")
    return _read_counted(f, n, "string4").decode("latin-1")


def read_bytes1(f):
    """A one-byte length, then that many bytes."""
    return _read_counted(f, read_uint1(f), "bytes1")


def read_bytes4(f):
    """A four-byte unsigned length, then that many bytes."""
    n = read_uint4(f)
    if n > sys.maxsize:
        raise ValueError("bytes4 byte count > sys.maxsize: %d" % n)
    return _read_counted(f, n, "bytes4")


def read_bytes8(f):
    """An eight-byte unsigned length, then that many bytes."""
    return _read_counted(f, _huge_count(f, "bytes8"), "bytes8")


def read_bytearray8(f):
    """An eight-byte unsigned length, then that many bytes, as a
    bytearray."""
    n = _huge_count(f, "bytearray8")
    return bytearray(_read_counted(f, n, "bytearray8"))


def read_unicodestringnl(f):
    """A newline-terminated line in raw-unicode-escape encoding."""
    return str(_read_line(f, "unicodestringnl"), 'raw-unicode-escape')


def _utf8(data):
    return str(data, 'utf-8', 'surrogatepass')


def read_unicodestring1(f):
    """A one-byte length, then that many bytes of UTF-8."""
    return _utf8(_read_counted(f, read_uint1(f), "unicodestring1"))


def read_unicodestring4(f):
    """A four-byte unsigned length, then that many bytes of UTF-8."""
    n = read_uint4(f)
    if n > sys.maxsize:
        raise ValueError("unicodestring4 byte count > sys.maxsize: %d" % n)
    return _utf8(_read_counted(f, n, "unicodestring4"))


def read_unicodestring8(f):
    """An eight-byte unsigned length, then that many bytes of UTF-8."""
    n = _huge_count(f, "unicodestring8")
    return _utf8(_read_counted(f, n, "unicodestring8"))


def read_decimalnl_short(f):
    """A newline-terminated decimal integer; '00' and '01' stand for
    False and True."""
    text = read_stringnl(f, decode=False, stripquotes=False)
    if text == b"00":
        return False
    if text == b"01":
        return True
    return int(text)


def read_decimalnl_long(f):
    """A newline-terminated decimal integer, maybe with a trailing 'L'."""
    text = read_stringnl(f, decode=False, stripquotes=False)
    if text.endswith(b'L'):
        text = text[:-1]
    return int(text)


def read_floatnl(f):
    """A newline-terminated float in repr() form."""
    return float(read_stringnl(f, decode=False, stripquotes=False))


def read_float8(f):
    """An eight-byte big-endian IEEE 754 double."""
    return _unpack(">d", _read_exactly(f, 8, "float8"))[0]


def read_long1(f):
    """A one-byte length, then that many bytes of little-endian two's
    complement integer."""
    n = read_uint1(f)
    return pickle.decode_long(_read_exactly(f, n, "long1"))


def read_long4(f):
    """A four-byte signed length, then a little-endian two's complement
    integer of that many bytes."""
    n = read_int4(f)
    if n < 0:
        raise ValueError("long4 byte count < 0: %d" % n)
    return pickle.decode_long(_read_exactly(f, n, "long4"))


uint1 = ArgumentDescriptor('uint1', 1, read_uint1,
                           "One-byte unsigned integer.")
uint2 = ArgumentDescriptor('uint2', 2, read_uint2,
                           "Two-byte unsigned integer, little-endian.")
int4 = ArgumentDescriptor('int4', 4, read_int4,
                          "Four-byte signed integer, little-endian, "
                          "two's complement.")
uint4 = ArgumentDescriptor('uint4', 4, read_uint4,
                           "Four-byte unsigned integer, little-endian.")
uint8 = ArgumentDescriptor('uint8', 8, read_uint8,
                           "Eight-byte unsigned integer, little-endian.")
stringnl = ArgumentDescriptor(
    'stringnl', UP_TO_NEWLINE, read_stringnl,
    "A quoted string with Python escapes, ended by a newline.")
stringnl_noescape = ArgumentDescriptor(
    'stringnl_noescape', UP_TO_NEWLINE, read_stringnl_noescape,
    "A string without quotes or escapes, ended by a newline.")
stringnl_noescape_pair = ArgumentDescriptor(
    'stringnl_noescape_pair', UP_TO_NEWLINE, read_stringnl_noescape_pair,
    "Two newline-terminated strings, shown as one joined by a space.")
string1 = ArgumentDescriptor(
    'string1', TAKEN_FROM_ARGUMENT1, read_string1,
    "A uint1 length, then that many bytes (a Python 2 str).")
string4 = ArgumentDescriptor(
    'string4', TAKEN_FROM_ARGUMENT4, read_string4,
    "An int4 length, then that many bytes (a Python 2 str).")
bytes1 = ArgumentDescriptor(
    'bytes1', TAKEN_FROM_ARGUMENT1, read_bytes1,
    "A uint1 length, then that many bytes.")
bytes4 = ArgumentDescriptor(
    'bytes4', TAKEN_FROM_ARGUMENT4U, read_bytes4,
    "A uint4 length, then that many bytes.")
bytes8 = ArgumentDescriptor(
    'bytes8', TAKEN_FROM_ARGUMENT8U, read_bytes8,
    "A uint8 length, then that many bytes.")
bytearray8 = ArgumentDescriptor(
    'bytearray8', TAKEN_FROM_ARGUMENT8U, read_bytearray8,
    "A uint8 length, then that many bytes, making a bytearray.")
unicodestringnl = ArgumentDescriptor(
    'unicodestringnl', UP_TO_NEWLINE, read_unicodestringnl,
    "A raw-unicode-escape encoded string ended by a newline.")
unicodestring1 = ArgumentDescriptor(
    'unicodestring1', TAKEN_FROM_ARGUMENT1, read_unicodestring1,
    "A uint1 length, then that many bytes of UTF-8.")
unicodestring4 = ArgumentDescriptor(
    'unicodestring4', TAKEN_FROM_ARGUMENT4U, read_unicodestring4,
    "A uint4 length, then that many bytes of UTF-8.")
unicodestring8 = ArgumentDescriptor(
    'unicodestring8', TAKEN_FROM_ARGUMENT8U, read_unicodestring8,
    "A uint8 length, then that many bytes of UTF-8.")
decimalnl_short = ArgumentDescriptor(
    'decimalnl_short', UP_TO_NEWLINE, read_decimalnl_short,
    "A decimal integer ended by a newline; 00 and 01 mean False and True.")
decimalnl_long = ArgumentDescriptor(
    'decimalnl_long', UP_TO_NEWLINE, read_decimalnl_long,
    "A decimal integer ended by a newline, with an optional trailing L.")
floatnl = ArgumentDescriptor(
    'floatnl', UP_TO_NEWLINE, read_floatnl,
    "A float in repr() form ended by a newline.")
float8 = ArgumentDescriptor(
    'float8', 8, read_float8,
    "An IEEE 754 double, big-endian.")
long1 = ArgumentDescriptor(
    'long1', TAKEN_FROM_ARGUMENT1, read_long1,
    "A uint1 length, then a little-endian two's complement integer.")
long4 = ArgumentDescriptor(
    'long4', TAKEN_FROM_ARGUMENT4, read_long4,
    "An int4 length, then a little-endian two's complement integer.")


# ---- what the opcodes push and pop -----------------------------------------

class StackObject(object):
    """A kind of object on the unpickling stack."""

    __slots__ = (
        'name',     # as it appears in the opcode descriptions
        'obtype',   # a type, or a tuple of types it may be
        'doc',
    )

    def __init__(self, name, obtype, doc):
        assert isinstance(name, str)
        self.name = name
        assert isinstance(obtype, type) or isinstance(obtype, tuple)
        if isinstance(obtype, tuple):
            for contained in obtype:
                assert isinstance(contained, type)
        self.obtype = obtype
        assert isinstance(doc, str)
        self.doc = doc

    def __repr__(self):
        return self.name


pyint = pylong = StackObject('int', int, "An int.")
pyinteger_or_bool = StackObject('int_or_bool', (int, bool),
                                "An int, or a bool from protocol 0's 00/01.")
pybool = StackObject('bool', bool, "True or False.")
pyfloat = StackObject('float', float, "A float.")
pybytes_or_str = pystring = StackObject(
    'bytes_or_str', (bytes, str),
    "A Python 2 str: bytes, or a str when unpickled with an encoding.")
pybytes = StackObject('bytes', bytes, "A bytes object.")
pybytearray = StackObject('bytearray', bytearray, "A bytearray object.")
pyunicode = StackObject('str', str, "A str.")
pynone = StackObject('None', type(None), "None.")
pytuple = StackObject('tuple', tuple, "A tuple.")
pylist = StackObject('list', list, "A list.")
pydict = StackObject('dict', dict, "A dict.")
pyset = StackObject('set', set, "A set.")
pyfrozenset = StackObject('frozenset', set, "A frozenset.")
pybuffer = StackObject('buffer', object,
                       "An object supporting the buffer protocol.")
anyobject = StackObject('any', object, "Any object.")
markobject = StackObject(
    'mark', StackObject,
    "The mark MARK pushes: opcodes taking a variable number of items "
    "pop down to the topmost mark.")
stackslice = StackObject(
    'stackslice', StackObject,
    "All the items above the topmost mark, a variable number.")


class OpcodeInfo(object):
    """One pickle opcode."""

    __slots__ = (
        'name',         # its symbolic name, as in pickle.py
        'code',         # its byte, as a one-character str
        'arg',          # an ArgumentDescriptor, or None
        'stack_before', # the StackObjects it pops (topmost last)
        'stack_after',  # the StackObjects it pushes
        'proto',        # the protocol that introduced it
        'doc',
    )

    def __init__(self, name, code, arg, stack_before, stack_after, proto,
                 doc):
        assert isinstance(name, str)
        self.name = name
        assert isinstance(code, str) and len(code) == 1
        self.code = code
        assert arg is None or isinstance(arg, ArgumentDescriptor)
        self.arg = arg
        assert all(isinstance(x, StackObject) for x in stack_before)
        self.stack_before = stack_before
        assert all(isinstance(x, StackObject) for x in stack_after)
        self.stack_after = stack_after
        assert isinstance(proto, int) and 0 <= proto <= pickle.HIGHEST_PROTOCOL
        self.proto = proto
        assert isinstance(doc, str)
        self.doc = doc


I = OpcodeInfo
opcodes = [
    # Integers.
    I('INT', 'I', decimalnl_short, [], [pyinteger_or_bool], 0,
      "Push an integer or bool written in decimal.\n\n"
      "'00' and '01' push False and True (protocol 0's booleans)."),
    I('BININT', 'J', int4, [], [pyint], 1,
      "Push a four-byte signed integer."),
    I('BININT1', 'K', uint1, [], [pyint], 1,
      "Push a one-byte unsigned integer."),
    I('BININT2', 'M', uint2, [], [pyint], 1,
      "Push a two-byte unsigned integer."),
    I('LONG', 'L', decimalnl_long, [], [pyint], 0,
      "Push an integer written in decimal, maybe with a trailing L."),
    I('LONG1', '\x8a', long1, [], [pyint], 2,
      "Push an integer of up to 255 bytes, two's complement."),
    I('LONG4', '\x8b', long4, [], [pyint], 2,
      "Push an integer of any size, two's complement."),

    # Strings and bytes.
    I('STRING', 'S', stringnl, [], [pybytes_or_str], 0,
      "Push a Python 2 string written as a quoted literal."),
    I('BINSTRING', 'T', string4, [], [pybytes_or_str], 1,
      "Push a Python 2 string with a four-byte length."),
    I('SHORT_BINSTRING', 'U', string1, [], [pybytes_or_str], 1,
      "Push a Python 2 string with a one-byte length."),
    I('BINBYTES', 'B', bytes4, [], [pybytes], 3,
      "Push a bytes object with a four-byte length."),
    I('SHORT_BINBYTES', 'C', bytes1, [], [pybytes], 3,
      "Push a bytes object with a one-byte length."),
    I('BINBYTES8', '\x8e', bytes8, [], [pybytes], 4,
      "Push a bytes object with an eight-byte length."),
    I('BYTEARRAY8', '\x96', bytearray8, [], [pybytearray], 5,
      "Push a bytearray with an eight-byte length."),
    I('NEXT_BUFFER', '\x97', None, [], [pybuffer], 5,
      "Push the next out-of-band buffer."),
    I('READONLY_BUFFER', '\x98', None, [pybuffer], [pybuffer], 5,
      "Make the buffer on top of the stack read-only."),

    # Constants.
    I('NONE', 'N', None, [], [pynone], 0, "Push None."),
    I('NEWTRUE', '\x88', None, [], [pybool], 2, "Push True."),
    I('NEWFALSE', '\x89', None, [], [pybool], 2, "Push False."),

    # Unicode strings.
    I('UNICODE', 'V', unicodestringnl, [], [pyunicode], 0,
      "Push a str written in raw-unicode-escape encoding."),
    I('SHORT_BINUNICODE', '\x8c', unicodestring1, [], [pyunicode], 4,
      "Push a str of up to 255 UTF-8 bytes."),
    I('BINUNICODE', 'X', unicodestring4, [], [pyunicode], 1,
      "Push a str with a four-byte UTF-8 length."),
    I('BINUNICODE8', '\x8d', unicodestring8, [], [pyunicode], 4,
      "Push a str with an eight-byte UTF-8 length."),

    # Floats.
    I('FLOAT', 'F', floatnl, [], [pyfloat], 0,
      "Push a float written in decimal."),
    I('BINFLOAT', 'G', float8, [], [pyfloat], 1,
      "Push a float stored as an eight-byte double."),

    # Lists.
    I('EMPTY_LIST', ']', None, [], [pylist], 1, "Push an empty list."),
    I('APPEND', 'a', None, [pylist, anyobject], [pylist], 0,
      "Append the top item to the list below it."),
    I('APPENDS', 'e', None, [pylist, markobject, stackslice], [pylist], 1,
      "Extend the list below the topmost mark with the items above it."),
    I('LIST', 'l', None, [markobject, stackslice], [pylist], 0,
      "Replace the topmost mark and the items above it with a list."),

    # Tuples.
    I('EMPTY_TUPLE', ')', None, [], [pytuple], 1, "Push an empty tuple."),
    I('TUPLE', 't', None, [markobject, stackslice], [pytuple], 0,
      "Replace the topmost mark and the items above it with a tuple."),
    I('TUPLE1', '\x85', None, [anyobject], [pytuple], 2,
      "Replace the top item with a 1-tuple of it."),
    I('TUPLE2', '\x86', None, [anyobject, anyobject], [pytuple], 2,
      "Replace the two top items with a 2-tuple of them."),
    I('TUPLE3', '\x87', None, [anyobject, anyobject, anyobject],
      [pytuple], 2,
      "Replace the three top items with a 3-tuple of them."),

    # Dicts.
    I('EMPTY_DICT', '}', None, [], [pydict], 1, "Push an empty dict."),
    I('DICT', 'd', None, [markobject, stackslice], [pydict], 0,
      "Replace the topmost mark and the key, value pairs above it with "
      "a dict."),
    I('SETITEM', 's', None, [pydict, anyobject, anyobject], [pydict], 0,
      "Store the top value under the key below it in the dict below that."),
    I('SETITEMS', 'u', None, [pydict, markobject, stackslice], [pydict], 1,
      "Store the key, value pairs above the topmost mark in the dict "
      "below it."),

    # Sets.
    I('EMPTY_SET', '\x8f', None, [], [pyset], 4, "Push an empty set."),
    I('ADDITEMS', '\x90', None, [pyset, markobject, stackslice], [pyset], 4,
      "Add the items above the topmost mark to the set below it."),
    I('FROZENSET', '\x91', None, [markobject, stackslice], [pyfrozenset], 4,
      "Replace the topmost mark and the items above it with a frozenset."),

    # Stack manipulation.
    I('POP', '0', None, [anyobject], [], 0,
      "Discard the top item (or the topmost mark and what is above it)."),
    I('DUP', '2', None, [anyobject], [anyobject, anyobject], 0,
      "Push a second reference to the top item."),
    I('MARK', '(', None, [], [markobject], 0,
      "Push a mark for a later opcode that takes a variable number of "
      "items."),
    I('POP_MARK', '1', None, [markobject, stackslice], [], 1,
      "Discard the topmost mark and the items above it."),

    # The memo.
    I('GET', 'g', decimalnl_short, [], [anyobject], 0,
      "Push the memo entry whose index is written in decimal."),
    I('BINGET', 'h', uint1, [], [anyobject], 1,
      "Push the memo entry with a one-byte index."),
    I('LONG_BINGET', 'j', uint4, [], [anyobject], 1,
      "Push the memo entry with a four-byte index."),
    I('PUT', 'p', decimalnl_short, [], [], 0,
      "Store the top item in the memo under an index written in decimal."),
    I('BINPUT', 'q', uint1, [], [], 1,
      "Store the top item in the memo under a one-byte index."),
    I('LONG_BINPUT', 'r', uint4, [], [], 1,
      "Store the top item in the memo under a four-byte index."),
    I('MEMOIZE', '\x94', None, [anyobject], [anyobject], 4,
      "Store the top item in the memo under the next free index."),

    # The extension registry (copyreg).
    I('EXT1', '\x82', uint1, [], [anyobject], 2,
      "Push the object registered under a one-byte extension code."),
    I('EXT2', '\x83', uint2, [], [anyobject], 2,
      "Push the object registered under a two-byte extension code."),
    I('EXT4', '\x84', int4, [], [anyobject], 2,
      "Push the object registered under a four-byte extension code."),

    # Finding classes and functions, and building objects.
    I('GLOBAL', 'c', stringnl_noescape_pair, [], [anyobject], 0,
      "Push a module-level object, named by its module and its name."),
    I('STACK_GLOBAL', '\x93', None, [pyunicode, pyunicode], [anyobject], 4,
      "Push the object named by the module and name strings on the stack."),
    I('REDUCE', 'R', None, [anyobject, anyobject], [anyobject], 0,
      "Call the callable below the top with the argument tuple on top."),
    I('BUILD', 'b', None, [anyobject, anyobject], [anyobject], 0,
      "Set the state of the object below the top: __setstate__ or a "
      "__dict__ update."),
    I('INST', 'i', stringnl_noescape_pair, [markobject, stackslice],
      [anyobject], 0,
      "Make an instance of the named class from the items above the "
      "topmost mark."),
    I('OBJ', 'o', None, [markobject, anyobject, stackslice], [anyobject], 1,
      "Make an instance of the class just above the topmost mark from the "
      "items above the class."),
    I('NEWOBJ', '\x81', None, [anyobject, anyobject], [anyobject], 2,
      "Call cls.__new__(cls, *args) with the class and argument tuple on "
      "the stack."),
    I('NEWOBJ_EX', '\x92', None, [anyobject, anyobject, anyobject],
      [anyobject], 4,
      "Call cls.__new__(cls, *args, **kwargs) with the class, tuple and "
      "dict on the stack."),

    # Machinery.
    I('PROTO', '\x80', uint1, [], [], 2,
      "Say which protocol the pickle uses."),
    I('STOP', '.', None, [anyobject], [], 0,
      "End the pickle: the top item is the result."),
    I('FRAME', '\x95', uint8, [], [], 4,
      "Announce a frame of the given size, read in one go."),

    # Persistent ids.
    I('PERSID', 'P', stringnl_noescape, [], [anyobject], 0,
      "Push the object persistent_load() returns for a persistent id "
      "written as a string."),
    I('BINPERSID', 'Q', None, [anyobject], [anyobject], 1,
      "Replace the persistent id on top with the object persistent_load() "
      "returns for it."),
]
del I

name2i = {}
code2i = {}
for _i, _d in enumerate(opcodes):
    if _d.name in name2i:
        raise ValueError("repeated name %r at indices %d and %d"
                         % (_d.name, name2i[_d.name], _i))
    if _d.code in code2i:
        raise ValueError("repeated code %r at indices %d and %d"
                         % (_d.code, code2i[_d.code], _i))
    name2i[_d.name] = _i
    code2i[_d.code] = _i
del name2i, code2i, _i, _d

code2op = {d.code: d for d in opcodes}


# ---- walking a pickle ------------------------------------------------------

def _genops(data, yield_end_pos=False):
    if isinstance(data, bytes_types):
        data = io.BytesIO(data)
    getpos = getattr(data, "tell", None)
    if getpos is None:
        getpos = lambda: None
    while True:
        pos = getpos()
        code = data.read(1)
        opcode = code2op.get(code.decode("latin-1"))
        if opcode is None:
            if code == b"":
                raise ValueError("pickle exhausted before seeing STOP")
            raise ValueError("at position %s, opcode %r unknown"
                             % ("<unknown>" if pos is None else pos, code))
        arg = None if opcode.arg is None else opcode.arg.reader(data)
        if yield_end_pos:
            yield opcode, arg, pos, getpos()
        else:
            yield opcode, arg, pos
        if code == b'.':
            assert opcode.name == 'STOP'
            break


def genops(pickle):
    """Generate (opcode, arg, pos) for each opcode of a pickle (bytes, a
    bytearray or a binary file), up to and including STOP.

    opcode is an OpcodeInfo, arg the decoded inline argument or None, and
    pos the opcode's offset in the file (None when it cannot tell)."""
    return _genops(pickle)


def optimize(p):
    """Return p without the PUT opcodes no GET uses, with the memo indices
    that remain renumbered from 0, and (protocol 4 and later) reframed."""
    PUT, GET = 'PUT', 'GET'
    put_ids = set()
    used = {}           # memo index a GET reads -> its new index
    ops = []            # (PUT, id), (GET, id) or (start, end) of a copy
    proto = 0
    header = b''
    for opcode, arg, pos, end in _genops(p, yield_end_pos=True):
        name = opcode.name
        if 'PUT' in name:
            put_ids.add(arg)
            ops.append((PUT, arg))
        elif name == 'MEMOIZE':
            index = len(put_ids)
            put_ids.add(index)
            ops.append((PUT, index))
        elif 'FRAME' in name:
            continue        # frames are rebuilt
        elif 'GET' in name:
            proto = max(proto, opcode.proto)
            used[arg] = None
            ops.append((GET, arg))
        elif name == 'PROTO':
            proto = max(proto, arg)
            if pos == 0:
                header = p[pos:end]
            else:
                ops.append((pos, end))
        else:
            ops.append((pos, end))

    out = io.BytesIO()
    out.write(header)
    pickler = pickle._Pickler(out, proto)
    framer = pickler.framer
    if proto >= 4:
        framer.start_framing()
    next_index = 0
    for op, arg in ops:
        large = False
        if op is PUT:
            if arg not in used:
                continue
            data = pickler.put(next_index)
            used[arg] = next_index
            next_index += 1
        elif op is GET:
            data = pickler.get(used[arg])
        else:
            data = p[op:arg]
            # A payload bigger than a frame goes between frames.
            large = len(data) > framer._FRAME_SIZE_TARGET
        framer.commit_frame(force=large)
        if large:
            framer.file_write(data)
        else:
            pickler.write(data)
    framer.end_framing()
    return out.getvalue()


def dis(pickle, out=None, memo=None, indentlevel=4, annotate=0):
    """Print a symbolic disassembly of a pickle to out (default stdout).

    Each line shows the opcode's offset, its byte, its name indented by
    indentlevel spaces per open MARK, and its argument; annotate > 0 adds
    the first line of each opcode's description, aligned near that column.
    The stack and the memo (a dict; pass one to carry it across pickles)
    are simulated, and ValueError is raised, after the offending line is
    printed, on a pickle that misuses them."""
    stack = []
    if memo is None:
        memo = {}
    maxproto = -1
    markstack = []          # positions of the MARKs still open
    indentchunk = ' ' * indentlevel
    errormsg = None
    annocol = annotate
    for opcode, arg, pos in genops(pickle):
        if pos is not None:
            print("%5d:" % pos, end=' ', file=out)
        line = "%-4s %s%s" % (repr(opcode.code)[1:-1],
                              indentchunk * len(markstack), opcode.name)
        maxproto = max(maxproto, opcode.proto)
        before = opcode.stack_before
        after = opcode.stack_after
        numtopop = len(before)

        markmsg = None
        if markobject in before or (opcode.name == "POP" and stack
                                    and stack[-1] is markobject):
            if markstack:
                markpos = markstack.pop()
                markmsg = ("(MARK at unknown opcode offset)" if markpos is None
                           else "(MARK at %d)" % markpos)
                # Everything from the topmost mark up goes.
                while stack[-1] is not markobject:
                    stack.pop()
                stack.pop()
                numtopop = (before.index(markobject) if markobject in before
                            else 0)
            else:
                errormsg = markmsg = "no MARK exists on stack"

        if opcode.name in ("PUT", "BINPUT", "LONG_BINPUT", "MEMOIZE"):
            if opcode.name == "MEMOIZE":
                memo_idx = len(memo)
                markmsg = "(as %d)" % memo_idx
            else:
                memo_idx = arg
            if memo_idx in memo:
                errormsg = "memo key %r already defined" % arg
            elif not stack:
                errormsg = "stack is empty -- can't store into memo"
            elif stack[-1] is markobject:
                errormsg = "can't store markobject in the memo"
            else:
                memo[memo_idx] = stack[-1]
        elif opcode.name in ("GET", "BINGET", "LONG_BINGET"):
            if arg in memo:
                after = [memo[arg]]
            else:
                errormsg = "memo key %r has never been stored into" % arg

        if arg is not None or markmsg:
            line += ' ' * (10 - len(opcode.name))
            if arg is not None:
                if opcode.name in ("STRING", "BINSTRING", "SHORT_BINSTRING"):
                    line += ' ' + ascii(arg)
                else:
                    line += ' ' + repr(arg)
            if markmsg:
                line += ' ' + markmsg
        if annotate:
            line += ' ' * (annocol - len(line))
            annocol = len(line)
            if annocol > 50:
                annocol = annotate
            line += ' ' + opcode.doc.split('\n', 1)[0]
        print(line, file=out)

        if errormsg:
            # Complain only once the offending opcode is shown.
            raise ValueError(errormsg)
        if len(stack) < numtopop:
            raise ValueError("tries to pop %d items from stack with "
                             "only %d items" % (numtopop, len(stack)))
        if numtopop:
            del stack[-numtopop:]
        if markobject in after:
            markstack.append(pos)
        stack.extend(after)

    print("highest protocol among opcodes =", maxproto, file=out)
    if stack:
        raise ValueError("stack not empty after STOP: %r" % stack)


def _main(args=None):
    import argparse
    parser = argparse.ArgumentParser(
        description='disassemble one or more pickle files',
        color=True)
    parser.add_argument(
        'pickle_file', nargs='+', help='the pickle file')
    parser.add_argument(
        '-o', '--output',
        help='the file where the output should be written')
    parser.add_argument(
        '-m', '--memo', action='store_true',
        help='preserve memo between disassemblies')
    parser.add_argument(
        '-l', '--indentlevel', default=4, type=int,
        help='the number of blanks by which to indent a new MARK level')
    parser.add_argument(
        '-a', '--annotate', action='store_true',
        help='annotate each line with a short opcode description')
    parser.add_argument(
        '-p', '--preamble', default="==> {name} <==",
        help='if more than one pickle file is specified, print this before'
             ' each disassembly')
    args = parser.parse_args(args)
    annotate = 30 if args.annotate else 0
    memo = {} if args.memo else None
    output = sys.stdout if args.output is None else open(args.output, 'w')
    try:
        for name in args.pickle_file:
            if len(args.pickle_file) > 1:
                print(args.preamble.format(name=name), file=output)
            if name == '-':
                data = sys.stdin.buffer.read()
            else:
                with open(name, 'rb') as f:
                    data = f.read()
            dis(data, output, memo, args.indentlevel, annotate)
    finally:
        if output is not sys.stdout:
            output.close()


if __name__ == "__main__":
    _main()
