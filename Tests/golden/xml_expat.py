import pyexpat
from pyexpat import errors, model
p = pyexpat.ParserCreate()
out = []
p.StartElementHandler = lambda n, a: out.append(('start', n, a))
p.EndElementHandler = lambda n: out.append(('end', n))
p.CharacterDataHandler = lambda d: out.append(('data', d))
p.CommentHandler = lambda d: out.append(('comment', d))
p.ProcessingInstructionHandler = lambda t, d: out.append(('pi', t, d))
p.XmlDeclHandler = lambda *a: out.append(('xmldecl',) + a)
p.Parse(b'<?xml version="1.0" encoding="utf-8"?><root a="1" b="x&amp;y"><!-- c --><?pi data?>text &lt; more<child/>\xc3\xa9</root>', True)
for o in out: print(o)
p = pyexpat.ParserCreate()
try:
    p.Parse('<a><b></a>', True)
except pyexpat.ExpatError as e:
    print(e, e.code, e.lineno, e.offset, errors.messages[e.code], errors.codes[errors.XML_ERROR_TAG_MISMATCH])
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)
p = pyexpat.ParserCreate(namespace_separator=' ')
p.StartElementHandler = lambda n, a: print('ns', n, a)
p.StartNamespaceDeclHandler = lambda pre, uri: print('nsdecl', pre, uri)
p.ordered_attributes = True
p.Parse('<x:a xmlns:x="urn:x" x:k="v" j="2"/>', True)
p = pyexpat.ParserCreate()
p.buffer_text = True
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse('<a>one &amp; two<![CDATA[ three ]]></a>', True)
print(chunks, p.buffer_size, p.buffer_used, p.buffer_text)
try: p.buffer_size = 0
except ValueError as e: print(e)
def bad(n, a): raise KeyError('boom')
p = pyexpat.ParserCreate(); p.StartElementHandler = bad
try: p.Parse('<a/>', True)
except KeyError as e: print('KeyError', e)
print(pyexpat.ErrorString(3), pyexpat.version_info >= (2,), pyexpat.native_encoding, model.XML_CQUANT_PLUS)
try: pyexpat.ParserCreate(namespace_separator='ab')
except ValueError as e: print(e)
import io
p = pyexpat.ParserCreate(); p.StartElementHandler = lambda n,a: print('file', n)
p.ParseFile(io.BytesIO(b'<q><r/></q>'))
p = pyexpat.ParserCreate('iso-8859-15'); p.CharacterDataHandler = lambda d: print(repr(d))
p.Parse(b'<a>\xa4</a>', True)
p = pyexpat.ParserCreate()
p.ElementDeclHandler = lambda n, m: print('eldecl', n, m)
p.AttlistDeclHandler = lambda *a: print('attlist', a)
p.StartDoctypeDeclHandler = lambda *a: print('doctype', a)
p.Parse('<!DOCTYPE r [<!ELEMENT r (a|b)*><!ATTLIST r id CDATA #REQUIRED>]><r id="1"/>', True)
print(type(p).__name__, pyexpat.XMLParserType)
try: p.Parse('<a/>', True)
except pyexpat.ExpatError as e: print(e)
p = pyexpat.ParserCreate(); p.buffer_text = True; p.CharacterDataHandler = lambda d: print('data', repr(d))
p.Parse('<a>abc', False); print('after1'); p.Parse('def</a>', True); print('end')
def bad2(*a): raise ValueError('x')
p = pyexpat.ParserCreate(); p.StartElementHandler = bad2
try: p.Parse('<a>', False)
except ValueError: print('VE')
try: p.Parse('<b/>', False)
except Exception as e: print(type(e).__name__, e)
p = pyexpat.ParserCreate(); p.StartElementHandler = lambda n, a: p.Parse('<x/>')
try: p.Parse('<a/>', True)
except RuntimeError as e: print('RuntimeError')
p = pyexpat.ParserCreate(); p.NotStandaloneHandler = lambda: 'x'
try: p.Parse('<?xml version="1.0" standalone="no"?><!DOCTYPE a SYSTEM "a.dtd"><a/>', True)
except TypeError as e: print('TypeError')
