"""sys.getallocatedblocks(): how many memory blocks the interpreter holds."""

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
import sys

before = sys.getallocatedblocks()
for n in range(1000, 2000):
    handle(n)
print("blocks allocated by 1000 calls of handle():", sys.getallocatedblocks() - before)
cache.clear()
print("after cache.clear():", sys.getallocatedblocks() - before)
# ANCHOR_END: tool
