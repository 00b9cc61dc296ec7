# http.cookiejar DefaultCookiePolicy domain rules under strict_domain and the
# strict_ns_domain flags; counts compared with CPython.
import email, urllib.request
from http import cookiejar
class R:
    def __init__(self, *c): self.m = email.message_from_string(''.join('Set-Cookie: %s\n' % x for x in c))
    def info(self): return self.m
cases = [('http://www.example.com/', 'a=1; Domain=.example.com'), ('http://www.example.com/', 'a=1; Domain=example.com'),
         ('http://www.example.com/', 'a=1; Domain=.com'), ('http://x.y.example.com/', 'a=1; Domain=.example.com'),
         ('http://host/', 'a=1; Domain=.local'), ('http://host/', 'a=1; Domain=host.local'), ('http://www.bbc.co.uk/', 'a=1; Domain=.co.uk'),
         ('http://www.bbc.co.uk/', 'a=1; Domain=.bbc.co.uk'), ('http://1.2.3.4/', 'a=1; Domain=.2.3.4'), ('http://www.example.com/', 'a=1; Domain=.other.com')]
for strict in (False, True):
    for ns in (0, cookiejar.DefaultCookiePolicy.DomainStrictNoDots, cookiejar.DefaultCookiePolicy.DomainRFC2965Match):
        out = []
        for url, sc in cases:
            jar = cookiejar.CookieJar(cookiejar.DefaultCookiePolicy(strict_domain=strict, strict_ns_domain=ns))
            jar.extract_cookies(R(sc), urllib.request.Request(url))
            out.append(len(jar))
        print(strict, ns, out)
