# Automatic collections with small thresholds: which generations run, logged by a callback.
# Instances (not lists) are allocated: they have no free list, so each adds exactly 1.
import gc

class C:
    pass

log = []

def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])

gc.enable()
gc.collect()
print("threshold before:", gc.get_threshold())
gc.set_threshold(10, 2, 2)
print("threshold now:   ", gc.get_threshold())
gc.callbacks.append(cb)
junk = []
for i in range(200):
    junk.append(C())
gc.callbacks.remove(cb)
print("collections:", len(log))
print(log)
print("gen 0/1/2:", log.count(0), log.count(1), log.count(2))
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
