# Caret layout as in CPython 3.13: carets under East Asian wide and
# full-width characters take two columns each, so they line up under the
# text; the operator of a binary operation continued with backslashes is
# found past the continuation and comments.
import linecache
import traceback

SOURCE = ('def f():\n'
          '    ｔｅｘｔ = None\n'
          '    return ｔｅｘｔ.ｗｉｄｔｈ + 1\n'
          'def g(ｘ):\n'
          '    return (ｘ +\n'
          '            "文字" * ｘ) / 0\n'
          'def h():\n'
          '    b = 1\n'
          '    a = b    \\\n'
          ' +\\\n'
          '       ""  # test\n'
          'def k(b):\n'
          '    return (b  # first\n'
          '        // 0)\n')
linecache.cache['<wide>'] = (len(SOURCE), None, SOURCE.splitlines(True),
                             '<wide>')
namespace = {}
exec(compile(SOURCE, '<wide>', 'exec'), namespace)
for call in (lambda: namespace['f'](), lambda: namespace['g'](1),
             lambda: namespace['h'](), lambda: namespace['k'](1)):
    try:
        call()
    except Exception as e:
        lines = ''.join(traceback.format_exception(e)).splitlines()
        start = next(i for i, line in enumerate(lines) if '<wide>' in line)
        print('\n'.join(lines[start:-1]))
