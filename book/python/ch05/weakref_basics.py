# A weak reference: it refers to an object without keeping it alive.
import weakref

class C:
    pass

c = C()
r = weakref.ref(c)
print("r() is c:", r() is c)
print("getweakrefcount(c):", weakref.getweakrefcount(c))
print("weakref.ref(c) is r:", weakref.ref(c) is r, "- a ref without callback is shared")
r2 = weakref.ref(c, lambda ref: None)
print("with a callback, r2 is r:", r2 is r, " getweakrefcount(c):",
      weakref.getweakrefcount(c))
r3 = weakref.ref(c, lambda ref: None)
names = {id(r): "r", id(r2): "r2", id(r3): "r3"}
print("getweakrefs(c), in the object's list order:",
      [names[id(x)] for x in weakref.getweakrefs(c)])
del c                   # the last strong reference: c is freed here
print("after del c: r() is", r(), " r2() is", r2(), " r3() is", r3())
print("a dead ref is still an object:", type(r).__name__)

for obj in (1, "s", (), [], {}):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)
