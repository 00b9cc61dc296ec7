import ipaddress as ip, pickle
A = ip.ip_address
for s in ['192.168.1.1', '::1', '2001:db8::1', '1:0:0:1:0:0:0:1', '0:0:1::', '2001:db8:0:0:1:0:0:1', 3232235777, 2**32, b'\x01\x02\x03\x04', b'\x00'*16]:
    a = A(s); print(repr(a), str(a), a.exploded, a.compressed, a.reverse_pointer, a.version, a.packed, int(a), a.max_prefixlen)
for s in ['1.2.3', '1.2.3.256', '01.2.3.4', '1.2.3.x', '', '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '1:2:3:4:5:6:7', '12345::', 'g::', '1:2:3:4:5:6:7:8:9', '1.2.3.4/24', 'fe80::1%', '::1.2.3', '1:2:3:4:5:6:7::8', '1::1.2.3.4.5']:
    for cls in (ip.IPv4Address, ip.IPv6Address):
        try: print(cls(s))
        except ValueError as e: print(type(e).__name__, e)
for bad in [lambda: A('x'), lambda: ip.ip_network('1.2.3.4/24'), lambda: ip.ip_network('1.2.3.0/33'), lambda: ip.ip_interface('x'), lambda: ip.IPv4Address(-1), lambda: ip.IPv4Address(2**32), lambda: ip.IPv4Address(b'12'), lambda: ip.IPv4Network('1.2.3.0/255.0.255.0'), lambda: ip.IPv6Network('::/ff::'), lambda: ip.IPv4Network('1.2.3.4/24/5'), lambda: ip.v4_int_to_packed(2**32), lambda: ip.v6_int_to_packed(-1)]:
    try: print(bad())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
n = ip.ip_network('192.168.0.0/22')
print(repr(n), n.network_address, n.broadcast_address, n.netmask, n.hostmask, n.with_prefixlen, n.with_netmask, n.with_hostmask, n.num_addresses, n.prefixlen, n[1], n[-1], n[5])
print(list(n.subnets(new_prefix=24)), list(n.subnets(2))[:2], n.supernet(), n.supernet(new_prefix=16), list(ip.ip_network('10.0.0.0/30').hosts()), list(ip.ip_network('10.0.0.0/31').hosts()), list(ip.ip_network('10.0.0.0/32').hosts()))
print(list(ip.ip_network('10.0.0.0/16').address_exclude(ip.ip_network('10.0.3.0/24'))))
print(ip.ip_network('10.0.0.0/24').subnet_of(ip.ip_network('10.0.0.0/16')), ip.ip_network('10.0.0.0/16').supernet_of(ip.ip_network('10.0.0.0/24')), ip.ip_network('10.0.0.0/24').overlaps(ip.ip_network('10.0.0.128/25')), A('10.0.0.5') in ip.ip_network('10.0.0.0/24'))
print(list(ip.summarize_address_range(A('192.0.2.0'), A('192.0.2.130'))), list(ip.collapse_addresses([ip.ip_network('192.0.2.0/25'), ip.ip_network('192.0.2.128/25'), A('192.0.3.1'), A('192.0.3.0'), A('192.0.3.2'), ip.ip_network('192.0.2.64/26')])))
print(list(ip.collapse_addresses([ip.ip_network('2001:db8::/33'), ip.ip_network('2001:db8:8000::/33')])))
i = ip.ip_interface('192.168.1.5/24'); print(repr(i), i.ip, i.network, i.netmask, i.hostmask, i.with_prefixlen, i.with_netmask, i.with_hostmask, i == ip.ip_interface('192.168.1.5/24'), hash(i) == hash(ip.ip_interface('192.168.1.5/24')))
i6 = ip.ip_interface('2001:db8::5/64'); print(repr(i6), i6.ip, i6.network, i6.exploded, i6.with_netmask, ip.ip_network('2001:db8::/32').exploded)
print(ip.IPv4Network(('10.0.0.0', 8)), ip.IPv4Network((167772160, '255.0.0.0')), ip.IPv4Network('10.1.2.3/8', strict=False), ip.IPv4Network('10.0.0.0/0.255.255.255'), ip.IPv6Network(('2001:db8::', 32)))
for a in ['10.0.0.1', '100.64.0.1', '8.8.8.8', '127.0.0.1', '169.254.1.1', '224.0.0.1', '240.0.0.1', '0.0.0.0', '::', '::1', 'fe80::1', 'fec0::1', 'ff02::1', '2001:db8::1', '2606:4700::1', 'fc00::1']:
    x = A(a); print(a, x.is_private, x.is_global, x.is_multicast, x.is_reserved, x.is_loopback, x.is_link_local, x.is_unspecified)
print(A('2001::1').teredo, A('2001:0:4136:e378:8000:63bf:3fff:fdd2').teredo, A('2002:c000:204::1').sixtofour, A('fe80::1%eth0').scope_id, A('fe80::1%1') == A('fe80::1'))
print(sorted([A('10.0.0.2'), A('10.0.0.1')]), A('1.2.3.4') + 1, A('1.2.3.4') - 5, format(A('1.2.3.4'), '#b'), format(A('1.2.3.4'), '_x'), format(A('::1'), '#_n'), format(A('1.2.3.4'), 'X'), f"{A('1.2.3.4'):>12s}|")
for bad in [lambda: A('1.2.3.4') < A('::1'), lambda: ip.ip_network('1.0.0.0/8').subnet_of(ip.ip_network('::/0')), lambda: list(ip.summarize_address_range(A('1.1.1.2'), A('1.1.1.1'))), lambda: list(ip.collapse_addresses([A('1.1.1.1'), A('::1')])), lambda: list(n.subnets(new_prefix=20)), lambda: n.supernet(prefixlen_diff=30), lambda: list(n.address_exclude(ip.ip_network('10.0.0.0/8')))]:
    try: print(bad())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
for o in [A('1.2.3.4'), A('::1'), n, i, i6, A('fe80::1%x')]:
    assert pickle.loads(pickle.dumps(o)) == o
print(sorted([n, A('1.1.1.1'), ip.ip_network('1.0.0.0/8')], key=ip.get_mixed_type_key), ip.get_mixed_type_key(5))
print(n.compare_networks(ip.ip_network('192.168.0.0/23')), hash(A('1.2.3.4')) == hash(A('1.2.3.4')), ip.ip_network('10.0.0.0/8').is_private, ip.ip_network('100.64.0.0/10').is_global)
