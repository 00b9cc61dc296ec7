"""Parse TOML 1.1 documents (https://toml.io) into Python objects.

load() reads a binary file, loads() a str; both return a dict.  Invalid
documents raise TOMLDecodeError.
"""

__all__ = ("loads", "load", "TOMLDecodeError")

from ._parser import TOMLDecodeError, load, loads

# Errors raised from here name the public module.
TOMLDecodeError.__module__ = __name__
