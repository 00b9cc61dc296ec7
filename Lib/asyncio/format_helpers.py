"""Helpers that describe callbacks for reprs and debug messages."""

import functools
import inspect
import reprlib
import sys
import traceback

from . import constants


def _get_function_source(func):
    func = inspect.unwrap(func)
    if inspect.isfunction(func):
        code = func.__code__
        return (code.co_filename, code.co_firstlineno)
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    if isinstance(func, functools.partialmethod):
        return _get_function_source(func.func)
    return None


def _format_callback_source(func, args, *, debug=False):
    text = _format_callback(func, args, None, debug=debug)
    source = _get_function_source(func)
    if source:
        text += f' at {source[0]}:{source[1]}'
    return text


def _format_args_and_kwargs(args, kwargs, *, debug=False):
    # Arguments may hold secrets: they show in debug mode only, each
    # shortened by reprlib.
    if not debug:
        return '()'
    items = []
    if args:
        items.extend(reprlib.repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={reprlib.repr(v)}' for k, v in kwargs.items())
    return '(' + ', '.join(items) + ')'


def _format_callback(func, args, kwargs, *, debug=False, suffix=''):
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs, debug=debug) + suffix
        return _format_callback(func.func, func.args, func.keywords,
                                debug=debug, suffix=suffix)
    if hasattr(func, '__qualname__') and func.__qualname__:
        text = func.__qualname__
    elif hasattr(func, '__name__') and func.__name__:
        text = func.__name__
    else:
        text = repr(func)
    text += _format_args_and_kwargs(args, kwargs, debug=debug)
    return text + suffix


def extract_stack(f=None, limit=None):
    """Capture the creating stack for debug mode, without source lines."""
    if f is None:
        f = sys._getframe().f_back
    if limit is None:
        limit = constants.DEBUG_STACK_DEPTH
    stack = traceback.StackSummary.extract(traceback.walk_stack(f),
                                           limit=limit, lookup_lines=False)
    stack.reverse()
    return stack
