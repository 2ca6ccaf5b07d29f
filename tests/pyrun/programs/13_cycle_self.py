# Self-referencing objects are freed only by gc.collect(), which returns how many it freed.
import gc
import sys

class C:
    pass

gc.disable()
gc.collect()
print("empty collect:", gc.collect())
l = []
l.append(l)
print("self-list refcount:", sys.getrefcount(l))
del l
print("self-list:", gc.collect())
d = {}
d["me"] = d
del d
print("self-dict:", gc.collect())
c = C()
c.me = c
print("self-instance refcount:", sys.getrefcount(c))
del c
print("self-instance:", gc.collect())
c = C()
c.items = [c]
del c
print("instance <-> list:", gc.collect())
for k in range(5):
    l = [0]
    l[0] = l
del l
print("five self-lists:", gc.collect())
print("nothing left:", gc.collect())
