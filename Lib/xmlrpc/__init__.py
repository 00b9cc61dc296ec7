"""XML-RPC: a client (xmlrpc.client) and servers (xmlrpc.server)."""
