"""wsgiref: a reference toolkit for the Web Server Gateway Interface (PEP 3333).

util          -- environ helpers (URIs, path shifting, test defaults, FileWrapper)
headers       -- the Headers mapping for response headers
handlers      -- base classes that run a WSGI application for a server or CGI
simple_server -- a small WSGI HTTP server on http.server
validate      -- a middleware that checks both sides against the specification
types         -- typing protocols for WSGI applications and servers
"""
