import gc

gc.disable()
print("[] tracked:", gc.is_tracked([]))
print("{} tracked:", gc.is_tracked({}))
d = {"a": 1, "b": "two"}
print("dict of atoms tracked:", gc.is_tracked(d))
d["c"] = []
print("after d['c'] = []:", gc.is_tracked(d))
t = tuple([1, "two", None])
print("tuple of atoms tracked:", gc.is_tracked(t))
gc.collect()
print("after gc.collect():", gc.is_tracked(t))
u = tuple([1, []])
gc.collect()
print("tuple holding a list, after gc.collect():", gc.is_tracked(u))
print("int, str tracked:", gc.is_tracked(1), gc.is_tracked("two"))
