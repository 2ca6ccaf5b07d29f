import sys


class C:
    pass


print("sys.getsizeof(C()):", sys.getsizeof(C()))
print("C.__basicsize__:", C.__basicsize__)
print("C.__weakrefoffset__:", C.__weakrefoffset__)
print("C.__dictoffset__:", C.__dictoffset__)

# Memory blocks per instance: the object, and the separate array of its attribute values.
keep = []
before = sys.getallocatedblocks()
for _ in range(1000):
    c = C()
    c.name = "obj"
    keep.append(c)
print("blocks per instance:", round((sys.getallocatedblocks() - before) / 1000))
