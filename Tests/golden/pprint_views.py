# pprint 3.14+: dict views are shown sorted (in insertion order with
# sort_dicts=False), keyed by their view type name.
import pprint

d = {'b': 1, 'a': 2, 'c': 0}
print(pprint.pformat(d.keys()))
print(pprint.pformat(d.values()))
print(pprint.pformat(d.items()))
print(pprint.pformat(d.keys(), sort_dicts=False))
print(pprint.pformat([d.items()], sort_dicts=False))
print(pprint.pformat({}.keys()))
print(pprint.saferepr(d.items()))
print(pprint.pformat([d.keys()], depth=1), pprint.pformat(d.keys(), width=5))
