"""Locating shared libraries: find_library(name) and dllist().

On Linux, find_library asks the dynamic linker's cache (``ldconfig -p``)
first, then the compiler (``gcc``/``cc`` link trace) and finally ``ld``,
and returns the library's soname (what dlopen wants), or None.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

__all__ = ["find_library", "dllist"]


def _abi_tag():
    """The tag ldconfig -p prints for this process's libraries."""
    machine = os.uname().machine + "-" + str(struct.calcsize("P") * 8)
    tags = {
        "x86_64-64": "libc6,x86-64",
        "ppc64-64": "libc6,64bit",
        "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit",
        "ia64-64": "libc6,IA-64",
        "aarch64-64": "libc6,AArch64",
        "riscv64-64": "libc6,64bit",
    }
    return tags.get(machine, "libc6")


def _findSoname_ldconfig(name):
    pattern = r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), re.escape(_abi_tag()))
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig", shutil.which("ldconfig")):
        if not ldconfig or not os.path.exists(ldconfig):
            continue
        try:
            out = subprocess.run([ldconfig, "-p"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL,
                                 env=dict(os.environ, LC_ALL="C", LANG="C"),
                                 check=False).stdout
        except OSError:
            continue
        match = re.search(pattern, os.fsdecode(out))
        if match:
            return match.group(1)
        return None
    return None


def _is_elf(filename):
    """Whether filename starts with the ELF magic (linker scripts do not)."""
    try:
        with open(filename, "br") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _link_trace(command, name):
    """Run a linker command with tracing; the ELF lib<name> files it read."""
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT,
                              env=dict(os.environ, LC_ALL="C", LANG="C"),
                              check=False)
    except OSError:
        return None
    pattern = os.fsencode(r"[^\(\)\s]*lib%s\.[^\(\)\s]*" % re.escape(name))
    for found in re.findall(pattern, proc.stdout):
        path = os.fsdecode(found)
        if _is_elf(path):
            return path
    return None


def _findLib_gcc(name):
    compiler = shutil.which("gcc") or shutil.which("cc")
    if not compiler:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "a.out")
        return _link_trace([compiler, "-Wl,-t", "-o", out, "-l" + name], name)


def _findLib_ld(name):
    ld = shutil.which("ld")
    if not ld:
        return None
    command = [ld, "-t"]
    for directory in os.environ.get("LD_LIBRARY_PATH", "").split(":"):
        if directory:
            command.extend(["-L", directory])
    command.extend(["-o", os.devnull, "-l%s" % name])
    return _link_trace(command, name)


def _get_soname(filename):
    """The SONAME recorded in an ELF shared library (objdump -p)."""
    if not filename:
        return None
    objdump = shutil.which("objdump")
    if objdump:
        try:
            out = subprocess.run([objdump, "-p", "-j", ".dynamic", filename],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 check=False).stdout
        except OSError:
            out = b""
        match = re.search(rb"\sSONAME\s+([^\s]+)", out)
        if match:
            return os.fsdecode(match.group(1))
    return os.path.basename(filename)


def find_library(name):
    """The name of a shared library like 'c' or 'm' as dlopen should be
    given it (e.g. 'libc.so.6'), or None when it cannot be found."""
    return (_findSoname_ldconfig(name)
            or _get_soname(_findLib_gcc(name))
            or _get_soname(_findLib_ld(name)))


def dllist():
    """The paths of the shared libraries loaded in this process."""
    libraries = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                parts = line.split(None, 5)
                if len(parts) == 6:
                    path = parts[5].strip()
                    if path.startswith("/") and ".so" in os.path.basename(path) \
                            and path not in libraries:
                        libraries.append(path)
    except OSError:
        return None
    return libraries


def test():
    from ctypes import cdll
    print(find_library("m"))
    print(find_library("c"))
    print(find_library("bz2"))
    print(cdll.LoadLibrary(find_library("c")))


if __name__ == "__main__":
    test()
