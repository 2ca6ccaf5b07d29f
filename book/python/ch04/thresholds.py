# Automatic collections with small thresholds: which generation each one collects.
import gc

log = []

def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])

gc.collect()
gc.set_threshold(10, 2, 2)
gc.callbacks.append(cb)
junk = []
for i in range(200):
    junk.append([])
gc.callbacks.remove(cb)
print(log)
