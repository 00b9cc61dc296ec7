# json without the _json accelerator: the pure-Python fallback is chosen
# at import and gives the same results.
import sys
sys.modules['_json'] = None  # makes "import _json" fail
import json
import json.decoder
import json.encoder
import json.scanner

print(json.decoder.c_scanstring, json.scanner.c_make_scanner,
      json.encoder.c_make_encoder, json.encoder.c_encode_basestring_ascii)
print(json.decoder.scanstring is json.decoder.py_scanstring,
      json.scanner.make_scanner is json.scanner.py_make_scanner)
data = {"k": [1, 2.5, None, True, "\u00e9\U0001f600\n"], "e": {}, "n": -10 ** 20}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.dumps(data, indent=2, ensure_ascii=False, separators=(',', ' = ')))
print(json.loads(text) == data, json.loads(text, parse_int=str)['n'])
for bad in ['[1, 2', '{"a" 1}', '"\\x"', '[1] 2']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(e)
try:
    json.dumps({"a": object()})
except TypeError as e:
    print(e)
