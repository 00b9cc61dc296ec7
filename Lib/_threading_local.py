"""Thread-local data: threading.local.

An instance of local (or of a subclass) has a separate attribute namespace
in every thread.  A subclass's __init__ runs again, with the constructor's
arguments, the first time each thread touches the instance.

Each instance keeps one dictionary per thread, keyed by id() of the
thread's Thread object.  Weak references tie the lifetimes together: when
the thread ends its dictionary is dropped, and when the instance dies its
entry in each thread is removed.  Attribute access swaps the calling
thread's dictionary in as the instance __dict__ under the instance's lock,
so two threads never see each other's namespace.
"""

from weakref import ref

__all__ = ["local"]


class _localimpl:
    """The per-instance state: the dictionaries of each thread."""

    __slots__ = ('key', 'dicts', 'localargs', 'locallock', '__weakref__')

    def __init__(self):
        # The key under which each Thread object refers back to this
        # instance; unique while the instance lives.
        self.key = '_threading_local._localimpl.' + str(id(self))
        self.dicts = {}

    def get_dict(self):
        """The calling thread's dictionary; KeyError if it has none yet."""
        thread = current_thread()
        return self.dicts[id(thread)][1]

    def create_dict(self):
        """Make and register the calling thread's dictionary."""
        localdict = {}
        key = self.key
        thread = current_thread()
        thread_id = id(thread)

        def local_deleted(_, key=key):
            thread = thread_ref()
            if thread is not None:
                thread.__dict__.pop(key, None)

        def thread_deleted(_, thread_id=thread_id):
            impl = impl_ref()
            if impl is not None:
                impl.dicts.pop(thread_id, None)

        impl_ref = ref(self, local_deleted)
        thread_ref = ref(thread, thread_deleted)
        thread.__dict__[key] = impl_ref
        self.dicts[thread_id] = thread_ref, localdict
        return localdict


class _patched:
    """Context manager: the calling thread's dictionary is the instance's
    __dict__ for the duration, under the instance's lock."""

    __slots__ = ('instance', 'impl')

    def __init__(self, instance):
        self.instance = instance
        self.impl = object.__getattribute__(instance, '_local__impl')

    def __enter__(self):
        impl = self.impl
        impl.locallock.acquire()
        try:
            try:
                localdict = impl.get_dict()
            except KeyError:
                localdict = impl.create_dict()
                args, kw = impl.localargs
                object.__setattr__(self.instance, '__dict__', localdict)
                type(self.instance).__init__(self.instance, *args, **kw)
            object.__setattr__(self.instance, '__dict__', localdict)
        except BaseException:
            impl.locallock.release()
            raise

    def __exit__(self, *exc_info):
        self.impl.locallock.release()


class local:
    """Thread-local data: attributes set in one thread are invisible in
    the others."""

    __slots__ = ('_local__impl', '__dict__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _localimpl()
        impl.localargs = (args, kw)
        impl.locallock = RLock()
        object.__setattr__(self, '_local__impl', impl)
        # The creating thread gets its dictionary now; __init__ runs as
        # part of the normal construction.
        impl.create_dict()
        return self

    def __getattribute__(self, name):
        with _patched(self):
            return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        with _patched(self):
            return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        with _patched(self):
            return object.__delattr__(self, name)


from threading import current_thread, RLock
