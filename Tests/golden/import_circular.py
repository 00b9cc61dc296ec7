# Circular imports see the partially initialised module; a module may
# replace itself in sys.modules.
import sys
import import_pkg.circ_a
print(import_pkg.circ_a.A1, import_pkg.circ_a.A2)
print(import_pkg.circ_b.SEEN)
print(import_pkg.circ_a.circ_b is import_pkg.circ_b)
import import_pkg.replacer
print(sys.modules['import_pkg.replacer'], import_pkg.replacer)
from import_pkg import replacer
print(replacer)
