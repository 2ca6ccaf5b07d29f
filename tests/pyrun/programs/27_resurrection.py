# Resurrection: a __del__ that stores self; gc.is_finalized; __del__ never runs twice.
import gc

saved = []

class Phoenix:
    calls = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Phoenix.calls += 1
        print("  __del__", self.name, "finalized already:", gc.is_finalized(self))
        saved.append(self)

gc.disable()
gc.collect()
p = Phoenix("p")
p.me = p
print("is_finalized before:", gc.is_finalized(p))
del p
print("collect:", gc.collect())
print("resurrected:", [o.name for o in saved], "is_finalized:", gc.is_finalized(saved[0]))
saved.clear()
print("collect after letting go:", gc.collect(), "calls:", Phoenix.calls)

q = Phoenix("q")
del q
print("refcount path: resurrected", len(saved), "calls:", Phoenix.calls)
print("is_finalized(q):", gc.is_finalized(saved[0]))
saved.clear()
print("freed silently; calls:", Phoenix.calls)

a = Phoenix("a")
b = Phoenix("b")
a.peer, b.peer = b, a
del a, b
print("two-object cycle, both resurrect:", gc.collect(), "saved:", [o.name for o in saved])
saved.pop()
print("one let go, collect:", gc.collect(), "calls:", Phoenix.calls)
saved.clear()
print("all let go, collect:", gc.collect(), "calls:", Phoenix.calls)
