A1 = 1
from import_pkg import circ_b
A2 = 2
