# pdb driven from a StringIO: stepping, breakpoints, printing, listing.
import io
import pdb


def add(a, b):
    total = a + b
    return total


def compute(n):
    acc = 0
    for i in range(n):
        acc = add(acc, i)
    result = acc * 2
    return result


COMMANDS = """\
p n
n
n
s
a
n
n
retval
r
u
d
l 9, 12
b add
b
c
p a, b
cl 1
tbreak 15
c
p acc
p acc + 1000
pp {'k': [1, 2]}
!acc = 100
p acc
zz
whatis acc
ignore 9
condition 9
disable 9
enable 9
unt
n
n
c
"""

out = io.StringIO()
debugger = pdb.Pdb(stdin=io.StringIO(COMMANDS), stdout=out, nosigint=True,
                   readrc=False)
value = debugger.runcall(compute, 3)
pdb.bdb.Breakpoint.clearBreakpoints()
print(out.getvalue().replace(__file__, "FILE"))
print("value", value)
