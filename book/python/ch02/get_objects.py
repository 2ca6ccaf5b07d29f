"""gc.get_objects(): the objects the cycle collector tracks, counted by type."""

# ANCHOR: records
class Record:
    def __init__(self, n):
        self.payload = [n]


cache = []


def handle(n):
    record = Record(n)
    cache.append(record)  # the mistake: every record is kept
    return record.payload[0]
# ANCHOR_END: records


# ANCHOR: tool
import gc
from collections import Counter


def tracked_by_type():
    return Counter(type(o).__name__ for o in gc.get_objects())


gc.disable()
tracked_by_type()  # once for nothing: the first call creates a few objects of its own
before = tracked_by_type()
for n in range(1000, 2000):
    handle(n)
growth = tracked_by_type() - before
for name, count in growth.most_common():
    print(f"{name:>8}: +{count}")
print("ints among them:", growth["int"])
# ANCHOR_END: tool
