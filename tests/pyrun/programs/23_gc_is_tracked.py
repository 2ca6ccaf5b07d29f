# gc.is_tracked: atoms untracked; tuples and dicts of atoms untracked lazily or at once.
import gc

class C:
    pass

class S:
    __slots__ = ()

gc.disable()
gc.collect()
n = 5
print("int, str, None, float:", gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(1.5))
print("[] {} set():", gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(set()))
print("C(), S(), object():", gc.is_tracked(C()), gc.is_tracked(S()), gc.is_tracked(object()))
print("empty tuple:", gc.is_tracked(()))
print("constant tuple:", gc.is_tracked((1, 2)))
t = (n, "a")
print("built tuple of atoms:", gc.is_tracked(t))
u = (n, [])
v = (n, (n, "b"))
d = {"a": 1, "b": "x"}
d2 = {"a": 1}
d2["l"] = []
d3 = {"t": (n, 2)}
print("before: t", gc.is_tracked(t), "u", gc.is_tracked(u), "v", gc.is_tracked(v))
print("dicts: atoms", gc.is_tracked(d), "with list", gc.is_tracked(d2), "with tuple", gc.is_tracked(d3))
gc.collect(0)
print("after collect(0): t", gc.is_tracked(t), "u", gc.is_tracked(u), "v", gc.is_tracked(v))
print("dicts after: atoms", gc.is_tracked(d), "with list", gc.is_tracked(d2), "with tuple", gc.is_tracked(d3))
del d2["l"]
gc.collect()
print("d2 after removing the list, full collect:", gc.is_tracked(d2))
print("d3 after full collect:", gc.is_tracked(d3), "its tuple:", gc.is_tracked(d3["t"]))
d["new"] = []
print("d after storing a list:", gc.is_tracked(d))
