"""Python's profilers (PEP 799, 3.15).

profiling.tracing is the deterministic profiler also known as cProfile:
it records every call.  (CPython's statistical profiler,
profiling.sampling, is not provided by Weft.)
"""

__all__ = ["tracing"]
