# glob.translate (3.13) and fnmatch.filterfalse (3.14).
import fnmatch
import glob
import re

for pat, kw in [("**/*.txt", dict(recursive=True, include_hidden=True)),
                ("*.txt", {}), ("a/*/b", {}), ("a/**", dict(recursive=True)),
                ("**/**/x", dict(recursive=True)), ("a/**", {}),
                ("?x/[ab]*", {}), (".h*", {}), ("*", dict(include_hidden=True)),
                ("a\\b*", dict(seps="\\/")), ("x/", {})]:
    regex = glob.translate(pat, **kw)
    print(pat, regex)

rx = re.compile(glob.translate("**/*.txt", recursive=True))
for path in ["a.txt", "d/a.txt", "d/e/a.txt", ".h/a.txt", "d/.a.txt", "a.txtx", "d/"]:
    print(path, bool(rx.match(path)))
rx = re.compile(glob.translate("a/*/c", recursive=False))
print([p for p in ["a/b/c", "a/b/d/c", "a//c", "a/.b/c"] if rx.match(p)])

names = ["a.py", "b.txt", "c.py", "d"]
print(fnmatch.filterfalse(names, "*.py"), fnmatch.filter(names, "*.py"))
print(fnmatch.filterfalse([b"x", b"yy"], b"?"), fnmatch.filterfalse(iter([]), "*"))
print(fnmatch.__all__)
print(glob.__all__)
