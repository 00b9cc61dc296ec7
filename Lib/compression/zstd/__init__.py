"""Compression and decompression in the Zstandard format (PEP 784).

compress() and decompress() work on whole buffers, ZstdCompressor and
ZstdDecompressor incrementally, ZstdFile and open() on .zst files.
Dictionaries (ZstdDict, train_dict, finalize_dict) improve the
compression of small, similar pieces of data.  The work is done by the
C module _zstd over the system libzstd.
"""

__all__ = (
    # compression.zstd
    "COMPRESSION_LEVEL_DEFAULT",
    "compress",
    "CompressionParameter",
    "decompress",
    "DecompressionParameter",
    "finalize_dict",
    "FrameInfo",
    "get_frame_info",
    "Strategy",
    "train_dict",
    # compression.zstd._zstdfile
    "open",
    "ZstdFile",
    # _zstd
    "get_frame_size",
    "zstd_version",
    "zstd_version_info",
    "ZstdCompressor",
    "ZstdDecompressor",
    "ZstdDict",
    "ZstdError",
)

import dataclasses
import enum

import _zstd
from _zstd import (ZstdCompressor, ZstdDecompressor, ZstdDict, ZstdError,
                   get_frame_size, zstd_version)
from compression.zstd._zstdfile import ZstdFile, open

# (major, minor, release) of the libzstd in use, e.g. (1, 5, 4).
zstd_version_info = (_zstd.zstd_version_number // 10000,
                     _zstd.zstd_version_number // 100 % 100,
                     _zstd.zstd_version_number % 100)

COMPRESSION_LEVEL_DEFAULT = _zstd.ZSTD_CLEVEL_DEFAULT
"""The compression level used when none is given (3)."""


@dataclasses.dataclass(frozen=True)
class FrameInfo:
    """What a Zstandard frame header records: decompressed_size (None
    when the header leaves it out) and dictionary_id (0 when the frame
    needs no dictionary)."""

    decompressed_size: int
    dictionary_id: int


def get_frame_info(frame_buffer):
    """Return a FrameInfo for the Zstandard frame whose header starts
    *frame_buffer* (at least the 6 to 18 bytes of the header)."""
    return FrameInfo(*_zstd.get_frame_info(frame_buffer))


def _samples(samples):
    """The samples joined into one bytes object, and their sizes."""
    chunks = [bytes(sample) for sample in samples]
    sizes = tuple(len(chunk) for chunk in chunks)
    joined = b"".join(chunks)
    if not joined:
        raise ValueError("samples contained no data; can't train "
                         "dictionary.")
    return joined, sizes


def train_dict(samples, dict_size):
    """Train a Zstandard dictionary of at most *dict_size* bytes on the
    iterable of bytes-like *samples*; return it as a ZstdDict."""
    if not isinstance(dict_size, int):
        ds_cls = type(dict_size).__qualname__
        raise TypeError(f"dict_size must be an int object, not {ds_cls!r}.")
    joined, sizes = _samples(samples)
    return ZstdDict(_zstd.train_dict(joined, sizes, dict_size))


def finalize_dict(zstd_dict, /, samples, dict_size, level):
    """Turn the content of *zstd_dict* (often a raw-content ZstdDict)
    into a full Zstandard dictionary of at most *dict_size* bytes,
    with statistics gathered from *samples* for compression *level*."""
    if not isinstance(zstd_dict, ZstdDict):
        raise TypeError("zstd_dict argument should be a ZstdDict object.")
    if not isinstance(dict_size, int):
        raise TypeError("dict_size argument should be an int object.")
    if not isinstance(level, int):
        raise TypeError("level argument should be an int object.")
    joined, sizes = _samples(samples)
    content = _zstd.finalize_dict(zstd_dict.dict_content, joined, sizes,
                                  dict_size, level)
    return ZstdDict(content)


def compress(data, level=None, options=None, zstd_dict=None):
    """Compress *data* into one Zstandard frame and return it.

    *level* or *options* (not both) set the compression; *zstd_dict* is
    a ZstdDict to compress with.
    """
    comp = ZstdCompressor(level=level, options=options, zstd_dict=zstd_dict)
    return comp.compress(data, mode=ZstdCompressor.FLUSH_FRAME)


def decompress(data, zstd_dict=None, options=None):
    """Decompress *data*, one or more concatenated Zstandard frames,
    and return the result."""
    results = []
    while True:
        decomp = ZstdDecompressor(options=options, zstd_dict=zstd_dict)
        results.append(decomp.decompress(data))
        if not decomp.eof:
            raise ZstdError("Compressed data ended before the "
                            "end-of-stream marker was reached")
        data = decomp.unused_data
        if not data:
            break
    return b"".join(results)


class CompressionParameter(enum.IntEnum):
    """The compression parameters an options dict may set."""

    compression_level = _zstd.ZSTD_c_compression_level
    window_log = _zstd.ZSTD_c_window_log
    hash_log = _zstd.ZSTD_c_hash_log
    chain_log = _zstd.ZSTD_c_chain_log
    search_log = _zstd.ZSTD_c_search_log
    min_match = _zstd.ZSTD_c_min_match
    target_length = _zstd.ZSTD_c_target_length
    strategy = _zstd.ZSTD_c_strategy

    enable_long_distance_matching = _zstd.ZSTD_c_enable_long_distance_matching
    ldm_hash_log = _zstd.ZSTD_c_ldm_hash_log
    ldm_min_match = _zstd.ZSTD_c_ldm_min_match
    ldm_bucket_size_log = _zstd.ZSTD_c_ldm_bucket_size_log
    ldm_hash_rate_log = _zstd.ZSTD_c_ldm_hash_rate_log

    content_size_flag = _zstd.ZSTD_c_content_size_flag
    checksum_flag = _zstd.ZSTD_c_checksum_flag
    dict_id_flag = _zstd.ZSTD_c_dict_id_flag

    nb_workers = _zstd.ZSTD_c_nb_workers
    job_size = _zstd.ZSTD_c_job_size
    overlap_log = _zstd.ZSTD_c_overlap_log

    def bounds(self):
        """Return the (lower, upper) bounds of the parameter, inclusive."""
        return _zstd.get_param_bounds(self.value, is_compress=True)


class DecompressionParameter(enum.IntEnum):
    """The decompression parameters an options dict may set."""

    window_log_max = _zstd.ZSTD_d_window_log_max

    def bounds(self):
        """Return the (lower, upper) bounds of the parameter, inclusive."""
        return _zstd.get_param_bounds(self.value, is_compress=False)


class Strategy(enum.IntEnum):
    """The compression strategies, from fastest (fast) to strongest
    (btultra2); CompressionParameter.strategy takes one of them."""

    fast = _zstd.ZSTD_fast
    dfast = _zstd.ZSTD_dfast
    greedy = _zstd.ZSTD_greedy
    lazy = _zstd.ZSTD_lazy
    lazy2 = _zstd.ZSTD_lazy2
    btlazy2 = _zstd.ZSTD_btlazy2
    btopt = _zstd.ZSTD_btopt
    btultra = _zstd.ZSTD_btultra
    btultra2 = _zstd.ZSTD_btultra2


# Let the C code refuse options of the wrong direction by their class.
_zstd.set_parameter_types(CompressionParameter, DecompressionParameter)
