# gc.get_stats(): per-generation collections/collected/uncollectable move by exact amounts.
import gc

class Node:
    pass

gc.disable()
gc.collect()
before = gc.get_stats()
print("keys:", sorted(before[0].keys()), "generations:", len(before))
a = Node()
a.me = a
del a
gc.collect(0)
gc.collect(0)
l = []
l.append(l)
del l
gc.collect(1)
for k in range(3):
    n = Node()
    n.me = n
del n
gc.collect(2)
after = gc.get_stats()
for g in range(3):
    diff = {k: after[g][k] - before[g][k] for k in ("collections", "collected", "uncollectable")}
    print("generation", g, diff)
print("enabled:", gc.isenabled())
gc.enable()
print("enabled after enable():", gc.isenabled())
gc.disable()
print("enabled after disable():", gc.isenabled())
