# uuid3/uuid5 (name-based UUIDs, MD5 and SHA-1 through hashlib).
import uuid
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid3(uuid.NAMESPACE_URL, "http://python.org/"), uuid.uuid5(uuid.NAMESPACE_URL, "http://python.org/"))
print(uuid.uuid3(uuid.NAMESPACE_OID, "1.3.6.1"), uuid.uuid5(uuid.NAMESPACE_X500, "c=ca"))
print(uuid.uuid5(uuid.NAMESPACE_DNS, b"python.org") == uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
u = uuid.uuid5(uuid.NAMESPACE_DNS, "\u00e9t\u00e9")
print(u, u.version, u.variant)
