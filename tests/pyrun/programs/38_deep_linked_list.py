# A 100000-long linked list of instances freed at once by one del: must not overflow the stack.
import gc
import sys

class Node:
    freed = 0

    def __init__(self, value, nxt):
        self.value = value
        self.nxt = nxt

class Counted:
    freed = 0

    def __init__(self, nxt):
        self.nxt = nxt

    def __del__(self):
        Counted.freed += 1

gc.disable()
gc.collect()
head = None
for k in range(100000):
    head = Node(k, head)
print("head value:", head.value)
total = 0
cur = head
while cur is not None:
    total += cur.value
    cur = cur.nxt
print("sum of values:", total)
print("refcount of head:", sys.getrefcount(head))
print("Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
del head
print("after del head, Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
chain = None
for k in range(100000):
    chain = Counted(chain)
chain = None
print("Counted freed by one assignment:", Counted.freed)
ring = Node(0, None)
last = ring
for k in range(1, 50000):
    last = Node(k, last)
ring.nxt = last
del ring, last
print("a 50000-node ring collected:", gc.collect())
