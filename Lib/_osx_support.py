"""Adjustments of the build configuration for macOS, used by sysconfig
and by tools that compile C extensions.

An interpreter built on one Mac may be used on another with a different
macOS version, SDK or set of processor architectures.  These functions
rewrite the compiler settings in a dict of configuration variables to
fit the machine at hand, and name the platform for wheel tags.
Original values are kept under the "_OSX_SUPPORT_INITIAL_" prefix so
the rewriting is done once.
"""

import os
import re
import sys

__all__ = ["compiler_fixup", "customize_config_vars", "customize_compiler",
           "get_platform_osx"]

# The variables that hold compiler and linker settings.
_UNIVERSAL_CONFIG_VARS = ("CFLAGS", "LDFLAGS", "CPPFLAGS", "BASECFLAGS",
                          "BLDSHARED", "LDSHARED", "CC", "CXX",
                          "PY_CFLAGS", "PY_LDFLAGS", "PY_CPPFLAGS",
                          "PY_CORE_CFLAGS", "PY_CORE_LDFLAGS")
_COMPILER_CONFIG_VARS = ("BLDSHARED", "LDSHARED", "CC", "CXX")
_INITPRE = "_OSX_SUPPORT_INITIAL_"

# Machine names for the sets of architectures of universal builds.
_UNIVERSAL_MACHINES = {
    ("arm64", "x86_64"): "universal2",
    ("i386", "ppc"): "fat",
    ("i386", "x86_64"): "intel",
    ("i386", "ppc", "x86_64"): "fat3",
    ("ppc64", "x86_64"): "fat64",
    ("i386", "ppc", "ppc64", "x86_64"): "universal",
}


def _find_executable(executable, path=None):
    """The full path of *executable* on *path* (default $PATH), or None."""
    if path is None:
        path = os.environ.get("PATH", os.defpath)
    if os.path.isfile(executable):
        return executable
    for directory in path.split(os.pathsep):
        candidate = os.path.join(directory, executable)
        if os.path.isfile(candidate):
            return candidate
    return None


def _read_output(command, capture_stderr=False):
    """The stripped output of the shell *command*, or None if it fails."""
    import subprocess
    try:
        result = subprocess.run(
            command, shell=True, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if capture_stderr else subprocess.DEVNULL)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace").strip()


def _find_build_tool(name):
    """A developer tool by name: on $PATH, else through xcrun."""
    return (_find_executable(name)
            or _read_output(f"/usr/bin/xcrun -find {name}") or "")


_system_version = None


def _get_system_version():
    """The macOS product version ("14.2") from the system's version
    plist, or "" when it cannot be read (not a Mac)."""
    global _system_version
    if _system_version is None:
        _system_version = ""
        try:
            with open("/System/Library/CoreServices/SystemVersion.plist",
                      encoding="utf-8") as f:
                text = f.read()
        except OSError:
            return _system_version
        found = re.search(r"<key>ProductUserVisibleVersion</key>\s*"
                          r"<string>(.*?)</string>", text)
        if found:
            _system_version = ".".join(found.group(1).split(".")[:2])
    return _system_version


def _get_system_version_tuple():
    """The macOS version as a tuple of ints, or () when unknown."""
    version = _get_system_version()
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def _remove_original_values(_config_vars):
    """Forget the saved originals (used by tests)."""
    for key in [k for k in _config_vars if k.startswith(_INITPRE)]:
        del _config_vars[key]


def _save_modified_value(_config_vars, cv, newvalue):
    """Set *cv*, keeping its first original value under _INITPRE."""
    if _config_vars.get(cv) != newvalue and _INITPRE + cv not in _config_vars:
        _config_vars[_INITPRE + cv] = _config_vars.get(cv)
    _config_vars[cv] = newvalue


def _supports_universal_builds():
    """Whether the SDK can build fat binaries (macOS 10.4 and later)."""
    version = _get_system_version_tuple()
    return bool(version) and version >= (10, 4)


def _supports_arm64_builds():
    """Whether the SDK can target arm64 (macOS 11 and later)."""
    version = _get_system_version_tuple()
    return bool(version) and version >= (11, 0)


def _strip_flag(flags, pattern):
    return re.sub(pattern, " ", flags, flags=re.ASCII)


def _remove_universal_flags(_config_vars):
    """Drop every -arch and -isysroot option (no universal support)."""
    for cv in _UNIVERSAL_CONFIG_VARS:
        if cv in _config_vars and cv not in os.environ:
            flags = _strip_flag(_config_vars[cv], r"-arch\s+\w+\s")
            flags = _strip_flag(flags, r"-isysroot\s*\S+")
            _save_modified_value(_config_vars, cv, flags)
    return _config_vars


def _remove_unsupported_archs(_config_vars):
    """Drop -arch ppc (no longer buildable), and -arch arm64 when the
    SDK cannot target it."""
    if "CC" in os.environ:
        return _config_vars
    unsupported = ["ppc", "ppc64"]
    if not _supports_arm64_builds():
        unsupported.append("arm64")
    for cv in _UNIVERSAL_CONFIG_VARS:
        if cv in _config_vars and cv not in os.environ:
            flags = _config_vars[cv]
            for arch in unsupported:
                flags = _strip_flag(flags, rf"-arch\s+{arch}\b")
            _save_modified_value(_config_vars, cv, flags)
    return _config_vars


def _override_all_archs(_config_vars):
    """Replace the -arch options with those of $ARCHFLAGS, if set."""
    archflags = os.environ.get("ARCHFLAGS")
    if archflags:
        for cv in _UNIVERSAL_CONFIG_VARS:
            if cv in _config_vars and "-arch" in _config_vars[cv]:
                flags = _strip_flag(_config_vars[cv], r"-arch\s+\w+\s")
                _save_modified_value(_config_vars, cv,
                                     flags + " " + archflags)
    return _config_vars


def _check_for_unavailable_sdk(_config_vars):
    """Drop an -isysroot naming an SDK that is not installed."""
    cflags = _config_vars.get("CFLAGS", "")
    found = re.search(r"-isysroot\s*(\S+)", cflags)
    if found and not os.path.exists(found.group(1)):
        for cv in _UNIVERSAL_CONFIG_VARS:
            if cv in _config_vars and cv not in os.environ:
                flags = _strip_flag(_config_vars[cv],
                                    r"-isysroot\s*\S+(?:\s|$)")
                _save_modified_value(_config_vars, cv, flags)
    return _config_vars


def compiler_fixup(compiler_so, cc_args):
    """Return the compiler command list *compiler_so* adjusted for the
    arguments *cc_args* of one compilation: without universal support
    (or when cc_args choose their own -arch or -isysroot) the
    command's own -arch and -isysroot options are removed."""
    command = list(compiler_so)
    strip_arch = strip_sysroot = False
    if not _supports_universal_builds():
        strip_arch = strip_sysroot = True
    else:
        strip_arch = "-arch" in cc_args
        strip_sysroot = any(arg.startswith("-isysroot") for arg in cc_args)
    if strip_arch or "ARCHFLAGS" in os.environ:
        command = _without_option(command, "-arch")
    if "ARCHFLAGS" in os.environ and not strip_arch:
        command.extend(os.environ["ARCHFLAGS"].split())
    if strip_sysroot:
        command = _without_option(command, "-isysroot")
    return command


def _without_option(command, option):
    """*command* without any "option value" pair (or "optionvalue")."""
    result = []
    skip_next = False
    for arg in command:
        if skip_next:
            skip_next = False
        elif arg == option:
            skip_next = True
        elif not arg.startswith(option):
            result.append(arg)
    return result


def customize_config_vars(_config_vars):
    """Adjust the configuration variables when sysconfig loads them:
    without universal support drop -arch and -isysroot; drop
    architectures that cannot be built; honour $ARCHFLAGS; drop an
    -isysroot whose SDK is missing.  Returns the dict."""
    if not _supports_universal_builds():
        _remove_universal_flags(_config_vars)
    _override_all_archs(_config_vars)
    _check_for_unavailable_sdk(_config_vars)
    return _config_vars


def customize_compiler(_config_vars):
    """Adjust the configuration variables before a compiler is set up:
    additionally find a compiler that exists when the configured one
    is gone (Xcode moves it), and drop unbuildable architectures."""
    cc = _config_vars.get("CC", "")
    if cc and "CC" not in os.environ:
        compiler = cc.split()[0]
        if not _find_executable(compiler):
            replacement = _find_build_tool("clang")
            if replacement:
                for cv in _COMPILER_CONFIG_VARS:
                    if cv in _config_vars and cv not in os.environ:
                        parts = _config_vars[cv].split()
                        parts[0] = replacement if cv != "CXX" \
                            else replacement + "++"
                        _save_modified_value(_config_vars, cv,
                                             " ".join(parts))
    _remove_unsupported_archs(_config_vars)
    _override_all_archs(_config_vars)
    return _config_vars


def get_platform_osx(_config_vars, osname, release, machine):
    """The (osname, release, machine) triple for a Mac: "macosx", the
    deployment target (or the system version) and the machine name,
    which for a universal build names its set of architectures."""
    target = _config_vars.get("MACOSX_DEPLOYMENT_TARGET", "")
    system = _get_system_version() or target
    target = target or system
    if not target:
        return osname, release, machine
    release = target
    osname = "macosx"
    cflags = _config_vars.get(_INITPRE + "CFLAGS",
                              _config_vars.get("CFLAGS", ""))
    try:
        system_tuple = tuple(int(p) for p in system.split(".")[:2])
    except ValueError:
        system_tuple = (10, 3)
    archs = tuple(sorted(set(re.findall(r"-arch\s+(\S+)", cflags))))
    if system_tuple >= (10, 4) and archs:
        if len(archs) == 1:
            machine = archs[0]
        elif archs in _UNIVERSAL_MACHINES:
            machine = _UNIVERSAL_MACHINES[archs]
        else:
            raise ValueError(f"Don't know machine value for archs={archs!r}")
    elif machine == "i386":
        # A 64-bit interpreter on an Intel Mac reports i386.
        if sys.maxsize >= 2 ** 32:
            machine = "x86_64"
    elif machine in ("PowerPC", "Power_Macintosh"):
        machine = "ppc64" if sys.maxsize >= 2 ** 32 else "ppc"
    return osname, release, machine
