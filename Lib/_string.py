"""The parsers behind str.format(), as CPython's _string module offers
them: formatter_parser() splits a format string into its fields and
formatter_field_name_split() splits one field name."""


def formatter_parser(format_string, /):
    """Iterate over (literal_text, field_name, format_spec, conversion)
    tuples of format_string, as string.Formatter.parse() does."""
    if not isinstance(format_string, str):
        raise TypeError(f"expected str, got {type(format_string).__name__}")
    from string import _parse_format
    return _parse_format(format_string)


def formatter_field_name_split(field_name, /):
    """(first, rest): the leading name or index of a field name, and an
    iterator of (is_attribute, key) pairs for what follows it."""
    if not isinstance(field_name, str):
        raise TypeError(f"expected str, got {type(field_name).__name__}")
    from string import _split_field_name
    return _split_field_name(field_name)
