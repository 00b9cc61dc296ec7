"""Context variables (PEP 567): per-thread, per-task state.

The types are implemented in C (Python/context.c)."""

from _contextvars import Context, ContextVar, Token, copy_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')
