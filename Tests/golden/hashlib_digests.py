# Known digests of every guaranteed algorithm, incremental updates,
# copies, attributes, SHAKE lengths, BLAKE2 keys, new() by name, and the
# errors hashlib documents.
import hashlib
import io
import os
import shutil
import tempfile

NAMES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
         'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']

for name in NAMES:
    cons = getattr(hashlib, name)
    empty = cons().hexdigest()
    abc = cons(b'abc').hexdigest()
    h = cons()
    for piece in (b'a', b'', bytearray(b'b'), memoryview(b'c')):
        h.update(piece)
    assert h.hexdigest() == abc, name
    assert h.digest() == bytes.fromhex(abc)
    assert hashlib.new(name, b'abc').hexdigest() == abc
    print(name, h.name, h.digest_size, h.block_size)
    print('  ', empty)
    print('  ', abc)

for name in ('shake_128', 'shake_256'):
    h = getattr(hashlib, name)(b'abc')
    print(name, h.name, h.digest_size, h.block_size)
    print('  ', h.hexdigest(16), h.digest(length=4).hex(), h.digest(0))
    print('  ', len(h.digest(1000)), h.hexdigest(40)[:20] == h.hexdigest(10)[:20])

# A long input (hashed with the thread detached) and its copies.
big = bytes(range(256)) * 4096
h = hashlib.sha256()
h.update(big[:5000])
c = h.copy()
h.update(big[5000:])
c.update(big[5000:])
print('big', h.hexdigest() == c.hexdigest() == hashlib.sha256(big).hexdigest())
print('big', hashlib.sha1(big).hexdigest())
c.update(b'x')
print('copy independent', h.hexdigest() != c.hexdigest())

# Names: OpenSSL spellings and other algorithms OpenSSL offers.
print(hashlib.new('SHA256', b'abc').name, hashlib.new('sha512_256').name,
      hashlib.new('sha512_224', b'abc').hexdigest())
print(hashlib.new('md5', data=b'abc', usedforsecurity=False).hexdigest())
print(hashlib.md5(b'abc', usedforsecurity=False).hexdigest())
print(hashlib.sha256(data=b'abc').hexdigest()[:16])
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(repr(hashlib.md5()).startswith('<md5 _hashlib.HASH object @ 0x'))

# BLAKE2 with keys, sizes, salt and person.
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE,
      hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE)
print(hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE,
      hashlib.blake2s.MAX_KEY_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE)
print(hashlib.blake2b(b'abc', key=b'secret').hexdigest())
k = hashlib.blake2b(b'abc', key=b'secret', digest_size=16, salt=b'pepper',
                    person=b'me')
print(k.hexdigest(), k.digest_size, k.copy().hexdigest() == k.hexdigest())
print(hashlib.blake2s(b'abc', key=b'k' * 32, digest_size=20).hexdigest())
print(hashlib.new('blake2b', b'abc', key=b'secret').hexdigest()[:20])

# Key derivation (RFC 6070 and RFC 7914 vectors).
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 1).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 4096).hex())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2, 10).hex())
print(hashlib.scrypt(b'', salt=b'', n=16, r=1, p=1).hex())
print(hashlib.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16,
                     dklen=16).hex())

# file_digest over a real file and an in-memory one.
tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'data.bin')
    with open(path, 'wb') as f:
        f.write(big)
    with open(path, 'rb') as f:
        print(hashlib.file_digest(f, 'sha256').hexdigest() ==
              hashlib.sha256(big).hexdigest())
    with open(path, 'rb') as f:
        print(hashlib.file_digest(f, hashlib.md5).hexdigest())
    print(hashlib.file_digest(io.BytesIO(b'abc'), 'sha1').hexdigest())
    with open(path, 'r') as f:
        try:
            hashlib.file_digest(f, 'sha256')
        except ValueError as e:
            print('ValueError', 'not a file-like object' in str(e))
finally:
    shutil.rmtree(tmp)


def err(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('no error')


err(hashlib.new, 'nosuchhash')
err(hashlib.sha256, 'text')
err(hashlib.sha256().update, 42)
err(hashlib.md5, b'a', string=b'b')
err(hashlib.pbkdf2_hmac, 'sha256', b'p', b's', 0)
err(hashlib.pbkdf2_hmac, 'sha256', b'p', b's', 1, 0)
err(hashlib.pbkdf2_hmac, 'nosuchhash', b'p', b's', 1)
err(hashlib.scrypt, b'p', salt=b's', n=3, r=1, p=1)
err(hashlib.scrypt, b'p', salt=b's', n=2, r=1, p=1, dklen=0)
err(hashlib.blake2b, digest_size=65)
err(hashlib.blake2s, key=b'k' * 33)
err(hashlib.blake2b, salt=b's' * 17, key=b'k')
err(hashlib.shake_128().digest, -1)
print(isinstance(hashlib.new.__doc__, str))
