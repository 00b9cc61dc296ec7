x, name, pi = 42, "Ada", 3.14159265
print(f"{x=}", f"{name!r}", f"{name!s:>6}", f"{x = :05d}", f"{pi=:.3f}", f"{name=!r:^9}")
w, p = 10, 3
print(f"[{pi:{w}.{p}f}]", f"[{name:*^{w}}]", f"{'nested ' + name!a}")
print(f"{{literal}} {x:#x} {x:#o} {x:#b} {x:,} {1234567.891:,.2f} {1234567:_} {0.25:%} {0.125:.1%}")
print(f"{-5:+d} {5:+d} {5: d} {-5: d} {3.0:g} {1e20:g} {1e-5:g} {123456789.0:g} {0.0001234:e} {1.5:E}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|{42:=+8}|{-42:08}|{'x':.0s}|{'truncate':.3}")
print(f"{3.5:.0f} {2.5:.0f} {1/3:.20f} {2**70:e} {-0.0} {float('inf'):f} {float('nan'):F}")
print(f"{'€':>3}|{True}|{None!r}|{[1, 'a']}|{(1,)}|{ {'k': 1} }")
print(f"{x!r:>5}", f"{3+4j}", f"{3+4j:.1f}", f"{1e100}", f"{123.456:10.2e}")
d = {"a": 1}
print(f"{d['a']}", f'{d["a"]}', f"{'multi'}" f"{'part'}", f"{x:{'>'}{5}}")
print("{} {} {}".format(1, "b", 3.0), "{1}{0}{1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1.real} {2[k]}".format([5, 6], 7, {"k": "v"}), "{:>{}}".format("r", 4), "{!r:>6}".format("q"))
print("{:c}".format(65), "{:n}".format(1234), "{:s}".format("s"), "{:%}".format(0.5), "{:010.3f}".format(-3.14159))
for bad in ["{", "}", "{0!x}", "{:d}", "{a}"]:
    try:
        print(bad.format("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format("s", "d")
except ValueError as e:
    print(e)
print("%s %r %d %i %x %X %o %e %f %g %c %%" % ("s", "r", 42, 7, 255, 255, 8, 1.5, 1.5, 1.5, 65))
print("%5s|%-5s|%05d|%+d|%.2f|%10.3e|%#x|%#o|% d" % ("a", "b", 42, 5, 3.14159, 12345.678, 255, 8, 3))
print("%(a)s and %(b)r" % {"a": 1, "b": "two"}, "%s" % (1,), "%s" % [1, 2], "%*d|%-*d" % (5, 1, 4, 2), "%.*f" % (2, 3.14159))
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1), ("%c", 1000000000)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%r" % "s" if False else b"%a" % "é")
print(repr(1.0), repr(0.1), repr(1e16), repr(1e-7), repr(123456789012345678.0), repr(1.5e300 * 1e10), repr(-1e-320))
print(str(1 / 3), 2 / 3, 0.1 + 0.2, 1e22, 1e21, 1.0e-4, 0.00001, 100.0, 2.5e-5)
print("a".center(6, "*"), "abc".ljust(5, "."), "abc".rjust(5), "42".zfill(5), "-42".zfill(5), "+4".zfill(4))
print("x\ty".expandtabs(4), "Hello World".swapcase(), "hello world".title(), "ß".upper(), "ǅ".lower())
print(repr("tab\there"), repr("quote'"), repr('both\'"'), repr("\\"), repr("\x7f\x80\xff"), repr("\ud800") if False else "")
print("{:-^20}".format(" centered "), "{:#>+8.2f}".format(3.14159), "{:,d}".format(-1234567))
print(f"{'a' if x else 'b'}", f"{(lambda: 5)()}", f"{x:>{w}}", f"{[i for i in range(3)]}", f"{x}" "{x}")
class F:
    def __format__(self, spec): return "F(" + spec + ")"
    def __repr__(self): return "reprF"
    def __str__(self): return "strF"
print(f"{F()}", f"{F()!r}", f"{F()!s}", f"{F():spec}", "{0!r:>8}".format(F()), format(F()))
print(str.format("{}", "unbound"), "%-6.2s|" % "abc", "%3c|" % "z", "%x" % -255, "%e" % 0)
