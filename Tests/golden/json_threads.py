# json: several threads encode and decode shared structures at once (the
# _json encoder/scanner objects and the default encoder/decoder are
# shared); one thread mutates a list the others keep encoding.
import json
import threading

shared = {"users": [{"id": i, "name": f"user{i}", "tags": ["x", "y"],
                     "score": i / 4, "active": i % 2 == 0}
                    for i in range(50)],
          "meta": {"count": 50, "unicode": "\u00e9\u4e2d\U0001f600"}}
expected = json.dumps(shared, sort_keys=True)
expected_ascii = json.dumps(shared, ensure_ascii=False, indent=1)
text = json.dumps(shared)
encoder = json.JSONEncoder(sort_keys=True)
decoder = json.JSONDecoder()
mutating = [1, 2, 3]
stop = threading.Event()
errors = []
counts = []


def worker(n):
    done = 0
    try:
        for i in range(60):
            if encoder.encode(shared) != expected:
                errors.append('encode mismatch')
            if json.dumps(shared, ensure_ascii=False, indent=1) != expected_ascii:
                errors.append('indent mismatch')
            if decoder.decode(text) != shared:
                errors.append('decode mismatch')
            snapshot = json.loads(json.dumps(mutating))
            if not isinstance(snapshot, list):
                errors.append('bad snapshot')
            done += 1
    except Exception as e:  # any exception is a failure
        errors.append(repr(e))
    counts.append(done)


def mutator():
    for i in range(20000):
        if stop.is_set():
            break
        mutating.append(i)
        if len(mutating) > 100:
            del mutating[:50]


m = threading.Thread(target=mutator)
m.start()
threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
m.join()
print('iterations:', sorted(counts))
print('errors:', errors[:3])
