# configparser: 3.13+ features -- unnamed sections, the new exceptions,
# write validation.
import configparser
import io

cp = configparser.ConfigParser(allow_unnamed_section=True)
cp.read_string("top = 1\nother: two\n[named]\nx = 3\n")
print(cp.sections(), repr(configparser.UNNAMED_SECTION))
print(cp[configparser.UNNAMED_SECTION]['top'], cp.get(configparser.UNNAMED_SECTION, 'other'))
out = io.StringIO()
cp.write(out)
print(out.getvalue(), end='')

plain = configparser.ConfigParser()
try:
    plain.add_section(configparser.UNNAMED_SECTION)
except configparser.UnnamedSectionDisabledError as e:
    print(type(e).__name__, e, isinstance(e, configparser.Error))
try:
    plain.read_string("top = 1\n")
except configparser.MissingSectionHeaderError as e:
    print(type(e).__name__, e.lineno, repr(e.line), e.source)

nv = configparser.ConfigParser(allow_no_value=True)
try:
    nv.read_string("[s]\nflag\n  continued\n")
except configparser.MultilineContinuationError as e:
    print(type(e).__name__, str(e).replace('\n', ' | '),
          isinstance(e, configparser.ParsingError))

w = configparser.RawConfigParser()
w.add_section('s')
for key in ('[bad]', 'a=b', 'c:d', 'fine'):
    w.set('s', key, 'v')
    try:
        w.write(io.StringIO())
        print('written', key)
    except configparser.InvalidWriteError as e:
        print(type(e).__name__, e)
    w.remove_option('s', key)

try:
    configparser.ConfigParser().read_string("[a]\n= no name\nok = 1\nbad line\n", 'cfg')
except configparser.ParsingError as e:
    print(e.source, e.errors)
    print(str(e))

try:
    configparser.ConfigParser(interpolation=object())
except TypeError as e:
    print('TypeError', str(e).split(';')[0])
p = configparser.ConfigParser(interpolation=None)
p.read_string("[s]\nraw = %(x)s 100%\n")
print(p['s']['raw'])
print(sorted(configparser.__all__))
