import sys, io, os
os.environ['COLUMNS'] = '80'  # help width must not depend on the terminal
import argparse
def run(p, args):
    out, err = io.StringIO(), io.StringIO()
    so, se = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        try:
            r = p.parse_args(args)
            res = repr(r)
        except SystemExit as e:
            res = 'exit %s' % e.code
    finally:
        sys.stdout, sys.stderr = so, se
    print('>>', args, res)
    if out.getvalue(): print(out.getvalue(), end='')
    if err.getvalue(): print('ERR:', err.getvalue(), end='')

p = argparse.ArgumentParser(prog='PROG', description='A test program that does many things with a fairly long description so wrapping happens.', epilog='The end.')
p.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer for the accumulator')
p.add_argument('--sum', dest='accumulate', action='store_const', const=sum, default=max, help='sum the integers (default: find the max)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-o', '--output', help='output file')
p.add_argument('--flag', action='store_true')
p.add_argument('-x', type=float, choices=[1.0, 2.5])
p.add_argument('--list', action='append', nargs=2, metavar=('K', 'V'))
p.add_argument('--ext', action='extend', nargs='*', type=str)
p.add_argument('-c', action='append_const', const='C', dest='consts')
for a in [['1', '2'], ['1', '--sum', '3'], ['-vvv', '5'], ['--out=f', '1'], ['-ofile', '2'], ['--verb', '1'], [], ['a'], ['-x', '3', '1'], ['1', '--list', 'a', 'b', '--list', 'c', 'd'], ['1', '--ext', 'a', 'b', '--ext'], ['1', '-cc'], ['1', '--bogus'], ['--', '-1', '2'], ['-h'], ['1', '-o']]:
    run(p, a)

p2 = argparse.ArgumentParser(prog='p2')
g = p2.add_mutually_exclusive_group(required=True)
g.add_argument('--foo', action='store_true')
g.add_argument('--bar', action='store_false')
p2.add_argument('pos', nargs='?', default='d')
p2.add_argument('rest', nargs=argparse.REMAINDER)
for a in [['--foo'], ['--foo', '--bar'], [], ['--bar', 'x', 'y', '--foo'], ['-h']]:
    run(p2, a)

p3 = argparse.ArgumentParser(prog='git')
p3.add_argument('--global', action='store_true')
sub = p3.add_subparsers(dest='cmd', help='sub-command help')
a1 = sub.add_parser('add', help='add things', aliases=['a'])
a1.add_argument('paths', nargs='*')
a1.add_argument('-f', '--force', action='store_true')
c1 = sub.add_parser('commit', help='commit things')
c1.add_argument('-m', required=True)
for a in [['add', 'x', 'y', '-f'], ['a'], ['commit'], ['commit', '-m', 'msg'], ['-h'], ['add', '-h'], ['push'], []]:
    run(p3, a)

p4 = argparse.ArgumentParser(prog='fmt', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p4.add_argument('--num', type=int, default=5, help='a number')
p4.add_argument('--name', default='bob', help='a name %(default)s here')
p4.add_argument('files', nargs='*', default=['a'], help='files')
run(p4, ['-h'])
p5 = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawTextHelpFormatter, description='line one\n   line two\n')
p5.add_argument('--x', help='keep\n  this\nformat')
run(p5, ['-h'])
p6 = argparse.ArgumentParser(prog='mt', formatter_class=argparse.MetavarTypeHelpFormatter)
p6.add_argument('--n', type=int); p6.add_argument('f', type=float)
run(p6, ['-h'])
p7 = argparse.ArgumentParser(prog='a_very_long_program_name_that_is_really_long_indeed_for_testing', add_help=False)
for i in range(12):
    p7.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i)
p7.add_argument('positional_one'); p7.add_argument('positional_two', nargs='+')
run(p7, ['x'])
print(p7.format_usage())
p8 = argparse.ArgumentParser(prog='short')
for i in range(8):
    p8.add_argument('--opt%d' % i, metavar='V')
g8 = p8.add_mutually_exclusive_group()
g8.add_argument('-a', action='store_true'); g8.add_argument('-b', action='store_true')
p8.add_argument('inp'); p8.add_argument('outp', nargs='?')
print(p8.format_help())
p9 = argparse.ArgumentParser(prog='p9', fromfile_prefix_chars='@', allow_abbrev=False, prefix_chars='-+')
p9.add_argument('+x', action='store_true'); p9.add_argument('--long', type=int); p9.add_argument('-1', dest='one', action='store_true')
for a in [['+x'], ['--lo', '3'], ['--long', '-5'], ['-1']]:
    run(p9, a)
print(argparse.Namespace(a=1, b='x'), argparse.Namespace(a=1) == argparse.Namespace(a=1), 'a' in argparse.Namespace(a=1))
p10 = argparse.ArgumentParser(prog='ver')
p10.add_argument('--version', action='version', version='%(prog)s 1.0')
p10.add_argument('--bool', action=argparse.BooleanOptionalAction)
for a in [['--version'], ['--no-bool'], ['--bool'], ['-h']]:
    run(p10, a)
pi = argparse.ArgumentParser(prog='inter')
pi.add_argument('--foo'); pi.add_argument('cmd'); pi.add_argument('rest', nargs='*', type=int)
print(pi.parse_intermixed_args('doit 1 --foo bar 2 3'.split()))
print(pi.parse_known_args('doit 1 --foo bar 2 3 --zz'.split()))
try:
    argparse.ArgumentParser(exit_on_error=False, prog='e').parse_args(['--nope'])
except argparse.ArgumentError as e: print('AE', e)
pe = argparse.ArgumentParser(prog='e', exit_on_error=False); pe.add_argument('--n', type=int)
try: pe.parse_args(['--n', 'x'])
except argparse.ArgumentError as e: print('AE', e, '|', e.argument_name, '|', e.message)
