print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1)
print(10 ** 30, -(2 ** 65) // 3, divmod(17, 5), divmod(-17, 5), abs(-3.5), round(2.675, 2), round(7.5))
print(1 << 40, 1234 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(0.1 + 0.2, 1e300 * 10, float("nan") != float("nan"), 3 == 3.0, int("ff", 16), int(3.99))
print(complex(1, 2) * complex(3, -1), pow(3, 4, 5), sum([0.1] * 10), sum(range(101)), sum([1, 2], 10))
print(max(3, 1, 4), min([5, 2, 8]), max([], default="empty"), min("hello", key=ord))
print(hex(255), oct(8), bin(5), chr(65), ord("a"), ascii("é"), repr("it's"))
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x **= 2
print(x, True + True, bool(0), bool([]), not None)
print(1 < 2 < 3, 3 > 2 > 5, 1 == 1.0 != 2, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(isinstance(3, int), isinstance(True, int), issubclass(bool, int), callable(print), len("abc"))
