# Behaviour added after 3.11 (expected output computed from the documented formulas).
from statistics import *
def show(f, *a, **k):
    try: r = f(*a, **k)
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(f.__name__, repr(r))
show(geometric_mean, [1, 0, 3]); show(geometric_mean, []); show(geometric_mean, [1, -1]); show(geometric_mean, [float('inf'), 0])
show(quantiles, [7], n=4); show(quantiles, [], n=4)
show(correlation, [1, 2, 3, 4, 5, 6], [1, 3, 2, 6, 4, 5], method='ranked'); show(correlation, [1, 2], [3, 4], method='x')
data = [-2.1, -1.3, -0.4, 1.9, 5.1, 6.2]
for k in ['normal', 'logistic', 'sigmoid', 'rectangular', 'triangular', 'parabolic', 'quartic', 'triweight', 'cosine']:
    f = kde(data, h=1.5, kernel=k)
    c = kde(data, h=1.5, kernel=k, cumulative=True)
    print(k, round(f(2.5), 10), round(c(2.5), 10), round(c(100), 10), round(f(-100), 10), f.__doc__, '|', c.__doc__)
for k in ['gauss', 'uniform', 'epanechnikov', 'biweight']:
    print(k, round(kde(data, 1.5, k)(0.0), 10))
show(kde, [], 1); show(kde, [1], 0); show(kde, [1], 1, kernel='x'); show(kde, ['a'], 1)
for k in ['normal', 'rectangular', 'triangular', 'parabolic', 'quartic', 'triweight', 'cosine', 'logistic', 'sigmoid']:
    r1 = kde_random([1, 2, 3], 0.5, kernel=k, seed=8675309)
    r2 = kde_random([1, 2, 3], 0.5, kernel=k, seed=8675309)
    a = [r1() for _ in range(50)]
    b = [r2() for _ in range(50)]
    bounded = k not in ('normal', 'logistic', 'sigmoid')
    print(k, a == b, all(0.5 <= x <= 3.5 for x in a) if bounded else True, r1.__doc__)
# Examples from the documentation.
sample = [-2.1, -1.3, -0.4, 1.9, 5.1, 6.2]
f_hat = kde(sample, h=1.5)
print(round(sum(f_hat(x) for x in range(-20, 20)), 4))
for x in range(-6, 11):
    print(f'{x:2}: {f_hat(x):.3f}')
cdf = kde(sample, h=1.5, cumulative=True)
print(round(cdf(7.5) - cdf(4.5), 2))
rand = kde_random(sample, h=1.5, seed=8675309)
print([round(rand(), 1) for i in range(10)])
live = [1.0, 2.0]
g = kde(live, 1.0, 'rectangular')
print(g(1.5))
live.append(1.5)
print(round(g(1.5), 12))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)) == 0.8035050657330205 or round(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), 15))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
# 3.12+: samples() maps random() through inv_cdf (Wichura's AS 241).
print(NormalDist(5, 2).samples(5, seed=1))
print([NormalDist().inv_cdf(p) for p in (1e-300, 1e-20, 0.01, 0.3, 0.999999999)])
