"""hashlib.blake2b / blake2s: RFC 7693 vectors, keyed, salted,
personalized and tree-mode digests (expected values computed with
CPython 3.11's hashlib), and CPython's parameter checks."""

import hashlib
import threading
import unittest

A = b"a"

# (variant, parameters, data, hex digest); data b"a" with a count is
# that many a's.
VECTORS = [
    ('b', {}, b'abc', 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923'),
    ('s', {}, b'abc', '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982'),
    ('b', {}, b'', '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce'),
    ('s', {}, b'', '69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9'),
    ('b', {'digest_size': 20}, b'hello', 'b5531c7037f06c9f2947132a6a77202c308e8939'),
    ('s', {'digest_size': 16}, b'hello', '96d539653dbf841c384b53d5f04658e5'),
    ('b', {'key': b'secret key'}, b'message', 'f1aa846a6dba2e9c51593fc3e083ce210cfadc302df6a4f3d3f6aa0c0e3a67607528e898e18adb7717be6ef78291efd58d7c6155c2e62c9401fd0f303a022b4e'),
    ('s', {'key': b'k' * 32}, b'message', '42c29d565e22b3dc2a7162aa9d81e381d512c25f268f8cc625338a5ab143ffa5'),
    ('b', {'salt': b'saltsalt'}, b'data', '1227904f5a2dce7b6a4f2052c17d652f8f160b322b0be97c186d27ad5869e882a8ca7dfbafa5b8a860faacc5cf5119edd397d7846268173eb48f63f2b23e6d2f'),
    ('s', {'salt': b'12345678'}, b'data', 'ee30e4e693a40209ff5f58964be872bf5d22f8ad0f9de573eaaaa31942ef6903'),
    ('b', {'person': b'me' * 8}, b'data', '7cf5d7c943fd7cdb9a7122bcd02f333197f278540dc5cd913578b2ad25eee3c210401e1d7dcc31b1b3350f95568a204baf14d1897682e5ec15963ba1fe3f484c'),
    ('s', {'person': b'pers'}, b'data', 'b805d6a423f1ed06bd9d6102a60184e7226d9cf11bfd4b6ff32f21a23d8b2611'),
    ('b', {'key': b'K', 'salt': b'S', 'person': b'P', 'digest_size': 32}, b'x' * 300, 'dcb91d931669ad82856442764f3e74cdb34d617b5315a8dd1561f4b5ab1bb20c'),
    ('b', {'fanout': 2, 'depth': 2, 'leaf_size': 4096, 'node_offset': 1, 'node_depth': 0, 'inner_size': 64}, b'leaf', '41d253582f4b2a98c9e0a7a9c477c28f3d5733b5c9697aad65c82377d5a70aa0310aa5f239b5f194ed03230774b25368377d52ed116b8f5e173c4e142aab01dd'),
    ('s', {'fanout': 2, 'depth': 2, 'leaf_size': 4096, 'node_offset': 1, 'node_depth': 0, 'inner_size': 32}, b'leaf', '7a4f8752db093f0ab5922ee78c1a3b115cabcad325ae6bc045e1727fa3fa910c'),
    ('b', {'fanout': 0, 'depth': 255, 'node_depth': 1, 'last_node': True, 'inner_size': 64}, b'root', 'b76254cc007aa5086b79b7ce69d84a6a77ea284b08207c0d103b3488fa5b78a907c652ad3d730b17d2e9353ff1067db3714487da9376b13a46ad938e790f002e'),
    ('s', {'node_offset': 2**48 - 1, 'last_node': True}, b'z', 'c86de2c66e8a99675316c27b70cd880b923ea9d3e2d69ce758ba13257754c3f2'),
    ('b', {'node_offset': 2**64 - 1, 'leaf_size': 2**32 - 1}, b'z', '447f4734894489cef06ea7be4dcd0e895149c9b6f4767bc3373cb55105e5633fa7f3761a2651efce6ff4f5cd36099ac6f7f4c35b9b24a562bac3c1bb0d34859e'),
    ('b', {}, A * 128, 'fc6c71f688f43ea7d60817478808f3cac753e61571865c95adbc2d9122c943a76b92c2cb1047ef3fe7bf6e436ec1d0a99a9e5b216780bf7fed9d7ca91d3a8f3b'),
    ('b', {}, A * 129, '55e6e0eb418149a8af92fd9ddc99254781b2f522a131b4f4d984404b71a00e1167b8124d5dcddd4c6977b299392335d6edd303da6d344d74bbef2d38101b232b'),
    ('s', {}, A * 64, '651d2f5f20952eacaea2fba2f2af2bcd633e511ea2d2e4c9ae2ac0d9ffb7b252'),
    ('s', {}, A * 65, '045f8ae18932119bd051ac7ba5c73db59892055fad5c32f82d79a6543d92a497'),
    ('b', {'key': b'k'}, b'', 'a393a0e4093eea8bfd03ebe262849654a10fbf67afc7f4f533efc0f992b33cbc574f32066446c2447ef23d5e86fabfd213b9eed79173ee8900909f2da52269cc'),
    ('s', {'key': b'k'}, b'', 'e4db13614567e4ed83bed1b46d4d51717081c2eaf18d4b71fd85d487b9572929'),
]

MILLION_A = {
    'b': '98fb3efb7206fd19ebf69b6f312cf7b64e3b94dbe1a17107913975a793f177e1d077609d7fba363cbba00d05f7aa4e4fa8715d6428104c0a75643b0ff3fd3eaf',
    's': 'bec0c0e6cde5b67acb73b81f79a67a4079ae1c60dac9d2661af18e9f8b50dfa5',
}


def ctor(kind):
    return hashlib.blake2b if kind == 'b' else hashlib.blake2s


class Blake2VectorTests(unittest.TestCase):
    def test_vectors_one_shot(self):
        for kind, params, data, expected in VECTORS:
            with self.subTest(kind=kind, params=params, n=len(data)):
                h = ctor(kind)(data, **params)
                self.assertEqual(h.hexdigest(), expected)
                self.assertEqual(h.digest(), bytes.fromhex(expected))
                self.assertEqual(h.digest_size, len(expected) // 2)

    def test_vectors_byte_by_byte(self):
        for kind, params, data, expected in VECTORS:
            with self.subTest(kind=kind, params=params, n=len(data)):
                h = ctor(kind)(**params)
                for i in range(len(data)):
                    h.update(data[i:i + 1])
                self.assertEqual(h.hexdigest(), expected)

    def test_million_a_in_odd_chunks(self):
        data = A * 1000000
        for kind in 'bs':
            h = ctor(kind)()
            pos = 0
            step = 1
            while pos < len(data):
                h.update(memoryview(data)[pos:pos + step])
                pos += step
                step = step * 3 + 1 if step < 100000 else 7
            self.assertEqual(h.hexdigest(), MILLION_A[kind])
            self.assertEqual(ctor(kind)(data).hexdigest(), MILLION_A[kind])

    def test_new_by_name(self):
        self.assertEqual(hashlib.new('blake2b', b'abc').hexdigest(),
                         VECTORS[0][3])
        self.assertEqual(
            hashlib.new('blake2s', b'data', salt=b'12345678').hexdigest(),
            VECTORS[9][3])

    def test_copy_and_digest_keep_state(self):
        h = hashlib.blake2b(b'ab', key=b'secret key')
        c = h.copy()
        h.update(b'c')
        self.assertEqual(c.hexdigest(),
                         hashlib.blake2b(b'ab', key=b'secret key').hexdigest())
        first = h.digest()
        self.assertEqual(first, h.digest())
        h.update(b'')
        self.assertEqual(first, h.digest())

    def test_attributes(self):
        b = hashlib.blake2b(digest_size=10)
        s = hashlib.blake2s()
        self.assertEqual((b.name, b.digest_size, b.block_size),
                         ('blake2b', 10, 128))
        self.assertEqual((s.name, s.digest_size, s.block_size),
                         ('blake2s', 32, 64))
        self.assertEqual(hashlib.blake2b.SALT_SIZE, 16)
        self.assertEqual(hashlib.blake2b.PERSON_SIZE, 16)
        self.assertEqual(hashlib.blake2b.MAX_KEY_SIZE, 64)
        self.assertEqual(hashlib.blake2b.MAX_DIGEST_SIZE, 64)
        self.assertEqual(hashlib.blake2s.SALT_SIZE, 8)
        self.assertEqual(hashlib.blake2s.PERSON_SIZE, 8)
        self.assertEqual(hashlib.blake2s.MAX_KEY_SIZE, 32)
        self.assertEqual(hashlib.blake2s.MAX_DIGEST_SIZE, 32)

    def test_usedforsecurity_and_last_node_truthiness(self):
        self.assertEqual(
            hashlib.blake2b(b'abc', usedforsecurity=False).hexdigest(),
            VECTORS[0][3])
        self.assertEqual(
            hashlib.blake2s(b'z', node_offset=2**48 - 1, last_node=5)
            .hexdigest(), VECTORS[16][3])

    def test_threads_share_one_object(self):
        h = hashlib.blake2s()
        chunk = A * 1000

        def work():
            for _ in range(250):
                h.update(chunk)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(h.hexdigest(), MILLION_A['s'])


class Blake2ParameterErrors(unittest.TestCase):
    def check(self, exc, message, **params):
        for kind in 'bs':
            size = 64 if kind == 'b' else 32
            with self.subTest(kind=kind, params=params):
                with self.assertRaises(exc) as cm:
                    ctor(kind)(**params)
                self.assertEqual(str(cm.exception),
                                 message.format(size=size, half=size // 4,
                                                name='blake2' + kind))

    def test_digest_size(self):
        for bad in (0, 65, -1):
            with self.assertRaises(ValueError) as cm:
                hashlib.blake2b(digest_size=bad)
            self.assertIn('digest_size', str(cm.exception))
        with self.assertRaises(ValueError):
            hashlib.blake2s(digest_size=33)

    def test_lengths(self):
        self.check(ValueError, 'maximum key length is {size} bytes',
                   key=b'k' * 65)
        self.check(ValueError, 'maximum salt length is {half} bytes',
                   salt=b's' * 17)
        self.check(ValueError, 'maximum person length is {half} bytes',
                   person=b'p' * 17)
        with self.assertRaises(ValueError):
            hashlib.blake2s(key=b'k' * 33)
        with self.assertRaises(ValueError):
            hashlib.blake2s(salt=b's' * 9)

    def test_tree_limits(self):
        self.check(ValueError, 'fanout must be between 0 and 255',
                   fanout=256)
        self.check(ValueError, 'fanout must be between 0 and 255',
                   fanout=-1)
        self.check(ValueError, 'depth must be between 1 and 255', depth=0)
        self.check(ValueError, 'depth must be between 1 and 255', depth=256)
        self.check(OverflowError, 'leaf_size is too large',
                   leaf_size=2**32)
        self.check(ValueError, 'node_depth must be between 0 and 255',
                   node_depth=256)
        self.check(ValueError, 'inner_size must be between 0 and is {size}',
                   inner_size=65)
        with self.assertRaises(OverflowError) as cm:
            hashlib.blake2s(node_offset=2**48)
        self.assertEqual(str(cm.exception), 'node_offset is too large')
        with self.assertRaises(OverflowError):
            hashlib.blake2b(node_offset=2**64)

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            hashlib.blake2b('text')
        with self.assertRaises(TypeError):
            hashlib.blake2b(key='text')
        with self.assertRaises(TypeError):
            hashlib.blake2b(b'a', b'b')
        with self.assertRaises(TypeError):
            hashlib.blake2s(unknown=1)
        with self.assertRaises(TypeError):
            hashlib.blake2b().update('text')


if __name__ == '__main__':
    unittest.main()
