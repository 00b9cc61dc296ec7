# Sequence patterns read only what they bind: wildcards are never
# fetched, a '*_' star indexes the items after it from len(subject).
import collections.abc
class Seq(collections.abc.Sequence):
    def __getitem__(self, i):
        print('getitem', i)
        return [10, 20, 30, 40][i]
    def __len__(self): return 4
for subj in (Seq(), [1, 2, 3, 4], (1,), [], range(6), 'ab'):
    match subj:
        case [a, *_, b]:
            print('ends', a, b)
        case [_]:
            print('one')
        case []:
            print('empty')
        case _:
            print('other')
match Seq():
    case [_, _, _, _]:
        print('four')
match [1, [2, 3], 4]:
    case [x, [y, *_], *_]:
        print(x, y)
match [1, 2, 3]:
    case [*_, 3] if False:
        print('no')
    case [1, *_, z]:
        print('z', z)
match [1, 2]:
    case [*_, x, y, z]:
        print('bad')
    case [*_, a, b]:
        print('last two', a, b)


class NoItems(collections.abc.Sequence):
    __getitem__ = None

    def __len__(self):
        return 0


match NoItems():
    case []:
        print('empty without indexing')
