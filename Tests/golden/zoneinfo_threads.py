# ZoneInfo's cache and uuid7's monotonic counter used from several threads
# at once: every thread gets the same ZoneInfo objects and no UUID repeats.
import threading, uuid
from zoneinfo import ZoneInfo
from datetime import datetime, timezone

KEYS = ("America/New_York", "Europe/London", "UTC", "Australia/Lord_Howe")
results = []
lock = threading.Lock()

def work():
    zones = [ZoneInfo(k) for k in KEYS]
    uuids = [uuid.uuid7() for _ in range(100)]
    local = [datetime(2020, 7, 1, tzinfo=timezone.utc).astimezone(z).isoformat() for z in zones]
    with lock:
        results.append((zones, uuids, local))

threads = [threading.Thread(target=work) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
first = results[0]
print(all(all(a is b for a, b in zip(r[0], first[0])) for r in results))
print(all(r[2] == first[2] for r in results))
every = [u for r in results for u in r[1]]
print(len(every), len(set(every)))
print(all(sorted(r[1]) == r[1] for r in results))
print(first[2][:3])
