"""IPv4 and IPv6 addresses, networks and interfaces.

Every value is held as an integer; strings are only parsed on the way in
and produced on the way out.  The special-purpose tables behind the is_*
properties follow the IANA IPv4 and IPv6 special-purpose registries.
"""

import functools

__version__ = "1.0"

IPV4LENGTH = 32
IPV6LENGTH = 128

__all__ = ["IPV4LENGTH", "IPV6LENGTH", "AddressValueError",
           "NetmaskValueError", "ip_address", "ip_network", "ip_interface",
           "v4_int_to_packed", "v6_int_to_packed", "summarize_address_range",
           "collapse_addresses", "get_mixed_type_key", "IPv4Address",
           "IPv4Interface", "IPv4Network", "IPv6Address", "IPv6Interface",
           "IPv6Network"]


class AddressValueError(ValueError):
    """An address could not be parsed or is out of range."""


class NetmaskValueError(ValueError):
    """A netmask or prefix length is invalid."""


def ip_address(address):
    """An IPv4 or IPv6 object, whichever version the argument parses as."""
    for cls in (IPv4Address, IPv6Address):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 "
                     f"address")


def ip_network(address, strict=True):
    """An IPv4 or IPv6 object, whichever version the argument parses as."""
    for cls in (IPv4Network, IPv6Network):
        try:
            return cls(address, strict)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 "
                     f"network")


def ip_interface(address):
    """An IPv4 or IPv6 object, whichever version the argument parses as."""
    for cls in (IPv4Interface, IPv6Interface):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 "
                     f"interface")


def v4_int_to_packed(address):
    """The 4 big-endian bytes of an IPv4 address integer."""
    try:
        return address.to_bytes(4, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv4") from None


def v6_int_to_packed(address):
    """The 16 big-endian bytes of an IPv6 address integer."""
    try:
        return address.to_bytes(16, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv6") from None


def _trailing_zero_bits(number, bits):
    if number == 0:
        return bits
    return min(bits, (number & -number).bit_length() - 1)


def summarize_address_range(first, last):
    """The networks that exactly cover first..last, in order.

    Yields the fewest networks that exactly cover [first, last].
    """
    if not (isinstance(first, _BaseAddress)
            and isinstance(last, _BaseAddress)):
        raise TypeError("first and last must be IP addresses, not networks")
    if first.version != last.version:
        raise TypeError(f"{first} and {last} are not of the same version")
    if first > last:
        raise ValueError("last IP address must be greater than first")
    if first.version == 4:
        network_class = IPv4Network
    elif first.version == 6:
        network_class = IPv6Network
    else:
        raise ValueError("unknown IP version")
    bits = first.max_prefixlen
    low, high = first._ip, last._ip
    while low <= high:
        size_bits = min(_trailing_zero_bits(low, bits),
                        (high - low + 1).bit_length() - 1)
        yield network_class((low, bits - size_bits))
        low += 1 << size_bits
        if low - 1 == (1 << bits) - 1:
            break


def _same_version(a, b):
    if a._version != b._version:
        raise TypeError(f"{a} and {b} are not of the same version")


def _address_runs(addresses):
    """(first, last) pairs of consecutive runs in sorted unique addresses."""
    first = last = addresses[0]
    for addr in addresses[1:]:
        if addr._ip == last._ip + 1:
            last = addr
        else:
            yield first, last
            first = last = addr
    yield first, last


def _collapse_networks(networks):
    """Merge sibling networks and drop covered ones, until neither helps."""
    by_key = {(n.network_address._ip, n.prefixlen): n for n in networks}
    changed = True
    while changed:
        changed = False
        for (start, plen), net in sorted(by_key.items()):
            if (start, plen) not in by_key or plen == 0:
                continue
            size = 1 << (net.max_prefixlen - plen)
            if start & size:
                continue
            sibling = (start + size, plen)
            if sibling in by_key:
                del by_key[(start, plen)]
                del by_key[sibling]
                parent = net.supernet()
                by_key[(parent.network_address._ip, parent.prefixlen)] = \
                    parent
                changed = True
    result = []
    for key in sorted(by_key):
        net = by_key[key]
        if result and result[-1].broadcast_address._ip >= \
                net.broadcast_address._ip:
            continue
        result.append(net)
    return result


def collapse_addresses(addresses):
    """Merge addresses and networks into the fewest covering networks.

    Returns an iterator of the collapsed IPv(4|6)Network objects.
    """
    singles = []
    networks = []
    for item in addresses:
        if isinstance(item, _BaseAddress):
            if singles:
                _same_version(item, singles[-1])
            singles.append(item)
        elif item._prefixlen == item._max_prefixlen:
            if singles:
                _same_version(item, singles[-1])
            singles.append(getattr(item, "ip", None) or item.network_address)
        else:
            if networks:
                _same_version(item, networks[-1])
            networks.append(item)
    if singles and networks:
        _same_version(singles[-1], networks[-1])
    singles = sorted(set(singles))
    ranges = []
    if singles:
        for first, last in _address_runs(singles):
            ranges.extend(summarize_address_range(first, last))
    return iter(_collapse_networks(ranges + networks))


def get_mixed_type_key(obj):
    """A sort key that orders networks and addresses together."""
    if isinstance(obj, _BaseNetwork):
        return obj._get_networks_key()
    if isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    return NotImplemented


# ---------------------------------------------------------------------------
# Shared behaviour

class _IPAddressBase:
    """The methods every address, network and interface shares."""
    __slots__ = ()

    @property
    def exploded(self):
        """The text with nothing abbreviated."""
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        """The shortest text form."""
        return str(self)

    @property
    def reverse_pointer(self):
        """The in-addr.arpa or ip6.arpa name for reverse DNS lookups."""
        return self._reverse_pointer()

    @property
    def version(self):
        return self._version

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    def _check_int_address(self, address):
        if address < 0:
            raise AddressValueError(f"{address} (< 0) is not permitted as "
                                    f"an IPv{self._version} address")
        if address > self._ALL_ONES:
            raise AddressValueError(
                f"{address} (>= 2**{self._max_prefixlen}) is not permitted "
                f"as an IPv{self._version} address")

    def _check_packed_address(self, address, expected_len):
        if len(address) != expected_len:
            raise AddressValueError(
                f"{address!r} (len {len(address)} != {expected_len}) is not "
                f"permitted as an IPv{self._version} address")

    @classmethod
    def _prefix_from_ip_int(cls, ip_int):
        """The prefix length of a netmask integer; ValueError if the ones
        are not contiguous."""
        zeros = _trailing_zero_bits(ip_int, cls._max_prefixlen)
        prefixlen = cls._max_prefixlen - zeros
        if ip_int >> zeros != (1 << prefixlen) - 1:
            packed = ip_int.to_bytes(cls._max_prefixlen // 8, "big")
            raise ValueError(f"Netmask pattern {packed!r} mixes zeroes & "
                             f"ones")
        return prefixlen

    @classmethod
    def _report_invalid_netmask(cls, netmask_str):
        raise NetmaskValueError(f"{netmask_str!r} is not a valid netmask") \
            from None

    @classmethod
    def _prefix_from_prefix_string(cls, prefixlen_str):
        if not (prefixlen_str.isascii() and prefixlen_str.isdigit()):
            cls._report_invalid_netmask(prefixlen_str)
        prefixlen = int(prefixlen_str)
        if not 0 <= prefixlen <= cls._max_prefixlen:
            cls._report_invalid_netmask(prefixlen_str)
        return prefixlen

    @classmethod
    def _prefix_from_ip_string(cls, ip_str):
        """Prefix length of a dotted netmask or hostmask string."""
        try:
            ip_int = cls._ip_int_from_string(ip_str)
        except AddressValueError:
            cls._report_invalid_netmask(ip_str)
        try:
            return cls._prefix_from_ip_int(ip_int)
        except ValueError:
            pass
        try:
            return cls._prefix_from_ip_int(ip_int ^ cls._ALL_ONES)
        except ValueError:
            cls._report_invalid_netmask(ip_str)

    @classmethod
    def _split_addr_prefix(cls, address):
        """(address, prefix) from 'a/p', a tuple, an int or bytes."""
        if isinstance(address, (bytes, int)):
            return address, cls._max_prefixlen
        if not isinstance(address, tuple):
            parts = str(address).split("/")
            if len(parts) > 2:
                raise AddressValueError(f"Only one '/' permitted in "
                                        f"{address!r}")
            address = tuple(parts)
        if len(address) > 1:
            addr, prefix = address     # more than two items: ValueError
            return addr, prefix
        return address[0], cls._max_prefixlen

    @classmethod
    def _make_netmask(cls, arg):
        """(netmask address, prefix length) for a prefix or mask."""
        return _netmask_cache(cls, arg)

    def __reduce__(self):
        return self.__class__, (str(self),)


@functools.lru_cache(maxsize=None)
def _netmask_cache(cls, arg):
    # lru_cache is thread-safe; the values are immutable.
    if isinstance(arg, int):
        prefixlen = arg
        if not 0 <= prefixlen <= cls._max_prefixlen:
            cls._report_invalid_netmask(prefixlen)
    else:
        try:
            prefixlen = cls._prefix_from_prefix_string(arg)
        except NetmaskValueError:
            if cls._version != 4:
                raise
            prefixlen = cls._prefix_from_ip_string(arg)
    mask = cls._ALL_ONES ^ (cls._ALL_ONES >> prefixlen)
    return cls._address_class(mask), prefixlen


@functools.total_ordering
class _BaseAddress(_IPAddressBase):
    """Behaviour shared by IPv4Address and IPv6Address."""
    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            return self._ip == other._ip and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        _same_version(self, other)
        return self._ip < other._ip

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) - other)

    def __repr__(self):
        return f"{self.__class__.__name__}({str(self)!r})"

    def __str__(self):
        return self._string_from_ip_int(self._ip)

    def __hash__(self):
        return hash(hex(int(self._ip)))

    def _get_address_key(self):
        return (self._version, self)

    def __reduce__(self):
        return self.__class__, (self._ip,)

    def __format__(self, fmt):
        """Formats 's', 'b', 'x', 'X' and 'n', with optional '#' and '_'."""
        if not fmt or fmt[-1] == "s":
            return format(str(self), fmt)
        alternate = fmt.startswith("#")
        rest = fmt[1:] if alternate else fmt
        grouping = rest.startswith("_")
        rest = rest[1:] if grouping else rest
        if rest not in ("b", "x", "X", "n"):
            return super().__format__(fmt)
        base = rest
        if base == "n":
            base = "b" if self._version == 4 else "x"
        width = self._max_prefixlen if base == "b" \
            else self._max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if alternate:
            width += 2
        spec = ("#" if alternate else "") + f"0{width}" \
            + ("_" if grouping else "") + base
        return format(self._ip, spec)


@functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """Behaviour shared by IPv4Network and IPv6Network."""

    def __repr__(self):
        return f"{self.__class__.__name__}({str(self)!r})"

    def __str__(self):
        return f"{self.network_address}/{self.prefixlen}"

    def _init_network(self, address, strict):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = self._address_class(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        packed = int(self.network_address)
        if packed & int(self.netmask) != packed:
            if strict:
                raise ValueError(f"{self} has host bits set")
            self.network_address = self._address_class(
                packed & int(self.netmask))

    def hosts(self):
        """Generate the usable hosts of the network: all addresses except
        the network address (and, for IPv4, the broadcast address)."""
        network = int(self.network_address)
        broadcast = int(self.broadcast_address)
        if self._prefixlen >= self._max_prefixlen - 1:
            for x in range(network, broadcast + 1):
                yield self._address_class(x)
            return
        last = broadcast - 1 if self._version == 4 else broadcast
        for x in range(network + 1, last + 1):
            yield self._address_class(x)

    def __iter__(self):
        network = int(self.network_address)
        broadcast = int(self.broadcast_address)
        for x in range(network, broadcast + 1):
            yield self._address_class(x)

    def __getitem__(self, n):
        network = int(self.network_address)
        broadcast = int(self.broadcast_address)
        if n >= 0:
            if network + n > broadcast:
                raise IndexError("address out of range")
            return self._address_class(network + n)
        if broadcast + n + 1 < network:
            raise IndexError("address out of range")
        return self._address_class(broadcast + n + 1)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        _same_version(self, other)
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __eq__(self, other):
        try:
            return (self._version == other._version
                    and self.network_address == other.network_address
                    and int(self.netmask) == int(other.netmask))
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash((int(self.network_address), int(self.netmask)))

    def __contains__(self, other):
        if isinstance(other, _BaseNetwork):
            return False
        if other._version != self._version:
            return False
        return other._ip & int(self.netmask) == int(self.network_address)

    def overlaps(self, other):
        """Whether the two networks share any address."""
        return (other.network_address in self
                or other.broadcast_address in self
                or self.network_address in other
                or self.broadcast_address in other)

    @functools.cached_property
    def broadcast_address(self):
        return self._address_class(int(self.network_address)
                                   | int(self.hostmask))

    @functools.cached_property
    def hostmask(self):
        return self._address_class(int(self.netmask) ^ self._ALL_ONES)

    @property
    def with_prefixlen(self):
        return f"{self.network_address}/{self._prefixlen}"

    @property
    def with_netmask(self):
        return f"{self.network_address}/{self.netmask}"

    @property
    def with_hostmask(self):
        return f"{self.network_address}/{self.hostmask}"

    @property
    def num_addresses(self):
        """How many addresses the network spans."""
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def prefixlen(self):
        return self._prefixlen

    def address_exclude(self, other):
        """The networks covering self except other (which lies inside it).

        Yields the networks that cover self minus other, largest first.
        """
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same "
                            f"version")
        if not isinstance(other, _BaseNetwork):
            raise TypeError(f"{other} is not a network object")
        if not other.subnet_of(self):
            raise ValueError(f"{other} not contained in {self}")
        if other == self:
            return
        current = self
        while current != other:
            low, high = current.subnets()
            if other.subnet_of(low):
                yield high
                current = low
            else:
                yield low
                current = high

    def compare_networks(self, other):
        """Compare two IP objects: -1, 0 or 1, by network address and
        then by netmask."""
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same type")
        for mine, theirs in ((self.network_address, other.network_address),
                             (self.netmask, other.netmask)):
            if mine < theirs:
                return -1
            if mine > theirs:
                return 1
        return 0

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """Split the network into 2**prefixlen_diff (or new_prefix sized)
        parts."""
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError("new prefix must be longer")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError("prefix length diff must be > 0")
        new_prefixlen = self._prefixlen + prefixlen_diff
        if new_prefixlen > self._max_prefixlen:
            raise ValueError(f"prefix length diff {new_prefixlen} is "
                             f"invalid for netblock {self}")
        start = int(self.network_address)
        end = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        for addr in range(start, end, step):
            yield self.__class__((addr, new_prefixlen))

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The enclosing network prefixlen_diff bits (or new_prefix) up."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError("new prefix must be shorter")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = self._prefixlen - new_prefix
        new_prefixlen = self._prefixlen - prefixlen_diff
        if new_prefixlen < 0:
            raise ValueError(f"current prefixlen is {self._prefixlen}, "
                             f"cannot have a prefixlen_diff of "
                             f"{prefixlen_diff}")
        mask = self._ALL_ONES ^ (self._ALL_ONES >> new_prefixlen)
        return self.__class__((int(self.network_address) & mask,
                               new_prefixlen))

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if a._version != b._version:
                raise TypeError(f"{a} and {b} are not of the same version")
            return (b.network_address <= a.network_address
                    and b.broadcast_address >= a.broadcast_address)
        except AttributeError:
            raise TypeError(f"Unable to test subnet containment between "
                            f"{a} and {b}") from None

    def subnet_of(self, other):
        """Whether other contains this whole network."""
        return self._is_subnet_of(self, other)

    def supernet_of(self, other):
        """Whether this network contains all of other."""
        return self._is_subnet_of(other, self)

    def _both_ends(self, predicate):
        return predicate(self.network_address) and \
            predicate(self.broadcast_address)

    @property
    def is_reserved(self):
        return self._both_ends(lambda a: a.is_reserved)

    @property
    def is_link_local(self):
        return self._both_ends(lambda a: a.is_link_local)

    @property
    def is_private(self):
        """True if the whole network is not globally reachable."""
        constants = self._constants
        inside = any(self.network_address in net
                     and self.broadcast_address in net
                     for net in constants.private_networks)
        return inside and all(
            self.network_address not in net
            and self.broadcast_address not in net
            for net in constants.private_exceptions)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_multicast(self):
        return self._both_ends(lambda a: a.is_multicast)

    @property
    def is_unspecified(self):
        return self._both_ends(lambda a: a.is_unspecified)

    @property
    def is_loopback(self):
        return self._both_ends(lambda a: a.is_loopback)


# ---------------------------------------------------------------------------
# IPv4

class _BaseV4:
    """Parsing and formatting of IPv4 text."""
    __slots__ = ()
    _version = 4
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _max_prefixlen = IPV4LENGTH

    def _explode_shorthand_ip_string(self):
        return str(self)

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError("Address cannot be empty")
        octets = ip_str.split(".")
        if len(octets) != 4:
            raise AddressValueError(f"Expected 4 octets in {ip_str!r}")
        try:
            value = 0
            for octet in octets:
                value = (value << 8) | cls._parse_octet(octet)
            return value
        except ValueError as exc:
            raise AddressValueError(f"{exc} in {ip_str!r}") from None

    @classmethod
    def _parse_octet(cls, octet_str):
        if not octet_str:
            raise ValueError("Empty octet not permitted")
        if not (octet_str.isascii() and octet_str.isdigit()):
            raise ValueError(f"Only decimal digits permitted in "
                             f"{octet_str!r}")
        if len(octet_str) > 3:
            raise ValueError(f"At most 3 characters permitted in "
                             f"{octet_str!r}")
        if octet_str != "0" and octet_str[0] == "0":
            raise ValueError(f"Leading zeros are not permitted in "
                             f"{octet_str!r}")
        value = int(octet_str, 10)
        if value > 255:
            raise ValueError(f"Octet {value} (> 255) not permitted")
        return value

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        return ".".join(str(b) for b in ip_int.to_bytes(4, "big"))

    def _reverse_pointer(self):
        return ".".join(reversed(str(self).split("."))) + ".in-addr.arpa"


class IPv4Address(_BaseV4, _BaseAddress):
    """A single 32-bit IPv4 address."""
    __slots__ = ("_ip", "__weakref__")

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, "big")
            return
        text = str(address)
        if "/" in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        self._ip = self._ip_int_from_string(text)

    @property
    def packed(self):
        """The address as big-endian bytes."""
        return v4_int_to_packed(self._ip)

    @property
    def is_reserved(self):
        """True if within the IETF reserved range 240.0.0.0/4."""
        return self in _IPv4Constants.reserved_network

    @property
    def is_private(self):
        """True if not globally reachable per the IANA IPv4 special-purpose
        registry (100.64.0.0/10 is neither private nor global)."""
        return (any(self in net for net in _IPv4Constants.private_networks)
                and all(self not in net
                        for net in _IPv4Constants.private_exceptions))

    @property
    def is_global(self):
        """True if globally reachable per the IANA registry."""
        return self not in _IPv4Constants.shared_address_space \
            and not self.is_private

    @property
    def is_multicast(self):
        return self in _IPv4Constants.multicast_network

    @property
    def is_unspecified(self):
        return self == _IPv4Constants.unspecified_address

    @property
    def is_loopback(self):
        return self in _IPv4Constants.loopback_network

    @property
    def is_link_local(self):
        return self in _IPv4Constants.linklocal_network

    @property
    def ipv6_mapped(self):
        """The IPv4-mapped IPv6 address (::ffff:a.b.c.d)."""
        return IPv6Address(0xFFFF00000000 | self._ip)


class _BaseInterface:
    """What IPv4Interface and IPv6Interface share: an address (the
    class's other base) together with the network it belongs to.  A
    subclass names its address and network classes."""

    __slots__ = ()

    def __init__(self, address):
        addr, mask = self._split_addr_prefix(address)
        super().__init__(addr)
        self.network = self._iface_network_class((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    @functools.cached_property
    def hostmask(self):
        return self.network.hostmask

    def __eq__(self, other):
        equal = super().__eq__(other)
        if equal is NotImplemented or not equal:
            return equal
        try:
            return self.network == other.network
        except AttributeError:
            # A bare address never equals an interface.
            return False

    def __lt__(self, other):
        less = super().__lt__(other)
        if less is NotImplemented:
            return less
        try:
            return self.network < other.network or \
                (self.network == other.network and less)
        except AttributeError:
            # Addresses sort before interfaces.
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen,
                     int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        return self._iface_address_class(self._ip)

    @property
    def with_prefixlen(self):
        return f"{self._string_from_ip_int(self._ip)}/{self._prefixlen}"

    @property
    def with_netmask(self):
        return f"{self._string_from_ip_int(self._ip)}/{self.netmask}"

    @property
    def with_hostmask(self):
        return f"{self._string_from_ip_int(self._ip)}/{self.hostmask}"


class IPv4Interface(_BaseInterface, IPv4Address):
    """An IPv4 address together with the network it belongs to."""

    _iface_address_class = IPv4Address

    def __str__(self):
        return f"{self._string_from_ip_int(self._ip)}/{self._prefixlen}"


class IPv4Network(_BaseV4, _BaseNetwork):
    """An IPv4 network: a network address and a prefix length."""

    _address_class = IPv4Address

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @property
    def is_global(self):
        """True if the network is globally reachable."""
        shared = _IPv4Constants.shared_address_space
        return not (self.network_address in shared
                    and self.broadcast_address in shared) \
            and not self.is_private


class _IPv4Constants:
    linklocal_network = IPv4Network("169.254.0.0/16")
    loopback_network = IPv4Network("127.0.0.0/8")
    multicast_network = IPv4Network("224.0.0.0/4")
    shared_address_space = IPv4Network("100.64.0.0/10")
    private_networks = [IPv4Network(n) for n in (
        "0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.0.170/31", "192.0.2.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32")]
    private_exceptions = [IPv4Network("192.0.0.9/32"),
                          IPv4Network("192.0.0.10/32")]
    reserved_network = IPv4Network("240.0.0.0/4")
    unspecified_address = IPv4Address("0.0.0.0")


IPv4Address._constants = _IPv4Constants
IPv4Network._constants = _IPv4Constants


# ---------------------------------------------------------------------------
# IPv6

class _BaseV6:
    """Parsing and formatting of IPv6 text."""
    __slots__ = ()
    _version = 6
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _HEXTET_COUNT = 8
    _max_prefixlen = IPV6LENGTH

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError("Address cannot be empty")
        if len(ip_str) > 45:
            shown = ip_str
            if len(shown) > 100:
                shown = (f"{ip_str[:45]}({len(ip_str) - 90} chars elided)"
                         f"{ip_str[-45:]}")
            raise AddressValueError(f"At most 45 characters expected in "
                                    f"{shown!r}")
        parts = ip_str.split(":", cls._HEXTET_COUNT + 1)
        if len(parts) < 3:
            raise AddressValueError(f"At least 3 parts expected in "
                                    f"{ip_str!r}")
        if "." in parts[-1]:
            try:
                v4 = IPv4Address(parts.pop())._ip
            except AddressValueError as exc:
                raise AddressValueError(f"{exc} in {ip_str!r}") from None
            parts.append(f"{v4 >> 16:x}")
            parts.append(f"{v4 & 0xFFFF:x}")
        if len(parts) > cls._HEXTET_COUNT + 1:
            raise AddressValueError(f"At most {cls._HEXTET_COUNT} colons "
                                    f"permitted in {ip_str!r}")
        hextets = cls._expand_parts(parts, ip_str)
        try:
            value = 0
            for hextet in hextets:
                value = (value << 16) | cls._parse_hextet(hextet)
            return value
        except ValueError as exc:
            raise AddressValueError(f"{exc} in {ip_str!r}") from None

    @classmethod
    def _expand_parts(cls, parts, ip_str):
        """The eight hextet strings, with a '::' expanded to zeros."""
        gap = None
        for i in range(1, len(parts) - 1):
            if not parts[i]:
                if gap is not None:
                    raise AddressValueError(f"At most one '::' permitted in "
                                            f"{ip_str!r}")
                gap = i
        if gap is None:
            if len(parts) != cls._HEXTET_COUNT:
                raise AddressValueError(
                    f"Exactly {cls._HEXTET_COUNT} parts expected without "
                    f"'::' in {ip_str!r}")
            if not parts[0]:
                raise AddressValueError(f"Leading ':' only permitted as "
                                        f"part of '::' in {ip_str!r}")
            if not parts[-1]:
                raise AddressValueError(f"Trailing ':' only permitted as "
                                        f"part of '::' in {ip_str!r}")
            return parts
        head = parts[:gap]
        tail = parts[gap + 1:]
        if not head[0]:
            head = head[1:]
            if head:
                raise AddressValueError(f"Leading ':' only permitted as "
                                        f"part of '::' in {ip_str!r}")
        if not tail[-1]:
            tail = tail[:-1]
            if tail:
                raise AddressValueError(f"Trailing ':' only permitted as "
                                        f"part of '::' in {ip_str!r}")
        skipped = cls._HEXTET_COUNT - len(head) - len(tail)
        if skipped < 1:
            raise AddressValueError(
                f"Expected at most {cls._HEXTET_COUNT - 1} other parts with "
                f"'::' in {ip_str!r}")
        return head + ["0"] * skipped + tail

    @classmethod
    def _parse_hextet(cls, hextet_str):
        if not hextet_str or not all(c in "0123456789abcdefABCDEF"
                                     for c in hextet_str):
            raise ValueError(f"Only hex digits permitted in {hextet_str!r}")
        if len(hextet_str) > 4:
            raise ValueError(f"At most 4 characters permitted in "
                             f"{hextet_str!r}")
        return int(hextet_str, 16)

    @staticmethod
    def _compress_hextets(hextets):
        """Replace the longest run (of two or more) of zero hextets, the
        first one on a tie, with an empty string standing for '::'."""
        best_start, best_len = -1, 1
        run_start, run_len = -1, 0
        for i, hextet in enumerate(hextets + ["x"]):
            if hextet == "0":
                if run_len == 0:
                    run_start = i
                run_len += 1
                continue
            if run_len > best_len:
                best_start, best_len = run_start, run_len
            run_len = 0
        if best_start < 0:
            return hextets
        result = hextets[:best_start] + [""] + \
            hextets[best_start + best_len:]
        if best_start + best_len == len(hextets):
            result.append("")
        if best_start == 0:
            result.insert(0, "")
        return result

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        if ip_int > cls._ALL_ONES:
            raise ValueError("IPv6 address is too large")
        hextets = [f"{(ip_int >> shift) & 0xFFFF:x}"
                   for shift in range(112, -1, -16)]
        return ":".join(cls._compress_hextets(hextets))

    def _explode_shorthand_ip_string(self):
        if isinstance(self, IPv6Network):
            ip_int = int(self.network_address)
        else:
            ip_int = self._ip
        text = ":".join(f"{(ip_int >> shift) & 0xFFFF:04x}"
                        for shift in range(112, -1, -16))
        if isinstance(self, (_BaseNetwork, IPv6Interface)):
            return f"{text}/{self._prefixlen}"
        return text

    def _reverse_pointer(self):
        nibbles = f"{self._ip:032x}"[::-1]
        return ".".join(nibbles) + ".ip6.arpa"

    @staticmethod
    def _split_scope_id(ip_str):
        addr, sep, scope_id = ip_str.partition("%")
        if not sep:
            return addr, None
        if not scope_id or "%" in scope_id:
            raise AddressValueError(f'Invalid IPv6 address: "{ip_str!r}"')
        return addr, scope_id


class IPv6Address(_BaseV6, _BaseAddress):
    """A single 128-bit IPv6 address, with an optional scope zone."""
    __slots__ = ("_ip", "_scope_id", "__weakref__")

    def __init__(self, address):
        self._scope_id = None
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, "big")
            return
        text = str(address)
        if "/" in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        text, self._scope_id = self._split_scope_id(text)
        self._ip = self._ip_int_from_string(text)

    def _explode_shorthand_ip_string(self):
        text = super()._explode_shorthand_ip_string()
        mapped = self.ipv4_mapped
        if mapped is None:
            return text
        # Keep 'ffff:' and show the embedded IPv4 address dotted.
        return f"{text[:30]}{mapped}"

    def __str__(self):
        mapped = self.ipv4_mapped
        if mapped is None:
            text = super().__str__()
        else:
            text = f"{self._string_from_ip_int(self._ip >> 32)}:{mapped}"
        if self._scope_id:
            return f"{text}%{self._scope_id}"
        return text

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        equal = super().__eq__(other)
        if equal is NotImplemented or not equal:
            return equal
        return self._scope_id == getattr(other, "_scope_id", None)

    def __reduce__(self):
        return self.__class__, (str(self),)

    @property
    def scope_id(self):
        """The zone of the address's scope (RFC 4007), or None."""
        return self._scope_id

    @property
    def packed(self):
        """The address as big-endian bytes."""
        return v6_int_to_packed(self._ip)

    def _mapped_or(self, name, own):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return getattr(mapped, name)
        return own()

    @property
    def is_multicast(self):
        return self._mapped_or("is_multicast", lambda: self in
                               _IPv6Constants.multicast_network)

    @property
    def is_reserved(self):
        return self._mapped_or("is_reserved", lambda: any(
            self in net for net in _IPv6Constants.reserved_networks))

    @property
    def is_link_local(self):
        return self._mapped_or("is_link_local", lambda: self in
                               _IPv6Constants.linklocal_network)

    @property
    def is_site_local(self):
        """True if in the deprecated site-local range fec0::/10."""
        return self in _IPv6Constants.sitelocal_network

    @property
    def is_private(self):
        """True if not globally reachable per the IANA IPv6 special-purpose
        registry; IPv4-mapped addresses answer for their IPv4 address."""
        return self._mapped_or("is_private", lambda: (
            any(self in net for net in _IPv6Constants.private_networks)
            and all(self not in net
                    for net in _IPv6Constants.private_exceptions)))

    @property
    def is_global(self):
        """True if globally reachable per the IANA registry."""
        return self._mapped_or("is_global", lambda: not self.is_private)

    @property
    def is_unspecified(self):
        return self._mapped_or("is_unspecified", lambda: self._ip == 0)

    @property
    def is_loopback(self):
        return self._mapped_or("is_loopback", lambda: self._ip == 1)

    @property
    def ipv4_mapped(self):
        """The IPv4 address of an IPv4-mapped address (::ffff:a.b.c.d),
        else None."""
        if self._ip >> 32 != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def teredo(self):
        """(server, client) IPv4 addresses of a Teredo address
        (2001::/32), else None."""
        if self._ip >> 96 != 0x20010000:
            return None
        return (IPv4Address((self._ip >> 64) & 0xFFFFFFFF),
                IPv4Address(~self._ip & 0xFFFFFFFF))

    @property
    def sixtofour(self):
        """The IPv4 address embedded in a 6to4 address (2002::/16), else
        None."""
        if self._ip >> 112 != 0x2002:
            return None
        return IPv4Address((self._ip >> 80) & 0xFFFFFFFF)


class IPv6Interface(_BaseInterface, IPv6Address):
    """An IPv6 address together with the network it belongs to."""

    _iface_address_class = IPv6Address

    def __str__(self):
        return f"{super().__str__()}/{self._prefixlen}"

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return super().is_loopback and self.network.is_loopback


class IPv6Network(_BaseV6, _BaseNetwork):
    """An IPv6 network: a network address and a prefix length."""

    _address_class = IPv6Address

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @property
    def is_site_local(self):
        return self._both_ends(lambda a: a.is_site_local)


class _IPv6Constants:
    linklocal_network = IPv6Network("fe80::/10")
    multicast_network = IPv6Network("ff00::/8")
    private_networks = [IPv6Network(n) for n in (
        "::1/128", "::/128", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64",
        "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20", "fc00::/7",
        "fe80::/10")]
    private_exceptions = [IPv6Network(n) for n in (
        "2001:1::1/128", "2001:1::2/128", "2001:3::/32", "2001:4:112::/48",
        "2001:20::/28", "2001:30::/28")]
    reserved_networks = [IPv6Network(n) for n in (
        "::/8", "100::/8", "200::/7", "400::/6", "800::/5", "1000::/4",
        "4000::/3", "6000::/3", "8000::/3", "a000::/3", "c000::/3",
        "e000::/4", "f000::/5", "f800::/6", "fe00::/9")]
    sitelocal_network = IPv6Network("fec0::/10")


IPv6Address._constants = _IPv6Constants
IPv4Interface._iface_network_class = IPv4Network
IPv6Interface._iface_network_class = IPv6Network
IPv6Network._constants = _IPv6Constants
