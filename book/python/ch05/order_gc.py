# The same objects, but in a cycle: the order of events when the collector frees them.
import gc
import weakref

class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name, "- r_" + self.name + "() is", refs[self.name]())

def callback(name):
    def cb(ref):
        print("  callback", name, "- its ref now gives", ref())
    return cb

gc.disable()
gc.collect()
a = C("a")
b = C("b")
a.peer, b.peer = b, a
refs = {"a": weakref.ref(a), "b": weakref.ref(b)}
callbacks = [weakref.ref(a, callback("a1 (made first)")),
             weakref.ref(b, callback("b1")),
             weakref.ref(a, callback("a2 (made last)"))]
print("del a, b: nothing happens")
del a, b
print("gc.collect()")
print("  returned", gc.collect())
