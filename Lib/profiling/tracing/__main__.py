"""python -m profiling.tracing: as python -m cProfile."""

from cProfile import main

main()
