# Carets under East Asian wide and full-width characters take two
# columns each, so they line up under the text (as in CPython 3.13).
import linecache
import traceback

SOURCE = ('def f():\n'
          '    ｔｅｘｔ = None\n'
          '    return ｔｅｘｔ.ｗｉｄｔｈ + 1\n'
          'def g(ｘ):\n'
          '    return (ｘ +\n'
          '            "文字" * ｘ) / 0\n')
linecache.cache['<wide>'] = (len(SOURCE), None, SOURCE.splitlines(True),
                             '<wide>')
namespace = {}
exec(compile(SOURCE, '<wide>', 'exec'), namespace)
for call in (lambda: namespace['f'](), lambda: namespace['g'](1)):
    try:
        call()
    except Exception as e:
        lines = ''.join(traceback.format_exception(e)).splitlines()
        start = next(i for i, line in enumerate(lines) if '<wide>' in line)
        print('\n'.join(lines[start:-1]))
