# ipaddress error cases and edge behaviour: exception types and messages.
import ipaddress as ip
bad = ["", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/33", "1.2.3.4/ 24", "1.2.3.4/24 ", "1.2.3.4/255.255.0.255", "1.2.3.4/0.0.255.255", "1.2.3.4/255.255.255.255", "1.2.3.4/0.0.0.0", "::1/129", "::1/ffff::", "::1/", "1.2.3.4/1/2", "1.2.3.4/٣", "１.2.3.4", "1.2.3.04", "1.2.3.0x4", " 1.2.3.4", "1.2.3.4 ", "::1 ", "::g", "1:2:3:4:5:6:7:8:9", ":::", "1:::2", "::1::", "1.2.3.4::", "::1.2.3.4:5", "12345::1/64", "10.0.0.1/8", "2001:db8::1/32", (1, 2, 3), ("1.2.3.0", 24, 1), ("1.2.3.0",), (None, 24), ("1.2.3.0", "24"), ("1.2.3.0", "255.255.255.0"), (16909056, 24), (b"\x01\x02\x03\x00", 24), -1, 2**128, 2**32, 3.5, None, b"\x01\x02\x03"]
for b in bad:
    for f in (ip.ip_address, ip.ip_network, ip.ip_interface, lambda x: ip.ip_network(x, strict=False), ip.IPv4Network, ip.IPv6Network, ip.IPv4Interface, ip.IPv6Interface):
        try: r = repr(f(b))
        except Exception as e: r = type(e).__name__ + ": " + str(e)
        print(repr(b), r)
n = ip.ip_network("10.0.0.0/24")
for f in [lambda: list(n.subnets(prefixlen_diff=0)), lambda: list(n.subnets(prefixlen_diff=-1)), lambda: list(n.subnets(new_prefix=24)), lambda: list(n.subnets(2, 26)), lambda: n.supernet(new_prefix=25), lambda: n.supernet(2, 20), lambda: n.supernet(prefixlen_diff=25), lambda: n[256], lambda: n[-257], lambda: n[-256], lambda: n[255], lambda: "x" in n, lambda: ip.ip_address("10.0.0.1") in n, lambda: n.overlaps(ip.ip_network("::/0")), lambda: n.compare_networks(ip.ip_network("::/0")), lambda: list(n.address_exclude(ip.ip_address("10.0.0.1"))), lambda: list(n.address_exclude(ip.ip_network("::/0"))), lambda: n.subnet_of(ip.ip_address("1.1.1.1")), lambda: ip.ip_address("1.1.1.1") + "x", lambda: ip.ip_address("255.255.255.255") + 1, lambda: ip.ip_address("0.0.0.0") - 1, lambda: format(ip.ip_address("1.1.1.1"), "q"), lambda: format(ip.ip_address("1.1.1.1"), "#q"), lambda: format(n, "s"), lambda: ip.ip_address("1.1.1.1") < n, lambda: n < ip.ip_network("::/0"), lambda: ip.ip_interface("1.1.1.1/24") < ip.ip_address("1.1.1.2"), lambda: ip.ip_address("1.1.1.2") < ip.ip_interface("1.1.1.1/24"), lambda: ip.ip_interface("1.1.1.1/24") == ip.ip_address("1.1.1.1")]:
    try: r = repr(f())
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(r)
