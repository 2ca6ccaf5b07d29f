# The order of events when reference counting frees an object that has __del__ and
# weak references with callbacks.
import weakref

class C:
    def __del__(self):
        print("  __del__: r1() is self:", r1() is self)

def callback(name):
    def cb(ref):
        print("  callback", name, "- its ref now gives", ref())
    return cb

c = C()
r1 = weakref.ref(c, callback("r1 (made first)"))
r2 = weakref.ref(c, callback("r2"))
r3 = weakref.ref(c, callback("r3 (made last)"))
print("del c")
del c
print("done")
