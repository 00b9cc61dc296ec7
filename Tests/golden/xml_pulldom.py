from xml.dom import pulldom, minidom
import io, xml.sax
s = '<?xml version="1.0"?><!--c--><root><item id="1">one</item><skip>x</skip><item id="2">two<b/></item></root>'
events = pulldom.parseString(s)
for ev, node in events:
    if ev == pulldom.START_ELEMENT and node.tagName == 'item':
        events.expandNode(node); print(node.toxml())
    elif ev in (pulldom.START_DOCUMENT, pulldom.END_DOCUMENT):
        print(ev)
    else:
        print(ev, getattr(node, 'tagName', None) or getattr(node, 'data', None))
d = minidom.parseString(s, parser=xml.sax.make_parser()); print(d.toxml())
d = minidom.parse(io.BytesIO(s.encode()), bufsize=10); print(d.documentElement.toxml())
