"""Managers: a server process owns objects; other processes use them
through proxies that forward method calls over authenticated connections.

Wire protocol (each message pickled over a Connection):
  request  (ident, methodname, args, kwds)  -- ident None for the server's
           own functions ('create', 'incref', 'decref', 'shutdown', ...)
  reply    (kind, value) with kind '#RETURN' (value is the result),
           '#PROXY' ((exposed, token): the result stays in the server),
           '#ERROR' (value is the exception), '#TRACEBACK' (value is a
           formatted traceback of a server-side failure) or
           '#UNSERIALIZABLE' (the repr of a result that did not pickle).
A connection's first request is a server function; 'accept_connection'
turns it into a connection for method calls."""

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token',
           'SharedMemoryManager']

import array
import os
import queue
import signal
import sys
import threading
import time
import types

from . import connection
from . import pool
from . import process
from . import util
from . import get_context
from .context import reduction, get_spawning_popen, ProcessError

try:
    from . import shared_memory
    HAS_SHMEM = True
except ImportError:
    HAS_SHMEM = False


def _reduce_array(a):
    return array.array, (a.typecode, a.tobytes())


reduction.register(array.array, _reduce_array)

# Views of dicts are sent as lists.
view_types = [type(getattr({}, name)()) for name in ('items', 'keys',
                                                      'values')]


def _reduce_view(a):
    return list, (list(a),)


for view_type in view_types:
    reduction.register(view_type, _reduce_view)
del view_type


class Token(object):
    """Names a shared object: its type id, the server's address, and its
    id in the server."""
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)


def dispatch(c, id, methodname, args=(), kwds={}):
    """Sends one request on connection c and returns its result."""
    c.send((id, methodname, args, kwds))
    kind, result = c.recv()
    if kind == '#RETURN':
        return result
    try:
        raise convert_to_error(kind, result)
    finally:
        del result


def convert_to_error(kind, result):
    if kind == '#ERROR':
        return result
    elif kind in ('#TRACEBACK', '#UNSERIALIZABLE'):
        if not isinstance(result, str):
            raise TypeError(
                "Result {0!r} (kind '{1}') type is {2}, not str".format(
                    result, kind, type(result)))
        if kind == '#UNSERIALIZABLE':
            return RemoteError('Unserializable message: %s\n' % result)
        return RemoteError(result)
    return ValueError('Unrecognized message type {!r}'.format(kind))


class RemoteError(Exception):
    """A failure in the manager's server, with its traceback text."""

    def __str__(self):
        return ('\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75)


def all_methods(obj):
    """The names of obj's callable attributes."""
    temp = []
    for name in dir(obj):
        func = getattr(obj, name)
        if callable(func):
            temp.append(name)
    return temp


def public_methods(obj):
    """The names of obj's callable attributes not starting with '_'."""
    return [name for name in all_methods(obj) if name[0] != '_']


# ---- the server --------------------------------------------------------------

class Server(object):
    """Runs in the manager process: owns the shared objects and serves each
    connection in a thread of its own.

    id_to_obj maps an object id to (object, exposed names, method_to_typeid)
    and id_to_refcount to the number of proxies (in all processes) holding
    it; an object goes when its count drops to zero.  id_to_local_proxy_obj
    keeps the objects that proxies stored inside other shared objects refer
    to (see RebuildProxy).  mutex protects the three dicts."""

    public = ['shutdown', 'create', 'accept_connection', 'get_methods',
              'debug_info', 'number_of_objects', 'dummy', 'incref', 'decref']

    def __init__(self, registry, address, authkey, serializer):
        if not isinstance(authkey, bytes):
            raise TypeError(
                "Authkey {0!r} is type {1!s}, not bytes".format(
                    authkey, type(authkey)))
        self.registry = registry
        self.authkey = process.AuthenticationString(authkey)
        Listener, Client = listener_client[serializer]
        self.listener = Listener(address=address, backlog=128)
        self.address = self.listener.address
        self.id_to_obj = {'0': (None, ())}
        self.id_to_refcount = {}
        self.id_to_local_proxy_obj = {}
        self.mutex = threading.Lock()
        self.stop_event = threading.Event()

    # -- the server's life --

    def serve_forever(self):
        """Serves until a client asks for shutdown, then exits the
        process."""
        process.current_process()._manager_server = self
        threading.Thread(target=self.accepter, daemon=True).start()
        try:
            self.stop_event.wait()
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            sys.stdout = sys.__stdout__
            sys.stderr = sys.__stderr__
            sys.exit(0)

    def accepter(self):
        while True:
            try:
                conn = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self.handle_request, args=(conn,),
                             daemon=True).start()

    def handle_request(self, conn):
        """Authenticates a new connection and answers its first request,
        a call of one of the server's public functions."""
        try:
            reply = self._first_request(conn)
            if reply is not None:
                self._send_reply(conn, reply)
        except SystemExit:
            pass
        finally:
            conn.close()

    def _first_request(self, conn):
        # The reply, or None when the function answered itself.
        try:
            connection.deliver_challenge(conn, self.authkey)
            connection.answer_challenge(conn, self.authkey)
            _, funcname, args, kwds = conn.recv()
            if funcname not in self.public:
                raise AssertionError('%r unrecognized' % funcname)
            func = getattr(self, funcname)
        except Exception:
            return ('#TRACEBACK', format_exc())
        try:
            result = func(conn, *args, **kwds)
        except Exception:
            return ('#TRACEBACK', format_exc())
        if funcname in ('accept_connection', 'shutdown'):
            return None
        return ('#RETURN', result)

    @staticmethod
    def _send_reply(conn, reply):
        """Sends reply; a reply that does not pickle becomes a report of
        why.  False when the connection is gone."""
        try:
            conn.send(reply)
            return True
        except Exception:
            try:
                conn.send(('#UNSERIALIZABLE', format_exc()))
                return True
            except Exception:
                return False

    def serve_client(self, conn):
        """Serves method calls on conn until the client goes away."""
        while not self.stop_event.is_set():
            try:
                ident, methodname, args, kwds = conn.recv()
            except (EOFError, OSError):
                return
            except Exception:
                reply = ('#TRACEBACK', format_exc())
            else:
                reply = self._call_method(conn, ident, methodname, args,
                                          kwds)
            if not self._send_reply(conn, reply):
                return

    def _lookup(self, ident):
        with self.mutex:
            try:
                return self.id_to_obj[ident]
            except KeyError:
                return self.id_to_local_proxy_obj[ident]

    def _call_method(self, conn, ident, methodname, args, kwds):
        # The reply to one method call on a shared object.
        try:
            obj, exposed, gettypeid = self._lookup(ident)
        except KeyError:
            return ('#TRACEBACK', format_exc())
        if methodname not in exposed:
            fallback = self.fallback_mapping.get(methodname)
            if fallback is None:
                return ('#ERROR', AttributeError(
                    'method %r of %r object is not in exposed=%r'
                    % (methodname, type(obj), exposed)))
            try:
                return ('#RETURN', fallback(self, conn, ident, obj,
                                            *args, **kwds))
            except Exception:
                return ('#TRACEBACK', format_exc())
        try:
            result = getattr(obj, methodname)(*args, **kwds)
        except Exception as e:
            return ('#ERROR', e)
        typeid = gettypeid and gettypeid.get(methodname, None)
        if not typeid:
            return ('#RETURN', result)
        # The result stays here, shared: the caller gets a proxy.
        try:
            rident, rexposed = self.create(conn, typeid, result)
        except Exception:
            return ('#TRACEBACK', format_exc())
        return ('#PROXY', (rexposed, Token(typeid, self.address, rident)))

    # What a proxy may ask of any object, exposed or not.
    def fallback_getvalue(self, conn, ident, obj):
        return obj

    def fallback_str(self, conn, ident, obj):
        return str(obj)

    def fallback_repr(self, conn, ident, obj):
        return repr(obj)

    fallback_mapping = {
        '__str__': fallback_str,
        '__repr__': fallback_repr,
        '#GETVALUE': fallback_getvalue,
    }

    # -- the public functions (first requests) --

    def dummy(self, c):
        pass

    def debug_info(self, c):
        """A text listing the shared objects and their reference counts."""
        with self.mutex:
            return '\n'.join(
                '  %s:       refcount=%s\n    %s'
                % (ident, count, str(self.id_to_obj[ident][0])[:75])
                for ident, count in sorted(self.id_to_refcount.items())
                if ident != '0')

    def number_of_objects(self, c):
        """The number of shared objects."""
        with self.mutex:
            return len(self.id_to_refcount)

    def shutdown(self, c):
        """Replies, then stops the server."""
        try:
            c.send(('#RETURN', None))
        finally:
            self.stop_event.set()

    def create(self, c, typeid, /, *args, **kwds):
        """Makes a new shared object; returns its id and exposed methods.
        The object starts with one reference, the caller's."""
        callable, exposed, method_to_typeid, proxytype = self.registry[typeid]
        if callable is None:
            if kwds or len(args) != 1:
                raise ValueError(
                    "Without callable, must have one non-keyword argument")
            obj = args[0]
        else:
            obj = callable(*args, **kwds)
        if exposed is None:
            exposed = public_methods(obj)
        if method_to_typeid is not None:
            if not isinstance(method_to_typeid, dict):
                raise TypeError(
                    "Method_to_typeid {0!r}: type {1!s}, not dict".format(
                        method_to_typeid, type(method_to_typeid)))
            exposed = list(exposed) + list(method_to_typeid)
        ident = '%x' % id(obj)
        with self.mutex:
            self.id_to_obj[ident] = (obj, set(exposed), method_to_typeid)
            self.id_to_refcount.setdefault(ident, 0)
        self.incref(c, ident)
        return ident, tuple(exposed)

    def get_methods(self, c, token):
        """The exposed methods of the object token names."""
        return tuple(self._lookup(token.id)[1])

    def accept_connection(self, c, name):
        """Turns c into a connection for method calls."""
        threading.current_thread().name = name
        c.send(('#RETURN', None))
        self.serve_client(c)

    def incref(self, c, ident):
        with self.mutex:
            if ident in self.id_to_refcount:
                self.id_to_refcount[ident] += 1
            elif ident in self.id_to_local_proxy_obj:
                # A proxy stored in a shared object came back to a client.
                self.id_to_refcount[ident] = 1
                self.id_to_obj[ident] = self.id_to_local_proxy_obj[ident]
            else:
                raise KeyError(ident)

    def decref(self, c, ident):
        with self.mutex:
            if (ident not in self.id_to_refcount and
                    ident in self.id_to_local_proxy_obj):
                return
            count = self.id_to_refcount[ident]
            if count <= 0:
                raise AssertionError(
                    "Id {0!s} ({1!r}) has refcount {2:n}, not 1+".format(
                        ident, self.id_to_obj[ident], count))
            if count > 1:
                self.id_to_refcount[ident] = count - 1
                return
            del self.id_to_refcount[ident]
            entry = self.id_to_obj.pop(ident, None)
        # The object is released outside the lock: its destructor may do
        # anything, calls back into this server included.
        del entry


def format_exc():
    import traceback
    return traceback.format_exc()


# ---- the manager -------------------------------------------------------------

class State(object):
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


listener_client = {
    'pickle': (connection.Listener, connection.Client),
    'xmlrpclib': (connection.XmlListener, connection.XmlClient),
}


class BaseManager(object):
    """Starts (or connects to) a server process and makes proxies of the
    objects it creates; register() adds types."""
    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer='pickle',
                 ctx=None, *, shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = process.AuthenticationString(authkey)
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._Listener, self._Client = listener_client[serializer]
        self._ctx = ctx or get_context()
        self._shutdown_timeout = shutdown_timeout

    def get_server(self):
        """A Server for this manager, to run in the current process."""
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))
        return Server(self._registry, self._address,
                      self._authkey, self._serializer)

    def connect(self):
        """Connects to a server already running at the address."""
        Listener, Client = listener_client[self._serializer]
        conn = Client(self._address, authkey=self._authkey)
        dispatch(conn, None, 'dummy')
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        """Starts the server process."""
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))

        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        reader, writer = connection.Pipe(duplex=False)

        self._process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._registry, self._address, self._authkey,
                  self._serializer, writer, initializer, initargs),
            )
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()

        writer.close()
        self._address = reader.recv()
        reader.close()

        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._authkey,
                  self._state, self._Client, self._shutdown_timeout),
            exitpriority=0
            )

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer,
                    initializer=None, initargs=()):
        """The server process's body."""
        # Ctrl-C goes to the parent, which shuts the server down itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        server = cls._Server(registry, address, authkey, serializer)
        writer.send(server.address)
        writer.close()
        util.info('manager serving at %r', server.address)
        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        """Creates a shared object; returns its token and exposed
        methods."""
        assert self._state.value == State.STARTED, 'server not yet started'
        conn = self._Client(self._address, authkey=self._authkey)
        try:
            id, exposed = dispatch(conn, None, 'create', (typeid,)+args, kwds)
        finally:
            conn.close()
        return Token(typeid, self._address, id), exposed

    def join(self, timeout=None):
        """Waits for the server process to end."""
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def _debug_info(self):
        conn = self._Client(self._address, authkey=self._authkey)
        try:
            return dispatch(conn, None, 'debug_info')
        finally:
            conn.close()

    def _number_of_objects(self):
        conn = self._Client(self._address, authkey=self._authkey)
        try:
            return dispatch(conn, None, 'number_of_objects')
        finally:
            conn.close()

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            if self._state.value == State.INITIAL:
                raise ProcessError("Unable to start server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, authkey, state, _Client,
                          shutdown_timeout):
        """Asks the server to stop; terminates it if it does not."""
        if process.is_alive():
            util.info('sending shutdown message to manager')
            try:
                conn = _Client(address, authkey=authkey)
                try:
                    dispatch(conn, None, 'shutdown')
                finally:
                    conn.close()
            except Exception:
                pass

            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                if hasattr(process, 'terminate'):
                    process.terminate()
                    process.join(timeout=shutdown_timeout)
                    if process.is_alive():
                        process.kill()
                        process.join()

        state.value = State.SHUTDOWN
        try:
            del BaseProxy._address_to_local[address]
        except KeyError:
            pass

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Makes typeid a type this manager's server can create; with
        create_method, manager.typeid(...) creates one and returns a
        proxytype proxy (AutoProxy by default) for it."""
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()

        if proxytype is None:
            proxytype = AutoProxy

        exposed = exposed or getattr(proxytype, '_exposed_', None)

        method_to_typeid = method_to_typeid or \
            getattr(proxytype, '_method_to_typeid_', None)

        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                assert type(key) is str, '%r is not a string' % key
                assert type(value) is str, '%r is not a string' % value

        cls._registry[typeid] = (
            callable, exposed, method_to_typeid, proxytype
            )

        if create_method:
            def temp(self, /, *args, **kwds):
                token, exp = self._create(typeid, *args, **kwds)
                proxy = proxytype(
                    token, self._serializer, manager=self,
                    authkey=self._authkey, exposed=exp
                    )
                conn = self._Client(token.address, authkey=self._authkey)
                dispatch(conn, None, 'decref', (token.id,))
                return proxy
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


class ProcessLocalSet(set):
    """A set emptied in a forked child."""

    def __init__(self):
        util.register_after_fork(self, lambda obj: obj.clear())

    def __reduce__(self):
        return type(self), ()


# ---- proxies ---------------------------------------------------------------

class BaseProxy(object):
    """Forwards method calls to a shared object in a manager's server.
    Each thread has its own connection to each server (_tls); _idset
    holds the ids this process has a reference to."""
    _address_to_local = {}
    _mutex = util.ForkAwareThreadLock()

    def __init__(self, token, serializer, manager=None,
                 authkey=None, exposed=None, incref=True,
                 manager_owned=False):
        with BaseProxy._mutex:
            tls_idset = BaseProxy._address_to_local.get(token.address, None)
            if tls_idset is None:
                tls_idset = util.ForkAwareLocal(), ProcessLocalSet()
                BaseProxy._address_to_local[token.address] = tls_idset

        self._tls = tls_idset[0]
        self._idset = tls_idset[1]
        self._token = token
        self._id = self._token.id
        self._manager = manager
        self._serializer = serializer
        self._Client = listener_client[serializer][1]
        # A proxy that lives inside the server (an item of a shared
        # container) holds no reference of its own.
        self._owned_by_manager = manager_owned

        if authkey is not None:
            self._authkey = process.AuthenticationString(authkey)
        elif self._manager is not None:
            self._authkey = self._manager._authkey
        else:
            self._authkey = process.current_process().authkey

        if incref:
            self._incref()

        util.register_after_fork(self, BaseProxy._after_fork)

    def _connect(self):
        name = process.current_process().name
        if threading.current_thread().name != 'MainThread':
            name += '|' + threading.current_thread().name
        conn = self._Client(self._token.address, authkey=self._authkey)
        dispatch(conn, None, 'accept_connection', (name,))
        self._tls.connection = conn

    def _callmethod(self, methodname, args=(), kwds={}):
        """Calls methodname on the shared object; returns the result (a
        new proxy when the method's result stays in the server)."""
        try:
            conn = self._tls.connection
        except AttributeError:
            self._connect()
            conn = self._tls.connection

        conn.send((self._id, methodname, args, kwds))
        kind, result = conn.recv()

        if kind == '#RETURN':
            return result
        elif kind == '#PROXY':
            exposed, token = result
            proxytype = self._manager._registry[token.typeid][-1]
            token.address = self._token.address
            proxy = proxytype(
                token, self._serializer, manager=self._manager,
                authkey=self._authkey, exposed=exposed
                )
            conn = self._Client(token.address, authkey=self._authkey)
            dispatch(conn, None, 'decref', (token.id,))
            return proxy
        try:
            raise convert_to_error(kind, result)
        finally:
            del result

    def _getvalue(self):
        """A copy of the shared object."""
        return self._callmethod('#GETVALUE')

    def _incref(self):
        if self._owned_by_manager:
            return

        conn = self._Client(self._token.address, authkey=self._authkey)
        dispatch(conn, None, 'incref', (self._id,))

        self._idset.add(self._id)

        state = self._manager and self._manager._state

        self._close = util.Finalize(
            self, BaseProxy._decref,
            args=(self._token, self._authkey, state,
                  self._tls, self._idset, self._Client),
            exitpriority=10
            )

    @staticmethod
    def _decref(token, authkey, state, tls, idset, _Client):
        idset.discard(token.id)

        # The server may be gone already (the manager shut down).
        if state is None or state.value == State.STARTED:
            try:
                conn = _Client(token.address, authkey=authkey)
                dispatch(conn, None, 'decref', (token.id,))
            except Exception as e:
                pass
        else:
            pass

        # The last proxy for this server in this thread closes the
        # connection.
        if not idset and hasattr(tls, 'connection'):
            tls.connection.close()
            del tls.connection

    def _after_fork(self):
        self._manager = None
        try:
            self._incref()
        except Exception as e:
            pass

    def __reduce__(self):
        kwds = {}
        if get_spawning_popen() is not None:
            kwds['authkey'] = self._authkey

        if getattr(self, '_isauto', False):
            kwds['exposed'] = self._exposed_
            return (RebuildProxy,
                    (AutoProxy, self._token, self._serializer, kwds))
        else:
            return (RebuildProxy,
                    (type(self), self._token, self._serializer, kwds))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % \
               (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        """The str() of the shared object."""
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(func, token, serializer, kwds):
    """Unpickles a proxy: inside the owning server, one that holds no
    reference (the object is kept alive through id_to_local_proxy_obj);
    elsewhere a normal proxy."""
    server = getattr(process.current_process(), '_manager_server', None)
    if server and server.address == token.address:
        kwds['manager_owned'] = True
        if token.id not in server.id_to_local_proxy_obj:
            server.id_to_local_proxy_obj[token.id] = \
                server.id_to_obj[token.id]
    incref = (
        kwds.pop('incref', True) and
        not getattr(process.current_process(), '_inheriting', False)
        )
    return func(token, serializer, incref=incref, **kwds)


def MakeProxyType(name, exposed, _cache={}):
    """A BaseProxy subclass forwarding each of the exposed methods."""
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass

    dic = {}

    for meth in exposed:
        exec('''def %s(self, /, *args, **kwds):
        return self._callmethod(%r, args, kwds)''' % (meth, meth), dic)

    ProxyType = type(name, (BaseProxy,), dic)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def AutoProxy(token, serializer, manager=None, authkey=None,
              exposed=None, incref=True, manager_owned=False):
    """A proxy of a type made for the object's exposed methods."""
    _Client = listener_client[serializer][1]

    if exposed is None:
        conn = _Client(token.address, authkey=authkey)
        try:
            exposed = dispatch(conn, None, 'get_methods', (token,))
        finally:
            conn.close()

    if authkey is None and manager is not None:
        authkey = manager._authkey
    if authkey is None:
        authkey = process.current_process().authkey

    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, authkey=authkey,
                      incref=incref, manager_owned=manager_owned)
    proxy._isauto = True
    return proxy


# ---- the types SyncManager shares ------------------------------------------

class Namespace(object):
    """An object whose attributes are given as keywords."""

    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    """A value with get()/set() and a value attribute."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode,
                               self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return array.array(typecode, sequence)


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release', 'locked')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def locked(self):
        return self._callmethod('locked')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'locked', 'wait', 'notify',
                 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)

    __class_getitem__ = classmethod(types.GenericAlias)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop',
    'remove', 'reverse', 'sort', '__imul__',
    ))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    __class_getitem__ = classmethod(types.GenericAlias)


_BaseDictProxy = MakeProxyType('_BaseDictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__ior__', '__iter__',
    '__len__', '__or__', '__reversed__', '__ror__', '__setitem__',
    'clear', 'copy', 'fromkeys', 'get', 'items', 'keys', 'pop', 'popitem',
    'setdefault', 'update', 'values',
    ))
_BaseDictProxy._method_to_typeid_ = {
    '__iter__': 'Iterator',
    }


class DictProxy(_BaseDictProxy):
    def __ior__(self, value):
        self._callmethod('__ior__', (value,))
        return self

    __class_getitem__ = classmethod(types.GenericAlias)


_BaseSetProxy = MakeProxyType("_BaseSetProxy", (
    '__and__', '__contains__', '__iand__', '__ior__', '__isub__',
    '__ixor__', '__len__', '__or__', '__rand__', '__ror__', '__rsub__',
    '__rxor__', '__sub__', '__xor__', '__ge__', '__gt__', '__le__',
    '__lt__', 'add', 'clear', 'copy', 'difference', 'difference_update',
    'discard', 'intersection', 'intersection_update', 'isdisjoint',
    'issubset', 'issuperset', 'pop', 'remove', 'symmetric_difference',
    'symmetric_difference_update', 'union', 'update',
    '__iter__',
    ))
_BaseSetProxy._method_to_typeid_ = {'__iter__': 'Iterator'}


class SetProxy(_BaseSetProxy):
    def __ior__(self, value):
        self._callmethod('__ior__', (value,))
        return self

    def __iand__(self, value):
        self._callmethod('__iand__', (value,))
        return self

    def __ixor__(self, value):
        self._callmethod('__ixor__', (value,))
        return self

    def __isub__(self, value):
        self._callmethod('__isub__', (value,))
        return self

    __class_getitem__ = classmethod(types.GenericAlias)


ArrayProxy = MakeProxyType('ArrayProxy', (
    '__len__', '__getitem__', '__setitem__'
    ))


BasePoolProxy = MakeProxyType('PoolProxy', (
    'apply', 'apply_async', 'close', 'imap', 'imap_unordered', 'join',
    'map', 'map_async', 'starmap', 'starmap_async', 'terminate',
    ))
BasePoolProxy._method_to_typeid_ = {
    'apply_async': 'AsyncResult',
    'map_async': 'AsyncResult',
    'starmap_async': 'AsyncResult',
    'imap': 'Iterator',
    'imap_unordered': 'Iterator'
    }


class PoolProxy(BasePoolProxy):
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class SyncManager(BaseManager):
    """A manager sharing queues, locks, events, lists, dicts and more;
    Manager() returns a started one."""


SyncManager.register('Queue', queue.Queue)
SyncManager.register('JoinableQueue', queue.Queue)
SyncManager.register('Event', threading.Event, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore,
                     AcquirerProxy)
SyncManager.register('Condition', threading.Condition, ConditionProxy)
SyncManager.register('Barrier', threading.Barrier, BarrierProxy)
SyncManager.register('Pool', pool.Pool, PoolProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('set', set, SetProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)

# Types whose objects are only created as method results.
SyncManager.register('Iterator', proxytype=IteratorProxy, create_method=False)
SyncManager.register('AsyncResult', create_method=False)


# ---- SharedMemoryManager --------------------------------------------------

if HAS_SHMEM:
    class _SharedMemoryTracker:
        """The shared memory segments a SharedMemoryServer removes when it
        stops."""

        def __init__(self, name, segment_names=[]):
            self.shared_memory_context_name = name
            self.segment_names = segment_names

        def register_segment(self, segment_name):
            self.segment_names.append(segment_name)

        def destroy_segment(self, segment_name):
            self.segment_names.remove(segment_name)
            segment = shared_memory.SharedMemory(segment_name)
            segment.close()
            segment.unlink()

        def unlink(self):
            for segment_name in self.segment_names[:]:
                self.destroy_segment(segment_name)

        def __del__(self):
            self.unlink()

        def __getstate__(self):
            return (self.shared_memory_context_name, self.segment_names)

        def __setstate__(self, state):
            self.__init__(*state)

    class SharedMemoryServer(Server):

        public = Server.public + \
            ['track_segment', 'release_segment', 'list_segments']

        def __init__(self, *args, **kwargs):
            Server.__init__(self, *args, **kwargs)
            address = self.address
            if isinstance(address, bytes):
                address = os.fsdecode(address)
            self.shared_memory_context = \
                _SharedMemoryTracker(f"shm_{address}_{os.getpid()}", [])

        def create(self, c, typeid, /, *args, **kwargs):
            """Like Server.create(), passing the segment tracker to
            types that ask for it."""
            if hasattr(self.registry[typeid][-1], "_shared_memory_proxy"):
                kwargs['shared_memory_context'] = self.shared_memory_context
            return Server.create(self, c, typeid, *args, **kwargs)

        def shutdown(self, c):
            """Removes every tracked segment, then stops."""
            self.shared_memory_context.unlink()
            return Server.shutdown(self, c)

        def track_segment(self, c, segment_name):
            """Adds a segment to remove at shutdown."""
            self.shared_memory_context.register_segment(segment_name)

        def release_segment(self, c, segment_name):
            """Removes a tracked segment now."""
            self.shared_memory_context.destroy_segment(segment_name)

        def list_segments(self, c):
            """The tracked segments' names."""
            return self.shared_memory_context.segment_names

    class SharedMemoryManager(BaseManager):
        """A manager whose SharedMemory() and ShareableList() blocks are
        removed when it shuts down."""

        _Server = SharedMemoryServer

        def __init__(self, *args, **kwargs):
            if os.name == "posix":
                from . import resource_tracker
                resource_tracker.ensure_running()
            BaseManager.__init__(self, *args, **kwargs)

        def __del__(self):
            pass

        def get_server(self):
            """A SharedMemoryServer for this manager."""
            if self._state.value != State.INITIAL:
                if self._state.value == State.STARTED:
                    raise ProcessError("Already started SharedMemoryServer")
                elif self._state.value == State.SHUTDOWN:
                    raise ProcessError("SharedMemoryManager has shut down")
                else:
                    raise ProcessError(
                        "Unknown state {!r}".format(self._state.value))
            return self._Server(self._registry, self._address,
                                self._authkey, self._serializer)

        def SharedMemory(self, size):
            """A new SharedMemory block of size bytes, tracked by the
            server."""
            with self._Client(self._address, authkey=self._authkey) as conn:
                sms = shared_memory.SharedMemory(None, create=True,
                                                 size=size)
                try:
                    dispatch(conn, None, 'track_segment', (sms.name,))
                except BaseException as e:
                    sms.unlink()
                    raise e
            return sms

        def ShareableList(self, sequence):
            """A new ShareableList, tracked by the server."""
            with self._Client(self._address, authkey=self._authkey) as conn:
                sl = shared_memory.ShareableList(sequence)
                try:
                    dispatch(conn, None, 'track_segment', (sl.shm.name,))
                except BaseException as e:
                    sl.shm.unlink()
                    raise e
            return sl
