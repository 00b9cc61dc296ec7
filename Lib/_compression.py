"""Internal classes used by the compression modules (kept under its
pre-3.14 name; the code lives in compression._common._streams)."""

from compression._common._streams import (  # noqa: F401
    BUFFER_SIZE, BaseStream, DecompressReader)
