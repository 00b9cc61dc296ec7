"""XML-RPC: remote procedure calls encoded in XML over HTTP.

xmlrpc.client calls servers (ServerProxy); xmlrpc.server implements them
(SimpleXMLRPCServer).
"""
