#!/bin/bash
# Installs both builds into staging directories and checks what packagers
# rely on (Doc/packaging.md):
#   - the two builds share no installed file;
#   - each installed interpreter runs with its build tree moved away, and
#     finds its prefix, standard library and site-packages;
#   - `make uninstall` removes every file `make install` put there;
#   - an extension compiled against each installed flavour through
#     pkg-config imports in that flavour.
# usage: check_install.sh DEFAULT_BUILD_DIR FREE_THREADED_BUILD_DIR
set -euo pipefail

default_build=$(cd "$1" && pwd)
ft_build=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d)
moved=()
restore() {
    for dir in "${moved[@]}"; do mv "$dir.moved-away" "$dir"; done
    rm -rf "$stage"
}
trap restore EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# make's output only when it fails (libtool warns about every staged
# relink, which is expected with DESTDIR).
quiet_make() {
    local dir=$1; shift
    make -s -C "$dir" "$@" >"$stage/make.log" 2>&1 || { cat "$stage/make.log"; exit 1; }
}

prefix=$(sed -n 's/^prefix = //p' "$default_build/Makefile")
installed_files() { (cd "$1" && find . -type f -o -type l | sort); }

for build in default ft; do
    dir=default_build; [ $build = ft ] && dir=ft_build
    quiet_make "${!dir}" install DESTDIR="$stage/$build"
done
installed_files "$stage/default" >"$stage/default.list"
installed_files "$stage/ft" >"$stage/ft.list"
overlap=$(comm -12 "$stage/default.list" "$stage/ft.list")
echo "installed: default $(wc -l <"$stage/default.list") files, free-threaded $(wc -l <"$stage/ft.list") files, $(printf '%s' "$overlap" | grep -c . || true) in common"
[ -z "$overlap" ] || fail "files installed by both builds: $overlap"
grep -q '/bin/python3$' "$stage/default.list" || fail "default build installs no python3 link"
! grep -q '/bin/python3$' "$stage/ft.list" || fail "free-threaded build installs python3"

# Both builds into one prefix: the union is the two lists.
for dir in "$default_build" "$ft_build"; do
    quiet_make "$dir" install DESTDIR="$stage/both"
done
[ "$(installed_files "$stage/both" | wc -l)" = \
  "$(( $(wc -l <"$stage/default.list") + $(wc -l <"$stage/ft.list") ))" ] \
    || fail "installing both builds into one prefix lost files"

# Run the installed interpreters with the build trees out of the way.
for dir in "$default_build" "$ft_build"; do
    mv "$dir" "$dir.moved-away"
    moved+=("$dir")
done
root="$stage/both$prefix"
for version in 3.15 3.15t; do
    exe="$root/bin/python$version"
    export LD_LIBRARY_PATH="$root/lib"
    got=$("$exe" -c 'import sys, sysconfig, site
print(sys.prefix, sys._stdlib_dir, sys.abiflags or "-")
print(site.getsitepackages()[0], sysconfig.get_paths()["include"],
      sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INCLUDEPY"))
import os, re, threading
print(os.__file__, os.__cached__ is not None)' 2>&1) || fail "python$version does not run: $got"
    abiflags=${version#3.15}
    want="$root $root/lib/python$version ${abiflags:--}
$root/lib/python$version/site-packages $root/include/python$version $root/lib $root/include/python$version
$root/lib/python$version/os.py True"
    [ "$got" = "$want" ] || fail "python$version paths: got
$got
wanted
$want"

    # An extension through pkg-config, against this flavour's headers.
    ext_dir="$stage/ext$version"
    mkdir -p "$ext_dir"
    suffix=$("$root/bin/python$version-config" --extension-suffix)
    cflags=$(PKG_CONFIG_SYSROOT_DIR="$stage/both" PKG_CONFIG_PATH="$root/lib/pkgconfig" \
             pkg-config --cflags "python-$version")
    cc -shared -fPIC $cflags -o "$ext_dir/install_demo$suffix" "$here/demo_ext.c" \
        || fail "compiling an extension against python-$version.pc"
    got=$("$exe" -c 'import sys; sys.path.insert(0, sys.argv[1])
import install_demo
print(install_demo.twice(lambda: 21), sys._is_gil_enabled())' "$ext_dir" 2>&1) \
        || fail "python$version cannot import the extension: $got"
    gil=True; [ $version = 3.15t ] && gil=False
    [ "$got" = "42 $gil" ] || fail "python$version extension: got '$got', wanted '42 $gil'"
done
unset LD_LIBRARY_PATH
for dir in "${moved[@]}"; do mv "$dir.moved-away" "$dir"; done
moved=()

# Uninstall leaves no file behind.
for dir in "$default_build" "$ft_build"; do
    quiet_make "$dir" uninstall DESTDIR="$stage/both"
done
left=$(installed_files "$stage/both")
[ -z "$left" ] || fail "files left after make uninstall: $left"

if [ $failures -gt 0 ]; then
    echo "install check: $failures failures"
    exit 1
fi
echo "install check: passed"
