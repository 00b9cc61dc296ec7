import codecs, io
for enc in ("utf-16", "utf-32"):
    e = codecs.getincrementalencoder(enc)()
    data = e.encode("ab") + e.encode("c", final=True)
    print(enc, data, e.getstate())
    d = codecs.getincrementaldecoder(enc)()
    out = "".join(d.decode(data[i:i+1]) for i in range(len(data)))
    print(out, d.getstate()[1])
    print(codecs.decode(data, enc), "xyz".encode(enc)[:4])
    r = codecs.getreader(enc)(io.BytesIO(data)); print(r.read())
    w = io.BytesIO(); sw = codecs.getwriter(enc)(w); sw.write("h"); sw.write("i"); print(w.getvalue())
    try: codecs.decode(b"\x00\x00\x00\x00\x01", enc)
    except UnicodeDecodeError as ex: print("UDE", ex.reason)
