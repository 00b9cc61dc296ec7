# getopt and gnu_getopt, including the optional-argument forms of 3.14
# ('x::' and 'name=?') and gnu_getopt's '-' (return in order) prefix.
import getopt
import os

os.environ.pop('POSIXLY_CORRECT', None)
args = '-a -bval -c val --alpha --beta=1 --gamma 2 file1 -d file2'.split()
print(getopt.getopt(args, 'ab:c:d', ['alpha', 'beta=', 'gamma=']))
print(getopt.gnu_getopt(args, 'ab:c:d', ['alpha', 'beta=', 'gamma=']))
print(getopt.gnu_getopt(args, '+ab:c:d', ['alpha', 'beta=', 'gamma=']))
print(getopt.getopt(['-a', '--', '-b'], 'ab'))
print(getopt.getopt(['-', '-a'], 'a'))
print(getopt.getopt(['--al'], '', ['alpha']))
print(getopt.getopt(['--alpha=x'], '', 'alpha='))
print(getopt.gnu_getopt(['x', '--', '-a'], 'a'))
for bad in (['-z'], ['--zeta'], ['-b'], ['--beta'], ['--alpha=1'], ['--al']):
    try:
        getopt.getopt(bad, 'ab:', ['alpha', 'alps', 'beta='])
    except getopt.GetoptError as e:
        print('GetoptError:', e, '|', e.opt, '|', e.msg, e.args)
print(getopt.error is getopt.GetoptError)

# 3.14: optional arguments
print(getopt.getopt(['-o', '-ovalue', '-p'], 'o::p'))
print(getopt.getopt(['--opt', '--opt=', '--opt=v', '--op'], '', ['opt=?']))
print(getopt.getopt(['--col', 'x'], '', ['color=?']))
print(getopt.gnu_getopt(['a', '-x', 'b', 'c', '--long', 'd'], '-x', ['long']))
