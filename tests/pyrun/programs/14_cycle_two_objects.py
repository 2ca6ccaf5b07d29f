# Two-object cycles: reference counts stay above zero until the collector runs.
import gc
import sys

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.next = b
b.next = a
print("refcounts:", sys.getrefcount(a), sys.getrefcount(b))
del a
print("after del a, b.next.value:", b.next.value, "refcount:", sys.getrefcount(b.next))
del b
print("Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
print("gc.collect() ->", gc.collect())
print("Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
print("gc.collect() ->", gc.collect())
a = Node(1)
b = Node(2)
a.next = b
b.next = a
b.next = None
del a, b
print("cycle broken by hand first:", gc.collect())
pairs = []
for k in range(10):
    x, y = Node(k), Node(-k)
    x.next, y.next = y, x
    pairs.append(x)
del x, y
print("10 pairs still referenced:", gc.collect())
pairs.clear()
print("10 pairs released:", gc.collect())
