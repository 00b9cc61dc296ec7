# One iterator shared between threads: every value is produced exactly
# once, whatever the interleaving.
import itertools as it
import threading

def drain(source, out, n):
    for _ in range(n):
        out.append(next(source))

def shared(source, threads=4, per_thread=500):
    results = [[] for _ in range(threads)]
    workers = [threading.Thread(target=drain, args=(source, results[i], per_thread))
               for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sorted(v for r in results for v in r)

print(shared(it.count()) == list(range(2000)))
print(shared(it.islice(it.count(), 5000)) == list(range(2000)))
print(shared(it.chain(range(1000), range(1000, 3000))) == list(range(2000)))
print(len(shared(it.product(range(50), repeat=2))) == 2000)
print(len(set(shared(it.permutations(range(9), 4)))) == 2000)
print(len(set(shared(it.combinations(range(30), 3)))) == 2000)
print(shared(it.accumulate(it.repeat(1)))[-1] == 2000)
print(len(set(shared(it.zip_longest(range(3000), "ab")))) == 2000)
