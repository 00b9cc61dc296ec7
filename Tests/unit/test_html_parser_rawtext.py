"""html.parser: the content of script/style reaches handle_data() in one
piece however the document is fed, and HTMLParser is a
_markupbase.ParserBase whose __init__/reset run the base class's (as in
CPython)."""

import _markupbase
import unittest
from html.parser import HTMLParser


class Collector(HTMLParser):

    def __init__(self):
        self.events = []
        super().__init__(convert_charrefs=False)

    def handle_starttag(self, tag, attrs):
        self.events.append(('starttag', tag))

    def handle_endtag(self, tag):
        self.events.append(('endtag', tag))

    def handle_data(self, data):
        self.events.append(('data', data))


class RawTextTest(unittest.TestCase):

    def feed_by_char(self, source):
        parser = Collector()
        for ch in source:
            parser.feed(ch)
        parser.close()
        return parser.events

    def test_script_content_is_one_data_event(self):
        content = "<!-- x --> &amp; '</scrip' + 't>' </p>"
        self.assertEqual(self.feed_by_char(f'<script>{content}</script>'),
                         [('starttag', 'script'), ('data', content),
                          ('endtag', 'script')])

    def test_unclosed_script_flushed_at_close(self):
        self.assertEqual(self.feed_by_char('<style>a { }'),
                         [('starttag', 'style'), ('data', 'a { }')])

    def test_position_after_raw_text(self):
        parser = Collector()
        parser.feed('<script>\nx\n</script>')
        parser.close()
        self.assertEqual(parser.getpos(), (3, 9))


class BaseClassTest(unittest.TestCase):

    def test_is_parser_base(self):
        self.assertTrue(issubclass(HTMLParser, _markupbase.ParserBase))
        parser = Collector()
        parser.feed('a\nb')
        parser.reset()
        self.assertEqual(parser.getpos(), (1, 0))


if __name__ == '__main__':
    unittest.main()
