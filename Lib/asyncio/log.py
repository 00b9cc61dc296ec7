"""The asyncio logger.

logging may be unavailable; the fallback writes what logging's last-resort
handler would write (the message, then any traceback) to stderr.
"""

import sys


class _StderrLogger:
    name = 'asyncio'

    def _emit(self, msg, args, exc_info):
        if args:
            msg = msg % args
        text = str(msg)
        if exc_info:
            import traceback
            if exc_info is True:
                exc_info = sys.exc_info()
            if isinstance(exc_info, BaseException):
                exc = exc_info
            else:
                exc = exc_info[1]
            if exc is not None:
                lines = traceback.format_exception(type(exc), exc,
                                                   exc.__traceback__)
                text += '\n' + ''.join(lines).rstrip('\n')
        try:
            sys.stderr.write(text + '\n')
        except Exception:
            pass

    def error(self, msg, *args, exc_info=None, **kwargs):
        self._emit(msg, args, exc_info)

    def warning(self, msg, *args, exc_info=None, **kwargs):
        self._emit(msg, args, exc_info)

    def info(self, msg, *args, **kwargs):
        pass

    def debug(self, msg, *args, **kwargs):
        pass

    def log(self, level, msg, *args, exc_info=None, **kwargs):
        if level >= 30:
            self._emit(msg, args, exc_info)

    def isEnabledFor(self, level):
        return level >= 30


def _make_logger():
    try:
        import logging
    except ImportError:
        return _StderrLogger()
    return logging.getLogger(__package__ or 'asyncio')


logger = _make_logger()
