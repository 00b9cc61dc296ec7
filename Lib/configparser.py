"""Configuration file parser.

A configuration file consists of sections, led by a "[section]" header,
followed by "name: value" (or "name = value") entries, with
continuations and comments:

    [paths]
    home = /home/me
    data = %(home)s/data      ; BasicInterpolation

ConfigParser reads such files, gives access to their values as strings
or converted (getint, getfloat, getboolean), interpolates references to
other values and writes the configuration back.  RawConfigParser does
the same without interpolation by default.  A parser is a mapping of
section names to SectionProxy objects.
"""

from collections.abc import MutableMapping
from collections import ChainMap as _ChainMap
import functools
import io
import itertools
import os
import re
import sys

__all__ = ("NoSectionError", "DuplicateOptionError", "DuplicateSectionError",
           "NoOptionError", "InterpolationError", "InterpolationDepthError",
           "InterpolationMissingOptionError", "InterpolationSyntaxError",
           "ParsingError", "MissingSectionHeaderError",
           "MultilineContinuationError", "UnnamedSectionDisabledError",
           "InvalidWriteError", "ConfigParser", "RawConfigParser",
           "Interpolation", "BasicInterpolation", "ExtendedInterpolation",
           "SectionProxy", "ConverterMapping", "DEFAULTSECT",
           "MAX_INTERPOLATION_DEPTH", "UNNAMED_SECTION")

_default_dict = dict
DEFAULTSECT = "DEFAULT"

MAX_INTERPOLATION_DEPTH = 10


# ---- exceptions ------------------------------------------------------------

class Error(Exception):
    """Root of the configparser exception hierarchy."""

    def __init__(self, msg=''):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


class NoSectionError(Error):
    """The section asked for does not exist."""

    def __init__(self, section):
        Error.__init__(self, 'No section: %r' % (section,))
        self.section = section
        self.args = (section, )


def _duplicate_message(what, name, source, lineno):
    """The message of DuplicateSectionError / DuplicateOptionError: *what*
    ("section" or "option") and the parts naming it, where it was read
    from when that is known."""
    parts = name + [" already exists"]
    if source is None:
        return "".join([what.capitalize(), " "] + parts)
    where = ["While reading from ", repr(source)]
    if lineno is not None:
        where.append(" [line {0:2d}]".format(lineno))
    return "".join(where + [": ", what, " "] + parts)


class DuplicateSectionError(Error):
    """A section appears twice in one source, or add_section() was
    called for a section that exists.
    """

    def __init__(self, section, source=None, lineno=None):
        Error.__init__(self, _duplicate_message(
            "section", [repr(section)], source, lineno))
        self.section = section
        self.source = source
        self.lineno = lineno
        self.args = (section, source, lineno)


class DuplicateOptionError(Error):
    """An option appears twice in one section of a source (strict
    parsers only).
    """

    def __init__(self, section, option, source=None, lineno=None):
        Error.__init__(self, _duplicate_message(
            "option", [repr(option), " in section ", repr(section)], source,
            lineno))
        self.section = section
        self.option = option
        self.source = source
        self.lineno = lineno
        self.args = (section, option, source, lineno)


class NoOptionError(Error):
    """The section exists but has no such option."""

    def __init__(self, option, section):
        Error.__init__(self, "No option %r in section: %r" %
                       (option, section))
        self.option = option
        self.section = section
        self.args = (option, section)


class InterpolationError(Error):
    """Common base of the errors raised while expanding references."""

    def __init__(self, option, section, msg):
        Error.__init__(self, msg)
        self.option = option
        self.section = section
        self.args = (option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    """A reference names an option that cannot be found."""

    def __init__(self, option, section, rawval, reference):
        msg = ("Bad value substitution: option {!r} in section {!r} contains "
               "an interpolation key {!r} which is not a valid option name. "
               "Raw value: {!r}".format(option, section, reference, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.reference = reference
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    """A value uses the reference syntax incorrectly (a stray '%' or
    '$', an unterminated reference).
    """


class InterpolationDepthError(InterpolationError):
    """References refer to references more than MAX_INTERPOLATION_DEPTH
    levels deep (most likely a cycle).
    """

    def __init__(self, option, section, rawval):
        msg = ("Recursion limit exceeded in value substitution: option {!r} "
               "in section {!r} contains an interpolation key which "
               "cannot be substituted in {} steps. Raw value: {!r}"
               "".format(option, section, MAX_INTERPOLATION_DEPTH,
                         rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.args = (option, section, rawval)


class ParsingError(Error):
    """One or more lines of a source could not be parsed; errors lists
    (line number, line) pairs.
    """

    def __init__(self, source, *args):
        super().__init__(f'Source contains parsing errors: {source!r}')
        self.source = source
        self.errors = []
        self.args = (source, )
        if args:
            self.append(*args)

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %s' % (lineno, repr(line))

    def combine(self, others):
        """Merge the errors of other ParsingErrors into this one."""
        for other in others:
            for error in other.errors:
                self.append(*error)
        return self

    @staticmethod
    def _raise_all(exceptions):
        """Combine several parsing errors into one and raise it."""
        exceptions = iter(exceptions)
        for first in exceptions:
            raise first.combine(exceptions)


class MissingSectionHeaderError(ParsingError):
    """An option line comes before the first section header."""

    def __init__(self, filename, lineno, line):
        Error.__init__(
            self,
            'File contains no section headers.\nfile: %r, line: %d\n%r' %
            (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.errors = [(lineno, line)]
        self.args = (filename, lineno, line)


class MultilineContinuationError(ParsingError):
    """An indented continuation line follows an option that has no
    value (allow_no_value=True).
    """

    def __init__(self, filename, lineno, line):
        Error.__init__(
            self,
            "Key without value continued with an indented line.\n"
            "file: %r, line: %d\n%r" % (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.errors = [(lineno, line)]
        self.args = (filename, lineno, line)


class UnnamedSectionDisabledError(Error):
    """UNNAMED_SECTION was used on a parser created without
    allow_unnamed_section=True.
    """

    def __init__(self):
        Error.__init__(self, "Support for UNNAMED_SECTION is disabled.")


class InvalidWriteError(Error):
    """write() was asked to write a key the parser could not read back
    unchanged (it looks like a section header or holds a delimiter).
    """


class _UnnamedSection:

    def __repr__(self):
        return "<UNNAMED_SECTION>"


# The key of the options that precede any section header (with
# allow_unnamed_section=True).
UNNAMED_SECTION = _UnnamedSection()


# Stands for "argument not given" where None is a valid value.
_UNSET = object()


# ---- interpolation -----------------------------------------------------------

class Interpolation:
    """The identity interpolation: values are used exactly as stored.
    The base class of the interpolation classes.
    """

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _ReferenceInterpolation(Interpolation):
    """What BasicInterpolation and ExtendedInterpolation share: a value
    holds references opened by a sigil character (which doubled stands
    for itself).  A subclass gives the sigil, the character that follows
    it to open a reference, the pattern of a whole reference, and how a
    reference is looked up."""

    _SIGIL = _OPEN = _KEYCRE = None

    def before_get(self, parser, section, option, value, defaults):
        parts = []
        self._interpolate_some(parser, option, parts, value, section,
                               defaults, 1)
        return ''.join(parts)

    def before_set(self, parser, section, option, value):
        sigil = self._SIGIL
        stripped = self._KEYCRE.sub('', value.replace(sigil * 2, ''))
        if sigil in stripped:
            raise ValueError("invalid interpolation syntax in %r at "
                             "position %d" % (value, stripped.find(sigil)))
        return value

    def _interpolate_some(self, parser, option, accum, rest, section, map,
                          depth):
        rawval = parser.get(section, option, raw=True, fallback=rest)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, rawval)
        sigil = self._SIGIL
        while rest:
            p = rest.find(sigil)
            if p < 0:
                accum.append(rest)
                return
            if p > 0:
                accum.append(rest[:p])
                rest = rest[p:]
            # rest now starts with the sigil
            c = rest[1:2]
            if c == sigil:
                accum.append(sigil)
                rest = rest[2:]
            elif c == self._OPEN:
                m = self._KEYCRE.match(rest)
                if m is None:
                    raise InterpolationSyntaxError(
                        option, section,
                        "bad interpolation variable reference %r" % rest)
                rest = rest[m.end():]
                v, opt, sect = self._look_up(parser, option, section, map,
                                             m.group(1), rawval, rest)
                if sigil in v:
                    self._interpolate_some(
                        parser, opt, accum, v, sect,
                        self._values_of(parser, sect, map), depth + 1)
                else:
                    accum.append(v)
            else:
                raise InterpolationSyntaxError(
                    option, section,
                    "'%s' must be followed by '%s' or '%s', found: %r"
                    % (sigil, sigil, self._OPEN, rest))


class BasicInterpolation(_ReferenceInterpolation):
    """Expands %(name)s with the value of option name from the same
    section or the defaults, lazily on each get().  %% stands for a
    literal percent sign; any other '%' is an InterpolationSyntaxError.
    """

    _SIGIL = "%"
    _OPEN = "("
    _KEYCRE = re.compile(r"%\(([^)]+)\)s")

    def _look_up(self, parser, option, section, map, name, rawval, rest):
        """The value *name* refers to, and the option and section its own
        references are relative to."""
        var = parser.optionxform(name)
        try:
            return map[var], option, section
        except KeyError:
            raise InterpolationMissingOptionError(
                option, section, rawval, var) from None

    def _values_of(self, parser, section, map):
        return map


class ExtendedInterpolation(_ReferenceInterpolation):
    """Expands ${option} from the current section or the defaults and
    ${section:option} from any section (the zc.buildout syntax).  $$
    stands for a literal dollar sign.
    """

    _SIGIL = "$"
    _OPEN = "{"
    _KEYCRE = re.compile(r"\$\{([^}]+)\}")

    def _look_up(self, parser, option, section, map, name, rawval, rest):
        path = name.split(':')
        try:
            if len(path) == 1:
                opt = parser.optionxform(path[0])
                return map[opt], opt, section
            if len(path) == 2:
                opt = parser.optionxform(path[1])
                return parser.get(path[0], opt, raw=True), opt, path[0]
            raise InterpolationSyntaxError(
                option, section, "More than one ':' found: %r" % (rest,))
        except (KeyError, NoSectionError, NoOptionError):
            raise InterpolationMissingOptionError(
                option, section, rawval, ":".join(path)) from None

    def _values_of(self, parser, section, map):
        return dict(parser.items(section, raw=True))


# ---- the parsers -------------------------------------------------------------

class RawConfigParser(MutableMapping):
    """A configuration parser whose default interpolation does nothing."""

    # A section header: anything between the outer brackets.
    _SECT_TMPL = r"""
        \[ (?P<header>.+) \]
        """
    # An option: the name, the first delimiter, the value to the end of
    # the line (spaces around the delimiter are not part of either).
    _OPT_TMPL = r"""
        (?P<option>.*?) \s* (?P<vi>{delim}) \s* (?P<value>.*)$
        """
    # The same with the delimiter and value optional (allow_no_value).
    _OPT_NV_TMPL = r"""
        (?P<option>.*?) \s* (?: (?P<vi>{delim}) \s* (?P<value>.*) )?$
        """
    # Interpolation used when the interpolation argument is not given.
    _DEFAULT_INTERPOLATION = Interpolation()
    SECTCRE = re.compile(_SECT_TMPL, re.VERBOSE)
    # Option patterns for the default delimiters '=' and ':'.
    OPTCRE = re.compile(_OPT_TMPL.format(delim="=|:"), re.VERBOSE)
    OPTCRE_NV = re.compile(_OPT_NV_TMPL.format(delim="=|:"), re.VERBOSE)
    # Finds the indentation of a line.
    NONSPACECRE = re.compile(r"\S")
    # The words getboolean() accepts (compared in lower case).
    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}

    def __init__(self, defaults=None, dict_type=_default_dict,
                 allow_no_value=False, *, delimiters=('=', ':'),
                 comment_prefixes=('#', ';'), inline_comment_prefixes=None,
                 strict=True, empty_lines_in_values=True,
                 default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET,
                 allow_unnamed_section=False):

        self._dict = dict_type
        self._sections = self._dict()
        self._defaults = self._dict()
        self._converters = ConverterMapping(self)
        self._proxies = self._dict()
        self._proxies[default_section] = SectionProxy(self, default_section)
        self._delimiters = tuple(delimiters)
        if delimiters == ('=', ':'):
            self._optcre = self.OPTCRE_NV if allow_no_value else self.OPTCRE
        else:
            d = "|".join(re.escape(d) for d in delimiters)
            if allow_no_value:
                self._optcre = re.compile(self._OPT_NV_TMPL.format(delim=d),
                                          re.VERBOSE)
            else:
                self._optcre = re.compile(self._OPT_TMPL.format(delim=d),
                                          re.VERBOSE)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self.default_section = default_section
        self._interpolation = interpolation
        if self._interpolation is _UNSET:
            self._interpolation = self._DEFAULT_INTERPOLATION
        if self._interpolation is None:
            self._interpolation = Interpolation()
        if not isinstance(self._interpolation, Interpolation):
            raise TypeError(
                f"interpolation= must be None or an instance of Interpolation;"
                f" got an object of type {type(self._interpolation)}"
            )
        if converters is not _UNSET:
            self._converters.update(converters)
        self._allow_unnamed_section = allow_unnamed_section
        if defaults:
            self._read_defaults(defaults)

    def defaults(self):
        return self._defaults

    def sections(self):
        """The names of the sections, [DEFAULT] not included."""
        return list(self._sections.keys())

    def add_section(self, section):
        """Add an empty section named section.

        DuplicateSectionError if it exists; ValueError for the default
        section's name.
        """
        if section == self.default_section:
            raise ValueError('Invalid section name: %r' % section)
        if section is UNNAMED_SECTION and not self._allow_unnamed_section:
            raise UnnamedSectionDisabledError
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = self._dict()
        self._proxies[section] = SectionProxy(self, section)

    def has_section(self, section):
        """Whether the section exists (the default section does not count)."""
        return section in self._sections

    def options(self, section):
        """The option names of section, including those inherited from the
        defaults.
        """
        try:
            opts = self._sections[section].copy()
        except KeyError:
            raise NoSectionError(section) from None
        opts.update(self._defaults)
        return list(opts.keys())

    def read(self, filenames, encoding=None):
        """Read and parse each named file, in order.

        filenames is one path or an iterable of paths.  Files that cannot
        be opened are skipped, so a list of candidate locations can be
        passed.  Returns the paths that were read.
        """
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        encoding = io.text_encoding(encoding)
        read_ok = []
        for filename in filenames:
            try:
                with open(filename, encoding=encoding) as fp:
                    self._read(fp, filename)
            except OSError:
                continue
            if isinstance(filename, os.PathLike):
                filename = os.fspath(filename)
            read_ok.append(filename)
        return read_ok

    def read_file(self, f, source=None):
        """Read and parse an open file (any iterable of lines).

        source names it in error messages; by default f.name, or '<???>'.
        """
        if source is None:
            try:
                source = f.name
            except AttributeError:
                source = '<???>'
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        """Read and parse configuration text."""
        sfile = io.StringIO(string)
        self.read_file(sfile, source)

    def read_dict(self, dictionary, source='<dict>'):
        """Read sections from a mapping of section names to mappings of
        options.

        Names and values are converted with str() (None values stay
        None); the mappings' order is kept.  source names the data in
        error messages.
        """
        elements_added = set()
        for section, keys in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                if self._strict and section in elements_added:
                    raise
            elements_added.add(section)
            for key, value in keys.items():
                key = self.optionxform(str(key))
                if value is not None:
                    value = str(value)
                if self._strict and (section, key) in elements_added:
                    raise DuplicateOptionError(section, key, source)
                elements_added.add((section, key))
                self.set(section, key, value)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """The value of option in section.

        Lookup order: vars (a mapping, if given), the section, the
        defaults.  fallback is returned when the section or option is
        missing (otherwise NoSectionError/NoOptionError).  Unless raw is
        true the value goes through the parser's interpolation.
        """
        try:
            d = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        try:
            value = d[option]
        except KeyError:
            if fallback is _UNSET:
                raise NoOptionError(option, section)
            return fallback

        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, d)

    def _get(self, section, conv, option, **kwargs):
        return conv(self.get(section, option, **kwargs))

    def _get_conv(self, section, option, conv, *, raw=False, vars=None,
                  fallback=_UNSET, **kwargs):
        try:
            return self._get(section, conv, option, raw=raw, vars=vars,
                             **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback

    # The converters every parser has; more come from converters=.
    def getint(self, section, option, *, raw=False, vars=None,
               fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw=raw, vars=vars,
                              fallback=fallback, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None,
                 fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, raw=raw, vars=vars,
                              fallback=fallback, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None,
                   fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean,
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def items(self, section=_UNSET, raw=False, vars=None):
        """Without a section: the (name, SectionProxy) pairs of the parser,
        as for any mapping.  With one: a list of (option, value) pairs of
        that section including the defaults, interpolated unless raw is
        true; vars entries override values for the interpolation.
        """
        if section is _UNSET:
            return super().items()
        d = self._defaults.copy()
        try:
            d.update(self._sections[section])
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section)
        orig_keys = list(d.keys())
        # vars override everything for this lookup.
        if vars:
            for key, value in vars.items():
                d[self.optionxform(key)] = value
        if raw:
            return [(option, d[option]) for option in orig_keys]
        return [(option, self._interpolation.before_get(self, section, option,
                                                        d[option], d))
                for option in orig_keys]

    def popitem(self):
        """Remove and return the first (name, SectionProxy) pair; the
        default section is never removed.  KeyError when there is none.
        """
        for key in self.sections():
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def optionxform(self, optionstr):
        return optionstr.lower()

    def has_option(self, section, option):
        """Whether option exists in section (or in the defaults).  An empty
        section name means the default section; a missing section gives
        False.
        """
        if not section or section == self.default_section:
            option = self.optionxform(option)
            return option in self._defaults
        if section not in self._sections:
            return False
        option = self.optionxform(option)
        return (option in self._sections[section]
                or option in self._defaults)

    def set(self, section, option, value=None):
        """Store value for option in section (None for a valueless option)."""
        if value:
            value = self._interpolation.before_set(self, section, option,
                                                   value)
        if not section or section == self.default_section:
            sectdict = self._defaults
        else:
            try:
                sectdict = self._sections[section]
            except KeyError:
                raise NoSectionError(section) from None
        sectdict[self.optionxform(option)] = value

    def write(self, fp, space_around_delimiters=True):
        """Write the configuration to fp in the format read() accepts.

        space_around_delimiters puts spaces around the first delimiter.
        Comments of the original source are not kept.
        """
        if space_around_delimiters:
            d = " {} ".format(self._delimiters[0])
        else:
            d = self._delimiters[0]
        if self._defaults:
            self._write_section(fp, self.default_section,
                                self._defaults.items(), d)
        if UNNAMED_SECTION in self._sections and self._sections[UNNAMED_SECTION]:
            self._write_section(fp, UNNAMED_SECTION,
                                self._sections[UNNAMED_SECTION].items(), d,
                                unnamed=True)
        for section in self._sections:
            if section is UNNAMED_SECTION:
                continue
            self._write_section(fp, section,
                                self._sections[section].items(), d)

    def _write_section(self, fp, section_name, section_items, delimiter,
                       unnamed=False):
        """Write one section, header first unless unnamed."""
        if not unnamed:
            fp.write("[{}]\n".format(section_name))
        for key, value in section_items:
            self._validate_key_contents(key)
            value = self._interpolation.before_write(self, section_name, key,
                                                     value)
            if value is not None or not self._allow_no_value:
                value = delimiter + str(value).replace('\n', '\n\t')
            else:
                value = ""
            fp.write("{}{}\n".format(key, value))
        fp.write("\n")

    def _validate_key_contents(self, key):
        # A key the parser would read back as a section header or split
        # at a delimiter cannot be written faithfully.
        if self.SECTCRE.match(key):
            raise InvalidWriteError(
                f"Cannot write key {key}; begins with section pattern")
        for delim in self._delimiters:
            if delim in key:
                raise InvalidWriteError(
                    f"Cannot write key {key}; contains delimiter {delim}")

    def remove_option(self, section, option):
        """Delete option from section; return whether it existed."""
        if not section or section == self.default_section:
            sectdict = self._defaults
        else:
            try:
                sectdict = self._sections[section]
            except KeyError:
                raise NoSectionError(section) from None
        option = self.optionxform(option)
        existed = option in sectdict
        if existed:
            del sectdict[option]
        return existed

    def remove_section(self, section):
        """Delete section; return whether it existed."""
        existed = section in self._sections
        if existed:
            del self._sections[section]
            del self._proxies[section]
        return existed

    def __getitem__(self, key):
        if key != self.default_section and not self.has_section(key):
            raise KeyError(key)
        return self._proxies[key]

    def __setitem__(self, key, value):
        # Assigning a mapping replaces the section's whole content.
        if key in self and self[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError("Cannot remove the default section.")
        if not self.has_section(key):
            raise KeyError(key)
        self.remove_section(key)

    def __contains__(self, key):
        return key == self.default_section or self.has_section(key)

    def __len__(self):
        return len(self._sections) + 1  # the default section

    def __iter__(self):
        return itertools.chain((self.default_section,), self._sections.keys())

    def _strip_comment(self, line):
        """The line without its comment: a full-line comment (after
        optional whitespace) or an inline comment preceded by whitespace.
        Returns (text, had_comment)."""
        if (self._comment_prefixes
                and line.strip().startswith(self._comment_prefixes)):
            return '', True
        cut = None
        for prefix in self._inline_comment_prefixes:
            index = line.find(prefix)
            while index != -1:
                if index == 0 or line[index - 1].isspace():
                    if cut is None or index < cut:
                        cut = index
                    break
                index = line.find(prefix, index + 1)
        if cut is None:
            return line.strip(), False
        return line[:cut].strip(), True

    def _read(self, fp, fpname):
        """Parse the lines of fp into sections and options.

        A [name] line starts a section; other lines are name/value pairs
        split at the first delimiter.  Lines indented deeper than their
        option continue its value.  Whole-line and (if enabled) inline
        comments are dropped.  Bad lines are collected into one
        ParsingError raised at the end; duplicates and a missing first
        header are raised at once.
        """
        try:
            ParsingError._raise_all(self._read_inner(fp, fpname))
        finally:
            self._join_multiline_values()

    def _read_inner(self, fp, fpname):
        # Yields the ParsingErrors found (at most one, covering every bad
        # line); fatal errors are raised at once.
        st = _ReadState()
        for st.lineno, line in enumerate(fp, start=1):
            value, had_comment = self._strip_comment(line)
            if not value:
                if self._empty_lines_in_values:
                    # Blank lines (not comments) belong to a multiline
                    # value; they are joined as newlines.
                    if (not had_comment and st.cursect is not None
                            and st.optname
                            and st.cursect[st.optname] is not None):
                        st.cursect[st.optname].append('')
                else:
                    # An empty line ends the value.
                    st.indent_level = sys.maxsize
                continue

            first_nonspace = self.NONSPACECRE.search(line)
            cur_indent_level = first_nonspace.start() if first_nonspace else 0

            if (st.cursect is not None and st.optname
                    and cur_indent_level > st.indent_level):
                if st.cursect[st.optname] is None:
                    raise MultilineContinuationError(fpname, st.lineno, line)
                st.cursect[st.optname].append(value)
                continue

            st.indent_level = cur_indent_level
            mo = self.SECTCRE.match(value)
            if mo:
                self._handle_header(st, mo.group('header'), fpname)
                continue
            if st.cursect is None:
                if not self._allow_unnamed_section:
                    raise MissingSectionHeaderError(fpname, st.lineno, line)
                self._handle_header(st, UNNAMED_SECTION, fpname)
            self._handle_option(st, value, line, fpname)
        if st.errors is not None:
            yield st.errors

    def _handle_header(self, st, sectname, fpname):
        st.sectname = sectname
        if sectname in self._sections:
            if self._strict and sectname in st.elements_added:
                raise DuplicateSectionError(sectname, fpname, st.lineno)
            st.cursect = self._sections[sectname]
            st.elements_added.add(sectname)
        elif sectname == self.default_section:
            st.cursect = self._defaults
        else:
            st.cursect = self._dict()
            self._sections[sectname] = st.cursect
            self._proxies[sectname] = SectionProxy(self, sectname)
            st.elements_added.add(sectname)
        # A new section has no current option.
        st.optname = None

    def _handle_option(self, st, value, line, fpname):
        mo = self._optcre.match(value)
        if not mo:
            st.errors = self._handle_error(st.errors, fpname, st.lineno, line)
            return
        optname, vi, optval = mo.group('option', 'vi', 'value')
        if not optname:
            st.errors = self._handle_error(st.errors, fpname, st.lineno, line)
        optname = self.optionxform(optname.rstrip())
        if self._strict and (st.sectname, optname) in st.elements_added:
            raise DuplicateOptionError(st.sectname, optname, fpname,
                                       st.lineno)
        st.elements_added.add((st.sectname, optname))
        st.optname = optname
        if optval is not None:
            # Collected as lines; joined by _join_multiline_values().
            st.cursect[optname] = [optval.strip()]
        else:
            # Valueless option (allow_no_value).
            st.cursect[optname] = None

    def _join_multiline_values(self):
        defaults = self.default_section, self._defaults
        all_sections = itertools.chain((defaults,),
                                       self._sections.items())
        for section, options in all_sections:
            for name, val in options.items():
                if isinstance(val, list):
                    val = '\n'.join(val).rstrip()
                options[name] = self._interpolation.before_read(self,
                                                                section,
                                                                name, val)

    def _read_defaults(self, defaults):
        """Store the defaults given to the constructor as they are: keys
        through optionxform() (which expects strings), values unconverted.
        ConfigParser overrides this to store strings.
        """
        for key, value in defaults.items():
            self._defaults[self.optionxform(key)] = value

    def _handle_error(self, exc, fpname, lineno, line):
        if not exc:
            exc = ParsingError(fpname)
        exc.append(lineno, line)
        return exc

    def _unify_values(self, section, vars):
        """The lookup chain for get(): vars, then the section, then the
        defaults.
        """
        sectiondict = {}
        try:
            sectiondict = self._sections[section]
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
        # vars override everything for this lookup.
        vardict = {}
        if vars:
            for key, value in vars.items():
                if value is not None:
                    value = str(value)
                vardict[self.optionxform(key)] = value
        return _ChainMap(vardict, sectiondict, self._defaults)

    def _convert_to_boolean(self, value):
        """True or False for one of the BOOLEAN_STATES words."""
        if value.lower() not in self.BOOLEAN_STATES:
            raise ValueError('Not a boolean: %s' % value)
        return self.BOOLEAN_STATES[value.lower()]

    def _validate_value_types(self, *, section="", option="", value=""):
        """TypeError unless section and option names are strings and the
        value is a string (or a false value where valueless options are
        allowed).  Used by ConfigParser.set() and the mapping interface.
        """
        if section is UNNAMED_SECTION:
            if not self._allow_unnamed_section:
                raise UnnamedSectionDisabledError
        elif not isinstance(section, str):
            raise TypeError("section names must be strings")
        if not isinstance(option, str):
            raise TypeError("option keys must be strings")
        if not self._allow_no_value or value:
            if not isinstance(value, str):
                raise TypeError("option values must be strings")

    @property
    def converters(self):
        return self._converters


class _ReadState:
    """Where RawConfigParser._read_inner is in the file."""

    def __init__(self):
        self.elements_added = set()
        self.cursect = None
        self.sectname = None
        self.optname = None
        self.lineno = 0
        self.indent_level = 0
        self.errors = None


class ConfigParser(RawConfigParser):
    """The configuration parser with BasicInterpolation by default."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        """Like RawConfigParser.set(), but the option and value must be
        strings (the value may be None when allow_no_value is set).
        """
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        """Like RawConfigParser.add_section(), but the name must be a string
        (or UNNAMED_SECTION).
        """
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        """Store the constructor's defaults as strings, without checking
        their interpolation syntax.
        """
        try:
            hold_interpolation = self._interpolation
            self._interpolation = Interpolation()
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = hold_interpolation


class SectionProxy(MutableMapping):
    """A live mapping view of one section of a parser."""

    def __init__(self, parser, name):
        """View the section called name in parser."""
        self._parser = parser
        self._name = name
        for conv in parser.converters:
            key = 'get' + conv
            getter = functools.partial(self.get, _impl=getattr(parser, key))
            setattr(self, key, getter)

    def __repr__(self):
        return '<Section: {}>'.format(self._name)

    def __getitem__(self, key):
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        if not (self._parser.has_option(self._name, key) and
                self._parser.remove_option(self._name, key)):
            raise KeyError(key)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __len__(self):
        return len(self._options())

    def __iter__(self):
        return self._options().__iter__()

    def _options(self):
        if self._name != self._parser.default_section:
            return self._parser.options(self._name)
        return self._parser.defaults()

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def get(self, option, fallback=None, *, raw=False, vars=None,
            _impl=None, **kwargs):
        """The value of option in this section, or fallback (None by
        default) when it is missing.  raw and vars are as for the
        parser's get().
        """
        # _impl: the parser's getNAME() for a converting getter.
        if not _impl:
            _impl = self._parser.get
        return _impl(self._name, option, raw=raw, vars=vars,
                     fallback=fallback, **kwargs)


class ConverterMapping(MutableMapping):
    """The converters of a parser, by name: for each name there is a
    getNAME() method on the parser and on its section proxies.

    Values are the conversion functions; None marks a getter that the
    parser class defines itself (getint, getfloat, getboolean).
    """

    GETTERCRE = re.compile(r"^get(?P<name>.+)$")

    def __init__(self, parser):
        self._parser = parser
        self._data = {}
        for getter in dir(self._parser):
            m = self.GETTERCRE.match(getter)
            if not m or not callable(getattr(self._parser, getter)):
                continue
            self._data[m.group('name')] = None

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        try:
            k = 'get' + key
        except TypeError:
            raise ValueError('Incompatible key: {} (type: {})'
                             ''.format(key, type(key)))
        if k == 'get':
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value
        func = functools.partial(self._parser._get_conv, conv=value)
        func.converter = value
        setattr(self._parser, k, func)
        for proxy in self._parser.values():
            getter = functools.partial(proxy.get, _impl=func)
            setattr(proxy, k, getter)

    def __delitem__(self, key):
        try:
            k = 'get' + (key or None)
        except TypeError:
            raise KeyError(key)
        del self._data[key]
        for inst in itertools.chain((self._parser,), self._parser.values()):
            try:
                delattr(inst, k)
            except AttributeError:
                # A proxy created before the converter has no getter.
                continue

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
