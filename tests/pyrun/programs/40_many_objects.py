# Create and drop 200000 objects in loops: a summary of what happened (performance sanity).
import gc

class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

class Item:
    created = 0
    destroyed = 0

    def __init__(self, n):
        self.n = n
        Item.created += 1

    def __del__(self):
        Item.destroyed += 1

total = 0
for k in range(200000):
    p = Point(k, -k)
    total += p.x + p.y * 2
print("sum over 200000 Points:", total)
for k in range(200000):
    Item(k)
print("Items created:", Item.created, "destroyed:", Item.destroyed)
batch = [Item(k) for k in range(1000)]
print("batch of 1000 alive:", Item.created - Item.destroyed)
batch = None
print("after batch = None:", Item.created - Item.destroyed)
gc.disable()
gc.collect()
for k in range(20000):
    a = Item(k)
    b = Item(-k)
    a.peer, b.peer = b, a
del a, b
print("cycles waiting:", Item.created - Item.destroyed)
print("collect:", gc.collect())
print("alive at the end:", Item.created - Item.destroyed)
d = {}
for k in range(100000):
    d[k] = str(k)
print("dict size:", len(d), "d[99999]:", d[99999])
d.clear()
s = sum(len(str(k)) for k in range(100000))
print("digits in 0..99999:", s)
