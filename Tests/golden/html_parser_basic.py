from html.parser import HTMLParser


class Collector(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []

    def add(self, kind, *args):
        if kind == 'data' and self.events and self.events[-1][0] == 'data':
            self.events[-1] = ('data', self.events[-1][1] + args[0])
        else:
            self.events.append((kind,) + args)

    def handle_starttag(self, tag, attrs):
        self.add('start', tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.add('startend', tag, attrs)

    def handle_endtag(self, tag):
        self.add('end', tag)

    def handle_data(self, data):
        self.add('data', data)

    def handle_comment(self, data):
        self.add('comment', data)

    def handle_decl(self, data):
        self.add('decl', data)

    def handle_pi(self, data):
        self.add('pi', data)

    def handle_entityref(self, name):
        self.add('entityref', name)

    def handle_charref(self, name):
        self.add('charref', name)

    def unknown_decl(self, data):
        self.add('unknown_decl', data)


def run(source, chunked=False, **kw):
    p = Collector(**kw)
    if chunked:
        for c in source:
            p.feed(c)
    else:
        p.feed(source)
    p.close()
    return p.events


cases = [
    '<html><body class="x" id=main>Hello &amp; bye</body></html>',
    '<!DOCTYPE html><p>one<br/>two<img src="a.png" alt=\'A &lt; B\'></p>',
    '<a href="?x=1&amp;y=2&copy=3&notit;">&lt;tag&gt; &#65;&#x42; &euro;</a>',
    '<div data-x = "1"   CHECKED disabled=\'\' Title=Up>t</DIV>',
    '<!-- a comment --><!----><p>x</p>',
    '<?xml version="1.0"?><root/>',
    '<script>if (a < b && c > d) { x = "</p>"; }</script>after',
    '<style>p > a { color: red }</style><p>&amp;</p>',
    'text < more & stuff > end',
    '<p>unterminated &ampx &#123 &unknown; entity',
    '<a b=c/>',
    '<br/><br />',
    '<SCRIPT>x</SCRIPT>',
    '<p>line1\nline2</p>\n<b>bold</b>',
    '<a  href = "one two" >q</a >',
]
for src in cases:
    print(repr(src))
    for ev in run(src):
        print('   ', ev)
    assert run(src) == run(src, chunked=True), src

print('--- convert_charrefs=False')
for src in ['<p>&amp; &#65; &#x42; &copy x &lt;</p>', 'a &b; c&#33;d',
            '<p title="&amp;">&gt;</p>']:
    print(repr(src))
    for ev in run(src, convert_charrefs=False):
        print('   ', ev)
    assert run(src, convert_charrefs=False) == run(
        src, chunked=True, convert_charrefs=False), src

p = Collector()
p.feed('<a href="x"\n  title="y">')
print(p.get_starttag_text(), p.getpos(), p.lasttag)
p.feed('text\nmore')
p.close()
print(p.getpos())
p.reset()
p.feed('<b>')
p.close()
print(p.events[-1], p.getpos())
