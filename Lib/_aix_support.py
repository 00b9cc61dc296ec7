"""Platform tags for AIX, used by sysconfig.get_platform() there.

A tag reads "aix-VRTL-YYWW-BITS": the AIX version, release and
technology level (e.g. 7205 for 7.2 TL5), the build week of the
bos.rte fileset (year and week, e.g. 1938) and the pointer size.
aix_platform() describes the running system, aix_buildtag() the system
this interpreter was built on (from its build configuration).
"""

import sys
import sysconfig


def _tag(vrtl, build_date):
    """The tag for [version, release, technology level] and a build
    date given as the integer YYWW."""
    bits = 64 if sys.maxsize > 2 ** 32 else 32
    version, release, level = vrtl
    return f"aix-{version:1x}{release:1d}{level:02d}-{build_date:04d}-{bits}"


def _vrtl(vrmf):
    """[version, release, technology level] from a "V.R.M.F" string
    (or a GNU type such as "powerpc-ibm-aix7.2.5.0": only the version's
    last digit counts)."""
    version, release, level = vrmf.split(".")[:3]
    return [int(version[-1]), int(release), int(level)]


def _bos_rte():
    """The V.R.M.F level and YYWW build date of the bos.rte fileset, as
    lslpp reports them in its colon-separated listing."""
    import subprocess
    out = subprocess.check_output(["/usr/bin/lslpp", "-Lqc", "bos.rte"])
    fields = out.decode("utf-8").strip().split(":")
    build_date = fields[-1]
    return fields[2], int(build_date) if build_date.isdigit() else 9988


def aix_platform():
    """The platform tag of the running AIX system, such as
    "aix-7205-1938-64"."""
    vrmf, build_date = _bos_rte()
    return _tag(_vrtl(vrmf), build_date)


def aix_buildtag():
    """The platform tag of the AIX system the interpreter was built on,
    from the BUILD_GNU_TYPE and AIX_BUILDDATE configuration values."""
    build_date = sysconfig.get_config_var("AIX_BUILDDATE")
    try:
        build_date = int(build_date)
    except (ValueError, TypeError):
        raise ValueError(f"AIX_BUILDDATE is not defined or invalid: "
                         f"{build_date!r}") from None
    gnu_type = sysconfig.get_config_var("BUILD_GNU_TYPE")
    if not gnu_type:
        raise ValueError("BUILD_GNU_TYPE is not defined")
    return _tag(_vrtl(gnu_type), build_date)
