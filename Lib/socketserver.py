"""Frameworks for network servers.

A server class accepts requests on a socket (TCPServer, UDPServer,
UnixStreamServer, UnixDatagramServer) and hands each to an instance of
a request handler class, whose handle() method serves it.  By default
one request is served at a time; ThreadingMixIn serves each in a new
thread and ForkingMixIn in a new process.  A mix-in comes first among
the bases, since it overrides process_request():

    class ThreadingUDPServer(ThreadingMixIn, UDPServer):
        pass

Handlers derive from BaseRequestHandler, or StreamRequestHandler and
DatagramRequestHandler, which give them rfile and wfile objects.
"""

import os
import selectors
import socket
import sys
import threading
from io import BufferedIOBase
from time import monotonic as time

__all__ = ["BaseServer", "TCPServer", "UDPServer",
           "ThreadingUDPServer", "ThreadingTCPServer",
           "BaseRequestHandler", "StreamRequestHandler",
           "DatagramRequestHandler", "ThreadingMixIn",
           "ForkingUDPServer", "ForkingTCPServer", "ForkingMixIn",
           "UnixStreamServer", "UnixDatagramServer",
           "ThreadingUnixStreamServer", "ThreadingUnixDatagramServer",
           "ForkingUnixStreamServer", "ForkingUnixDatagramServer"]

# poll is cheaper than select where it exists.
if hasattr(selectors, "PollSelector"):
    _ServerSelector = selectors.PollSelector
else:
    _ServerSelector = selectors.SelectSelector


class BaseServer:
    """The request-serving loop, independent of sockets.

    Callers use serve_forever(), shutdown(), handle_request() and
    fileno(); subclasses may override server_bind(), server_activate(),
    get_request(), verify_request(), process_request(), finish_request(),
    shutdown_request(), close_request(), handle_timeout(), handle_error(),
    service_actions() and server_close().  `timeout` bounds the wait of
    handle_request().
    """

    timeout = None

    def __init__(self, server_address, RequestHandlerClass):
        """May be extended by subclasses, which must call it."""
        self.server_address = server_address
        self.RequestHandlerClass = RequestHandlerClass
        self.__is_shut_down = threading.Event()
        self.__shutdown_request = False

    def server_activate(self):
        """Hook run by the constructor after binding; does nothing here."""
        pass

    def serve_forever(self, poll_interval=0.5):
        """Serve requests one at a time until shutdown() is called,
        checking for it every poll_interval seconds (self.timeout does not
        apply).  service_actions() runs after each wait."""
        self.__is_shut_down.clear()
        try:
            with _ServerSelector() as selector:
                selector.register(self, selectors.EVENT_READ)
                while not self.__shutdown_request:
                    ready = selector.select(poll_interval)
                    # shutdown() may have been called while we waited.
                    if self.__shutdown_request:
                        break
                    if ready:
                        self._handle_request_noblock()
                    self.service_actions()
        finally:
            self.__shutdown_request = False
            self.__is_shut_down.set()

    def shutdown(self):
        """Stop serve_forever() and wait until it has returned.  Call it
        from another thread than the one in serve_forever(), or it waits
        for ever."""
        self.__shutdown_request = True
        self.__is_shut_down.wait()

    def service_actions(self):
        """Hook run by serve_forever() after each wait; does nothing here."""
        pass

    def handle_request(self):
        """Wait for one request (at most self.timeout, or the socket's own
        timeout when shorter) and serve it; handle_timeout() when none
        came in time."""
        # The smaller of the socket's timeout and self.timeout applies.
        timeout = self.socket.gettimeout()
        if timeout is None:
            timeout = self.timeout
        elif self.timeout is not None:
            timeout = min(timeout, self.timeout)
        if timeout is not None:
            deadline = time() + timeout
        # Wait until a request arrives or the timeout expires; the loop
        # handles signals that interrupt the wait.
        with _ServerSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            while True:
                if selector.select(timeout):
                    return self._handle_request_noblock()
                if timeout is not None:
                    timeout = deadline - time()
                    if timeout < 0:
                        return self.handle_timeout()

    def _handle_request_noblock(self):
        """Serve the request the socket reports ready: get, verify,
        process, and shut it down when processing fails."""
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        if self.verify_request(request, client_address):
            try:
                self.process_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
                self.shutdown_request(request)
            except:
                self.shutdown_request(request)
                raise
        else:
            self.shutdown_request(request)

    def handle_timeout(self):
        """Hook for handle_request() when no request came in time."""
        pass

    def verify_request(self, request, client_address):
        """Whether to serve this request; always True here."""
        return True

    def process_request(self, request, client_address):
        """Serve the request in this thread; the mix-ins override this."""
        self.finish_request(request, client_address)
        self.shutdown_request(request)

    def server_close(self):
        """Release what the server holds; nothing here."""
        pass

    def finish_request(self, request, client_address):
        """Serve the request by making a RequestHandlerClass instance."""
        self.RequestHandlerClass(request, client_address, self)

    def shutdown_request(self, request):
        """End a request: close_request() here."""
        self.close_request(request)

    def close_request(self, request):
        """Release a request; nothing here."""
        pass

    def handle_error(self, request, client_address):
        """Report an exception raised while serving a request: print its
        traceback to stderr and go on serving."""
        print("-" * 40, file=sys.stderr)
        print("Exception occurred during processing of request from",
              client_address, file=sys.stderr)
        import traceback
        traceback.print_exc()
        print("-" * 40, file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.server_close()


class TCPServer(BaseServer):
    """A server on a stream socket (TCP over IPv4 by default).

    Class attributes to override: address_family, socket_type,
    request_queue_size (the listen() backlog), allow_reuse_address,
    allow_reuse_port and timeout.  With bind_and_activate false the
    constructor leaves binding and listening to the caller.
    """

    address_family = socket.AF_INET

    socket_type = socket.SOCK_STREAM

    request_queue_size = 5

    allow_reuse_address = False

    allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass,
                 bind_and_activate=True):
        """May be extended by subclasses, which must call it."""
        BaseServer.__init__(self, server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if bind_and_activate:
            try:
                self.server_bind()
                self.server_activate()
            except:
                self.server_close()
                raise

    def server_bind(self):
        """Bind the socket to server_address (applying the reuse options),
        then record the address actually bound."""
        if self.allow_reuse_address and hasattr(socket, "SO_REUSEADDR"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if (self.allow_reuse_port and hasattr(socket, "SO_REUSEPORT")
                and self.address_family in (socket.AF_INET, socket.AF_INET6)):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        """Start listening."""
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        """Close the listening socket."""
        self.socket.close()

    def fileno(self):
        """The listening socket's descriptor, for selectors."""
        return self.socket.fileno()

    def get_request(self):
        """accept(): the connection and the client's address."""
        return self.socket.accept()

    def shutdown_request(self, request):
        """Shut the connection down for writing, then close it."""
        try:
            # The client sees EOF even when the handler forked and the
            # child still holds a copy of the socket.
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass    # the client may already have closed it
        self.close_request(request)

    def close_request(self, request):
        """Close the connection."""
        request.close()


class UDPServer(TCPServer):
    """A server on a datagram socket (UDP over IPv4 by default); a
    request is (data, socket)."""

    allow_reuse_address = False

    allow_reuse_port = False

    socket_type = socket.SOCK_DGRAM

    max_packet_size = 8192

    def get_request(self):
        data, client_addr = self.socket.recvfrom(self.max_packet_size)
        return (data, self.socket), client_addr

    def server_activate(self):
        # A datagram socket does not listen.
        pass

    def shutdown_request(self, request):
        # There is no connection to shut down.
        self.close_request(request)

    def close_request(self, request):
        # The socket is the server's; nothing belongs to the request.
        pass


if hasattr(os, "fork"):
    class ForkingMixIn:
        """Serves each request in a child process (at most max_children
        at a time), reaping children as they exit."""

        timeout = 300
        active_children = None
        max_children = 40
        # If true, server_close() waits until all child processes complete.
        block_on_close = True

        def collect_children(self, *, blocking=False):
            """Reap children that have exited (all of them, waiting, when
            blocking), first waiting while max_children are running."""
            if self.active_children is None:
                return

            # Over the limit: wait for children until back under it.
            while len(self.active_children) >= self.max_children:
                try:
                    pid, _ = os.waitpid(-1, 0)
                    self.active_children.discard(pid)
                except ChildProcessError:
                    # No more children: the set is stale.
                    self.active_children.clear()
                except OSError:
                    break

            # Reap the children that have exited, waiting for them when
            # blocking.
            for pid in self.active_children.copy():
                try:
                    flags = 0 if blocking else os.WNOHANG
                    pid, _ = os.waitpid(pid, flags)
                    # A zero pid: the child has not exited yet.
                    self.active_children.discard(pid)
                except ChildProcessError:
                    # Someone else reaped it.
                    self.active_children.discard(pid)
                except OSError:
                    pass

        def handle_timeout(self):
            """Reap exited children while idle."""
            self.collect_children()

        def service_actions(self):
            """Reap exited children on each turn of serve_forever()."""
            self.collect_children()

        def process_request(self, request, client_address):
            """Serve the request in a new child process."""
            pid = os.fork()
            if pid:
                # Parent process
                if self.active_children is None:
                    self.active_children = set()
                self.active_children.add(pid)
                self.close_request(request)
                return
            # Child process.  The child must always exit, whatever
            # finish_request does.
            status = 1
            try:
                self.finish_request(request, client_address)
                status = 0
            except Exception:
                self.handle_error(request, client_address)
            finally:
                try:
                    self.shutdown_request(request)
                finally:
                    os._exit(status)

        def server_close(self):
            super().server_close()
            self.collect_children(blocking=self.block_on_close)


class _Threads(list):
    """The request threads server_close() waits for (daemon threads
    are never kept)."""

    def append(self, thread):
        self.reap()
        if thread.daemon:
            return
        super().append(thread)

    def pop_all(self):
        self[:], result = [], self[:]
        return result

    def join(self):
        for thread in self.pop_all():
            thread.join()

    def reap(self):
        self[:] = (thread for thread in self if thread.is_alive())


class _NoThreads:
    """Keeps no threads: for servers that do not wait for them."""

    def append(self, thread):
        pass

    def join(self):
        pass


class ThreadingMixIn:
    """Serves each request in a new thread."""

    # Decides how threads will act upon termination of the main process.
    daemon_threads = False
    # If true, server_close() waits until all non-daemonic threads terminate.
    block_on_close = True
    # Threads object used by server_close() to wait for the request
    # threads; made per server on first use.
    _threads = _NoThreads()

    def process_request_thread(self, request, client_address):
        """A request thread's body: serve, report errors, shut down."""
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def process_request(self, request, client_address):
        """Serve the request in a new thread."""
        if self.block_on_close:
            vars(self).setdefault("_threads", _Threads())
        t = threading.Thread(target=self.process_request_thread,
                             args=(request, client_address))
        t.daemon = self.daemon_threads
        self._threads.append(t)
        t.start()

    def server_close(self):
        super().server_close()
        self._threads.join()


if hasattr(os, "fork"):
    class ForkingUDPServer(ForkingMixIn, UDPServer): pass
    class ForkingTCPServer(ForkingMixIn, TCPServer): pass

class ThreadingUDPServer(ThreadingMixIn, UDPServer): pass
class ThreadingTCPServer(ThreadingMixIn, TCPServer): pass

if hasattr(socket, "AF_UNIX"):

    class UnixStreamServer(TCPServer):
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        address_family = socket.AF_UNIX

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer): pass

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer): pass

    if hasattr(os, "fork"):
        class ForkingUnixStreamServer(ForkingMixIn, UnixStreamServer): pass

        class ForkingUnixDatagramServer(ForkingMixIn, UnixDatagramServer): pass


class BaseRequestHandler:
    """Serves one request: constructing it with (request,
    client_address, server) runs setup(), handle() and finish(), which
    subclasses override; handle() finds the request in self.request.
    """

    def __init__(self, request, client_address, server):
        self.request = request
        self.client_address = client_address
        self.server = server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        pass

    def handle(self):
        pass

    def finish(self):
        pass


class StreamRequestHandler(BaseRequestHandler):
    """A handler for stream connections, reading from self.rfile and
    writing to self.wfile."""

    # Default buffer sizes for rfile, wfile.  wbufsize 0 means unbuffered
    # writes (through _SocketWriter, so write() sends everything).
    rbufsize = -1
    wbufsize = 0

    # A timeout to apply to the request socket, if not None.
    timeout = None

    # Disable nagle algorithm for this socket, if True.
    disable_nagle_algorithm = False

    def setup(self):
        self.connection = self.request
        if self.timeout is not None:
            self.connection.settimeout(self.timeout)
        if self.disable_nagle_algorithm:
            self.connection.setsockopt(socket.IPPROTO_TCP,
                                       socket.TCP_NODELAY, True)
        self.rfile = self.connection.makefile("rb", self.rbufsize)
        if self.wbufsize == 0:
            self.wfile = _SocketWriter(self.connection)
        else:
            self.wfile = self.connection.makefile("wb", self.wbufsize)

    def finish(self):
        if not self.wfile.closed:
            try:
                self.wfile.flush()
            except OSError:
                # A final socket error, e.g. the client closed first.
                pass
        self.wfile.close()
        self.rfile.close()


class _SocketWriter(BufferedIOBase):
    """An unbuffered writable file over a socket: write() sends all of
    its data at once, so nothing waits for a flush."""

    def __init__(self, sock):
        self._sock = sock

    def writable(self):
        return True

    def write(self, b):
        self._sock.sendall(b)
        with memoryview(b) as view:
            return view.nbytes

    def fileno(self):
        return self._sock.fileno()


class DatagramRequestHandler(BaseRequestHandler):
    """A handler for datagrams: self.rfile reads the packet, and what is
    written to self.wfile is sent back as one reply."""

    def setup(self):
        from io import BytesIO
        self.packet, self.socket = self.request
        self.rfile = BytesIO(self.packet)
        self.wfile = BytesIO()

    def finish(self):
        self.socket.sendto(self.wfile.getvalue(), self.client_address)
