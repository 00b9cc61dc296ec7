# configparser: parsing, interpolation, mapping protocol, errors, writing.
import configparser, io, sys
text = """
# comment
[DEFAULT]
home = /home/me
debug = yes

[paths]
data = %(home)s/data
pct = 100%%
multi = first
    second

    third
num = 42
ratio = 2.5

[other]
key: value ; not a comment by default
Mixed_Case = 1
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults())
print(cp.get('paths', 'data'), cp['paths']['pct'], repr(cp['paths']['multi']))
print(cp.getint('paths', 'num'), cp.getfloat('paths', 'ratio'), cp.getboolean('paths', 'debug'))
print(cp['other']['key'], cp.options('other'), 'mixed_case' in cp['other'])
print(cp.get('paths', 'nope', fallback='fb'), cp['paths'].get('nope'), cp['paths'].getint('num'))
print(list(cp), len(cp), 'paths' in cp, cp['paths'])
print(cp.items('paths'))
print(cp.get('paths', 'data', raw=True), cp.get('paths', 'data', vars={'home': '/tmp'}))
for call in [lambda: cp.get('nosec', 'x'), lambda: cp.get('paths', 'zzz'), lambda: cp.add_section('paths'),
             lambda: cp.add_section('DEFAULT'), lambda: cp.getboolean('paths', 'num'), lambda: cp.set('paths', 'bad', '%x'),
             lambda: cp.set('paths', 1, 'x'), lambda: cp.read_string('[a]\nx=1\nx=2\n'), lambda: cp.read_string('nohead=1\n'),
             lambda: cp.read_string('[s]\n[s]\n'), lambda: cp['nosec'], lambda: cp.read_string('[e]\ngarbage\nmore garbage\n', 'src.ini')]:
    try: call(); print('no error')
    except Exception as e: print(type(e).__name__, e)
cp.set('paths', 'loop', '%(loop)s')
try: cp.get('paths', 'loop')
except Exception as e: print(type(e).__name__, e)
cp.set('paths', 'miss', '%(undefined)s')
try: cp.get('paths', 'miss')
except Exception as e: print(type(e).__name__, e)
cp.remove_option('paths', 'loop'); cp.remove_option('paths', 'miss')
out = io.StringIO(); cp.write(out); print(out.getvalue())
ex = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ex.read_string("[a]\nx = 1\ny = ${x}-${b:z}\ncost = $$5\n[b]\nz = zed\n")
print(ex['a']['y'], ex['a']['cost'])
raw = configparser.RawConfigParser(allow_no_value=True, delimiters=('=',), comment_prefixes=('#',), inline_comment_prefixes=(';',), strict=False)
raw.read_string("[s]\nflag\nk = v ; inline\nk = w\npath = a:b\n")
print(dict(raw['s']), raw.get('s', 'flag'))
raw['new'] = {'a': 1, 'b': 'two'}
print(raw.sections(), dict(raw['new']))
del raw['new']; print(raw.sections())
cp2 = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
cp2.read_dict({'s': {'l': 'a,b,c', 'n': 3}})
print(cp2.getlist('s', 'l'), cp2['s'].getlist('l'), cp2['s']['n'])
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)
cp3 = configparser.ConfigParser(defaults={'a': 1})
print(cp3.defaults(), cp3.has_option('', 'a'), cp3.has_option('x', 'a'))
out = io.StringIO(); raw.write(out, space_around_delimiters=False); print(out.getvalue())
