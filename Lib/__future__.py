"""Record of the language features that were phased in with ``from
__future__ import <feature>``.

Each feature name is bound to a ``_Feature`` holding:

* the release in which the future statement first accepted the feature
  (``getOptionalRelease()``),
* the release in which the feature became, or is planned to become, the
  default (``getMandatoryRelease()``; ``None`` when that was never decided),
* ``compiler_flag``: the bit to pass in the *flags* argument of the built-in
  ``compile()`` to turn the feature on in dynamically compiled code.

Releases are 5-tuples shaped like ``sys.version_info``.  Features are never
removed from this module, even once mandatory.
"""

all_feature_names = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
]

__all__ = ["all_feature_names"] + all_feature_names

# The CO_* bits of Include/cpython/code.h; the compiler honours exactly these.
CO_NESTED = 0x0010                      # nested_scopes (always on now)
CO_GENERATOR_ALLOWED = 0                # generators (no bit ever needed)
CO_FUTURE_DIVISION = 0x20000            # division
CO_FUTURE_ABSOLUTE_IMPORT = 0x40000     # absolute_import
CO_FUTURE_WITH_STATEMENT = 0x80000      # with_statement
CO_FUTURE_PRINT_FUNCTION = 0x100000     # print_function
CO_FUTURE_UNICODE_LITERALS = 0x200000   # unicode_literals
CO_FUTURE_BARRY_AS_BDFL = 0x400000      # barry_as_FLUFL
CO_FUTURE_GENERATOR_STOP = 0x800000     # generator_stop
CO_FUTURE_ANNOTATIONS = 0x1000000       # annotations


class _Feature:
    """When one future feature became available and when it became the
    default, and the compiler flag that enables it."""

    def __init__(self, optionalRelease, mandatoryRelease, compiler_flag):
        self.optional = optionalRelease
        self.mandatory = mandatoryRelease
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        """The first release that accepted the future statement."""
        return self.optional

    def getMandatoryRelease(self):
        """The release in which the feature is (or will be) always on, or
        None if no such release was ever fixed."""
        return self.mandatory

    def __repr__(self):
        return "_Feature" + repr((self.optional,
                                  self.mandatory,
                                  self.compiler_flag))


nested_scopes = _Feature((2, 1, 0, "beta", 1),
                         (2, 2, 0, "alpha", 0),
                         CO_NESTED)

generators = _Feature((2, 2, 0, "alpha", 1),
                      (2, 3, 0, "final", 0),
                      CO_GENERATOR_ALLOWED)

division = _Feature((2, 2, 0, "alpha", 2),
                    (3, 0, 0, "alpha", 0),
                    CO_FUTURE_DIVISION)

absolute_import = _Feature((2, 5, 0, "alpha", 1),
                           (3, 0, 0, "alpha", 0),
                           CO_FUTURE_ABSOLUTE_IMPORT)

with_statement = _Feature((2, 5, 0, "alpha", 1),
                          (2, 6, 0, "alpha", 0),
                          CO_FUTURE_WITH_STATEMENT)

print_function = _Feature((2, 6, 0, "alpha", 2),
                          (3, 0, 0, "alpha", 0),
                          CO_FUTURE_PRINT_FUNCTION)

unicode_literals = _Feature((2, 6, 0, "alpha", 2),
                            (3, 0, 0, "alpha", 0),
                            CO_FUTURE_UNICODE_LITERALS)

barry_as_FLUFL = _Feature((3, 1, 0, "alpha", 2),
                          (4, 0, 0, "alpha", 0),
                          CO_FUTURE_BARRY_AS_BDFL)

generator_stop = _Feature((3, 5, 0, "beta", 1),
                          (3, 7, 0, "alpha", 0),
                          CO_FUTURE_GENERATOR_STOP)

annotations = _Feature((3, 7, 0, "beta", 1),
                       None,
                       CO_FUTURE_ANNOTATIONS)
