"""JSON dump and load: json.dumps and json.loads of nested documents, round-tripped."""

import json


def make_document(index):
    return {
        "id": index,
        "name": f"user {index}",
        "email": f"user{index}@example.org",
        "active": index % 3 != 0,
        "score": index * 1.25,
        "tags": ["alpha", "beta", "gamma"][: index % 4],
        "address": {"street": f"{index} Main St", "city": "Springfield",
                    "zip": f"{10000 + index}", "geo": [index / 7, -index / 11]},
        "notes": None if index % 5 else "caf\u00e9 \"quoted\" \\ line\nbreak",
        "history": [{"day": d, "count": d * index % 17} for d in range(5)],
    }


def run(scale=1.0):
    documents = [make_document(i) for i in range(max(2, int(200 * scale)))]
    total = 0
    for _ in range(80):
        text = json.dumps(documents)
        pretty = json.dumps(documents[:10], indent=2, sort_keys=True)
        back = json.loads(text)
        if back != documents:
            raise RuntimeError("JSON round trip changed the data")
        total += len(text) + len(pretty) + len(json.loads(pretty))
    return str(total)
