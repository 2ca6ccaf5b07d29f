# gc.callbacks: phases, the info dict's keys, and what 'collected' reports.
import gc

events = []

def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))

class C:
    pass

gc.disable()
gc.collect()
gc.callbacks.append(cb)
a = C()
a.me = a
del a
n = gc.collect()
print("returned:", n)
for e in events:
    print("  event:", e)
events.clear()

def keys(phase, info):
    print("  keys in", phase + ":", sorted(info.keys()))

gc.callbacks.append(keys)
gc.collect(1)
gc.callbacks.remove(keys)
for e in events:
    print("  event:", e)
events.clear()
l = [[] for k in range(3)]
for x in l:
    x.append(x)
del l, x
print("returned:", gc.collect(0))
print("events:", events)
gc.callbacks.remove(cb)
print("callbacks left:", len(gc.callbacks))
