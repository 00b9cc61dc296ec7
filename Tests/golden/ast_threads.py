# Threads that parse to AST objects at once, before anything imported ast:
# the node classes are built once and every thread gets the same ones.
import threading

SOURCE = "def f(a, *b):\n    return [x ** 2 for x in b if x != a]\n"
barrier = threading.Barrier(4)
results = []


def work():
    barrier.wait()
    trees = [compile(SOURCE, '<t>', 'exec', 0x400) for _ in range(20)]
    results.append({type(t.body[0]) for t in trees})


threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

import ast
print(len(results), all(r == {ast.FunctionDef} for r in results))
tree = ast.parse(SOURCE)
namespace = {}
exec(compile(tree, '<t>', 'exec'), namespace)
print(namespace['f'](2, 1, 2, 3), ast.unparse(tree).splitlines()[1])
