# ipaddress 3.13+ behaviour: IPv4-mapped IPv6 addresses and updated
# special-purpose tables (expected output written from the docs).
import ipaddress as ip
m = ip.IPv6Address("::ffff:192.168.1.1")
print(m, repr(m), m.exploded, m.compressed, m.ipv4_mapped, m.is_private, m.is_global, m.reverse_pointer)
print(ip.IPv4Address("8.8.8.8").ipv6_mapped, ip.IPv6Address("::ffff:8.8.8.8").is_global, ip.IPv6Address("::ffff:127.0.0.1").is_loopback)
print(ip.IPv6Address("::ffff:0.0.0.0").is_unspecified, ip.IPv6Address("::ffff:224.0.0.1").is_multicast, ip.IPv6Address("::ffff:169.254.0.1").is_link_local)
for a in ["192.0.0.9", "192.0.0.10", "192.0.0.8", "192.0.0.170", "100.64.1.1", "198.18.0.1", "255.255.255.255",
          "2001:1::1", "2001:1::3", "2001:3::1", "2001:4:112::1", "2001:20::1", "2001:30::1", "2001:40::1", "2002::1", "3fff::1", "64:ff9b:1::1", "64:ff9b::1"]:
    x = ip.ip_address(a)
    print(a, x.is_private, x.is_global)
for n in ["192.0.0.0/29", "100.64.0.0/10", "10.0.0.0/8", "2001:db8::/48", "fe80::/64"]:
    x = ip.ip_network(n)
    print(n, x.is_private, x.is_global)
s = ip.IPv6Address("fe80::1%eth0")
print(repr(s), s.scope_id, s == ip.IPv6Address("fe80::1%eth0"), s == ip.IPv6Address("fe80::1"), hash(s) == hash(ip.IPv6Address("fe80::1%eth0")))
print(ip.ip_interface("fe80::1%2/64"), ip.ip_interface("fe80::1%2/64").ip, ip.ip_network("fe80::%2/64"))
for bad in ["fe80::1%", "fe80::1%a%b", "1:" * 30 + "1", "0:" * 60 + "0"]:
    try: ip.IPv6Address(bad)
    except ip.AddressValueError as e: print(e)
print(ip.IPv6Interface("::1/128").is_loopback, ip.IPv6Interface("::1/64").is_loopback, ip.IPv6Interface("::/128").is_unspecified)
