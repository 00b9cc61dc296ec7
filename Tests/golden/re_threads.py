# One compiled pattern shared by several threads, plus the module-level
# functions (and so the compile cache) used concurrently.
import re, threading

pattern = re.compile(r'(?P<key>\w+)=(?P<value>\d+)')
text = ' '.join('k%d=%d' % (i, i * 7) for i in range(300))
expected_pairs = [('k%d' % i, str(i * 7)) for i in range(300)]
expected_sub = ' '.join(str(i * 7) for i in range(300))
failures = []
barrier = threading.Barrier(6)

def worker(n):
    barrier.wait()
    for round_ in range(20):
        if pattern.findall(text) != expected_pairs:
            failures.append((n, 'findall'))
        m = pattern.search(text, 5 + round_)
        if m is None or m.group('key') != 'k1' and m.start() < 5 + round_:
            failures.append((n, 'search'))
        if pattern.sub(r'\g<value>', text) != expected_sub:
            failures.append((n, 'sub'))
        spans = [m.span() for m in pattern.finditer(text)]
        if len(spans) != 300:
            failures.append((n, 'finditer'))
        # Distinct patterns per thread and round exercise the shared cache.
        word = 'w%d_%d' % (n, round_)
        if re.fullmatch(word + r'\d*', word + '123') is None:
            failures.append((n, 'cache'))
        if re.split(r'[,;]', 'a,b;c') != ['a', 'b', 'c']:
            failures.append((n, 'split'))

threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('failures:', failures)
print(pattern.groups, pattern.groupindex['value'], len(pattern.findall(text)))

# One scanner shared by threads hands each match to exactly one of them.
scanner = re.compile(r'x').scanner('x ' * 2000)
collected = []
def drain():
    local = []
    for m in iter(scanner.search, None):
        local.append(m.start())
    collected.append(local)
threads = [threading.Thread(target=drain) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
positions = sorted(p for local in collected for p in local)
print(len(positions), positions == list(range(0, 4000, 2)))
