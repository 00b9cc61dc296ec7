"""Comparing files (cmp, cmpfiles) and directory trees (dircmp)."""

import os
import stat
from itertools import filterfalse
from types import GenericAlias

__all__ = ["clear_cache", "cmp", "dircmp", "cmpfiles", "DEFAULT_IGNORES"]

# (f1, f2, signature1, signature2) -> outcome of a deep comparison.
_cache = {}
BUFSIZE = 8 * 1024

DEFAULT_IGNORES = [
    "RCS", "CVS", "tags", ".git", ".hg", ".bzr", "_darcs", "__pycache__"]


def clear_cache():
    """Clear the filecmp cache."""
    _cache.clear()


def cmp(f1, f2, shallow=True):
    """True when the files f1 and f2 are equal.

    With shallow (the default), two regular files with the same type, size
    and modification time are equal without being read; otherwise their
    contents decide.  Results of reading are cached until either file's
    stat signature changes (clear_cache() empties the cache)."""
    s1 = _sig(os.stat(f1))
    s2 = _sig(os.stat(f2))
    if s1[0] != stat.S_IFREG or s2[0] != stat.S_IFREG:
        return False
    if shallow and s1 == s2:
        return True
    if s1[1] != s2[1]:
        return False

    outcome = _cache.get((f1, f2, s1, s2))
    if outcome is None:
        outcome = _do_cmp(f1, f2)
        if len(_cache) > 100:      # limit the maximum size of the cache
            clear_cache()
        _cache[f1, f2, s1, s2] = outcome
    return outcome


def _sig(st):
    return (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime)


def _do_cmp(f1, f2):
    bufsize = BUFSIZE
    with open(f1, "rb") as fp1, open(f2, "rb") as fp2:
        while True:
            b1 = fp1.read(bufsize)
            b2 = fp2.read(bufsize)
            if b1 != b2:
                return False
            if not b1:
                return True


class dircmp:
    """The comparison of directories a and b, computed attribute by
    attribute on first use.

    Names in `ignore` (default DEFAULT_IGNORES) and `hide` (default the
    current and parent directory names) are left out.  With shallow=False
    common files are compared by content.  Attributes: left_list,
    right_list, common, left_only, right_only, common_dirs, common_files,
    common_funny, same_files, diff_files, funny_files and subdirs (dircmp
    objects of the same class for common_dirs).  report(),
    report_partial_closure() and report_full_closure() print the result.
     """

    def __init__(self, a, b, ignore=None, hide=None, *, shallow=True):
        self.left = a
        self.right = b
        if hide is None:
            self.hide = [os.curdir, os.pardir]
        else:
            self.hide = hide
        if ignore is None:
            self.ignore = DEFAULT_IGNORES
        else:
            self.ignore = ignore
        self.shallow = shallow

    def phase0(self):
        """left_list and right_list: the directory listings, filtered."""
        self.left_list = _filter(os.listdir(self.left),
                                 self.hide + self.ignore)
        self.right_list = _filter(os.listdir(self.right),
                                  self.hide + self.ignore)
        self.left_list.sort()
        self.right_list.sort()

    def phase1(self):
        """common, left_only and right_only, by normalised case."""
        a = dict(zip(map(os.path.normcase, self.left_list), self.left_list))
        b = dict(zip(map(os.path.normcase, self.right_list), self.right_list))
        self.common = list(map(a.__getitem__, filter(b.__contains__, a)))
        self.left_only = list(map(a.__getitem__, filterfalse(b.__contains__, a)))
        self.right_only = list(map(b.__getitem__, filterfalse(a.__contains__, b)))

    def phase2(self):
        """common_dirs, common_files and common_funny (type mismatch or
        not stat-able)."""
        self.common_dirs = []
        self.common_files = []
        self.common_funny = []

        for x in self.common:
            a_path = os.path.join(self.left, x)
            b_path = os.path.join(self.right, x)

            ok = True
            try:
                a_stat = os.stat(a_path)
            except (OSError, ValueError):
                ok = False
            try:
                b_stat = os.stat(b_path)
            except (OSError, ValueError):
                ok = False

            if ok:
                a_type = stat.S_IFMT(a_stat.st_mode)
                b_type = stat.S_IFMT(b_stat.st_mode)
                if a_type != b_type:
                    self.common_funny.append(x)
                elif stat.S_ISDIR(a_type):
                    self.common_dirs.append(x)
                elif stat.S_ISREG(a_type):
                    self.common_files.append(x)
                else:
                    self.common_funny.append(x)
            else:
                self.common_funny.append(x)

    def phase3(self):
        """same_files, diff_files and funny_files among common_files."""
        xx = cmpfiles(self.left, self.right, self.common_files, self.shallow)
        self.same_files, self.diff_files, self.funny_files = xx

    def phase4(self):
        """subdirs: an object of this class per common subdirectory, with
        the same ignore, hide and shallow settings."""
        self.subdirs = {}
        for x in self.common_dirs:
            a_x = os.path.join(self.left, x)
            b_x = os.path.join(self.right, x)
            self.subdirs[x] = self.__class__(a_x, b_x, self.ignore, self.hide,
                                             shallow=self.shallow)

    def phase4_closure(self):
        """subdirs, all the way down."""
        self.phase4()
        for sd in self.subdirs.values():
            sd.phase4_closure()

    def report(self):
        """Print the differences between the two directories."""
        print("diff", self.left, self.right)
        if self.left_only:
            self.left_only.sort()
            print("Only in", self.left, ":", self.left_only)
        if self.right_only:
            self.right_only.sort()
            print("Only in", self.right, ":", self.right_only)
        if self.same_files:
            self.same_files.sort()
            print("Identical files :", self.same_files)
        if self.diff_files:
            self.diff_files.sort()
            print("Differing files :", self.diff_files)
        if self.funny_files:
            self.funny_files.sort()
            print("Trouble with common files :", self.funny_files)
        if self.common_dirs:
            self.common_dirs.sort()
            print("Common subdirectories :", self.common_dirs)
        if self.common_funny:
            self.common_funny.sort()
            print("Common funny cases :", self.common_funny)

    def report_partial_closure(self):
        """report(), then report() for each common subdirectory."""
        self.report()
        for sd in self.subdirs.values():
            print()
            sd.report()

    def report_full_closure(self):
        """report() for the whole tree."""
        self.report()
        for sd in self.subdirs.values():
            print()
            sd.report_full_closure()

    # Which phase computes each attribute, so that attributes are made
    # only when first used.
    methodmap = dict(subdirs=phase4,
                     same_files=phase3, diff_files=phase3, funny_files=phase3,
                     common_dirs=phase2, common_files=phase2, common_funny=phase2,
                     common=phase1, left_only=phase1, right_only=phase1,
                     left_list=phase0, right_list=phase0)

    def __getattr__(self, attr):
        if attr not in self.methodmap:
            raise AttributeError(attr)
        self.methodmap[attr](self)
        return getattr(self, attr)

    __class_getitem__ = classmethod(GenericAlias)


def cmpfiles(a, b, common, shallow=True):
    """Compare the files named in `common` in directories a and b;
    return three lists of names: equal, different, and not comparable
    (missing, not regular files, or unreadable)."""
    res = ([], [], [])
    for x in common:
        ax = os.path.join(a, x)
        bx = os.path.join(b, x)
        res[_cmp(ax, bx, shallow)].append(x)
    return res


def _cmp(a, b, shallow):
    """The index into cmpfiles' result: 0 equal, 1 different, 2 the files
    could not be compared."""
    try:
        return 0 if cmp(a, b, shallow) else 1
    except (OSError, ValueError):
        return 2


def _filter(flist, skip):
    """flist without the names in skip."""
    return list(filterfalse(skip.__contains__, flist))


def demo():
    import sys
    import getopt
    options, args = getopt.getopt(sys.argv[1:], "r")
    if len(args) != 2:
        raise getopt.GetoptError("need exactly two args", None)
    dd = dircmp(args[0], args[1])
    if ("-r", "") in options:
        dd.report_full_closure()
    else:
        dd.report()


if __name__ == "__main__":
    demo()
