# json: dumps/loads round trips, formatting options and decoder hooks.
import json
from collections import OrderedDict
import enum


class Color(enum.IntEnum):
    RED = 1


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


data = {"name": "caf\u00e9 \U0001f600", "n": [1, -2, 3.5, 1e100, 2 ** 70],
        "flags": [True, False, None], "nested": {"a": {"b": []}, "e": {}},
        "tuple": (1, 2), "esc": "quote\" back\\ nl\n tab\t ctl\x01 del\x7f"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps([1, [2, {"k": 3}]], indent="\t"))
print(json.dumps([1, {"a": 2}], indent=0))
print(json.dumps({"a": [1, 2]}, separators=(",", ":")))
print(json.dumps({3: 1, 2.5: 2, True: 3, None: 4, "s": 5}))
print(json.dumps({1j: 1, "ok": 2}, skipkeys=True))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps([Color.RED, MyFloat(2.5), 10 ** 30, -0.0, 1e-7]))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps(set([3]), default=sorted))
print(json.dumps("\u2028 \ud800"), json.dumps("plain"))
print(list(json.JSONEncoder(indent=1).iterencode({"x": [1, 2]})))

text = '{"a": [1, 2.50, -3e2, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00\\n"}, "big": 123456789012345678901234567890}'
obj = json.loads(text)
print(obj, type(obj["big"]).__name__)
r = json.loads(text, object_pairs_hook=OrderedDict)
print(type(r).__name__, type(r['b']).__name__, list(r), r == obj)
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, NaN, Infinity, -Infinity]',
                 parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s,
                 parse_constant=lambda s: "C" + s))
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'[2]')))
print(json.loads('"\\u00e9"'.encode('utf-16')), json.loads('[3]'.encode('utf-32-le')))
print(json.loads('"\\u00e9"'.encode('utf-8-sig')))
print(json.loads(' \n\t[ 1 , 2 ]\r\n'))
print(json.loads('"a\tb"', strict=False))
print(json.loads('{"k": 1, "k": 2}'))
print(json.JSONDecoder().raw_decode('[1] tail'))
print(json.JSONDecoder().raw_decode('xx[1]', 2))
print(json.detect_encoding(b'\x00\x00\x00['), json.detect_encoding(b'[\x00\x00\x00'),
      json.detect_encoding(b'\x00[\x00 '), json.detect_encoding(b'[\x00 \x00'))
for value in [0, -0.0, 1.7976931348623157e308, 5e-324, "", [], {}, [[[]]], "\x00"]:
    assert json.loads(json.dumps(value)) == value or value != value
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=3)))
print(sorted(json.__all__))
