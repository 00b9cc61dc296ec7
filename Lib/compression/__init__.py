"""The compression package: the standard compression modules under one
name (compression.bz2, compression.gzip, compression.lzma,
compression.zlib), each re-exporting its historical module, and
compression.zstd (Zstandard, PEP 784), present when libzstd was found."""
