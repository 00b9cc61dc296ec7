# lru_cache does not call builtins it may itself have replaced: caching
# the built-in len() and putting the cached version in builtins works.
import builtins
import functools

original_len = builtins.len
try:
    builtins.len = functools.lru_cache(4)(len)
    for i in [0, 0, 1, 2, 3, 3, 4, 5, 6, 1, 7, 2, 1]:
        assert len("abcdefghijklmn"[:i]) == i
    print(builtins.len.cache_info())
finally:
    builtins.len = original_len
