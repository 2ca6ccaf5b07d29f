import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()   # no automatic collection: we decide when
gc.collect()   # start from a clean slate

a = Node(1)
b = Node(2)
a.next = b
b.next = a
del a, b       # both counts stay at 1: each node holds the other
print("gc.collect() ->", gc.collect())
print("gc.collect() ->", gc.collect())
