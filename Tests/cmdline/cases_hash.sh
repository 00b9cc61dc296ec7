# hashlib / compression command-line checks (sourced by run.sh): the
# `python -m gzip` and `python -m zipfile` tools on files under $tmp, the
# compression package layout, and (free-threaded build) that the C
# modules keep the GIL off.

hash_dir="$tmp/hash"
mkdir -p "$hash_dir/src/sub"
printf 'gzip me\n%.0s' 1 2 3 > "$hash_dir/plain.txt"
printf 'zip me\n' > "$hash_dir/src/a.txt"
printf 'nested\n' > "$hash_dir/src/sub/b.txt"

"$PY" -m gzip "$hash_dir/plain.txt"
mv "$hash_dir/plain.txt" "$hash_dir/orig.txt"
expect gzip-cli-roundtrip "gzip me
gzip me
gzip me" sh -c "'$PY' -m gzip -d '$hash_dir/plain.txt.gz' && cat '$hash_dir/plain.txt'"
expect gzip-cli-stdio "stream" sh -c \
    "printf stream | '$PY' -m gzip --best | '$PY' -m gzip -d"
expect_err gzip-cli-bad-suffix "filename doesn't end in .gz" \
    "$PY" -m gzip -d "$hash_dir/orig.txt"

expect zipfile-cli-create "" "$PY" -m zipfile -c "$hash_dir/t.zip" \
    "$hash_dir/src"
expect zipfile-cli-test "Done testing" "$PY" -m zipfile -t "$hash_dir/t.zip"
expect zipfile-cli-list "src/ src/a.txt src/sub/ src/sub/b.txt" sh -c \
    "'$PY' -m zipfile -l '$hash_dir/t.zip' | tail -n +2 | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ \$//'"
expect zipfile-cli-extract "nested" sh -c \
    "'$PY' -m zipfile -e '$hash_dir/t.zip' '$hash_dir/out' && cat '$hash_dir/out/src/sub/b.txt'"
expect_status zipfile-cli-needs-action 2 "$PY" -m zipfile

expect compression-package "True True True True" "$PY" -c '
import bz2, gzip, lzma, zlib
import compression.bz2, compression.gzip, compression.lzma, compression.zlib
print(compression.bz2.BZ2File is bz2.BZ2File,
      compression.gzip.open is gzip.open,
      compression.lzma.LZMAError is lzma.LZMAError,
      compression.zlib.crc32 is zlib.crc32)'
expect compression-streams "True" "$PY" -c '
import _compression
from compression._common import _streams
print(_compression.DecompressReader is _streams.DecompressReader)'

if [ "$FT" = "t" ]; then
    expect hash-modules-gil-off "False" "$PY" -W error -c '
import sys, _hashlib, _bz2, _lzma, hashlib, hmac, bz2, lzma
print(sys._is_gil_enabled())'
fi
