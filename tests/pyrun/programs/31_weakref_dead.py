# Weak references to dead objects return None; getweakrefcount, getweakrefs, sharing, errors.
import gc
import weakref

class C:
    pass

class S:
    __slots__ = ("x",)

gc.disable()
gc.collect()
c = C()
r = weakref.ref(c)
print("alive:", r() is c, "count:", weakref.getweakrefcount(c))
print("a second plain ref is the same object:", weakref.ref(c) is r)
rc = weakref.ref(c, lambda ref: None)
print("with callback, distinct:", rc is not r, "count:", weakref.getweakrefcount(c))
print("getweakrefs length:", len(weakref.getweakrefs(c)))
del c
print("dead:", r(), rc())
print("a dead ref is still a", type(r).__name__)
c = C()
c.me = c
r = weakref.ref(c)
del c
print("cycle still alive before collect:", r() is not None)
gc.collect()
print("after collect:", r())
try:
    weakref.ref(S())
except TypeError as e:
    print("TypeError for a slotted class without __weakref__")
for obj in (1, "s", [], {}, (1,)):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "accepted")
    except TypeError:
        print(type(obj).__name__, "rejected")
print("object() rejected:", not hasattr(object(), "__weakref__"))
