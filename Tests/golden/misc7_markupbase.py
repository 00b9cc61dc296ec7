# _markupbase.ParserBase: declarations, comments, marked sections, DOCTYPE subsets.
import _markupbase
class P(_markupbase.ParserBase):
    def __init__(self, data):
        super().__init__(); self.reset(); self.rawdata = data; self.events = []
    def handle_decl(self, d): self.events.append(('decl', d))
    def handle_comment(self, d): self.events.append(('comment', d))
    def unknown_decl(self, d): self.events.append(('unknown', d))
cases = ['<!DOCTYPE html>', '<!>', '<!-- hi -- >rest', '<!--x', '<![CDATA[ a < b ]]>x', '<![if !supportLists]>x', '<![bogus[x]]>',
 '<!DOCTYPE x [<!ELEMENT a (#PCDATA)> <!ATTLIST a b CDATA #IMPLIED c (x|y) "x"> <!ENTITY % e "v"> %e; <!NOTATION n SYSTEM "s"> <!-- c --> ]>',
 '<!DOCTYPE x PUBLIC "-//W3C//DTD" \'q\'>', '<!DOCTYPE', '<!ELEMENT a>', '<!DOCTYPE x [ <x> ]>', '<!DOCTYPE x [ <!FOO> ]>', '<!x [', '<!-', '<!DOCTYPE $>', '<!DOCTYPE x [', '<!DOCTYPE x [ ] y>']
for c in cases:
    p = P(c)
    try: r = p.parse_declaration(0)
    except AssertionError as e: r = 'AssertionError: %s' % e
    print(repr(c)[:50], r, p.events, p.getpos())
p = P('ab\ncd\nef'); print(p.updatepos(0, 7), p.getpos(), p.updatepos(7, 8), p.getpos(), p.updatepos(5, 3))
try: _markupbase.ParserBase()
except RuntimeError as e: print(e)
