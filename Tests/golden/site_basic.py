# site: builtins it installs, site-packages paths, .pth processing.
import sys
import os
import builtins
import site
import _sitebuiltins

print(repr(exit), "|", repr(quit))
print(type(exit).__name__, exit.name, exit.eof)
print(repr(help))
print(type(copyright).__name__, type(credits).__name__, type(license).__name__)
print(repr(copyright) == sys.copyright)
print(site.ENABLE_USER_SITE in (True, False, None), sys.flags.no_site)
print(callable(sys.__interactivehook__), sys.__interactivehook__.__name__)

try:
    _sitebuiltins.Quitter("exit", "EOF")(5)
except SystemExit as exc:
    print("SystemExit", exc.code)

printer = _sitebuiltins._Printer("demo", "\n".join(f"line {i}" for i in range(30)))
print(repr(printer))
short = _sitebuiltins._Printer("short", "one\ntwo")
print(repr(short))

t = "t" if "t" in sys.abiflags else ""
want = [f"/opt/p/lib/python3.15{t}/site-packages"]
print(site.getsitepackages(["/opt/p"]) == want,
      site.getsitepackages(["/opt/p", "/opt/p", ""]) == want)
print(site._get_path("/home/u/.local") ==
      f"/home/u/.local/lib/python3.15{t}/site-packages")
print(site.getuserbase() == site.USER_BASE,
      site.getusersitepackages() == site.USER_SITE)
print(site.makepath("/a/b/../c")[0])

# A site directory with .pth files.
base = f"/tmp/weft_site_{os.getpid()}"
sitedir = base + "/site-packages"
os.makedirs(sitedir + "/pkgdir")
os.makedirs(base + "/elsewhere")
with open(sitedir + "/a.pth", "w") as f:
    f.write("# a comment\n\npkgdir\n" + base + "/elsewhere\nmissing_dir\n"
            "import builtins; builtins.pth_ran = True\n")
with open(sitedir + "/b.pth", "w") as f:
    f.write("pkgdir\nimport no_such_module_here\nnever_reached\n")
with open(sitedir + "/.hidden.pth", "w") as f:
    f.write("import builtins; builtins.hidden_ran = True\n")
with open(sitedir + "/c.txt", "w") as f:
    f.write("ignored\n")

before = list(sys.path)
known = site.addsitedir(sitedir)
added = [p[len(base):] for p in sys.path if p not in before]
print(added)
print(getattr(builtins, "pth_ran", False), getattr(builtins, "hidden_ran", False))
print(known is None)
site.addsitedir(sitedir)
print(len(sys.path) == len(before) + len(added))

for name in ("a.pth", "b.pth", ".hidden.pth", "c.txt"):
    os.unlink(sitedir + "/" + name)
os.rmdir(sitedir + "/pkgdir")
os.rmdir(sitedir)
os.rmdir(base + "/elsewhere")
os.rmdir(base)
