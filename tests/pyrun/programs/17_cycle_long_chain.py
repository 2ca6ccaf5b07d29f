# A long chain closed into a ring, and a chain whose tail points back into its middle.
import gc

class Link:
    def __init__(self, nxt=None):
        self.nxt = nxt

def ring(n):
    first = Link()
    cur = first
    for k in range(n - 1):
        cur = Link(cur)
    first.nxt = cur
    return first

gc.disable()
gc.collect()
for n in (1, 2, 10, 1000):
    r = ring(n)
    del r
    print(f"ring of {n:>4}: gc.collect() -> {gc.collect()}")

head = Link()
cur = head
middle = None
for k in range(20):
    cur.nxt = Link()
    cur = cur.nxt
    if k == 9:
        middle = cur
cur.nxt = middle
del cur, middle
print("lasso, head still named:", gc.collect())
print("Links alive:", sum(1 for o in gc.get_objects() if type(o) is Link))
del head
print("lasso released:", gc.collect())
print("Links alive:", sum(1 for o in gc.get_objects() if type(o) is Link))
