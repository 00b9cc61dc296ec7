import os, sys, tempfile, shutil, pyclbr
d = tempfile.mkdtemp()
with open(os.path.join(d, 'cbmod.py'), 'w') as f:
    f.write('''import os
class Base:
    def method(self):
        def inner():
            pass
    async def amethod(self):
        pass
class Derived(Base, os.PathLike, Unknown):
    class Nested:
        pass
def top():
    class Local:
        pass
async def atop():
    pass
''')
sys.path.insert(0, d)
tree = pyclbr.readmodule_ex('cbmod')
for name, ob in sorted(tree.items()):
    kind = type(ob).__name__
    print(name, kind, ob.lineno, ob.end_lineno, sorted(ob.children), getattr(ob, 'is_async', None))
b = tree['Base']; print(b.methods, b.children['method'].children['inner'].parent.name)
der = tree['Derived']; print([getattr(s, 'name', s) for s in der.super], der.super[0] is b)
print(sorted(pyclbr.readmodule('cbmod')))
print(tree['top'].children['Local'].parent.name, tree['atop'].is_async, b.children['amethod'].is_async)
try: pyclbr.readmodule_ex('no_such_module_xyz')
except ImportError as e: print(type(e).__name__)
sys.path.remove(d); shutil.rmtree(d)
