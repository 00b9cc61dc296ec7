# dis: argument resolution, labels, line numbers, exception table, layout.
import dis
import io
import re
import sys


def sample(a, b=2):
    total = len(a) + b
    for item in a:
        if item is None:
            continue
        total += item.real
    try:
        total = total // b
    except ZeroDivisionError as exc:
        return str(exc)
    return total


instrs = list(dis.get_instructions(sample))
by_name = {}
for ins in instrs:
    by_name.setdefault(ins.opname, []).append(ins)

# names, globals, attributes, locals and constants resolve
print(sorted({i.argval for i in instrs if i.opname == 'LOAD_GLOBAL'}))
print(sorted({i.argrepr for i in instrs if i.opname == 'LOAD_GLOBAL'}))
print(sorted({i.argval for i in instrs if i.opname == 'LOAD_ATTR'}))
# (a pair such as LOAD_FAST_BORROW_LOAD_FAST_BORROW names two locals)
print(sorted({name for i in instrs if i.opcode in dis.haslocal
              for name in (i.argval if isinstance(i.argval, tuple)
                           else (i.argval,))}))
print(sorted({i.argrepr for i in instrs if i.opname in ('BINARY_OP', 'IS_OP')}))

# every jump has a label at its target
offsets = {i.offset: i for i in instrs}
jumps = [i for i in instrs if i.opcode in dis.hasjump]
print(len(jumps) > 0, all(offsets[i.jump_target].label is not None for i in jumps))
print(all(i.argrepr == 'to L%d' % offsets[i.argval].label for i in jumps))
labels = [i.label for i in instrs if i.label is not None]
print(labels == list(range(1, len(labels) + 1)))

# line numbers: first line of each statement
starts = {i.line_number for i in instrs if i.starts_line}
print(sorted(n - sample.__code__.co_firstlineno for n in starts if n is not None))
print([(o, l - sample.__code__.co_firstlineno if l else l)
       for o, l in dis.findlinestarts(sample.__code__)][:2])
print(all(i.positions.lineno == i.line_number for i in instrs
          if i.positions.lineno is not None))
print(set(dis.findlabels(sample.__code__.co_code)) <= set(offsets))

# the listing's layout
out = io.StringIO()
dis.dis(sample, file=out)
text = out.getvalue()
line_re = re.compile(r'^( *\d+| *--| *)( +L\d+:)? +([A-Z_]+)( +\d+( \(.*\))?)?$')
body, _, table = text.partition('ExceptionTable:\n')
bad = [l for l in body.splitlines() if l and not line_re.match(l)]
print(bad)
print(len({line_re.match(l).start(3) for l in body.splitlines() if l}))
print(all(re.match(r'^  L\d+ to L\d+ -> L\d+ \[\d+\]( lasti)?$', l)
          for l in table.splitlines()))
print('ExceptionTable:' in text, len(table.splitlines()) >= 1)

# offsets column and the current instruction marker
out = io.StringIO()
dis.disassemble(sample.__code__, lasti=instrs[3].offset, file=out,
                show_offsets=True)
marked = [l for l in out.getvalue().splitlines() if '-->' in l]
print(len(marked), re.search(r' %d   --> %s ' % (instrs[3].offset, instrs[3].opname),
                              marked[0]) is not None)

# code_info and Bytecode
info = dis.code_info(sample)
print(info.splitlines()[0], info.splitlines()[2], info.splitlines()[7])
print('Variable names:\n   0: a\n   1: b\n   2: total' in info)
bc = dis.Bytecode(sample)
print(repr(bc).startswith('Bytecode(<function sample'), bc.info() == info)
print([i.opname for i in bc] == [i.opname for i in instrs])
print(bc.dis() == text)

# nested code objects and strings
out = io.StringIO()
dis.dis("def f(x):\n    return x * 2\n", file=out)
print(re.findall(r'Disassembly of <code object (\w+)', out.getvalue()))
print('(x)' in out.getvalue(), '(*)' in out.getvalue())

# from_traceback / distb mark the failing instruction
def fail():
    return 1 // 0
try:
    fail()
except ZeroDivisionError:
    tb = sys.exc_info()[2]
bc = dis.Bytecode.from_traceback(tb)
print(bc.codeobj.co_name, offsets_ok := bc.current_offset in
      {i.offset for i in bc})
out = io.StringIO()
inner = tb
while inner.tb_next:
    inner = inner.tb_next
dis.distb(inner, file=out)
print([l.split()[-2:] for l in out.getvalue().splitlines() if '-->' in l])

# extended arguments
src = "x = 0\nwhile x:\n" + "    x = x + 1\n" * 80
ins = list(dis.get_instructions(compile(src, 's', 'exec')))
ext = [i for i in ins if i.opname == 'EXTENDED_ARG']
print(len(ext) > 0, all(i.arg > 255 for i in ins
                        if i.start_offset != i.offset))
back = [i for i in ins if i.opname == 'JUMP_BACKWARD'][0]
print(back.jump_target, back.start_offset < back.offset)

# errors
try:
    dis.dis(42)
except TypeError as e:
    print(e)
try:
    dis.code_info(None)
except TypeError as e:
    print(e)
print(dis.Positions(1, 2, 3, 4), dis.pretty_flags(3), dis.pretty_flags(0x10000000))
