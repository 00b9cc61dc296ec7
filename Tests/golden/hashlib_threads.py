# Several threads updating one hash object (its mutex keeps every update
# whole) and others hashing separately; the digests are known exactly
# because all updates to the shared object feed identical chunks.
import hashlib
import hmac
import threading

CHUNK_SMALL = b'abcdefgh' * 8            # hashed attached
CHUNK_BIG = bytes(range(256)) * 64       # hashed detached (>= 2048 bytes)
THREADS = 4
ROUNDS = 50

for chunk in (CHUNK_SMALL, CHUNK_BIG):
    for name in ('sha256', 'blake2b'):
        shared = hashlib.new(name)
        shared_mac = hmac.new(b'key', digestmod=name)
        separate = []
        barrier = threading.Barrier(THREADS)

        def work():
            own = hashlib.new(name)
            barrier.wait()
            for _ in range(ROUNDS):
                shared.update(chunk)
                shared_mac.update(chunk)
                own.update(chunk)
                shared.copy().hexdigest()
            separate.append(own.hexdigest())

        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        whole = chunk * (ROUNDS * THREADS)
        print(name, len(chunk),
              shared.hexdigest() == hashlib.new(name, whole).hexdigest(),
              shared_mac.hexdigest() == hmac.new(b'key', whole,
                                                 name).hexdigest(),
              separate == [hashlib.new(name, chunk * ROUNDS).hexdigest()]
              * THREADS)
print(hashlib.sha256(CHUNK_BIG * (ROUNDS * THREADS)).hexdigest())
