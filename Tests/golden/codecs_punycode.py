tests = ['bücher', 'münchen', 'ü', 'abc', '', 'ελληνικά', '日本語', 'Hello-Another-Way-それぞれの場所', 'MajiでKoiする5秒前', 'pañaderia-', '\U0001F600x']
for t in tests:
    e = t.encode('punycode'); print(repr(t), e, e.decode('punycode') == t)
for bad in (b'abc-\xff', b'bcher-k!a', b'bcher-kv'):
    try: print(bad.decode('punycode'))
    except UnicodeError as ex: print(type(ex).__name__, ex)
    print(repr(bad.decode('punycode', 'ignore')), repr(bad.decode('punycode', 'replace')))
