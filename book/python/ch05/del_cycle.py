# Two objects with __del__ that refer to each other: who is finalized first, and when?
import gc

class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name, "- its peer is still intact:", self.peer.name)

gc.disable()
gc.collect()
a = Resource("a")
b = Resource("b")
a.peer, b.peer = b, a
print("del a, b")
del a, b
print("gc.collect()")
print("  returned", gc.collect())
print("gc.collect() again")
print("  returned", gc.collect())
