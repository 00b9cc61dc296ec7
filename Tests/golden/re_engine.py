# The matcher's limits: backtracking-heavy patterns finish, deep nesting
# and long subjects use no C recursion, Ctrl-C (a signal) interrupts.
import re, signal, time

# Catastrophic patterns on small inputs complete (slowly, but they do).
print(re.match(r'(a*)*b', 'a' * 16))
print(re.match(r'(a|aa)+c', 'a' * 20))
print(re.search(r'(x+x+)+y', 'x' * 14))
print(re.match(r'(?:a+)+$', 'a' * 18 + 'b'))
print(re.fullmatch(r'(a*)*', 'a' * 16).span())

# Long subjects: single-character loops, general loops, backtracking.
long_a = 'a' * 50000
print(re.match(r'a*', long_a).end(), re.match(r'(?:a)*', long_a).end())
print(re.match(r'(?:ab)*', 'ab' * 25000).end(), re.match(r'(a|b)*c', 'ab' * 12500 + 'c').end())
print(re.match(r'.*b', long_a + 'b' + long_a).end(), re.match(r'.*?b', long_a + 'b').end())
print(re.search(r'a{3}b', long_a + 'b').span(), len(re.findall(r'a', long_a)))
print(re.fullmatch(r'(?:a|b)+', long_a) is not None, re.match(r'(a)+', long_a).span(1))
print(re.match(r'(?:(a)|b)*', 'ab' * 12500).span(1))

# Deeply nested groups compile and match.
depth = 100
nested = '(' * depth + 'a' + ')' * depth
m = re.match(nested, 'a')
print(m.span(depth), len(m.groups()))
print(re.match('(?:' * 100 + 'b' + ')' * 100 + '+', 'bbb').end())
alts = '|'.join('w%d' % i for i in range(300))
print(re.search(alts, 'xx w299 w5').group())

# Large repeat counts use counters, not copies.
print(re.fullmatch(r'(?:ab){1000,2000}', 'ab' * 1500) is not None,
      re.fullmatch(r'(?:ab){1000}', 'ab' * 999))
print(re.match(r'a{65535}', 'a' * 70000).end())

# A runaway match is interrupted by a signal handler's exception.
class Interrupted(Exception):
    pass

def on_alarm(signum, frame):
    raise Interrupted

old = signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.1)
start = time.monotonic()
try:
    re.match(r'(a*)*b', 'a' * 60)
    print('not interrupted')
except Interrupted:
    print('interrupted', time.monotonic() - start < 5)
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
print(re.match('a+', 'aaa').end())
