import os; os.environ['COLUMNS'] = '80'
import optparse, sys, io
from optparse import OptionParser, OptionGroup, make_option
p = OptionParser(usage="%prog [options] FILE", version="%prog 1.0", prog="tool",
                 description="A tool that does several things with files, and this description is long enough to be wrapped over lines.",
                 epilog="See the manual for more.")
p.add_option("-f", "--file", dest="filename", help="write report to FILE", metavar="FILE")
p.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True, help="don't print status messages to stdout")
p.add_option("-n", type="int", default=3, help="number of things [default: %default]")
p.add_option("--mode", choices=["fast", "slow"], default="fast")
p.add_option("--point", nargs=2, type="float")
p.add_option("-v", action="count", dest="verbosity")
p.add_option("--add", action="append", type="int")
p.add_option("--const", action="store_const", const=42)
p.add_option("--secret", help=optparse.SUPPRESS_HELP)
p.add_option("--a-very-long-option-name-that-wraps", help="help text that is long enough to wrap around at least once in the help output")
g = OptionGroup(p, "Dangerous Options", "Caution: use these options at your own risk.  It is believed that some of them bite.")
g.add_option("-g", action="store_true", help="Group option.")
p.add_option_group(g)
def cb(option, opt, value, parser, extra):
    print("callback", opt, value, extra); parser.values.cb = value
p.add_option("--cb", action="callback", callback=cb, type="string", callback_args=("X",))
print(p.format_help())
o, a = p.parse_args(["-ffoo.txt", "-q", "x", "-n", "0x10", "--mode=slow", "--point", "1", "2.5", "-vvv", "--add", "1", "--add=2", "--const", "--cb", "val", "--", "-n"])
print(sorted(o.__dict__.items(), key=str), a)
print(p.get_default_values())
print(o == p.get_default_values(), str(p.get_option("-f")), repr(p.get_option("-f")).split(" at ")[0])
for bad in (["--bogus"], ["-n", "x"], ["--mode", "medium"], ["--fi"], ["--po", "1"], ["--quiet=1"], ["-x"], ["--a"]):
    err = io.StringIO(); old = sys.stderr; sys.stderr = err
    try: p.parse_args(bad)
    except SystemExit as e: print("exit", e.code)
    finally: sys.stderr = old
    print(err.getvalue())
p2 = OptionParser(add_help_option=False); p2.add_option("--file")
try: p2.add_option("--file")
except optparse.OptionConflictError as e: print(e)
p3 = OptionParser(conflict_handler="resolve", prog="r"); p3.add_option("-x", "--ex"); p3.add_option("-x", help="new x"); print(p3.format_help())
for bad in ({"action": "nope"}, {"type": "weird"}, {"action": "store_true", "type": "int"}, {"nargs": 2, "action": "count"}, {"choices": "ab"}, {"type": "choice"}, {"bogus": 1}):
    try: make_option("--z", **bad)
    except optparse.OptionError as e: print(e)
try: make_option("z")
except optparse.OptionError as e: print(e)
p4 = OptionParser(prog="t4"); p4.disable_interspersed_args(); p4.add_option("-a", action="store_true")
o4, a4 = p4.parse_args(["-a", "pos", "-a"]); print(o4.a, a4)
print(optparse.Values({"a": 1}), optparse.Values({"a": 1}) == {"a": 1})
out = io.StringIO(); old = sys.stdout; sys.stdout = out
try: p.parse_args(["--version"])
except SystemExit as e: code = e.code
finally: sys.stdout = old
print(repr(out.getvalue()), code)
tp = OptionParser(prog="tt", formatter=optparse.TitledHelpFormatter()); tp.add_option("-x", "--xx", help="an x"); print(tp.format_help())
