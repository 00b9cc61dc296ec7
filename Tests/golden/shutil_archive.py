# shutil's archive registries with user formats (no tarfile/zipfile needed).
import os
import shutil
import tempfile

top = tempfile.mkdtemp()
os.makedirs(os.path.join(top, "root", "pkg"))
with open(os.path.join(top, "root", "pkg", "f.txt"), "w") as f:
    f.write("data")

calls = []
def make_listing(base_name, base_dir, dry_run=0, logger=None, owner=None,
                 group=None, sep="\n"):
    calls.append((os.path.basename(base_name), base_dir, os.getcwd() == os.path.join(top, "root"), sep))
    name = base_name + ".lst"
    with open(name, "w") as f:
        for dirpath, dirnames, filenames in sorted(os.walk(base_dir)):
            for fn in sorted(filenames):
                f.write(os.path.join(dirpath, fn) + sep)
    return name

shutil.register_archive_format("lst", make_listing, [("sep", ";")], "file list")
print([f for f in shutil.get_archive_formats() if f[0] == "lst"])
name = shutil.make_archive(os.path.join(top, "out"), "lst",
                           root_dir=os.path.join(top, "root"), base_dir="pkg")
print(os.path.basename(name), calls, os.getcwd() != os.path.join(top, "root"))
with open(name) as f:
    print(f.read())
for bad in [(1, None), (make_listing, "x"), (make_listing, [("a",)])]:
    try:
        shutil.register_archive_format("bad", *bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    shutil.make_archive(os.path.join(top, "x"), "lst", root_dir=name)
except NotADirectoryError as e:
    print("NotADirectoryError", e.errno)
shutil.unregister_archive_format("lst")
print([f for f in shutil.get_archive_formats() if f[0] == "lst"])

unpacked = []
def unpack_listing(filename, extract_dir, prefix=""):
    unpacked.append((os.path.basename(filename), os.path.basename(extract_dir), prefix))
shutil.register_unpack_format("lst", [".lst", ".list"], unpack_listing,
                              [("prefix", "p")], "listing")
print([f for f in shutil.get_unpack_formats() if f[0] == "lst"])
try:
    shutil.register_unpack_format("lst2", [".list"], unpack_listing)
except shutil.RegistryError as e:
    print("RegistryError:", e)
try:
    shutil.register_unpack_format("lst3", [".l3"], None)
except TypeError as e:
    print("TypeError:", e)
shutil.unpack_archive(name, os.path.join(top, "dest"))
shutil.unpack_archive(name, os.path.join(top, "dest2"), format="lst")
print(unpacked)
try:
    shutil.unpack_archive(name, format="nope")
except ValueError as e:
    print("ValueError:", e)
shutil.unregister_unpack_format("lst")
print([f for f in shutil.get_unpack_formats() if f[0] == "lst"])
shutil.rmtree(top)
