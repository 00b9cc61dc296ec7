# Several threads parse and serialize at once, each with its own parsers,
# and two threads take turns feeding one shared Expat parser.
import threading
import xml.etree.ElementTree as ET
import pyexpat

DOC = "<root>%s</root>" % "".join(
    '<item n="%d">value %d &amp; more</item>' % (i, i) for i in range(200))


def worker(results, index):
    total = 0
    for _ in range(20):
        root = ET.fromstring(DOC)
        total += sum(int(e.get("n")) for e in root.iter("item"))
        total += len(ET.tostring(root))
    results[index] = total


results = [None] * 4
threads = [threading.Thread(target=worker, args=(results, i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(results)) == 1, results[0])

shared = pyexpat.ParserCreate()
seen = []
shared.StartElementHandler = lambda name, attrs: seen.append(name)
lock = threading.Lock()
pieces = ["<doc>"] + ["<e%d/>" % i for i in range(400)] + ["</doc>"]
position = [0]


def feeder():
    while True:
        with lock:
            if position[0] >= len(pieces):
                return
            piece = pieces[position[0]]
            position[0] += 1
            shared.Parse(piece, position[0] == len(pieces))


threads = [threading.Thread(target=feeder) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(seen), seen[0], seen[-1])
