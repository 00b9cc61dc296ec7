"""Tunable values shared by the asyncio modules (asyncio.constants, as in
CPython)."""

import enum

# After this many writes to a lost connection, each further write warns.
LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

# Seconds to wait before accepting again after accept() failed for lack of
# resources (EMFILE, ENFILE, ENOBUFS, ENOMEM).
ACCEPT_RETRY_DELAY = 1

# Frames kept in debug mode's source tracebacks of handles and tasks.
DEBUG_STACK_DEPTH = 10

# Seconds the TLS handshake and the TLS shutdown may take.
SSL_HANDSHAKE_TIMEOUT = 60.0
SSL_SHUTDOWN_TIMEOUT = 30.0

# Bytes read from the file per step of loop.sendfile()'s read-and-write
# fallback.
SENDFILE_FALLBACK_READBUFFER_SIZE = 1024 * 256

# Seconds close() waits for the default executor's threads (asyncio.run()).
THREAD_JOIN_TIMEOUT = 300


class _SendfileMode(enum.Enum):
    """What loop.sendfile() may do with a transport (its
    _sendfile_compatible attribute)."""
    UNSUPPORTED = enum.auto()
    TRY_NATIVE = enum.auto()
    FALLBACK = enum.auto()
