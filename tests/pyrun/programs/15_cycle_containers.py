# Cycles made only of built-in containers: lists, tuples, dicts, sets of tuples.
import gc

gc.disable()
gc.collect()
l = []
t = (l,)
l.append(t)
del l, t
print("list <-> tuple:", gc.collect())
a = []
b = []
a.append(b)
b.append(a)
del a, b
print("list <-> list:", gc.collect())
d = {}
l = [d]
d["l"] = l
del d, l
print("dict <-> list:", gc.collect())
d1 = {}
d2 = {"back": d1}
d1["fwd"] = d2
del d1, d2
print("dict <-> dict:", gc.collect())
l = [1, 2, 3]
l.append({"x": l, "y": (1, 2), "z": [4, 5]})
del l
print("list, dict, and a list hanging off:", gc.collect())
ring = [[] for k in range(5)]
for k in range(5):
    ring[k].append(ring[(k + 1) % 5])
first = ring[0]
del ring
print("ring of 5 lists, one still named:", gc.collect())
del first
print("ring released:", gc.collect())
t = ([], [])
t[0].append(t)
del t
print("tuple with two lists, one pointing back:", gc.collect())
