# sys's struct sequences: real struct sequence types with CPython's reprs.
import sys

print(sys.float_info)
print(sys.hash_info.width, sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf,
      sys.hash_info.algorithm, hash(float("inf")) == sys.hash_info.inf)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold,
      sys.int_info.bits_per_digit in (15, 30))
print(sys.thread_info.name, len(sys.thread_info))
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 15))
print(type(sys.version_info).__name__, type(sys.flags).__name__)
for t in (type(sys.version_info), type(sys.flags), type(sys.float_info),
          type(sys.int_info), type(sys.hash_info), type(sys.thread_info)):
    print(t.n_fields, t.n_sequence_fields, t.n_unnamed_fields, len(t.__match_args__),
          isinstance(sys.float_info, tuple))
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
print(sys.flags.optimize, sys.flags.isolated, sys.flags.no_site, len(sys.flags) >= 18)
print(repr(sys.float_info.max), sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info.__reduce__()[0] is type(sys.float_info))
try:
    sys.float_info.max = 1
except AttributeError:
    print("AttributeError")
match sys.version_info:
    case (3, minor, *_):
        print("python 3 minor", minor)
