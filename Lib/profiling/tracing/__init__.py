"""Deterministic profiling of every call: the cProfile module under its
3.15 name."""

from cProfile import Profile, run, runctx, main

__all__ = ["run", "runctx", "Profile"]
