# json.loads builds objects straight into a dict unless object_pairs_hook
# wants the pairs: duplicates, order, hooks and errors must not change.
import json
from collections import OrderedDict

doc = '{"b": 1, "a": 2, "b": 3, "c": {"x": [1, {"y": null}], "x": 0}, "": {}}'
value = json.loads(doc)
print(value, list(value), type(value).__name__)
print(json.loads(doc, object_pairs_hook=list))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_hook=lambda d: sorted(d.items())))
print(json.loads(doc, object_hook=len, object_pairs_hook=tuple))
print(json.loads('{}', object_hook=lambda d: ("hooked", d)),
      json.loads('{}', object_pairs_hook=lambda p: ("pairs", p)))
print(json.loads('[{"k": 1}, {"k": 2, "k": 1}]'))
keys = json.loads('[{"same": 1}, {"same": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])
for bad in ('{"a": 1,}', '{"a" 1}', '{"a": 1 "b": 2}', '{"a": }', '{1: 2}', '{"a": 1'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.pos)
def failing(pairs):
    raise ValueError("hook saw %d pairs" % len(pairs))
try:
    json.loads('{"a": {"b": 1}}', object_pairs_hook=failing)
except ValueError as e:
    print("error", e)
print(json.dumps(json.loads('{"z": 1, "y": [true, false, 1.5, "\\u00e9"]}'), sort_keys=True))
