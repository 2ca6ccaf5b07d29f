# Which objects the collector looks at, in CPython 3.11.
import gc

class C:
    pass

n = 2
cases = [("0", 0), ("'a'", "a"), ("None", None), ("()", ()), ("(1, n)", (1, n)),
         ("([],)", ([],)), ("[]", []), ("{}", {}), ("{'a': 1}", {"a": 1}),
         ("{'a': []}", {"a": []}), ("C()", C()), ("C", C)]
for label, o in cases:
    print(f"{label:<11}{gc.is_tracked(o)}")

t = (1, n)
d = {"a": []}
d["a"] = 1
print("before a collection: t", gc.is_tracked(t), " d", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):    t", gc.is_tracked(t), " d", gc.is_tracked(d))
gc.collect()
print("after collect():     t", gc.is_tracked(t), " d", gc.is_tracked(d))
