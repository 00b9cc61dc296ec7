"""The Headers class: a mutable view of a list of (name, value) pairs."""

import re

__all__ = ["Headers"]

# RFC 2045 tspecials: a parameter value containing one must be quoted.
tspecials = re.compile(r'[ \(\)<>@,;:\\"/\[\]\?=]')


def _formatparam(param, value=None, quote=1):
    """name=value for a header parameter, quoted when needed or asked."""
    if value is None or len(value) == 0:
        return param
    if quote or tspecials.search(value):
        value = value.replace("\\", "\\\\").replace('"', r'\"')
        return '%s="%s"' % (param, value)
    return "%s=%s" % (param, value)


class Headers:
    """Response headers: names compare without case, order is kept and
    a name may repeat.  The list given is used (and changed) in place."""

    def __init__(self, headers=None):
        headers = headers if headers is not None else []
        if type(headers) is not list:
            raise TypeError("Headers must be a list of name/value tuples")
        self._headers = headers
        if __debug__:
            for name, value in headers:
                self._convert_string_type(name)
                self._convert_string_type(value)

    def _convert_string_type(self, value):
        if type(value) is str:
            return value
        raise AssertionError("Header names/values must be"
                             " of type str (got {0})".format(repr(value)))

    def __len__(self):
        return len(self._headers)

    def __setitem__(self, name, value):
        """Replace every header called name with one."""
        del self[name]
        self._headers.append((self._convert_string_type(name),
                              self._convert_string_type(value)))

    def __delitem__(self, name):
        """Remove every header called name; no error if there is none."""
        name = self._convert_string_type(name.lower())
        self._headers[:] = [pair for pair in self._headers
                            if pair[0].lower() != name]

    def __getitem__(self, name):
        """The first value of name, or None."""
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def get_all(self, name):
        """Every value of name, in order ([] when absent)."""
        name = self._convert_string_type(name.lower())
        return [value for key, value in self._headers if key.lower() == name]

    def get(self, name, default=None):
        name = self._convert_string_type(name.lower())
        for key, value in self._headers:
            if key.lower() == name:
                return value
        return default

    def keys(self):
        return [key for key, _ in self._headers]

    def values(self):
        return [value for _, value in self._headers]

    def items(self):
        return self._headers[:]

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, self._headers)

    def __str__(self):
        """The headers as sent: "Name: value" lines and a blank line."""
        return "\r\n".join(["%s: %s" % pair for pair in self._headers] + ["", ""])

    def __bytes__(self):
        return str(self).encode("iso-8859-1")

    def setdefault(self, name, value):
        """The first value of name; if absent, add (name, value) first."""
        current = self.get(name)
        if current is not None:
            return current
        self._headers.append((self._convert_string_type(name),
                              self._convert_string_type(value)))
        return value

    def add_header(self, _name, _value, **_params):
        """Add a header with MIME parameters: underscores in keyword names
        become dashes; a parameter whose value is None is written bare."""
        parts = []
        if _value is not None:
            parts.append(self._convert_string_type(_value))
        for key, value in _params.items():
            key = self._convert_string_type(key).replace("_", "-")
            if value is None:
                parts.append(key)
            else:
                parts.append(_formatparam(key, self._convert_string_type(value)))
        self._headers.append((self._convert_string_type(_name), "; ".join(parts)))
