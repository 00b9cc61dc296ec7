import uuid, pickle, copy
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(repr(u), u, u.hex, u.urn, u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.time, u.clock_seq, u.node, u.variant, u.version, int(u), u.is_safe)
for kw in [dict(bytes=u.bytes), dict(bytes_le=u.bytes_le), dict(fields=u.fields), dict(int=u.int), dict(hex='urn:uuid:12345678123456781234567812345678')]:
    print(uuid.UUID(**kw) == u)
print(uuid.UUID(int=0, version=4), uuid.UUID('00000000-0000-0000-0000-000000000000', version=1).version)
for bad in [lambda: uuid.UUID(), lambda: uuid.UUID('123'), lambda: uuid.UUID(bytes=b'1'), lambda: uuid.UUID(bytes_le=b'1'), lambda: uuid.UUID(fields=(1,2)), lambda: uuid.UUID(fields=(2**32,0,0,0,0,0)), lambda: uuid.UUID(fields=(0,0,0,0,256,0)), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1, version=9), lambda: uuid.UUID(hex='1', int=1)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: u.int = 5
except TypeError as e: print(e)
a = uuid.uuid4(); print(a.version, a.variant, len(str(a)))
b = uuid.uuid1(); print(b.version, b.variant, b.node == uuid.getnode(), uuid.getnode() == uuid.getnode(), 0 < uuid.getnode() < 2**48)
c = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234); print(hex(c.node), hex(c.clock_seq))
print(pickle.loads(pickle.dumps(u)) == u, copy.copy(u) == u, copy.deepcopy(u) is not None, uuid.UUID(int=5, is_safe=uuid.SafeUUID.safe).is_safe, pickle.loads(pickle.dumps(uuid.UUID(int=5, is_safe=uuid.SafeUUID.safe))).is_safe)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), u == 5, hash(u) == hash(uuid.UUID(str(u))), {u: 1}[uuid.UUID(str(u))])
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500, uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(uuid.UUID(int=0).variant, uuid.UUID(int=0xc000<<48).variant, uuid.UUID(int=0xe000<<48).variant, uuid.UUID(int=0).version)
