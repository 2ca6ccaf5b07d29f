# __del__ in cycles: every finalizer runs (peers still intact) before anything is cleared.
import gc

class R:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        peer = self.peer.name if self.peer is not None else None
        print("  __del__", self.name, "peer:", peer)

gc.disable()
gc.collect()
a = R("a")
b = R("b")
a.peer, b.peer = b, a
print("del a, b")
del a, b
print("collect:", gc.collect())
print("collect again:", gc.collect())

print("ring of four, made x1..x4:")
ring = [R("x" + str(k)) for k in range(1, 5)]
for k in range(4):
    ring[k].peer = ring[(k + 1) % 4]
del ring
print("collect:", gc.collect())

print("cycle with a list in it:")
c = R("c")
c.peer = R("d")
c.peer.peer = [c]
c.peer.peer = None
c.items = [c]
del c
print("collect:", gc.collect())
