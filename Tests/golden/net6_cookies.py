# http.cookies: SimpleCookie/BaseCookie/Morsel output, quoting, parsing, errors.
from http import cookies
C = cookies.SimpleCookie()
C['fig'] = 'newton'
C['sugar'] = 'wafer; with, specials "q"'
C['fig']['path'] = '/cookie'
C['fig']['max-age'] = 3600
C['fig']['secure'] = True
C['fig']['httponly'] = True
C['fig']['samesite'] = 'Strict'
print(C)
print(C.output(header='Cookie:'))
print(repr(C))
print(C['sugar'].value, C['sugar'].coded_value)
D = cookies.SimpleCookie()
D.load('chips=ahoy; vienna=finger; keebler="E=mc2; L=\\"Loves\\"; fudge=\\012;"')
print(repr(D), D['keebler'].value)
E = cookies.SimpleCookie('a=1; Path=/x; Domain=.ex.com; Secure; HttpOnly; b=2; expires=Wed, 21 Oct 2015 07:28:00 GMT')
print(E['a']['path'], E['a']['domain'], E['a']['secure'], E['b']['expires'], E.output())
print(repr(cookies.SimpleCookie('bad key=1; =x')), repr(cookies.SimpleCookie('Path=/; a=1')))
try:
    C['fig']['bogus'] = 1
except cookies.CookieError as e: print(e)
try:
    m = cookies.Morsel(); m.set('path', 'a', 'a')
except cookies.CookieError as e: print(e)
m = cookies.Morsel(); m.set('k', 'v', 'v'); m['comment'] = 'a comment'; print(m.OutputString(), m.output(attrs=['path']))
B = cookies.BaseCookie(); B['x'] = 5; print(B, repr(B['x'].value))
print(C['fig'] == C['fig'].copy(), cookies._quote('a b'), cookies._unquote('"a\\054b"'))
