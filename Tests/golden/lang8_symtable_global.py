# A `global` statement in a nested scope declares the name global in the
# module's symbol table too: symtable reports it, and module code then
# stores it with STORE_GLOBAL (visible with separate globals and locals).
import symtable

src = '''
g = 1
def f():
    global g, h
    g = 2
    return h
def k():
    global q
class C:
    global g
    def m(self):
        global r
        r = 1
x = [w for w in range(2)]
'''


def dump(t, ind=0):
    print(' ' * ind + str(t.get_type()), t.get_name())
    for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        flags = [n for n, v in (('global', s.is_global()),
                                ('declared_global', s.is_declared_global()),
                                ('local', s.is_local()),
                                ('assigned', s.is_assigned()),
                                ('referenced', s.is_referenced())) if v]
        print(' ' * ind + '  ' + s.get_name(), ' '.join(flags))
    for c in t.get_children():
        dump(c, ind + 2)


dump(symtable.symtable(src, "<s>", "exec"))

code = "v = 1\nu = 2\ndef f():\n    global v\n"
g, l = {}, {}
exec(code, g, l)
print('v' in g, 'v' in l, 'u' in g, 'u' in l)
