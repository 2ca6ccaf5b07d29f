# Freed by reference counting: __del__ first (weakrefs still alive), then callbacks, newest first.
import weakref

plain = {}

class C:
    def __init__(self, name):
        self.name = name
        plain[name] = weakref.ref(self)

    def __del__(self):
        print("  __del__", self.name, "- plain ref still alive:", plain[self.name]() is self)

def callback(label):
    def cb(ref):
        print("  callback", label, "ref() is", ref())
    return cb

c = C("c")
r1 = weakref.ref(c, callback("r1 (first)"))
r2 = weakref.ref(c, callback("r2"))
r3 = weakref.ref(c, callback("r3 (last)"))
print("weakrefcount:", weakref.getweakrefcount(c))
print("del c")
del c
print("after: plain ref gives", plain["c"]())

d = C("d")
rd = weakref.ref(d, callback("rd"))
del rd
print("del d, whose callback ref was deleted first")
del d

e = C("e")
re1 = weakref.ref(e, callback("re1"))
holder = [e]
del e
print("holder.clear()")
holder.clear()

f = C("f")
rf = weakref.ref(f, callback("rf"))
print("f = None")
f = None
print("done")
