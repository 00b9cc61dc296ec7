# csv: QUOTE_STRINGS / QUOTE_NOTNULL (3.12) and the 3.13 dialect checks.
import csv
import io

out = io.StringIO()
for quoting in (csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL):
    w = csv.writer(out, quoting=quoting, lineterminator='\n')
    w.writerow(['text', 1, 2.5, None, '', True])
print(out.getvalue(), end='')

print(list(csv.reader(['"a",1,,2.5,""'], quoting=csv.QUOTE_STRINGS)))
print(list(csv.reader(['"a",1,,2.5,""'], quoting=csv.QUOTE_NOTNULL)))
print(list(csv.reader(['"a",1,,2.5,""'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(['abc'], quoting=csv.QUOTE_STRINGS))
except ValueError as e:
    print('ValueError', e)
print(csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL)

for kwargs in [dict(delimiter=1), dict(delimiter='ab'), dict(delimiter=None),
               dict(quotechar=3), dict(quotechar='ab'), dict(escapechar='ab'),
               dict(lineterminator=1), dict(quoting=9), dict(quoting='a'),
               dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_ALL),
               dict(delimiter='\n'), dict(delimiter='\r'), dict(quotechar=' ', skipinitialspace=True),
               dict(delimiter=',', quotechar=','), dict(delimiter=';', escapechar=';'),
               dict(escapechar='"'), dict(lineterminator=';', delimiter=';'),
               dict(strict=1, doublequote=0)]:
    try:
        d = csv.reader([], **kwargs).dialect
        print('ok', kwargs, d.quoting, repr(d.quotechar), d.strict, d.doublequote)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Incomplete(csv.Dialect):
    delimiter = ','


try:
    Incomplete()
except csv.Error as e:
    print('Error', e)

d = csv.get_dialect('excel')
try:
    d.delimiter = ';'
except AttributeError:
    print('AttributeError: dialect attributes are read-only')
print(type(d).__module__, type(d).__name__, type(csv.reader([])).__name__,
      type(csv.writer(io.StringIO())).__name__)
w = csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE)
for row in (['a,b'], [''], ['x"y']):
    try:
        w.writerow(row)
        print('written', row)
    except csv.Error as e:
        print('Error', e)
out = io.StringIO()
csv.writer(out, escapechar='\\', lineterminator='\n').writerow(['back\\slash', 'q"'])
csv.writer(out, escapechar='\\', doublequote=False, lineterminator='\n').writerow(['q"'])
print(out.getvalue(), end='')
print(list(csv.reader(['"q\\"x",b\\,c'], escapechar='\\', doublequote=False)))
print(csv.field_size_limit(), csv.field_size_limit(1000), csv.field_size_limit())
csv.field_size_limit(131072)
try:
    csv.field_size_limit('x')
except TypeError as e:
    print('TypeError', e)
print(csv.__version__, sorted(csv.__all__))
