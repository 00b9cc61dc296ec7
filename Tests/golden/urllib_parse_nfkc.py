from urllib.parse import urlsplit
for u in ['http://ex\uff0fample.com/', 'http://\u2100.com', 'http://user@\uff03host', 'http://caf\u00e9.fr/', 'http://\u2100:80']:
    try:
        print(urlsplit(u).netloc == urlsplit(u).netloc, ascii(urlsplit(u).netloc))
    except ValueError as e:
        print('ValueError', ascii(str(e)))
