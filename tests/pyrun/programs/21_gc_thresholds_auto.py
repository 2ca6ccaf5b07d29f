# Automatic collections with gc.set_threshold(10, 2, 2): every 11th allocation starts one,
# every 4th of them is a generation-1 collection; generation 2 does not run here.
# Instances (not lists) are allocated: they have no free list, so each adds exactly 1.
# What is printed does not depend on where the very first collection falls (a few hidden
# allocations by the interpreter move it), only on the spacing between collections.
import gc

class C:
    pass

log = []
junk = []

def cb(phase, info):
    if phase == "start":
        log.append((info["generation"], len(junk)))

gc.enable()
print("threshold before:", gc.get_threshold())
gc.set_threshold(10, 2, 2)
print("threshold now:   ", gc.get_threshold())
gc.callbacks.append(cb)
gc.collect()
log.clear()
for i in range(200):
    junk.append(C())
gc.callbacks.remove(cb)
gens = [g for g, n in log]
print("collections:", len(log))
print("generations:", gens)
print("instances created between collections:", sorted(set(log[k + 1][1] - log[k][1] for k in range(len(log) - 1))))
print("first one after at most 11 instances:", log[0][1] <= 10)
print("gen 0/1/2:", gens.count(0), gens.count(1), gens.count(2))
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
