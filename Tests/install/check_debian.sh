#!/bin/bash
# Builds Weft's Debian packages from a clean copy of a source tree, runs
# lintian, installs all the binary packages together, runs both installed
# interpreters, and removes the packages again (Doc/packaging.md).
# Needs root and the Build-Depends of debian/control plus dpkg-dev and
# lintian.  usage: check_debian.sh SOURCE_TREE [nocheck]
set -euo pipefail

src=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/weft"
# A clean copy: the committed files (and debian/ as it is in the tree).
if git -C "$src" rev-parse >/dev/null 2>&1; then
    git -C "$src" archive HEAD | tar -x -C "$work/weft"
else
    cp -a "$src/." "$work/weft"
fi
cp -a "$src/debian" "$work/weft/"

options="parallel=$(nproc)"
[ "${2:-}" = nocheck ] && options="$options nocheck"
(cd "$work/weft" && DEB_BUILD_OPTIONS=$options dpkg-buildpackage -us -uc -b) \
    >"$work/build.log" 2>&1 || { tail -60 "$work/build.log"; exit 1; }
debs=("$work"/*.deb)
echo "built: ${debs[*]##*/}"

lintian_out=$(lintian --fail-on error "$work"/*.changes 2>&1) \
    || { echo "$lintian_out"; echo "lintian reports errors"; exit 1; }
echo "lintian: $(printf '%s\n' "$lintian_out" | grep -c '^[EW]:' || true) warnings/errors"
printf '%s\n' "$lintian_out" | grep '^[EW]:' || true

packages=$(for deb in "${debs[@]}"; do dpkg-deb -f "$deb" Package; done)
dpkg -i "${debs[@]}" >/dev/null
status=0
/usr/bin/python3.15 -c 'import sys, json; print(sys.version_info[:2], sys._is_gil_enabled())' \
    | grep -qx '(3, 15) True' || { echo "python3.15 does not run"; status=1; }
/usr/bin/python3.15t -c 'import sys, threading; print(sys.version_info[:2], sys._is_gil_enabled())' \
    | grep -qx '(3, 15) False' || { echo "python3.15t does not run"; status=1; }
pkg-config --exists python-3.15 python-3.15t || { echo "pkg-config files missing"; status=1; }
dpkg -r $packages >/dev/null
[ $status = 0 ] && echo "debian check: passed"
exit $status
