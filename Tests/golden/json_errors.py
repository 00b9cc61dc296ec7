# json: error types, messages and positions, through both the C
# accelerator and the pure-Python fallback (which must agree).
import json
import json.decoder
import json.scanner


def python_decoder(**kw):
    dec = json.JSONDecoder(**kw)
    dec.parse_string = json.decoder.py_scanstring
    dec.scan_once = json.scanner.py_make_scanner(dec)
    return dec


bad_docs = ['{"a":1,}', '[1,]', '[1 2]', '{"a" 1}', '{1:2}', '"abc', '"a\\q"',
            '"\\u12"', '"\\uzzzz"', '"a\x01"', '1 2', '', '[', '{"a":', '{',
            '{"a":1 "b":2}', '[1,,2]', 'nul', 'tru', '-', '-x', '01', '1.',
            '"\\', '[1]\n  x', '\ufeff[1]', '{"a":1,\n "b"}', '[\n  ,]',
            '{ "a" : 1 , }']
for doc in bad_docs:
    results = []
    for dec in (json.JSONDecoder(), python_decoder()):
        try:
            dec.decode(doc)
            results.append('no error')
        except json.JSONDecodeError as e:
            results.append(f'{e} | msg={e.msg!r} pos={e.pos} '
                           f'line={e.lineno} col={e.colno}')
    if doc.startswith('\ufeff'):
        try:
            json.loads(doc)
        except json.JSONDecodeError as e:
            results = [str(e)] * 2
    print(repr(doc), results[0], 'SAME' if results[0] == results[1] else results[1])

e = json.JSONDecodeError('Boom', 'ab\ncd', 4)
print(e, e.msg, e.doc, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
import pickle
e2 = pickle.loads(pickle.dumps(e))
print(type(e2).__name__, e2.msg, e2.pos)

try:
    json.loads(1)
except TypeError as e:
    print('TypeError', e)


def both_encoders(obj, **kw):
    out = []
    for one_shot in (True, False):
        try:
            enc = json.JSONEncoder(**kw)
            if one_shot:
                text = enc.encode(obj)
            else:
                text = ''.join(enc.iterencode(obj))
            out.append(text)
        except (TypeError, ValueError) as e:
            out.append(f'{type(e).__name__}: {e} {getattr(e, "__notes__", [])}')
    print(out[0], 'SAME' if out[0] == out[1] else out[1])


both_encoders(object())
both_encoders([1, {"k": [2, {3}]}])
both_encoders({1j: 2})
both_encoders({(1, 2): 2})
both_encoders(float('nan'), allow_nan=False)
both_encoders([float('-inf')], allow_nan=False)
both_encoders({float('inf'): 1}, allow_nan=False)
cyc = []
cyc.append(cyc)
both_encoders(cyc)
d = {}
d['self'] = d
both_encoders(d)
both_encoders([1, 2], default=lambda o: o)


class Loop:
    pass


both_encoders(Loop(), default=lambda o: o)
both_encoders([Loop()], default=lambda o: {"loop": 1})
both_encoders({"b": 1, 2: "a"}, sort_keys=True)
both_encoders(['shared', 'shared'])
shared = [1]
both_encoders([shared, shared, {"x": shared}])
print(json.dumps([1, 2], check_circular=False))
try:
    json.loads('[' * 20000 + ']' * 20000)
except RecursionError:
    print('RecursionError (C)')
try:
    python_decoder().decode('[' * 20000 + ']' * 20000)
except RecursionError:
    print('RecursionError (Python)')
deep = []
for _ in range(20000):
    deep = [deep]
for one_shot in (True, False):
    try:
        enc = json.JSONEncoder()
        enc.encode(deep) if one_shot else ''.join(enc.iterencode(deep))
    except RecursionError:
        print('RecursionError encoding', one_shot)
nested = '[' * 50 + ']' * 50
print(json.loads(nested) == python_decoder().decode(nested))

# array_hook (3.15), through both decoders.
doc = '{"name": "point", "coords": [[1, 2], [3, 4]], "none": []}'
print(json.loads(doc, array_hook=tuple))
print(python_decoder(array_hook=tuple).decode(doc))
print(json.loads('[[1], [2, 3]]', array_hook=len),
      python_decoder(array_hook=len).decode('[[1], [2, 3]]'))
print(json.loads('{"a": [1]}', object_pairs_hook=tuple, array_hook=tuple))
