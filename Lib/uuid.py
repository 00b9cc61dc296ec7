r"""UUID objects (universally unique identifiers) according to RFC 9562.

uuid1() and uuid6() make time-based UUIDs, uuid3() and uuid5() name-based
ones (MD5 and SHA-1), uuid4() random ones, uuid7() time-ordered ones with
Unix-epoch milliseconds, and uuid8() custom ones.

    >>> import uuid
    >>> uuid.UUID('{12345678-1234-5678-1234-567812345678}')
    UUID('12345678-1234-5678-1234-567812345678')
"""

import os
import sys
import time as _time
from enum import Enum, _simple_enum
from threading import Lock as _Lock

__author__ = "Weft"

RESERVED_NCS = "reserved for NCS compatibility"
RFC_4122 = "specified in RFC 4122"
RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
RESERVED_FUTURE = "reserved for future definition"

int_ = int          # the builtins, which UUID's keyword arguments shadow
bytes_ = bytes

_VARIANT_MASK = 0xC000 << 48
_VARIANT_RFC = 0x8000 << 48
_VERSION_MASK = 0xF000 << 64
_ALL_ONES_128 = (1 << 128) - 1


@_simple_enum(Enum)
class SafeUUID:
    safe = 0
    unsafe = -1
    unknown = None


def _with_version(value, version):
    """value with the RFC variant bits and the given version number."""
    value &= ~(_VARIANT_MASK | _VERSION_MASK)
    return value | _VARIANT_RFC | (version << 76)


class UUID:
    """An immutable UUID; see the module documentation."""

    __slots__ = ("int", "is_safe", "__weakref__")

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        given = [hex, bytes, bytes_le, fields, int].count(None)
        if given != 4:
            raise TypeError("one of the hex, bytes, bytes_le, fields, "
                            "or int arguments must be given")
        if hex is not None:
            text = hex.replace("urn:", "").replace("uuid:", "")
            text = text.strip("{}").replace("-", "")
            if len(text) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            int = int_(text, 16)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            swapped = (bytes_le[3::-1] + bytes_le[5:3:-1] + bytes_le[7:5:-1]
                       + bytes_le[8:])
            int = int_.from_bytes(swapped, "big")
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            int = int_.from_bytes(bytes, "big")
        elif fields is not None:
            int = _int_from_fields(fields)
        elif not 0 <= int < 1 << 128:
            raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            if not 1 <= version <= 8:
                raise ValueError("illegal version number")
            int = _with_version(int, version)
        object.__setattr__(self, "int", int)
        object.__setattr__(self, "is_safe", is_safe)

    @classmethod
    def _from_int(cls, value):
        """A UUID from a 128-bit integer, without checks."""
        self = object.__new__(cls)
        object.__setattr__(self, "int", value)
        object.__setattr__(self, "is_safe", SafeUUID.unknown)
        return self

    def __getstate__(self):
        state = {"int": self.int}
        if self.is_safe != SafeUUID.unknown:
            # is_safe is stored as its plain value so that pickles load
            # even where SafeUUID is missing.
            state["is_safe"] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, "int", state["int"])
        safe = SafeUUID(state["is_safe"]) if "is_safe" in state \
            else SafeUUID.unknown
        object.__setattr__(self, "is_safe", safe)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self.int <= other.int
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self.int >= other.int
        return NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return f"{self.__class__.__name__}({str(self)!r})"

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    def __str__(self):
        h = f"{self.int:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def bytes_le(self):
        b = self.bytes
        return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xFFFF

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xFFFF

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xFF

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xFF

    @property
    def time(self):
        if self.version == 6:
            # v6 stores the 60-bit timestamp most significant bits first.
            return ((self.time_low << 28) | (self.time_mid << 12)
                    | (self.time_hi_version & 0x0FFF))
        return (((self.time_hi_version & 0x0FFF) << 48)
                | (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3F) << 8) | self.clock_seq_low

    @property
    def node(self):
        return self.int & 0xFFFFFFFFFFFF

    @property
    def hex(self):
        return f"{self.int:032x}"

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return (self.int >> 76) & 0xF
        return None


def _int_from_fields(fields):
    if len(fields) != 6:
        raise ValueError("fields is not a 6-tuple")
    widths = (32, 16, 16, 8, 8, 48)
    value = 0
    for number, (field, width) in enumerate(zip(fields, widths), 1):
        if not 0 <= field < 1 << width:
            article = "an" if width == 8 else "a"
            raise ValueError(f"field {number} out of range (need {article} "
                             f"{width}-bit value)")
        value = (value << width) | field
    return value


# ---------------------------------------------------------------------------
# The hardware address

def _is_universal(mac):
    return not mac & (1 << 41)


def _sysfs_getnode():
    """The first usable MAC address listed under /sys/class/net, preferring
    universally administered ones; None if there is none."""
    try:
        names = sorted(os.listdir("/sys/class/net"))
    except OSError:
        return None
    local = None
    for name in names:
        try:
            with open(f"/sys/class/net/{name}/address") as f:
                text = f.read().strip()
        except OSError:
            continue
        parts = text.split(":")
        if len(parts) != 6:
            continue
        try:
            mac = int("".join(parts), 16)
        except ValueError:
            continue
        # Skip all-zero (loopback) and group (multicast bit) addresses.
        if mac == 0 or mac & (1 << 40):
            continue
        if _is_universal(mac):
            return mac
        if local is None:
            local = mac
    return local


def _random_getnode():
    """A random 48-bit node with the multicast bit set (RFC 9562 6.10),
    so that it can never collide with a real network card's address."""
    return int.from_bytes(os.urandom(6), "big") | (1 << 40)


# How the system tools print a MAC address: AIX writes fe.ad.c.1.23.4
# (dots, leading zeroes dropped); everyone else writes fe:ad:0c:01:23:04.
_AIX = sys.platform.startswith("aix")
_MAC_DELIM = b"." if _AIX else b":"
_MAC_OMITS_LEADING_ZEROES = _AIX
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def _parse_mac(word):
    """The 48-bit integer that 'word' (bytes) spells as a MAC address in
    this platform's notation, or None when it is not one (an IPv6 address
    of the same length, too few fields, a stray character...)."""
    parts = word.split(_MAC_DELIM)
    if len(parts) != 6:
        return None
    digits = []
    for part in parts:
        if _MAC_OMITS_LEADING_ZEROES:
            if not 1 <= len(part) <= 2:
                return None
            part = part.rjust(2, b"0")
        elif len(part) != 2:
            return None
        if not _HEX_DIGITS.issuperset(part):
            return None
        digits.append(part)
    return int(b"".join(digits), 16)


def _get_command_stdout(command, args):
    """Run 'command' (looked up on PATH, then /sbin and /usr/sbin) with the
    whitespace-separated 'args' in the C locale; its output as a binary
    stream, or None when it is missing or fails."""
    import io
    import shutil
    import subprocess
    dirs = os.environ.get("PATH", os.defpath).split(os.pathsep)
    dirs.extend(["/sbin", "/usr/sbin"])
    executable = shutil.which(command, path=os.pathsep.join(dirs))
    if executable is None:
        return None
    env = dict(os.environ, LC_ALL="C")
    try:
        proc = subprocess.run([executable, *args.split()],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env)
    except OSError:
        return None
    if proc.returncode != 0:
        return None
    return io.BytesIO(proc.stdout)


def _pick_mac(candidates):
    """The first universally administered address among 'candidates' (an
    iterable of ints or None), else the first locally administered one."""
    first_local = None
    for mac in candidates:
        if mac is None:
            continue
        if _is_universal(mac):
            return mac
        if first_local is None:
            first_local = mac
    return first_local


def _find_mac_near_keyword(command, args, keywords, get_word_index):
    """Scan a tool's output for one of 'keywords' (lower-case bytes); the
    MAC address is the word at get_word_index(keyword's index)."""
    stdout = _get_command_stdout(command, args)
    if stdout is None:
        return None

    def candidates():
        for line in stdout:
            words = line.lower().rstrip().split()
            for i, word in enumerate(words):
                if word in keywords:
                    try:
                        yield _parse_mac(words[get_word_index(i)])
                    except (ValueError, IndexError):
                        pass
    return _pick_mac(candidates())


def _find_mac_under_heading(command, args, heading):
    """Scan a tool's table output: the MAC address is in the column whose
    first-line title is 'heading' (bytes)."""
    stdout = _get_command_stdout(command, args)
    if stdout is None:
        return None
    titles = stdout.readline().rstrip().split()
    try:
        column = titles.index(heading)
    except ValueError:
        return None

    def candidates():
        for line in stdout:
            words = line.rstrip().split()
            if column < len(words):
                yield _parse_mac(words[column])
    return _pick_mac(candidates())


def _ifconfig_getnode():
    """The MAC address ifconfig reports (its flags vary by platform)."""
    keywords = (b"hwaddr", b"ether", b"address:", b"lladdr")
    for args in ("", "-a", "-av"):
        mac = _find_mac_near_keyword("ifconfig", args, keywords,
                                     lambda i: i + 1)
        if mac:
            return mac
    return None


def _ip_getnode():
    """The MAC address 'ip link' reports."""
    return _find_mac_near_keyword("ip", "link", [b"link/ether"],
                                  lambda i: i + 1)


def _arp_getnode():
    """The MAC address arp lists for this host's own IP address."""
    import socket
    try:
        ip_addr = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    # "? (10.0.0.2) at 52:54:00:12:34:56 [ether] on eth0"
    keyword = os.fsencode("(%s)" % ip_addr)
    return _find_mac_near_keyword("arp", "-an", [keyword], lambda i: i + 2)


def _lanscan_getnode():
    """The MAC address HP-UX's lanscan reports for lan0."""
    return _find_mac_near_keyword("lanscan", "-ai", [b"lan0"], lambda i: 0)


def _netstat_getnode():
    """The MAC address in netstat's interface table (AIX, the BSDs)."""
    return _find_mac_under_heading("netstat", "-ian", b"Address")


# Weft has no _uuid extension (libuuid's uuid_generate_time_safe), so
# uuid1() always builds its UUIDs in Python and their safety is unknown.
_generate_time_safe = None


def _unix_getnode():
    """The node of a libuuid time-based UUID; None without libuuid."""
    if _generate_time_safe is None:
        return None
    uuid_time, _ = _generate_time_safe()
    return UUID(bytes=uuid_time).node


if sys.platform == "linux":
    _OS_GETTERS = [_sysfs_getnode, _ip_getnode, _ifconfig_getnode]
elif sys.platform == "darwin":
    _OS_GETTERS = [_ifconfig_getnode, _arp_getnode, _netstat_getnode]
elif _AIX:
    _OS_GETTERS = [_netstat_getnode]
else:
    _OS_GETTERS = [_ifconfig_getnode, _ip_getnode, _arp_getnode,
                   _netstat_getnode, _lanscan_getnode]
# The getters getnode() tries, in order; _random_getnode is the fallback.
_GETTERS = [_unix_getnode] + _OS_GETTERS

_node_lock = _Lock()     # guards _node
_node = None


def _first_node():
    """The first valid 48-bit node a getter finds; a getter that fails or
    returns something else (None, an EUI-64) is skipped."""
    for getter in _GETTERS + [_random_getnode]:
        try:
            node = getter()
        except Exception:
            continue
        if node is not None and 0 <= node < (1 << 48):
            return node
    raise AssertionError("_random_getnode() returned an invalid node")


def getnode():
    """The 48-bit hardware (MAC) address of this host.

    The first call asks the platform's getters (/sys/class/net, then the
    'ip' and 'ifconfig' tools on Linux); when none finds an address a random
    number with the multicast bit set stands in.  Later calls return the
    cached value.  _node_lock makes the first call run once without the GIL.
    """
    global _node
    with _node_lock:
        if _node is None:
            _node = _first_node()
        return _node


# ---------------------------------------------------------------------------
# Generators

# 100-ns intervals between 1582-10-15 (the Gregorian epoch) and 1970-01-01.
_GREGORIAN_OFFSET = 0x01B21DD213814000

_clock_lock = _Lock()    # guards the _last_* monotonic state below
_last_timestamp = None
_last_timestamp_v6 = None
_last_timestamp_v7 = None
_last_counter_v7 = 0


def _gregorian_ticks(last):
    """A 100-ns timestamp that is strictly after 'last'."""
    ticks = _time.time_ns() // 100 + _GREGORIAN_OFFSET
    if last is not None and ticks <= last:
        ticks = last + 1
    return ticks


def _random_bits(count):
    return int.from_bytes(os.urandom((count + 7) // 8), "big") \
        & ((1 << count) - 1)


def uuid1(node=None, clock_seq=None):
    """A version 1 UUID: the current time in 100-ns steps since 1582, a
    14-bit clock sequence (random unless given) and the node (getnode()
    unless given)."""
    global _last_timestamp
    with _clock_lock:
        ticks = _gregorian_ticks(_last_timestamp)
        _last_timestamp = ticks
    if clock_seq is None:
        import random       # CPython draws the v1 clock sequence here
        clock_seq = random.getrandbits(14)
    if node is None:
        node = getnode()
    fields = (ticks & 0xFFFFFFFF, (ticks >> 32) & 0xFFFF,
              (ticks >> 48) & 0x0FFF, (clock_seq >> 8) & 0x3F,
              clock_seq & 0xFF, node)
    return UUID(fields=fields, version=1)


def _name_digest(algorithm, namespace, name):
    import hashlib
    if isinstance(name, str):
        name = bytes(name, "utf-8")
    h = hashlib.new(algorithm, namespace.bytes + name,
                    usedforsecurity=False)
    return h.digest()[:16]


def uuid3(namespace, name):
    """A version 3 UUID: MD5 of the namespace UUID followed by the name."""
    value = int.from_bytes(_name_digest("md5", namespace, name), "big")
    return UUID._from_int(_with_version(value, 3))


def uuid4():
    """A version 4 UUID: 122 random bits."""
    value = int.from_bytes(os.urandom(16), "big")
    return UUID._from_int(_with_version(value, 4))


def uuid5(namespace, name):
    """A version 5 UUID: SHA-1 of the namespace UUID followed by the name."""
    value = int.from_bytes(_name_digest("sha1", namespace, name), "big")
    return UUID._from_int(_with_version(value, 5))


def uuid6(node=None, clock_seq=None):
    """A version 6 UUID: uuid1()'s timestamp stored most significant bits
    first, so that the UUIDs sort by time.  The node is random unless
    given; the clock sequence likewise."""
    global _last_timestamp_v6
    with _clock_lock:
        ticks = _gregorian_ticks(_last_timestamp_v6)
        _last_timestamp_v6 = ticks
    if clock_seq is None:
        clock_seq = _random_bits(14)
    if node is None:
        node = _random_bits(48)
    value = ((ticks >> 12) & 0xFFFFFFFFFFFF) << 80
    value |= (ticks & 0x0FFF) << 64
    value |= (clock_seq & 0x3FFF) << 48
    value |= node & 0xFFFFFFFFFFFF
    return UUID._from_int(_with_version(value, 6))


def _fresh_counter_and_tail():
    """A 42-bit counter seeded with its top bit clear (leaving room to
    count up within one millisecond) and 32 random tail bits."""
    bits = _random_bits(73)
    return bits >> 32, bits & 0xFFFFFFFF


def uuid7():
    """A version 7 UUID: Unix time in milliseconds, then a 42-bit counter
    that keeps UUIDs made within one millisecond increasing (RFC 9562,
    method 1), then 32 random bits."""
    global _last_timestamp_v7, _last_counter_v7
    with _clock_lock:
        millis = _time.time_ns() // 1_000_000
        last = _last_timestamp_v7
        if last is None or millis > last:
            counter, tail = _fresh_counter_and_tail()
        else:
            millis = last
            counter = _last_counter_v7 + 1
            if counter >= 1 << 42:
                millis += 1
                counter, tail = _fresh_counter_and_tail()
            else:
                tail = _random_bits(32)
        _last_timestamp_v7 = millis
        _last_counter_v7 = counter
    value = (millis & 0xFFFFFFFFFFFF) << 80
    value |= (counter >> 30) << 64          # 12 high counter bits
    value |= (counter & 0x3FFFFFFF) << 32   # 30 low bits, after the variant
    value |= tail
    return UUID._from_int(_with_version(value, 7))


def uuid8(a=None, b=None, c=None):
    """A version 8 UUID from three blocks: a (48 bits), b (12 bits) and
    c (62 bits); each block left out is random."""
    if a is None:
        a = _random_bits(48)
    if b is None:
        b = _random_bits(12)
    if c is None:
        c = _random_bits(62)
    value = (a & 0xFFFFFFFFFFFF) << 80
    value |= (b & 0x0FFF) << 64
    value |= c & 0x3FFFFFFFFFFFFFFF
    return UUID._from_int(_with_version(value, 8))


def main():
    """The python -m uuid command."""
    import argparse
    functions = {"uuid1": uuid1, "uuid3": uuid3, "uuid4": uuid4,
                 "uuid5": uuid5, "uuid6": uuid6, "uuid7": uuid7,
                 "uuid8": uuid8}
    namespaces = {"@dns": NAMESPACE_DNS, "@url": NAMESPACE_URL,
                  "@oid": NAMESPACE_OID, "@x500": NAMESPACE_X500}
    parser = argparse.ArgumentParser(
        description="Generate a UUID using the selected UUID function.")
    parser.add_argument("-u", "--uuid", choices=functions.keys(),
                        default="uuid4",
                        help="function to generate the UUID")
    parser.add_argument("-n", "--namespace",
                        help="uuid3/uuid5 only: a UUID, or a well-known "
                             "predefined UUID addressed by namespace name "
                             "(@dns, @url, @oid, @x500)")
    parser.add_argument("-N", "--name",
                        help="uuid3/uuid5 only: name used as part of "
                             "generating the UUID")
    parser.add_argument("-C", "--count", metavar="NUM", type=int, default=1,
                        help="generate NUM fresh UUIDs")
    args = parser.parse_args()
    generate = functions[args.uuid]
    if args.uuid in ("uuid3", "uuid5"):
        if not args.namespace or not args.name:
            parser.error(f"Incorrect number of arguments. {args.uuid} "
                         f"requires a namespace and a name. Run 'python -m "
                         f"uuid -h' for more information.")
        if args.namespace in namespaces:
            namespace = namespaces[args.namespace]
        else:
            try:
                namespace = UUID(args.namespace)
            except ValueError as exc:
                parser.error(f"invalid namespace {args.namespace!r}: {exc}")
        for _ in range(args.count):
            print(generate(namespace, args.name))
    else:
        for _ in range(args.count):
            print(generate())


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")

NIL = UUID("00000000-0000-0000-0000-000000000000")
MAX = UUID("ffffffff-ffff-ffff-ffff-ffffffffffff")

if __name__ == "__main__":
    main()
