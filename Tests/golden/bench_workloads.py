# Every benchmark workload in Tools/bench/workloads/ at a reduced size:
# its checksum must match CPython's, so a workload that breaks (or an
# interpreter change that alters its result) shows up in make check.
import os
import sys

sys.dont_write_bytecode = True  # the workloads live in the source tree
here = os.path.dirname(os.path.abspath(__file__))
workloads = os.path.join(here, "..", "..", "Tools", "bench", "workloads")
sys.path.insert(0, workloads)

names = sorted(name[3:-3] for name in os.listdir(workloads)
               if name.startswith("bm_") and name.endswith(".py"))
print(len(names), "workloads")
for name in names:
    module = __import__("bm_" + name)
    print(f"{name}: {module.run(0.02)}")
