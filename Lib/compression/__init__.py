"""The compression package: the standard compression modules under one
name (compression.bz2, compression.gzip, compression.lzma,
compression.zlib), each re-exporting its historical module."""
