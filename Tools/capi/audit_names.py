"""Report which C API names of a list are missing from Weft.

Usage: audit_names.py [--names FILE] [--include DIR] [--lib LIBPYTHON.so]
                      [--markdown]

A name counts as present when a public header (Include/ and
Include/cpython/, not Include/internal/) declares it -- as a PyAPI_FUNC or
PyAPI_DATA, a static inline function, a #define, a typedef, a struct or
enum tag, or an enumerator -- or when the built shared library exports it
(`nm -D --defined-only`).  The name list groups names by family with
"# family: NAME" lines; see Tools/capi/issue7_names.txt.

Runs under Weft or CPython; it needs nothing beyond os, re, subprocess.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DECLARATION_PATTERNS = [
    re.compile(r"PyAPI_(?:FUNC|DATA)\s*\([^;{]*?\)\s*\**\s*(\w+)"),
    re.compile(r"^\s*#\s*define\s+(\w+)", re.M),
    re.compile(r"static\s+inline\s+[\w\s\*]*?\b(\w+)\s*\("),
    re.compile(r"\b(?:struct|enum|union)\s+(\w+)"),
    re.compile(r"}\s*(\w+)\s*;"),
    re.compile(r"typedef\s[^;{}()]*?\b(\w+)\s*;"),
    re.compile(r"typedef[^;{}]*?\(\s*\*\s*(\w+)\s*\)\s*\("),
]
ENUM_BODY = re.compile(r"\benum\b[^{;]*\{([^}]*)\}")
ENUMERATOR = re.compile(r"(?:^|,)\s*(\w+)")


def read_names(path):
    """Return [(family, [names...])] in file order."""
    families = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("# family:"):
                families.append((line.split(":", 1)[1].strip(), []))
            elif line and not line.startswith("#"):
                if not families:
                    raise SystemExit(f"{path}: a name before any '# family:' line")
                families[-1][1].extend(line.split())
    return families


def header_files(include_dir):
    for sub in ("", "cpython"):
        folder = os.path.join(include_dir, sub)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".h"):
                yield os.path.join(folder, name)


def declared_names(include_dir, extra_headers=()):
    names = set()
    for path in list(header_files(include_dir)) + list(extra_headers):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = COMMENT.sub(" ", f.read())
        for pattern in DECLARATION_PATTERNS:
            names.update(pattern.findall(text))
        for body in ENUM_BODY.findall(text):
            names.update(ENUMERATOR.findall(body))
    return names


def exported_names(library):
    if not library:
        return set()
    out = subprocess.run(["nm", "-D", "--defined-only", library],
                         capture_output=True, text=True, check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def find_library(build_dir):
    folder = os.path.join(build_dir, ".libs")
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        if name.startswith("libpython3.15") and ".so" in name \
                and not os.path.islink(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def audit(families, present):
    return [(family, [n for n in names if n not in present], len(names))
            for family, names in families]


def report(results, markdown):
    total = sum(count for _, _, count in results)
    missing = sum(len(m) for _, m, _ in results)
    lines = []
    if markdown:
        lines.append("| family | names | status |")
        lines.append("|---|---|---|")
    for family, absent, count in results:
        status = "complete" if not absent else "missing: " + ", ".join(
            f"`{n}`" if markdown else n for n in absent)
        if markdown:
            lines.append(f"| {family} | {count} | {status} |")
        else:
            lines.append(f"{family} ({count}): {status}")
    lines.append(f"{total} names, {missing} missing")
    return "\n".join(lines)


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", default=os.path.join(HERE, "issue7_names.txt"))
    parser.add_argument("--include", default=os.path.join(TOP, "Include"))
    parser.add_argument("--build", help="a build directory (finds .libs/libpython3.15*.so and its pyconfig.h)")
    parser.add_argument("--lib", help="the shared library to inspect with nm -D")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    library = args.lib
    extra = []
    if args.build:
        library = library or find_library(args.build)
        config = os.path.join(args.build, "pyconfig.h")
        if os.path.exists(config):
            extra.append(config)
    families = read_names(args.names)
    present = declared_names(args.include, extra) | exported_names(library)
    results = audit(families, present)
    print(report(results, args.markdown))
    return 1 if any(absent for _, absent, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
