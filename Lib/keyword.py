"""Keywords (from "Grammar/python.gram")

This file lists the hard keywords and soft keywords of the language and
answers whether a string is one of them.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield'
]

# Soft keywords are keywords only in some contexts: 'lazy' before an
# import statement (3.15), 'match'/'case'/'_' in match statements and
# 'type' in type alias statements.
softkwlist = [
    '_',
    'case',
    'lazy',
    'match',
    'type'
]

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
