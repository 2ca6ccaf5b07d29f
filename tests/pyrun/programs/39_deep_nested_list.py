# Deeply nested containers (lists, tuples, dicts 100000 levels) created and freed safely.
import gc

gc.disable()
gc.collect()
root = []
cur = root
for k in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
del cur, nxt
depth = 0
cur = root
while cur:
    cur = cur[0]
    depth += 1
print("list depth:", depth)
del cur
del root
print("after del root, collect:", gc.collect())
t = ()
for k in range(100000):
    t = (t, k)
print("outer tuple second item:", t[1])
t = None
print("nested tuples freed, collect:", gc.collect())
d = {}
for k in range(100000):
    d = {"inner": d, "k": k}
print("outer dict k:", d["k"], "inner k:", d["inner"]["k"])
d = None
print("nested dicts freed, collect:", gc.collect())
loop = []
cur = loop
for k in range(10000):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(loop)
del cur, nxt, loop
print("a 10000-deep cycle of lists collected:", gc.collect())
