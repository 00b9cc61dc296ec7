import sys
import import_pkg.circ_a
partial = sys.modules['import_pkg.circ_a']
SEEN = (hasattr(partial, 'A1'), hasattr(partial, 'A2'))
