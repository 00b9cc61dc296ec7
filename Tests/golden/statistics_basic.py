import statistics as S
from statistics import *
from fractions import Fraction as F
import math, pickle
from decimal import Decimal as D
def show(f, *a, **k):
    try: r = f(*a, **k)
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(f.__name__, repr(r))
show(mean, [1, 2, 3, 4, 4]); show(mean, [F(3,7), F(1,21), F(5,3), F(1,3)]); show(mean, [1, 2.5]); show(mean, []); show(mean, [1, float('inf')]); show(mean, iter([True, False, 3]))
show(mean, [1, 'a'])
show(fmean, [3.5, 4.0, 5.25]); show(fmean, iter([1, 2, 3])); show(fmean, [85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]); show(fmean, []); show(fmean, [1, 2], [1]); show(fmean, [1,2], [0, 0])
show(geometric_mean, [54, 24, 36]); 
show(harmonic_mean, [40, 60]); show(harmonic_mean, [40, 60], weights=[5, 30]); show(harmonic_mean, [2.5, 3, 10]); show(harmonic_mean, [1, 0]); show(harmonic_mean, [-1, 2]); show(harmonic_mean, []); show(harmonic_mean, [5]); show(harmonic_mean, [F(1, 2), F(1, 3)]); show(harmonic_mean, [1,2], [1])
show(median, [1, 3, 5]); show(median, [1, 3, 5, 7]); show(median, []); show(median_low, [1, 3, 5, 7]); show(median_high, [1, 3, 5, 7]); show(median_grouped, [52, 52, 53, 54]); show(median_grouped, [1, 2, 2, 3, 4, 4, 4, 4, 4, 5]); show(median_grouped, [1, 3, 3, 5, 7], interval=2); show(median_grouped, [])
show(mode, [1, 1, 2, 3, 3, 3, 3, 4]); show(mode, ["red", "blue", "blue", "red", "green", "red", "red"]); show(mode, []); show(multimode, 'aabbbbccddddeeffffgg'); show(multimode, '')
show(quantiles, [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10)
show(quantiles, [1, 2, 3, 4, 5], n=4, method='inclusive'); show(quantiles, [1, 2, 3, 4, 5, 6, 7], n=3); show(quantiles, [1, 2], n=0); show(quantiles, [1, 2], method='x'); show(quantiles, [F(1,2), 3, 4.5])
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
show(variance, data); show(variance, data, mean(data)); show(variance, [F(1, 6), F(1, 2), F(5, 3)]); show(variance, [1]); show(variance, [1, 2, 3, 4]); show(variance, [1, 2, 3, 4], 2); show(variance, [1, float('nan')])
show(pvariance, [0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]); show(pvariance, []); show(pvariance, [F(1, 4), F(5, 4), F(1, 2)]); show(pvariance, [1, 2, 3, 4], 2.5)
show(stdev, [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]); show(stdev, [1, 2]); show(pstdev, [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]); show(stdev, [1]); show(pstdev, [5]); show(stdev, [F(1,3), F(2, 3), 7]); show(pstdev, [1e300, 1e300 * 3]); show(stdev, [1e-300, 3e-300])
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
show(covariance, x, y); show(covariance, x, list(reversed(x))); show(covariance, [1], [1]); show(covariance, [1, 2], [1])
show(correlation, x, x); show(correlation, x, list(reversed(x))); show(correlation, [1, 2, 3], [1, 1, 1]); show(correlation, [1], [2]); show(correlation, x, y)
show(linear_regression, [1, 2, 3, 4, 5], [3, 5, 7, 9, 11]); show(linear_regression, [1, 2, 3], [2, 4, 6.5], proportional=True); show(linear_regression, [1, 1], [1, 2]); show(linear_regression, [1], [2])
nd = NormalDist(100, 15)
print(nd, nd.mean, nd.median, nd.mode, nd.stdev, nd.variance)
print(round(nd.cdf(130), 12), round(nd.pdf(110), 12), round(nd.inv_cdf(0.9), 9), [round(q, 9) for q in nd.quantiles()], round(nd.zscore(130), 12))
print([round(NormalDist().inv_cdf(p), 10) for p in (1e-300, 1e-10, 0.001, 0.01, 0.2, 0.5, 0.7, 0.975, 0.999999, 1 - 1e-16)])
print(round(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), 12), NormalDist(1, 2).overlap(NormalDist(1, 2)))
print(nd + 5, nd - NormalDist(3, 4), nd * 2, nd / 3, -nd, +nd, 5 + nd, 10 - nd, 2 * nd, nd == NormalDist(100, 15), hash(nd) == hash(NormalDist(100.0, 15.0)))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(pickle.loads(pickle.dumps(nd)) == nd)
for bad in [lambda: NormalDist(0, -1), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1), lambda: nd.inv_cdf(0), lambda: nd.inv_cdf(1.0), lambda: nd.overlap(3), lambda: NormalDist(1, 0).zscore(2), lambda: NormalDist(1,0).overlap(nd)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(issubclass(StatisticsError, ValueError))
show(mean, [D('1.5'), D('2.25'), 3]); show(variance, [D('1.5'), D('2.5'), D('4')]); show(stdev, [D('1.5'), D('2.5'), D('4')]); show(median, [D('1'), D('2')]); show(mean, [D('1'), 2.5])
show(pstdev, [F(1, 2), F(3, 2)]); show(harmonic_mean, [D('2'), D('3')])
print(round(nd.cdf(70), 12), [round(x, 6) for x in NormalDist(0, 1).samples(0)], len(NormalDist(5, 2).samples(7, seed=1)))
s = NormalDist(10, 3).samples(2000, seed=42); print(round(fmean(s)), round(stdev(s)))
