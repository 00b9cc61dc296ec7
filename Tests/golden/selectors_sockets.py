# A single-threaded non-blocking echo server driven by DefaultSelector,
# with socket objects registered directly.
import selectors
import socket

sel = selectors.DefaultSelector()
srv = socket.create_server(("127.0.0.1", 0))
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, "server")

clients = []
for i in range(3):
    c = socket.socket()
    c.setblocking(False)
    err = c.connect_ex(srv.getsockname())
    print("connect_ex in progress:", err in (0, 115))
    sel.register(c, selectors.EVENT_WRITE, ("client", i))
    clients.append(c)

replies = {}
pending = {}
steps = 0
while len(replies) < 3 and steps < 200:
    steps += 1
    for key, events in sel.select(1):
        if key.data == "server":
            conn, addr = key.fileobj.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, "conn")
        elif key.data == "conn":
            data = key.fileobj.recv(100)
            if data:
                key.fileobj.send(data.upper())
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
        elif key.data[0] == "client" and events & selectors.EVENT_WRITE:
            key.fileobj.send(b"message %d" % key.data[1])
            sel.modify(key.fileobj, selectors.EVENT_READ, ("reply", key.data[1]))
        elif key.data[0] == "reply":
            replies[key.data[1]] = key.fileobj.recv(100)
            sel.unregister(key.fileobj)
            key.fileobj.close()

print(sorted(replies.items()))
for key in list(sel.get_map().values()):
    sel.unregister(key.fileobj)
    key.fileobj.close()
sel.close()
