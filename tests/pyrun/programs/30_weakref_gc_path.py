# Freed by the collector: weakrefs cleared and callbacks run before any __del__.
import gc
import weakref

class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name, "- weakref now gives", refs[self.name]())

def callback(label):
    def cb(ref):
        print("  callback", label)
    return cb

gc.disable()
gc.collect()
a = C("a")
b = C("b")
a.peer, b.peer = b, a
refs = {"a": weakref.ref(a), "b": weakref.ref(b)}
cbs = [weakref.ref(a, callback("a1")), weakref.ref(b, callback("b1")),
       weakref.ref(a, callback("a2"))]
del a, b
print("gc.collect()")
print("  returned", gc.collect())

class P:
    pass

x = P()
x.me = x
x.inner = weakref.ref(x, callback("inner (part of the garbage)"))
outer = weakref.ref(x, callback("outer"))
del x
print("gc.collect() with a weakref inside the garbage")
print("  returned", gc.collect())
print("outer() is", outer())
