# email.message parameters: set_param with RFC 2231, set_type, del_param,
# continuations and encoded filenames; compared with CPython.
from email.message import Message
m = Message()
m['Content-Type'] = 'text/plain; charset=us-ascii'
m.set_param('title', 'This is even more ***fun*** isn\'t it!', charset='us-ascii', language='en')
print(m['content-type'])
print(m.get_param('title'), m.get_params())
m.set_param('name', 'résumé.txt')
print(m['content-type'])
m.set_type('text/html')
print(m['content-type'], m['mime-version'])
m.set_param('charset', 'utf-8', replace=True)
print(m.items())
m2 = Message()
m2['Content-Disposition'] = "attachment; filename*=iso-8859-1''caf%E9.txt"
print(m2.get_filename(), m2.get_param('filename', header='content-disposition'), m2.get_content_disposition())
m3 = Message()
m3['Content-Type'] = 'application/x-foo; name*0="long"; name*1="name.txt"; a="b;c"'
print(m3.get_param('name'), m3.get_filename(), m3.get_params(), m3.get_param('a', unquote=False))
m3.del_param('a'); print(m3['content-type'])
print(m3.get_content_charset('dflt'), Message().get_content_type(), Message().get_params('none'))
