# HMAC: RFC 2202 / RFC 4231 vectors through OpenSSL and through the
# pure-Python path (a constructor OpenSSL does not know), copies,
# attributes, the one-shot digest() and compare_digest().
import hashlib
import hmac
import types

KEY1 = b'\x0b' * 20
MSG1 = b'Hi There'
KEY2 = b'Jefe'
MSG2 = b'what do ya want for nothing?'
KEY3 = b'\xaa' * 131        # longer than any block: hashed first

for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
             'sha3_256'):
    h = hmac.new(KEY1, MSG1, name)
    print(name, h.name, h.digest_size, h.block_size)
    print('  ', h.hexdigest())
    print('  ', hmac.new(KEY2, MSG2, digestmod=name).hexdigest())
    print('  ', hmac.digest(KEY3, b'Test Using Larger Than Block-Size Key '
                                  b'- Hash Key First', name).hex())

# digestmod as a hashlib constructor, and as an arbitrary callable.
print(hmac.new(KEY2, MSG2, hashlib.sha256).hexdigest())


def my_sha256(data=b''):
    return hashlib.sha256(data)


h = hmac.new(KEY2, MSG2, my_sha256)
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.digest(KEY3, MSG2, my_sha256) == hmac.digest(KEY3, MSG2,
                                                        'sha256'))


module_like = types.SimpleNamespace(new=my_sha256)
print(hmac.new(bytearray(KEY2), MSG2, module_like).hexdigest()[:16])

# Incremental updates and independent copies, both paths.
for mod in ('sha256', my_sha256):
    h = hmac.new(b'key', digestmod=mod)
    h.update(b'part one, ')
    c = h.copy()
    h.update(b'part two')
    c.update(b'part two')
    print(h.hexdigest() == c.hexdigest() ==
          hmac.new(b'key', b'part one, part two', mod).hexdigest())
    c.update(b'!')
    print(h.digest() != c.digest(), type(h.digest()).__name__)
print(repr(hmac.new(b'k', digestmod='sha1')).startswith('<hmac.HMAC object'))

print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'),
      hmac.compare_digest(b'abc', b'ab'), hmac.compare_digest('xyz', 'xyz'),
      hmac.compare_digest(bytearray(b'q'), memoryview(b'q')),
      hmac.compare_digest('', ''))


def err(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('no error')


err(hmac.new, b'key')
err(hmac.new, 'key', b'msg', 'sha256')
err(hmac.new, b'key', b'msg', 'nosuchhash')
err(hmac.new(b'k', digestmod='sha256').update, 'text')
err(hmac.compare_digest, 'a', b'a')
err(hmac.compare_digest, '\xe9', '\xe9')
err(hmac.compare_digest, 1, 2)
print(hmac.digest_size, hmac.trans_5C[:4], hmac.trans_36[:4])
