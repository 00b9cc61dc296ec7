# argparse behaviour of 3.13-3.15: suggestions, deprecation warnings,
# '-s, --long ARG' help entries, optional '*' positionals, errors raised
# with exit_on_error=False.
import io
import os
import sys
os.environ['COLUMNS'] = '60'
import argparse


def run(parser, args):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        try:
            result = repr(parser.parse_args(args))
        except SystemExit as e:
            result = 'exit %s' % e.code
    finally:
        sys.stdout, sys.stderr = saved
    print('>>', args, result)
    for line in out.getvalue().splitlines():
        print('  out|', line)
    for line in err.getvalue().splitlines():
        print('  err|', line)


p = argparse.ArgumentParser(prog='tool')
p.add_argument('--mode', choices=['fast', 'slow', 'safe'])
p.add_argument('--old', action='store_true', deprecated=True)
p.add_argument('-n', '--count', type=int, default=1, help='how many times')
p.add_argument('items', nargs='*')
run(p, ['--mode', 'fats'])
run(p, ['--mode', 'zzz'])
run(p, ['--old', '--old', 'a'])
run(p, [])
run(p, ['-n', 'x'])
run(p, ['--count=3', 'a', 'b'])
run(p, ['-h'])

q = argparse.ArgumentParser(prog='tool', suggest_on_error=False)
q.add_argument('cmd', choices=['start', 'stop'])
run(q, ['stpo'])

s = argparse.ArgumentParser(prog='vcs')
sub = s.add_subparsers(dest='command', required=True)
sub.add_parser('checkout', help='switch branches')
sub.add_parser('clone', deprecated=True)
run(s, ['chekout'])
run(s, ['clone'])
run(s, [])

e = argparse.ArgumentParser(prog='e', exit_on_error=False)
e.add_argument('--n', type=int)
e.add_argument('req')
for args in (['--n', 'x', 'r'], ['r', 'extra'], []):
    try:
        e.parse_args(args)
    except argparse.ArgumentError as exc:
        print('ArgumentError:', exc)

for bad in (lambda: argparse.ArgumentParser().add_argument('--no-x', action=argparse.BooleanOptionalAction),
            lambda: argparse.ArgumentParser().add_argument('x', required=True),
            lambda: argparse.ArgumentParser().add_argument('-x', action='store', nargs=0),
            lambda: argparse.ArgumentParser().add_argument('x', action='store_true'),
            lambda: argparse.ArgumentParser().add_argument('bad', help='%(nope)s'),
            lambda: argparse.ArgumentParser().add_argument('-x', metavar=('A', 'B')),
            lambda: argparse.ArgumentParser().add_argument('x', type='int'),
            lambda: argparse.ArgumentParser(conflict_handler='odd'),
            lambda: argparse.ArgumentParser().add_argument_group().add_argument_group()):
    try:
        bad()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)

r = argparse.ArgumentParser(prog='r', conflict_handler='resolve')
r.add_argument('-x', '--ex', help='first')
r.add_argument('-x', help='second')
print(r.format_help())

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--shared', type=int, default=7)
child = argparse.ArgumentParser(prog='child', parents=[parent])
child.add_argument('--own')
print(child.parse_args(['--own', 'o']))
child.set_defaults(shared=9, extra='E')
print(child.parse_args([]), child.get_default('extra'))
run(argparse.ArgumentParser(prog='ab', allow_abbrev=True), ['--he'])
print(repr(argparse.ArgumentParser(prog='x', description='d')))
print(repr(p._actions[2]))
print(argparse.Namespace(b=1, a=2))
