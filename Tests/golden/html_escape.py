import html
from html import entities

for n in [0, 1, 9, 11, 13, 127, 128, 129, 141, 150, 159, 160, 0xd800,
          0xfdd0, 0xfffe, 0x10ffff, 0x110000, 0x1fffe, 65, 0x1f600]:
    print(hex(n), ascii(html.unescape('&#%d;' % n)),
          ascii(html.unescape('&#x%x' % n)), ascii(html.unescape('&#X%X;' % n)))
print(ascii(html.unescape('&amp &ampx &notit; &notin; &noti &#x; &#; &AMP; '
                          '&fjlig; &unknown; &lt&gt &#0000065; &#x0041; &')))
print(ascii(html.unescape('&&&#65 &#99999999999999999999; &NotEqualTilde; &nbsp')))
print(ascii(html.unescape('no refs')), ascii(html.unescape('&aacute;&Aacute&eacutex')))
print(html.escape('<a href="x">\'&</a>'), html.escape('<"\'>', quote=False))
print(html.escape(''), html.escape('plain'))

print(len(entities.html5), len(entities.name2codepoint),
      len(entities.codepoint2name), len(entities.entitydefs))
print(entities.name2codepoint['amp'], entities.name2codepoint['lang'],
      entities.name2codepoint['euro'], entities.codepoint2name[0x3b1])
print(ascii(entities.entitydefs['nbsp']), ascii(entities.entitydefs['hearts']))
print(ascii(entities.html5['gt']), ascii(entities.html5['gt;']),
      ascii(entities.html5['NotEqualTilde;']), ascii(entities.html5['phiv;']),
      ascii(entities.html5['fjlig;']), ascii(entities.html5['Tab;']))
print(sum(1 for k in entities.html5 if not k.endswith(';')))
print(all(html.unescape('&' + k) == v for k, v in entities.html5.items()))
print(all(html.unescape(html.escape(chr(c))) == chr(c) for c in range(32, 0x3000)))
