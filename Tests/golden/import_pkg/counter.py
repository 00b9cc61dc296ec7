import import_pkg
import_pkg.RUNS += 1
