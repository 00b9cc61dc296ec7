# sysconfig: configuration variables, schemes and paths.
import os
import sys
import sysconfig

cv = sysconfig.get_config_vars()
ft = 't' in sys.abiflags
print(cv["Py_GIL_DISABLED"] == (1 if ft else 0), cv["Py_DEBUG"] in (0, 1))
print(cv["ABIFLAGS"] == sys.abiflags, cv["abiflags"] == sys.abiflags)
print(cv["SOABI"] == sys.implementation.cache_tag + "-x86_64-linux-gnu"
      or cv["SOABI"].startswith(sys.implementation.cache_tag))
print(cv["EXT_SUFFIX"] == "." + cv["SOABI"] + ".so")
print(cv["VERSION"], cv["py_version_short"], cv["py_version_nodot"],
      sysconfig.get_python_version())
print(cv["prefix"] == os.path.normpath(sys.prefix),
      cv["exec_prefix"] == os.path.normpath(sys.exec_prefix))
print(sysconfig.get_config_var("LIBDIR") == os.path.join(sys.exec_prefix, "lib"))
print(sysconfig.get_config_var("NO_SUCH_VAR"),
      sysconfig.get_config_vars("VERSION", "NOPE"))
print(sysconfig.get_config_vars() is cv)
print(sysconfig.get_scheme_names())
print(sysconfig.get_path_names())
print(sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user"),
      sysconfig.get_preferred_scheme("home"))
try:
    sysconfig.get_preferred_scheme("bad")
except ValueError as e:
    print(e)
paths = sysconfig.get_paths(vars={"base": "/B", "platbase": "/P",
                                  "installed_base": "/I",
                                  "installed_platbase": "/IP"})
abi_t = "t" if ft else ""
print(paths["purelib"] == "/B/lib/python3.15%s/site-packages" % abi_t)
print(paths["platlib"] == "/P/lib/python3.15%s/site-packages" % abi_t)
print(paths["stdlib"] == "/I/lib/python3.15%s" % abi_t,
      paths["include"] == "/I/include/python3.15" + sys.abiflags)
print(paths["scripts"], paths["data"])
print(sysconfig.get_path("data", "posix_home", {"base": "/h"}),
      sysconfig.get_path("purelib", "posix_home", {"base": "/h"}))
print(sysconfig.get_paths("posix_user", expand=False)["scripts"])
print(sysconfig.get_path("scripts", "posix_user", {"userbase": "/u"}))
try:
    sysconfig.get_paths("nonexistent")
except KeyError as e:
    print("KeyError", e)
print(sysconfig.get_platform().startswith(os.uname().sysname.lower()))
print(isinstance(sysconfig.is_python_build(), bool))
import io
print(sysconfig.parse_config_h(io.StringIO(
    "#define HAVE_X 1\n#define NAME \"v\"\n/* #undef HAVE_Y */\n")))
