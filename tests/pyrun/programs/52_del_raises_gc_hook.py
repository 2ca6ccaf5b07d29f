# __del__ raising during gc.collect(): reported through sys.unraisablehook, the collection completes.
import gc
import sys

def hook(u):
    print("  unraisable:", type(u.exc_value).__name__, u.exc_value, "in", u.object.__qualname__,
          file=sys.stderr)

sys.unraisablehook = hook

class Bad:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)
        raise RuntimeError(self.name + " failed")

gc.disable()
gc.collect()
a = Bad("a")
b = Bad("b")
a.peer, b.peer = b, a
del a, b
print("collect a <-> b")
print("returned", gc.collect())
c = Bad("c")
c.me = c
del c
print("collect c <-> c")
print("returned", gc.collect())
print("Bads alive:", sum(1 for o in gc.get_objects() if type(o) is Bad))
print("gc.garbage:", gc.garbage)
