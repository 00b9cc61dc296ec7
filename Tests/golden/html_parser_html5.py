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
    for c in (source if chunked else [source]):
        p.feed(c)
    p.close()
    return p.events


# HTML5 rules (CPython 3.13+/3.14+ behaviour).
cases = [
    '<!--><!---><!-- a -- b --><!--x--!>y',
    '<!--unclosed comment',
    '<!DOCTYPE html',
    '<!foo bar>z</ bogus><? pi',
    '<a href="x',
    'text </b',
    'a</>b',
    '</3 x>',
    '<![CDATA[ x <y> ]]>after',
    '<![if !IE]>q',
    '<title>a &amp; <b>b</b></title>c',
    '<textarea>&lt;<i>x</i></TEXTAREA >z',
    '<script>a</scriptx></script >b',
    '<script>x</script',
    '<style>a</ style>b</style>c',
    '<xmp><p>&amp;</p></xmp>',
    '<plaintext>a</plaintext><b>&amp;',
    '<noscript><p>x</p></noscript>',
    "<a b='c'd e==f g=>",
    '<a =x / / y/>',
    '<p/a>',
    '<img src=/x/>',
    '<a href="&#38;&#x26;&amp&ampamp;&amp=">',
    '<script/>t',
]
for src in cases:
    print(repr(src))
    for ev in run(src):
        print('   ', ev)
    assert run(src) == run(src, chunked=True), src

print('--- scripting=True')
for ev in run('<noscript><p>x</p></noscript>', scripting=True):
    print('   ', ev)

print('--- cdata support off')
p = Collector()
p._set_support_cdata(False)
p.feed('<![CDATA[x]]>y')
p.close()
print(p.events)

print('--- CDATA_CONTENT_ELEMENTS', HTMLParser.CDATA_CONTENT_ELEMENTS)
print('--- RCDATA_CONTENT_ELEMENTS', HTMLParser.RCDATA_CONTENT_ELEMENTS)
