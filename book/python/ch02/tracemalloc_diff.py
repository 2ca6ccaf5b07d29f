"""tracemalloc: which source lines allocated the memory that grew."""

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
import linecache
import tracemalloc

tracemalloc.start()
before = tracemalloc.take_snapshot()
for n in range(1000, 2000):
    handle(n)
after = tracemalloc.take_snapshot()

# The three source lines whose allocations grew the most.
for stat in after.compare_to(before, "lineno")[:3]:
    frame = stat.traceback[0]
    line = linecache.getline(frame.filename, frame.lineno).strip()
    print(f"{stat.size_diff:>6} bytes in {stat.count_diff:>4} new blocks: {line}")
# ANCHOR_END: tool
