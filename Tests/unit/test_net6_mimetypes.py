"""mimetypes: the built-in table, suffix and encoding maps, data: URLs,
strict and lenient lookups, private databases and mime.types files."""

import io
import mimetypes
import os
import pathlib
import shutil
import tempfile
import unittest


class GuessTypeTest(unittest.TestCase):

    def test_common_types(self):
        cases = {
            'index.html': ('text/html', None),
            'PHOTO.JPG': ('image/jpeg', None),
            'style.css': ('text/css', None),
            'app.js': ('text/javascript', None),
            'data.json': ('application/json', None),
            'doc.pdf': ('application/pdf', None),
            'notes.md': ('text/markdown', None),
            'mod.wasm': ('application/wasm', None),
            'font.woff2': ('font/woff2', None),
            'a.tar.gz': ('application/x-tar', 'gzip'),
            'a.tgz': ('application/x-tar', 'gzip'),
            'a.txt.bz2': ('text/plain', 'bzip2'),
            'a.svgz': ('image/svg+xml', 'gzip'),
            'a.tar.xz': ('application/x-tar', 'xz'),
            'a.Z': (None, 'compress'),
            'noext': (None, None),
        }
        for name, expected in cases.items():
            self.assertEqual(mimetypes.guess_type(name), expected, name)

    def test_urls(self):
        g = mimetypes.guess_type
        self.assertEqual(g('http://example.com/a/b.png?x=1#f'),
                         ('image/png', None))
        self.assertEqual(g('data:text/html;base64,PGI+'), ('text/html', None))
        self.assertEqual(g('data:,hello'), ('text/plain', None))
        self.assertEqual(g('data:charset=x,hello'), ('text/plain', None))
        self.assertEqual(g('data:nocomma'), (None, None))

    def test_file_type(self):
        self.assertEqual(mimetypes.guess_file_type('dir/a.py'),
                         ('text/x-python', None))
        self.assertEqual(mimetypes.guess_file_type(pathlib.Path('x.gif')),
                         ('image/gif', None))
        self.assertEqual(mimetypes.guess_file_type(b'x.xml'),
                         ('text/xml', None))

    def test_strictness(self):
        self.assertEqual(mimetypes.guess_type('a.pict'), (None, None))
        self.assertEqual(mimetypes.guess_type('a.pict', strict=False),
                         ('image/pict', None))
        self.assertEqual(mimetypes.guess_type('a.jpg', strict=False),
                         ('image/jpeg', None))
        self.assertIsNone(mimetypes.guess_extension('image/pict'))
        self.assertEqual(mimetypes.guess_extension('image/pict', strict=False),
                         '.pict')

    def test_extensions(self):
        self.assertEqual(mimetypes.guess_extension('image/jpeg'), '.jpg')
        self.assertEqual(mimetypes.guess_extension('TEXT/PLAIN'), '.txt')
        self.assertEqual(mimetypes.guess_extension('text/x-nothing'), None)
        exts = mimetypes.guess_all_extensions('image/jpeg')
        self.assertEqual(exts[:3], ['.jpg', '.jpe', '.jpeg'])


class DatabaseTest(unittest.TestCase):

    def test_private_database(self):
        db = mimetypes.MimeTypes()
        db.add_type('application/x-weft', '.weft')
        self.assertEqual(db.guess_type('a.weft'), ('application/x-weft', None))
        self.assertEqual(db.guess_extension('application/x-weft'), '.weft')
        self.assertEqual(mimetypes.guess_type('a.weft'), (None, None))
        with self.assertRaises(ValueError):
            db.add_type('a/b', 'nodot')

    def test_readfp_and_files(self):
        db = mimetypes.MimeTypes()
        db.readfp(io.StringIO('# comment\napplication/x-q  q1 q2 # tail\n'
                              'text/x-lonely\n'))
        self.assertEqual(db.guess_type('f.q2'), ('application/x-q', None))
        self.assertEqual(db.guess_all_extensions('application/x-q'),
                         ['.q1', '.q2'])
        tmp = tempfile.mkdtemp()
        try:
            path = os.path.join(tmp, 'mime.types')
            with open(path, 'w') as f:
                f.write('application/x-zz zz\n')
            self.assertEqual(mimetypes.read_mime_types(path),
                             {'.zz': 'application/x-zz'})
            self.assertIsNone(
                mimetypes.read_mime_types(os.path.join(tmp, 'missing')))
            db2 = mimetypes.MimeTypes([path])
            self.assertEqual(db2.guess_type('a.zz'),
                             ('application/x-zz', None))
        finally:
            shutil.rmtree(tmp)

    def test_module_tables(self):
        mimetypes.init()
        self.assertTrue(mimetypes.inited)
        self.assertEqual(mimetypes.types_map['.png'], 'image/png')
        self.assertEqual(mimetypes.encodings_map['.gz'], 'gzip')
        self.assertEqual(mimetypes.suffix_map['.tgz'], '.tar.gz')
        self.assertEqual(mimetypes.common_types['.rtf'], 'application/rtf')


if __name__ == '__main__':
    unittest.main()
