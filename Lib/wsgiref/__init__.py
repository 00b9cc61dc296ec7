"""wsgiref: the WSGI (PEP 3333) reference library.

util          -- helpers for WSGI environments and iterables
headers       -- a mutable mapping of response headers
handlers      -- base classes for servers and gateways
simple_server -- a simple HTTP server running one WSGI application
validate      -- middleware that checks an application and its server
types         -- typing protocols and aliases of the WSGI specification
"""
