# runpy: run_module and run_path (files, compiled files and directories).
import os
import runpy
import sys

tmp = "/tmp/runpy_test_%d" % os.getpid()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def remove_tree(path):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            remove_tree(full)
        else:
            os.remove(full)
    os.rmdir(path)


os.mkdir(tmp)
try:
    pkg = os.path.join(tmp, "rp_pkg")
    os.mkdir(pkg)
    write(os.path.join(pkg, "__init__.py"), "")
    write(os.path.join(pkg, "__main__.py"),
          "import sys\nresult = ('pkg main', __name__, sys.argv[0][-11:])\n")
    write(os.path.join(tmp, "rp_mod.py"),
          "import sys\n"
          "value = injected * 2\n"
          "argv0 = sys.argv[0]\n"
          "in_modules = sys.modules.get(__name__) is not None\n")
    write(os.path.join(tmp, "script.py"),
          "import sys\nargv0 = sys.argv[0]\nname = __name__\n")
    sys.path.insert(0, tmp)

    g = runpy.run_module("rp_mod", init_globals={"injected": 21})
    print(g["value"], g["__name__"], g["__file__"] == os.path.join(tmp, "rp_mod.py"))
    print(g["__spec__"].name, g["__package__"] == "", g["in_modules"],
          g["argv0"] == sys.argv[0])
    saved = sys.argv[0]
    g = runpy.run_module("rp_mod", {"injected": 1}, run_name="custom",
                         alter_sys=True)
    print(g["value"], g["__name__"], g["in_modules"],
          g["argv0"] == os.path.join(tmp, "rp_mod.py"), sys.argv[0] == saved,
          "custom" in sys.modules)
    g = runpy.run_module("rp_pkg")
    print(g["result"], g["__spec__"].name, g["__package__"])

    g = runpy.run_path(os.path.join(tmp, "script.py"))
    print(g["name"], g["argv0"] == os.path.join(tmp, "script.py"),
          g["__file__"] == os.path.join(tmp, "script.py"), g["__spec__"])
    g = runpy.run_path(os.path.join(tmp, "script.py"), run_name="__main__")
    print(g["name"], sys.argv[0] == saved)
    g = runpy.run_path(pkg, init_globals={"x": 1})
    print(g["result"][:2], g["__spec__"].name, g["x"], pkg not in sys.path,
          g["result"][2] == pkg[-11:])

    for bad in (".rel", "no_such_module_xyz", "rp_pkg.nothing"):
        try:
            runpy.run_module(bad)
        except ImportError as e:
            print(type(e).__name__, str(e).replace(tmp, "TMP"))
    try:
        runpy.run_path(tmp)
    except ImportError as e:
        print(type(e).__name__, str(e).replace(tmp, "TMP"))
finally:
    sys.path.remove(tmp)
    remove_tree(tmp)
