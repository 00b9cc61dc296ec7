"""Message translation with GNU gettext catalogs (.mo files).

The class API (translation(), GNUTranslations, install()) and the GNU
gettext-style functions (gettext(), ngettext(), dgettext(),
bindtextdomain(), ...) look messages up in compiled catalogs found under
a locale directory by language.
"""

import os
import sys

__all__ = ["NullTranslations", "GNUTranslations", "Catalog",
           "bindtextdomain", "find", "translation", "install",
           "textdomain", "dgettext", "dngettext", "gettext",
           "ngettext", "pgettext", "dpgettext", "npgettext",
           "dnpgettext"]

_default_localedir = os.path.join(sys.base_prefix, "share", "locale")


# ---- plural forms: a C expression in n, compiled safely ------------------

_MAX_PLURAL_LENGTH = 1000
_MAX_PLURAL_DEPTH = 20

# Binary operators by precedence, lowest first, with their Python form.
_BINARY_LEVELS = (
    {"||": "or"},
    {"&&": "and"},
    {"==": "==", "!=": "!="},
    {"<": "<", ">": ">", "<=": "<=", ">=": ">="},
    {"+": "+", "-": "-"},
    {"*": "*", "/": "//", "%": "%"},
)

def _tokenize(plural):
    import re
    pattern = re.compile(r"(\s+)|(\d+)|(n\b)|(\|\||&&|==|!=|<=|>=|[<>+\-*/%!?:()])|(\w+|.)")
    for match in pattern.finditer(plural):
        space, number, name, operator, invalid = match.groups()
        if space:
            continue
        if invalid:
            raise ValueError("invalid token in plural form: %s" % invalid)
        yield number or name or operator
    yield ""


class _PluralParser:
    """Recursive descent over the tokens of a plural expression, giving
    an equivalent Python expression (comparisons and logic as 0/1 ints,
    as in C)."""

    def __init__(self, plural):
        self.tokens = _tokenize(plural)
        self.token = next(self.tokens)
        self.depth = 0

    def advance(self):
        self.token = next(self.tokens)

    def parse(self):
        result = self.ternary()
        if self.token:
            raise ValueError("unexpected token in plural form: %s" % self.token)
        return result

    def ternary(self):
        condition = self.binary(0)
        if self.token != "?":
            return condition
        self.advance()
        if_true = self.ternary()
        if not self.token:
            raise ValueError("unexpected end of plural form")
        if self.token != ":":
            raise ValueError("unexpected token in plural form: %s" % self.token)
        self.advance()
        if_false = self.ternary()
        return "(%s if %s else %s)" % (if_true, condition, if_false)

    def binary(self, level):
        if level == len(_BINARY_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        operators = _BINARY_LEVELS[level]
        while self.token in operators:
            python_op = operators[self.token]
            self.advance()
            right = self.binary(level + 1)
            if python_op in ("or", "and"):
                # As CPython has it: Python's `or`/`and`, which give an
                # operand rather than C's 0 or 1.
                left = "(%s %s %s)" % (left, python_op, right)
            elif level in (2, 3):
                left = "int(%s %s %s)" % (left, python_op, right)
            else:
                left = "(%s %s %s)" % (left, python_op, right)
        return left

    def unary(self):
        token = self.token
        if token == "!":
            self.advance()
            return "int(not %s)" % self.unary()
        if token == "(":
            self.depth += 1
            if self.depth > _MAX_PLURAL_DEPTH:
                raise ValueError("plural form expression is too complex")
            self.advance()
            inner = self.ternary()
            if self.token != ")":
                raise ValueError("unbalanced parenthesis in plural form")
            self.advance()
            self.depth -= 1
            return "(%s)" % inner
        if token == "n" or token.isdigit():
            self.advance()
            return token
        if token == ")":
            raise ValueError("unbalanced parenthesis in plural form")
        if not token:
            raise ValueError("unexpected end of plural form")
        raise ValueError("invalid token in plural form: %s" % token)


def _as_int(n):
    if isinstance(n, int):
        return n
    try:
        round(n)
    except TypeError:
        raise TypeError("Plural value must be an integer, got %s"
                        % (n.__class__.__name__,)) from None
    # A number that is not an int still works, with a warning pointing at
    # the caller of ngettext (four frames up), as in CPython.
    import warnings
    warnings.warn("Plural value must be an integer, got %s"
                  % (n.__class__.__name__,), DeprecationWarning, 4)
    return n


def c2py(plural):
    """Gets a C expression as used in PO files for plural forms and returns a
    Python function that implements an equivalent expression.
    """
    if len(plural) > _MAX_PLURAL_LENGTH:
        raise ValueError("plural form expression is too long")
    try:
        expression = _PluralParser(plural).parse()
    except RecursionError:
        raise ValueError("plural form expression is too complex")
    namespace = {"_as_int": _as_int}
    # Only n, integer literals and operators reach this point.
    exec("def func(n):\n    n = _as_int(n)\n    return int(%s)\n" % expression,
         namespace)
    return namespace["func"]


# ---- finding catalogs ------------------------------------------------------

def _expand_lang(loc):
    """Every variant of a locale name, most specific first: ll_CC.ENC@mod,
    ll_CC.ENC, ll_CC@mod, ll_CC, ll.ENC@mod, ... ll."""
    import locale
    loc = locale.normalize(loc)
    COMPONENT_CODESET = 1 << 0
    COMPONENT_TERRITORY = 1 << 1
    COMPONENT_MODIFIER = 1 << 2
    mask = 0
    pos = loc.find("@")
    if pos >= 0:
        modifier = loc[pos:]
        loc = loc[:pos]
        mask |= COMPONENT_MODIFIER
    else:
        modifier = ""
    pos = loc.find(".")
    if pos >= 0:
        codeset = loc[pos:]
        loc = loc[:pos]
        mask |= COMPONENT_CODESET
    else:
        codeset = ""
    pos = loc.find("_")
    if pos >= 0:
        territory = loc[pos:]
        loc = loc[:pos]
        mask |= COMPONENT_TERRITORY
    else:
        territory = ""
    language = loc
    ret = []
    for i in range(mask + 1):
        if not (i & ~mask):
            val = language
            if i & COMPONENT_TERRITORY:
                val += territory
            if i & COMPONENT_CODESET:
                val += codeset
            if i & COMPONENT_MODIFIER:
                val += modifier
            ret.append(val)
    ret.reverse()
    return ret


class NullTranslations:
    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__["_"] = self.gettext
        if names is not None:
            allowed = {"gettext", "ngettext", "npgettext", "pgettext"}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    # Magic numbers of .mo files, read little- and big-endian.
    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495

    # The format of the context key of a message with a context.
    CONTEXT = "%s\x04%s"

    # Major versions of the .mo format this class reads.
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        """Returns a tuple of major version, minor version"""
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        """Override this method to support alternative .mo formats."""
        from struct import unpack
        filename = getattr(fp, "name", "")
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)     # germanic plural by default
        buf = fp.read()
        buflen = len(buf)
        magic = unpack("<I", buf[:4])[0] if buflen >= 4 else 0
        if magic == self.LE_MAGIC:
            version, msgcount, masteridx, transidx = unpack("<4I", buf[4:20])
            ii = "<II"
        elif magic == self.BE_MAGIC:
            version, msgcount, masteridx, transidx = unpack(">4I", buf[4:20])
            ii = ">II"
        else:
            raise OSError(0, "Bad magic number", filename)
        major_version, minor_version = self._get_versions(version)
        if major_version not in self.VERSIONS:
            raise OSError(0, "Bad version number " + str(major_version), filename)
        for i in range(msgcount):
            mlen, moff = unpack(ii, buf[masteridx:masteridx + 8])
            mend = moff + mlen
            tlen, toff = unpack(ii, buf[transidx:transidx + 8])
            tend = toff + tlen
            if mend < buflen and tend < buflen:
                msg = buf[moff:mend]
                tmsg = buf[toff:tend]
            else:
                raise OSError(0, "File is corrupt", filename)
            if mlen == 0:
                self._parse_metadata(tmsg)
            charset = self._charset or "ascii"
            if b"\x00" in msg:
                # Plural forms: msgid1\0msgid2 maps to each translation.
                msgid1, msgid2 = msg.split(b"\x00")
                tmsg = tmsg.split(b"\x00")
                msgid1 = str(msgid1, charset)
                for i, x in enumerate(tmsg):
                    catalog[(msgid1, i)] = str(x, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            masteridx += 8
            transidx += 8

    def _parse_metadata(self, tmsg):
        """The header entry (empty msgid): charset and plural forms."""
        lastk = None
        for b_item in tmsg.split(b"\n"):
            item = b_item.decode().strip()
            if not item:
                continue
            # Skip over comment lines.
            if item.startswith("#-#-#-#-#") and item.endswith("#-#-#-#-#"):
                continue
            k = v = None
            if ":" in item:
                k, v = item.split(":", 1)
                k = k.strip().lower()
                v = v.strip()
                self._info[k] = v
                lastk = k
            elif lastk:
                self._info[lastk] += "\n" + item
            if k == "content-type":
                self._charset = v.split("charset=")[1]
            elif k == "plural-forms":
                v = v.split(";")
                plural = v[1].split("plural=")[1]
                self.plural = c2py(plural)

    def gettext(self, message):
        missing = object()
        tmsg = self._catalog.get(message, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((message, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            tmsg = self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            tmsg = msgid1 if n == 1 else msgid2
        return tmsg

    def pgettext(self, context, message):
        ctxt_msg_id = self.CONTEXT % (context, message)
        missing = object()
        tmsg = self._catalog.get(ctxt_msg_id, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((ctxt_msg_id, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        ctxt_msg_id = self.CONTEXT % (context, msgid1)
        try:
            tmsg = self._catalog[ctxt_msg_id, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            tmsg = msgid1 if n == 1 else msgid2
        return tmsg


def find(domain, localedir=None, languages=None, all=False):
    """The path of the .mo file for domain (or all of them, with all=True),
    searching the languages given or those of LANGUAGE, LC_ALL,
    LC_MESSAGES and LANG, in that order."""
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for envar in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            val = os.environ.get(envar)
            if val:
                languages = val.split(":")
                break
        if "C" not in languages:
            languages.append("C")
    # Every variant of every language, once, in order; "C" stops the list.
    nelangs = []
    for lang in languages:
        for nelang in _expand_lang(lang):
            if nelang not in nelangs:
                nelangs.append(nelang)
    result = [] if all else None
    for lang in nelangs:
        if lang == "C":
            break
        mofile = os.path.join(localedir, lang, "LC_MESSAGES", "%s.mo" % domain)
        if os.path.exists(mofile):
            if all:
                result.append(mofile)
            else:
                return mofile
    return result


# Parsed catalogs by (class, absolute path), shared by translation().
_translations = {}


def translation(domain, localedir=None, languages=None,
                class_=None, fallback=False):
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT,
                                "No translation file found for domain", domain)
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, "rb") as fp:
                t = _translations.setdefault(key, class_(fp))
        # A copy, so that add_fallback on it leaves the cached one alone;
        # the catalog itself is shared.
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    t = translation(domain, localedir, fallback=True)
    t.install(names)


# ---- the GNU gettext API -----------------------------------------------------

# Text domain -> locale directory, for the d*gettext functions.
_localedirs = {}
_current_domain = "messages"


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def dgettext(domain, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


# A deprecated name kept by CPython: translation under its old name.
Catalog = translation
