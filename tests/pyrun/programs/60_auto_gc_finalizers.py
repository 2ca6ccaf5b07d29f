# Automatic collection (threshold 50) finalizes cycles with __del__ as the program runs.
import gc

class Res:
    created = 0
    finalized = 0

    def __init__(self, n):
        self.n = n
        Res.created += 1

    def __del__(self):
        Res.finalized += 1

gens = []

def cb(phase, info):
    if phase == "start":
        gens.append((info["generation"], Res.created))
    else:
        gens.append((info["generation"], info["collected"]))

gc.enable()
gc.set_threshold(50, 3, 1000)
gc.callbacks.append(cb)
gc.collect()
gens.clear()
Res.finalized = 0
for k in range(500):
    r = Res(k)
    r.me = r
del r
gc.callbacks.remove(cb)
gc.disable()
starts = gens[0::2]
stops = gens[1::2]
print("collections:", len(starts))
print("generations:", [g for g, n in starts])
print("every collection found garbage:", all(c > 0 for g, c in stops))
print("finalized during the loop == collected:", Res.finalized == sum(c for g, c in stops))
n = gc.collect()
print("final collect frees the rest:", Res.finalized == 500, "and found at most 51:", n <= 51)
gc.set_threshold(700, 10, 10)
